"""The record of documents: what the store knows about each document version, apart from its
vectors. Two implementations follow one protocol: ``SQLiteRegistry`` (embedded, in the store
folder) and ``ServerRegistry`` (a collection on the Chroma server). tests/test_registry_contract.py
runs one class of tests against both.

A document *version* is ``(doc_id, sha256)``. Its status moves ``pending`` (recorded, vectors
being written) -> ``ready`` (live: readers see it) -> ``retired`` (replaced or removed; its
vectors are being deleted) -> forgotten. Readers see only live versions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from ..records import Chunk, DocumentMeta, LoadedDocument, SourceInfo

Version = tuple[str, str]  # (doc_id, sha256)

# A state key any registry may hold: vector ids that no version owns any more (JSON list),
# deleted from Chroma by the next recovery.
ORPHAN_VECTORS = "orphan_vectors"


@runtime_checkable
class Registry(Protocol):
    """The record of documents. Writing methods are called by one writer at a time (the
    store's write lock); reading methods by anyone, any time."""

    def generation(self) -> str:
        """An opaque token that changes whenever the set of live chunks changes (every commit,
        retire and recovery). Caches of derived data (the BM25 index, the figure index) are
        keyed by it; it is safe as a folder name after ``lexical._slug``."""

    def bump(self) -> None:
        """Change the generation."""

    def get_state(self, key: str, default: str = "") -> str:
        """A small value every client of the store shares (e.g. the seed corpus fingerprint)."""

    def set_state(self, key: str, value: str) -> None: ...

    # writing
    def find_ready(self, doc_id: str) -> Version | None:
        """The live version of ``doc_id``."""

    def find_by_hash(self, sha: str) -> str | None:
        """The document whose live version has this content hash."""

    def count(self, version: Version) -> int:
        """How many chunks the version has (0 if it is not recorded)."""

    def vector_metadata(self, sha256: str, chunk: Chunk) -> dict:
        """The metadata stored with a chunk's vector (at least ``doc_id``, ``sha256``)."""

    def begin(self, doc: LoadedDocument, chunks: list[Chunk], texts: list[str], original: str) -> None:
        """Record the version as pending (replacing a pending record of the same version)."""

    def commit(self, version: Version, previous: Version | None) -> None:
        """The commit point: ``version`` goes live and ``previous`` (its live predecessor) is
        retired, atomically for readers; the generation changes."""

    def retire(self, version: Version) -> None:
        """Make a live version invisible (a removal); the generation changes."""

    def forget(self, version: Version) -> None:
        """Delete the version's record (its vectors are already gone)."""

    def leftovers(self) -> list[Version]:
        """Versions a killed writer left behind that must be deleted (never made live, or
        retired but not yet forgotten). Call with the write lock held: it may also repair
        records (server: a version marked ``replacing`` whose successor never went live)."""

    # reading (live versions only)
    def chunks(self, ids: list[str]) -> dict[str, tuple[Chunk, DocumentMeta]]: ...

    def document_chunks(self, version: Version) -> list[Chunk]: ...

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]: ...

    def lexical_rows(self) -> list[tuple[str, str]]:
        """(chunk id, text the encoder read) of every live chunk, for the BM25 index."""

    def document(self, doc_id: str) -> tuple[DocumentMeta, str, str] | None:
        """(metadata, plain text, file name of the kept original) of the live version."""

    def tables_json(self, version: Version) -> str | None:
        """The version's tables as data, as stored (None: stored before tables were kept)."""

    def sources(self) -> list[SourceInfo]: ...

    def count_documents(self) -> int: ...

    def count_chunks(self) -> int: ...

    def close(self) -> None: ...


# --- helpers both registries share ----------------------------------------------------------


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def chunk_from_json(data: str) -> Chunk:
    d = json.loads(data)
    d["columns"] = tuple(d.get("columns", ()))
    d["values"] = tuple(d.get("values", ()))
    return Chunk(**d)


def meta_from_json(data: str) -> DocumentMeta:
    d = json.loads(data)
    d["topics"] = tuple(d.get("topics", ()))
    for key in ("data_sources", "columns"):  # JSON lists back to the record's tuples
        d[key] = tuple(tuple(x) for x in d.get(key, ()))
    return DocumentMeta(**d)


def source_info(doc_id: str, sha: str, meta: DocumentMeta, n: int, added: str) -> SourceInfo:
    return SourceInfo(
        doc_id=doc_id,
        title=meta.title,
        kind=meta.kind,
        fmt=meta.fmt,
        publisher=meta.source,
        url=meta.url,
        published=meta.published,
        original_name=meta.original_name,
        chunks=n,
        added_at=added,
        sha256=sha,
        added_on=meta.added_on,
    )


def version_where(version: Version) -> dict:
    """A Chroma ``where`` filter for the vectors of one version."""
    return {"$and": [{"doc_id": version[0]}, {"sha256": version[1]}]}
