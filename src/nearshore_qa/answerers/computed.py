"""Computed answers in an Answer: the one-line computation (result, cited operands, formula)
put before the quoted evidence, its figure verified by recomputing, its conflicts listed.

The arithmetic and the choice of operands are ``compute.py`` / ``operands.py``; this module only
numbers the operands' sources as the answer's citations and composes the ``Answer``:

- ``with_computation`` (the extractive answerer): the question's computation over the retrieved
  hits — and every row of the best-ranked table among them, since a maximum, a rank, a count or
  a share of the rows' sum needs the whole table, not the top-k rows — placed first, then the
  answer the answerer would have given anyway, its citations renumbered after the operands'.
- ``computed_figure`` and ``merge_computed`` (the LLM answerer): the executed proposal added to
  a grounded answer whose citations were numbered by passage.

A refusal (mixed currencies, mixed periods, …) is said in the answer with its reason; the
sources are still listed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..citations import citation_for, column_span
from ..compute import Computed, Operand
from ..errors import ComputeRefusal
from ..intent import Intent, parse_intent
from ..operands import (
    Conflict,
    _words,
    computation_for,
    evidence_from_hits,
    renumbered,
    table_answers,
)
from ..presentation import column_label, row_label
from ..records import Answer, Chunk, Citation, Figure, Hit

logger = logging.getLogger(__name__)

_MARKER = re.compile(r"\[(\d+)\]")
MAX_TABLE_ROWS = 500  # a larger table is not scanned whole for one question
GROUP_ROWS = 3  # more operand rows than this from one table are cited as one table citation


def computation_hits(hits: Sequence[Hit], table_rows: Callable[[str], list[Chunk]] | None) -> list[Hit]:
    """The hits, with the rows of the best-ranked table among them replaced by all its rows."""
    anchor = next((h for h in hits if h.chunk.row is not None), None)
    if anchor is None or table_rows is None:
        return list(hits)
    same = (anchor.chunk.doc_id, anchor.chunk.table)
    try:
        rows = [c for c in table_rows(anchor.chunk.doc_id) if c.row is not None and (c.doc_id, c.table) == same]
    except Exception:  # a store error must not lose the answer the answerer already has
        logger.exception("could not read the rows of %s; computing on the retrieved rows only", anchor.chunk.doc_id)
        return list(hits)
    if not rows or len(rows) > MAX_TABLE_ROWS:
        return list(hits)
    rows.sort(key=lambda c: c.row or 0)
    out: list[Hit] = []
    for h in hits:
        if h.chunk.row is not None and (h.chunk.doc_id, h.chunk.table) == same:
            if h is anchor:
                out.extend(Hit(chunk=c, doc=anchor.doc, score=anchor.score) for c in rows)
            continue
        out.append(h)
    return out


def document_table_hits(
    hits: Sequence[Hit], tables_for: Callable[[str], list] | None, every_table: bool = False
) -> list[Hit]:
    """The hits, with the retrieved rows of the first table inside a document (a Markdown, HTML,
    DOCX or PDF table: its rows are plain passages) replaced by every row of that table as a row
    hit (its header labels as columns, its cells as values, its offsets in the document), so a
    table in a report is computed on as a CSV's rows are. Unchanged when no hit is such a row.
    ``every_table``: the rows of the document's other tables follow (a quarter table beside the
    month table that was retrieved)."""
    if tables_for is None:
        return list(hits)
    for h in hits:
        c = h.chunk
        if c.row is not None or not c.text.lstrip().startswith("|"):
            continue
        try:
            tables = tables_for(c.doc_id)
        except Exception:  # a store error must not lose the answer the answerer already has
            logger.exception("could not read the tables of %s; computing on the passages", c.doc_id)
            return list(hits)
        found = next(
            (
                (i, t)
                for i, t in enumerate(tables)
                if t.start is not None and t.start <= c.start <= (t.end or t.start) and t.row_at(c.start)
            ),
            None,
        )
        if found is None:
            continue
        index, table = found
        chosen = [(index, table)] + ([(i, t) for i, t in enumerate(tables) if i != index] if every_table else [])
        if sum(len(t.rows) for _, t in chosen) > MAX_TABLE_ROWS:
            return list(hits)
        rows = [_row_hit(h, t, i, row) for i, t in chosen for row in t.rows if row.start is not None]
        spans = {(r.start, r.end) for _, t in chosen for r in t.rows if r.start is not None}
        inside = [g for g in hits if g.chunk.doc_id == c.doc_id and g.chunk.row is None and _in_rows(g.chunk, spans)]
        out: list[Hit] = []
        for g in hits:
            if g is h:
                out.extend(rows)
            elif not any(g is x for x in inside):
                out.append(g)
        return out
    return list(hits)


def _in_rows(chunk: Chunk, spans: set[tuple[int, int]]) -> bool:
    return any(a <= chunk.start < max(b, a + 1) for a, b in spans)


def _row_hit(hit: Hit, table, index: int, row) -> Hit:
    """One row of a document's table as a row hit: the retrieved passage when it is that row."""
    c = hit.chunk
    own = c.start == row.start
    # a column of a period is named by its period ("Fiscal 2019 (in millions)" -> "Fiscal 2019"), as the
    # table reader parsed it, so the operand's period is the column's
    labels = tuple(
        (col.period.text if col.period is not None and not col.is_label else _total_of(table, col.label))
        or ("label" if col.is_label else f"column {col.index + 1}")
        for col in table.columns
    )
    chunk = replace(
        c,
        chunk_id=c.chunk_id if own else f"{c.chunk_id}@t{index}r{row.index}",
        text=c.text if own else "| " + " | ".join(cell.text for cell in row.cells) + " |",
        start=row.start,
        end=row.end if row.end is not None else row.start,
        table=table.name,
        row=row.index,
        caption=table.caption or c.caption,
        columns=labels,
        values=_row_values(table, row),
    )
    return Hit(chunk=chunk, doc=hit.doc, score=hit.score)


def _total_of(table, label: str) -> str:
    """A bare "Total" column names what its caption counts ("US–Canada trade by month, 2020" ->
    "Total US–Canada trade"), so a question about that trade picks it as a CSV's
    total_trade column is picked."""
    from .cells import _TOTAL_COLUMN, caption_subject

    if not label or not _TOTAL_COLUMN.fullmatch(label.strip()):
        return label
    subject = caption_subject(table)
    return f"{label.strip()} {subject}" if subject else label


def _row_values(table, row) -> tuple[str, ...]:
    """The row's cells, its label with the group it sits under ("Other (Deferred tax
    liabilities)"): two rows "Other" under two headings are two rows, not one asked twice."""
    values = [cell.text for cell in row.cells]
    group = row.group.strip().rstrip(":")
    first = next((c.index for c in table.columns if c.is_label and values[c.index].strip()), None)
    if group and first is not None and group.lower() not in values[first].lower():
        values[first] = f"{values[first]} ({group})"
    period = row.period
    if first is not None and period is not None and period.month and not re.search(r"\b(?:19|20)\d\d\b", values[first]):
        # a month row of a table whose caption gives the year ("January" in "… by month, 2020"):
        # the operand's period is that month of that year, as the table reader parsed it
        values[first] = f"{values[first]} {period.year}"
    return tuple(values)


def _used(result: Computed) -> list[Operand]:
    return [*result.operands, *(o for c in result.conflicts for o in c.operands)]


def _table_citation(hits: list[Hit], marker: int, columns: set[str]) -> Citation:
    """One citation for many rows of a table: the rows as its text, each operand cell highlighted."""
    first = hits[0]
    text, highlights, pos = [], [], 0
    for h in hits:
        line = h.chunk.text
        for column in columns:
            span = column_span(line, column)
            if span:
                highlights.append((pos + span[0], pos + span[1]))
        text.append(line)
        pos += len(line) + 1
    cit = citation_for(first, marker)
    ends = [row_label(h.chunk.columns, h.chunk.values) or str((h.chunk.row or 0) + 1) for h in (hits[0], hits[-1])]
    cells = " · column " + ", ".join(column_label(c, first.doc) for c in sorted(columns)) if columns else ""
    return replace(
        cit,
        text="\n".join(text),
        highlights=highlights,
        row=None,
        column=", ".join(sorted(columns)),
        locator=f"{len(hits)} rows, {ends[0]} … {ends[1]}{cells}",
        # a CSV/XLSX sheet's rows have no offsets in a text (None): the citation has none either
        start=min((h.chunk.start for h in hits if h.chunk.start is not None), default=cit.start),
        end=max((h.chunk.end for h in hits if h.chunk.end is not None), default=cit.end),
    )


def operand_citations(
    result: Computed, pool: Sequence[Hit], first: int = 1, existing: Sequence[Citation] = ()
) -> tuple[list[Citation], dict[int, int]]:
    """Citations for the operands' sources (and their conflicting values'), numbered from
    ``first`` in the order the answer line uses them, and the map evidence marker -> citation
    marker. A source already among ``existing`` keeps its marker."""
    used = [(o.citation, o) for o in _used(result) if o.citation is not None and 1 <= o.citation <= len(pool)]
    per_table: dict[tuple[str, str], set[int]] = {}
    for m, _ in used:
        row = pool[m - 1].chunk
        if row.row is not None:
            per_table.setdefault((row.doc_id, row.table), set()).add(m)
    grouped = {k for k, v in per_table.items() if len(v) > GROUP_ROWS}
    known = {(c.doc_id, c.row, c.start, c.end): c.marker for c in existing}
    citations: list[Citation] = []
    markers: dict[int, int] = {}
    by_key: dict[tuple[str, ...], int] = {}
    nxt = first
    for m, o in used:
        if m in markers:
            continue
        h = pool[m - 1]
        c = h.chunk
        table = (c.doc_id, c.table)
        whole = c.row is not None and table in grouped
        key = ("table", *table) if whole else ("chunk", c.chunk_id)
        if key in by_key:
            markers[m] = by_key[key]
            continue
        old = None if whole else known.get((c.doc_id, c.row, c.start, c.end))
        if old is not None:
            by_key[key] = markers[m] = old
            continue
        if whole:
            rows = sorted(per_table[table])
            cells = {x.column for n, x in used if x.column and n in per_table[table]}
            cit = _table_citation([pool[n - 1] for n in rows], nxt, cells)
        else:
            columns = [x.column for n, x in used if n == m and x.column]
            span = column_span(c.text, columns[0]) if columns else None
            if span is None and o.source_text and o.source_text in c.text:
                a = c.text.index(o.source_text)
                span = (a, a + len(o.source_text))
            cit = citation_for(h, nxt, span, column=columns[0] if columns else "")
        citations.append(cit)
        by_key[key] = markers[m] = nxt
        nxt += 1
    return citations, markers


def renumber_conflicts(conflicts: Sequence[Conflict], markers: dict[int, int]) -> tuple[Conflict, ...]:
    return tuple(replace(c, operands=tuple(renumbered(c.operands, markers))) for c in conflicts)


def computed_figure(result: Computed) -> Figure:
    """The answer's record of a computed figure: verified by recomputing it from its operands."""
    data = result.to_json()
    first = next((o.citation for o in result.operands if o.citation is not None), None)
    return Figure(
        text=data["text"],
        value=data["value"],
        kind="computed",
        citation=first,
        verified=data["verified"],
        formula=data["formula"],
        operands=data["operands"],
        details={k: data[k] for k in ("operation", "display", "result_kind", "notes", "conflicts")},
    )


def computed_line(result: Computed) -> str:
    """The answer line and, when sources differ on an operand, each conflict shown in full."""
    return " ".join([result.text, *(c.text for c in result.conflicts)])


def refusal_line(refusal: ComputeRefusal) -> str:
    reason = refusal.reason.rstrip(".")
    return f"This cannot be computed: {reason}."


def _renumber_answer(answer: Answer, start: int, taken: dict[tuple, int]) -> tuple[str, list[Citation], list[Figure]]:
    """The answer's text, citations and figures with its markers moved after the operands'
    citations; a source among them keeps its operand marker."""
    mapping: dict[int, int] = {}
    citations: list[Citation] = []
    nxt = start
    for c in answer.citations:
        same = taken.get((c.doc_id, c.row, c.start, c.end))
        if same is not None:
            mapping[c.marker] = same
            continue
        mapping[c.marker] = nxt
        citations.append(replace(c, marker=nxt))
        nxt += 1
    text = _MARKER.sub(lambda m: f"[{mapping.get(int(m.group(1)), int(m.group(1)))}]", answer.answer)
    figures = [
        replace(f, citation=mapping.get(f.citation, f.citation) if f.citation is not None else None)
        for f in answer.figures
    ]
    return text, citations, figures


_AFTER_MARKER = re.compile(r"(?<=\])\s+")


def without_restated_cells(answer: Answer, result: Computed) -> Answer:
    """``answer`` without its sentences that only quote cells of the rows the computation used:
    the computed line already states those cells, each cited ("Laredo had the highest total trade
    of the table's rows in 2024: US$331.20 billion." after the computed maximum; a cell answer's
    "a change of … (computed from the two cells)" after the computed change). Sentences citing
    anything else are kept; citations no sentence uses any more are dropped."""
    rows = {(o.doc_id, o.row) for o in result.operands if o.row is not None and o.doc_id}
    lines = {(o.doc_id, o.source_text.strip()) for o in result.operands if o.row is not None and o.source_text}
    restated = {
        c.marker
        for c in answer.citations
        if (c.row is not None and (c.doc_id, c.row) in rows) or (c.row is None and (c.doc_id, c.text.strip()) in lines)
    }
    if not restated or answer.abstained:
        return answer
    kept = []
    for piece in _AFTER_MARKER.split(answer.answer):
        marks = {int(m) for m in _MARKER.findall(piece)}
        if marks and marks <= restated:
            continue
        kept.append(piece)
    text = " ".join(kept)
    used = {int(m) for m in _MARKER.findall(text)}
    if len(kept) == len(_AFTER_MARKER.split(answer.answer)):
        return answer
    return replace(
        answer,
        answer=text,
        citations=[c for c in answer.citations if c.marker in used],
        figures=[f for f in answer.figures if f.citation is None or f.citation in used],
    )


def merge_computed(answer: Answer, result: Computed, pool: Sequence[Hit]) -> Answer:
    """``result`` (its operands numbered by position in ``pool``, from 1) stated first in
    ``answer``: its sources cited first, the answer's own citations after them."""
    cits, markers = operand_citations(result, pool)
    shown = result.with_markers(markers)
    shown.conflicts = renumber_conflicts(result.conflicts, markers)
    taken = {(c.doc_id, c.row, c.start, c.end): c.marker for c in cits}
    text, rest, figures = "", list[Citation](), list[Figure]()
    if not answer.abstained:
        text, rest, figures = _renumber_answer(answer, len(cits) + 1, taken)
    by_marker = {c.marker: c for c in cits}
    for c in answer.citations if not answer.abstained else []:
        m = taken.get((c.doc_id, c.row, c.start, c.end))
        if m is not None:  # the same passage: keep the answer's highlights too
            by_marker[m].highlights.extend(h for h in c.highlights if h not in by_marker[m].highlights)
    line = computed_line(shown)
    return replace(
        answer,
        answer=f"{line} {text}".strip(),
        abstained=False,
        citations=[*cits, *rest],
        figures=[computed_figure(shown), *figures],
        closest=[],
        conflicts=[c.to_json() for c in shown.conflicts],
    )


def with_refusal(answer: Answer, refusal: ComputeRefusal) -> Answer:
    """The reason the asked computation is not made, before the answer (its sources still listed)."""
    line = refusal_line(refusal)
    return replace(answer, answer=f"{line} {answer.answer}".strip())


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_HOME_ACRONYMS = {"US", "USA"}  # the reporter of every trade table, not a source
MAX_CATALOGUE_TABLES = 2  # tables read beyond the hits: the best one, and one more to compare sources
MAX_CATALOGUE_SCAN = 200  # a store with more data tables is not scanned table by table


def catalogue_hits(
    question: str, intent: Intent, pool: Sequence[Hit], table_catalogue: Callable[[], list[list[Hit]]]
) -> list[Hit]:
    """The pool, with the rows of the data tables that hold the question's operands (the column
    it measures, the rows it names, every period it asks) when the retrieved evidence lacks them:
    "US trade with Mexico from 2019 to 2024" retrieves articles about 2024, while a table holds
    both years. The table whose title, columns and data source share most words with the question
    ("According to USITC, …") comes first; a second one that also holds the operands is kept, so
    two sources that differ on an operand are shown side by side."""
    try:
        tables = table_catalogue()
    except Exception:  # a store error must not lose the answer the answerer already has
        logger.exception("could not read the store's tables; computing on the retrieved evidence only")
        return list(pool)
    if len(tables) > MAX_CATALOGUE_SCAN:
        return list(pool)
    asked = _words(question)
    fits: list[tuple[int, int, list[Hit]]] = []
    for i, rows in enumerate(tables):
        if not rows or len(rows) > MAX_TABLE_ROWS:
            continue
        doc = rows[0].doc
        about = " ".join([doc.title, doc.whose_data, *rows[0].chunk.columns, *(label for _, label, *_ in doc.columns)])
        if table_answers(question, intent, _table_evidence(rows)):
            fits.append((len(asked & _words(about.replace("_", " "))), -i, rows))
    if not fits:
        return list(pool)
    # "According to USITC, …": a source the question names by its acronym narrows the tables to its own
    named = set(_ACRONYM.findall(question)) - _HOME_ACRONYMS
    if named:

        def names(rows: list[Hit]) -> str:
            return f"{rows[0].doc.title} {rows[0].doc.whose_data}"

        own = [f for f in fits if any(re.search(rf"\b{a}\b", names(f[2])) for a in named)]
        if own and len(own) < len(fits):
            fits = own
    chosen = [rows for *_, rows in sorted(fits, key=lambda f: (f[0], f[1]), reverse=True)[:MAX_CATALOGUE_TABLES]]
    replaced = {(rows[0].chunk.doc_id, rows[0].chunk.table) for rows in chosen}
    kept = [h for h in pool if h.chunk.row is None or (h.chunk.doc_id, h.chunk.table) not in replaced]
    return [*kept, *(h for rows in chosen for h in rows)]


_EVIDENCE: dict[tuple[int, str, int], list] = {}


def _table_evidence(rows: list[Hit]) -> list:
    """A catalogue table's rows as evidence, kept while the catalogue (the same list) is."""
    key = (id(rows), rows[0].chunk.chunk_id, len(rows))
    if key not in _EVIDENCE:
        if len(_EVIDENCE) > 512:
            _EVIDENCE.clear()
        _EVIDENCE[key] = evidence_from_hits(rows)
    return _EVIDENCE[key]


def _compute(question: str, pool: Sequence[Hit], intent: Intent) -> Computed | ComputeRefusal | None:
    return computation_for(question, evidence_from_hits(pool), intent)


def with_computation(
    question: str,
    hits: list[Hit],
    answer: Answer,
    table_rows: Callable[[str], list[Chunk]] | None = None,
    table_catalogue: Callable[[], list[list[Hit]]] | None = None,
    tables_for: Callable[[str], list] | None = None,
) -> Answer:
    """``answer`` with the question's computation stated first, or said impossible and why, when
    the question asks one and the evidence holds its operands; else ``answer`` unchanged.
    ``table_catalogue`` (every data table's rows) is read only when the hits lack an operand;
    ``tables_for`` (a document's tables) turns a table inside a report into rows to compute on."""
    intent = parse_intent(question)
    if intent is None and hits:
        return _with_period_total(question, hits, answer, tables_for)
    if intent is None or not hits:
        return answer
    with_rows = computation_hits(hits, table_rows)
    pool = document_table_hits(with_rows, tables_for)
    try:
        result = _compute(question, pool, intent)
        if result is None and tables_for is not None:
            # the operands may be in another table of the same report (quarters beside months)
            wider = document_table_hits(with_rows, tables_for, every_table=True)
            if len(wider) != len(pool):
                pool, result = wider, _compute(question, wider, intent)
        if _from_sentences_only(result, intent) and table_catalogue is not None:
            # a sum or an average of figures of sentences, when a data table holds the operands:
            # the table's cells, whose row and column say what they measure ("US exports to
            # Mexico" by year, not one product's "Mineral fuels … US$58.75 billion in 2022 …")
            wider = catalogue_hits(question, intent, pool, table_catalogue)
            if len(wider) != len(pool):
                tabled = _compute(question, wider, intent)
                if isinstance(tabled, Computed) and not _from_sentences_only(tabled, intent):
                    pool, result = wider, tabled
        if result is None and table_catalogue is not None:
            wider = catalogue_hits(question, intent, pool, table_catalogue)
            if len(wider) != len(pool) or any(a is not b for a, b in zip(wider, pool, strict=False)):
                pool = wider
                result = _compute(question, pool, intent)
    except Exception:  # a fault in the computation must not lose the quoted answer
        logger.exception("computing %r failed; answering without a computation", question)
        return answer
    if result is None:
        return answer
    if isinstance(result, ComputeRefusal):
        return with_refusal(answer, result)
    return merge_computed(without_restated_cells(answer, result), result, pool)


def _from_sentences_only(result: Computed | ComputeRefusal | None, intent: Intent) -> bool:
    """A sum or an average (over periods) whose operands are all figures of sentences."""
    return (
        isinstance(result, Computed) and intent.op in ("sum", "average") and all(o.row is None for o in result.operands)
    )


def _with_period_total(question: str, hits: list[Hit], answer: Answer, tables_for) -> Answer:
    """Hook (period_totals.py): a quarter or half-year asked of a monthly table, summed."""
    from .period_totals import period_total, states_span

    if states_span(question, answer):
        return answer  # the quoted passage states the span's own figure ("January–August 2022 …")
    try:
        found = period_total(question, hits, tables_for)
    except Exception:  # a fault in the sum must not lose the quoted answer
        logger.exception("summing the months of %r failed; answering without it", question)
        return answer
    if found is None:
        return answer
    result, pool = found
    return merge_computed(without_restated_cells(answer, result), result, pool)


_PROPOSAL_LINE = re.compile(r"^\s*(?:COMPUTE|CALC(?:ULATE)?)\s*:.*$", re.I | re.M)


def ground_with_proposal(question: str, text: str, hits: list[Hit], unverified: str, answerer: str) -> Answer:
    """An LLM answer grounded as usual, and the computation it proposes (a COMPUTE line) carried
    out in code on the cited passages: the result stated first with its operands and formula,
    or the reason it cannot be computed. The model's own arithmetic is never trusted: a number it
    writes that no passage states and the executed computation did not produce stays flagged."""
    from ..figures import find_figures
    from ..proposal import execute_proposal, parse_proposal, strip_proposal
    from .grounding import ground

    result: Computed | ComputeRefusal | None
    try:
        proposal = parse_proposal(text)
    except ComputeRefusal as refusal:
        proposal, result = None, refusal
        text = _PROPOSAL_LINE.sub("", text)
    else:
        result = execute_proposal(proposal, evidence_from_hits(hits)) if proposal else None
        if proposal:
            text = strip_proposal(text, proposal)
    allowed = find_figures(result.display) if isinstance(result, Computed) else []
    answer = ground(question, text, hits, unverified, answerer, computed=allowed)
    if isinstance(result, Computed):
        return merge_computed(answer, result, hits)
    if isinstance(result, ComputeRefusal):
        return with_refusal(answer, result)
    return answer
