"""``Store``: the vectors, the record of documents, copies of originals and the BM25 index,
kept in step (the package docstring tells what lives where and why it is crash-safe)."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from ..embeddings import MiniLMEmbeddings
from ..errors import DocumentNotFound, NearshoreQAError, StoreError
from ..kinds import IngestStatus
from ..lexical import LexicalIndex
from ..records import Chunk, DocumentMeta, IngestResult, LoadedDocument, SourceInfo
from ..tables import Table, from_records, parse_markdown_tables, tables_from_json
from .crash import crash_point
from .lease import ServerLease
from .registry import ORPHAN_VECTORS, Registry, Version
from .server_registry import ServerRegistry, records_collection
from .sqlite_registry import SQLiteRegistry
from .vectors import Vectors

logger = logging.getLogger(__name__)


@dataclass
class PendingDocument:
    """A document version recorded as pending by ``Store.prepare``: its vectors still to write
    (``texts`` are what the encoder reads, one per chunk), then ``Store.commit`` makes it live.
    It holds no copy of the original or the full text, so a window of large files with few
    chunks stays small."""

    name: str
    version: Version
    chunks: list[Chunk]
    texts: list[str]
    previous: Version | None  # the live version it replaces
    lexical: list[str] | None = None  # what the lexical index reads, one per chunk (else ``texts``)


@dataclass(frozen=True)
class Deferred:
    """``Store.prepare`` did nothing: the answer depends on versions prepared but not yet
    committed. Commit those, then prepare this document again."""

    reason: str


Prepared = IngestResult | PendingDocument | Deferred
"""What ``Store.prepare`` gives: a final result (unchanged, duplicate), a pending version whose
vectors are to be written, or ``Deferred``."""


def _server_call(method):
    """A lost connection to the Chroma server becomes one StoreError naming the URL (instead of
    a failure per file, or a traceback)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except NearshoreQAError:
            raise
        except Exception as exc:
            import httpx

            if self.chroma_url and isinstance(exc, (httpx.TransportError, ConnectionError)):
                raise StoreError(f"lost the Chroma server at {self.chroma_url} ({type(exc).__name__})") from None
            raise

    return wrapper


def _versions(versions: list[Version]) -> str:
    return ", ".join(f"{d}@{sha[:12]}" for d, sha in versions)


class Store:
    """One store: a folder (embedded), or a Chroma server plus a local folder for caches
    (``chroma_url``); see the package docstring for what lives where."""

    LOCK_TIMEOUT_S = 600
    CONNECT_TIMEOUT_S = 5.0

    def __init__(
        self,
        store_dir: Path,
        embedder: MiniLMEmbeddings | None = None,
        collection: str = "nearshore_qa",
        chroma_url: str | None = None,
    ):
        self.dir = Path(store_dir)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / "originals").mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store at {self.dir}: {exc.strerror or exc}") from None
        self.embedder = embedder or MiniLMEmbeddings()
        self.collection_name = collection
        self.chroma_url = chroma_url
        self.lock = FileLock(str(self.dir / "ingest.lock"))
        self.vectors = Vectors(self.dir, self.embedder, collection, chroma_url, self.CONNECT_TIMEOUT_S)
        self._lexical: LexicalIndex | None = None
        self._tables_cache: dict[Version, list[Table]] = {}  # by version: a new version is a new key
        self._depth = 0
        self._depth_lock = threading.Lock()
        self.lease: ServerLease | None = None
        self.registry: Registry
        if chroma_url:
            self.vectors.open()  # the record of documents is on the server too
            records = records_collection(self.vectors.client, collection)
            self.registry = ServerRegistry(records, self.vectors.collection)
            self.lease = ServerLease(records, chroma_url)
            key = hashlib.sha256(f"{chroma_url}\0{collection}".encode()).hexdigest()[:16]
            self.lexical_dir = self.dir / "lexical-server" / key
        else:
            self.registry = SQLiteRegistry(self.dir / "library.sqlite")
            self.lexical_dir = self.dir / "lexical"
        self._recover_if_idle()

    # --- Chroma ------------------------------------------------------------------------
    @property
    def vectorstore(self):
        """The LangChain ``Chroma`` vector store (opened on first use)."""
        return self.vectors.open()

    @property
    def collection(self):
        return self.vectors.collection

    @property
    def location(self) -> str:
        return f"{self.chroma_url} (collection {self.collection_name})" if self.chroma_url else str(self.dir)

    # --- writing -----------------------------------------------------------------------
    @_server_call
    def _acquire(self, timeout: float) -> None:
        try:
            self.lock.acquire(timeout=timeout)
        except Timeout:
            raise StoreError(f"another ingest holds the store lock at {self.dir} (waited {timeout:g} s)") from None
        if self.lease is not None:
            try:
                self.lease.acquire(timeout)
            except BaseException:
                self.lock.release()
                raise

    def _release(self) -> None:
        if self.lease is not None:
            self.lease.release()
        self.lock.release()

    @contextmanager
    def writing(self):
        """Serialise writers (a file lock, plus the server's lease in server mode); readers never
        take it. The outermost session first undoes whatever a killed writer left."""
        self._acquire(self.LOCK_TIMEOUT_S)
        try:
            with self._depth_lock:
                self._depth += 1
                outermost = self._depth == 1
            if outermost:
                self.recover()
            yield
        finally:
            with self._depth_lock:
                self._depth -= 1
            self._release()

    def _recover_if_idle(self) -> None:
        """On open: clean up after a killed writer if no writer is at work (never wait for one;
        a read-only store is left as it is)."""
        try:
            self._acquire(0)
        except (StoreError, PermissionError) as exc:
            logger.debug("no recovery on opening %s: %s", self.location, exc)
            return
        try:
            self.recover()
        finally:
            self._release()

    @_server_call
    def recover(self) -> None:
        """Undo what a killed writer left: versions never made live, or retired but not yet
        deleted — vectors first, the record last (call with the write lock held)."""
        versions = self.registry.leftovers()
        orphans: list[str] = json.loads(self.registry.get_state(ORPHAN_VECTORS) or "[]")
        took_over = self.lease is not None and self.lease.took_over
        if not versions and not orphans and not took_over:
            return
        if versions or orphans:
            what = (
                [f"{len(versions)} version(s) never made live or retired ({_versions(versions)})"] if versions else []
            )
            what += [f"{len(orphans)} vector(s) no version owns"] if orphans else []
            logger.warning(
                "recovering the store at %s after an interrupted writer: deleting %s", self.location, " and ".join(what)
            )
        if orphans:
            self.vectors.delete_ids(orphans)
            self.registry.set_state(ORPHAN_VECTORS, "")
        for version in versions:
            self.vectors.delete_version(version)
            self.registry.forget(version)
        self.registry.bump()  # lexical caches rebuild
        if self.lease is not None:
            self.lease.took_over = False

    def find_ready(self, doc_id: str) -> Version | None:
        return self.registry.find_ready(doc_id)

    def find_by_hash(self, sha: str) -> str | None:
        return self.registry.find_by_hash(sha)

    @_server_call
    def add(self, doc: LoadedDocument, chunks: list[Chunk], name: str | None = None) -> IngestResult:
        """Store one parsed document (call inside ``writing()``): ``prepare``, embed,
        ``write_vectors``, ``commit``. ``Library`` runs these steps over windows of documents."""
        prepared = self.prepare(doc, chunks, name)
        if isinstance(prepared, IngestResult):
            return prepared
        assert isinstance(prepared, PendingDocument)  # nothing pending: never Deferred
        self.write_vectors([prepared], self.embedder.embed_documents(prepared.texts))
        return self.commit(prepared)

    @_server_call
    def unchanged(self, doc_id: str, sha256: str, name: str | None = None) -> IngestResult | None:
        """The ``unchanged`` result if ``doc_id``'s live version has this content hash, else None."""
        current = self.registry.find_ready(doc_id)
        if current and current[1] == sha256:
            return IngestResult(
                name or doc_id, IngestStatus.UNCHANGED, doc_id=doc_id, chunks=self.registry.count(current)
            )
        return None

    @_server_call
    def prepare(
        self, doc: LoadedDocument, chunks: list[Chunk], name: str | None = None, pending: Iterable[PendingDocument] = ()
    ) -> Prepared:
        """Step 1 of storing a document (inside ``writing()``): its result if it is unchanged or
        a duplicate; otherwise its version recorded as pending (with its original kept), returned
        with the texts to embed.

        ``pending``: versions prepared but not yet committed. When the answer depends on them
        (the same document or content among them, a document among them replacing the version
        that has this content), or would remove a document before they are committed, nothing
        is done and ``Deferred`` is returned: commit them, then call again. So a window of
        documents gets exactly the results one-at-a-time storing would give."""
        name = name or doc.meta.doc_id
        doc_id = doc.meta.doc_id
        pending = list(pending)
        busy_ids = {p.version[0] for p in pending}
        if doc_id in busy_ids:
            return Deferred(f"{doc_id} is among the pending versions")
        if doc.sha256 in {p.version[1] for p in pending}:
            return Deferred(f"a pending version has the content of {doc_id}")
        reg = self.registry
        current = reg.find_ready(doc_id)
        if current and current[1] == doc.sha256:
            return IngestResult(name, IngestStatus.UNCHANGED, doc_id=doc_id, chunks=reg.count(current))
        other = reg.find_by_hash(doc.sha256)
        if other in busy_ids:
            return Deferred(f"{other}, which has the content of {doc_id}, is being replaced")
        if other and other != doc_id:
            if current:  # the file now copies another document: its old version must go
                if pending:
                    return Deferred(f"{doc_id} is to be removed (it copies {other}) before pending versions commit")
                self.remove(doc_id)
            return IngestResult(
                name, IngestStatus.DUPLICATE, doc_id=doc_id, duplicate_of=other, reason=f"same content as {other}"
            )
        original = self._keep_original(doc)
        texts = [c.embed_text(doc.meta) for c in chunks]
        lexical = [c.lexical_text(doc.meta) for c in chunks]
        reg.begin(doc, chunks, lexical, original)  # 1. the write-ahead record: pending
        crash_point("pending")
        return PendingDocument(name, (doc_id, doc.sha256), chunks, texts, current, lexical)

    def max_batch(self) -> int:
        """The most vectors one ``upsert`` may carry (Chroma's limit, at most 5,000)."""
        return self.vectors.max_batch()

    @_server_call
    def write_vectors(self, pending: list[PendingDocument], vectors: list[list[float]]) -> None:
        """Step 2: the vectors of prepared versions (``vectors`` in the order of their texts), in
        as few upserts as Chroma takes. Chunk ids derive from doc id and hash: a re-run
        replaces them. Nothing becomes visible: the versions are still pending."""
        reg = self.registry
        ids = [c.chunk_id for p in pending for c in p.chunks]
        texts = [t for p in pending for t in (p.lexical or p.texts)]  # the documents the lexical index reads
        metas = [reg.vector_metadata(p.version[1], c) for p in pending for c in p.chunks]
        if len(vectors) != len(ids):
            raise ValueError(f"{len(vectors)} vectors for {len(ids)} chunks")
        self.vectors.upsert(ids, vectors, texts, metas)

    @_server_call
    def commit(self, prepared: PendingDocument) -> IngestResult:
        """Step 3, one document at a time: live, atomically, the previous version retired; then
        the previous version's vectors deleted, and its record."""
        crash_point("vectors")  # this version's vectors are written; it is not live yet
        version, current = prepared.version, prepared.previous
        reg = self.registry
        reg.commit(version, current)  # 3. live, atomically; the previous version retired
        crash_point("committed")
        if current:  # 4. the previous version's vectors, then its record
            self.vectors.delete_version(current)
            crash_point("collected")
            reg.forget(current)
        return IngestResult(
            prepared.name,
            IngestStatus.REPLACED if current else IngestStatus.ADDED,
            doc_id=version[0],
            chunks=len(prepared.chunks),
        )

    @_server_call
    def abandon(self, prepared: PendingDocument) -> None:
        """Undo a prepared version that will not be committed: its vectors, then its record."""
        self.vectors.delete_version(prepared.version)
        self.registry.forget(prepared.version)

    def _keep_original(self, doc: LoadedDocument) -> str:
        """A copy of the original bytes, by content hash, so citations open after the file moves."""
        suffix = Path(doc.meta.original_name).suffix.lower()[:10] or f".{doc.meta.fmt}"
        name = f"{doc.sha256}{suffix}"
        target = self.dir / "originals" / name
        if not target.exists():
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(doc.original)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        return name

    @_server_call
    def remove(self, doc_id: str) -> IngestResult:
        """Delete one document (call inside ``writing()``)."""
        current = self.registry.find_ready(doc_id)
        if not current:
            raise DocumentNotFound(doc_id)
        n = self.registry.count(current)
        self.registry.retire(current)  # invisible from here on
        crash_point("retired")
        self.vectors.delete_version(current)
        self.registry.forget(current)
        return IngestResult(doc_id, IngestStatus.REMOVED, doc_id=doc_id, chunks=n)

    # --- state shared by every client of the store ---------------------------------------
    @_server_call
    def generation(self) -> str:
        """Changes whenever the live chunks change: a key for caches of derived data."""
        return self.registry.generation()

    @_server_call
    def get_state(self, key: str, default: str = "") -> str:
        return self.registry.get_state(key, default)

    @_server_call
    def set_state(self, key: str, value: str) -> None:
        self.registry.set_state(key, value)

    # --- the lexical index ---------------------------------------------------------------
    @_server_call
    def refresh_lexical(self) -> LexicalIndex:
        """The BM25 index for the current generation: in memory, else the on-disk cache, else
        rebuilt from the record of documents (once per change, never per query)."""
        generation = self.registry.generation()
        if self._lexical is not None and self._lexical.generation == generation:
            return self._lexical
        index = LexicalIndex.load(self.lexical_dir, generation)
        if index is None:
            rows = self.registry.lexical_rows()
            index = LexicalIndex.build([r[0] for r in rows], [r[1] for r in rows], generation)
            if self.registry.generation() == generation:  # nobody wrote meanwhile: safe to share
                try:
                    index.save(self.lexical_dir)
                except OSError:  # a read-only store still answers, from the in-memory index
                    logger.debug("cannot cache the BM25 index under %s", self.lexical_dir, exc_info=True)
        self._lexical = index
        return index

    # --- reading -------------------------------------------------------------------------
    @_server_call
    def dense_search(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        return self.vectors.search(vector, k)

    @_server_call
    def similarities(self, vector: list[float], ids: list[str]) -> dict[str, float]:
        """Cosine similarity of the given chunks to ``vector`` (chunks another search found)."""
        return self.vectors.similarities(vector, ids)

    def lexical_search(self, query: str, k: int) -> list[tuple[str, float]]:
        return self.refresh_lexical().search(query, k)

    @_server_call
    def chunks(self, ids: Iterable[str]) -> dict[str, tuple[Chunk, DocumentMeta]]:
        """Live chunks by id, with their document's metadata; ids not live are left out."""
        return self.registry.chunks(list(ids))

    @_server_call
    def document_chunks(self, doc_id: str) -> list[Chunk]:
        current = self.registry.find_ready(doc_id)
        if not current:
            raise DocumentNotFound(doc_id)
        return self.registry.document_chunks(current)

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]:
        return self.registry.all_chunks()

    @_server_call
    def document(self, doc_id: str) -> tuple[DocumentMeta, str, Path]:
        """Metadata, plain text and the stored copy of the original (in server mode, a copy
        exists only on the machine that ingested the document)."""
        found = self.registry.document(doc_id)
        if not found:
            raise DocumentNotFound(doc_id)
        meta, text, original = found
        return meta, text, self.dir / "originals" / original

    def _tables_from_record(self, doc_id: str, version: Version) -> list[Table]:
        """A document stored before tables were kept: its CSV/XLSX rows from its row chunks, its
        Markdown tables from its text."""
        found = self.registry.document(doc_id)
        if not found:
            return []
        meta, text, _ = found
        if meta.kind != "table":
            return parse_markdown_tables(text) if "|" in text else []
        sheets: dict[str, list[Chunk]] = {}
        for chunk in self.registry.document_chunks(version):
            if chunk.row is not None:
                sheets.setdefault(chunk.table, []).append(chunk)
        tables = []
        for name, chunks in sheets.items():
            chunks.sort(key=lambda c: c.row or 0)
            table = from_records(
                name,
                chunks[0].columns,
                [c.values for c in chunks],
                units=meta.units,
                caption=meta.title,
                source=meta.fmt,
            )
            if table is not None:
                tables.append(table)
        return tables

    @_server_call
    def tables(self, doc_id: str) -> list[Table]:
        """The document's tables as data (cached by document version)."""
        version = self.registry.find_ready(doc_id)
        if not version:
            raise DocumentNotFound(doc_id)
        if version not in self._tables_cache:
            data = self.registry.tables_json(version)
            tables = self._tables_from_record(doc_id, version) if data is None else tables_from_json(data)
            if len(self._tables_cache) > 256:
                self._tables_cache.clear()
            self._tables_cache[version] = tables
        return self._tables_cache[version]

    @_server_call
    def sources(self) -> list[SourceInfo]:
        return self.registry.sources()

    @_server_call
    def count_documents(self) -> int:
        return self.registry.count_documents()

    @_server_call
    def count_chunks(self) -> int:
        return self.registry.count_chunks()

    def close(self) -> None:
        self.registry.close()
