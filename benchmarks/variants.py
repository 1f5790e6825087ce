"""Variants of the eval's questions: contrasts that must abstain, paraphrases that must keep the answer.

    python benchmarks/variants.py [--store DIR] [--split dev|test|both] [--family contrast|paraphrase|both]
        [--show]

Both families are made mechanically and deterministically from the single-turn answerable
questions of ``eval/questions.jsonl`` that have a source; dev and test parts are reported apart,
and nothing here is tuned on the test part (``--show`` prints the dev part's failures only).

**Contrasts**: each question changed in one way its source document never covers, and asked of
that document alone (as ``nearshore-qa ask --doc SOURCE`` would). The right answer is always an
abstention.

- year: its one year replaced by the first year after the latest the document writes, that the
  document never writes;
- month: "in 2019" becomes "in <the first month the document never names> 2019";
- place: a country, Mexican state or border port it names replaced by another of the same kind
  that the document never names;
- unit: "How much did …" becomes "How many tonnes (kilograms, barrels) of goods did …";
- measure: "exports"/"imports" become "services exports"/"services imports" (documents that
  never write "services");
- direction: "northbound" becomes "southbound" (documents that never write "southbound");
- means: "by air" before its period (documents that never write "air").

**Paraphrases**: each question the whole library answers right as written, asked again of the
whole library in words a user might type instead; the answer must still state the expected figure.

- lower: all in lower case; nomark: without its question mark;
- front: its closing period moved to the front ("In 2019, what were …?");
- us: "the United States" written "the US", or the other way round; dotted: "US" written "U.S.";
- america: "the US" / "the United States" written "America";
- whats: "What was/were" written "what's";
- tell: "What was/were/is/are X?" asked as "Tell me X." (a request, not a question);
- terse: the same X typed as a search box query, without question words or mark ("value of
  US exports to Mexico in 2023").

The store (built from ``corpus/`` and every ``eval/documents*`` folder when empty, else reused)
is the one ``nearshore-qa eval`` reads. Last lines: ``contrast dev A/N test B/M`` (abstained) and
``paraphrase dev A/N test B/M`` (kept).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

KINDS = ("year", "month", "place", "unit", "measure", "direction", "means")
PARAPHRASES = ("lower", "nomark", "front", "us", "dotted", "america", "whats", "tell", "terse")
# Places by kind: a question's place is swapped for one of its own kind the document never names.
PLACES = (
    "Brazil Japan Germany India Vietnam France Chile Korea Italy Peru Colombia Argentina Poland Hungary "
    "Sweden Norway Finland Denmark Australia Nigeria Russia Ukraine Kazakhstan China Canada Mexico Taiwan "
    "Malaysia Thailand Indonesia Spain Netherlands Ireland Israel Egypt Turkey Switzerland Austria Belgium",
    "Jalisco|Sonora|Puebla|Yucatán|Oaxaca|Guanajuato|Chihuahua|Coahuila|Querétaro|Tamaulipas|Nuevo León|"
    "Baja California|Morelos|Tlaxcala|Veracruz|Durango|Zacatecas|Sinaloa|Aguascalientes|San Luis Potosí",
    "Laredo|El Paso|Nogales|Otay Mesa|Calexico|Eagle Pass|Brownsville|Del Rio|Pharr|Progreso|Roma|"
    "Presidio|Ysleta|Santa Teresa|Douglas",
)
POOLS = [p.split("|") if "|" in p else p.split() for p in PLACES]
MONTHS = "January February March April May June July August September October November December".split()
YEAR = re.compile(r"\b(19[89]\d|20[0-3]\d)\b")


def contrasts(question: str, written: str) -> list[tuple[str, str]]:
    """(kind, changed question) for every change ``written`` (the document's text) cannot answer."""
    low = written.lower()
    out: list[tuple[str, str]] = []
    years = set(YEAR.findall(question))
    if len(years) == 1:
        year = years.pop()
        new = max(int(y) for y in YEAR.findall(written) or ["0"]) + 1
        while str(new) in written:
            new += 1
        if new < 2040:
            out.append(("year", re.sub(rf"\b{year}\b", str(new), question)))
        if f"in {year}" in question and not re.search(rf"\b(?:{'|'.join(MONTHS)})\b", question):
            month = next((m for m in MONTHS if m.lower() not in low and f"{m[:3].lower()} " not in low), None)
            if month:
                out.append(("month", question.replace(f"in {year}", f"in {month} {year}", 1)))
    for pool in POOLS:
        named = [p for p in pool if re.search(rf"\b{re.escape(p)}\b", question, re.I)]
        free = [p for p in pool if p.lower() not in low and p not in named]
        if named and free:
            swapped = re.sub(
                rf"\b{re.escape(named[0])}\b", free[len(question) % len(free)], question, count=1, flags=re.I
            )
            out.append(("place", swapped))
            break
    if re.match(r"how much did\b", question, re.I):
        unit = next((u for u in ("tonnes", "kilograms", "barrels") if u not in low), None)
        if unit:
            out.append(("unit", re.sub(r"^how much did", f"How many {unit} of goods did", question, flags=re.I)))
    if re.search(r"\b(exports|imports)\b", question) and "services" not in low:
        out.append(("measure", re.sub(r"\b(exports|imports)\b", r"services \1", question, count=1)))
    if "northbound" in question and "southbound" not in low:
        out.append(("direction", question.replace("northbound", "southbound")))
    period = re.search(r"\s+in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b", question)
    if period and not re.search(r"\bair\b", low):
        out.append(("means", f"{question[: period.start()]} by air{question[period.start() :]}"))
    return [(kind, q) for kind, q in out if q != question]


def paraphrases(question: str) -> list[tuple[str, str]]:
    """(kind, rewritten question) in the words a user might type instead."""
    out = [("lower", question.lower()), ("nomark", question.rstrip("?"))]
    period = re.search(r"\s+in\s+((?:[A-Z][a-z]+\s+)?(?:19|20)\d\d)\?$", question)
    if period:
        out.append(("front", f"In {period.group(1)}, {question[0].lower()}{question[1 : period.start()]}?"))
    if re.search(r"\bthe United States\b", question):
        out.append(("us", question.replace("the United States", "the US")))
    elif re.search(r"\bthe US\b", question):
        out.append(("us", question.replace("the US", "the United States")))
    if re.search(r"\bUS\b", question):
        out.append(("dotted", re.sub(r"\bUS\b", "U.S.", question)))
    if re.search(r"\bthe (?:US|United States)\b", question):
        out.append(("america", re.sub(r"\bthe (?:US|United States)\b", "America", question, count=1)))
    if re.match(r"what (?:was|were) ", question, re.I):
        out.append(("whats", re.sub(r"^what (?:was|were) ", "what's ", question, flags=re.I)))
    asked = re.match(r"what (?:was|were|is|are) (?:the )?(.+?)\??$", question, re.I)
    if asked and not re.match(r"(?:difference|change|reason|meaning)\b", asked.group(1), re.I):
        out.append(("tell", f"Tell me the {asked.group(1)}."))
        out.append(("terse", asked.group(1)))
    return [(kind, q) for kind, q in out if q != question]


def open_store(store: Path):
    from nearshore_qa import Settings
    from nearshore_qa.evaluation import SET_FOLDERS
    from nearshore_qa.library import Library

    lib = Library(Settings.from_env(store=store))
    if lib.store.count_documents() == 0:
        folders = sorted({p for p in SET_FOLDERS.values() if p.exists()})
        results = lib.add(folders)
        print(f"ingested {len(results)} files into {store}", flush=True)
    return lib


def _report(family: str, kinds: tuple[str, ...], splits: tuple[str, ...], passed: Counter, asked: Counter) -> None:
    print(f"{family:<10}" + "".join(f"{s:>14}" for s in splits))
    for kind in kinds:
        if any(asked[(s, kind)] for s in splits):
            print(f"  {kind:<8}" + "".join(f"{passed[(s, kind)]:>8}/{asked[(s, kind)]:<5}" for s in splits))
    totals = [f"{s} {sum(passed[(s, k)] for k in kinds)}/{sum(asked[(s, k)] for k in kinds)}" for s in splits]
    print(f"{family} {' '.join(totals)}")


def main() -> int:
    from nearshore_qa.evaluation import DEFAULT_EVAL, load_questions, states

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default="/tmp/nearshore-variants-store", help="built when empty, else reused")
    ap.add_argument("--split", default="both", choices=("dev", "test", "both"))
    ap.add_argument("--family", default="both", choices=("contrast", "paraphrase", "both"))
    ap.add_argument("--show", action="store_true", help="print the dev part's failures")
    args = ap.parse_args()
    lib = open_store(Path(args.store))
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    asked: Counter[tuple[str, str]] = Counter()
    passed: Counter[tuple[str, str]] = Counter()
    texts: dict[str, str] = {}

    def failed(kind: str, item: dict, question: str, answer) -> None:
        if args.show and item["split"] == "dev":
            print(f"failed  {kind:<9} {item['id']:<12} {question}\n        {answer.answer[:160]!r}")

    for item in load_questions(DEFAULT_EVAL):
        split, expected = item.get("split"), item.get("expected")
        if split not in splits or not expected or not item.get("sources") or item.get("history"):
            continue
        ids = lib.resolve_documents([item["sources"][0]])
        if not ids:
            continue
        doc = ids[0]
        if args.family in ("contrast", "both"):
            if doc not in texts:
                texts[doc] = " ".join(f"{c.section} {c.caption} {c.text}" for c in lib.store.document_chunks(doc))
            for kind, question in contrasts(item["question"], texts[doc]):
                answer = lib.ask(question, documents=[doc])
                asked[(split, kind)] += 1
                passed[(split, kind)] += answer.abstained
                if not answer.abstained:
                    failed(kind, item, question, answer)
        if args.family in ("paraphrase", "both"):
            first = lib.ask(item["question"])
            if first.abstained or not any(states(first.answer, e) for e in expected):
                continue  # only answers right as written can be kept
            for kind, question in paraphrases(item["question"]):
                answer = lib.ask(question)
                kept = not answer.abstained and any(states(answer.answer, e) for e in expected)
                asked[(split, kind)] += 1
                passed[(split, kind)] += kept
                if not kept:
                    failed(kind, item, question, answer)
    if args.family in ("contrast", "both"):
        _report("contrast", KINDS, splits, passed, asked)
    if args.family in ("paraphrase", "both"):
        _report("paraphrase", PARAPHRASES, splits, passed, asked)
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
