"""Date, definition, frequency and table questions answered by the sentence that states one.

"When was the series published?" wants a sentence that states a date (a month and year, a full
date, an ISO date; a year for "in what year") about the question's subject; "Which transport
modes does the series cover?" / "What is the IMMEX programme?" want a sentence that defines or
delimits the subject (it covers, includes, means, is …); "How often are officers elected?" a
sentence stating a frequency ("annually"); "What does the table show?" the sentence that
introduces a table ("… were as follows:"). The fitted scorer ranks every
candidate by the same features for all questions, and such a sentence may score under its
abstention threshold. Here the candidates of the
top passages are read for the asked kind only: a sentence stating it, naming nearly all of the
question's subject words (and every name), answers; otherwise the answer stays as it was, so
a question the passages do not answer still abstains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..chunking import split_sentences
from ..citations import citation_for, cited_answer
from ..records import Answer, Chunk, Hit
from ..text import MONTH_NAMES, YEAR_PATTERN, fold, one_line
from .cells import terms
from .document_dates import record_date_answer
from .rankings import rank_question

DATE, YEAR, DEFINITION, TABLE, FREQUENCY = "date", "year", "definition", "table", "frequency"

_ASKS_YEAR = re.compile(r"\b(?:in\s+)?(?:what|which)\s+year\b", re.I)
_ASKS_DATE = re.compile(
    r"^\s*(?:when|since when|until when|as of when)\b|\b(?:on|from|in|since|by)?\s*(?:what|which)\s+(?:date|day|month)\b",
    re.I,
)
# "Which modes does the series cover?", "What does IMMEX include?", "What is the IMMEX programme?"
_DELIMIT_VERBS = r"cover|covers|include|includes|exclude|excludes|comprise|comprises|count|counts|measure|measures|mean|means|consist of|refer to|stand for"
_ASKS_DEFINITION = re.compile(
    rf"^\s*(?:which|what)\b.*\b(?:does|do|did|is|are)\b.*\b(?:{_DELIMIT_VERBS})\b\s*\??\s*$"
    r"|^\s*(?:define|what is meant by)\b",
    re.I,
)
# "What is the IMMEX programme?": a definition; "What was the weight of … in March 2020?" names a
# period, so it asks for a figure of that period, not what a thing is
_ASKS_WHAT_IS = re.compile(r"^\s*what\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?[^?,]{2,60}\?\s*$", re.I)
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\.?(?:\s+\d{{1,2}},)?\s+{YEAR_PATTERN}\b|\b{YEAR_PATTERN}-[01]\d-[0-3]\d\b"
    rf"|\b(?:first|second|third|fourth)\s+quarter\s+of\s+{YEAR_PATTERN}\b"
)
_YEAR = re.compile(rf"\b{YEAR_PATTERN}\b")
# "What does the table show?": what a table holds is said by the sentence that introduces it
# ("Aggregate emoluments of the Directors were as follows:", "The following table summarizes …:")
_ASKS_TABLE = re.compile(
    r"^\s*what\s+(?:[a-z]+\s+){0,2}(?:does|do|did)\s+(?:the|this|that)\s+table\s+"
    r"(?:show|shows|present|represent|depict|illustrate|summari[sz]e|contain|provide|display|list|detail)\b",
    re.I,
)
# "How often are the officers elected?": a sentence stating how often ("annually", "every three years")
_ASKS_FREQUENCY = re.compile(r"^\s*how\s+(?:often|frequently)\b|\b(?:what|which)\s+(?:frequency|interval)\b", re.I)
_FREQUENCY = re.compile(
    r"\b(?:annually|yearly|semi-?annually|biannually|quarterly|monthly|weekly|daily|"
    r"(?:every|each)\s+(?:\w+\s+)?(?:year|quarter|month|week|day)s?|once\s+a|twice\s+a|"
    r"(?:per|a)\s+(?:year|quarter|month|week|day))\b",
    re.I,
)
_INTRODUCES = re.compile(r"\b(?:as follows|following|below|table)\b[^:]*:\s*$", re.I)
# … or says so in full without a colon: "The following table shows assets by segment.", "A
# reconciliation of the liability is shown below.", "The table below presents …"
_POINTS_AT_TABLE = re.compile(
    r"^\s*(?:the|this)\s+(?:following|(?:table|schedule)\s+(?:below|above))\b|"
    r"^\s*the\s+following\s+(?:table|schedule)\b|"
    r"\b(?:is|are|were|was)\s+(?:shown|presented|set\s+forth|summari[sz]ed|provided|detailed|listed)\s+"
    r"(?:below|in\s+the\s+(?:following|table\s+below))\b",
    re.I,
)
_DEFINES = re.compile(
    rf"\b(?:{_DELIMIT_VERBS}|covered|included|excluded|defined as|refers? to|is an?|are the|is the|known as)\b",
    re.I,
)
_FURNITURE = re.compile(r"^\s*(?:#|\||page \d)", re.I)
# the words of the question that only say what kind of answer it wants
_ASKING = set(
    terms(
        "when what which date day month year time since until on in did does do was were is are the a an "
        "define meant mean how often frequently frequency interval"
    )
)
MIN_SUBJECT = 0.75  # the share of the question's subject words the sentence's passage (title, section) names
MIN_IN_SENTENCE = 0.34  # … and the sentence itself


def asked_kind(question: str) -> str:
    """ "date", "year", "definition", "table" (what a table shows) or "frequency" (how often)
    when ``question`` asks for one, else ""."""
    if _ASKS_TABLE.search(question):
        return TABLE
    if _ASKS_FREQUENCY.search(question):
        return FREQUENCY
    if _ASKS_YEAR.search(question):
        return YEAR
    if _ASKS_DATE.search(question):
        return DATE
    asks = _ASKS_DEFINITION.search(question) or (_ASKS_WHAT_IS.search(question) and not _YEAR.search(question))
    if asks and not re.search(r"\b(?:how much|how many|value|share)\b", question, re.I):
        return DEFINITION
    return ""


def states_kind(sentence: str, kind: str, verbs: set[str]) -> bool:
    if kind == DATE:
        return _FULL_DATE.search(sentence) is not None
    if kind == YEAR:
        return _YEAR.search(sentence) is not None
    if kind == TABLE:
        return _INTRODUCES.search(sentence) is not None or _POINTS_AT_TABLE.search(sentence) is not None
    if kind == FREQUENCY:
        return _FREQUENCY.search(sentence) is not None
    return _DEFINES.search(sentence) is not None or bool(verbs & set(terms(sentence)))


@dataclass
class Stated:
    score: float
    hit: Hit
    span: tuple[int, int]


def stated_sentence(question: str, hits: list[Hit], top: int = 3, chunks_of=None) -> Stated | None:
    """The sentence of the top passages that states what ``question`` asks (a date, a definition)
    about its subject, or None. ``chunks_of`` (doc id -> its chunks) lets a table question read
    the whole document of the table the hits found."""
    kind = asked_kind(question)
    if not kind:
        return None
    if kind == TABLE:
        return _table_introduction(hits) or _introduction_in_document(hits, chunks_of)
    subject = _split(set(terms(question))) - _ASKING
    if not subject:
        return None
    names = {fold(n) for n in re.findall(r"(?<![\w.])[A-ZÀ-Ý][\wÀ-ÿ'’\-]+", question)[1:]}
    verbs = set(terms(" ".join(re.findall(rf"\b(?:{_DELIMIT_VERBS})\b", question, re.I))))
    best: Stated | None = None
    for rank, hit in enumerate(hits[:top]):
        chunk = hit.chunk
        if chunk.row is not None:
            continue
        # the subject may be named anywhere in the paragraph ("The BTS series records …. The
        # state-level figures cover …"); the asked date or definition must be in the sentence
        context = _split(set(terms(f"{hit.doc.title} {chunk.section} {chunk.text}")))
        folded_passage = fold(f"{hit.doc.title} {chunk.section} {chunk.text}")
        if any(n not in folded_passage for n in names):
            continue  # a name of the question its passage never states
        for a, b in split_sentences(chunk.text):
            sentence = chunk.text[a:b]
            if len(sentence) < 25 or _FURNITURE.search(sentence) or not states_kind(sentence, kind, verbs):
                continue
            own = _split(set(terms(sentence)))
            if verbs and not verbs & own:
                continue  # "which modes does it cover?": a sentence saying what it covers
            in_sentence = len(subject & own) / len(subject)
            covered = len(subject & (own | context)) / len(subject)
            if in_sentence < MIN_IN_SENTENCE or covered < MIN_SUBJECT:
                continue
            score = covered + 0.5 * in_sentence - 0.1 * rank
            if best is None or score > best.score:
                best = Stated(score, hit, (a, b))
    return best


def _introductions(chunk: Chunk) -> Iterator[tuple[int, int]]:
    """The spans of ``chunk``'s sentences that introduce a table (none in a table's own rows)."""
    if chunk.in_table:
        return
    for a, b in split_sentences(chunk.text):
        sentence = chunk.text[a:b]
        if len(sentence) >= 25 and not _FURNITURE.search(sentence) and states_kind(sentence, TABLE, set()):
            yield a, b


def _table_introduction(hits: list[Hit]) -> Stated | None:
    """The best-ranked passage's sentence that introduces a table (it ends with a colon and
    points at what follows): what the table shows, in the document's words."""
    for rank, hit in enumerate(hits):
        span = next(_introductions(hit.chunk), None)
        if span is not None:
            return Stated(1.0 - 0.1 * rank, hit, span)
    return None


def _introduction_in_document(hits: list[Hit], chunks_of) -> Stated | None:
    """The table the hits rank first is "the table" of the question; its introduction may stand in
    a passage the hits lack (a table's rows outrank prose for a question with no content words):
    the document's sentence introducing a table that lies nearest to it."""
    if chunks_of is None:
        return None
    table_hit = next((h for h in hits if h.chunk.in_table), None)
    if table_hit is None:
        return None
    at = table_hit.chunk.start
    found = [
        (abs(chunk.start + a - at), chunk, (a, b))
        for chunk in chunks_of(table_hit.chunk.doc_id)
        for a, b in _introductions(chunk)
    ]
    if not found:
        return None
    _, chunk, span = min(found, key=lambda f: f[0])
    return Stated(0.9, Hit(chunk=chunk, doc=table_hit.doc, score=table_hit.score), span)


def _split(words: set[str]) -> set[str]:
    """Hyphenated compounds by their parts: "state-of-destination" is "state" and "destination"."""
    out = {w for w in words if "-" not in w}
    for w in words - out:
        out |= set(terms(w.replace("-", " ")))
    return out


def with_stated_type(question: str, hits: list[Hit], answer: Answer, chunks_of=None) -> Answer:
    """``answer``, or for a date or definition question that it abstains on the sentence of the
    top passages that states it, quoted and cited."""
    kind = asked_kind(question)
    if not kind or not hits or rank_question(question) is not None:
        return answer  # "In which month was trade highest?" is a ranking (rankings.py)
    # "When was this note written?", "When were its data downloaded?": the document's record
    recorded = record_date_answer(question, hits)
    if recorded is not None:
        return recorded
    if not answer.abstained:
        # a sentence already quoted is kept even without a date: "When are tax losses not
        # recognised?" asks for a condition, not a date
        return answer
    found = stated_sentence(question, hits, chunks_of=chunks_of)
    if found is None:
        return answer
    a, b = found.span
    citation = citation_for(found.hit, 1, found.span)
    text = f"{one_line(found.hit.chunk.text[a:b])} [1]"
    return cited_answer(question, text, [citation], max(answer.confidence, min(1.0, found.score / 1.5)))
