"""The shipped corpus against its evaluation set: fails when answer quality drops below the
figures measured for this version (see README, "Evaluation")."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from nearshore_qa.errors import EvalSourcesMissing
from nearshore_qa.evaluation import DEFAULT_EVAL, SET_FOLDERS, check_sources, load_questions, run_eval, set_of, states
from nearshore_qa.records import Answer
from nearshore_qa.settings import SHIPPED_CORPUS

# Measured 0.869 / 0.879 / 0.952 on this version (README, "Evaluation"); the thresholds are the
# floor the project promises: a regression below them fails.
MIN_FIGURE, MIN_CITATION, MIN_ABSTENTION = 0.85, 0.85, 0.90
# The held-out set (eval/documents, test part only) measured 0.636 / 0.682 / 0.875 when it was
# written, on a store holding corpus/ and eval/documents; a floor, not a target.
MIN_HELDOUT_FIGURE, MIN_HELDOUT_CITATION, MIN_HELDOUT_ABSTENTION = 0.60, 0.62, 0.75


def test_eval_set_is_well_formed():
    items = [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "corpus"]
    kinds = [i["kind"] for i in items]
    assert len(items) >= 100
    assert kinds.count("unanswerable") >= 15
    assert kinds.count("table_lookup") >= 30
    for item in items:
        if item["kind"] != "unanswerable":
            assert item["expected"] and item["sources"], item["id"]
    # dev (tuned on) and test (only reported), stratified: every kind has both, about evenly —
    # except computed questions, held out mostly for test (the computation was tuned on its unit tests)
    for kind in set(kinds):
        dev = sum(1 for i in items if i["kind"] == kind and i["split"] == "dev")
        test = sum(1 for i in items if i["kind"] == kind and i["split"] == "test")
        if kind == "computed":
            assert dev and test >= 3 * dev and test >= 40, (kind, dev, test)
            continue
        assert dev and test and abs(dev - test) <= max(2, (dev + test) // 5), (kind, dev, test)
    assert {i["split"] for i in items} == {"dev", "test"}


def test_heldout_set_is_test_only_and_cites_eval_documents():
    # Questions over documents written for the evaluation (issues 12 and 14): never tuned on.
    items = [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "heldout"]
    kinds = [i["kind"] for i in items]
    text = [k for k in kinds if k in ("article_fact", "comparison", "date_definition", "follow_up")]
    assert len(text) >= 40 and kinds.count("table_lookup") >= 20 and kinds.count("unanswerable") >= 6
    assert kinds.count("follow_up") >= 2 and all(i["history"] for i in items if i["kind"] == "follow_up")
    assert {i["split"] for i in items} == {"test"}
    for item in items:
        if item["kind"] == "unanswerable":
            assert not item["expected"] and not item["sources"], item["id"]
            continue
        assert item["expected"] and item["sources"], item["id"]
        for doc in item["sources"]:  # ids relative to eval/documents, as `ingest eval/documents` stores them
            assert (SET_FOLDERS["heldout"] / doc).is_file(), (item["id"], doc)
    formats = {Path(d).suffix for i in items for d in i["sources"]}
    assert formats == {".md", ".txt", ".html", ".docx", ".pdf"}


def test_docdev_set_is_dev_only_and_cites_documents_dev():
    # Documents of the held-out shapes with other facts (eval/documents-dev): the ones to tune on.
    items = [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "docdev"]
    kinds = [i["kind"] for i in items]
    assert len(items) >= 60 and {i["split"] for i in items} == {"dev"}
    assert kinds.count("table_lookup") >= 20 and kinds.count("unanswerable") >= 8
    assert kinds.count("follow_up") >= 3 and all(i["history"] for i in items if i["kind"] == "follow_up")
    for item in items:
        if item["kind"] == "unanswerable":
            assert not item["expected"] and not item["sources"], item["id"]
            continue
        assert item["expected"] and item["sources"], item["id"]
        # its own documents, and a corpus document where that states the same fact
        assert any((SET_FOLDERS["docdev"] / doc).is_file() for doc in item["sources"]), item["id"]
        for doc in item["sources"]:
            assert (SET_FOLDERS["docdev"] / doc).is_file() or (SET_FOLDERS["corpus"] / doc).is_file(), doc
    # the same questions as the part file they are built from
    part = load_questions(DEFAULT_EVAL.parent / "parts" / "docdev.jsonl")
    assert [i["id"] for i in part] == [i["id"] for i in items]
    formats = {Path(d).suffix for i in items for d in i["sources"] if (SET_FOLDERS["docdev"] / d).is_file()}
    assert formats == {".md", ".txt", ".html", ".docx", ".pdf"}


class FakeLibrary:
    """Holds some document ids and abstains on everything: isolates which questions are asked."""

    def __init__(self, doc_ids):
        self.doc_ids = doc_ids
        self.asked = []
        self.settings = SimpleNamespace(top_k=5)
        self.retriever = SimpleNamespace(search=lambda q, k: [])

    def sources(self):
        return [SimpleNamespace(doc_id=d) for d in self.doc_ids]

    def ask(self, question, k=None, history=None):
        self.asked.append(question)
        return Answer(question=question, answer="I could not find that.", abstained=True)


@pytest.fixture
def two_sets(tmp_path):
    rows = [
        {
            "id": "c1",
            "question": "corpus question",
            "expected": ["1.5"],
            "sources": ["articles/a.md"],
            "kind": "article_fact",
            "split": "dev",
        },
        {
            "id": "c2",
            "question": "corpus unanswerable",
            "expected": [],
            "sources": [],
            "kind": "unanswerable",
            "split": "test",
        },
        {
            "id": "h1",
            "question": "held-out question",
            "expected": ["2.5"],
            "sources": ["us-exports-to-mexican-states-2010-2019.html"],
            "kind": "table_lookup",
            "split": "test",
            "set": "heldout",
        },
    ]
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_set_whose_documents_are_not_in_the_store_is_skipped_with_the_command(two_sets):
    lib = FakeLibrary(["articles/a.md"])
    report = run_eval(lib, two_sets, store="/tmp/s")
    assert lib.asked == ["corpus question", "corpus unanswerable"]
    assert set(report["by_set"]) == {"corpus"} and report["overall"]["questions"] == 2
    skipped = report["skipped"]["heldout"]
    assert skipped["questions"] == 1 and skipped["missing"] == ["us-exports-to-mexican-states-2010-2019.html"]
    assert skipped["command"].startswith("nearshore-qa --store /tmp/s ingest ")
    assert skipped["command"].endswith("eval/documents")


def test_asking_for_a_set_whose_documents_are_missing_fails_naming_the_command(two_sets):
    lib = FakeLibrary(["articles/a.md"])
    with pytest.raises(EvalSourcesMissing, match=r"1 heldout questions cite 1 documents not in the store.*ingest "):
        run_eval(lib, two_sets, sets=["heldout"])
    assert lib.asked == []
    with pytest.raises(EvalSourcesMissing):  # nothing at all could be asked
        run_eval(FakeLibrary([]), two_sets)
    with pytest.raises(ValueError, match="no questions of set 'other'"):
        run_eval(lib, two_sets, sets=["other"])


def test_both_sets_are_reported_apart_by_kind(two_sets):
    lib = FakeLibrary(["articles/a.md", "us-exports-to-mexican-states-2010-2019.html"])
    report = run_eval(lib, two_sets)
    assert report["skipped"] == {}
    assert set(report["by_set"]) == {"corpus", "heldout"}
    assert set(report["by_set"]["heldout"]["by_kind"]) == {"table_lookup"}
    assert report["by_set"]["heldout"]["false_abstentions"] == 1
    assert run_eval(lib, two_sets, sets=["heldout"])["overall"]["questions"] == 1


def test_states_normalises_figures_and_phrases():
    assert states("trade was US$70.04 billion in August", "70.04 billion dollars")
    assert states("3,026,632 trucks", "3026632")
    assert not states("3,026,633 trucks", "3026632")
    assert states("Signed in Buenos Aires", "buenos aires")


def test_a_computed_answer_counts_only_with_its_operands_cited():
    from nearshore_qa.evaluation import computed_citation_ok

    answer = _growth_answer("tables/t.csv")
    assert computed_citation_ok(answer, ["36.7%"], {"tables/t.csv"})
    assert not computed_citation_ok(answer, ["36.7%"], {"tables/other.csv"})  # not the expected source
    assert not computed_citation_ok(answer, ["40.0%"], {"tables/t.csv"})  # another value
    answer.figures[0].operands.append({"citation": 3, "value": 1.0})
    assert not computed_citation_ok(answer, ["36.7%"], {"tables/t.csv"})  # an operand left uncited
    quoted = Answer(question="q", answer="Trade grew 36.7% [1].", abstained=False, citations=answer.citations)
    assert not computed_citation_ok(quoted, ["36.7%"], {"tables/t.csv"})  # stated, not computed


@pytest.mark.slow
def test_shipped_corpus_and_heldout_documents_meet_thresholds(make_library):
    lib = make_library()
    results = lib.add([SHIPPED_CORPUS])
    assert not [r for r in results if r.status == "failed"]
    report = run_eval(lib)
    overall = report["overall"]
    assert overall["figure_accuracy"] >= MIN_FIGURE, report["failed"]
    assert overall["citation_accuracy"] >= MIN_CITATION, report["failed"]
    assert overall["abstention_accuracy"] >= MIN_ABSTENTION, report["failed"]
    assert overall["verified_figure_rate"] >= 0.9
    assert set(report["by_split"]) == {"dev", "test"}
    assert sum(m["questions"] for m in report["by_split"].values()) == overall["questions"]
    # eval/documents(-dev, -fresh, -fresh2 … -fresh19) are not in this store: every set but the
    # shipped corpus's two
    assert set(report["skipped"]) == set(SET_FOLDERS) - {"corpus", "chat"}
    assert report["skipped"]["heldout"]["command"].endswith("ingest eval/documents")
    assert report["skipped"]["docdev"]["command"].endswith("ingest eval/documents-dev")

    # The held-out documents beside the corpus (they are distractors for it): their own questions
    # are only reported (RESULTS.md, "Held-out eval documents"); these floors catch a collapse.
    results = lib.add([SET_FOLDERS["heldout"]])
    assert not [r for r in results if r.status == "failed"]
    heldout = run_eval(lib, sets=["heldout"])["overall"]
    assert heldout["questions"] == len([i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "heldout"])
    assert heldout["figure_accuracy"] >= MIN_HELDOUT_FIGURE, heldout
    assert heldout["citation_accuracy"] >= MIN_HELDOUT_CITATION, heldout
    assert heldout["abstention_accuracy"] >= MIN_HELDOUT_ABSTENTION, heldout


def _growth_answer(doc_id: str):
    """An answer that derives 36.7% from two figures it cites: formula and operands checked."""
    from nearshore_qa.records import Citation, Figure

    line = "Trade grew 36.7% from 2019 to 2024, from 614.50 [1] to 839.89 [2]: (839.89 − 614.50) ÷ 614.50."
    cits = [
        Citation(marker=m, doc_id=doc_id, title="t", source="t", publisher="", published="", locator="", text=t)
        for m, t in ((1, "2019: total 614.50"), (2, "2024: total 839.89"))
    ]
    fig = Figure(
        text=line,
        value=36.7,
        kind="computed",
        citation=1,
        verified=True,
        formula="(839.89 − 614.50) ÷ 614.50",
        operands=[{"citation": 1, "value": 614.5}, {"citation": 2, "value": 839.89}],
    )
    return Answer(question="q", answer=line, abstained=False, citations=cits, figures=[fig])


class AnsweringLibrary(FakeLibrary):
    def __init__(self, doc_ids, answer):
        super().__init__(doc_ids)
        self.answer = answer

    def ask(self, question, k=None, history=None):
        return self.answer


def test_a_derived_figure_counts_as_cited_by_its_operands_in_any_kind(tmp_path):
    # A comparison question whose figure no passage states: the answer computes it from two cited
    # figures of the expected document, so its citation is right (before, only kind "computed" was).
    row = {
        "id": "d1",
        "question": "By what percentage did trade grow from 2019 to 2024?",
        "expected": ["36.7%"],
        "sources": ["report.txt"],
        "kind": "comparison",
        "split": "dev",
        "set": "docdev",
    }
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    good = run_eval(AnsweringLibrary(["report.txt"], _growth_answer("report.txt")), path)
    assert good["rows"][0]["figure_ok"] and good["rows"][0]["citation_ok"]
    assert good["failed"] == []
    # operands cited from another document: the figure is right, the citation is not
    other = run_eval(AnsweringLibrary(["report.txt", "other.txt"], _growth_answer("other.txt")), path)
    assert other["rows"][0]["figure_ok"] and other["rows"][0]["citation_ok"] is False
    assert other["failed"][0]["why"] == "no citation to an expected source holding the figure"


def test_a_conversations_earlier_turns_are_read_as_the_chat_read_them():
    """A third question builds on the second as the app understood it, not as typed."""
    from nearshore_qa.evaluation import chat_history
    from nearshore_qa.rewrite import rewrite_followup

    class Chat:  # the rule-based rewrite, as Library.standalone gives it without an LLM
        def standalone(self, question, history):
            return rewrite_followup(question, history)

    turns = ["What were US exports to Jalisco in 2023?", "And Nuevo León?"]
    assert chat_history(Chat(), turns) == [turns[0], "What were US exports to Nuevo León in 2023?"]
    assert (
        rewrite_followup("And the year after?", chat_history(Chat(), turns))
        == "What were US exports to Nuevo León in 2024?"
    )


def test_the_chat_set_is_conversations_about_the_shipped_corpus_split_by_conversation():
    """eval/parts/chat.jsonl (session 13, written blind to the rewrite and the answerer): each line
    a follow-up (or a follow-up the corpus cannot answer) with the turns before it; a conversation's
    lines share their part, and the figures are the shipped corpus's."""
    items = [i for i in load_questions(DEFAULT_EVAL) if set_of(i) == "chat"]
    part = load_questions(DEFAULT_EVAL.parent / "parts" / "chat.jsonl")
    assert [i["id"] for i in items] == [i["id"] for i in part] and 30 <= len(items) <= 50
    assert SET_FOLDERS["chat"] == SET_FOLDERS["corpus"]
    assert {i["kind"] for i in items} == {"follow_up", "unanswerable"}
    assert all(i["history"] for i in items)
    by_opening: dict[str, set[str]] = {}
    for i in items:
        by_opening.setdefault(i["history"][0], set()).add(i["split"])
    assert all(len(splits) == 1 for splits in by_opening.values())  # one part per conversation
    assert {s for splits in by_opening.values() for s in splits} == {"dev", "test"}
    assert not check_sources([i for i in items if i["kind"] != "unanswerable"], _corpus_ids(), None)


def _corpus_ids() -> set[str]:
    from nearshore_qa.ingest import doc_id_for, iter_files

    return {doc_id_for(path, root) for path, root in iter_files([SET_FOLDERS["corpus"]])}
