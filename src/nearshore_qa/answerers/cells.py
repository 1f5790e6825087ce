"""Cell-level answers: find the table cell a question asks for and state it in words.

``answer_from_tables(question, hits, tables_for)`` looks at the tables of the best-ranked
retrieved documents (``tables_for(doc_id) -> list[tables.Table]``), picks the row (entity: the
row label, accents and demonyms folded; its group), the column (period: year, quarter, month,
"as at" date; or measure: the column's words) and, for long tables whose rows carry the period
(year, partner, exports), the row whose period matches. It returns a ``CellAnswer``: a sentence
that states the cell with its labels, unit and period, and where the cell is (document, table,
row, column) so the citation can point at it and highlight it. None when no cell is a clear
match, so the caller falls back to quoting passages.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

import Stemmer

from ..figures import FoundFigure, find_figures
from ..kinds import DocumentKind
from ..places import DEMONYMS, REPORTER_WORDS
from ..records import Hit
from ..tables import (
    CAPTION_LABEL,
    Cell,
    Column,
    Period,
    Row,
    Table,
    clean_label,
    fold,
    labelled,
    month_or_quarter,
    month_span,
    parse_period,
    parse_unit,
    title_like,
    title_part,
    unit_only,
)
from ..text import MONTH, MONTHS, YEAR, written_among, written_lower
from .scoring import NAME, PERCENT, asked_type

logger = logging.getLogger(__name__)

_STEM = Stemmer.Stemmer("english")
_WORD = re.compile(r"[a-z][a-z'\-]*|\d+(?:\.\d+)?")
_STOP = set(
    """a an the of in on at to for from by with and or but is are was were be been being do does did what
which who whom whose when where why how much many there their its it this that these those as than then into about
over under between during per vs versus according has have had can could would should will shall may might me my our
we you your i tell give show list please any some also still value amount number figure figures data year years
fiscal ended ending end as at company's company group s respectively""".split()
)
# Demonyms and short forms name the same entity as the row label ("Mexican" ~ "Mexico").
_ALIASES = {
    # countries' adjectives, from the general table ("Norwegian" ~ "Norway", "British" ~ "UK")
    **DEMONYMS,
    "american": "us",
    "america": "us",
    "u.s": "us",
    "usa": "us",
    "u.s.a": "us",
    "uk": "uk",
    # a deficit or a surplus is a (trade) balance below or above zero
    "deficit": "balance",
    "deficits": "balance",
    "surplus": "balance",
    "surpluses": "balance",
}
_EXTREME = re.compile(r"\b(largest|biggest|highest|most|top|leading|greatest|smallest|lowest|least|fewest)\b", re.I)
_LOW = re.compile(r"\b(smallest|lowest|least|fewest)\b", re.I)
_UNIT_WORDS = {
    "usd",
    "us",
    "millions",
    "million",
    "billions",
    "billion",
    "thousands",
    "thousand",
    "pct",
    "percent",
    "mxn",
    "cad",
    "dollars",
    "nominal",
    "in",
    "of",
    "eur",
    "gbp",
}


_US = re.compile(r"\bu\.\s?s\.(?:\s?a\.)?(?=[\s\-–—,;:)]|$)")  # "U.S.", "U.S.A." spelled with stops


def terms(text: str) -> list[str]:
    words = _WORD.findall(_US.sub("us ", fold(text)).replace("’", "'").replace("'s", "").replace("_", " "))
    out = []
    for w in words:
        w = w.strip("'-")
        if not w or w in _STOP:
            continue
        w = _ALIASES.get(w, w)
        out.append(w if w[0].isdigit() else _STEM.stemWord(w))
    return out


# The share of a question's words that must stand around the chosen cell (row, group, columns,
# caption, title); tuned on the first 300 TAT-QA dev questions (benchmarks/RESULTS.md).
QUESTION_COVERAGE = float(__import__("os").environ.get("NEARSHORE_QA_CELL_COVERAGE", "0.4"))

# Words of a question that name no row or column ("What was the amount of ...").
# … and the reporter, which a table of US trade never names: "the United States", "America"
_GENERIC = set(terms("amount value figure number much many respectively reported report table company group companies"))
_GENERIC |= set(terms(" ".join(REPORTER_WORDS)))


@dataclass
class CellAnswer:
    """A cell (or cells of one row) stated in words, with where it stands."""

    sentence: str  # without the citation marker
    hit: Hit  # the retrieved chunk of that table (the row's own chunk when it was retrieved)
    table_index: int
    table: Table
    row: Row
    columns: list[Column]
    score: float
    doc_rank: int
    notes: dict = field(default_factory=dict)

    @property
    def cells(self) -> list[Cell]:
        return [self.row.cells[c.index] for c in self.columns]


_OP_PCT = re.compile(
    r"\bpercent(?:age)?\s+(?:change|increase|decrease|growth|decline)|%\s*change|change\s*\(%\)|"
    r"\bgrowth rate\b",
    re.I,
)
_OP_CHANGE = re.compile(r"\b(?:change|increase|decrease|difference|decline)\b", re.I)
_OP_AVG = re.compile(r"\baverage\b", re.I)
_OP_WHICH = re.compile(
    r"\b(?:which|what)\s+(?:year|period|fy|fiscal year|quarter)s?\b.*?\b(larger|largest|higher|highest|"
    r"more|most|greater|greatest|bigger|biggest|lower|lowest|smaller|smallest|less|least|fewer)\b",
    re.I,
)


def _operation(question: str, periods: list[Period]) -> str:
    """What the question does with the cells: "" (state them), "pct", "change", "average",
    "which-max" / "which-min" (the period where the row is highest / lowest)."""
    which = _OP_WHICH.search(question)
    if which and not re.search(r"\bthan\s+[\d$]", question):
        return "which-min" if _LOW_CMP.search(which.group(1)) else "which-max"
    if len(periods) != 2:
        return ""
    if _OP_PCT.search(question):
        return "pct"
    if _OP_AVG.search(question):
        return "average"
    if _OP_CHANGE.search(question):
        return "change"
    return ""


_LOW_CMP = re.compile(r"lower|lowest|smaller|smallest|less|least|fewer", re.I)


# Flows said in phrases: what is taken in from a partner is bought there; a partner is a
# customer, market or buyer for US goods, or a supplier to the US
_US_GOODS = r"(?:the\s+)?(?:American|U\.?S\.?)\s+(?:goods|products|exports)"
_THE_US_PLACE = r"(?:the\s+)?(?:United\s+States|U\.?S\.?(?![$\w])|America)"
FLOW_PHRASES = {
    # … and which way goods went: "from the United States into Canada", "from Mexico to the US"
    "exports": rf"\b(?:customers?|markets?|buyers?)\s+(?:for|of)\s+{_US_GOODS}|\bfrom\s+{_THE_US_PLACE}\s+(?:in)?to\b",
    "imports": rf"\b(?:t(?:akes?|ook|aking)|br(?:ings?|ought|inging))\s+in\s+from\b|"
    rf"\bsuppliers?\s+(?:of|to)\s+{_THE_US_PLACE}|\bfrom\s+(?!the\s+U|U)\w+(?:\s+\w+)?\s+(?:in)?to\s+{_THE_US_PLACE}",
}
_FLOW_PHRASE_TERMS = {re.compile(pattern, re.I): flow[:-1] for flow, pattern in FLOW_PHRASES.items()}


@dataclass
class _Question:
    text: str
    terms: set[str]
    periods: list[Period]
    extreme: str  # "max" | "min" | ""
    op: str = ""

    @classmethod
    def of(cls, question: str) -> _Question:
        periods: list[Period] = []
        for m in re.finditer(r"\b(?:19|20)\d\d\b", question):
            near = question[max(0, m.start() - 20) : m.end() + 3]
            p = parse_period(near) or parse_period(m.group(0))
            p = p if p and p.year == int(m.group(0)) else parse_period(m.group(0))
            if p and all(p.key != q.key for q in periods):
                periods.append(p)
        span = re.search(
            r"\b((?:19|20)\d\d)\s+(?:to|through|-|–)\s+((?:19|20)\d\d)\b.*\brespectively\b", question, re.I
        )
        if span:  # "for fiscal years 2019 to 2017 respectively": every year of the span, as listed
            a, b = int(span.group(1)), int(span.group(2))
            if 0 < abs(a - b) <= 5:
                step = 1 if b > a else -1
                years = [parse_period(str(y)) for y in range(a, b + step, step)]
                periods = [p for p in years if p is not None]
        for m in re.finditer(r"\b(?:FY|F)\s?'?(\d\d)\b", question, re.I):  # fiscal shorthand: "FY18"
            p = parse_period(f"FY{m.group(1)}")
            if p and all(p.year != q.year for q in periods):
                periods.append(p)
        extreme = ""
        op = _operation(question, periods)
        if not op and _EXTREME.search(question) and re.match(r"\s*(?:in\s+)?(which|what|who)\b", question, re.I):
            extreme = "min" if _LOW.search(question) else "max"
        words = set(terms(question)) - {str(p.year) for p in periods}
        for pattern, flow in _FLOW_PHRASE_TERMS.items():  # "take in from": its words say the flow
            for m in pattern.finditer(question):
                words = (words - set(terms(m.group(0)))) | {flow}
        for m in _NAME_COMPOUND.finditer(question):  # "US-Mexico trade": the US and Mexico, each a name
            if m.group(1).lower() not in _PREFIXES:  # "Non-Swiss" is one name
                words |= set(terms(re.sub(r"[-–—/]", " ", m.group(0))))
        words -= {t for m in re.finditer(r"\b(?:FY|F)\s?'?(\d\d)\b", question, re.I) for t in terms(m.group(0))}
        if op:  # "percentage change", "average", "which year ... larger" name no row or column
            words -= set(
                terms(
                    "percentage change increase decrease difference decline average which year period "
                    "larger largest higher highest more most greater lower lowest smaller less least"
                )
            )
        return cls(question, words, periods, extreme, op)


# Two or more capitalised names joined by a dash or slash ("US-Mexico", "US–Canada"): a pair of
# names, not one word; a lower-case compound ("non-current", "year-end") stays one term.
_NAME_COMPOUND = re.compile(r"\b([A-Z][\w.]*)(?:[-–—/][A-Z][\w.]*)+")
# English bound prefixes: "Non-Swiss", "Pre-Tax", "Co-Op" are one word, not two names.
_PREFIXES = {
    "non",
    "anti",
    "pre",
    "post",
    "ex",
    "co",
    "sub",
    "semi",
    "multi",
    "inter",
    "intra",
    "pan",
    "self",
    "cross",
    "trans",
    "re",
    "un",
    "mid",
    "over",
    "under",
}


def _with_parts(words: set[str]) -> set[str]:
    """``words`` with the parts of each dashed compound ("us-mexico" -> "us", "mexico")."""
    return words | {part for t in words if "-" in t for part in terms(t.replace("-", " "))}


_ACRONYM_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")


def acronyms(text: str) -> dict[str, set[str]]:
    """Initials of each run of two to four content words, with the runs' terms: "foreign direct
    investment" -> {"fdi": {"foreign", "direct", "invest"}}. A question may spell out what a table
    abbreviates (or abbreviate what it spells out)."""
    words = [w for w in _ACRONYM_WORD.findall(fold(text)) if w not in _STOP]
    out: dict[str, set[str]] = {}
    for n in (2, 3, 4):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            out.setdefault("".join(w[0] for w in run), set()).update(terms(" ".join(run)))
    return out


def _covered(asked: set[str], around: set[str], question: str, around_texts: list[str]) -> set[str]:
    """The asked terms the words around a cell account for: the same term, a phrase of the question
    whose acronym stands there ("foreign direct investment" under "FDI"), or an acronym of the
    question that a phrase there spells out."""
    got = asked & around
    got |= {t for t in asked if "-" in t and set(terms(t.replace("-", " "))) <= around}  # "us-mexico"
    for acronym, words in acronyms(question).items():
        if len(acronym) >= 3 and acronym in around:
            got |= words & asked
    spelled = {a for text in around_texts for a in acronyms(text) if len(a) >= 2}
    # two letters spell out a name only as the question capitalises them ("UK": "United Kingdom")
    return got | {
        t for t in asked if t in spelled and (len(t) >= 3 or re.search(rf"\b{re.escape(t.upper())}\b", question))
    }


def _compounds_as_written(q: _Question, table: Table) -> _Question:
    """The question without the parts of a dashed compound that a row label of ``table`` writes
    whole: a row "US-Mexico" is named by "US-Mexico", and a row "Mexico" beside it is not."""
    compounds = {t for t in q.terms if "-" in t}
    if not compounds:
        return q
    labels: set[str] = set()
    for row in table.rows:
        labels.update(terms(row.label))
    whole = compounds & labels
    if not whole:
        return q
    parts = {p for t in whole for p in terms(t.replace("-", " "))}
    keep = {p for t in compounds - whole for p in terms(t.replace("-", " "))}
    return replace(q, terms=q.terms - (parts - keep))


def _period_match(asked: list[Period], period: Period | None) -> bool:
    if period is None:
        return False
    for p in asked:
        if p.year != period.year:
            continue
        if (p.quarter or period.quarter) and p.quarter != period.quarter and not p.month:
            continue  # a quarter is not the year it is part of
        if p.month and period.month and p.month != period.month:
            continue
        if p.month and not p.day and period.quarter and not period.month:
            continue  # nor is a quarter one of its months ("December 2016" is not "2016 Q4")
        if p.month and not p.day and not (period.month or period.quarter) and not period.fiscal:
            continue  # a year's figure does not say what one month ("May 2019") was
        if period.month and not period.day and not p.month:
            continue  # nor is a month (a dated column, "As at 31 December 2019", stands for its year)
        return True
    return False


def _month_row(row: Row, asked: list[Period]) -> bool:
    """A row labelled by a month or quarter alone ("March", "Q4") that a month or quarter the
    question names ("March 2019", "the fourth quarter of 2016") picks, in a table whose columns
    give the year."""
    label = row.label.strip().lower().rstrip(".")
    month = parse_period(f"{label} 2000")
    return (
        month_or_quarter(label)
        and month is not None
        and (month.month is not None or month.quarter is not None)
        and any(
            (p.month == month.month if month.month is not None else p.quarter == month.quarter and not p.month)
            for p in asked
        )
    )


# "Less: accumulated depreciation", "Add valuation allowance": in a statement the leading word is
# the row's sign in the sum, not part of the item's name.
_SIGN_WORD = re.compile(r"^\s*(?:less|add|plus|deduct|minus)\b\s*:?\s*(?=\S)", re.I)


def _row_terms(row: Row, label_cols: list[int]) -> list[str]:
    words = [
        row.cells[j].text
        for j in label_cols
        if not parse_period(row.cells[j].text) and not month_or_quarter(row.cells[j].text)
    ] or [row.label]
    return terms(_SIGN_WORD.sub("", " ".join(words)))


def _only_period(row: Row, label_cols: list[int]) -> bool:
    texts = [row.cells[j].text for j in label_cols if row.cells[j].text]
    return bool(texts) and all(parse_period(t) or month_or_quarter(t) for t in texts)


_ROW_TERMS: dict[int, tuple[Table, list[list[str]], list[list[str]], dict[str, float]]] = {}


def _table_terms(
    table: Table, rows: list[Row], label_cols: list[int]
) -> tuple[list[list[str]], list[list[str]], dict[str, float]]:
    """The label terms of each row, its group's terms and their rarity: the same for every
    question, so read once per table object (a store's data tables are scanned for many)."""
    cached = _ROW_TERMS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1], cached[2], cached[3]
    rows_terms = [_row_terms(r, label_cols) if not _only_period(r, label_cols) else [] for r in rows]
    group_terms = [terms(r.group) for r in rows]
    idf = _idf(rows_terms)
    if len(_ROW_TERMS) > 512:
        _ROW_TERMS.clear()
    _ROW_TERMS[id(table)] = (table, rows_terms, group_terms, idf)
    return rows_terms, group_terms, idf


def _idf(rows_terms: list[list[str]]) -> dict[str, float]:
    n = len(rows_terms)
    df: dict[str, int] = {}
    for ts in rows_terms:
        for t in set(ts):
            df[t] = df.get(t, 0) + 1
    return {t: math.log(1 + n / c) for t, c in df.items()}


def _table_of_hit(hit: Hit, tables: list[Table]) -> tuple[int, Row | None] | None:
    chunk = hit.chunk
    for i, table in enumerate(tables):
        if chunk.row is not None and table.source in ("csv", "xlsx"):
            if chunk.table and table.name != chunk.table:
                continue
            row = next((r for r in table.rows if r.source_row == chunk.row), None)
            return i, row
        if table.start is not None and table.start <= chunk.start <= (table.end or table.start):
            return i, table.row_at(chunk.start)
    return None


def _column_terms(column: Column) -> list[str]:
    words = [w for w in re.split(r"[\s_]+", column.name) if w.lower() not in _UNIT_WORDS]
    return terms(" ".join(words)) + _measure_beside_period(column)


_PERIOD_WORDS = re.compile(
    r"\b(?:(?:19|20)\d\d|fy|fiscal|years?|ended|ending|as|at|of|months?|quarters?|q[1-4]|periods?|weeks?|"
    r"estimated|final|actual|restated|reported|to|through|the|for|three|six|nine|twelve|and|in|on|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december)\b|\d+|[^\w\s]",
    re.I,
)


def _measure_beside_period(column: Column) -> list[str]:
    """Measure words written in the same header cell as the period ("Trucks 2010", "Exports
    Q1 2024"): ``Column.name`` drops a cell that is a period, and with it what is measured."""
    out: list[str] = []
    for part in column.parts:
        if part and parse_period(part) and not unit_only(part):
            rest = " ".join(_PERIOD_WORDS.sub(" ", part).split())
            if rest and not parse_unit(rest):
                out += terms(rest)
    return out


def _best_cell(
    q: _Question, table: Table, title: str = "", blocked: list[tuple[Row, list[Column], set[str]]] | None = None
) -> tuple[float, Row, list[Column], dict] | None:
    """The best cell of ``table`` for the question, or None. A cell that fills every other slot
    but lacks the measure the question names ("the weight of …") is added to ``blocked``."""
    label_cols = [c.index for c in table.label_columns]
    value_cols = [c for c in table.value_columns if any(r.cells[c.index].value is not None for r in table.rows)]
    if not value_cols or not table.rows:
        return None
    q = _compounds_as_written(q, table)
    rows = [r for r in table.rows if r.kind != "group" and any(r.cells[c.index].value is not None for c in value_cols)]
    if not rows:
        return None
    here = table.period
    if q.periods and here and not any(r.period for r in rows) and not any(c.period for c in value_cols):
        if all(p.year != here.year for p in q.periods):
            return None  # "Partners, January–June 2024" does not say what 2023 was
    rows_terms, group_terms, idf = _table_terms(table, rows, label_cols)
    long_table = any(r.period for r in rows)
    # columns: by period, else by the measure words
    period_cols = [c for c in value_cols if c.period]
    col_scores = {}
    # A column is picked by a word of the question it names that the title does not already say
    # ("imports" in a table titled "US imports from China" tells no column apart).
    # A title word that some columns have and others lack ("trucks and railcars" over "Trucks
    # 2010 | Railcars 2010") still tells them apart; a rank or share column measures nothing of its own.
    col_terms = {c.index: set(_column_terms(c)) for c in value_cols}
    measured = [col_terms[c.index] for c in value_cols if not _RANK_LIKE.search(c.label.replace("_", " "))]
    apart = (
        {t for t in set().union(*measured) if sum(t in ct for ct in measured) < len(measured)} if measured else set()
    )
    title_terms = set(terms(title)) - apart
    amounts = any(not _percent_column(table, c) for c in value_cols)
    for c in value_cols:
        ct = col_terms[c.index]
        hits = (ct & q.terms) - title_terms
        score = len(hits) / (1 + 0.2 * len(ct - q.terms)) if ct else 0.0
        if _UNITLESS.search(c.label.replace("_", " ")) and not (
            (_UNITLESS.search(" ".join(q.terms)) or _UNITLESS.search(q.text)) and hits
        ):
            score -= 1.0  # a rank or a share answers only a question that asks for it
        if c.period and q.periods:
            score += 2.0 if _period_match(q.periods, c.period) else -2.0
        if _percent_column(table, c) and amounts and not _ASKS_SHARE.search(q.text):
            score -= 1.0  # "% of total revenue" beside the amounts answers only a question about shares
        col_scores[c.index] = score
    if q.op.startswith("which") and len(period_cols) >= 2 and not long_table:
        per_key: dict[str, Column] = {}
        for c in period_cols:
            assert c.period is not None  # period_cols holds only columns with a period
            per_key.setdefault(c.period.key, c)
        chosen_cols = list(per_key.values())
    elif q.periods and period_cols and not long_table:
        asked_periods = q.periods
        if all(r.period is None and month_or_quarter(r.label) for r in rows):
            # month rows under year columns: the column gives the year of "March 2019"
            asked_periods = [
                Period(p.text, p.year, fiscal=p.fiscal) if (p.month or p.quarter) and not p.day else p
                for p in q.periods
            ]
        chosen_cols = [c for c in period_cols if _period_match(asked_periods, c.period)]
        if not chosen_cols:
            return None
        if len(chosen_cols) > 1:
            best = max(col_scores[c.index] for c in chosen_cols)
            tops = [c for c in chosen_cols if col_scores[c.index] == best]
            chosen_cols = tops if len(tops) < len(chosen_cols) else chosen_cols
            measures_per_period: dict[str, set[frozenset[str]]] = {}
            measure_named = False
            for c in [c for c in period_cols if _period_match(asked_periods, c.period)]:
                assert c.period is not None  # period_cols holds only columns with a period
                measure_named = measure_named or bool((col_terms[c.index] & q.terms) - title_terms)
                beside = frozenset(_measure_beside_period(c))
                if beside and not _percent_column(table, c) and not _percent_cells(table, c):
                    measures_per_period.setdefault(c.period.key, set()).add(beside)
            if not measure_named and any(len(m) > 1 for m in measures_per_period.values()):
                # "Trucks 2010" and "Railcars 2010": the question names neither measure; beside a
                # plain "2024" column, "2024, truck" and "2024, rail" are its parts, and it the whole
                whole = [c for c in chosen_cols if not col_terms[c.index]]
                if not whole:
                    return None
                chosen_cols = whole
        # one column per asked period ("in 2019 and 2018")
        per_period: dict[str, Column] = {}
        for c in chosen_cols:
            assert c.period is not None  # chosen_cols is drawn from period_cols here
            per_period.setdefault(c.period.key, c)
        chosen_cols = list(per_period.values())
    elif len(value_cols) == 1:
        chosen_cols = value_cols
    else:
        best = max(col_scores.values())
        tops = [c for c in value_cols if col_scores[c.index] == best]
        plain = [c for c in value_cols if col_scores[c.index] > -0.5]
        if best <= 0 and q.extreme and len(plain) > 1:
            # "largest trading partner": the title's own words may name the measure to rank by
            raw = {c.index: len(set(_column_terms(c)) & q.terms) for c in plain}
            top = max(raw.values())
            if top > 0 and sum(1 for v in raw.values() if v == top) == 1:
                best, tops = 1.0, [c for c in plain if raw[c.index] == top]
        totals = [c for c in plain if _TOTAL_COLUMN.fullmatch(clean_label(c.label))]
        subject = set(terms(caption_subject(table)))
        if best <= 0 and len(plain) == 1:
            tops = plain  # the one figure column beside ranks and shares
        elif best <= 0 and len(totals) == 1 and subject and subject <= q.terms | set(terms(title)):
            tops = totals  # "US–Canada trade" asked of "US–Canada trade by month": its Total column
        elif best <= 0:
            return None  # neither a period nor a measure of the question picks a column
        same: dict[str, Column] = {}
        for c in tops:  # one measure in two units (millions, billions): state it once
            same.setdefault(_measure(c).lower(), c)
        said = {frozenset((col_terms[c.index] & q.terms) - title_terms) for c in same.values()}
        if len(same) > 1 and len(said) == 1:
            return None  # "Truck imports", "Rail imports": told apart by words the question never says ("by air")
        chosen_cols = list(same.values())[:3]
    # rows: the label's words in the question (rare words weigh more), the row's period
    scored = []
    for r, rt, gt in zip(rows, rows_terms, group_terms, strict=False):
        if long_table and q.periods and not _period_match(q.periods, r.period):
            continue
        if not rt:
            if long_table and q.periods and r.period:  # rows named by their period alone ("2010")
                scored.append((1.0, 1.0, r))
            elif not long_table and chosen_cols and all(c.period for c in chosen_cols) and _month_row(r, q.periods):
                scored.append((1.0, 1.0, r))  # "| March | 11,385.0 | 11,979.8 |" under "| Month | 2019 | 2020 |"
            continue
        uniq = set(rt)
        hit_w = sum(
            idf.get(t, 1.0) for t in uniq if t in q.terms or ("-" in t and set(terms(t.replace("-", " "))) <= q.terms)
        )
        all_w = sum(idf.get(t, 1.0) for t in uniq)
        coverage = hit_w / all_w if all_w else 0.0
        if coverage < 0.6 and "(" in r.label:
            # a parenthetical qualifies the label ("Carrying amount (non-current (liabilities)/assets)"):
            # the label without it, named in full, matches a little less than a label named in full
            main = set(terms(re.sub(r"\(.*\)", " ", r.label)))
            main_w = sum(idf.get(t, 1.0) for t in main)
            if main and main_w:
                coverage = max(coverage, 0.9 * sum(idf.get(t, 1.0) for t in main if t in q.terms) / main_w)
        # the group the question names ("revenue" names "Revenue", less so "Cost of revenue")
        group_bonus = 0.15 * len(set(gt) & q.terms) - 0.05 * len(set(gt) - q.terms)
        scored.append((coverage + 0.05 * hit_w + group_bonus, coverage, r))
    monthly = all(
        (r.period is None and month_or_quarter(r.label)) or (r.period is not None and r.period.month) for r in rows
    )
    if q.extreme and monthly and len(chosen_cols) == 1 and (chosen_cols[0].period is not None or long_table):
        # "In which month of 2020 were imports lowest?" over month rows (under year columns)
        col = chosen_cols[0]
        years = {p.year for p in q.periods}
        cands = [
            r
            for r in rows
            if r.cells[col.index].value is not None and (r.period is None or not years or r.period.year in years)
        ]
        if len(cands) >= 2:
            lowest = (q.extreme == "min") != bool(re.search(r"\bdeficits?\b", q.text, re.I))
            pick = (min if lowest else max)(cands, key=lambda r: r.cells[col.index].value or 0.0)
            return 0.8, pick, [col], {"extreme": "min" if lowest else "max", "among": len(cands)}
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    notes: dict = {}
    top_score, coverage, row = scored[0]
    if q.extreme and long_table and (coverage < 0.99 or len(chosen_cols) == 1):
        # "Which partner was the largest ... in 2023?": the row with the extreme figure.
        col = max(chosen_cols, key=lambda c: col_scores[c.index])
        cands = [
            r
            for r in rows
            if (not q.periods or _period_match(q.periods, r.period))
            and r.kind != "total"
            and r.cells[col.index].value is not None
        ]
        if len(cands) >= 2:
            lowest = (q.extreme == "min") != bool(re.search(r"\bdeficits?\b", q.text, re.I))

            def figure(r: Row) -> float:
                value = r.cells[col.index].value
                assert value is not None  # cands holds only rows with a figure in col
                return value

            pick = (min if lowest else max)(cands, key=figure)
            notes = {"extreme": "min" if lowest else "max", "among": len(cands)}
            return 0.8, pick, [col], notes
    if coverage < 0.6:
        return None
    # Most of what the question names must stand in the table around the cell (its row, group,
    # columns, caption); a question about something else that shares a row's word is not a lookup.
    own = set(rows_terms[rows.index(row)]) | set(terms(row.group)) | set(terms(table.caption))
    for c in chosen_cols:
        own |= set(terms(" ".join(c.parts)))
    for c in table.label_columns:
        own |= set(terms(c.label))
    own |= set(terms(row.period.text if row.period else row.label if month_or_quarter(row.label) else ""))
    own = _with_parts(own)  # "US–Canada"
    around = own | _with_parts(set(terms(title)))
    asked = q.terms - _GENERIC
    own_texts = [row.label, row.group, table.caption, *(" ".join(c.parts) for c in chosen_cols)]
    around_texts = [*own_texts, title]
    covered = _covered(asked, around, q.text, around_texts)
    cell_cov = len(covered) / len(asked) if asked else 1.0
    if cell_cov < QUESTION_COVERAGE:
        return None
    if not _same_direction(q, table, chosen_cols, title, row):
        return None  # "imports from Brazil" is not read off a column or table of exports
    measure = _asked_measure(q.text)
    missing = measure - covered - around
    if not missing and measure and (caption_subject(table) or labelled(table.caption)):
        # a table with a caption of its own counts what the caption says: the document's title
        # ("Trucks and trains at the Texas border") does not make a table of railcars count trucks
        missing = measure - own - _covered(measure, own, q.text, own_texts)
    if missing:
        # "the weight of …": no label of the cell says it is a weight
        if blocked is not None and coverage >= 0.99 and not (asked - missing) - covered - around:
            blocked.append((row, chosen_cols, missing))
        return None
    notes["coverage"] = cell_cov
    notes["unmatched"] = asked - covered
    if len(scored) > 1 and scored[1][0] == top_score and scored[1][2].label != row.label:
        return None  # two rows match equally: not clear which is asked
    if all(row.cells[c.index].empty or not row.cells[c.index].text.strip() for c in chosen_cols):
        return None  # "—" or nothing: the table does not state it
    if q.op:
        values = [row.cells[c.index].value for c in chosen_cols]
        if any(v is None for v in values) or len(chosen_cols) < 2 or not all(c.period for c in chosen_cols):
            return None
        notes = {"op": q.op}
    # How well this cell fits the question, comparable across tables (``answer_from_tables``
    # ranks the candidates of several documents by it): the share of the row label's words in
    # the question, the share of the question's words the label (and group) names, the share
    # standing around the cell, and whether it reads a share column the question does not ask for.
    at = rows.index(row)
    named = len((set(rows_terms[at]) | set(group_terms[at])) & asked) / len(asked) if asked else 1.0
    notes["match"] = {
        "row": coverage,
        "named": named,
        "around": cell_cov,
        "unasked_share": any(_share_column(table, row, c) for c in chosen_cols) and not _ASKS_SHARE.search(q.text),
        # the share of the question's words the table's own caption says: it tells apart two
        # same-shaped tables of one document ("Northbound pedestrians …", "… passenger vehicles")
        "caption": len(set(terms(table.caption)) & asked) / len(asked) if asked else 0.0,
        # a month or quarter asked that the cell's row or column states: a figure of the year
        # beside it (a table with no period of its own) does not say what May was
        "sub_year": any(p.month or p.quarter for p in q.periods)
        and (
            any(_period_match(q.periods, p) for p in [row.period, *(c.period for c in chosen_cols)])
            or (row.period is None and _month_row(row, q.periods) and all(c.period for c in chosen_cols))
        ),
    }
    return top_score, row, chosen_cols, notes


# Which way a figure runs: exports and imports are two measures, a balance (deficit, surplus) a
# third; trade (the total) is all of them. A cell stands for the direction its column names, else
# the one its caption, title and row name, when they name one only.
_DIRECTIONS = {"export": "export", "import": "import", "balanc": "balance"}


def _directions(words: set[str]) -> set[str]:
    return {d for t, d in _DIRECTIONS.items() if t in words}


def _same_direction(q: _Question, table: Table, columns: list[Column], title: str, row: Row) -> bool:
    """False when the question asks one direction (exports, imports or a balance) and the cell
    measures another: its column names the other, or (the column naming none) its caption, title
    and row labels name only the other. A column of a total asked for a balance is not one either."""
    asked = _directions(q.terms)
    col_words: set[str] = set()
    for c in columns:
        col_words |= set(_column_terms(c)) | set(terms(" ".join(c.parts)))
    own = _directions(col_words)
    if not asked and _TRADE & q.terms:
        # trade asked, no direction: the total, which a column of exports alone is not ("total
        # US goods trade with Japan" is not answered by "US total exports")
        # (the table's own caption says what it counts; a document's title, only without one)
        own = own or _directions(set(terms(caption_subject(table) or table.caption or title)))
        return len(own) != 1
    if len(asked) != 1:
        return True  # no direction asked, or several ("exports and imports"): nothing to hold to
    if not own:
        subject = caption_subject(table)
        if asked != {"balance"} and not _directions(set(terms(f"{row.label} {row.group}"))) and _total_trade(subject):
            return False  # "Total US goods trade (exports plus imports) by partner": neither one
        # … and the header over its label column ("| US imports (US$ million) | 2002 | …")
        context = set(terms(" ".join([subject or table.caption, title, row.label, row.group, table.corner])))
        own = _directions(context)
        if asked == {"balance"} and _TOTAL_COLUMN.search(" ".join(c.label for c in columns)):
            return False  # a total is not the balance
        if len(own) != 1:
            return True
    return bool(own & asked)


def _total_trade(subject: str) -> bool:
    """A caption's subject that counts trade as the sum of its directions: it names trade and no
    direction ("US goods trade with Brazil"), or both exports and imports ("exports plus
    imports"). Its cells are totals, not the exports or the imports a question asks for."""
    words = set(terms(subject))
    named = _directions(words) - {"balance"}
    return bool(subject) and (named == {"export", "import"} or ("trade" in words and not named))


def other_direction_row(question: str, hit: Hit, column: str = "") -> bool:
    """Is ``hit`` a table row whose figure measures another direction than the one the question
    asks (a row of US exports quoted for "imports from Brazil"), or one direction only where the
    question asks for trade, the total? Its column when one was picked,
    else its figure columns, else its document's title, decide (``_same_direction``'s rule)."""
    chunk = hit.chunk
    if chunk.row is None:
        return False
    words = set(terms(question))
    asked = _directions(words)
    trade = not asked and bool(_TRADE & words)  # the total asked: a row of one direction is not it
    if len(asked) != 1 and not trade:
        return False
    named = (
        [column]
        if column
        else [c for c, v in zip(chunk.columns, chunk.values, strict=False) if _NUMBER.fullmatch(v.strip())]
    )
    own = set().union(*(_directions(set(terms(c))) for c in named)) if named else set()
    if not own:
        own = _directions(set(terms(" ".join([hit.doc.title, chunk.table or ""]))))
        if len(own) != 1:
            return False
    return len(own) == 1 if trade else not own & asked


_NUMBER = re.compile(r"[-−(]?[$£€]?\s?\d[\d,]*(?:\.\d+)?\)?%?")


class CrossingDirection(StrEnum):
    """Which way a border crossing goes: a count of one direction does not answer a question
    about the other (ports count northbound entries; southbound ones are another series)."""

    NORTHBOUND = "northbound"
    SOUTHBOUND = "southbound"


# "headed north", "sent south": a way of moving and a direction say it too
_MOVING = r"\b(?:head(?:ed|ing|s)?|go(?:es|ing)?|went|came|comes?|coming|roll(?:ed|ing|s)?|sen[dt]s?|sending|"
_MOVING += r"cross(?:ed|es|ing)?|mov(?:ed|es?|ing)|travel(?:l?ed|l?ing|s)?|dr(?:ove|ive[ns]?|iving)|"
_MOVING += r"walk(?:ed|ing|s)?|r(?:ode|ide|ides|iding)|flew|fl(?:y|ies|ying))\s+"
CROSSING_DIRECTIONS: dict[CrossingDirection, re.Pattern[str]] = {
    CrossingDirection.NORTHBOUND: re.compile(rf"\bnorth-?bound\b|{_MOVING}north\b", re.I),
    CrossingDirection.SOUTHBOUND: re.compile(rf"\bsouth-?bound\b|{_MOVING}south\b", re.I),
}


def crossing_directions(text: str) -> set[CrossingDirection]:
    """The ways of crossing ``text`` says ("northbound", "sent south")."""
    return {way for way, pattern in CROSSING_DIRECTIONS.items() if pattern.search(text)}


def lacks_measure(question: str, hit: Hit, ranked: Collection[str] = ()) -> bool:
    """Does ``hit`` never name the measure, unit or product the question asks ("how many tonnes …"
    over a row or a passage of US$, "exports of cotton …" over one of all goods, "how many
    pedestrians …" over a passage counting vehicles)? A table row holds to the cells' rule
    (``_asked_measure``); a passage, whose title, section and text are all it can say, to what
    the question counts, weighs or names the product of (``_asked_counted``): a passage never
    saying what is counted does not state its count. A unit stands for its dimension ("weight"
    is met by "tonnes")."""
    chunk = hit.chunk
    if chunk.row is None:
        asked = _asked_counted(question)
        around = [hit.doc.title, chunk.section, chunk.text]
    else:
        asked = _asked_measure(question)
        around = [hit.doc.title, chunk.table or "", chunk.caption, chunk.context, *chunk.columns, chunk.text]
    asked = asked | set(ranked)  # … or what a ranking question ranks by ("ranked second for railcars")
    if not asked:
        return False
    said = set(terms(" ".join(around)))
    return any(not _met(term, said) for term in asked)


def _met(term: str, said: set[str]) -> bool:
    """Is the asked measure ``term`` named by ``said``: itself (``written_among``: its plural, a
    compound ending in it) or its dimension's words; trade by trade, or by exports and imports together (a table of exports
    alone is not one of trade)."""
    if term in _TRADE:
        return bool(said & _TRADE) or _FLOWS <= said
    return bool(_DIMENSION_OF.get(term, {term}) & said) or written_among(term, said)


# The words of a physical dimension: a question asking one ("the weight of …", "how many tonnes
# …") is answered by a label or passage naming any of them (units of measurement, not a
# vocabulary of the documents).
_DIMENSIONS = (
    frozenset(terms("weight weigh weighed tonnes tonne tons ton kilograms kilogram kg pounds lbs")),
    frozenset(terms("volume barrels barrel gallons gallon litres liters")),
    frozenset(terms("time duration wait delay minutes minute hours hour days day")),
    # a trade balance is written as either of its signs
    frozenset(terms("balance deficit surplus")),
)
_DIMENSION_OF = {term: set(dimension) for dimension in _DIMENSIONS for term in dimension}
# "the total trade between …" is met by a table of exports and imports (``_met``; not the other
# way round: exports are not met by imports)
_TRADE = frozenset(terms("trade"))
_FLOWS = frozenset(terms("exports imports"))


# "What was the weight of …", "How much was the volume of …", "What was the average truck wait
# time at …": the measure the question names, the head of the noun phrase before its first
# preposition (before "of", any word; before another, a lower-case noun: "the issued DSU in 2019"
# names its measure by an acronym the cells' rule reads otherwise).
_MEASURE_OF = re.compile(
    r"\b(?:what|how much|how many)\s+(?:was|were|is|are)\s+the\s+(?:((?:[a-z]+\s+){0,2}?[a-z]+)\s+of|"
    r"((?:[a-z]+\s+){0,4}?(?-i:[a-z]+))\s+(?:at|in|on|for|to|from|with|between|during|across|through|into))\b",
    re.I,
)


def _measure_head(m: re.Match[str]) -> str:
    """The measure's head noun from a ``_MEASURE_OF`` match."""
    return (m.group(1) or m.group(2)).split()[-1]


# Words that name an operation or a generic quantity, not a measure a label must hold.
_OPERATION_WORDS = set(
    terms(
        "total sum average mean median percentage percent share proportion ratio rate change difference growth "
        "increase decrease decline level size balance net gross combined overall annual monthly quarterly "
        "respective values amounts figures numbers"
    )
)


# "How many bus passengers entered …", "How many cars did the US import …": what is counted
_COUNTED = re.compile(
    r"\bhow many\s+((?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:did|do|does|were|was|are|is|have|has|had|will|would|\w+ed)\b",
    re.I,
)


# "How many barrels of crude oil …", "how many tonnes of steel …": the unit counted
_COUNTED_UNIT = re.compile(r"\bhow many\s+((?:[a-z]+\s+)?[a-z]+)\s+of\s+[a-z]", re.I)


# "US exports of cotton to China", "imports of steel from Canada": the product a flow is of.
_FLOW_OF = re.compile(
    r"\b(?:exports?|imports?|shipments?|trade)\s+(?:in|of)\s+((?:[a-z]+\s+){0,2}?[a-z]+)\s+"
    r"(?:to|from|into|with|by|between|in|during)\b",
    re.I,
)
# "exports of goods": every product, which any trade table counts.
_EVERY_PRODUCT = set(terms("goods merchandise products commodities"))


# "How much apparel did the US import …", "how much Russian crude oil did …": the product a flow is
# of, its last word lower case ("how much Mexico did …" names a partner).
_HOW_MUCH_OF = re.compile(r"\b(?i:how much)\s+((?:[A-Za-z]+\s+){0,2}?[a-z]+)\s+did\b")


def _asked_counted(question: str) -> set[str]:
    """What ``question`` counts ("how many pedestrians …"), weighs ("the weight of …", "how many
    tonnes of …") or names the product of ("exports of cotton to …", "how much apparel did …"):
    ``_asked_measure`` without "the X of" for an X other than a dimension ("the objective of …"
    is said in other words)."""
    m = _MEASURE_OF.search(question)
    if m and _measure_head(m).lower() not in _UNIT_WORDS:
        head = set(terms(_measure_head(m)))
        if not head & _DIMENSION_OF.keys():
            question = question[: m.start()] + question[m.end() :]  # what is measured is said some other way
    product = _HOW_MUCH_OF.search(question)
    bought = set(terms(product.group(1).split()[-1])) if product else set()
    return _asked_measure(question) | (bought - _GENERIC - _EVERY_PRODUCT - _OPERATION_WORDS)


# "the highest imports", "more exports": a ranking or a comparison, not a kind of goods
_RANKING_WORD = re.compile(r"[a-z]+est|most|least|more|less|fewer|higher|lower|larger|smaller|greater|bigger")
# "US services exports to …", "cotton imports from …": the kind a flow is of, written before it
# (lower case: "Mexican imports" names a partner, not a kind of goods).
_FLOW_KIND = re.compile(r"\b([a-z]+)\s+(?:exports?|imports?|shipments?)\s+(?:to|from|into|of|with|by|in)\b")
# … or after it, as "in": "the trade balance in services with Ireland", "trade in goods", "the
# surplus in services trade with Egypt" (a bare noun: "in each year" names a period)
_FLOW_IN_KIND = re.compile(
    r"\b(?:trade|balance|deficit|surplus|exports?|imports?)\s+in\s+((?-i:[a-z]+))"
    r"(?=\s+(?:trade\s+)?(?:with|to|from|between|for|in|of|by|during|over|across|and|or)\b|\s*[?,.;]|\s*$)",
    re.I,
)


def asked_count(question: str) -> set[str]:
    """What "how many X …" counts ("pedestrians", "tonnes"), as terms; empty for other questions.
    Things joined ("pedestrians and cyclists") are each counted: the head of each."""
    m = _COUNTED_UNIT.search(question) or _COUNTED.search(question)
    if not m:
        return set()
    heads = [part.split()[-1] for part in re.split(r"\s+(?:and|or)\s+", m.group(1)) if part.split()]
    return set(terms(" ".join(heads))) - _GENERIC - _OPERATION_WORDS - _UNIT_WORDS


# The words right after a count: what it counts ("31,351,921 passenger vehicles entered …",
# "2,945,393 of the northbound trucks")
_COUNT_NOUNS = re.compile(r" (?:of (?:the |all |its |their )?)?((?:[a-z][\w\-]*)(?: [a-z][\w\-]*){0,2})")


def counted_by(text: str, figure: FoundFigure) -> set[str]:
    """The terms of what a count in ``text`` counts, read from the words right after it
    ("31,351,921 passenger vehicles", "32,953 of those walkers"); empty when punctuation or a
    preposition follows it ("rose from 129,794 to 141,560") and the words around it must say."""
    m = _COUNT_NOUNS.match(text, figure.end)
    words = m.group(1).split() if m else []
    return set(terms(" ".join(words))) if words and words[0] not in _STOP else set()


_JOINED = re.compile(r"\s*(?:,|and|or|to|,\s*and)\s*")


def counts_in(text: str) -> list[tuple[FoundFigure, set[str]]]:
    """Each count of ``text`` with what it counts: the words after it, else what the count before
    it counted ("61,271 pedestrians; the ferry carried 32,953 of those walkers, the bridge
    28,318"), else what the next one counts ("401,017 and 425,687 cars")."""
    counts = [f for f in find_figures(text) if f.kind == "number"]
    own = [counted_by(text, f) for f in counts]
    out: list[tuple[FoundFigure, set[str]]] = []
    before: set[str] = set()
    for i, figure in enumerate(counts):
        after = next((o for o in own[i + 1 :] if o), set())
        # "60,649 and 61,271 pedestrians": a count joined to the next one counts what it counts
        joined = i + 1 < len(counts) and _JOINED.fullmatch(text[figure.end : counts[i + 1].start])
        said = own[i] or (own[i + 1] if joined else set()) or before or after
        before = said or before
        out.append((figure, said))
    return out


def counts_other(counted: set[str], text: str) -> bool:
    """Does ``text`` count something other than ``counted`` and never it? A number followed by
    words counts what they name; one followed by punctuation or a preposition leaves it to the
    words around it ("its railcar count rose from 129,794 to 141,560"); an amount or a
    percentage counts nothing."""
    other = bare = False
    for figure in find_figures(text):
        if figure.kind != "number":
            continue  # an amount or a percentage ("jumped 44.0%") says nothing of what is counted
        said = counted_by(text, figure)
        if not said:
            bare = True
            continue
        if any(_met(term, said) for term in counted):
            return False
        other = True
    # "its passenger vehicles fell 38.8 percent, from 130,162 to 79,624, and only 3,377
    # pedestrians crossed": the bare numbers count what the sentence names, the asked thing
    return other and not (bare and any(_met(term, set(terms(text))) for term in counted))


# "How many of the northbound trucks counted at Laredo were empty?": what the counted ones were
_HOW_MANY_WERE = re.compile(r"\bhow many of\b[^?]*?\b(?:were|was|are|is)\s+([a-z]+)\s*\??\s*$", re.I)


def _asked_measure(question: str) -> set[str]:
    """The term of the measure a question names as "the X of" ("weight") or counts as "how many
    X" ("passengers", "barrels of crude oil"), or the product a flow is of ("exports of cotton to
    China"), operations and money units aside: a cell whose labels never say it does not answer."""
    flow = _FLOW_OF.search(question)
    product = set(terms(flow.group(1).split()[-1])) - _GENERIC - _EVERY_PRODUCT if flow else set()
    kind = _FLOW_KIND.search(question)
    if kind and not _RANKING_WORD.fullmatch(kind.group(1)):
        product |= set(terms(kind.group(1))) - _GENERIC - _EVERY_PRODUCT - _OPERATION_WORDS
    kind_after = _FLOW_IN_KIND.search(question)
    if kind_after and not _TOTAL_COLUMN.fullmatch(kind_after.group(1)):
        product |= set(terms(kind_after.group(1))) - _GENERIC - _EVERY_PRODUCT - _OPERATION_WORDS
    # "how many tonnes of exports did …" counts tonnes: the unit before "of" is what is counted
    were = _HOW_MANY_WERE.search(question)
    if were:  # "how many of the trucks … were empty": the empty ones are counted
        product |= set(terms(were.group(1))) - _GENERIC - _OPERATION_WORDS
    measured = _MEASURE_OF.search(question)
    counted = _COUNTED_UNIT.search(question) or _COUNTED.search(question)
    if measured:
        head = _measure_head(measured)  # "the product percentage of": what is measured is a percentage
    elif counted:
        head = counted.group(1).split()[-1]
    else:
        return product
    if head.lower() in _UNIT_WORDS:
        return product  # "how many million dollars of …" asks the money a table of values states
    return (set(terms(head)) - _GENERIC - _OPERATION_WORDS) | product


_RANK_LIKE = re.compile(r"\b(?:rank(?:ing)?|share|pct|percent(?:age)?|ratio|index)\b", re.I)
_TOTAL_COLUMN = re.compile(r"(?:total|all|sum)(?:\s+\w+)?", re.I)
_ASKS_SHARE = re.compile(r"%|\bpercent|\bper cent|\bproportion|\bshare\b|\bratio|\brate\b|\bmargin|\byield", re.I)


def _percent_column(table: Table, column: Column) -> bool:
    return "%" in column.label or column.unit.percent


def _percent_cells(table: Table, column: Column) -> bool:
    """Most of the column's figures are written as percentages ("(4.1)%")."""
    cells = [r.cells[column.index] for r in table.rows if r.cells[column.index].value is not None]
    return bool(cells) and 2 * sum(1 for c in cells if c.percent) >= len(cells)


def _share_column(table: Table, row: Row, column: Column) -> bool:
    """A column of percentages (a share of a total, a margin) beside a column of amounts."""
    cell = row.cells[column.index]
    if not (cell.percent or "%" in column.label or table.column_unit(column).percent):
        return False
    return any(
        row.cells[c.index].value is not None and not row.cells[c.index].percent and "%" not in c.label
        for c in table.value_columns
        if c.index != column.index
    )


def rank_score(score: float, notes: dict, doc_rank: int, doc_hits: int) -> float:
    """The score candidates of several documents' tables are ranked by: the match (``notes["match"]``),
    less for a lower-ranked document, more for a document with more of the retrieved passages."""
    match = notes.get("match")
    if not match:
        return score - 0.1 * (doc_rank + 1)
    return (
        match["row"]
        + 0.5 * match["named"]
        + 0.5 * match["around"]
        - 0.3 * match["unasked_share"]
        + 0.05 * match.get("caption", 0.0)
        + 0.2 * match.get("sub_year", False)
        - 0.1 * doc_rank
        + 0.05 * min(doc_hits, 4)
    )


_RANGE = re.compile(
    r"\bbetween\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d|\bfrom\s+(?:19|20)\d\d\s+(?:to|through|until)\s+"
    r"(?:19|20)\d\d|\bsince\b|\bcumulative|\bin total\b",
    re.I,
)


def answer_from_tables(
    question: str,
    hits: list[Hit],
    tables_for: Callable[[str], list[Table]],
    max_docs: int = 3,
    catalogue: Callable[[], list[list[Hit]]] | None = None,
    opening: Callable[[str], str] | None = None,
) -> CellAnswer | None:
    """The cell(s) the question asks for in the tables of the top retrieved documents, or None.
    When none of them holds a cell that fills every slot of the question (``complete``), the
    lower-ranked retrieved documents and the store's data tables (``catalogue``) are read too,
    and only such a complete cell of theirs is taken (``beyond_top``). ``opening(doc_id)`` is a
    document's opening passage, whose names are the subject of all its tables."""
    q = _Question.of(question)
    if not q.terms:
        return None
    documents = list(top_document_tables(hits, tables_for, max_docs))
    if not q.op and (
        _OP_PCT.search(question)
        or _OP_CHANGE.search(question)
        or _OP_AVG.search(question)
        or re.search(r"\b(?:by what percent(?:age)?|by how much|how much (?:more|less)|exceed)\b", question, re.I)
    ):
        if not _cue_in_label(question, documents):
            return None  # a computation the cells here cannot make: leave it to the passages
    if not q.op and _RANGE.search(question):
        return None  # a span of periods (a sum, a trend), not one cell
    best: CellAnswer | None = None
    breakdown = _breakdown_terms(question)
    labels = _category_labels(documents) if breakdown else set()  # "by air" counts when "Air" is a row somewhere
    names = _question_names(question, hits)
    asked_way = crossing_directions(question)
    opening_terms: dict[str, set[str]] = {}  # a document's opening passage, read once for all its tables
    lacking: CellAnswer | None = None  # a cell filling every slot but the measure asked
    for rank, hit, tables in documents:
        doc_id = hit.chunk.doc_id
        for t_index, table in enumerate(tables):
            blocked: list[tuple[Row, list[Column], set[str]]] = []
            found = _best_cell(q, table, hit.doc.title, blocked)
            if found is None:
                if blocked and lacking is None:
                    row, cols, missing = blocked[0]
                    lacking = CellAnswer("", hit, t_index, table, row, cols, 0.0, rank, {"missing_measure": missing})
                continue
            score, row, cols, notes = found
            unmatched = (names & notes.get("unmatched", set())) - _source_terms(hit)
            if unmatched and opening is not None:
                # a name the document's opening passage states is the subject of its tables ("the
                # railcars entering the United States from Mexico" heads a table of Texas ports)
                if doc_id not in opening_terms:
                    opening_terms[doc_id] = set(terms(opening(doc_id)))
                unmatched -= opening_terms[doc_id]
            if unmatched:
                continue  # "imports from France": a table about Germany does not answer it
            if len(asked_way) == 1:
                said_way = crossing_directions(
                    " ".join([table.caption, hit.doc.title, row.label, *(" ".join(c.parts) for c in cols)])
                )
                if said_way and not said_way & asked_way:
                    continue  # "southbound into Mexico": a table of northbound crossings does not say
            if not _holds_span(question, q, table, row, cols):
                continue  # "January through August 2022": August's cell is one month of eight
            if breakdown & labels and labels & notes.get("unmatched", set()):
                # "… through Laredo by air": a row label of another table ("Air", "Laredo") that
                # this cell's row, columns and caption do not carry: it is not broken down so
                continue
            doc_hits = sum(1 for h in hits if h.chunk.doc_id == doc_id)
            score = rank_score(score, notes, rank, doc_hits)  # a lower-ranked document must match better
            if best is None or score > best.score:
                row_hit = _hit_for_row(hits, hit, table, t_index, row, tables)
                best = CellAnswer(
                    sentence="",
                    hit=row_hit,
                    table_index=t_index,
                    table=table,
                    row=row,
                    columns=cols,
                    score=score,
                    doc_rank=rank,
                    notes=notes,
                )
    if best is None or not complete(q, best):
        further = beyond_top(q, question, hits, tables_for, max_docs, catalogue)
        if further is not None:
            best = further
    if best is None and lacking is not None:
        return lacking  # cell_answer_for says what the table measures instead
    if best is not None:
        best.sentence = state_cells(best.table, best.row, best.columns, best.hit.doc.title, best.notes)
    return best


def _holds_span(question: str, q: _Question, table: Table, row: Row, columns: list[Column]) -> bool:
    """For a question about a span of months ("January through August 2022"), does the cell's
    period state the span (its first month is written in the column's, row's or table's period
    or the caption: "January–August 2022")? A period read off the span's last month alone would
    take one month's cell for the span; the months are then added up (period_totals.py)."""
    span = month_span(question)
    if span is None or not any(p.month for p in q.periods):
        return True
    first = re.compile(rf"\b{MONTHS[span.first - 1][:3]}", re.I)
    own = [c.period for c in columns if c.period] + ([row.period] if row.period else [])
    if any(p.month for p in own):  # the cell's own column or row is dated: it must be the span
        return any(first.search(p.text) for p in own if p.month)
    texts = [" ".join(c.parts) for c in columns] + [table.period.text if table.period else "", table.caption]
    return any(first.search(t) for t in texts if t)


_VOCABULARY: dict[int, tuple[Table, str, set[str]]] = {}


def _vocabulary(table: Table, title: str) -> set[str]:
    """Every term of a table's title, caption, column and row labels (with the parts of dashed
    compounds): a quick test that a table can hold a complete cell, cached per table object."""
    cached = _VOCABULARY.get(id(table))
    if cached is not None and cached[0] is table and cached[1] == title:
        return cached[2]
    words = set(terms(" ".join([title, table.caption, *(" ".join(c.parts) for c in table.columns)])))
    for row in table.rows:
        words.update(terms(" ".join([row.label, row.group])))
    words = _with_parts(words)
    if len(_VOCABULARY) > 512:
        _VOCABULARY.clear()
    _VOCABULARY[id(table)] = (table, title, words)
    return words


def complete(q: _Question, found: CellAnswer) -> bool:
    """Does the cell fill every slot the question asks: its row label named in full, every word of
    the question standing around it (row, columns, caption, title), no share column unasked, and
    the asked period its column's, its row's or its table's?"""
    match = found.notes.get("match")
    if not match or found.notes.get("op") or found.notes.get("extreme"):
        return False
    if match["row"] < 0.99 or match["around"] < 0.99 or match["unasked_share"]:
        return False
    if q.periods:
        periods = [c.period for c in found.columns] + [found.row.period, found.table.period]
        if not any(_period_match(q.periods, p) for p in periods):
            return False
    return True


MAX_CATALOGUE_TABLES = 200  # a larger store's data tables are not all read for one question


def _cue_in_label(question: str, documents: list[tuple[int, Hit, list[Table]]]) -> bool:
    """Is the question's word of an operation ("average", "change") part of a row label the
    question writes whole ("What was the average invested capital in 2018?" over a row "Average
    invested capital")? It then names the row, not a computation."""
    low = " ".join(re.findall(r"[a-z]+", question.lower()))
    for _rank, _hit, tables in documents:
        for table in tables:
            for row in table.rows:
                label = " ".join(re.findall(r"[a-z]+", row.label.lower()))
                if (
                    len(label.split()) >= 2
                    and re.search(rf"\b{re.escape(label)}\b", low)
                    and (_OP_AVG.search(label) or _OP_CHANGE.search(label) or _OP_PCT.search(label))
                ):
                    return True
    return False


def beyond_top(
    q: _Question,
    question: str,
    hits: list[Hit],
    tables_for: Callable[[str], list[Table]],
    max_docs: int,
    catalogue: Callable[[], list[list[Hit]]] | None,
) -> CellAnswer | None:
    """A complete cell (``complete``) in the documents past the top ``max_docs`` retrieved ones,
    then in the store's data tables no hit came from: the table that holds exactly the asked row
    and column is often ranked below articles that talk about it. Among several, the one in the
    better-ranked document (retrieved before catalogued); None when none is complete."""
    docs = list(top_document_tables(hits, tables_for, len(hits)))[max_docs:]
    seen = {h.chunk.doc_id for h in hits}
    extra: list[tuple[int, Hit, list[Table]]] = []
    if catalogue is not None and q.periods:
        try:
            rows_of_tables = catalogue()
        except Exception as exc:  # a store error: answer from the retrieved documents
            logger.warning("data tables not listed (%s)", type(exc).__name__)
            rows_of_tables = []
        for rows in rows_of_tables[:MAX_CATALOGUE_TABLES]:
            if not rows or rows[0].chunk.doc_id in seen:
                continue
            seen.add(rows[0].chunk.doc_id)
            try:
                extra.append((len(seen), rows[0], tables_for(rows[0].chunk.doc_id)))
            except Exception as exc:
                logger.warning("tables of %s not read (%s)", rows[0].chunk.doc_id, type(exc).__name__)
    names = _question_names(question, hits)
    asked = q.terms - _GENERIC
    best: CellAnswer | None = None
    for rank, hit, tables in [*docs, *extra]:
        for t_index, table in enumerate(tables):
            if asked and len(asked & _vocabulary(table, hit.doc.title)) < 0.5 * len(asked):
                continue  # most of what the question names is nowhere in the table: no complete cell
            found = _best_cell(q, table, hit.doc.title)
            if found is None:
                continue
            score, row, cols, notes = found
            if (names & notes.get("unmatched", set())) - _source_terms(hit):
                continue
            if not _holds_span(question, q, table, row, cols):
                continue
            cand = CellAnswer("", hit, t_index, table, row, cols, 0.0, rank, notes)
            if not complete(q, cand):
                continue
            doc_hits = sum(1 for h in hits if h.chunk.doc_id == hit.chunk.doc_id)
            cand.score = rank_score(score, notes, rank, doc_hits)
            if best is None or cand.score > best.score:
                cand.hit = _hit_for_row(hits, hit, table, t_index, row, tables)
                best = cand
    return best


_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-zà-ÿ]+\b")


def _question_names(question: str, hits: list[Hit]) -> set[str]:
    """Terms of the capitalised words past the question's first word that no retrieved passage
    writes in lower case (names, not title case as in "the Company's Revenue"), months aside."""
    texts = [h.chunk.text for h in hits]
    out: set[str] = set()
    for word in _CAPITALISED.findall(question):
        if not MONTH.fullmatch(word) and not written_lower(word.lower(), texts):
            out.update(terms(word))
    return out - _GENERIC


def _source_terms(hit: Hit) -> set[str]:
    """Who published a document and whose data it reports: names a question may cite ("according
    to the Census Bureau") without the table's cells standing among them."""
    return set(terms(" ".join([hit.doc.source, hit.doc.author, *(" ".join(d) for d in hit.doc.data_sources)])))


_BREAKDOWN = re.compile(r"\b(?:by|via)\s+([A-Za-zÀ-ÿ][\w\-]*)", re.I)


def _breakdown_terms(question: str) -> set[str]:
    """The words a question breaks its figure down by: "by air", "via rail" ("air", "rail")."""
    return {t for m in _BREAKDOWN.finditer(question) for t in terms(m.group(1))} - _GENERIC


def _category_labels(documents: list[tuple[int, Hit, list[Table]]]) -> set[str]:
    """One-word row labels (and column names) of the top documents' tables ("Air", "Rail",
    "Truck"): the values of a category a cell may or may not be broken down by."""
    out: set[str] = set()
    for _, _, tables in documents:
        for table in tables:
            label_cols = [c.index for c in table.label_columns]
            for row in table.rows:
                words = _row_terms(row, label_cols)
                if len(words) == 1 and row.kind != "total":
                    out.add(words[0])
            for column in table.value_columns:  # or its columns ("| Truck | Rail | Air |")
                words = _column_terms(column) if column.period is None else []
                if len(words) == 1:
                    out.add(words[0])
    return out


def top_document_tables(
    hits: list[Hit], tables_for: Callable[[str], list[Table]], max_docs: int
) -> Iterator[tuple[int, Hit, list[Table]]]:
    """(rank, first hit, tables) of each of the top ``max_docs`` retrieved documents; a document
    whose tables cannot be read is skipped (logged), its passages still answer."""
    seen: list[str] = []
    for hit in hits:
        doc_id = hit.chunk.doc_id
        if doc_id in seen:
            continue
        seen.append(doc_id)
        if len(seen) > max_docs:
            break
        try:
            tables = tables_for(doc_id)
        except Exception as exc:  # a document removed meanwhile, a damaged record: quote passages
            logger.warning("tables of %s not read (%s)", doc_id, type(exc).__name__)
            continue
        yield len(seen) - 1, hit, tables


def _hit_for_row(hits: list[Hit], default: Hit, table: Table, t_index: int, row: Row, tables: list[Table]) -> Hit:
    """The retrieved chunk of that very row when there is one (its citation shows the row)."""
    for h in hits:
        if h.chunk.doc_id != default.chunk.doc_id:
            continue
        found = _table_of_hit(h, tables)
        if found and found[0] == t_index and found[1] is not None and found[1].index == row.index:
            return h
    return default


# --- stating a cell -----------------------------------------------------------------------

_OWN_UNIT = re.compile(
    r"per share|\bcents?\b|\bpence\b|%|\bpercent|\bratio\b|\bdays\b|\bnumber of\b|\bmargin\b|"
    r"\bheadcount\b|\bemployees\b|\(\s*[a-z$£€]+\s*\)",
    re.I,
)


def format_value(cell: Cell, table: Table, column: Column, row: Row | None = None) -> str:
    """The cell as written, with the currency, scale and percent its column or table gives:
    "24.5" under "£m" -> "£24.5 million"; "$ 1,496.5" in a table "(in millions)" -> "$1,496.5 million"."""
    unit = table.column_unit(column)
    if _UNITLESS.search(column.label.replace("_", " ")):
        unit = column.unit if not column.unit.scale else type(unit)(percent=column.unit.percent)
        unit = (
            type(unit)(percent=unit.percent)
            if re.search(r"(?i)rank|count|number|crossings|trucks", column.label)
            else unit
        )
    if row is not None and _OWN_UNIT.search(row.label):
        unit = type(unit)()  # "(cents)", "per share", "%": the row says its unit, not the table's scale
    text = re.sub(r"([$£€¥])\s+", r"\1", cell.text.strip())
    if re.fullmatch(r"-?\d{5,}(?:\.\d+)?", text):  # 797958.4 -> 797,958.4 (as a reader writes it)
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}" + (f".{frac}" if frac else "")
    has_cur = bool(re.search(r"[$£€¥]|\b(?:usd|eur|gbp|mxn|cad)\b", text, re.I))
    if unit.percent and not unit.currency and "%" not in text and not unit.scale:
        return f"{text}%"
    if unit.currency and not has_cur and not text.endswith("%"):
        neg = text.startswith(("-", "−", "(")) and not text.startswith("(")
        text = f"-{unit.currency}{text[1:]}" if neg else f"{unit.currency}{text}"
    if (
        unit.scale
        and "%" not in text
        and not re.search(r"(?i)\b(?:thousand|million|billion|trillion|bn|mn|k|m)$", text)
    ):
        text = f"{text} {unit.scale}"
    return text


_UNITLESS = re.compile(
    r"\b(?:rank(?:ing)?|count|number|no|pct|percent(?:age)?|share|crossings|trucks|containers|"
    r"units|ratio|index|employees|headcount)\b",
    re.I,
)
_TIME_WORDS = re.compile(
    r"\b(fiscal|years?|ended|ending|as (?:at|of)|months?|quarters?|period|weeks?|fy|"
    r"estimated|final|actual|restated|reported)\b",
    re.I,
)


def _header_parts(column: Column) -> tuple[list[str], list[str]]:
    """(time words, measure words) among a column's header labels: "Fiscal" over "2019" is
    when; "Exports" under "2022" is what."""
    when: list[str] = []
    what: list[str] = []
    for p in dict.fromkeys(p for p in column.parts if p):
        if unit_only(p):
            continue
        # "Imports 2012": a measure and its year in one label
        year = re.fullmatch(r"([A-Za-z][A-Za-z ,&'’\-]*?)\s+((?:19|20)\d\d)", p.strip())
        if year and not _TIME_WORDS.search(year.group(1)):
            what.append(year.group(1).strip(" ,:"))
            when.append(year.group(2))
            continue
        (when if parse_period(p) or _TIME_WORDS.search(p) else what).append(p.strip(" ,:"))
    return when, what


def _measure(column: Column) -> str:
    what = _header_parts(column)[1]
    words = " ".join(what) if (column.period or what) else column.name
    kept = [w for w in re.split(r"[\s_]+", words) if w and w.lower() not in _UNIT_WORDS]
    return clean_label(" ".join(kept))


def _period_phrase(table: Table, row: Row, column: Column) -> str:
    if column.period:
        when = " ".join(_header_parts(column)[0]) or column.period.text
        return f"in {when}" if re.fullmatch(r"(?:19|20)\d\d", when.strip()) else f"({when.strip(' ,')})"
    if row.period:
        return f"in {row.period.text}"
    here = table.period  # a sheet named "2024"
    return f"in {here.text.strip()}" if here and re.fullmatch(r"(?:19|20)\d\d", here.text.strip()) else ""


def corner_measure(table: Table) -> str:
    """The flow the header over a table's label column names ("US imports" of "| US imports (US$
    million) | 2002 | …"), units in parentheses left out; "" when it names none ("Market")."""
    if not _directions(set(terms(table.corner))):
        return ""
    return clean_label(re.sub(r"\s*\([^()]*\)", "", table.corner)).strip(" ,:")


def _be(subject: str) -> str:
    """ "were" after a plural head word ("Total sales were", "Imports for Mexico were")."""
    head = re.split(r"\s+(?:for|of|from|to|by|\()", subject.strip(), maxsplit=1)[0].split(" ")[-1].lower()
    return "were" if re.fullmatch(r"[a-z]+[^s']s", head) and not head.endswith(("ics", "ss", "us", "is")) else "was"


def row_entity(table: Table, row: Row) -> str:
    """What a row is about, without its period: "Mexico" for (2023, Mexico), "" for (2010)."""
    label_cols = [c.index for c in table.label_columns]
    entity = " ".join(
        dict.fromkeys(
            row.cells[j].text
            for j in label_cols
            if row.cells[j].text and not parse_period(row.cells[j].text) and not month_or_quarter(row.cells[j].text)
        )
    ) or ("" if row.period or month_or_quarter(row.label) else row.label)
    return re.sub(r"\s+", " ", entity).strip(" :")


_CAPTION_PERIOD = re.compile(
    r"(?:[,:;]\s*|\s+(?:in|for|during)\s+|\s+)(?:(?:19|20)\d\d|[A-Z][a-z]+\.?)"
    r"(?:\s*(?:-|–|—|to|through)\s*(?:[A-Z][a-z]+\.?\s*)?(?:(?:19|20)?\d\d))?(?:\s+(?:19|20)\d\d)?\s*$"
)
CAPTION_SUBJECT_WORDS = 12


def caption_subject(table: Table) -> str:
    """What a table inside a document counts, read off its caption: "US imports from Canada by
    month, 2023 (US$ billions)" -> "US imports from Canada". Its label ("Table 2."), units in
    parentheses, trailing period and "by month/quarter/year" go; "" when the caption is not a
    short title (a paragraph above a table is no subject) or the table is a CSV/XLSX sheet."""
    if table.source in ("csv", "xlsx") or not table.caption:
        return ""
    if not title_like(table.caption):
        return ""  # a sentence leading into the table ("Net sales … were as follows:"), not its title
    text = CAPTION_LABEL.sub("", title_part(table.caption))
    text = re.sub(
        r"\s*\([^()]*\)", lambda m: "" if parse_unit(m.group(0)) or re.search(r"\d", m.group(0)) else m.group(0), text
    )
    # the first segment names the thing; later ones say its period, units or source
    text = re.split(r",\s|;\s|\s[–—-]\s|:\s", text, maxsplit=1)[0]
    text = text.strip(" .:;,")
    for _ in range(2):
        cut = _CAPTION_PERIOD.search(text)
        if cut and parse_period(cut.group(0).strip(" ,:;")) is not None:
            text = text[: cut.start()].strip(" .:;,")
    text = re.sub(r"\s+(?:by|per)\s+(?:month|quarter|year|calendar year|fiscal year)s?$", "", text, flags=re.I)
    text = re.sub(r"^(?:monthly|quarterly|annual)\s+", "", text, flags=re.I).strip(" .:;,")
    if (
        not text
        or len(text.split()) > CAPTION_SUBJECT_WORDS
        or text.endswith((".", "?"))
        or not re.search(r"[A-Za-z]", text)
    ):
        return ""
    return text


def _titled(table: Table, measure: str, entity: str) -> str:
    """The subject of a cell whose column names no measure of its own (a period, "Value"): what
    the caption says the table counts, with the row it is for ("US exports to Canada by
    transport mode (Air)", "US imports from Canada"); "" when the caption gives none."""
    subject = caption_subject(table)
    flows = {"export", "import"}
    if len(set(terms(subject)) & flows) > 1 and len(set(terms(measure)) & flows) == 1:
        return ""  # "Imports 2012" under "US goods exports to and imports from China": the column's flow
    own = measure and not _TOTAL_COLUMN.fullmatch(measure) and set(terms(measure)) - _GENERIC
    if own and (entity or set(terms(measure)) - set(terms(subject))):
        return ""  # the column names its own measure (a period row's "Exports" under "US exports to …" does not)
    if not subject or (entity and not measure and not re.search(r"\s(?:by|per)\s", subject)):
        return ""  # the row names the thing itself ("Accounts payable"); a breakdown's row does not ("Air")
    return f"{subject} ({entity})" if entity and fold(entity) not in fold(subject) else subject


def state_cells(table: Table, row: Row, columns: list[Column], title: str = "", notes: dict | None = None) -> str:
    """A sentence stating the cells of ``row`` in ``columns``: "Total sales was $1,496.5 million
    (Years Ended September 30, 2019)"; "In 2023, imports for Mexico was US$475.22 billion"."""
    notes = notes or {}
    entity = row_entity(table, row)
    if row.group and row.group.lower() not in entity.lower():
        entity = f"{entity} ({row.group})"
    parts = []
    measures = {_measure(c) for c in columns}
    if len(columns) > 1 and len(measures) == 1 and not row.period and all(c.period for c in columns):
        # one measure over several periods: "Sensors was 914 million (Fiscal 2019) and 918 million (Fiscal 2018)"
        measure = measures.pop()
        subject = _titled(table, measure, entity) or (
            f"{measure} for {entity}" if measure and entity else (entity or measure)
        )
        values = [
            f"{format_value(row.cells[c.index], table, c, row)} {_period_phrase(table, row, c)}".strip()
            for c in columns
        ]
        parts = [f"{subject} {_be(subject)} {', '.join(values[:-1])} and {values[-1]}"]
        columns_done = True
    else:
        columns_done = False
    for col in [] if columns_done else columns:
        value = format_value(row.cells[col.index], table, col, row)
        measure = _measure(col)
        when = _period_phrase(table, row, col)
        if (
            row.period is None
            and month_or_quarter(row.label)
            and col.period
            and not (col.period.month or col.period.quarter)
        ):
            when = f"in {row.label.strip()} {col.period.year}"  # the row's month in the column's year
        if col.period and (not measure or measure.lower() in when.lower()):
            measure = corner_measure(table)  # "| US imports (US$ million) | 2002 | …": the corner says it
        subject = _titled(table, measure, entity) or (
            f"{measure} for {entity}" if measure and entity else (entity or measure)
        )
        # a month row under a year column ("| May | 38,486.5 |") names neither measure nor
        # entity: the caption says what is counted ("US imports of goods from China")
        subject = subject or caption_subject(table) or clean_label(col.label)
        if row.period and not col.period:
            verb = _be(subject)
            parts.append(
                f"{when[:1].upper()}{when[1:]}, {subject} {verb} {value}" if when else f"{subject} {verb} {value}"
            )
        else:
            parts.append(f"{subject} {_be(subject)} {value} {when}".strip())
    sentence = "; ".join(parts)
    op = notes.get("op", "")
    if op:
        sentence = _operation_sentence(op, table, row, columns, entity, parts) or sentence
    if notes.get("extreme"):
        word = "highest" if notes["extreme"] == "max" else "lowest"
        col = columns[0]
        scope = f" {_period_phrase(table, row, col)}" if row.period else ""
        # no bare count in the sentence: it would read as a figure to check
        sentence = (
            f"{entity} had the {word} {_measure(col) or col.label} of the table's rows{scope}: "
            f"{format_value(row.cells[col.index], table, col, row)}"
        )
        month_row = row.period is None and month_or_quarter(row.label) and col.period is not None
        if not entity and (row.period is not None or month_row):
            # rows that are months: the month is the answer ("… were lowest in May 2020")
            when = (
                f"{row.label.strip()} {col.period.year}"
                if month_row and col.period
                else (row.period.text if row.period is not None else row.label)
            )
            subject = _titled(table, _measure(col), "") or _measure(col) or clean_label(col.label)
            sentence = (
                f"{subject} {_be(subject)} {word} in {when}, at "
                f"{format_value(row.cells[col.index], table, col, row)}, the {word} month of the table"
            )
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence.rstrip(".") + "."


def _fmt(x: float, decimals: int) -> str:
    return f"{x:,.{decimals}f}".replace("-", "−") if x < 0 else f"{x:,.{decimals}f}"


def _operation_sentence(op: str, table: Table, row: Row, columns: list[Column], entity: str, parts: list[str]) -> str:
    """The stated cells and what the question computes from them, marked as computed (the figure
    is not in the source; the cells it comes from are)."""
    cells = [row.cells[c.index] for c in columns]
    # _best_cell sets notes["op"] only when every chosen cell holds a figure and every column a period.
    values: list[float] = []
    periods: list[Period] = []
    for cell, column in zip(cells, columns, strict=True):
        assert cell.value is not None and column.period is not None
        values.append(cell.value)
        periods.append(column.period)
    decimals = max((len(c.text.split(".")[1].rstrip(")%")) if "." in c.text else 0) for c in cells)
    if op.startswith("which"):
        pick = (min if op == "which-min" else max)(range(len(values)), key=lambda i: values[i])
        word = "lowest" if op == "which-min" else "highest"
        when = _period_phrase(table, row, columns[pick]).removeprefix("in ").strip("()")
        return f"{entity} was {word} in {when} ({'; '.join(parts)})"
    scale = table.column_unit(columns[0]).scale if not _OWN_UNIT.search(row.label) else ""
    scale = f" {scale}" if scale else ""
    # columns are in the question's order of periods; the change runs from the earlier to the later
    order = sorted(range(2), key=lambda i: (periods[i].year, periods[i].key))
    old, new = values[order[0]], values[order[1]]
    stated = "; ".join(parts)
    if op == "change":
        return f"{stated}: a change of {_fmt(new - old, decimals)}{scale} (computed from the two cells)"
    if op == "pct":
        if old == 0:
            return ""
        return f"{stated}: a change of {_fmt(100 * (new - old) / abs(old), 2)}% (computed from the two cells)"
    if op == "average":
        return f"{stated}: an average of {_fmt((new + old) / 2, decimals + 1)}{scale} (computed from the two cells)"
    return ""


def cell_span(row_text: str, table: Table, row: Row, column: Column) -> tuple[int, int] | None:
    """Where the cell stands in its row's text: the j-th cell of a Markdown row line, or
    "column: value" in a rendered CSV/XLSX row."""
    cell = row.cells[column.index].text
    if row_text.lstrip().startswith("|"):
        bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", row_text)]
        if column.index + 1 < len(bounds):
            a, b = bounds[column.index] + 1, bounds[column.index + 1]
            while a < b and row_text[a] == " ":
                a += 1
            while b > a and row_text[b - 1] == " ":
                b -= 1
            return (a, b) if b > a else None
        return None
    name = column.label
    m = re.search(rf"(?:^|; ){re.escape(name)}: ([^;]*)", row_text)
    if m:
        return m.start(1) - len(name) - 2, m.end(1)
    at = row_text.find(cell) if cell else -1
    return (at, at + len(cell)) if at >= 0 else None


# --- the answer ---------------------------------------------------------------------------

_NOT_A_LOOKUP = re.compile(
    r"^\s*(why|how (?:did|does|do|is|are|was|were|has|have|can|could|will|would|often|long)|"
    r"explain|describe|where|who|what (?:is|are|was|were) the (?:reasons?|purpose|impact|"
    r"effect|method|policy|basis)|what does|what do|which (?:countries|companies|methods?))\b"
    r"|^\s*what (?:is|are) (?!the\b)(?:an? )?[A-Za-z][A-Za-z\s-]{0,40}\?$",
    re.I,
)


_YES_NO = re.compile(r"^\s*(?:was|were|is|are|did|does|do|has|have|had|will|can)\s|\bwhy\b", re.I)


def cell_answer_for(
    question: str,
    hits: list[Hit],
    tables_for: Callable[[str], list[Table]] | None,
    catalogue: Callable[[], list[list[Hit]]] | None = None,
    opening: Callable[[str], str] | None = None,
):
    """The extractive answerer's hook: an ``Answer`` stating the asked cell with a citation that
    points at it, or None (then the answerer quotes passages as before)."""
    if tables_for is None or not hits or _NOT_A_LOOKUP.search(question) or _YES_NO.search(question):
        return None
    from .table_lists import answer_list, list_question

    if list_question(question) is not None:
        # a list (periods, periods meeting a condition, a group's rows): read off the table's
        # shape, or left to the passages; one cell never answers it
        listed = answer_list(question, hits, tables_for)
        return compose(question, listed, hits) if listed is not None else None
    found = answer_from_tables(question, hits, tables_for, catalogue=catalogue, opening=opening)
    if found is None:
        return None
    if _ASKS_PART_OF_YEAR.search(question) and not _part_of_year(found):
        return None  # "in which month of 2009 …": a year's cell does not say which month
    if asked_type(question) == NAME and not found.notes.get("extreme") and not _EXTREME.search(question):
        return None  # "which products accounted for the drop …" asks for names; one cell's value is none
    if asked_type(question) == PERCENT and not _states_percent(found):
        return None  # "what was the percentage of gross margin": an amount of gross margin is not it
    if found.notes.get("missing_measure"):
        if any(h.chunk.row is None and not lacks_measure(question, h) for h in hits):
            return None  # a passage names the measure the table lacks ("revenues weight"): the passages answer
        return _lacking_measure(question, found)
    from .rankings import rank_question

    if found.notes.get("extreme") and rank_question(question) is not None:
        return None  # a ranking: rankings.py picks its table, column, order and position
    if _sentence_coverage(question, hits, found) > found.notes.get("coverage", 1.0) + SENTENCE_MARGIN:
        return None  # a sentence of the passages names more of what is asked than the cell does
    if _outranked(question, hits, found):
        return None  # … or as much of it, in a document retrieved above the cell's
    if _part_stated_in_passages(question, hits, found):
        return None  # "Blizzard's net bookings": the table of the whole company's does not say
    return compose(question, found, hits)


def _part_stated_in_passages(question: str, hits: list[Hit], found: CellAnswer) -> bool:
    """Does the question name something ("Blizzard") that the cell's table never writes, while a
    sentence of the passages states a figure of the row for it? (``operands.part_stated``)"""
    from ..intent import question_names
    from ..operands import part_stated, unwritten_names

    table = found.table
    written = " ".join(
        [found.hit.doc.title, found.hit.doc.whose_data, table.name, table.caption, *(c.label for c in table.columns)]
        + [r.label for r in table.rows]
        + [cell.text for r in table.rows for cell in r.cells]
    )
    missing = unwritten_names(question, question_names(question), written)
    passages = [h.chunk.text for h in hits if h.chunk.row is None and not h.chunk.in_table]
    return bool(missing) and part_stated(missing, found.row.label, passages)


_ASKS_PART_OF_YEAR = re.compile(r"\b(?:which|what)\s+(?:month|quarter)s?\b", re.I)


_PERCENT_LABEL = re.compile(r"%|\b(?:pct|percent(?:age)?|per cent|share|proportion|ratio|rate)\b", re.I)


def _states_percent(found: CellAnswer) -> bool:
    """Is the cell a percentage: written with "%", in a column or table of percentages, or under a
    label naming a share or a rate?"""
    table = found.table
    if any(cell.percent for cell in found.cells):
        return True
    if any(_percent_column(table, c) or table.column_unit(c).percent for c in found.columns):
        return True
    labels = [found.row.label, *(c.label for c in found.columns)]
    return any(_PERCENT_LABEL.search(label.replace("_", " ")) for label in labels)


def _part_of_year(found: CellAnswer) -> bool:
    """Is the cell a month's or a quarter's (its row's or its columns' period, or their labels)?"""
    periods = [found.row.period, *(c.period for c in found.columns)]
    labels = [found.row.label, *(c.label for c in found.columns)]
    return any(p is not None and (p.month or p.quarter) for p in periods) or any(
        month_or_quarter(label) for label in labels
    )


def _outranked(question: str, hits: list[Hit], found: CellAnswer) -> bool:
    """Does a prose sentence of a document retrieved above the cell's name as much of the question
    as the cell does? Retrieval's order then decides between the two readings: a depreciation
    expense stated in words by the best-ranked report is not displaced by the same line of a
    lower-ranked report's table."""
    above = documents_above(hits, found.hit.chunk.doc_id)
    if above is None:
        return False  # a data table no passage came from: the passages answer first anyway (unretrieved)
    better = [h for h in hits if h.chunk.doc_id in above]
    return bool(better) and _sentence_coverage(question, better, found) >= found.notes.get("coverage", 1.0)


def documents_above(hits: list[Hit], doc_id: str) -> list[str] | None:
    """The documents retrieved above ``doc_id`` (by their best passage), best first; None when no
    hit is of it."""
    order = list(dict.fromkeys(h.chunk.doc_id for h in hits))
    return order[: order.index(doc_id)] if doc_id in order else None


def _lacking_measure(question: str, found: CellAnswer):
    """An abstention for a question whose row and period a table holds but not the measure it
    asks ("the weight of US exports … by truck in March 2020" over a table of values): it says
    what the table gives instead, and lists that cell as the closest source."""
    from ..citations import citation_for
    from ..presentation import column_label
    from ..records import Answer
    from ..text import abstention

    table, row = found.table, found.row
    col = found.columns[0]
    where = caption_subject(table) or found.hit.doc.title
    if table.source in ("csv", "xlsx"):  # a data table's column as its citations name it, unit and all
        what = column_label(col.label, found.hit.doc)
    else:
        unit = table.column_unit(col).text
        what = f"{_measure(col) or col.label}{f' ({unit})' if unit else ''}"
    asked = " ".join(sorted(found.notes["missing_measure"]))
    said = abstention(question).split(" None of the passages")[0]
    text = f"{said} The table “{where}” gives {what} for {row.label}, not its {asked}."
    closest = citation_for(found.hit, 1)
    return Answer(question=question, answer=text, abstained=True, closest=[closest])


def unretrieved(answer, hits: list[Hit]) -> bool:
    """Is the answer's cell in a document none of the retrieved passages came from (a data table
    read through the catalogue)? The retrieved passages answer first then."""
    ids = {h.chunk.doc_id for h in hits}
    return bool(answer.citations) and answer.citations[0].doc_id not in ids


SENTENCE_MARGIN = float(__import__("os").environ.get("NEARSHORE_QA_CELL_SENTENCE_MARGIN", "0.1"))


_NONE = re.compile(r"\b(?:no|none|nil|not|zero)\b", re.I)


def _sentence_coverage(question: str, hits: list[Hit], found: CellAnswer | None = None, top: int = 3) -> float:
    """The largest share of the question's words that one prose sentence of the top passages
    holds; with the ``found`` cell, a sentence about another label of its table does not count."""
    from ..chunking import split_sentences

    q = _Question.of(question)
    asked = q.terms - _GENERIC
    if not asked:
        return 0.0
    best = 0.0
    for h in hits[:top]:
        text = h.chunk.text
        if h.chunk.in_table:
            continue
        for a, b in split_sentences(text):
            if not find_figures(text[a:b]) and not _NONE.search(text[a:b]):
                continue  # a sentence stating no figure (nor that there was none) does not answer it
            if found is not None and _other_label(text[a:b], q, found):
                continue  # its figure is another row's or another period's of the cell's table
            best = max(best, _share_named(asked, text[a:b]))
    return best


def _share_named(asked: set[str], sentence: str) -> float:
    return len(asked & _with_parts(set(terms(sentence)))) / len(asked)


def names_all_asked(question: str, sentence: str) -> bool:
    """Does ``sentence`` hold every word of ``question`` a cell is matched on (its names, measure
    and periods), as a table row answering it would?"""
    asked = _Question.of(question).terms - _GENERIC
    return bool(asked) and _share_named(asked, sentence) >= 1.0


def _other_label(sentence: str, q: _Question, found: CellAnswer) -> bool:
    """Does ``sentence`` state its figure for another label of the same kind as the cell the
    question matched: other periods only (it names years or months, none the question asks), or
    another row of the cell's table (it names a sibling row's label, the question does not, and
    it does not name the cell's own row)? Such a sentence names many of the question's words
    ("air", "exports", "Mexico") yet answers another cell, so it must not outrank this one."""
    years = {p.year for p in q.periods}
    stated_years = {int(y) for y in YEAR.findall(sentence)}
    if years and stated_years and not stated_years & years:
        return True
    months = {p.month for p in q.periods if p.month}
    stated_months = {MONTHS.index(m) + 1 for m in MONTH.findall(sentence)}
    if months and (stated_months or stated_years) and not stated_months & months:
        return True  # … or a whole year's ("… US$504.25 billion in 2021" asked of May 2021)
    label_cols = [c.index for c in found.table.label_columns]
    own = set(_row_terms(found.row, label_cols)) if not _only_period(found.row, label_cols) else set()
    said = set(terms(sentence))
    if not own or own <= said:
        return False
    for row in found.table.rows:
        if row.index == found.row.index or row.kind == "group" or _only_period(row, label_cols):
            continue
        label = set(_row_terms(row, label_cols))
        if label and label != own and label <= said and not label & q.terms:
            return True
    return False


def _support(hits: list[Hit], found: CellAnswer) -> tuple[Hit, tuple[int, int]] | None:
    """For a superlative read off a table: the best-ranked passage of another document that names
    the same row and period, quoted beside the cell (the reader sees the claim in prose too)."""
    from ..chunking import split_sentences

    entity = fold(row_entity(found.table, found.row))
    period = found.row.period
    if not entity:
        return None
    for h in hits:
        if h.chunk.doc_id == found.hit.chunk.doc_id or h.chunk.row is not None:
            continue
        text = h.chunk.text
        for a, b in split_sentences(text):
            sentence = text[a:b]
            if len(sentence) < 25 or sentence.lstrip().startswith(("#", "|")):
                continue
            if entity in fold(sentence) and (period is None or str(period.year) in sentence):
                return h, (a, b)
    return None


def compose(question: str, found: CellAnswer, hits: list[Hit] | None = None):
    from ..citations import citation_for, cited_answer, quote_cited
    from ..presentation import column_label

    hit, table, row = found.hit, found.table, found.row
    chunk = hit.chunk
    own_row = _row_of_chunk(chunk, table, row)
    first = found.columns[0]
    # the locator a person reads: "row Jalisco, 2024 · column US exports (US$ bn)"
    citation = citation_for(hit, 1, column=first.label if own_row else "")
    if not own_row:
        # The row was not among the retrieved chunks: cite the row itself, rendered from its cells.
        citation.text = _render_row(table, row)
        citation.locator = f"row {row.label} · column {column_label(first.label, hit.doc)}"
        if row.start is not None:
            citation.start, citation.end = row.start, row.end or row.start
    citation.highlights = []
    for col in found.columns:
        span = cell_span(citation.text, table, row, col)
        if span:
            citation.highlights.append(span)
    members = [table.rows[i] for i in found.notes.get("rows", ())]
    if members:
        # a list of rows (table_lists): cite the group row and its rows, their labels highlighted
        lines, citation.highlights = [_render_row(table, row)], []
        for m in members:
            line = _render_row(table, m)
            at = sum(len(x) + 1 for x in lines)
            label = line.find(m.label)
            if label >= 0:
                citation.highlights.append((at + label, at + label + len(m.label)))
            lines.append(line)
        citation.text = "\n".join(lines)
        citation.locator = f"rows under {row.label}"
        if row.start is not None:
            citation.start, citation.end = row.start, members[-1].end or row.end or row.start
    citation.kind = DocumentKind.TABLE
    citation.table = citation.table or table.name
    citation.row = row.source_row if row.source_row is not None else row.index
    citation.column = first.label
    citation.column_label = " / ".join(c.label for c in found.columns)
    citation.row_label = row.label
    citation.table_index = found.table_index
    unit = table.column_unit(first)
    citation.units = citation.units or unit.text
    period = first.period or row.period
    citation.period = citation.period or (period.text if period else "")
    text = f"{found.sentence} [1]"
    citations = [citation]
    support = _support(hits or [], found) if found.notes.get("extreme") else None
    if support is not None:
        text = quote_cited(text, citations, *support)
    return cited_answer(question, text, citations, max(0.0, min(1.0, found.score)))


def _row_of_chunk(chunk, table: Table, row: Row) -> bool:
    if chunk.row is not None and table.source in ("csv", "xlsx"):
        return row.source_row == chunk.row and (not chunk.table or chunk.table == table.name)
    return row.start is not None and row.start <= chunk.start < max(row.end or 0, row.start + 1)


def _render_row(table: Table, row: Row) -> str:
    if table.source in ("csv", "xlsx"):
        return "; ".join(f"{c.label}: {row.cells[c.index].text}" for c in table.columns if row.cells[c.index].text)
    return "| " + " | ".join(c.text for c in row.cells) + " |"
