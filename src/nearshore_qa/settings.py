"""Configuration, read once at the edge (environment, CLI flags) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

from .kinds import AnswererName, UnverifiedMode

# The shipped corpus sits beside the package in a source checkout (the supported install).
REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CORPUS = REPO_ROOT / "corpus"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from None


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, got {raw!r}") from None


# Settings hold plain names, not AnswererName / UnverifiedMode members: they become the app's
# widget state, and Streamlit's enum coercion fails on an Enum value among string options.
ANSWERERS = tuple(a.value for a in AnswererName)


@dataclass(frozen=True)
class Settings:
    store_dir: Path
    # An explicit store starts empty; the default one is seeded from the shipped corpus.
    seed_corpus: Path | None = None
    chroma_url: str | None = None
    collection: str = "nearshore_qa"
    max_file_mb: int = 50
    top_k: int = 5
    answerer: str = AnswererName.EXTRACTIVE.value  # an AnswererName
    # LLM answerers (issue: LLM answerers); read here so configuration stays at the edge.
    llm_model: str = ""
    llm_base_url: str = ""
    llm_timeout_s: float = 60.0
    unverified: str = UnverifiedMode.FLAG.value  # an UnverifiedMode: a sentence whose figure is unsupported
    allow_private_urls: bool = False

    @classmethod
    def from_env(cls, store: str | os.PathLike | None = None, **overrides) -> Settings:
        """Settings from NEARSHORE_QA_* variables; an explicit ``store`` wins and starts empty."""
        if store is not None:
            store_dir, seed = Path(store), None
        else:
            home = os.environ.get("NEARSHORE_QA_HOME")
            store_dir = Path(home) if home else Path(user_data_dir("nearshore-qa", appauthor=False))
            corpus = os.environ.get("NEARSHORE_QA_CORPUS")
            seed = Path(corpus) if corpus else SHIPPED_CORPUS
        settings = cls(
            store_dir=store_dir.expanduser(),
            seed_corpus=seed,
            chroma_url=os.environ.get("NEARSHORE_QA_CHROMA_URL") or None,
            max_file_mb=_env_int("NEARSHORE_QA_MAX_FILE_MB", 50),
            top_k=_env_int("NEARSHORE_QA_TOP_K", 5),
            answerer=os.environ.get("NEARSHORE_QA_ANSWERER", AnswererName.EXTRACTIVE.value),
            llm_model=os.environ.get("NEARSHORE_QA_LLM_MODEL", ""),
            llm_base_url=os.environ.get("NEARSHORE_QA_LLM_BASE_URL", ""),
            llm_timeout_s=_env_float("NEARSHORE_QA_LLM_TIMEOUT", 60.0),
            unverified=os.environ.get("NEARSHORE_QA_UNVERIFIED", UnverifiedMode.FLAG.value),
            allow_private_urls=os.environ.get("NEARSHORE_QA_ALLOW_PRIVATE_URLS", "") == "1",
        )
        settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.max_file_mb <= 0:
            raise ValueError(f"max_file_mb must be positive, got {self.max_file_mb}")
        if not 1 <= self.top_k <= 50:
            raise ValueError(f"top_k must be between 1 and 50, got {self.top_k}")
        if self.answerer not in ANSWERERS:
            raise ValueError(f"answerer must be one of {', '.join(ANSWERERS)}, got {self.answerer!r}")
        if not self.llm_timeout_s > 0:
            raise ValueError(f"the LLM timeout must be positive, got {self.llm_timeout_s}")
        if self.unverified not in tuple(UnverifiedMode):
            raise ValueError(f"unverified must be 'flag' or 'remove', got {self.unverified!r}")

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024
