"""How records read to a person: human locators ("§ Trade › paragraph 3", "row Coahuila, 2024 ·
column FDI (US$ m)"), column labels and units, numbers with separators at the table's precision,
provenance lines that separate who wrote a document from whose data it reports, and a whole
document rendered as safe HTML with the cited passage marked.

The app, the CLI and the exports all read citations through here, so none of them shows char
offsets (they stay in the JSON: ``start``/``end``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from .records import Chunk, DocumentMeta

# Units written at the end of a column name ("exports_usd_billions", "share_pct").
_CURRENCIES = {"usd": "US$", "mxn": "MX$", "cad": "C$", "eur": "€", "cny": "CN¥", "gbp": "£", "jpy": "¥"}
_SCALES = {
    "billions": "bn",
    "billion": "bn",
    "bn": "bn",
    "millions": "m",
    "million": "m",
    "mn": "m",
    "thousands": "k",
    "thousand": "k",
    "k": "k",
    "trillions": "tn",
    "trillion": "tn",
}
_PERCENT = {"pct", "percent", "percentage", "share_pct"}
# Words kept upper case in a label; everything else reads as a sentence.
_ACRONYMS = {
    "us",
    "usa",
    "uk",
    "eu",
    "fdi",
    "gdp",
    "hs",
    "cbp",
    "bts",
    "usmca",
    "nafta",
    "id",
    "fob",
    "fas",
    "cif",
    "ev",
    "evs",
    "imf",
    "oecd",
    "inegi",
    "usitc",
    "ict",
}
# Columns that name or date a row rather than measure it: shown without thousands separators.
_CODE_WORDS = {
    "year",
    "yr",
    "month",
    "quarter",
    "day",
    "date",
    "code",
    "id",
    "fips",
    "zip",
    "chapter",
    "rank",
    "hs",
    "hs2",
    "hs4",
    "hs6",
    "naics",
    "sitc",
}
_TIME_WORDS = {"year", "yr", "month", "quarter", "date", "period"}
_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[_\s\-]+", name.strip()) if t]


def prettify_column(name: str) -> tuple[str, str]:
    """(label, unit) read off a column name: ``us_total_exports_usd_billions`` → ("US total
    exports", "US$ bn"); ``change_from_prior_year_pct`` → ("Change from prior year", "%")."""
    tokens = _tokens(name)
    lower = [t.lower() for t in tokens]
    unit = ""
    if lower and lower[-1] in ("pct", "percent", "percentage"):
        unit, tokens, lower = "%", tokens[:-1], lower[:-1]
    elif len(lower) >= 2 and lower[-2] in _CURRENCIES and lower[-1] in _SCALES:
        unit = f"{_CURRENCIES[lower[-2]]} {_SCALES[lower[-1]]}"
        tokens, lower = tokens[:-2], lower[:-2]
    elif lower and lower[-1] in _CURRENCIES:
        unit, tokens, lower = _CURRENCIES[lower[-1]], tokens[:-1], lower[:-1]
    elif len(lower) > 1 and lower[-1] in _SCALES:
        unit, tokens, lower = (
            {"bn": "billions", "m": "millions", "k": "thousands", "tn": "trillions"}[_SCALES[lower[-1]]],
            tokens[:-1],
            lower[:-1],
        )
    if not tokens:
        return name, unit
    if tokens != [name] or name.islower():  # a snake_case name: rewrite its words
        words = [
            t.upper() if low in _ACRONYMS or re.fullmatch(r"[a-z]+\d+", low) else low
            for t, low in zip(tokens, lower, strict=False)
        ]
        label = " ".join(words)
        label = label[:1].upper() + label[1:]
    else:
        label = name  # already written for people ("State", "Expected jobs")
    return label, unit


def column_label(name: str, meta: DocumentMeta | None = None) -> str:
    """The column as a person reads it, with its unit: the sidecar's ``columns:`` entry when it
    gives one, else the name prettified."""
    for column, label, unit in meta.columns if meta else ():
        if column == name:
            label = label or prettify_column(name)[0]
            return f"{label} ({unit})" if unit else label
    label, unit = prettify_column(name)
    return f"{label} ({unit})" if unit else label


def is_code_column(name: str) -> bool:
    """A column that names or dates its row (year, code, rank): no thousands separators."""
    return any(t.lower() in _CODE_WORDS for t in _tokens(name))


def _is_time(name: str) -> bool:
    return any(t.lower() in _TIME_WORDS for t in _tokens(name))


def is_number(value: str) -> bool:
    value = str(value).strip()
    return bool(value) and bool(_NUMBER.fullmatch(value)) and any(ch.isdigit() for ch in value)


def decimals_of(values: Iterable[str]) -> int | None:
    """The table's precision for a column: the most decimals any of its numbers has, or None
    when the column is not all numbers."""
    most, seen = 0, False
    for v in values:
        v = str(v).strip()
        if not v:
            continue
        if not is_number(v):
            return None
        seen = True
        most = max(most, len(v.split(".", 1)[1]) if "." in v else 0)
    return most if seen else None


def format_number(value, decimals: int = 0, separators: bool = True) -> str:
    """``649561`` → "649,561"; ``33.6`` at 2 decimals → "33.60"; text comes back unchanged."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return ""
    try:
        number = float(str(value).replace(",", "")) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        return str(value)
    return f"{number:,.{decimals}f}" if separators else f"{number:.{decimals}f}"


def format_cell(column: str, value: str) -> str:
    """One table cell as written for a person (the row's own precision)."""
    if not is_number(value):
        return str(value)
    decimals = decimals_of([value]) or 0
    return format_number(value, decimals, separators=not is_code_column(column))


def _label_columns(columns: Sequence[str], values: Sequence[str]) -> list[int]:
    """The leading columns that name the row (up to the first measure column)."""
    out = []
    for i, (col, val) in enumerate(zip(columns, values, strict=False)):
        if is_number(val) and not is_code_column(col):
            break
        out.append(i)
    return out


def row_label(columns: Sequence[str], values: Sequence[str], max_chars: int = 48) -> str:
    """What a row is about, from its leading naming columns: "Australia, 2024" (names first,
    then the period); "" when the first column is already a figure."""
    idx = _label_columns(columns, values)
    names = [str(values[i]).strip() for i in idx if not _is_time(columns[i]) and str(values[i]).strip()]
    times = [str(values[i]).strip() for i in idx if _is_time(columns[i]) and str(values[i]).strip()]
    seen: list[str] = []
    for n in names:
        n = n if len(n) <= max_chars else n[: max_chars - 1].rstrip() + "…"
        if n not in seen:
            seen.append(n)
    time = " ".join(times)
    if len(times) == 2 and all(t.isdigit() for t in times):  # year, month → 2023-05
        year, month = times if len(times[0]) == 4 else times[::-1]
        time = f"{year}-{int(month):02d}"
    return ", ".join(seen + ([time] if time else []))


def human_locator(chunk: Chunk, meta: DocumentMeta | None = None, column: str = "") -> str:
    """Where the passage sits, for a person: "§ Trade by mode › paragraph 2", "page 3",
    "row Laredo, 2024 · column Commercial trucks northbound"."""
    if chunk.row is not None:
        label = row_label(chunk.columns, chunk.values) or str(chunk.row + 1)
        parts = []
        if chunk.section:  # a workbook with several sheets
            parts.append(f"sheet {chunk.section}")
        parts.append(f"row {label}")
        if column:
            parts.append(f"column {column_label(column, meta)}")
        return " · ".join(parts)
    parts = []
    if chunk.page:
        parts.append(f"page {chunk.page}")
    if chunk.section:
        parts.append("§ " + " › ".join(p.strip() for p in chunk.section.split(" > ")))
    if chunk.paragraph and not chunk.page:
        parts.append(f"paragraph {chunk.paragraph}")
    if not parts:
        parts.append("opening passage" if chunk.ordinal == 0 else f"passage {chunk.ordinal + 1}")
    return " › ".join(parts) if not chunk.page else " · ".join(parts)


# --- provenance ---------------------------------------------------------------------------


def data_sources_text(sources: Iterable) -> str:
    """ "U.S. Census Bureau, FT-900 vintage June 2024; BTS" from (name, url, vintage) records
    or {name, url, vintage} dicts."""
    out = []
    for s in sources:
        name, _url, vintage = (s.get("name", ""), s.get("url", ""), s.get("vintage", "")) if isinstance(s, dict) else s
        out.append(f"{name}, {vintage}" if vintage else name)
    return "; ".join(o for o in out if o)


def provenance_parts(
    *,
    publisher: str = "",
    published: str = "",
    written: str = "",
    data_sources=(),
    period: str = "",
    kind: str = "",
    added_on: str = "",
) -> list[str]:
    """Plain-text pieces of a source line: who wrote it and when, whose data and which period,
    the kind, and "added by you on DATE" for a user's own document."""
    parts = []
    if added_on:
        parts.append(f"added by you on {added_on}")
    if publisher:
        parts.append(publisher)
    if written:
        parts.append(f"written {written}")
    elif published:
        parts.append(f"as of {published}")
    data = data_sources_text(data_sources)
    if data:
        parts.append(f"data: {data}")
    if period:
        parts.append(f"period {period}")
    if kind:
        parts.append(kind)
    return parts


# --- a whole document as safe HTML ------------------------------------------------------------

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks that survive Markdown rendering as text
_STRONG = "#ffd84d"
_BLOCK_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d+[.)][ \t]+|>[ \t]?|\|[ \t]*)")


def _renderer():
    from markdown_it import MarkdownIt

    # html=False: raw HTML in the document is shown as text, never run. No images (no remote
    # fetches from a document) and no links (a click would leave the app and its conversation;
    # ingest already keeps only a link's text).
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    md.disable(["image", "link", "autolink"])
    return md


def _marks(html: str) -> str:
    """Private-use marks to <mark>; a span inside another (the quoted sentence inside the
    cited passage, a figure inside it) is a stronger shade."""
    out, depth = [], 0
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", html):
        if piece == _OPEN:
            depth += 1
            out.append("<mark>" if depth == 1 else f'<mark style="background-color:{_STRONG}">')
        elif piece == _CLOSE:
            if depth:
                depth -= 1
                out.append("</mark>")
        else:
            out.append(piece)
    return "".join(out)


def _blocks(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?:[^\n]*\S[^\n]*\n?)+", text)]


def document_html(
    text: str,
    spans: Iterable[Sequence[int]] = (),
    markdown: bool = True,
    pages: Sequence[tuple[int, int]] = (),
    anchor: str = "nsq-cited",
) -> str:
    """The document as HTML for a reader: Markdown rendered (raw HTML escaped), or plain text
    paragraphs when ``markdown`` is False; the characters in ``spans`` inside ``<mark>``; the
    first marked block carries ``id=anchor`` so a reader can scroll to it. ``pages`` —
    (page number, start offset) — put a "Page N" heading where each page begins."""
    spans = sorted((max(0, int(a)), min(len(text), int(b))) for a, b in spans if int(b) > int(a))
    page_at = {start: number for number, start in pages}
    md = _renderer() if markdown else None
    out, anchored = [], False
    page_starts = sorted(page_at)
    for a, b in _blocks(text):
        for start in [p for p in page_starts if p <= a]:
            out.append(f'<h4 class="nsq-page">Page {page_at[start]}</h4>')
            page_starts.remove(start)
        block = text[a:b].replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd")
        inside = []
        for s, e in spans:
            s, e = max(s, a) - a, min(e, b) - a
            while s < e and block[s].isspace():
                s += 1
            while e > s and block[e - 1].isspace():
                e -= 1
            if e > s:
                inside.append((s, e))
        # Marks go in as private-use characters and become <mark> after rendering, so the
        # block keeps its Markdown; an opening mark at a line start goes after the list,
        # heading or quote marker it would break.
        cuts = []
        for s, e in inside:
            if s == 0 or block[s - 1] == "\n":
                lead = _BLOCK_MARKER.match(block, s)
                s = min(lead.end(), e) if lead else s
            cuts += [(s, 1, _OPEN), (e, 0, _CLOSE)]
        # From the end, so earlier offsets stay valid; at one offset a close lands before an open.
        for pos, _, mark in sorted(cuts, reverse=True):
            block = block[:pos] + mark + block[pos:]
        if md is not None:
            html = md.render(block)
        else:
            # st.html shows it as is (no Markdown pass), so plain HTML escaping is enough.
            html = "<p>" + escape(block.rstrip("\n")).replace("\n", "<br>") + "</p>"
        html = _marks(html)
        if inside and not anchored:
            html = f'<div id="{anchor}" class="nsq-cited">{html}</div>'
            anchored = True
        out.append(html)
    return '<div class="nsq-doc">' + "".join(out) + "</div>"


# --- answers and tables ---------------------------------------------------------------------


def answer_figures(answer) -> list:
    """The answer's figures that answer the question: a number that is part of a cited
    document's title ("top 15 export markets") labels the source, it is not a finding."""
    titles = [c.title for c in answer.citations]
    out = []
    for f in answer.figures:
        pattern = re.compile(rf"(?<![\w.,$]){re.escape(f.text)}(?![\w,]|\.\d)")
        if any(pattern.search(t) for t in titles):
            continue
        out.append(f)
    return out


def operand_cells(answer, citation) -> list[tuple[int, str]]:
    """(0-based row, column) of every operand cell of the answer's computed figures that
    ``citation`` cites in its table: the cells a card and its reader highlight. The cell that
    is the result (a maximum's row) comes first."""
    if citation.kind != "table":
        return []
    out = []
    for f in answer.figures:
        operands = sorted(f.operands, key=lambda o: o.get("value") != f.value) if f.computed else ()
        for o in operands:
            row, column = o.get("row_index"), o.get("column")
            if o.get("citation") == citation.marker and isinstance(row, int) and column:
                if o.get("doc_id") in (None, citation.doc_id) and (row, column) not in out:
                    out.append((row, column))
    return out


def source_reference(source: str, doc_id: str) -> tuple[str, str]:
    """("url", link) for a web source, ("file", name) for a file, ("", "") for pasted text
    (its file name is ours, not the user's)."""
    from .export import safe_url

    url = safe_url(source)
    if url:
        return "url", url
    if doc_id.startswith("pasted/") or not source:
        return "", ""
    return "file", source


def unique_labels(columns: Sequence[str], meta: DocumentMeta | None = None) -> list[str]:
    labels: list[str] = []
    for col in columns:
        label = column_label(col, meta)
        while label in labels:
            label += " (2)" if not label.endswith(")") else "'"
        labels.append(label)
    return labels


def table_for_people(
    frame,
    meta: DocumentMeta | None = None,
    row: int | None = None,
    column: str = "",
    color: str = "#fff3a3",
    cell_color: str = "#ffd84d",
    cells: Iterable[tuple[int, str]] = (),
):
    """A table frame from ``lookup.table_frame`` as a person reads it (a pandas Styler): human
    column labels with units, numbers with thousands separators at the column's precision
    (years and codes without), the 1-based ``row`` shaded and its ``column`` cell stronger;
    ``cells`` — (1-based row, column) of a computation's operands — marked the same way."""
    raw = list(frame.columns)
    labels = unique_labels(raw, meta)
    decimals = frame.attrs.get("decimals", {})
    shown = frame.copy()
    shown.columns = labels
    shown.index = shown.index.rename("Row")
    strong: dict[int, set[str]] = {}
    for r, col in [*cells, *([(row, column)] if row is not None else [])]:
        strong.setdefault(r, set())
        if col in raw:
            strong[r].add(labels[raw.index(col)])

    def style(r):
        if r.name not in strong:
            return [""] * len(r)
        return [
            f"background-color: {cell_color}; font-weight: bold"
            if col in strong[r.name]
            else f"background-color: {color}"
            for col in r.index
        ]

    formats = {}
    for col, label in zip(raw, labels, strict=False):
        if col in decimals:
            separated = not is_code_column(col)
            formats[label] = lambda v, d=decimals[col], sep=separated: format_number(v, d, sep)
    styler = shown.style.apply(style, axis=1)
    return styler.format(formats) if formats else styler


# --- conflicting sources ------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictValue:
    """One source's value in a conflict, as its card shows it."""

    value: str  # as the source writes it: "US$614.50 billion"
    marker: int | None  # the answer's citation of the cell
    publisher: str  # whose data it is (the agency, not the corpus that quotes it)
    as_of: str  # "as of 2024-06-30", or a data vintage as written ("raw data downloaded 2026-03-21")
    title: str  # the cited document
    locator: str  # where in it: "row Mexico, 2019 · column Total trade (US$ bn)"


@dataclass(frozen=True)
class ConflictView:
    """Sources that differ on one figure, for cards side by side."""

    heading: str  # "Total trade · Mexico · 2019"
    text: str  # the sentence the answer states the conflict in
    values: tuple[ConflictValue, ...]


def _as_of(published: str) -> str:
    published = (published or "").strip()
    return f"as of {published}" if re.fullmatch(r"[\d-]+", published) else published


def conflict_views(answer) -> list[ConflictView]:
    """The answer's conflicts (``Answer.conflicts``: sources that differ on an operand's value),
    each value with its publisher, as-of date and cited source, for cards side by side."""
    by_marker = {c.marker: c for c in answer.citations}
    out = []
    for conflict in answer.conflicts or ():
        values = []
        for v in conflict.get("values") or ():
            cit = by_marker.get(v.get("citation"))
            values.append(
                ConflictValue(
                    value=str(v.get("text") or v.get("value") or ""),
                    marker=v.get("citation") if cit is not None else None,
                    publisher=v.get("publisher") or (cit.publisher if cit else ""),
                    as_of=_as_of(v.get("published") or (cit.published if cit else "")),
                    title=cit.title if cit else "",
                    locator=cit.locator if cit else "",
                )
            )
        if len(values) < 2:
            continue
        measure = prettify_column(conflict.get("measure") or "")[0] if conflict.get("measure") else ""
        heading = " · ".join(str(p) for p in (measure, conflict.get("entity"), conflict.get("period")) if p)
        out.append(ConflictView(heading, conflict.get("text") or "", tuple(values)))
    return out


def answer_without_conflicts(answer) -> str:
    """The answer's text without the sentences that state its conflicts (shown as cards)."""
    text = answer.answer
    for conflict in answer.conflicts or ():
        sentence = (conflict.get("text") or "").strip()
        if sentence and sentence in text:
            text = text.replace(sentence, " ")
    return re.sub(r"[ \t]{2,}", " ", text).strip()
