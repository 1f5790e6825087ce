"""The fresh evaluation set (eval/documents-fresh, "set": "fresh"): it loads, every question cites
documents that exist under eval/documents-fresh/, and it is split by document, so that tuning on its
dev part never sees a test document."""

from pathlib import Path

from nearshore_qa.evaluation import DEFAULT_EVAL, SET_FOLDERS, load_questions, set_of

PART = DEFAULT_EVAL.parent / "parts" / "fresh.jsonl"


def fresh_items() -> list[dict]:
    return [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "fresh"]


def test_fresh_set_loads_and_matches_its_part_file():
    items = fresh_items()
    part = load_questions(PART)
    assert [i["id"] for i in items] == [i["id"] for i in part]
    assert len({i["id"] for i in items}) == len(items)
    assert 60 <= len(items) <= 100


def test_every_fresh_source_exists_under_documents_fresh():
    folder = SET_FOLDERS["fresh"]
    assert folder == Path(DEFAULT_EVAL).parent / "documents-fresh"
    for item in fresh_items():
        if item["kind"] == "unanswerable":
            assert not item["expected"] and not item["sources"], item["id"]
            continue
        assert item["expected"] and item["sources"], item["id"]
        for doc in item["sources"]:
            assert (folder / doc).is_file(), (item["id"], doc)
        if item["kind"] == "follow_up":
            assert item["history"], item["id"]


def test_fresh_set_is_split_by_document_about_half_and_half():
    items = fresh_items()
    split_of_doc: dict[str, set[str]] = {}
    for item in items:
        assert item["split"] in ("dev", "test"), item["id"]
        for doc in item["sources"]:
            split_of_doc.setdefault(doc, set()).add(item["split"])
    assert all(len(splits) == 1 for splits in split_of_doc.values()), split_of_doc
    dev = sum(1 for i in items if i["split"] == "dev")
    assert abs(dev - (len(items) - dev)) <= len(items) // 5
    # both parts hold every shape of question, and unanswerable ones
    for split in ("dev", "test"):
        kinds = {i["kind"] for i in items if i["split"] == split}
        assert {"table_lookup", "article_fact", "comparison", "computed", "follow_up", "unanswerable"} <= kinds


def test_fresh_documents_cover_the_formats():
    formats = {Path(d).suffix for i in fresh_items() for d in i["sources"]}
    assert formats == {".md", ".txt", ".html", ".docx", ".pdf", ".csv"}


def test_a_store_without_the_fresh_documents_is_told_how_to_add_them():
    from nearshore_qa.evaluation import check_sources

    missing = check_sources(fresh_items(), present=set(), store="/tmp/s")
    assert set(missing) == {"fresh"}
    assert missing["fresh"]["command"].endswith("ingest eval/documents-fresh")
