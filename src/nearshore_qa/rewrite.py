"""Follow-up questions rewritten into standalone ones, by rule (the extractive default).

"And in 2023?" after "What was US trade with Mexico in 2022?" becomes "What was US trade with
Mexico in 2023?"; "What about Canada?" swaps the place or partner the previous question named.
"""

from __future__ import annotations

import re

from .text import MONTH, MONTHS, YEAR

_FOLLOWUP = re.compile(r"^\s*(and|what about|how about|and what about|what of|same for|and for|and in|in|for)\b", re.I)
_NAME = re.compile(r"\b[A-Z][\wÀ-ÿ\-]*(?:\s+[A-Z][\wÀ-ÿ\-]*)*")
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
}
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
    if _STANDALONE.match(question):
        return False
    return bool(_FOLLOWUP.match(question)) and len(words) <= 8 or len(words) <= 3


def _names(text: str) -> list[str]:
    out = []
    for m in _NAME.finditer(text):
        # Months are a slot of their own (swapped like years), not a place or partner.
        words = [w for w in m.group(0).split() if w not in _IGNORE and not MONTH.fullmatch(w)]
        if words:
            out.append(" ".join(words))
    return out


_RELATIVE_YEAR = {
    r"the following year|the next year|a year later|the year after": 1,
    r"the previous year|the year before|a year earlier|the prior year": -1,
}
_ANAPHOR = re.compile(r"\b(that|this|these|those|it|its|they|their|them)\b", re.I)
# The measure a trade question asks about: the slot "And imports?" changes. Exports go *to* a
# partner and imports come *from* one, so swapping one for the other swaps the preposition.
_MEASURE = re.compile(r"\b(exports?|imports?|trade|deficits?|surplus(?:es)?|balance|investment|FDI)\b", re.I)
_DIRECTION = {"export": "to", "import": "from"}
# The transport mode is a slot too ("And by pipeline?" after "… did trucks carry …?").
_MODE = re.compile(r"\b(by\s+)?(trucks?|rail|air|vessels?|pipelines?|mail)\b", re.I)
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
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(?P<dir>later|after|on|earlier|before|prior)\b",
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


def _subject_names(text: str) -> list[tuple[int, int, str]]:
    """The previous question's names that a follow-up can swap: places, partners, firms —
    not the source of the figures ("according to BTS", "the Census Bureau data")."""
    out = []
    for m in _NAME.finditer(text):
        words = [w for w in m.group(0).split() if w not in _IGNORE and not MONTH.fullmatch(w)]
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


def _replace_measure(text: str, new: str) -> str:
    old = list(_MEASURE.finditer(text))
    if not old:
        return text
    match = old[-1]
    word = new.lower() if match.group(0)[0].islower() else new
    text, end = _replace(text, match.start(), match.end(), word)
    # "exports to Mexico" -> "imports from Mexico"
    was, now = _DIRECTION.get(match.group(0).lower().rstrip("s")), _DIRECTION.get(new.lower().rstrip("s"))
    if was and now and was != now:
        text = text[:end] + re.sub(rf"^(\s+){was}\b", rf"\g<1>{now}", text[end:], count=1)
    return text


def rewrite_followup(question: str, history: list[str]) -> str:
    """A standalone question; unchanged when it is not a follow-up or there is no history.

    The previous question is taken as it stands and only the slots the follow-up changes are
    replaced in it: the year or period, the month, the place or partner, the measure
    (exports, imports, deficit …); a clause that described a replaced value goes with it.
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
    new_years = YEAR.findall(question) or _relative_years(question, previous)
    if moved and moved[1] and moved[1] not in previous:
        new_years = [moved[1]]  # "the following month" after December runs into the next year
    new_names = [n for n in _names(question) if not YEAR.fullmatch(n) and not _MEASURE.fullmatch(n)]
    new_measures = [m.group(0) for m in _MEASURE.finditer(question)]
    rewritten = previous
    if new_years:
        rewritten = _replace_years(rewritten, question, new_years)
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
    if new_measures and not any(m.lower() in previous.lower() for m in new_measures):
        rewritten = _replace_measure(rewritten, new_measures[0])
    new_modes = [m.group(2) for m in _MODE.finditer(question)]
    if new_modes and not _MODE.search(previous):
        rewritten = f"{rewritten} by {new_modes[0]}"
    elif new_modes and new_modes[0].lower() not in previous.lower():
        old_mode = list(_MODE.finditer(rewritten))[-1]
        rewritten, _ = _replace(rewritten, old_mode.start(2), old_mode.end(2), new_modes[0])
    if rewritten == previous and not new_years and not new_names and not new_months and not new_measures:
        return question
    return rewritten + "?"
