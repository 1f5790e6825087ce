"""Computed answers: differences, changes, growth, CAGR, ratios, shares, sums, averages,
extremes, ranks and counts over cited operands, and series (one measure's figures listed in
time order: "What were US imports from China from 2015 to 2018?", or one period's figure of
each name asked: "What were US exports to Mexico and Canada in 2023?").

Every result carries the formula with its operands as written ("(839.89 − 614.50) ÷ 614.50"),
the operands with their citations, and ``verify()``, which recomputes the result from the
operands (and checks each operand against the cell or sentence it was taken from).

Rounding rule (one place, ``_result_decimals``):
- percentages (percentage change, CAGR, share): one decimal, or more when the operands are
  themselves percentages written with more decimals;
- amounts (difference, change, sum, max, min, rank): the operands' largest number of decimals
  in the result's scale (at most three after a scale conversion);
- an average: one decimal more than its operands; a ratio: two decimals; a count: none.
- a difference of two percentages is in percentage points, at the operands' decimals.

Operands in different scales (thousand, million, billion) are converted to the largest;
different currencies, a percentage mixed with an amount, or different counted units are refused
(``ComputeRefusal``), as are periods mixed where they must match.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal, get_args

from .errors import ComputeRefusal
from .figures import FoundFigure, find_figures
from .text import MONTHS

logger = logging.getLogger(__name__)

Operation = Literal[
    "difference",
    "change",
    "pct_change",
    "cagr",
    "ratio",
    "share",
    "sum",
    "average",
    "max",
    "min",
    "rank",
    "count",
    "series",
]
OPERATIONS: tuple[str, ...] = get_args(Operation)
TWO_OPERANDS = {"difference", "change", "pct_change", "cagr", "ratio"}
PERCENT_RESULTS = {"pct_change", "cagr", "share"}

MINUS, TIMES, DIVIDE = "−", "×", "÷"
_SCALE_WORDS = {1.0: "", 1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
_CURRENCY_PREFIX = {"USD": "US$", "MXN": "MXN ", "CAD": "C$", "EUR": "€", "GBP": "£"}
_WRITTEN_NUMBER = re.compile(r"[-−–]?\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MONTHS = [m.lower() for m in MONTHS]


@dataclass(frozen=True)
class Operand:
    """One figure a computation uses: a table cell or a figure found in a cited sentence."""

    value: float  # normalised: scale applied; a percentage as its number of percent
    text: str = ""  # as written: "US$839.89 billion" in a sentence, "839.89" in a cell
    kind: str = "number"  # currency | percent | number
    currency: str = ""  # USD, MXN, CAD, EUR, GBP; "" when unstated
    unit: str = ""  # what is counted ("trucks"), "" for amounts and plain numbers
    scale: float = 1.0  # 1e9 when written "billion" or found in a column "…_usd_billions"
    decimals: int = 0  # as written
    period: str = ""  # "2024", "October 2022", "FY2019"
    entity: str = ""  # row label: "Mexico", "Laredo"
    measure: str = ""  # column label: "total_trade_usd_billions"
    measure_label: str = ""  # how a person reads it, from the table's sidecar: "US imports from China"
    citation: int | None = None  # the answer's citation marker
    doc_id: str = ""
    chunk_id: str = ""
    row: int | None = None
    column: str = ""
    source_text: str = ""  # the cited cell's row or sentence: what verify() checks the operand against
    published: str = ""  # the source's as-of date
    publisher: str = ""

    @property
    def number(self) -> float:
        """The value in its own scale, as written."""
        return self.value / self.scale if self.scale else self.value

    @property
    def written(self) -> str:
        """The number as written, without currency or scale: "839.89", "4,525,346"."""
        m = _WRITTEN_NUMBER.search(self.text or "")
        if m and ("," in m.group(0) or abs(self.number) < 10000):
            written = m.group(0).replace("-", MINUS).replace("–", MINUS)
            # an accounting negative "(2,088)" is written with its sign in a formula
            return MINUS + written if self.number < 0 and not written.startswith(MINUS) else written
        return _fmt(self.number, self.decimals)  # a cell "3026632" reads as "3,026,632"

    @property
    def display(self) -> str:
        """The operand as a reader sees it in the answer: "US$614.50 billion", "72.51%"."""
        if self.kind == "percent":
            return f"{self.written}%"
        written_whole = self.text and (self.kind == "currency" or self.scale != 1.0) and not _is_bare(self.text)
        if written_whole:
            return self.text
        return _with_units(self.written, self.currency, self.scale)

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.entity, self.period) if p)

    @classmethod
    def from_figure(cls, fig: FoundFigure, **provenance: Any) -> Operand:
        scale = fig.value / fig.number if fig.number and fig.kind != "percent" else 1.0
        return cls(
            value=fig.value,
            text=fig.text,
            kind=fig.kind,
            currency=fig.currency,
            scale=_snap_scale(scale),
            decimals=fig.decimals,
            **provenance,
        )

    def ref(self) -> dict[str, Any]:
        """The operand in a computed figure's JSON: "row" is the row's label, "row_index" its number."""
        return {
            "citation": self.citation,
            "row": self.entity or (self.row if self.row is not None else None),
            "column": self.column or self.measure or None,
            "value": self.value,
            "text": self.display,
            "period": self.period or None,
            "doc_id": self.doc_id or None,
            "row_index": self.row,
        }


def _is_bare(text: str) -> bool:
    return bool(re.fullmatch(r"\s*[-−–]?\d[\d,]*(?:\.\d+)?\s*", text))


def _snap_scale(scale: float) -> float:
    for s in _SCALE_WORDS:
        if abs(scale - s) <= 1e-6 * s:
            return s
    return scale


def _fmt(number: float, decimals: int) -> str:
    text = f"{abs(number):,.{max(decimals, 0)}f}"
    return (MINUS if number < 0 and float(text.replace(",", "")) != 0 else "") + text


def _with_units(written: str, currency: str, scale: float, unit: str = "") -> str:
    neg = written.startswith(MINUS)
    body = written.lstrip(MINUS)
    word = _SCALE_WORDS.get(scale, "")
    text = _CURRENCY_PREFIX.get(currency, "") + body + (f" {word}" if word else "") + (f" {unit}" if unit else "")
    return (MINUS if neg else "") + text


@lru_cache(maxsize=16384)
def period_key(label: str) -> tuple[int, int] | None:
    """(year, month) of a period label, for ordering; None when it names no year."""
    m = _YEAR.search(label or "")
    if not m:
        return None
    low = label.lower()
    quarter = re.match(r"\s*q([1-4])\b", low)
    if quarter:  # "Q1 2019": ordered by its last month, never equal to the year itself
        return int(m.group(1)), 3 * int(quarter.group(1))
    month = next((i + 1 for i, name in enumerate(_MONTHS) if name in low or re.search(rf"\b{name[:3]}\b", low)), 0)
    return int(m.group(1)), month


@lru_cache(maxsize=16384)
def norm_label(label: str) -> str:
    """A row or column label without units and punctuation: "total_trade_usd_billions" -> "total trade"."""
    text = re.sub(r"[_\-–—/]+", " ", (label or "").lower())
    text = re.sub(
        r"\b(usd|us\$|us dollars|dollars|billions?|millions?|thousands?|trillions?|pct|percent|in|of|"
        r"the|bn|mn|mxn|cad)\b",
        " ",
        text,
    )
    return " ".join(re.sub(r"[^\w ]+", " ", text).split())


@dataclass
class Computed:
    """The result of one computation, with everything a reader needs to check it."""

    op: str
    value: float  # rounded; normalised (scale applied; a percentage as its number of percent)
    display: str  # "US$225.39 billion", "36.7%", "1.37 times", "5"
    formula: str  # "(839.89 − 614.50) ÷ 614.50"
    text: str  # one line: result, operands with their citations, formula
    operands: tuple[Operand, ...]
    decimals: int
    result_kind: str  # currency | percent | number | points | ratio | count
    scale: float = 1.0
    params: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # conversions made, e.g. "797,958.0 million = 797.958 billion"
    ranking: tuple[Operand, ...] = ()  # max/min/rank: the operands in order
    conflicts: tuple[Any, ...] = ()  # operands.Conflict: other sources' values for an operand's cell

    def _again(self, operands: tuple[Operand, ...]) -> Computed:
        parts = list(operands[:-1] if "total" in self.params else operands)  # the total is last
        params = dict(self.params)
        if "total" in params:
            params["total"] = operands[-1]
        return compute(self.op, parts, **params)

    def verify(self) -> bool:
        """Recompute from the operands; every operand with a source must be stated there."""
        for op in self.operands:
            if op.source_text and not operand_stated(op, op.source_text):
                logger.info("operand %s is not stated in its source %r", op.display, op.source_text[:80])
                return False
        try:
            again = self._again(self.operands)
        except ComputeRefusal:
            return False
        return math.isclose(again.value, self.value, rel_tol=1e-9, abs_tol=1e-12)

    def with_markers(self, markers: dict[int, int]) -> Computed:
        """The same computation citing renumbered markers (old -> new), text rebuilt."""
        moved = tuple(
            replace(o, citation=markers.get(o.citation, o.citation)) if o.citation is not None else o
            for o in self.operands
        )
        again = self._again(moved)
        again.conflicts = self.conflicts
        return again

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "kind": "computed",
            "formula": self.formula,
            "operands": [o.ref() for o in self.operands],
            "verified": self.verify(),
            "operation": self.op,
            "display": self.display,
            "result_kind": self.result_kind,
            "notes": list(self.notes),
            "conflicts": [c.to_json() for c in self.conflicts],
        }


def operand_stated(op: Operand, source: str) -> bool:
    """Is the operand's number, at its written precision, among the figures of ``source``? A
    table cell is checked as a cell: written as it is in the row, and reading as the operand's
    number ("(2,088)" is −2,088; "4.6%" is 4.6)."""
    if op.row is not None and _cell_reads(op, source):
        return True
    for fig in find_figures(source):
        if (fig.kind == "percent") != (op.kind == "percent"):
            continue
        if op.currency and fig.currency and op.currency != fig.currency:
            continue
        if fig.decimals == op.decimals and math.isclose(fig.number, op.number, rel_tol=1e-12, abs_tol=1e-12):
            return True
        if math.isclose(fig.value, op.value, rel_tol=1e-12):
            return True
    return False


def _cell_reads(op: Operand, source: str) -> bool:
    cell = (op.text or "").strip()
    if not cell or cell not in source:
        return False
    text = re.sub(r"US\$|[$€£¥\s]", "", cell.replace("−", "-").replace("–", "-"))
    neg = text.startswith("(") and text.rstrip("%").endswith(")")
    text = text.strip("()%").replace(",", "")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return False
    number = -float(text) if neg else float(text)
    return math.isclose(number, op.number, rel_tol=1e-12, abs_tol=1e-12)


# --- checks ----------------------------------------------------------------------------------


def _check_units(operands: list[Operand], op: str) -> None:
    kinds = {o.kind == "percent" for o in operands}
    if len(kinds) > 1:
        raise ComputeRefusal(
            "mixed_units", "cannot combine a percentage with an amount: " + ", ".join(o.display for o in operands)
        )
    currencies = {o.currency for o in operands if o.currency}
    if len(currencies) > 1:
        raise ComputeRefusal(
            "mixed_currency",
            "the figures are in different currencies ("
            + ", ".join(sorted(currencies))
            + "), and no exchange rate is cited",
        )
    units = {o.unit.lower().rstrip("s") for o in operands if o.unit}
    if len(units) > 1:
        raise ComputeRefusal("mixed_units", "the figures count different things (" + ", ".join(sorted(units)) + ")")
    if units and currencies:
        raise ComputeRefusal("mixed_units", "cannot combine an amount of money with a count of " + next(iter(units)))


def _distinct(values: list[str]) -> set[str]:
    return {norm_label(v) or v.lower() for v in values if v}


def _check_periods(operands: list[Operand], op: str) -> None:
    periods = _distinct([o.period for o in operands])
    entities = _distinct([o.entity for o in operands])
    if op in ("change", "pct_change", "cagr"):
        a, b = operands
        if a.period and b.period and norm_label(a.period) == norm_label(b.period):
            raise ComputeRefusal("mixed_periods", f"both figures are for {a.period}; a change needs two periods")
        if len(entities) > 1:
            raise ComputeRefusal(
                "mixed_entities",
                "a change compares one thing over time, not " + " and ".join(sorted({o.entity for o in operands})),
            )
        measures = _distinct([o.measure for o in operands])
        if len(measures) > 1:
            raise ComputeRefusal(
                "mixed_units",
                "a change compares one measure over time, not " + " and ".join(o.measure for o in operands),
            )
        return
    if op == "share":
        if len(periods) > 1:
            raise ComputeRefusal(
                "mixed_periods",
                "the part and the total are for different periods ("
                + ", ".join(sorted({o.period for o in operands if o.period}))
                + ")",
            )
        return
    if len(periods) > 1 and len(entities) > 1:
        raise ComputeRefusal(
            "mixed_periods",
            "the figures are for different periods ("
            + ", ".join(sorted({o.period for o in operands if o.period}))
            + ") and different rows; comparing them would mix periods",
        )


# --- arithmetic ------------------------------------------------------------------------------


def _target_scale(operands: list[Operand]) -> float:
    if any(o.kind == "percent" for o in operands):
        return 1.0
    return max((o.scale for o in operands), default=1.0)


def _in_scale(o: Operand, scale: float) -> tuple[str, int]:
    """The operand written in ``scale`` and its decimals there."""
    if o.scale == scale or o.kind == "percent":
        return o.written, o.decimals
    shift = round(math.log10(scale / o.scale)) if o.scale else 0
    decimals = min(max(o.decimals + shift, 0), 3)
    return _fmt(o.value / scale, decimals), decimals


def _ordered(operands: list[Operand]) -> list[Operand]:
    keys = [period_key(o.period) for o in operands]
    known = [k for k in keys if k is not None]
    if len(known) == len(keys) and len(set(known)) == len(known):
        return [o for _, o in sorted(zip(known, operands, strict=True), key=lambda p: p[0])]
    return operands


def _years_between(a: Operand, b: Operand) -> float:
    ka, kb = period_key(a.period), period_key(b.period)
    if not ka or not kb:
        raise ComputeRefusal("cagr_span", "a compound annual growth rate needs the years of both figures")
    return (kb[0] - ka[0]) + (kb[1] - ka[1]) / 12 if ka[1] and kb[1] else float(kb[0] - ka[0])


def _result_decimals(op: str, operands: list[Operand], scale: float) -> int:
    in_scale = [_in_scale(o, scale)[1] for o in operands] or [0]
    pct_operands = all(o.kind == "percent" for o in operands)
    if op in PERCENT_RESULTS:
        return max([1] + ([max(in_scale)] if pct_operands else []))
    if op == "ratio":
        return 2
    if op == "count":
        return 0
    if op == "average":
        return max(in_scale) + 1
    return max(in_scale)


def compute(
    op: str,
    operands: list[Operand],
    *,
    total: Operand | None = None,
    n: int | None = None,
    order: str = "desc",
    subject: str = "",
    condition: tuple[str, float] | None = None,
) -> Computed:
    """Carry out ``op`` over ``operands`` or raise ``ComputeRefusal`` saying why not.

    change, pct_change and cagr take two operands and order them by period (earlier first);
    difference and ratio take them in the order given (first − second, first ÷ second);
    share takes the part(s) and either ``total`` or, without it, the sum of all operands as the whole
    (the part is then the first operand); rank keeps the ``n`` first in ``order``;
    count counts the operands, those meeting ``condition`` (">", 100.0) when given.
    """
    if op not in OPERATIONS:
        raise ComputeRefusal("unknown_operation", f"unknown operation {op!r}; expected one of {', '.join(OPERATIONS)}")
    operands = list(operands)
    if op in TWO_OPERANDS and len(operands) != 2:
        raise ComputeRefusal("too_few_operands", f"{op} needs exactly two figures, got {len(operands)}")
    if op in ("sum", "average", "max", "min", "rank", "series") and len(operands) < 2:
        raise ComputeRefusal("too_few_operands", f"{op} needs at least two figures, got {len(operands)}")
    if op == "share" and not operands:
        raise ComputeRefusal("too_few_operands", "a share needs a part")
    if op == "share" and total is None and len(operands) < 2:
        raise ComputeRefusal("too_few_operands", "a share needs a total or the other parts of the whole")
    if op in ("change", "pct_change", "cagr", "series"):
        operands = _ordered(operands)
    every = operands + ([total] if total is not None else [])
    _check_units(every, op)
    _check_periods(every, op)
    params: dict[str, Any] = {}
    if total is not None:
        params["total"] = total
    if n is not None:
        params["n"] = n
    if order != "desc":
        params["order"] = order
    if subject:
        params["subject"] = subject
    if condition is not None:
        params["condition"] = condition

    scale = _target_scale(every)
    written = [_in_scale(o, scale)[0] for o in every]
    notes = tuple(
        f"{o.display} = {w}{' ' + _SCALE_WORDS[scale] if _SCALE_WORDS.get(scale) else ''}"
        for o, w in zip(every, written, strict=False)
        if o.scale != scale and o.kind != "percent"
    )
    nums = [o.value / scale for o in operands]
    w = [_paren(x) for x in written[: len(operands)]]
    decimals = _result_decimals(op, every, scale)
    ranking: tuple[Operand, ...] = ()
    pct_points = all(o.kind == "percent" for o in every)
    kind = "percent" if pct_points else ("currency" if any(o.currency for o in every) else "number")

    if op in ("difference", "change"):
        raw = nums[1] - nums[0] if op == "change" else nums[0] - nums[1]
        formula = f"{w[1]} {MINUS} {w[0]}" if op == "change" else f"{w[0]} {MINUS} {w[1]}"
        result_kind = "points" if pct_points else kind
    elif op == "pct_change":
        if nums[0] == 0:
            raise ComputeRefusal(
                "division_by_zero",
                f"the {operands[0].period or 'earlier'} figure is zero, so a percentage change is undefined",
            )
        raw = (nums[1] - nums[0]) / nums[0] * 100
        formula = f"({w[1]} {MINUS} {w[0]}) {DIVIDE} {w[0]}"
        result_kind = "percent"
    elif op == "cagr":
        years = _years_between(operands[0], operands[1])
        if years < 1:
            raise ComputeRefusal(
                "cagr_span",
                f"a compound annual growth rate needs at least one year between "
                f"the figures ({operands[0].period} to {operands[1].period})",
            )
        if nums[0] <= 0 or nums[1] < 0:
            raise ComputeRefusal("division_by_zero", "a compound annual growth rate needs positive figures")
        raw = ((nums[1] / nums[0]) ** (1 / years) - 1) * 100
        formula = f"({w[1]} {DIVIDE} {w[0]})^(1/{_fmt(years, 0 if years == int(years) else 2)}) {MINUS} 1"
        params_years = years
        result_kind = "percent"
    elif op == "ratio":
        if nums[1] == 0:
            raise ComputeRefusal("division_by_zero", f"{operands[1].display} is zero; the ratio is undefined")
        raw = nums[0] / nums[1]
        formula = f"{w[0]} {DIVIDE} {w[1]}"
        result_kind = "ratio"
    elif op == "share":
        if total is not None:
            whole = total.value / scale
            part = sum(nums)
            parts = " + ".join(w)
            formula = f"{'(' + parts + ')' if len(w) > 1 else parts} {DIVIDE} {_paren(written[-1])}"
        else:
            whole = sum(nums)
            part = nums[0]
            formula = f"{w[0]} {DIVIDE} ({' + '.join(w)})"
        if whole == 0:
            raise ComputeRefusal("division_by_zero", "the total is zero; a share of it is undefined")
        raw = part / whole * 100
        result_kind = "percent"
    elif op in ("sum", "average"):
        raw = sum(nums) if op == "sum" else sum(nums) / len(nums)
        formula = " + ".join(w) if op == "sum" else f"({' + '.join(w)}) {DIVIDE} {len(w)}"
        result_kind = kind
    elif op == "series":
        # nothing is computed: the figures in time order, the latest standing as the result
        raw = nums[-1]
        formula = "; ".join(f"{o.period or o.entity}: {x}" for o, x in zip(operands, w, strict=False))
        result_kind = kind
        decimals = _in_scale(operands[-1], scale)[1]
    elif op in ("max", "min", "rank"):
        desc = (op == "max") or (op == "rank" and order != "asc")
        ranked = sorted(operands, key=lambda o: o.value, reverse=desc)
        ranking = tuple(ranked[:n] if (op == "rank" and n) else ranked)
        raw = ranking[0].value / scale
        by = {id(o): x for o, x in zip(operands, w, strict=False)}
        sep = " > " if desc else " < "
        formula = f"{op}({', '.join(w)})" if op != "rank" else sep.join(by[id(o)] for o in ranked)
        result_kind = kind
        decimals = _in_scale(ranking[0], scale)[1]
    else:  # count
        kept = operands
        if condition is not None:
            cmp, threshold = condition
            kept = [o for o in operands if _meets(o.value, cmp, threshold)]
        raw = float(len(kept))
        formula = (
            f"count({', '.join(w)}) = {len(kept)}"
            if condition is None
            else f"count of {', '.join(w)} {condition[0]} {_fmt(condition[1] / scale, decimals)} = {len(kept)}"
        )
        result_kind = "count"

    value_in_scale = round(raw, decimals)
    if value_in_scale == 0:
        value_in_scale = 0.0
    if result_kind in ("percent", "ratio", "count", "points"):
        value = value_in_scale
        out_scale = 1.0
    else:
        value = value_in_scale * scale
        out_scale = scale
    display = _display(value_in_scale, decimals, result_kind, every, scale)
    computed = Computed(
        op=op,
        value=value,
        display=display,
        formula=formula,
        text="",
        operands=tuple(every),
        decimals=decimals,
        result_kind=result_kind,
        scale=out_scale,
        params=params,
        notes=notes,
        ranking=ranking,
    )
    computed.text = _sentence(computed, operands, subject, locals().get("params_years"))
    return computed


def _meets(value: float, cmp: str, threshold: float) -> bool:
    return {">": value > threshold, ">=": value >= threshold, "<": value < threshold, "<=": value <= threshold}.get(
        cmp, False
    )


def _paren(written: str) -> str:
    return f"({written})" if written.startswith(MINUS) else written


def _display(number: float, decimals: int, result_kind: str, operands: list[Operand], scale: float) -> str:
    if result_kind == "percent":
        return f"{_fmt(number, decimals)}%"
    if result_kind == "points":
        return f"{_fmt(number, decimals)} percentage points"
    if result_kind == "ratio":
        return f"{_fmt(number, decimals)} times"
    if result_kind == "count":
        return _fmt(number, 0)
    currency = next((o.currency for o in operands if o.currency), "")
    return _with_units(_fmt(number, decimals), currency, scale)


# --- the one-line answer ---------------------------------------------------------------------


def _cite(o: Operand) -> str:
    return f" [{o.citation}]" if o.citation is not None else ""


def _shown(o: Operand) -> str:
    return f"{o.display}{_cite(o)}"


def describe(measure: str, entity: str = "", label: str = "") -> str:
    """A readable subject from a column (or its sidecar ``label``, as written) and a row label:
    "total trade for Mexico", "US imports from China"."""
    if label and not label.split()[0].isupper():  # a sidecar label in sentence case: "Total trade" mid-sentence
        label = label[:1].lower() + label[1:]
    words = label or re.sub(r"\bus\b", "US", norm_label(measure))  # "us_exports_…" reads "US exports"
    return " for ".join(p for p in (words, entity) if p)


def _subject(subject: str, operands: list[Operand], over_entities: bool) -> str:
    if subject:
        return subject
    measures = {norm_label(o.measure) for o in operands if o.measure}
    labels = {o.measure_label for o in operands if o.measure}
    entities = {o.entity for o in operands if o.entity}
    measure = next(iter(measures)) if len(measures) == 1 else ""
    label = next(iter(labels)) if measure and len(labels) == 1 else ""
    entity = next(iter(entities)) if len(entities) == 1 and not over_entities else ""
    return describe(measure, entity, label) or "the figure"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name(o: Operand, operands: list[Operand]) -> str:
    """What tells this operand apart from the others: its row, its period, or both."""
    entities = {o.entity for o in operands if o.entity}
    periods = {o.period for o in operands if o.period}
    parts = []
    if len(entities) > 1 and o.entity:
        parts.append(o.entity)
    if len(periods) > 1 and o.period:
        parts.append(o.period)
    return " in ".join(parts) if parts else (o.entity or o.period or o.display)


def _sentence(c: Computed, operands: list[Operand], subject: str, years: float | None) -> str:
    op = c.op
    f = c.formula
    entities = {o.entity for o in operands if o.entity}
    subj = _subject(subject, operands, over_entities=len(entities) > 1)
    if op in ("change", "pct_change", "cagr"):
        a, b = operands[0], operands[1]
        span = f" from {a.period} to {b.period}" if a.period and b.period else ""
        rising = c.value > 0
        if op == "cagr":
            yrs = _fmt(years or 0, 0 if years and years == int(years) else 2)
            return (
                f"{_cap(subj)} grew at a compound annual rate of {c.display}{span} ({yrs} years), "
                f"from {_shown(a)} to {_shown(b)}: {f}."
            )
        verb = ("grew" if op == "pct_change" else "rose") if rising else ("fell" if c.value < 0 else "did not change")
        size = c.display.lstrip(MINUS)
        amount = "" if c.value == 0 else (f" {size}" if op == "pct_change" else f" by {size}")
        return f"{_cap(subj)} {verb}{amount}{span}, from {_shown(a)} to {_shown(b)}: {f}."
    if op == "difference":
        a, b = operands
        return (
            f"The difference in {subj} between {_name(a, operands)} ({_shown(a)}) and "
            f"{_name(b, operands)} ({_shown(b)}) is {c.display}: {f}."
        )
    if op == "ratio":
        a, b = operands
        return f"{_cap(_name(a, operands))} ({_shown(a)}) is {c.display} {_name(b, operands)} ({_shown(b)}): {f}."
    if op == "share":
        total = c.params.get("total")
        parts = " and ".join(f"{_name(o, operands)} ({_shown(o)})" for o in (operands if total else operands[:1]))
        period = next((o.period for o in operands if o.period), "")
        rows = f"{len(operands)} rows" + (f" for {period}" if period else "")
        whole = f"{_name(total, [total])} ({_shown(total)})" if total is not None else f"the sum of the {rows}"
        return f"{_cap(parts)} {'was' if len(operands) == 1 or not total else 'were'} {c.display} of {whole}: {f}."
    listed = ", ".join(f"{_name(o, operands)} {_shown(o)}" for o in operands)
    periods = {o.period for o in operands if o.period}
    when = f" in {next(iter(periods))}" if len(periods) == 1 and len(entities) > 1 else ""
    if op == "sum":
        return f"Combined, {subj}{when} was {c.display} ({listed}): {f}."
    if op == "average":
        return f"The average {subj} was {c.display} ({listed}): {f}."
    if op in ("max", "min"):
        top = c.ranking[0]
        word = "highest" if op == "max" else "lowest"
        return (
            f"{_cap(_name(top, operands))} had the {word} {subj}{when}, {_shown(top)}, "
            f"among the {len(operands)} compared: {f}."
        )
    if op == "series":
        return f"{_cap(subj)}{when}: {listed}."  # "US exports in 2023: Mexico …, Canada …"
    if op == "rank":
        word = "Top" if c.params.get("order", "desc") != "asc" else "Bottom"
        items = "; ".join(f"{i}. {_name(o, operands)} {_shown(o)}" for i, o in enumerate(c.ranking, 1))
        return f"{word} {len(c.ranking)} by {subj}{when} among the {len(operands)} compared: {items}."
    cond = c.params.get("condition")
    scale = max((o.scale for o in operands), default=1.0)  # the threshold as the operands are written
    currency = next((o.currency for o in operands if o.currency), "")
    limit = _with_units(_fmt(cond[1] / scale, 0), currency, scale) if cond else ""
    what = f" with {subj} {cond[0]} {limit}" if cond else ""
    return f"{c.display} of the {len(operands)} figures compared{what}: {f}."


def with_citation(op: Operand, marker: int | None) -> Operand:
    """The operand numbered with the answer's citation marker."""
    return replace(op, citation=marker)
