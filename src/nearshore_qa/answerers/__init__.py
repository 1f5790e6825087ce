"""Who writes the answer from the retrieved passages.

``base``: the ``Answerer`` contract (and the optional ``StreamingAnswerer`` / ``RewritingAnswerer``)
and the LangChain chain retrieval → answerer. ``factory.make_answerer``: the one place answerers
are built. ``extractive``: the offline default, quoting sentences and table rows. ``llm``: an LLM
writes, over a chat backend (``backends``), from the prompt of ``prompt``; ``grounding`` checks
what it may claim.
"""

from __future__ import annotations

from .base import Answerer, RewritingAnswerer, StreamingAnswerer, answer_stream, build_chain, standalone_question
from .factory import make_answerer

__all__ = [
    "Answerer",
    "StreamingAnswerer",
    "RewritingAnswerer",
    "answer_stream",
    "build_chain",
    "standalone_question",
    "make_answerer",
]
