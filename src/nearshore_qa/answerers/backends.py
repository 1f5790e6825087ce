"""Chat backends: what streams an LLM's text for the answerers. Any LangChain chat model
(``ChatOpenAI`` for any OpenAI-compatible server, ``ChatOllama``), or a GGUF file run in-process
by llama-cpp-python. Every client library's errors become one ``AnswererError`` line naming the
server and model."""

from __future__ import annotations

import importlib.util
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from ..errors import AnswererError
from ..kinds import AnswererName

DEFAULT_OLLAMA_URL = "http://localhost:11434"
MAX_TOKENS = 512


class ChatBackend(Protocol):
    kind: str
    model: str
    url: str

    def stream(self, messages: list[tuple[str, str]]) -> Iterator[str]: ...


def _translate(exc: BaseException, kind: str, url: str, model: str, timeout: float) -> AnswererError:
    """A one-line error naming the server and model, whatever the client library raised."""
    import httpx

    name = type(exc).__name__
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
    where = f"the {kind} server at {url}" if url else f"the {kind} server"
    if isinstance(exc, (TimeoutError, httpx.TimeoutException)) or "Timeout" in name:
        return AnswererError(
            f"{where} did not answer within {timeout:g} s (model {model!r}); "
            f"check the server or raise NEARSHORE_QA_LLM_TIMEOUT"
        )
    if status == 404 or "NotFound" in name or "not found" in str(exc).lower() and status in (None, 400, 404):
        hint = f" (pull it with `ollama pull {model}`)" if kind == AnswererName.OLLAMA else ""
        return AnswererError(f"{where} has no model {model!r}{hint}; set NEARSHORE_QA_LLM_MODEL")
    if status in (401, 403) or "Authentication" in name or "PermissionDenied" in name:
        return AnswererError(f"{where} refused the API key (HTTP {status}); set OPENAI_API_KEY")
    if isinstance(exc, (ConnectionError, httpx.ConnectError, httpx.NetworkError)) or "Connection" in name:
        return AnswererError(f"cannot reach {where} (model {model!r}): is it running? Set NEARSHORE_QA_LLM_BASE_URL")
    first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else name
    code = f" HTTP {status}" if status else ""
    return AnswererError(f"{where} (model {model!r}) failed:{code} {first}")


class LangChainBackend:
    """Any LangChain chat model (ChatOpenAI, ChatOllama, the fake chat models in tests)."""

    def __init__(self, chat, kind: str = "llm", model: str = "", url: str = "", timeout: float = 60.0):
        self.chat, self.kind, self.model, self.url, self.timeout = chat, kind, model, url, timeout

    def stream(self, messages: list[tuple[str, str]]) -> Iterator[str]:
        try:
            for chunk in self.chat.stream(messages):
                content = chunk.content
                if isinstance(content, list):  # content blocks
                    content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
                if content:
                    yield content
        except AnswererError:
            raise
        except Exception as exc:  # the client libraries' own errors, translated to one line
            raise _translate(exc, self.kind, self.url, self.model, self.timeout) from exc


_LLAMAS: dict[tuple[str, int], object] = {}
_LLAMA_LOCK = threading.Lock()


class LlamaCppBackend:
    """A GGUF file run in-process by llama-cpp-python (loaded once per process and path)."""

    kind: str = AnswererName.LLAMACPP
    url = ""

    def __init__(self, model_path: str, timeout: float = 60.0, max_tokens: int = MAX_TOKENS, n_ctx: int = 4096):
        if importlib.util.find_spec("llama_cpp") is None:
            raise AnswererError(
                "the llamacpp answerer needs llama-cpp-python: pip install -e '.[llamacpp]' "
                "(it compiles for about 5 minutes)"
            )
        path = Path(model_path).expanduser() if model_path else None
        if path is None or not path.is_file():
            raise AnswererError(
                f"llamacpp model file not found: {model_path or '(none)'}; "
                f"set NEARSHORE_QA_LLM_MODEL to the path of a .gguf file"
            )
        self.model = str(path)
        self.timeout, self.max_tokens, self.n_ctx = timeout, max_tokens, n_ctx

    @property
    def llama(self):
        key = (self.model, self.n_ctx)
        with _LLAMA_LOCK:
            if key not in _LLAMAS:
                from llama_cpp import Llama

                try:
                    _LLAMAS[key] = Llama(
                        model_path=self.model, n_ctx=self.n_ctx, n_threads=os.cpu_count() or 2, verbose=False
                    )
                except Exception as exc:
                    raise AnswererError(f"llamacpp could not load {self.model}: {exc}") from exc
            return _LLAMAS[key]

    def stream(self, messages: list[tuple[str, str]]) -> Iterator[str]:
        llama = self.llama
        deadline = time.monotonic() + self.timeout
        with _LLAMA_LOCK:  # one generation at a time per process: the model is not thread-safe
            try:
                parts = llama.create_chat_completion(
                    messages=[{"role": r, "content": c} for r, c in messages],
                    stream=True,
                    max_tokens=self.max_tokens,
                    temperature=0.0,
                )
                for part in parts:
                    text = part["choices"][0].get("delta", {}).get("content") or ""
                    if text:
                        yield text
                    if time.monotonic() > deadline:
                        parts.close()
                        raise AnswererError(
                            f"llamacpp model {self.model} did not finish within {self.timeout:g} s; "
                            f"raise NEARSHORE_QA_LLM_TIMEOUT"
                        )
            except AnswererError:
                raise
            except ValueError as exc:  # e.g. the prompt does not fit the context window
                raise AnswererError(f"llamacpp model {self.model}: {exc}") from exc


def _need(module: str, extra: str = "llm") -> None:
    if importlib.util.find_spec(module) is None:
        raise AnswererError(f"this answerer needs {module.replace('_', '-')}: pip install -e '.[{extra}]'")


def openai_backend(
    model: str, base_url: str = "", api_key: str | None = None, timeout: float = 60.0, max_tokens: int = MAX_TOKENS
) -> LangChainBackend:
    """Any OpenAI-compatible endpoint: OpenAI, vLLM, llama.cpp server, LM Studio, …"""
    _need("langchain_openai")
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    if not model:
        raise AnswererError("the openai answerer needs a model: set NEARSHORE_QA_LLM_MODEL")
    key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY", "")
    if not key:
        if not base_url:
            raise AnswererError(
                "the openai answerer needs OPENAI_API_KEY, or NEARSHORE_QA_LLM_BASE_URL "
                "for a local OpenAI-compatible server"
            )
        key = "not-needed"  # local servers accept any key
    # OpenAI takes max_completion_tokens; most compatible servers (llama.cpp, vLLM, LM Studio) read max_tokens.
    limit = {"extra_body": {"max_tokens": max_tokens}} if base_url else {"max_completion_tokens": max_tokens}
    chat = ChatOpenAI(
        model=model,
        base_url=base_url or None,
        api_key=SecretStr(key),
        timeout=timeout,
        max_retries=0,
        temperature=0.0,
        streaming=True,
        **limit,
    )
    return LangChainBackend(chat, AnswererName.OPENAI, model, base_url or "https://api.openai.com/v1", timeout)


def ollama_backend(
    model: str, base_url: str = "", timeout: float = 60.0, max_tokens: int = MAX_TOKENS
) -> LangChainBackend:
    _need("langchain_ollama")
    from langchain_ollama import ChatOllama

    if not model:
        raise AnswererError("the ollama answerer needs a model: set NEARSHORE_QA_LLM_MODEL (e.g. qwen2.5:3b)")
    url = base_url or os.environ.get("OLLAMA_HOST") or DEFAULT_OLLAMA_URL
    if not re.match(r"^https?://", url):
        url = f"http://{url}"
    chat = ChatOllama(
        model=model, base_url=url, temperature=0.0, num_predict=max_tokens, client_kwargs={"timeout": timeout}
    )
    return LangChainBackend(chat, AnswererName.OLLAMA, model, url, timeout)
