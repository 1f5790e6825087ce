"""Words the pipeline reads the same way everywhere: years, month names, the terms of a
sentence, the abstention sentence.

Two tokenisations exist on purpose: ``term_stems`` here (the answerers' and the follow-up
rewriter's view of a sentence: its content words, stemmed) and ``lexical.index_stems`` (the
BM25 index's tokens, which must match what bm25s indexed). They differ in stopwords and in
how numbers and apostrophes split, so they are not interchangeable.
"""

from __future__ import annotations

import re
import unicodedata

import Stemmer

from .places import PLACE_WORDS

# A year of the 20th or 21st century as a whole number ("2024", not "20245" or "$2,024").
YEAR_PATTERN = r"(?:19|20)\d\d"
YEAR = re.compile(rf"\b{YEAR_PATTERN}\b")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
MONTH_NAMES = "|".join(MONTHS)  # for building patterns: "January|February|…"
MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\b")  # a month named in full, capitalised
# "the third quarter", "the 3rd quarter": the quarter an ordinal names
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_STEM = Stemmer.Stemmer("english")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*")
# The words that shape a question rather than name its subject.
STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but is are was were be been being do does did
what which who whom whose when where why how much many there their its it this that these those as than then into
about over under between during per vs versus according has have had can could would should will shall may might
me my our we you your i tell give show list please any some more most less least also still did does
happen happened value amount number figure figures total data""".split()
)


def term_stems(text: str) -> list[str]:
    """The content words of ``text``, lower-cased and Snowball-stemmed, in order; numbers whole."""
    words = [w.lower().strip("'’-") for w in _WORD.findall(text)]
    return [_STEM.stemWord(w) for w in words if w and w not in STOPWORDS]


# "U.S." and "U.S.A.": one word each, not the letters U and S (which no term weighs or matches)
_DOTTED_US = re.compile(r"\bU\.S\.(A\.)?(?=[\s,;:?!–—\-]|$)")


def undotted(question: str) -> str:
    """``question`` with "U.S." written "US" and "U.S.A." "USA", as most passages write them."""
    return _DOTTED_US.sub(lambda m: "USA" if m.group(1) else "US", question)


def one_line(text: str) -> str:
    """A quoted passage as a person reads it in an answer: its words as written, the line
    breaks of the source (wrapped lines, a PDF's line ends) read as spaces."""
    return re.sub(r"[ \t]*\n[ \t\n]*", " ", text.strip())


def written_among(term: str, held: set[str]) -> bool:
    """Is the word of ``term`` (a stem) among ``held``: in its singular or plural, or as the end of
    a compound ("cyclist" of "bicyclist"; a word shorter than five letters ends too many others:
    "car" of "railcar")?"""
    return (
        term in held
        or f"{term}s" in held
        or term.rstrip("s") in held
        or (len(term) >= 5 and any(h.endswith(term) for h in held))
    )


def fold(text: str) -> str:
    """Lower case, accents dropped and dashes unified: "Nuevo León" matches "Nuevo Leon",
    "US–Mexico" matches "US-Mexico"."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[–—‐-]", "-", plain)


def written_lower(word: str, texts) -> bool:
    """Whether any of ``texts`` writes ``word`` (given in lower case) as a word of its own in lower
    case: a capitalised question word that is, is title case ("Fiscal year"), not a name."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(word)}(?!\w)")
    return any(pattern.search(t) for t in texts)


_TYPED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# typed month names ("may" is the verb as often as the month)
_MONTH_WORDS = frozenset(m.lower() for m in MONTHS) - {"may"}
_MAY_MONTH = re.compile(r"\bmay(?=,? (?:\d{1,2},? )?(?:19|20)\d\d\b)")
_NAME_PAIR = re.compile(r"\b([A-Z][\w'’-]*)\s+([A-Z][\w'’-]*)\b")


def truecased(question: str, texts) -> str:
    """A question typed all in lower case ("whats us mexico trade 2024") with the words that
    ``texts`` (the passages found for it) write as names written as they write them ("US",
    "Mexico", "Nuevo León"): the answerers read names by their capitals. A question with any
    capital is left as typed (its writer capitalises: "What did the company's board approve?" is
    not "the Company"), and so is a word the passages also write in lower case ("trade")."""
    if any(ch.isupper() for ch in question):
        return question
    texts = list(texts)
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for m in _TYPED_WORD.finditer(text):
            word = m.group(0)
            before = text[max(0, m.start() - 2) : m.start()]
            if m.start() == 0 or re.search(r"[.!?:]\s$|\n$", before):
                continue  # a sentence's first word is capitalised whatever it is
            counts.setdefault(fold(word), {}).setdefault(word, 0)
            counts[fold(word)][word] += 1

    def lower_too(word: str) -> bool:
        return any(w.islower() for w in counts.get(fold(word), {}))

    def written(typed: str) -> str:
        if typed in _MONTH_WORDS or (typed in PLACE_WORDS and len(typed) > 3):
            # a month or a country is a name, however often the passages found write it
            return typed.capitalize()
        forms = counts.get(fold(typed))
        if not forms or len(typed) < 2 or lower_too(typed):
            return typed
        form, n = max(forms.items(), key=lambda p: p[1])
        return form if n >= 2 else typed

    # a name of two words the passages write capitalised, even once ("Nuevo León", "El Paso")
    pairs = {
        (fold(m.group(1)), fold(m.group(2))): m.group(0)
        for text in texts
        for m in _NAME_PAIR.finditer(text)
        if not lower_too(m.group(2))
    }
    words = list(_TYPED_WORD.finditer(question))
    out, at, i = [], 0, 0
    while i < len(words):
        a = words[i]
        b = words[i + 1] if i + 1 < len(words) else None
        pair = (fold(a.group(0)), fold(b.group(0))) if b and question[a.end() : b.start()] == " " else None
        if b is not None and pair in pairs:
            out.append(question[at : a.start()] + pairs[pair])
            at, i = b.end(), i + 2
            continue
        out.append(question[at : a.start()] + written(a.group(0)))
        at, i = a.end(), i + 1
    # "the us" is never the pronoun, nor "may" before a year ("… may 2021") the verb
    typed = re.sub(r"\bthe us\b", "the US", "".join(out) + question[at:])
    return _MAY_MONTH.sub("May", typed)


NOT_SAID = "The corpus does not say"


def abstention(question: str, found: bool = True) -> str:
    """What every answerer says when the passages do not answer ``question``."""
    # a request ("Tell me the … in 2008.") is quoted as typed; a question keeps one mark
    q = question.strip().rstrip("?").strip()
    q = q if q.endswith((".", "!")) else f"{q}?"
    if found:
        return f"{NOT_SAID}: “{q}” None of the passages found states it; the closest sources are listed below."
    return f"{NOT_SAID}: “{q}” No passage was found."


# "What does the table show?", "What was the company's revenue?": a question that speaks of one
# document (or its subject) without naming it. In a library of many documents it has no single
# answer: the user should pick the document.
_ONE_DOCUMENT = re.compile(
    r"\b(?:the|this|that|our)\s+(?:table|chart|graph|report|document|article|note|company|group|firm)\b", re.I
)


def unnamed_document_hint(question: str, title: str) -> str:
    """The hint an answer carries when ``question`` speaks of one document without naming it
    ("the table"), asked of a whole library: which document the answer came from (``title``),
    and how to ask one document alone. "" when the question names nothing of the kind."""
    found = _ONE_DOCUMENT.search(question)
    if not found:
        return ""
    said = f"The question speaks of “{found.group(0).lower()}” without saying which document"
    said += f": this answer comes from “{title}”." if title else "."
    return f"{said} To ask one document, pick it under Ask about (app) or with --doc (command line)."


def scoped_abstention(answer: str, documents: int) -> str:
    """An abstention about the documents the user picked, not the whole corpus."""
    said = "The chosen document does not say" if documents == 1 else f"The {documents} chosen documents do not say"
    return answer.replace(NOT_SAID, said, 1)
