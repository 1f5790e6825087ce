"""Charts from cited tables: the series an answer's cited cell belongs to, every point traced
to its row, column and source.

``series_for(answer, tables_for)`` finds the first table citation whose table has periods —
a long table (one row per period, maybe per entity too: year × partner) or a wide one (period
columns) — and reads the cited measure for the cited entity over every period of that table.
Each ``Point`` keeps its row and column so a chart's tooltip, its CSV and the Markdown export
can name where the number stands. No Streamlit here: app.py draws the series with Altair.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .presentation import column_label, format_number, operand_cells
from .tables import Column, Period, Row, Table, month_or_quarter, parse_period
from .text import fold

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Point:
    period: str  # as the table writes it ("2019", "January 2022", "Q3 2023")
    value: float  # the number as written (scale not applied)
    text: str  # the cell as written
    row: int  # 0-based row index in the table
    row_label: str  # "2019", "2019 Mexico"
    column: str  # the column as a person reads it, with its unit
    cited: bool  # a cell the answer cites
    entity: str = ""  # the row's entity in a long table ("Mexico"), "" when none


@dataclass(frozen=True)
class Series:
    title: str  # "Exports (US$ m) · Mexico"
    measure: str  # the measure with its unit
    entity: str  # the row's entity in a long table ("Mexico"), "" when none
    points: tuple[Point, ...]  # in time order
    source: str  # "U.S. Census Bureau … · table <title>"
    doc_id: str
    table: str
    marker: int  # the citation the series was drawn from
    percent: bool = False
    entities: tuple[str, ...] = ()  # a long table's entities drawn, the cited one first ("" = one line)

    def lines(self) -> dict[str, list[Point]]:
        """The points of each entity in time order (one line when the series has one entity)."""
        out: dict[str, list[Point]] = {}
        for p in self.points:
            out.setdefault(p.entity if len(self.entities) > 1 else "", []).append(p)
        return out

    def periods(self) -> list[str]:
        """Every period of the series once, in time order."""
        seen: dict[str, tuple] = {}
        for p in self.points:
            period = parse_period(p.period) or month_or_quarter(p.period)
            seen.setdefault(p.period, _period_order(period) if isinstance(period, Period) else (0,))
        return sorted(seen, key=lambda k: seen[k])


def _period_order(p: Period) -> tuple:
    return (p.year, p.quarter or 0, p.month or 0, p.day or 0)


def _decimals(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def _source_line(citation) -> str:
    names = [d.get("name", "") for d in (citation.data_sources or []) if d.get("name")]
    who = "; ".join(names) or citation.publisher or citation.source or citation.doc_id
    return f"{who} · table {citation.title}" if citation.title else who


def _table_of(citation, tables: Sequence[Table]) -> Table | None:
    if citation.table_index is not None and 0 <= citation.table_index < len(tables):
        return tables[citation.table_index]
    named = [t for t in tables if citation.table and t.name == citation.table]
    if named:
        return named[0]
    return tables[0] if len(tables) == 1 else None


def _row_of(citation, table: Table) -> Row | None:
    if citation.row is not None:
        for row in table.rows:
            if row.source_row == citation.row:
                return row
        if all(r.source_row is None for r in table.rows) and 0 <= citation.row < len(table.rows):
            return table.rows[citation.row]
    if citation.start is not None and table.start is not None:
        at = citation.start + (citation.highlights[0][0] if citation.highlights else 0)
        return table.row_at(at)
    return None


def _column_of(citation, table: Table, row: Row) -> Column | None:
    wanted = (citation.column or "").strip()
    if wanted:
        for col in table.value_columns:
            if wanted in (col.label, col.name):
                return col
    # No column named: the value column whose cell the highlighted span states.
    for a, b in citation.highlights or []:
        said = citation.text[a:b]
        for col in table.value_columns:
            cell = row.cells[col.index]
            if cell.value is not None and cell.text and cell.text in said:
                return col
    return None


def _entity_cells(table: Table, row: Row) -> tuple[str, ...]:
    """A long table's row without its period cells: ("Mexico",) for "2019, Mexico"."""
    out = []
    for col in table.label_columns:
        text = row.cells[col.index].text.strip()
        if text and not parse_period(text) and not month_or_quarter(text):
            out.append(text)
    return tuple(out)


def _operand_rows(answer, citation, table: Table) -> list[tuple[Row, Column]]:
    """The (row, column) of each operand cell a computed figure takes from ``citation`` (a
    citation of many rows of one table has no single row of its own)."""
    out = []
    for row_index, name in operand_cells(answer, citation):
        row = next((r for r in table.rows if r.source_row == row_index), None)
        col = next((c for c in table.value_columns if name in (c.name, c.label)), None)
        if row is not None and col is not None:
            out.append((row, col))
    return out


def _cited_cells(answer, citation, tables: Sequence[Table], table: Table) -> set[tuple[int, int]]:
    """(row, column) of every cell the answer cites in this table."""
    out: set[tuple[int, int]] = set()
    for c in answer.citations:
        if c.doc_id != citation.doc_id or _table_of(c, tables) is not table:
            continue
        if c.row is None:
            out.update((r.index, col.index) for r, col in _operand_rows(answer, c, table))
        row = _row_of(c, table)
        col = _column_of(c, table, row) if row is not None else None
        if row is not None and col is not None:
            out.add((row.index, col.index))
    return out


def _asked_entities(table: Table, row: Row, question: str, most: int = 6) -> list[Row]:
    """A row of each other entity of a long table that the question names ("… with Mexico and
    Canada …"): its first label cell, a whole phrase of the question."""
    cited = _entity_cells(table, row)
    asked = fold(question or "")
    out: list[Row] = []
    seen = {cited}
    for r in table.rows:
        entity = _entity_cells(table, r)
        if not entity or entity in seen or r.period is None or r.kind != "data":
            continue
        seen.add(entity)
        if re.search(rf"(?<!\w){re.escape(fold(entity[0]))}(?!\w)", asked):
            out.append(r)
            if len(out) >= most:
                break
    return out


def _long(table: Table, row: Row, col: Column, label: str, cited) -> list[Point]:
    entity = _entity_cells(table, row)
    name = ", ".join(entity)
    picked: dict[str, tuple[Period, Row]] = {}
    for r in table.rows:
        if r.period is None or r.kind == "group" or _entity_cells(table, r) != entity:
            continue
        picked.setdefault(r.period.key, (r.period, r))
    points = []
    for period, r in sorted(picked.values(), key=lambda pr: _period_order(pr[0])):
        cell = r.cells[col.index]
        if cell.value is not None:
            points.append(
                Point(period.text, cell.value, cell.text, r.index, r.label, label, (r.index, col.index) in cited, name)
            )
    return points


def _wide(table: Table, row: Row, col: Column, cited) -> list[Point]:
    same = [
        c
        for c in table.value_columns
        if c.period is not None and c.name == col.name and table.column_unit(c) == table.column_unit(col)
    ]
    picked: dict[str, tuple[Period, Column]] = {}
    for c in same:
        if c.period is not None:
            picked.setdefault(c.period.key, (c.period, c))
    points = []
    for period, c in sorted(picked.values(), key=lambda pc: _period_order(pc[0])):
        cell = row.cells[c.index]
        if cell.value is not None:
            points.append(
                Point(period.text, cell.value, cell.text, row.index, row.label, c.label, (row.index, c.index) in cited)
            )
    return points


def _unit_words(table: Table, col: Column) -> str:
    unit = table.column_unit(col)
    if unit.percent and not unit.currency:
        return "%"
    return " ".join(
        w
        for w in (
            unit.currency,
            {"thousand": "thousands", "million": "m", "billion": "bn", "trillion": "tn"}.get(unit.scale, ""),
        )
        if w
    )


def _one(answer, citation, tables: Sequence[Table], table: Table, meta) -> Series | None:
    operands = _operand_rows(answer, citation, table) if citation.row is None else []
    if operands:  # a computation over many rows: the series of its first operand's row
        row, col = operands[0]
    else:
        found_row = _row_of(citation, table)
        if found_row is None:
            return None
        found_col = _column_of(citation, table, found_row)
        if found_col is None:
            return None
        row, col = found_row, found_col
    cited = _cited_cells(answer, citation, tables, table)
    entities: tuple[str, ...] = ()
    if col.period is not None:  # wide: the row is the measure, its period columns the points
        unit = _unit_words(table, col)
        name = " ".join(w for w in (row.label, col.name) if w)
        measure = f"{name} ({unit})" if unit else name
        points = _wide(table, row, col, cited)
        entity = ""
        percent = table.column_unit(col).percent
    elif row.period is not None:  # long: one row per period (per entity)
        measure = column_label(col.label, meta) if meta is not None else column_label(col.label)
        entity = ", ".join(_entity_cells(table, row))
        points = _long(table, row, col, measure, cited)
        # the other entities the question asks about ("… with Mexico and Canada"), as more lines
        others = [
            _long(table, r, col, measure, cited)
            for r in _asked_entities(table, row, answer.standalone_question or answer.question)
        ]
        others = [o for o in others if len(o) >= 2]
        if others and len(points) >= 2:
            points = points + [p for o in others for p in o]
            entities = (entity, *(o[0].entity for o in others))
        percent = measure.endswith("(%)") or (
            table.column_unit(col).percent and not table.column_unit(col).currency and bool(col.unit)
        )
    else:
        return None
    if len(points) < 2:
        return None
    shown = ", ".join(entities) if entities else entity
    title = f"{measure} · {shown}" if shown else measure
    return Series(
        title,
        measure,
        entity,
        tuple(points),
        _source_line(citation),
        citation.doc_id,
        table.name,
        citation.marker,
        percent,
        entities,
    )


def series_for(
    answer, tables_for: Callable[[str], Sequence[Table]], meta_for: Callable[[str], object] | None = None
) -> Series | None:
    """The series of the first table citation whose table has periods, or None. ``tables_for``
    gives a document's tables (Library.tables); ``meta_for`` its DocumentMeta (column labels)."""
    if answer is None or answer.abstained:
        return None
    for citation in answer.citations:
        if citation.kind != "table" and citation.table_index is None:
            continue
        try:
            tables = tables_for(citation.doc_id)
        except Exception as exc:  # a removed document: no chart, the answer still shows
            logger.info("no tables for %s: %s", citation.doc_id, exc)
            continue
        table = _table_of(citation, tables or [])
        if table is None:
            continue
        meta = meta_for(citation.doc_id) if meta_for else None
        series = _one(answer, citation, tables, table, meta)
        if series is not None:
            return since_asked(series, answer.standalone_question or answer.question)
    return None


_SINCE = re.compile(r"\b(?:since|from|after)\s+((?:19|20)\d\d)\b", re.I)


def since_asked(series: Series, question: str) -> Series:
    """A trend question's series from the year it asks about on ("since 2018"); kept whole when
    that would leave fewer than two points."""
    m = _SINCE.search(question or "")
    if not m or not asks_for_trend(question):
        return series
    year = int(m.group(1))
    kept = tuple(p for p in series.points if (parse_period(p.period) or Period("", 0)).year >= year)
    if len(kept) < 2 or any(len([p for p in kept if p.entity == e]) < 2 for e in series.entities):
        return series
    return Series(
        series.title,
        series.measure,
        series.entity,
        kept,
        series.source,
        series.doc_id,
        series.table,
        series.marker,
        series.percent,
        series.entities,
    )


def format_value(series: Series, point: Point) -> str:
    return format_number(point.value, _decimals(point.text))


def series_csv(series: Series) -> str:
    """The series as CSV, its first line a comment naming the source."""
    out = io.StringIO()
    out.write(f"# {series.title} — source: {series.source}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "value", "row", "row_label", "column", "cited"])
    for p in series.points:
        writer.writerow(
            [p.period, p.text.replace(",", ""), p.row + 1, p.row_label, p.column, "yes" if p.cited else "no"]
        )
    return out.getvalue()


def trend_summary(series: Series) -> str:
    """One line from the first and last points: "… rose from X in 2015 to Y in 2024 (+Z %)";
    with several entities, one clause each ("…: Canada rose from …; Mexico rose from …")."""
    lines = series.lines()
    if len(lines) > 1:
        clauses = [_first_to_last(entity, points, series.percent).rstrip(".") for entity, points in lines.items()]
        return f"{series.measure}: " + "; ".join(clauses) + "."
    what = f"{series.measure} for {series.entity}" if series.entity else series.measure
    return _first_to_last(what, list(series.points), series.percent)


def _first_to_last(what: str, points: list[Point], percent: bool) -> str:
    first, last = points[0], points[-1]
    if last.value > first.value:
        verb = "rose"
    elif last.value < first.value:
        verb = "fell"
    else:
        verb = "was unchanged"
    decimals = max(_decimals(first.text), _decimals(last.text))
    a, b = format_number(first.value, decimals), format_number(last.value, decimals)
    if percent:
        change = f"{last.value - first.value:+,.{max(1, decimals)}f} points"
    elif first.value:
        change = f"{(last.value - first.value) / abs(first.value) * 100:+,.1f} %"
    else:
        change = ""
    change = change.replace("-", "−")
    if verb == "was unchanged":
        return f"{what} was unchanged at {a} from {first.period} to {last.period}."
    return f"{what} {verb} from {a} in {first.period} to {b} in {last.period}" + (f" ({change})." if change else ".")


_TREND = re.compile(
    r"\b(?:plot|chart|graph|trend|trends|over time|over the (?:years|period|last \w+ years)|time series|trajectory)\b|"
    r"\bhow\s+(?:has|have|did|does|do)\b.*\b(?:chang|evolv|develop|grow|grew|move|moved|shift)\w*\b.*"
    r"\b(?:since|over|through)\b|\b(?:since)\s+(?:19|20)\d\d\b.*\?$",
    re.I,
)


def asks_for_trend(question: str) -> bool:
    """A question that asks how a measure moved over time: "plot …", "chart …", "how has …
    changed since 2015", "… over time"."""
    return bool(_TREND.search(" ".join((question or "").split())))


def series_markdown(series: Series, escape: Callable[[str], str] = lambda s: s) -> str:
    """The series as a Markdown table (period | value, or a value column per entity), cited
    points in bold, with its source."""
    lines = series.lines()

    def cell(p: Point | None) -> str:
        if p is None:
            return ""
        value = format_value(series, p)
        return "**" + value + "**" if p.cited else value

    if len(lines) > 1:
        heads = [f"{series.measure} · {entity}" for entity in lines]
        by = {entity: {p.period: p for p in points} for entity, points in lines.items()}
        rows = [
            f"| {escape(period)} | " + " | ".join(cell(by[e].get(period)) for e in lines) + " |"
            for period in series.periods()
        ]
        out = [f"| {escape('Period')} | " + " | ".join(escape(h) for h in heads) + " |"]
        out.append("|---|" + "---:|" * len(heads))
    else:
        out = [f"| {escape('Period')} | {escape(series.title)} |", "|---|---:|"]
        rows = [f"| {escape(p.period)} | {cell(p)} |" for p in series.points]
    return "\n".join(out + rows) + f"\n\n*Source: {escape(series.source)}*"
