"""Choose the answerer's two abstention thresholds end to end on dev and write them into
src/nearshore_qa/answerers/answer_scorer.json (``threshold`` and ``scoped_threshold``).

    python scripts/choose_thresholds.py --tatqa-store S1 --eval-store S2 --corpus-store S3
        [--tatqa ../shared/eval/tatqa/dev] [--rows rows.jsonl] [--dry-run]

``threshold``: a question asked of the whole library (measured; written with --write-library,
else the one train_answer_scorer.py chose stays). ``scoped_threshold``: one asked of
documents the user picked (``Library.ask(documents=…)``, ``ask --doc``, the app's "Ask about"):
every candidate then comes from them, so the same fitted probability says more than when the
candidates pool the whole library. Both are chosen by ``train_answer_scorer.choose_threshold``'s
rule: among thresholds that keep >= 90 % of the unanswerable dev questions abstaining, the one
where right answers most outnumber wrong ones (the lowest within one question of the best).

Each question is asked end to end twice: with no threshold (its answer's confidence kept) and
with one no candidate reaches (what the answerer's fallbacks — a cell, the sentence introducing
a table, a stated date — give when the best sentence is refused). A threshold t gives the first
answer where its confidence reaches t, else the second.

Dev questions (chosen on): TAT-QA dev text-span questions of the first half of the reports (S1: a
store of TAT-QA dev's corpus/) and the dev part of eval/questions.jsonl, every set whose
documents S2 (a store of corpus/ and every eval folder) holds, the shipped corpus's own set
asked of S3 (corpus/ alone; computed questions left out: no sentence states their figure). Whole
library: each asked as ``nearshore-qa ask`` would (follow-ups with their history). Chosen
documents: a TAT-QA question of its own report; an answerable eval question of its first source,
an unanswerable one of the document the retriever puts first for it (a user who picked the
nearest document); follow-ups left out. The second half of TAT-QA and the eval's test parts
are only measured, and only printed with --report-test (after the choice). Deterministic: sorted
inputs, no randomness.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_answer_scorer import choose_threshold  # noqa: E402  (the whole-library rule, on these curves)

from nearshore_qa.answerers.scoring import SCORER_PATH  # noqa: E402

# From 1 %: once the hard rules decide most abstentions, the dev curve may be flat down to 0, and a
# candidate the fitted scorer gives under 1 % is not quoted whatever the rule would allow.
THRESHOLDS = [round(t / 100, 2) for t in range(1, 91)]


MODES = ("library", "scoped")


def thresholded(lib, threshold: float):
    """The library's extractive answerer with ``threshold`` (whole library and chosen documents):
    0 abstains only where its hard rules refuse, above 1 on every candidate sentence and row."""
    answerer = copy.copy(lib.answerer)
    answerer.min_score = answerer.scoped_min_score = threshold
    return answerer


def tatqa_rows(lib, data: Path) -> list[dict]:
    from tatqa_answers import score
    from tatqa_retrieval import doc_key
    from train_answer_scorer import tatqa_questions

    first = {q["id"] for q in tatqa_questions(data, "first")}
    doc_ids = {doc_key(s.doc_id): s.doc_id for s in lib.sources()}
    answerers, rows = (thresholded(lib, 0.0), thresholded(lib, 1.01)), []
    for q in tatqa_questions(data, "all"):
        part = "dev" if q["id"] in first else "test"
        for mode in MODES:
            documents = [doc_ids[q["gold_doc"]]] if mode == "scoped" else None
            answers = [lib.ask(q["question"], documents=documents, answerer=a) for a in answerers]
            right = [score(q, ans.to_json())["ok"] for ans in answers]
            rows.append(_row(q["id"], mode, "tatqa", part, True, answers, right))
    return rows


def eval_rows(lib, path: Path, sets: set[str] | None = None, skip: frozenset[str] = frozenset()) -> list[dict]:
    """Rows of the eval's questions of ``sets`` (None: all but ``skip``) whose documents ``lib``
    holds. The shipped corpus's set is asked of a store of the corpus alone, as ``nearshore-qa
    eval`` asks it: its unanswerable questions are unanswerable there, not where other sets'
    documents (US imports from South Korea …) answer them."""
    from nearshore_qa.evaluation import chat_history, load_questions, set_of, states

    present = {s.doc_id for s in lib.sources()}
    answerers, rows = (thresholded(lib, 0.0), thresholded(lib, 1.01)), []
    for q in sorted(load_questions(path), key=lambda q: q["id"]):
        sources = sorted(q.get("sources") or [])
        if q["kind"] == "computed" or not set(sources) <= present:
            continue
        if (sets is not None and set_of(q) not in sets) or set_of(q) in skip:
            continue
        expected, part, answerable = q.get("expected") or [], q.get("split") or "dev", q["kind"] != "unanswerable"
        history = chat_history(lib, q.get("history") or [])
        answers = [lib.ask(q["question"], history=history, answerer=a) for a in answerers]
        right = [not ans.abstained and any(states(ans.answer, e) for e in expected) for ans in answers]
        rows.append(_row(q["id"], "library", f"eval:{set_of(q)}", part, answerable, answers, right))
        if history:
            continue
        if answerable:
            scope = sources[:1]
        else:
            hits = lib.retriever.search(q["question"])
            if not hits:
                continue
            scope = [hits[0].chunk.doc_id]
        answers = [lib.ask(q["question"], documents=scope, answerer=a) for a in answerers]
        right = [not ans.abstained and any(states(ans.answer, e) for e in expected) for ans in answers]
        rows.append(_row(q["id"], "scoped", f"eval:{set_of(q)}", part, answerable, answers, right))
    return rows


def _row(qid: str, mode: str, origin: str, part: str, answerable: bool, answers, right: list[bool]) -> dict:
    first, refused = answers
    return {
        "id": qid,
        "mode": mode,
        "origin": origin,
        "part": part,
        "answerable": answerable,
        "p": float(first.confidence),  # the best candidate's probability
        "first": {"abstained": first.abstained, "right": bool(right[0])},
        "refused": {"abstained": refused.abstained, "right": bool(right[1])},
    }


def outcome(row: dict, t: float) -> dict:
    """The answer at threshold ``t``: the unthresholded one where its probability reaches t."""
    return row["first"] if row["p"] >= t else row["refused"]


def curve(rows: list[dict]) -> list[dict]:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    out = []
    for t in THRESHOLDS:
        got = [outcome(r, t) for r in answerable]
        right = sum(o["right"] for o in got)
        answered = sum(not o["abstained"] for o in got)
        out.append(
            {
                "threshold": t,
                "right": round(right / max(1, len(answerable)), 3),
                "wrong": round((answered - right) / max(1, len(answerable)), 3),
                "net": round((2 * right - answered) / max(1, len(answerable)), 3),
                "abstain_unanswerable": round(
                    sum(outcome(r, t)["abstained"] for r in unanswerable) / max(1, len(unanswerable)), 3
                ),
            }
        )
    return out


def measure(rows: list[dict], t: float) -> dict:
    """Right, abstained and (unanswerable) abstaining shares at threshold ``t``, by origin and part."""
    out: dict[str, dict] = {}
    for key in sorted({(r["origin"].split(":")[0], r["part"]) for r in rows}):
        rs = [r for r in rows if (r["origin"].split(":")[0], r["part"]) == key]
        ans = [r for r in rs if r["answerable"]]
        una = [r for r in rs if not r["answerable"]]
        got = [outcome(r, t) for r in ans]
        out[f"{key[0]} {key[1]}"] = {
            "answerable": len(ans),
            "right": round(sum(o["right"] for o in got) / max(1, len(ans)), 3),
            "abstained": round(sum(o["abstained"] for o in got) / max(1, len(ans)), 3),
            "unanswerable": len(una),
            "abstain_unanswerable": round(sum(outcome(r, t)["abstained"] for r in una) / len(una), 3) if una else None,
        }
    return out


def main() -> int:
    from nearshore_qa import Settings
    from nearshore_qa.evaluation import DEFAULT_SET
    from nearshore_qa.library import Library

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tatqa", default=str(ROOT.parent / "shared" / "eval" / "tatqa" / "dev"))
    ap.add_argument("--tatqa-store", required=True, help="a store of TAT-QA dev's corpus/")
    ap.add_argument("--eval-store", required=True, help="a store of corpus/ and the eval's document folders")
    ap.add_argument("--corpus-store", required=True, help="a store of corpus/ alone (the shipped corpus's questions)")
    ap.add_argument("--eval", default=str(ROOT / "eval" / "questions.jsonl"))
    ap.add_argument("--rows", default="", help="per-question outcomes (JSONL): read when present, else written")
    ap.add_argument("--out", default=str(SCORER_PATH))
    ap.add_argument("--dry-run", action="store_true", help="print the choice, leave the scorer file alone")
    ap.add_argument(
        "--report-test",
        action="store_true",
        help="also print (and record) the test parts' figures at the chosen thresholds; leave it off while choosing",
    )
    ap.add_argument(
        "--write-library",
        action="store_true",
        help="also write the whole-library threshold (by default only measured: the shipped one was chosen by "
        "train_answer_scorer.py, and the shipped eval's abstention target binds it)",
    )
    args = ap.parse_args()
    if not Path(args.tatqa).is_dir():
        print(f"no TAT-QA data at {args.tatqa} (../shared is needed to choose the threshold)", file=sys.stderr)
        return 2

    rows_file = Path(args.rows) if args.rows else None
    if rows_file and rows_file.exists():
        rows = [json.loads(line) for line in rows_file.read_text().splitlines()]
    else:
        rows = tatqa_rows(Library(Settings.from_env(store=Path(args.tatqa_store))), Path(args.tatqa))
        corpus = Library(Settings.from_env(store=Path(args.corpus_store)))
        rows += eval_rows(corpus, Path(args.eval), sets={DEFAULT_SET})
        everything = Library(Settings.from_env(store=Path(args.eval_store)))
        rows += eval_rows(everything, Path(args.eval), skip=frozenset({DEFAULT_SET}))
        if rows_file:
            rows_file.write_text("".join(json.dumps(r) + "\n" for r in rows))

    chosen: dict[str, float] = {}
    figures: dict[str, dict] = {}
    for mode in MODES:
        of_mode = [r for r in rows if r["mode"] == mode]
        dev = [r for r in of_mode if r["part"] == "dev"]
        points = curve(dev)
        chosen[mode] = choose_threshold(points, sum(r["answerable"] for r in dev))
        # the test parts are measured only when asked for, after the choice (never while choosing)
        figures[mode] = measure(of_mode if args.report_test else dev, chosen[mode])
        print(
            f"== {mode}: {sum(r['answerable'] for r in dev)} answerable, {sum(not r['answerable'] for r in dev)} unanswerable dev questions"
        )
        for c in points:
            if c["threshold"] <= 0.2:
                print(json.dumps(c))
        print(f"{mode} threshold chosen on dev: {chosen[mode]}")
        print(json.dumps(figures[mode], indent=1))
    if args.dry_run:
        return 0
    out = Path(args.out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("scoped_threshold_choice", None)
    if args.write_library:
        data["threshold"] = chosen["library"]
    data["scoped_threshold"] = chosen["scoped"]
    data["thresholds_choice"] = {
        "rule": "train_answer_scorer.choose_threshold's, on answers asked end to end",
        "dev": "TAT-QA dev text spans of the first half of the reports; eval/questions.jsonl dev parts of every set "
        "(library: as asked; scoped: answerable of its first source, unanswerable of the first retrieved document)",
        "chosen": chosen,
        "written": ["threshold", "scoped_threshold"] if args.write_library else ["scoped_threshold"],
        "at_threshold": figures,
        "regenerate": "python scripts/choose_thresholds.py --tatqa-store S1 --eval-store S2 --corpus-store S3",
    }
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
