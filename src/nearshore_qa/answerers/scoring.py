"""How a candidate answer (a sentence of a passage, or a table row) is scored: what the
question asks for, what the candidate states, and the fitted weights that combine them.

The weights are a logistic regression fitted on (question, candidate) pairs labelled from
TAT-QA dev text questions and the dev part of ``eval/questions.jsonl``
(``scripts/train_answer_scorer.py``, deterministic) and shipped as ``answer_scorer.json``. At
run time a candidate's score is ``sigmoid(weights · features + intercept)``, a probability
that it answers the question; abstention is a threshold on that same probability, chosen on
dev. scikit-learn is needed only to retrain (the ``train`` extra).
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..figures import FoundFigure
from ..text import MONTH, MONTH_NAMES, YEAR, YEAR_PATTERN, fold

logger = logging.getLogger(__name__)

SCORER_PATH = Path(__file__).with_name("answer_scorer.json")

# The features, in the order of the weight vector (``answer_scorer.json`` names them too).
FEATURES = (
    "similarity",  # MiniLM cosine of question and candidate (0 when the candidate was not encoded)
    "not_encoded",  # 1: too little term overlap to be read by the encoder (its cosine is unknown)
    "overlap",  # rarity-weighted share of the question's terms the candidate (or its title) holds
    "passage_rank",  # 1 / (1 + retrieval rank of its passage)
    "table_row",  # the candidate is a table row, not a sentence
    "length",  # characters / 400, at most 1: a heading-like fragment vs a full sentence
    "table_line",  # a line of a Markdown table quoted as a sentence ("| Total | 1,203 | 998 |")
    "spans_lines",  # the candidate runs over a line break (a heading or caption glued to it)
    "acronyms_missing",  # acronyms of the question its passage lacks
    "year_partly_missing",  # some, not all, of the question's years stated near the candidate
    "year_missing",  # none of them
    "year_from_passage",  # the sentence states no year; the question's years stand elsewhere in its passage
    "other_years",  # the sentence also states years the question does not ask about ("from 2019 …")
    "names_missing",  # names of the question its passage lacks
    "month_missing",  # the question names a month the candidate's passage does not
    "no_figure",  # the question asks for a figure, the candidate states none
    "extra_measure",  # measures stated that the question does not ask for (exports vs imports)
    "missing_measure",  # measures asked for and not stated (by the sentence, nor for it by its paragraph)
    "measure_from_passage",  # the sentence states no measure; an asked one stands before it in its paragraph
    "type_match",  # the candidate states the kind of figure the question asks for (percent, count, amount)
    "date_match",  # … the date or year a "when" / "what year" question asks for
    "words_match",  # … a name, a definition or a reason the question asks for
    "type_missing",  # the question asks for a kind of thing the candidate does not state
    "name_in_sentence",  # share of the question's names stated in the sentence itself
    "name_at_figure",  # a clause stating a figure names an entity of the question (entity focus)
    "other_at_figure",  # the figures' clauses name other entities, none of the question's
    "total_not_name",  # the question names an entity, the sentence states a total/national figure
    "superlative_match",  # a "which … most / least" question; the candidate states a superlative ("the busiest")
)

# -- answer type ----------------------------------------------------------------------------
# What a question asks for, read from its question words; what a candidate states, read from
# its figures (figures.find_figures kinds), dates, names and connectives.
PERCENT, COUNT, AMOUNT, DATE, YEAR_ASKED, NAME, DEFINITION, REASON = (
    "percent",
    "count",
    "amount",
    "date",
    "year",
    "name",
    "definition",
    "reason",
)
# "which …", "what …", "which was the (first, one, …) …": the words before the kind of thing asked
WHICH_THE = r"\b(?:what|which)\s+(?:(?:was|is|were)\s+the\s+(?:[a-z]+\s+){0,2}?)?"
_ASKS = (
    (
        PERCENT,
        re.compile(
            # "what tariff rate …", "what was the growth rate …" (not "what impacted the tax rate",
            # which asks for a cause; an exchange rate is a price, not a percentage)
            r"\b(percent|percentage|proportion|share of)\b|%|\bwhat (?:portion|fraction) of\b|"
            r"\bwhat\s+(?:(?:is|was|were|are)\s+)?(?:(?:the|its|their)\s+)?(?:[\w'’\-]+\s+){0,3}?(?<!exchange )rates?\b",
            re.I,
        ),
    ),
    (COUNT, re.compile(r"\bhow many\b|\bnumber of\b", re.I)),
    (YEAR_ASKED, re.compile(r"\b(?:what|which) year\b", re.I)),
    (
        DATE,
        # "which month …", "which was the first month …", "what was the one day …"
        re.compile(rf"^\s*when\b|{WHICH_THE}(?:date|month|day)\b(?!-)|\bsince when\b", re.I),
    ),
    (
        AMOUNT,
        re.compile(r"\bhow (?:much|large|big|high|low|small)\b|\b(?:amount|value|cost|price|size)s? of\b", re.I),
    ),
    (NAME, re.compile(r"^\s*(?:who|whom|which)\b", re.I)),
    (
        DEFINITION,
        re.compile(
            r"\bwhat (?:does|do) .+ (?:mean|stand for|include|consist of)\b|\bdefine\b|\bwhat is meant by\b|"
            r"\bhow (?:is|are|was|were) .+ (?:defined|calculated|determined|measured|computed|recogni[sz]ed|"
            r"estimated|valued|accounted for)\b",
            re.I,
        ),
    ),
    (
        REASON,
        re.compile(
            r"^\s*why\b|\bwhat (?:caused|drove|led to)\b|\bdue to what\b|"
            r"\b(?:reasons?|rationale|cause|drivers?) (?:for|of|behind)\b",
            re.I,
        ),
    ),
)
_ASKS_WHICH = re.compile(r"^\s*(?:which|who|whom)\b", re.I)
_FULL_DATE = re.compile(rf"\b(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{1,2}},)?\s+{YEAR_PATTERN}\b")
# English connectives of definition and cause (grammar, not the vocabulary of any document set).
_DEFINES = re.compile(
    r"\b(means|mean|refers? to|defined as|calculated|determined|measured|computed|represents?|"
    r"consists? of|comprises?|includes?|recogni[sz]ed|estimated|based on|is the|are the|defines?\b[^.;]{0,60}\bas)\b",
    re.I,
)
_CAUSE = re.compile(
    r"\b(because|due to|as a result|result(?:ed|ing)? (?:of|from)|driven by|attributable|primarily|mainly|"
    r"owing to|reflect(?:s|ed|ing)?|caused by|in order to|since|(?:impacted|affected|offset|explained|led) by|"
    # "impacted … by the effects of the Tax Act" ("adjusted for the effects of non-cash items" is no cause)
    r"(?:by|from|to) the (?:[a-z]+ )?effects? of|"
    r"thanks to|on the back of|stemm(?:ed|ing) from|attributed to|after (?:the|a|an|its|their)|"
    r"on (?:lower|higher|weaker|stronger|increased|decreased|reduced|improved)|for [\w\s]{0,30}purposes?)\b",
    re.I,
)
_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w'’.\-]*[A-Za-z]")


# A quantity stated as nil or negligible answers "how much" as a figure would.
_NO_QUANTITY = re.compile(r"\b(?:not material|immaterial|not significant|insignificant|none|nil)\b", re.I)

FIGURE_TYPES = frozenset({PERCENT, COUNT, AMOUNT})
DATE_TYPES = frozenset({DATE, YEAR_ASKED})
WORDS_TYPES = frozenset({DEFINITION, REASON})  # answered in words, whatever figures the question names


# A superlative after a determiner or possessive ("the busiest", "its widest gap", "the most
# valuable", "the second-largest"): how prose says which one ranks first. English -est nouns and
# verbs that are not superlatives are set apart (morphology, not the documents' vocabulary).
_SUPERLATIVE = re.compile(
    r"\b(?:the|its|their|his|her|our)\s+(?:(?:single|second|third|fourth|fifth)[\s-]+)?(most|least|best|worst|[a-z]{2,}est)\b"
    # … or as an adverb after the verb it grades ("pipeline imports grew fastest of all")
    r"|\b(?:[a-z]{2,}ed|grew|rose|fell|sold|bought)\s+(most|least|[a-z]{2,}est)\b(?!\s+(?:of\s+(?:the|its|their)\b|[a-z]+s\b))",
    re.I,
)
_NOT_SUPERLATIVE = frozenset(
    "interest west midwest southwest northwest test request forest harvest contest protest rest unrest guest quest "
    "conquest inquest chest nest pest priest manifest digest suggest invest arrest".split()
)


# Superlatives that rank something last: "the least", "its weakest quarter" answer "which … least",
# and "the biggest share" does not (English antonyms, not the documents' words).
_LOW_SUPERLATIVE = frozenset(
    "least worst lowest smallest fewest weakest slowest shortest poorest narrowest thinnest cheapest lightest "
    "softest slightest tiniest quietest".split()
)


# … and a comparative against all the others ranks first or last too ("sold more to the United
# States than any of the other three")
_THAN_ANY = re.compile(
    r"\b(more|less|fewer|[a-z]{2,}er)\b[^.;]{0,60}?\bthan\s+(?:any|all|every)\s+(?:of\s+)?(?:the\s+)?(?:others?)\b",
    re.I,
)
# … and so do a rank at either end ("which came first in every year", "ranked last") and an
# equal denied to all the others ("No other of the five bought as many American goods as …")
_RANKED_END = re.compile(r"\b(?:came|comes|ranked|ranks|placed|stood|finished)\s+(first|last)\b", re.I)
_NO_OTHER = re.compile(r"\bno\s+other\b[^.;]{0,80}?\bas\s+(?:many|much|[a-z]{2,})\b[^.;]{0,80}?\bas\b", re.I)
_LOW_COMPARATIVE = frozenset({"less", "fewer"} | {w[:-3] + "er" for w in _LOW_SUPERLATIVE if w.endswith("est")})


# Where a sentence turns from one state of things to another ("… the most of the four, but only
# … in 2023, … the smallest"): a ranking holds for the years of its own side.
_CONTRAST = re.compile(r",?\s+but\s+|;\s+|,?\s+(?:while|whereas)\s+", re.I)
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_OVERTOOK = re.compile(r"\b(?:overt(?:ook|akes?|aken|aking)|surpass(?:ed|es|ing)?|outstrip(?:ped|s|ping)?)\b", re.I)


def states_superlative(text: str, extreme: str = "", years: Collection[str] = ()) -> bool:
    """Does ``text`` say that something ranks first or last ("the busiest", "its widest", "more
    … than any of the others")? With ``extreme`` ("max" or "min"), one that ranks it at that end;
    with ``years``, one said of them: a side of a contrast that states only other years ranks
    something else ("in both years still the most …, but only … in 2023")."""
    if years:
        sides = _CONTRAST.split(text)
        if len(sides) > 1:
            own = [side for side in sides if not (stated := set(_A_YEAR.findall(side))) or stated & set(years)]
            if any(states_superlative(side, extreme) for side in own):
                return True
            # "X had long been the biggest supplier …; in 2008 Honduras overtook it": the first
            # place passes to whoever overtakes in the asked year
            return any(_OVERTOOK.search(side) for side in own) and states_superlative(text, extreme)
    for m in _SUPERLATIVE.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        if word in _NOT_SUPERLATIVE:
            continue
        if not extreme or (word in _LOW_SUPERLATIVE) == (extreme == "min"):
            return True
    for m in _THAN_ANY.finditer(text):
        if not extreme or (m.group(1).lower() in _LOW_COMPARATIVE) == (extreme == "min"):
            return True
    for m in _RANKED_END.finditer(text):
        if not extreme or (m.group(1).lower() == "last") == (extreme == "min"):
            return True
    return bool(_NO_OTHER.search(text)) and extreme != "min"


_ASKED_SUPERLATIVE = re.compile(r"\b([a-z]{2,}est)\b", re.I)
# "-est" words that ask for a time or a manner, not for one end of a ranking
_NOT_ASKED_EXTREME = frozenset("latest earliest modest honest".split())


def superlative_asked(question: str) -> str:
    """The end of a ranking a question's superlative asks for ("the fastest" -> "max", "the
    narrowest" -> "min"), or "" when it asks for none."""
    for m in _ASKED_SUPERLATIVE.finditer(question):
        word = m.group(1).lower()
        if word not in _NOT_SUPERLATIVE and word not in _NOT_ASKED_EXTREME:
            return "min" if word in _LOW_SUPERLATIVE else "max"
    return ""


def states_cause(text: str) -> bool:
    """Does ``text`` give a cause ("due to", "attributable to", "driven by" …)?"""
    return bool(_CAUSE.search(text))


# "Why are interest rate swaps entered into …": a passive why asks what the thing is done for
_WHY_DONE = re.compile(r"^\s*why\s+(?:is|are|was|were)\s+.+?\b([a-z]{3,}(?:ed|en|sed|zed))\b", re.I)
# an infinitive of purpose: "to reduce …", not "to the extent", "to $987 million", "to be"
_TO_DO = r"\bto\s+(?!the\b|a\b|an\b|its\b|their\b|our\b|be\b|date\b)[a-z]{3,}\b"


def states_purpose(question: str, text: str) -> bool:
    """Does ``text`` say what the question's passive "why … <done>" is done for: its verb, then
    an infinitive of purpose in the same clause ("… are entered into with different
    counterparties to reduce concentration risk")?"""
    m = _WHY_DONE.match(question)
    if m is None:
        return False
    return re.search(rf"\b{re.escape(m.group(1))}\b[^.;]{{0,120}}?{_TO_DO}", text, re.I) is not None


def asked_type(question: str) -> str:
    """What kind of thing ``question`` asks for, or "" when its words do not say. "Which …" and
    "Who …" ask for a name whatever figure they rank by ("Which port lost the largest share …"),
    unless they ask which year or date."""
    if _ASKS_WHICH.match(question) and not any(p.search(question) for k, p in _ASKS if k in (YEAR_ASKED, DATE)):
        return NAME
    for kind, pattern in _ASKS:
        if pattern.search(question):
            return kind
    return ""


def stated_types(text: str, figures: list[FoundFigure], table_row: bool, question_words: set[str]) -> set[str]:
    """The kinds of thing ``text`` states (a table row states numbers in its value columns)."""
    kinds: set[str] = set()
    if _NO_QUANTITY.search(text):
        kinds |= {COUNT, AMOUNT}  # "was not material", "none were issued": a quantity stated as nil
    if any(f.kind == "percent" for f in figures):
        kinds.add(PERCENT)
    if table_row or any(f.kind == "number" for f in figures):
        kinds.add(COUNT)
    # An amount has a currency or a scale, or is a figure in the thousands ("1.8 times" is not one).
    if table_row or any(
        f.kind == "currency" or f.has_scale or (f.kind == "number" and abs(f.value) >= 1000) for f in figures
    ):
        kinds.add(AMOUNT)
    if YEAR.search(text):
        kinds.add(YEAR_ASKED)
    if _FULL_DATE.search(text) or (YEAR.search(text) and MONTH.search(text)):
        kinds.add(DATE)  # a date names at least its month and year
    if any(w not in question_words for w in entity_words(text)):
        kinds.add(NAME)
    if _DEFINES.search(text):
        kinds.add(DEFINITION)
    if _CAUSE.search(text):
        kinds.add(REASON)
    return kinds


# -- entity focus ---------------------------------------------------------------------------
# A clause ends at a semicolon or where a sentence turns to another subject ("…, while Texas …").
_CLAUSE_BREAK = re.compile(
    r";|\(|\)|,\s+(?=(?:while|whereas|but|and|compared|against|versus|followed by|ahead of)\b)|"
    r"\s+(?=(?:while|whereas|followed by)\b)",
    re.I,
)
_TOTAL = re.compile(r"\b(total|overall|national|nationwide|combined|all (?:states|countries|regions|ports))\b", re.I)
_SKIP_ENTITY = {m.lower() for m in re.findall(r"\w+", MONTH_NAMES)}


def entity_mentions(text: str) -> list[tuple[int, str]]:
    """Where ``text`` writes a capitalised word other than its first word and month names (the
    places, firms and names it is about), with the word folded."""
    out = []
    for m in _CAPITALISED.finditer(text):
        if m.start() == len(text) - len(text.lstrip()):
            continue  # the sentence's first word is capitalised anyway
        word = fold(m.group(0).rstrip(".'’"))
        if len(word) >= 3 and word not in _SKIP_ENTITY:
            out.append((m.start(), word))
    return out


def entity_words(text: str) -> set[str]:
    """Capitalised words of ``text`` (folded) other than its first word and month names."""
    return {word for _, word in entity_mentions(text)}


@dataclass(frozen=True)
class Focus:
    in_sentence: float  # share of the question's names the sentence states
    at_figure: bool  # a clause with a figure names one of them
    other_at_figure: bool  # figure clauses name other entities and none of the question's
    total_not_name: bool  # no name of the question in the sentence, and a total is stated
    only_others: bool = False  # every clause with a figure names another entity (none unnamed: "It …")


def entity_focus(
    names: set[str],
    text: str,
    figures: list[FoundFigure],
    generic: set[str],
    table_row: bool,
    asked: frozenset[str] = frozenset(),
) -> Focus:
    """Whose figure does the candidate state: the entity the question names, another, or a total?
    ``asked``: the question's other words, which name no other entity ("FDI") for ``only_others``."""
    if not names:
        return Focus(0.0, False, False, False)
    folded = fold(text)
    named = [n for n in names if _mentions(folded, n)]
    in_sentence = len(named) / len(names)
    if table_row:
        clauses = [(0, len(text))]
    else:
        cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
        clauses = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    at_figure = other = False
    # a figure clause naming no entity before any clause of the sentence names one: its pronoun
    # ("It counted …") may stand for the asked entity; after one, it is that one's ("…, and it …")
    unnamed = named_before = False
    for a, b in clauses:
        clause = text[a:b]
        if not any(a <= f.start < b for f in figures):
            named_before = named_before or bool(entity_words(clause) - generic)
            continue
        if any(_mentions(fold(clause), n) for n in names):
            at_figure = True
        elif entity_words(clause) - names - generic:
            other = True
            # the question's words and acronyms (a measure, an agency: "FDI") name no other entity
            acronyms = {fold(w) for w in re.findall(r"\b[A-Z]{2,}\b", clause)}
            others = entity_words(clause) - names - generic - asked - acronyms
            unnamed = unnamed or not (others or named_before)
        elif not named_before:
            unnamed = True
        named_before = named_before or bool(entity_words(clause) - generic)
    return Focus(
        in_sentence,
        at_figure,
        other and not at_figure,
        not named and bool(_TOTAL.search(text)),
        other and not at_figure and not unnamed,
    )


def _mentions(folded: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}", folded) is not None or (
        name.endswith("s") and re.search(rf"\b{re.escape(name[:-1])}\b", folded) is not None
    )


# -- the fitted scorer ----------------------------------------------------------------------
@dataclass(frozen=True)
class FittedScorer:
    """A logistic regression over ``FEATURES``: weights on the features' own scale."""

    weights: np.ndarray
    intercept: float
    threshold: float  # abstain below this probability (chosen on dev)
    runner_up_margin: float  # further candidates quoted within this probability of the best
    features: tuple[str, ...] = FEATURES
    # Abstain below this when the user chose the documents to ask (``Library.ask(documents=…)``):
    # the candidates then come from those documents alone, so the same probability means more
    # (chosen on dev by scripts/choose_thresholds.py); None: ``threshold``.
    scoped_threshold: float | None = None

    @property
    def threshold_within(self) -> float:
        return self.threshold if self.scoped_threshold is None else self.scoped_threshold

    def logits(self, X: np.ndarray) -> np.ndarray:
        return X @ self.weights + self.intercept

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.logits(np.asarray(X, dtype=float))))

    def to_json(self, **extra) -> dict:
        return {
            "model": "logistic regression",
            "features": list(self.features),
            "weights": {f: round(float(w), 6) for f, w in zip(self.features, self.weights, strict=True)},
            "intercept": round(float(self.intercept), 6),
            "threshold": round(float(self.threshold), 4),
            "runner_up_margin": round(float(self.runner_up_margin), 4),
            **({} if self.scoped_threshold is None else {"scoped_threshold": round(float(self.scoped_threshold), 4)}),
            **extra,
        }

    @classmethod
    def from_json(cls, data: dict) -> FittedScorer:
        names = tuple(data["features"])
        unknown = set(names) - set(FEATURES)
        if unknown or set(names) != set(data["weights"]):
            raise ValueError(f"answer scorer file names features this code does not compute: {sorted(unknown)}")
        # Features this code computes but the file does not weigh count for nothing.
        weights = np.array([float(data["weights"].get(f, 0.0)) for f in FEATURES])
        scoped = data.get("scoped_threshold")
        for value in (data["intercept"], data["threshold"], data["runner_up_margin"], *weights):
            if not math.isfinite(float(value)):
                raise ValueError(f"answer scorer file holds a non-finite number: {value!r}")
        if scoped is not None and not 0.0 <= float(scoped) <= 1.0:
            raise ValueError(f"answer scorer file's scoped_threshold is not a probability: {scoped!r}")
        return cls(
            weights=weights,
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            runner_up_margin=float(data["runner_up_margin"]),
            scoped_threshold=None if scoped is None else float(scoped),
        )

    @classmethod
    def load(cls, path: str | Path) -> FittedScorer:
        with open(path, encoding="utf-8") as fh:
            return cls.from_json(json.load(fh))


@lru_cache(maxsize=1)
def shipped_scorer() -> FittedScorer:
    """The scorer shipped in the package, read once."""
    return FittedScorer.load(SCORER_PATH)
