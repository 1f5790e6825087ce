"""The extractive answerer (the offline default).

It quotes the one to three sentences or table rows that best answer the question, each with
its citation marker, and abstains when the evidence does not mention what the question asks
about (its years, its places and names) or is only loosely related. How much each piece of
evidence counts is learned: the fitted scorer of ``scoring.py`` (weights in answer_scorer.json).
"""

from __future__ import annotations

import copy
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache, cached_property

import numpy as np

from ..acronyms import acronyms_in, spelled_acronyms, spelled_forms
from ..chunking import split_sentences
from ..citations import check_figures, citation_for, column_span
from ..figures import FoundFigure, find_figures
from ..kinds import AnswererName
from ..operands import COUNT_WORDS, with_dates_resolved
from ..places import ADJECTIVE_OF, DEMONYMS, REPORTER_WORDS, named_in
from ..presentation import column_label, format_cell
from ..records import Answer, Chunk, Citation, Hit
from ..tables import month_span
from ..text import (
    MONTH,
    MONTH_NAMES,
    MONTHS,
    QUARTER_ORDINALS,
    YEAR,
    YEAR_PATTERN,
    abstention,
    fold,
    one_line,
    term_stems,
    truecased,
    undotted,
    written_lower,
)
from .cells import (
    CROSSING_DIRECTIONS,
    CrossingDirection,
    _met,
    asked_count,
    cell_answer_for,
    counts_other,
    crossing_directions,
    documents_above,
    lacks_measure,
    names_all_asked,
    other_direction_row,
    unretrieved,
)
from .cells import FLOW_PHRASES as _FLOW_PHRASES
from .cells import (
    terms as cell_terms,
)
from .computed import with_computation
from .coverage import cited_text, denied_qualifiers, unwritten_qualifiers
from .footnotes import labels_marked, line_markers, note_marker
from .rankings import prefer_ranking, ranked_count
from .restatements import with_restatement
from .scoring import (
    DATE_TYPES,
    FEATURES,
    FIGURE_TYPES,
    NAME,
    PERCENT,
    REASON,
    WHICH_THE,
    WORDS_TYPES,
    FittedScorer,
    asked_type,
    entity_focus,
    entity_mentions,
    shipped_scorer,
    stated_types,
    states_cause,
    states_purpose,
    states_superlative,
    superlative_asked,
)
from .slots import with_slots
from .stated_types import DATE as DATE_KIND
from .stated_types import FREQUENCY, asked_kind, states_kind, with_stated_type
from .stated_types import YEAR as YEAR_KIND

_MOST = re.compile(r"\b(most|largest|biggest|highest|top|leading|busiest|greatest|main|first)\b", re.I)
_LEAST = re.compile(r"\b(least|smallest|lowest|fewest|bottom)\b", re.I)
# "In which quarter of 2003 … the least …": a period is asked for the way a name is
_WHICH_PERIOD = re.compile(r"\b(?:which|what)\s+(?:years?|months?|quarters?)\b", re.I)
logger = logging.getLogger(__name__)


GENERIC_NAMES = {
    *REPORTER_WORDS,
    "what",
    "which",
    "how",
    "when",
    "who",
    "where",
    "why",
    "is",
    "are",
    "did",
    "does",
    "do",
    "was",
    "were",
    "the",
    "in",
    "and",
    "of",
    "for",
    "by",
    "according",
    "tell",
    "give",
    "list",
    "can",
    "could",
    "i",
    "what's",
    "whats",
    "north",
    *(m.lower() for m in MONTHS),
}
_GENERIC_FOLDED = {fold(n) for n in GENERIC_NAMES}
# The forms of a question: yes or no; "what was …" (a value, a thing); a request; any wh-word
_YES_NO = re.compile(r"^\s*(?:was|were|is|are|did|does|do|has|have|had|will|can)\s", re.I)
_WHAT_IS = re.compile(r"\bwhat(?:['’]s|\s+(?:was|were|is|are))\b", re.I)
_REQUEST = re.compile(r"^\s*(?:please\s+)?(?:tell|show|give)\s+me\b", re.I)
# "Which month …", "Laredo's busiest month for …": the answer is a month, so a candidate naming
# none (a year's total) does not give it
_ASKS_MONTH = re.compile(
    rf"{WHICH_THE}month\b(?!-)|\b(?:[a-z]{{2,}}est|most|least|peak|record)\s+month\b",
    re.I,
)
_MONTH_WRITTEN = re.compile(rf"\b(?:{MONTH_NAMES}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)", re.I)
# a year a figure is compared with ("fewer than in 2022", "below December 2022", "on May 2022")
_COMPARED_YEAR = re.compile(
    rf"\b(?:than(?:\s+in)?|below|above|on|over|[Cc]ompared (?:with|to)|against|versus|vs\.?)\s+"
    # "Fiscal Year 2018 Compared with Fiscal Year 2017"
    rf"(?:(?:that|those)\s+(?:of|in)\s+)?(?:(?:{MONTH_NAMES})\s+)?(?:(?:[Ff]iscal|[Cc]alendar)\s+)?(?:[Yy]ear\s+)?"
    rf"((?:19|20)\d\d)\b"
    # … or the base a change starts from ("rose … to US$2,649.2 million, … up from US$4,926.1
    # million in 2020", "6.5 percent more than the US$503,492.8 million of 2011"), when no later
    # year is its end ("from … in 2019 to … in 2023")
    rf"|\b(?:(?:up|down)\s+from|than(?:\s+the)?)\s+(?:US\$|\$)?[\d,.]+(?:\s+(?:million|billion|thousand))?\s+"
    rf"(?:in|of)\s+((?:19|20)\d\d)\b"
)
_MOST_OR_LEAST = re.compile(r"\b(?:most|least)\b", re.I)


_CAPS_ACRONYM = re.compile(r"\b[A-Z]{4,}\b")


def _other_acronym(text: str, asked: set[str]) -> bool:
    """Does ``text`` write an acronym of four letters or more that the question does not?"""
    return any(fold(m.group(0)) not in asked for m in _CAPS_ACRONYM.finditer(text))


_LONG_ACRONYM = re.compile(r"[a-z]{4,}")
_THOSE_YEARS = re.compile(
    r"\b(?:in|for|over|during|across)\s+(?:each of\s+)?(?:those|these|the same)\s+(?:\w+\s+)?years\b", re.I
)
_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\b|\b(?:{MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)
_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
_FIGURE_WORDS = re.compile(
    r"\b(how much|how many|value|amount|total|worth|billion|million|percent|percentage|share|"
    r"rate|deficit|surplus|balance|exports?|imports?|trade|number of|count|level|reach|"
    r"volume|grew|growth|rise|fall|fell|increase|decrease|proportion|portion|fraction)\b",
    re.I,
)
# What a figure measures, in the words that state it: a sentence about the deficit rarely
# answers a question about total trade, and a question about exports is not answered by an
# imports figure. One table serves both readings: ``measures`` (which measures a text states)
# and the term overlap (each word of a measure counts as the same term, its first word's stem:
# "the gap" meets "the deficit"). A word whose measure depends on its sentence is kept out
# ("purchases": whose? "shares" of stock).
_MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "balance": ("balance", "balances", "deficit", "deficits", "surplus", "surpluses", "gap", "gaps"),
    "exports": ("export", "exports", "exported", "sold", "sell", "sells"),
    "imports": ("import", "imports", "imported", "bought", "buy", "buys"),
    "share": ("pct", "share", "percent", "percentage", "proportion"),
}
_SYNONYMS = {
    **{stem: term_stems(words[0])[0] for words in _MEASURE_WORDS.values() for stem in term_stems(" ".join(words))},
    "combin": "total",
    "overal": "total",
    "truck": "truck",
    "lorri": "truck",
    "valu": "valu",
    "worth": "valu",
    "investment": "fdi",
    "invest": "fdi",
    "rank": "rank",
    "ranked": "rank",
}


_PERCENT_TERM = _SYNONYMS["percent"]
_PERCENT_SIGN = re.compile(r"\d\s?%")


def stated_terms(text: str) -> set[str]:
    """The terms ``text`` holds for the term overlap, synonyms as one: a figure written with a
    percent sign ("declined by 26.1%") holds the term "percentage" as the word "percent" would."""
    terms = {_SYNONYMS.get(t, t) for t in term_stems(text.replace("_", " "))}
    return terms | {_PERCENT_TERM} if _PERCENT_SIGN.search(text) else terms


# "The company's accrued interest": a report is about its own subject, and speaks of it in the
# first person ("We had $3.0 million … of accrued interest"). A noun after "the" taking a
# possessive names that subject; a first-person sentence holds its term.
_POSSESSED_SUBJECT = re.compile(r"\bthe\s+([a-z]+)['’]s\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")  # "US" is the United States


def own_subject(question: str) -> set[str]:
    """The term(s) of the subject the question's "the X's" names ("company" in "the company's")."""
    return {t for m in _POSSESSED_SUBJECT.finditer(question) for t in stated_terms(m.group(1))}


class TransportMode(StrEnum):
    """The mode classes of BTS TransBorder freight data: each is a measure of its own, so a
    figure one mode carried does not answer a question about another."""

    TRUCK = "truck"
    RAIL = "rail"
    VESSEL = "vessel"
    AIR = "air"
    PIPELINE = "pipeline"


# How prose and column names write each mode. A word that also has another sense is kept out
# or bound ("water" crises, "free alongside ship", "to train staff", "air-conditioning").
TRANSPORT_MODES: dict[TransportMode, re.Pattern[str]] = {
    TransportMode.TRUCK: re.compile(
        r"\b(trucks?|trucking|trucked|truckloads?|lorr(?:y|ies)|by road|road (?:freight|transport))\b", re.I
    ),
    TransportMode.RAIL: re.compile(
        r"\b(rail|railways?|railroads?|railcars?|trains|(?:by|freight|cargo) trains?)\b", re.I
    ),
    TransportMode.VESSEL: re.compile(
        r"\b(vessels?|ships|tankers?|maritime|seaborne|waterborne|by (?:sea|water|ship)|ocean (?:freight|shipping))\b",
        re.I,
    ),
    TransportMode.AIR: re.compile(r"\b(air(?!-condition)|airfreight|airborne)\b", re.I),
    TransportMode.PIPELINE: re.compile(r"\bpipelines?\b", re.I),
}


# What a figure measures (``_MEASURE_WORDS``), and each transport mode and crossing direction.
_MEASURES: dict[str, re.Pattern[str]] = {
    **{
        name: re.compile(
            rf"\b(?:{'|'.join(words)})\b"
            + ("|%" if name == "share" else "")
            + (f"|{_FLOW_PHRASES[name]}" if name in _FLOW_PHRASES else ""),
            re.I,
        )
        for name, words in _MEASURE_WORDS.items()
    },
    **{str(mode): pattern for mode, pattern in TRANSPORT_MODES.items()},
    **{str(d): pattern for d, pattern in CROSSING_DIRECTIONS.items()},
    "growth": re.compile(r"\b(grew|growth|rose|rise|increased?|fell|fall|declined?|decrease[ds]?|change[ds]?)\b", re.I),
}


_DEFINED_TERM = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)['’]s\b")
_NAME_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w'’.\-]*)+")


_KIND_OF_ENTITY = re.compile(
    r"\b((?:[A-Z][a-z]+\s+)*[A-Z][a-z]+(?:an|ese|ish|ic))\s+(?:[a-z]+\s+)?"
    r"(?:countr(?:y|ies)|nations?|states?|provinces?|regions?|econom(?:y|ies)|markets?|partners?|members?|"
    r"neighbou?rs?|customers?|suppliers?)\b"
)


def proper_names(question: str, names: set[str], passages) -> set[str]:
    """The question's capitalised words that are names. A lone capitalised word the passages
    write in lower case mid-sentence is title case, not a name ("Fiscal year", "the Company's
    stock"); words of a run of capitalised words ("World Trade Bridge") stay names."""
    # "the five South American countries", "the Mexican border states": a kind of entity the
    # question groups, described by its region's adjective, not a name its passages must repeat
    kinds = {fold(w) for m in _KIND_OF_ENTITY.finditer(question) for w in m.group(1).split()}
    names = names - kinds
    in_runs = {fold(w.rstrip(".'’")) for run in _NAME_RUN.findall(question) for w in run.split()}
    # "the Company's", "the Group's": a lone capitalised word after "the" that takes a possessive
    # is a document's defined term for its own subject, not a name its passages must repeat
    defined = {fold(w) for w in _DEFINED_TERM.findall(question)} - in_runs
    texts = list(passages)
    return {n for n in names if n in in_runs or (n not in defined and not written_lower(n, texts))}


# A sentence that opens with a pronoun, a demonstrative or a connective, or names "these" /
# "those" / "such" things within its first words, or only points elsewhere ("See note K …"),
# leans on the sentence before it ("They are expected to grow …", "These amounts …", "In
# addition, …", "The largest components of these costs …"): grammar's closed classes, not
# words of any question.
_CONTINUES = re.compile(
    r"^\W*(?:(?:this|these|that|those|it|its|they|their|such|both)\b"
    r"|(?:in addition|additionally|also|further|furthermore|moreover|as a result|accordingly|"
    r"consequently|therefore|thus|however|see|refer to)\b"
    r"|(?:\S+\s+){1,5}(?:these|those|such(?!\s+as\b))\s"
    # a pronoun subject after a fronted phrase of time or place: "In 2005 they peaked …"
    r"|(?:in|by|at|on|from|over|during|after|before|since|until|through)\s+(?:[^\s,]+\s+){0,3}?[^\s,]+,?\s+"
    r"(?:they|it|its|their)\s)",
    re.I,
)


# A term a sentence defines at its end in parentheses ("… Jobs Act of 2017 (the Tax Act).",
# "… the Company (“Acme”).") is the name the sentences after it use for what it spelled out.
_DEFINES_TERM = re.compile(r"\((?:the\s+)?[“\"']?([A-Z][\w&.\- ]{1,40}?)[”\"']?\)\W*$")


def uses_term_defined(before: str, sentence: str) -> bool:
    """Does ``sentence`` use the term ``before`` defines in parentheses at its end? It then
    leans on it ("The more significant provisions of the Tax Act …" after "… (the Tax Act).")."""
    m = _DEFINES_TERM.search(before.rstrip())
    return m is not None and re.search(rf"\b{re.escape(m.group(1).strip())}\b", sentence) is not None


def _computation_cited(answer: Answer) -> Answer:
    """``answer`` citing only what its computation's operands come from: the sentences quoted
    beside a computation ("The three ports together counted …") do not make its rows another
    document's ("US imports from China" computed for "pedestrian crossings at Eagle Pass")."""
    markers = {o.get("citation") for f in answer.figures if f.computed for o in f.operands}
    cited = [c for c in answer.citations if c.marker in markers]
    return replace(answer, citations=cited) if cited else answer


# a name of two or more capitalised words ("World Trade Bridge", "Ciudad Juárez")
_NAME_PHRASE = re.compile(r"(?<![\w.])[A-ZÀ-Ý][\wÀ-ÿ'’\-]*(?:\s+(?:(?:of|de|del|la)\s+)?[A-ZÀ-Ý][\wÀ-ÿ'’\-]*)+")


def listed_among_others(question: str, values: tuple[str, ...] | list[str]) -> bool:
    """Does a name the question writes stand in a row's cells only as one item of a list
    ("World Trade Bridge; Colombia Solidarity Bridge")? Then the row's figure is the list's."""
    for m in _NAME_PHRASE.finditer(question, 1):
        name = fold(m.group(0))
        cells = [fold(v) for v in values if name in fold(v)]
        if cells and all(any(name not in item for item in c.split(";")) for c in cells):
            return True
    return False


def continues(sentence: str) -> bool:
    """Does ``sentence`` continue the one before it (an anaphor or a connective first)?"""
    return bool(_CONTINUES.match(sentence))


# "Sold" and "bought" are the US's exports and imports when the US sells and buys. When the
# sentence says the goods went *to* the United States, or came *from* it, the seller or buyer is
# the partner and the flow is the other one ("it still sold US$4,215.6 million of goods to the
# United States" are US imports; "the six partners bought $25.39 billion of US goods" exports).
_THE_US = r"the\s+(?:United\s+States|U\.?S\.?(?![$\w]))"
_US_GOODS_NOUN = r"\b(?:U\.?S\.?|American)\s+(?:goods|products)\b"  # what a partner buys of the US
_PARTNER_SELLS = re.compile(rf"\b(?:sold|sells?|selling)\b(?=[^;]{{0,80}}?\bto\s+{_THE_US})", re.I)
_PARTNER_BUYS = re.compile(
    rf"\b(?:bought|buys?|buying|received|receives?|receiving|took|takes?|taking)\b"
    rf"(?=[^;]{{0,80}}?(?:\bfrom\s+{_THE_US}|{_US_GOODS_NOUN}))",
    re.I,
)


# Whose sale or purchase it is decides the flow too, when the sentence names the trader: a verb
# whose subject is a named place ("Costa Rica bought US$5,679.8 million", "did Mexico buy …") or a
# purchase / sale its owner names ("Guatemala's purchases", "US sales to the six"). The United
# States selling is the US's exports; any other named trader's buying is the US's exports and its
# selling the US's imports (the library reads trade from the US side).
_TRADE_VERB = re.compile(r"\b(?:bought|buys?|buying|purchased|sold|sells?|selling)\b", re.I)
_TRADE_NOUN = re.compile(r"\b(purchases|sales)\b", re.I)
_NAMED_BEFORE = re.compile(
    r"((?:[A-Z][\w.\-]*\s+(?:of\s+|and\s+)?)*[A-Z][\w.\-]*)(?:['’]s?)?\s+(?:(?:also|still|only)\s+)?$"
)
_US_NAMES = re.compile(r"^(?:the\s+)?(?:United\s+States|U\.?S\.?A?\.?|America|American)$", re.I)
_NOT_TRADERS = re.compile(r"^(?:It|They|This|That|These|Those|He|She|We|Which|Who|What|How|Did|Does|Do)$")


# A name as a sentence writes it ("Gateway to the Americas", "Juárez-Lincoln", "Peru")
_NAME = re.compile(r"[A-Z][\w'’.\-]*(?:\s+(?:of\s+|to\s+the\s+|and\s+)?[A-Z][\w'’.\-]*)*")
# Where a name stands as a place or a partner of trade: after these words
_PLACE_BEFORE = frozenset("from to with into at in".split())
_NOT_HEAD = frozenset("in of on at to from for by with and or was were is are has had in during".split())


def _name_frames(text: str) -> list[tuple[str, str, str]]:
    """Each name of ``text`` (folded), with the word before it and the word after it (lower case)."""
    frames = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        opened = []
        while words and words[0] in _OPENERS:
            opened.append(words.pop(0))  # "The Juárez-Lincoln": the article is not the name
        if not words or _months(" ".join(words)) or text[m.end() : m.end() + 1] == "$":
            continue  # "in January" is a time, "from US$38.4 billion" an amount, not a place
        # "In Progreso …" opening a sentence: the word before the name is its "in"
        before = (
            opened[-1:]
            if opened and opened[-1].lower() in _PLACE_BEFORE
            else re.findall(r"[\w'’]+", text[max(0, m.start() - 30) : m.start()])
        )
        after = re.match(r"\s*([\w'’]+)", text[m.end() :])
        frames.append(
            (fold(" ".join(words)), before[-1].lower() if before else "", after.group(1).lower() if after else "")
        )
    return frames


def _years_of_last_dated(unit: Unit) -> list[str]:
    """The years of the last sentence before ``unit`` in its passage that speaks of some: years it
    only compares with ("… 4.1 percent less than in 2018") are not its own."""
    return _last_own_years(unit.hit.chunk.text[: unit.start])


def _last_own_years(text: str) -> list[str]:
    for a, b in reversed(split_sentences(text)):
        sentence = text[a:b]
        bases = compared_years(sentence)
        own = [y for y in YEAR.findall(sentence) if y not in bases]
        if own:
            return own
    return []


def _years_before_allow(unit: Unit, years: set[str]) -> bool:
    """A sentence stating no year speaks of the years of the last sentence before it that states
    some ("Progreso saw 175 buses in 2008 and just 8 in 2011 … Roma went from 988,340 … to
    623,471" is not 2010's, though the passage names 2010 elsewhere): one of the asked ``years``
    must be among them. With none before it, it speaks of its passage's years."""
    before = _years_of_last_dated(unit)
    return not before or any(y in before for y in years)


def only_compared_with(text: str, year: str) -> bool:
    """Is ``year`` written in ``text`` only as what a figure is compared with, no figure of its own
    beside it ("4.1 percent less than in 2018", "above that of 2018"; not "up from US$4,926.1
    million in 2020", which states 2020's)?"""
    plain = [m.group(1) for m in _COMPARED_YEAR.finditer(text) if m.group(1)]
    return year in plain and YEAR.findall(text).count(year) == plain.count(year)


def compared_years(text: str) -> list[str]:
    """The years ``text`` compares a figure with ("fewer than in 2022", "up from US$4,926.1
    million in 2020")."""
    return [m.group(1) or m.group(2) for m in _COMPARED_YEAR.finditer(text)]


def names_every(names: set[str] | frozenset[str], text: str) -> bool:
    """Does ``text`` write each of the question's ``names`` (folded) as a word?"""
    said = fold(text)
    return bool(names) and all(re.search(rf"\b{re.escape(n)}\b", said) for n in names)


def names_another_of_kind(question: str, asked: set[str] | frozenset[str], text: str) -> bool:
    """Does ``text`` name, where the question names its place or partner, another one: a name
    after "from", "to", "with", "in" … as the question's stands after one ("imports from Peru" /
    "exported to Brazil"), or before the question's head noun ("the Gateway to the Americas bridge"
    / "the Juárez-Lincoln bridge")? Other capitalised words ("the Lunar New Year dip", "named for
    Canadian Pacific") are not the same kind of thing."""
    own = [f for f in _name_frames(question) if any(w in asked for w in f[0].split())]
    after_place = any(before in _PLACE_BEFORE for _, before, _ in own)
    heads = {after for _, _, after in own if after.isalpha() and after not in _NOT_HEAD}
    for name, before, after in _name_frames(text):
        if any(w in asked for w in name.split()):
            continue
        if (after_place and before in _PLACE_BEFORE) or after in heads:
            return True
    return False


def renames_asked(question: str, asked: set[str] | frozenset[str], text: str) -> bool:
    """Does ``text`` write the question's name with another partner in it: the same head words,
    an asked word swapped for another name ("the US-Peru Trade Promotion Agreement" / "the United
    States–Colombia Trade Promotion Agreement")?"""
    for own, _, _ in _name_frames(question):
        own_words = re.split(r"[\s\-–]+", own)
        if len(own_words) < 2 or own_words[-1] in asked and len(asked) == 1:
            continue
        for name, _, _ in _name_frames(text):
            words = re.split(r"[\s\-–]+", name)
            if words[-1] != own_words[-1] or len(words) < 2:
                continue
            swapped_in = set(words) - set(own_words) - asked - _GENERIC_FOLDED
            swapped_out = (set(own_words) & asked) - set(words) - _GENERIC_FOLDED
            if swapped_in and swapped_out:
                return True
    return False


def asks_group(question: str) -> bool:
    """Does ``question`` ask about a group or a sum ("these five states", "Australia, New Zealand
    and Nigeria … in total")?"""
    names = [n for n in _name_frames(question) if n[0] not in _GENERIC_FOLDED]
    return bool(_GROUP.search(question) or re.search(r"\b(?:in )?total\b", question, re.I)) or len(names) >= 2


# a question asking about a part or a share ("what share …", "how much of …")
_ASKS_PART = re.compile(r"\b(?:share|percent|percentage|proportion|how much of|what part)\b", re.I)
# "… 9.73% of the total", "about 39.43% of the national total", "or 72.51% of the US$839.89
# billion total": the sentence's figure is stated as a part of a whole
_PART_OF_TOTAL = re.compile(r"\d\s?%\s+of\s+(?:the\s+|all\s+)?(?:[\w$.,]+\s+){0,3}?(?:total|whole|all)\b", re.I)


def states_a_part(sentence: str, question_terms: set[str]) -> bool:
    """Is ``sentence``'s figure a part of the whole the question asks about ("Vessels carried
    US$81.73 billion of US–Mexico goods trade in 2024, or 9.73% of the total" for "What was
    US–Mexico trade in 2024?"): it gives its figure as a share of a total or as so much "of" the
    whole, and what it says before its first figure (the part: "Vessels carried", "The port of
    Laredo, Texas, handled") holds none of the question's words?"""
    figs = find_figures(sentence)
    # "… or 9.73% of the total"; "… carried US$81.73 billion of US–Mexico goods trade"
    if not figs or not (_PART_OF_TOTAL.search(sentence) or re.match(r"\s+of\s", sentence[figs[0].end :])):
        return False
    subject = sentence[: figs[0].start]
    said = set(term_stems(subject))
    return bool(said) and not said & question_terms


_TYPED_CONTRACTION = re.compile(r"\b(what|who|where|when|how|which)s\b", re.I)
_TRADE_WORD = re.compile(r"\btrade\b(?!\s+(?:deficits?|surplus(?:es)?|balances?|gaps?)\b)", re.I)


def flows_only(sentence: str) -> bool:
    """Does ``sentence`` state exports, imports or a balance and never trade itself?"""
    return bool(measures(sentence) & {"exports", "imports", "balance"}) and not _TRADE_WORD.search(sentence)


def only_part_of_year(sentence: str, years: set[str]) -> bool:
    """Does ``sentence`` date the asked year only in part ("for January–June 2024", "in the first
    half of 2024", "in March 2024")? Its figures are then not the year's."""
    from ..operands import sentence_years

    if not years or not any(y in sentence for y in years):
        return False
    whole = {label for _, label in sentence_years(sentence) if YEAR.fullmatch(label)}
    return not years & whole


def group_figure(sentence: str, names: set[str], years: set[str]) -> bool | None:
    """For a sum asked of several named places or partners: is the asked year's figure of
    ``sentence`` the group's ("Together the five took … $99.92 billion in 2014": the group named
    by its count before it, no member) — True — or a member's ("Brazil alone … US$42,431.7 million
    in 2014") — False? None when the sentence states no figure of the asked year."""
    from ..operands import figure_periods

    ends = [fig.end for fig, period, _ in figure_periods(sentence) if period in years] if years else []
    if not ends:
        return None
    before = sentence[: ends[-1]]
    members = any(re.search(rf"\b{re.escape(n)}", fold(before)) for n in names)
    return bool(_GROUP.search(before)) and not members


def dated_elsewhen(sentence: str, names: set[str], years: set[str], generic: set[str]) -> bool:
    """Are the figures ``sentence`` gives for an asked name all dated to other years than the
    asked ones? "… and Spain a small one that kept shrinking: US$1,074.1 million in 1999, then only
    US$558.7 million in 2001" gives Spain no figure of 2000, though it states 2000 (for the
    Netherlands). A figure belongs to the name written nearest before it; a sentence giving an
    asked name an undated figure, or none, is not judged here."""
    from ..operands import figure_periods

    if not names or not years:
        return False
    asked_words = {w for n in names for w in n.split()}
    first = re.match(r"\s*([\w.\-]+)", sentence)  # ("Norway's": the name before its "'s")
    # "Spain took …" opens with its name (other first words are read as no name)
    mentions = [(0, fold(first.group(1)))] if first and fold(first.group(1)) in asked_words else []
    mentions += [
        (pos, word)
        for pos, word in entity_mentions(sentence)
        if word not in generic and word not in _PRONOUNS  # "They rose …" opens a sentence, names no one
    ]

    def named_before(at: int) -> str:
        word = next((w for pos, w in reversed(mentions) if pos < at), "")
        # "Texas-Mexico ports": a compound of names is each of them
        return next((part for part in re.split(r"[-–/]", word) if part in asked_words), word)

    # the asked year written in another name's stretch only ("the Netherlands … in 2000"), not in
    # the asked one's ("Prozone at 31 December 2019 was INR19 (31 December 2018: INR29)")
    for m in YEAR.finditer(sentence):
        if m.group(0) in years and named_before(m.start()) in asked_words | {""}:
            return False
    own_years: list[str] = []
    for fig, period, after in figure_periods(sentence):
        # "… against US$3,977.8 million from the Dominican Republic": the name written after it
        owner = set(fold(after).split()) or {named_before(fig.start)}
        last = max((pos for pos, _ in mentions if pos < fig.start), default=0)
        if not after and _PRONOUN.search(sentence, last, fig.start):
            return False  # "… even though its own count fell … from 3,026,632 in 2024": whose, not said
        if not owner & asked_words:
            continue
        if not period:
            return False
        own_years.append(period[-4:])
    return bool(own_years) and not set(own_years) & years


_PRONOUN = re.compile(r"\b(?:it|its|they|their|them)\b", re.I)
_PRONOUNS = frozenset("it its they their them this that these those he she his her we our".split())
_NEGATED = re.compile(r"\b(?:not|no|never|excludes?|excluded|excluding)\b", re.I)
_COUNT_IN_WORDS = re.compile(rf"\b(?:{'|'.join(COUNT_WORDS)}|eleven|twelve|dozen)\b", re.I)
_HOW_MANY = re.compile(r"\s*how\s+many\b(?!\s+(?:dollars|pesos|euros|times)\b)", re.I)


def _no_count(sentence: str) -> bool:
    """Does ``sentence`` state figures, all of them amounts of money or percentages?"""
    figs = find_figures(sentence)
    if _COUNT_IN_WORDS.search(sentence):
        return False  # "net outflows in two quarters of 2005": a count written as a word
    return bool(figs) and all(f.currency or f.kind in ("currency", "percent") for f in figs)


_WEB_ADDRESS = re.compile(r"\bhttps?://|\bwww\.", re.I)
# A sum asked of the places or partners a question names ("… combined", "… altogether")
_SUM_ASKED = re.compile(r"\b(?:combined|altogether|together|jointly|in total|total of|sum of)\b", re.I)
# A group or a sum of several partners or places ("the four", "the six states together")
_GROUP = re.compile(
    rf"\b(?:the|all|these|those)\s+(?:{'|'.join(COUNT_WORDS)}|\d+)\b"
    r"(?!\s+(?:years?|months?|quarters?|weeks?|days?|times?|percent)\b)|\btogether\b|\bcombined\b|\bin all\b",
    re.I,
)


# Capitalised words that open a sentence or a question before its subject
_OPENERS = frozenset("The Did Does Do What Which When While Where As And But So Yet If In By".split())


def _trader(text: str, at: int) -> str:
    """ "us", "partner" or "" (none named): who stands right before position ``at`` of ``text``
    (the subject of a verb there, or the owner of a noun). "The Company", "the Group": one
    capitalised word after "the" is a document's defined term for its own subject, not a trader."""
    before = text[max(0, at - 60) : at]
    m = _NAMED_BEFORE.search(before)
    if m is None:
        # "in October 2016 it sold …": the pronoun stands for the last place named before it
        return _antecedent(text[:at]) if _PRONOUN_SUBJECT.search(before) else ""
    words = m.group(1).split()
    the = words[0] in ("The", "Did", "Does", "Do") or bool(re.search(r"\bthe\s+$", before[: m.start(1)]))
    if words[0] in _OPENERS:  # "What America bought …": the sentence's first word is no trader's
        words = words[1:]
    name = " ".join(words)
    if not name or _NOT_TRADERS.match(name) or (the and len(words) == 1 and not _US_NAMES.match(name)):
        return ""
    return "us" if _US_NAMES.match(name) else "partner"


_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:(?:also|still|only|then|again)\s+)?$", re.I)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*")


def _antecedent(text: str) -> str:
    """ "us", "partner" or "": the trader the last place named in ``text`` is."""
    for m in reversed(list(_CAPITALISED_RUN.finditer(text))):
        name = m.group(0)
        if text.startswith("$", m.end()):
            continue  # "US$": a currency
        if _US_NAMES.match(name):
            return "us"
        if fold(name) in ADJECTIVE_OF:
            return "partner"
    return ""


def _first_word_a_name(unit: Unit, question_words: set[str]) -> bool:
    """Is the capitalised word opening ``unit``'s sentence a name, one its passage also writes
    capitalised inside a sentence ("Outflows in Morelos and Hidalgo"), and not the question's?"""
    first = re.match(r"\s*([A-Z][\w\-]+)\b(?!['’])", unit.text)
    if first is None or fold(first.group(1)) in question_words:
        return False
    return (
        re.search(rf"[a-z,]\s+{re.escape(first.group(1))}\b", f"{unit.hit.chunk.section}\n{unit.hit.chunk.text}")
        is not None
    )


def _flow_by_trader(text: str) -> str:
    """``text`` with each purchase or sale a named trader makes written as the US flow it is."""

    def verb(m: re.Match[str]) -> str:
        trader = _trader(m.string, m.start())
        buying = m.group(0).lower().startswith(("b", "p"))
        if trader == "partner":
            return "exports" if buying else "imports"
        return "imports" if trader == "us" and buying else m.group(0)

    def noun(m: re.Match[str]) -> str:
        trader = _trader(m.string, m.start())
        owned = re.search(r"['’]s?\s+$", m.string[: m.start()]) is not None
        if not trader or (trader == "partner" and not owned):
            return m.group(0)  # "Net sales", "Total purchases": no owner named
        buying = m.group(1).lower() == "purchases"
        return "exports" if (trader == "partner") == buying else "imports"

    return _TRADE_NOUN.sub(noun, _TRADE_VERB.sub(verb, text))


def figure_flows(sentence: str, figures: list[FoundFigure]) -> list[str]:
    """The flow each of ``figures`` (of ``sentence``) is a figure of: the flow word written
    nearest before it ("… sold Ukraine more than it bought there: US exports of US$1,907.7 million
    … left surpluses of US$603.0 million"), a partner's sale or purchase read as the US flow it is
    ("Mexico's exports" are US imports); "" where no flow word stands before it."""
    marks: dict[int, str] = {}
    for flow in ("exports", "imports", "balance"):
        for m in _MEASURES[flow].finditer(sentence):
            # a sale or purchase is its trader's ("Mexico sold …"); a noun its owner's ("Mexico's exports")
            verb = _TRADE_VERB.fullmatch(m.group(0)) is not None
            owned = verb or re.search(r"['’]s?\s+$", sentence[: m.start()]) is not None
            partner = flow != "balance" and owned and _trader(sentence, m.start()) == "partner"
            marks[m.start()] = _OTHER_FLOW[flow] if partner else flow
    for pattern, flow in ((_PARTNER_SELLS, "imports"), (_PARTNER_BUYS, "exports")):
        for m in pattern.finditer(sentence):
            marks[m.start()] = flow
    ordered = sorted(marks.items())
    flows = []
    for fig in figures:
        flow = next((flow for pos, flow in reversed(ordered) if pos < fig.start), "")
        # … or the one it is written "of" right after it ("from US$87.2 million of US exports")
        after = next(((pos, f) for pos, f in ordered if pos >= fig.end), None)
        if after is not None and _OF_FLOW.fullmatch(sentence[fig.end : after[0]]):
            flow = after[1]
        flows.append(flow)
    return flows


_OF_FLOW = re.compile(r"\s+(?:of|in)\s+(?:(?:the|its|their|total|all|US|U\.S\.|American|Mexican|Canadian)\s+)*", re.I)


def measures(text: str) -> set[str]:
    """What ``text`` states figures of: flows (exports, imports, balance), share, growth, and
    the transport modes it names."""
    text = _PARTNER_BUYS.sub("exports", _PARTNER_SELLS.sub("imports", text))
    text = _flow_by_trader(text)
    return {name for name, pattern in _MEASURES.items() if pattern.search(text)}


def paragraph_before(unit: Unit) -> str:
    """The section heading of ``unit``'s passage and its paragraph up to the sentence."""
    text = unit.hit.chunk.text[: unit.start]
    paragraph = text[text.rfind("\n\n") + 1 :]
    return f"{unit.hit.chunk.section}\n{paragraph}"


def measure_gap(asked: set[str], stated: set[str]) -> tuple[int, int]:
    """(measures stated and not asked, measures asked and not stated). Transport modes count
    as one measure when the question names none ("trucks, rail and pipelines" is then one
    thing stated too many), and other modes stated beside an asked one do not count against a
    sentence that states it ("trucks carried …, rail …")."""
    modes, directions = set(TransportMode), set(CrossingDirection)
    asked_modes, stated_modes = asked & modes, stated & modes
    extra = len(stated - asked - modes - directions - {"growth", "share"})
    missing = len(asked - stated - modes - directions - {"growth"}) + len(asked_modes - stated_modes)
    if stated_modes and not stated_modes & asked_modes:
        extra += 1  # another mode's figure, or a mode where the question asks about none
    # A direction counts only against the other one: most sentences about a port's entries never
    # say "northbound", and a question that names none accepts either.
    asked_ways, stated_ways = asked & directions, stated & directions
    if asked_ways and stated_ways and not stated_ways & asked_ways:
        extra += 1
    return extra, missing


@dataclass(frozen=True)
class AnswerWeights:
    """Hand-set settings of the parts that are not the fitted scorer (``scoring.py``): how the
    term overlap feature is computed, and how a table row's value column is chosen."""

    context_term: float = 0.5  # a term found only in the title/section counts this much of one in the text
    term_floor: float = 0.1  # added to every term's rarity weight
    extreme_row: float = 0.05  # bonus of a table's extreme row over the row that found its table
    figureless_overlap: float = 0.5  # a figure question without a figure is answered only above this overlap
    # A quoted answer under this probability is weak (the whole-library threshold of before the
    # hard rules decided abstention): it gives way to a table cell that answers, is not quoted
    # beside a computation, nor kept for a "when …" or "how often …" question when it states no
    # date or frequency.
    weak_answer: float = 0.07
    # choosing a table row's value column
    column_size: float = 0.1  # per term in the column name (long names match by chance)
    column_measure: float = 0.75  # per measure the column and the question share
    unasked_rank: float = 1.0  # a rank column when the question asks for no rank
    unasked_pct: float = 0.5  # a percentage column when the question asks for no share


WEIGHTS = AnswerWeights()


_DIGIT = re.compile(r"\d")


_YEAR_SPAN = re.compile(
    rf"\b(?:between\s+({YEAR_PATTERN})\s+and|from\s+({YEAR_PATTERN})\s+(?:to|through|until)|({YEAR_PATTERN})\s*[-–—]\s*)"
    rf"\s*({YEAR_PATTERN})\b",
    re.I,
)


def year_span(question: str) -> tuple[int, int] | None:
    """The period a question names by its first and last years, if it names one."""
    m = _YEAR_SPAN.search(question)
    if m is None:
        return None
    first, last = int(m.group(1) or m.group(2) or m.group(3)), int(m.group(4))
    return (first, last) if first < last else None


@dataclass
class QuestionProfile:
    text: str
    terms: set[str]
    years: set[str]
    names: set[str]  # capitalised names the evidence must mention
    wants_figure: bool
    wants_percent: bool
    acronyms: set[str] = field(default_factory=set)  # IMMEX, FDI: often spelled out, so they only weigh
    months: set[str] = field(default_factory=set)
    quarters: set[int] = field(default_factory=set)  # "the first quarter of 2005", "Q3"
    extreme: str = ""  # "max" | "min" for "which ... most / least" questions
    measures: set[str] = field(default_factory=set)
    asks: str = ""  # the answer type asked for (scoring.asked_type)
    wants_number: bool = False  # "how many …", "how much …", "how big …": only a figure answers
    asks_month: bool = False  # "which month …", "the busiest month …": only a candidate naming a month answers
    span: tuple[int, int] | None = None  # "between 1995 and 1999", "from 1995 to 1999", "1995–1999"

    @classmethod
    def of(cls, question: str) -> QuestionProfile:
        names, acronyms = set(), set()
        words = re.findall(r"[A-Za-zÀ-ÿ][\wÀ-ÿ.'’]*", question.replace("’s", "").replace("'s", ""))
        for i, word in enumerate(words):
            bare = word.rstrip(".'’")
            if i == 0 and len(words) > 3 and not bare.isupper():
                continue  # the first word is capitalised anyway ("Using ...", "Mexico's ...")
            # "Americans" are the generic "American" people, not a name passages must repeat
            generic = bare.lower() in GENERIC_NAMES or (bare.endswith("ns") and bare.lower()[:-1] in GENERIC_NAMES)
            if len(bare) >= 3 and bare[0].isupper() and not generic and not bare.isupper():
                names.add(fold(bare))
            elif bare.isupper() and 3 <= len(bare) <= 6 and bare.lower() not in GENERIC_NAMES:
                acronyms.add(bare.lower())
        return cls(
            text=question,
            terms=set(term_stems(question)),
            years=set(YEAR.findall(question)),
            names=names,
            acronyms=acronyms,
            # a question asking for a reason or a definition wants words, even when it names a
            # change ("the reason for the increase in revenue")
            wants_figure=bool(_FIGURE_WORDS.search(question))
            and not re.match(r"\s*(when|who|what is|what are|define)\b", question, re.I)
            and asked_type(question) not in WORDS_TYPES,
            wants_percent=bool(
                re.search(r"\b(percent|percentage|share|%|proportion|portion|fraction)\b", question, re.I)
            ),
            months=_months(question),
            quarters=named_quarters(question),
            extreme=(
                "min" if _LEAST.search(question) else "max" if _MOST.search(question) else superlative_asked(question)
            ),
            measures=measures(question),
            asks=asked_type(question),
            # … "what was the euro worth": a price asked, as "how much"
            wants_number=bool(re.search(r"\bhow (?:many|much|big|large|high|low|small)\b|\bworth\b", question, re.I)),
            span=year_span(question),
            asks_month=bool(_ASKS_MONTH.search(question)),
        )


@dataclass(frozen=True)
class NamedTwoWays:
    """A question's acronyms ("NBER") and its spelled-out names ("Bureau of Transportation
    Statistics" = BTS, acronyms.py): a passage writing either form names the same thing."""

    acronyms: frozenset[str]  # upper case
    spelled: dict[str, str]  # the question's acronym-like names: initials -> words

    @classmethod
    def of(cls, profile: QuestionProfile) -> NamedTwoWays:
        return cls(
            frozenset(a.upper() for a in profile.acronyms),
            {letters: words for letters, words in spelled_forms(profile.text)},
        )

    def acronyms_met(self, text: str) -> set[str]:
        """The question's acronyms (lower case) ``text`` spells out."""
        return {a.lower() for a in self.acronyms & spelled_acronyms(text)} if self.acronyms else set()

    def _written(self, text: str) -> list[str]:
        """The spelled-out names of the question whose acronym ``text`` writes."""
        return [self.spelled[a] for a in acronyms_in(text) & self.spelled.keys()] if self.spelled else []

    def names_met(self, text: str) -> set[str]:
        """Words (folded) of the question's spelled-out names whose acronym ``text`` writes."""
        return {fold(w) for words in self._written(text) for w in words.split()}

    def terms_met(self, text: str) -> set[str]:
        """Question term stems ``text`` holds in the other form: an acronym spelled out, or a
        spelled-out name's acronym."""
        met = self.acronyms_met(text)
        for words in self._written(text):
            met |= set(term_stems(words))
        return met


@dataclass(frozen=True)
class UnitFeatures:
    """What scoring found out about a candidate; the defaults are an unscored candidate's."""

    sim: float = 0.0  # cosine with the question
    overlap: float = 0.0  # weighted share of the question's terms
    years_ok: bool = True  # every year of the question stated near the candidate
    names_missing: tuple[str, ...] = ()  # names of the question its passage lacks
    months_ok: bool = True  # every month and quarter of the question stated near the candidate
    other_flow: bool = False  # states other flows only, or none in a paragraph of the flow not asked
    has_figure: bool = False  # a figure in the sentence, or a table row
    gives_cause: bool = True  # states a cause ("due to", "because", "driven by" …)
    acronyms_missing: int = 0  # acronyms of the question its passage neither writes nor spells out
    about_other: bool = False  # its figures are all another entity's, and it lacks a name asked
    dated_elsewhen: bool = False  # its figures for an asked name are all of other years (``dated_elsewhen``)
    # a sum asked of several named: its asked year's figure is the group's (True), a member's
    # (False), or it states none (None) — ``group_figure``
    group: bool | None = None
    at_figure: bool = False  # a clause stating a figure names an entity of the question
    others_at_figure: bool = False  # the figures' clauses name other entities, none of the question's


@dataclass
class _Opening:
    """A document's opening passage, read once per question for all its candidates: folded, for the
    names it states; its affirming sentences, for the directions it counts ("Southbound traffic is
    not counted" names the direction the note leaves out)."""

    text: str

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def affirmed(self) -> str:
        sentences = (self.text[a:b] for a, b in split_sentences(self.text))
        return " ".join(s for s in sentences if not _NEGATED.search(s))


@dataclass
class Unit:
    """A candidate answer unit: one sentence of a passage, or one table row."""

    hit: Hit
    rank: int
    start: int  # span within the chunk text
    end: int
    text: str
    column: str = ""
    note: str = ""  # e.g. "highest us_exports_usd_billions among 15 rows for 2025"
    marked: str = ""  # a footnote's subject: the table labels carrying its marker (footnotes.py)
    score: float = 0.0
    features: UnitFeatures = field(default_factory=UnitFeatures)

    @property
    def context(self) -> str:
        return f"{self.hit.doc.title} {self.hit.chunk.section} {self.hit.chunk.table}"


_OTHER_FLOW = {"exports": "imports", "imports": "exports"}
# Flows a sentence says in words ``measures`` does not read as one: sales and shipments to a
# partner (or "there") and US goods a partner receives are US exports, purchases and shipments from one US imports, exporters
# and importers trade the flow they are named for, and trade with a partner is both ways.
_SAID_FLOWS = {
    "exports": re.compile(
        r"\b(?:sales|shipments)\s+(?:to|there)\b|\bexporters?\b|"
        rf"\b(?:received|receives?|took|takes|bought|buys)\b[^.;]{{0,30}}?{_US_GOODS_NOUN}",
        re.I,
    ),
    "imports": re.compile(r"\b(?:purchases|shipments)\s+from\b|\bimporters?\b", re.I),
    "trade": re.compile(r"\btrade\s+(?:with|between)\b", re.I),
}


def said_flows(text: str) -> set[str]:
    """The trade flows ``text`` says in so many words: sales or shipments to a partner, purchases
    or shipments from one, exporters, importers, trade with one. (Who buys from whom, read by
    ``measures``, and a balance beside flows said in other words — "a gap of …" after "brought
    in" — are not certain enough to refuse a sentence on.)"""
    return {flow for flow, pattern in _SAID_FLOWS.items() if pattern.search(text)}


_QUARTER = re.compile(
    r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th|(?:last|final)(?=\s+quarter\s+of\b))\s+quarter|q([1-4])|"
    r"(first|last)\s+three\s+months)\b",
    re.I,
)
# "the last three months", "the last (final) quarter of 2021"
_QUARTER_NUMBER = {**QUARTER_ORDINALS, "last": 4, "final": 4}


# In a text about quarters, an ordinal alone ("two quarters of 2005: … in the third and … in the
# fourth") or the start or end of a year names one
_QUARTER_WORD = re.compile(r"\bquarters?\b", re.I)
_BARE_QUARTER = re.compile(r"\b(first|second|third|fourth)\b|\b(start|beginning|end)\s+of\b", re.I)
_EDGE_QUARTER = {"start": 1, "beginning": 1, "end": 4}


def named_quarters(text: str) -> set[int]:
    """The quarters ``text`` names ("the first quarter", "Q3", "the last three months of 2005")."""
    named = {
        int(m.group(2)) if m.group(2) else _QUARTER_NUMBER[(m.group(1) or m.group(3)).lower()]
        for m in _QUARTER.finditer(text)
    }
    if _QUARTER_WORD.search(text):
        named |= {
            _QUARTER_NUMBER[m.group(1).lower()] if m.group(1) else _EDGE_QUARTER[m.group(2).lower()]
            for m in _BARE_QUARTER.finditer(text)
        }
    return named


def _months(text: str) -> set[str]:
    return {m.lower()[:3] for m in MONTH.findall(text)}


_MONTH_RANGE = re.compile(rf"\b(?:{MONTH_NAMES})\s*(?:[-–—]|to|through|until)\s*(?:{MONTH_NAMES})\b")


def _single_months(text: str) -> set[str]:
    """The months ``text`` names on their own, not as an end of a range ("January–August 2022"
    is the eight months' figure, not August's)."""
    return _months(_MONTH_RANGE.sub(" ", text))


_MONTH_QUARTER = {m.lower()[:3]: i // 3 + 1 for i, m in enumerate(MONTHS)}  # as ``_months`` names them


def _months_outside(quarters: set[int], sentence: str) -> bool:
    """Does ``sentence`` name months, none of them in ``quarters`` ("In October 2014 …" for a
    question about the third quarter)? Its figures are then another period's, whatever quarter
    its paragraph names."""
    named = {_MONTH_QUARTER[m] for m in _months(sentence)}
    return bool(named) and not named & quarters


def _numeric(value: str) -> bool:
    return bool(re.fullmatch(r"[-−]?[$]?\d[\d,]*(?:\.\d+)?%?", value.strip()))


_LABEL_COLUMNS = re.compile(r"^(year|month|quarter|period|date|hs2?|code|rank|id)\b", re.I)


def choose_column(
    profile: QuestionProfile, columns: tuple[str, ...], values: tuple[str, ...], w: AnswerWeights = WEIGHTS
) -> str:
    """The value column of a table row that the question asks for, or "" for the whole row."""
    best, best_score = "", 0.0
    wanted = {_SYNONYMS.get(t, t) for t in profile.terms}
    asks_rank = "rank" in wanted
    for col, value in zip(columns, values, strict=False):
        if not _numeric(value) or _LABEL_COLUMNS.match(col):
            continue
        col_terms = {_SYNONYMS.get(t, t) for t in term_stems(col.replace("_", " "))}
        score = len(col_terms & wanted) / (1 + w.column_size * len(col_terms))
        score += w.column_measure * len(measures(col.replace("_", " ")) & profile.measures)
        if "rank" in col_terms and not asks_rank:
            score -= w.unasked_rank
        if "pct" in col_terms and not (profile.wants_percent or "pct" in wanted):
            score -= w.unasked_pct
        if score > best_score:
            best, best_score = col, score
    return best


class ExtractiveAnswerer:
    """Picks sentences and rows from retrieved hits; states no figure its source does not hold."""

    name: str = AnswererName.EXTRACTIVE

    def __init__(
        self,
        embedder,
        max_units: int = 3,
        min_score: float | None = None,
        scoped_min_score: float | None = None,
        table_rows=None,
        max_encoded: int = 24,
        weights: AnswerWeights = WEIGHTS,
        tables_for=None,
        table_catalogue=None,
        scorer: FittedScorer | None = None,
    ):
        self.embedder = embedder
        self.table_catalogue = table_catalogue  # () -> every data table's rows: operands the hits lack
        self.weights = weights
        self.scorer = scorer or shipped_scorer()
        self.tables_for = tables_for  # doc_id -> list[tables.Table]: cell answers (cells.py)
        self.max_encoded = max_encoded
        # doc_id -> its row chunks; lets "which ... most" questions scan a whole table.
        self.table_rows = table_rows
        self.max_units = max_units
        # abstain when the best candidate's probability is below this (the scorer's, chosen on dev)
        self.min_score = self.scorer.threshold if min_score is None else min_score
        # … and when the user chose the documents (``within``): their own threshold, also chosen on dev
        self.scoped_min_score = self.scorer.threshold_within if scoped_min_score is None else scoped_min_score

    def within(self, documents: frozenset[str]) -> ExtractiveAnswerer:
        """This answerer reading only ``documents``: the data tables it looks through beyond the
        retrieved passages (for operands, cells and rankings) are theirs alone, and it abstains
        below the threshold for chosen documents."""
        scoped = copy.copy(self)
        scoped.min_score = self.scoped_min_score
        everything = self.table_catalogue
        if everything is not None:
            scoped.table_catalogue = lambda: [t for t in everything() if t and t[0].chunk.doc_id in documents]
        return scoped

    # -- candidate units --------------------------------------------------------------------
    def units(self, profile: QuestionProfile, hits: list[Hit]) -> list[Unit]:
        units: list[Unit] = []
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            if chunk.row is not None:
                column = choose_column(profile, chunk.columns, chunk.values, self.weights)
                units.append(Unit(hit, rank, 0, len(chunk.text), chunk.text, column=column))
                continue
            units += self._sentence_units(profile, hit, rank)
        return units + self._notes(units)

    def _sentence_units(self, profile: QuestionProfile, hit: Hit, rank: int) -> list[Unit]:
        # A sentence that continues the one before it ("These amounts are not included …",
        # "In addition, …") says little alone: the two are read, and quoted, as one unit.
        # A question asking for a reason: a sentence stating a change and the next one
        # giving its cause ("… increased by $14 million. The increase is mainly
        # attributable to …") are read, and quoted, as one unit too.
        chunk = hit.chunk
        spans: list[tuple[int, int]] = []
        joined = False  # the last span already holds two sentences
        for a, b in split_sentences(chunk.text):
            sentence = chunk.text[a:b]
            if len(sentence) < 25 or sentence.lstrip().startswith("#"):
                continue
            before = chunk.text[spans[-1][0] : spans[-1][1]] if spans else ""
            leans = (
                continues(sentence)
                or (bool(spans) and uses_term_defined(before, sentence))
                or (profile.asks == REASON and bool(spans) and states_cause(sentence) and not states_cause(before))
            )
            if spans and not joined and leans and "\n\n" not in chunk.text[spans[-1][1] : a]:
                spans[-1], joined = (spans[-1][0], b), True
            else:
                spans.append((a, b))
                joined = False
        return [Unit(hit, rank, a, b, chunk.text[a:b], marked=self._marked(chunk, a, b)) for a, b in spans]

    def _notes(self, units: list[Unit]) -> list[Unit]:
        """The footnotes that retrieved table lines point at ("| Recorded investment (1) | …" and
        "(1) Includes deferred initial direct costs …"), as candidates of their own, from wherever
        in the document they stand: the note is the row's evidence, and says what its label
        includes or excludes, though it shares no word with the question."""
        if self.table_rows is None:
            return []
        have = {(u.hit.chunk.doc_id, note_marker(u.text)) for u in units}
        wanted: dict[tuple[str, str], Unit] = {}
        for u in units:
            for marker in line_markers(u.text) if u.hit.chunk.row is None else ():
                if (u.hit.chunk.doc_id, marker) not in have:  # the note was retrieved itself
                    wanted.setdefault((u.hit.chunk.doc_id, marker), u)
        notes: list[Unit] = []
        for doc_id in dict.fromkeys(d for d, _ in wanted):
            # a document's passages are read once, for every marker its lines carry; a marker's
            # first note in the document is its note
            for chunk in (c for c in self.table_rows(doc_id) if c.row is None):
                for a, b in split_sentences(chunk.text):
                    line = wanted.pop((doc_id, note_marker(chunk.text[a:b])), None)
                    if line is not None:
                        hit = replace(line.hit, chunk=chunk)
                        notes.append(Unit(hit, line.rank, a, b, chunk.text[a:b], marked=self._marked(chunk, a, b)))
        return notes

    def _passages(self, doc_id: str, passages: dict[str, list[Chunk]]) -> list[Chunk]:
        """Document ``doc_id``'s passages (not its table rows) in order, read once per question
        into ``passages``."""
        if doc_id not in passages:
            own = [c for c in self.table_rows(doc_id) if c.row is None] if self.table_rows is not None else []
            passages[doc_id] = sorted(own, key=lambda c: c.start)
        return passages[doc_id]

    def _lead(self, doc_id: str, leads: dict[str, _Opening], passages: dict[str, list[Chunk]]) -> _Opening:
        """The opening passage of document ``doc_id`` (kept per question in ``leads``)."""
        if doc_id not in leads:
            chunks = self._passages(doc_id, passages)
            leads[doc_id] = _Opening(chunks[0].text if chunks else "")
        return leads[doc_id]

    def _years_above(self, chunk: Chunk, passages: dict[str, list[Chunk]]) -> list[str]:
        """The years of the last sentence stating some in the prose passages of ``chunk``'s
        section before it."""
        for c in reversed(self._passages(chunk.doc_id, passages)):
            if (
                c.end <= chunk.start
                and not c.in_table
                and c.section == chunk.section
                and (years := _last_own_years(c.text))
            ):
                return years
        return []

    def _opening_text(self, doc_id: str) -> str:
        return self._lead(doc_id, {}, {}).text

    def _rest_of_document(self, answer: Answer, hits: list[Hit]) -> list[Hit]:
        """The prose passages of the cited document that retrieval did not bring, ranked after the
        hits: a report states its table's "31,421" as "$31.4 million" a page away from it."""
        if self.table_rows is None or not answer.citations:
            return []
        doc_id = answer.citations[0].doc_id
        own = next((h for h in hits if h.chunk.doc_id == doc_id), None)
        if own is None:
            return []
        seen = {h.chunk.chunk_id for h in hits}
        return [
            replace(own, chunk=c)
            for c in self.table_rows(doc_id)
            if c.row is None and not c.in_table and c.chunk_id not in seen
        ]

    def _marked(self, chunk, a: int, b: int) -> str:
        """For a footnote ("(1) Includes …"), the labels of its document's table rows that
        carry its marker ("Recorded investment (1)"): what the note is about."""
        marker = note_marker(chunk.text[a:b])
        if not marker or self.tables_for is None:
            return ""
        return "; ".join(labels_marked(marker, list(self.tables_for(chunk.doc_id))))

    def score(self, profile: QuestionProfile, units: list[Unit]) -> None:
        """Each unit's score: the fitted scorer's probability that it answers the question."""
        if not units:
            return
        for unit, p in zip(units, self.scorer.probabilities(self.features(profile, units)), strict=True):
            unit.score = float(p)

    def features(self, profile: QuestionProfile, units: list[Unit]) -> np.ndarray:
        """The rows of ``scoring.FEATURES`` for ``units`` (one row each); sets ``unit.features``."""
        w = self.weights
        # Question terms weigh by how rare they are among the candidates ("balance" tells more
        # than "trade" here), and synonyms ("deficit" ~ "balance") count as the same term.
        terms = {_SYNONYMS.get(t, t) for t in profile.terms - set(profile.years)}
        named = NamedTwoWays.of(profile)
        subject = own_subject(profile.text)  # "the company's …": the report's own, "we" / "our" in its text
        own_terms = [
            stated_terms(f"{u.marked} {u.text}")
            | named.terms_met(u.text)
            | (subject if _FIRST_PERSON.search(u.text) else set())
            for u in units
        ]
        ctx_terms = [{_SYNONYMS.get(t, t) for t in term_stems(u.context)} | named.terms_met(u.context) for u in units]
        weight = {t: math.log(1 + len(units) / (1 + sum(t in o for o in own_terms))) + w.term_floor for t in terms}
        total = sum(weight.values())
        overlaps = [
            (
                sum(weight[t] * (1.0 if t in own else w.context_term if t in ctx else 0.0) for t in terms) / total
                if total
                else 0.0
            )
            for own, ctx in zip(own_terms, ctx_terms, strict=False)
        ]
        # Encoding is the cost of an ask: only the candidates with the most term overlap (and
        # the best-ranked passages) are read by the encoder; the others cannot win anyway.
        order = sorted(range(len(units)), key=lambda i: (-overlaps[i], units[i].rank))
        keep = set(order[: self.max_encoded])
        q = np.asarray(self.embedder.embed_query(profile.text))
        texts = [
            f"{u.hit.doc.title}. {u.hit.chunk.section}: {u.text}"
            if u.hit.chunk.row is not None
            else f"{u.hit.chunk.section}: {u.marked + ': ' if u.marked else ''}{u.text}"
            for u in units
        ]
        encode = getattr(self.embedder, "embed_cached", self.embedder.embed_documents)
        picked = sorted(keep)
        sims = np.zeros(len(units))
        if picked:
            sims[picked] = np.asarray(encode([texts[i] for i in picked])) @ q
        asked = asked_type(profile.text)
        names = proper_names(
            profile.text, profile.names, {u.hit.chunk.chunk_id: u.hit.chunk.text for u in units}.values()
        )
        question_words = {fold(x) for x in re.findall(r"[\w'’.\-]+", profile.text)} | profile.names
        # "Chinese imports" are imports from China: a country's adjective is met by the country
        focus_names = {DEMONYMS.get(n, n) for n in names}
        # words that name no other entity than the question's: its own words and its countries'
        # adjectives ("Mexican crude oil" in a sentence about imports from Mexico)
        asked_words = frozenset(question_words | {ADJECTIVE_OF[n] for n in focus_names if n in ADJECTIVE_OF})
        demonyms = asked_words - question_words
        group_asked = asks_group(profile.text)
        sum_asked = len(focus_names) >= 2 and bool(_SUM_ASKED.search(profile.text))
        rows = np.zeros((len(units), len(FEATURES)))
        leads: dict[str, _Opening] = {}
        passages: dict[str, list[Chunk]] = {}  # each document's, read once for its lead and its section years
        # the years the question itself compares with ("… from 2018", "as compared to 2018"): a
        # passage that only compares with them speaks of them as the question does
        compared_asked = {
            y
            for y in profile.years
            if re.search(
                rf"\b(?:from|since|compared (?:with|to)|than|over|versus|vs\.?)\s+(?:in\s+)?(?:fiscal\s+)?{y}",
                profile.text,
                re.I,
            )
        }
        # the one year asked, where the question does not itself compare with it
        single_year = next(iter(profile.years)) if len(profile.years) == 1 and not compared_asked else None
        for i, (unit, sim, overlap) in enumerate(zip(units, sims, overlaps, strict=False)):
            is_row = unit.hit.chunk.row is not None
            # the periods its relative phrases stand for ("the same month a year earlier") written out
            dated = unit.text if is_row else with_dates_resolved(unit.text, unit.hit.doc.title)
            if not is_row and _THOSE_YEARS.search(dated):
                # "… were US$3,858.0 million, US$5,689.3 million and US$4,717.8 million in those
                # years": the years the sentence before it names
                lead_in = paragraph_before(unit).rstrip()
                last = lead_in[max(lead_in.rfind(". "), lead_in.rfind("\n")) + 1 :]
                dated = f"{dated} ({', '.join(YEAR.findall(last))})"
            lower = fold(f"{unit.context} {dated}")
            # A title like "..., 2019–2023" spans years; the year must be in the passage or its section.
            near = f"{unit.hit.chunk.section} {dated}"
            title_years = set(YEAR.findall(unit.hit.doc.title))
            if len(title_years) == 1 and not is_row and (title_year := title_years.pop()) not in dated:
                # "… 37.3 percent fewer than in December 2022", in a report titled "… 2023": a
                # sentence whose years are all years compared with speaks of the report's one year
                # ("… counted 531,128 railcars, 1.0 percent fewer than in 2022"), and one comparing
                # asked years speaks of both
                years_said = YEAR.findall(dated)
                years_compared = compared_years(dated)
                if (years_said and len(years_compared) == len(years_said)) or (
                    len(profile.years) > 1 and any(y in dated for y in profile.years)
                ):
                    dated = f"{dated} ({title_year})"
                    near = f"{near} {title_year}"
            elif not is_row and (bases := compared_years(dated)) and set(bases) == set(YEAR.findall(dated)):
                # "American sales there rose 53.4 percent, to US$2,649.2 million, … up from US$4,926.1
                # million in 2020": a sentence whose years are all years it compares with speaks of
                # the years of the last sentence before it that states others ("Finland had its best
                # year in 2022.")
                inherited = [y for y in _years_of_last_dated(unit) if y not in bases]
                if inherited:
                    dated = f"{dated} ({', '.join(inherited)})"
                    near = f"{near} {' '.join(inherited)}"
            years_ok = all(y in near for y in profile.years) if profile.years else True
            some_year = any(y in near for y in profile.years) if profile.years else True
            if single_year is not None and not is_row and only_compared_with(unit.text, single_year):
                # "… US$96,299.5 million, 4.1 percent less than in 2018" states no figure of 2018,
                # unless 2018 is what the question compares with too ("the increase … from 2018")
                years_ok = some_year = False
            own_years = set(YEAR.findall(dated))
            if profile.years and own_years and not own_years & profile.years and unit.hit.chunk.row is None:
                # a sentence naming years of its own, none asked, speaks of them: a heading
                # listing several years ("National totals: 1999, 2013 and 2017") does not reach it
                years_ok = some_year = False
            if profile.span and (asked == NAME or asked in DATE_TYPES) and not years_ok and own_years:
                # "Which … between 1995 and 1999?" asks about the period: a sentence whose years
                # all fall within it ("… 1996 became the only year …") speaks of it
                years_ok = some_year = all(profile.span[0] <= int(y) <= profile.span[1] for y in own_years)
            # The question's years stated elsewhere in the passage (title included) stand for a
            # sentence that states no year of its own: it speaks of its passage's period.
            in_passage = (
                bool(profile.years)
                and not years_ok
                and all(
                    y in f"{unit.context} {unit.hit.chunk.text}"
                    and (y in compared_asked or not only_compared_with(unit.hit.chunk.text, y))
                    for y in profile.years
                )
            )
            from_passage = in_passage and not YEAR.search(dated) and _years_before_allow(unit, profile.years)
            # … and for a change stated for a year, which is a change from the year before unless
            # it says otherwise: "… rose 12.0 percent … in 2025" answers "from 2024 to 2025".
            year_on_year = (
                in_passage
                and profile.span is not None
                and profile.span[1] - profile.span[0] == 1
                and own_years == {str(profile.span[1])}
                and _MEASURES["growth"].search(dated) is not None
            )
            # A passage stating no year at all speaks of the years of the last sentence stating
            # some before it in its section: "Fiscal Year 2018 Compared with Fiscal Year 2017"
            # dates the paragraphs under it.
            from_section = (
                bool(profile.years)
                and not years_ok
                and not is_row
                and not YEAR.search(f"{unit.context} {unit.hit.chunk.text}")
                and all(y in self._years_above(unit.hit.chunk, passages) for y in profile.years)
            )
            if from_passage or year_on_year or from_section:
                years_ok = some_year = True
            # Names may stand anywhere in the passage around the sentence ("Mexico" is often
            # named once per paragraph), not only in the quoted sentence.
            # … and a table row by whose data its table reports: "according to BTS" is met by a
            # BTS table; an article by the data sources it declares ("… at Texas-Mexico ports of
            # entry" meets "from Mexico"), not by its publisher
            doc = unit.hit.doc
            whose = doc.whose_data if unit.hit.chunk.row is not None else "; ".join(s[0] for s in doc.data_sources if s)
            passage_text = f"{unit.context} {unit.hit.chunk.text} {whose}"
            passage = fold(passage_text)
            spelled_names = named.names_met(passage_text)  # "BTS" in the passage meets "Bureau of …"
            # "Chinese" met by "China", "Mexico's FDI" by "six central Mexican states", "Washington"
            # by the country it governs, "BTS" by "Bureau of Transportation Statistics"
            names_missing = [n for n in names if not named_in(n, passage) and n not in spelled_names]
            if is_row:
                # a row naming its own place ("partner: Mexico") is that place's, whatever else its
                # table's title names ("U.S. trade with Mexico and with Canada")
                # (a row of one of several asked places is an asked place's: "… with Mexico and Canada")
                row_places = {fold(v) for v in unit.hit.chunk.values if fold(v) in ADJECTIVE_OF}
                if row_places and not row_places & set(names):
                    names_missing += [n for n in names if n in ADJECTIVE_OF and n not in names_missing]
            if names_missing and not is_row:
                # a name the document's opening passage states is its subject, which every passage
                # of it speaks of ("… entering the United States from Mexico" heads a note whose
                # TRUCKS section never writes "Mexico")
                lead = self._lead(unit.hit.chunk.doc_id, leads, passages).folded
                names_missing = [n for n in names_missing if n not in lead and DEMONYMS.get(n, n) not in lead]
            group = group_figure(unit.text, focus_names, profile.years) if sum_asked and not is_row else None
            if group and names_missing:
                # "Together the five took …": the group's figure, which names its members by their count
                names_missing = []
            unwritten = {a for a in profile.acronyms if a not in passage}
            figs = find_figures(unit.text)
            has_figure = bool(figs) or is_row
            extra = missing = 0
            measure_from_passage = other_flow = False
            # a ranking is of a measure too: "the biggest customer for American goods" is not
            # named by a sentence ranking what the partners sold
            if profile.wants_figure or profile.extreme:
                stated = (
                    measures(unit.column.replace("_", " "))
                    if unit.column
                    else (set() if is_row else measures(unit.text))
                )
                if is_row:  # a row of a table by mode is about the mode its label names ("Air")
                    labels = " ".join(v for v in unit.hit.chunk.values if not _numeric(v))
                    stated |= measures(labels) & set(TransportMode)
                asked_measures = profile.measures
                if not profile.wants_figure:
                    # a ranking asked for no figure: only the flow it names is checked ("which
                    # mode …" is answered by a sentence naming modes)
                    asked_measures = asked_measures & set(_OTHER_FLOW)
                    stated = stated & set(_OTHER_FLOW) if asked_measures else set()
                extra, missing = measure_gap(asked_measures, stated)
                if missing and not is_row and not stated - {"growth"}:
                    # A sentence that states no measure of its own ("Guatemala's purchases grew
                    # … to US$4,065.1 million in 2007") speaks of its paragraph's: the measures
                    # stated before it there (or in its section heading) stand for it.
                    before = measures(paragraph_before(unit))
                    if not before & set(_OTHER_FLOW):
                        # … and where its paragraph states no flow either, its document's title does
                        # ("US surface exports to five Mexican states, 2020–2021")
                        before |= measures(unit.hit.doc.title) & set(_OTHER_FLOW)
                    _, missing_after = measure_gap(asked_measures, stated | before)
                    measure_from_passage = missing_after < missing
                    missing = missing_after
                    # … so a paragraph of imports makes it a figure of imports, not of exports
                    other_flow = any(
                        flow in profile.measures and flow not in before and _OTHER_FLOW[flow] in before
                        for flow in _OTHER_FLOW
                    )
                asked_flows = profile.measures & set(_OTHER_FLOW)
                if len(asked_flows) == 1 and not is_row:
                    # "US shipments there rose …", "the surplus with Chile …": a sentence that
                    # states flows, none of them the one asked, is not a figure of it
                    said = said_flows(unit.text)
                    other_flow = other_flow or bool(said and not (said | measures(unit.text)) & asked_flows)
                    if not (other_flow or profile.wants_percent or profile.asks == PERCENT):
                        # … nor one whose every amount is of another flow ("US exports of … left
                        # surpluses of …", asked what the US bought)
                        flows = [
                            f for f, g in zip(figure_flows(unit.text, figs), figs, strict=True) if g.kind != "percent"
                        ]
                        other_flow = bool(flows) and all(flows) and not asked_flows & set(flows)
            asked_way = profile.measures & set(CrossingDirection)
            if len(asked_way) == 1 and not is_row and not other_flow:
                # a count of one direction of crossing, as its sentence, paragraph or document
                # says ("This note follows … northbound trucks"), does not answer the other
                affirmed = self._lead(unit.hit.chunk.doc_id, leads, passages).affirmed
                said_way = measures(f"{paragraph_before(unit)} {unit.text} {affirmed}") & set(CrossingDirection)
                other_flow = bool(said_way) and not said_way & asked_way
            asked_mode = profile.measures & set(TransportMode)
            if len(asked_mode) == 1 and not is_row and not other_flow:
                # … nor a figure of another mode ("Truck imports from Mexico …", asked pipeline imports)
                said_modes = measures(unit.text) & set(TransportMode)
                other_flow = bool(said_modes) and not said_modes & asked_mode
            kinds = stated_types(unit.text, figs, is_row, question_words)
            if NAME not in kinds and not is_row and _first_word_a_name(unit, question_words):
                kinds.add(NAME)  # "Morelos took in …": a name opening the sentence is a name too
            focus = entity_focus(focus_names, unit.text, figs, _GENERIC_FOLDED, is_row, asked_words)
            values = {
                "similarity": float(sim),
                "not_encoded": float(i not in keep),
                "overlap": overlap,
                "passage_rank": 1.0 / (1 + unit.rank),
                "table_row": float(is_row),
                "length": min(len(unit.text), 400) / 400,
                "table_line": float(not is_row and unit.text.count("|") >= 2),
                "spans_lines": float(not is_row and "\n" in unit.text.strip()),
                # spelled out only where the acronym itself is not written ("NBER" or "National Bureau …")
                "acronyms_missing": len(unwritten - named.acronyms_met(passage_text)) if unwritten else 0,
                "year_partly_missing": float(bool(profile.years) and not years_ok and some_year),
                "year_missing": float(bool(profile.years) and not some_year),
                "year_from_passage": float(from_passage),
                "other_years": float(bool(profile.years) and bool(set(YEAR.findall(dated)) - profile.years)),
                "names_missing": len(names_missing),
                "month_missing": float(bool(profile.months) and not any(m in lower for m in profile.months)),
                "no_figure": float(profile.wants_figure and not has_figure),
                "extra_measure": extra,
                "missing_measure": missing,
                "measure_from_passage": float(measure_from_passage),
                "type_match": float(asked in FIGURE_TYPES and asked in kinds),
                "date_match": float(asked in DATE_TYPES and asked in kinds),
                "words_match": float(bool(asked) and asked not in FIGURE_TYPES | DATE_TYPES and asked in kinds),
                "type_missing": float(bool(asked) and asked not in kinds),
                "name_in_sentence": focus.in_sentence,
                "name_at_figure": float(focus.at_figure),
                # "which …?" asks for an entity the question cannot name: another one at the
                # figure, or a total beside it, is what the answer looks like, not a miss of focus
                # … and a sum asked of several ("France, Italy, the Netherlands and Spain
                # combined") is the group's figure: one member's is another entity's
                "other_at_figure": float(focus.other_at_figure and asked != NAME and group is not True),
                "total_not_name": float(focus.total_not_name and asked != NAME and group is not True),
                "superlative_match": float(
                    bool(profile.extreme) and states_superlative(unit.text, profile.extreme, profile.years)
                ),
            }
            rows[i] = [values[f] for f in FEATURES]
            # A month as a year: in the sentence or its heading, or in its passage when the
            # sentence names no month of its own ("In March 2019 … . Imports were …").
            months_ok = (
                not profile.months
                or profile.months <= _months(f"{unit.context} {dated}")
                or (not MONTH.search(dated) and profile.months <= _months(unit.hit.chunk.text))
            )
            if is_row and profile.months:
                # a row's month is its own: the caption's range ("January 2022 - June 2024") does
                # not make the August row the figure of "January through August 2022"
                months_ok = profile.months <= _months(f"{dated} {unit.column}")
            elif profile.months and not month_span(profile.text) and MONTH.search(dated):
                # one month asked: a sentence naming it only as a range's end speaks of the range
                months_ok = months_ok and profile.months <= _single_months(f"{unit.context} {dated}")
            # … and a quarter as a month ("the first quarter of 2005" is not "quarter by quarter")
            months_ok = months_ok and (
                not profile.quarters
                or profile.quarters <= named_quarters(f"{unit.context} {dated}")
                or (not named_quarters(dated) and profile.quarters <= named_quarters(unit.hit.chunk.text))
            )
            unit.features = UnitFeatures(
                sim=float(sim),
                overlap=overlap,
                years_ok=years_ok,
                months_ok=months_ok,
                other_flow=other_flow,
                names_missing=tuple(names_missing),
                has_figure=has_figure,
                gives_cause=states_cause(unit.text) or states_purpose(profile.text, unit.text),
                # (an acronym of four letters or more: "FY2018", "F19" are years, and a three-letter
                # one is often spelled out in ways the reader does not match: "PPE"), where the
                # passage or its title names another one instead (the USMCA's act for CAFTA-DR's; a
                # note on "the first joint review" naming no agreement may still be about the one asked)
                acronyms_missing=len(
                    {a for a in unwritten - named.acronyms_met(passage_text) if _LONG_ACRONYM.fullmatch(a)}
                )
                if unwritten and _other_acronym(f"{unit.hit.doc.title} {passage_text}", profile.acronyms)
                else 0,
                # "The Juárez-Lincoln bridge … 2,123,307 in 2021" is not the Gateway bridge's figure,
                # nor imports "from Brazil" Peru's (a "which …" question names no answer)
                about_other=not is_row
                and asked != NAME
                and (
                    (
                        # "Mexican crude oil" in a sentence speaks of the asked Mexico
                        not any(re.search(rf"\b{d}", fold(unit.text)) for d in demonyms)
                        and (
                            (
                                focus.only_others
                                and not focus.in_sentence
                                and names_another_of_kind(profile.text, focus_names | asked_words, unit.text)
                            )
                            or (focus.only_others and renames_asked(profile.text, focus_names, unit.text))
                        )
                    )
                    # "US purchases from the four rose …" is the group's, not the Netherlands', even
                    # where it goes on to name the member's goods ("… made French wine … easier to sell")
                    or (
                        bool(focus_names)
                        and not focus.in_sentence
                        and bool(_GROUP.search(unit.text))
                        and not group_asked
                    )
                ),
                group=group,
                at_figure=bool(focus.at_figure),
                others_at_figure=bool(values["other_at_figure"]),
                dated_elsewhen=not is_row
                and profile.wants_figure
                and asked != NAME
                and dated_elsewhen(dated, focus_names, profile.years, _GENERIC_FOLDED),
            )
        return rows

    # -- composing --------------------------------------------------------------------------
    def __call__(self, question: str, hits: list[Hit]) -> Answer:
        # "whats us mexico trade 2024": names are read by their capitals, so written as the
        # passages found write them ("US", "Mexico"); "whats" as "what's"
        question = truecased(_TYPED_CONTRACTION.sub(r"\1's", undotted(question)), [h.chunk.text for h in hits])
        uncited = self._uncited(question, hits)
        quoted = self._quoted(question, hits)
        answer = self._computed(question, hits, quoted)
        if answer is not quoted and (
            with_slots(question, hits, answer).abstained or uncited(_computation_cited(answer), True)
        ):
            # a computation over rows that never name the asked means ("by truck"), or over another
            # place's rows: the quoted answer stands alone (and is checked the same way below)
            answer = quoted
        # "which … second-most / least …": a table's rows or a sentence's figures ranked (rankings.py)
        ranked = prefer_ranking(question, hits, answer, self.tables_for, self.table_catalogue, self.table_rows)
        if ranked is not answer and not uncited(ranked, True):
            answer = ranked
        kind = asked_kind(question)
        asks_month = bool(_ASKS_MONTH.search(question))
        if (
            kind in (DATE_KIND, YEAR_KIND, FREQUENCY)
            and self._weak(answer)
            and not states_kind(answer.answer, kind, set())
            # "which month of 2011 …" names its year: a month is the date it asks for
            and not (asks_month and _MONTH_WRITTEN.search(answer.answer))
        ):
            answer = self._abstain(question, hits)  # a weak quote that states no date is no answer to "when"
        # a date or definition a sentence states; what "the table" shows, said where its document introduces it
        answer = with_stated_type(question, hits, answer, self.table_rows)
        answer = with_slots(question, hits, answer)  # "by mail": the means must stand in the evidence
        if asks_month and not answer.abstained and not _MONTH_WRITTEN.search(answer.answer):
            # "which month …", however it was answered (a computed maximum over ports), names a month
            return self._abstain(question, hits)
        missing = uncited(answer, False)
        if missing:
            logger.info("abstaining: no cited document writes %s", ", ".join(missing))
            return self._abstain(question, hits)
        return answer

    def _uncited(self, question: str, hits: list[Hit]) -> Callable[[Answer, bool], list[str]]:
        """A check of candidate answers to ``question``: what the question asks about that no
        document an answer cites writes anywhere — a name ("Germany", "Del Rio"), a crossing
        direction, and for an answer that restated the question's words (a ranking, a
        computation: the check's second argument) a word qualifying what it measures ("southbound
        buses"; coverage.py). Its figure is then another place's or another measure's, however
        well its sentence or row matches: a table of US–Mexico trade by port does not answer
        "US–Japan trade through Del Rio", nor a group's total "Vietnam, Norway and Denmark
        altogether". The question is read, and each cited document fetched, once for every
        candidate checked."""
        profile = QuestionProfile.of(question)
        names = proper_names(question, profile.names, [h.chunk.text for h in hits])
        named = NamedTwoWays.of(profile)
        asked_way = crossing_directions(question)
        chunks_of = cache(self.table_rows) if self.table_rows is not None else None

        def missing(answer: Answer, restated: bool) -> list[str]:
            if answer.abstained or not answer.citations:
                return []
            written = cited_text(answer, hits, chunks_of)
            folded, spelled = fold(written), named.names_met(written)
            out = sorted(n for n in names if not named_in(n, folded) and n not in spelled)
            said_way = crossing_directions(written)
            if len(asked_way) == 1 and said_way and not said_way & asked_way:
                out += sorted(asked_way)  # "crossed southbound" of documents counting northbound crossings only
            out += denied_qualifiers(question, written)  # "seasonally adjusted" of documents "not seasonally adjusted"
            return out + (unwritten_qualifiers(question, written) if restated else [])

        return missing

    def _weak(self, answer: Answer) -> bool:
        """A sentence quoted under ``weights.weak_answer`` (a cell or a computation has no score)."""
        return not answer.abstained and 0.0 < answer.confidence < self.weights.weak_answer

    def _computed(self, question: str, hits: list[Hit], answer: Answer) -> Answer:
        """Hook: a computation the question asks for (growth, share, sum, busiest …), stated
        first with its cited operands and formula; the quoted answer follows. Whole tables are
        read through ``table_rows``. Unchanged when no computation is asked or possible."""
        if asked_type(question) in WORDS_TYPES:
            return answer  # "why did imports fall in Q3 2016?" asks a reason, not the quarter's sum
        computed = with_computation(question, hits, answer, self.table_rows, self.table_catalogue, self.tables_for)
        if self._weak(answer) and any(f.computed for f in computed.figures):
            # a sentence that only just passed the threshold is not quoted beside a computation
            # that answers: the computation stands alone, as it did when such sentences abstained
            computed = with_computation(
                question, hits, self._abstain(question, hits), self.table_rows, self.table_catalogue, self.tables_for
            )
        return computed

    def _quoted(self, question: str, hits: list[Hit]) -> Answer:
        # --- tables as data (issue 12): a question a table cell answers is answered by that
        # cell, stated in words with its labels, unit and period (cells.py) ---
        # A question asking for a reason is answered by the sentence that gives it, not a cell.
        cell_answer = (
            None
            if asked_type(question) == REASON
            else cell_answer_for(question, hits, self.tables_for, self.table_catalogue, self._opening_text)
        )
        if cell_answer is not None and not unretrieved(cell_answer, hits):
            # the report's sentence stating the cell, wherever in its document it stands
            return with_restatement(cell_answer, hits + self._rest_of_document(cell_answer, hits))
        # a cell of a data table no passage came from answers only when the passages do not, or
        # only weakly (a sentence under the former threshold does not outweigh an exact cell)
        answer = self._from_passages(question, hits)
        # --- end of the tables hook ---
        return cell_answer if cell_answer is not None and (answer.abstained or self._weak(answer)) else answer

    def _from_passages(self, question: str, hits: list[Hit]) -> Answer:
        profile = QuestionProfile.of(question)
        units = self.units(profile, hits)
        # a row of exports does not answer a question about imports, nor a row or passage of US$
        # one about tonnes (cells.py); scored first, among every candidate, as they are elsewhere
        self.score(profile, units)
        # once per passage, not per sentence: a passage's sentences share its title and text
        passages = {u.hit.chunk.chunk_id: u.hit for u in units}
        ranked = ranked_count(question)
        lacking = {chunk_id: lacks_measure(question, hit, ranked) for chunk_id, hit in passages.items()}
        if ranked:
            # "December was Laredo's busiest month … for both cars and walkers" does not rank the
            # buses asked: a sentence saying what is first must say it of the thing asked
            units = [
                u
                for u in units
                if u.hit.chunk.row is not None
                or not (superlative_asked(u.text) or _MOST_OR_LEAST.search(u.text))
                or any(_met(t, set(cell_terms(u.text))) for t in ranked)
            ]
        units = [
            u for u in units if not other_direction_row(question, u.hit, u.column) and not lacking[u.hit.chunk.chunk_id]
        ]
        # a row whose only mention of a name the question asks about is one item of a list cell
        # ("Bridges with truck traffic: World Trade Bridge; Colombia Solidarity Bridge") states
        # the figure of the whole list, not of that one
        units = [u for u in units if u.hit.chunk.row is None or not listed_among_others(question, u.hit.chunk.values)]
        counted = asked_count(question)
        if counted:  # "how many pedestrians …": a sentence counting vehicles does not say
            units = [u for u in units if u.hit.chunk.row is not None or not counts_other(counted, u.text)]
        if _HOW_MANY.match(question):
            # … nor one whose every figure is money or a percentage ("truck exports were US$75.28
            # billion" is no number of trucks)
            units = [u for u in units if u.hit.chunk.row is not None or not _no_count(u.text)]
        # a sum asked of several named ("… altogether in 2014"): one member's figure ("Brazil alone
        # … US$42,431.7 million in 2014") is neither the answer nor what the question is about;
        # nor, asked a whole, a part's ("Vessels carried … or 9.73% of the total"), nor, asked a
        # year, a figure of part of it ("for January–June 2024")
        units = [u for u in units if u.features.group is not False]
        if (
            profile.wants_figure
            and profile.years
            and not (profile.months or profile.quarters or _WHICH_PERIOD.search(question))
        ):
            # (a figure of the year: an event in it may be dated by its month)
            units = [u for u in units if u.hit.chunk.row is not None or not only_part_of_year(u.text, profile.years)]
        if _TRADE_WORD.search(question) and not measures(question) and not _ASKS_PART.search(question):
            # trade asked, no direction, mode or share: the total, which neither a sentence of
            # exports or imports alone ("US exports to Mexico (US$12.66 billion) exceeded US imports
            # …") states, nor a part's ("Vessels carried … or 9.73% of the total")
            units = [
                u
                for u in units
                if u.hit.chunk.row is not None or not (flows_only(u.text) or states_a_part(u.text, profile.terms))
            ]
        if profile.asks_month:  # "which month …": a candidate naming no month is no answer to weigh
            units = [u for u in units if _MONTH_WRITTEN.search(u.text)]
        if profile.months:  # "May brought 20,252 trucks" is not about the December asked
            units = [u for u in units if u.features.months_ok or not _MONTH_WRITTEN.search(u.text)]
        if profile.quarters:  # "In October 2014 …" is another period than "the third quarter of 2014"
            units = [u for u in units if named_quarters(u.text) or not _months_outside(profile.quarters, u.text)]
        if profile.wants_number or profile.asks == PERCENT or self._value_of_a_period(profile):
            # "How much …", "how big …", "what share …", "what were US exports … in 2008": a sentence with no
            # figure neither answers nor, ranked first, stands for what the question is about (an
            # article's lead naming every state, a table's caption)
            units = [u for u in units if not self._figureless(u)]
        if profile.wants_figure:
            # a reference entry ("U.S. Census Bureau, … (country.xlsx, vintage …), https://…") says
            # where figures come from, and its dates and file names are none of them
            units = [u for u in units if u.hit.chunk.row is not None or not _WEB_ADDRESS.search(u.text)]
        units.sort(key=lambda u: -u.score)
        if profile.extreme and (profile.asks == NAME or _WHICH_PERIOD.search(profile.text)):
            units = self._ranking_first(profile, units)
        extreme = self._extreme_row(profile, hits, units)
        if extreme is not None:
            units.insert(0, extreme)
        # The best candidate answers when the hard rules admit it (the question's years and
        # names stated near it) and its fitted probability reaches the threshold. A lower one
        # that the rules admit does not stand in for it: the best is what the question is about,
        # save where its passage or retrieval's order says otherwise (``_meant``).
        units = self._meant(profile, units, hits)
        best = units[0] if units else None
        if best is None or best.score < self.min_score or not self._admissible(profile, best):
            answer = self._abstain(question, hits)
            answer.confidence = best.score if best else 0.0
            return answer
        chosen = [best]
        for unit in units[1:]:
            if not self._admissible(profile, unit):
                continue
            if len(chosen) >= self.max_units:
                break
            if unit.score < max(self.min_score, best.score - self.scorer.runner_up_margin):
                break
            if any(
                unit.text == c.text or (unit.hit.chunk.chunk_id == c.hit.chunk.chunk_id and unit.start == c.start)
                for c in chosen
            ):
                continue
            if best.hit.chunk.row is not None and unit.hit.chunk.row is not None:
                continue  # one row answers a lookup; more rows read as noise
            chosen.append(unit)
        answer = self._compose(question, chosen)
        answer.confidence = best.score
        return answer

    def _ranking_first(self, profile: QuestionProfile, units: list[Unit]) -> list[Unit]:
        """ "Which … the most / the least …": prose answers by ranking ("the busiest for private
        cars") or by stating figures to compare; a sentence doing neither (an article's lead naming
        the places) does not. The best admitted sentence that ranks goes first."""
        units = [
            u
            for u in units
            if u.hit.chunk.row is not None
            or states_superlative(u.text, profile.extreme, profile.years)
            or not self._figureless(u)
        ]
        ranking = [
            u
            for u in units
            if u.hit.chunk.row is None
            and states_superlative(u.text, profile.extreme, profile.years)
            and u.score >= self.min_score
            and self._admissible(profile, u)
        ]
        if not ranking or ranking[0] is units[0]:
            return units
        return [ranking[0], *(u for u in units if u is not ranking[0])]

    def _extreme_row(self, profile: QuestionProfile, hits: list[Hit], units: list[Unit]) -> Unit | None:
        """For "which ... most/least" questions: scan the best-ranked table among the top hits
        and return its extreme row for the asked column (and the question's year)."""
        if not profile.extreme or self.table_rows is None:
            return None
        table_units = [u for u in units if u.hit.chunk.row is not None and u.rank < 3]
        if not table_units:
            return None
        anchor = max(table_units, key=lambda u: u.score)
        if not anchor.features.years_ok or anchor.features.names_missing:
            return None
        rows = [c for c in self.table_rows(anchor.hit.chunk.doc_id) if c.table == anchor.hit.chunk.table]
        if profile.years:
            rows = [c for c in rows if all(y in c.values for y in profile.years)]
        column = anchor.column or choose_column(
            profile, anchor.hit.chunk.columns, anchor.hit.chunk.values, self.weights
        )
        if not rows or not column:
            return None
        index = rows[0].columns.index(column)

        def value(c):
            try:
                return float(c.values[index].replace(",", "").replace("$", "").replace("%", ""))
            except (ValueError, IndexError):
                return None

        rows = [c for c in rows if value(c) is not None]
        if len(rows) < 2:
            return None
        pick = (min if profile.extreme == "min" else max)(rows, key=value)
        hit = Hit(chunk=pick, doc=anchor.hit.doc, score=anchor.hit.score)
        scope = f" for {' and '.join(sorted(profile.years))}" if profile.years else ""
        word = "lowest" if profile.extreme == "min" else "highest"
        unit = Unit(
            hit,
            anchor.rank,
            0,
            len(pick.text),
            pick.text,
            column=column,
            note=f"{word} {column} among {len(rows)} rows{scope}",
        )
        unit.score = anchor.score + self.weights.extreme_row
        unit.features = replace(anchor.features, has_figure=True)
        return unit

    def _meant(self, profile: QuestionProfile, units: list[Unit], hits: list[Hit]) -> list[Unit]:
        """``units`` (best first) with the candidate the best one's passage or retrieval's order
        means put first:
        - for a sentence whose figures are of the other flow ("the deficit … grew to US$66.6
          billion, and the United States bought five times as much"), the first sentence of its
          passage stating the asked flow;
        - for one stating another place's figures ("In Progreso … 1,215,858 pedestrians"), the
          first of its passage naming the asked one at its figures ("Roma went … from 300,148 …");
        - for one about another entity than the asked one, the first admissible sentence of its
          passage stating a figure and naming every name asked;
        - for a table row, the best admissible sentence stating a figure, of a document retrieved
          above the row's, that names every word of the question a row is matched on ("US exports
          to Italy came to … US$27,491.3 million in 2022" above a row of US fish exports to Italy),
          as between a cell and the passages (cells.py); the rows it displaced are dropped."""
        if not units:
            return units
        best = units[0]

        def of_its_passage(fits: Callable[[Unit], bool]) -> Unit:
            return next(
                (
                    u
                    for u in units
                    if u.hit.chunk.chunk_id == best.hit.chunk.chunk_id and not u.features.other_flow and fits(u)
                ),
                best,
            )

        if best.features.other_flow:
            # … or of the asked mode, for one of another mode ("Trucks carried …" asked by rail)
            asked = profile.measures & (set(_OTHER_FLOW) | set(TransportMode))
            best = of_its_passage(lambda u: bool(asked & (measures(u.text) | said_flows(u.text))))
        if best.features.others_at_figure and names_another_of_kind(profile.text, profile.names, best.text):
            best = of_its_passage(lambda u: u.features.at_figure)
        if best.features.about_other:
            # "Kuwait took US$3,170.7 million of US goods …" asked of Qatar: the sentence of its
            # passage that the rules admit and that states a figure ("American sales to Qatar …")
            best = of_its_passage(
                lambda u: u.features.has_figure and names_every(profile.names, u.text) and self._admissible(profile, u)
            )
        if best.hit.chunk.row is not None:
            above = documents_above(hits, best.hit.chunk.doc_id) or []
            prose = next(
                (
                    u
                    for u in units
                    if u.hit.chunk.row is None
                    and u.hit.chunk.doc_id in above
                    and u.features.has_figure
                    and self._admissible(profile, u)
                    and names_all_asked(profile.text, u.text)
                ),
                None,
            )
            if prose is not None:
                return [prose, *(u for u in units if u is not prose and u.hit.chunk.row is None)]
        return [best, *(u for u in units if u is not best)]

    @staticmethod
    def _value_of_a_period(profile: QuestionProfile) -> bool:
        """Does the question ask a measure's value in a period, in one of the forms that ask for a
        value ("what were US exports … in 2008", "Tell me the …", "US exports … 2008")? Not yes/no
        ("Are the 2018–2019 figures seasonally adjusted?"), not what did something ("What impacted
        the tax rate in 2019?"), not a typed answer (a name, a date, a definition)."""
        text = profile.text
        form = _WHAT_IS.search(text) or _REQUEST.match(text) or not (_WH_WORD.search(text) or _YES_NO.match(text))
        return bool(form) and profile.wants_figure and not profile.asks and bool(profile.years)

    @staticmethod
    def _figureless(unit: Unit) -> bool:
        # a date's day is no figure either ("ended on 1 June 2018", "on January 29, 2020")
        return not unit.features.has_figure and not _DIGIT.search(_DAY.sub(" ", YEAR.sub(" ", unit.text)))

    def _admissible(self, profile: QuestionProfile, unit: Unit) -> bool:
        """May ``unit`` answer at all? Not when it is about other years or months, it is a figure
        of the other flow (its paragraph's), its passage lacks a name of the question, or the
        question asks for a figure it does not state (and it shares little of the question's
        wording). A how-much question's figureless sentences never get here (``_from_passages``).
        scripts/train_answer_scorer.py's ``_gates`` mirrors the rules its features see."""
        f = unit.features
        if profile.years and not f.years_ok:
            return False
        if not f.months_ok:
            return False
        if f.other_flow:
            return False
        if f.names_missing or f.acronyms_missing:
            return False  # … nor one whose passage never names what the question names ("CAFTA-DR")
        if f.about_other or f.dated_elsewhen:
            return False
        if profile.asks == REASON and not f.gives_cause:
            return False  # "why …": a sentence giving no cause (a figure of the fall) does not say
        if profile.asks_month and not _MONTH_WRITTEN.search(unit.text):
            return False  # "which month …": a candidate naming no month does not say
        return not (profile.wants_figure and not f.has_figure and f.overlap < self.weights.figureless_overlap)

    def _compose(self, question: str, chosen: list[Unit]) -> Answer:
        citations: list[Citation] = []
        markers: dict[str, int] = {}
        sentences: list[str] = []
        for unit in chosen:
            chunk = unit.hit.chunk
            marker = markers.get(chunk.chunk_id)
            if marker is None:
                marker = len(citations) + 1
                markers[chunk.chunk_id] = marker
                span = (unit.start, unit.end)
                if chunk.row is not None and unit.column:
                    span = column_span(chunk.text, unit.column) or span
                citations.append(citation_for(unit.hit, marker, span, column=unit.column))
            else:
                citations[marker - 1].highlights.append((unit.start, unit.end))
            sentences.append(self._sentence(unit) + f" [{marker}]")
        answer = " ".join(sentences)
        figures = check_figures(answer, citations)
        return Answer(question=question, answer=answer, abstained=False, citations=citations, figures=figures)

    @staticmethod
    def _sentence(unit: Unit) -> str:
        chunk, doc = unit.hit.chunk, unit.hit.doc
        if chunk.row is None:
            return one_line(unit.text)  # the source's line breaks are not part of the answer
        # Read as a person would: column labels with units, numbers with separators.
        labels = [
            f"{column_label(c, doc)} {v}"
            for c, v in zip(chunk.columns, chunk.values, strict=False)
            if v and (not _numeric(v) or _LABEL_COLUMNS.match(c))
        ]
        if unit.column:
            value = dict(zip(chunk.columns, chunk.values, strict=False))[unit.column]
            stated = f"{column_label(unit.column, doc)}: {format_cell(unit.column, value)}"
        else:
            stated = "; ".join(
                f"{column_label(c, doc)}: {format_cell(c, v)}"
                for c, v in zip(chunk.columns, chunk.values, strict=False)
                if v and _numeric(v) and not _LABEL_COLUMNS.match(c)
            )
        lead = f"{doc.title} ({unit.note})" if unit.note else doc.title
        return f"{lead}, {', '.join(labels)}: {stated}."

    @staticmethod
    def _abstain(question: str, hits: list[Hit]) -> Answer:
        closest = [citation_for(h, i + 1) for i, h in enumerate(hits[:3])]
        return Answer(question=question, answer=abstention(question), abstained=True, closest=closest)
