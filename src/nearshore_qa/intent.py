"""Question intent: which computation a question asks for, over which periods and rows.

A small grammar, not a list of questions: operation cue words (change, grow, percentage change,
compound annual growth, share of, ratio, times, combined, in total, average, which … most/least,
top N, how many … are there / above X) decide the operation; years and "from … to", "between … and",
"in 2019 from 2018", "since 2019" give the periods (always put in time order: a change is later
minus earlier); capitalised names and "between A and B" / "than B" give the rows compared.
Questions that only look a figure up ("What was US–Mexico trade in 2024?") have no intent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .places import REPORTER_WORDS
from .text import MONTHS, QUARTER_ORDINALS

_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_QUARTER = r"(?:(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?|Q[1-4]\s+(?:of\s+)?)"
_PERIOD = rf"(?:(?:{_QUARTER}|{_MONTH}\s+)?(?:FY\s?|fiscal(?:\s+year)?\s+)?(?:19|20)\d\d|FY?\s?'?\d\d(?![\w.,]))"
_PERIOD_RE = re.compile(rf"(?<![\w$]){_PERIOD}(?!\d)", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_CHANGE_VERB = (
    r"chang(?:e|ed|es)|increas(?:e|ed|es)|decreas(?:e|ed|es)|gr[eo]w(?:n|s)?|growth|ris(?:e|en|es)|rose|"
    r"f[ae]ll(?:en|s)?|declin(?:e|ed|es)|drop(?:ped|s)?|gain(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|"
    r"shr[ai]nk|shrunk|go(?:ne)? (?:up|down)|went (?:up|down)"
)
_PCT = r"(?:percent(?:age)?|per cent|%)"
_SUPER_MAX = r"most|largest|biggest|highest|greatest|busiest|leading|strongest"
_SUPER_MIN = r"least|smallest|lowest|fewest|weakest"
_COMPARE = (
    r"more than|over|above|exceed(?:ed|s|ing)?|greater than|higher than|at least|less than|below|under|"
    r"fewer than|lower than|at most"
)
_CMP_OPS = {
    "more than": ">",
    "over": ">",
    "above": ">",
    "exceed": ">",
    "greater than": ">",
    "higher than": ">",
    "at least": ">=",
    "less than": "<",
    "below": "<",
    "under": "<",
    "fewer than": "<",
    "lower than": "<",
    "at most": "<=",
}
_QUESTION_WORDS = {
    "what",
    "which",
    "who",
    "whom",
    "how",
    "when",
    "where",
    "why",
    "in",
    "by",
    "is",
    "was",
    "were",
    "are",
    "did",
    "does",
    "do",
    "has",
    "have",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "from",
    "to",
    "between",
    "than",
    "compared",
    "fiscal",
    "fy",
    "give",
    "tell",
    "show",
    "list",
    "calculate",
    "compute",
    "using",
    "according",
    "for",
    "combined",
    "total",
    "average",
    "top",
    "rank",
}
_MONTHS = {m.lower() for m in MONTHS}


@dataclass(frozen=True)
class Intent:
    op: str  # an Operation of compute.py
    periods: tuple[str, ...] = ()  # as asked, in time order ("2019", "2024")
    start: str = ""  # the earlier period of a change ("" when not stated)
    end: str = ""
    entities: tuple[str, ...] = ()  # rows named, in the order named
    measure: str = ""  # the words naming what is measured ("goods trade with Mexico")
    n: int | None = None  # top N
    order: str = "desc"
    condition: tuple[str, float] | None = None  # count … above X
    cue: str = ""  # the words that decided the operation
    implied_start: bool = False  # "How much did X fall in 2025?": from the year before

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(int(m.group(0)) for p in self.periods for m in [_YEAR.search(p)] if m)


def _periods(q: str) -> list[tuple[str, int]]:
    """Periods named in the question with their positions, normalised ("FY 2019" -> "2019")."""
    out = []
    for m in _PERIOD_RE.finditer(q):
        text = m.group(0)
        year = _YEAR.search(text)
        if not year:  # fiscal shorthand: "FY19", "F19" -> "2019"
            out.append(("20" + text[-2:], m.start()))
            continue
        month = re.match(_MONTH, text, re.I)
        quarter = re.match(r"(?:the\s+)?(\w+)\s+quarter\b|Q([1-4])\b", text, re.I)
        if quarter:  # "the first quarter of 2019", "Q1 2019" -> "Q1 2019"
            n = int(quarter.group(2)) if quarter.group(2) else QUARTER_ORDINALS[quarter.group(1).lower()]
            label = f"Q{n} {year.group(0)}"
        elif month:
            label = f"{month.group(0).rstrip('.').title()} {year.group(0)}"
        else:
            label = year.group(0)
        out.append((label, m.start()))
    return out


def _time_order(labels: list[str]) -> list[str]:
    from .compute import period_key  # local: compute imports nothing from here

    keyed = [(period_key(p) or (0, 0), i, p) for i, p in enumerate(labels)]
    seen, out = set(), []
    for _, _, p in sorted(keyed):
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def _span(q: str) -> tuple[str, str] | None:
    """The from/to periods of "from 2019 to 2024", "between 2018 and 2019", "in 2019 from 2018",
    "2019–2024", "2024 compared with 2019", "since 2019"."""
    p = _PERIOD
    for pattern in (
        rf"\bfrom\s+({p})\s+(?:to|through|until|till|and)\s+({p})",
        rf"\bbetween\s+({p})\s+and\s+({p})",
        rf"({p})\s*(?:-|–|—|to|through)\s*({p})",
        rf"\b(?:in|for|during)\s+({p})\s+"
        rf"(?:from|compared (?:with|to)|versus|vs\.?|over|against|relative to)"
        rf"\s+({p})",
        rf"({p})\s+(?:and|vs\.?|versus|compared (?:with|to))\s+({p})",
    ):
        m = re.search(pattern, q, re.I)
        if m:
            a, b = (_periods(m.group(1))[0][0], _periods(m.group(2))[0][0])
            first, last = _time_order([a, b])[0], _time_order([a, b])[-1]
            return first, last
    m = re.search(rf"\bsince\s+({p})", q, re.I)
    if m:
        return _periods(m.group(1))[0][0], ""
    return None


def question_names(q: str) -> list[str]:
    """Capitalised names ("Nuevo León", "Eagle Pass", "Mexico"), not the first word or a month."""
    names: list[str] = []
    body = re.sub(_PERIOD_RE, " ", q)
    for m in re.finditer(r"[A-ZÀ-Ý][\wÀ-ÿ.&'’\-]*(?:\s+(?:de|del|la|and|of)?\s*[A-ZÀ-Ý][\wÀ-ÿ.&'’\-]*)*", body):
        phrase = m.group(0).strip(" .'’")
        phrase = re.sub(r"(?:'s|’s)$", "", phrase)
        words = phrase.split()
        while words and words[0].lower() in _QUESTION_WORDS | _MONTHS:
            words.pop(0)
        while words and words[-1].lower() in _QUESTION_WORDS | _MONTHS | {"and", "of", "de", "del", "la"}:
            words.pop()
        if not words:
            continue
        if m.start() == 0 and len(words) == len(phrase.split()) and words[0].lower() in _QUESTION_WORDS:
            continue
        for name in re.split(r"\s+and\s+", " ".join(words)):
            if name and name not in names:
                names.append(name)
    # "between A and B", "than B": lower-case rows ("trucks and rail") count too
    for pat in (r"\bbetween\s+(?:the\s+)?([a-z][\w\s\-]+?)\s+and\s+(?:the\s+)?([a-z][\w\-]+(?:\s[a-z][\w\-]+)?)\b",):
        pair = re.search(pat, q)
        if pair and not _PERIOD_RE.search(pair.group(0)):
            for g in pair.groups():
                if g.strip() and g.strip() not in names:
                    names.append(g.strip())
    return names


def coordinated(q: str, entities: list[str]) -> bool:
    """Does ``q`` join two of its names with "and" ("Mexico and Canada", "to Mexico, Canada and
    Japan", "from Mexico and from China"), asking of each? Not the two sides of one flow ("trade
    between Canada and Mexico", "the US and Mexico")."""
    if re.search(r"\bbetween\b", q, re.I):
        return False
    names = [e for e in entities if not set(e.lower().replace(".", " ").split()) & REPORTER_WORDS]
    for a in names:
        for b in names:
            if a != b and re.search(
                rf"\b{re.escape(a)},?\s+(?:and|&)\s+(?:(?:from|to|in|of|at|for)\s+)?(?:the\s+)?{re.escape(b)}\b", q
            ):
                return True
    return False


def _measure(q: str, cue_end: int) -> str:
    """The words naming what is measured, right after the operation's cue."""
    rest = q[cue_end:]
    rest = re.sub(r"^\s*(?:/\s*\(?\w+\)?\s*)?", " ", rest)  # "increase / (decrease)"
    rest = re.sub(
        r"^\s*(?:in|of|for|between|the|did|does|do|was|were|is|are)\b(?:\s+(?:the|of|in)\b)?\s*", "", rest, flags=re.I
    )
    m = re.match(
        rf"(.+?)(?=\s+(?:from|between|in|for|during|over|since|at|compared|versus|vs|by|through|than|"
        rf"across|among|until|as a)\b|\s*[?,.]|\s+{_PERIOD}|$)",
        rest,
        re.I,
    )
    return m.group(1).strip() if m else ""


def _weak(measure: str) -> bool:
    """No content word left: "since", "2022 and", "from"."""
    words = re.findall(r"[A-Za-z][\w\-]{2,}", _PERIOD_RE.sub(" ", measure))
    return not [w for w in words if w.lower() not in _QUESTION_WORDS | {"since", "through", "until", "over", "during"}]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUM_WORDS.get(word.lower(), 0)


def _condition(q: str) -> tuple[str, float] | None:
    from .figures import find_figures

    m = re.search(rf"\b({_COMPARE})\s+(.{{1,40}})", q, re.I)
    if not m:
        return None
    figs = find_figures(m.group(2))
    if not figs:
        return None
    word = m.group(1).lower()
    cmp = next((v for k, v in _CMP_OPS.items() if word.startswith(k)), ">")
    return cmp, figs[0].value


# "from March to April 2011", "between March and May 2020": the first month shares the year
_PART = r"(?:(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|Q[1-4]|" + _MONTH + ")"
_SHARED_YEAR = re.compile(
    rf"\b({_PART})(\s+(?:to|and|through|until|till|or|versus|vs\.?)\s+|\s*[-–—]\s*)({_PART}(?:\s+of)?)\s+((?:19|20)\d\d)\b",
    re.I,
)


# "Q4 2019 and 2018", "March 2024 versus 2023": the second year is of the same quarter or month
_SHARED_PART = re.compile(
    rf"\b((?:{_QUARTER})|{_MONTH}\s+)((?:19|20)\d\d)(\s+(?:and|or|to|versus|vs\.?|compared (?:with|to))\s+)"
    rf"((?:19|20)\d\d)\b",
    re.I,
)


def _with_shared_year(q: str) -> str:
    q = _SHARED_YEAR.sub(lambda m: f"{m.group(1)} {m.group(4)}{m.group(2)}{m.group(3)} {m.group(4)}", q)
    return _SHARED_PART.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(1)}{m.group(4)}", q)


def parse_intent(question: str) -> Intent | None:
    """The computation ``question`` asks for, or None when it asks none."""
    q = _with_shared_year(" ".join(question.split()))
    found = [p for p, _ in _periods(q)]
    periods = _time_order(found)
    span = _span(q)
    start, end = span if span else ("", "")
    if span and start and end and len(periods) < 2:
        periods = _time_order([start, end])
    entities = question_names(q)
    several = len(periods) >= 2 or len(entities) >= 2 or bool(span)

    def make(op: str, m: re.Match | None, **kw) -> Intent:
        cue = m.group(0) if m else ""
        measure = kw.pop("measure", None)
        if measure is None:
            measure = _measure(q, m.end()) if m else ""
        if m and _weak(measure):
            # "By how much did US goods trade grow …": the measure stands before the verb
            before = re.split(r"\b(?:did|does|do|has|have|had|was|were|is|are|much|many)\b", q[: m.start()], flags=re.I)
            measure = before[-1].strip(" ,?") if len(before) > 1 else ""
        s, e = start, end
        implied = False
        if op in ("change", "pct_change", "cagr") and not s and len(periods) >= 2:
            s, e = periods[0], periods[-1]
        if op in ("change", "pct_change") and not s and len(periods) == 1 and not span:
            e = periods[0]
            implied = True
        return Intent(
            op=op,
            periods=tuple(periods),
            start=s,
            end=e,
            entities=tuple(entities),
            measure=measure,
            cue=cue,
            implied_start=implied,
            **kw,
        )

    if re.search(
        r"\b(?:respective(?:ly)?|reasons?|why|cause[ds]?|drivers?|explain|calculated|defined|classified)\b", q, re.I
    ):
        return None  # a list of stated values, or a question about the why/how, not a calculation
    if (
        len(periods) >= 2
        and all(_YEAR.fullmatch(p) for p in periods)
        and re.search(r"\b(?:which|what)\s+(?:months?|quarters?|weeks?|days?)\b", q, re.I)
    ):
        return None  # "which month of 2015-2016 …" ranks months: a year's figure is none of them
    candidates = _candidates(q, periods, entities, several, bool(span))
    if not candidates:
        look_up = _LOOK_UP.match(q)
        # years only: "January through August 2022" asks the period's total (period_totals.py)
        several_years = len(periods) >= 2 and all(_YEAR.fullmatch(p) for p in periods)
        if look_up and (several_years or (not periods and _EACH_YEAR.search(q))):
            # "What were US imports from China from 2015 to 2018?", "… by year": each year's figure
            return make("series", None, measure=_measure(q, look_up.end()))
        if look_up and len(periods) <= 1 and coordinated(q, entities):
            # "What were US exports to Mexico and Canada in 2023?": each one's figure
            return make("series", None, measure=_measure(q, look_up.end()))
        return None
    # The cue written first governs: "the change in the average price" is a change,
    # "the average percentage of revenue" an average. Ties go to the more specific operation.
    _, _, op, m, extra = min(candidates, key=lambda c: (c[0], c[1]))
    if op in ("change", "pct_change") and re.match(r"\s*which\b", q, re.I):
        return None  # "Which mode's exports declined every year …?" asks for a name, not an amount
    if op in ("change", "difference") and extra.pop("by_periods", False):
        op = "change" if len(periods) >= 2 and len(entities) <= 1 and not re.search(r"\bthan\b", q) else "difference"
    absolute = re.search(r"\b(?:how much|amount|absolute)\b", q, re.I)
    if op == "change" and m.group(0).lower() == "growth" and not absolute:
        op = "pct_change"
    intent = make(op, m, **extra)
    if op in ("change", "pct_change") and _RANKS.fullmatch(intent.measure.strip(" ,?")):
        # "Which mode saw imports grow fastest from 2004 to 2005?": what grew most is asked, not
        # how much one series grew (a ranking, or the sentence saying which)
        return None
    return intent


# A question that looks a figure up (of one period, or of each of several)
_LOOK_UP = re.compile(r"\s*(?:and\s+)?(?:what (?:was|were|is|are)|how (?:much|many)|list|show|give)\b", re.I)
# … of every year the source has ("Show me US exports to Mexico by year")
_EACH_YEAR = re.compile(
    r"\b(?:by year|each year|every year|per year|year by year|year after year|over the years)\b", re.I
)

# A change "the most" or "fastest" is a ranking of several changes, not a change of its own.
_RANKS = re.compile(r"(?i:most|least|more|less|[a-z]+est)")


_PCT_WORD = r"(?:\b(?:percent(?:age)?|per cent)\b|%)"
_PLAIN_CHANGE = (
    r"increas(?:e|ed)|decreas(?:e|ed)|gr[eo]w|ris(?:e|en)|rose|f[ae]ll(?:en)?|declin(?:e|ed)|"
    r"drop(?:ped)?|chang(?:e|ed)"
)
# (priority, operation, pattern): a lower priority wins a tie at the same position
_CUES: list[tuple[int, str, str]] = [
    (
        0,
        "cagr",
        r"\b(?:cagr|compound(?:ed)? annual(?: growth)?(?: rate)?|annuali[sz]ed (?:growth|rate|increase)|"
        r"average annual (?:growth|rate|increase|change|percentage change)(?: rate)?|"
        r"(?:growth|increase) per year|average (?:yearly|annual) growth)\b",
    ),
    (1, "points", rf"{_PCT_WORD}\s*points?\b"),
    (2, "pct_change", rf"{_PCT_WORD}\s*(?:{_CHANGE_VERB}|difference)\b"),
    (2, "pct_change", rf"\bby (?:what|how many|how much)\s+{_PCT_WORD}(?!\s*points?\b)"),
    (2, "pct_change", rf"\bhow many {_PCT_WORD}(?!\s*points?\b)"),
    (2, "pct_change", rf"\bwhat {_PCT_WORD}(?= (?:did|has|have|does|do)\b.*\b(?:{_PLAIN_CHANGE})\b)"),
    (2, "pct_change", r"\b(?:growth|change|increase|decline) rate\b"),
    (2, "pct_change", r"\brate of (?:growth|change|increase|decline|decrease)\b"),
    (2, "pct_change", rf"\bin {_PCT_WORD} terms\b"),
    (2, "pct_change", rf"\b(?:{_PLAIN_CHANGE})\s+in\s+{_PCT_WORD}(?!\s*(?:of|terms|points?)\b)"),  # "change in percent"
    (2, "pct_change", r"\bhow fast\b"),
    (2, "pct_change", rf"\b(?:change|increase|decrease|difference)\b[^?]*\bas an? {_PCT_WORD} of\b"),
    (3, "share", r"\b(?:share|proportion|fraction|percentage|percent)\s+of\b|%\s+of\b"),
    (3, "share", r"(?<=what )(?:share|proportion|portion|fraction|part|percentage|percent)\b"),
    (3, "share", r"(?<=which )(?:share|proportion|fraction|part|percentage|percent)\b"),
    (3, "share", rf"\bas an? (?:{_PCT_WORD}|share|proportion|fraction) of\b"),
    (
        4,
        "ratio",
        r"\b(?:ratio|how many times|(?:times|fold) (?:as|larger|bigger|greater|higher|more|smaller|the)|"
        r"multiple of)\b",
    ),
    (5, "average", r"\b(?:average|mean)\b"),
    (6, "rank", r"\b(?:top|bottom|first|last)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b"),
    (6, "rank", r"\b(?:rank(?:ed|ing)?|order(?:ed)?|sort(?:ed)?)\b"),
    (7, "count", r"\bhow many\b"),
    (
        8,
        "sum",
        r"\b(?:combined|altogether|in total(?=\s*(?:[,?.]|$|for|in|from|across|over|during|between|at)\b)|"
        r"sum(?:med)? of|summed|aggregate|taken together|together|cumulative(?:ly)?)\b",
    ),
    (8, "sum", r"\btotal\b"),
    (9, "max", rf"\b(?:{_SUPER_MAX})\b"),
    (9, "min", rf"\b(?:{_SUPER_MIN})\b"),
    (
        10,
        "difference",
        r"\bhow much (?:more|less|higher|lower|larger|smaller|bigger|greater|fewer)\b|"
        r"\bhow many (?:more|fewer|less)\b",
    ),
    (10, "difference", r"\b(?:difference|differ(?:ed|s)?|gap)\b"),
    (11, "change", rf"\b(?:{_CHANGE_VERB})\b"),
]


def _candidates(q: str, periods: list[str], entities: list[str], several: bool, span: bool) -> list[tuple]:
    out: list[tuple] = []
    starts_wh = bool(re.match(r"\s*(?:which|what|who|where|when|in (?:which|what))\b", q, re.I))
    change_cue = re.search(rf"\b(?:{_CHANGE_VERB}|differ(?:ence)?)\b", q, re.I)
    for priority, op, pattern in _CUES:
        for m in re.finditer(pattern, q, re.I):
            extra: dict = {}
            if op == "points":
                verb = re.search(rf"\b(?:{_CHANGE_VERB}|differ(?:ence)?)\b", q, re.I)
                if not verb:
                    continue
                op_, m_ = "change", verb
                out.append((min(m.start(), verb.start()), priority, op_, m_, {}))
                continue
            if op == "rank":
                num = re.search(r"(\d+|two|three|four|five|six|seven|eight|nine|ten)\b", m.group(0), re.I)
                if num:
                    extra = {
                        "n": _number(num.group(1)),
                        "order": "asc" if m.group(0).lower().startswith(("bottom", "last")) else "desc",
                    }
                elif not (
                    re.match(r"\s*(?:rank|order|sort|list|how|which|what)", q, re.I)
                    and re.search(r"\bby\b", q[m.end() :], re.I)
                ):
                    continue
                else:
                    extra = {"order": "asc" if re.search(rf"\b(?:{_SUPER_MIN}|ascending)\b", q, re.I) else "desc"}
            elif op == "count":
                noun = re.match(r"\s*([\w\-]+)", q[m.end() :])
                cond = _condition(q)
                word = noun.group(1).lower() if noun else ""
                if not (
                    cond
                    or word == "of"
                    or re.search(r"\b(?:are|were) (?:there|listed|included|shown)\b|\b(?:listed|included)\b", q, re.I)
                ):
                    continue
                if word in ("more", "fewer", "less", "times", "percent", "percentage"):
                    continue
                extra = {"condition": cond}
            elif op == "sum" and m.group(0).lower() == "total":
                joined = (
                    len(periods) >= 2
                    or re.search(r"\b(?:both|all|each)\b", q, re.I)
                    or any(
                        re.search(rf"{re.escape(a)}\W+(?:and|,|plus)\W+(?:\w+\W+)?{re.escape(b)}", q)
                        for a in entities
                        for b in entities
                        if a != b
                    )
                )
                if not joined or change_cue:
                    continue  # "total US goods trade with Japan in 2019" is a look-up
            elif op == "average":
                if re.search(r"\b(?:weighted|net)\s*$", q[max(0, m.start() - 10) : m.start()]):
                    continue  # "the weighted average rate" is a figure the source states
            elif op in ("max", "min"):
                if not starts_wh or change_cue and re.search(r"\bhow much\b", q, re.I):
                    continue
            elif op == "difference":
                extra = {"by_periods": True}
            elif op == "change":
                if not (
                    len(periods) >= 2
                    or span
                    or re.search(
                        r"\b(?:by how much|how much (?:did|has|have|was|were)|how (?:did|has|have)|"
                        r"what (?:was|is|were|are) the)\b",
                        q,
                        re.I,
                    )
                ):
                    continue
                extra = {"by_periods": False}
            out.append((m.start(), priority, op, m, extra))
    return out
