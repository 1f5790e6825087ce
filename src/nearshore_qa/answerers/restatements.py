"""A cell's figure restated in the report's own prose, quoted beside the cell.

Reports state their table's figures again in words, rounded and in another scale: the table's
"1,779" (in thousands) is the text's "$1.8 million". When a sentence of a retrieved passage of
the cell's own document states every figure of a cell answer (and a word of the question), that
sentence is quoted after the cell, with its own citation: the reader sees the figure as the
report words it, and both quotes are checked against their sources (``citations.check_figures``).
"""

from __future__ import annotations

from dataclasses import replace

from ..chunking import split_sentences
from ..figures import FoundFigure, find_figures, same_figure
from ..records import Answer, Hit
from ..text import YEAR, term_stems

MIN_SENTENCE = 25  # characters: shorter pieces are headings and labels, not sentences


def cell_figures(answer: Answer) -> list[FoundFigure]:
    """The figures of the cells a cell answer highlights in its first citation."""
    if answer.abstained or not answer.citations:
        return []
    citation = answer.citations[0]
    found = []
    for a, b in citation.highlights:
        cell = citation.text[a:b].strip()
        if YEAR.fullmatch(cell):
            continue  # a period label, not a value
        found += find_figures(cell)
    return found


def restating_sentence(answer: Answer, hits: list[Hit]) -> tuple[Hit, tuple[int, int]] | None:
    """The best-ranked prose sentence of the cell's document that states every figure of the cell
    answer (at the sentence's own precision and scale) and shares a word with the question, or
    None."""
    figures = cell_figures(answer)
    # a figure of one or two digits is stated by too many sentences to tell which restates it
    if not figures or any(abs(f.number) < 100 and not f.decimals for f in figures):
        return None
    doc_id = answer.citations[0].doc_id
    # it speaks of what was asked: a word of the question other than its figures and years
    asked = {t for t in term_stems(answer.question) if not t[:1].isdigit()}
    for hit in hits:
        chunk = hit.chunk
        if chunk.doc_id != doc_id or chunk.in_table:
            continue
        for a, b in split_sentences(chunk.text):
            sentence = chunk.text[a:b]
            if len(sentence) < MIN_SENTENCE or sentence.count("|") >= 2 or sentence.lstrip().startswith("#"):
                continue
            stated = find_figures(sentence)
            if (
                stated
                and asked & set(term_stems(sentence))
                and all(any(same_figure(s, f) for s in stated) for f in figures)
            ):
                return hit, (a, b)
    return None


def with_restatement(answer: Answer, hits: list[Hit]) -> Answer:
    """``answer`` (a cell answer) followed by the sentence of its report that restates its
    figures; unchanged when no retrieved sentence does."""
    from ..citations import check_figures, quote_cited

    found = restating_sentence(answer, hits)
    if found is None:
        return answer
    citations = list(answer.citations)
    text = quote_cited(answer.answer, citations, *found)
    return replace(answer, answer=text, citations=citations, figures=check_figures(text, citations))
