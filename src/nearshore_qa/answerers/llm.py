"""The LLM answerer: a chat backend writes the answer from the prompt of ``prompt.py``;
``grounding.py`` decides its citations and checks its figures.

``stream(question, hits)`` yields the model's text as it comes, then the checked ``Answer``;
``__call__`` returns only the ``Answer``; ``rewrite`` turns a follow-up into a standalone
question with the same model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import AnswererError
from ..kinds import AnswererName, UnverifiedMode
from ..records import Answer, Hit
from ..rewrite import rewrite_followup
from ..text import YEAR
from .backends import ChatBackend
from .computed import ground_with_proposal
from .grounding import abstain, claim_terms, is_abstention, term_overlap
from .prompt import MAX_PASSAGE_CHARS, build_messages, rewrite_messages


class LLMAnswerer:
    """An LLM writes the answer; code decides its citations and checks its figures."""

    def __init__(
        self,
        backend: ChatBackend,
        unverified: UnverifiedMode | str = UnverifiedMode.FLAG,
        max_passage_chars: int = MAX_PASSAGE_CHARS,
    ):
        if unverified not in tuple(UnverifiedMode):
            raise ValueError(f"unverified must be 'flag' or 'remove', got {unverified!r}")
        self.backend = backend
        self.unverified = UnverifiedMode(unverified)
        self.max_passage_chars = max_passage_chars
        model = Path(backend.model).name if backend.kind == AnswererName.LLAMACPP else backend.model
        self.name = f"{backend.kind}:{model}"

    def messages(self, question: str, hits: list[Hit]) -> list[tuple[str, str]]:
        return build_messages(question, hits, self.max_passage_chars)

    def stream(self, question: str, hits: list[Hit]) -> Iterator[str | Answer]:
        """Yields the model's text as it comes, then the checked ``Answer``."""
        if not hits:
            yield abstain(question, hits, self.name)
            return
        pieces: list[str] = []
        for token in self.backend.stream(self.messages(question, hits)):
            pieces.append(token)
            yield token
        yield ground_with_proposal(question, "".join(pieces), hits, self.unverified, self.name)

    def __call__(self, question: str, hits: list[Hit]) -> Answer:
        answer = None
        for piece in self.stream(question, hits):
            if isinstance(piece, Answer):
                answer = piece
        if answer is None:  # stream() always ends with the grounded Answer
            raise AnswererError(f"{self.name} finished without an answer")
        return answer

    def rewrite(self, question: str, history: list[str]) -> str:
        """A standalone question from a follow-up, by the LLM; by rule when it fails or drifts."""
        if not history:
            return question
        by_rule = rewrite_followup(question, history)
        if not _may_depend(question):
            return by_rule
        try:
            text = "".join(self.backend.stream(rewrite_messages(question, history)))
        except AnswererError:
            return by_rule
        line = next((ln for ln in text.strip().splitlines() if ln.strip()), "")
        line = re.sub(r"^\s*(?:standalone\s+question|question|rewritten)\s*:\s*", "", line, flags=re.I)
        line = line.strip().strip("\"“”'` ").strip()
        return line if _plausible_rewrite(line, question, history) else by_rule


def _plausible_rewrite(line: str, question: str, history: list[str]) -> bool:
    """A question, built from the words of the conversation, keeping the follow-up's years and names."""
    if not 3 <= len(line) <= 300 or not line.endswith("?") or is_abstention(line):
        return False
    terms = claim_terms(line)
    if not terms or term_overlap(terms, claim_terms(" ".join([question, *history[-4:]]))) < 0.6:
        return False
    years = set(YEAR.findall(question))
    if not years <= set(YEAR.findall(line)):
        return False
    conversation = " ".join([question, *history[-4:]]).lower()
    # the follow-up's names are kept, and no name comes from nowhere
    return all(n.lower() in line.lower() for n in _names(question)) and all(
        n.lower() in conversation for n in _names(line)
    )


def _names(text: str) -> list[str]:
    """Capitalised words that do not start a sentence ("Canada", "Laredo", "US")."""
    return re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][\wÀ-ÿ\-]+", text.strip())


_DEPENDS = re.compile(
    r"^\s*(?:and|what about|how about|same|also)\b|\b(?:that|this|these|those|it|its|they|their|them|"
    r"there|then|the following|the next|the previous|the same|the year before|a year later)\b",
    re.I,
)


def _may_depend(question: str) -> bool:
    return bool(_DEPENDS.search(question)) or len(question.split()) <= 6
