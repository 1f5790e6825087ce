"""`nearshore-qa eval`: run a question set through the real pipeline and score it.

Each line of the set: {"id", "question", "expected": [...], "sources": [...], "kind",
optional "history": [...], "split" ("dev" or "test") and "set"}. Unanswerable questions have no
expected figures and should abstain. The "set" says which documents a question is asked about:
"corpus" (the default: the shipped corpus/), "heldout" (eval/documents/, documents written for
the evaluation only and never tuned on) or "docdev" (eval/documents-dev/, documents of the same
shapes with other facts, all in the dev part: the ones to tune on) or "fresh"
(eval/documents-fresh/, written later on other facts again and split by document: tune on its dev
documents, report its test documents) or "fresh2" (eval/documents-fresh2/, the same again once
fresh's dev part was answered) or "fresh3" (eval/documents-fresh3/, prose articles asked text
questions, split the same way) or "fresh4" (eval/documents-fresh4/, more prose articles on other
facts, written the same way) or "fresh5" and "fresh6" (eval/documents-fresh5/, -fresh6/, prose again,
written to calibrate abstention on unseen prose in their dev parts) or "fresh7" and "fresh8"
(eval/documents-fresh7/, -fresh8/, prose with near misses in both parts) or "fresh9"
(eval/documents-fresh9/, the same with one small table inside each document) or "fresh10"
(eval/documents-fresh10/, the same again in HTML, PDF, plain text and Markdown) or "fresh11"
(eval/documents-fresh11/, the same again in Markdown, plain text, HTML and Word) or "fresh12"
(eval/documents-fresh12/, the same again in Markdown, plain text, HTML and PDF) or "fresh13"
(eval/documents-fresh13/, the same again in Markdown, plain text, HTML and Word) or "fresh14"
(eval/documents-fresh14/, the same again in Markdown, plain text, HTML and PDF) or "fresh15"
(eval/documents-fresh15/, the same again in Word, plain text, HTML and PDF) or "fresh16"
(eval/documents-fresh16/, the same again in Markdown, HTML, plain text and Word) or "fresh17"
(eval/documents-fresh17/, the same again in Markdown, HTML, plain text and Word) or "fresh18"
(eval/documents-fresh18/, the same again in Markdown, HTML, plain text and Word) or "fresh19"
(eval/documents-fresh19/, the same again in Markdown, HTML, plain text and Word); a set is asked only when the store holds every document its questions cite.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from .errors import EvalSourcesMissing
from .figures import find_figures, parse_figure, same_figure
from .settings import REPO_ROOT
from .text import YEAR

DEFAULT_EVAL = REPO_ROOT / "eval" / "questions.jsonl"
# Where the documents a question set cites live, by set (document ids are paths relative to these).
SET_FOLDERS = {
    "corpus": REPO_ROOT / "corpus",
    "heldout": REPO_ROOT / "eval" / "documents",
    "docdev": REPO_ROOT / "eval" / "documents-dev",
    "fresh": REPO_ROOT / "eval" / "documents-fresh",
    "fresh2": REPO_ROOT / "eval" / "documents-fresh2",
    "fresh3": REPO_ROOT / "eval" / "documents-fresh3",
    "fresh4": REPO_ROOT / "eval" / "documents-fresh4",
    "fresh5": REPO_ROOT / "eval" / "documents-fresh5",
    "fresh6": REPO_ROOT / "eval" / "documents-fresh6",
    "fresh7": REPO_ROOT / "eval" / "documents-fresh7",
    "fresh8": REPO_ROOT / "eval" / "documents-fresh8",
    "fresh9": REPO_ROOT / "eval" / "documents-fresh9",
    "fresh10": REPO_ROOT / "eval" / "documents-fresh10",
    "fresh11": REPO_ROOT / "eval" / "documents-fresh11",
    "fresh12": REPO_ROOT / "eval" / "documents-fresh12",
    "fresh13": REPO_ROOT / "eval" / "documents-fresh13",
    "fresh14": REPO_ROOT / "eval" / "documents-fresh14",
    "fresh15": REPO_ROOT / "eval" / "documents-fresh15",
    "fresh16": REPO_ROOT / "eval" / "documents-fresh16",
    "fresh17": REPO_ROOT / "eval" / "documents-fresh17",
    "fresh18": REPO_ROOT / "eval" / "documents-fresh18",
    "fresh19": REPO_ROOT / "eval" / "documents-fresh19",
    "chat": REPO_ROOT / "corpus",  # conversations about the shipped corpus (follow-ups as typed)
}
DEFAULT_SET = "corpus"


def load_questions(path: str | Path) -> list[dict]:
    items = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: line {n} is not JSON ({exc.msg})") from None
            for key in ("question", "kind"):
                if key not in item:
                    raise ValueError(f"{path}: line {n} has no {key!r}")
            items.append(item)
    return items


def _fold(text: str) -> str:
    return re.sub(r"[–—‐-]", "-", " ".join(text.lower().split()))


def states(text: str, expected: str) -> bool:
    """Does ``text`` state ``expected`` (a figure, normalised, or else a phrase)?"""
    claim = parse_figure(expected) if re.search(r"\d", expected) else None
    if claim is not None and not YEAR.fullmatch(expected.strip()):
        for found in find_figures(text):
            if same_figure(claim, found) or same_figure(found, claim):
                return True
    return _fold(expected) in _fold(text)


def computed_citation_ok(answer, expected: list[str], sources: set[str]) -> bool:
    """A computed answer is cited when a computed figure states the expected value, is verified
    (recomputes from its operands, each stated in its source), every operand cites one of the
    answer's citations, and one of those is an expected source."""
    by_marker = {c.marker: c for c in answer.citations}
    for f in answer.figures:
        if f.kind != "computed" or not f.verified or not any(states(f.text, e) for e in expected):
            continue
        cited = [by_marker[o["citation"]] for o in f.operands if o.get("citation") in by_marker]
        if cited and len(cited) == len(f.operands) and any(c.doc_id in sources for c in cited):
            return True
    return False


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    idx = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[idx]


SPLITS = ("dev", "test")


def chat_history(lib, turns: list[str]) -> list[str]:
    """A conversation's earlier turns as the chat keeps them: each read as the standalone question
    it was understood as (a second follow-up builds on the first one's reading, as in the app)."""
    out: list[str] = []
    for turn in turns:
        out.append(lib.standalone(turn, out) if out else turn)
    return out


def set_of(item: dict) -> str:
    return item.get("set") or DEFAULT_SET


def _folder_for(doc_id: str, set_name: str) -> Path | None:
    """The folder to ingest so that ``doc_id`` is in the store under that id."""
    for folder in (SET_FOLDERS.get(set_name), *SET_FOLDERS.values()):
        if folder is not None and (folder / doc_id).exists():
            return folder
    return None


def ingest_command(folders: list[Path], store: Path | str | None) -> str:
    """``nearshore-qa --store S ingest corpus eval/documents``, paths relative to the working
    folder when they sit under it."""
    here = Path.cwd().resolve()
    shown = []
    for folder in folders:
        try:
            shown.append(folder.resolve().relative_to(here).as_posix() or ".")
        except ValueError:
            shown.append(str(folder))
    store_part = f" --store {store}" if store else ""
    return f"nearshore-qa{store_part} ingest {' '.join(shown)}"


def check_sources(questions: list[dict], present: set[str], store: Path | str | None = None) -> dict[str, dict]:
    """For each set whose questions cite documents not in the store: how many questions, which
    documents are missing and the command that adds them. Empty when every set can be asked."""
    missing: dict[str, dict] = {}
    by_set: dict[str, list[dict]] = {}
    for item in questions:
        by_set.setdefault(set_of(item), []).append(item)
    for name, items in by_set.items():
        needed = {doc for item in items for doc in item.get("sources") or []}
        absent = sorted(needed - present)
        if not absent:
            continue
        folders = {f for f in (_folder_for(doc, name) for doc in absent) if f is not None}
        order = list(SET_FOLDERS.values())  # corpus before eval/documents, as the README writes it
        listed = sorted(folders, key=lambda f: order.index(f) if f in order else len(order))
        missing[name] = {
            "questions": len(items),
            "missing": absent,
            "command": ingest_command(listed, store) if listed else "",
        }
    return missing


def _missing_message(missing: dict[str, dict]) -> str:
    parts = []
    for name, info in missing.items():
        some = ", ".join(info["missing"][:3]) + (
            f" and {len(info['missing']) - 3} more" if len(info["missing"]) > 3 else ""
        )
        how = f"; add them with `{info['command']}`" if info["command"] else ""
        parts.append(
            f"{info['questions']} {name} questions cite {len(info['missing'])} documents not in the store ({some}){how}"
        )
    return "; ".join(parts)


def run_eval(
    lib,
    path: str | Path = DEFAULT_EVAL,
    k: int | None = None,
    split: str | None = None,
    sets: list[str] | None = None,
    store: Path | str | None = None,
) -> dict:
    """Ask every question (or those of one ``split``: "dev", tuned on, or "test", only reported;
    and of the given ``sets``). A set whose cited documents are not all in the store is left out
    (``report["skipped"]`` says which and the command that adds them); when such a set was asked
    for by name, or nothing would be left, ``EvalSourcesMissing`` names that command instead.
    ``store`` is only shown in that command."""
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    questions = [q for q in load_questions(path) if split is None or q.get("split") == split]
    if sets:
        known = {set_of(q) for q in questions}
        unknown = [s for s in sets if s not in known]
        if unknown:
            raise ValueError(
                f"no questions of set {unknown[0]!r}"
                + (f" in the {split} part" if split else "")
                + f" of {path}; sets there: {', '.join(sorted(known))}"
            )
        questions = [q for q in questions if set_of(q) in sets]
    present = {s.doc_id for s in lib.sources()}
    skipped = check_sources(questions, present, store)
    if skipped and (sets or len(skipped) == len({set_of(q) for q in questions})):
        raise EvalSourcesMissing(_missing_message(skipped))
    questions = [q for q in questions if set_of(q) not in skipped]
    k = k or lib.settings.top_k
    rows = []
    latencies = []
    verified = total_figures = computed = computed_checked = 0
    for item in questions:
        history = chat_history(lib, item.get("history") or [])
        t0 = time.perf_counter()
        answer = lib.ask(item["question"], k=k, history=history)
        latencies.append(time.perf_counter() - t0)
        hits = lib.retriever.search(answer.standalone_question or item["question"], k)
        expected = item.get("expected") or []
        sources = set(item.get("sources") or [])
        unanswerable = item["kind"] == "unanswerable"
        figure_ok = (not answer.abstained) and any(states(answer.answer, e) for e in expected) if expected else None
        citation_ok = None
        if expected and not unanswerable and item["kind"] == "computed":
            citation_ok = computed_citation_ok(answer, expected, sources)
        elif expected and not unanswerable:
            # a quoted figure is cited by a passage that states it; a figure the answerer derived
            # (a growth rate, a difference) by its operands, cited from an expected source
            citation_ok = any(
                c.doc_id in sources and any(states(c.text, e) for e in expected) for c in answer.citations
            ) or computed_citation_ok(answer, expected, sources)
        if item.get("conflict") and figure_ok:
            figure_ok = bool(answer.conflicts)  # two sources differ: the answer must show both
        hit = any(h.chunk.doc_id in sources for h in hits) if sources else None
        total_figures += len(answer.figures)
        verified += sum(1 for f in answer.figures if f.verified)
        for f in answer.figures:
            if f.kind == "computed":
                computed += 1
                computed_checked += bool(f.verified and f.formula and f.operands)
        rows.append(
            {
                "id": item.get("id", ""),
                "kind": item["kind"],
                "split": item.get("split", ""),
                "set": set_of(item),
                "question": item["question"],
                "standalone": answer.standalone_question,
                "abstained": answer.abstained,
                "figure_ok": figure_ok,
                "citation_ok": citation_ok,
                "hit": hit,
                "answer": answer.answer,
                "expected": expected,
                "sources": sorted(sources),
                "cited": [c.doc_id for c in answer.citations],
            }
        )
    report = _summarise(rows, latencies, verified, total_figures, k)
    report["skipped"] = skipped
    # every computed figure must carry a formula and operands that recompute to its value
    report["overall"]["computed_figures"] = computed
    report["overall"]["computed_verified_rate"] = round(computed_checked / computed, 3) if computed else None
    return report


def _rate(values: list[bool | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 3) if vals else None


def _summarise(rows: list[dict], latencies: list[float], verified: int, total_figures: int, k: int) -> dict:
    answerable = [r for r in rows if r["kind"] != "unanswerable"]
    unanswerable = [r for r in rows if r["kind"] == "unanswerable"]

    def metrics(subset: list[dict]) -> dict:
        ans = [r for r in subset if r["kind"] != "unanswerable"]
        una = [r for r in subset if r["kind"] == "unanswerable"]
        return {
            "questions": len(subset),
            "figure_accuracy": _rate([r["figure_ok"] for r in ans]),
            "citation_accuracy": _rate([r["citation_ok"] for r in ans]),
            "abstention_accuracy": _rate([r["abstained"] for r in una]),
            "false_abstentions": sum(1 for r in ans if r["abstained"]),
            f"hit@{k}": _rate([r["hit"] for r in ans]),
        }

    failed = []
    for r in rows:
        if r["kind"] == "unanswerable":
            if not r["abstained"]:
                failed.append({**r, "why": "answered an unanswerable question"})
        elif r["abstained"]:
            failed.append({**r, "why": "abstained" + ("" if r["hit"] else f" (source not in top {k})")})
        elif r["figure_ok"] is False:
            failed.append({**r, "why": "expected figure missing" + ("" if r["hit"] else f" (source not in top {k})")})
        elif r["citation_ok"] is False:
            failed.append({**r, "why": "no citation to an expected source holding the figure"})
    kinds = sorted({r["kind"] for r in rows})
    return {
        "overall": {
            **metrics(rows),
            "verified_figure_rate": round(verified / total_figures, 3) if total_figures else None,
            "latency_p50_s": round(_percentile(latencies, 0.5), 3),
            "latency_p95_s": round(_percentile(latencies, 0.95), 3),
            "answerable": len(answerable),
            "unanswerable": len(unanswerable),
        },
        "by_kind": {kind: metrics([r for r in rows if r["kind"] == kind]) for kind in kinds},
        "by_split": {
            sp: metrics([r for r in rows if r["split"] == sp]) for sp in SPLITS if any(r["split"] == sp for r in rows)
        },
        # each set apart (the held-out documents were never tuned on), with its own figures by kind
        "by_set": {
            name: {
                **metrics([r for r in rows if r["set"] == name]),
                "by_kind": {
                    kind: metrics([r for r in rows if r["set"] == name and r["kind"] == kind])
                    for kind in sorted({r["kind"] for r in rows if r["set"] == name})
                },
            }
            for name in sorted({r["set"] for r in rows})
        },
        "failed": failed,
        "rows": rows,
    }


def print_report(report: dict) -> None:
    o = report["overall"]
    hit_key = next(key for key in o if key.startswith("hit@"))
    print(f"questions {o['questions']} (answerable {o['answerable']}, unanswerable {o['unanswerable']})")
    print(f"figure accuracy      {o['figure_accuracy']}")
    print(f"citation accuracy    {o['citation_accuracy']}")
    print(f"abstention accuracy  {o['abstention_accuracy']}")
    print(f"false abstentions    {o['false_abstentions']}")
    print(f"retrieval {hit_key:<10} {o[hit_key]}")
    print(f"verified-figure rate {o['verified_figure_rate']}")
    if o.get("computed_figures"):
        print(
            f"computed figures     {o['computed_figures']} (verified with formula and operands: "
            f"{o['computed_verified_rate']})"
        )
    print(f"latency p50/p95      {o['latency_p50_s']} s / {o['latency_p95_s']} s")
    if len(report.get("by_split", {})) > 1:  # dev is tuned on, test only reported: a gap means overfitting
        print("\nby split:")
        for sp, m in report["by_split"].items():
            print(
                f"  {sp:<5} n={m['questions']:<3} figure={m['figure_accuracy']} citation={m['citation_accuracy']} "
                f"abstention={m['abstention_accuracy']} false_abst={m['false_abstentions']} {hit_key}={m[hit_key]}"
            )
    by_set = report.get("by_set", {})
    if len(by_set) > 1:  # the shipped corpus's questions and the held-out documents' apart
        print("\nby set:")
        for name, m in by_set.items():
            print(
                f"  {name:<8} n={m['questions']:<3} figure={m['figure_accuracy']} citation={m['citation_accuracy']} "
                f"abstention={m['abstention_accuracy']} false_abst={m['false_abstentions']} {hit_key}={m[hit_key]}"
            )
    sections = (
        [(f" ({name})", m["by_kind"]) for name, m in by_set.items()] if len(by_set) > 1 else [("", report["by_kind"])]
    )
    for title, kinds in sections:
        print(f"\nby kind{title}:")
        for kind, m in kinds.items():
            print(
                f"  {kind:<16} n={m['questions']:<3} figure={m['figure_accuracy']} citation={m['citation_accuracy']} "
                f"abstention={m['abstention_accuracy']} false_abst={m['false_abstentions']} {hit_key}={m[hit_key]}"
            )
    for name, info in report.get("skipped", {}).items():
        print(
            f"\nskipped {info['questions']} {name} questions: {len(info['missing'])} of the documents they cite are "
            f"not in the store" + (f"; add them with `{info['command']}`" if info["command"] else "")
        )
    if report["failed"]:
        print(f"\nfailed ({len(report['failed'])}):")
        for f in report["failed"]:
            where = f["split"] or "-"
            if len(by_set) > 1:
                where += f", {f['set']}"
            print(f"  [{f['id']}] ({where}) {f['why']}: {f['question']}")
            if f["standalone"] and f["standalone"] != f["question"]:
                print(f"      understood as: {f['standalone']}")
            print(f"      expected {f['expected']} in {f['sources']}; cited {f['cited']}")
            print(f"      answer: {f['answer'][:200]}")
