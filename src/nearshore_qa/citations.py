"""Citations: turn the evidence an answer used into numbered, openable citations with
highlight spans, and check each figure of the answer against the passage it cites."""

from __future__ import annotations

import re

from .figures import figure_spans, find_figures, same_figure
from .presentation import human_locator
from .records import Answer, Citation, Figure, Hit
from .text import one_line

_MARKER = re.compile(r"\[(\d+)\]")


def citation_for(hit: Hit, marker: int, span: tuple[int, int] | None = None, column: str = "") -> Citation:
    """``span`` is the quoted part of the chunk (relative to the chunk text), highlighted."""
    c, d = hit.chunk, hit.doc
    highlights = [span] if span else []
    return Citation(
        marker=marker,
        doc_id=c.doc_id,
        title=d.title,
        source=d.url or d.original_name or c.doc_id,
        publisher=d.source,
        published=d.published,
        locator=human_locator(c, d, column),
        text=c.text,
        highlights=highlights,
        kind=d.kind,
        table=c.table,
        row=c.row,
        column=column,
        units=d.units,
        period=d.period,
        start=c.start,
        end=c.end,
        written=d.written,
        data_sources=[{"name": n, "url": u, "vintage": v} for n, u, v in d.data_sources],
        added_on=d.added_on,
        paragraph=c.paragraph,
        page=c.page,
    )


def quote_cited(text: str, citations: list[Citation], hit: Hit, span: tuple[int, int]) -> str:
    """``text`` followed by the sentence ``span`` of ``hit``, on one line (source line breaks are
    not shown), cited by a citation appended to ``citations``: a supporting sentence after a
    cell or a ranking."""
    citations.append(citation_for(hit, len(citations) + 1, span))
    return f"{text} {one_line(hit.chunk.text[span[0] : span[1]])} [{len(citations)}]"


def cited_answer(question: str, text: str, citations: list[Citation], confidence: float) -> Answer:
    """An answer stating ``text``, its figures checked against the passages it cites."""
    return Answer(
        question=question,
        answer=text,
        abstained=False,
        citations=citations,
        figures=check_figures(text, citations),
        confidence=confidence,
    )


def split_cited_sentences(answer: str) -> list[tuple[str, list[int]]]:
    """The answer's sentences, each with the markers that follow it.

    Markers may stand after the full stop ("... 2024. [1]") or before it ("... 2024 [1].").
    """
    out: list[tuple[str, list[int]]] = []
    pos = 0
    for m in re.finditer(r"((?:\s*\[\d+\])+)(?=[\s.,;:!?)]|$)", answer):
        sentence = _trim(answer[pos : m.start()])
        markers = [int(x) for x in _MARKER.findall(m.group(1))]
        if sentence:
            out.append((sentence, markers))
        pos = m.end()
    tail = _trim(answer[pos:])
    if tail:
        out.append((tail, []))
    return out


def _trim(piece: str) -> str:
    """A piece between markers without the punctuation that closed the previous sentence."""
    return re.sub(r"^[\s.,;:!?)]+", "", piece).strip()


def check_figures(answer: str, citations: list[Citation]) -> list[Figure]:
    """Every figure in the answer, verified when a passage its sentence cites states it.

    Highlights for the supporting figures are added to those citations.
    """
    by_marker = {c.marker: c for c in citations}
    figures: list[Figure] = []
    for sentence, markers in split_cited_sentences(answer):
        for claim in find_figures(_MARKER.sub("", sentence)):
            verified_by = None
            for marker in markers:
                cit = by_marker.get(marker)
                if cit and any(same_figure(claim, ev) for ev in find_figures(cit.text)):
                    verified_by = marker
                    spans = figure_spans(cit.text, [claim])
                    cit.highlights.extend(s for s in spans if s not in cit.highlights)
                    break
            figures.append(
                Figure(
                    text=claim.text,
                    value=claim.value,
                    kind=claim.kind,
                    citation=verified_by if verified_by else (markers[0] if markers else None),
                    verified=verified_by is not None,
                )
            )
    return figures


def column_span(row_text: str, column: str) -> tuple[int, int] | None:
    """Where ``column: value`` stands in a table row chunk's text (``a: 1; b: 2``), to highlight it."""
    m = re.search(rf"(?:^|; ){re.escape(column)}: [^;]*", row_text)
    if not m:
        return None
    start = m.start() + (2 if row_text[m.start()] == ";" else 0)
    return start, m.end()
