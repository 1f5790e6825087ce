"""The near-miss set (eval/nearmiss.jsonl, session 19): 72 unanswerable questions written blind
about 24 dev documents of the fresh sets, three per document with three kinds of miss, split by
document into a dev part (to read) and a test part (to count)."""

from __future__ import annotations

from collections import Counter

from nearshore_qa.evaluation import REPO_ROOT, load_questions

NEARMISS = REPO_ROOT / "eval" / "nearmiss.jsonl"
MISS_KINDS = {"year", "measure", "entity", "flow", "breakdown", "words"}


def test_every_near_miss_is_unanswerable_and_names_a_fresh_document_that_exists():
    items = load_questions(NEARMISS)
    assert len(items) == 72 and len({i["id"] for i in items}) == 72
    folders = sorted((REPO_ROOT / "eval").glob("documents-fresh*"))
    for item in items:
        assert item["kind"] == "unanswerable" and not item["expected"] and not item["sources"], item["id"]
        assert item["miss"] in MISS_KINDS, item["id"]
        assert any((folder / item["near"]).exists() for folder in folders), item["near"]


def test_the_parts_are_split_by_document_three_kinds_of_miss_each():
    items = load_questions(NEARMISS)
    split_of: dict[str, set[str]] = {}
    for item in items:
        split_of.setdefault(item["near"], set()).add(item["split"])
    assert all(len(splits) == 1 for splits in split_of.values())  # no document in both parts
    assert Counter(s for (s,) in split_of.values()) == {"dev": 12, "test": 12}
    for doc in split_of:
        kinds = [i["miss"] for i in items if i["near"] == doc]
        assert len(kinds) == 3 and len(set(kinds)) == 3, doc
