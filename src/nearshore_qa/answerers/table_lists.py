"""List answers read off a table's structure rather than one cell.

Three question forms a single cell cannot answer, each answered from the table's shape:

- **periods**: "In which years was operating income calculated?", "Which years does the table
  show?" -> the periods of the value columns (or period rows) that hold the row's figures;
- **condition**: "In which year was net income less than 100.0 million?" -> the periods whose cell
  meets the comparison (the threshold read in the table's scale);
- **members**: "What are the components under deferred tax liabilities?", "What financial items
  are listed in the table?" -> the rows under a group row, up to the first row that sums the
  ones above it (a subtotal), or every labelled row of the table.

The row (or group) is chosen the way ``cells`` chooses one: the share of its label's words in the
question (rarer words weigh more) over the tables of the top retrieved documents, a lower-ranked
document needing a better match. The answer is a ``CellAnswer`` whose sentence lists the items
with the row's label, so ``cells.compose`` cites the table row as it cites a cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..figures import find_figures
from ..records import Hit
from ..tables import Column, Row, Table
from .cells import (
    _GENERIC,
    CellAnswer,
    _hit_for_row,
    _idf,
    _only_period,
    _row_terms,
    format_value,
    terms,
    top_document_tables,
)

_CMP = r"(?:less|lower|fewer|smaller|more|greater|higher|larger|bigger) than|above|below|under|over|exceed(?:ed|s|ing)?"
_CONDITION = re.compile(
    rf"\b(?:which|what)\b(?:\s+of\s+the)?\s+(?:years?|periods?|fiscal years?|quarters?)\b.*?\b({_CMP})\s+(.+?)\??$"
    rf"|^\s*(?:in|for|during)\s+(?:which|what)\s+(?:years?|periods?|fiscal years?|quarters?)\b.*?\b({_CMP})\s+(.+?)\??$",
    re.I,
)
_PERIODS = re.compile(
    r"^\s*(?:(?:in|for)\s+)?(?:which|what)\s+(?:years|periods|fiscal years|dates)\b"
    r"|^\s*(?:in|for)\s+which\s+(?:years|periods)\b|^\s*what\s+are\s+the\s+(?:years|periods)\b",
    re.I,
)
_ITEMS = r"(?:components?|items?|elements?|constituents?|sub-?items?|line items?)"
_MEMBERS = re.compile(
    rf"^\s*(?:what|which)\s+(?:are|were)\s+(?:the\s+)?(?:[\w-]+\s+)?{_ITEMS}\b"  # "What are the components under X"
    rf"|^\s*(?:what|which)\s+(?:[\w-]+\s+)?{_ITEMS}\s+(?:does|do|did|are|were|is|make|made|making)\b"
    r"|^\s*what\s+(?:are|were|is|was)\b.*\b(?:composed of|made up of|comprised of|consists? of)\s*\??$",
    re.I,
)
# words of a list question that name no row: "What financial items are listed in the table?"
_LIST_WORDS = set(
    terms(
        "components component items item elements element constituents financial line sub listed list shown "
        "included presented table consist consists comprised composed made making make up under types type "
        "categories calculated calculation provided provide information recorded considered factored period "
        "periods years dates"
    )
)


@dataclass(frozen=True)
class ListQuestion:
    kind: str  # "periods" | "condition" | "members"
    comparison: str = ""  # "<" or ">" for a condition
    threshold: str = ""  # the threshold as written ("100.0 million")


def list_question(question: str) -> ListQuestion | None:
    """The list a question asks for, or None when it asks for something else."""
    m = _CONDITION.search(question)
    if m:
        word = (m.group(1) or m.group(3)).lower()
        below = bool(re.match(r"less|lower|fewer|smaller|below|under", word))
        return ListQuestion("condition", "<" if below else ">", (m.group(2) or m.group(4)).strip())
    if _PERIODS.search(question) and not re.search(
        r"\b(?:higher|highest|lower|lowest|larger|largest|more|most|less|least|greater|smaller|change)\b",
        question,
        re.I,
    ):
        return ListQuestion("periods")
    if _MEMBERS.search(question):
        if re.search(
            r"\b(?:most|least|largest|highest|lowest|smallest|change|percentage|average|total)\b", question, re.I
        ):
            return None  # a figure about the items, not their list
        return ListQuestion("members")
    return None


def _asked(question: str) -> set[str]:
    return set(terms(question)) - _GENERIC - _LIST_WORDS - {w for w in terms(question) if w[0].isdigit()}


def _coverage(label_terms: list[str], asked: set[str], idf: dict[str, float]) -> float:
    uniq = set(label_terms)
    all_w = sum(idf.get(t, 1.0) for t in uniq)
    hit_w = sum(idf.get(t, 1.0) for t in uniq if t in asked)
    return hit_w / all_w if all_w else 0.0


def _match_row(asked: set[str], table: Table, rows: list[Row]) -> tuple[float, Row] | None:
    """The row whose label the question names best (share of the label's words, then how many)."""
    label_cols = [c.index for c in table.label_columns]
    rows_terms = [_row_terms(r, label_cols) if not _only_period(r, label_cols) else [] for r in rows]
    idf = _idf([t for t in rows_terms if t])
    best: tuple[float, Row] | None = None
    for r, rt in zip(rows, rows_terms, strict=True):
        if not rt:
            continue
        cov = _coverage(rt, asked, idf)
        # the share of the question's words the label holds breaks ties between labels it covers
        named = len(set(rt) & asked) / max(1, len(asked))
        score = cov + 0.3 * named
        if cov >= 0.6 and (best is None or score > best[0]):
            best = (score, r)
    return best


def _period_columns(table: Table, row: Row | None) -> list[Column]:
    """One value column per period (the first of each), holding a figure in ``row`` when given."""
    seen: dict[str, Column] = {}
    for c in table.value_columns:
        if c.period is None:
            continue
        if row is not None and row.cells[c.index].value is None:
            continue
        seen.setdefault(c.period.key, c)
    return list(seen.values())


def _when(column: Column) -> str:
    assert column.period is not None
    p = column.period
    return str(p.year) if not (p.month or p.quarter) else p.text


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _thresholds(text: str, table: Table, column: Column) -> list[float]:
    """The comparison's threshold in the table's own numbers: "100.0 million" against a table in
    millions is 100.0, against one in thousands 100,000. A table whose scale is not stated may
    be in any: then each reading (as written, in units, thousands, millions), the caller taking
    the first that some periods meet and some do not (the question presumes both)."""
    figs = find_figures(text)
    if not figs:
        return []
    fig = figs[0]
    factor = table.column_unit(column).factor
    if not fig.has_scale:
        return [fig.number]
    if factor != 1.0:
        return [fig.value / factor]
    return list(dict.fromkeys([fig.number, fig.value, fig.value / 1e3, fig.value / 1e6]))


def _meets(value: float | None, threshold: float, below: bool) -> bool:
    return value is not None and value != threshold and (value < threshold) == below


def _members(table: Table, group: Row) -> list[Row]:
    """The rows under ``group`` up to the first that sums the rows above it (a subtotal)."""
    out: list[Row] = []
    for r in table.rows[group.index + 1 :]:
        if r.group != group.label or r.kind == "group":
            break
        if r.kind == "total" or not r.label:
            break
        if len(out) >= 2 and _sums(table, out, r):
            break
        out.append(r)
    return out


def _sums(table: Table, rows: list[Row], row: Row) -> bool:
    checked = False
    for c in table.value_columns:
        value = row.cells[c.index].value
        if value is None:
            continue
        parts = [r.cells[c.index].value or 0.0 for r in rows]
        if abs(sum(parts) - value) > 0.51 * max(1, len(parts)) * 10 ** (-_decimals(row.cells[c.index].text)):
            return False
        checked = True
    return checked


def _decimals(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def answer_list(
    question: str, hits: list[Hit], tables_for: Callable[[str], list[Table]], max_docs: int = 3
) -> CellAnswer | None:
    """The list ``question`` asks for, read off the tables of the top retrieved documents."""
    form = list_question(question)
    if form is None:
        return None
    asked = _asked(question)
    best: CellAnswer | None = None
    for rank, hit, tables in top_document_tables(hits, tables_for, max_docs):
        doc_id = hit.chunk.doc_id
        for t_index, table in enumerate(tables):
            # the table the question means when it names none: the one the document's passages
            # retrieved stand in, or its only table
            shown = len(tables) == 1 or any(_holds(table, h) for h in hits if h.chunk.doc_id == doc_id)
            found = _read(form, question, asked, table, shown, rank)
            if found is None:
                continue
            score, row, columns, sentence, members = found
            score -= 0.1 * rank
            if best is None or score > best.score:
                best = CellAnswer(
                    sentence=sentence,
                    hit=_hit_for_row(hits, hit, table, t_index, row, tables),
                    table_index=t_index,
                    table=table,
                    row=row,
                    columns=columns,
                    score=score,
                    doc_rank=rank,
                    notes={"list": form.kind, "coverage": 1.0, "rows": [m.index for m in members]},
                )
    return best


def _read(
    form: ListQuestion, question: str, asked: set[str], table: Table, shown: bool, rank: int
) -> tuple[float, Row, list[Column], str, list[Row]] | None:
    if not table.rows or not table.value_columns:
        return None
    if form.kind == "members":
        return _read_members(asked, table, shown, rank)
    rows = [r for r in table.rows if r.kind != "group" and any(c.value is not None for c in r.cells)]
    if not rows:
        return None
    matched = _match_row(asked, table, rows) if asked else None
    if form.kind == "periods":
        if matched is None:
            # "Which years does the table show?": the table the retriever ranked first
            if asked or rank > 0 or not shown:
                return None
            columns = _period_columns(table, None)
            row, score, subject = rows[0], 0.5, "The table"
            verb = "gives figures for"
        else:
            score, row = matched
            columns = _period_columns(table, row)
            subject, verb = row.label, "is given for"
        if len(columns) < 2:
            return None
        return score, row, columns, f"{subject} {verb} {_join([_when(c) for c in columns])}.", []
    if matched is None:
        return None
    score, row = matched
    columns = _period_columns(table, row)
    if len(columns) < 2:
        return None
    below = form.comparison == "<"
    readings = [
        [c for c in columns if _meets(row.cells[c.index].value, t, below)]
        for t in _thresholds(form.threshold, table, columns[0])
    ]
    if not readings:
        return None
    met = next((m for m in readings if 0 < len(m) < len(columns)), readings[0])
    stated = "; ".join(f"{format_value(row.cells[c.index], table, c, row)} in {_when(c)}" for c in columns)
    word = "less" if below else "more"
    if met:
        sentence = f"{row.label} was {word} than {form.threshold} in {_join([_when(c) for c in met])} ({stated})."
    else:
        sentence = f"{row.label} was {word} than {form.threshold} in none of the table's periods ({stated})."
    return score, row, columns, sentence, []


def _holds(table: Table, hit: Hit) -> bool:
    chunk = hit.chunk
    if chunk.row is not None:
        return not chunk.table or chunk.table == table.name
    return table.start is not None and table.start <= chunk.start <= (table.end or table.start)


def _read_members(
    asked: set[str], table: Table, shown: bool, rank: int
) -> tuple[float, Row, list[Column], str, list[Row]] | None:
    groups = [r for r in table.rows if r.kind == "group"]
    if asked and groups:
        matched = _match_row(asked, table, groups)
        if matched is not None:
            score, group = matched
            members = _members(table, group)
            if len(members) >= 2:
                cols = list(table.value_columns[:1])
                names = _join([m.label for m in members])
                return score, group, cols, f"{group.label} is made up of {names}.", members
        return None
    if asked or rank > 0 or not shown:
        return None
    # "What financial items are listed in the table?": every labelled row but the totals
    rows = [r for r in table.rows if r.kind == "data" and r.label]
    if len(rows) < 2:
        return None
    return 0.5, rows[0], list(table.value_columns[:1]), f"The table lists {_join([r.label for r in rows])}.", []
