"""The answerer contract, and the LangChain chain that runs retrieval then an answerer.

Every answerer is an ``Answerer``: a ``name`` and ``__call__(question, hits) -> Answer``. Two
abilities are optional, each its own runtime-checkable Protocol, so the library asks
``isinstance`` rather than probing attributes:

- ``StreamingAnswerer.stream(question, hits)`` yields the answer's text as it is written, then
  the final ``Answer`` (the LLM answerers). Without it the answer arrives whole.
- ``RewritingAnswerer.rewrite(question, history)`` turns a follow-up into a standalone question
  (the LLM answerers, falling back to the rule). Without it the rule of ``rewrite.py`` is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from langchain_core.runnables import Runnable, RunnableLambda

from ..records import Answer, Hit
from ..rewrite import rewrite_followup


@runtime_checkable
class Answerer(Protocol):
    name: str  # shown with the answer (``Answer.answerer``) and in the chain's name

    def __call__(self, question: str, hits: list[Hit]) -> Answer: ...


@runtime_checkable
class StreamingAnswerer(Protocol):
    def stream(self, question: str, hits: list[Hit]) -> Iterator[str | Answer]:
        """Text pieces as they are written, then exactly one ``Answer``, last."""
        ...


@runtime_checkable
class RewritingAnswerer(Protocol):
    def rewrite(self, question: str, history: list[str]) -> str: ...


def answer_stream(answerer: Answerer, question: str, hits: list[Hit]) -> Iterator[str | Answer]:
    """Any answerer as a stream: its text pieces (if it streams), then its ``Answer``."""
    if isinstance(answerer, StreamingAnswerer):
        yield from answerer.stream(question, hits)
    else:
        yield answerer(question, hits)


def standalone_question(answerer: Answerer, question: str, history: list[str]) -> str:
    """A follow-up rewritten from the history: by the answerer when it can (an LLM answerer
    falls back to the rule itself), else by rule."""
    if history and isinstance(answerer, RewritingAnswerer):
        return answerer.rewrite(question, history)
    return rewrite_followup(question, history)


def build_chain(retriever, answerer: Answerer) -> Runnable:
    """retriever → answerer as one LangChain Runnable.

    ``chain.stream(question)`` yields the answer's text pieces, then the ``Answer``;
    ``chain.invoke(question)`` returns the ``Answer`` (LangChain adds the streamed pieces up,
    and an ``Answer`` cannot be added to text, so it is what is left).
    """
    from ..retrieval import documents_to_hits

    def run(question: str) -> Iterator[str | Answer]:
        hits = documents_to_hits(retriever.invoke(question))
        yield from answer_stream(answerer, question, hits)

    return RunnableLambda(run, name=f"{answerer.name}_chain")
