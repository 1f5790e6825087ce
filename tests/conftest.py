"""Shared fixtures: the real MiniLM encoder (loaded once), fresh stores, and a store loaded
with the small test corpus under tests/data/corpus/."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

# Offline and hermetic before anything imports chromadb or sentence-transformers: no hub
# look-ups, no telemetry, and no NEARSHORE_QA_* setting from the developer's shell.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
# (NEARSHORE_QA_SCREENSHOTS only tells the browser tests where to save screenshots.)
CLEARED_ENV = {n: os.environ.pop(n) for n in list(os.environ)
               if n.startswith("NEARSHORE_QA_") and n != "NEARSHORE_QA_SCREENSHOTS"}

from nearshore_qa.embeddings import MiniLMEmbeddings  # noqa: E402
from nearshore_qa.library import Library  # noqa: E402
from nearshore_qa.settings import Settings  # noqa: E402

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
CORPUS_DIR = DATA_DIR / "corpus"  # the documents; DATA_DIR also holds the fixture generator
REPO_ROOT = TESTS_DIR.parent

# doc id (relative to CORPUS_DIR) -> what the loader must report for it
EXPECTED_DOCS = {
    "articles/us-mexico-trade-2024.md": dict(
        fmt="md", kind="article", title="Trade with Mexico set a record in 2024",
        publisher="Bureau of Transportation Statistics (BTS)", published="2025-12-31",
        author="nearshore-qa test suite", url="https://www.bts.gov/transborder"),
    "articles/texas-truck-crossings.txt": dict(
        fmt="txt", kind="article", title="Texas ports carry most of the trucks coming north from Mexico",
        publisher="", published="", author="", url=""),
    "articles/mexico-led-us-trade-august-2022.html": dict(
        fmt="html", kind="article", title="Mexico briefly led US goods trade in 2022",
        publisher="nearshore-qa test notes", published="2022-10-13", author="nearshore-qa test suite", url=""),
    "articles/usmca-joint-review.pdf": dict(
        fmt="pdf", kind="article", title="How the USMCA joint review works",
        publisher="", published="2025-11-07", author="nearshore-qa test suite", url=""),
    "articles/nuevo-leon-investment.docx": dict(
        fmt="docx", kind="article", title="Nuevo León keeps drawing foreign investment",
        publisher="", published="2025-08-21", author="nearshore-qa test suite", url=""),
    "tables/us_exports_to_mexican_states.csv": dict(
        fmt="csv", kind="table", title="US exports to Mexican states, 2023-2024 (test extract)",
        publisher="Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data",
        published="2026-03-21", author="", url="https://www.bts.gov/topics/transborder-raw-data"),
    "tables/trade_by_transport_mode.xlsx": dict(
        fmt="xlsx", kind="table", title="Trade by transport mode",
        publisher="", published="", author="", url=""),
}


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbeddings:
    """The real encoder, loaded once for the whole session."""
    emb = MiniLMEmbeddings()
    emb.load()  # now, not inside the first test that encodes
    return emb


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_chroma(folder: Path, log=subprocess.DEVNULL) -> tuple[subprocess.Popen, str]:
    """A real `chroma run` (shipped with the chromadb package) on a free port, storing in
    ``folder``: (process, URL) once it accepts connections; fails the test if it never does."""
    port = free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("chroma")), "run", "--path", str(folder),
                             "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                tail = Path(log.name).read_text(errors="replace")[-2000:] if hasattr(log, "name") else ""
                pytest.fail(f"chroma run did not start (exit code {proc.poll()}): {tail}")
            time.sleep(0.2)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real Chroma server for the session; its URL. Tests on it use collections of their own
    (see ``server_settings``)."""
    path = tmp_path_factory.mktemp("chroma-server")
    with open(path / "server.log", "wb") as log:
        proc, url = start_chroma(path / "data", log)
        yield url
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def server_settings(url: str) -> dict:
    """Settings overrides for a store on the test server, in a collection of its own."""
    return {"chroma_url": url, "collection": f"t-{uuid.uuid4().hex[:12]}"}


@pytest.fixture
def backend() -> str:
    """Where ``make_library`` puts its stores; modules that test both override it with
    ``@pytest.fixture(params=["embedded", "server"])``."""
    return "embedded"


@pytest.fixture
def make_library(tmp_path, embedder, backend, request):
    """A factory for fresh libraries on empty stores under tmp_path (or on the test Chroma server
    when ``backend`` is "server"): make_library(max_file_mb=1)."""
    made: list[Library] = []
    counter = itertools.count()

    def make(**overrides) -> Library:
        store = tmp_path / f"store-{next(counter)}"
        if backend == "server":
            overrides = {**server_settings(request.getfixturevalue("chroma_server")), **overrides}
        lib = Library(Settings.from_env(store=store, **overrides), embedder=embedder)
        made.append(lib)
        return lib

    yield make
    for lib in made:
        lib.close()


@pytest.fixture
def library(make_library) -> Library:
    """A fresh Library on an empty store in tmp_path."""
    return make_library()


@pytest.fixture(scope="session")
def loaded(tmp_path_factory, embedder):
    """(library, ingest results) for one store holding tests/data/corpus, shared by read-only tests."""
    store = tmp_path_factory.mktemp("loaded") / "store"
    lib = Library(Settings.from_env(store=store), embedder=embedder)
    results = lib.add([CORPUS_DIR])
    yield lib, results
    lib.close()


@pytest.fixture(scope="session")
def loaded_library(loaded) -> Library:
    lib, results = loaded
    failed = [r for r in results if r.status != "added"]
    assert not failed, f"the test corpus did not load cleanly: {failed}"
    return lib


def source_ids(lib: Library) -> list[str]:
    return [s.doc_id for s in lib.sources()]


def snapshot(lib: Library) -> list[tuple]:
    """What a user can see of the store: each document's id, content hash and chunk count."""
    return [(s.doc_id, s.sha256, s.chunks, s.title) for s in lib.sources()]
