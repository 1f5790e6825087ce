"""Server mode as a team uses it: several machines (here: store folders) on one real `chroma run`
server share the documents, the record of documents and the writers' lock; each machine's BM25
index follows the server. An unreachable server is one line naming the URL."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from helpers import CORPUS_DIR, free_port, run_cli, server_settings, snapshot, start_chroma

from nearshore_qa.errors import StoreError
from nearshore_qa.lexical import _slug
from nearshore_qa.library import Library
from nearshore_qa.settings import Settings
from nearshore_qa.store import LOCK_ID, Store

pytestmark = [pytest.mark.model, pytest.mark.server]  # CLI runs and stores on a real `chroma run`


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return run_cli(*args, env=env, timeout=120)


@pytest.fixture
def team(tmp_path, chroma_server, embedder):
    """Two machines of one team: separate store folders, one server collection."""
    shared = server_settings(chroma_server)
    libs = [Library(Settings.from_env(store=tmp_path / name, **shared), embedder=embedder) for name in ("ana", "ben")]
    yield libs
    for lib in libs:
        lib.close()


def test_unreachable_server_is_one_line_naming_the_url(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    proc = cli("--store", tmp_path / "s", "--chroma-url", url, "sources")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip() == f"nearshore-qa: cannot reach the Chroma server at {url} (Connection refused)"
    # the same through the environment, for a command that writes
    doc = tmp_path / "note.md"
    doc.write_text("# Note\n\nTrucks.\n")
    proc = cli("--store", tmp_path / "s", "ingest", doc, NEARSHORE_QA_CHROMA_URL=url)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and url in proc.stderr


def test_a_bad_url_is_one_clear_error(tmp_path, embedder):
    with pytest.raises(StoreError, match="not of the form http"):
        Store(tmp_path / "s", embedder, chroma_url="ftp://127.0.0.1:8000")
    with pytest.raises(StoreError, match="not of the form http"):
        Store(tmp_path / "s", embedder, chroma_url="http://127.0.0.1:notaport")


def test_a_lost_server_is_one_clear_error(tmp_path, embedder):
    """A server that goes away mid-session: the next call fails with the URL, not per file."""
    proc, url = start_chroma(tmp_path / "data")
    try:
        lib = Library(Settings.from_env(store=tmp_path / "s", chroma_url=url), embedder=embedder)
        assert lib.sources() == []
    finally:
        proc.kill()
        proc.wait()
    note = tmp_path / "note.md"
    note.write_text("# Note\n\nTrucks.\n")
    for call in (lib.sources, lambda: lib.add([note]), lambda: lib.ask("What about trucks?")):
        with pytest.raises(StoreError) as err:
            call()
        assert str(err.value).startswith(f"lost the Chroma server at {url} (")
    lib.close()


def test_a_team_shares_one_corpus(team, tmp_path, chroma_server):
    ana, ben = team
    added = ana.add([CORPUS_DIR])
    assert {r.status for r in added} == {"added"}
    assert snapshot(ben) == snapshot(ana) and len(snapshot(ben)) == len(added)

    # Ben's machine has never seen the corpus: it answers from the server's chunks, and builds
    # its BM25 index from them (cached under the server's generation).
    answer = ben.ask("What were US exports to Jalisco in 2024?")
    assert not answer.abstained and "11.42" in answer.answer
    assert answer.citations[0].doc_id == "tables/us_exports_to_mexican_states.csv"
    lexical = ben.store.refresh_lexical()
    assert len(lexical.ids) == ana.store.count_chunks() == ben.store.collection.count()
    assert [p.name for p in ben.store.lexical_dir.iterdir()] == [
        _slug(ben.store.generation())
    ]  # one cache folder, this layout's

    # What lives where: documents, records and vectors on the server; only caches locally.
    for lib in team:
        names = sorted(p.name for p in lib.settings.store_dir.iterdir())
        assert "library.sqlite" not in names and "chroma" not in names, names
    records = ana.store.registry.records
    assert records.count() == len(added) + 1  # one record per document, plus the state; no lock left
    assert records.get(ids=[LOCK_ID])["ids"] == []

    # Ben removes a document; Ana's next question no longer finds it, lexically or densely.
    doc_id = "articles/us-mexico-trade-2024.md"
    question = "What was the US goods trade deficit with Mexico in 2024?"
    assert ana.ask(question).citations[0].doc_id == doc_id
    ben.remove(doc_id)
    assert doc_id not in [s.doc_id for s in ana.sources()]
    after = ana.ask(question)
    assert doc_id not in [c.doc_id for c in after.citations + after.closest]
    assert not any(h.chunk.doc_id == doc_id for h in ana.retriever.search(question, k=50))

    # Ben adds a note; Ana finds it by a word only it contains (the BM25 side follows the server).
    ben.add_text("Colombia Route", "The quetzalcoatlus corridor moved 412,000 containers in 2025.")
    hits = ana.store.lexical_search("quetzalcoatlus", 5)
    assert hits and ana.store.chunks([hits[0][0]])[hits[0][0]][1].title == "Colombia Route"
    assert "412,000" in ana.ask("How many containers did the quetzalcoatlus corridor move in 2025?").answer

    # A third machine started later sees the same library and the seed state.
    ana.store.set_state("seed_fingerprint", "abc")
    carl = Store(tmp_path / "carl", ana.embedder, ana.settings.collection, chroma_server)
    assert [s.doc_id for s in carl.sources()] == [s.doc_id for s in ana.sources()]
    assert carl.get_state("seed_fingerprint") == "abc"
    assert carl.document_chunks("pasted/colombia-route.md")[0].text.startswith("The quetzalcoatlus")
    carl.close()


def test_writers_on_different_machines_take_turns(team):
    ana, ben = team
    ben.store.LOCK_TIMEOUT_S = 0.5
    with ana.store.writing():
        start = time.monotonic()
        with pytest.raises(StoreError) as err:
            with ben.store.writing():
                pass
        assert time.monotonic() - start < 5
        assert "another ingest holds the store lock on " + ana.settings.chroma_url in str(err.value)
        assert socket.gethostname() in str(err.value)
    with ben.store.writing():  # free again
        assert ben.store.lease.depth == 1
    assert ben.store.registry.records.get(ids=[LOCK_ID])["ids"] == []


@pytest.mark.parametrize("how", ["dead process on this host", "expired lease of another host"])
def test_a_dead_writers_lease_is_taken_over(team, how):
    ana, ben = team
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = {"kind": "lock", "owner": "ghost", "since": "2026-01-01T00:00:00+00:00"}
    if how.startswith("dead"):
        lock.update(host=socket.gethostname(), pid=dead.pid, expires=time.time() + 3600)
    else:
        lock.update(host="elsewhere.example", pid=1, expires=time.time() - 1)
    ana.store.registry.records.add(ids=[LOCK_ID], embeddings=[[0.0]], metadatas=[lock])
    before = ana.store.generation()
    ben.store.LOCK_TIMEOUT_S = 5
    with ben.store.writing():
        assert ben.store.registry.records.get(ids=[LOCK_ID])["metadatas"][0]["owner"] == ben.store.lease.token
    # the dead writer may have left the index behind: the generation moved, caches rebuild
    assert ana.store.generation() != before
