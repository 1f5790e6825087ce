"""The SQLite record of an embedded store is versioned (``PRAGMA user_version``) and migrated in
numbered steps: a store written before the numbering opens, keeps its documents and answers;
a store from a newer release is refused rather than misread."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from helpers import CORPUS_DIR

from nearshore_qa.errors import StoreError
from nearshore_qa.library import Library
from nearshore_qa.settings import Settings
from nearshore_qa.store.sqlite_registry import MIGRATIONS, SQLiteRegistry

# The record's layout as written by every release before numbered migrations (store.py's
# SCHEMA, copied verbatim; the record then had user_version 0).
UNNUMBERED_SCHEMA = """
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
TABLES = ("documents", "chunks", "state")
ARTICLE = CORPUS_DIR / "articles" / "us-mexico-trade-2024.md"


def layout(path) -> dict[str, list[tuple]]:
    """Each table's columns (name, type, not null, primary key) and indexes."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {t: [(c[1], c[2], c[3], c[5]) for c in db.execute(f"PRAGMA table_info({t})")] for t in tables}
        out["indexes"] = sorted(
            tuple(r)
            for r in db.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type='index' AND name NOT LIKE 'sqlite_%'"
            )
        )
    return out


def user_version(path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_a_new_record_has_the_unnumbered_layout_without_its_trash_table(tmp_path):
    """The numbered steps rebuild the layout older releases wrote (so their SQL reads it)."""
    with sqlite3.connect(tmp_path / "old.sqlite") as db:
        db.executescript(UNNUMBERED_SCHEMA)
    old = layout(tmp_path / "old.sqlite")
    SQLiteRegistry(tmp_path / "new.sqlite").close()
    new = layout(tmp_path / "new.sqlite")
    assert set(new) == {*TABLES, "doc_tables", "indexes"}  # layout 3 added the tables as data
    assert {t: old[t] for t in (*TABLES, "indexes")} == {t: new[t] for t in (*TABLES, "indexes")}
    assert user_version(tmp_path / "new.sqlite") == len(MIGRATIONS)


def test_a_store_from_before_numbered_migrations_opens_and_answers(tmp_path, embedder, caplog):
    """A store whose record has the unnumbered layout, documents in it and a vector id left in
    its trash table (a writer killed between its commit and its cleanup): it opens, lists and
    answers as before, the trashed vector is deleted, and it takes new documents."""
    folder = tmp_path / "store"
    lib = Library(Settings.from_env(store=folder), embedder=embedder)
    (added,) = lib.add([ARTICLE])
    assert added.status == "added"
    before = [(s.doc_id, s.sha256, s.chunks, s.title) for s in lib.sources()]
    orphan_vector = lib.store.collection.get(limit=1, include=["embeddings"])["embeddings"][0].tolist()
    lib.store.collection.add(
        ids=["trashed-vector"],
        embeddings=[orphan_vector],
        metadatas=[{"doc_id": "gone.md", "sha256": "0" * 64, "ordinal": 0}],
    )
    lib.close()

    # Rewrite the record in the unnumbered layout, with the same rows.
    path = folder / "library.sqlite"
    with sqlite3.connect(path) as db:
        rows = {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
    for f in folder.glob("library.sqlite*"):
        f.unlink()
    with sqlite3.connect(path) as db:
        db.executescript(UNNUMBERED_SCHEMA)
        for table, table_rows in rows.items():
            if table_rows:
                db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(table_rows[0]))})", table_rows)
        db.execute("INSERT INTO trash VALUES ('trashed-vector')")
    assert user_version(path) == 0 and "trash" in layout(path)

    with caplog.at_level(logging.INFO, logger="nearshore_qa.store"):
        lib = Library(Settings.from_env(store=folder), embedder=embedder)
        lib.store  # noqa: B018 - the store opens on first use
    assert "layout 0 -> 3" in caplog.text and "deleting 1 vector(s) no version owns" in caplog.text
    assert [(s.doc_id, s.sha256, s.chunks, s.title) for s in lib.sources()] == before
    assert user_version(path) == len(MIGRATIONS) and "trash" not in layout(path)
    assert lib.store.collection.get(ids=["trashed-vector"])["ids"] == []  # the open's recovery deleted it
    assert lib.store.collection.count() == lib.store.count_chunks()
    answer = lib.ask("How much was US trade with Mexico in 2024?")
    assert not answer.abstained and answer.citations[0].doc_id == added.doc_id
    (more,) = lib.add([CORPUS_DIR / "articles" / "texas-truck-crossings.txt"])
    assert more.status == "added" and len(lib.sources()) == 2
    lib.close()


def test_a_record_from_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "library.sqlite"
    SQLiteRegistry(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match=f"layout {len(MIGRATIONS) + 1}.*upgrade"):
        SQLiteRegistry(path)
