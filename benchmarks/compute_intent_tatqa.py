"""Which computation a question asks for: intent.parse_intent against TAT-QA dev's gold derivations.

    python benchmarks/compute_intent_tatqa.py [--data ../shared/eval/tatqa/dev] [--show 20]

Each arithmetic question's gold derivation ("(497 - 533) / 533", "(36,821+3,774)/2") is read as an
operation (change, pct_change, average, sum, ratio/share); count questions are count. Prints the
confusion counts and, last, `op accuracy X (n=N), abstained Y`. Span questions show how often a
plain look-up is mistaken for a computation. Needs ../shared; skips cleanly when it is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from nearshore_qa.intent import parse_intent

_NUM = r"\(?-?\$?[\d,]+(?:\.\d+)?%?\)?"


def gold_op(derivation: str, answer_type: str) -> str:
    if answer_type == "count":
        return "count"
    d = derivation.replace(" ", "").replace("$", "").replace("%", "")
    n = r"\(?-?[\d,.]+\)?"
    if re.fullmatch(rf"\(?{n}-{n}\)?/{n}(?:\*100)?", d) or re.fullmatch(rf"{n}/{n}-1(?:\*100)?", d):
        return "pct_change"
    if re.fullmatch(rf"\({n}(?:\+{n})+\)/\d+", d):
        return "average"
    if re.fullmatch(rf"{n}-{n}", d):
        return "change"
    if re.fullmatch(rf"{n}(?:\+{n})+", d):
        return "sum"
    if re.fullmatch(rf"{n}/{n}(?:\*100)?", d):
        return "ratio"
    return "other"


SAME = {("change", "difference"), ("ratio", "share")}


def main() -> int:
    ap = argparse.ArgumentParser()
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "tatqa" / "dev"
    ap.add_argument("--data", default=str(default))
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    args = ap.parse_args()
    path = Path(args.data) / "questions.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    questions = [json.loads(line) for line in path.open(encoding="utf-8")]
    confusion: Counter = Counter()
    misses = []
    right = total = abstained = 0
    span_flagged = spans = 0
    for q in questions:
        intent = parse_intent(q["question"])
        got = intent.op if intent else "none"
        if q["answer_type"] in ("span", "multi-span"):
            spans += 1
            span_flagged += got != "none"
            continue
        gold = gold_op(q.get("derivation", ""), q["answer_type"])
        if gold == "other":
            continue
        total += 1
        confusion[(gold, got)] += 1
        ok = got == gold or (gold, got) in SAME
        right += ok
        abstained += got == "none"
        if not ok:
            misses.append((gold, got, q["question"]))
    for (gold, got), count in sorted(confusion.items(), key=lambda kv: -kv[1]):
        print(f"{gold:>10} -> {got:<10} {count}")
    for gold, got, text in misses[: args.show]:
        print(f"MISS {gold} -> {got}: {text}")
    print(f"span questions read as a computation: {span_flagged}/{spans} ({span_flagged / max(spans, 1):.3f})")
    print(f"op accuracy {right / max(total, 1):.3f} (n={total}), abstained {abstained / max(total, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
