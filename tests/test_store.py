"""The store through the Library: re-ingest, replacement without stale chunks, duplicates,
removal and persistence, as a user of `add`, `ask`, `sources` and `remove` sees them — on an
embedded store and on a real Chroma server (`chroma run`, see conftest.chroma_server)."""

from __future__ import annotations

import functools
import shutil
from dataclasses import replace

import pytest
from helpers import CORPUS_DIR, EXPECTED_DOCS, snapshot, source_ids

from nearshore_qa.embeddings import MiniLMEmbeddings
from nearshore_qa.errors import DocumentNotFound
from nearshore_qa.library import Library
from nearshore_qa.settings import Settings

FIRST_RELEASE = """---
title: US-Mexico trade in August 2022
source: U.S. Census Bureau
published: 2022-10-13
---
# US-Mexico trade in August 2022

The first Census Bureau release put US–Mexico goods trade in August 2022 at US$70.04 billion.
"""
REVISED = """---
title: US-Mexico trade in August 2022
source: U.S. Census Bureau
published: 2024-06-30
---
# US-Mexico trade in August 2022

The revised Census Bureau data put US–Mexico goods trade in August 2022 at US$69.66 billion.
"""
QUESTION = "What was US–Mexico goods trade in August 2022?"


@pytest.fixture(params=["embedded", "server"])
def backend(request) -> str:
    return request.param


def consistent(lib: Library) -> None:
    """Every vector belongs to a listed chunk and every listed chunk has a vector."""
    store = lib.store
    assert store.collection.count() == store.count_chunks() == sum(s.chunks for s in lib.sources())


def test_unchanged_reingest(library):
    first = library.add([CORPUS_DIR])
    before = snapshot(library)
    added_at = [s.added_at for s in library.sources()]
    again = library.add([CORPUS_DIR])
    assert [r.status for r in again] == ["unchanged"] * len(first)
    assert [r.chunks for r in again] == [r.chunks for r in first]
    assert snapshot(library) == before
    assert [s.added_at for s in library.sources()] == added_at
    consistent(library)


def test_changed_file_is_replaced_without_stale_chunks(library, tmp_path):
    path = tmp_path / "august-2022.md"
    path.write_text(FIRST_RELEASE, encoding="utf-8")
    (first,) = library.add([path])
    assert first.status == "added"
    assert "70.04" in library.ask(QUESTION).answer
    old_sha = library.sources()[0].sha256

    path.write_text(REVISED, encoding="utf-8")
    (second,) = library.add([path])
    assert (second.status, second.doc_id) == ("replaced", "august-2022.md")
    (src,) = library.sources()
    assert src.sha256 != old_sha and src.published == "2024-06-30"

    answer = library.ask(QUESTION)
    assert not answer.abstained
    assert "US$69.66 billion" in answer.answer
    assert [f.text for f in answer.figures if f.verified] == ["US$69.66 billion"]
    # the old figure is gone from every index a question can reach
    for query in (QUESTION, "US$70.04 billion first Census Bureau release", "70.04"):
        hits = library.retriever.search(query, k=20)
        assert hits and not any("70.04" in h.chunk.text for h in hits), query
    assert not any("70.04" in c.text for c in answer.citations)
    assert not any("70.04" in c.text for c, _ in library.store.all_chunks())
    consistent(library)


def test_changed_sidecar_replaces_the_table(library, tmp_path):
    for name in ("us_exports_to_mexican_states.csv", "us_exports_to_mexican_states.meta.yaml"):
        shutil.copy(CORPUS_DIR / "tables" / name, tmp_path / name)
    csv = tmp_path / "us_exports_to_mexican_states.csv"
    assert [r.status for r in library.add([csv])] == ["added"]
    side = tmp_path / "us_exports_to_mexican_states.meta.yaml"
    side.write_text(side.read_text().replace("(test extract)", "(revised extract)"))
    assert [r.status for r in library.add([csv])] == ["replaced"]
    (src,) = library.sources()
    assert src.title == "US exports to Mexican states, 2023-2024 (revised extract)"
    consistent(library)


def test_same_content_under_another_name_is_stored_once(library, tmp_path):
    original = CORPUS_DIR / "articles/us-mexico-trade-2024.md"
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(original, folder / "a-record-2024.md")
    shutil.copy(original, folder / "b-copy-of-record.md")
    results = library.add([folder])
    assert [(r.name, r.status) for r in results] == [
        ("a-record-2024.md", "added"),
        ("b-copy-of-record.md", "duplicate"),
    ]
    dup = results[1]
    assert dup.duplicate_of == "a-record-2024.md" and "a-record-2024.md" in dup.reason
    assert source_ids(library) == ["a-record-2024.md"]
    # uploading the same bytes under a third name is a duplicate too
    (upload,) = library.add_bytes([("record.md", original.read_bytes())])
    assert upload.status == "duplicate" and upload.duplicate_of == "a-record-2024.md"
    assert source_ids(library) == ["a-record-2024.md"]
    consistent(library)


def test_file_changed_into_a_copy_of_another_leaves_no_stale_version(library, tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(FIRST_RELEASE, encoding="utf-8")
    b.write_text(REVISED, encoding="utf-8")
    library.add([a, b])
    a.write_text(REVISED, encoding="utf-8")  # a.md now says what b.md says
    library.add([a])
    assert not any("70.04" in c.text for c, _ in library.store.all_chunks())


def test_remove_deletes_the_document_everywhere(library):
    library.add([CORPUS_DIR])
    question = "What was the US goods trade deficit with Mexico in 2024?"
    doc_id = "articles/us-mexico-trade-2024.md"
    before = library.ask(question)
    assert not before.abstained and before.citations[0].doc_id == doc_id
    n_before = len(library.sources())

    result = library.remove(doc_id)
    assert (result.status, result.doc_id) == ("removed", doc_id) and result.chunks > 0
    assert len(library.sources()) == n_before - 1 and doc_id not in source_ids(library)
    after = library.ask(question)
    assert doc_id not in [c.doc_id for c in after.citations + after.closest]
    assert "171.81" not in after.answer
    assert not any(h.chunk.doc_id == doc_id for h in library.retriever.search(question, k=50))
    consistent(library)

    with pytest.raises(DocumentNotFound):
        library.remove(doc_id)
    # it can be added back
    (again,) = library.add([CORPUS_DIR / doc_id])
    assert again.status == "added"


def test_store_persists_across_libraries(library, embedder):
    library.add([CORPUS_DIR])
    before = snapshot(library)
    library.close()
    reopened = Library(library.settings, embedder=embedder)  # the same store folder (and server)
    try:
        assert snapshot(reopened) == before
        answer = reopened.ask("What were US exports to Jalisco in 2024?")
        assert not answer.abstained and "11.42" in answer.answer
        assert [r.status for r in reopened.add([CORPUS_DIR])] == ["unchanged"] * len(before)
    finally:
        reopened.close()


def test_dense_search_finds_the_nearest_chunks_after_reopening(library, embedder):
    """A store made at Chroma's default search depth (ef_search 100) is raised to EF_SEARCH when
    opened: at 100, a query's nearest passage was missed in one question in fifty, a different
    one in each process (Chroma rebuilds the unpersisted part of its index on open)."""
    import numpy as np

    from nearshore_qa.store.vectors import EF_SEARCH

    library.add([CORPUS_DIR])
    library.store.collection.modify(configuration={"hnsw": {"ef_search": 100}})
    library.close()
    reopened = Library(library.settings, embedder=embedder)
    try:
        store = reopened.store
        assert store.collection.configuration_json["hnsw"]["ef_search"] == EF_SEARCH
        stored = store.collection.get(include=["embeddings"])
        matrix = np.asarray(stored["embeddings"], dtype=np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
        for question in ("Which country was the largest US goods trading partner in 2023?", QUESTION):
            vector = embedder.embed_query(question)
            exact = [stored["ids"][i] for i in np.argsort(-(matrix @ np.asarray(vector, dtype=np.float32)))[:10]]
            assert {cid for cid, _ in store.dense_search(vector, 10)} == set(exact)
    finally:
        reopened.close()


def test_pasted_text_is_a_document(library):
    result = library.add_text(
        "Eagle Pass trucks",
        "Northbound commercial trucks at Eagle Pass jumped 44.0% in 2025, from 256,225 to 368,986.",
        source="U.S. Customs and Border Protection",
        published="2025-12-31",
    )
    assert result.status == "added" and result.doc_id == "pasted/eagle-pass-trucks.md"
    (src,) = library.sources()
    assert (src.title, src.publisher, src.published) == (
        "Eagle Pass trucks",
        "U.S. Customs and Border Protection",
        "2025-12-31",
    )
    answer = library.ask("How many trucks crossed at Eagle Pass in 2025?")
    assert "368,986" in answer.answer and answer.citations[0].doc_id == "pasted/eagle-pass-trucks.md"


# --- ingest in windows (Library._ingest) and re-ingest without parsing --------------------

NEW_NOTE = """---
title: Pharr bridge produce
---
# Pharr bridge produce

Produce crossing the Pharr bridge reached 1,234,567 tonnes in 2025, a record for the bridge.
"""


class Exploding(MiniLMEmbeddings):
    """The session's encoder, failing on any text holding EXPLODE (a document whose vectors
    cannot be made); records the size of each embed_documents call."""

    def __init__(self, inner: MiniLMEmbeddings):
        super().__init__()
        self.__dict__["onnx"] = inner.onnx  # share the loaded encoder
        self.calls: list[int] = []

    def embed_documents(self, texts):
        self.calls.append(len(texts))
        if any("EXPLODE" in t for t in texts):
            raise RuntimeError("the encoder choked")
        return super().embed_documents(texts)


def test_a_failing_file_in_a_window_fails_alone(library, embedder, tmp_path):
    library.embedder = Exploding(embedder)  # before the store opens: it encodes through this one
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, port in enumerate(["Laredo", "Nogales", "Otay Mesa", "El Paso"]):
        (folder / f"report-{i}.md").write_text(f"# Report {i}\n\nTrucks at {port} rose {i + 3}% in 2025.\n")
    (folder / "report-1b.md").write_text("# Report 1b\n\nThis one makes the encoder EXPLODE.\n")
    (folder / "report-2b.md").write_text("   \n")  # refused by the loader
    results = {r.name: r for r in library.add([folder])}
    assert {n: r.status for n, r in results.items()} == {
        "report-0.md": "added",
        "report-1.md": "added",
        "report-1b.md": "failed",
        "report-2.md": "added",
        "report-2b.md": "failed",
        "report-3.md": "added",
    }
    assert results["report-1b.md"].reason == "unexpected RuntimeError: the encoder choked"
    assert results["report-2b.md"].reason == "empty file"
    # one call for the whole window; when it failed, one per document so only the culprit failed
    assert library.embedder.calls[0] == 5 and library.embedder.calls[1:] == [1] * 5
    assert source_ids(library) == ["report-0.md", "report-1.md", "report-2.md", "report-3.md"]
    assert library.store.registry.leftovers() == []  # the culprit's pending version is gone
    consistent(library)
    assert "5%" in library.ask("How much did trucks at Otay Mesa rise in 2025?").answer


def test_windows_give_the_results_of_one_document_at_a_time(make_library):
    """The same uploads, stored in one window and one document at a time: the same results and
    the same store. Within one window: one document twice (same and changed content), one
    content under two names, a document replaced while a later one has its old content, and a
    document changed into a copy of another (its old version removed)."""
    first, revised = FIRST_RELEASE.encode(), REVISED.encode()
    setup = [("a.md", first), ("b.md", revised), ("c.md", NEW_NOTE.encode())]
    batch = [
        ("n1.md", NEW_NOTE.replace("2025", "2024").encode()),  # new
        ("a.md", revised.replace(b"69.66", b"69.70")),  # a replaced ...
        ("d.md", first),  # ... so a's old content is no longer taken: added
        ("e.md", first),  # the same content again: a duplicate of d
        ("n1.md", NEW_NOTE.replace("2025", "2024").encode()),  # the same document again: unchanged
        ("n2.md", NEW_NOTE.replace("2025", "2023").encode()),
        ("n2.md", NEW_NOTE.replace("2025", "2022").encode()),  # changed again: replaced
        ("c.md", revised),
    ]  # now a copy of b: its old version goes
    outcomes = []
    for window in (1, 2048):
        lib = make_library()
        lib.WINDOW_CHUNKS = window
        lib.add_bytes(setup)
        results = lib.add_bytes(batch)
        outcomes.append(
            (
                [(r.name, r.status, r.duplicate_of) for r in results],
                [(s.doc_id, s.sha256, s.chunks) for s in lib.sources()],
            )
        )
        consistent(lib)
        assert lib.store.registry.leftovers() == []
    assert outcomes[0] == outcomes[1]
    assert outcomes[1][0] == [
        ("n1.md", "added", ""),
        ("a.md", "replaced", ""),
        ("d.md", "added", ""),
        ("e.md", "duplicate", "d.md"),
        ("n1.md", "unchanged", ""),
        ("n2.md", "added", ""),
        ("n2.md", "replaced", ""),
        ("c.md", "duplicate", "b.md"),
    ]
    assert [d for d, _, _ in outcomes[1][1]] == ["a.md", "b.md", "d.md", "n1.md", "n2.md"]


def test_several_windows(make_library, embedder):
    """A folder stored in windows of a few chunks: every document in, nothing twice; one
    encoder call per window."""
    lib = make_library()
    lib.WINDOW_CHUNKS = 5
    lib.embedder = Exploding(embedder)
    results = lib.add([CORPUS_DIR])
    assert {r.status for r in results} == {"added"} and len(results) == len(EXPECTED_DOCS)
    calls = lib.embedder.calls
    assert 1 < len(calls) < len(results) and sum(calls) == lib.store.count_chunks()
    assert all(n >= 5 for n in calls[:-1])
    consistent(lib)


def test_unchanged_files_are_not_parsed(library, tmp_path, monkeypatch):
    """Re-ingest compares content hashes (a table's with its sidecar) before parsing: only new
    or changed files are loaded."""
    import nearshore_qa.library as libmod

    loaded: list[str] = []
    load_file = libmod.load_file
    monkeypatch.setattr(
        libmod, "load_file", lambda path, doc_id, *a, **k: loaded.append(doc_id) or load_file(path, doc_id, *a, **k)
    )
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus)
    first = library.add([corpus])
    assert sorted(loaded) == sorted(EXPECTED_DOCS) and {r.status for r in first} == {"added"}

    loaded.clear()
    again = library.add([corpus])
    assert loaded == [] and [(r.name, r.status, r.chunks) for r in again] == [
        (r.name, "unchanged", r.chunks) for r in first
    ]

    article = corpus / "articles/us-mexico-trade-2024.md"
    article.write_text(article.read_text().replace("record", "new high"))
    side = corpus / "tables/us_exports_to_mexican_states.meta.yaml"
    side.write_text(side.read_text().replace("(test extract)", "(revised extract)"))
    loaded.clear()
    statuses = {r.name: r.status for r in library.add([corpus])}
    assert sorted(loaded) == ["articles/us-mexico-trade-2024.md", "tables/us_exports_to_mexican_states.csv"]
    assert {n for n, s in statuses.items() if s != "unchanged"} == set(loaded)
    assert {statuses[n] for n in loaded} == {"replaced"}
    consistent(library)


def test_the_content_hash_is_the_loaders(tmp_path):
    """The hash read without parsing is the one load_file records, for every format, with and
    without a sidecar (.meta.yaml or .meta.yml)."""
    from nearshore_qa.ingest import doc_id_for, iter_files, load_file
    from nearshore_qa.library import _file_hash

    files = list(iter_files([CORPUS_DIR]))
    table = tmp_path / "t.csv"
    table.write_bytes((CORPUS_DIR / "tables/us_exports_to_mexican_states.csv").read_bytes())
    (tmp_path / "t.meta.yml").write_text("title: A table\n")
    assert len(files) == len(EXPECTED_DOCS)
    for path, root in files + [(table, tmp_path)]:
        assert _file_hash(path, 2**30) == load_file(path, doc_id_for(path, root), 2**30).sha256, path
    assert _file_hash(table, 10) is None  # over the limit: loaded (and refused) as usual


def test_an_unchanged_file_over_a_lowered_limit_is_refused(make_library, tmp_path):
    """The size limit still applies to a file stored before the limit was lowered."""
    page = tmp_path / "page.html"
    padding = "x" * (1024 * 1024 + 100_000)
    page.write_text(
        f"<html><head><title>Page</title><script>/*{padding}*/</script></head>"
        f"<body><p>Trucks at Laredo rose 5% in 2025.</p></body></html>"
    )
    lib = make_library(max_file_mb=2)
    assert [r.status for r in lib.add([page])] == ["added"]
    lib.settings = replace(lib.settings, max_file_mb=1)
    (result,) = lib.add([page])
    assert (result.status, result.reason) == ("failed", "file is 1.1 MB; the limit is 1 MB")
    assert [s.doc_id for s in lib.sources()] == ["page.html"]


def test_a_window_is_encoded_by_length_and_each_vector_finds_its_chunk(tmp_path, embedder):
    """More texts than one batch, of mixed lengths (prose and number-dense rows): encoded one
    batch per call, longest first, and every vector returned at its text's place."""
    library = Library(Settings.from_env(store=tmp_path / "unused"), embedder=Exploding(embedder))
    texts = [
        f"Row {i}: year: {2000 + i % 25}; exports usd millions: {i * 1234.5:.1f}; imports: {i * 987.25:.2f}"
        if i % 3
        else f"Paragraph {i}. " + "Trucks crossed the border at Laredo in large numbers. " * (i % 7 + 1)
        for i in range(150)
    ]
    vectors = library._encode(texts)
    batch = library.embedder.batch_size
    assert library.embedder.calls == [batch] * (150 // batch) + [150 % batch]
    direct = embedder.embed_documents(texts)
    assert len(vectors) == len(texts)
    for got, want in zip(vectors, direct, strict=False):
        assert sum(a * b for a, b in zip(got, want, strict=False)) > 0.9999


def test_the_onnx_encoder_gets_the_whole_window_and_reports_each_batch(tmp_path, embedder, monkeypatch):
    """One call per window (the encoder batches it over both cores itself); progress adds up to
    every text, and each vector is its own text's."""
    assert embedder.onnx is not None
    calls: list[int] = []
    real = embedder.embed_documents

    @functools.wraps(real)
    def counted(texts, on_batch=None):
        calls.append(len(texts))
        return real(texts, on_batch=on_batch)

    monkeypatch.setattr(embedder, "embed_documents", counted)
    library = Library(Settings.from_env(store=tmp_path / "unused"), embedder=embedder)
    texts = [f"Row {i}: exports usd millions: {i * 1234.5:.1f}" + " Trucks at Laredo." * (i % 5) for i in range(90)]
    seen: list[int] = []
    vectors = library._encode(texts, seen.append)
    assert calls == [90]
    assert sum(seen) == 90 and len(seen) > 1
    for i in (0, 41, 89):
        (alone,) = embedder.encode_reference([texts[i]])
        assert sum(a * b for a, b in zip(vectors[i], alone, strict=False)) > 0.99999


def test_a_store_busy_for_a_moment_still_gets_its_search_depth(monkeypatch):
    """Another process writing the same embedded store holds SQLite's lock for a moment: setting
    ef_search is tried again, so this process does not search at Chroma's shallower default."""
    from nearshore_qa.store import vectors

    monkeypatch.setattr(vectors.time, "sleep", lambda seconds: None)

    class Busy:
        configuration_json = {"hnsw": {"ef_search": 100}}
        calls = 0

        def modify(self, configuration):
            Busy.calls += 1
            if Busy.calls < 3:
                raise RuntimeError("Database error: error returned from database: (code: 5) database is locked")
            self.configuration_json = configuration

    busy = Busy()
    vectors._search_deep_enough(busy, "/tmp/store")
    assert busy.configuration_json["hnsw"]["ef_search"] == vectors.EF_SEARCH and Busy.calls == 3
