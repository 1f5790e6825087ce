"""The one place that builds an answerer, from its name and only what that answerer needs.

The library (from ``Settings``) and the app (from its sidebar) both call ``make_answerer``.
A new answerer: implement ``base.Answerer`` (and ``stream`` / ``rewrite`` if it can), add its
name to ``kinds.AnswererName``, and build it here.
"""

from __future__ import annotations

from collections.abc import Callable

from ..kinds import AnswererName, UnverifiedMode
from ..records import Chunk
from .backends import MAX_TOKENS, LlamaCppBackend, ollama_backend, openai_backend
from .base import Answerer
from .extractive import ExtractiveAnswerer
from .llm import LLMAnswerer


def openai_answerer(
    model: str,
    base_url: str = "",
    api_key: str | None = None,
    timeout: float = 60.0,
    unverified: UnverifiedMode | str = UnverifiedMode.FLAG,
    max_tokens: int = MAX_TOKENS,
) -> LLMAnswerer:
    """Any OpenAI-compatible endpoint: OpenAI, vLLM, llama.cpp server, LM Studio, …"""
    return LLMAnswerer(openai_backend(model, base_url, api_key, timeout, max_tokens), unverified=unverified)


def ollama_answerer(
    model: str,
    base_url: str = "",
    timeout: float = 60.0,
    unverified: UnverifiedMode | str = UnverifiedMode.FLAG,
    max_tokens: int = MAX_TOKENS,
) -> LLMAnswerer:
    return LLMAnswerer(ollama_backend(model, base_url, timeout, max_tokens), unverified=unverified)


def llamacpp_answerer(
    model_path: str,
    timeout: float = 60.0,
    unverified: UnverifiedMode | str = UnverifiedMode.FLAG,
    max_tokens: int = MAX_TOKENS,
    n_ctx: int = 4096,
) -> LLMAnswerer:
    return LLMAnswerer(LlamaCppBackend(model_path, timeout, max_tokens, n_ctx), unverified=unverified)


def make_answerer(
    name: AnswererName | str,
    *,
    llm_model: str = "",
    llm_url: str = "",
    llm_timeout_s: float = 60.0,
    unverified: UnverifiedMode | str = UnverifiedMode.FLAG,
    embedder=None,
    table_rows: Callable[[str], list[Chunk]] | None = None,
    tables_for: Callable[[str], list] | None = None,
    table_catalogue: Callable[[], list] | None = None,
) -> Answerer:
    """The answerer called ``name``.

    extractive: ``embedder`` (it encodes the candidate sentences) and ``table_rows`` (doc_id ->
    its row chunks, to scan a whole table for "which ... most" questions) and ``tables_for``
    (doc_id -> its tables as data, for answers that state a cell) and ``table_catalogue`` (every
    data table's rows, where a computation looks for operands the hits lack); the LLM answerers:
    ``llm_model`` (a model name, or the .gguf path for llamacpp), ``llm_url`` (openai, ollama),
    ``llm_timeout_s`` and ``unverified``.
    """
    if name == AnswererName.EXTRACTIVE:
        if embedder is None:
            raise ValueError("the extractive answerer needs the embedder")
        return ExtractiveAnswerer(
            embedder, table_rows=table_rows, tables_for=tables_for, table_catalogue=table_catalogue
        )
    if name == AnswererName.OPENAI:
        return openai_answerer(llm_model, llm_url, timeout=llm_timeout_s, unverified=unverified)
    if name == AnswererName.OLLAMA:
        return ollama_answerer(llm_model, llm_url, timeout=llm_timeout_s, unverified=unverified)
    if name == AnswererName.LLAMACPP:
        return llamacpp_answerer(llm_model, timeout=llm_timeout_s, unverified=unverified)
    raise ValueError(f"unknown answerer {name!r}; choose one of {', '.join(AnswererName)}")
