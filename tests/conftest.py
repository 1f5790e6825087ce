"""Shared fixtures: the real MiniLM encoder (loaded once), fresh stores, and a store loaded
with the small test corpus under tests/data/corpus/."""

from __future__ import annotations

import itertools
import os
import subprocess

import pytest

# Offline and hermetic before anything imports chromadb or sentence-transformers: no hub
# look-ups, no telemetry, and no NEARSHORE_QA_* setting from the developer's shell.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
# (NEARSHORE_QA_SCREENSHOTS only tells the browser tests where to save screenshots.)
CLEARED_ENV = {
    n: os.environ.pop(n) for n in list(os.environ) if n.startswith("NEARSHORE_QA_") and n != "NEARSHORE_QA_SCREENSHOTS"
}

from helpers import CORPUS_DIR, REPO_ROOT, server_settings, start_chroma  # noqa: E402

from nearshore_qa.embeddings import MiniLMEmbeddings  # noqa: E402
from nearshore_qa.library import Library  # noqa: E402
from nearshore_qa.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbeddings:
    """The real encoder, loaded once for the whole session."""
    emb = MiniLMEmbeddings()
    emb.load()  # now, not inside the first test that encodes
    return emb


# Fixtures that load the real encoder or start a Chroma server: a test that uses one (directly or
# through another fixture) is marked, so `make test-fast` can leave it out.
_MODEL_FIXTURES = {"embedder"}
_SERVER_FIXTURES = {"chroma_server"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        if names & _MODEL_FIXTURES:
            item.add_marker(pytest.mark.model)
        if names & _SERVER_FIXTURES or (callspec is not None and callspec.params.get("backend") == "server"):
            item.add_marker(pytest.mark.server)


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


@pytest.fixture
def app_on_loaded_store(loaded_library, tmp_path, monkeypatch):
    """The Streamlit app on the shared test store (nothing to seed: an empty corpus folder)."""
    from streamlit.testing.v1 import AppTest

    (tmp_path / "empty-corpus").mkdir()
    monkeypatch.setenv("NEARSHORE_QA_HOME", str(loaded_library.settings.store_dir))
    monkeypatch.setenv("NEARSHORE_QA_CORPUS", str(tmp_path / "empty-corpus"))
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at
