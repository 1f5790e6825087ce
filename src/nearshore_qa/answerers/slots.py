"""The means a question names must stand in its evidence.

"How much US–Mexico trade went by mail in 2010?" names a slot — the means or channel after
"by"/"via" (mail, truck, rail, pipeline) — that narrows which figure answers. A sentence about
surface exports in 2010 answers the year and the partner but not the slot; quoting it states
a figure for something else. So an answer whose first cited evidence (the quoted passage or row
that answers, its document's title and section, the row's and column's labels, the table's
caption) never names the slot word is replaced by an abstention, the passages listed as the
closest sources; a later citation naming it ("…, while air freight …") does not make the
answer's figure one of the slot.

A month works the same way: "How much did the US import from Germany in March 2021?" is not
answered by the year 2021's row; the month must stand in the evidence (as "March", "Mar" or
"2021-03").

Both are checked for questions that ask for a figure ("How much …", "What was/were …", "What
value of …", "How big …", "Summed over every port, how many …") or for what a figure picks out
("Which port counted the most buses by air …", "Which crossing took over …": a ranking restates
the question's own words, so only the evidence can tell that it ranks another means): in
"Which years does the table give revenue by type for?" the "by" names the table's breakdown,
not the figure asked for. A month written with its day ("as of June 30, 2019") is a balance
date, which tables state as the year, and is not checked.

Only a slot in lower case is checked here: a capitalised name after "by" ("bought by Canada")
is the extractive answerer's name check. Idioms that are not a slot ("by how much", "by
comparison", "by far", "by the end of") are left alone.
"""

from __future__ import annotations

import logging
import re

from ..citations import citation_for
from ..operands import with_dates_resolved
from ..places import REPORTER_WORDS
from ..records import Answer, Citation, Hit
from ..text import MONTH, MONTHS, abstention, fold, written_among
from .cells import terms
from .rankings import rank_question
from .scoring import FIGURE_TYPES, NAME, asked_type

logger = logging.getLogger(__name__)

_ASKS_FIGURE = re.compile(
    r"^\s*(?:how\s+(?:much|many)|what\s+(?:was|were|is|are)|by\s+how\s+much|"
    r"what\s+(?:value|amount|share|percentage|number|volume|level|total|sum)\s+of)\b",
    re.I,
)
_SLOT = re.compile(r"\b(?:by|via)\s+(?:the\s+|a\s+|an\s+)?(?P<word>[a-z][a-z\-]+)\b")
# words after "by" that make an adverb or a time, not a means: "by how much", "by far", "by the end"
_NOT_SLOTS = set(
    terms(
        "how what which whom far then now comparison contrast end time means way about around more less much many "
        "default definition design nature law hand chance itself themselves volume value"
    )
)


# "which years does the table give revenue by type for?": a period asked by a breakdown
_WHICH_PERIOD = re.compile(r"\b(?:which|what)\s+(?:years?|months?|quarters?|periods?)\b", re.I)


def asks_figure_or_name(question: str) -> bool:
    """Does ``question`` ask for a figure ("How much …", "What did the four buy altogether …",
    "Summed over every port, how many …") or for the place, firm or mode a figure picks out
    ("Which crossing …", "which … the most")? A means or month it names then narrows what answers."""
    asked = asked_type(question)
    if _ASKS_FIGURE.search(question) or asked in FIGURE_TYPES or rank_question(question) is not None:
        return True
    return asked == NAME and not _WHICH_PERIOD.search(question)


def slot_words(question: str) -> set[str]:
    """The stems of the means a question names after "by"/"via" ("by mail" -> {"mail"})."""
    out: set[str] = set()
    for m in _SLOT.finditer(question):
        stems = set(terms(m.group("word").replace("-", " ")))
        if stems and not stems & _NOT_SLOTS:
            out |= stems
    return out


# "How much Russian crude oil did …", "How many tonnes of goods were …": what is measured or
# counted, between the opening "how much/many" and "did"
_MEASURED = re.compile(
    r"^\s*how\s+(?:much|many)\s+(?P<what>(?:[\w'’\-]+\s+){1,5}?)(?:did|do|does)\b",
    re.I,
)
# words for any figure at all: goods as such, their value, a comparison ("How much larger was …")
_ANY_FIGURE = set(
    terms("goods products product merchandise money value worth larger smaller bigger higher lower more less")
)


_PHRASE_AFTER = re.compile(r"\b(?:in|with|from|to|into|between|across|through|during|at|on|over|for|by|via)\b", re.I)


def measured_words(question: str) -> list[str]:
    """What "How much X did …" measures, in its words ("crude", "oil" of "How much Russian crude
    oil did …"): lower-case words other than the reporter's and words for any figure; none when X
    holds a code or a number ("How much HS chapter 71 goods …": the code says it) or names a
    whole ("How much crude and other goods …")."""
    m = _MEASURED.search(question)
    if m is None or re.search(r"\d|\bother\b", m.group("what")):
        return []  # … nor when it is a whole ("crude and other goods")
    # "goods trade in both directions": what is measured ends where a phrase about it begins
    what = _PHRASE_AFTER.split(m.group("what"))[0]
    return [
        w
        for w in what.split()
        if not w[0].isupper() and w.lower() not in REPORTER_WORDS and terms(w) and not set(terms(w)) <= _ANY_FIGURE
    ]


def _unheld(words: list[str], held: set[str], evidence: str) -> list[str]:
    """``words`` whose terms ``held`` lacks (singular, plural or compound), unless their initials stand in
    ``evidence`` as an acronym ("foreign direct investment" as "FDI")."""
    initials = "".join(w[0] for w in words)
    if len(words) >= 2 and re.search(rf"\b{initials}\b", evidence, re.I):
        return []
    return [w for w in words if not all(written_among(t, held) for t in terms(w))]


_MONTHS = "|".join(MONTHS)


def _months_missing(question: str, evidence: str) -> list[str]:
    """The months ``question`` names that ``evidence`` (folded) states neither by name, short
    name nor as a number beside a year ("2021-03")."""
    missing = []
    dated = {
        m.group(1) or m.group(2)
        for m in re.finditer(rf"\b({_MONTHS})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+({_MONTHS})\b", question)
    }
    for name in dict.fromkeys(MONTH.findall(question)):
        if name in dated:
            continue  # "June 30, 2019": a balance date
        number = MONTHS.index(name) + 1
        full, short = fold(name), fold(name[:3])
        spelled = rf"\b(?:{full}|{short}{'|sept' if number == 9 else ''})\b"
        if re.search(spelled, evidence) or re.search(rf"\b(?:19|20)\d\d-{number:02d}\b", evidence):
            continue
        missing.append(name)
    return missing


def _texts(citation: Citation, hits: list[Hit]) -> str:
    parts = [
        citation.text,
        citation.title,
        citation.source,
        citation.doc_id,
        citation.locator,
        citation.row_label,
        citation.column_label,
        citation.column,
        citation.table,
        citation.units,
    ]
    for h in hits:
        if h.chunk.doc_id == citation.doc_id and h.chunk.start == citation.start:
            parts += [h.chunk.section, h.chunk.caption, h.chunk.context]
    return " ".join(p for p in parts if p)


def with_slots(question: str, hits: list[Hit], answer: Answer) -> Answer:
    """``answer``, or an abstention when it cites nothing that names the means or the month the
    question asks about."""
    if answer.abstained or not answer.citations:
        return answer
    if not asks_figure_or_name(question):
        return answer
    slots = slot_words(question)
    measured = measured_words(question)
    if not slots and not measured and not MONTH.search(question):
        return answer
    # the first cited passage or row is the answer: what later ones name ("… by vessel, while air
    # freight …") does not make its figure one of the slot. Months may be spread over the cited
    # operands of a computation ("from March to April 2011": one row each).
    texts = [_texts(c, hits) for c in answer.citations]
    held = set(terms(re.sub(r"[_/.\-]+", " ", texts[0])))
    missing = sorted(slots - held) + _unheld(measured, held, texts[0])
    if MONTH.search(question):
        # "in the final month of the period" of a note on 2015–2016 names December 2016
        texts += [with_dates_resolved(c.text, c.title) for c in answer.citations if c.text]
        missing += _months_missing(question, fold(" ".join(texts)))
    if not missing:
        return answer
    logger.info("abstaining: the cited evidence never names %s", ", ".join(missing))
    return Answer(
        question=question,
        answer=abstention(question),
        abstained=True,
        closest=[citation_for(h, i + 1) for i, h in enumerate(hits[:3])],
        confidence=0.0,
    )
