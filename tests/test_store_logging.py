"""What the store cleans up after a dead writer is logged, so an operator can tell a recovery
(and what it deleted) or a lease takeover from a silent loss of documents."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from helpers import CORPUS_DIR

from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_file
from nearshore_qa.library import Library
from nearshore_qa.settings import Settings
from nearshore_qa.store import LOCK_ID, PendingDocument, ServerLease
from nearshore_qa.store.server_registry import records_collection


def test_a_recovery_logs_the_versions_it_deleted(tmp_path, embedder, caplog):
    folder = tmp_path / "store"
    lib = Library(Settings.from_env(store=folder), embedder=embedder)
    doc = load_file(CORPUS_DIR / "articles" / "texas-truck-crossings.txt", "texas.txt", 10_000_000)
    with lib.store.writing():  # a writer that dies after recording its document as pending
        prepared = lib.store.prepare(doc, chunk_document(doc))
    assert isinstance(prepared, PendingDocument)
    lib.close()

    with caplog.at_level(logging.INFO, logger="nearshore_qa.store"):
        lib = Library(Settings.from_env(store=folder), embedder=embedder)
        lib.store  # noqa: B018 - the store opens (and recovers) on first use
    (record,) = [r for r in caplog.records if "recovering" in r.getMessage()]
    assert record.levelno == logging.WARNING
    assert str(folder) in record.getMessage() and f"texas.txt@{doc.sha256[:12]}" in record.getMessage()
    assert lib.sources() == [] and lib.store.count_chunks() == 0
    lib.close()


@pytest.mark.skipif(
    shutil.which(str(Path(sys.executable).with_name("chroma"))) is None,
    reason="no `chroma` command (chromadb's CLI) beside Python",
)
def test_taking_over_a_dead_writers_lease_is_logged(chroma_server, caplog):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    host, port = chroma_server.rsplit("/", 1)[1].split(":")
    client = chromadb.HttpClient(host=host, port=int(port), settings=ChromaSettings(anonymized_telemetry=False))
    records = records_collection(client, f"lease-{uuid.uuid4().hex[:12]}")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    records.add(
        ids=[LOCK_ID],
        embeddings=[[0.0]],
        metadatas=[
            {
                "kind": "lock",
                "owner": "ghost",
                "since": "2026-01-01T00:00:00+00:00",
                "host": socket.gethostname(),
                "pid": dead.pid,
                "expires": time.time() + 3600,
            }
        ],
    )
    lease = ServerLease(records, chroma_server)
    with caplog.at_level(logging.INFO, logger="nearshore_qa.store"):
        lease.acquire(timeout=5)
    try:
        assert lease.took_over and lease.token != "ghost"
        (record,) = [r for r in caplog.records if "taking over" in r.getMessage()]
        assert record.levelno == logging.WARNING and f"pid {dead.pid}" in record.getMessage()
        assert chroma_server in record.getMessage() and os.getpid() != dead.pid
    finally:
        lease.release()
    assert records.get(ids=[LOCK_ID])["ids"] == []
    client.delete_collection(records.name)
