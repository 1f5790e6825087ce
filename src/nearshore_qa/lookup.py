"""Look-ups across the whole store: which passages state a figure, a cited table rebuilt as a
DataFrame, and the library listing's filters.

``find_figure(store, "US$70.04 billion")`` finds "70.04 billion dollars" and "$70.04bn" too:
both sides go through ``figures.parse_figure``/``find_figures`` and ``same_figure``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .figures import FoundFigure, find_figures, parse_figure, same_figure
from .presentation import human_locator
from .records import Chunk, DocumentMeta, SourceInfo

MAX_TABLE_ROWS_SHOWN = 1000


@dataclass(frozen=True)
class Match:
    """One place in the corpus that states the figure looked up."""

    doc_id: str
    chunk_id: str
    title: str
    publisher: str
    published: str
    source: str  # URL or original file name
    kind: str  # article | table
    locator: str
    text: str  # the whole passage (chunk text)
    figure: str  # the figure as written in the passage
    start: int  # its span within ``text``
    end: int
    exact: bool  # equal value (not only equal at the typed precision)
    table: str = ""
    row: int | None = None
    column: str = ""
    chunk_start: int = 0  # the passage's offsets in the document text (for a reader)
    chunk_end: int = 0
    added_on: str = ""
    written: str = ""
    data_sources: tuple = ()  # (name, url, vintage)
    period: str = ""

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(self.start, self.end)]


# Figures found per chunk, cached per store generation (every add or remove bumps it).
_cache: dict[str, tuple[str, list[tuple[Chunk, DocumentMeta, list[FoundFigure]]]]] = {}
_cache_lock = threading.Lock()


def _indexed(store) -> list[tuple[Chunk, DocumentMeta, list[FoundFigure]]]:
    key = str(getattr(store, "dir", id(store)))
    generation = store.generation()
    with _cache_lock:
        hit = _cache.get(key)
        if hit and hit[0] == generation:
            return hit[1]
    rows = []
    for chunk, meta in store.all_chunks():
        figs = find_figures(chunk.text)
        if figs:
            rows.append((chunk, meta, figs))
    with _cache_lock:
        _cache[key] = (generation, rows)
    return rows


def _bare(claim: FoundFigure) -> bool:
    return claim.kind == "number" and not claim.has_scale


def _matches(claim: FoundFigure, ev: FoundFigure) -> tuple[bool, bool]:
    """(matches, exact). A bare number typed ("70.04") also finds it written with a scale or
    currency ("US$70.04 billion"), as a reader searching for it would expect."""
    exact = abs(ev.value - claim.value) <= 1e-9 * max(1.0, abs(claim.value))
    if _bare(claim) and ev.kind != "percent" and abs(ev.number - claim.number) <= 1e-9 * max(1.0, abs(claim.number)):
        return True, True
    if same_figure(claim, ev):
        return True, exact
    return False, False


_ROW_CELL = re.compile(r"(?:^|; )([^:;]+): ([^;]*)")


def _column_at(chunk: Chunk, pos: int) -> str:
    if chunk.row is None:
        return ""
    for m in _ROW_CELL.finditer(chunk.text):
        if m.start(2) <= pos < m.end(2):
            return m.group(1)
    return ""


def find_figure(store, query: str, limit: int = 200) -> list[Match]:
    """Every passage that states the figure in ``query``, exact values first; [] when the
    query holds no figure."""
    claim = parse_figure(query or "")
    if claim is None:
        return []
    found: list[Match] = []
    for chunk, meta, figs in _indexed(store):
        for ev in figs:
            ok, exact = _matches(claim, ev)
            if not ok:
                continue
            found.append(
                Match(
                    doc_id=chunk.doc_id,
                    chunk_id=chunk.chunk_id,
                    title=meta.title,
                    publisher=meta.source,
                    published=meta.published,
                    source=meta.url or meta.original_name or chunk.doc_id,
                    kind=meta.kind,
                    locator=human_locator(chunk, meta, _column_at(chunk, ev.start)),
                    text=chunk.text,
                    figure=ev.text,
                    start=ev.start,
                    end=ev.end,
                    exact=exact,
                    table=chunk.table,
                    row=chunk.row,
                    column=_column_at(chunk, ev.start),
                    chunk_start=chunk.start,
                    chunk_end=chunk.end,
                    added_on=meta.added_on,
                    written=meta.written,
                    data_sources=meta.data_sources,
                    period=meta.period if meta.kind != "table" else "",
                )
            )
    found.sort(key=lambda m: (not m.exact, m.kind != "article", m.title.lower(), m.doc_id, m.start))
    return found[:limit]


# --- tables ---------------------------------------------------------------------------------


def table_names(store, doc_id: str) -> list[str]:
    names: list[str] = []
    for chunk in store.document_chunks(doc_id):
        if chunk.row is not None and chunk.table not in names:
            names.append(chunk.table)
    return names


def table_frame(store, doc_id: str, table: str = "", around: int | None = None, max_rows: int = MAX_TABLE_ROWS_SHOWN):
    """The table ``table`` of a document as a DataFrame indexed by 1-based row number, rebuilt
    from its row chunks. Numeric columns become numbers. A table longer than ``max_rows`` is
    cut to a window around the 0-based row ``around``."""
    import pandas as pd

    chunks = [c for c in store.document_chunks(doc_id) if c.row is not None and (c.table == table or not table)]
    if chunks and not table:
        chunks = [c for c in chunks if c.table == chunks[0].table]
    chunks.sort(key=lambda c: c.row)
    if len(chunks) > max_rows:
        centre = around if around is not None else 0
        lo = max(0, min(centre - max_rows // 2, len(chunks) - max_rows))
        chunks = chunks[lo : lo + max_rows]
    columns = list(chunks[0].columns) if chunks else []
    frame = pd.DataFrame(
        [list(c.values) + [""] * (len(columns) - len(c.values)) for c in chunks],
        columns=columns,
        index=pd.Index([c.row + 1 for c in chunks], name="row"),
    )
    decimals: dict[str, int] = {}
    for col in frame.columns:
        cleaned = frame[col].astype(str).str.replace(",", "", regex=False).str.strip()
        if (cleaned != "").any():
            numbers = pd.to_numeric(cleaned.where(cleaned != ""), errors="coerce")
            if numbers[cleaned != ""].notna().all():
                frame[col] = numbers
                decimals[col] = int(cleaned.str.extract(r"\.(\d+)$")[0].str.len().fillna(0).max())
    frame.attrs["decimals"] = decimals  # so a view can show numbers as written
    return frame


def highlight_row(frame, row_label: int | None, column: str = "", color: str = "#fff3a3"):
    """A pandas Styler with the row ``row_label`` (1-based) shaded and its cited cell in bold."""

    def style(row):
        if row.name != row_label:
            return [""] * len(row)
        return [
            f"background-color: {color}; font-weight: bold" if col == column else f"background-color: {color}"
            for col in row.index
        ]

    styler = frame.style.apply(style, axis=1)
    decimals = frame.attrs.get("decimals", {})
    formats = {
        col: (lambda v, d=d: "" if v != v else f"{v:.{d}f}") for col, d in decimals.items() if col in frame.columns
    }
    return styler.format(formats) if formats else styler


# --- the library listing ------------------------------------------------------------------


def source_year(info: SourceInfo) -> str:
    year = (info.published or "")[:4]
    return year if year.isdigit() else ""


def filter_sources(
    sources: Iterable[SourceInfo], text: str = "", kinds: Sequence[str] = (), years: Sequence[str] = ()
) -> list[SourceInfo]:
    """Documents whose title, publisher, id or file name contain every word of ``text``, of one
    of ``kinds`` and published in one of ``years`` (empty filters let everything through)."""
    words = [w for w in (text or "").lower().split() if w]
    out = []
    for s in sources:
        hay = f"{s.title} {s.publisher} {s.doc_id} {s.original_name} {s.url}".lower()
        if words and not all(w in hay for w in words):
            continue
        if kinds and s.kind not in kinds:
            continue
        if years and source_year(s) not in years:
            continue
        out.append(s)
    return out
