"""A quarter or a half-year asked of a monthly table: the sum of its months, each cited.

"What was US–Mexico trade in the first quarter of 2025?" over a table whose rows (or columns) are
the months of 2025 is answered by adding the three months' cells, not by quoting one month or
another document's annual figure. The cells are found as a one-month question would find them
(``cells._best_cell`` with the span's first month asked instead), the other months read off the
same row or column, and the sum computed and verified by ``compute.compute`` with every month as
a cited operand. A table that states the quarter itself (a "Q1 2025" row or column) is left to
the cell answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from ..compute import Computed, Operand, compute
from ..errors import ComputeRefusal
from ..operands import data_vintage_of
from ..records import Hit
from ..tables import Column, Row, Table, month_or_quarter, month_span, month_span_text, parse_period
from ..text import MONTHS
from .cells import _best_cell, _measure, _Question, caption_subject, rank_score, row_entity, top_document_tables
from .computed import _row_hit

logger = logging.getLogger(__name__)

# Currencies a table unit names, as the computation writes them.
_CURRENCY = {"US$": "USD", "MXN": "MXN", "CAD": "CAD", "€": "EUR", "£": "GBP"}


def period_total(
    question: str, hits: list[Hit], tables_for: Callable[[str], list[Table]] | None, max_docs: int = 5
) -> tuple[Computed, list[Hit]] | None:
    """The sum of the asked months' cells in the best-ranked monthly table, with the row hits its
    operands cite (marker i is ``pool[i - 1]``); None when no table holds every month asked."""
    span = month_span(question)
    if span is None or tables_for is None or not hits:
        return None
    probe = question.replace(month_span_text(question), f"{MONTHS[span.first - 1]} {span.year}")
    q = _Question.of(probe)
    if not q.terms:
        return None
    best = None  # (score, table, index, hit, cells): the best-matching table, as cells.answer_from_tables ranks
    for rank, hit, tables in top_document_tables(hits, tables_for, max_docs):
        doc_hits = sum(1 for h in hits if h.chunk.doc_id == hit.chunk.doc_id)
        for t_index, table in enumerate(tables):
            if _states_span(table, span):
                return None  # the table has the quarter itself: a cell answers it
            found = _best_cell(q, table, hit.doc.title)
            if found is None:
                continue
            score, row, columns, notes = found
            if notes.get("extreme") or notes.get("op") or len(columns) != 1:
                continue
            cells = _month_cells(table, row, columns[0], span)
            if cells is None:
                continue
            score = rank_score(score, notes, rank, doc_hits)
            if best is None or score > best[0]:
                best = (score, table, t_index, hit, cells)
    if best is None:
        return None
    _, table, t_index, hit, cells = best
    try:
        return _sum(table, t_index, hit, cells, span)
    except ComputeRefusal as refusal:
        logger.info("no %s total from %s: %s", span.phrase, hit.chunk.doc_id, refusal)
        return None


def states_span(question: str, answer) -> bool:
    """Does the quoted (not abstaining) answer name the asked span itself, its first and last
    month and its year ("January–August 2022"), or the quarter or half-year by name? Then a
    passage states that span's figure and the months need no adding up."""
    span = month_span(question)
    if span is None or answer.abstained:
        return False
    text = answer.answer
    first, last = MONTHS[span.first - 1], MONTHS[span.last - 1]
    months = re.search(rf"\b{first}\w*\s*(?:-|–|—|to|through)\s*{last}\w*,?\s+{span.year}\b", text, re.I)
    named = span.phrase and re.search(re.escape(span.phrase), text, re.I)
    return bool(months or named)


def _states_span(table: Table, span) -> bool:
    """A row or column of the table is the asked quarter (or the asked months as one period)."""
    periods = [r.period for r in table.rows] + [c.period for c in table.columns]
    quarter = (span.first + 2) // 3 if span.last - span.first == 2 and span.first % 3 == 1 else None
    return any(p is not None and p.year == span.year and quarter and p.quarter == quarter for p in periods)


def _month_cells(table: Table, row: Row, column: Column, span) -> list[tuple[Row, Column]] | None:
    """(row, column) of each asked month: the rows of the same entity when rows are months, the
    columns of the same measure when columns are months; None unless every month has a figure."""
    out: list[tuple[Row, Column]] = []
    if row.period is None and month_or_quarter(row.label) and column.period is not None and not column.period.month:
        if column.period.year != span.year:  # "| March | 11,385.0 | 11,979.8 |" under "| Month | 2019 | 2020 |"
            return None
        for month in span.months:
            match = [r for r in table.rows if r.period is None and _month_of(r.label) == month]
            if len(match) != 1:
                return None
            out.append((match[0], column))
    elif row.period is not None and row.period.month:
        entity = row_entity(table, row)
        for month in span.months:
            match = [r for r in table.rows if _is_month(r.period, span.year, month) and row_entity(table, r) == entity]
            if len(match) != 1:
                return None
            out.append((match[0], column))
    elif column.period is not None and column.period.month:
        measure = _measure(column)
        for month in span.months:
            cols = [c for c in table.value_columns if _is_month(c.period, span.year, month) and _measure(c) == measure]
            if len(cols) != 1:
                return None
            out.append((row, cols[0]))
    else:
        return None
    if any(r.cells[c.index].value is None for r, c in out):
        return None
    return out


def _month_of(label: str) -> int | None:
    period = parse_period(f"{label.strip().rstrip('.')} 2000") if month_or_quarter(label) else None
    return period.month if period is not None else None


def _sum(table: Table, t_index: int, hit: Hit, cells: list[tuple[Row, Column]], span) -> tuple[Computed, list[Hit]]:
    pool: list[Hit] = []
    operands: list[Operand] = []
    for r, c in cells:
        row_hit = next((h for h in pool if h.chunk.row == r.index), None)
        if row_hit is None:
            row_hit = _row_hit(hit, table, t_index, r)
            pool.append(row_hit)
        unit = table.column_unit(c)
        if unit.percent:
            raise ComputeRefusal("mixed_units", "the months are percentages; they do not add up")
        cell = r.cells[c.index]
        assert cell.value is not None  # _month_cells keeps only cells with a figure
        currency = _CURRENCY.get(cell.currency or unit.currency, "")
        decimals = len(cell.text.split(".")[1].rstrip(")%* ")) if "." in cell.text else 0
        period = r.period if r.period is not None and r.period.month else c.period
        when = period.text if period is not None else ""
        if r.period is None and c.period is not None and _month_of(r.label):
            when = f"{r.label.strip()} {c.period.year}"
        operands.append(
            Operand(
                value=cell.value * unit.factor,
                text=cell.text,
                kind="currency" if currency else "number",
                currency=currency,
                scale=unit.factor,
                decimals=decimals,
                period=when,
                entity=row_entity(table, r),
                measure=_measure(c),
                citation=pool.index(row_hit) + 1,
                doc_id=hit.chunk.doc_id,
                chunk_id=row_hit.chunk.chunk_id,
                row=r.index,
                column=c.label,
                source_text=row_hit.chunk.text,
                published=data_vintage_of(hit.doc),
                publisher=hit.doc.whose_data,
            )
        )
    subject = caption_subject(table) or _measure(cells[0][1]) or row_entity(table, cells[0][0])
    entity = row_entity(table, cells[0][0])
    if entity and entity.lower() not in subject.lower() and not (cells[0][0].period and not entity):
        subject = f"{subject} ({entity})" if subject else entity
    return compute("sum", operands, subject=f"{subject} in {span.phrase}".strip()), pool


def _is_month(period, year: int, month: int) -> bool:
    """A period that is that month of that year (not a day in it)."""
    return period is not None and period.year == year and period.month == month and not period.day
