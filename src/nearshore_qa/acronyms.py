"""Acronyms and their spelled-out forms: "NBER" is "National Bureau of Economic Research", a
run of capitalised words whose initials spell it (lower-case "of", "and", "for", "the" between
them, hyphenated words counting each part: "United States-Mexico-Canada Agreement" = USMCA).

A report that names the bureau in full never writes "NBER", and one that writes "BTS" may never
spell it out: a question and a passage that name the same thing the two ways still match.
"""

from __future__ import annotations

import re
from collections import Counter

# Words a name's initials skip ("Bureau of Transportation Statistics" = BTS).
_JOINING = frozenset({"of", "and", "for", "the", "&"})
# A capitalised word (at least one lower-case letter: "NBER" itself is no part of a spelling),
# possibly hyphenated ("High-Level"), or a joining word.
_TOKEN = re.compile(r"[A-Z][a-zà-ÿ][\wà-ÿ'’]*(?:[-–][A-Z][\wà-ÿ'’]*)*|\b(?:of|and|for|the|&)\b|\S+")
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
MIN_LETTERS, MAX_LETTERS = 3, 6


def _is_capitalised(token: str) -> bool:
    return token[0].isupper() and token.lower() not in _JOINING and any(c.islower() for c in token)


def _initials(token: str) -> str:
    return "".join(part[0] for part in re.split(r"[-–]", token) if part)


def spelled_forms(text: str) -> Counter[tuple[str, str]]:
    """Every (initials, words) a run of capitalised words in ``text`` spells, 3 to 6 letters,
    counted: a run starts and ends with a capitalised word and may hold joining words."""
    found: Counter[tuple[str, str]] = Counter()
    tokens = _TOKEN.findall(text)
    for i, first in enumerate(tokens):
        if not _is_capitalised(first):
            continue
        letters, words = "", []
        for token in tokens[i:]:
            if _is_capitalised(token):
                letters += _initials(token)
                words.append(token)
                if len(letters) > MAX_LETTERS:
                    break
                if len(letters) >= MIN_LETTERS:
                    found[(letters.upper(), " ".join(words))] += 1
            elif token.lower() in _JOINING and token[0].islower():
                words.append(token)
            else:
                break
    return found


def spelled_acronyms(text: str) -> set[str]:
    """The acronyms (upper case) that runs of capitalised words in ``text`` spell out."""
    return {letters for letters, _ in spelled_forms(text)}


def acronyms_in(text: str) -> set[str]:
    """The acronyms ``text`` writes (all-capital words of 3 to 6 letters)."""
    return set(_ACRONYM.findall(text))


def unwritten_spellings(texts) -> dict[str, str]:
    """For each acronym (upper case) that ``texts`` spell out and never write, its most
    frequent spelling: what a lexical search for the acronym should look for instead."""
    counts: Counter[tuple[str, str]] = Counter()
    written: set[str] = set()
    for text in texts:
        written |= acronyms_in(text)
        counts.update(spelled_forms(text))
    best: dict[str, tuple[int, str]] = {}
    for (letters, words), n in sorted(counts.items()):
        if letters not in written and (letters not in best or n > best[letters][0]):
            best[letters] = (n, words)
    return {letters: words for letters, (_, words) in sorted(best.items())}
