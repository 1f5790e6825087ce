"""The store: Chroma vectors, the record of documents (SQLite), copies of originals, and the
BM25 index, kept in step.

Crash safety comes from ordering: a document's record and chunks are written as ``pending``
first, its vectors second, and one transaction then flips it to ``ready`` and moves the
previous version's chunk ids to a trash list. Readers only see ``ready`` chunks. On open,
pending documents and trashed ids are deleted from Chroma and the record, so a killed ingest
leaves no partial document behind and a re-run completes it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from filelock import FileLock, Timeout

from .embeddings import MiniLMEmbeddings
from .errors import DocumentNotFound, StoreError
from .lexical import LexicalIndex
from .records import Chunk, DocumentMeta, IngestResult, LoadedDocument, SourceInfo

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, status TEXT NOT NULL, meta TEXT NOT NULL,
    text TEXT NOT NULL, original TEXT NOT NULL, n_chunks INTEGER NOT NULL, added_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, sha256));
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, ordinal INTEGER NOT NULL,
    data TEXT NOT NULL, embed_text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_id, sha256);
CREATE TABLE IF NOT EXISTS trash (chunk_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _chunk_from_json(data: str) -> Chunk:
    d = json.loads(data)
    d["columns"] = tuple(d.get("columns", ()))
    d["values"] = tuple(d.get("values", ()))
    return Chunk(**d)


def _meta_from_json(data: str) -> DocumentMeta:
    d = json.loads(data)
    d["topics"] = tuple(d.get("topics", ()))
    return DocumentMeta(**d)


class Registry:
    """The record of documents and chunks: SQLite in WAL mode, one connection per thread."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self.db.executescript(SCHEMA)

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def get_state(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))

    def generation(self) -> int:
        return int(self.get_state("generation", "0"))

    def bump(self, db: sqlite3.Connection) -> None:
        self.set_state(db, "generation", str(int(self.get_state("generation", "0")) + 1))

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class Store:
    """One store directory (or a Chroma server plus a local record, see ``chroma_url``)."""

    LOCK_TIMEOUT_S = 600

    def __init__(self, store_dir: Path, embedder: MiniLMEmbeddings | None = None,
                 collection: str = "nearshore_qa", chroma_url: str | None = None):
        self.dir = Path(store_dir)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / "originals").mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store at {self.dir}: {exc.strerror or exc}") from None
        self.embedder = embedder or MiniLMEmbeddings()
        self.collection_name = collection
        self.chroma_url = chroma_url
        self.registry = Registry(self.dir / "library.sqlite")
        self.lock = FileLock(str(self.dir / "ingest.lock"))
        self._lexical: LexicalIndex | None = None
        self._vectorstore = None
        with self.writing():
            self.recover()

    # --- Chroma ------------------------------------------------------------------------
    @property
    def vectorstore(self):
        if self._vectorstore is None:
            self._vectorstore = self._open_chroma()
        return self._vectorstore

    def _open_chroma(self):
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.chroma_url:
            from urllib.parse import urlparse

            url = urlparse(self.chroma_url)
            try:
                client = chromadb.HttpClient(host=url.hostname or "localhost", port=url.port or 8000,
                                             ssl=url.scheme == "https", settings=chroma_settings)
                client.heartbeat()
            except Exception as exc:
                raise StoreError(f"cannot reach the Chroma server at {self.chroma_url} ({type(exc).__name__})") from None
        else:
            client = chromadb.PersistentClient(path=str(self.dir / "chroma"), settings=chroma_settings)
        model = {"embedding_model": self.embedder.name, "embedding_dim": self.embedder.dimension}
        try:
            existing = client.get_collection(self.collection_name)
        except Exception:
            existing = None
        if existing is not None:
            meta = existing.metadata or {}
            if meta.get("embedding_model") not in (None, self.embedder.name) or \
                    meta.get("embedding_dim") not in (None, self.embedder.dimension):
                raise StoreError(
                    f"the store at {self.chroma_url or self.dir} was built with the embedding model "
                    f"{meta.get('embedding_model')} ({meta.get('embedding_dim')} dimensions); this "
                    f"version uses {self.embedder.name} ({self.embedder.dimension}). Use another store "
                    f"or re-ingest into a new one.")
        return Chroma(client=client, collection_name=self.collection_name, embedding_function=self.embedder,
                      collection_metadata={"hnsw:space": "cosine", **model})

    @property
    def collection(self):
        return self.vectorstore._collection

    # --- writing -----------------------------------------------------------------------
    @contextmanager
    def writing(self):
        """Serialise writers across processes; readers never take this lock."""
        try:
            self.lock.acquire(timeout=self.LOCK_TIMEOUT_S)
        except Timeout:
            raise StoreError(f"another ingest holds the store lock at {self.dir} (waited {self.LOCK_TIMEOUT_S} s)") from None
        try:
            yield
        finally:
            self.lock.release()

    def recover(self) -> None:
        """Finish or undo whatever a killed writer left: pending documents and trashed vectors."""
        reg = self.registry
        pending = reg.db.execute("SELECT doc_id, sha256 FROM documents WHERE status='pending'").fetchall()
        trash = [r[0] for r in reg.db.execute("SELECT chunk_id FROM trash")]
        if not pending and not trash:
            return
        ids = list(trash)
        for doc_id, sha in pending:
            ids += [r[0] for r in reg.db.execute("SELECT chunk_id FROM chunks WHERE doc_id=? AND sha256=?", (doc_id, sha))]
        self._delete_vectors(ids)
        with reg.transaction() as db:
            for doc_id, sha in pending:
                db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", (doc_id, sha))
                db.execute("DELETE FROM documents WHERE doc_id=? AND sha256=?", (doc_id, sha))
            db.execute("DELETE FROM trash")
            reg.bump(db)

    def _delete_vectors(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[i:i + 5000])

    def find_ready(self, doc_id: str) -> tuple[str, str] | None:
        row = self.registry.db.execute(
            "SELECT doc_id, sha256 FROM documents WHERE doc_id=? AND status='ready'", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def find_by_hash(self, sha: str) -> str | None:
        row = self.registry.db.execute(
            "SELECT doc_id FROM documents WHERE sha256=? AND status='ready'", (sha,)).fetchone()
        return row[0] if row else None

    def add(self, doc: LoadedDocument, chunks: list[Chunk], name: str | None = None) -> IngestResult:
        """Store one parsed document (call inside ``writing()``)."""
        name = name or doc.meta.doc_id
        doc_id = doc.meta.doc_id
        current = self.find_ready(doc_id)
        if current and current[1] == doc.sha256:
            return IngestResult(name, "unchanged", doc_id=doc_id,
                                chunks=self._count(doc_id, doc.sha256))
        other = self.find_by_hash(doc.sha256)
        if other and other != doc_id:
            if current:  # the file now copies another document: its old version must go
                self.remove(doc_id)
            return IngestResult(name, "duplicate", doc_id=doc_id, duplicate_of=other,
                                reason=f"same content as {other}")
        original = self._keep_original(doc)
        texts = [c.embed_text(doc.meta) for c in chunks]
        reg = self.registry
        with reg.transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", (doc_id, doc.sha256))
            db.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?)",
                       (doc_id, doc.sha256, "pending", json.dumps(asdict(doc.meta)), doc.text, original,
                        len(chunks), _now()))
            db.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                           [(c.chunk_id, doc_id, doc.sha256, c.ordinal, json.dumps(asdict(c)), t)
                            for c, t in zip(chunks, texts)])
        batch = 256
        for i in range(0, len(chunks), batch):
            part = chunks[i:i + batch]
            vectors = self.embedder.embed_documents(texts[i:i + batch])
            self.collection.upsert(
                ids=[c.chunk_id for c in part], embeddings=vectors, documents=texts[i:i + batch],
                metadatas=[{"doc_id": doc_id, "sha256": doc.sha256, "ordinal": c.ordinal} for c in part])
        old_ids: list[str] = []
        with reg.transaction() as db:
            if current:
                old_ids = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id=? AND sha256=?", current)]
                db.executemany("INSERT OR IGNORE INTO trash VALUES (?)", [(i,) for i in old_ids])
                db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", current)
                db.execute("DELETE FROM documents WHERE doc_id=? AND sha256=?", current)
            db.execute("UPDATE documents SET status='ready' WHERE doc_id=? AND sha256=?", (doc_id, doc.sha256))
            reg.bump(db)
        if old_ids:
            self._delete_vectors(old_ids)
            with reg.transaction() as db:
                db.executemany("DELETE FROM trash WHERE chunk_id=?", [(i,) for i in old_ids])
        return IngestResult(name, "replaced" if current else "added", doc_id=doc_id, chunks=len(chunks))

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

    def _count(self, doc_id: str, sha: str) -> int:
        return self.registry.db.execute("SELECT COUNT(*) FROM chunks WHERE doc_id=? AND sha256=?", (doc_id, sha)).fetchone()[0]

    def remove(self, doc_id: str) -> IngestResult:
        """Delete one document (call inside ``writing()``)."""
        current = self.find_ready(doc_id)
        if not current:
            raise DocumentNotFound(doc_id)
        reg = self.registry
        with reg.transaction() as db:
            ids = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id=? AND sha256=?", current)]
            db.executemany("INSERT OR IGNORE INTO trash VALUES (?)", [(i,) for i in ids])
            db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", current)
            db.execute("DELETE FROM documents WHERE doc_id=? AND sha256=?", current)
            reg.bump(db)
        self._delete_vectors(ids)
        with reg.transaction() as db:
            db.executemany("DELETE FROM trash WHERE chunk_id=?", [(i,) for i in ids])
        return IngestResult(doc_id, "removed", doc_id=doc_id, chunks=len(ids))

    # --- the lexical index ---------------------------------------------------------------
    def refresh_lexical(self) -> LexicalIndex:
        """Rebuild the BM25 index if the record changed since it was built (once per ingest)."""
        generation = self.registry.generation()
        if self._lexical is not None and self._lexical.generation == generation:
            return self._lexical
        folder = self.dir / "lexical"
        index = LexicalIndex.load(folder)
        if index is None or index.generation != generation:
            rows = self.registry.db.execute(
                "SELECT c.chunk_id, c.embed_text FROM chunks c JOIN documents d "
                "ON c.doc_id=d.doc_id AND c.sha256=d.sha256 WHERE d.status='ready' ORDER BY c.doc_id, c.ordinal"
            ).fetchall()
            index = LexicalIndex.build([r[0] for r in rows], [r[1] for r in rows], generation)
            try:
                index.save(folder)
            except OSError:
                pass  # a read-only store still answers, from the in-memory index
        self._lexical = index
        return index

    # --- reading -------------------------------------------------------------------------
    def dense_search(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        if self.count_chunks() == 0:
            return []
        result = self.collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]

    def lexical_search(self, query: str, k: int) -> list[tuple[str, float]]:
        return self.refresh_lexical().search(query, k)

    def chunks(self, ids: Iterable[str]) -> dict[str, tuple[Chunk, DocumentMeta]]:
        """Ready chunks by id, with their document's metadata; ids not ready are left out."""
        ids = list(ids)
        out: dict[str, tuple[Chunk, DocumentMeta]] = {}
        metas: dict[tuple[str, str], DocumentMeta] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            rows = self.registry.db.execute(
                f"SELECT c.chunk_id, c.data, d.doc_id, d.sha256, d.meta FROM chunks c JOIN documents d "
                f"ON c.doc_id=d.doc_id AND c.sha256=d.sha256 WHERE d.status='ready' AND c.chunk_id IN "
                f"({','.join('?' * len(part))})", part).fetchall()
            for chunk_id, data, doc_id, sha, meta in rows:
                key = (doc_id, sha)
                if key not in metas:
                    metas[key] = _meta_from_json(meta)
                out[chunk_id] = (_chunk_from_json(data), metas[key])
        return out

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        current = self.find_ready(doc_id)
        if not current:
            raise DocumentNotFound(doc_id)
        rows = self.registry.db.execute("SELECT data FROM chunks WHERE doc_id=? AND sha256=? ORDER BY ordinal", current)
        return [_chunk_from_json(r[0]) for r in rows]

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]:
        metas: dict[tuple[str, str], DocumentMeta] = {}
        rows = self.registry.db.execute(
            "SELECT c.data, d.doc_id, d.sha256, d.meta FROM chunks c JOIN documents d "
            "ON c.doc_id=d.doc_id AND c.sha256=d.sha256 WHERE d.status='ready' ORDER BY c.doc_id, c.ordinal")
        for data, doc_id, sha, meta in rows:
            if (doc_id, sha) not in metas:
                metas[(doc_id, sha)] = _meta_from_json(meta)
            yield _chunk_from_json(data), metas[(doc_id, sha)]

    def document(self, doc_id: str) -> tuple[DocumentMeta, str, Path]:
        """Metadata, plain text and the stored copy of the original."""
        row = self.registry.db.execute(
            "SELECT meta, text, original FROM documents WHERE doc_id=? AND status='ready'", (doc_id,)).fetchone()
        if not row:
            raise DocumentNotFound(doc_id)
        return _meta_from_json(row[0]), row[1], self.dir / "originals" / row[2]

    def sources(self) -> list[SourceInfo]:
        rows = self.registry.db.execute(
            "SELECT doc_id, sha256, meta, n_chunks, added_at FROM documents WHERE status='ready' ORDER BY doc_id")
        out = []
        for doc_id, sha, meta, n, added in rows:
            m = _meta_from_json(meta)
            out.append(SourceInfo(doc_id=doc_id, title=m.title, kind=m.kind, fmt=m.fmt, publisher=m.source,
                                  url=m.url, published=m.published, original_name=m.original_name,
                                  chunks=n, added_at=added, sha256=sha))
        return out

    def count_documents(self) -> int:
        return self.registry.db.execute("SELECT COUNT(*) FROM documents WHERE status='ready'").fetchone()[0]

    def count_chunks(self) -> int:
        return self.registry.db.execute(
            "SELECT COUNT(*) FROM chunks c JOIN documents d ON c.doc_id=d.doc_id AND c.sha256=d.sha256 "
            "WHERE d.status='ready'").fetchone()[0]

    def close(self) -> None:
        self.registry.close()
