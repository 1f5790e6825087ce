"""Trade balances a sentence implies: "the United States exported US$a to Brazil and imported US$b
from it, while imports from Venezuela reached US$c against exports of US$d". A question about
the largest deficit (or surplus) with a set of partners is answered by ranking exports minus
imports for each partner the sentence gives both directions for, each balance computed from the
cited figures, when no table of the asked year has a balance column.

Each money figure of the sentence takes its direction from the nearest "export"/"import" word
before it (or just after it) and its partner from a "to/from/with <Name>" next to it ("it" is the
partner just named), else the partner of the figure before it ("… against exports of US$d").
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..citations import check_figures, citation_for
from ..figures import FoundFigure, find_figures
from ..records import Answer, Chunk, Figure, Hit
from ..tables import fold
from ..text import one_line
from .cells import terms
from .rankings import RankQuestion, prose_sentences, rank_question

logger = logging.getLogger(__name__)

_NAME = r"[A-ZÀ-Ý][\wÀ-ÿ.'’\-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ.'’\-]*)*"
_PARTNER = re.compile(rf"(?<!according )\b(?:to|from|with)\s+(?:the\s+)?(?P<name>{_NAME}|it|them)\b")
_DIRECTION = re.compile(r"\b(?P<ex>export(?:s|ed|ing)?)\b|\b(?P<im>import(?:s|ed|ing)?)\b", re.I)
# where the words right after a figure stop describing it: the next clause or direction
_CLAUSE_END = re.compile(r"[;,]|\b(?:and|while|against|but|whereas)\b|\bexport|\bimport", re.I)
_REPORTER = {"united states", "us", "u.s", "u.s.", "usa", "america"}
_SURPLUS = re.compile(r"\bsurplus(?:es)?\b", re.I)


@dataclass(frozen=True)
class Flow:
    partner: str
    direction: str  # "export" | "import"
    figure: FoundFigure


@dataclass(frozen=True)
class Balance:
    partner: str
    exports: FoundFigure
    imports: FoundFigure

    @property
    def value(self) -> float:
        return self.exports.value - self.imports.value


def sentence_flows(sentence: str) -> list[Flow]:
    """The (partner, direction, figure) of each money figure of ``sentence`` whose direction and
    partner it states, in order."""
    flows: list[Flow] = []
    figures = [f for f in find_figures(sentence) if f.kind == "currency"]
    partner = ""
    prev_end = 0
    for i, f in enumerate(figures):
        next_start = figures[i + 1].start if i + 1 < len(figures) else len(sentence)
        lead, tail = sentence[prev_end : f.start], sentence[f.end : next_start]
        # the direction: the nearest word before the figure, else one right after it
        before = list(_DIRECTION.finditer(lead))
        after = _DIRECTION.search(" ".join(tail.split()[:3]))
        mark = before[-1] if before else after
        # the partner: "US$a to Brazil" (within a few words after), else "imports from Venezuela reached US$c"
        named = ""
        end = _CLAUSE_END.search(tail)
        near = _PARTNER.search(" ".join(tail[: end.start() if end else len(tail)].split()[:5]))
        if near:
            named = near.group("name")
        else:
            ahead = list(_PARTNER.finditer(lead))
            named = ahead[-1].group("name") if ahead else ""
        if named not in ("it", "them") and named and fold(named).strip(".") not in _REPORTER:
            partner = named
        prev_end = f.end
        if mark is None or not partner:
            continue
        flows.append(Flow(partner, "export" if mark.group("ex") else "import", f))
    return flows


def sentence_balances(sentence: str) -> list[Balance]:
    """Exports and imports of each partner the sentence gives both for (the first of each)."""
    by_partner: dict[str, dict[str, FoundFigure]] = {}
    names: dict[str, str] = {}
    for flow in sentence_flows(sentence):
        key = fold(flow.partner)
        names.setdefault(key, flow.partner)
        by_partner.setdefault(key, {}).setdefault(flow.direction, flow.figure)
    out = []
    for key, directions in by_partner.items():
        if "export" in directions and "import" in directions:
            ex, im = directions["export"], directions["import"]
            if (ex.currency, ex.has_scale) == (im.currency, im.has_scale):
                out.append(Balance(names[key], ex, im))
    return out


@dataclass
class BalanceRanking:
    hit: Hit
    span: tuple[int, int]
    balances: list[Balance]  # ranked, the asked order
    coverage: float


def rank_balances(
    question: str, hits: list[Hit], document_chunks: Callable[[str], list[Chunk]] | None = None, top: int = 3
) -> BalanceRanking | None:
    """The sentence of the top passages giving exports and imports for the most partners (two at
    least) of the asked year, its balances ranked: the largest deficit is the most negative. With
    ``document_chunks``, the other passages of the top documents are read too (retrieval brings a
    table's rows for "deficit … partner", the paragraph stating both directions ranks lower)."""
    rq = rank_question(question)
    if rq is None or rq.periodic or not (rq.deficit or _SURPLUS.search(question)):
        return None
    pool = list(hits[:top])
    if document_chunks is not None:
        seen = {h.chunk.chunk_id for h in pool}
        for doc_id, doc in {h.chunk.doc_id: h.doc for h in hits[:top]}.items():
            try:
                chunks = document_chunks(doc_id)
            except Exception:  # a store error must not lose the answer the hits give
                logger.exception("could not read the chunks of %s", doc_id)
                continue
            pool += [Hit(chunk=c, doc=doc, score=0.0) for c in chunks if c.chunk_id not in seen and c.row is None]
    best: BalanceRanking | None = None
    for i, hit, (a, b) in prose_sentences(pool, rq):
        rank = min(i, top)
        sentence = hit.chunk.text[a:b]
        balances = sentence_balances(sentence)
        if len(balances) < max(2, rq.position):
            continue
        words = set(terms(sentence)) | set(terms(f"{hit.doc.title} {hit.chunk.section}"))
        coverage = len(rq.terms & words) / len(rq.terms) if rq.terms else 0.0
        if best is not None and (len(balances), coverage - 0.1 * rank) <= (len(best.balances), best.coverage):
            continue
        ordered = sorted(balances, key=lambda x: x.value, reverse=not _deficit_first(rq))
        best = BalanceRanking(hit, (a, b), ordered, coverage - 0.1 * rank)
    return best


def _deficit_first(rq: RankQuestion) -> bool:
    """The most negative balance first: the largest deficit, or the smallest surplus."""
    return rq.descending == rq.deficit


def _money(value: float, like: FoundFigure) -> str:
    """``value`` written as ``like`` is ("US$−38,813.6 million" after "US$12,610.0 million")."""
    m = re.match(r"^(\D*?)([\d,]+(?:\.\d+)?)(.*)$", like.text)
    prefix, tail = (m.group(1), m.group(3)) if m else ("", "")
    scale = like.value / like.number if like.number else 1.0
    sign = "−" if value < 0 else ""
    return f"{prefix}{sign}{abs(value) / scale:,.{like.decimals}f}{tail}"


def balance_answer(question: str, found: BalanceRanking) -> Answer | None:
    rq = rank_question(question)
    if rq is None or len(found.balances) < rq.position:
        return None
    pick = found.balances[rq.position - 1]
    above = found.balances[: rq.position - 1]
    others = found.balances[rq.position :]
    deficit = pick.value < 0
    word = {1: "", 2: "second-", 3: "third-"}.get(rq.position, f"{rq.position}th-")
    kind = "deficit" if rq.deficit else "surplus"
    size = "largest" if rq.descending else "smallest"

    def balance(b: Balance) -> str:
        return f"{_money(b.value, b.exports)} ({b.exports.text} exported − {b.imports.text} imported)"

    text = f"{pick.partner} had the {word}{size} {kind} of the partners this passage gives exports and imports for: "
    text += f"a balance of {balance(pick)}"
    if above:
        text += ", after " + ", ".join(f"{b.partner} ({balance(b)})" for b in above)
    if others:
        text += "; " + ", ".join(f"{b.partner}: a balance of {balance(b)}" for b in others)
    if deficit != rq.deficit:
        text += f" (a {'deficit' if deficit else 'surplus'}, not a {kind})"
    a, b = found.span
    text += f". {one_line(found.hit.chunk.text[a:b])} [1]"
    citations = [citation_for(found.hit, 1, found.span)]
    figures = check_figures(text, citations)
    computed = []
    for bal in found.balances:
        shown = _money(bal.value, bal.exports)
        formula = f"{bal.exports.text} − {bal.imports.text}"
        claim = find_figures(shown)
        again = bal.exports.value - bal.imports.value
        computed.append(
            Figure(
                text=shown,
                value=again,
                kind="computed",
                citation=1,
                verified=bool(claim) and math.isclose(abs(claim[0].value), abs(again), rel_tol=1e-6),
                formula=formula,
                operands=[
                    {"citation": 1, "value": bal.exports.value, "text": bal.exports.text},
                    {"citation": 1, "value": bal.imports.value, "text": bal.imports.text},
                ],
                details={
                    "operation": "difference",
                    "display": shown,
                    "result_kind": "currency",
                    "notes": [],
                    "conflicts": [],
                },
            )
        )
    # the balances are computed from the quoted figures, not figures a passage should state
    shown_values = {round(abs(f.value), 6) for f in computed}
    figures = [f for f in figures if f.verified or round(abs(f.value), 6) not in shown_values]
    return Answer(
        question=question,
        answer=text,
        abstained=False,
        citations=citations,
        figures=computed + figures,
        confidence=max(0.0, min(1.0, found.coverage)),
    )
