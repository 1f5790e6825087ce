"""Crash safety: an ingest (or remove) process is SIGKILLed at many points — at each step of the
write protocol (through the store's test hook, NEARSHORE_QA_TEST_KILL_AT) and after random
delays — on an embedded store and on a Chroma server. After every kill, reopening the store shows
no partial document: each live document's chunk count in the record equals its vectors in Chroma
and its entries in the BM25 index, and no vector is left without a live record. Re-running the
same ingest then completes with no duplicates.

The kills are chained on one store per backend, so each run also recovers from the last crash:
seven kill points embedded, five on a server.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import PORTS, article, assert_consistent, server_settings, start, stderr_of

from nearshore_qa.library import Library
from nearshore_qa.settings import Settings
from nearshore_qa.store import Store

N_DOCS = 40
CHANGED = [0, 1, 2, 4, 5, 6, 8, 9]  # the articles version 2 changes; they sort first


def write_corpus(folder: Path, version: int) -> None:
    """40 documents (32 articles, 4 notes, 4 tables); in version 2 eight articles changed."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(N_DOCS):
        if i % 10 == 7:
            rows = "\n".join(f"{2015 + r},{PORTS[(i + r) % 10]},{1000 * i + r}" for r in range(6))
            (folder / f"table-{i:02d}.csv").write_text(f"year,port,trucks\n{rows}\n")
        elif i % 10 == 3:
            (folder / f"note-{i:02d}.txt").write_text(
                f"Note {i}\n\nCorridor zq{i:03d}x carried {i * 7} trains in 2023.\n"
            )
        else:
            v = version if i in CHANGED else 1
            (folder / f"article-{i:02d}.md").write_text(article(i, v))


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    v1, v2 = tmp_path_factory.mktemp("v1"), tmp_path_factory.mktemp("v2")
    write_corpus(v1, 1)
    write_corpus(v2, 2)
    return v1, v2


def killed_at(job: dict, stage: str) -> None:
    """Run the job until the hook kills it at ``stage`` (``name:n``)."""
    proc = start(job, stage)
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == -signal.SIGKILL, f"not killed at {stage}: rc {proc.returncode}\n{out}\n{stderr_of(proc)}"


def killed_randomly(job: dict, after_files: int, rng: random.Random) -> None:
    """SIGKILL the job a random moment after it started on file number ``after_files``."""
    proc = start(job)
    for line in proc.stdout:
        if json.loads(line).get("progress", -1) >= after_files:
            time.sleep(rng.uniform(0.0, 0.4))
            proc.send_signal(signal.SIGKILL)
            break
    proc.communicate(timeout=600)
    assert proc.returncode == -signal.SIGKILL, f"the job ended before the kill: {proc.returncode}\n{stderr_of(proc)}"


def reopen(settings: Settings, embedder) -> Library:
    lib = Library(settings, embedder=embedder)
    lib.store  # noqa: B018 - opening recovers
    return lib


def check(settings: Settings, embedder) -> dict[tuple[str, str], int]:
    lib = reopen(settings, embedder)
    try:
        return assert_consistent(lib.store)
    finally:
        lib.close()


def pending_rows(store_dir: Path) -> int:
    with sqlite3.connect(store_dir / "library.sqlite") as db:
        return db.execute("SELECT COUNT(*) FROM documents WHERE status != 'ready'").fetchone()[0]


def embedded_chain(v1: Path, v2: Path, tmp_path: Path, embedder) -> int:
    """Seven kills on an embedded store; returns the number survived."""
    rng = random.Random(7)
    settings = Settings.from_env(store=tmp_path / "embedded")
    job = {"cmd": "ingest", "store": str(settings.store_dir), "paths": [str(v1)]}
    kills = 0

    # before any vector is written: the first document is pending, nothing is live
    killed_at(job, "pending:1")
    kills += 1
    assert pending_rows(settings.store_dir) == 1
    # A reader opening while a writer holds the lock does not clean up, and sees nothing partial.
    from filelock import FileLock

    with FileLock(str(settings.store_dir / "ingest.lock")):
        peek = Store(settings.store_dir, embedder)
        assert peek.sources() == [] and pending_rows(settings.store_dir) == 1
        peek.close()
    assert check(settings, embedder) == {} and pending_rows(settings.store_dir) == 0

    # vectors written but not committed; a random moment; the next new document pending (killed
    # before this process needed the model: the documents before it are unchanged)
    n = killed_mid_batch(job, settings, embedder, rng)
    kills += 3

    # the same ingest, run again, completes: nothing twice, nothing failed
    lib = reopen(settings, embedder)
    statuses = Counter(r.status for r in lib.add([v1]))
    assert statuses == Counter({"unchanged": n, "added": N_DOCS - n})
    live = assert_consistent(lib.store)
    assert len(live) == N_DOCS
    first_shas = {d: sha for d, sha in live}
    lib.close()

    # replacing changed documents: killed after the commit, and after the old vectors went
    job2 = {**job, "paths": [str(v2)]}
    killed_at(job2, "committed:3")
    killed_at(job2, "collected:4")
    kills += 2
    live = check(settings, embedder)
    assert len(live) == N_DOCS
    changed = sorted(d for d, sha in live if first_shas[d] != sha)
    assert len(changed) == 3 + 4  # each run replaced its documents up to (and with) the one killed

    # removing: killed once the document is retired, before its vectors are deleted
    killed_at({"cmd": "remove", "store": job["store"], "docs": ["article-11.md", "article-12.md"]}, "retired:1")
    kills += 1
    live = check(settings, embedder)
    assert len(live) == N_DOCS - 1 and "article-11.md" not in {d for d, _ in live}

    lib = reopen(settings, embedder)
    statuses = Counter(r.status for r in lib.add([v2]))
    assert statuses == Counter({"unchanged": N_DOCS - 2, "added": 1, "replaced": 1})
    live = assert_consistent(lib.store)
    assert len(live) == N_DOCS
    assert not any("(v1)" in s.title for s in lib.sources() if s.doc_id < "article-10")
    answer = lib.ask("How many northbound trucks did corridor zq005x see in 2024?")
    assert "105.25" in answer.answer  # the version 2 figure
    lib.close()
    return kills


def server_chain(v1: Path, v2: Path, tmp_path: Path, embedder, url: str) -> int:
    """Five kills on a shared server (the killed writer's lease is taken over at once: its
    process is gone); returns the number survived."""
    rng = random.Random(11)
    settings = Settings.from_env(store=tmp_path / "server", **server_settings(url))
    job = {
        "cmd": "ingest",
        "store": str(settings.store_dir),
        "paths": [str(v1)],
        "settings": {"chroma_url": settings.chroma_url, "collection": settings.collection},
    }
    n = killed_mid_batch(job, settings, embedder, rng)

    lib = reopen(settings, embedder)
    statuses = Counter(r.status for r in lib.add([v1]))
    assert statuses == Counter({"unchanged": n, "added": N_DOCS - n})
    assert len(assert_consistent(lib.store)) == N_DOCS
    lib.close()

    # replacing on a server takes two record updates: killed between them, the old version stays
    # live and the new one is dropped
    job2 = {**job, "paths": [str(v2)]}
    killed_at(job2, "replacing:2")
    live = check(settings, embedder)
    assert len(live) == N_DOCS
    lib = reopen(settings, embedder)
    assert lib.store.document("article-00.md")[0].title == "Border report 0 (v2)"
    assert lib.store.document("article-01.md")[0].title == "Border report 1 (v1)"
    lib.close()
    killed_at(
        {"cmd": "remove", "store": job["store"], "docs": ["article-11.md"], "settings": job["settings"]}, "retired:1"
    )
    lib = reopen(settings, embedder)
    assert len(assert_consistent(lib.store)) == N_DOCS - 1
    statuses = Counter(r.status for r in lib.add([v2]))
    assert statuses == Counter({"unchanged": N_DOCS - len(CHANGED), "replaced": len(CHANGED) - 1, "added": 1})
    assert len(assert_consistent(lib.store)) == N_DOCS
    assert lib.store.document("article-01.md")[0].title == "Border report 1 (v2)"
    lib.close()
    return 5


def killed_mid_batch(job, settings, embedder, rng) -> int:
    """Vectors written but not committed; a random moment; the next new document pending.
    Each kill leaves only whole documents: 5 after the first, the same count after the last."""
    killed_at(job, "vectors:6")
    assert len(check(settings, embedder)) == 5
    killed_randomly(job, after_files=14, rng=rng)
    n = len(check(settings, embedder))
    assert 5 <= n < N_DOCS
    killed_at(job, "pending:1")
    assert len(check(settings, embedder)) == n
    return n


def test_killed_writers_leave_no_partial_document(corpora, tmp_path, embedder, chroma_server):
    """Both chains at once, one per core: each kill costs a fresh process (and most a model load)."""
    v1, v2 = corpora
    with ThreadPoolExecutor(2) as pool:
        embedded = pool.submit(embedded_chain, v1, v2, tmp_path, embedder)
        server = pool.submit(server_chain, v1, v2, tmp_path, embedder, chroma_server)
        assert (embedded.result(), server.result()) == (7, 5)
