"""Hybrid retrieval: BM25 and dense (Chroma) scores fused per chunk, plus the evidence of the
chunk's whole document, with a small bonus for chunks that state the years the question names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .acronyms import acronyms_in
from .chunking import REFERENCE_SECTIONS
from .lexical import bigrams, document_key
from .places import DEMONYMS
from .records import Chunk, Hit
from .store import Store
from .tables import month_span
from .text import MONTHS, YEAR, fold, written_lower

# Trade and legal writing says the same thing in set phrases; the lexical query gets the
# other phrasing too (the dense one reads the question as asked).
_EXPANSIONS = [
    (re.compile(r"\b(?:take|takes|taking|took|taken) effect\b", re.I), "entered into force"),
    (re.compile(r"\b(?:enter|entered|enters|entry) into force\b", re.I), "took effect"),
    (re.compile(r"\bdeficits?\b", re.I), "balance"),
    (re.compile(r"\b(?:trade )?balance\b", re.I), "deficit"),
    (re.compile(r"\btwo-way trade\b", re.I), "total trade"),
    (re.compile(r"\bFDI\b"), "foreign direct investment"),
    (re.compile(r"\bforeign direct investment\b", re.I), "FDI"),
    # a sum of named partners: documents write "the four together", "combined"
    (re.compile(r"\b(?:combined|altogether|jointly|taken together)\b", re.I), "together"),
    (re.compile(r"\btogether\b", re.I), "combined"),
]
# "France, Italy, the Netherlands and Spain": a list of names, which a document sums up as "the four"
_NAME_LIST = re.compile(
    r"\b(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*(?:\s*,\s*(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)+"
    r",?\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*"
)
_COUNT_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
_SUM_CUE = re.compile(r"\b(?:combined|altogether|together|jointly|in total|total of)\b", re.I)
# Words that shape a question but are not its subject: "What was the percentage change in
# X between 2018 and 2019?" is about X and the years. Matched in a passage they only add noise
# ("differences between", "weighted-average"); the dense query keeps them.
_QUESTION_WORDS = re.compile(
    r"\b(?:what|which|who|whom|whose|when|where|why|how|between|respective|respectively|"
    r"average|averages|change|changes|percentage|percentages|percent|difference|differences|increase|increases|"
    r"decrease|decreases|ratio|ratios|proportion|sum|"
    # function words bm25s's short English list keeps
    r"were|do|does|did|from|been|being|those|its|than|has|have|had|can|could|would|should|"
    r"shall|may|might|much|many|each)\b\??",
    re.I,
)


_ADJECTIVE = re.compile(r"\b[A-Z][a-z]+\b")  # a capitalised word: a country's adjective is one


def expand_query(query: str) -> str:
    extra = [phrase for pattern, phrase in _EXPANSIONS if pattern.search(query)]
    # "Norwegian goods": the documents may write only "Norway"
    extra += [DEMONYMS[w] for w in dict.fromkeys(fold(m) for m in _ADJECTIVE.findall(query)) if w in DEMONYMS]
    listed = _NAME_LIST.search(query)
    if listed and _SUM_CUE.search(query):
        count = len(re.split(r"\s*,\s*|\s+(?:and|or)\s+", listed.group(0)))
        if count in _COUNT_WORDS:  # "… France, Italy, the Netherlands and Spain … combined": "the four"
            extra.append(_COUNT_WORDS[count])
    span = month_span(query)
    if span is not None:  # "the first half of 2024" is written "January–June 2024" in tables and captions
        extra.append(f"{MONTHS[span.first - 1]} {MONTHS[span.last - 1]}")
    return f"{query} {' '.join(extra)}" if extra else query


# "according to BTS TransBorder data", "per the Secretaría de Economía", "in the FRED IMPCH
# series": whose figures are asked for, not what they are about. Searched for as content, the
# clause pulls every passage that cites the source above the row that states the figure.
_SOURCE_CLAUSE = re.compile(
    r"(?:,\s*)?\b(?:[Aa]ccording to|[Aa]s reported by|[Bb]ased on|[Pp]er(?=\s+(?:the\s+)?[A-Z]))\s+(?P<src>[^,?;]+)"
    r"|(?:,\s*)?\b(?:in|from)\s+(?:the\s+)?(?P<src2>(?:[A-Z][\w.\-’']*\s+){1,5}"
    r"(?:data|figures|series|statistics|numbers|estimates)\b)"
)
_SOURCE_WORD = re.compile(r"\b[A-Z][\w.\-]*")


def source_clause(query: str) -> tuple[str, list[str]]:
    """``query`` without the clause naming whose figures it asks for, and that clause's names
    (lower case): "…Jalisco in 2023, according to BTS TransBorder state data?" -> ("…Jalisco in
    2023?", ["bts", "transborder"])."""
    m = _SOURCE_CLAUSE.search(query)
    if m is None:
        return query, []
    # ("US" names whose country, not whose figures: every passage holds it)
    words = [w.lower() for w in _SOURCE_WORD.findall(m.group("src") or m.group("src2"))]
    words = [w for w in words if w.strip(".") not in ("us", "u.s", "the")]
    rest = re.sub(r"\s+(?=[?.!]$)", "", f"{query[: m.start()]}{query[m.end() :]}".strip(" ,"))
    if not re.search(r"[a-z]{3}", rest) or not words:
        return query, []  # the question is about the source itself
    return rest, words


def with_spellings(words: str, query: str, spellings: dict[str, str]) -> str:
    """The lexical query with the spelled-out form of each acronym of ``query`` that the
    store's text never writes but spells out ("NBER" -> "National Bureau of Economic
    Research"): BM25 cannot match the acronym itself there."""
    extra = [spellings[a] for a in sorted(acronyms_in(query)) if a in spellings]
    return f"{words} {' '.join(extra)}" if extra else words


def content_words(query: str) -> str:
    """The question without its question words (unless nothing else is left)."""
    content = re.sub(r"\s+", " ", _QUESTION_WORDS.sub(" ", query)).strip()
    return content if re.search(r"\w", content) else query


def lexical_query(query: str) -> str:
    """The question as the BM25 index should read it: question words out, set phrases expanded."""
    return expand_query(content_words(query))


@dataclass(frozen=True)
class FusionWeights:
    """A chunk's score: BM25 / best BM25 + dense · cosine rescaled to 0..1 over the candidates
    + document · its document's BM25 / best document BM25 + phrase · share of the question's
    word pairs it holds + year_bonus per question year it states (or − year_penalty when it
    states only other years).

    Chosen on TAT-QA dev (benchmarks/tune_fusion.py) among the settings that keep or improve
    the shipped trade eval; benchmarks/RESULTS.md has the grid. Dense counts less than on the
    trade articles alone would suggest: real reports repeat near-identical wording across
    companies and years, where the exact row label and year decide.
    """

    dense: float = 0.5
    document: float = 0.5
    phrase: float = 1.5
    year_bonus: float = 0.1
    year_penalty: float = 0.5
    # A chunk whose passage (title, section, caption, text) holds none of the names the question
    # states ("… US export to China …") loses this much: the answerers require the names, so a
    # passage about another country cannot answer. (One name of several is enough: "Mexican"
    # in a passage stands for "Mexico" beside "Border Industrialization Program".)
    name_penalty: float = 0.5
    # A passage of the source the question names ("according to BTS …"): its text, title or
    # the data sources of its document hold one of the clause's names.
    source_bonus: float = 0.25
    # A piece of a reference list ("SOURCES" at the end of a plain-text report) names the agency,
    # the series and the years of every figure above it, so it matches most questions' words and
    # answers none of them but one about the data themselves ("when were the data downloaded?").
    reference_penalty: float = 1.0
    candidates: int = 50
    doc_candidates: int = 50
    # Slots of the top k kept for the best table rows: a row states one figure once, so it
    # loses on term counts to paragraphs that repeat the words, yet it is the exact source.
    table_slots: int = 2
    table_depth: int = 30
    # a row given a slot scores at least this share of the passage it displaces
    table_slot_share: float = 0.25
    # Rows of one table in the top k, at most: its other rows are read through the table
    # itself (cells, computations, rankings), and the passage that states the answer in words
    # must not be pushed out by twelve month rows sharing one caption. 0: no limit.
    rows_per_table: int = 3


def _one_table_capped(ordered: list[str], found: dict, k: int, cap: int) -> list[str]:
    """``ordered`` with no more than ``cap`` rows of one table among its first ``k``: the further
    rows of a table that already holds ``cap`` places move behind the first ``k``."""
    if cap <= 0:
        return ordered
    taken: dict[tuple[str, str], int] = {}
    head: list[str] = []
    moved: list[str] = []
    for cid in ordered:
        if len(head) >= k:
            head.append(cid)
            continue
        key = _table_of(found[cid][0])
        if key is not None:
            if taken.get(key, 0) >= cap:
                moved.append(cid)
                continue
            taken[key] = taken.get(key, 0) + 1
        head.append(cid)
    return head[:k] + moved + head[k:]


def _table_of(chunk: Chunk) -> tuple[str, str] | None:
    """The table a chunk is a row of: a data table's row, or a row piece of a table inside a
    document (its header lines, which every row piece of the table carries as its context, name
    the table; its caption may end in the row's own period, "… by month, 2023\nMay 2023")."""
    if chunk.row is not None:
        return chunk.doc_id, chunk.table or ""
    if chunk.in_table and (chunk.context or chunk.caption):
        return chunk.doc_id, chunk.context or chunk.caption
    return None


class HybridRetriever(BaseRetriever):
    """A LangChain retriever over a ``Store``; each Document carries its ``Hit`` in metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    store: Store
    k: int = 5
    weights: FusionWeights = FusionWeights()
    # The documents (doc ids) to search in, when the user asked about these only; None: all.
    documents: frozenset[str] | None = None

    def search(self, query: str, k: int | None = None) -> list[Hit]:
        k = k or self.k
        topic, source = source_clause(query)
        if not source:
            return self._search(query, k, [])
        # A question naming whose figures it wants is read two ways: whole (the passages that
        # cite the source by name rank first), and as its topic alone for the passages of that
        # source that never write its name (a row of a BTS table never writes "BTS"). Each
        # passage keeps its better score.
        best = {hit.chunk.chunk_id: hit for hit in self._search(query, k, [])}
        for hit in self._search(topic, k, source):
            kept = best.get(hit.chunk.chunk_id)
            if of_source(hit, source) and (kept is None or hit.score > kept.score):
                best[hit.chunk.chunk_id] = hit
        return sorted(best.values(), key=lambda h: -h.score)[:k]

    def _search(self, query: str, k: int, source: list[str]) -> list[Hit]:
        """The top ``k`` for ``query``; a passage of the ``source`` named (its text, title or
        its document's data sources hold one of those names) scores ``source_bonus`` more."""
        w = self.weights
        index = self.store.refresh_lexical()
        words = with_spellings(lexical_query(query), query, index.spellings)
        vector = self.store.embedder.embed_query(query)
        if self.documents is None:
            lexical = index.search(words, w.candidates)
            dense = self.store.dense_search(vector, w.candidates)
            documents = _rescaled(index.search_documents(words, w.doc_candidates), floor=0.0) if w.document else {}
        else:
            lexical, dense, documents = self._within(index, words, vector)
        # Each side scores every candidate the other found: a table row that ranks 80th on
        # words among thousands of look-alike rows still has its BM25 score.
        found_by_words = dict(lexical)
        found_by_words.update(index.scores(words, [cid for cid, _ in dense if cid not in found_by_words]))
        lexical_score = _rescaled(list(found_by_words.items()), floor=0.0, top=lexical[0][1] if lexical else None)
        # Cosines on a 0..1 scale between the best and the worst dense candidate: a cosine of
        # 0.6 means little on its own (every trade passage is "about" trade); its place does.
        similarity = dict(dense)
        similarity.update(self.store.similarities(vector, [cid for cid in lexical_score if cid not in similarity]))
        dense_score = _rescaled(
            list(similarity.items()), floor=dense[-1][1] if len(dense) > 1 else 0.0, top=dense[0][1] if dense else None
        )
        scores = {cid: lexical_score.get(cid, 0.0) + w.dense * dense_score.get(cid, 0.0) for cid in similarity}
        scores.update({cid: s for cid, s in lexical_score.items() if cid not in scores})
        found = self.store.chunks(scores)
        pairs = bigrams(content_words(query)) if w.phrase else set()
        years = set(YEAR.findall(query))
        names = question_names(query, [f"{m.title}\n{c.text}" for c, m in found.values()])
        for cid, (chunk, meta) in found.items():
            # A table row is a record of its own: the rest of its table (other partners, other
            # years) is no evidence for it, and a long table would lose to any article on
            # length. Its own words (title, header, units) stand for its document.
            evidence = lexical_score.get(cid, 0.0) if chunk.row is not None else documents.get(document_key(cid), 0.0)
            scores[cid] += w.document * evidence
            around = f"{meta.title}\n{chunk.section}\n{chunk.context}\n{chunk.caption}\n{chunk.text}"
            if pairs:
                # Words next to each other as the question has them ("net cash", "total fees",
                # "commercial trucks"): the name of the thing asked about, not just its words.
                scores[cid] += w.phrase * len(pairs & bigrams(around)) / len(pairs)
            if years:
                # A passage about other years is the wrong passage; one naming no year may
                # still hold the answer (its document says when).
                stated = set(YEAR.findall(around))
                named = len(years & stated)
                scores[cid] += w.year_bonus * named if named else -w.year_penalty * bool(stated)
            if names and w.name_penalty:
                lower = around.lower()  # lower() not fold(): fold reads every character in Python
                scores[cid] -= w.name_penalty * all(not _holds(lower, n) for n in names)
            if w.reference_penalty and chunk.section and REFERENCE_SECTIONS.search(chunk.section):
                scores[cid] -= w.reference_penalty
            if source and w.source_bonus:
                scores[cid] += w.source_bonus * _cites(around, chunk, meta, source)
        ordered = _one_table_capped(sorted(found, key=lambda c: -scores[c]), found, k, w.rows_per_table)
        ranked = self._with_table_rows(ordered, found, k, scores)
        lex_rank = {cid: r for r, (cid, _) in enumerate(lexical, start=1)}
        dense_rank = {cid: r for r, (cid, _) in enumerate(dense, start=1)}
        return [
            Hit(
                chunk=found[c][0],
                doc=found[c][1],
                score=scores[c],
                dense_rank=dense_rank.get(c),
                lexical_rank=lex_rank.get(c),
            )
            for c in ranked
        ]

    def _within(self, index, words: str, vector: list[float]):
        """Both searches over the chosen documents' chunks only, each of them scored (a
        document or a few is a few hundred chunks; a store-wide top 50 might hold none), and the
        documents' BM25 rescaled among the chosen ones."""
        w = self.weights
        ids: list[str] = []
        for doc_id in sorted(self.documents or ()):
            ids += [c.chunk_id for c in self.store.document_chunks(doc_id)]
        by_words = sorted(index.scores(words, ids).items(), key=lambda p: -p[1])
        lexical = [(cid, s) for cid, s in by_words if s > 0][: w.candidates]
        dense = sorted(self.store.similarities(vector, ids).items(), key=lambda p: -p[1])[: w.candidates]
        keys = {document_key(cid) for cid in ids}
        documents = {}
        if w.document and keys:
            ranked = index.search_documents(words, len(index.doc_keys))
            documents = _rescaled([(key, s) for key, s in ranked if key in keys], floor=0.0)
        return lexical, dense, documents

    def _with_table_rows(self, ordered: list[str], found: dict, k: int, scores: dict[str, float]) -> list[str]:
        """The top k, with up to ``table_slots`` of them given to the best table rows within
        ``table_depth`` (in score order), each scoring at least ``table_slot_share`` of the
        passage it displaces (a row far behind, another document's, is no rival)."""
        w = self.weights
        ranked = ordered[:k]
        is_row = {c: found[c][0].row is not None for c in ordered[: max(k, w.table_depth)]}
        rows_in = sum(1 for c in ranked if is_row[c])
        if not w.table_slots or k <= w.table_slots or rows_in >= w.table_slots:
            return ranked
        extra = [c for c in ordered[k : w.table_depth] if is_row[c]][: w.table_slots - rows_in]
        passages = [c for c in ranked if not is_row[c]]
        for n in range(len(extra), 0, -1):  # the n-th row displaces the n-th last passage
            if n <= len(passages) and scores[extra[n - 1]] >= w.table_slot_share * scores[passages[-n]]:
                break
            extra = extra[: n - 1]
        if not extra:
            return ranked
        keep = [c for c in ranked if is_row[c]]
        others = passages[: k - len(keep) - len(extra)]
        return [c for c in ordered if c in set(others + keep + extra)]

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        # ``retriever.invoke(query, k=3)``: LangChain passes invoke's keywords through to here.
        return [hit_to_document(h) for h in self.search(query, k)]


_NAME = re.compile(r"(?<![\w.])[A-ZÀ-Ý][a-zà-ÿ][\wÀ-ÿ'’\-]+")
_MONTH_WORDS = {m.lower() for m in MONTHS}


def question_names(query: str, texts: list[str]) -> list[str]:
    """The names a question states (lower case): capitalised words after its first, not months,
    that some candidate passage holds and none writes in lower case (title case is not a name:
    "Fiscal Year"). A name no passage holds says nothing about which passage is better."""
    out: list[str] = []
    lead = len(query) - len(query.lstrip())
    lowered = [t.lower() for t in texts]
    for m in _NAME.finditer(query):
        if m.start() == lead:
            continue
        name = m.group(0).rstrip("'’").removesuffix("'s").removesuffix("’s").lower()
        name = DEMONYMS.get(fold(name), name)  # "Norwegian goods" is about a passage's "Norway"
        if fold(name) in _MONTH_WORDS or name in out:
            continue
        if not any(_holds(t, name) for t in lowered) or written_lower(name, texts):
            continue
        out.append(name)
    return out


def of_source(hit: Hit, source: list[str]) -> bool:
    """Is ``hit`` a passage of the source a question names (``source_clause``'s names)?"""
    chunk = hit.chunk
    return _cites(
        f"{hit.doc.title}\n{chunk.section}\n{chunk.context}\n{chunk.caption}\n{chunk.text}", chunk, hit.doc, source
    )


def _cites(around: str, chunk: Chunk, meta, source: list[str]) -> bool:
    """A passage names one of ``source``'s names, or is a row of a table of that source's data:
    "according to BTS" names a BTS table's source (an article's passages name their own)."""
    cited = f"{around}\n{meta.whose_data if chunk.row is not None else ''}".lower()
    return any(_holds(cited, n) for n in source)


def _holds(lower_text: str, name: str) -> bool:
    """``name`` (lower case, accents as written) in a lower-cased passage, with or without its
    accents ("Querétaro", "Queretaro")."""
    return name in lower_text or (fold(name) != name and fold(name) in lower_text)


def _rescaled(scored: list[tuple[str, float]], floor: float, top: float | None = None) -> dict[str, float]:
    """Scores on a 0..1 scale: ``floor`` → 0 (and below it), the best (or ``top``) → 1."""
    if not scored:
        return {}
    top = max(s for _, s in scored) if top is None else top
    spread = max(top - floor, 1e-9)
    return {cid: max(0.0, s - floor) / spread for cid, s in scored}


def hit_to_document(hit: Hit) -> Document:
    c, d = hit.chunk, hit.doc
    return Document(
        page_content=c.text,
        metadata={
            "doc_id": c.doc_id,
            "chunk_id": c.chunk_id,
            "title": d.title,
            "locator": c.locator,
            "score": hit.score,
            "hit": hit,
        },
    )


def documents_to_hits(docs: list[Document]) -> list[Hit]:
    return [d.metadata["hit"] for d in docs]
