"""Loaders: one file (or pasted text) in, one ``LoadedDocument`` out, or an ``IngestError``.

Every failure names the file and says why in one line; nothing here touches the store.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import logging
import os
import re
import zipfile
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import IngestError
from .furniture import (
    Furniture,
    byline_blocks,
    is_byline,
    is_page_number,
    line_metadata,
    merge,
    parse_date,
    pdf_running_lines,
    pdf_title_block,
    text_header,
)
from .kinds import DocumentKind
from .records import DocumentMeta, LoadedDocument, Table
from .tables import Table as DataTable
from .tables import (
    from_grid,
    from_records,
    grid_with_offsets,
    html_table_grid,
    labelled,
    paragraph_below,
    parse_markdown_tables,
    pdf_table_grids,
    text_table_blocks,
)

logger = logging.getLogger(__name__)

TEXT_FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html"}
BINARY_FORMATS = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx"}
TABLE_FORMATS = {".csv": "csv", ".xlsx": "xlsx"}
SUPPORTED = {**TEXT_FORMATS, **BINARY_FORMATS, ".csv": "csv"}
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
MAX_TABLE_ROWS = 20_000
logger = logging.getLogger(__name__)
# What a loader skipped while parsing (e.g. broken front matter), collected by ``load_bytes`` into
# ``LoadedDocument.warnings`` without widening every loader's signature.
_warnings: ContextVar[list[str] | None] = ContextVar("ingest_warnings", default=None)
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # a .docx/.xlsx inflating past this is refused (zip bomb)
MAX_FIELD_CHARS = 500  # a metadata field (title, source, ...) longer than this is cut


def file_format(name: str) -> str | None:
    return SUPPORTED.get(Path(name).suffix.lower())


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, Path]]:
    """Yield (file, root) for every file under the given paths; doc ids are relative to root.

    Hidden files and table sidecars are skipped; links to folders are yielded (for the caller
    to report) but not followed, so a symlink loop cannot recurse forever.
    """
    for given in paths:
        if given.is_dir():
            for dirpath, dirnames, filenames in os.walk(given, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    path = Path(dirpath) / name
                    if name.startswith(".") or is_sidecar(path):
                        continue
                    yield path, given
                for name in dirnames:
                    if (Path(dirpath) / name).is_symlink():
                        yield Path(dirpath) / name, given
        else:
            if is_sidecar(given):
                continue
            yield given, given.parent


def doc_id_for(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    return rel.as_posix()


def load_file(path: Path, doc_id: str, max_bytes: int, max_table_rows: int = MAX_TABLE_ROWS) -> LoadedDocument:
    """Read and parse one file. Raises ``IngestError`` naming ``doc_id`` and the reason."""
    name = doc_id
    fmt = file_format(path.name)
    if fmt is None:
        suffix = path.suffix or "(none)"
        raise IngestError(name, f"unsupported file type {suffix}; supported: {', '.join(sorted(SUPPORTED))}")
    try:
        if path.is_symlink() and not path.exists():
            raise IngestError(name, "broken symbolic link")
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(name, f"cannot read file ({exc.strerror or exc})") from None
    if size > max_bytes:
        # MB here means 2**20 bytes, as in the setting (max_file_mb * 1024 * 1024).
        raise IngestError(name, f"file is {size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(name, f"cannot read file ({exc.strerror or exc})") from None
    sidecar = _read_sidecar(path, name) if fmt in ("csv", "xlsx") else ({}, b"")
    return load_bytes(data, name=name, original_name=path.name, fmt=fmt, sidecar=sidecar, max_table_rows=max_table_rows)


def load_bytes(
    data: bytes,
    *,
    name: str,
    original_name: str,
    fmt: str,
    sidecar: tuple[dict, bytes] = ({}, b""),
    max_table_rows: int = MAX_TABLE_ROWS,
    url: str = "",
) -> LoadedDocument:
    """Parse bytes already in memory (an upload, a fetched page) as the given format."""
    if not data.strip():
        raise IngestError(name, "empty file")
    meta_extra, sidecar_bytes = sidecar
    sha = hashlib.sha256(data + sidecar_bytes).hexdigest()
    loader = _LOADERS[fmt]
    collected: list[str] = []
    token = _warnings.set(collected)
    try:
        meta, text, tables, pages, *rest = loader(data, name, original_name, meta_extra, max_table_rows)
    finally:
        _warnings.reset(token)
    if url and not meta.url:
        meta = replace(meta, url=url)
    if not text.strip():
        raise IngestError(name, "no text found in file")
    data_tables = rest[0] if rest else ()
    if not data_tables and tables:
        data_tables = _data_tables_of(tables, meta)
    found = _furniture_of(text, fmt)
    meta = _filled(meta, found)
    return LoadedDocument(
        meta=meta,
        text=text,
        sha256=sha,
        original=data,
        tables=tables,
        pages=pages,
        data_tables=tuple(data_tables),
        warnings=tuple(collected),
        furniture=found.spans,
    )


def _furniture_of(text: str, fmt: str) -> Furniture:
    """The spans of a stored text that are furniture (see furniture.py): a plain-text report's
    header lines, bylines at the top or foot of an article, page-number lines. HTML and PDF
    leave theirs out of the text they build (``_load_html``, ``_load_pdf``)."""
    if fmt == "txt":
        return merge(text_header(text), byline_blocks(text))
    if fmt in ("md", "docx"):
        return byline_blocks(text)
    return Furniture()


def _filled(meta: DocumentMeta, found: Furniture) -> DocumentMeta:
    """Metadata the document did not declare, taken from its furniture (publisher, author, date)."""
    have = {"source": meta.source, "author": meta.author, "published": meta.published}
    filled = found.fill(have)
    stated = [value for key, value in found.fields if key == "data_source" and value]
    data_sources = meta.data_sources or tuple((_scalar(v), "", "") for v in stated)
    if all(filled[k] == v for k, v in have.items()) and data_sources == meta.data_sources:
        return meta
    return replace(
        meta,
        source=_scalar(filled["source"]),
        author=_scalar(filled["author"]),
        published=_scalar(filled["published"]),
        data_sources=data_sources,
    )


def pasted_slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (title or "").strip().lower()).strip("-")[:80] or "pasted"


def pasted_doc_id(title: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """``pasted/<slug>.md``, or ``pasted/<slug>-2.md``… when that id is in ``taken``."""
    slug, n = pasted_slug(title), 1
    doc_id = f"pasted/{slug}.md"
    while doc_id in taken:
        n += 1
        doc_id = f"pasted/{slug}-{n}.md"
    return doc_id


def load_pasted(
    title: str, text: str, source: str = "", url: str = "", published: str = "", doc_id: str = ""
) -> LoadedDocument:
    """Pasted text from the UI becomes a Markdown article with the given metadata (its id
    ``doc_id``, by default ``pasted/<slug of the title>.md``)."""
    title = title.strip()
    if not title:
        raise IngestError("(pasted text)", "a title is required")
    if not text.strip():
        raise IngestError(title, "empty text")
    slug = pasted_slug(title)
    if doc_id:
        slug = doc_id.removeprefix("pasted/").removesuffix(".md")
    front = yaml.safe_dump(
        {"title": title, "source": source, "url": url, "published": published}, allow_unicode=True, sort_keys=False
    )
    data = f"---\n{front}---\n{text.strip()}\n".encode()
    return load_bytes(data, name=f"pasted/{slug}.md", original_name=f"{slug}.md", fmt="md")


# --- decoding -----------------------------------------------------------------------------


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as cp1252 (latin-1 for its five unassigned bytes), so
    a file mixing UTF-8 and Windows-1252 text keeps both readable."""
    if not isinstance(err, UnicodeDecodeError):  # registered for decoding only
        raise err
    bad = err.object[err.start : err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), err.end


codecs.register_error("nearshore-qa-cp1252", _cp1252_fallback)
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _too_many_controls(sample) -> bool:
    controls = sum(
        1
        for ch in sample
        if (ch if isinstance(ch, int) else ord(ch)) < 32
        and (ch if isinstance(ch, int) else ord(ch)) not in (9, 10, 12, 13)
    )
    return controls > max(8, len(sample) // 50)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM; stray non-UTF-8 bytes read as cp1252), or UTF-16/32 with a
    BOM; binary bytes are refused."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(name, f"not valid {encoding.upper()} text") from None
            if "\x00" in text[:65536] or _too_many_controls(text[:65536]):
                raise IngestError(name, "binary content under a text extension (control characters)")
            return _normalise_newlines(text)
    if b"\x00" in data[:65536]:
        raise IngestError(name, "binary content under a text extension (NUL bytes)")
    if _too_many_controls(data[:65536]):
        raise IngestError(name, "binary content under a text extension (control bytes)")
    return _normalise_newlines(data.decode("utf-8-sig", errors="nearshore-qa-cp1252"))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_SCALARS = (str, int, float, date, datetime)  # bool is an int


def _scalar(value, limit: int = MAX_FIELD_CHARS) -> str:
    """A metadata value as one line of text; anything but a scalar (a mapping, a nested list —
    such as a YAML alias bomb) is ignored rather than expanded."""
    if not isinstance(value, _SCALARS):
        return ""
    return " ".join(str(value)[: limit * 4].split())[:limit]


def _date_str(value) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return _scalar(value, 40)


def _str(value) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(p for p in (_scalar(v) for v in value[:50]) if p)[:MAX_FIELD_CHARS]
    return _scalar(value)


def _first_url(value) -> str:
    if isinstance(value, (list, tuple)):
        return _scalar(value[0], 2000) if value else ""
    return _scalar(value, 2000)


def _meta(
    name: str, original_name: str, fmt: str, kind: DocumentKind, fields: dict, fallback_title: str
) -> DocumentMeta:
    topics = fields.get("topics") or ()
    if isinstance(topics, str):
        topics = tuple(t.strip() for t in topics.split(",") if t.strip())
    topics = [_scalar(t, 100) for t in topics[:50]] if isinstance(topics, (list, tuple)) else []
    return DocumentMeta(
        doc_id=name,
        title=_str(fields.get("title")) or fallback_title,
        kind=kind,
        fmt=fmt,
        source=_str(fields.get("source") or fields.get("publisher")),
        url=_first_url(fields.get("url")),
        published=_date_str(fields.get("published") or fields.get("date") or fields.get("written")),
        author=_str(fields.get("author")),
        original_name=original_name,
        units=_str(fields.get("units")),
        period=_str(fields.get("period")),
        topics=tuple(t for t in topics if t),
        written=_date_str(fields.get("written")),
        data_sources=_data_sources(fields.get("data_sources")),
        columns=_column_meta(fields.get("columns")),
    )


def _data_sources(value) -> tuple[tuple[str, str, str], ...]:
    """``data_sources``: a list of {name, url, vintage} (or of plain names)."""
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    out = []
    for item in value[:20]:
        if isinstance(item, dict):
            entry = (_str(item.get("name")), _first_url(item.get("url")), _str(item.get("vintage")))
        else:
            entry = (_scalar(item), "", "")
        if entry[0]:
            out.append(entry)
    return tuple(out)


def _column_meta(value) -> tuple[tuple[str, str, str], ...]:
    """A sidecar's ``columns``: {column: "Label"} or {column: {label, unit}} (or a list of
    {name, label, unit}) — how a person reads the column."""
    if isinstance(value, (list, tuple)):
        value = {str(v.get("name", "")): v for v in value[:500] if isinstance(v, dict)}
    if not isinstance(value, dict):
        return ()
    out = []
    for name, spec in list(value.items())[:500]:
        if isinstance(spec, dict):
            entry = (_scalar(name, 200), _str(spec.get("label")), _str(spec.get("unit")))
        else:
            entry = (_scalar(name, 200), _scalar(spec), "")
        if entry[0] and (entry[1] or entry[2]):
            out.append(entry)
    return tuple(out)


def _title_from_name(name: str) -> str:
    stem = Path(name).name
    for suffix in SIDECAR_SUFFIXES + tuple(SUPPORTED):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else name


# --- text formats -------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)


def front_matter(text: str, name: str) -> tuple[dict, str, str]:
    """(fields, body, warning): the YAML front matter's fields and the text after it. Broken
    front matter costs only the metadata: the body is kept and ``warning`` says what was wrong."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            return {}, text, "front matter starts with '---' but has no closing '---' line; ingested without it"
        return {}, text, ""
    body = text[match.end() :]
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        return {}, body, f"front matter is not valid YAML{where} ({problem}); ingested without its metadata"
    if loaded is not None and not isinstance(loaded, dict):
        return (
            {},
            body,
            (
                "front matter is not a YAML mapping of fields (title, source, url, published); "
                "ingested without its metadata"
            ),
        )
    return loaded or {}, body, ""


def _load_md(data: bytes, name: str, original_name: str, _extra: dict, _rows: int):
    fields, text, warning = front_matter(decode_text(data, name), name)
    if warning:
        logger.warning("%s: %s", name, warning)
        sink = _warnings.get()
        if sink is not None:
            sink.append(warning)
    body = _MD_LINK.sub(lambda m: m.group(1), text).strip("\n")
    heading = _HEADING.search(body)
    fallback = heading.group(2).strip() if heading else _title_from_name(original_name)
    return (
        _meta(name, original_name, "md", DocumentKind.ARTICLE, fields, fallback),
        body,
        (),
        (),
        _parsed(name, lambda: parse_markdown_tables(body)),
    )


def _load_txt(data: bytes, name: str, original_name: str, _extra: dict, _rows: int):
    text = decode_text(data, name).strip("\n")
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    title = first[:200] if first else _title_from_name(original_name)
    text, placed = _txt_tables_in_place(text)
    meta = _meta(name, original_name, "txt", DocumentKind.ARTICLE, {}, title)
    return meta, text, (), (), _parsed(name, lambda: _txt_tables(placed))


def _txt_tables_in_place(text: str) -> tuple[str, list[tuple[list[list[str]], list[tuple[int, int]], str]]]:
    """The text with each whitespace-aligned table (tables.text_table_blocks) rendered as a
    Markdown table in its place, as a PDF's ruled tables are: its rows become row chunks with
    the header as context, and cells locatable. Returns the new text and, for each table, its
    grid, its rows' offsets there and its caption (the title or unit lines just above it)."""
    blocks = text_table_blocks(text)
    rendered, placed = _render_in_place(text, blocks, keep_tail=False)
    aboves = [_caption_lines(before) for _, _, before in placed]
    belows = [
        _labelled_caption_below(text[end : blocks[n + 1][0] if n + 1 < len(blocks) else len(text)])
        for n, (_, end, _) in enumerate(blocks)
    ]
    # A document puts its "Table N." captions either above its tables or below them: the first
    # table tells which, and a labelled line between two tables is then the one's or the other's.
    below_first = bool(belows and belows[0] and not labelled(aboves[0]))
    out = []
    for n, (grid, rows, _) in enumerate(placed):
        caption = aboves[n]
        if below_first and belows[n]:
            caption = belows[n]
        elif below_first and n and belows[n - 1] and " ".join(caption.split()) == belows[n - 1]:
            caption = ""  # the caption under the table before
        out.append((grid, rows, caption))
    return rendered, out


def _labelled_caption_below(after: str) -> str:
    """A plain-text table's caption written under it: the short paragraph right below that opens
    with a label ("Table 2. Northbound passenger vehicles … Source: CBP."). Without the label a
    paragraph below is prose, not a caption; with it, it names this table and not the one after."""
    text = paragraph_below(after.removeprefix("\n"))
    return text[:300] if labelled(text) else ""


def _render_in_place(text: str, blocks, keep_tail: bool) -> tuple[str, list]:
    """``text`` with each (start, end, grid) block, in order, replaced by the grid as a Markdown
    table set off by blank lines; returns it and (grid, row offsets there, the text before it)
    for each. ``keep_tail``: white space after a last table stays (a PDF page's text keeps its
    length)."""
    out: list[str] = []
    placed = []
    pos = 0
    length = 0
    for a, b, grid in blocks:
        before = text[pos:a].rstrip()
        out.append(before)
        length += len(before)
        sep = "\n\n" if length else ""
        out.append(sep)
        length += len(sep)
        rendered, rows = grid_with_offsets(grid, length)
        out.append(rendered)
        length += len(rendered)
        placed.append((grid, rows, before))
        rest = text[b:].lstrip()
        pos = len(text) - len(rest) if rest or not keep_tail else b
        if rest:
            out.append("\n\n")
            length += 2
    out.append(text[pos:])
    return "".join(out), placed


def _caption_lines(before: str) -> str:
    """A table's caption in plain text: the short lines standing right above it (a title, a
    units line), else the last line above."""
    lines = [line.strip() for line in before.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    block: list[str] = []
    while lines and lines[-1] and len(lines[-1]) <= 120 and len(block) < 2:
        block.insert(0, lines.pop())
    return " ".join(block) if block else (lines[-1][:300] if lines else "")


def _txt_tables(placed) -> Iterator[DataTable]:
    for number, (grid, offsets, caption) in enumerate(placed, start=1):
        table = from_grid(grid, name=f"table {number}", caption=caption[:300], source="txt", offsets=offsets)
        if table is not None:
            yield table


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
    "object",
    "embed",
)
_BLOCKS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "caption",
)


def _load_html(data: bytes, name: str, original_name: str, _extra: dict, _rows: int):
    # BeautifulSoup with explicit rules: deterministic, no network, and we keep the headings the
    # chunker needs; trafilatura's heuristics can drop short pages and pull many dependencies.
    from bs4 import BeautifulSoup

    html = decode_text(data, name)
    soup = BeautifulSoup(html, "lxml")

    def meta_content(*keys: str) -> str:
        for key in keys:
            tag = soup.find("meta", attrs={"name": key}) or soup.find("meta", attrs={"property": key})
            if tag and tag.get("content"):
                return str(tag["content"]).strip()
        return ""

    title = meta_content("og:title", "citation_title")
    if not title and soup.title and soup.title.string:
        title = soup.title.string.strip()
    fields = {
        "title": title,
        "author": meta_content("author", "article:author", "citation_author"),
        "published": meta_content("article:published_time", "date", "citation_publication_date", "dc.date", "DC.date")[
            :10
        ],
        "source": meta_content("og:site_name", "publisher", "citation_publisher"),
        "url": meta_content("og:url"),
    }
    # The first <time> (often in the page's header or footer, dropped below) dates the page
    # when neither its metadata nor a byline does.
    stamp = soup.find("time")
    stamp_date = parse_date(str(stamp.get("datetime") or "")) or parse_date(stamp.get_text(" ")) if stamp else ""
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    byline: list[str] = []  # furniture lines left out of the text (furniture.py), read as metadata
    body_blocks = 0
    lines: list[str] = []
    grids: dict[int, tuple[list[list[str]], int, str]] = {}  # line index -> a data table
    rendered: set[int] = set()
    for block in root.find_all([*_BLOCKS, "table"]):
        if block.name == "table":
            # A data table becomes a Markdown table in the text (row chunks, cell offsets); a
            # layout table (one holding another) is read block by block as before.
            if block.find("table") is None:
                grid, head, caption = html_table_grid(block)
                if len(grid) >= 2 and max(len(r) for r in grid) >= 2:
                    if caption:
                        lines.append(caption)
                    grids[len(lines)] = (grid, head, caption)
                    lines.append("")
                    rendered.add(id(block))
            continue
        if id(block.find_parent("table")) in rendered:
            continue
        if block.find(_BLOCKS):  # the innermost block carries the text
            continue
        words = " ".join(block.get_text(" ", strip=True).split())
        if not words:
            continue
        if block.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            lines.append("#" * int(block.name[1]) + " " + words)
        elif _html_furniture(block, words, top=body_blocks < 4):
            byline.append(words)
        else:
            body_blocks += 1
            lines.append(words)
    # A byline or "Updated …" line closing the article.
    while lines and len(lines) - 1 not in grids and is_byline(lines[-1]) and len(lines) > 1:
        byline.append(lines.pop())
    for line in byline:
        for key, value in line_metadata(line):
            if not fields.get(key):
                fields[key] = value
    fields["published"] = fields["published"] or stamp_date
    if not lines:
        words = " ".join(root.get_text(" ", strip=True).split())
        lines = [words] if words else []
    text, data_tables = _join_blocks(lines, grids, "html")
    heading = _HEADING.search(text)
    fallback = heading.group(2).strip() if heading else _title_from_name(original_name)
    return _meta(name, original_name, "html", DocumentKind.ARTICLE, fields, fallback), text, (), (), data_tables


# Markup conventions for the who-and-when line of an article (class, id, itemprop, rel).
_BYLINE_MARKUP = re.compile(
    r"byline|author|dateline|timestamp|pubdate|published|post-?meta|entry-?meta|article-?meta", re.I
)


def _html_furniture(block, words: str, top: bool) -> bool:
    """A block that frames the article: marked up as its byline or date (an element or an
    ancestor with byline/author/date markup, an <address>, a short block holding a <time>),
    or, among the first blocks of the body, shaped like one (furniture.is_byline)."""
    if len(words.split()) > 30:
        return False
    for el in (block, *block.parents):
        if el is None or el.name in ("article", "main", "body", "[document]"):
            break
        marks = " ".join(
            [*(el.get("class") or []), str(el.get("id") or ""), str(el.get("itemprop") or ""), *(el.get("rel") or [])]
        )
        if el.name == "address" or _BYLINE_MARKUP.search(marks):
            return True
    if block.find("time") is not None and len(words.split()) <= 20 and not re.search(r"[a-z]{2}[.!?]$", words):
        return True
    return top and block.name in ("p", "div", "dd") and is_byline(words)


# --- binary documents ---------------------------------------------------------------------


def _load_pdf(data: bytes, name: str, original_name: str, _extra: dict, _rows: int):
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(name, "not a PDF file (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError(name, "encrypted PDF (a password is needed)")
            except IngestError:
                raise
            except Exception:
                raise IngestError(name, "encrypted PDF (a password is needed)") from None
        grids: dict[int, list[list[list[str]]]] = {}
        for number, grid in pdf_table_grids(data):
            grids.setdefault(number, []).append(grid)
        pages: list[tuple[int, int, int]] = []
        parts: list[str] = []
        placed: list[tuple[int, list[list[str]], list[tuple[int, int]]]] = []  # (page, grid, row offsets)
        offset = 0
        raw = [_normalise_newlines(page.extract_text() or "").strip() for page in reader.pages]
        # Running titles, repeated footers and captions, page numbers: furniture, not text.
        # the label cells of each page's ruled tables are table content, never furniture
        labels = [
            {" ".join(c.split()) for grid in grids.get(n, []) for row in grid for c in row if c.strip()}
            for n in range(1, len(raw) + 1)
        ]
        labels = [{c for c in page if not _FIGURE_CELL.fullmatch(c)} for page in labels]
        cleaned, running = pdf_running_lines(raw, cells=labels)
        # the first page's title block and byline above its first paragraph: metadata, not text
        head = Furniture()
        opening = next((n for n, page_text in enumerate(cleaned) if page_text), None)
        if opening is not None:
            cleaned[opening], head = pdf_title_block(cleaned[opening], labels[opening])
        for number, page_text in enumerate(cleaned, start=1):
            if not page_text:
                continue
            if parts:
                offset += 2
            page_text, on_page = _pdf_tables_in_place(page_text, grids.get(number, []))
            placed += [(number, grid, [(offset + a, offset + b) for a, b in rows]) for grid, rows in on_page]
            pages.append((number, offset, offset + len(page_text)))
            parts.append(page_text)
            offset += len(page_text)
        info: dict = dict(reader.metadata or {})
        fields = {
            "title": info.get("/Title"),
            "author": info.get("/Author"),
            "published": _pdf_date(info.get("/CreationDate")),
        }
        if not _scalar(fields["title"]):  # a running title names the document
            fields["title"] = next((line for line in running if not is_page_number(line, bare=True)), "")
        fields = head.fill({k: _scalar(v) for k, v in fields.items()} | {"source": ""})
    except IngestError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on a damaged file
        raise IngestError(name, f"corrupt or truncated PDF ({type(exc).__name__})") from None
    text = "\n\n".join(parts)
    if not text.strip():
        raise IngestError(name, "PDF has no extractable text (scanned images?)")
    first = text.strip().split("\n", 1)[0].strip()[:200]
    meta = _meta(name, original_name, "pdf", DocumentKind.ARTICLE, fields, first or _title_from_name(original_name))
    return meta, text, (), tuple(pages), _parsed(name, lambda: _pdf_tables(placed, text, raw))


def _pdf_tables_in_place(page_text: str, grids: list[list[list[str]]]):
    """The page's text with each ruled table found on it rendered as a Markdown table in its
    place, and (grid, row offsets in the returned text) for each.

    A PDF's text layer gives a table one cell per line, or several cells run together, so its
    rows were neither row chunks nor locatable. A table is replaced only where its cells stand in
    the text in order with nothing but white space between them (a heading that starts with a
    header cell's word is not taken for it); a table not found so stays text, as before.
    """
    found: list[tuple[int, int, list[list[str]]]] = []
    for grid in grids:
        span = _cells_span(page_text, [c for row in grid for c in row if c])
        if span and all(span[1] <= a or span[0] >= b for a, b, _ in found):
            found.append((*span, grid))
    rendered, placed = _render_in_place(page_text, sorted(found, key=lambda f: f[0]), keep_tail=True)
    return rendered, [(grid, rows) for grid, rows, _ in placed]


def _cells_span(text: str, cells: list[str]) -> tuple[int, int] | None:
    """(start of the first cell's line, end of the last cell's line) when the cells stand in
    ``text`` in order, separated by white space only, and alone on those lines."""
    if len(cells) < 2:
        return None
    words = [r"\s+".join(re.escape(w) for w in c.split()) for c in cells]
    pattern = re.compile(r"(?m)^[ \t]*" + r"\s+".join(words) + r"[ \t]*$")
    match = pattern.search(text)
    if not match and len(cells) >= 6:
        # A figure line repeated at a page edge ("7.37" closing two pages) is taken out of the
        # text as furniture; the table's other cells, in order, still place it.
        loose = [
            f"(?:\\s+{w})?" if _FIGURE_CELL.fullmatch(c) else rf"\s+{w}" for c, w in zip(cells, words, strict=True)
        ]
        first = re.escape(cells[0]) if not _FIGURE_CELL.fullmatch(cells[0]) else None
        if first is not None:
            pattern = re.compile(r"(?m)^[ \t]*" + words[0] + "".join(loose[1:]) + r"[ \t]*$")
            match = pattern.search(text)
    if not match:
        return None
    end = text.find("\n", match.end())
    return match.start(), len(text) if end < 0 else end


_FIGURE_CELL = re.compile(r"[-−(]?[$€£]?\d[\d,]*(?:\.\d+)?%?\)?")


def _pdf_tables(placed, text: str, raw: list[str]):
    """The ruled tables rendered in the text (see ``_pdf_tables_in_place``) parsed as data; the
    line above a table is its caption (title or units), read in the page's text before furniture
    was taken out, where a caption repeated over a continued table still stands above it."""
    previous = None
    for number, grid, offsets in placed:
        above = [line.strip() for line in text[max(0, offsets[0][0] - 300) : offsets[0][0]].split("\n")]
        page_raw = raw[number - 1] if number <= len(raw) else ""
        span = _cells_span(page_raw, [c for row in grid for c in row if c])
        if span and page_raw[: span[0]].strip():
            above = [line.strip() for line in page_raw[: span[0]].split("\n")]
        above = [line for line in above if line]
        caption = _wrapped_caption(above)
        head: list[list[str]] = []
        if previous is not None and _continues(previous, grid):
            # a table carried over to the next page without its header: the header and the
            # caption of the table it continues
            head, caption = previous[0][: previous[1]], previous[2]
        table = from_grid(
            head + grid,
            name=f"table page {number}",
            source="pdf",
            page=number,
            offsets=[offsets[0]] * len(head) + list(offsets),
            caption=caption,
            header_rows=len(head) or None,
        )
        if table is not None:
            previous = (head + grid, table.header_rows, caption, number)
            yield table


_CAPTION_START = re.compile(r"(?:table|exhibit|figure|chart)\s+[\w.-]+[.:]", re.I)


def _wrapped_caption(above: list[str]) -> str:
    """The caption standing right above a PDF table: its last line, with the line before when
    the caption wraps ("Table 1. … (US$ million, not seasonally" / "adjusted)"): the line before
    opens a numbered caption, or the last line goes on in lower case."""
    if not above:
        return ""
    last = above[-1]
    if len(above) >= 2 and not _CAPTION_START.match(last) and len(above[-2]) + len(last) < 300:
        if _CAPTION_START.match(above[-2]) or last[:1].islower():
            return f"{above[-2]} {last}"
    return last


def _continues(previous, grid: list[list[str]]) -> bool:
    """The grid continues the table on the page before: as wide, and its first row states
    figures where a header would state labels."""
    rows, _, _, page = previous
    first = grid[0]
    return (
        len(first) == len(rows[0])
        and any(_FIGURE_CELL.fullmatch(c) for c in first[1:])
        and not any(_FIGURE_CELL.fullmatch(c) for c in rows[0][1:] if not re.fullmatch(r"(?:19|20)\d\d", c))
    )


def _pdf_date(value) -> str:
    match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not match:
        return ""
    y, m, d = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{y}-{m}-{d}"


def _check_zip(data: bytes, name: str, kind: str) -> None:
    """A .docx/.xlsx is a zip: refuse one that is not, and one that would inflate past
    MAX_UNZIPPED_BYTES (a zip bomb) before any parser reads it."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(
            name,
            f"not an {kind} file (not a zip container)"
            if kind[0] in "AEIOUX"
            else f"not a {kind} file (not a zip container)",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except Exception as exc:
        raise IngestError(name, f"corrupt {kind} ({type(exc).__name__})") from None
    if inflated > MAX_UNZIPPED_BYTES:
        raise IngestError(
            name, f"{kind} would inflate to {inflated / 1e6:,.0f} MB (the limit is {MAX_UNZIPPED_BYTES / 1e6:,.0f} MB)"
        )


def _load_docx(data: bytes, name: str, original_name: str, _extra: dict, _rows: int):
    import docx

    _check_zip(data, name, "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
        grids: dict[int, tuple[list[list[str]], int, str]] = {}
        lines = _docx_lines(document, grids)
        props = document.core_properties
        fields = {
            "title": props.title,
            "author": props.author,
            "published": props.created.date().isoformat() if props.created else "",
        }
    except Exception as exc:
        raise IngestError(name, f"corrupt DOCX ({type(exc).__name__})") from None
    text, data_tables = _join_blocks(lines, grids, "docx")
    heading = _HEADING.search(text)
    fallback = heading.group(2).strip() if heading else _title_from_name(original_name)
    return _meta(name, original_name, "docx", DocumentKind.ARTICLE, fields, fallback), text, (), (), data_tables


def _join_blocks(lines: list[str], grids: dict[int, tuple[list[list[str]], int, str]], source: str):
    """The blocks joined by blank lines, each table grid rendered as a Markdown table in its
    place, and the tables parsed as data with their rows' offsets in that text."""
    parts: list[str] = []
    tables: list[DataTable] = []  # parsed as data (tables.Table), not the loader rows (records.Table)
    pos = 0
    for i, line in enumerate(lines):
        if i:
            pos += 2
        if i in grids:
            grid, head, caption = grids[i]
            line, offsets = grid_with_offsets(grid, pos)
            above = caption or (lines[i - 1].lstrip("# ") if i else "")
            try:
                table = from_grid(
                    grid,
                    name=f"table {len(tables) + 1}",
                    caption=above[:300],
                    source=source,
                    header_rows=head or None,
                    offsets=offsets,
                )
            except Exception as exc:  # the table stays text
                logger.warning("a %s table not parsed (%s)", source, type(exc).__name__)
                table = None
            if table is not None:
                tables.append(table)
        parts.append(line)
        pos += len(line)
    return "\n\n".join(parts), tuple(tables)


def _docx_lines(document, grids: dict | None = None) -> list[str]:
    from docx.table import Table as DocxTable

    from .tables import docx_table_grid

    lines: list[str] = []
    # Paragraphs and tables in body order, so a table stays in the section that holds it.
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            grid = docx_table_grid(block)
            if grids is not None and len(grid) >= 2 and max(len(r) for r in grid) >= 2:
                grids[len(lines)] = (grid, 0, "")  # rendered as a Markdown table by _join_blocks
                lines.append("")
                continue
            for cells in grid:
                lines.append(" | ".join(cells))
            continue
        para = block
        words = para.text.strip()
        if not words:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        level = re.match(r"Heading (\d)", style)
        if style == "Title":
            lines.append("# " + words)
        elif level:
            lines.append("#" * min(int(level.group(1)) + 1, 6) + " " + words)
        else:
            lines.append(words)
    return lines


# --- tables -------------------------------------------------------------------------------


def _parsed(name: str, parse) -> tuple:
    """Tables parsed as data; a table the parser cannot read stays text (logged), never fails
    the document."""
    try:
        return tuple(parse())
    except Exception as exc:  # the structure is an addition: the document is still answerable
        logger.warning("%s: tables not parsed (%s: %s)", name, type(exc).__name__, exc)
        return ()


def _data_tables_of(tables: tuple[Table, ...], meta: DocumentMeta) -> tuple:
    """CSV/XLSX sheets as data tables; the sidecar's units and the title give the scale."""

    def parse():
        for table in tables:
            parsed = from_records(
                table.name, table.columns, table.rows, units=meta.units, caption=meta.title, source=meta.fmt
            )
            if parsed is not None:
                yield parsed

    return _parsed(meta.doc_id, parse)


def _read_sidecar(path: Path, name: str) -> tuple[dict, bytes]:
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(stem + suffix)
        if side.is_file():
            raw = side.read_bytes()
            return parse_sidecar(raw, name, side.name), raw
    return {}, b""


def parse_sidecar(raw: bytes, name: str, side_name: str = "") -> dict:
    """A sidecar's fields (title, source, url, units, period, published, columns, data_sources)."""
    side_name = side_name or f"{Path(name).stem}.meta.yaml"
    try:
        loaded = yaml.safe_load(decode_text(raw, side_name)) or {}
    except (yaml.YAMLError, IngestError):
        raise IngestError(name, f"sidecar {side_name} is not valid YAML") from None
    if not isinstance(loaded, dict):
        raise IngestError(name, f"sidecar {side_name} must be a YAML mapping of fields")
    return loaded


def render_row(columns: tuple[str, ...], values: tuple[str, ...]) -> str:
    return "; ".join(f"{c}: {v}" for c, v in zip(columns, values, strict=False) if str(v).strip() != "")


def _table_text(tables: tuple[Table, ...]) -> str:
    # One line per row, so a row's char offsets are easy to find and cite.
    lines = []
    for table in tables:
        for row in table.rows:
            lines.append(render_row(table.columns, row))
    return "\n".join(lines)


def _clean_header(header: list[str]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    out = []
    for i, col in enumerate(header):
        col = " ".join(str(col).split()) or f"column {i + 1}"
        if col in seen:
            seen[col] += 1
            col = f"{col} ({seen[col]})"
        else:
            seen[col] = 1
        out.append(col)
    return tuple(out)


def _load_csv(data: bytes, name: str, original_name: str, extra: dict, max_rows: int):
    text = decode_text(data, name)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise IngestError(name, "CSV has no header row") from None
    header = [" ".join(h.split()) for h in header]
    if not any(header):
        raise IngestError(name, "CSV header row is empty")
    columns = _clean_header(header)
    rows: list[tuple[str, ...]] = []
    try:
        for line_no, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise IngestError(
                    name, f"ragged rows: line {line_no} has {len(row)} fields, the header has {len(columns)}"
                )
            rows.append(tuple(" ".join(cell.split()) for cell in row))  # one line per row
            if len(rows) > max_rows:
                raise IngestError(
                    name, f"table has more than {max_rows:,} rows (the limit); split it or raise max_table_rows"
                )
    except csv.Error as exc:
        raise IngestError(name, f"malformed CSV ({exc})") from None
    if not rows:
        raise IngestError(name, "CSV has a header but no data rows")
    tables = (Table(name=_title_from_name(original_name), columns=columns, rows=tuple(rows)),)
    meta = _meta(name, original_name, "csv", DocumentKind.TABLE, extra, _title_from_name(original_name))
    return meta, _table_text(tables), tables, ()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.10g}" if not value.is_integer() else str(int(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return " ".join(str(value).split())


def _load_xlsx(data: bytes, name: str, original_name: str, extra: dict, max_rows: int):
    import openpyxl

    _check_zip(data, name, "XLSX")
    try:
        # data_only: formulas give their cached values, never the formula text.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise IngestError(name, f"corrupt XLSX ({type(exc).__name__})") from None
    tables: list[Table] = []
    total = 0
    try:
        for sheet in book.worksheets:
            # A read-only sheet pads to its declared dimension, which a file can forge
            # ("A1:XFD1048576"): read only the cells that exist, and stop at the row limit.
            sheet.reset_dimensions()
            raw = []
            for seen, row in enumerate(sheet.iter_rows(values_only=True)):
                cells = [_cell(v) for v in row]
                if any(cells):
                    raw.append(cells)
                if total + len(raw) > max_rows + 1 or seen > 10 * max_rows:
                    raise IngestError(name, f"workbook has more than {max_rows:,} rows (the limit)")
            if len(raw) < 2:
                continue
            width = max(len(r) for r in raw)
            raw = [r + [""] * (width - len(r)) for r in raw]
            keep = [j for j in range(width) if any(r[j] for r in raw)]
            raw = [[r[j] for j in keep] for r in raw]
            columns = _clean_header(raw[0])
            rows = tuple(tuple(r) for r in raw[1:])
            total += len(rows)
            if total > max_rows:
                raise IngestError(name, f"workbook has more than {max_rows:,} rows (the limit)")
            tables.append(Table(name=sheet.title, columns=columns, rows=rows))
    except IngestError:
        raise
    except Exception as exc:  # damage found while streaming the sheets
        raise IngestError(name, f"corrupt XLSX ({type(exc).__name__})") from None
    finally:
        book.close()
    if not tables:
        raise IngestError(name, "workbook has no sheet with a header and data rows")
    meta = _meta(name, original_name, "xlsx", DocumentKind.TABLE, extra, _title_from_name(original_name))
    return meta, _table_text(tuple(tables)), tuple(tables), ()


_LOADERS = {
    "md": _load_md,
    "txt": _load_txt,
    "html": _load_html,
    "pdf": _load_pdf,
    "docx": _load_docx,
    "csv": _load_csv,
    "xlsx": _load_xlsx,
}
