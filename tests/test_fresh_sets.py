"""The fresh evaluation sets (eval/documents-fresh, -fresh2 … -fresh19, written to be unseen):
each loads, every question cites documents that exist under its folder, it is split by document
(dev documents first, so tuning on the dev part never sees a test document), each part holds every
kind of question, and no other set's question cites its documents. fresh3 is prose articles asked
text questions: no CSV table and no computed question, a small table in one document of each part;
fresh4, fresh5 and fresh6 are smaller prose sets written the same way, with no table at all (fresh5 with
two unanswerable questions per document). Each dev part also holds near-miss unanswerable questions,
written blind to the answerer to calibrate abstention, each naming the dev document it nearly matches;
fresh7, written in session 12 blind to the answerer, has near misses in both parts, and so has fresh8,
written the same way after it, fresh9, written the same way again with one small table inside
each document (some of its answers stated only in that table), fresh10, written like fresh9 in
HTML, PDF, plain text and Markdown, fresh11, written the same way in Markdown, plain text, HTML
and Word, with a small table in one document of each part, fresh12, written the same way again in
Markdown, plain text, HTML and PDF, fresh13, again in Markdown, plain text, HTML and Word, fresh14, in
Markdown, plain text, HTML and PDF, fresh15, in Word, plain text, HTML and PDF, fresh16, fresh17, fresh18 and fresh19, in Markdown, HTML, plain text and Word."""

from pathlib import Path

import pytest

from nearshore_qa.evaluation import DEFAULT_EVAL, SET_FOLDERS, check_sources, load_questions, set_of

KINDS = {"table_lookup", "article_fact", "comparison", "computed", "follow_up", "date_definition", "unanswerable"}
# set -> (dev documents, test documents) among the documents its questions cite
DOCUMENTS = {
    "fresh": (5, 5),
    "fresh2": (4, 4),
    "fresh3": (4, 4),
    "fresh4": (3, 3),
    "fresh5": (3, 3),
    "fresh6": (3, 3),
    "fresh7": (2, 2),
    "fresh8": (2, 2),
    "fresh9": (2, 2),
    "fresh10": (2, 2),
    "fresh11": (2, 2),
    "fresh12": (2, 2),
    "fresh13": (2, 2),
    "fresh14": (2, 2),
    "fresh15": (2, 2),
    "fresh16": (2, 2),
    "fresh17": (2, 2),
    "fresh18": (2, 2),
    "fresh19": (2, 2),
}
# set -> (fewest, most) questions
SIZES = {
    "fresh": (60, 110),
    "fresh2": (60, 100),
    "fresh3": (60, 100),
    "fresh4": (40, 60),
    "fresh5": (54, 64),
    "fresh6": (40, 60),
    "fresh7": (40, 50),
    "fresh8": (40, 50),
    "fresh9": (40, 50),
    "fresh10": (40, 50),
    "fresh11": (40, 50),
    "fresh12": (40, 50),
    "fresh13": (40, 50),
    "fresh14": (40, 50),
    "fresh15": (40, 50),
    "fresh16": (40, 50),
    "fresh17": (40, 50),
    "fresh18": (40, 50),
    "fresh19": (40, 50),
}
# the kinds each part must hold, and the formats its documents come in
SET_KINDS = {
    "fresh": KINDS,
    "fresh2": KINDS,
    "fresh3": KINDS - {"computed"},
    "fresh4": KINDS - {"computed", "table_lookup"},
    "fresh5": KINDS - {"computed", "table_lookup"},
    "fresh6": KINDS - {"computed", "table_lookup"},
    "fresh7": KINDS - {"computed", "table_lookup"},
    "fresh8": KINDS - {"computed", "table_lookup"},
    "fresh9": KINDS - {"computed", "table_lookup"},
    "fresh10": KINDS - {"computed", "table_lookup"},
    "fresh11": KINDS - {"computed", "table_lookup"},
    "fresh12": KINDS - {"computed", "table_lookup"},
    "fresh13": KINDS - {"computed", "table_lookup"},
    "fresh14": KINDS - {"computed", "table_lookup"},
    "fresh15": KINDS - {"computed", "table_lookup"},
    "fresh16": KINDS - {"computed", "table_lookup"},
    "fresh17": KINDS - {"computed", "table_lookup"},
    "fresh18": KINDS - {"computed", "table_lookup"},
    "fresh19": KINDS - {"computed", "table_lookup"},
}
FORMATS = {".md", ".txt", ".html", ".docx", ".pdf", ".csv"}
SET_FORMATS = {
    "fresh": FORMATS,
    "fresh2": FORMATS,
    "fresh7": {".md", ".txt", ".html", ".docx"},
    "fresh8": {".md", ".pdf", ".html", ".docx"},
    "fresh9": {".md", ".txt", ".html", ".docx"},
    "fresh10": {".html", ".pdf", ".txt", ".md"},
    "fresh11": {".md", ".txt", ".html", ".docx"},
    "fresh12": {".md", ".txt", ".html", ".pdf"},
    "fresh13": {".md", ".txt", ".html", ".docx"},
    "fresh14": {".md", ".txt", ".html", ".pdf"},
    "fresh15": {".docx", ".txt", ".html", ".pdf"},
    "fresh16": {".md", ".html", ".txt", ".docx"},
    "fresh17": {".md", ".html", ".txt", ".docx"},
    "fresh18": {".md", ".html", ".txt", ".docx"},
    "fresh19": {".md", ".html", ".txt", ".docx"},
} | {s: FORMATS - {".csv"} for s in ("fresh3", "fresh4", "fresh5", "fresh6")}
# prose set -> the fewest unanswerable questions it asks
PROSE = {
    "fresh3": 16,
    "fresh4": 14,
    "fresh5": 20,
    "fresh6": 16,
    "fresh7": 12,
    "fresh8": 12,
    "fresh9": 12,
    "fresh10": 12,
    "fresh11": 12,
    "fresh12": 12,
    "fresh13": 12,
    "fresh14": 12,
    "fresh15": 12,
    "fresh16": 12,
    "fresh17": 12,
    "fresh18": 12,
    "fresh19": 12,
}
# near-miss unanswerable questions (dev, test) ("near": the document of that part they nearly
# match): 8 in each dev part, written after the set; fresh7's, fresh8's, fresh9's, fresh10's, fresh11's,
# fresh12's, fresh13's and fresh14's were written with it, in both parts
NEAR_MISSES = {name: (8, 0) for name in DOCUMENTS} | {
    s: (6, 6) for s in DOCUMENTS if s.startswith("fresh") and s[5:].isdigit() and int(s[5:]) >= 7
}
MISS_KINDS = {"year", "measure", "entity", "flow", "breakdown", "words"}

pytestmark = pytest.mark.parametrize("name", sorted(DOCUMENTS))


def items_of(name: str) -> list[dict]:
    return [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == name]


def test_the_set_loads_and_matches_its_part_file(name):
    items = items_of(name)
    part = load_questions(DEFAULT_EVAL.parent / "parts" / f"{name}.jsonl")
    assert [i["id"] for i in items] == [i["id"] for i in part]
    assert all(i["id"].startswith(f"{name}-") for i in items)
    assert len({i["id"] for i in items}) == len(items)
    low, high = SIZES[name]
    assert low <= len(items) <= high


def test_every_source_exists_under_the_sets_folder(name):
    folder = SET_FOLDERS[name]
    assert folder == Path(DEFAULT_EVAL).parent / f"documents-{name}"
    for item in items_of(name):
        if item["kind"] == "unanswerable":
            assert not item["expected"] and not item["sources"], item["id"]
            continue
        assert item["expected"] and item["sources"], item["id"]
        for doc in item["sources"]:
            assert (folder / doc).is_file(), (item["id"], doc)
        if item["kind"] == "follow_up":
            assert item["history"], item["id"]


def test_the_set_is_split_by_document_dev_before_test(name):
    items = items_of(name)
    split_of_doc: dict[str, set[str]] = {}
    for item in items:
        assert item["split"] in ("dev", "test"), item["id"]
        for doc in item["sources"]:
            split_of_doc.setdefault(doc, set()).add(item["split"])
    assert all(len(splits) == 1 for splits in split_of_doc.values()), split_of_doc
    dev_docs, test_docs = DOCUMENTS[name]
    assert sorted(s for (s,) in split_of_doc.values()) == ["dev"] * dev_docs + ["test"] * test_docs
    splits = [i["split"] for i in items]
    assert splits == sorted(splits)  # the dev part is the lower ids, then the test part
    dev = splits.count("dev")
    assert abs(dev - (len(items) - dev)) <= len(items) // 5
    for split in ("dev", "test"):
        part = [i for i in items if i["split"] == split]
        assert SET_KINDS[name] <= {i["kind"] for i in part}
        assert sum(i["kind"] == "unanswerable" for i in part) >= 3


def test_the_documents_cover_the_formats(name):
    sources = {d for i in items_of(name) for d in i["sources"]}
    assert {Path(d).suffix for d in sources} == SET_FORMATS[name]
    for table in (d for d in sources if d.endswith(".csv")):  # a table comes with its sidecar
        assert (SET_FOLDERS[name] / table).with_suffix(".meta.yaml").is_file(), table


def test_no_other_set_cites_its_documents(name):
    names = {p.name for p in SET_FOLDERS[name].iterdir()}
    for item in load_questions(DEFAULT_EVAL):
        if set_of(item) != name:
            assert not names & set(item.get("sources") or []), item["id"]


def test_a_store_without_its_documents_is_told_how_to_add_them(name):
    missing = check_sources(items_of(name), present=set(), store="/tmp/s")
    assert set(missing) == {name}
    assert missing[name]["command"].endswith(f"ingest eval/documents-{name}")


def test_a_prose_set_asks_mostly_text_questions(name):
    """In a prose set most answers are read from an article's sentences, not from a table row."""
    if name not in PROSE:
        pytest.skip(f"{name} is a set of tables and articles")
    answerable = [i for i in items_of(name) if i["kind"] != "unanswerable"]
    assert sum(i["kind"] == "table_lookup" for i in answerable) <= len(answerable) // 10
    assert sum(i["kind"] == "unanswerable" for i in items_of(name)) >= PROSE[name]


def test_the_near_misses_are_questions_about_documents_of_their_part(name):
    """A near miss calibrates abstention on the dev part, or checks it on the test part, so it must
    name a document of its own part."""
    items = items_of(name)
    docs = {split: {d for i in items if i["split"] == split for d in i["sources"]} for split in ("dev", "test")}
    near = [i for i in items if "near" in i]
    assert (sum(i["split"] == "dev" for i in near), sum(i["split"] == "test" for i in near)) == NEAR_MISSES[name]
    for item in near:
        assert item["kind"] == "unanswerable", item["id"]
        assert item["near"] in docs[item["split"]] and item["miss"] in MISS_KINDS, item["id"]
