"""The answerer contract, run against both answerers (the extractive one with the real encoder; an
LLM one on a scripted LangChain fake chat model), the factory, and the library's one ask path."""

from __future__ import annotations

import pytest
from helpers import HITS
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from nearshore_qa.answerers import (
    Answerer,
    RewritingAnswerer,
    StreamingAnswerer,
    answer_stream,
    build_chain,
    make_answerer,
)
from nearshore_qa.answerers.backends import LangChainBackend
from nearshore_qa.answerers.extractive import ExtractiveAnswerer
from nearshore_qa.answerers.llm import LLMAnswerer
from nearshore_qa.errors import AnswererError
from nearshore_qa.kinds import AnswererName, UnverifiedMode
from nearshore_qa.records import Answer
from nearshore_qa.retrieval import HybridRetriever
from nearshore_qa.settings import Settings

QUESTION = "How many northbound trucks crossed at Laredo in 2025?"
REPLY = "Northbound truck crossings at Laredo rose to 2,945,393 in 2025 [2]."
UNANSWERABLE = "How much coffee did Guatemala export in 2019?"
IDK = "I don't know: the passages do not say."


@pytest.fixture(params=[AnswererName.EXTRACTIVE, "llm"])
def make(request, embedder):
    """make(reply) -> an answerer; the LLM one writes ``reply``, the extractive one reads the passages."""

    def build(reply: str) -> Answerer:
        if request.param == AnswererName.EXTRACTIVE:
            return make_answerer(AnswererName.EXTRACTIVE, embedder=embedder)
        return LLMAnswerer(LangChainBackend(FakeListChatModel(responses=[reply]), "fake", "fake-model"))

    return build


class TestAnswererContract:
    def test_is_an_answerer(self, make):
        assert isinstance(make(REPLY), Answerer) and make(REPLY).name

    def test_answers_from_the_passage_that_states_the_figure(self, make):
        answer = make(REPLY)(QUESTION, HITS)
        assert isinstance(answer, Answer) and not answer.abstained
        assert "2,945,393" in answer.answer and "[1]" in answer.answer
        assert [(c.marker, c.doc_id) for c in answer.citations] == [(1, "doc2.md")]
        assert any(f.text.startswith("2,945,393") and f.verified and f.citation == 1 for f in answer.figures)

    def test_abstains_with_the_closest_sources(self, make):
        answer = make(IDK)(UNANSWERABLE, HITS)
        assert answer.abstained and not answer.citations
        assert answer.answer.startswith("The corpus does not say: “How much coffee did Guatemala export in 2019?”")
        assert [c.doc_id for c in answer.closest] == ["doc1.md", "doc2.md", "doc3.md"]

    def test_streams_text_then_exactly_one_answer_the_same_as_a_call(self, make):
        pieces = list(answer_stream(make(REPLY), QUESTION, HITS))
        *text, final = pieces
        assert isinstance(final, Answer) and all(isinstance(p, str) for p in text)
        assert "".join(text) == (REPLY if isinstance(make(REPLY), StreamingAnswerer) else "")
        assert final.to_json() == make(REPLY)(QUESTION, HITS).to_json()

    def test_chain_stream_and_invoke_agree_on_the_real_store(self, make, loaded_library):
        chain = build_chain(HybridRetriever(store=loaded_library.store, k=3), make(REPLY))
        streamed = list(chain.stream(QUESTION))
        assert isinstance(streamed[-1], Answer)
        assert streamed[-1].to_json() == chain.invoke(QUESTION).to_json()


def test_only_the_llm_answerer_streams_and_rewrites(embedder):
    extractive = make_answerer("extractive", embedder=embedder)
    llm = LLMAnswerer(LangChainBackend(FakeListChatModel(responses=[REPLY]), "fake", "m"))
    assert not isinstance(extractive, (StreamingAnswerer, RewritingAnswerer))
    assert isinstance(llm, StreamingAnswerer) and isinstance(llm, RewritingAnswerer)


def test_factory_names_what_is_wrong(tmp_path):
    with pytest.raises(ValueError, match="unknown answerer 'gpt'; choose one of extractive, openai, ollama, llamacpp"):
        make_answerer("gpt")
    with pytest.raises(ValueError, match="the extractive answerer needs the embedder"):
        make_answerer(AnswererName.EXTRACTIVE)
    with pytest.raises(ValueError, match="unverified must be 'flag' or 'remove', got 'hide'"):
        LLMAnswerer(LangChainBackend(FakeListChatModel(responses=[REPLY]), "fake", "m"), unverified="hide")
    missing = tmp_path / "nope.gguf"
    with pytest.raises(AnswererError, match=f"model file not found: {missing}|needs llama-cpp-python"):
        make_answerer("llamacpp", llm_model=str(missing))


def test_settings_accept_the_enums_names(tmp_path):
    settings = Settings.from_env(store=tmp_path, answerer="ollama", unverified="remove")
    assert settings.answerer == AnswererName.OLLAMA and settings.unverified == UnverifiedMode.REMOVE
    with pytest.raises(ValueError, match="unverified must be 'flag' or 'remove', got 'hide'"):
        Settings.from_env(store=tmp_path, unverified="hide")


def test_library_builds_its_answerer_with_the_factory(make_library):
    lib = make_library()
    assert isinstance(lib.answerer, ExtractiveAnswerer) and lib.answerer.table_rows is not None


def test_ask_is_the_stream_of_ask_stream(loaded_library):
    history = ["How many northbound trucks crossed at Laredo in 2025?"]
    asked = loaded_library.ask("And in 2024?", history=history)
    *text, streamed = loaded_library.ask_stream("And in 2024?", history=history)
    assert not text and asked.to_json() == streamed.to_json()
    assert asked.question == "And in 2024?" and "2024" in asked.standalone_question and not asked.abstained
