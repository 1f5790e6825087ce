"""Follow-up questions rewritten into standalone ones, by rule (the extractive default).

"And in 2023?" after "What was US trade with Mexico in 2022?" becomes "What was US trade with
Mexico in 2023?"; "What about Canada?" swaps the place or partner the previous question named.
"""

from __future__ import annotations

import re

from .text import MONTH, MONTHS, QUARTER_ORDINALS, YEAR, term_stems

_FOLLOWUP = re.compile(
    r"^\s*(?:and|what about|how about|and what about|what of|and for|and in|in|for"
    # "Same question for Canada", "Now Canada", "Do the same for 2021", "Repeat that for Texas"
    r"|same(?:\s+(?:question|thing|figure|again))?(?:\s+(?:for|in|about|with))?|now(?:\s+(?:for|in|do|with))?"
    r"|(?:do|repeat)\s+(?:the same|that|this|it)(?:\s+(?:for|in|with))?)\b",
    re.I,
)
# "What was it in 2020?", "How much was that for Canada?", "What was the figure for 2021?": the
# subject is the previous question's figure, and only the period or place the question names is new.
_SAME_FIGURE = re.compile(
    r"^\s*(?:and\s+)?(?:what|how much|how many)\s+(?:was|were|is|are|did|does|will)\s+"
    r"(?:it|that|this|they|those|these|the\s+(?:same\s+)?(?:figure|number|value|amount|total|level|count|one)s?)\b",
    re.I,
)
# "How much of that was US exports?", "What part of it went by rail?": a part of the previous figure
_PART_OF_FIGURE = re.compile(
    r"^\s*(?:and\s+)?(?:how much|how many|what (?:part|share|portion|proportion))\s+of\s+(?:that|it|this|those|them)\b"
    r"(?:\s+(?:was|were|is|are|went|came|did))?",
    re.I,
)
_NAME = re.compile(r"\b[A-Z][\wÀ-ÿ\-]*(?:\s+[A-Z][\wÀ-ÿ\-]*)*")
# … and with the small words inside a name ("Secretaría de Economía", "Bank of Canada"), so that a
# source named so is one name, not a source and a place
_LONG_NAME = re.compile(r"\b[A-Z][\wÀ-ÿ\-]*(?:\s+(?:(?:de|del|la|las|los|of|y)\s+)?[A-Z][\wÀ-ÿ\-]*)*")
_IGNORE = {
    "And",
    "What",
    "How",
    "In",
    "For",
    "On",
    "At",
    "By",
    "From",
    "To",
    "Of",
    "With",
    "The",
    "Same",
    "US",
    "U.S.",
    "About",
    "Which",
    "Who",
    "When",
    "Is",
    "Was",
    "Where",
    "Why",
    "Whose",
    "Whom",
    "Are",
    "Were",
    "Does",
    "Do",
    "Did",
    "Define",
    "Explain",
    "Describe",
    "Now",
    "Repeat",
    "Also",
    "Then",
    "Please",
}
_PERIOD_CODE = re.compile(r"(?:Q[1-4]|H[12]|FY\d{2,4})")  # "Q2 2020": a period, not a name
# A short question that asks something itself ("What is IMMEX?", "Who is Sheinbaum?", "In which
# year did ...?") is standalone, not a fragment to splice into the previous question.
_STANDALONE = re.compile(
    r"^\s*(?:(?:and\s+)?(?:in|for)\s+(?:which|what|whom|how)\b"
    r"|(?:what|who|when|where|why|which|how)(?:['’]s\b|\s+(?:is|are|was|were|does|do|did|has|have|had)\b)"
    r"|(?:define|explain|describe)\b)",
    re.I,
)


def is_followup(question: str) -> bool:
    words = question.split()
    if _SAME_FIGURE.match(question) and len(words) <= 12 and _names_a_slot(question):
        return True
    if _PART_OF_FIGURE.match(question) and len(words) <= 12:
        return True
    if _STANDALONE.match(question):
        return False
    return bool(_FOLLOWUP.match(question)) and len(words) <= 8 or len(words) <= 3


def _names_a_slot(question: str) -> bool:
    """The question names a period or a place of its own (what a follow-up changes)."""
    return bool(
        YEAR.search(question)
        or MONTH.search(question)
        or _QUARTER.search(question)
        or _RELATIVE_QUARTER.search(question)
        or _YEARS_APART.search(question)
        or any(re.search(p, question, re.I) for p in _RELATIVE_YEAR)
        or _names(question)
    )


def _names(text: str) -> list[str]:
    out = []
    for m in _NAME.finditer(text):
        # Months are a slot of their own (swapped like years), not a place or partner.
        words = [w for w in m.group(0).split() if not _not_a_name(w)]
        if words:
            out.append(" ".join(words))
    return out


def _not_a_name(word: str) -> bool:
    return word in _IGNORE or bool(MONTH.fullmatch(word) or _PERIOD_CODE.fullmatch(word))


_RELATIVE_YEAR = {
    r"the following year|the next year|a year later|the year after": 1,
    r"the previous year|the year before|a year earlier|the prior year": -1,
}
_ANAPHOR = re.compile(r"\b(that|this|these|those|it|its|they|their|them)\b", re.I)
# The measure a trade question asks about: the slot "And imports?" changes. Exports go *to* a
# partner and imports come *from* one, so swapping one for the other swaps the preposition.
_MEASURE = re.compile(
    r"\b(export(?:s|ed|ing)?|import(?:s|ed|ing)?|trade|deficits?|surplus(?:es)?|balance|investment|FDI)\b", re.I
)
_FLOW = re.compile(r"^(export|import)(s|ed|ing)?$", re.I)
_DIRECTION = {"export": "to", "import": "from"}
# The transport mode is a slot too ("And by pipeline?" after "… did trucks carry …?").
_MODE = re.compile(r"\b(by\s+)?(trucks?|rail|air|vessels?|pipelines?|mail)\b", re.I)
_RANGE = re.compile(r"\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|through|until|and)\s+(?:19|20)\d\d\b", re.I)
# Where a year is a range's start or its end ("from 2019", "to 2024").
_RANGE_START = re.compile(r"\b(?:from|since|between|starting(?: in)?)\s*$", re.I)
_RANGE_END = re.compile(r"\b(?:to|until|till|through|thru|and)\s*$", re.I)
# A clause that describes the value just replaced: an appositive (", the first year of
# NAFTA", ", when …") or a parenthesis. It described the old value; it does not fit the new one.
_APPOSITIVE = re.compile(
    r"^(?:\s*,\s*(?:the|a|an|its|their|his|her|when|which|who|whose|where|during|after|before|as)\b[^,?;]*"
    r"|\s*\([^)]*\))",
    re.I,
)
# Names that say where a figure comes from rather than what it is about ("according to BTS",
# "per the Census Bureau data"): a follow-up about another place does not replace them.
_SOURCE_BEFORE = re.compile(r"\b(?:according to|per|from|by|in)\s+(?:the\s+)?$", re.I)
_SOURCE_AFTER = re.compile(r"^\s+(?:data|figures|series|statistics|report|release|survey|numbers)\b", re.I)


# "two years later", "3 years earlier", "five years before": a count of years from the last one.
_YEARS_APART = re.compile(
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(?P<dir>later|after|on|earlier|before|prior)\b",
    re.I,
)
_COUNT_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip


def _count_apart(m: re.Match[str]) -> int:
    """The signed count of an "N years/months later/earlier" match (its groups ``n`` and ``dir``)."""
    count = _COUNT_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    return count if m.group("dir").lower() in ("later", "after", "on") else -count


def _relative_years(question: str, previous: str) -> list[str]:
    """ "And the following year?" after a question about 2024 means 2025; "two years
    earlier", 2022."""
    old = YEAR.findall(previous)
    if not old:
        return []
    for pattern, delta in _RELATIVE_YEAR.items():
        if re.search(pattern, question, re.I):
            return [str(int(old[-1]) + delta)]
    apart = _YEARS_APART.search(question)
    return [str(int(old[-1]) + _count_apart(apart))] if apart else []


# "the following month", "a month earlier", "three months later": a count of months from the
# previous question's month, across a year's end when it runs over one.
_MONTHS_APART = re.compile(
    r"\b(?:(?:the\s+)?(?P<rel>following|next|previous|prior)\s+month|the\s+month\s+(?P<rel2>after|before)"
    r"|(?P<n>a|one|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months?\s+"
    r"(?P<dir>later|after|on|earlier|before|prior))\b",
    re.I,
)


def _relative_month(question: str, previous: str) -> tuple[str, str] | None:
    """(month, year) that "And the following month?" means after a question about ``previous``'s
    month ("… in December 2019" → ("January", "2020")); None when it says no such thing."""
    m = _MONTHS_APART.search(question)
    months, years = MONTH.findall(previous), YEAR.findall(previous)
    if m is None or not months:
        return None
    if m.group("n"):
        delta = _count_apart(m)
    else:
        delta = 1 if (m.group("rel") or m.group("rel2")).lower() in ("following", "next", "after") else -1
    shift, index = divmod(MONTHS.index(months[0]) + delta, 12)
    return MONTHS[index], str(int(years[-1]) + shift) if years else ""


# A quarter, as "Q3" or "the third quarter"; and one counted from the previous question's.
_QUARTER = re.compile(r"\bQ([1-4])\b|\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b", re.I)
_RELATIVE_QUARTER = re.compile(
    r"\b(?:(?:the\s+)?(?P<rel>previous|prior|preceding|next|following)\s+quarter|the\s+quarter\s+(?P<rel2>before|after)"
    r"|(?P<n>a|one|two|three|four|\d)\s+quarters?\s+(?P<dir>later|after|on|earlier|before|prior))\b",
    re.I,
)
_ORDINAL_OF = {n: word for word, n in QUARTER_ORDINALS.items() if not word[0].isdigit()}


def _quarter_number(m: re.Match[str]) -> int:
    return int(m.group(1)) if m.group(1) else QUARTER_ORDINALS[m.group(2).lower()]


def _quarter_like(old: re.Match[str], n: int) -> str:
    """Quarter ``n`` written as ``old`` wrote its own ("Q3" -> "Q2", "the third quarter" -> "the second quarter")."""
    if old.group(1):
        return f"Q{n}"
    return old.group(0)[: old.start(2) - old.start()] + _ORDINAL_OF[n] + " quarter"


def _relative_quarter(question: str, previous: str) -> tuple[int, str] | None:
    """(quarter, year) that "And the previous quarter?" means after a question about
    ``previous``'s quarter ("Q1 2024" -> (4, "2023")); None when it says no such thing."""
    m = _RELATIVE_QUARTER.search(question)
    old = _QUARTER.search(previous)
    if m is None or old is None:
        return None
    if m.group("n"):
        delta = _count_apart(m)
    else:
        delta = 1 if (m.group("rel") or m.group("rel2")).lower() in ("next", "following", "after") else -1
    shift, index = divmod(_quarter_number(old) - 1 + delta, 4)
    years = YEAR.findall(previous)
    return index + 1, str(int(years[-1]) + shift) if years else ""


def _replace_quarter(text: str, question_quarter: re.Match[str] | None, n: int) -> str:
    """``text`` with its quarter made ``n``; one added before its year ("in 2019" -> "in the
    third quarter of 2019") where it named none."""
    old = _QUARTER.search(text)
    if old:
        return _replace(text, old.start(), old.end(), _quarter_like(old, n))[0]
    coded = question_quarter is not None and bool(question_quarter.group(1))
    named = f"Q{n}" if coded else f"the {_ORDINAL_OF[n]} quarter"
    years = list(YEAR.finditer(text))
    if not years:
        return f"{text} in {named}"
    at = years[-1]
    return text[: at.start()] + f"{named}{' ' if coded else ' of '}{at.group(0)}" + text[at.end() :]


def _continues(question: str) -> bool:
    """A longer question that still only continues the previous one: it opens like a
    follow-up ("And what was …") and names nothing of its own besides a period."""
    return (
        bool(_FOLLOWUP.match(question))
        and len(question.split()) <= 16
        and bool(YEAR.search(question) or MONTH.search(question))
        and not [n for n in _names(question) if not YEAR.fullmatch(n)]
    )


def _replace(text: str, start: int, end: int, new: str) -> tuple[str, int]:
    """``text`` with ``text[start:end]`` replaced by ``new`` and a clause that described the
    old value dropped; the end of the new value."""
    tail = text[end:]
    clause = _APPOSITIVE.match(tail)
    if clause:
        tail = tail[clause.end() :]
    return text[:start] + new + tail, start + len(new)


def _replace_years(text: str, question: str, new_years: list[str]) -> str:
    old = list(YEAR.finditer(text))
    if not old:
        return f"{text} in {' and '.join(new_years)}"
    asked = list(YEAR.finditer(question))
    if len(old) == 1 and len(asked) >= 2:
        # "What about 2015 to 2018?" after a question about one year: the period is the range
        start = re.search(r"\bin\s+$", text[: old[0].start()])
        return _replace(text, start.start() if start else old[0].start(), old[0].end(), _period(question, asked))[0]
    at = YEAR.search(question)
    span = _RANGE.search(text)
    if len(new_years) == 1 and span and at and re.search(r"\bin\s+$", question[: at.start()], re.I):
        # "And the percent change in 2025?" after "… from 2022 to 2024": one year, not a range's end
        return _replace(text, span.start(), span.end(), f"in {new_years[0]}")[0]
    if len(new_years) >= len(old):
        pairs = list(zip(old, new_years, strict=False))
    else:
        # One new year against a range: the question's own preposition says which end moves
        # ("And from 2020?", "And to 2025?"); otherwise the last year does.
        at = YEAR.search(question)
        before = question[: at.start()] if at else ""
        if _RANGE_START.search(before):
            pairs = [(old[0], new_years[0])]
        elif _RANGE_END.search(before) or len(new_years) == 1:
            pairs = [(old[-1], new_years[-1])]
        else:
            pairs = list(zip(old, new_years, strict=False))
    for match, new in sorted(pairs, key=lambda p: -p[0].start()):  # from the end: offsets hold
        text, _ = _replace(text, match.start(), match.end(), new)
    return text


def _period(question: str, years: list[re.Match[str]]) -> str:
    """The years a question names, as a period: "from 2015 to 2018", "between 2015 and 2018",
    "in 2015 and 2018"."""
    span = question[years[0].start() : years[-1].end()]
    opener = re.search(r"\b(from|between|since)\s+$", question[: years[0].start()], re.I)
    if opener:
        return f"{opener.group(1).lower()} {span}"
    between = question[years[0].end() : years[-1].start()]
    return f"from {span}" if re.fullmatch(r"\s*(?:to|through|until|-|–|—)\s*", between) else f"in {span}"


def _subject_names(text: str) -> list[tuple[int, int, str]]:
    """The previous question's names that a follow-up can swap: places, partners, firms —
    not the source of the figures ("according to BTS", "the Census Bureau data")."""
    out = []
    for m in _LONG_NAME.finditer(text):
        words = [w for w in m.group(0).split() if not _not_a_name(w)]
        if not words or words == ["United", "States"]:
            continue
        name = " ".join(words)
        start = text.index(name, m.start())
        end = start + len(name)
        if _SOURCE_BEFORE.search(text[:start]) and not re.search(r"\b(?:in|from)\s+$", text[:start]):
            continue
        if _SOURCE_AFTER.match(text[end:]) or text[:start].count("(") > text[:start].count(")"):
            continue  # a source, or a name inside a parenthesis that describes another one
        out.append((start, end, name))
    return out


def _measure_stem(word: str) -> str:
    """ "exported", "exports" -> "export": one measure however it is inflected."""
    flow = _FLOW.match(word)
    return flow.group(1).lower() if flow else word.lower()


def _replace_measure(text: str, new: str) -> str:
    old = list(_MEASURE.finditer(text))
    if not old:
        return text
    match = old[-1]
    was_flow, new_flow = _FLOW.match(match.group(0)), _FLOW.match(new)
    if was_flow and new_flow:  # "did the US import" -> "did the US export", not "… exports"
        new = new_flow.group(1) + (was_flow.group(2) or "")
    word = new.lower() if match.group(0)[0].islower() else new
    text, end = _replace(text, match.start(), match.end(), word)
    # "exports to Mexico" -> "imports from Mexico"
    was, now = _DIRECTION.get(_measure_stem(match.group(0))), _DIRECTION.get(_measure_stem(new))
    if was and was != now:  # a balance or trade is *with* a partner
        text = text[:end] + re.sub(rf"^(\s+){was}\b", rf"\g<1>{now or 'with'}", text[end:], count=1)
    return text


def rewrite_followup(question: str, history: list[str]) -> str:
    """A standalone question; unchanged when it is not a follow-up or there is no history.

    The previous question is taken as it stands and only the slots the follow-up changes are
    replaced in it: the year or period, the quarter, the month, the place or partner, the
    measure (exports, imports, deficit …, or any other thing measured: "And net absorption?");
    a clause that described a replaced value goes with it.
    """
    if not history:
        return question
    previous = history[-1].strip().rstrip("?")
    if not (is_followup(question) or _continues(question)):
        # "When was that project put on pause?": a full question whose subject is a pronoun
        # borrows the names of the previous question.
        if _ANAPHOR.search(question) and len(question.split()) <= 12 and not _names(question):
            carried = [n for n in _names(previous) if n not in ("United States",)]
            if carried:
                return f"{question.strip().rstrip('?')} ({', '.join(carried)})?"
        return question
    moved = None if MONTH.search(question) else _relative_month(question, previous)
    quarter_named = _QUARTER.search(question)
    quarter_moved = None if quarter_named else _relative_quarter(question, previous)
    new_years = YEAR.findall(question) or _relative_years(question, previous)
    if moved and moved[1] and moved[1] not in previous:
        new_years = [moved[1]]  # "the following month" after December runs into the next year
    if quarter_moved and quarter_moved[1] and quarter_moved[1] not in previous:
        new_years = [quarter_moved[1]]  # "the next quarter" after Q4 runs into the next year
    new_names = [n for n in _names(question) if not YEAR.fullmatch(n) and not _MEASURE.fullmatch(n)]
    new_measures = [m.group(0) for m in _MEASURE.finditer(question)]
    phrase = _measure_phrase(question, new_names, previous)
    rewritten = previous
    if phrase:
        rewritten = _replace_subject(rewritten, phrase) or rewritten
    if new_years:
        rewritten = _replace_years(rewritten, question, new_years)
    new_quarter = _quarter_number(quarter_named) if quarter_named else quarter_moved[0] if quarter_moved else None
    if new_quarter:
        rewritten = _replace_quarter(rewritten, quarter_named, new_quarter)
    new_months = MONTH.findall(question) or ([moved[0]] if moved else [])
    if new_months:
        old_months = list(MONTH.finditer(rewritten))
        if old_months:
            rewritten, _ = _replace(rewritten, old_months[0].start(), old_months[0].end(), new_months[0])
        else:
            rewritten = f"{rewritten} in {new_months[0]}"
    if new_names:
        old_names = _subject_names(rewritten)
        # Prefer a name of the same shape: an acronym for an acronym, a name for a name.
        same = [n for n in old_names if n[2].isupper() == new_names[0].isupper()] or old_names
        if same:
            start, end, _ = same[-1]
            rewritten, _ = _replace(rewritten, start, end, new_names[0])
        else:
            rewritten = f"{rewritten} for {new_names[0]}"
    asked_before = {_measure_stem(m.group(0)) for m in _MEASURE.finditer(previous)}
    if not phrase and new_measures and not {_measure_stem(m) for m in new_measures} & asked_before:
        flow_asked = any(_FLOW.match(m.group(0)) for m in _MEASURE.finditer(rewritten))
        if flow_asked and not _FLOW.match(new_measures[0]) and not _COPULA.match(rewritten):
            # "And the deficit?" after "How much did the US import from Mexico …": a balance is
            # the US's *with* a partner, asked as a thing rather than as the verb it replaces
            word = new_measures[0] if new_measures[0].isupper() else new_measures[0].lower()
            balance = _replace_subject(rewritten, f"the {word}")
            rewritten = re.sub(r"^(What was the \w+ )(?:from|to)\b", r"\1with", balance) if balance else rewritten
        else:
            rewritten = _replace_measure(rewritten, new_measures[0])
    new_modes = [m.group(2) for m in _MODE.finditer(question)]
    if new_modes and not _MODE.search(previous):
        rewritten = f"{rewritten} by {new_modes[0]}"
    elif new_modes and new_modes[0].lower() not in previous.lower():
        old_mode = list(_MODE.finditer(rewritten))[-1]
        rewritten, _ = _replace(rewritten, old_mode.start(2), old_mode.end(2), new_modes[0])
    if rewritten == previous and not (new_years or new_names or new_months or new_measures or new_quarter):
        return question
    return rewritten + "?"


# -- the thing measured ---------------------------------------------------------------------
# "And net absorption?", "What about the share of total imports?": what is left of a follow-up
# once its opener, periods, places and mode are taken out, when it is a noun phrase of its own.
_PREPOSITION = r"(?:in|for|with|to|from|at|by|between|during|on|across|among|into|through|of)"
_NOT_A_PHRASE = re.compile(
    r"\b(?:what|which|who|whom|whose|when|where|why|how|did|does|do|was|were|is|are|has|have|had|will|would|"
    r"can|could|it|that|this|they|them|their|its|those|these)\b",
    re.I,
)
_PERIOD_WORDS = re.compile(
    r"\b(?:years?|months?|quarters?|period|same|later|earlier|ago|previous|prior|following|next|before|after)\b",
    re.I,
)
_EDGE_WORDS = re.compile(rf"^(?:{_PREPOSITION}|and|or|please|also|then|now|the)$", re.I)


def _measure_phrase(question: str, names: list[str], previous: str) -> str | None:
    """The thing measured that a follow-up asks about instead ("net absorption" in "And net
    absorption in Juárez?"); None when it asks no new one, or one of the measures the rule
    for exports, imports, trade and balances swaps."""
    text = question.strip().rstrip("?.! ")
    opener = _PART_OF_FIGURE.match(text) or _FOLLOWUP.match(text)
    if opener:
        text = text[opener.end() :]
    for name in names:
        text = re.sub(rf"(?:\b{_PREPOSITION}\s+)?(?:the\s+)?{re.escape(name)}(?:['’]s)?", " ", text)
    for pattern in (YEAR, MONTH, _QUARTER, _RELATIVE_QUARTER, _YEARS_APART, _MONTHS_APART, _MODE):
        text = pattern.sub(" ", text)
    words = re.sub(r"[,;:]", " ", text).split()
    if words and re.fullmatch(r"(?i:at|in|during|on|over|around|near|through|since|until|before|after)", words[0]):
        return None  # "And at the 2018 peak?": when or where, not what is measured
    while words and _EDGE_WORDS.match(words[-1]):
        words.pop()
    while words and _EDGE_WORDS.match(words[0]) and words[0].lower() != "the":
        words.pop(0)
    phrase = " ".join(words)
    if not phrase or len(words) > 6 or _NOT_A_PHRASE.search(phrase) or _PERIOD_WORDS.search(phrase):
        return None
    terms = set(term_stems(_MEASURE.sub(" ", phrase))) - {"us", "u.s"}  # "US exports" is the flow alone
    if not terms or terms <= set(term_stems(previous)):
        return None  # only the measures swapped by rule, or a thing the previous question named
    return phrase


# "What was the vacancy rate in Monterrey …": the thing measured, between the copula and the
# first preposition of place or period.
_COPULA = re.compile(
    r"^(\s*(?:what|which)\s+(?:was|were|is|are|will be|has been|had been)\s+)(.+?)"
    r"(?=\s+(?:in|for|with|to|from|at|by|between|during|on|across|among|into|through)\b|\s*[,?]|\s*$)",
    re.I,
)
_POSSESSOR = re.compile(r"^([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*['’]s)\s")


# A measure of the previous measure: "the percent change" of imports, "the share" of trucks.
_OF_THE_MEASURE = re.compile(
    r"\b(?:change|changes|growth|increase|decrease|decline|rise|fall|share|percentage|proportion|rank|ranking)\b", re.I
)
# "How much did the US import …", "How many northbound trucks crossed …": the measure a
# question asks with a verb, as a noun phrase ("US imports", "northbound trucks")
_VERB_MEASURE = re.compile(
    r"^\s*how (?:much|many)\s+(?:(?:did|does|do|has|have)\s+(?:the\s+)?(?P<who>.+?)\s+(?P<flow>export|import)\b"
    r"|(?P<what>.+?)\s+(?:did|do|does|were|was|are|is|crossed|entered|moved|went|came|passed|arrived|left)\b)",
    re.I,
)


def _asked_measure(previous: str) -> str:
    """What ``previous`` measures, as a noun phrase; "" when it cannot be read."""
    m = _COPULA.match(previous)
    if m:
        return m.group(2)
    m = _VERB_MEASURE.match(previous)
    if m and m.group("flow"):
        return f"{m.group('who')} {m.group('flow').lower()}s"
    return m.group("what") if m and m.group("what") else ""


def _replace_subject(previous: str, phrase: str) -> str | None:
    """``previous`` asking about ``phrase`` instead, for the same place and period; None when
    it states neither to keep. A measure of the measure ("the percent change") keeps it:
    "the percent change in US imports"."""
    derived = _OF_THE_MEASURE.search(phrase)
    if derived and not re.search(r"\b(?:of|in|for)\s+\w", phrase[derived.end() :]):
        measure = _asked_measure(previous)
        if measure and not _OF_THE_MEASURE.search(measure):
            part = re.match(r"(?i:share|percentage|proportion|rank|ranking)", derived.group(0))
            phrase = f"{phrase} {'of' if part else 'in'} {measure}"
    m = _COPULA.match(previous)
    if m:
        possessor = _POSSESSOR.match(m.group(2))
        if possessor and phrase.lower().startswith("the "):
            phrase = f"{possessor.group(1)} {phrase[4:]}"  # "Mexico's share" -> "Mexico's vacancy rate"
        head = re.split(r"\s+(?:in|of|for)\s+", phrase)[0].split()[-1]
        plural = head.endswith("s") and not head.endswith("ss")
        copula = re.sub(
            r"\b(?:was|were|is|are)\b",
            lambda c: (
                {"was": "were", "is": "are"}.get(c.group(0).lower(), c.group(0).lower())
                if plural
                else {"were": "was", "are": "is"}.get(c.group(0).lower(), c.group(0).lower())
            ),
            m.group(1),
            count=1,
        )
        return copula + phrase + previous[m.end(2) :]
    # "How much did the US import from Mexico in 2019?": keep where and when it asked about
    starts = [start for start, _, _ in _subject_names(previous)]
    starts += [m.start() for p in (YEAR, MONTH, _QUARTER) for m in p.finditer(previous)]
    if not starts:
        return None
    at = min(starts)
    before = re.search(rf"\b{_PREPOSITION}\s+(?:the\s+)?$", previous[:at])
    return f"What was {phrase} {previous[before.start() if before else at :].strip()}"
