"""The BM25 index (bm25s): rebuilt once per change of the record of documents, cached on disk
under the record's generation, never rebuilt per query.

The cache is one folder per generation, written under a temporary name and renamed into place,
so several processes (an ingest, the app, a CLI ``ask``) can build and read it at once: a reader
finds a complete index or none (and then builds its own).
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import time
import unicodedata
from pathlib import Path

import bm25s
import Stemmer

from .acronyms import unwritten_spellings

logger = logging.getLogger(__name__)

_STEMMER = Stemmer.Stemmer("english")
_STOPWORDS = frozenset(bm25s.stopwords.STOPWORDS_EN)
# Keep numbers whole ("797,958.0" -> "797958.0") so figures and years match as tokens.
_NUMBER = re.compile(r"(?<=\d),(?=\d{3})")


_ACCENT = re.compile(r"[\u0300-\u036f]")


def normalise(text: str) -> str:
    """Numbers whole, underscores as spaces, accents off: "Querétaro" and "Queretaro" (a table's
    own spelling, or a user's) are one word."""
    plain = _NUMBER.sub("", text).replace("_", " ")
    return plain if plain.isascii() else _ACCENT.sub("", unicodedata.normalize("NFKD", plain))


def tokenize(texts: list[str]):
    return bm25s.tokenize(
        [normalise(t) for t in texts],
        stopwords="en",
        stemmer=_STEMMER,
        show_progress=False,
        token_pattern=r"(?u)\b\w[\w.]*\w\b|\b\w\w?\b",
    )


_WORD = re.compile(r"(?u)\b\w[\w.]*\w\b|\b\w\b")


def index_stems(text: str) -> list[str]:
    """The words as the index sees them (bm25s's stopwords out, stemmed), in order. Not
    ``text.term_stems``: that one drops question words too and splits numbers differently."""
    words = [w.lower() for w in _WORD.findall(normalise(text))]
    return _STEMMER.stemWords([w for w in words if w not in _STOPWORDS])


def bigrams(text: str) -> set[tuple[str, str]]:
    words = index_stems(text)
    return set(zip(words, words[1:], strict=False))


# The cache layout's version: a folder written by an older layout (for the same generation)
# is never read, and is swept away with the other generations.
_FORMAT = "g3-"  # g3: accents folded


def _slug(generation) -> str:
    return _FORMAT + re.sub(r"[^A-Za-z0-9_.-]", "_", str(generation))[:100]


def document_key(chunk_id: str) -> str:
    """The document version a chunk belongs to (chunk ids are ``<version hash>-<ordinal>``)."""
    return chunk_id.rsplit("-", 1)[0]


def _bm25(texts: list[str]) -> bm25s.BM25:
    retriever = bm25s.BM25()
    retriever.index(tokenize(texts), show_progress=False)
    return retriever


class LexicalIndex:
    """BM25 over chunks, and over whole documents (all their chunks as one text): a question's
    words are often spread over a document — the row label in a table, the year in its header,
    the subject in the paragraph above — where no single chunk holds them all."""

    def __init__(
        self,
        retriever: bm25s.BM25 | None,
        ids: list[str],
        generation,
        doc_retriever: bm25s.BM25 | None = None,
        doc_keys: list[str] | None = None,
        spellings: dict[str, str] | None = None,
    ):
        self.retriever = retriever
        self.ids = ids
        self.generation = generation
        self.doc_retriever = doc_retriever
        self.doc_keys = doc_keys or []
        # acronym -> its spelled-out form, for the acronyms the chunks spell out and never write
        self.spellings = spellings or {}
        self._position: dict[str, int] | None = None

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation) -> LexicalIndex:
        if not ids:
            return cls(None, [], generation)
        # A document's text for BM25: its chunks' lines, each once (the title, section and table
        # header every chunk repeats would otherwise count once per chunk).
        grouped: dict[str, dict[str, None]] = {}
        for cid, text in zip(ids, texts, strict=False):
            grouped.setdefault(document_key(cid), {}).update(dict.fromkeys(text.split("\n")))
        doc_keys = list(grouped)
        return cls(
            _bm25(texts),
            list(ids),
            generation,
            _bm25(["\n".join(grouped[key]) for key in doc_keys]),
            doc_keys,
            unwritten_spellings(texts),
        )

    def save(self, folder: Path) -> None:
        """Write the index to ``folder/<generation>`` atomically; drop other generations."""
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / _slug(self.generation)
        if not final.exists():
            tmp = Path(tempfile.mkdtemp(dir=folder, prefix=".tmp-"))
            try:
                if self.retriever is not None and self.doc_retriever is not None:  # both or neither
                    self.retriever.save(str(tmp / "bm25"))
                    self.doc_retriever.save(str(tmp / "bm25docs"))
                (tmp / "ids.json").write_text(
                    json.dumps(
                        {
                            "generation": str(self.generation),
                            "ids": self.ids,
                            "doc_keys": self.doc_keys,
                            "spellings": self.spellings,
                        }
                    )
                )
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
    def load(cls, folder: Path, generation) -> LexicalIndex | None:
        """The cached index of this generation, or None (absent, half-deleted, unreadable)."""
        path = folder / _slug(generation)
        try:
            info = json.loads((path / "ids.json").read_text())
            if info["generation"] != str(generation):
                return None
            if not info["ids"]:
                return cls(None, [], generation)
            return cls(
                bm25s.BM25.load(str(path / "bm25")),
                info["ids"],
                generation,
                bm25s.BM25.load(str(path / "bm25docs")),
                info["doc_keys"],
                info["spellings"],  # a cache written before spellings were kept is rebuilt
            )
        except Exception:  # any damage means: rebuild
            logger.debug("no readable lexical cache at %s; it is rebuilt", path, exc_info=True)
            return None

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The best chunks: (chunk id, score)."""
        return _retrieve(self.retriever, self.ids, query, k)

    def scores(self, query: str, ids: list[str]) -> dict[str, float]:
        """BM25 scores of the given chunks (those another search found), however low they rank."""
        if self.retriever is None or not ids or not query.strip():
            return {}
        tokens = tokenize([query])
        if not tokens.vocab:
            return {}
        words = {i: w for w, i in tokens.vocab.items()}
        known = [words[i] for i in tokens.ids[0] if words[i] in self.retriever.vocab_dict]
        if not known:
            return {}
        if self._position is None:
            self._position = {cid: n for n, cid in enumerate(self.ids)}
        everything = self.retriever.get_scores(known)
        return {cid: float(everything[self._position[cid]]) for cid in ids if cid in self._position}

    def search_documents(self, query: str, k: int) -> list[tuple[str, float]]:
        """The best documents: (``document_key``, score)."""
        return _retrieve(self.doc_retriever, self.doc_keys, query, k)


def _retrieve(retriever: bm25s.BM25 | None, ids: list[str], query: str, k: int) -> list[tuple[str, float]]:
    if retriever is None or not query.strip():
        return []
    tokens = tokenize([query])
    if not tokens.vocab:
        return []
    k = min(k, len(ids))
    docs, scores = retriever.retrieve(tokens, k=k, show_progress=False, n_threads=1)
    return [(ids[int(i)], float(s)) for i, s in zip(docs[0], scores[0], strict=False) if s > 0]
