"""Ranking questions: "which … most / second-most / least", answered from a table's rows or from
the (entity, figure) pairs one sentence lists.

A ranking question names an order (largest, most, highest, top vs smallest, least, lowest,
fewest), a position (second, third, 2nd …; first when none), what is ranked ("which Mexican
state", "which month") and what it is ranked by (the measure and period it names).

- **Tables** (``rank_in_tables``): over the tables of the top retrieved documents, the rows that
  can be ranked — data rows (not total or group rows) of the asked period, filtered by the values
  the question names in the other label columns ("rail", "Mexico") — and the value column the
  question's measure names (its header's words; a rank or a share column only when asked). The
  table whose title, headers and named values cover most of the question wins, a lower-ranked
  document needing a better match. A deficit asked of a balance column ranks the most negative
  first.
- **Prose** (``rank_in_sentences``): a sentence of the top passages that lists several entities
  each with a figure of one kind and unit ("Guanajuato received US$a, Querétaro US$b and Jalisco
  US$c") is such a table of its own; its pairs are ranked the same way.

The answer names the row at the asked position with its figure, cited to its cell (row and
column), and for a position after the first the rows above it, each cited too.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from ..chunking import split_sentences
from ..citations import check_figures, citation_for, cited_answer, quote_cited
from ..figures import FoundFigure, find_figures, same_figure
from ..operands import candidates_counted
from ..places import REPORTER_WORDS
from ..records import Answer, Chunk, Citation, Figure, Hit
from ..tables import Cell, Column, Period, Row, Table, fold, month_or_quarter, parse_period
from ..text import MONTHS, one_line
from .cells import (
    _EVERY_PRODUCT,
    _GENERIC,
    CellAnswer,
    _hit_for_row,
    _measure,
    _met,
    _period_match,
    _Question,
    _with_parts,
    compose,
    counts_in,
    format_value,
    row_entity,
    terms,
    top_document_tables,
)

logger = logging.getLogger(__name__)

_MAX = r"most|largest|biggest|highest|greatest|top|leading|busiest|strongest|heaviest"
_MIN = r"least|smallest|lowest|fewest|weakest|bottom"
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
_ORD_WORDS = "|".join(_ORDINALS)
_RANKED = re.compile(rf"\b(?:(?P<ord>{_ORD_WORDS})[\s-]+)?(?P<sup>{_MAX}|{_MIN})\b", re.I)
_ASKS = re.compile(
    r"(?:^|,)\s*(?:(?:in|during|for|to|from|at|through|on|of|with|by|among|between|over)\s+)?(?:which|what|who)\b", re.I
)
# "which country ranked third", "ranks first", "was ranked 2nd": a position without a superlative,
# the largest first (a table's rank column, when it has one, gives the order)
_RANKED_AT = re.compile(rf"\brank(?:ed|s)?\s+(?:(?:in\s+)?(?:the\s+)?)?(?P<ord>{_ORD_WORDS})\b(?!\s*-)", re.I)
# a comparison with a threshold or a change ranked is not a ranking of stated figures
_NOT_RANKING = re.compile(
    r"\bthan\b|\bhow much (?:more|less)\b|\b(?:increase[ds]?|decrease[ds]?|growth|grew|gr[oe]w(?:n|s)?|ris(?:e|en)|"
    r"rose|f[ae]ll|declin(?:e|ed)|chang(?:e|ed))\b",
    re.I,
)
# "the top 3 …", "the five largest …": a list, the computed rank answers it
_TOP_N = re.compile(
    r"\b(?:top|bottom|first|last)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:largest|biggest|highest|smallest|lowest|most|least)\b",
    re.I,
)
_PERIOD_NOUNS = {"month", "year", "quarter", "week", "day", "period"}
_VERBS = re.compile(
    r"^(?:was|were|is|are|had|has|have|did|does|do|got|gets|received?|receives|took|takes|saw|sees|"
    r"captured?|handled?|carried|gave|give|ranked|ranks|accounted|led|leads|bought|buys|sold|sells|"
    r"imported|exported|attracted|drew|posted|recorded|made|became|came)$",
    re.I,
)
# a rank or a share column answers only a question that asks for it
_UNASKED = re.compile(r"\b(?:rank(?:ing)?|pct|percent(?:age)?|share|index)\b", re.I)
# a question asking for shares or percentages ("ranked third" asks for no share column)
_ASKED_SHARE = re.compile(r"\b(?:pct|percent(?:age)?|share|index)\b", re.I)
# a column of ranks ("rank_among_partners", "Rank"): the order itself, never a figure to rank by
_RANK_COLUMN = re.compile(r"\brank(?:ing)?\b", re.I)
# a row standing for the whole: "Total", "All other", "World", "Mexico (32 states)"
_AGGREGATE = re.compile(
    r"^\s*(?:total|all\b|world|sum\b|overall|rest of|grand total)|\btotal\s*$|\(\s*(?:all\s+)?\d+\s+[a-z]+s\s*\)",
    re.I,
)
_SUPERLATIVE_TERMS = set(
    terms(
        "most largest biggest highest greatest top leading busiest strongest heaviest least smallest lowest "
        "fewest weakest bottom first second third fourth fifth 1st 2nd 3rd 4th 5th"
    )
)


@dataclass(frozen=True)
class RankQuestion:
    text: str
    descending: bool  # largest first
    position: int  # 1 = the largest (or smallest), 2 = the second …
    noun: tuple[str, ...]  # the terms of what is ranked ("mexican state" -> ("mexico", "state"))
    terms: frozenset[str]  # the question's content terms, without the ranking words
    periods: tuple[Period, ...]
    deficit: bool  # "largest deficit": on a balance column, the most negative first

    periodic: bool = False  # ranks periods ("In which month of 2025 …"), not entities
    names: frozenset[str] = frozenset()  # terms of the capitalised names the question states
    count: int = 0  # how many candidates it says there are ("the six border states"), 0 when unsaid
    by_rank: bool = False  # "ranked third": a table's rank column, when it has one, is the order


def rank_question(question: str) -> RankQuestion | None:
    """The ranking ``question`` asks for, or None when it asks something else."""
    if not _ASKS.search(question) or _NOT_RANKING.search(question) or _TOP_N.search(question):
        return None
    m = _RANKED.search(question) or _RANKED_AT.search(question)
    if m is None:
        return None
    sup = (m.groupdict().get("sup") or "").lower()
    position = _ORDINALS.get((m.group("ord") or "first").lower(), 1)
    descending = not sup or re.fullmatch(_MAX, sup) is not None
    deficit = bool(re.search(r"\bdeficits?\b", question, re.I))
    # the ranking words name no row or column; a span naming the table ("the 2007-2011 table")
    # is not the asked period when another year is asked ("… in 2007")
    plain = question[: m.start()] + " " + question[m.end() :]
    unspanned = _SPAN.sub(" ", plain)
    q = _Question.of(unspanned if re.search(r"(?:19|20)\d\d", unspanned) else plain)
    noun = _noun(question, m)
    periodic = bool({w.lower().rstrip("s") for w in noun} & _PERIOD_NOUNS)
    # "US–Mexico" is one term to the cell reader; its parts name the rows here
    words = frozenset(
        {t for w in q.terms for t in ([w] if "-" not in w else [w, *terms(w.replace("-", " "))])}
        - _SUPERLATIVE_TERMS
        - set(_NUMBERS)
    )
    # "the six border states", "six states", "the 6 states" (a bare number is a code: "HS 71 exports")
    count = re.search(
        rf"\b(?:the\s+({_COUNT_WORDS})|({'|'.join(_NUMBERS)}))\s+(?:[\w\-]+\s+){{0,2}}[a-z]+s\b", question, re.I
    )
    return RankQuestion(
        question,
        descending,
        position,
        tuple(terms(" ".join(noun))),
        words,
        tuple(q.periods),
        deficit,
        periodic,
        names=frozenset(_names(question)),
        count=_number(count.group(1) or count.group(2)) if count else 0,
        by_rank=bool(re.search(r"\brank(?:ed|s|ing)?\b", question, re.I)),
    )


_SPAN = re.compile(r"\b(?:19|20)\d\d\s*(?:-|–|to|through)\s*(?:19|20)\d\d\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT_WORDS = "|".join([*_NUMBERS, r"\d{1,2}(?!\d)"])


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower(), 0)


def _names(question: str) -> set[str]:
    """The terms of the capitalised names a question states (not its first word): what a table
    ranked for it must mention somewhere ("China" in "… US export to China …")."""
    out: set[str] = set()
    for m in re.finditer(r"(?<![\w.])[A-ZÀ-Ý][\wÀ-ÿ'’\-]+", question):
        if m.start() == len(question) - len(question.lstrip()):
            continue
        word = m.group(0)
        if word.isupper() and len(word) <= 3 or fold(word) in _SKIP_NAMES or fold(word) in _MONTH_WORDS:
            continue
        out.update(terms(word))
    return out


def _noun(question: str, sup: re.Match) -> list[str]:
    """What is ranked: the words after "which"/"what" up to the verb ("which Mexican state was"),
    else the head noun after the superlative ("the top US export product to Mexico")."""
    m = re.search(rf"\b(?:which|what)\s+(?:of\s+(?:the|these|those)\s+)?(?:(?:{_COUNT_WORDS})\s+)?(.*)", question, re.I)
    words: list[str] = []
    if m:
        for w in re.findall(r"[\wÀ-ÿ'’\-]+", m.group(1))[:4]:
            if _VERBS.match(w) or w.lower() in ("of", "in", "for", "the", "did", "to"):
                break
            words.append(w)
    if not words:
        rest = question[sup.end() :]
        head = re.split(r"\s+(?:to|of|in|for|by|from|with|at|among|on|and|that|which)\b|[,?.]", rest, maxsplit=1)[0]
        words = head.split()[-1:] if head.split() else []
    return words


# --- tables --------------------------------------------------------------------------------


@dataclass
class Ranked:
    """The rows of one table ranked by one column, and how well they fit the question."""

    score: float
    table: Table
    t_index: int
    column: Column
    rows: list[Row]  # ranked, the asked order
    hit: Hit
    doc_rank: int
    scope: str  # "in 2015", "among the months of 2025 (Mexico, Rail)"
    tables: list[Table] = field(default_factory=list)  # the document's tables (cites find the row's chunk)
    reversed_balance: bool = False
    ranked_col: Column | None = None  # the label column naming what is ranked (None: periods)
    coverage: float = 0.0  # the share of the question's words the table holds
    parts: list[Column] = field(default_factory=list)  # columns summed into the ranked figure (exports + imports)
    across: list[Column] = field(default_factory=list)  # ranked columns of rows[0] (a transposed table)


_LABEL_KINDS: dict[tuple[int, int], tuple[Table, str]] = {}


def _label_kind(table: Table, column: Column) -> str:
    """ "period" for a label column of years, months or quarters, else "entity" (read once per
    table object and column: a store's data tables are ranked for many questions)."""
    cached = _LABEL_KINDS.get((id(table), column.index))
    if cached is not None and cached[0] is table:
        return cached[1]
    texts = [r.cells[column.index].text for r in table.rows if r.cells[column.index].text.strip()]
    periodic = sum(1 for t in texts if parse_period(t) or month_or_quarter(t))
    kind = "empty" if not texts else "period" if periodic >= 0.8 * len(texts) else "entity"
    if len(_LABEL_KINDS) > 2048:
        _LABEL_KINDS.clear()
    _LABEL_KINDS[(id(table), column.index)] = (table, kind)
    return kind


def _named(text: str, asked: frozenset[str]) -> bool:
    words = set(terms(text))
    return bool(words) and words <= asked


def _rank_table(
    rq: RankQuestion, table: Table, title: str
) -> tuple[float, Column, list[Row], str, bool, Column | None, float, list[Column]] | None:
    if not table.rows or not table.value_columns:
        return None
    labels = list(table.label_columns)
    kinds = {c.index: _label_kind(table, c) for c in labels}
    rows = [r for r in table.rows if r.kind == "data" and not _AGGREGATE.search(r.label or "")]
    filters: list[str] = []
    period_rows = any(r.period for r in rows)
    # months (or quarters) down and years across ("Month | 2018 | 2019"): the asked year's column
    # ranks the months, each the month of that year
    months_down = (
        rq.periodic
        and bool(rq.periods)
        and not period_rows
        and _month_labels(rows, rq.noun)
        and any(c.period for c in table.value_columns)
    )
    # the period asked: rows of that period (a long table), else columns of it (a wide one)
    if rq.periods and period_rows:
        rows = [r for r in rows if r.period and _period_year_match(rq.periods, r.period, rq.periodic, rq.noun)]
    elif rq.periods and not period_rows and not any(c.period for c in table.value_columns):
        here = table.period
        if here is None or all(p.year != here.year for p in rq.periods):
            return None  # the table does not say which period it is, or says another
    elif not rq.periods and period_rows and not rq.periodic:
        latest = max((r.period for r in rows if r.period), key=lambda p: p.key)
        rows = [r for r in rows if r.period and r.period.key == latest.key]
    # what is ranked: the entity column the question's noun names, else the one not fixed by a name
    entity_cols = [c for c in labels if kinds[c.index] == "entity"]
    ranked_col: Column | None = None
    if not rq.periodic:
        by_noun = [c for c in entity_cols if set(terms(c.label)) & set(rq.noun)]
        free = [c for c in entity_cols if not any(_named(r.cells[c.index].text, rq.terms) for r in rows)]
        ranked_col = next(iter(by_noun or free or entity_cols), None)
    elif not period_rows and not months_down:
        return None  # periods as columns: the cell reader's "which year" answers it
    noun_match = 0.0
    if ranked_col is not None and set(terms(ranked_col.label)) & set(rq.noun):
        noun_match = 0.5
    elif rq.periodic and (period_rows or months_down):
        noun_match = 0.5
    for c in entity_cols:
        if c is ranked_col:
            continue
        named = {r.cells[c.index].text for r in rows if _named(r.cells[c.index].text, rq.terms)}
        if len(named) == 1:
            fixed = named.pop()
            rows = [r for r in rows if r.cells[c.index].text == fixed]
            filters.append(fixed)
    if ranked_col is not None:
        # "Among Tamaulipas, Jalisco and Sonora, which …": the candidates the question lists
        listed = [r for r in rows if _named(r.cells[ranked_col.index].text, rq.terms)]
        if len({r.cells[ranked_col.index].text for r in listed}) >= 2:
            rows = listed
        elif listed:
            return None  # the question names one of them ("… of US–Mexico trade"): it ranks something else
    # each ranked thing once: another dimension the question does not fix (two partners per port)
    # makes the rows incomparable; a column that only describes each row (its field office) does not
    keys = [_name(table, r, rq.periodic) if ranked_col is None else r.cells[ranked_col.index].text for r in rows]
    if len(set(keys)) < len(keys):
        return None
    if len(rows) < 2:
        return None
    vocabulary = set(terms(f"{title} {table.caption} " + " ".join(c.label for c in table.columns)))
    vocabulary |= {t for r in table.rows for t in terms(r.label)}
    if rq.names - _with_parts(vocabulary):
        return None  # a place or partner of the question the table never mentions
    # the value column: the measure the question names, of the asked period
    best: tuple[float, Column] | None = None
    plain: list[Column] = []
    title_terms = set(terms(title)) | set(terms(table.caption))
    for c in table.value_columns:
        if sum(1 for r in rows if r.cells[c.index].value is not None) < 2:
            continue
        if c.period and rq.periods and not _period_match(list(rq.periods), c.period):
            continue
        if _RANK_COLUMN.search(c.label.replace("_", " ")) or (months_down and c.period is None):
            continue  # a rank orders rows (below), it is not a figure; a month's column names its year
        ct = set(terms(" ".join(p for p in c.parts if p) or c.label)) - {"usd", "us", "million", "billion"}
        asked_unit = _ASKED_SHARE.search(rq.text)
        unasked = _UNASKED.search(c.label.replace("_", " ")) and not asked_unit
        if unasked or (c.unit.percent and not asked_unit):
            continue
        plain.append(c)
        hits = ct & rq.terms
        score = len(hits - title_terms) + 0.5 * len(hits & title_terms)
        score = score / (1 + 0.2 * len(ct - rq.terms))
        if best is None or score > best[0]:
            best = (score, c)
    if best is None:
        return None
    col_score, column = best
    parts: list[Column] = []  # the columns summed when the question ranks their whole
    if col_score <= 0:
        if len(plain) == 1:
            column = plain[0]
        else:
            # no column is named: the table's whole ("Total") or, for trade, exports plus imports
            whole = _whole_column(plain, rq)
            parts = [] if whole is not None else _two_way(plain, rq)
            if whole is None and not parts:
                return None  # no measure of the question picks a column
            column = whole if whole is not None else parts[0]
    around = title_terms | set(terms(" ".join(c.label for c in table.columns))) | set(terms(" ".join(filters)))
    summed = parts or [column]
    rows = [r for r in rows if all(r.cells[c.index].value is not None for c in summed)]
    if len(rows) < max(2, rq.position):
        return None
    if rq.deficit and (parts or not _BALANCE_COLUMN.search(column.label.replace("_", " "))):
        return None  # a deficit is read off a balance; totals or one direction do not rank it
    reverse_balance = rq.deficit and "deficit" not in column.label.lower()
    descending = rq.descending != reverse_balance

    def value(r: Row) -> float:
        return sum(r.cells[c.index].value or 0.0 for c in summed)

    if reverse_balance or (_SURPLUS.search(rq.text) and _BALANCE_COLUMN.search(column.label.replace("_", " "))):
        # "the smallest deficit" is among the deficits (negative balances), not a surplus
        rows = [r for r in rows if (value(r) < 0) == reverse_balance and value(r) != 0]
        if len(rows) < rq.position:
            return None

    ranked = sorted(rows, key=value, reverse=descending)
    if rq.by_rank and rq.descending:
        by_rank = _by_rank_column(table, ranked, rq.position)
        if by_rank is False:
            return None  # the table's ranks say no row of it holds the asked place
        if isinstance(by_rank, list):
            ranked = by_rank
    if months_down:
        if column.period is None:
            return None
        ranked = [_of_year(r, column.period.year) for r in ranked]
    # how much of the question the table holds: title, caption, headers, the values it filtered by
    around |= set(terms(" ".join(r.label for r in rows)))
    around = _with_parts(around)
    coverage = len(rq.terms & around) / len(rq.terms) if rq.terms else 1.0
    if col_score <= 0 and coverage < 0.5:
        return None  # its one figure column is not shown to be what the question ranks by
    score = 0.0
    if rq.count and len(rows) != rq.count:
        score -= 0.5  # "the six border states": a table of six rows is the one meant
    # more rows compared make a fuller ranking (the top partners over a two-partner table)
    score += coverage + min(col_score, 1.5) + noun_match + 0.15 * math.log2(min(len(rows), 16))
    scope = _scope(rq, table, ranked[0], column, filters)
    if parts and column.period:  # "(Exports 2012)" names one of the summed columns
        scope = f"{' for ' + ' and '.join(filters) if filters else ''} in {column.period.year}"
    return score, column, ranked, scope, reverse_balance, ranked_col, coverage, parts


_SURPLUS = re.compile(r"\bsurplus(?:es)?\b", re.I)
_BALANCE_COLUMN = re.compile(r"\b(?:balance|deficits?|surplus(?:es)?|net)\b", re.I)


def _month_labels(rows: list[Row], noun: tuple[str, ...]) -> bool:
    """Rows labelled by month ("March") or quarter ("Q3"), the kind the question ranks."""
    return _period_labels([r.label for r in rows], noun)


def _period_labels(labels: list[str], noun: tuple[str, ...]) -> bool:
    labels = [t for t in labels if t.strip()]
    quarters = sum(1 for t in labels if re.fullmatch(r"\s*q[1-4]\s*", t, re.I))
    months = sum(1 for t in labels if month_or_quarter(t)) - quarters
    wanted = quarters if any(w.startswith("quarter") for w in noun) else months
    return len(labels) >= 2 and wanted >= 0.8 * len(labels)


def _of_year(row: Row, year: int) -> Row:
    """A row labelled with a month or quarter only ("March"), as that period of ``year``."""
    period = parse_period(f"{row.label.strip()} {year}")
    return replace(row, period=period) if period is not None else row


def _by_rank_column(table: Table, ranked: list[Row], position: int) -> list[Row] | None | bool:
    """``ranked`` reordered by the table's rank column (1 first), so that the row ranked at
    ``position`` stands there with the rows ranked above it before it; None when the table has no
    rank column, False when its ranks skip that place or the rows above it (a table of the top
    partners of another year)."""
    col = next((c for c in table.columns if _RANK_COLUMN.search(c.label.replace("_", " "))), None)
    if col is None:
        return None
    ranks = {r.index: r.cells[col.index].value for r in ranked}
    if any(v is None for v in ranks.values()):
        return None
    ordered = sorted(ranked, key=lambda r: ranks[r.index] or 0.0)
    if [ranks[r.index] for r in ordered[:position]] != [float(i) for i in range(1, position + 1)]:
        return False
    return ordered


# a column that is the table's whole: "Total", "Total trade", "All modes"
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_WHOLE_COLUMN = re.compile(r"^\s*(?:total|all|combined|overall)\b", re.I)


def _whole_column(columns: list[Column], rq: RankQuestion) -> Column | None:
    """The one column that totals the table's measure ("Total" beside "Exports", "Imports", "Truck"),
    when the question names none of them: "which month was trade highest" ranks the whole. Its other
    words must be the question's ("Total exports" does not answer a question about trade)."""
    wholes = [
        c
        for c in columns
        if _WHOLE_COLUMN.search(c.name or c.label)
        and set(terms(c.name or c.label)) - set(terms("total all combined overall")) <= rq.terms
    ]
    return wholes[0] if len(wholes) == 1 else None


def _two_way(columns: list[Column], rq: RankQuestion) -> list[Column]:
    """[exports, imports] of the asked period when the question ranks trade and the table gives
    only its two directions: trade is exports plus imports."""
    if "trade" not in rq.terms:
        return []
    exports = [c for c in columns if "export" in terms(c.label) and "import" not in terms(c.label)]
    imports = [c for c in columns if "import" in terms(c.label) and "export" not in terms(c.label)]
    if len(exports) == 1 and len(imports) == 1 and len(columns) == 2:
        return [exports[0], imports[0]]
    return []


def _period_year_match(asked: tuple[Period, ...], period: Period, periodic: bool, noun: tuple[str, ...] = ()) -> bool:
    """A row of the asked period; when months are ranked, any month of the asked year (a row of
    the whole year is not one of its months)."""
    if periodic:
        if any(w.startswith("month") for w in noun) and not period.month:
            return False
        if any(w.startswith("quarter") for w in noun) and not (period.quarter or period.month):
            return False
        return any(p.year == period.year for p in asked)
    return _period_match(list(asked), period)


def _scope(rq: RankQuestion, table: Table, row: Row, column: Column, filters: list[str]) -> str:
    whose = f" for {' and '.join(filters)}" if filters else ""
    if rq.periodic and rq.periods:
        return f"{whose} among the {_period_noun(rq)} of {rq.periods[0].year}"
    if rq.periodic:
        return f"{whose} among the table's periods"
    if column.period:
        return f"{whose} ({column.period.text})"
    if row.period:
        return f"{whose} in {row.period.text}"
    if table.period:
        return f"{whose} ({table.caption})" if table.caption else whose
    return whose


def rank_in_tables(
    question: str,
    hits: list[Hit],
    tables_for: Callable[[str], list[Table]],
    max_docs: int = 3,
    catalogue: Callable[[], list[list[Hit]]] | None = None,
) -> Ranked | None:
    """The best-fitting ranking among the tables of the top retrieved documents and, a little
    behind them, the store's other data tables (a ranking needs the table that holds every row;
    retrieval may bring a narrower one first)."""
    rq = rank_question(question)
    if rq is None:
        return None
    best: Ranked | None = None
    counted = ranked_count(question)
    for rank, hit, tables in _candidate_tables(hits, tables_for, max_docs, catalogue):
        for t_index, table in joined_tables(tables):
            if not _counts_asked(table, hit.doc.title, counted):
                continue  # "ranked second for railcars": a table of trucks ranks something else
            found = _rank_table(rq, table, hit.doc.title)
            if found is None:
                continue
            score, column, rows, scope, rev, ranked_col, coverage, parts = found
            if _one_of_combined(question, column.label):
                continue  # "… through Laredo, Eagle Pass and Del Rio combined": not Eagle Pass's column
            score -= 0.15 * rank if rank < max_docs else CATALOGUE_PENALTY
            if score >= MIN_TABLE_SCORE and (best is None or score > best.score):
                best = Ranked(
                    score,
                    table,
                    t_index,
                    column,
                    rows,
                    hit,
                    rank,
                    scope,
                    list(tables),
                    rev,
                    ranked_col,
                    coverage,
                    parts,
                )
        for t_index, table in enumerate(tables):
            across = _rank_columns(rq, table, hit.doc.title)
            if across is None:
                continue
            score, row, columns, scope, coverage = across
            score -= 0.15 * rank if rank < max_docs else CATALOGUE_PENALTY
            if score >= MIN_TABLE_SCORE and (best is None or score > best.score):
                best = Ranked(score, table, t_index, columns[0], [row], hit, rank, scope, list(tables))
                best.coverage, best.across = coverage, columns
    return best


def joined_tables(tables: list[Table]) -> list[tuple[int, Table]]:
    """The document's tables with each table continued on the next page (a PDF's or a report's
    table split by a page break: the same header, the same or no caption) joined to the one it
    continues, its rows numbered on; each under the index of its first piece. A ranking over
    the months of a year needs every month, not the half on one page."""
    out: list[tuple[int, Table]] = []
    for i, table in enumerate(tables):
        if out:
            j, last = out[-1]
            same_head = [c.label for c in last.columns] == [c.label for c in table.columns]
            if same_head and table.rows and table.caption in ("", last.caption) and table.source == last.source:
                if table.source not in ("csv", "xlsx"):
                    offset = len(last.rows)
                    rows = tuple(replace(r, index=offset + r.index) for r in table.rows)
                    out[-1] = (j, replace(last, rows=last.rows + rows, end=table.end or last.end))
                    continue
        out.append((i, table))
    return out


def _rank_columns(rq: RankQuestion, table: Table, title: str) -> tuple[float, Row, list[Column], str, float] | None:
    """A table whose columns are the things ranked (markets across, products down): the row the
    question names, its cells ranked across the columns ("the second-largest market for US
    cereals" in a table of products by market)."""
    if rq.periodic:
        return _rank_periods_across(rq, table, title)
    if not table.rows or any(set(terms(c.label)) & set(rq.noun) for c in table.label_columns):
        return None  # the noun names the rows: ranked down, not across
    asked_unit = _ASKED_SHARE.search(rq.text)
    columns = [
        c
        for c in table.value_columns
        if not c.period
        and not (c.unit.percent and not asked_unit)
        and not (_UNASKED.search(c.label.replace("_", " ")) and not asked_unit)
        and not _AGGREGATE.search(c.label)
    ]
    if len(columns) < max(2, rq.position):
        return None
    if rq.periods:
        here = table.period
        if here is None or all(p.year != here.year for p in rq.periods):
            return None  # the table does not say it is of the asked period
    # the row the question names by its label's head ("Meat" for "Meat (HS 02)")
    named = [
        r for r in table.rows if r.kind == "data" and r.label and _named(re.sub(r"\(.*?\)", " ", r.label), rq.terms)
    ]
    if len(named) != 1:
        return None
    row = named[0]
    columns = [c for c in columns if row.cells[c.index].value is not None]
    if len(columns) < max(2, rq.position):
        return None
    vocabulary = set(terms(f"{title} {table.caption} " + " ".join(c.label for c in table.columns)))
    vocabulary |= {t for r in table.rows for t in terms(r.label)}
    if rq.names - vocabulary:
        return None

    def value(c: Column) -> float:
        v = row.cells[c.index].value
        assert v is not None
        return v

    ranked = sorted(columns, key=value, reverse=rq.descending != rq.deficit)
    around = vocabulary
    coverage = len(rq.terms & around) / len(rq.terms) if rq.terms else 1.0
    scope = f" ({table.caption})" if table.caption else ""
    score = coverage + 1.0 + 0.15 * math.log2(min(len(columns), 16))
    if rq.count and len(columns) != rq.count:
        score -= 0.5
    return score, row, ranked, scope, coverage


def _rank_periods_across(
    rq: RankQuestion, table: Table, title: str
) -> tuple[float, Row, list[Column], str, float] | None:
    """Years down and quarters (or months) across ("Year | Q1 | Q2 | Q3 | Q4"): "which quarter of
    2018 …" ranks the cells of the 2018 row across its quarter columns."""
    if not rq.periods or not table.rows:
        return None
    columns = [c for c in table.value_columns if not _AGGREGATE.search(c.label)]
    if not _period_labels([c.label for c in columns], rq.noun) or len(columns) < max(2, rq.position):
        return None
    rows = [r for r in table.rows if r.kind == "data" and r.period and r.period.year == rq.periods[0].year]
    if len(rows) != 1:
        return None  # the asked year is not one row (or several rows of it: partners, measures)
    row = rows[0]
    columns = [c for c in columns if row.cells[c.index].value is not None]
    if len(columns) < max(2, rq.position):
        return None
    vocabulary = set(terms(f"{title} {table.caption} " + " ".join(c.label for c in table.columns)))
    if rq.names - _with_parts(vocabulary):
        return None
    ranked = sorted(columns, key=lambda c: row.cells[c.index].value or 0.0, reverse=rq.descending)
    coverage = len(rq.terms & _with_parts(vocabulary)) / len(rq.terms) if rq.terms else 1.0
    score = coverage + 1.0 + 0.5 + 0.15 * math.log2(min(len(columns), 16))
    return score, row, ranked, f" among the {_period_noun(rq)} of {rq.periods[0].year}", coverage


def _period_noun(rq: RankQuestion) -> str:
    """ "months", "quarters" (what the question ranks), else "periods"."""
    return next((f"{w}s" for w in ("month", "quarter", "week", "day") if w in rq.noun), "periods")


MAX_CATALOGUE_TABLES = 200  # a store with more data tables is not scanned for a ranking
MIN_TABLE_SCORE = 1.0  # below it, no table is shown to hold what the question ranks
CATALOGUE_PENALTY = 0.35  # a table no retrieved passage came from must fit the question better


def _candidate_tables(hits, tables_for, max_docs, catalogue):
    seen: set[str] = set()
    for rank, hit, tables in top_document_tables(hits, tables_for, max_docs):
        seen.add(hit.chunk.doc_id)
        yield rank, hit, tables
    if catalogue is None:
        return
    try:
        every = catalogue()
    except Exception:  # a store error must not lose the ranking the retrieved tables give
        logger.exception("could not read the store's tables; ranking the retrieved tables only")
        return
    if len(every) > MAX_CATALOGUE_TABLES:
        return
    for rows in every:
        if not rows or rows[0].chunk.doc_id in seen:
            continue
        doc_id = rows[0].chunk.doc_id
        seen.add(doc_id)
        for _, hit, tables in top_document_tables([rows[0]], tables_for, 1):
            yield max_docs, hit, tables


def _value(cell, table: Table, column: Column, row: Row) -> str:
    """The cell as ``cells.format_value`` writes it, a negative amount with its sign after the
    currency ("US$−152.38 billion"), where the figure reader (and a reader) takes it as negative."""
    return re.sub(r"^[-−]\s*((?:[A-Z]{1,3})?[$£€¥])", r"\1−", format_value(cell, table, column, row))


def _asked_measure(question: str) -> str:
    """What the question ranks by, in its words: "received the least FDI in 2006" -> "FDI"."""
    m = _RANKED.search(question)
    if m is None:
        return ""
    rest = re.split(r"\s+(?:in|during|for|among|between|since|from)\s+|[,?]", question[m.end() :], maxsplit=1)[0]
    if not rest.strip():
        # "In which month of 2019 were US imports from China lowest?": what stands between the
        # verb and the superlative
        before = re.search(
            r"\b(?:was|were|is|are|did|saw|had)\s+(?:the\s+)?(?P<what>[^,?]+?)\s*$", question[: m.start()]
        )
        rest = re.sub(r"\s+(?:at\s+)?(?:its|their|the)$", "", before.group("what")) if before else ""
    return rest.strip()


def _ordinal(n: int) -> str:
    return {1: "", 2: "second-", 3: "third-", 4: "fourth-", 5: "fifth-"}.get(n, f"{n}th-")


def _rank_word(rq: RankQuestion, reversed_balance: bool) -> str:
    if reversed_balance:
        return "largest deficit" if rq.descending else "smallest deficit"
    return "highest" if rq.descending else "lowest"


def _name(table: Table, row: Row, periodic: bool, column: Column | None = None) -> str:
    if periodic and row.period:
        return row.period.text
    if column is not None and row.cells[column.index].text.strip():
        return row.cells[column.index].text.strip()
    return row_entity(table, row) or row.label


def table_answer(question: str, found: Ranked, hits: list[Hit]) -> Answer | None:
    """The row at the asked position, stated with its cell; the rows ranked above it after it."""
    rq = rank_question(question)
    if rq is None:
        return None
    if found.across:
        return _across_answer(question, rq, found, hits) if len(found.across) >= rq.position else None
    if len(found.rows) < rq.position:
        return None
    table, column = found.table, found.column
    pick = found.rows[rq.position - 1]
    above = found.rows[: rq.position - 1]
    measure = _measure(column)
    if found.parts:
        words = [re.sub(r"\s+", " ", _YEARS.sub(" ", c.label)).strip().lower() for c in found.parts]
        measure = f"trade ({' plus '.join(words)})"
    elif _WHOLE_COLUMN.search(measure):
        measure = measure.lower()  # "the highest total"
    # a CSV's sidecar says how a person reads the column ("US exports of HS 71", not "exports hs")
    named = [label for name, label, _ in getattr(found.hit.doc, "columns", ()) if name == column.label and label]
    if named and not found.parts:
        measure = named[0]
    if not measure or parse_period(measure):
        measure = _asked_measure(question) or "figure"
    if found.reversed_balance:
        measure = f"({measure})"
    word = f"{_ordinal(rq.position)}{_rank_word(rq, found.reversed_balance)}"
    entity = _name(table, pick, rq.periodic, found.ranked_col)
    sums: dict[int, tuple[str, str]] = {}  # row index -> (the sum as stated, its formula)

    def stated(r: Row) -> str:
        if not found.parts:
            return _value(r.cells[column.index], table, column, r)
        shown, formula = _sum_of(table, r, found.parts)
        sums[r.index] = (shown, formula)
        return shown

    first = stated(pick)
    text = f"{entity} had the {word} {measure}{found.scope}: {first}"
    if found.parts:
        text += f" = {sums[pick.index][1]}"
    text += " [1]"
    rows = [pick, *above]
    if above:
        ranked_above = ", ".join(
            f"{_name(table, r, rq.periodic, found.ranked_col)} ({stated(r)}) [{i + 2}]" for i, r in enumerate(above)
        )
        text += f", after {ranked_above}"
    text += "."
    citations = _cell_citations(question, hits, found, [(row, found.parts or [column]) for row in rows])
    support = _support(hits, found.hit.chunk.doc_id, entity, first, rq)
    if support is not None:
        text = quote_cited(text, citations, *support)
    figures = check_figures(text, citations)
    if found.parts:
        figures = _with_sums(figures, sums, rows, citations)
    return Answer(
        question=question,
        answer=text[:1].upper() + text[1:],
        abstained=False,
        citations=citations,
        figures=figures,
        confidence=max(0.0, min(1.0, found.score / 3)),
    )


def _cell_citations(question: str, hits: list[Hit], found: Ranked, cells: list) -> list[Citation]:
    """One citation per (row, column or columns) of ``found``'s table, numbered from 1 in that order."""
    citations: list[Citation] = []
    for i, (row, column) in enumerate(cells):
        cell = CellAnswer(
            sentence="",
            hit=_hit_for_row(hits, found.hit, found.table, found.t_index, row, found.tables),
            table_index=found.t_index,
            table=found.table,
            row=row,
            columns=list(column) if isinstance(column, list) else [column],
            score=found.score,
            doc_rank=found.doc_rank,
        )
        cit = compose(question, cell, hits).citations[0]
        cit.marker = i + 1
        citations.append(cit)
    return citations


def _sum_of(table: Table, row: Row, parts: list[Column]) -> tuple[str, str]:
    """The row's cells of ``parts`` added up, written as its cells are ("US$73.78 billion"), and
    the sum written out ("US$28.49 billion + US$45.29 billion")."""
    cells = [row.cells[c.index] for c in parts]
    decimals = max(len(c.text.strip().rpartition(".")[2]) if "." in c.text else 0 for c in cells)
    total = round(sum(c.value or 0.0 for c in cells), decimals)
    cell = Cell(f"{total:,.{decimals}f}", total)
    shown = _value(cell, table, parts[0], row)
    formula = " + ".join(_value(c, table, col, row) for c, col in zip(cells, parts, strict=True))
    return shown, formula


def _with_sums(figures: list[Figure], sums: dict[int, tuple[str, str]], rows: list[Row], citations) -> list[Figure]:
    """The answer's figures with each stated sum recorded as computed (verified by adding the
    cited cells again), not as a figure a passage should state."""
    out = list(figures)
    for i, row in enumerate(rows):
        if row.index not in sums:
            continue
        shown, formula = sums[row.index]
        claim = find_figures(shown)
        if not claim:
            continue
        marker = citations[i].marker if i < len(citations) else None
        added = find_figures(formula)
        operands: list[dict[str, object]] = [{"citation": marker, "value": f.value, "text": f.text} for f in added]
        again = sum(f.value for f in added)
        ok = math.isclose(again, claim[0].value, rel_tol=1e-6)
        record = Figure(
            text=shown,
            value=claim[0].value,
            kind="computed",
            citation=marker,
            verified=ok,
            formula=formula,
            operands=operands,
            details={"operation": "sum", "display": shown, "result_kind": claim[0].kind, "notes": [], "conflicts": []},
        )
        for j, f in enumerate(out):
            if not f.verified and not f.computed and math.isclose(f.value, claim[0].value, rel_tol=1e-9):
                out[j] = record
                break
    return out


def _across_answer(question: str, rq: RankQuestion, found: Ranked, hits: list[Hit]) -> Answer:
    table, row = found.table, found.rows[0]
    pick = found.across[rq.position - 1]
    above = found.across[: rq.position - 1]
    word = f"{_ordinal(rq.position)}{'highest' if rq.descending else 'lowest'}"
    measure = row.label
    year = f" {row.period.year}" if rq.periodic and row.period else ""
    if rq.periodic:  # the row is the year: the measure is the question's ("US imports from China")
        measure = _asked_measure(question) or "figure"

    def name(c: Column) -> str:
        return f"{c.name or c.label}{year}"

    text = f"{name(pick)} had the {word} {measure}{found.scope}: {_value(row.cells[pick.index], table, pick, row)} [1]"
    if above:
        text += ", after " + ", ".join(
            f"{name(c)} ({_value(row.cells[c.index], table, c, row)}) [{i + 2}]" for i, c in enumerate(above)
        )
    text += "."
    citations = _cell_citations(question, hits, found, [(row, column) for column in [pick, *above]])
    support = _support(hits, found.hit.chunk.doc_id, name(pick), _value(row.cells[pick.index], table, pick, row), rq)
    if rq.periodic and support is not None:
        text = quote_cited(text, citations, *support)
    return cited_answer(question, text, citations, max(0.0, min(1.0, found.score / 3)))


def _support(hits: list[Hit], table_doc: str, entity: str, stated: str, rq: RankQuestion):
    """A sentence of another retrieved passage that states the same figure for the same row (and
    the question's years): the ranking's result in prose, quoted after it."""
    claims = find_figures(stated)
    if not claims or not entity:
        return None
    name = fold(entity)
    for h in hits:
        # a ranked period ("Q3 2018") is written many ways ("the third quarter of 2018"): its
        # figure and year, in a sentence of the same document too, are the support
        if (h.chunk.doc_id == table_doc and not rq.periodic) or h.chunk.in_table:
            continue
        for a, b in split_sentences(h.chunk.text):
            sentence = h.chunk.text[a:b]
            if not rq.periodic and name not in fold(sentence):
                continue
            if not all(str(p.year) in sentence for p in rq.periods):
                continue
            if any(same_figure(claims[0], f) for f in find_figures(sentence)):
                return h, (a, b)
    return None


# --- prose ---------------------------------------------------------------------------------

_NAME = r"[A-ZÀ-Ý][\wÀ-ÿ.'’\-]*(?:\s+(?:de|del|la|los|las)?\s*[A-ZÀ-Ý][\wÀ-ÿ.'’\-]*)*"
# "Tamaulipas (US$16.69 billion", "Querétaro US$8.01 billion", "Jalisco received US$11.42 billion"
_NAME_BEFORE = re.compile(rf"({_NAME})(?:\s*\(\s*|\s+(?:[a-z]+\s+){{0,3}})$")
# "US$205.87 billion from Canada", "US$69.66 billion with Mexico"
_NAME_AFTER = re.compile(rf"^\s+(?:with|for|from|to|at|by|in)\s+(?:the\s+)?({_NAME})")
_SKIP_NAMES = {*REPORTER_WORDS, "the", "in", "and", "according", "census", "bts"}
_MONTH_WORDS = {m.lower() for m in MONTHS}


_WHOLE = re.compile(r"\b(?:combined|together|total(?:led)?|overall|in all)\b", re.I)


@dataclass(frozen=True)
class Pair:
    entity: str
    figure: FoundFigure


def _entity(name: str) -> str:
    name = re.sub(r"^(?:The|In|And|For|With|From)\s+", "", name.strip(" .'’"))
    first = fold(name.split()[0]).strip(".") if name.split() else ""
    if not name or first in _SKIP_NAMES or first in _MONTH_WORDS or parse_period(name):
        return ""
    return name


def sentence_pairs(sentence: str) -> list[Pair]:
    """(entity, figure) pairs a sentence lists, each figure with the name written next to it
    ("Tamaulipas (US$16.69 billion)", "Querétaro US$8.01 billion", "Jalisco received US$11.42
    billion", "US$205.87 billion from Canada"). Only figures of the first pair's kind and
    currency, each entity once."""
    pairs: list[Pair] = []
    prev_end = 0
    lead = len(sentence) - len(sentence.lstrip())
    for f in find_figures(sentence):
        after = _NAME_AFTER.match(sentence[f.end : f.end + 60])
        name = _entity(after.group(1)) if after else ""
        if not name:
            before = _NAME_BEFORE.search(sentence[prev_end : f.start])
            first_word = before is not None and prev_end + before.start(1) == lead  # capitalised anyway
            whole = before is not None and _WHOLE.search(before.group(0))  # "the four states combined were"
            name = _entity(before.group(1)) if before and not first_word and not whole else ""
        # a name written after the figure before this one is that figure's ("… from Canada and US$x")
        prev_end = f.end + (after.end() if after and name else 0)
        if name:
            pairs.append(Pair(name, f))
    if not pairs:
        return []
    kind = (pairs[0].figure.kind, pairs[0].figure.currency)
    seen: dict[str, Pair] = {}
    for p in pairs:
        if (p.figure.kind, p.figure.currency) == kind:
            seen.setdefault(fold(p.entity), p)
    return list(seen.values())


@dataclass
class ProseRanked:
    score: float
    coverage: float  # the share of the question's words the sentence (its title, section) holds
    hit: Hit
    span: tuple[int, int]
    pairs: list[Pair]  # ranked, the asked order


def prose_sentences(hits: list[Hit], rq: RankQuestion) -> Iterator[tuple[int, Hit, tuple[int, int]]]:
    """(index of the hit, hit, sentence span) of each sentence of the prose passages among
    ``hits`` (not table rows) that states every year the question ranks within."""
    for i, hit in enumerate(hits):
        chunk = hit.chunk
        if chunk.in_table:
            continue
        for a, b in split_sentences(chunk.text):
            if rq.periods and not all(str(p.year) in chunk.text[a:b] for p in rq.periods):
                continue
            yield i, hit, (a, b)


# what a superlative ranks by, written after it: "the most northbound cars in 2018" -> "cars"
_RANKED_BY = re.compile(
    rf"\b(?:(?:{_MAX}|{_MIN})|rank(?:ed|s)?\s+(?:{_ORD_WORDS})\s+(?:for|in|by|on))\s+"
    r"((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)"
    r"(?=\s+(?:in|of|to|from|at|by|for|during|among|across|over|between|on|through)\b|\s*[?,.]|\s*$)"
)


def ranked_count(question: str) -> set[str]:
    """The terms of what a ranking question counts, named after its superlative ("the most
    northbound cars" -> cars); empty when it names nothing countable there ("the most goods")."""
    m = _RANKED_FOR.search(question) or _RANKED_BY.search(question)
    words = m.group(1).split() if m else []
    if len(words) > 1 and words[-1] in _COUNTING_NOUNS:
        return set(terms(words[-2])) - _GENERIC - _EVERY_PRODUCT  # "truck crossings" count trucks
    head = words[-1] if words else ""
    if not re.fullmatch(r"[a-z\-]+[^s]s", head) or head in _COUNTING_NOUNS:
        return set()  # a role ("the largest destination of …", "the biggest share"), not things counted
    return set(terms(head)) - _GENERIC - _EVERY_PRODUCT


# "the busiest month for northbound buses": a period ranked by what it is busiest for
_RANKED_FOR = re.compile(
    rf"\b(?:{_MAX}|{_MIN})\s+(?:month|year|quarter|week|day|period)\s+(?:for|of)\s+"
    r"((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)"
    r"(?=\s+(?:in|of|to|from|at|by|for|during|among|across|over|between|on|through)\b|\s*[?,.]|\s*$)"
)
# nouns of counting itself, whose modifier names what is counted ("truck crossings")
_COUNTING_NOUNS = frozenset("crossings entries trips movements shipments flows counts totals numbers volumes".split())


_NAME_RUN = re.compile(r"(?<![\w.])[A-ZÀ-Ý][\wÀ-ÿ'’\-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’\-]*)*")


def _one_of_combined(question: str, label: str) -> bool:
    """Does ``label`` name some, not all, of the places a question takes together ("Laredo,
    Eagle Pass and Del Rio combined")? Its figures are then one member's, not the group's."""
    if not _WHOLE.search(question):
        return False
    names = {fold(m.group(0)) for m in _NAME_RUN.finditer(question, 1)} - _MONTH_WORDS
    if len(names) < 2:
        return False
    said = {n for n in names if re.search(rf"\b{re.escape(n)}\b", fold(label))}
    return bool(said) and said != names


def _counts_asked(table: Table, title: str, counted: set[str]) -> bool:
    """Does ``table`` (its title, caption, units or column labels) name what is ranked?"""
    if not counted:
        return True
    said = set(terms(" ".join([title, table.name, table.caption, *(c.label for c in table.columns)])))
    return any(_met(t, said) for t in counted)


def _counting_else(sentence: str, counted: set[str]) -> set[int]:
    """Where the counts of a sentence that names ``counted`` count something else ("… 425,687
    cars …; the ferry carried 32,953 of those walkers"): their start offsets. A sentence that
    never names it may say it in other words: none."""
    if not counted or not any(_met(t, set(terms(sentence))) for t in counted):
        return set()
    return {f.start for f, said in counts_in(sentence) if said and not any(_met(t, said) for t in counted)}


def rank_in_sentences(question: str, hits: list[Hit], top: int = 3) -> ProseRanked | None:
    rq = rank_question(question)
    if rq is None or rq.periodic:
        return None
    counted = ranked_count(question)
    asked_names = {fold(n) for n in re.findall(r"[A-ZÀ-Ý][\wÀ-ÿ'’\-]+", question[1:])}
    best: ProseRanked | None = None
    for rank, hit, (a, b) in prose_sentences(hits[:top], rq):
        chunk = hit.chunk
        sentence = chunk.text[a:b]
        elsewhere = _counting_else(sentence, counted)
        pairs = [p for p in sentence_pairs(sentence) if p.figure.start not in elsewhere]
        # the candidates the question lists ("Among A, B and C, which …"), when it lists some
        listed = [p for p in pairs if fold(p.entity) in asked_names or _named(p.entity, rq.terms)]
        if len(listed) >= 2:
            pairs = listed
        else:  # a name of the question is the group ranked within ("the Bajío"), not a candidate
            pairs = [p for p in pairs if p not in listed]
        if len(pairs) < max(2, rq.position, rq.count):
            continue  # fewer candidates than the question ranks
        words = set(terms(sentence)) | set(terms(f"{hit.doc.title} {chunk.section}"))
        coverage = len(rq.terms & words) / len(rq.terms) if rq.terms else 0.0
        score = coverage - 0.1 * rank
        if coverage < 0.5:
            continue
        if best is None or score > best.score:
            ordered = sorted(pairs, key=lambda p: p.figure.value, reverse=rq.descending != rq.deficit)
            best = ProseRanked(score, coverage, hit, (a, b), ordered)
    return best


def prose_answer(question: str, found: ProseRanked) -> Answer | None:
    rq = rank_question(question)
    if rq is None or len(found.pairs) < rq.position:
        return None
    pick = found.pairs[rq.position - 1]
    above = found.pairs[: rq.position - 1]
    word = f"{_ordinal(rq.position)}{'highest' if rq.descending else 'lowest'}"
    text = f"Of the figures this passage lists, {pick.entity} has the {word}: {pick.figure.text}"
    if above:
        text += ", after " + ", ".join(f"{p.entity} ({p.figure.text})" for p in above)
    a, b = found.span
    quoted = one_line(found.hit.chunk.text[a:b])
    text += f". {quoted} [1]"
    citations = [citation_for(found.hit, 1, found.span)]
    return cited_answer(question, text, citations, max(0.0, min(1.0, found.score)))


def prefer_ranking(
    question: str,
    hits: list[Hit],
    answer: Answer,
    tables_for: Callable[[str], list[Table]] | None,
    catalogue: Callable[[], list[list[Hit]]] | None = None,
    document_chunks: Callable[[str], list[Chunk]] | None = None,
) -> Answer:
    """``answer`` (the quoted and computed one), or the ranking answer when the question asks for a
    ranking and the answer does not already name the same row with the same figure (a computed
    maximum over the same table: its formula lists every row, so it stays)."""
    ranked = ranking_answer(question, hits, tables_for, catalogue, document_chunks)
    if ranked is None or ranked.abstained:
        return answer
    if not answer.abstained and _agrees(answer, ranked):
        return answer
    return ranked


def _agrees(answer: Answer, ranked: Answer) -> bool:
    lead = (
        ranked.answer.split(" had the ", 1)[0]
        .split(" has the ", 1)[0]
        .removeprefix("Of the figures this passage lists, ")
    )
    first = answer.answer.split("[", 1)[0]
    if fold(lead) not in fold(first):
        return False
    mine = next((f for f in ranked.figures if f.verified), None)
    return mine is not None and any(
        f.kind == "computed" and math.isclose(abs(f.value), abs(mine.value), rel_tol=1e-6) for f in answer.figures
    )


def ranking_answer(
    question: str,
    hits: list[Hit],
    tables_for: Callable[[str], list[Table]] | None,
    catalogue: Callable[[], list[list[Hit]]] | None = None,
    document_chunks: Callable[[str], list[Chunk]] | None = None,
) -> Answer | None:
    """The extractive answerer's hook: a ranking question answered from a table's rows or a
    sentence's listed figures, or None (then the question is answered as before)."""
    if not hits or rank_question(question) is None:
        return None
    table = rank_in_tables(question, hits, tables_for, catalogue=catalogue) if tables_for is not None else None
    counted = candidates_counted(question)
    if table is not None and counted and len(table.across or table.rows) != counted:
        table = None  # "which of the four …": a table of other (or more) candidates does not rank them
    if table is None:
        # "the largest deficit" where no table has a balance of that year: the balances a
        # sentence implies by its exports and imports to each partner (balances.py)
        from .balances import balance_answer, rank_balances

        balances = rank_balances(question, hits, document_chunks)
        if balances is not None:
            return balance_answer(question, balances)
    prose = rank_in_sentences(question, hits)
    # a sentence of the top passages naming more of the question than the best table does
    # (its region, its candidates) ranks what the question is about
    if prose is not None and (table is None or prose.coverage > table.coverage):
        return prose_answer(question, prose)
    if table is not None:
        return table_answer(question, table, hits)
    return None
