"""The record of documents of an embedded store: SQLite (WAL) in the store folder.

The layout is versioned with ``PRAGMA user_version``: ``MIGRATIONS`` is the ordered list of
steps from an empty file to the current layout, and opening a record applies the steps it has
not had yet, each in the same transaction as the version number it reaches. A record written
before the numbering (version 0 with tables) goes through the same steps; they are written to
find their tables already there.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ..errors import StoreError
from ..records import Chunk, DocumentMeta, LoadedDocument, SourceInfo
from ..tables import tables_to_json
from .registry import ORPHAN_VECTORS, Version, chunk_from_json, meta_from_json, now, source_info

logger = logging.getLogger(__name__)


def _v1_tables(db: sqlite3.Connection) -> None:
    """Documents (one row per version), their chunks, and shared state (the generation)."""
    db.execute("""CREATE TABLE IF NOT EXISTS documents (
        doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, status TEXT NOT NULL, meta TEXT NOT NULL,
        text TEXT NOT NULL, original TEXT NOT NULL, n_chunks INTEGER NOT NULL, added_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, sha256))""")
    db.execute("""CREATE TABLE IF NOT EXISTS chunks (
        chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, ordinal INTEGER NOT NULL,
        data TEXT NOT NULL, embed_text TEXT NOT NULL)""")
    db.execute("CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_id, sha256)")
    db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_trash_to_orphans(db: sqlite3.Connection) -> None:
    """The first layout kept the vector ids of replaced versions in a ``trash`` table until
    they were deleted. Any still there move to the ``orphan_vectors`` state (the next recovery
    deletes them from Chroma) and the table goes."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='trash'").fetchone():
        return
    ids = [r[0] for r in db.execute("SELECT chunk_id FROM trash")]
    if ids:
        row = db.execute("SELECT value FROM state WHERE key=?", (ORPHAN_VECTORS,)).fetchone()
        known = json.loads(row[0]) if row and row[0] else []
        db.execute(
            "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
            (ORPHAN_VECTORS, json.dumps(sorted(set(known) | set(ids)))),
        )
        logger.info("record layout 2: %d vector id(s) of the trash table left for the next recovery", len(ids))
    db.execute("DROP TABLE trash")


def _v3_doc_tables(db: sqlite3.Connection) -> None:
    """Tables as data: each document version's tables (``tables.Table``) as one JSON list. A
    version stored before has none; ``Store.tables`` rebuilds them from its chunks and text."""
    db.execute("""CREATE TABLE IF NOT EXISTS doc_tables (
        doc_id TEXT NOT NULL, sha256 TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (doc_id, sha256))""")


# In order; the record's user_version is the number of steps applied. Append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_tables, _v2_trash_to_orphans, _v3_doc_tables]


def migrate(db: sqlite3.Connection, path: Path | str = "") -> int:
    """Bring the record to the current layout; its layout number. A record newer than this
    code is refused rather than misread."""
    latest = len(MIGRATIONS)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == latest:
        return version
    if version > latest:
        raise StoreError(
            f"the record of documents at {path} has layout {version}; this version of "
            f"nearshore-qa reads up to layout {latest}: upgrade it"
        )
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc):
            raise
        logger.warning(
            "the record at %s has layout %d (current: %d) and is read-only: read as it is", path, version, latest
        )
        return version
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
        fresh = not db.execute("SELECT 1 FROM sqlite_master").fetchone()
        for number in range(version + 1, latest + 1):
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    if version < latest:
        logger.log(
            logging.DEBUG if fresh else logging.INFO,
            "record of documents at %s: layout %d -> %d%s",
            path,
            version,
            latest,
            " (new)" if fresh else "",
        )
    return latest


class SQLiteRegistry:
    """The record of documents and chunks: SQLite in WAL mode, one connection per thread."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        migrate(self.db, path)

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
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # state
    def get_state(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))

    def generation(self) -> str:
        return self.get_state("generation", "0")

    def _bump(self, db: sqlite3.Connection) -> None:
        row = db.execute("SELECT value FROM state WHERE key='generation'").fetchone()
        db.execute(
            "INSERT OR REPLACE INTO state (key, value) VALUES ('generation', ?)", (str(int(row[0] if row else 0) + 1),)
        )

    def bump(self) -> None:
        with self._transaction() as db:
            self._bump(db)

    # writing (the caller holds the store's write lock)
    def find_ready(self, doc_id: str) -> Version | None:
        row = self.db.execute(
            "SELECT doc_id, sha256 FROM documents WHERE doc_id=? AND status='ready'", (doc_id,)
        ).fetchone()
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
        with self._transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", version)
            db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?)",
                (*version, "pending", json.dumps(asdict(doc.meta)), doc.text, original, len(chunks), now()),
            )
            db.executemany(
                "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                [
                    (c.chunk_id, version[0], version[1], c.ordinal, json.dumps(asdict(c)), t)
                    for c, t in zip(chunks, texts, strict=False)
                ],
            )
            db.execute("INSERT OR REPLACE INTO doc_tables VALUES (?,?,?)", (*version, tables_to_json(doc.data_tables)))

    def commit(self, version: Version, previous: Version | None) -> None:
        """One transaction: the new version goes live, the previous one is retired."""
        with self._transaction() as db:
            if previous:
                db.execute("UPDATE documents SET status='retired' WHERE doc_id=? AND sha256=?", previous)
            db.execute("UPDATE documents SET status='ready' WHERE doc_id=? AND sha256=?", version)
            self._bump(db)

    def retire(self, version: Version) -> None:
        with self._transaction() as db:
            db.execute("UPDATE documents SET status='retired' WHERE doc_id=? AND sha256=?", version)
            self._bump(db)

    def forget(self, version: Version) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM chunks WHERE doc_id=? AND sha256=?", version)
            db.execute("DELETE FROM documents WHERE doc_id=? AND sha256=?", version)
            db.execute("DELETE FROM doc_tables WHERE doc_id=? AND sha256=?", version)

    def leftovers(self) -> list[Version]:
        """Versions not live that a killed writer left: pending or retired."""
        return [
            (r[0], r[1])
            for r in self.db.execute("SELECT doc_id, sha256 FROM documents WHERE status IN ('pending', 'retired')")
        ]

    # reading
    _READY_JOIN = "FROM chunks c JOIN documents d ON c.doc_id=d.doc_id AND c.sha256=d.sha256 WHERE d.status='ready'"

    def chunks(self, ids: list[str]) -> dict[str, tuple[Chunk, DocumentMeta]]:
        out: dict[str, tuple[Chunk, DocumentMeta]] = {}
        metas: dict[Version, DocumentMeta] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            rows = self.db.execute(
                f"SELECT c.chunk_id, c.data, d.doc_id, d.sha256, d.meta {self._READY_JOIN} AND c.chunk_id IN "
                f"({','.join('?' * len(part))})",
                part,
            ).fetchall()
            for chunk_id, data, doc_id, sha, meta in rows:
                if (doc_id, sha) not in metas:
                    metas[(doc_id, sha)] = meta_from_json(meta)
                out[chunk_id] = (chunk_from_json(data), metas[(doc_id, sha)])
        return out

    def document_chunks(self, version: Version) -> list[Chunk]:
        rows = self.db.execute("SELECT data FROM chunks WHERE doc_id=? AND sha256=? ORDER BY ordinal", version)
        return [chunk_from_json(r[0]) for r in rows]

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]:
        metas: dict[Version, DocumentMeta] = {}
        rows = self.db.execute(
            f"SELECT c.data, d.doc_id, d.sha256, d.meta {self._READY_JOIN} ORDER BY c.doc_id, c.ordinal"
        )
        for data, doc_id, sha, meta in rows:
            if (doc_id, sha) not in metas:
                metas[(doc_id, sha)] = meta_from_json(meta)
            yield chunk_from_json(data), metas[(doc_id, sha)]

    def lexical_rows(self) -> list[tuple[str, str]]:
        return self.db.execute(
            f"SELECT c.chunk_id, c.embed_text {self._READY_JOIN} ORDER BY c.doc_id, c.ordinal"
        ).fetchall()

    def document(self, doc_id: str) -> tuple[DocumentMeta, str, str] | None:
        row = self.db.execute(
            "SELECT meta, text, original FROM documents WHERE doc_id=? AND status='ready'", (doc_id,)
        ).fetchone()
        return (meta_from_json(row[0]), row[1], row[2]) if row else None

    def tables_json(self, version: Version) -> str | None:
        row = self.db.execute("SELECT data FROM doc_tables WHERE doc_id=? AND sha256=?", version).fetchone()
        return row[0] if row else None

    def sources(self) -> list[SourceInfo]:
        rows = self.db.execute(
            "SELECT doc_id, sha256, meta, n_chunks, added_at FROM documents WHERE status='ready' ORDER BY doc_id"
        )
        return [source_info(doc_id, sha, meta_from_json(meta), n, added) for doc_id, sha, meta, n, added in rows]

    def count_documents(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents WHERE status='ready'").fetchone()[0]

    def count_chunks(self) -> int:
        return self.db.execute(f"SELECT COUNT(*) {self._READY_JOIN}").fetchone()[0]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
