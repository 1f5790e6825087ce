"""Figures: find amounts, percentages and counts in text, normalise them, and check an answer's
figures against the passages its citations point to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import MONTH_ABBREVIATIONS, MONTHS, YEAR

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mm": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "thousands": 1e3,
    "trillions": 1e12,
}
_MONTHS = "|".join(m.lower() for m in MONTHS + MONTH_ABBREVIATIONS)
_FIGURE = re.compile(
    r"(?<![\w.$])"
    r"(?P<cur>(?:US\$|U\.S\.\s?\$|USD\s?|MXN\s?|MX\$|CAD\s?|C\$|CA\$|EUR\s?|€|£|\$)\s?)?"
    r"(?P<sign>[-−–])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<pct>%|percent\b|per\s?cent\b))?"
    r"(?:\s?(?P<scale>trillions?|billions?|millions?|thousands?|bn|tn|mn|mm|[kKmMbBtT])(?![\w]))?"
    r"(?:\s(?P<cur2>(?:US\s)?dollars|USD|pesos|MXN|CAD)\b)?",
)
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:article|section|chapter|rule|annex|no\.|number|hs|hts|heading|subheading|§|q|phase|level|tier|"
    r"step|page|pp?\.|figure|table|paragraph|item|title)\s*$",
    re.I,
)
_MONTH_NEAR = re.compile(rf"^\s*(?:{_MONTHS})\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)


@dataclass(frozen=True)
class FoundFigure:
    text: str
    start: int
    end: int
    value: float  # scale applied
    number: float  # as written, before the scale
    decimals: int
    kind: str  # currency | percent | number
    has_scale: bool
    currency: str = ""  # USD, MXN, CAD, EUR, GBP; "" when unstated or ambiguous (a bare "$")


_CURRENCIES = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "USDOLLARS": "USD",
    "MXN": "MXN",
    "MX$": "MXN",
    "PESOS": "MXN",
    "CAD": "CAD",
    "C$": "CAD",
    "CA$": "CAD",
    "EUR": "EUR",
    "€": "EUR",
    "£": "GBP",
}


def _currency_code(written: str | None) -> str:
    return _CURRENCIES.get(re.sub(r"\s", "", written or "").upper(), "")


def find_figures(text: str) -> list[FoundFigure]:
    found: list[FoundFigure] = []
    for m in _FIGURE.finditer(text):
        num = m.group("num")
        cur = m.group("cur") or m.group("cur2")
        pct = m.group("pct")
        scale_word = m.group("scale")
        # A single letter scale only counts right after a currency amount ("$4.7B").
        if scale_word and len(scale_word) == 1 and not cur:
            scale_word = None
        before = text[max(0, m.start() - 14) : m.start()]
        after = text[m.end() : m.end() + 12]
        plain = not (cur or pct or scale_word)
        digits = num.replace(",", "")
        if plain:
            if YEAR.fullmatch(digits):
                continue  # a year, not a figure
            if _NOT_A_FIGURE_BEFORE.search(before):
                continue
            if "." not in digits and int(digits) <= 31 and (_MONTH_NEAR.match(after) or _MONTH_BEFORE.search(before)):
                continue  # a day of the month
            if text[m.end() : m.end() + 1].isalpha():
                continue
            if before.endswith("[") and after.startswith("]"):
                continue  # a citation marker
            if re.search(r"[-/]$", before) or re.match(r"^[-/]\d", after):
                continue  # part of a date or range code like 2022-08 or 10/2
        end = m.end()
        if not scale_word and not pct and not m.group("cur2"):
            end = m.start("num") + len(num)
        number = float(digits)
        if m.group("sign"):
            number = -number
        value = number * (SCALES.get(scale_word.lower(), 1.0) if scale_word else 1.0)
        kind = "percent" if pct else "currency" if cur else "number"
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        start = m.start("cur") if m.group("cur") else m.start("sign") if m.group("sign") else m.start("num")
        found.append(
            FoundFigure(
                text=text[start:end].strip(),
                start=start,
                end=end,
                value=value,
                number=number,
                decimals=decimals,
                kind=kind,
                has_scale=bool(scale_word),
                currency=_currency_code(m.group("cur") or m.group("cur2")),
            )
        )
    return found


def parse_figure(query: str) -> FoundFigure | None:
    """The figure a user typed ("US$70.04 billion", "61%", "318,400"), or None."""
    found = find_figures(query.strip())
    if not found:
        digits = query.strip().replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", digits):  # a bare year-like number is still a lookup
            n = float(digits)
            return FoundFigure(query.strip(), 0, len(query), n, n, 0, "number", False)
        return None
    return found[0]


_SCALE_CHOICES = (1.0, 1e3, 1e6, 1e9, 1e12)


def same_figure(claim: FoundFigure, evidence: FoundFigure) -> bool:
    """Does ``evidence`` state ``claim``? Equal after normalising, or equal at the claim's
    precision ("US$798 billion" against "797,958 million"); a bare number in a table row may
    carry its scale in the column name, so any scale is tried for it."""
    if (claim.kind == "percent") != (evidence.kind == "percent"):
        return False
    if claim.currency and evidence.currency and claim.currency != evidence.currency:
        return False  # 6,500 million pesos does not support US$6.5 billion
    if evidence.has_scale or claim.kind == "percent":
        candidates = [evidence.value]
    else:
        candidates = [evidence.number * s for s in _SCALE_CHOICES]
    if not claim.has_scale and not evidence.has_scale:
        candidates = [evidence.number]
    unit = 10 ** (-claim.decimals)
    claim_scale = claim.value / claim.number if claim.number else 1.0
    for value in candidates:
        if abs(value - claim.value) <= 1e-9 * max(1.0, abs(value)):
            return True
        if claim_scale and claim.number:
            at_claim = value / claim_scale
            if abs(round(at_claim / unit) * unit - claim.number) <= unit * 1e-6 and abs(at_claim - claim.number) < unit:
                return True
    return False


def supported(claim: FoundFigure, passage: str) -> bool:
    return any(same_figure(claim, ev) for ev in find_figures(passage))


def figure_spans(passage: str, claims: list[FoundFigure]) -> list[tuple[int, int]]:
    """Spans in ``passage`` of the figures that support any of ``claims``."""
    spans = []
    for ev in find_figures(passage):
        if any(same_figure(c, ev) for c in claims):
            spans.append((ev.start, ev.end))
    return spans
