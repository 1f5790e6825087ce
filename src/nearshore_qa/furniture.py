"""Document furniture: the lines that frame a document instead of stating what it says — a
plain-text report's title/source/date header, a web page's byline, a PDF's running title
and the title block and byline at the top of its first page, a caption repeated on every
page, "Page 3 of 10".

Recognised by structure, not by phrases: position (the top of a report, the first or last
blocks of an article, the edges of a PDF page), repetition (a line on most pages of a PDF),
element type (an HTML <time>, <address> or an element marked as a byline) and shape (short,
no sentence in it, a date or a "By Name" or a "Key: value" pair). Furniture is kept as
metadata (it fills a missing title, publisher or date) and never becomes answer evidence:
the loaders leave it out of derived text (HTML, PDF) or record its spans (plain text,
Markdown, DOCX) for the chunker to skip, so offsets still point into the stored text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .text import MONTH_ABBREVIATIONS, MONTHS

_MONTH_WORD = "|".join((*MONTHS, *MONTH_ABBREVIATIONS))
_DATE_PATTERNS = (
    # 20 May 2025 · 20 May, 2025
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_WORD})\.?,?\s+((?:19|20)\d\d)\b", re.I), ("d", "m", "y")),
    # May 20, 2025
    (re.compile(rf"\b({_MONTH_WORD})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I), ("m", "d", "y")),
    # 2025-05-20
    (re.compile(r"\b((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)"), ("y", "m", "d")),
    # May 2025
    (re.compile(rf"\b({_MONTH_WORD})\.?\s+((?:19|20)\d\d)\b", re.I), ("m", "y")),
)
# "Page 3 of 10", "- 3 -", "p. 4", "3 / 10": a page number alone on its line.
_PAGE_WORDED = re.compile(
    r"^\s*(?:(?:page|pg\.?|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*(?:of|/)\s*\d{1,4})\s*$",
    re.I,
)
_PAGE_BARE = re.compile(r"^\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$", re.I)
_BY = re.compile(r"^\s*by\s+[A-ZÀ-Þ]", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.I)
_KEY_VALUE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,24}):\s+(\S.*)$")
_SEPARATORS = re.compile(r"\s+[·•|—–]\s+")
# A sentence inside a line: a word, its full stop, then the next sentence.
_SENTENCE_INSIDE = re.compile(r"[a-z0-9%)”’\"][.!?]\s+[A-Z“\"]")
# A sentence ends somewhere in a text: a full stop (or ! ?), closing quotes or brackets, then a space or the end.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?:\s|$)")
_RULE = re.compile(r"^\s*([=\-_*~#])\1{2,}\s*$")
_LIST_OR_TABLE = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|\|)")
# Metadata keys a header line may carry, by meaning (standard bibliographic fields).
_SOURCE_KEYS = re.compile(r"^(source|publisher|published by|issued by|prepared by|organisation|organization)$", re.I)
_DATA_SOURCE_KEYS = re.compile(r"^(?:data\s+)?sources?$", re.I)
_PUBLISHER_KEYS = re.compile(r"^(publisher|published by|issued by)$", re.I)
_AUTHOR_KEYS = re.compile(r"^(author|authors|by|written by)$", re.I)
_DATE_KEYS = re.compile(r"^(date|published|publication date|released|release date|updated|last updated|as of)$", re.I)

MAX_HEADER_LINES = 8
MAX_METADATA_LINE = 300  # a "Source: …" line may name a long data source (no sentence in it); longer is a paragraph
MAX_BYLINE_WORDS = 16


@dataclass(frozen=True)
class Furniture:
    """What a loader found: the spans to keep out of evidence and the metadata they carry."""

    spans: tuple[tuple[int, int], ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # ("source", "…"), ("published", "2025-05-20"), …

    def fill(self, fields: dict) -> dict:
        """``fields`` with its empty title/source/author/published filled from the furniture."""
        out = dict(fields)
        for key, value in self.fields:
            if value and not out.get(key):
                out[key] = value
        return out


def parse_date(text: str) -> str:
    """The first date in ``text`` as ISO ("2025-05-20", or "2025-05" for a month), else ""."""
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        month = parts["m"]
        if not month.isdigit():
            key = month[:3].lower()
            month = next(i for i, name in enumerate(MONTHS, start=1) if name[:3].lower() == key)
        month = int(month)
        if not 1 <= month <= 12:
            continue
        iso = f"{parts['y']}-{month:02d}" + (f"-{int(parts['d']):02d}" if "d" in parts else "")
        if best is None or m.start() < best[0] or (m.start() == best[0] and len(iso) > len(best[1])):
            best = (m.start(), iso)
    return best[1] if best else ""


def is_page_number(line: str, bare: bool = False) -> bool:
    """A page-number line; ``bare`` also accepts a number alone ("7", "iv"), which is only
    safe at the edge of a PDF page."""
    return bool(_PAGE_WORDED.match(line) or (bare and _PAGE_BARE.match(line)))


# A title carried over a page break: "Notes to Consolidated Financial Statements (Continued)",
# "Table 4 (cont'd)".
_CONTINUED = re.compile(r"\((?:continued|cont(?:['’]d|\.|inued)?)\)", re.I)


def is_continued_title(line: str) -> bool:
    """A heading or caption repeated after a page break, marked "(continued)", with no sentence
    in it: it titles what follows instead of stating anything."""
    from .chunking import split_sentences  # its abbreviations: "Proofpoint, Inc. Notes to …" is one title

    s = line.strip()
    return (
        bool(_CONTINUED.search(s))
        and len(s) <= MAX_METADATA_LINE
        and len(split_sentences(s)) == 1
        and not re.search(r"[a-z]{2}[.!?][”’\"')\]]*$", s)
    )


def _is_prose(line: str) -> bool:
    """Holds a sentence: a sentence end inside it, or a full stop after a lower-case word."""
    s = line.strip()
    return bool(_SENTENCE_INSIDE.search(s) or re.search(r"[a-z]{2}[.!?][”’\"')\]]*$", s))


def is_byline(line: str) -> bool:
    """A short line that names who published something and when, and states nothing else:
    "By Ana Ruiz", "Publisher · Published 20 May 2025", "Updated 3 June 2025", "© 2025 Org"."""
    s = line.strip()
    words = s.split()
    if not words or len(words) > MAX_BYLINE_WORDS or len(s) > 160 or "\n" in s or _is_prose(s):
        return False
    if _COPYRIGHT.match(s) or is_page_number(s):
        return True
    rest = s
    for pattern, _ in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    # Beside a date, only a few words, and those are names or a label ("Freight Desk ·
    # Published", "Updated", "By Ana Ruiz"): every word longer than a short connective is
    # capitalised. A sentence that happens to hold a date has lower-case words.
    longer = [w.strip(".,;:·|") for w in rest.split() if len(w.strip(".,;:·|")) >= 3]
    named = all(not w[0].isalpha() or w[0].isupper() for w in longer if len(w) > 3) and (
        bool(longer) or not rest.split()  # a date alone, or beside a name ("At 31 March" is a phrase)
    )
    if _BY.match(s) and len(words) <= 10:
        return named
    if parse_date(s):
        return (named and len(rest.split()) <= 8 and not re.search(r"\d", rest)) or _name_beside_date(s)
    return False


def _name_beside_date(line: str) -> bool:
    """A date and a publisher's name set apart by a separator ("nearshore-qa · 30 November
    2026"): beside the date, the segments are short names (a few words, no figure, no sentence),
    which a publisher may spell in lower case or hyphenate."""
    segments = [seg.strip() for seg in _SEPARATORS.split(line.strip())]
    if len(segments) < 2 or not all(segments):
        return False
    dated = [i for i, seg in enumerate(segments) if parse_date(seg)]
    if len(dated) != 1:
        return False
    # the date alone, beside a capitalised label, or after a label in lower case ("written 2
    # December 2026", "last updated 3 June 2025")
    label = segments[dated[0]]
    for pattern, _ in _DATE_PATTERNS:
        label = pattern.sub(" ", label)
    lower_label = len(label.split()) <= 2 and all(w.isalpha() and w.islower() for w in label.split())
    if not (is_byline(segments[dated[0]]) or lower_label):
        return False
    names = segments[: dated[0]] + segments[dated[0] + 1 :]
    return all(len(seg.split()) <= 4 and not re.search(r"\d", seg) and not re.search(r"[.!?,;:]", seg) for seg in names)


def line_metadata(line: str) -> list[tuple[str, str]]:
    """(field, value) pairs a furniture line states: source/publisher, author, published."""
    out: list[tuple[str, str]] = []
    s = line.strip()
    kv = _KEY_VALUE.match(s)
    if kv and not parse_date(kv.group(1)):
        key, value = kv.group(1).strip(), kv.group(2).strip()
        if _SOURCE_KEYS.match(key):
            return [("source", value)]
        if _AUTHOR_KEYS.match(key):
            return [("author", value)]
        if _DATE_KEYS.match(key) and parse_date(value):
            return [("published", parse_date(value))]
    beside_date = _name_beside_date(s)
    for segment in _SEPARATORS.split(s):
        segment = segment.strip()
        date = parse_date(segment)
        if date:
            out.append(("published", date))
        elif _BY.match(segment):
            out.append(("author", re.sub(r"^\s*by\s+", "", segment, flags=re.I)))
        elif (
            segment
            and not _COPYRIGHT.match(segment)
            and len(segment.split()) <= 6
            and (segment[0].isupper() or beside_date)
        ):
            out.append(("source", segment))
    return out


def _metadata_line(line: str) -> bool:
    """A "Key: value" line whose key is a bibliographic field (source, publisher, author,
    date): header furniture even when long, as long as no sentence is run into it ("Source:
    X. Data: Y" says more than where the document comes from, and stays content)."""
    s = line.strip()
    kv = _KEY_VALUE.match(s)
    if not kv or len(s) > MAX_METADATA_LINE or _LIST_OR_TABLE.match(s):
        return False
    key = kv.group(1).strip()
    if not (_SOURCE_KEYS.match(key) or _AUTHOR_KEYS.match(key) or _DATE_KEYS.match(key)):
        return False
    return not _SENTENCE_INSIDE.search(s)


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]``, blank ones included."""
    end = len(text) if end is None else end
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _header_shaped(line: str) -> bool:
    s = line.strip()
    if _metadata_line(s):
        return True
    if not s or len(s) > 120 or _LIST_OR_TABLE.match(s):
        return False
    if _is_metadata(s):
        return True
    return not _is_prose(s) and not s.endswith((".", "!", "?", ",", ";", ":"))


def _names_publisher(line: str) -> bool:
    kv = _KEY_VALUE.match(line.strip())
    return bool(kv and _PUBLISHER_KEYS.match(kv.group(1).strip()))


def _is_metadata(line: str) -> bool:
    """A "Key: value" line, a byline or a rule: a header's metadata, whatever its length."""
    s = line.strip()
    return bool(_KEY_VALUE.match(s) or is_byline(s) or _RULE.match(s))


def _titles_metadata(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Is line ``i`` a long title: no sentence of prose, right above a bibliographic "Source:" or
    "Date:" line ("MORE WALKERS, FEWER BUSES: NORTHBOUND BUSES, … 2024 AND 2025" over its source)?"""
    line = text[slice(*lines[i])].strip()
    if _is_prose(line) or line.endswith((".", "!", "?", ",", ";")) or len(line) > 300:
        return False
    nxt = next((text[a:b] for a, b in lines[i + 1 :] if text[a:b].strip()), "")
    return _metadata_line(nxt)


def text_header(text: str) -> Furniture:
    """A plain-text report's header: the lines above its first paragraph of prose — title,
    subtitle, "Source: …", a date — each short and holding no sentence. The first one is the
    title; none is kept when no prose follows (a file of short lines is all content)."""
    lines = _lines(text)
    header: list[tuple[int, int]] = []
    after_metadata = False  # a blank line after a source/date line: the header is closing
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            after_metadata = after_metadata or bool(header and _is_metadata(text[slice(*header[-1])]))
            continue
        if len(header) >= MAX_HEADER_LINES:
            break
        if not _header_shaped(line) and not (not header and _titles_metadata(text, lines, i)):
            break
        # past the source and date lines and a blank line, a short line is the body's first heading
        if after_metadata and not _is_metadata(line):
            break
        # A long line that runs on into the next one is the first line of a wrapped paragraph.
        nxt = next((text[c:d] for c, d in lines[i + 1 :][:1]), "")
        if nxt.strip() and not _header_shaped(nxt):
            if not _is_metadata(line) and (len(line.strip()) >= 0.6 * len(nxt.strip()) or nxt.strip()[0].islower()):
                break
        header.append((a, b))
    if not header:
        return Furniture()
    end = header[-1][1]
    if not _SENTENCE_END.search(text[end:].strip()):  # no sentence follows
        return Furniture()
    fields: list[tuple[str, str]] = [("title", text[slice(*header[0])].strip())]
    # a "Publisher:" line names the publisher, where "Source:" may name the data's source
    publisher = any(_names_publisher(text[slice(*span)]) for span in header[1:])
    for a, b in sorted(header[1:], key=lambda span: not _names_publisher(text[slice(*span)])):
        fields += line_metadata(text[a:b])
        kv = _KEY_VALUE.match(text[a:b].strip())
        if publisher and kv and _DATA_SOURCE_KEYS.match(kv.group(1).strip()):
            # beside a "Publisher:" line, "Source:" names whose data the report gives
            fields.append(("data_source", kv.group(2).strip()))
    spans = tuple((a, b) for a, b in header)
    return Furniture(spans=spans, fields=tuple(fields))


def byline_blocks(text: str, first: int = 4, last: int = 2) -> Furniture:
    """Byline-shaped one-line blocks among the first and last blocks of an article (Markdown
    headings are not counted), and page-number and "(continued)" title lines anywhere."""
    blocks = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    body = [(a, b) for a, b in blocks if not text[a:b].lstrip().startswith("#")]
    edge = body[:first] + body[-last:] if len(body) > first + last else body
    spans: list[tuple[int, int]] = []
    fields: list[tuple[str, str]] = []
    for a, b in blocks:
        block = text[a:b]
        if (a, b) in edge and "\n" not in block and is_byline(block):
            spans.append((a, b))
            fields += line_metadata(block)
            continue
        for c, d in _lines(text, a, b):
            if is_page_number(text[c:d]) or is_continued_title(text[c:d]):
                spans.append((c, d))
    return Furniture(spans=tuple(sorted(set(spans))), fields=tuple(fields))


def merge(*found: Furniture) -> Furniture:
    spans = sorted({s for f in found for s in f.spans})
    return Furniture(spans=tuple(spans), fields=tuple(x for f in found for x in f.fields))


def _norm(line: str) -> str:
    """A line as a running header repeats it: digits (page numbers, dates) and case ignored."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def pdf_running_lines(
    pages: list[str], edge: int = 2, cells: list[set[str]] | None = None
) -> tuple[list[str], list[str]]:
    """Each page's text without its furniture, and the furniture lines removed (first seen).

    Furniture: a line at the top or bottom of at least two pages and of half of them or more
    (a running title or footer; digits ignored, so "Page 2"/"Page 3" and dates match), a
    page number at a page edge, and a line repeated word for word inside pages as often (a
    caption over a continued table): its first appearance names the table and stays, the
    repeats go. ``cells``: per page, the label cells of the ruled tables found there; such a
    line is table content ("Truck" heading a column and naming a row of another table), never
    furniture.
    """
    split = [page.split("\n") for page in pages]
    edges: list[tuple[set[int], set[int]]] = []  # (edge lines, first and last line) per page
    edge_counts: Counter[str] = Counter()
    inside_counts: Counter[str] = Counter()
    for lines in split:
        content = [i for i, line in enumerate(lines) if line.strip()]
        at = set(content[:edge] + content[-edge:])
        edges.append((at, {content[0], content[-1]} if content else set()))
        edge_counts.update({_norm(lines[i]) for i in at})
        inside_counts.update({" ".join(line.split()) for line in lines if line.strip()})
    need = max(2, (len(pages) + 1) // 2)
    several = len(pages) >= 2
    running = {k for k, n in edge_counts.items() if several and n >= need and len(k) <= 160}
    repeated = {k for k, n in inside_counts.items() if several and n >= need and len(k) <= 160}
    kept_pages: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    for number, (lines, (at, ends)) in enumerate(zip(split, edges, strict=True)):
        keep = []
        protected = cells[number] if cells is not None and number < len(cells) else set()
        for i, line in enumerate(lines):
            exact = " ".join(line.split())
            drop = False
            if exact in protected and not is_page_number(line, bare=True):
                pass
            elif exact and ((i in ends and is_page_number(line, bare=True)) or (i in at and _norm(line) in running)):
                drop = True
            elif exact and (is_page_number(line) or (exact in repeated and exact in seen)):
                drop = True
            seen.add(exact)
            if drop:
                if exact not in removed:
                    removed.append(exact)
                continue
            keep.append(line)
        kept_pages.append("\n".join(keep).strip())
    return kept_pages, removed


MAX_PDF_TITLE_LINES = 3
_FIGURE_LINE = re.compile(r"[-−(]?[$€£]?\d[\d,.]*%?\)?")


def _pdf_title_shaped(line: str, width: int) -> bool:
    """A line of a title set in a large type: short against the page's lines of prose and
    holding no sentence (a wrapped title may end with a comma or a colon)."""
    s = line.strip()
    return (
        bool(s)
        and len(s) <= min(120, 0.7 * width)
        and not (_is_prose(s) or s.endswith((".", "!", "?", ";")) or _LIST_OR_TABLE.match(s) or _RULE.match(s))
    )


def pdf_title_block(page: str, cells: set[str] | frozenset[str] = frozenset()) -> tuple[str, Furniture]:
    """The first page's text without its title block, and the metadata the block states.

    The title block: at most three title-shaped lines at the very top of the page (the
    running lines already gone), then at most one byline ("nearshore-qa · 30 November 2026"),
    with a paragraph of prose right below — a wide line or one holding a sentence, a sentence
    ending within its first lines. Without that paragraph nothing is taken (a page that opens
    with a table, a figure or a list of short lines is all content), and a line that is a cell
    of a ruled table on the page (``cells``) or a figure alone never is.
    """
    lines = page.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return page, Furniture()
    width = max(len(lines[i].strip()) for i in content)
    title: list[int] = []
    byline: int | None = None
    for i in content[: MAX_PDF_TITLE_LINES + 1]:
        s = " ".join(lines[i].split())
        if s in cells or _FIGURE_LINE.fullmatch(s) or is_page_number(s, bare=True):
            break
        if is_byline(s) and len(s) <= 0.7 * width:
            byline = i
            break
        if len(title) >= MAX_PDF_TITLE_LINES or not _pdf_title_shaped(s, width):
            break
        title.append(i)
    taken = title + ([byline] if byline is not None else [])
    if not title or len(taken) >= len(content):
        return page, Furniture()
    if lines[title[-1]].rstrip().endswith((",", ":")) and byline is None:
        return page, Furniture()  # the "title" runs on into what follows
    rest = content[len(taken) :]
    first = " ".join(lines[rest[0]].split())
    if first in cells or _FIGURE_LINE.fullmatch(first):
        return page, Furniture()
    opening = "\n".join(lines[i] for i in rest[:4])
    wide = len(first) >= 0.7 * width and not first.endswith(":")
    if not (wide or _is_prose(first)) or not _SENTENCE_END.search(opening):
        return page, Furniture()
    fields: list[tuple[str, str]] = [("title", " ".join(" ".join(lines[i].split()) for i in title))]
    if byline is not None:
        fields += line_metadata(lines[byline])
    kept = "\n".join(line for i, line in enumerate(lines) if i not in set(taken)).strip()
    return kept, Furniture(fields=tuple(fields))
