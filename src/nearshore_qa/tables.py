"""Tables as data: every table of a document parsed into labelled, typed cells.

A ``Table`` holds its columns (each with the header labels stacked above it, the period it
stands for and its unit and scale), its rows (label, group, kind: data / group / total) and
its cells (as written, and the number they state). It comes from a grid of strings: CSV and
XLSX sheets (``from_grid`` / ``from_dataframe``), Markdown pipe tables (``parse_markdown_tables``),
HTML ``<table>`` (``parse_html_tables``, row and column spans expanded), DOCX tables
(``parse_docx_tables``) and PDF tables where the text layer has ruled or aligned cells
(``parse_pdf_tables``, pdfplumber). Tables serialise to JSON for the store (``to_json`` /
``tables_from_json``); a cell is addressed as (document, table index, row index, column index).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from .text import MONTHS, QUARTER_ORDINALS

logger = logging.getLogger(__name__)

# --- periods ------------------------------------------------------------------------------

_MONTHS = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR_RE = r"(?:19|20)\d\d"
_PERIOD_PATTERNS = [
    # "Q3 2023", "3Q23", "Q3 FY2019", "2023 Q3", "2023-Q3"
    (
        "quarter",
        re.compile(
            rf"\bq([1-4])\s*(?:fy\s*)?'?({_YEAR_RE})\b|\b({_YEAR_RE})[\s-]*q([1-4])\b|"
            rf"\b([1-4])q\s*'?(\d\d)\b",
            re.I,
        ),
    ),
    # "the second quarter of 2012", "Q2 of 2012", "3rd quarter 2019"
    (
        "ordinal",
        re.compile(
            rf"\b(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s+(?:quarter\s+)?(?:of\s+)?(?:fy\s*|fiscal\s+)?({_YEAR_RE})\b",
            re.I,
        ),
    ),
    # "June 30, 2019", "30 June 2019", "31 December 2019", "Dec 2023", "2023-06", "2023-06-30"
    ("date", re.compile(rf"\b(?:(\d{{1,2}})\s+)?({_MONTH_RE})\s+(?:(\d{{1,2}}),?\s+)?({_YEAR_RE})\b", re.I)),
    ("iso", re.compile(rf"\b({_YEAR_RE})-(0[1-9]|1[0-2])(?:-(\d\d))?\b")),
    # "FY2019", "FY 2019", "fiscal 2019", "2019/20", "2019-20"
    ("fiscal", re.compile(rf"\b(?:fy|fiscal(?:\s+year)?)\s*'?({_YEAR_RE}|\d\d)\b", re.I)),
    ("year", re.compile(rf"(?<![\d.,$])({_YEAR_RE})(?:\s*[/–-]\s*(\d\d|{_YEAR_RE}))?(?![\d.%]|,\d)")),
]


@dataclass(frozen=True)
class Period:
    """A time a column or row label stands for: a year, a quarter, a month or a day."""

    text: str  # as written ("As at 31 December 2019", "Q3 2023", "2019")
    year: int
    quarter: int | None = None
    month: int | None = None
    day: int | None = None
    fiscal: bool = False

    @property
    def key(self) -> str:
        """A canonical form: "2019", "2019-Q3", "2019-06", "2019-06-30"."""
        if self.day and self.month:
            return f"{self.year}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year}-{self.month:02d}"
        if self.quarter:
            return f"{self.year}-Q{self.quarter}"
        return str(self.year)


def parse_period(text: str) -> Period | None:
    """The period a label names, or None. "June 30, 2019" -> 2019-06-30; "Q3 2023" -> 2023-Q3;
    "FY2019" -> fiscal 2019; "2019/20" -> 2019 (fiscal); "$ 2019" or "2019.5" is not a period."""
    words = " ".join(str(text).split())
    if not words or len(words) > 80:
        return None
    low = words.lower()
    short = re.fullmatch(r"F\s?'?(\d\d)(?:\s*\(\d{1,2}\)|\*+)?", words)
    if short:  # "F19", "F18 (3)": a fiscal year column in an annual report
        return Period(words, 2000 + int(short.group(1)), fiscal=True)
    fiscal = bool(re.search(r"\b(fy|fiscal)\b", low))
    for kind, pattern in _PERIOD_PATTERNS:
        m = pattern.search(words)
        if not m:
            continue
        if kind == "quarter":
            if m.group(1):
                return Period(words, int(m.group(2)), quarter=int(m.group(1)), fiscal=fiscal)
            if m.group(3):
                return Period(words, int(m.group(3)), quarter=int(m.group(4)), fiscal=fiscal)
            return Period(words, 2000 + int(m.group(6)), quarter=int(m.group(5)), fiscal=fiscal)
        if kind == "ordinal":
            word = m.group(1).lower()
            if not word.startswith("q") and not re.search(r"\bquarter\b", m.group(0), re.I):
                continue  # "first 2019" is no quarter
            number = int(word[1]) if word.startswith("q") else QUARTER_ORDINALS[word]
            return Period(words, int(m.group(2)), quarter=number, fiscal=fiscal)
        if kind == "date":
            day = m.group(1) or m.group(3)
            month = _MONTHS.get(m.group(2).lower().rstrip("."))
            return Period(words, int(m.group(4)), month=month, day=int(day) if day else None, fiscal=fiscal)
        if kind == "iso":
            return Period(words, int(m.group(1)), month=int(m.group(2)), day=int(m.group(3)) if m.group(3) else None)
        if kind == "fiscal":
            year = m.group(1)
            return Period(words, int(year) if len(year) == 4 else 2000 + int(year), fiscal=True)
        # a bare year must be most of the label: "2019", "Year ended 2019", not "Note 2019 plan 5"
        if _numeric_share(words) > 0.0 and not _YEARISH.fullmatch(words):
            return None
        return Period(words, int(m.group(1)), fiscal=fiscal or bool(m.group(2)))
    return None


_YEARISH = re.compile(
    rf"(?:[A-Za-z ,.:()'-]*?\s)?\(?{_YEAR_RE}(?:\s*[/–-]\s*(?:\d\d|{_YEAR_RE}))?\)?"
    rf"(?:,?\s[A-Za-z ,.:()'-]*)?\*?\s*(?:\(\d{{1,2}}\)|\d)?"
)


def _numeric_share(words: str) -> float:
    other = re.sub(rf"(?<!\d){_YEAR_RE}(?!\d)", "", words)
    digits = sum(ch.isdigit() for ch in other)
    return digits / max(1, len(words))


# --- spans of months a question asks about ------------------------------------------------

_SPAN_YEAR = r"((?:19|20)\d\d)"
_QUARTER = re.compile(
    rf"\b(?:the\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|q([1-4]))\s*(?:of\s+|,\s*)?(?:fy\s*)?{_SPAN_YEAR}\b"
    rf"|\b{_SPAN_YEAR}\s*-?\s*q([1-4])\b",
    re.I,
)
_HALF = re.compile(
    rf"\b(?:the\s+)?(?:(first|second|1st|2nd)\s+half|h([12]))\s*(?:of\s+|,\s*)?{_SPAN_YEAR}\b|\b{_SPAN_YEAR}\s*-?\s*h([12])\b",
    re.I,
)
_MONTH_NAMES = "|".join(MONTHS)
_MONTH_SPAN = re.compile(
    rf"\b(?:from\s+|between\s+)?({_MONTH_NAMES})\s*(?:-|–|—|to|through|and)\s*({_MONTH_NAMES})\s*,?\s*{_SPAN_YEAR}\b",
    re.I,
)


@dataclass(frozen=True)
class MonthSpan:
    """Consecutive months of one year a question asks about, and how it named them."""

    year: int
    first: int  # 1-based month
    last: int
    phrase: str  # "the first quarter of 2025"

    @property
    def months(self) -> list[int]:
        return list(range(self.first, self.last + 1))


def month_span(question: str) -> MonthSpan | None:
    """The quarter, half-year or month range a question names, or None."""
    m = _QUARTER.search(question)
    if m:
        if m.group(4):
            q, year = int(m.group(5)), int(m.group(4))
        else:
            q = QUARTER_ORDINALS[m.group(1).lower()] if m.group(1) else int(m.group(2))
            year = int(m.group(3))
        return MonthSpan(year, 3 * q - 2, 3 * q, _phrase(m.group(0)))
    m = _HALF.search(question)
    if m:
        if m.group(4):
            h, year = int(m.group(5)), int(m.group(4))
        else:
            h = QUARTER_ORDINALS[m.group(1).lower()] if m.group(1) else int(m.group(2))
            year = int(m.group(3))
        return MonthSpan(year, 6 * h - 5, 6 * h, _phrase(m.group(0)))
    m = _MONTH_SPAN.search(question)
    if m:
        a, b = (MONTHS.index(x.capitalize()) + 1 for x in (m.group(1).lower(), m.group(2).lower()))
        if a < b:
            return MonthSpan(int(m.group(3)), a, b, f"{MONTHS[a - 1]}–{MONTHS[b - 1]} {m.group(3)}")
    return None


def _phrase(text: str) -> str:
    text = " ".join(text.split())
    return (
        text
        if text.lower().startswith("the ") or not re.match(r"(?i)(first|second|third|fourth|1st|2nd|3rd|4th)\b", text)
        else f"the {text}"
    )


def month_span_text(question: str) -> str:
    """The words naming the span in ``question`` ("the first quarter of 2025"), or ""."""
    m = _QUARTER.search(question) or _HALF.search(question) or _MONTH_SPAN.search(question)
    return m.group(0) if m else ""


# --- units and scales ---------------------------------------------------------------------

SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_PATTERNS = [
    ("trillion", re.compile(r"\btrillions?\b|\btn\b", re.I)),
    ("billion", re.compile(r"\bbillions?\b|\bbn\b|(?<=[$£€])\s?b\b|_b\b", re.I)),
    (
        "million",
        re.compile(
            r"\bmillions?\b|\bmn\b|\bmm\b|(?<=[$£€])\s?m\b|\b(?:usd|eur|gbp|rmb|us\$|a\$|c\$)\s?m\b|"
            r"(?<=[£€$])m\b|\bm(?=[£€$])|\$m\b|£m\b|€m\b",
            re.I,
        ),
    ),
    ("thousand", re.compile(r"\bthousands?\b|'000s?\b|’000s?\b|\b000s\b|\$000\b|\(000\)|\bk\b", re.I)),
]
_CURRENCY_PATTERNS = [
    ("US$", re.compile(r"\bus\$|\busd\b|\bu\.s\. dollars?|\bus dollars?", re.I)),
    ("MXN", re.compile(r"\bmxn\b|\bmx\$|\bpesos?\b", re.I)),
    ("CAD", re.compile(r"\bcad\b|\bc\$|\bca\$|canadian dollars?", re.I)),
    ("€", re.compile(r"€|\beur\b|\beuros?\b", re.I)),
    ("£", re.compile(r"£|\bgbp\b|\bpounds? sterling\b", re.I)),
    ("¥", re.compile(r"¥|\bjpy\b|\brmb\b|\byen\b", re.I)),
    ("$", re.compile(r"\$|\bdollars?\b", re.I)),
]


@dataclass(frozen=True)
class Unit:
    """What a column's (or table's) numbers count: currency, scale word, percent."""

    currency: str = ""  # "US$", "£", "$", ...
    scale: str = ""  # "thousand" | "million" | "billion" | "trillion"
    percent: bool = False
    text: str = ""  # the words it was read from

    @property
    def factor(self) -> float:
        return SCALE_WORDS.get(self.scale, 1.0)

    def merged(self, other: Unit) -> Unit:
        """This unit with what it leaves unsaid taken from ``other`` (the table's)."""
        return Unit(
            self.currency or other.currency,
            self.scale or other.scale,
            self.percent or (other.percent and not self.currency),
            " ".join(t for t in (self.text, other.text) if t),
        )

    def __bool__(self) -> bool:
        return bool(self.currency or self.scale or self.percent)


def parse_unit(text: str) -> Unit:
    """Unit words in a header, caption or sidecar: "$ million", "£m", "(in thousands)",
    "usd_billions", "Millions of U.S. dollars", "%"."""
    words = str(text).replace("_", " ")
    if not words.strip():
        return Unit()
    scale = next((name for name, p in _SCALE_PATTERNS if p.search(words)), "")
    currency = next((name for name, p in _CURRENCY_PATTERNS if p.search(words)), "")
    percent = bool(re.search(r"%|\bpercent(age)?\b|\bpct\b|\bper cent\b", words, re.I))
    if not (scale or currency or percent):
        return Unit()
    return Unit(currency, scale, percent, " ".join(words.split())[:120])


# A header cell that only states a unit ("£m", "$ million", "(in thousands)", "%", "Note").
_UNIT_ONLY = re.compile(
    r"\(?\s*(?:in\s+)?(?:(?:us|u\.s\.|a|c|nz|hk)?[$£€¥]|usd|eur|gbp|rmb|cad|mxn)?\s*"
    r"(?:'000s?|’000s?|000s?|thousands?|millions?|billions?|trillions?|m|mn|bn|k|b)?\s*"
    r"(?:of\s+(?:us\s+|u\.s\.\s+)?dollars)?\s*(?:[$£€¥]|usd|eur|gbp)?\s*\)?\s*%?",
    re.I,
)


def unit_only(text: str) -> bool:
    t = " ".join(str(text).split())
    return bool(t) and bool(_UNIT_ONLY.fullmatch(t)) and bool(parse_unit(t))


# --- numbers ------------------------------------------------------------------------------

_EMPTY_CELLS = {
    "",
    "-",
    "—",
    "–",
    "−",
    "--",
    "n/a",
    "na",
    "n.a.",
    "n.a",
    "nm",
    "n/m",
    "—%",
    "-%",
    "–%",
    "*",
    "none",
    "nil",
    "null",
    "nan",
    "…",
    "...",
}
_NUMBER = re.compile(
    r"^(?P<neg1>[-−–])?\s*(?P<open>\()?\s*(?P<neg2>[-−–])?\s*"
    r"(?P<cur>(?:us|u\.s\.|a|c|nz|hk|mx|r)?\$|[£€¥]|usd|eur|gbp|rmb|cad|mxn)?\s*"
    r"(?P<neg3>[-−–])?\s*(?P<num>\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)"
    r"\s*(?P<scale>bn|mn|m|b|k|million|billion|thousand|trillion)?\s*(?P<pct>%|percent)?\s*(?P<close>\))?"
    r"\s*(?P<pct2>%)?\s*(?P<foot>\*+|\(\w\)|[¹²³⁴⁵⁶⁷⁸⁹])?$",
    re.I,
)


@dataclass(frozen=True)
class Cell:
    """One cell: the text as written and, when it states a number, the number (sign applied,
    scale not applied) and whether it is a percent."""

    text: str
    value: float | None = None
    percent: bool = False
    currency: str = ""

    @property
    def empty(self) -> bool:
        return self.text.strip().lower() in _EMPTY_CELLS


def parse_number(text: str) -> Cell:
    """ "(1,234)" -> -1234; "$ 1,452.4" -> 1452.4 ($); "12.5%" -> 12.5 (percent); "—", "n/a" -> empty."""
    raw = " ".join(str(text).split())
    if raw.lower() in _EMPTY_CELLS:
        return Cell(raw)
    m = _NUMBER.match(raw)
    if not m or (bool(m.group("open")) != bool(m.group("close"))):
        return Cell(raw)
    digits = re.sub(r"[,\s]", "", m.group("num"))
    try:
        value = float(digits)
    except ValueError:
        return Cell(raw)
    if m.group("neg1") or m.group("neg2") or m.group("neg3") or m.group("open"):
        value = -value
    # a scale word in the cell ("4.84 billion") stays in its text; the number is as written
    cur = m.group("cur") or ""
    return Cell(raw, value, bool(m.group("pct") or m.group("pct2")), cur.upper() if cur.isalpha() else cur)


# --- labels -------------------------------------------------------------------------------

_FOOTNOTE = re.compile(r"(?:(?<=[a-z\)])\d{1,2}|\s*\((?:[a-z]|\d{1,2}|i{1,3}|iv|v)\)|\s*\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+)$")


def clean_label(text: str) -> str:
    """A row or column label without its footnote marker: "Americas1" -> "Americas",
    "Revenue (a)" -> "Revenue", "Total*" -> "Total". Spaces collapsed, a closing colon dropped."""
    words = " ".join(str(text).split())
    words = _FOOTNOTE.sub("", words) if len(words) > 3 else words
    return words.rstrip(" :").strip()


_TOTAL = re.compile(r"\b(?:total|sub-?total|totals|all (?:countries|states|partners))\b", re.I)


# --- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int
    label: str  # the header labels stacked above it, top to bottom, joined ("Years ended 2019 £m")
    parts: tuple[str, ...] = ()  # one per header row ("" where the row says nothing here)
    period: Period | None = None
    unit: Unit = field(default_factory=Unit)
    is_label: bool = False  # holds row labels (name, year, partner), not figures

    @property
    def name(self) -> str:
        """The column's label without the parts that are only units or its period."""
        keep = [p for p in self.parts if p and not unit_only(p) and not parse_period(p)]
        return clean_label(" ".join(keep)) or ("" if self.period else self.label)


@dataclass(frozen=True)
class Row:
    index: int  # 0-based among the table's body rows
    label: str  # the label cells joined, footnote markers dropped ("Mexico", "2023 Mexico")
    cells: tuple[Cell, ...]  # one per column, label columns included
    kind: str = "data"  # "data" | "group" (a heading row: label and no figures) | "total"
    group: str = ""  # the group row it sits under ("Non-current assets")
    source_row: int | None = None  # the row's index in the loader's rendered table (chunk.row)
    start: int | None = None  # char offsets of the row's line in the document text
    end: int | None = None
    period: Period | None = None  # a row label that is a period (long tables: year, month)
    indent: int = 0


@dataclass(frozen=True)
class Table:
    name: str  # sheet name, file stem or "table 2"
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    header_rows: int = 1
    caption: str = ""
    unit: Unit = field(default_factory=Unit)  # the table's own (caption, sidecar, header rows)
    source: str = ""  # csv | xlsx | markdown | html | docx | pdf
    start: int | None = None  # char offsets of the table in the document text
    end: int | None = None
    page: int | None = None

    def column_unit(self, column: Column) -> Unit:
        return column.unit.merged(self.unit)

    @property
    def period(self) -> Period | None:
        """The one year the caption names ("… by month, 2025", "January–June 2024"): the time
        every cell of a table without period rows or columns speaks of. A workbook's sheet named
        by its year ("2024") dates the sheet the same way, and so does a year written over the
        label column ("| 2021 (US$ million) | US exports | US imports |")."""
        corner = caption_period(self.corner)
        return (
            caption_period(self.caption)
            or (corner and Period(str(corner.year), corner.year))
            or (caption_period(self.name) if self.source == "xlsx" and len(self.name.split()) <= 2 else None)
        )

    @property
    def label_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.is_label)

    @property
    def corner(self) -> str:
        """The header over the label column(s): "2021 (US$ million)", "US imports (US$ million)",
        "Market"; a year or a flow written there speaks for every cell."""
        return " ".join(p for c in self.label_columns for p in c.parts)

    @property
    def value_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.is_label)

    def cell(self, row: int, column: int) -> Cell:
        return self.rows[row].cells[column]

    def row_at(self, offset: int) -> Row | None:
        """The row whose line in the document text starts at or holds ``offset``."""
        for row in self.rows:
            if row.start is not None and row.start <= offset < max(row.end or 0, row.start + 1):
                return row
        return None

    def to_dict(self) -> dict:
        return asdict(self)


def tables_to_json(tables: Sequence[Table]) -> str:
    return json.dumps([t.to_dict() for t in tables], ensure_ascii=False, separators=(",", ":"))


def _period_from(d: dict | None) -> Period | None:
    return Period(**d) if d else None


def tables_from_json(data: str | None) -> list[Table]:
    if not data:
        return []
    out = []
    for t in json.loads(data):
        columns = tuple(
            Column(
                index=c["index"],
                label=c["label"],
                parts=tuple(c["parts"]),
                period=_period_from(c["period"]),
                unit=Unit(**c["unit"]),
                is_label=c["is_label"],
            )
            for c in t["columns"]
        )
        rows = tuple(
            Row(
                index=r["index"],
                label=r["label"],
                cells=tuple(Cell(**x) for x in r["cells"]),
                kind=r["kind"],
                group=r["group"],
                source_row=r["source_row"],
                start=r["start"],
                end=r["end"],
                period=_period_from(r["period"]),
                indent=r.get("indent", 0),
            )
            for r in t["rows"]
        )
        out.append(
            Table(
                name=t["name"],
                columns=columns,
                rows=rows,
                header_rows=t["header_rows"],
                caption=t["caption"],
                unit=Unit(**t["unit"]),
                source=t["source"],
                start=t["start"],
                end=t["end"],
                page=t.get("page"),
            )
        )
    return out


# --- from a grid of strings ----------------------------------------------------------------


def _is_figure(text: str) -> bool:
    """A cell that states a figure (not a period label)."""
    cell = parse_number(text)
    if cell.value is None:
        return False
    return not (parse_period(text) and cell.value.is_integer() and 1900 <= cell.value < 2100 and not cell.currency)


def _header_like(cells: list[str]) -> bool:
    """A row above the body: its label cell empty (or a unit/period) and no figures in it, only
    periods, units and words ("|  | 2019 | 2018 |", "|  | $ million | $ million |")."""
    values = [c for c in cells[1:] if c.strip()]
    if not values:
        return False
    if any(_is_figure(c) for c in values):
        return False
    first = cells[0].strip()
    if not first or _unit_or_time_label(first):
        return True  # "(In millions) | As Reported | ...", "For the year ended December 31 | 2019 | 2018"
    return all(parse_period(c) or unit_only(c) or _TIME_LABEL.fullmatch(c) for c in values)


_TIME_LABEL = re.compile(
    r"(?:for\s+the\s+)?(?:fiscal\s+)?(?:years?|quarters?|months?|periods?|weeks?)\s+end(?:ed|ing)"
    r"(?:\s+(?:\d{1,2}\s+)?[A-Za-z]+\.?(?:\s+\d{1,2})?)?[,:]?",
    re.I,
)


def _unit_or_time_label(text: str) -> bool:
    """A label cell that heads the table rather than a row: a unit ("(In millions)", "$ MILLION",
    "(Dollars in millions)") or the time the columns are ("For the year ended December 31")."""
    if unit_only(text) or _TIME_LABEL.fullmatch(text):
        return True
    return text.startswith("(") and text.endswith(")") and bool(parse_unit(text)) and not re.search(r"\d", text)


def from_grid(
    grid: Sequence[Sequence[str]],
    *,
    name: str = "",
    caption: str = "",
    units: str = "",
    source: str = "",
    header_rows: int | None = None,
    offsets: Sequence[tuple[int, int]] | None = None,
    source_rows: Sequence[int | None] | None = None,
    page: int | None = None,
    indents: Sequence[int] | None = None,
) -> Table | None:
    """A Table from rows of cell strings (the header first). ``header_rows`` fixes how many
    rows head the table (else: the first row and the header-like rows below it, up to 4).
    ``offsets`` are each grid row's (start, end) in the document text; ``source_rows`` the
    loader's row index for each grid row (None for header rows). Returns None for a grid too
    small to be a table (fewer than two columns or no body row)."""
    rows = [[" ".join(str(c if c is not None else "").split()) for c in r] for r in grid]
    if not rows:
        return None
    width = max(len(r) for r in rows)
    if width < 2:
        return None
    rows = [r + [""] * (width - len(r)) for r in rows]
    if header_rows is None:
        header_rows = 1
        while header_rows < min(4, len(rows) - 1) and _header_like(rows[header_rows]):
            header_rows += 1
    header, body = rows[:header_rows], rows[header_rows:]
    if not body:
        return None
    header = _spread_header(header)
    # Label columns: the leading columns whose body cells are words (or periods, in a long
    # table such as year, partner, exports) rather than figures.
    is_label: list[bool] = []
    for j in range(width):
        filled = [r[j] for r in body if r[j].strip() and r[j].strip().lower() not in _EMPTY_CELLS]
        figures = sum(1 for v in filled if _is_figure(v))
        periods = sum(1 for v in filled if parse_period(v))
        head = " ".join(h[j] for h in header)
        labelled = (
            (not filled and j == 0)
            or (filled and figures <= len(filled) // 3)
            or (filled and periods == len(filled) and not parse_period(head) and not unit_only(head))
        )
        labelled = labelled or (
            bool(filled)
            and bool(re.match(r"\s*(year|month|quarter|period|date|fiscal)\b", head, re.I))
            and periods >= len(filled) // 2
        )
        if j > 0 and not all(is_label):
            labelled = False  # only leading columns hold labels
        is_label.append(bool(labelled))
    if all(is_label):
        is_label = [j == 0 for j in range(width)]
    if width > 2 and not is_label[0] and is_label[1] is False and _code_column(body, 0) and _word_column(body, 1):
        # "| 39 | Plastics … | 17,653.8 |": a leading column of short codes (HS chapter, rank)
        # before a column of words names the row with it, it does not measure anything.
        is_label[0] = is_label[1] = True
    table_unit = parse_unit(units) or parse_unit(_STATED_PERCENT.sub(" ", caption))
    captioned = caption_period(caption)  # the year month and quarter labels are read in
    # A unit said in a header row over all value columns ("(in millions)") is the table's.
    columns = []
    for j in range(width):
        parts = tuple(h[j] for h in header)
        label = " ".join(dict.fromkeys(p for p in parts if p))
        period = None if is_label[j] else next((p for p in (parse_period(x) for x in reversed(parts) if x) if p), None)
        if period is None and not is_label[j]:  # "| | Q1 | Q2 |" under a caption "…, 2025"
            period = next((p for p in (_in_year(x, captioned) for x in parts if x) if p), None)
        unit = Unit()
        for p in parts:
            if p:
                u = parse_unit(p)
                unit = u.merged(unit) if u else unit
        columns.append(Column(j, clean_label(label) if is_label[j] else label, parts, period, unit, is_label[j]))
    out_rows: list[Row] = []
    group = ""
    group_indent = -1
    label_idx = [j for j in range(width) if is_label[j]]
    for i, cells in enumerate(body):
        parsed = tuple(Cell(c) if is_label[j] else parse_number(c) for j, c in enumerate(cells))
        labels = [clean_label(cells[j]) for j in label_idx if cells[j].strip()]
        label = " ".join(labels)
        values = [c for j, c in enumerate(parsed) if not is_label[j] and c.text.strip()]
        indent = indents[header_rows + i] if indents else 0
        if indents and indent <= group_indent:
            group, group_indent = "", -1
        if label and not values:
            kind = "group"
        elif label and _TOTAL.search(label):
            kind = "total"
        elif not label and values and group:
            kind = "total"  # an unlabelled row closing a group sums it
        else:
            kind = "data"
        period = _row_period([cells[j] for j in label_idx])
        if period is None:  # "| July | 29.1 | …" in a table captioned "… by month, 2025"
            period = next((p for p in (_in_year(cells[j], captioned) for j in label_idx) if p), None)
        offset = offsets[header_rows + i] if offsets else (None, None)
        src = source_rows[header_rows + i] if source_rows else None
        out_rows.append(
            Row(i, label, parsed, kind, group if kind != "group" else "", src, offset[0], offset[1], period, indent)
        )
        if kind == "group":
            group, group_indent = label, indent
        elif kind == "total" and group and (not label or group.lower() in label.lower()):
            group, group_indent = "", -1
    start = offsets[0][0] if offsets else None
    end = offsets[-1][1] if offsets else None
    return Table(
        name=name,
        columns=tuple(columns),
        rows=tuple(out_rows),
        header_rows=header_rows,
        caption=caption,
        unit=table_unit or _label_unit(columns) or _shared_unit(columns),
        source=source,
        start=start,
        end=end,
        page=page,
    )


def _code_column(body: Sequence[Sequence[str]], j: int) -> bool:
    filled = [r[j].strip() for r in body if r[j].strip()]
    return len(filled) >= 2 and all(re.fullmatch(r"\d{1,4}[A-Za-z]?", v) for v in filled)


def _word_column(body: Sequence[Sequence[str]], j: int) -> bool:
    filled = [r[j] for r in body if r[j].strip() and r[j].strip().lower() not in _EMPTY_CELLS]
    return bool(filled) and sum(1 for v in filled if _is_figure(v)) <= len(filled) // 3


def _label_unit(columns: list[Column]) -> Unit:
    """ "($ in millions)" over the label column speaks for the whole table."""
    return next((c.unit for c in columns if c.is_label and c.unit), Unit())


# A percentage stated in a caption ("… so the border states took 32.8% of it.") is a figure of
# the paragraph above the table, not the unit of its cells ("(%)", "Share, percent" are).
_STATED_PERCENT = re.compile(r"[-−+]?\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b)", re.I)


def caption_period(caption: str) -> Period | None:
    years = set(re.findall(r"(?<![\d.,$])(?:19|20)\d{2}(?![\d%]|[.,]\d)", caption))  # "in 2020, US$ million"
    return Period(caption, int(years.pop())) if len(years) == 1 else None


_LEAD_IN = re.compile(r"\b(?:is|are|was|were|as follows|below|following|shows?|presents?|sets? (?:out|forth))\b", re.I)
TITLE_WORDS = 20


# "Table 2.", "Figure 1:", "Exhibit 3 –": the label a caption may open with
CAPTION_LABEL = re.compile(r"^\s*(?:table|figure|exhibit|chart)\s+[\w.-]+\s*[.:\-–—]\s*", re.I)


def labelled(caption: str) -> bool:
    """Does ``caption`` open with a label ("Table 2. …") and say something after it?"""
    found = CAPTION_LABEL.match(caption)
    return found is not None and found.end() < len(caption.rstrip())


# where a caption's title ends and its source or note begins ("… (US$ million). Source: …")
_SOURCE_NOTE = re.compile(r"(?<=\.)\s+(?:Sources?|Notes?)\s*:", re.I)


def title_part(caption: str) -> str:
    """``caption`` on one line without what follows its title: "Table 1. US imports … (US$
    million). Source: U.S. Census Bureau …" -> "Table 1. US imports … (US$ million)."."""
    whole = " ".join(caption.split())
    return _SOURCE_NOTE.split(whole, maxsplit=1)[0]


def title_like(caption: str) -> bool:
    """A caption that titles its table ("US imports from China by month, 2024 (US$ million)"),
    not a sentence leading into it ("The following table sets forth our revenue:")."""
    whole = title_part(caption)
    text = CAPTION_LABEL.sub("", whole)
    if text != whole:  # "Table 1. Total US goods trade by partner, US$ million." is a title, full stop and all
        text = text.removesuffix(".")
    return (
        bool(text)
        and not re.fullmatch(r"(?:table|figure|exhibit|chart)(?:\s+[\w.-]+)?", text, re.I)  # a bare "Table" heading
        and len(text.split()) <= TITLE_WORDS
        and not text.endswith((".", ":", "?", ";"))
        and not _LEAD_IN.search(text)
    )


def _in_year(text: str, year: Period | None) -> Period | None:
    """A month or quarter label ("July", "Q3") read in the caption's year."""
    if year is None:
        return None
    word = text.strip().lower().rstrip(".")
    if word in _MONTHS:
        return Period(f"{text.strip()} {year.year}", year.year, month=_MONTHS[word])
    q = re.fullmatch(r"q([1-4])", word)
    return Period(f"{text.strip()} {year.year}", year.year, quarter=int(q.group(1))) if q else None


def _row_period(labels: list[str]) -> Period | None:
    """The period a row's label cells name; a year cell and a month or quarter cell beside it
    ("2022", "May") make one period (2022-05)."""
    period = next((p for p in (parse_period(x) for x in labels) if p), None)
    if period is None or period.month or period.quarter:
        return period
    for x in labels:
        word = x.strip().lower().rstrip(".")
        if word in _MONTHS:
            return replace(period, text=f"{x.strip()} {period.text}", month=_MONTHS[word])
        q = re.fullmatch(r"q([1-4])", word)
        if q:
            return replace(period, text=f"{x.strip()} {period.text}", quarter=int(q.group(1)))
    return period


def month_or_quarter(text: str) -> bool:
    word = text.strip().lower().rstrip(".")
    return word in _MONTHS or bool(re.fullmatch(r"q[1-4]", word))


def _shared_unit(columns: list[Column]) -> Unit:
    units = {c.unit for c in columns if not c.is_label and c.unit}
    return units.pop() if len(units) == 1 and len([c for c in columns if not c.is_label]) > 1 else Unit()


def _spread_header(header: list[list[str]]) -> list[list[str]]:
    """Header cells that span columns: a row with one label over several value columns
    ("Years Ended September 30," above 2019 | 2018 | 2017) says it of all of them; in an upper
    row a label stands over the empty cells to its right ("2019" over "$" and "%")."""
    out = []
    last = len(header) - 1
    for r, row in enumerate(header):
        row = list(row)
        values = [j for j in range(1, len(row)) if row[j]]
        if len(values) == 1 and len(row) > 2 and (r < last or unit_only(row[values[0]])):
            row = [row[0]] + [row[values[0]]] * (len(row) - 1)
        elif r < last and values:
            below = header[r + 1]
            for j in range(2, len(row)):
                if not row[j] and row[j - 1] and below[j]:
                    row[j] = row[j - 1]
        out.append(row)
    return out


def from_dataframe(frame, *, name: str = "", caption: str = "", units: str = "", source: str = "") -> Table | None:
    """A Table from a pandas DataFrame (its column names are the header row)."""
    grid = [[str(c) for c in frame.columns]]
    for values in frame.itertuples(index=False):
        grid.append(["" if v is None or (isinstance(v, float) and v != v) else _plain(v) for v in values])
    return from_grid(
        grid,
        name=name,
        caption=caption,
        units=units,
        source=source,
        header_rows=1,
        source_rows=[None] + list(range(len(grid) - 1)),
    )


def from_records(
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    units: str = "",
    caption: str = "",
    source: str = "",
) -> Table | None:
    """A Table from a loader's (columns, rows) — CSV and XLSX sheets. Each row keeps its index
    in ``rows`` as ``source_row`` (the row chunks' ``row``)."""
    grid = [list(columns), *[list(r) for r in rows]]
    # Multi-row headers in a CSV show as leading body rows with an empty label ("" , "£m", "£m").
    extra = 0
    while extra < min(3, len(rows) - 1) and _header_like(grid[1 + extra]):
        extra += 1
    return from_grid(
        grid,
        name=name,
        caption=caption,
        units=units,
        source=source,
        header_rows=1 + extra,
        source_rows=[None] + list(range(len(rows))),
    )


def _plain(value) -> str:
    if isinstance(value, float):
        return f"{value:.10g}" if not value.is_integer() else str(int(value))
    return str(value)


# --- Markdown -----------------------------------------------------------------------------

_RULE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*")


def _md_cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def parse_markdown_tables(text: str, *, source: str = "markdown") -> list[Table]:
    """Every pipe table in Markdown ``text`` (a header line, a rule line, body lines), with each
    row's char offsets in ``text``. The caption is the paragraph just above the table, or the
    heading it sits under. Tables without a rule line (rows of pipes only) are read too."""
    tables: list[Table] = []
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        if not lines[i][2].lstrip().startswith("|"):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j][2].lstrip().startswith("|"):
            j += 1
        block = [ln for ln in lines[i:j] if not _RULE.fullmatch(ln[2])]
        if len(block) >= 2:
            caption = _caption_above(lines, i)
            if not _own_paragraph(lines, i):
                caption = _caption_below(lines, j) or caption
            table = from_grid(
                [_md_cells(ln[2]) for ln in block],
                name=f"table {len(tables) + 1}",
                caption=caption,
                source=source,
                offsets=[(a, b) for a, b, _ in block],
            )
            if table is not None:
                tables.append(table)
        i = j
    return tables


def _own_paragraph(lines: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the text right above the table at ``i`` is a caption of its own: a heading, or a
    short line with a blank line (or the start) before it — not the last line of a paragraph."""
    k = i - 1
    while k >= 0 and not lines[k][2].strip():
        k -= 1
    if k < 0:
        return False
    line = lines[k][2].strip()
    if _EMPHASIS.fullmatch(line):
        above = k - 1
        while above >= 0 and not lines[above][2].strip():
            above -= 1
        if above >= 0 and lines[above][2].lstrip().startswith("|"):
            return False  # the caption under the table before this one
    return line.startswith("#") or (len(line) <= 120 and (k == 0 or not lines[k - 1][2].strip()))


_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(?P<body>\S.*\S)\1")


def paragraph_below(after: str, most: int = 3) -> str:
    """The short paragraph right below a table, spaced once: ``after`` is the text from the line
    after the table's last, at most one blank line may come first, and the paragraph holds at
    most ``most`` lines; "" when there is none or it runs longer (then it is prose)."""
    lines = after.split("\n", most + 2)[: most + 2]
    if lines and not lines[0].strip():
        lines = lines[1:]
    block: list[str] = []
    for line in lines:
        if not line.strip():
            break
        block.append(line.strip())
        if len(block) > most:
            return ""
    return " ".join(" ".join(block).split())


def _caption_below(lines: list[tuple[int, int, str]], j: int) -> str:
    """A caption written under the table at its end ``j``: the short paragraph right below it in
    italics or bold ("*FDI flows by state, US$ million. Source: …*"), the way many reports put a
    table's title, units and source."""
    found = _EMPHASIS.fullmatch(paragraph_below("\n".join(line for _, _, line in lines[j : j + 5])))
    return found.group("body")[:300] if found else ""


def _caption_above(lines: list[tuple[int, int, str]], i: int) -> str:
    """The line right above the table at ``i``. When that line ends a paragraph wrapped over
    several lines it is a fragment ("percent of US imports in both years."): the caption is then
    the paragraph's last sentence if it introduces the table ("… by geographic region was:"),
    else the heading the table sits under."""
    k = i - 1
    while k >= 0 and not lines[k][2].strip():
        k -= 1
    if k < 0:
        return ""
    line = lines[k][2].strip()
    if line.startswith("#") or k == 0 or not lines[k - 1][2].strip() or lines[k - 1][2].lstrip().startswith("#"):
        return " ".join(line.lstrip("#").split())[:300]
    top = k
    while top > 0 and lines[top - 1][2].strip() and not lines[top - 1][2].lstrip().startswith(("#", "|")):
        top -= 1
    paragraph = " ".join(" ".join(ln for _, _, ln in lines[top : k + 1]).split())
    if paragraph.endswith(":"):
        return _SENTENCE_END.split(paragraph)[-1][:300]
    heading = next((ln for _, _, ln in reversed(lines[:top]) if ln.lstrip().startswith("#")), "")
    return " ".join(heading.lstrip().lstrip("#").split())[:300]


# where one sentence of a paragraph ends and the next begins (not inside "U.S." or "2.8")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


# --- HTML ---------------------------------------------------------------------------------


def html_table_grid(table) -> tuple[list[list[str]], int, str]:
    """(grid, header rows, caption) of a BeautifulSoup <table>, row and column spans expanded."""
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}  # (row, col) -> text carried down by a rowspan
    header_rows = 0
    in_head = True
    for r, tr in enumerate(_own_rows(table)):
        row: list[str] = []
        col = 0
        cells = tr.find_all(["td", "th"], recursive=False)
        all_th = bool(cells) and all(c.name == "th" for c in cells)
        if in_head and (tr.find_parent("thead") is not None or all_th):
            header_rows += 1
        else:
            in_head = False
        for cell in cells:
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            for sup in cell.find_all("sup"):  # footnote markers ("Mexico<sup>1</sup>")
                if re.fullmatch(r"\s*(?:\d{1,2}|[a-z*†‡]|\(\w\))\s*", sup.get_text()):
                    sup.decompose()
            text = " ".join(cell.get_text(" ", strip=True).split())
            span = _int_attr(cell, "colspan")
            down = _int_attr(cell, "rowspan")
            for k in range(span):
                row.append(text)
                for d in range(1, down):
                    pending[(r + d, col + k)] = text
            col += span
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        if any(row):
            grid.append(row)
    caption_tag = table.find("caption")
    caption = " ".join(caption_tag.get_text(" ", strip=True).split()) if caption_tag else ""
    return grid, header_rows, caption


def _own_rows(table):
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _int_attr(tag, name: str) -> int:
    try:
        return max(1, min(int(str(tag.get(name, 1)).strip() or 1), 50))
    except ValueError:
        return 1


def parse_html_tables(html: str) -> list[Table]:
    """Every <table> of an HTML page (innermost tables as their own; spans expanded; <th> and
    <thead> rows as header rows, else the header rows are found as for any grid)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    return [t for t in (_html_table(tag, i) for i, tag in enumerate(soup.find_all("table"))) if t is not None]


def _html_table(tag, i: int, offsets=None) -> Table | None:
    grid, head, caption = html_table_grid(tag)
    if not grid:
        return None
    return from_grid(
        grid,
        name=f"table {i + 1}",
        caption=caption or _html_caption(tag),
        source="html",
        header_rows=head or None,
        offsets=offsets,
    )


def _html_caption(tag) -> str:
    prev = tag.find_previous(["p", "h1", "h2", "h3", "h4", "h5", "h6"])
    return " ".join(prev.get_text(" ", strip=True).split())[:300] if prev else ""


# --- rendering a grid as a Markdown table (HTML/DOCX/PDF tables in the document text) --------


def render_markdown(grid: Sequence[Sequence[str]], header_rows: int = 1) -> list[str]:
    """Lines of a pipe table for a grid: the first row, a rule, the rest; pipes in cells escaped."""
    width = max(len(r) for r in grid)
    lines = []
    for i, row in enumerate(grid):
        cells = [" ".join(str(c).split()).replace("|", "\\|") for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return lines


def grid_with_offsets(grid: Sequence[Sequence[str]], base: int) -> tuple[str, list[tuple[int, int]]]:
    """The grid rendered as a Markdown table starting at char ``base`` of the document text, and
    each grid row's (start, end) there (the rule line has none)."""
    lines = render_markdown(grid)
    offsets = []
    pos = base
    for k, line in enumerate(lines):
        if k != 1:
            offsets.append((pos, pos + len(line)))
        pos += len(line) + 1
    return "\n".join(lines), offsets


# --- DOCX ---------------------------------------------------------------------------------


def docx_table_grid(table) -> list[list[str]]:
    """A python-docx table as a grid; a merged cell repeats its text in each column it covers,
    as HTML spans do, and consecutive duplicates from horizontal merges are kept (they label
    each column)."""
    grid = []
    for row in table.rows:
        cells = [" ".join(c.text.split()) for c in row.cells]
        if any(cells):
            grid.append(cells)
    return grid


def parse_docx_tables(document) -> list[Table]:
    """Every table of a python-docx Document (a path, bytes-like file or Document)."""
    import docx

    if not hasattr(document, "tables"):
        document = docx.Document(document)
    out = []
    for i, t in enumerate(document.tables):
        grid = docx_table_grid(t)
        table = from_grid(grid, name=f"table {i + 1}", source="docx") if grid else None
        if table is not None:
            out.append(table)
    return out


# --- PDF ----------------------------------------------------------------------------------


def pdf_table_grids(data: bytes, max_pages: int = 200) -> list[tuple[int, list[list[str]]]]:
    """(page number, grid) for each table pdfplumber finds on the text layer: ruled tables by
    their lines, else none (text alignment alone mistakes columns of prose for tables). Empty
    when pdfplumber is not installed or the PDF cannot be read."""
    try:
        import io

        import pdfplumber
    except ImportError:  # optional: PDFs keep their text, tables stay text
        logger.info("pdfplumber not installed: PDF tables are read as text")
        return []
    out = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages[:max_pages], start=1):
                for raw in page.extract_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
                    grid = [[" ".join((c or "").split()) for c in row] for row in raw]
                    grid = [r for r in grid if any(r)]
                    if len(grid) >= 2 and max(len(r) for r in grid) >= 2:
                        out.append((number, grid))
    except Exception as exc:  # a damaged PDF keeps its text; its tables are skipped
        logger.warning("PDF tables not read (%s)", type(exc).__name__)
        return []
    return out


def parse_pdf_tables(data: bytes) -> list[Table]:
    out: list[Table] = []
    for number, grid in pdf_table_grids(data):
        table = from_grid(grid, name=f"table {len(out) + 1}", source="pdf", page=number)
        if table is not None:
            out.append(table)
    return out


# --- plain text ---------------------------------------------------------------------------

# Two or more spaces, or a tab, separate the columns of a whitespace-aligned table.
_GAP = re.compile(r" {2,}|\t+")
_TEXT_RULE = re.compile(r"[ \t]*[-=_─━+|: \t]{3,}[ \t]*")


def _text_fields(line: str) -> list[tuple[int, int]]:
    """(start, end) of the fields of a line, split at runs of two or more spaces or a tab."""
    out = []
    pos = 0
    for m in _GAP.finditer(line):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(line.rstrip()):
        out.append((pos, len(line.rstrip())))
    return [(a, b) for a, b in out if line[a:b].strip()]


def _text_columns(lines: list[str]) -> list[tuple[int, int]]:
    """Column spans of an aligned block: runs of character positions where some line has a
    field, split where every line leaves a gap of two or more spaces."""
    width = max(len(line) for line in lines)
    used = [False] * width
    for line in lines:
        for a, b in _text_fields(line):
            for k in range(a, b):
                used[k] = True
    spans: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if not used[k]:
            k += 1
            continue
        start = k
        while k < width and used[k]:
            k += 1
        spans.append((start, k))
    merged: list[tuple[int, int]] = []
    for a, b in spans:  # a one-space gap is a space between words, not between columns
        if merged and a - merged[-1][1] < 2:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _header_at_body_columns(lines: list[str]) -> list[list[str]] | None:
    """A header whose labels are set one space apart ("Month  Laredo trucks Eagle Pass trucks")
    over a body whose every line has the same fields: each header word goes to the body column
    it overlaps, else to the first column ending at or after it (labels are aligned with their
    column's right edge, as figures are). None when a column gets no label."""
    fields = [_text_fields(line) for line in lines[1:]]
    body = [[line[a:b].strip() for a, b in row] for line, row in zip(lines[1:], fields, strict=True)]
    spans = [(min(row[k][0] for row in fields), max(row[k][1] for row in fields)) for k in range(len(body[0]))]
    header = [""] * len(spans)
    for m in re.finditer(r"\S+", lines[0]):
        a, b = m.span()
        k = next((k for k, (s, e) in enumerate(spans) if a < e and b > s), None)
        if k is None:
            k = next((k for k, (_, e) in enumerate(spans) if e >= b), None)
        if k is None or any(header[j] for j in range(k + 1, len(spans))):
            return None  # past the last column, or out of order
        header[k] = f"{header[k]} {m.group(0)}".strip()
    return [header, *body] if all(header) else None


def _text_grid(lines: list[str]) -> list[list[str]] | None:
    """The block's lines as rows of cells: split at the gaps when every line has as many
    fields, else cut at the column spans all lines share (a blank cell keeps its column)."""
    counts = {len(_text_fields(line)) for line in lines}
    if len(counts) == 1:
        return [[line[a:b].strip() for a, b in _text_fields(line)] for line in lines]
    body_counts = {len(_text_fields(line)) for line in lines[1:]}
    if len(body_counts) == 1 and len(_text_fields(lines[0])) < body_counts.pop():
        grid = _header_at_body_columns(lines)
        if grid is not None:
            return grid
    spans = _text_columns(lines)
    grid = []
    for line in lines:
        row = [""] * len(spans)
        for a, b in _text_fields(line):
            hit = [k for k, (s, e) in enumerate(spans) if a < e and b > s]
            if len(hit) != 1:
                return None  # a field straddles two columns: the alignment is not a table's
            k = hit[0]
            row[k] = f"{row[k]} {line[a:b].strip()}".strip()
        grid.append(row)
    return grid


def text_table_blocks(text: str) -> list[tuple[int, int, list[list[str]]]]:
    """(start, end, grid) of each whitespace-aligned table in plain ``text``: at least three
    consecutive lines of two or more fields (rule lines of dashes may sit between them), the
    first a header, at least two body rows, every body row stating a figure in most of its
    value cells, and the same columns on every line. Prose never qualifies: its lines have
    one field."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[tuple[int, int, list[list[str]]]] = []
    i = 0
    while i < len(lines):
        j = i
        block: list[tuple[int, str]] = []
        while j < len(lines):
            line = lines[j][1]
            if _TEXT_RULE.fullmatch(line) and line.strip():
                j += 1
                continue
            if len(_text_fields(line)) < 2:
                break
            block.append(lines[j])
            j += 1
        grid = _text_grid([line for _, line in block]) if len(block) >= 3 else None
        if grid is not None and _is_text_table(grid):
            start = block[0][0]
            out.append((start, lines[j - 1][0] + len(lines[j - 1][1].rstrip()), grid))
        i = max(j, i + 1)
    return out


def _is_text_table(grid: list[list[str]]) -> bool:
    width = len(grid[0])
    if width < 2 or any(len(r) != width for r in grid):
        return False
    body = grid[1:]
    if sum(1 for c in grid[0] if c) < 2:
        return False  # no header line
    if any(_is_figure(c) for c in grid[0][1:]):
        return False  # the first line states figures: a header line is missing
    for row in body:
        values = [c for c in row[1:] if c]
        if not values or sum(1 for c in values if _is_figure(c) or c.lower() in _EMPTY_CELLS) * 2 < len(values):
            return False
    return True


# --- words --------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, accents dropped, dashes unified ("Nuevo León" ~ "nuevo leon")."""
    plain = unicodedata.normalize("NFKD", str(text).lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[–—‐-]", "-", plain)


def with_offsets(table: Table, offsets: Iterable[tuple[int, int]]) -> Table:
    """The table with its body rows' char offsets set (header rows first in ``offsets``)."""
    offsets = list(offsets)
    body = offsets[table.header_rows :]
    rows = tuple(replace(r, start=o[0], end=o[1]) for r, o in zip(table.rows, body, strict=False))
    return replace(table, rows=rows, start=offsets[0][0] if offsets else None, end=offsets[-1][1] if offsets else None)
