"""Dates a document's record states: when the document itself was written or published, and
when the data it reports were downloaded from their source.

"When was the note on US exports to China written?" asks about the document, not about a
fact in it: no sentence of the text says when the text was written; its record does (front
matter ``written:``/``published:``, a report's "Date:" line, an HTML page's published time).
"When was the USITC DataWeb data used … downloaded?" asks for a data source's vintage
(``data_sources: [{name, url, vintage: "downloaded 2025-08-07"}]``).

Which question is which is read from its structure: "when was/were <subject> <verb>" where the
verb is one of writing/publishing (the subject must then name a kind of document: note,
article, report …) or of fetching data (downloaded, accessed, retrieved: the subject must
name data). The document is the retrieved one whose title, file name and topics hold the
subject's words (and every name the question states); for data, the one whose data source
is named by the question's names. The answer states the date and cites the document's
record, so a reader sees where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..citations import citation_for
from ..records import Answer, Citation, DocumentMeta, Hit
from ..text import MONTHS, fold
from .cells import terms

# "When was the note … written?", "When was this report published?", "When were the figures downloaded?"
_WHEN = re.compile(
    r"^\s*(?:when|on what date|on which date|what date)\s+(?:was|were|is|are|did)\s+(?P<subject>.+?)\s+"
    r"(?P<verb>written|published|released|issued|prepared|dated|updated|posted|produced|compiled|"
    r"downloaded|accessed|retrieved|extracted|pulled|obtained|write|publish|release|issue|prepare|"
    r"update|post|download|access|retrieve|extract)\b",
    re.I,
)
_WRITING = re.compile(r"^(?:writ|publish|releas|issu|prepar|dat|updat|post|produc|compil)", re.I)
# kinds of document: what a writing date is asked of
_DOCUMENT_NOUNS = re.compile(
    r"\b(?:note|article|report|paper|brief|briefing|study|document|page|publication|analysis|memo|post|piece|"
    r"overview|factsheet|fact sheet|explainer|summary|this)\b",
    re.I,
)
# what a download date is asked of
_DATA_NOUNS = re.compile(r"\b(?:data|dataset|data set|figures|numbers|statistics|series|table|tables|extract)\b", re.I)
_ISO = re.compile(r"\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
_ACCESS = re.compile(r"\b(?:downloaded|accessed|retrieved|extracted|pulled)\b", re.I)
_SUBJECT_STOP = set(terms("when was were is are did the a an this that used for on of by in about"))
MIN_COVERAGE = 0.6  # the share of the subject's words the document's title, file name and topics hold


@dataclass(frozen=True)
class DateQuestion:
    subject: frozenset[str]  # content terms of what it asks about (without the document noun)
    names: frozenset[str]  # folded capitalised names it states
    data: bool  # a download date of data, not the document's own date


def date_question(question: str) -> DateQuestion | None:
    """The record date ``question`` asks for, or None when it asks something else."""
    m = _WHEN.search(question)
    if m is None:
        return None
    subject, verb = m.group("subject"), m.group("verb")
    writing = bool(_WRITING.match(verb))
    if writing and not _DOCUMENT_NOUNS.search(subject):
        return None  # "When was the decree published?" asks a fact the text states
    if not writing and not _DATA_NOUNS.search(subject):
        return None
    nouns = _DOCUMENT_NOUNS if writing else _DATA_NOUNS
    words = set(terms(nouns.sub(" ", subject))) - _SUBJECT_STOP
    names = {fold(n) for n in re.findall(r"(?<![\w.])[A-ZÀ-Ý][\wÀ-ÿ'’\-]+", subject) if len(n) > 2}
    return DateQuestion(frozenset(words), frozenset(names), data=not writing)


def readable_date(text: str) -> str:
    """ "2025-08-07" -> "7 August 2025"; any other text as it is."""
    m = _ISO.search(text)
    if not m:
        return text.strip()
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1 <= month <= 12:
        return text.strip()
    return f"{day} {MONTHS[month - 1]} {year}"


def _record_words(meta: DocumentMeta) -> set[str]:
    name = re.sub(r"[_\-./]+", " ", f"{meta.original_name} {meta.doc_id}")
    return set(terms(f"{meta.title} {name} {' '.join(meta.topics)}"))


def _folded_record(meta: DocumentMeta) -> str:
    sources = " ".join(n for n, _, _ in meta.data_sources)
    return fold(f"{meta.title} {meta.original_name} {meta.doc_id} {' '.join(meta.topics)} {sources}")


def _own_date(hits: list[Hit], dq: DateQuestion) -> tuple[Hit, str, str] | None:
    """(hit, field name, date) of the retrieved document the question is about."""
    best: tuple[float, Hit, str, str] | None = None
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        meta = hit.doc
        if meta.doc_id in seen:
            continue
        seen.add(meta.doc_id)
        date, field = (meta.written, "written") if meta.written else (meta.published, "published")
        if not date or meta.added_on and date == meta.added_on:
            continue  # no date of its own (the day a user added it is not when it was written)
        folded = _folded_record(meta)
        if any(n not in folded for n in dq.names):
            continue
        words = _record_words(meta)
        coverage = len(dq.subject & words) / len(dq.subject) if dq.subject else 0.0
        if coverage < MIN_COVERAGE:
            continue
        score = coverage - 0.05 * rank
        if best is None or score > best[0]:
            best = (score, hit, field, date)
    return best[1:] if best else None


def _data_date(hits: list[Hit], dq: DateQuestion) -> tuple[Hit, tuple[str, str, str]] | None:
    """(hit, data source) of the retrieved document whose data source the question names and
    whose vintage says when its data were fetched."""
    for hit in hits:
        for source in hit.doc.data_sources:
            name, _, vintage = source
            if not _ACCESS.search(vintage) or not re.search(r"(?:19|20)\d\d", vintage):
                continue
            folded, record = fold(name), _folded_record(hit.doc)
            # the source is named (one name of the question at least), the rest name the document
            if not any(n in folded for n in dq.names) or any(n not in folded and n not in record for n in dq.names):
                continue
            return hit, source
    return None


def record_date_answer(question: str, hits: list[Hit]) -> Answer | None:
    """The document's own date, or its data's download date, stated and cited to the
    document's record; None when the question asks neither or no retrieved record holds it."""
    dq = date_question(question)
    if dq is None or not hits:
        return None
    if dq.data:
        found = _data_date(hits, dq)
        if found is None:
            return None
        hit, (name, url, vintage) = found
        verb = _ACCESS.search(vintage)
        when = readable_date(vintage[verb.end() :] if verb else vintage)
        said = verb.group(0).lower() if verb else "dated"
        text = f"The data of “{hit.doc.title}” from {name} were {said} on {when} [1]."
        record = f"Data source: {name}" + (f" ({url})" if url else "") + f" — {vintage}"
        return _answer(question, text, hit, record)
    own = _own_date(hits, dq)
    if own is None:
        return None
    hit, field, date = own
    when = readable_date(date)
    text = f"“{hit.doc.title}” was {field} on {when} [1]."
    by = f" by {hit.doc.source}" if hit.doc.source else ""
    record = f"{field.capitalize()}: {date}{by}"
    return _answer(question, text, hit, record)


def _answer(question: str, text: str, hit: Hit, record: str) -> Answer:
    """Cited to the document's record: the citation quotes the record line that states the date."""
    citation: Citation = citation_for(hit, 1)
    citation.text = record
    citation.locator = "document record"
    # no span of the document's text: the reader opens the document at its start, nothing marked
    # (highlights are offsets into the passage the reader maps onto the text)
    citation.start = citation.end = 0
    citation.highlights = []
    citation.paragraph = citation.page = None
    return Answer(question=question, answer=text, abstained=False, citations=[citation], figures=[], confidence=0.9)
