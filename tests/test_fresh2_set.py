"""The second fresh evaluation set (eval/documents-fresh2, "set": "fresh2"): it loads, every question
cites documents that exist under eval/documents-fresh2/, it is split by document (the first four
documents dev, the last four test) and its facts are its own: no other set's question cites its
documents."""

from pathlib import Path

from nearshore_qa.evaluation import DEFAULT_EVAL, SET_FOLDERS, check_sources, load_questions, set_of

PART = DEFAULT_EVAL.parent / "parts" / "fresh2.jsonl"


def fresh2_items() -> list[dict]:
    return [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "fresh2"]


def test_fresh2_set_loads_and_matches_its_part_file():
    items = fresh2_items()
    part = load_questions(PART)
    assert [i["id"] for i in items] == [i["id"] for i in part]
    assert all(i["id"].startswith("fresh2-") for i in items)
    assert len({i["id"] for i in items}) == len(items)
    assert 60 <= len(items) <= 100


def test_every_fresh2_source_exists_under_documents_fresh2():
    folder = SET_FOLDERS["fresh2"]
    assert folder == Path(DEFAULT_EVAL).parent / "documents-fresh2"
    for item in fresh2_items():
        if item["kind"] == "unanswerable":
            assert not item["expected"] and not item["sources"], item["id"]
            continue
        assert item["expected"] and item["sources"], item["id"]
        for doc in item["sources"]:
            assert (folder / doc).is_file(), (item["id"], doc)
        if item["kind"] == "follow_up":
            assert item["history"], item["id"]


def test_fresh2_set_is_split_by_document_dev_before_test():
    items = fresh2_items()
    split_of_doc: dict[str, set[str]] = {}
    for item in items:
        assert item["split"] in ("dev", "test"), item["id"]
        for doc in item["sources"]:
            split_of_doc.setdefault(doc, set()).add(item["split"])
    assert all(len(splits) == 1 for splits in split_of_doc.values()), split_of_doc
    assert sorted(s for (s,) in split_of_doc.values()) == ["dev"] * 4 + ["test"] * 4
    # the dev part is the lower ids: fresh2-01.. then the test part
    splits = [i["split"] for i in items]
    assert splits == sorted(splits)
    dev = splits.count("dev")
    assert abs(dev - (len(items) - dev)) <= len(items) // 5
    for split in ("dev", "test"):
        part = [i for i in items if i["split"] == split]
        kinds = {i["kind"] for i in part}
        assert {"table_lookup", "article_fact", "comparison", "computed", "follow_up", "date_definition",
                "unanswerable"} <= kinds  # fmt: skip
        assert sum(i["kind"] == "unanswerable" for i in part) >= 3


def test_fresh2_documents_cover_the_formats():
    formats = {Path(d).suffix for i in fresh2_items() for d in i["sources"]}
    assert formats == {".md", ".txt", ".html", ".docx", ".pdf", ".csv"}
    assert (SET_FOLDERS["fresh2"] / "us-exports-fish-and-seafood-hs03-by-partner-2020-2024.meta.yaml").is_file()


def test_no_other_set_cites_the_fresh2_documents():
    ours = set(SET_FOLDERS["fresh2"].iterdir())
    names = {p.name for p in ours}
    for item in load_questions(DEFAULT_EVAL):
        if set_of(item) != "fresh2":
            assert not names & set(item.get("sources") or []), item["id"]


def test_a_store_without_the_fresh2_documents_is_told_how_to_add_them():
    missing = check_sources(fresh2_items(), present=set(), store="/tmp/s")
    assert set(missing) == {"fresh2"}
    assert missing["fresh2"]["command"].endswith("ingest eval/documents-fresh2")
