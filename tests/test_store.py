"""The store through the Library: re-ingest, replacement without stale chunks, duplicates,
removal and persistence, as a user of `add`, `ask`, `sources` and `remove` sees them — on an
embedded store and on a real Chroma server (`chroma run`, see conftest.chroma_server)."""

from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS_DIR, snapshot, source_ids
from nearshore_qa.errors import DocumentNotFound
from nearshore_qa.library import Library

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
    assert [(r.name, r.status) for r in results] == [("a-record-2024.md", "added"),
                                                     ("b-copy-of-record.md", "duplicate")]
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


def test_pasted_text_is_a_document(library):
    result = library.add_text("Eagle Pass trucks", "Northbound commercial trucks at Eagle Pass jumped 44.0% "
                              "in 2025, from 256,225 to 368,986.", source="U.S. Customs and Border Protection",
                              published="2025-12-31")
    assert result.status == "added" and result.doc_id == "pasted/eagle-pass-trucks.md"
    (src,) = library.sources()
    assert (src.title, src.publisher, src.published) == ("Eagle Pass trucks", "U.S. Customs and Border Protection",
                                                         "2025-12-31")
    answer = library.ask("How many trucks crossed at Eagle Pass in 2025?")
    assert "368,986" in answer.answer and answer.citations[0].doc_id == "pasted/eagle-pass-trucks.md"
