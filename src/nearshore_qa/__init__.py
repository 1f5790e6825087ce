"""nearshore-qa: cited answers about nearshoring and North American trade.

from nearshore_qa import Settings, open_library
lib = open_library(Settings.from_env(store="/tmp/store"))
lib.add(["corpus/"])
print(lib.ask("What was US-Mexico trade in August 2022?").answer)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from .errors import AnswererError, DocumentNotFound, IngestError, NearshoreQAError, StoreError
from .records import Answer, Citation, Figure, IngestResult, SourceInfo
from .settings import Settings

try:  # one version: pyproject.toml's, read from the installed package's metadata
    __version__ = _version("nearshore-qa")
except PackageNotFoundError:  # a source tree on sys.path without an install
    __version__ = "0+unknown"

__all__ = [
    "__version__",
    "Settings",
    "open_library",
    "add",
    "ask",
    "sources",
    "remove",
    "Answer",
    "Citation",
    "Figure",
    "IngestResult",
    "SourceInfo",
    "NearshoreQAError",
    "IngestError",
    "StoreError",
    "DocumentNotFound",
    "AnswererError",
]


def open_library(settings: Settings | None = None, seed: bool = True, progress=None):
    """A ``Library`` on the configured store; the default store is seeded from the shipped corpus."""
    from .library import Library

    lib = Library(settings or Settings.from_env())
    if seed:
        lib.ensure_seeded(progress)
    return lib


def add(paths, settings: Settings | None = None) -> list[IngestResult]:
    return open_library(settings, seed=False).add(paths)


def ask(question: str, settings: Settings | None = None, k: int | None = None) -> Answer:
    return open_library(settings).ask(question, k=k)


def sources(settings: Settings | None = None) -> list[SourceInfo]:
    return open_library(settings).sources()


def remove(doc_id: str, settings: Settings | None = None) -> IngestResult:
    return open_library(settings, seed=False).remove(doc_id)
