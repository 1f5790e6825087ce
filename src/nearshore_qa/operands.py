"""Operands for computed answers: table cells and figures in cited sentences, the conflicts
between them, and ``computation_for`` — the one entry point an answerer calls.

Evidence is what an answerer already holds: a numbered passage (a sentence, a chunk) or a table
row with its columns. ``Evidence.from_hit`` adapts a retrieved ``Hit``; table rows from a cell
look-up can be passed the same way (``Evidence(marker, text, columns=…, values=…)``).

A figure in a sentence gets its period from the year written right after it ("US$614.50 billion
in 2019"), from a relative phrase ("247 a year earlier": the sentence's year minus one), or else
from a year of the sentence that no other figure of its kind has claimed.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import Stemmer

from .compute import Computed, Operand, compute, norm_label, period_key
from .errors import ComputeRefusal
from .figures import FoundFigure, find_figures
from .intent import Intent, _periods, parse_intent
from .tables import caption_period, month_or_quarter
from .text import QUARTER_ORDINALS

logger = logging.getLogger(__name__)

_YEAR = re.compile(r"(?<![\d$.,])((?:19|20)\d\d)(?!\d|,\d|\.\d)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES_PART_OF = re.compile(
    rf"(?:\b{_MONTH}\s*(?:[-–—]|to|through|until)\s*{_MONTH}|\b(?:first|second|third|fourth)\s+(?:quarter|half)\s+of"
    rf"|\b[HQ][1-4]|\b{_MONTH})\s*(?:of\s+)?$",
    re.I,
)
_RELATIVE = re.compile(
    r"^[\s,]*(?:[a-z][\w\-]*\s+){0,2}?(?:(?:at the end of |in |by )?"
    r"(?:a|one|the) (?:year|twelve months) (?:earlier|before|ago|prior)|"
    r"(?:in )?the (?:previous|prior|preceding) year|(?:in )?the year before|last year|"
    r"(?P<k>two|three|four|five|\d+) years (?:earlier|before|ago|prior))",
    re.I,
)
# number words as questions and reports write small counts ("two years earlier", "which of the four")
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_AFTER_YEAR = re.compile(
    rf"^[\s,]*(?:[a-z][\w\-]*\s+){{0,3}}?"
    rf"(?:in|for|during|at the end of|by|as of|in calendar|in fiscal|in FY|FY)?\s*"
    rf"(?:(?:the )?(?P<quarter>first|second|third|fourth) quarter of |(?P<month>{_MONTH})\s+)?"
    rf"(?:FY\s?)?(?P<year>(?:19|20)\d\d)(?!\d)",
    re.I,
)
_AFTER_ENTITY = re.compile(
    r"^[\s,]*(?:for|with|to|at|from|in|through|by)\s+(?:the\s+)?"
    r"(?P<name>[A-ZÀ-Ý][\wÀ-ÿ.&'’\-]*(?:\s+(?:de\s+|del\s+)?[A-ZÀ-Ý][\wÀ-ÿ.&'’\-]*)*)"
)
_TOTAL_ROWS = re.compile(
    r"^\s*(?:total|all|world|all (?:modes|partners|countries|ports|states)|grand total|sum)\b"
    r"|\((?:[^)]*\s)?total\b",  # "Mexico (national total of 32 states)"
    re.I,
)
_PERIOD_COLUMNS = ("year", "fiscal_year", "period", "date", "fy")


@dataclass(frozen=True)
class Evidence:
    """One numbered piece of evidence: a passage or a table row, with its provenance."""

    marker: int | None
    text: str
    doc_id: str = ""
    chunk_id: str = ""
    columns: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    row: int | None = None
    table: str = ""
    units: str = ""  # the table's units note ("Billions of U.S. dollars …")
    period: str = ""  # the document's period note
    published: str = ""
    publisher: str = ""
    title: str = ""
    labels: tuple[tuple[str, str], ...] = ()  # (column, label) from the table's sidecar
    caption: str = ""  # a document table's caption ("US imports … by quarter, US$ million")

    @property
    def is_row(self) -> bool:
        return bool(self.columns) and len(self.columns) == len(self.values)

    def stated(self, fig: Any, sentence: str, period: Any, entity: str) -> Operand:
        """A figure one of this passage's sentences states, as an operand cited to it."""
        return Operand.from_figure(
            fig,
            period=period,
            entity=entity,
            citation=self.marker,
            doc_id=self.doc_id,
            chunk_id=self.chunk_id,
            source_text=sentence,
            published=self.published,
            publisher=self.publisher,
        )

    @classmethod
    def from_hit(cls, hit: Any, marker: int | None) -> Evidence:
        """The hit as evidence; its ``publisher`` is whose data it reports (a conflict names the
        agencies that disagree, not the writer of the summaries that quote them)."""
        c, d = hit.chunk, hit.doc
        return cls(
            marker=marker,
            text=c.text,
            doc_id=c.doc_id,
            chunk_id=c.chunk_id,
            columns=tuple(c.columns) if c.row is not None else (),
            values=tuple(c.values) if c.row is not None else (),
            row=c.row,
            table=c.table,
            units=d.units or getattr(c, "caption", "") if c.row is not None else d.units,
            period=d.period,
            published=data_vintage_of(d),
            publisher=d.whose_data,
            title=d.title,
            labels=tuple((col, label) for col, label, *_ in getattr(d, "columns", ()) if label),
            caption=getattr(c, "caption", "") if c.row is not None else "",
        )


def evidence_from_hits(hits: Sequence[Any], first_marker: int = 1) -> list[Evidence]:
    """Hits numbered in order, as the answerer's citation markers are."""
    return [Evidence.from_hit(h, first_marker + i) for i, h in enumerate(hits)]


@lru_cache(maxsize=65536)  # row labels and column names recur across every question (and table scan)
def fold(text: str) -> str:
    """Lower case, no accents, dashes and underscores as spaces: "Nuevo León" ~ "nuevo leon"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[_\-–—/.,'’()]+", " ", text).split())


# --- table rows ------------------------------------------------------------------------------


def _column_units(column: str, units_note: str) -> tuple[str, str, float]:
    """(kind, currency, scale) of a numeric column, from its name or else the table's units note."""
    name = column.lower()
    if re.search(r"(?:^|_)(?:pct|percent|percentage|share|rate)(?:_|$)", name):
        return "percent", "", 1.0
    currency = (
        "USD"
        if re.search(r"(?:^|_)(?:usd|dollars?)(?:_|$)", name)
        else "MXN"
        if re.search(r"(?:^|_)(?:mxn|pesos?)(?:_|$)", name)
        else ""
    )
    scale = 1.0
    for word, s in (("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("trillions", 1e12)):
        if re.search(rf"(?:^|_){word[:-1]}s?(?:_|$)", name):
            scale = s
    note = units_note.lower()
    if currency and scale == 1.0:
        for word, s in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)):
            if word in note:
                scale = s
    if (
        not currency
        and scale == 1.0
        and ("dollar" in note or "usd" in note or "us$" in note)
        and not re.search(r"count|number|trucks|railcars|containers|rank", name)
    ):
        currency = "USD"
        for word, s in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)):
            if word in note:
                scale = s
    return ("currency" if currency else "number"), currency, scale


def _cell_number(cell: str) -> tuple[float, int] | None:
    text = re.sub(r"US\$|[$€£¥\s]", "", cell.strip().replace("−", "-").replace("–", "-"))
    neg = text.startswith("(") and text.rstrip("%").endswith(")")  # accounting negatives: "(2,129)", "$(3.27)", "(3)%"
    text = text.strip("()%").replace(",", "")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return None
    number = float(text)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return (-number if neg else number), decimals


def _is_period_column(column: str) -> bool:
    return fold(column).replace(" ", "_") in _PERIOD_COLUMNS or fold(column) in ("month", "quarter")


def row_period(ev: Evidence) -> str:
    cells = {fold(c).replace(" ", "_"): v for c, v in zip(ev.columns, ev.values, strict=False)}
    year = next((cells[c] for c in _PERIOD_COLUMNS if cells.get(c)), "")
    month = cells.get("month") or cells.get("quarter") or ""
    if not year and re.search(r"\b(?:19|20)\d\d\b", month):
        return month.strip()  # "January 2020": a month row of a table whose caption gives the year
    return f"{month} {year}".strip() if year else ""


def row_entity(ev: Evidence) -> str:
    """The row's label: its first text cell that is not a period ("Mexico", "Laredo", "HS 85")."""
    for c, v in zip(ev.columns, ev.values, strict=False):
        if _is_period_column(c) or not v.strip():
            continue
        if _cell_number(v) is None and v.strip().lower() not in ("yes", "no", "true", "false"):
            return v.strip()
    return ""


def header_period(column: str) -> str:
    """The period a column header names ("2019", "FY 2019", "December 31, 2019"), or "" when it
    names none or two ("change_2019_2024")."""
    found = _periods(column)
    if len(found) != 1 or _is_period_column(column):
        return ""
    rest = _PERIOD_WORDS.sub(" ", column)
    return found[0][0] if not re.search(r"[A-Za-z]{3,}", rest) else ""


_PERIOD_WORDS = re.compile(
    rf"\b(?:fy|fiscal|year|years|ended|ending|as of|at|{_MONTH}|\d{{1,2}}|\d{{4}}|restated|"
    r"actual|reported|weeks?|months?|quarter|q[1-4])\b|[^\w]",
    re.I,
)


def operands_from_row(ev: Evidence) -> list[Operand]:
    """Every numeric cell of a table row as an operand (rank and period columns excluded).

    A long table has a period column ("year": 2024) and a column per measure; a wide table has a
    column per period ("2019", "2018"), and then the row label is what is measured."""
    return list(_row_operands(ev)) if ev.is_row else []


@lru_cache(maxsize=16384)  # a table's rows are read again for every question that scans it
def _row_operands(ev: Evidence) -> tuple[Operand, ...]:
    period, entity = row_period(ev), row_entity(ev)
    # the row's month or quarter when it names no year ("March" under columns "2018", "2019")
    row_part = next((v for c, v in zip(ev.columns, ev.values, strict=False) if fold(c) in ("month", "quarter")), "")
    row_part = row_part or (entity if month_or_quarter(entity) else "")
    if not period and row_part and ev.caption:
        # "Q1" in a table captioned "… by quarter, 2011": that quarter of the caption's year
        dated = caption_period(ev.caption)
        period = _part_of_year(row_part, str(dated.year)) if dated and not dated.month else ""
    out = []
    for column, cell in zip(ev.columns, ev.values, strict=False):
        if _is_period_column(column) or re.search(r"(?:^|_)(?:rank|id|code)(?:_|$)", column.lower()):
            continue
        parsed = _cell_number(cell)
        if parsed is None:
            continue
        number, decimals = parsed
        in_header = header_period(column) or _part_of_year(column, period)
        measure = "" if in_header else column
        if not in_header:
            # "Imports 2011": a measure of one period; the column names both
            measure, in_header = _measure_and_period(column)
        if in_header and row_part and _part_of_year(row_part, in_header):
            in_header = _part_of_year(row_part, in_header)  # a month row under a year column
        kind, currency, scale = _column_units(column, ev.units)
        if cell.strip().endswith("%"):  # a cell written as a percentage is one, whatever its column says
            kind, currency, scale = "percent", "", 1.0
        unit = "" if kind != "number" or in_header else norm_label(column)
        out.append(
            Operand(
                value=number * scale,
                text=cell.strip(),
                kind=kind,
                currency=currency,
                unit=unit,
                scale=scale,
                decimals=decimals,
                period=in_header or period,
                entity=entity,
                measure=measure,
                measure_label=dict(ev.labels).get(column, "") if measure == column else "",
                citation=ev.marker,
                doc_id=ev.doc_id,
                chunk_id=ev.chunk_id,
                row=ev.row,
                column=column,
                source_text=ev.text,
                published=ev.published,
                publisher=ev.publisher,
            )
        )
    return tuple(out)


_PART_OF_YEAR = re.compile(rf"\s*(?:Q([1-4])|({_MONTH}))\s*", re.I)


def _measure_and_period(column: str) -> tuple[str, str]:
    """("Imports", "2011") for a column "Imports 2011" or "2011 imports"; (column, "") when the
    column names no single year or nothing beside it."""
    found = _periods(column)
    if len(found) != 1 or not re.fullmatch(r"(?:19|20)\d\d", found[0][0]):
        return column, ""
    rest = " ".join(re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ", column).split()).strip(" ,;:-–—()")
    if not re.search(r"[A-Za-z]{3,}", rest) or re.search(r"\d", rest):
        return column, ""
    return rest, found[0][0]


def _part_of_year(column: str, period: str) -> str:
    """A column "Q1" or "March" of a row dated by its year ("2019") stands for "Q1 2019" or
    "March 2019": a wide table of quarters or months, one row per year."""
    if not re.fullmatch(r"(?:19|20)\d\d", period):
        return ""
    m = _PART_OF_YEAR.fullmatch(column)
    if not m:
        return ""
    return f"Q{m.group(1)} {period}" if m.group(1) else f"{m.group(2).rstrip('.').title()} {period}"


# --- figures in sentences --------------------------------------------------------------------


def sentences_of(text: str) -> list[str]:
    try:
        from .chunking import split_sentences

        return [text[a:b] for a, b in split_sentences(text)] or [text]
    except Exception:  # pragma: no cover - chunking is part of the package
        logger.exception("sentence splitting failed; using the passage whole")
        return [text]


def sentence_years(sentence: str) -> list[tuple[int, str]]:
    """The periods a sentence's undated figures may take: its years, a single month or quarter
    before one as its label ("March 2024", "Q1 2024"). A year the sentence also dates only in
    part ("January–June 2024", "the first half of 2024") is left out: it gives no figure the whole year."""
    out: list[tuple[int, str]] = []
    partial: set[str] = set()
    for m in _YEAR.finditer(sentence):
        part = _DATES_PART_OF.search(sentence[: m.start()])
        if part is None:
            out.append((m.start(), m.group(1)))
            continue
        words = part.group(0).lower()
        quarter = re.search(r"\b(?:q([1-4])|(first|second|third|fourth)\s+quarter)", words)
        month = re.fullmatch(rf"(?i:{_MONTH})", part.group(0).strip())
        if quarter:
            out.append((m.start(), f"Q{quarter.group(1) or QUARTER_ORDINALS[quarter.group(2)]} {m.group(1)}"))
        elif month:
            out.append((m.start(), f"{month.group(0).title()} {m.group(1)}"))
        else:
            partial.add(m.group(1))
    return [(pos, label) for pos, label in out if label not in partial]


# "in the same month a year earlier", "the same quarter of the previous year": the month or quarter
# named before it, a year back
_SAME_A_YEAR_EARLIER = re.compile(
    r"\bthe same (month|quarter)(?: of the (?:previous|prior|preceding) year| (?:a|one) year (?:earlier|before))", re.I
)
# "a year earlier", "the previous year": the year named before it, less one
_A_YEAR_EARLIER = re.compile(
    r"\b(?:(?:a|one) year (?:earlier|before)|the (?:previous|prior|preceding) year|the year before)\b", re.I
)
# "in the final month of the period", "the last year covered": an end of the span the document's
# title gives ("…, 2015–2016")
_END_OF_SPAN = re.compile(
    r"\bthe (first|final|last|opening|closing) (month|quarter|year)"
    r"(?: of the (?:period|series|years? covered|span|data)| covered)\b",
    re.I,
)
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
# "… in two quarters of 2005: minus US$17.4 million in the third and …": a quarter said by its
# ordinal alone, after quarters of a year were named
_QUARTERS_OF = re.compile(r"\bquarters?\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
_ELIDED_QUARTER = re.compile(
    r"\b(?:in|for|during)\s+(the (first|second|third|fourth))(?=\s*(?:[,.;:)]|and\b|or\b|$))", re.I
)


# "… amounting to US$261,518 (2018: US$283,752)": an annual report's comparative in brackets; the
# figure before it is the following year's, the report's own
_PRIOR_YEAR_NOTE = re.compile(r"(?<=\s)\(((?:19|20)\d\d):[^()]*\d[^()]*\)")


def with_dates_resolved(sentence: str, title: str = "") -> str:
    """``sentence`` with each relative phrase of time replaced by the period it stands for, for the
    checks of which period a sentence and its figures speak of (its quoted wording is never this):
    "… in June 2016 …, down from US$27,352.2 million in the same month a year earlier" reads "… in
    June 2015", "in the final month of the period" of a note titled "…, 2015–2016" reads "in
    December 2016". Unchanged when it has none, or when what it counts from is not written."""
    found: list[tuple[int, int, str]] = []
    dated = sentence_years(sentence)

    def before(at: int, kind: str) -> str:
        """The last period of ``kind`` ("month", "quarter", "year") written before ``at``."""
        for pos, label in reversed(dated):
            is_quarter, is_month = label[0] == "Q", not label[0].isdigit() and label[0] != "Q"
            if pos < at and (kind == "year" or (is_quarter if kind == "quarter" else is_month)):
                return label[-4:] if kind == "year" else label
        return ""

    for m in _SAME_A_YEAR_EARLIER.finditer(sentence):
        base = before(m.start(), m.group(1).lower())
        if base:
            found.append((m.start(), m.end(), f"{base[:-4]}{int(base[-4:]) - 1}"))
    for m in _A_YEAR_EARLIER.finditer(sentence):
        base = before(m.start(), "year")
        if base and not any(a <= m.start() < b for a, b, _ in found):  # not "the same month a year earlier"
            found.append((m.start(), m.end(), str(int(base) - 1)))
    quarters = list(_QUARTERS_OF.finditer(sentence))
    for m in _ELIDED_QUARTER.finditer(sentence) if quarters else ():
        year = next((q.group(1) for q in reversed(quarters) if q.end() <= m.start()), "")
        if year:
            found.append((m.start(1), m.end(1), f"Q{QUARTER_ORDINALS[m.group(2).lower()]} {year}"))
    notes = list(_PRIOR_YEAR_NOTE.finditer(sentence))
    if notes and not re.search(r"\b(?:19|20)\d\d\b", _PRIOR_YEAR_NOTE.sub(" ", sentence)):
        found += [(m.start(), m.start(), f"{int(m.group(1)) + 1} ") for m in notes]
    span = _SPAN.search(title)
    if span:
        for m in _END_OF_SPAN.finditer(sentence):
            opening = m.group(1).lower() in ("first", "opening")
            year = span.group(1) if opening else span.group(2)
            label = {
                "year": year,
                "quarter": f"Q{1 if opening else 4} {year}",
                "month": f"{'January' if opening else 'December'} {year}",
            }[m.group(2).lower()]
            found.append((m.start(), m.end(), label))
    if span and not dated and not found:
        # "Hidalgo … stayed second, growing from 546,259 to 647,157": with no year of its own, a
        # change from one figure to another runs over the span the note covers
        figs = find_figures(sentence)
        for a, b in zip(figs, figs[1:], strict=False):
            if re.search(r"\bfrom\s+$", sentence[: a.start]) and re.fullmatch(r"\s+to\s+", sentence[a.end : b.start]):
                first, last = span.group(1), span.group(2)
                return f"{sentence[: a.end]} in {first}{sentence[a.end : b.end]} in {last}{sentence[b.end :]}"
    for start, end, label in sorted(found, reverse=True):
        said_in = re.search(r"\b(?:in|for|during)\s+$", sentence[:start], re.I)
        sentence = f"{sentence[:start]}{'' if said_in else 'in '}{label}{sentence[end:]}"
    return sentence


def figure_periods(sentence: str) -> list[tuple[FoundFigure, str, str]]:
    """Each figure of ``sentence`` with its period and, when written after it, its row
    ("US$64.94 billion for Canada")."""
    figs = find_figures(sentence)
    years = sentence_years(sentence)
    assigned: list[str] = []
    relative: list[tuple[int, int]] = []
    for i, f in enumerate(figs):
        nxt = figs[i + 1].start if i + 1 < len(figs) else len(sentence)
        after = sentence[f.end : nxt]
        m = _AFTER_YEAR.match(after)
        r = _RELATIVE.match(after)
        inside = _paren_period(sentence, figs, assigned, i)
        if inside:
            assigned.append(inside)  # "US$29.70 billion in 2017 (US$29,695.0 million)": restated
        elif m and m.start("year") <= 40:
            if m.group("quarter"):  # "… in the first quarter of 2024" is Q1 2024, not the year
                assigned.append(f"Q{QUARTER_ORDINALS[m.group('quarter').lower()]} {m.group('year')}")
            elif m.group("month"):
                assigned.append(f"{m.group('month').title()} {m.group('year')}")
            else:
                assigned.append(m.group("year"))
        elif r:
            assigned.append("")
            k = r.group("k") or "1"
            relative.append((i, int(k) if k.isdigit() else COUNT_WORDS.get(k.lower(), 1)))
        else:
            assigned.append("")
    # relative phrases count back from the sentence's other dated figure, or its first year
    for i, k in relative:
        base = next((assigned[j] for j in range(len(figs)) if assigned[j] and j != i), "")
        dated = re.search(r"(?:19|20)\d\d", base)
        base_year = dated.group(0) if dated else (years[0][1][-4:] if years else "")  # "Q3 2014": its year
        assigned[i] = str(int(base_year) - k) if base_year else ""
    # "between 2022 and 2023, moving from X to Y": undated figures after as many unclaimed years
    # take them in the order written
    for pct in (False, True):
        undated = [i for i, f in enumerate(figs) if not assigned[i] and (f.kind == "percent") == pct]
        claimed = {assigned[j][-4:] for j, g in enumerate(figs) if assigned[j] and (g.kind == "percent") == pct}
        free = [(pos, y) for pos, y in years if y not in claimed]
        if (
            len(undated) > 1
            and len(free) == len(undated)
            and len({y for _, y in free}) == len(free)
            and all(pos < figs[undated[0]].start for pos, _ in free)
        ):
            for i, (_, y) in zip(undated, free, strict=True):
                assigned[i] = y
    _respective_years(sentence, figs, years, assigned)
    # a figure with no year of its own takes a year of the sentence no figure of its kind claimed
    for i, f in enumerate(figs):
        if assigned[i]:
            continue
        pct = f.kind == "percent"
        claimed = {assigned[j][-4:] for j, g in enumerate(figs) if assigned[j] and (g.kind == "percent") == pct}
        unclaimed = [y for pos, y in years if y not in claimed]
        before = [y for pos, y in years if y not in claimed and pos < f.start]
        if before:
            assigned[i] = before[-1]
        elif unclaimed:
            assigned[i] = unclaimed[0]
    for i in range(len(figs)):
        inside = _paren_period(sentence, figs, assigned, i)
        if inside:
            assigned[i] = inside
    out = []
    for i, f in enumerate(figs):
        nxt = figs[i + 1].start if i + 1 < len(figs) else len(sentence)
        after = sentence[f.end : nxt]
        after = _AFTER_YEAR.sub("", after, count=1) if _AFTER_YEAR.match(after) else after
        e = _AFTER_ENTITY.match(after)
        entity = e.group("name").strip() if e and not re.fullmatch(rf"{_MONTH}", e.group("name").split()[0]) else ""
        out.append((f, assigned[i], entity))
    return out


def _respective_years(
    sentence: str, figs: list[FoundFigure], years: list[tuple[int, str]], assigned: list[str]
) -> None:
    """ "In 2016 exports came to A and imports to B, against C and D in 2015": as many figures on
    each side of "against" / "compared with", of one kind, the year of the first side written
    before it and of the second after it: every figure of a side takes its side's year."""
    marker = _RESPECTIVE.search(sentence)
    if not marker:
        return
    pre = [i for i, f in enumerate(figs) if f.end <= marker.start()]
    post = [i for i, f in enumerate(figs) if f.start >= marker.end()]
    if len(pre) < 2 or len(pre) != len(post) or len({figs[i].kind for i in pre + post}) != 1:
        return
    pre_years = {y for pos, y in years if pos < figs[pre[0]].start}
    post_years = {y for pos, y in years if pos > figs[post[-1]].end}
    if len(pre_years) != 1 or len(post_years) != 1 or pre_years == post_years:
        return
    for side, (year,) in ((pre, pre_years), (post, post_years)):
        if all(not assigned[i] or assigned[i] == year for i in side):
            for i in side:
                assigned[i] = year


def _paren_period(sentence: str, figs: list[FoundFigure], assigned: list[str], i: int) -> str:
    """The period of the dated figure a parenthesis holding figure ``i`` explains, or ""."""
    before = sentence[: figs[i].start]
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:]:
        return ""
    earlier = [j for j in range(i) if figs[j].end <= opening]
    if not earlier or re.search(r"(?:19|20)\d\d", sentence[opening : figs[i].start]):
        return ""
    # "… more than the figure for 2023 (US$475.61 billion)": the year just before the bracket;
    # "US$29.70 billion in 2017 (US$29,695.0 million)" restates the figure before it, same year
    between = _YEAR.findall(sentence[figs[earlier[-1]].end : opening])
    return between[-1] if between else assigned[earlier[-1]]


def operands_from_sentences(
    sentences: Sequence[Evidence | tuple[str, int | None]], intent: Intent | None = None
) -> list[Operand]:
    """The figures in cited sentences as operands, with their periods; only those for the
    periods ``intent`` asks about when it names any (its implied start year included)."""
    wanted = set(_wanted_periods(intent)) if intent else set()
    out: list[Operand] = []
    for item in sentences:
        ev = item if isinstance(item, Evidence) else Evidence(marker=item[1], text=item[0])
        if ev.is_row:
            continue
        for sentence in sentences_of(ev.text):
            for fig, period, entity in figure_periods(sentence):
                if wanted and not _period_matches(period, wanted):
                    continue
                out.append(ev.stated(fig, sentence, period, entity))
    return out


def _wanted_periods(intent: Intent) -> list[str]:
    if intent.start and not intent.end:
        return []  # "since 2019": up to the latest period the evidence holds
    a, b = period_key(intent.start), period_key(intent.end)
    if intent.op in ("sum", "average", "max", "min", "rank", "count") and a and b and not a[1] and not b[1]:
        return [str(y) for y in range(a[0], b[0] + 1)]  # "from 2017 to 2019": every year of the range
    periods = list(intent.periods)
    if intent.implied_start and intent.end:
        earlier = year_earlier(intent.end)
        if earlier:
            periods.insert(0, earlier)
    return periods


def year_earlier(period: str) -> str:
    """The same period a year before: "2019" -> "2018", "Q1 2019" -> "Q1 2018", "March 2019" ->
    "March 2018" (a quarter or month is compared with itself, not with the whole year before)."""
    key = period_key(period)
    if key is None:
        return ""
    year = re.search(r"(?:19|20)\d\d", period)
    return period[: year.start()] + str(key[0] - 1) + period[year.end() :] if key[1] and year else str(key[0] - 1)


def _period_matches(period: str, wanted: set[str]) -> bool:
    if not period:
        return False
    if period in wanted:
        return True
    key = period_key(period)
    # "2024" asked, "October 2024" found: a month is not the year
    return key is not None and key[1] == 0 and any(period_key(w) == key for w in wanted)


# --- conflicts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """Two or more sources give different values for the same row, measure and period."""

    entity: str
    measure: str
    period: str
    operands: tuple[Operand, ...]

    @property
    def text(self) -> str:
        what = " ".join(
            p
            for p in (
                norm_label(self.measure),
                f"for {self.entity}" if self.entity else "",
                f"in {self.period}" if self.period else "",
            )
            if p
        )
        parts = []
        for o in self.operands:
            # a bare date reads "as of DATE"; a data vintage ("raw data downloaded 2026-03-21") as written
            as_of = f"as of {o.published}" if re.fullmatch(r"[\d-]+", o.published or "") else o.published
            source = ", ".join(p for p in (o.publisher, as_of) if p)
            cite = f" [{o.citation}]" if o.citation is not None else ""
            parts.append(f"{o.display}{cite}" + (f" ({source})" if source else ""))
        return f"Sources differ on {what or 'this figure'}: " + " against ".join(parts) + "."

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "measure": self.measure,
            "period": self.period,
            "text": self.text,
            "values": [
                {
                    "citation": o.citation,
                    "value": o.value,
                    "text": o.display,
                    "doc_id": o.doc_id or None,
                    "publisher": o.publisher or None,
                    "published": o.published or None,
                }
                for o in self.operands
            ],
        }


def _precision(o: Operand) -> float:
    return 10 ** (-o.decimals) * (o.scale if o.kind != "percent" else 1.0)


def differ(a: Operand, b: Operand) -> bool:
    """Different beyond rounding: more apart than half the coarser operand's last digit."""
    return abs(a.value - b.value) > 0.5 * max(_precision(a), _precision(b)) * (1 + 1e-9)


def find_conflicts(operands: Sequence[Operand]) -> list[Conflict]:
    """Operands with the same row, measure (units ignored: "…_usd_billions" ~ "…_usd_millions"),
    period and kind whose values differ beyond rounding. Operands with no row or no measure
    label are grouped only by period when every operand lacks both (the caller has already
    chosen figures for one row and measure, as ``computation_for`` does)."""
    groups: dict[tuple, list[Operand]] = {}
    for o in operands:
        if not o.period:
            continue
        key = (fold(o.entity), norm_label(o.measure), o.period, o.kind == "percent", o.currency or "")
        groups.setdefault(key, []).append(o)
    out = []
    for (_, _, period, _, _), group in groups.items():
        distinct: list[Operand] = []
        for o in group:
            if all(differ(o, d) for d in distinct):
                distinct.append(o)
        if len(distinct) > 1:
            out.append(
                Conflict(entity=group[0].entity, measure=group[0].measure, period=period, operands=tuple(distinct))
            )
    return out


# --- choosing operands for a question ---------------------------------------------------------

_STEM = Stemmer.Stemmer("english")


def _words(text: str) -> set[str]:
    """Stemmed words: "trading" meets "trade", "exports" meets "export"."""
    return set(_stemmed(text))


@lru_cache(maxsize=65536)
def _stemmed(text: str) -> frozenset[str]:
    # words only: "services?" at the end of a question is "services"
    return frozenset(_STEM.stemWord(w) for w in re.findall(r"\w+", fold(text)) if len(w) > 1)


_UNIT_WORDS = {
    _STEM.stemWord(w)
    for w in (
        "usd",
        "billion",
        "million",
        "thousand",
        "pct",
        "percent",
        "u",
        "dollar",
        "in",
        "of",
        "the",
        "by",
        "us",
        "per",
    )
}


# Words a question uses for a column's measure ("deficit" asks for the balance column).
_MEASURE_WORDS = {
    "deficit": "balance",
    "surplus": "balance",
    "gap": "balance",
    "sold": "export",
    "sell": "export",
    "shipped": "export",
    "bought": "import",
    "purchased": "import",
    "exported": "export",
    "imported": "import",
    "combined": "total",
    "two-way": "total",
    "investment": "fdi",
    "trucks": "truck",
}


@lru_cache(maxsize=4096)
def _column_score(column: str, question: str) -> float:
    cw = _words(column.replace("_", " ")) - _UNIT_WORDS
    if not cw:
        return 0.0
    qw = _words(question)
    qw |= {_STEM.stemWord(_MEASURE_WORDS[w]) for w in fold(question).split() if w in _MEASURE_WORDS}
    return len(cw & qw) / len(cw)


def _mentioned(label: str, question: str) -> bool:
    if not label:
        return False
    f, q = fold(label), f" {fold(question)} "
    if f" {f} " in q:
        return True
    singular = f.rstrip("s")
    return len(singular) > 2 and re.search(rf"\b{re.escape(singular)}s?\b", q) is not None


def _pick_column(rows: list[list[Operand]], question: str, intent: Intent) -> str | None:
    """The measure (a column label without its units) the question asks about, or None."""
    columns: dict[str, float] = {}
    for ops in rows:
        for o in ops:
            columns.setdefault(norm_label(o.measure or o.column), _column_score(o.measure or o.column, question))
    if intent.op not in ("share",):
        wants_pct = bool(re.search(r"\b(?:percent|percentage|share|rate|%)", question, re.I)) and intent.op not in (
            "pct_change",
            "cagr",
        )
        columns = {
            c: s
            for c, s in columns.items()
            if wants_pct or not re.search(r"(?:^|_)(?:pct|percent|share|change)(?:_|$)", c.lower())
        }
    else:
        columns = {c: s for c, s in columns.items() if not re.search(r"(?:^|_)(?:pct|percent|share)(?:_|$)", c.lower())}
    if not columns:
        return None
    best = max(columns.values())
    if best == 0:
        return None  # the question names none of the columns: nothing to compute on
    top = [c for c, s in columns.items() if s == best]
    if len(top) > 1:
        totals = [c for c in top if "total" in c.lower()]
        return totals[0] if len(totals) == 1 else None
    return top[0]


def _table_key(o: Operand) -> tuple[str, str]:
    return (o.doc_id, o.measure or o.column)


def _table_operands(question: str, intent: Intent, rows: list[Evidence]) -> tuple[Intent, list[Operand]] | None:
    """The operands of one table among ``rows``. A pool mixing tables (a CSV of partners by month
    beside a report's month x mode table) is read whole first, then table by table in the order
    retrieved: a column that one table names better must not hide the other's."""
    found = _one_table_operands(question, intent, rows)
    if found is not None:
        return found
    groups: dict[tuple[str, str], list[Evidence]] = {}
    for ev in rows:
        groups.setdefault((ev.doc_id, ev.table), []).append(ev)
    if len(groups) < 2:
        return None
    named = [e for e in intent.entities if fold(e) not in _HOME]
    for group in groups.values():
        if not all(_mentioned(e, _table_words(group)) for e in named):
            continue  # "imports from the UK": a table of China's trade is not read on its own
        found = _one_table_operands(question, intent, group)
        if found is not None:
            return found
    return None


def _table_words(rows: Sequence[Evidence]) -> str:
    """What a table's rows write: their document's title, caption, columns and cells."""
    return " ".join([rows[0].title, rows[0].caption, *(v for ev in rows for v in (*ev.columns, *ev.values))])


def unwritten_names(question: str, names: Sequence[str], written: str) -> list[str]:
    """The ``names`` of ``question`` that a table's ``written`` words never write: the US (the
    reporter of every trade figure) and a name after "the" ("the Company's": the reporter of a
    report) aside."""
    return [
        n
        for n in names
        if fold(n) not in _HOME
        and not re.search(rf"\bthe\s+{re.escape(n)}", question, re.I)
        and not _mentioned(n, written)
    ]


def part_stated(names: Sequence[str], label: str, passages: Sequence[str]) -> bool:
    """Does a sentence of ``passages`` state a figure of ``label`` (a table's row) for every one of
    ``names``, which the table never writes ("a $539 million decrease in Blizzard in-game net
    bookings" beside a row "In-game net bookings")? The table is then of the whole, the sentence
    of the part a question names."""
    label_words = _words(label)
    if not names or not label_words:
        return False
    for text in passages:
        for sentence in sentences_of(text):
            if (
                all(_mentioned(n, sentence) for n in names)
                and label_words <= _words(sentence)
                and find_figures(sentence)
            ):
                return True
    return False


def _one_table_operands(question: str, intent: Intent, rows: list[Evidence]) -> tuple[Intent, list[Operand]] | None:
    pairs = [(ev, ops) for ev in rows if (ops := operands_from_row(ev))]
    if not pairs:
        return None
    wide = [[o for o in ops if not o.measure and o.period] for _, ops in pairs]
    if any(wide):
        chosen = _series_operands(intent, [ops for ops in wide if ops]) or _wide_operands(
            question, intent, [ops for ops in wide if ops]
        )
        if chosen:
            return intent, chosen
        # a pool can mix a wide table (years as columns) with a long one (a year column): the
        # long table's rows may hold the operands the wide one lacks
        pairs = [pair for pair, w in zip(pairs, wide, strict=True) if not w]
        if not pairs:
            return None
    rows = [ev for ev, _ in pairs]
    per_row = [ops for _, ops in pairs]
    column = _pick_column(per_row, question, intent)
    if column is None:
        return None
    cells = [o for ops in per_row for o in ops if norm_label(o.measure or o.column) == column]
    labels = {c for ev in rows for c in ev.columns} | {ev.title for ev in rows}  # a title states the table's scope
    if not _covers(intent.measure, " ".join([column, *labels]), cells):
        return None
    wanted = set(_wanted_periods(intent))
    if wanted:
        cells = [o for o in cells if _period_matches(o.period, wanted)]
    if not cells:
        return None
    # one table: the one with most cells for the rows named, then most cells (then: the first
    # retrieved); a table of other rows (transport modes) never outweighs one holding the row asked
    tables: dict[tuple[str, str], tuple[int, int]] = {}
    for o in cells:
        named_cells, all_cells = tables.get(_table_key(o), (0, 0))
        tables[_table_key(o)] = (named_cells + _mentioned(o.entity, question), all_cells + 1)
    table = max(tables, key=lambda k: tables[k])
    cells = [o for o in cells if _table_key(o) == table]
    named = [o for o in cells if _mentioned(o.entity, question)]
    flipped = _deficit_flip(intent, column, cells, question)
    chosen = _choose(flipped, cells, named, question)
    return (flipped, chosen) if chosen else None


def _covers(measure: str, labels: str, cells: list[Operand]) -> bool:
    """Do the table's column names and row labels account for most of what the question measures?
    "truck wait time at the World Trade Bridge" is not answered by a column of truck counts."""
    asked = {w for w in _words(measure) if not re.fullmatch(r"\d+", w)} - _STOP - _UNIT_WORDS
    if not asked:
        return True
    known = _words(labels.replace("_", " "))
    known |= {_STEM.stemWord(_MEASURE_WORDS[w]) for w in fold(measure).split() if w in _MEASURE_WORDS}
    for o in cells:
        known |= _words(o.entity)
    return len(asked & known) > 0.5 * len(asked)


def _label_score(label: str, question: str) -> tuple[float, int]:
    lw = _words(label) - _UNIT_WORDS
    if not lw:
        return 0.0, 0
    shared = lw & _words(question)
    return len(shared) / len(lw), len(shared)


def _wide_operands(question: str, intent: Intent, rows: list[list[Operand]]) -> list[Operand] | None:
    """A wide table (a column per period): the row the question names, its cells for the asked
    periods (all its periods when none are asked)."""
    # the row label decides; the heading it sits under ("Other (Deferred tax liabilities)") only
    # tells apart rows with the same label
    scored = sorted(
        (
            (
                (
                    *_label_score(re.sub(r"\s*\([^)]*\)\s*$", "", ops[0].entity) or ops[0].entity, question),
                    *_label_score(ops[0].entity, question),
                ),
                i,
            )
            for i, ops in enumerate(rows)
        ),
        reverse=True,
    )
    if not scored or scored[0][0][1] == 0 or scored[0][0][0] < 0.5:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two rows fit the question equally well
    row = rows[scored[0][1]]
    by_period: dict[str, Operand] = {}
    for o in row:
        by_period.setdefault(o.period, o)  # the first column for a period (later ones: change, notes)
    if intent.op in ("change", "pct_change", "cagr"):
        targets = [intent.start, intent.end] if intent.start and intent.end else _wanted_periods(intent)
        if not targets and len(by_period) == 2:
            targets = list(by_period)
        picked = [next((o for p, o in by_period.items() if _period_matches(p, {t})), None) for t in targets]
        ops = [o for o in picked if o is not None]
        return ops if len(ops) == 2 and len(targets) == 2 else None
    if intent.op in ("sum", "average", "max", "min", "ratio", "difference"):
        wanted = set(_wanted_periods(intent))
        ops = [o for p, o in by_period.items() if not wanted or _period_matches(p, wanted)]
        if intent.op in ("ratio", "difference"):
            ops = sorted(ops, key=lambda o: period_key(o.period) or (0, 0), reverse=True)  # later ÷ earlier
            return ops if len(ops) == 2 else None
        if intent.op in ("sum", "average") and not _holds_periods(ops, intent):
            return None  # "from 2022 to 2024" summed over a row that stops at 2023 is not that sum
        return ops if len(ops) >= 2 else None
    return None


def _series_operands(intent: Intent, rows: list[list[Operand]]) -> list[Operand] | None:
    """A table whose rows are periods too (months down, years across; years down, quarters
    across): one series, its cells found by period across the rows. Only for rows that name no
    entity, so a table of partners or products is read row by row (``_wide_operands``)."""
    if not rows or not all(not o.entity and _part_of_year_label(o.period) for ops in rows for o in ops):
        return None
    by_doc: dict[str, dict[str, Operand]] = {}
    for ops in rows:
        for o in ops:
            by_doc.setdefault(o.doc_id, {}).setdefault(o.period, o)
    for by_period in by_doc.values():
        if intent.op in ("change", "pct_change", "cagr", "difference", "ratio"):
            targets = [intent.start, intent.end] if intent.start and intent.end else _wanted_periods(intent)
            if len(targets) != 2:
                continue
            picked = [by_period.get(t) for t in targets]
            if all(picked):
                ops = [o for o in picked if o is not None]
                return ops[::-1] if intent.op in ("difference", "ratio") else ops  # later − / ÷ earlier
        elif intent.op in ("sum", "average"):
            wanted = _wanted_periods(intent)
            picked = [by_period.get(t) for t in wanted]
            if len(wanted) >= 2 and all(picked):
                return [o for o in picked if o is not None]
    return None


def _holds_periods(ops: list[Operand], intent: Intent) -> bool:
    """Do ``ops`` hold every period the question names ("from 2022 to 2024": 2022 and 2024; the
    years between are summed when the table has them, as a report printing only the two ends
    gives "in FY19 and FY24")?"""
    return all(any(_period_matches(o.period, {p}) for o in ops) for p in intent.periods)


def _part_of_year_label(period: str) -> bool:
    """A month or quarter of a year ("March 2019", "Q1 2019"), not a whole year."""
    key = period_key(period)
    return key is not None and key[1] > 0


def _deficit_flip(intent: Intent, column: str, cells: list[Operand], question: str) -> Intent:
    """The largest deficit is the most negative balance."""
    if (
        intent.op in ("max", "min")
        and "balance" in column
        and re.search(r"\bdeficits?\b", question, re.I)
        and all(o.value <= 0 for o in cells)
    ):
        return replace(intent, op="min" if intent.op == "max" else "max")
    return intent


def _choose(intent: Intent, cells: list[Operand], named: list[Operand], question: str) -> list[Operand] | None:
    op = intent.op
    entities_named = {fold(o.entity) for o in named}
    if op in ("change", "pct_change", "cagr") or (
        op in ("difference", "ratio") and len(entities_named) <= 1 and len({o.period for o in cells}) > 1
    ):
        pool = named if named else cells
        if len({fold(o.entity) for o in pool}) > 1:
            return None  # several rows per period and the question names none of them
        by_period = {o.period: o for o in pool}
        periods = sorted(by_period, key=lambda p: period_key(p) or (0, 0))
        if intent.start and intent.end:
            ends = [p for p in periods if _period_matches(p, {intent.start})] + [
                p for p in periods if _period_matches(p, {intent.end})
            ]
        elif intent.start and not intent.end:
            first = [p for p in periods if _period_matches(p, {intent.start})]
            ends = first + [periods[-1]] if first and periods[-1] != first[0] else []
        elif intent.implied_start and intent.end:
            ends = [p for p in periods if _period_matches(p, set(_wanted_periods(intent)))]
        else:
            ends = periods if len(periods) == 2 else []
        if len(ends) != 2:
            return None
        return [by_period[ends[0]], by_period[ends[1]]]
    if op in ("difference", "ratio"):
        if len(entities_named) < 2:
            return None
        order = sorted(named, key=lambda o: fold(question).find(fold(o.entity).rstrip("s")))
        firsts: list[Operand] = []
        for o in order:
            if all(fold(o.entity) != fold(f.entity) for f in firsts):
                firsts.append(o)
        if len({o.period for o in firsts[:2]}) > 1:
            return None
        return firsts[:2]
    if op == "share":
        return None  # handled by _share_operands
    if op in ("sum", "average"):
        pool = named if len(named) >= 2 else cells
        pool = [o for o in pool if not _TOTAL_ROWS.search(o.entity)]
        if (
            len({fold(o.entity) for o in pool}) > 1
            and len(entities_named) < 2
            and not re.search(r"\b(?:all|every|each|per)\b", question, re.I)
        ):
            return None  # rows the question does not name (and only those retrieved) are no sum
        if not _holds_periods(pool, intent):
            return None  # "from 2022 to 2024" over a table that stops at 2023 is not that sum
        return pool if len(pool) >= 2 else None
    if op in ("max", "min", "rank", "count"):
        pool = named if len(named) >= 2 else cells
        if len(entities_named) == 1 and named:
            pool = named  # "In which year was Mexico's trade highest?": one row over periods
        pool = [o for o in pool if not _TOTAL_ROWS.search(o.entity)]
        if len({fold(o.entity) for o in pool}) > 1 and len({o.period for o in pool}) > 1 and not intent.periods:
            latest = max((o.period for o in pool), key=lambda p: period_key(p) or (0, 0))
            pool = [o for o in pool if o.period == latest]  # "Which port is busiest?": the latest period held
        return pool if (len(pool) >= 2 or op == "count") else None
    return None


def _share_operands(question: str, intent: Intent, rows: list[Evidence]) -> tuple[list[Operand], Operand | None] | None:
    per_row = [operands_from_row(ev) for ev in rows]
    per_row = [ops for ops in per_row if ops]
    if not per_row:
        return None
    column = _pick_column(per_row, question, intent)
    if column is None:
        return None
    cells = [o for ops in per_row for o in ops if norm_label(o.measure or o.column) == column]
    wanted = set(_wanted_periods(intent))
    if wanted:
        cells = [o for o in cells if _period_matches(o.period, wanted)]
    periods = {o.period for o in cells}
    if len(periods) != 1:
        return None
    parts = [o for o in cells if _mentioned(o.entity, question) and not _TOTAL_ROWS.search(o.entity)]
    if not parts:
        return None
    # the whole is the rows of the part's own table: two tables of the same partners (Census and
    # BTS) summed together would count Mexico twice
    cells = [o for o in cells if o.doc_id == parts[0].doc_id]
    parts = [o for o in parts if o.doc_id == parts[0].doc_id]
    totals = [o for o in cells if _TOTAL_ROWS.search(o.entity)]
    if totals:
        return parts[:1], totals[0]
    others = [o for o in cells if o is not parts[0]]
    return [parts[0], *others], None


_STOP = {
    _STEM.stemWord(w)
    for w in (
        "what",
        "was",
        "were",
        "is",
        "are",
        "the",
        "a",
        "an",
        "of",
        "in",
        "for",
        "from",
        "to",
        "and",
        "by",
        "did",
        "does",
        "how",
        "much",
        "many",
        "between",
        "during",
        "its",
        "their",
        "company",
        "total",
        "value",
        "amount",
        "had",
        "has",
        "have",
        "more",
        "less",
        "most",
        "least",
        "number",
        "per",
        "with",
        "than",
        "at",
        "on",
        "which",
        "who",
    )
}


def _about(sentence: str, measure: str) -> bool:
    """Does the sentence speak of the measure asked ("goods trade with Mexico")? Most of its
    content words must be there; a figure from a sentence about something else is no operand."""
    wanted = {w for w in _words(measure) if w not in _STOP and not re.fullmatch(r"\d+", w)} - _UNIT_WORDS
    if not wanted:
        return False
    return len(wanted & _words(sentence)) >= max(1, math.ceil(0.6 * len(wanted)))


_HOME = {"us", "u s", "usa", "united states", "america"}  # the reporter of every trade figure, named or not


def _text_operands(intent: Intent, passages: list[Evidence]) -> list[Operand] | None:
    if intent.op not in ("change", "pct_change", "cagr", "difference", "ratio", "sum", "average"):
        return None
    wanted = _wanted_periods(intent)
    if len(wanted) < 2:
        return None
    named = [e for e in intent.entities if fold(e) not in _HOME]
    found = [
        o
        for o in operands_from_sentences(passages, intent)
        if _about(o.source_text, intent.measure) and (not named or any(_mentioned(e, o.source_text) for e in named))
    ]
    amounts = [o for o in found if o.kind != "percent"]
    pool = amounts if amounts else found
    # prefer one sentence that gives every asked period
    by_sentence: dict[str, list[Operand]] = {}
    for o in pool:
        by_sentence.setdefault(o.source_text, []).append(o)
    targets = (
        [intent.start, intent.end]
        if intent.start and intent.end and intent.op in ("change", "pct_change", "cagr")
        else wanted
    )
    asked = _flows(intent.measure)
    for sentence, ops in by_sentence.items():
        if intent.op in ("change", "pct_change", "cagr") and not all(_mentioned(e, sentence) for e in named):
            continue  # a change of one thing over time: the sentence names what changed
        if len(asked) == 1:
            # "exports came to A and imports to B, against C and D in 2015": the flow asked
            flows, (flow,) = respective_flows(sentence), asked
            ops = sorted(ops, key=lambda o: flows.get(o.text, flow) != flow)
        picked = [next((o for o in ops if _period_matches(o.period, {p})), None) for p in targets]
        if all(picked):
            return [o for o in picked if o is not None]
    if intent.op in ("change", "pct_change", "cagr"):
        return None  # figures of two sentences may measure different things (a total, a deficit)
    # figures of several sentences: each must measure the flow asked ("trade" is none of
    # exports, imports or the balance: "the deficit … was US$171.81 billion" is not trade)
    pool = [o for o in pool if respective_flows(o.source_text).get(o.text, "") in asked | {""}]
    picked = [next((o for o in pool if _period_matches(o.period, {p})), None) for p in targets]
    return [o for o in picked if o is not None] if all(picked) else None


_FLOW = re.compile(r"\b(export|import|balance|deficit|surplus)", re.I)
_RESPECTIVE = re.compile(r"\b(?:against|compared (?:with|to)|versus|vs\.?)\s", re.I)


def _flow(word: str) -> str:
    """The flow a flow word names: a deficit or a surplus is the balance."""
    word = word.lower()
    return "balance" if word in ("deficit", "surplus") else word


def _flows(text: str) -> set[str]:
    return {_flow(m.group(1)) for m in _FLOW.finditer(text)}


def respective_flows(sentence: str) -> dict[str, str]:
    """The flow (export, import, balance) each figure of ``sentence`` measures, by its text: the
    flow word standing between it and the figure before, and, after "against" / "compared with",
    the flows of the figures before in the order written ("exports … A and imports … B, against
    C and D in 2015": C exports, D imports). A figure with no flow is left out."""
    figs = find_figures(sentence)
    own: list[str] = []
    for i, f in enumerate(figs):
        between = sentence[figs[i - 1].end if i else 0 : f.start]
        found = [m.group(1) for m in _FLOW.finditer(between)]
        own.append(_flow(found[-1]) if found else "")
    marker = _RESPECTIVE.search(sentence)
    if marker:
        before = [i for i, f in enumerate(figs) if f.end <= marker.start() and own[i]]
        after = [i for i, f in enumerate(figs) if f.start >= marker.end() and not own[i]]
        if before and len(before) == len(after) and len({own[i] for i in before}) == len(before):
            for i, j in zip(before, after, strict=True):
                own[j] = own[i]
    out: dict[str, str] = {}
    for f, flow in zip(figs, own, strict=True):
        if flow and f.text not in out:
            out[f.text] = flow
    return out


_CHANGE_WORDS = re.compile(
    r"\s+(?:gr[eo]w[ns]?|growth|ris(?:e|en|es)|rose|f[ae]ll(?:en|s)?|chang(?:e|ed|es)|"
    r"increas(?:e|ed|es)|decreas(?:e|ed|es)|declin(?:e|ed|es)|drop(?:ped)?)\b.*$",
    re.I,
)


def _as_quarters(intent: Intent, rows: list[Evidence]) -> Intent | None:
    """Years asked of a table that holds one and the same quarter of each ("Q4 2019", "Q4 2018"
    in a fourth-quarter report): the intent for those quarters, which the answer then names, so
    a reader sees it is the quarter, not the year. None when the table holds the years or other
    quarters too."""
    wanted = _wanted_periods(intent)
    if not wanted or not all(re.fullmatch(r"(?:19|20)\d\d", p) for p in wanted):
        return None
    periods = {o.period for ev in rows for o in operands_from_row(ev) if o.period}
    if any(p in periods for p in wanted):
        return None
    quarters = {p[:2] for p in periods if re.fullmatch(r"Q[1-4] (?:19|20)\d\d", p)}
    if len(quarters) != 1:
        return None
    q = quarters.pop()
    if not all(f"{q} {p}" in periods for p in wanted):
        return None

    def quarter(p: str) -> str:
        return f"{q} {p}" if p else ""

    return replace(
        intent, periods=tuple(quarter(p) for p in intent.periods), start=quarter(intent.start), end=quarter(intent.end)
    )


def caption_subject(caption: str) -> str:
    """What a table's caption counts: "Table 2. US imports of goods from China by quarter, US$
    million (…)" -> "US imports of goods from China"."""
    text = re.sub(r"^\s*table\s+\w+[.:]?\s*", "", caption, flags=re.I)
    text = re.split(r"\s*[,(;]|\s+by\s+(?:month|quarter|year|period)\b|\s+[-–—]\s+", text, maxsplit=1)[0]
    return text.strip()


def _text_subject(measure: str) -> str:
    """What the question measures, as a subject: "US trade with Mexico grow" -> "US trade with Mexico"."""
    text = _CHANGE_WORDS.sub("", measure.strip()).strip(" ,.?")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def table_answers(question: str, intent: Intent, rows: Sequence[Evidence]) -> bool:
    """Do the rows of one table hold the operands the question's computation needs (the column
    it measures, the rows it names, the periods it asks)? Used to pick tables beyond the retrieved
    ones when the retrieved evidence lacks an operand."""
    rows = [ev for ev in rows if ev.is_row]
    if not rows:
        return False
    if intent.op == "series":
        intent = replace(intent, op="sum")  # a series' figures are found as a sum's are
    if intent.op == "share":
        return bool(_share_operands(question, intent, rows))
    return bool(_table_operands(question, intent, rows))


def computation_for(
    question: str, evidence: Sequence[Evidence], intent: Intent | None = None
) -> Computed | ComputeRefusal | None:
    """The computed answer to ``question`` from numbered ``evidence``: a ``Computed`` (with any
    conflicting values found for its operands in ``computed.conflicts``), a ``ComputeRefusal``
    saying why the asked computation cannot be done, or None when the question asks no
    computation or the evidence lacks its operands (the answerer then answers as before).

    Table rows are tried first (one table, one column, the rows the question names), then the
    figures of cited sentences. For max/min/rank/count/share, pass all rows of the table the
    question is about, not only the retrieved ones: the answer says how many rows it compared.
    """
    intent = intent or parse_intent(question)
    if intent is None:
        return None
    if intent.op == "series":
        # a series' figures are found as a sum's are (every period of the span, one row and
        # measure), in tables only: a sentence's figures for several years may be of a part
        # ("Mineral fuels … US$58.75 billion in 2022"), which the quoted answer shows as such.
        # They are then listed, not added.
        rows_only = [ev for ev in evidence if ev.is_row]
        found = computation_for(question, rows_only, replace(intent, op="sum")) if rows_only else None
        if isinstance(found, Computed) and found.op == "sum":
            parts = list(found.operands)
            if len({o.period for o in parts}) == 1 and all(o.entity for o in parts):
                # one period's figure of each name: in the order the question names them
                low = question.lower()
                parts.sort(key=lambda o: low.find(o.entity.lower()) % (len(low) + 1))
            try:
                series = compute("series", parts, subject=found.params.get("subject", ""))
            except ComputeRefusal:
                return None
            series.conflicts = found.conflicts
            return series
        return None
    rows = [ev for ev in evidence if ev.is_row]
    passages = [ev for ev in evidence if not ev.is_row]
    total: Operand | None = None
    operands: list[Operand] | None = None
    if intent.op == "share":
        shared = _share_operands(question, intent, rows) if rows else None
        if shared:
            operands, total = shared
    elif rows:
        chosen = _table_operands(question, intent, rows)
        as_quarters = None if chosen else _as_quarters(intent, rows)
        if as_quarters is not None:
            chosen = _table_operands(question, as_quarters, rows)
        if chosen:
            intent, operands = chosen
    if operands and rows and passages:
        tables = {(ev.doc_id, ev.table) for ev in rows if ev.chunk_id in {o.chunk_id for o in operands}}
        used = [ev for ev in rows if (ev.doc_id, ev.table) in tables]
        # … nor whose data it reports ("northbound crossings at Texas-Mexico ports": from Mexico)
        written = f"{_table_words(used)} {used[0].publisher}" if used else ""
        named = unwritten_names(question, intent.entities, written) if used else []
        if named and part_stated(named, operands[0].entity, [ev.text for ev in passages]):
            return None  # "Blizzard's net bookings": a sentence states the part the table's whole does not
    subject = ""
    if operands and not any(o.entity for o in operands):
        # one series down a table's rows (months, quarters): its caption says what it counts
        # ("Imports" of a column "Imports 2023" under "US goods imports from Japan by month")
        caption = caption_subject(next((ev.caption for ev in rows if ev.chunk_id == operands[0].chunk_id), ""))
        measures = {fold(o.measure) for o in operands}
        if not any(measures) or (len(measures) == 1 and all(_stemmed(m) <= _stemmed(caption) for m in measures)):
            subject = caption
    if not operands and passages:
        operands = _text_operands(intent, passages)
        subject = _text_subject(intent.measure)  # a sentence's figure has no column to name it
    if not operands:
        return None
    count = candidates_counted(question)
    if count and intent.op in ("max", "min", "rank") and len({(o.entity, o.period) for o in operands}) != count:
        return None  # "which of the four …": a table of other candidates (or of more) does not compare them
    try:
        result = compute(
            intent.op,
            operands,
            total=total,
            n=intent.n,
            order=intent.order,
            condition=intent.condition,
            subject=subject,
        )
    except ComputeRefusal as refusal:
        if refusal.code in ("too_few_operands", "unknown_operation"):
            return None  # the evidence lacks what the question needs: the answerer answers as before
        return refusal
    result.conflicts = tuple(_conflicts_for(result, evidence))
    return result


_CANDIDATES = re.compile(
    rf"\b(?:which|what|who)\s+(?:one\s+)?(?:of|among)\s+(?:the|these|those|its|their)\s+"
    rf"(?P<n>{'|'.join(COUNT_WORDS)}|\d+)\b",
    re.I,
)


def candidates_counted(question: str) -> int | None:
    """How many candidates "which of the four …" compares, or None when the question does not count them."""
    m = _CANDIDATES.search(question)
    if m is None:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else COUNT_WORDS[n]


def computation_for_hits(question: str, hits: Sequence[Any], first_marker: int = 1) -> Computed | ComputeRefusal | None:
    """``computation_for`` over retrieved hits numbered from ``first_marker`` in order."""
    return computation_for(question, evidence_from_hits(hits, first_marker))


def _conflicts_for(result: Computed, evidence: Sequence[Evidence]) -> list[Conflict]:
    """Other values in the evidence for the same row, measure and period as an operand: cells of
    other tables (another publisher, another vintage) and figures of cited sentences that speak of
    that row and measure (``sentence_values``)."""
    candidates: list[Operand] = []
    for ev in evidence:
        candidates.extend(operands_from_row(ev))
    rows = {ev.chunk_id: ev for ev in evidence if ev.is_row}
    passages = [ev for ev in evidence if not ev.is_row]
    for used in result.operands:
        row = rows.get(used.chunk_id)
        if row is not None and passages:
            candidates.extend(sentence_values(used, row, passages))
    out = []
    for used in result.operands:
        same = [
            o
            for o in candidates
            if o.period == used.period
            and fold(o.entity) == fold(used.entity)
            and norm_label(o.measure) == norm_label(used.measure)
            and o.kind == used.kind
        ]
        if used.measure:
            for c in find_conflicts([used, *[o for o in same if o is not used]]):
                if all(not math.isclose(x.value, y.value) for x in c.operands for y in c.operands if x is not y):
                    out.append(c)
    seen, unique = set(), []
    for c in out:
        key = (c.entity, norm_label(c.measure), c.period)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


MAX_CONFLICT_GAP = 0.25  # further apart than this, two figures measure different things, not one thing twice


def _measure_columns(row: Evidence) -> dict[str, set[str]]:
    """Each numeric column of a row with the words that name it (its name and sidecar label,
    "deficit"/"surplus" for a balance): how a sentence says which measure a figure is."""
    labels = dict(row.labels)
    out = {}
    for column in row.columns:
        if _is_period_column(column) or re.search(r"(?:^|_)(?:rank|id|code)(?:_|$)", column.lower()):
            continue
        words = (_words(column.replace("_", " ")) | _words(labels.get(column, ""))) - _STOP - _UNIT_WORDS
        if "balanc" in words:
            words |= {_STEM.stemWord(w) for w in ("deficit", "surplus")}
        if words:
            out[column] = words
    return out


def sentence_values(used: Operand, row: Evidence, passages: Sequence[Evidence]) -> list[Operand]:
    """Figures of the passages' sentences that state ``used``'s cell again: the same period and
    kind, and, in the words since the previous figure of that kind (or the sentence's start), the
    row named and, nearest the figure, a word of that column and of no other ("US goods trade with
    Mexico fell 12.5% in 2020, from US$612.77 billion in 2019" states total trade for Mexico in
    2019). A sentence that names the measure only ambiguously ("trade deficit") states nothing here."""
    if not used.entity or not used.period or not used.column:
        return []
    columns = _measure_columns(row)
    if used.column not in columns:
        return []
    out = []
    for ev in passages:
        for sentence in sentences_of(ev.text):
            if not _mentioned(used.entity, sentence):
                continue
            figs = figure_periods(sentence)
            for i, (fig, period, _) in enumerate(figs):
                if period != used.period or (fig.kind == "percent") != (used.kind == "percent"):
                    continue
                if used.currency and fig.currency != used.currency:
                    continue
                start = max((g.end for g, _, _ in figs[:i] if g.kind == fig.kind), default=0)
                context = sentence[start : fig.start]
                if not _mentioned(used.entity, context) or _nearest_measure(context, columns) != used.column:
                    continue
                found = Operand.from_figure(
                    fig,
                    period=used.period,
                    entity=used.entity,
                    measure=used.measure,
                    citation=ev.marker,
                    doc_id=ev.doc_id,
                    chunk_id=ev.chunk_id,
                    source_text=sentence,
                    published=ev.published,
                    publisher=_according_to(sentence) or ev.publisher,
                )
                if used.value and abs(found.value - used.value) > MAX_CONFLICT_GAP * abs(used.value):
                    continue
                out.append(found)
    return out


_ACCORDING_TO = re.compile(r"\baccording to (?:the )?(?P<name>[A-Z][^,;()]*?)(?:'s [a-z][^,;]*)?\s*(?:[,;]|\.?$)")


def _according_to(sentence: str) -> str:
    """Whose figure a sentence reports when it says so: "…, according to the U.S. Census Bureau."."""
    m = _ACCORDING_TO.search(sentence.strip())
    return m.group("name").strip() if m else ""


def _nearest_measure(context: str, columns: dict[str, set[str]]) -> str:
    """The column whose word stands nearest the end of ``context`` (the figure), if one column only."""
    for word in reversed(fold(context).split()):
        stem = _STEM.stemWord(word)
        named = [c for c, words in columns.items() if stem in words]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            return ""
    return ""


def renumbered(operands: Sequence[Operand], markers: dict[int, int]) -> list[Operand]:
    """Operands with their citation markers mapped (when the answer renumbers its citations)."""
    return [replace(o, citation=markers.get(o.citation, o.citation)) if o.citation is not None else o for o in operands]


def data_vintage_of(meta: Any) -> str:
    """As of when the reported figures stand: the first data source's vintage, else the published date."""
    vintages = [src[2] for src in getattr(meta, "data_sources", ()) if len(src) > 2 and src[2]]
    return vintages[0] if vintages else getattr(meta, "published", "")
