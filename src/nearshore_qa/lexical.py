"""The BM25 index (bm25s): rebuilt once per change of the record of documents, cached on disk
under the record's generation, never rebuilt per query.

The cache is one folder per generation, written under a temporary name and renamed into place,
so several processes (an ingest, the app, a CLI ``ask``) can build and read it at once: a reader
finds a complete index or none (and then builds its own).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
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


def _slug(generation) -> str:
    return "g-" + re.sub(r"[^A-Za-z0-9_.-]", "_", str(generation))[:100]


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25 | None, ids: list[str], generation):
        self.retriever = retriever
        self.ids = ids
        self.generation = generation

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation) -> "LexicalIndex":
        if not ids:
            return cls(None, [], generation)
        retriever = bm25s.BM25()
        retriever.index(tokenize(texts), show_progress=False)
        return cls(retriever, list(ids), generation)

    def save(self, folder: Path) -> None:
        """Write the index to ``folder/<generation>`` atomically; drop other generations."""
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / _slug(self.generation)
        if not final.exists():
            tmp = Path(tempfile.mkdtemp(dir=folder, prefix=".tmp-"))
            try:
                if self.retriever is not None:
                    self.retriever.save(str(tmp / "bm25"))
                (tmp / "ids.json").write_text(json.dumps({"generation": str(self.generation), "ids": self.ids}))
                os.rename(tmp, final)  # atomic; fails if another process got there first
            except OSError:
                if not final.exists():
                    raise
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        for entry in folder.iterdir():  # older generations (and a killed writer's leftovers)
            if entry == final:
                continue
            if entry.name.startswith(".tmp-"):
                try:
                    if time.time() - entry.stat().st_mtime < 600:
                        continue  # another process may be writing it now
                except OSError:
                    continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                try:
                    entry.unlink()
                except OSError:
                    pass

    @classmethod
    def load(cls, folder: Path, generation) -> "LexicalIndex | None":
        """The cached index of this generation, or None (absent, half-deleted, unreadable)."""
        path = folder / _slug(generation)
        try:
            info = json.loads((path / "ids.json").read_text())
            if info["generation"] != str(generation):
                return None
            retriever = bm25s.BM25.load(str(path / "bm25")) if info["ids"] else None
            return cls(retriever, info["ids"], generation)
        except Exception:  # any damage means: rebuild
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
