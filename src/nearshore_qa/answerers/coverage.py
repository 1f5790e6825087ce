"""What a question names must stand in the documents its answer cites.

An answer's figure is another one when its documents never write a name the question asks
about ("Germany" asked of a note on China) or, for a ranking or a computation, a word that
qualifies what the question measures ("southbound buses" asked of a table of northbound
crossings, "US services imports" of a note on goods imports). A ranking or a computation
restates the question's own words ("Hidalgo had the second-highest southbound buses"), so only
the documents can tell. The documents are read whole, not only the cited passage: a table's
caption or an article's heading may write "northbound" or "Mexico" once for all of it.

A qualifier is found by grammar, not by vocabulary: the lower-case words right before a plural
noun the documents write ("crossings", "imports"), with nothing but a space between them. Left
alone: capitalised words (names have their own check), numbers and number words, determiners
and degree words ("every", "other", "busier", "second-most"), possessives ("the company's"), the
reporter's generic names ("American", "US") and words of time ("its weak year").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..places import REPORTER_WORDS
from ..records import Answer, Chunk, Hit
from ..text import STOPWORDS, fold, term_stems

# words and numbers; what stands between two of them tells whether they share a noun phrase
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9][\wÀ-ÿ'’\-]*")
_PLURAL = re.compile(r"[a-z][a-z\-]{2,}[^s]s$")
# closed classes: determiners, quantifiers and number words, and the reporter's generic names
_NOT_QUALIFIERS = (
    frozenset(
        """every each all both only same other another such own whole entire overall combined altogether
one two three four five six seven eight nine ten twelve first second third fourth fifth last final next
previous prior latest earliest""".split()
    )
    | REPORTER_WORDS
)
# a degree word: "busier", "busiest", "largest", "second-most", "top"
_DEGREE = re.compile(
    r"(?:[a-z]+(?:est|ier)|more|most|less|least|fewer|top|bigger|larger|smaller|higher|lower|greater|"
    r"stronger|weaker|better|worse|[a-z]+-(?:most|least|largest|biggest|highest|lowest))$"
)
_TIME_NOUNS = frozenset(term_stems("year years month months quarter quarters period periods week day time decade"))


def cited_text(answer: Answer, hits: list[Hit], document_chunks: Callable[[str], list[Chunk]] | None) -> str:
    """Everything the documents ``answer`` cites write: every passage and row (with its section,
    caption and cells), their titles, file names, publishers and data sources. Without a store
    (``document_chunks`` None) the retrieved passages of those documents stand for them."""
    texts: list[str] = []
    for doc_id in dict.fromkeys(c.doc_id for c in answer.citations):
        if document_chunks is not None:
            chunks = document_chunks(doc_id)
        else:
            chunks = [h.chunk for h in hits if h.chunk.doc_id == doc_id]
        texts += [f"{c.section} {c.caption} {c.context} {c.text} {' '.join(c.values)}" for c in chunks]
    for c in answer.citations:
        texts += [c.title, c.source, c.publisher, c.text, *(d.get("name", "") for d in c.data_sources)]
    return " ".join(texts)


def _written(stem: str, stems: set[str]) -> bool:
    """Is the word of ``stem`` among ``stems``, in its singular or plural ("bus" / "buses")?"""
    return stem in stems or any(term_stems(stem + ending)[0] in stems for ending in ("s", "es"))


def unwritten_qualifiers(question: str, written: str) -> list[str]:
    """The words of ``question`` that qualify a plural noun ``written`` holds ("southbound" in
    "southbound bus crossings", "services" in "US services imports") when ``written`` never
    holds them, in the question's order."""
    stems = set(term_stems(re.sub(r"[_/.\-]+", " ", written))) | set(term_stems(written))
    tokens = list(_TOKEN.finditer(question))
    out: list[str] = []
    for i, head in enumerate(tokens):
        head_stems = set(term_stems(head.group(0)))
        if not _PLURAL.match(head.group(0)) or not head_stems <= stems or head_stems & _TIME_NOUNS:
            continue  # "its weak years" says when, not what
        j = i - 1
        while j >= 0 and question[tokens[j].end() : tokens[j + 1].start()] == " ":
            word = tokens[j].group(0)
            low = word.lower()
            if (
                word[0].isupper()
                or word[0].isdigit()
                or low in STOPWORDS
                or _DEGREE.match(low)
                or "'" in word
                or "’" in word
            ):
                break  # the noun phrase's qualifiers start after a name, a number, a possessive or a function word
            j -= 1
            if low in _NOT_QUALIFIERS or any(part in _NOT_QUALIFIERS for part in low.split("-")):
                continue  # "every", "two-way", "all-modes": a count or a determiner, not a kind
            own = term_stems(word.replace("-", " "))
            if own and not all(_written(s, stems) for s in own) and word not in out:
                out.append(word)
    return out


# "seasonally adjusted US imports": the lower-case words between the opening "What was/were" (or
# "How much/many") and the first name, which qualify what the question measures
_QUALIFIER = re.compile(
    r"^\s*(?i:what\s+(?:was|were|is|are)|how\s+(?:much|many))\s+((?:[a-z][a-z\-]+\s+){1,3}?)"
    r"(?:(?:did|do|does|was|were)\s+)?(?=[A-Z])"
)
_DENIAL = re.compile(r"(?:\bnot|\bnon|\bexcluding|\bwithout)[\s\-]+$")


def denied_qualifiers(question: str, written: str) -> list[str]:
    """The question's qualifier ("seasonally adjusted" in "What were seasonally adjusted US imports
    from China …") when ``written`` (what the cited documents write) states it, and only denied
    ("not seasonally adjusted"): their figures are then of the other kind."""
    m = _QUALIFIER.search(question)
    words = [w for w in m.group(1).split() if w not in ("the", "a", "an", "total")] if m else []
    if not words:
        return []
    qualifier = " ".join(words)
    said = fold(written)
    found = [f.start() for f in re.finditer(rf"\b{re.escape(fold(qualifier))}\b", said)]
    return [qualifier] if found and all(_DENIAL.search(said[max(0, i - 12) : i]) for i in found) else []
