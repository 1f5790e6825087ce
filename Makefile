# Two commands: `make run` (set up, then start the app on the shipped corpus) and
# `make test` (set up, then run the whole suite). Everything runs offline once installed.
VENV ?= .venv
PYTHON ?= python3.11
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run ask test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

setup: $(VENV)/.installed

run: setup
	$(VENV)/bin/streamlit run app.py --server.headless true

ask: setup
	$(VENV)/bin/nearshore-qa ask

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/tatqa_retrieval.py --data ../shared/eval/tatqa/dev
	$(PY) benchmarks/speed.py

clean:
	rm -rf $(VENV) build *.egg-info
