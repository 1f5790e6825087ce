"""Documents into citable chunks: passages by section for text, one record per row for tables.

Every chunk keeps char offsets into the document text so a UI can highlight the cited span.
"""

from __future__ import annotations

import hashlib
import re

from .records import Chunk, LoadedDocument
from .tables import title_like

# MiniLM reads 256 word pieces; ~700 characters of English stays well inside that with the
# title and section prepended.
MAX_CHARS = 700
MIN_CHARS = 200

_HEADING_LINE = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_ABBREVIATIONS = {
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "no",
    "nos",
    "vs",
    "etc",
    "inc",
    "corp",
    "co",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "art",
    "fig",
    "approx",
    "dept",
    "gov",
    "est",
    "s.a",
    "c.v",
    "u.s.a",
    "d.f",
    "p",
    "pp",
    "vol",
}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+|$)")
# A line that starts a unit of its own: a Markdown heading, a list item, a table row.
_BLOCK_START = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+•][ \t]|\d{1,3}[.)][ \t]|\|)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Token shapes that end with a full stop without ending a sentence: letter-dot-letter runs
# ("U.S.", "e.g.", "S.A."), one letter (an initial), a capitalised word of two or three
# letters ("Mr.", "No.", "Jan.", "Inc.").
_DOTTED = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_SHORT_TITLE = re.compile(r"[A-Z][a-z]{1,2}")


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, shifted by ``base``.

    A blank line, a heading, a list item or a table row always starts a new unit, and so does
    the line after a title-like line (short, unpunctuated, above a longer one); other line
    breaks are wrapping, so a sentence runs on across them. Inside a unit a sentence ends at
    ".", "!" or "?" — not after an abbreviation ("U.S.", "e.g.", "No.", "Jan.", an initial),
    not before a lower-case word or a digit, and never inside a number ("4.7").
    """
    spans: list[tuple[int, int]] = []
    for start, end in _units(text):
        _split_unit(text, start, end, base, spans)
    return spans


def _units(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` that no sentence crosses (see ``split_sentences``)."""
    cuts = {0, len(text)}
    cuts.update(m.end() for m in _BLANK_LINE.finditer(text))
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    width = max(len(line) for _, line in lines)
    for i, (pos, line) in enumerate(lines):
        if i and _BLOCK_START.match(line):
            cuts.add(pos)
        if i and _BLOCK_START.match(lines[i - 1][1]) and lines[i - 1][1].lstrip().startswith(("#", "|")):
            cuts.add(pos)  # a heading or a table row is one line
        if i + 1 < len(lines) and _title_line(lines, i, width):
            cuts.add(lines[i + 1][0])
    ordered = sorted(c for c in cuts if 0 <= c <= len(text))
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b > a]


def _title_line(lines: list[tuple[int, str]], i: int, width: int) -> bool:
    """A line that is a unit of its own though no markup says so — a title above its
    paragraph, a caption, a "Label: value" line of a list: a few words, no closing
    punctuation, a capital on the next line, and short: well short of the text's widest line
    (wrapped lines run to the margin), or the first line of a paragraph and shorter than the
    line below. Never the line after one that runs to the margin mid-sentence."""
    line, below = lines[i][1].strip(), lines[i + 1][1].strip()
    if not line or not below or len(line.split()) > 12 or line[-1] in ".!?,;:–—-(&/":
        return False
    if not (line[0].isupper() or line[0].isdigit()) or not (
        below[0].isupper() or below[0].isdigit() or below[0] in '“"'
    ):
        return False
    above = lines[i - 1][1].strip() if i else ""
    starts_paragraph = not above or above[-1] in ".!?:" or _SENTENCE_END.search(above[-3:]) is not None
    if not starts_paragraph and len(above) >= 0.8 * width:
        return False  # the line above runs to the margin mid-sentence: this one carries it on
    return len(line) < 0.6 * width or (starts_paragraph and len(line) < 0.7 * len(below))


def _split_unit(text: str, start: int, stop: int, base: int, spans: list[tuple[int, int]]) -> None:
    for match in _SENTENCE_END.finditer(text, start, stop):
        end = match.end()
        # Only the word before the period matters; a bounded window keeps a long paragraph of
        # non-splitting periods ("a. b. c.") linear instead of quadratic.
        before = text[max(start, match.start() - 63) : match.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word:
            token = word.group(1).rstrip(".")
            if (
                token.lower() in _ABBREVIATIONS
                or (len(token) == 1 and token.isalpha())
                or _DOTTED.fullmatch(token)
                or _SHORT_TITLE.fullmatch(token)
            ):
                continue
        rest = text[end : min(stop, end + 3)].lstrip()
        if rest and (rest[0].islower() or rest[0].isdigit()):
            continue
        _add_span(text, start, end, base, spans)
        start = end
    _add_span(text, start, stop, base, spans)


def _add_span(text: str, start: int, end: int, base: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((base + start, base + end))


def _chunk_id(doc_id: str, sha: str, ordinal: int) -> str:
    key = hashlib.sha256(f"{doc_id}\x00{sha}".encode()).hexdigest()[:20]
    return f"{key}-{ordinal:05d}"


def chunk_document(doc: LoadedDocument) -> list[Chunk]:
    if doc.tables:
        return _table_chunks(doc)
    return _text_chunks(doc)


def _table_chunks(doc: LoadedDocument) -> list[Chunk]:
    # The document text holds one rendered line per row, in order (see ingest._table_text).
    chunks: list[Chunk] = []
    offset = 0
    lines = doc.text.split("\n")
    index = 0
    multi = len(doc.tables) > 1
    for table in doc.tables:
        for row_no, values in enumerate(table.rows):
            line = lines[index]
            chunks.append(
                Chunk(
                    chunk_id=_chunk_id(doc.meta.doc_id, doc.sha256, len(chunks)),
                    doc_id=doc.meta.doc_id,
                    ordinal=len(chunks),
                    text=line,
                    start=offset,
                    end=offset + len(line),
                    section=table.name if multi else "",
                    table=table.name,
                    row=row_no,
                    columns=table.columns,
                    values=values,
                )
            )
            offset += len(line) + 1
            index += 1
    return chunks


def _sections(text: str) -> list[tuple[str, int, int]]:
    """(heading path, body start, body end) for each section of Markdown-like text."""
    sections: list[tuple[str, int, int]] = []
    path: list[tuple[int, str]] = []
    start = 0
    current = ""
    pos = 0
    for line in text.split("\n"):
        match = _HEADING_LINE.match(line)
        if match:
            sections.append((current, start, pos))
            level = len(match.group(1))
            path = [(lvl, title) for lvl, title in path if lvl < level] + [(level, match.group(2).strip())]
            # The top-level title is the document title already; the path starts below it.
            current = " > ".join(t for lvl, t in path if lvl > 1 or len(path) == 1 and level > 1)
            start = pos + len(line) + 1
        pos += len(line) + 1
    sections.append((current, start, len(text)))
    return [(s, a, min(b, len(text))) for s, a, b in sections if b > a and text[a:b].strip()]


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Paragraph blocks (start, end, is_table) separated by blank lines; Markdown tables kept whole."""
    blocks: list[tuple[int, int, bool]] = []
    for match in re.finditer(r"(?:[^\n]+\n?)+", text[start:end]):
        a, b = start + match.start(), start + match.end()
        body = text[a:b]
        is_table = all(line.lstrip().startswith("|") for line in body.strip().split("\n"))
        blocks.append((a, b, is_table))
    return blocks


# Reference lists are kept in the document text (a reader sees them) but are not passages to
# retrieve or quote: a citation line would crowd out the facts it credits.
REFERENCE_SECTIONS = re.compile(r"(?:^|> )(sources|references|bibliography|further reading|notes and sources)$", re.I)


def _text_chunks(doc: LoadedDocument) -> list[Chunk]:
    text = doc.text
    pieces: list[tuple[str, int, int]] = []  # (section, start, end)
    contexts: dict[tuple[int, int], str] = {}
    paragraphs: dict[int, int] = {}  # start of a piece -> 1-based paragraph of its section
    for section, s_start, s_end in _sections(text):
        if REFERENCE_SECTIONS.search(section):
            continue
        pending: tuple[int, int] | None = None
        blocks = _without_furniture(_blocks(text, s_start, s_end), doc.furniture, text)
        listed = _reference_lists(blocks, text)
        for number, (b_start, b_end, is_table) in enumerate(blocks, start=1):
            if number in listed:
                # a list of its own, under its heading: retrieval ranks such pieces last
                # (``FusionWeights.reference_penalty``), a question about the data's vintage finds it
                if pending:
                    pieces.append((section, *pending))
                    pending = None
                heading, first = listed[number]
                start = b_start
                if text[b_start:b_end].lstrip().startswith(heading):
                    start = text.index(heading, b_start) + len(heading)
                for a, b in _pack_sentences(text, start, b_end):
                    if text[a:b].strip():
                        pieces.append((heading, a, b))
                        paragraphs.setdefault(a, number - first + 1)
                continue
            if is_table:
                if pending:
                    pieces.append((section, *pending))
                    pending = None
                for a, b, context in _table_block_rows(text, b_start, b_end):
                    pieces.append((section, a, b))
                    paragraphs[a] = number
                    if context:
                        contexts[(a, b)] = context
                continue
            for a, b in _pack_sentences(text, b_start, b_end):
                paragraphs.setdefault(a, number)
                if pending and (b - pending[0]) <= MAX_CHARS and (pending[1] - pending[0]) < MIN_CHARS:
                    pending = (pending[0], b)  # merge a short paragraph with the next one
                    continue
                if pending:
                    pieces.append((section, *pending))
                pending = (a, b)
        if pending:
            pieces.append((section, *pending))
    chunks: list[Chunk] = []
    for section, a, b in pieces:
        paragraph = paragraphs.get(a)
        context = contexts.get((a, b), "")
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b <= a:
            continue
        chunks.append(
            Chunk(
                chunk_id=_chunk_id(doc.meta.doc_id, doc.sha256, len(chunks)),
                doc_id=doc.meta.doc_id,
                ordinal=len(chunks),
                text=text[a:b],
                start=a,
                end=b,
                section=section,
                page=_page_at(doc, a),
                context=context,
                paragraph=paragraph,
                caption=_row_caption(doc, a, context) if context else "",
            )
        )
    return chunks


def _row_caption(doc: LoadedDocument, start: int, context: str) -> str:
    """For a row of a table inside a document: the table's caption (its title, units, period)
    and the row's period when only the caption gives its year ("August 2024" for the row
    "| August | …" under "US imports from China by month, 2024"), for the lexical index; the
    header lines are the row's context already."""
    table = next((t for t in doc.data_tables if t.start is not None and t.start <= start <= (t.end or t.start)), None)
    if table is None:
        return ""
    parts = []
    caption = " ".join(table.caption.split())
    if caption and title_like(caption) and caption not in context:
        parts.append(caption)
    row = table.row_at(start)
    if row is not None and row.period is not None and str(row.period.year) not in doc.text[row.start : row.end]:
        if str(row.period.year) not in context or row.period.month or row.period.quarter:
            parts.append(row.period.text)
    return "\n".join(parts)


def _reference_lists(blocks: list[tuple[int, int, bool]], text: str) -> dict[int, tuple[str, int]]:
    """The blocks that make a reference list without Markdown headings, by 1-based number, each
    with the list's heading and its first block's number: a block whose first line names one
    ("SOURCES" in a plain-text report, "Sources" above a PDF's list) and the blocks after it, up
    to the next block that is only a heading line. (``REFERENCE_SECTIONS`` drops a Markdown or
    HTML one whole.)"""
    listed: dict[int, tuple[str, int]] = {}
    inside: tuple[str, int] | None = None
    for number, (a, b, is_table) in enumerate(blocks, start=1):
        first, _, rest = text[a:b].strip().partition("\n")
        first = first.strip()
        heading = not is_table and len(first) <= 80 and not first.endswith((".", "?", "!", ";", ","))
        if heading and REFERENCE_SECTIONS.search(first.rstrip(":")):
            # "SOURCES" on its own (its list's paragraphs start at the next block), or a PDF's
            # "Sources" line right above the list
            inside = (first, number + (not rest))
        elif heading and not rest:
            inside = None
        if inside:
            listed[number] = inside
    return listed


def _without_furniture(
    blocks: list[tuple[int, int, bool]], furniture: tuple[tuple[int, int], ...], text: str
) -> list[tuple[int, int, bool]]:
    """The blocks with the document's furniture (a header line, a byline, a page number) cut
    out: what is left of a block stays where it is in the text, so offsets do not move."""
    if not furniture:
        return blocks
    out = []
    for a, b, is_table in blocks:
        pieces = [(a, b)]
        for f_start, f_end in furniture:
            cut = []
            for p_start, p_end in pieces:
                cut += [(p_start, min(p_end, f_start)), (max(p_start, f_end), p_end)]
            pieces = [(x, y) for x, y in cut if y > x]
        out += [(p_start, p_end, is_table) for p_start, p_end in pieces if text[p_start:p_end].strip()]
    return out


def _pack_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = split_sentences(text[start:end], base=start)
    packed: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in spans:
        for a2, b2 in _hard_split(text, a, b):
            if cur and b2 - cur[0] <= MAX_CHARS:
                cur = (cur[0], b2)
            else:
                if cur:
                    packed.append(cur)
                cur = (a2, b2)
    if cur:
        packed.append(cur)
    return packed


def _hard_split(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence longer than MAX_CHARS is cut at whitespace."""
    out = []
    while b - a > MAX_CHARS:
        cut = text.rfind(" ", a + MAX_CHARS // 2, a + MAX_CHARS)
        cut = cut if cut > a else a + MAX_CHARS
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


_RULE_LINE = re.compile(r"\s*\|?[\s:|-]+\|?\s*")


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in body.split("|")]


def _table_block_rows(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A Markdown table in an article: one piece per row, each carrying the header lines (and
    the label of the group it sits under) as context.

    A row names one item and its figures; as a piece of its own it is matched on its label
    and the column headings, where a block of rows would be matched on whichever row's words
    (measured on TAT-QA dev, benchmarks/RESULTS.md). Header lines are the first line plus the
    lines below it whose first cell is empty ("|  | 2019 | 2018 |", "|  | £m | £m |"); a row with
    a label and no figures ("Current tax:") heads the rows below it.
    """
    lines = []
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip() and not _RULE_LINE.fullmatch(line):
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not lines:
        return []
    header = [lines[0]]
    while len(header) < 4 and len(header) < len(lines) and _cells(text[slice(*lines[len(header)])])[0] == "":
        header.append(lines[len(header)])
    rows = lines[len(header) :]
    head = "\n".join(text[a:b].strip() for a, b in header)
    if not rows:
        return [(header[0][0], header[-1][1], "")]
    out, group = [], ""
    for a, b in rows:
        cells = _cells(text[a:b])
        if cells[0] and not any(cells[1:]):
            group = cells[0]
            out.append((a, b, head))
            continue
        out.append((a, b, f"{head}\n{group}" if group else head))
    return out


def _page_at(doc: LoadedDocument, offset: int) -> int | None:
    for number, a, b in doc.pages:
        if a <= offset <= b:
            return number
    return None
