"""Typed records passed between pipeline stages. Provenance travels with every record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .kinds import AnswererName, DocumentKind, IngestStatus


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str  # identity: path relative to the folder given, or URL
    title: str
    kind: DocumentKind
    fmt: str  # md, txt, html, pdf, docx, csv, xlsx, text (pasted)
    source: str = ""  # publisher
    url: str = ""
    published: str = ""  # as-of date, ISO when known
    author: str = ""
    original_name: str = ""  # the file name the user gave
    units: str = ""  # tables
    period: str = ""  # tables
    topics: tuple[str, ...] = ()
    # Who wrote it vs whose data it reports: ``source``/``written`` name the author and date of
    # writing; ``data_sources`` holds (name, url, vintage) of the data it reports.
    written: str = ""
    data_sources: tuple[tuple[str, str, str], ...] = ()
    columns: tuple[tuple[str, str, str], ...] = ()  # tables: (column, label, unit) from the sidecar
    added_on: str = ""  # set when a user added it through the app (upload, paste, URL): the date

    @property
    def whose_data(self) -> str:
        """Whose figures it reports: its data sources' names, else its publisher ("according to
        BTS" is met by a table of BTS data whose rows never write "BTS")."""
        return "; ".join(src[0] for src in self.data_sources if src and src[0]) or self.source


@dataclass(frozen=True)
class Table:
    name: str  # sheet name or file stem
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class LoadedDocument:
    """A parsed file: its metadata, its plain text, and its tables (if any)."""

    meta: DocumentMeta
    text: str  # plain text that char offsets point into (tables: the rendered rows)
    sha256: str  # content hash of the original bytes
    original: bytes
    tables: tuple[Table, ...] = ()
    pages: tuple[tuple[int, int, int], ...] = ()  # (page number, start, end) for PDFs
    warnings: tuple[str, ...] = ()  # taken in, but something was skipped (e.g. broken front matter)
    # Every table of the document parsed as data (tables.Table): CSV/XLSX sheets and the
    # Markdown, HTML, DOCX and PDF tables inside documents. ``tables`` above stays the loader's
    # rows for the row chunks.
    data_tables: tuple[Any, ...] = ()
    # Spans of ``text`` that frame the document rather than state its content (a report's
    # title/source/date header, a byline, a page number): shown, never quoted (furniture.py).
    furniture: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    ordinal: int
    text: str  # the passage as it stands in the document text
    start: int  # char offsets into LoadedDocument.text
    end: int
    section: str = ""  # heading path "A > B"
    page: int | None = None
    table: str = ""  # table (sheet) name for table rows
    row: int | None = None  # 0-based data row index
    columns: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    context: str = ""  # e.g. the header line of a Markdown table piece
    paragraph: int | None = None  # 1-based paragraph of its section where the passage starts
    # A row of a table inside a document: its table's caption and the row's period when only the
    # caption says it ("August 2024" for "| August | …" under "… by month, 2024"). Read by the
    # lexical index and the retrieval bonuses, not by the encoder (``lexical_text``).
    caption: str = ""

    def embed_text(self, doc: DocumentMeta) -> str:
        """What the encoder and the lexical index see: the passage in its context."""
        head = " > ".join(p for p in (doc.title, self.section) if p)
        extra = [self.context] if self.context else []
        if self.row is not None:
            extra += [f"Units: {doc.units}." if doc.units else "", f"Period: {doc.period}." if doc.period else ""]
        # Column names like "balance_usd_millions" read as words to both indexes.
        body = self.text.replace("_", " ") if self.row is not None else self.text
        lines = [head, *[e for e in extra if e], body]
        return "\n".join(line for line in lines if line)

    def lexical_text(self, doc: DocumentMeta) -> str:
        """What the BM25 index reads: ``embed_text`` and the table caption of a row piece. The
        caption stays out of the vectors so that the shipped corpus vectors and the encoder's
        view of every passage are unchanged (the lexical side alone finds "imports from China"
        in the caption of a table whose rows say only "August")."""
        text = self.embed_text(doc)
        return f"{text}\n{self.caption}" if self.caption else text

    @property
    def in_table(self) -> bool:
        """A data table's row, or a row piece of a table inside a document ("| March | 38,273.8 |"):
        a table's line, not prose."""
        return self.row is not None or self.text.lstrip().startswith("|")

    @property
    def locator(self) -> str:
        if self.row is not None:
            return f"table {self.table or 'main'}, row {self.row + 1}"
        where = f"section {self.section}, " if self.section else ""
        page = f"page {self.page}, " if self.page else ""
        return f"{page}{where}chars {self.start}-{self.end}"


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its document's provenance and its scores."""

    chunk: Chunk
    doc: DocumentMeta
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None


@dataclass
class Figure:
    text: str  # as written in the answer (a computed figure: its whole answer line)
    value: float  # normalised (scale applied; percent as the number of percent)
    kind: str  # "currency" | "percent" | "number" | "computed"
    citation: int | None = None
    verified: bool = False  # stated by the cited passage; a computed one: recomputed from its operands
    formula: str = ""  # computed: "(839.89 − 614.50) ÷ 614.50"
    operands: list[dict[str, Any]] = field(default_factory=list)  # computed: citation, row, column, value, …
    details: dict[str, Any] = field(default_factory=dict)  # computed: operation, display, result_kind, notes

    @property
    def computed(self) -> bool:
        return self.kind == "computed"

    @property
    def equation(self) -> str:
        """A computed figure's result and formula: "36.7% = (839.89 − 614.50) ÷ 614.50"; a
        series' figures by period ("2015: 483,201.7; 2016: 462,420.0")."""
        if self.details.get("operation") == "series":
            return self.formula
        return f"{self.details.get('display', self.value)} = {self.formula}"

    @property
    def check(self) -> str:
        """How a computed figure was checked, in words."""
        if not self.verified:
            return "not verified"
        if self.details.get("operation") == "series":
            return "each figure read from its cited cell"
        return "verified by recomputing from the cited cells"

    def to_json(self) -> dict[str, Any]:
        """The five keys of every figure; a computed one adds its formula, operands and details."""
        out = {
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
            "citation": self.citation,
            "verified": self.verified,
        }
        if self.computed:
            out.update({"formula": self.formula, "operands": self.operands, **self.details})
        return out


@dataclass
class Citation:
    marker: int
    doc_id: str
    title: str
    source: str  # original file name or URL
    publisher: str
    published: str
    locator: str
    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    kind: DocumentKind = DocumentKind.ARTICLE
    table: str = ""
    row: int | None = None
    column: str = ""
    units: str = ""
    period: str = ""
    start: int = 0
    end: int = 0
    written: str = ""
    data_sources: list[dict[str, str]] = field(default_factory=list)  # name, url, vintage
    added_on: str = ""  # the date a user added the document in the app ("" = shipped or CLI)
    paragraph: int | None = None
    page: int | None = None
    row_label: str = ""  # a cell citation: the row's label ("Total sales", "2023 Mexico")
    column_label: str = ""  # and the column's full header ("Years Ended September 30, 2019")
    table_index: int | None = None  # which of the document's tables (tables.Table), 0-based

    def to_json(self) -> dict[str, Any]:
        return {
            "marker": self.marker,
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "publisher": self.publisher,
            "published": self.published,
            "locator": self.locator,
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
            "kind": self.kind,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "units": self.units,
            "period": self.period,
            "start": self.start,
            "end": self.end,
            "written": self.written,
            "data_sources": [dict(d) for d in self.data_sources],
            "added_on": self.added_on,
            "paragraph": self.paragraph,
            "page": self.page,
            "row_label": self.row_label,
            "column_label": self.column_label,
            "table_index": self.table_index,
        }


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    standalone_question: str = ""  # the rewritten follow-up, when it differs
    answerer: str = AnswererName.EXTRACTIVE  # the answerer's name ("openai:gpt-4o-mini" for an LLM)
    closest: list[Citation] = field(default_factory=list)  # shown when abstaining
    confidence: float = 0.0  # the answerer's score of its best evidence
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # sources that differ on an operand's value
    scope: list[str] = field(default_factory=list)  # the doc ids the user limited the question to ([]: all)
    hint: str = ""  # a note for the user: "the table" asked of a whole library (text.unnamed_document_hint)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question or self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "confidence": round(self.confidence, 3),
            "answerer": self.answerer,
            "citations": [c.to_json() for c in self.citations],
            "figures": [f.to_json() for f in self.figures],
            "closest": [c.to_json() for c in self.closest],
            "conflicts": list(self.conflicts),
            "scope": list(self.scope),
            "hint": self.hint,
        }


@dataclass(frozen=True)
class IngestResult:
    name: str  # the path or name the user gave
    status: IngestStatus
    doc_id: str = ""
    reason: str = ""
    chunks: int = 0
    duplicate_of: str = ""
    warnings: tuple[str, ...] = ()  # stored, with these caveats the user should see


@dataclass(frozen=True)
class SourceInfo:
    doc_id: str
    title: str
    kind: str
    fmt: str
    publisher: str
    url: str
    published: str
    original_name: str
    chunks: int
    added_at: str
    sha256: str
    added_on: str = ""  # the date a user added it in the app ("" = shipped or added from files)
