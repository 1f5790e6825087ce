"""The BM25 index (bm25s): rebuilt once per ingest from the record of documents, saved beside
it with the record's generation, never rebuilt per query."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import bm25s
import Stemmer

_STEMMER = Stemmer.Stemmer("english")
# Keep numbers whole ("797,958.0" -> "797958.0") so figures and years match as tokens.
_NUMBER = re.compile(r"(?<=\d),(?=\d{3})")


def normalise(text: str) -> str:
    return _NUMBER.sub("", text).replace("_", " ")


def tokenize(texts: list[str]):
    return bm25s.tokenize([normalise(t) for t in texts], stopwords="en", stemmer=_STEMMER,
                          show_progress=False, token_pattern=r"(?u)\b\w[\w.]*\w\b|\b\w\w?\b")


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25 | None, ids: list[str], generation: int):
        self.retriever = retriever
        self.ids = ids
        self.generation = generation

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation: int) -> "LexicalIndex":
        if not ids:
            return cls(None, [], generation)
        retriever = bm25s.BM25()
        retriever.index(tokenize(texts), show_progress=False)
        return cls(retriever, list(ids), generation)

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.retriever is not None:
            self.retriever.save(str(tmp / "bm25"))
        (tmp / "ids.json").write_text(json.dumps({"generation": self.generation, "ids": self.ids}))
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex | None":
        try:
            info = json.loads((folder / "ids.json").read_text())
            retriever = bm25s.BM25.load(str(folder / "bm25")) if info["ids"] else None
            return cls(retriever, info["ids"], int(info["generation"]))
        except (OSError, ValueError, KeyError):
            return None

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        if self.retriever is None or not query.strip():
            return []
        tokens = tokenize([query])
        if not tokens.vocab:
            return []
        k = min(k, len(self.ids))
        docs, scores = self.retriever.retrieve(tokens, k=k, show_progress=False, n_threads=1)
        return [(self.ids[int(i)], float(s)) for i, s in zip(docs[0], scores[0]) if s > 0]
