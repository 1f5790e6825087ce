"""Computed answers end to end on TAT-QA dev: ``operands.computation_for`` given each arithmetic
question and its gold context (the table's rows and the paragraphs), scored against the gold answer.

    python benchmarks/compute_tatqa.py [--data ../shared/eval/tatqa/dev] [--show 20]

A result counts as correct when it equals the gold number at the result's own precision (we
round percentages to one decimal, TAT-QA to two: 36.7 matches 36.68). Prints, per gold
operation, answered/correct, then `computed X of N (Y), correct Z of computed, W of all`.
Retrieval is not involved (see tatqa_retrieval.py for that). Needs ../shared; skips when absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from compute_intent_tatqa import gold_op

from nearshore_qa.compute import Computed
from nearshore_qa.errors import ComputeRefusal
from nearshore_qa.operands import Evidence, computation_for

_NUMERIC = re.compile(r"^\(?-?\$?\s*[\d,]+(?:\.\d+)?%?\)?$")


def _is_number(cell: str) -> bool:
    return bool(_NUMERIC.match(cell.strip()))


def _is_year(cell: str) -> bool:
    return bool(re.fullmatch(r"(?:FY\s?)?(?:19|20)\d\d", cell.strip()))


def evidence_for(context: dict) -> list[Evidence]:
    table: list[list[str]] = context["table"]
    width = max((len(r) for r in table), default=0)
    header_rows = 0
    for row in table:
        cells = [c for c in row[1:] if c.strip()]
        if row[0].strip() and any(_is_number(c) and not _is_year(c) for c in cells):
            break
        header_rows += 1
    columns = []
    for j in range(width):
        parts = [r[j].strip() for r in table[:header_rows] if j < len(r) and r[j].strip()]
        columns.append(" ".join(parts) or ("label" if j == 0 else f"column {j}"))
    out: list[Evidence] = []
    for i, row in enumerate(table[header_rows:]):
        values = tuple((row + [""] * width)[:width])
        text = "; ".join(f"{c}: {v}" for c, v in zip(columns, values, strict=True) if v.strip())
        out.append(Evidence(marker=len(out) + 1, text=text, columns=tuple(columns), values=values, row=i))
    for p in context.get("paragraphs", []):
        out.append(Evidence(marker=len(out) + 1, text=p["text"]))
    return out


def _gold_number(answer) -> float | None:
    text = str(answer).replace(",", "").replace("$", "").replace("%", "").strip()
    try:
        return float(text)
    except ValueError:
        return None


def _correct(result: Computed, gold: float) -> bool:
    plain = result.result_kind in ("percent", "points", "ratio", "count")
    ours = result.value if plain else result.value / result.scale
    tolerance = 0.5 * 10 ** (-result.decimals) + 1e-9
    return abs(ours - gold) <= max(tolerance, 0.005 + 1e-9) or abs(ours + gold) <= tolerance and gold < 0


def main() -> int:
    ap = argparse.ArgumentParser()
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "tatqa" / "dev"
    ap.add_argument("--data", default=str(default))
    ap.add_argument("--show", type=int, default=0, help="print this many wrong results")
    args = ap.parse_args()
    root = Path(args.data)
    if not (root / "questions.jsonl").exists():
        print(f"skipped: {root / 'questions.jsonl'} not found")
        return 0
    contexts = {}
    for line in (root / "contexts.jsonl").open(encoding="utf-8"):
        c = json.loads(line)
        contexts[c["uid"]] = c
    stats: Counter = Counter()
    wrong = []
    total = 0
    for line in (root / "questions.jsonl").open(encoding="utf-8"):
        q = json.loads(line)
        if q["answer_type"] not in ("arithmetic", "count"):
            continue
        gold = _gold_number(q["answer"])
        if gold is None or q["gold_doc"] not in contexts:
            continue
        total += 1
        op = gold_op(q.get("derivation", ""), q["answer_type"])
        result = computation_for(q["question"], evidence_for(contexts[q["gold_doc"]]))
        stats[(op, "asked")] += 1
        if isinstance(result, ComputeRefusal):
            stats[(op, "refused")] += 1
            stats["refused"] += 1
        elif isinstance(result, Computed):
            stats[(op, "computed")] += 1
            stats["computed"] += 1
            if _correct(result, gold):
                stats[(op, "correct")] += 1
                stats["correct"] += 1
            else:
                wrong.append((q["question"], q["answer"], q.get("derivation", ""), result.formula, result.display))
    for op in ("change", "pct_change", "average", "sum", "ratio", "count", "other"):
        asked = stats[(op, "asked")]
        if asked:
            print(
                f"{op:>10}: asked {asked:4d}  computed {stats[(op, 'computed')]:4d}  "
                f"correct {stats[(op, 'correct')]:4d}  refused {stats[(op, 'refused')]:3d}"
            )
    for item in wrong[: args.show]:
        print("WRONG", " | ".join(str(x) for x in item))
    computed, correct = stats["computed"], stats["correct"]
    print(
        f"computed {computed} of {total} ({computed / max(total, 1):.3f}), correct {correct} "
        f"({correct / max(computed, 1):.3f} of computed, {correct / max(total, 1):.3f} of all), "
        f"refused {stats['refused']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
