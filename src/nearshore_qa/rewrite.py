"""Follow-up questions rewritten into standalone ones, by rule (the extractive default).

"And in 2023?" after "What was US trade with Mexico in 2022?" becomes "What was US trade with
Mexico in 2023?"; "What about Canada?" swaps the place or partner the previous question named.
"""

from __future__ import annotations

import re

from .text import MONTH, YEAR

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


def _relative_years(question: str, previous: str) -> list[str]:
    """ "And the following year?" after a question about 2024 means 2025."""
    old = YEAR.findall(previous)
    if not old:
        return []
    for pattern, delta in _RELATIVE_YEAR.items():
        if re.search(pattern, question, re.I):
            return [str(int(old[-1]) + delta)]
    return []


def rewrite_followup(question: str, history: list[str]) -> str:
    """A standalone question; unchanged when it is not a follow-up or there is no history."""
    if not history:
        return question
    previous = history[-1].strip().rstrip("?")
    if not is_followup(question):
        # "When was that project put on pause?": a full question whose subject is a pronoun
        # borrows the names of the previous question.
        if _ANAPHOR.search(question) and len(question.split()) <= 12 and not _names(question):
            carried = [n for n in _names(previous) if n not in ("United States",)]
            if carried:
                return f"{question.strip().rstrip('?')} ({', '.join(carried)})?"
        return question
    new_years = YEAR.findall(question) or _relative_years(question, previous)
    new_names = [n for n in _names(question) if not YEAR.fullmatch(n)]
    rewritten = previous
    if new_years:
        old_years = YEAR.findall(previous)
        if old_years:
            for old, new in zip(old_years, new_years + [new_years[-1]] * len(old_years), strict=False):
                rewritten = rewritten.replace(old, new, 1)
        else:
            rewritten = f"{rewritten} in {' and '.join(new_years)}"
    new_months = MONTH.findall(question)
    if new_months:
        old_months = MONTH.findall(rewritten)
        if old_months:
            rewritten = re.sub(rf"\b{old_months[0]}\b", new_months[0], rewritten, count=1)
        else:
            rewritten = f"{rewritten} in {new_months[0]}"
    if new_names:
        old_names = [n for n in _names(previous) if n not in ("United States",)]
        if old_names:
            rewritten = rewritten.replace(old_names[-1], new_names[0], 1)
        else:
            rewritten = f"{rewritten} for {new_names[0]}"
    if rewritten == previous and not new_years and not new_names and not new_months:
        return question
    return rewritten + "?"
