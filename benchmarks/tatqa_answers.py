"""End-to-end answers on TAT-QA dev through the real pipeline (ingest, retrieve, answer).

    python benchmarks/tatqa_answers.py --data ../shared/eval/tatqa/dev [--store /tmp/tatqa-store]
        [--gold-stores /tmp/tatqa-gold] [--gold-limit N] [--limit N] [--out results.jsonl]

One store holds the split's whole corpus/ (built once; an existing --store is reused, not
re-ingested). Every question is asked as ``nearshore-qa ask`` would (``Library.ask``), or with --scoped as ``nearshore-qa ask --doc
<its report>`` would (the question asked of its own report in the same store), and scored:

- span / multi-span: every gold span stands in the answer (case, spaces and a space after a
  currency sign ignored);
- arithmetic / count: the gold number is among the answer's figures, allowing the rounding of
  the operands (equal when rounded to the gold's decimals, or within 0.5 % of it); a change
  stated as "decreased by 12.6" for gold -12.6 counts (the sign is in the words);
- cited_gold: a citation is the question's gold report; abstained: the answer abstains.

With --gold-stores DIR each question is also asked of a store holding only its gold report
(reading apart from retrieval); those stores are built once under DIR and reused. Breakdowns by
answer_type and answer_from; the last line is ``span X arithmetic Y cited_gold Z abstained A``
for the one-store run. Needs ../shared; skips cleanly when it is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

sys.path.insert(0, str(Path(__file__).parent))
from tatqa_retrieval import doc_key, load_questions  # noqa: E402

_NUMBER = re.compile(r"[-−–]?\(?\$?\s?\d[\d,]*(?:\.\d+)?\)?")


def norm_text(text: str) -> str:
    text = text.lower().replace("’", "'").replace("−", "-").replace("–", "-")
    text = re.sub(r"([$£€])\s+", r"\1", text)
    text = re.sub(r"\s+%", "%", text)
    return " ".join(text.split())


def span_ok(spans: list[str], answer: str) -> bool:
    got = norm_text(answer)
    return all(norm_text(str(s)).strip(" .") in got for s in spans if str(s).strip())


def numbers_in(text: str) -> list[float]:
    text = re.sub(r"\[\d+\]", " ", text)
    out = []
    for m in _NUMBER.finditer(text):
        raw = m.group(0)
        neg = raw.startswith(("-", "−", "–")) or (raw.startswith("(") and raw.endswith(")"))
        digits = re.sub(r"[^\d.]", "", raw)
        try:
            value = float(digits)
        except ValueError:
            continue
        out.append(-value if neg else value)
    return out


def number_ok(gold: str, answer: str) -> bool:
    gold_s = str(gold).replace(",", "").replace("%", "").replace("$", "").strip()
    try:
        g = float(gold_s)
    except ValueError:
        return span_ok([str(gold)], answer)
    decimals = len(gold_s.split(".")[1]) if "." in gold_s else 0
    for a in numbers_in(answer):
        for v in (a, -a):
            if round(v, decimals) == round(g, decimals) or abs(v - g) <= 0.005 * abs(g):
                return True
    return False


def score(q: dict, ans: dict) -> dict:
    kind = q["answer_type"]
    text = "" if ans["abstained"] else ans["answer"]
    if kind in ("span", "multi-span"):
        ok = span_ok(q["answer_list"], text)
    else:
        ok = number_ok(q["answer_list"][0] if q["answer_list"] else q["answer"], text)
    cited = any(doc_key(c["doc_id"]) == q["gold_doc"] for c in ans["citations"])
    computed = [f for f in ans["figures"] if f.get("kind") == "computed"]
    return {
        "id": q["id"],
        "gold_doc": q["gold_doc"],
        # every computed figure must carry a formula and operands that recompute to its value
        "computed": len(computed),
        "computed_verified": sum(bool(f.get("verified") and f.get("formula") and f.get("operands")) for f in computed),
        "answer_type": kind,
        "answer_from": q["answer_from"],
        "ok": bool(ok),
        "cited_gold": cited,
        "abstained": ans["abstained"],
        "answer": ans["answer"][:400],
        "gold": q["answer_list"],
        "question": q["question"],
    }


def report(rows: list[dict], label: str, all_reports: list[str] | None = None) -> str:
    lines = [f"== {label}: {len(rows)} questions"]
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        kind = "spans" if r["answer_type"] in ("span", "multi-span") else "numbers"
        groups[(kind, r["answer_from"])].append(r)
        groups[(r["answer_type"], "all")].append(r)
        groups[(kind, "all")].append(r)
    lines.append("  (spans = span + multi-span, numbers = arithmetic + count)")
    for (kind, source), rs in sorted(groups.items()):
        n = len(rs)
        lines.append(
            f"  {kind:<11} {source:<11} n={n:<5} correct {sum(r['ok'] for r in rs) / n:.3f} "
            f"cited_gold {sum(r['cited_gold'] for r in rs) / n:.3f} "
            f"abstained {sum(r['abstained'] for r in rs) / n:.3f}"
        )
    # the split's reports in two halves by id: the first is tuned on, the second only reported
    # (halves of all the split's reports, also when only some questions were asked)
    reports = all_reports or sorted({r["gold_doc"] for r in rows if r.get("gold_doc")})
    first = set(reports[: (len(reports) + 1) // 2])
    for name, part in (("first half", first), ("second half", set(reports) - first)):
        rs = [r for r in rows if r.get("gold_doc") in part and r["answer_type"] in ("arithmetic", "count")]
        if rs:
            lines.append(
                f"  numbers, {name} of the reports ({len(part)}): n={len(rs)} correct "
                f"{sum(r['ok'] for r in rs) / len(rs):.3f}"
            )
    for name, part in (("first half", first), ("second half", set(reports) - first)):
        for source in ("text", "all"):
            rs = [
                r
                for r in rows
                if r.get("gold_doc") in part
                and r["answer_type"] in ("span", "multi-span")
                and source in ("all", r["answer_from"])
            ]
            if rs:
                lines.append(
                    f"  spans {source}, {name} of the reports: n={len(rs)} correct "
                    f"{sum(r['ok'] for r in rs) / len(rs):.3f} abstained {sum(r['abstained'] for r in rs) / len(rs):.3f}"
                )
    made = sum(r.get("computed", 0) for r in rows)
    checked = sum(r.get("computed_verified", 0) for r in rows)
    lines.append(f"  computed figures {made}, verified with formula and operands {checked}")
    lines.append(summary(rows))
    return "\n".join(lines)


def summary(rows: list[dict]) -> str:
    spans = [r for r in rows if r["answer_type"] in ("span", "multi-span")]
    arith = [r for r in rows if r["answer_type"] in ("arithmetic", "count")]

    def rate(rs, key):
        return sum(r[key] for r in rs) / max(1, len(rs))

    return (
        f"span {rate(spans, 'ok'):.3f} arithmetic {rate(arith, 'ok'):.3f} "
        f"cited_gold {rate(rows, 'cited_gold'):.3f} abstained {rate(rows, 'abstained'):.3f}"
    )


def open_library(store: Path, paths: list[Path], embedder=None):
    from nearshore_qa import Settings
    from nearshore_qa.library import Library

    lib = Library(Settings.from_env(store=store), embedder=embedder)
    if lib.store.count_documents() == 0:
        t0 = time.perf_counter()
        results = lib.add(paths)
        failed = [r for r in results if r.status == "failed"]
        print(
            f"ingested {len(results)} files ({len(failed)} failed) into {store} in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
    return lib


def ask_all(lib, questions: list[dict], scoped: bool = False) -> list[dict]:
    """``scoped``: each question asked of its own report in the store (``ask --doc``), as a user
    who picked the report before asking would."""
    rows = []
    doc_ids = {doc_key(s.doc_id): s.doc_id for s in lib.sources()} if scoped else {}
    for q in questions:
        documents = [doc_ids[q["gold_doc"]]] if scoped else None
        ans = lib.ask(q["question"], documents=documents).to_json()
        rows.append(score(q, ans))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/eval/tatqa/dev")
    ap.add_argument("--store", default="/tmp/tatqa-store", help="the one store (built when absent, else reused)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N questions (one-store run)")
    ap.add_argument("--gold-stores", default="", help="folder of per-report stores (built once, reused)")
    ap.add_argument(
        "--gold-limit",
        type=int,
        default=0,
        help="gold-report-only run on the questions of the first N reports (0: all)",
    )
    ap.add_argument("--skip-one-store", action="store_true")
    ap.add_argument(
        "--scoped",
        action="store_true",
        help="in the one store, ask each question of its own report only (a user who picked the document)",
    )
    ap.add_argument(
        "--answer-from",
        default="",
        choices=("", "text", "table", "table-text"),
        help="only the questions answered from this part of the report (quicker iterations)",
    )
    ap.add_argument("--out", default="", help="write per-question rows (JSON lines) here")
    args = ap.parse_args()
    data = Path(args.data)
    questions = load_questions(data)
    if questions is None:
        return 0
    all_reports = sorted({q["gold_doc"] for q in questions})
    if args.answer_from:
        questions = [q for q in questions if q["answer_from"] == args.answer_from]
    out_rows: list[dict] = []
    one_store = ""
    if args.gold_stores:
        from nearshore_qa.embeddings import MiniLMEmbeddings

        embedder = MiniLMEmbeddings()
        reports = sorted({q["gold_doc"] for q in questions})
        if args.gold_limit:
            reports = reports[: args.gold_limit]
        chosen = set(reports)
        rows: list[dict] = []
        t0 = time.perf_counter()
        for report_id in reports:
            lib = open_library(Path(args.gold_stores) / report_id, [data / "corpus" / f"{report_id}.md"], embedder)
            rows += ask_all(lib, [q for q in questions if q["gold_doc"] == report_id])
            lib.close()
        print(
            f"gold-report-only: {len(reports)} reports, {len(rows)} questions in {time.perf_counter() - t0:.0f} s",
            flush=True,
        )
        print(report(rows, f"gold report only ({len(chosen)} of the split's reports)", all_reports), flush=True)
        out_rows += [{**r, "run": "gold"} for r in rows]
    if not args.skip_one_store:
        lib = open_library(Path(args.store), [data / "corpus"])
        qs = questions[: args.limit] if args.limit else questions
        t0 = time.perf_counter()
        rows = ask_all(lib, qs, scoped=args.scoped)
        print(f"one store: {len(rows)} questions in {time.perf_counter() - t0:.0f} s", flush=True)
        label = "one store, each question scoped to its report" if args.scoped else "one store, whole corpus"
        one_store = report(rows, label, all_reports)
        out_rows += [{**r, "run": "scoped" if args.scoped else "one"} for r in rows]
        lib.close()
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in out_rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if one_store:
        print(one_store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
