"""The store: Chroma vectors, the record of documents, copies of originals, and the BM25 index,
kept in step.

Two modes, one protocol:

* **Embedded** (default): everything lives in the store folder — Chroma's ``PersistentClient``
  under ``chroma/``, the record of documents and chunks in ``library.sqlite`` (WAL), the BM25
  index under ``lexical/``. Writers on one machine are serialised by a file lock.
* **Server** (``chroma_url``): a team shares one Chroma server, so everything the team must agree
  on lives *on the server*: the vectors, with each chunk's data in their metadata, and the record
  of documents as a second collection ``<name>__records`` (one record per document version: its
  metadata, status, content hash and text, plus one ``state`` record holding the generation
  counter and one ``lock`` record, the writers' lease). The BM25 index is derived data: each
  client rebuilds it from the server's chunks and caches it on disk keyed by the server's
  generation, so no client serves a stale lexical index after someone else's ingest. The
  store folder then holds only that cache, the local lock file and copies of the originals this
  machine ingested.

Crash safety comes from ordering. A document version is recorded as ``pending`` first, its
vectors are written second, and then a single atomic step makes it live (embedded: one SQLite
transaction that flips it to ``ready``, retires the previous version and bumps the generation;
server: one record update to ``ready`` with a higher sequence number, the previous version having
been marked ``replacing`` just before — readers take the live version with the highest sequence).
Only then are the previous version's vectors deleted, and its record last. An ingest runs these
steps over a window of documents: all recorded pending, all their vectors written (one encoder
call, few upserts), then each made live in turn. Readers only see live
versions, so a killed writer leaves nothing half-visible. Every writer session starts by undoing
what a killed writer left (pending versions, retired ones, a superseded ``replacing`` one) —
vectors first, record last — and a re-run completes the ingest (chunk ids are derived from the
document id and content hash, so re-written vectors replace themselves: no duplicates).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import signal
import socket
import sqlite3
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from filelock import FileLock, Timeout

from .embeddings import MiniLMEmbeddings
from .errors import DocumentNotFound, NearshoreQAError, StoreError
from .lexical import LexicalIndex
from .records import Chunk, DocumentMeta, IngestResult, LoadedDocument, SourceInfo
from .tables import Table, from_records, parse_markdown_tables, tables_from_json, tables_to_json

Version = tuple[str, str]  # (doc_id, sha256)

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
CREATE TABLE IF NOT EXISTS doc_tables (
    doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (doc_id, sha256));
"""

# --- the crash test hook ------------------------------------------------------------------
KILL_ENV = "NEARSHORE_QA_TEST_KILL_AT"
_reached: dict[str, int] = {}


def _crash_point(stage: str) -> None:
    """Tests only: ``NEARSHORE_QA_TEST_KILL_AT=stage[:n]`` SIGKILLs this process the n-th time a
    writer reaches ``stage`` (pending, vectors, replacing (server), committed, collected, retired)."""
    spec = os.environ.get(KILL_ENV)
    if not spec or spec.partition(":")[0] != stage:
        return
    _reached[stage] = _reached.get(stage, 0) + 1
    if _reached[stage] >= int(spec.partition(":")[2] or 1):
        os.kill(os.getpid(), signal.SIGKILL)


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


def _source(doc_id: str, sha: str, meta: DocumentMeta, n: int, added: str) -> SourceInfo:
    return SourceInfo(doc_id=doc_id, title=meta.title, kind=meta.kind, fmt=meta.fmt, publisher=meta.source,
                      url=meta.url, published=meta.published, original_name=meta.original_name,
                      chunks=n, added_at=added, sha256=sha)


def _version_where(version: Version) -> dict:
    return {"$and": [{"doc_id": version[0]}, {"sha256": version[1]}]}


# --- embedded: the record of documents in SQLite --------------------------------------------

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

    # writing (the caller holds the store's write lock)
    def find_ready(self, doc_id: str) -> Version | None:
        row = self.db.execute(
            "SELECT doc_id, sha256 FROM documents WHERE doc_id=? AND status='ready'", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def find_by_hash(self, sha: str) -> str | None:
        row = self.db.execute("SELECT doc_id FROM documents WHERE sha256=? AND status='ready'", (sha,)).fetchone()
        return row[0] if row else None

    def count(self, version: Version) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks WHERE doc_id=? AND sha256=?", version).fetchone()[0]

    def vector_metadata(self, sha256: str, chunk: Chunk) -> dict:
        return {"doc_id": chunk.doc_id, "sha256": sha256, "ordinal": chunk.ordinal}

    def begin(self, doc: LoadedDocument, chunks: list[Chunk], texts: list[str], original: str) -> None:
        version = (doc.meta.doc_id, doc.sha256)
        with self.transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", version)
            db.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?)",
                       (*version, "pending", json.dumps(asdict(doc.meta)), doc.text, original, len(chunks), _now()))
            db.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                           [(c.chunk_id, version[0], version[1], c.ordinal, json.dumps(asdict(c)), t)
                            for c, t in zip(chunks, texts)])
            # tables as data (issue 12): one JSON list per document version
            db.execute("INSERT OR REPLACE INTO doc_tables VALUES (?,?,?)",
                       (*version, tables_to_json(doc.data_tables)))

    def commit(self, version: Version, previous: Version | None) -> None:
        """One transaction: the new version goes live, the previous one is retired."""
        with self.transaction() as db:
            if previous:
                db.execute("UPDATE documents SET status='retired' WHERE doc_id=? AND sha256=?", previous)
            db.execute("UPDATE documents SET status='ready' WHERE doc_id=? AND sha256=?", version)
            self.bump(db)

    def retire(self, version: Version) -> None:
        with self.transaction() as db:
            db.execute("UPDATE documents SET status='retired' WHERE doc_id=? AND sha256=?", version)
            self.bump(db)

    def forget(self, version: Version) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", version)
            db.execute("DELETE FROM documents WHERE doc_id=? AND sha256=?", version)
            db.execute("DELETE FROM doc_tables WHERE doc_id=? AND sha256=?", version)

    def leftovers(self) -> tuple[list[Version], list[str]]:
        """What a killed writer left: versions not live (pending, retired) and, from older
        releases, trashed vector ids."""
        versions = [(r[0], r[1]) for r in self.db.execute(
            "SELECT doc_id, sha256 FROM documents WHERE status IN ('pending', 'retired')")]
        return versions, [r[0] for r in self.db.execute("SELECT chunk_id FROM trash")]

    def finish_recovery(self) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM trash")
            self.bump(db)

    # reading
    _READY_JOIN = ("FROM chunks c JOIN documents d ON c.doc_id=d.doc_id AND c.sha256=d.sha256 "
                   "WHERE d.status='ready'")

    def chunks(self, ids: list[str]) -> dict[str, tuple[Chunk, DocumentMeta]]:
        out: dict[str, tuple[Chunk, DocumentMeta]] = {}
        metas: dict[Version, DocumentMeta] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            rows = self.db.execute(
                f"SELECT c.chunk_id, c.data, d.doc_id, d.sha256, d.meta {self._READY_JOIN} AND c.chunk_id IN "
                f"({','.join('?' * len(part))})", part).fetchall()
            for chunk_id, data, doc_id, sha, meta in rows:
                if (doc_id, sha) not in metas:
                    metas[(doc_id, sha)] = _meta_from_json(meta)
                out[chunk_id] = (_chunk_from_json(data), metas[(doc_id, sha)])
        return out

    def document_chunks(self, version: Version) -> list[Chunk]:
        rows = self.db.execute("SELECT data FROM chunks WHERE doc_id=? AND sha256=? ORDER BY ordinal", version)
        return [_chunk_from_json(r[0]) for r in rows]

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]:
        metas: dict[Version, DocumentMeta] = {}
        rows = self.db.execute(
            f"SELECT c.data, d.doc_id, d.sha256, d.meta {self._READY_JOIN} ORDER BY c.doc_id, c.ordinal")
        for data, doc_id, sha, meta in rows:
            if (doc_id, sha) not in metas:
                metas[(doc_id, sha)] = _meta_from_json(meta)
            yield _chunk_from_json(data), metas[(doc_id, sha)]

    def lexical_rows(self) -> list[tuple[str, str]]:
        return self.db.execute(
            f"SELECT c.chunk_id, c.embed_text {self._READY_JOIN} ORDER BY c.doc_id, c.ordinal").fetchall()

    def document(self, doc_id: str) -> tuple[DocumentMeta, str, str] | None:
        row = self.db.execute(
            "SELECT meta, text, original FROM documents WHERE doc_id=? AND status='ready'", (doc_id,)).fetchone()
        return (_meta_from_json(row[0]), row[1], row[2]) if row else None

    def tables_json(self, version: Version) -> str | None:
        """The document version's tables as stored (None: stored before tables were kept)."""
        row = self.db.execute("SELECT data FROM doc_tables WHERE doc_id=? AND sha256=?", version).fetchone()
        return row[0] if row else None

    def sources(self) -> list[SourceInfo]:
        rows = self.db.execute(
            "SELECT doc_id, sha256, meta, n_chunks, added_at FROM documents WHERE status='ready' ORDER BY doc_id")
        return [_source(doc_id, sha, _meta_from_json(meta), n, added) for doc_id, sha, meta, n, added in rows]

    def count_documents(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents WHERE status='ready'").fetchone()[0]

    def count_chunks(self) -> int:
        return self.db.execute(f"SELECT COUNT(*) {self._READY_JOIN}").fetchone()[0]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


# --- server: the record of documents in a Chroma collection ---------------------------------

STATE_ID = "state"
LOCK_ID = "lock"
LIVE = ["ready", "replacing"]  # statuses readers see; the highest ``seq`` per document wins
PAGE = 1000
_DUMMY = [0.0]  # records are found by id and metadata, never by similarity


def _get_all(collection, **kwargs) -> tuple[list[str], list[dict], list]:
    """Every match of a ``get``, a page at a time."""
    ids: list[str] = []
    metas: list[dict] = []
    docs: list = []
    offset = 0
    while True:
        got = collection.get(limit=PAGE, offset=offset, **kwargs)
        ids += got["ids"]
        metas += got["metadatas"] or [{}] * len(got["ids"])
        docs += got["documents"] or [None] * len(got["ids"])
        if len(got["ids"]) < PAGE:
            return ids, metas, docs
        offset += PAGE


class ServerRegistry:
    """The record of documents kept on the Chroma server, beside the vectors, so every client of
    the server sees the same documents. One record per document version (id ``doc:<hash>``):
    metadata ``kind, doc_id, sha256, status, seq, n_chunks, added_at, meta, original`` and the
    document text as the record's document; chunk data lives in the vectors' metadata."""

    def __init__(self, client, name: str, store: "Store"):
        self.store = store
        self.records = client.get_or_create_collection(f"{name}__records",
                                                       metadata={"nearshore_qa": "record of documents"})
        self.records.add(ids=[STATE_ID], embeddings=[_DUMMY],  # add never overwrites: created once
                         metadatas=[{"kind": "state", "generation": 0, "store_id": uuid.uuid4().hex}])

    @staticmethod
    def record_id(version: Version) -> str:
        return "doc:" + hashlib.sha256(f"{version[0]}\0{version[1]}".encode()).hexdigest()

    # state
    def _state(self) -> dict:
        got = self.records.get(ids=[STATE_ID], include=["metadatas"])
        return got["metadatas"][0] if got["ids"] else {}

    def generation(self) -> str:
        state = self._state()
        return f"{state.get('store_id', '')}-{state.get('generation', 0)}"

    def _next_generation(self) -> int:
        return int(self._state().get("generation", 0)) + 1

    def bump(self) -> None:
        self.records.update(ids=[STATE_ID], metadatas=[{"generation": self._next_generation()}])

    def get_state(self, key: str, default: str = "") -> str:
        return str(self._state().get(f"state.{key}", default))

    @contextmanager
    def transaction(self):
        yield self  # each state update is one atomic record update

    def set_state(self, _db, key: str, value: str) -> None:
        self.records.update(ids=[STATE_ID], metadatas=[{f"state.{key}": value}])

    # versions
    def _winners(self, where: dict | None = None) -> dict[str, tuple[str, dict]]:
        """The live version of each document: doc_id -> (record id, metadata)."""
        clauses = [{"kind": "doc"}, {"status": {"$in": LIVE}}] + ([where] if where else [])
        ids, metas, _ = _get_all(self.records, where={"$and": clauses}, include=["metadatas"])
        best: dict[str, tuple[str, dict]] = {}
        for rid, m in zip(ids, metas):
            cur = best.get(m["doc_id"])
            if cur is None or m.get("seq", 0) > cur[1].get("seq", 0):
                best[m["doc_id"]] = (rid, m)
        return best

    def find_ready(self, doc_id: str) -> Version | None:
        hit = self._winners({"doc_id": doc_id}).get(doc_id)
        return (doc_id, hit[1]["sha256"]) if hit else None

    def find_by_hash(self, sha: str) -> str | None:
        for doc_id, (_, m) in sorted(self._winners({"sha256": sha}).items()):
            if self.find_ready(doc_id) == (doc_id, sha):
                return doc_id
        return None

    def _record(self, version: Version, documents: bool = False) -> tuple[dict, str | None] | None:
        got = self.records.get(ids=[self.record_id(version)],
                               include=["metadatas", "documents"] if documents else ["metadatas"])
        if not got["ids"]:
            return None
        return got["metadatas"][0], (got["documents"][0] if documents else None)

    def count(self, version: Version) -> int:
        rec = self._record(version)
        return int(rec[0]["n_chunks"]) if rec else 0

    def vector_metadata(self, sha256: str, chunk: Chunk) -> dict:
        return {"doc_id": chunk.doc_id, "sha256": sha256, "ordinal": chunk.ordinal,
                "chunk": json.dumps(asdict(chunk))}

    def begin(self, doc: LoadedDocument, chunks: list[Chunk], _texts: list[str], original: str) -> None:
        version = (doc.meta.doc_id, doc.sha256)
        self.records.upsert(ids=[self.record_id(version)], embeddings=[_DUMMY], documents=[doc.text], metadatas=[{
            "kind": "doc", "doc_id": version[0], "sha256": version[1], "status": "pending", "seq": 0,
            "n_chunks": len(chunks), "added_at": _now(), "meta": json.dumps(asdict(doc.meta)),
            "original": original, "tables": tables_to_json(doc.data_tables)}])

    def commit(self, version: Version, previous: Version | None) -> None:
        generation = self._next_generation()
        if previous:  # still live, but a recovery can tell it was being replaced
            self.records.update(ids=[self.record_id(previous)], metadatas=[{"status": "replacing"}])
            _crash_point("replacing")
        # The commit point: one record update. The new version outranks the previous by seq.
        self.records.update(ids=[self.record_id(version)], metadatas=[{"status": "ready", "seq": generation}])
        if previous:
            self.records.update(ids=[self.record_id(previous)], metadatas=[{"status": "retired"}])
        self.records.update(ids=[STATE_ID], metadatas=[{"generation": generation}])

    def retire(self, version: Version) -> None:
        self.records.update(ids=[self.record_id(version)], metadatas=[{"status": "retired"}])
        self.bump()

    def forget(self, version: Version) -> None:
        self.records.delete(ids=[self.record_id(version)])

    def leftovers(self) -> tuple[list[Version], list[str]]:
        ids, metas, _ = _get_all(self.records, where={"$and": [
            {"kind": "doc"}, {"status": {"$in": ["pending", "retired", "replacing"]}}]}, include=["metadatas"])
        versions: list[Version] = []
        for rid, m in zip(ids, metas):
            version = (m["doc_id"], m["sha256"])
            if m["status"] == "replacing":
                if self.find_ready(version[0]) == version:  # its successor never went live
                    self.records.update(ids=[rid], metadatas=[{"status": "ready"}])
                    continue
            versions.append(version)
        return versions, []

    def finish_recovery(self) -> None:
        self.bump()

    # reading
    def _chunk_rows(self, where: dict | None, documents: bool) -> list[tuple[str, dict, str | None]]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        kwargs = {"where": where} if where else {}
        ids, metas, docs = _get_all(self.store.collection, include=include, **kwargs)
        return list(zip(ids, metas, docs))

    def chunks(self, ids: list[str]) -> dict[str, tuple[Chunk, DocumentMeta]]:
        if not ids:
            return {}
        got = self.store.collection.get(ids=ids, include=["metadatas"])
        rows = [(cid, m) for cid, m in zip(got["ids"], got["metadatas"]) if m and "chunk" in m]
        doc_ids = sorted({m["doc_id"] for _, m in rows})
        if not doc_ids:
            return {}
        winners = self._winners({"doc_id": {"$in": doc_ids}})
        metas = {d: _meta_from_json(m["meta"]) for d, (_, m) in winners.items()}
        return {cid: (_chunk_from_json(m["chunk"]), metas[m["doc_id"]]) for cid, m in rows
                if m["doc_id"] in winners and winners[m["doc_id"]][1]["sha256"] == m["sha256"]}

    def document_chunks(self, version: Version) -> list[Chunk]:
        rows = self._chunk_rows(_version_where(version), documents=False)
        return sorted((_chunk_from_json(m["chunk"]) for _, m, _ in rows), key=lambda c: c.ordinal)

    def _live_rows(self, documents: bool) -> tuple[dict[str, tuple[str, dict]], list[tuple[str, dict, str | None]]]:
        winners = self._winners()
        live = {(d, m["sha256"]) for d, (_, m) in winners.items()}
        rows = [r for r in self._chunk_rows(None, documents) if (r[1].get("doc_id"), r[1].get("sha256")) in live]
        rows.sort(key=lambda r: (r[1]["doc_id"], r[1]["ordinal"]))
        return winners, rows

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]:
        winners, rows = self._live_rows(documents=False)
        metas = {d: _meta_from_json(m["meta"]) for d, (_, m) in winners.items()}
        for _, m, _ in rows:
            yield _chunk_from_json(m["chunk"]), metas[m["doc_id"]]

    def lexical_rows(self) -> list[tuple[str, str]]:
        _, rows = self._live_rows(documents=True)
        return [(cid, doc or "") for cid, _, doc in rows]

    def document(self, doc_id: str) -> tuple[DocumentMeta, str, str] | None:
        version = self.find_ready(doc_id)
        rec = self._record(version, documents=True) if version else None
        if not rec:
            return None
        return _meta_from_json(rec[0]["meta"]), rec[1] or "", rec[0].get("original", "")

    def tables_json(self, version: Version) -> str | None:
        rec = self._record(version)
        return rec[0].get("tables") if rec else None

    def sources(self) -> list[SourceInfo]:
        return [_source(d, m["sha256"], _meta_from_json(m["meta"]), int(m["n_chunks"]), m["added_at"])
                for d, (_, m) in sorted(self._winners().items())]

    def count_documents(self) -> int:
        return len(self._winners())

    def count_chunks(self) -> int:
        return sum(int(m["n_chunks"]) for _, m in self._winners().values())

    def close(self) -> None:
        pass


class ServerLease:
    """The writers' lock for a shared server: the ``lock`` record. ``add`` never overwrites an
    existing id, so of several writers adding it at once exactly one finds its own token there.
    The holder renews the lease while it writes; a lease whose holder died (expired, or held by a
    process of this host that is gone) is taken over."""

    TTL_S = 60.0

    def __init__(self, records, url: str):
        self.records = records
        self.url = url
        self.token = ""
        self.depth = 0
        self.took_over = False  # the previous holder died while writing
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _lock(self) -> dict | None:
        got = self.records.get(ids=[LOCK_ID], include=["metadatas"])
        return got["metadatas"][0] if got["ids"] else None

    def _stale(self, lock: dict) -> bool:
        if float(lock.get("expires", 0)) < time.time():
            return True
        if lock.get("host") == socket.gethostname() and int(lock.get("pid", 0)) != os.getpid():
            try:
                os.kill(int(lock.get("pid", 0)), 0)
            except ProcessLookupError:
                return True
            except (OSError, ValueError):
                return False
        return False

    def acquire(self, timeout: float) -> None:
        if self.depth:
            self.depth += 1
            return
        token = uuid.uuid4().hex
        deadline = time.monotonic() + timeout
        while True:
            self.records.add(ids=[LOCK_ID], embeddings=[_DUMMY], metadatas=[{
                "kind": "lock", "owner": token, "expires": time.time() + self.TTL_S,
                "host": socket.gethostname(), "pid": os.getpid(), "since": _now()}])
            lock = self._lock()
            if lock and lock.get("owner") == token:
                break
            if lock and self._stale(lock):
                self.records.delete(ids=[LOCK_ID], where={"owner": lock["owner"]})
                self.took_over = True
                continue
            if time.monotonic() >= deadline:
                who = f"{lock.get('host')} pid {lock.get('pid')} since {lock.get('since')}" if lock else "another writer"
                raise StoreError(f"another ingest holds the store lock on {self.url} ({who}; waited {timeout:g} s)")
            time.sleep(0.2)
        self.token, self.depth = token, 1
        self._stop.clear()
        self._thread = threading.Thread(target=self._renew, name="nearshore-qa-lease", daemon=True)
        self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.TTL_S / 4):
            try:
                lock = self._lock()
                if lock and lock.get("owner") == self.token:
                    self.records.update(ids=[LOCK_ID], metadatas=[{"expires": time.time() + self.TTL_S}])
            except Exception:  # the next write will report a lost server
                pass

    def release(self) -> None:
        self.depth -= 1
        if self.depth:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            self.records.delete(ids=[LOCK_ID], where={"owner": self.token})
        except Exception:
            pass  # it expires by itself
        self.token = ""


# --- the store --------------------------------------------------------------------------------

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


class Store:
    """One store: a folder (embedded), or a Chroma server plus a local folder for caches
    (``chroma_url``); see the module docstring for what lives where."""

    LOCK_TIMEOUT_S = 600
    CONNECT_TIMEOUT_S = 5.0

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
        self.lock = FileLock(str(self.dir / "ingest.lock"))
        self._lexical: LexicalIndex | None = None
        self._vectorstore = None
        self._max_batch: int | None = None
        self._depth = 0
        self._depth_lock = threading.Lock()
        self.lease: ServerLease | None = None
        self.registry: Registry | ServerRegistry
        if chroma_url:
            self._vectorstore = self._open_chroma()  # the record of documents is on the server too
            self.registry = ServerRegistry(self._client, collection, self)
            self.lease = ServerLease(self.registry.records, chroma_url)
            key = hashlib.sha256(f"{chroma_url}\0{collection}".encode()).hexdigest()[:16]
            self.lexical_dir = self.dir / "lexical-server" / key
        else:
            self.registry = Registry(self.dir / "library.sqlite")
            self.lexical_dir = self.dir / "lexical"
        self._recover_if_idle()

    # --- Chroma ------------------------------------------------------------------------
    @property
    def vectorstore(self):
        if self._vectorstore is None:
            self._vectorstore = self._open_chroma()
        return self._vectorstore

    def _connect(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False)
        if not self.chroma_url:
            return chromadb.PersistentClient(path=str(self.dir / "chroma"), settings=settings)
        from urllib.parse import urlparse

        raw = self.chroma_url if "//" in self.chroma_url else f"http://{self.chroma_url}"
        url = urlparse(raw)
        try:
            port = url.port
        except ValueError:
            port = -1
        if url.scheme not in ("http", "https") or not url.hostname or port == -1:
            raise StoreError(f"the Chroma URL {self.chroma_url} is not of the form http(s)://host:port")
        port = port or (443 if url.scheme == "https" else 8000)
        try:  # fail fast: Chroma's own HTTP client waits without a time limit
            socket.create_connection((url.hostname, port), timeout=self.CONNECT_TIMEOUT_S).close()
        except OSError as exc:
            reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or type(exc).__name__)
            raise StoreError(f"cannot reach the Chroma server at {self.chroma_url} ({reason})") from None
        try:
            client = chromadb.HttpClient(host=url.hostname, port=port, ssl=url.scheme == "https", settings=settings)
            client.heartbeat()
        except Exception as exc:
            detail = str(exc).splitlines()[0][:200] if str(exc).strip() else "no detail"
            raise StoreError(f"cannot use the Chroma server at {self.chroma_url} ({type(exc).__name__}: {detail}; "
                             f"is it a Chroma 1.x server that accepts this client?)") from None
        return client

    def _open_chroma(self):
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        from langchain_chroma import Chroma

        client = self._connect()
        self._client = client
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
        try:
            return Chroma(client=client, collection_name=self.collection_name, embedding_function=self.embedder,
                          collection_metadata={"hnsw:space": "cosine", **model})
        except Exception as exc:
            raise StoreError(f"cannot open the collection {self.collection_name} at "
                             f"{self.chroma_url or self.dir}: {exc}") from None

    @property
    def collection(self):
        return self.vectorstore._collection

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
        except (StoreError, PermissionError):
            return
        try:
            self.recover()
        finally:
            self._release()

    @_server_call
    def recover(self) -> None:
        """Undo what a killed writer left: versions never made live, or retired but not yet
        deleted — vectors first, the record last (call with the write lock held)."""
        versions, trash = self.registry.leftovers()
        took_over = self.lease is not None and self.lease.took_over
        if not versions and not trash and not took_over:
            return
        for i in range(0, len(trash), 5000):
            self.collection.delete(ids=trash[i:i + 5000])
        for version in versions:
            self._delete_vectors(version)
            self.registry.forget(version)
        self.registry.finish_recovery()  # bumps the generation: lexical caches rebuild
        if self.lease is not None:
            self.lease.took_over = False

    def _delete_vectors(self, version: Version) -> None:
        self.collection.delete(where=_version_where(version))

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
        self.write_vectors([prepared], self.embedder.embed_documents(prepared.texts))
        return self.commit(prepared)

    @_server_call
    def unchanged(self, doc_id: str, sha256: str, name: str | None = None) -> IngestResult | None:
        """The ``unchanged`` result if ``doc_id``'s live version has this content hash, else None."""
        current = self.registry.find_ready(doc_id)
        if current and current[1] == sha256:
            return IngestResult(name or doc_id, "unchanged", doc_id=doc_id, chunks=self.registry.count(current))
        return None

    @_server_call
    def prepare(self, doc: LoadedDocument, chunks: list[Chunk], name: str | None = None,
                pending: Iterable[PendingDocument] = ()) -> IngestResult | PendingDocument | None:
        """Step 1 of storing a document (inside ``writing()``): its result if it is unchanged or
        a duplicate; otherwise its version recorded as pending (with its original kept), returned
        with the texts to embed.

        ``pending``: versions prepared but not yet committed. When the answer depends on them
        (the same document or content among them, a document among them replacing the version
        that has this content), or would remove a document before they are committed, nothing
        is done and None is returned: commit them, then call again. So a window of documents
        gets exactly the results one-at-a-time storing would give."""
        name = name or doc.meta.doc_id
        doc_id = doc.meta.doc_id
        pending = list(pending)
        busy_ids = {p.version[0] for p in pending}
        if doc_id in busy_ids or doc.sha256 in {p.version[1] for p in pending}:
            return None
        reg = self.registry
        current = reg.find_ready(doc_id)
        if current and current[1] == doc.sha256:
            return IngestResult(name, "unchanged", doc_id=doc_id, chunks=reg.count(current))
        other = reg.find_by_hash(doc.sha256)
        if other in busy_ids:
            return None
        if other and other != doc_id:
            if current:  # the file now copies another document: its old version must go
                if pending:
                    return None
                self.remove(doc_id)
            return IngestResult(name, "duplicate", doc_id=doc_id, duplicate_of=other,
                                reason=f"same content as {other}")
        original = self._keep_original(doc)
        texts = [c.embed_text(doc.meta) for c in chunks]
        reg.begin(doc, chunks, texts, original)  # 1. the write-ahead record: pending
        _crash_point("pending")
        return PendingDocument(name, (doc_id, doc.sha256), chunks, texts, current)

    def max_batch(self) -> int:
        """The most vectors one ``upsert`` may carry (Chroma's limit, at most 5,000)."""
        if self._max_batch is None:
            _ = self.vectorstore  # the client
            try:
                self._max_batch = max(1, min(5000, int(self._client.get_max_batch_size())))
            except NearshoreQAError:
                raise
            except Exception:  # a server without the pre-flight call
                self._max_batch = 1000
        return self._max_batch

    @_server_call
    def write_vectors(self, pending: list[PendingDocument], vectors: list[list[float]]) -> None:
        """Step 2: the vectors of prepared versions (``vectors`` in the order of their texts), in
        as few upserts as Chroma takes. Chunk ids derive from doc id and hash: a re-run
        replaces them. Nothing becomes visible: the versions are still pending."""
        reg = self.registry
        ids = [c.chunk_id for p in pending for c in p.chunks]
        texts = [t for p in pending for t in p.texts]
        metas = [reg.vector_metadata(p.version[1], c) for p in pending for c in p.chunks]
        if len(vectors) != len(ids):
            raise ValueError(f"{len(vectors)} vectors for {len(ids)} chunks")
        coll = self.collection
        step = self.max_batch()
        for i in range(0, len(ids), step):
            coll.upsert(ids=ids[i:i + step], embeddings=vectors[i:i + step], documents=texts[i:i + step],
                        metadatas=metas[i:i + step])

    @_server_call
    def commit(self, prepared: PendingDocument) -> IngestResult:
        """Step 3, one document at a time: live, atomically, the previous version retired; then
        the previous version's vectors deleted, and its record."""
        _crash_point("vectors")  # this version's vectors are written; it is not live yet
        version, current = prepared.version, prepared.previous
        reg = self.registry
        reg.commit(version, current)  # 3. live, atomically; the previous version retired
        _crash_point("committed")
        if current:  # 4. the previous version's vectors, then its record
            self._delete_vectors(current)
            _crash_point("collected")
            reg.forget(current)
        return IngestResult(prepared.name, "replaced" if current else "added", doc_id=version[0],
                            chunks=len(prepared.chunks))

    @_server_call
    def abandon(self, prepared: PendingDocument) -> None:
        """Undo a prepared version that will not be committed: its vectors, then its record."""
        self._delete_vectors(prepared.version)
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
        _crash_point("retired")
        self._delete_vectors(current)
        self.registry.forget(current)
        return IngestResult(doc_id, "removed", doc_id=doc_id, chunks=n)

    # --- state shared by every client of the store ---------------------------------------
    @_server_call
    def generation(self):
        return self.registry.generation()

    @_server_call
    def get_state(self, key: str, default: str = "") -> str:
        return self.registry.get_state(key, default)

    @_server_call
    def set_state(self, key: str, value: str) -> None:
        with self.registry.transaction() as db:
            self.registry.set_state(db, key, value)

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
                except OSError:
                    pass  # a read-only store still answers, from the in-memory index
        self._lexical = index
        return index

    # --- reading -------------------------------------------------------------------------
    @_server_call
    def dense_search(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        if self.collection.count() == 0:
            return []
        result = self.collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]

    @_server_call
    def similarities(self, vector: list[float], ids: list[str]) -> dict[str, float]:
        """Cosine similarity of the given chunks to ``vector`` (chunks another search found)."""
        if not ids:
            return {}
        from chromadb.errors import ChromaError

        try:
            got = self.collection.get(ids=list(ids), include=["embeddings"])
        except ChromaError:
            # An embedded store another process is writing to: its newest vectors may not be
            # visible here yet. The chunks are still ranked, on their words alone.
            return {}
        if got["embeddings"] is None or not len(got["embeddings"]):
            return {}
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        return dict(zip(got["ids"], sims.tolist()))

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
            chunks.sort(key=lambda c: c.row)
            table = from_records(name, chunks[0].columns, [c.values for c in chunks], units=meta.units,
                                 caption=meta.title, source=meta.fmt)
            if table is not None:
                tables.append(table)
        return tables

    @_server_call
    def tables(self, doc_id: str) -> list[Table]:
        """The document's tables as data (cached by document version). A document stored before
        tables were kept has its Markdown tables parsed from its text."""
        version = self.registry.find_ready(doc_id)
        if not version:
            raise DocumentNotFound(doc_id)
        cache = self.__dict__.setdefault("_tables_cache", {})
        if version not in cache:
            data = self.registry.tables_json(version)
            if data is None:
                tables = self._tables_from_record(doc_id, version)
            else:
                tables = tables_from_json(data)
            if len(cache) > 256:
                cache.clear()
            cache[version] = tables
        return cache[version]

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
