"""nearshore-qa chat UI: a thin Streamlit adapter over the core (``streamlit run app.py``).

All logic lives in ``nearshore_qa``; this file only lays it out. Document text is untrusted:
it is shown through ``escape_markdown`` / ``passage_html`` / ``document_html`` (Markdown rendered
with raw HTML escaped) and never as live HTML. The one script on the page is ours (``_LINKS_JS``).
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
import time

import pandas as pd
import streamlit as st

from nearshore_qa import Answer, NearshoreQAError, Settings, open_library
from nearshore_qa.answerers import make_answerer
from nearshore_qa.charts import asks_for_trend, format_value, series_csv, series_for, trend_summary
from nearshore_qa.export import (
    answer_json,
    answer_markdown,
    conversation_json,
    conversation_markdown,
    file_stem,
    passage_html,
)
from nearshore_qa.export import escape_markdown as md
from nearshore_qa.fetch import add_url
from nearshore_qa.figures import parse_figure
from nearshore_qa.ingest import SUPPORTED, pasted_doc_id
from nearshore_qa.lookup import filter_sources, find_figure, source_year, table_frame, table_names
from nearshore_qa.presentation import (
    answer_figures,
    answer_without_conflicts,
    column_label,
    conflict_views,
    document_html,
    format_cell,
    operand_cells,
    provenance_parts,
    source_reference,
    table_for_people,
)
from nearshore_qa.settings import ANSWERERS

CHAT, LOOKUP, LIBRARY, ADD = "Chat", "Look up", "Library", "Add"
VIEWS = [CHAT, LOOKUP, LIBRARY, ADD]
ICONS = {
    CHAT: ":material/chat:",
    LOOKUP: ":material/search:",
    LIBRARY: ":material/menu_book:",
    ADD: ":material/add_circle:",
}
STATUS = {
    "added": "added",
    "replaced": "replaced",
    "unchanged": "unchanged",
    "duplicate": "duplicate",
    "failed": "failed",
    "removed": "removed",
    "skipped": "skipped",
}
EXAMPLES = [
    "What was US goods trade with Mexico in 2023?",
    "How much US–Mexico trade moved by truck in 2024?",
    "What were US imports from China in 2019?",
]
logger = logging.getLogger(__name__)
NEIGHBOURS = 2  # table rows shown on each side of a cited row
LINE_COLOURS = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#9d755d"]  # one per entity
# On a phone (390 px) the four view tabs keep to one line with tighter padding.
_PHONE_CSS = """<style>
@media (max-width: 640px) {
  .st-key-view button { padding-left: 0.45rem; padding-right: 0.45rem; min-width: 0; }
  .st-key-view button [data-testid="stIconMaterial"] { margin-right: 0.15rem; }
}
</style>"""
# Inline [n] markers are links to their card (#nsq-c-<turn>-<n>, the card's key): open the card
# and scroll to it. A reader's cited passage (#nsq-cited) is scrolled into view when it appears.
_LINKS_JS = """<script>
(function () {
  if (window.__nsqLinks) return;
  window.__nsqLinks = true;
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest('a[href^="#nsq-c-"]');
    if (!a) return;
    ev.preventDefault(); ev.stopPropagation();
    var box = document.querySelector(".st-key-" + a.getAttribute("href").slice(1));
    if (!box) return;
    var det = box.querySelector("details");
    if (det && !det.open) { var s = det.querySelector("summary"); if (s) s.click(); }
    box.scrollIntoView({behavior: "smooth", block: "start"});
  }, true);
  var seen = new WeakSet();
  new MutationObserver(function () {
    document.querySelectorAll("#nsq-cited").forEach(function (el) {
      if (seen.has(el)) return;
      seen.add(el);
      setTimeout(function () { el.scrollIntoView({block: "center"}); }, 300);
    });
  }).observe(document.body, {childList: true, subtree: true});
})();
</script>"""


# --- heavy objects: one Library per process, seeded once ------------------------------------
@st.cache_resource(show_spinner=False)
def _library(key: str, _settings: Settings):
    lib = open_library(_settings, seed=False)
    # Open the store and load the encoder (ONNX Runtime) now, not inside the first question.
    _ = lib.store.count_documents(), lib.embedder.load()
    return lib


@st.cache_resource(show_spinner=False)
def _seeding(key: str) -> dict:
    return {"lock": threading.Lock(), "done": False}


def _seed_progress(bar):
    """Files read, then passages embedded with their rate and the time left."""
    started: list[tuple[float, int]] = []

    def show(i: int, n: int, name: str, stage: str = "files") -> None:
        if stage == "files":
            text = f"Adding the shipped articles: {i}/{n} {name}"
        else:
            started.append((time.monotonic(), i))  # the rate counts from the first report on
            rate = (i - started[0][1]) / max(started[-1][0] - started[0][0], 1e-3)
            text = f"Embedding passages: {i}/{n}, {rate:.0f}/s, about {(n - i) / max(rate, 1e-3):.0f} s left"
        bar.progress(min(i / max(n, 1), 1.0), text=md(text))

    return show


def get_library():
    settings = Settings.from_env()
    key = repr(settings)
    with st.spinner("Loading the library and the embedding model…"):
        lib = _library(key, settings)
    seeding = _seeding(key)
    with seeding["lock"]:  # a second session waits here while the first one seeds
        if not seeding["done"]:
            bar = st.progress(0.0, text="Preparing the library…")
            lib.ensure_seeded(_seed_progress(bar))
            bar.empty()
            seeding["done"] = True
    return lib


# --- small helpers --------------------------------------------------------------------------
def _goto_lookup(figure: str) -> None:
    st.session_state.view = LOOKUP
    st.session_state.lookup_query = figure


def _provenance(
    *,
    publisher="",
    published="",
    written="",
    data_sources=(),
    period="",
    kind="",
    added_on="",
    source="",
    doc_id="",
    locator="",
) -> str:
    """One Markdown line: who wrote it and when, whose data, period, kind, link or file, where."""
    parts = [
        md(p)
        for p in provenance_parts(
            publisher=publisher,
            published=published,
            written=written,
            data_sources=data_sources,
            period=period,
            kind=kind,
            added_on=added_on,
        )
    ]
    what, ref = source_reference(source, doc_id)
    if what == "url":
        parts.append(f"[{md(ref)}](<{ref}>)")
    elif what == "file":
        parts.append(f"file {md(ref)}")
    if locator:
        parts.append(md(locator))
    return " · ".join(parts)


def _meta_provenance(meta, locator: str = "") -> str:
    return _provenance(
        publisher=meta.source,
        published=meta.published,
        written=meta.written,
        data_sources=meta.data_sources,
        period=meta.period if meta.kind != "table" else "",
        kind=meta.kind,
        added_on=meta.added_on,
        source=meta.url or meta.original_name,
        doc_id=meta.doc_id,
        locator=locator,
    )


def _units_line(units: str, period: str) -> str:
    return " · ".join(
        p for p in (f"Units: {md(units)}" if units else "", f"Period: {md(period)}" if period else "") if p
    )


def _table(
    lib, doc_id: str, table: str, row: int | None = None, column: str = "", *, key: str, meta=None, cells=()
) -> None:
    """A table for people: the cited row with its neighbours (cell highlighted), or the rows of
    a computation's operand ``cells`` ((0-based row, column), each cell highlighted), and a
    toggle for the whole table."""
    rows = sorted({r for r, _ in cells})
    frame = table_frame(lib.store, doc_id, table, around=row if row is not None else (rows[0] if rows else None))
    label = None if row is None else row + 1
    marked = [(r + 1, col) for r, col in cells]
    window = None
    if label is not None and len(frame) > 2 * NEIGHBOURS + 1:
        window = frame.loc[max(1, label - NEIGHBOURS) : label + NEIGHBOURS]
    elif rows and len(frame) > len(rows):
        window = frame.loc[[r + 1 for r in rows if r + 1 in frame.index]]
    if window is not None:
        window.attrs = frame.attrs
        st.dataframe(table_for_people(window, meta, label, column, cells=marked), height="auto")
        if not st.toggle(f"Show the whole table ({len(frame):,} rows)", key=f"whole-{key}"):
            return
    st.dataframe(table_for_people(frame, meta, label, column, cells=marked), height=min(420, 38 + 35 * len(frame)))


def _doc_meta(lib, doc_id: str):
    try:
        found = lib.store.document(doc_id)
    except NearshoreQAError:
        return None
    return found[0] if found else None


# --- the reader -------------------------------------------------------------------------------
def _pages(lib, doc_id: str) -> list[tuple[int, int]]:
    """(page, first offset) from the chunks of a PDF, for "Page N" headings."""
    first: dict[int, int] = {}
    for c in lib.store.document_chunks(doc_id):
        if c.page and (c.page not in first or c.start < first[c.page]):
            first[c.page] = c.start
    return sorted(first.items())


def read_document(
    lib, doc_id: str, spans=(), row: int | None = None, column: str = "", table: str = "", key: str = "doc", cells=()
) -> None:
    """The whole document: Markdown as formatted text (raw HTML escaped) with the cited passage
    marked and scrolled to, PDFs by page, tables for people with the cited row in view."""
    try:
        meta, text, _ = lib.store.document(doc_id)
    except (NearshoreQAError, TypeError):
        st.error("This document is no longer in the library.")
        return
    st.markdown(f"**{md(meta.title)}**")
    st.caption(_meta_provenance(meta))
    if meta.kind == "table":
        line = _units_line(meta.units, meta.period)
        if line:
            st.caption(line)
        for name in table_names(lib.store, doc_id):
            if len(table_names(lib.store, doc_id)) > 1:
                st.markdown(f"**Sheet {md(name)}**")
            cited = name == table or (not table and (row is not None or bool(cells)))
            _table(
                lib,
                doc_id,
                name,
                row if cited else None,
                column if cited else "",
                key=f"{key}-{name}",
                meta=meta,
                cells=cells if cited else (),
            )
        return
    markdown = meta.fmt in ("md", "html", "docx", "text")
    pages = _pages(lib, doc_id) if meta.fmt == "pdf" else []
    # A long document scrolls in its own box (the cited passage is scrolled into view).
    with st.container(height=560 if len(text) > 2500 else "content", border=False, key=f"reader-{key}"):
        st.html(document_html(text, spans, markdown=markdown, pages=pages))


@st.dialog("Source", width="large")
def reader_dialog(lib, target: dict) -> None:
    read_document(lib, **target, key="dialog")


def _open_reader(target: dict) -> None:
    st.session_state.reader = target


# --- chat -------------------------------------------------------------------------------------
def _card_key(i: int, marker: int) -> str:
    return f"nsq-c-{i}-{marker}"


def show_citation(lib, c, i: int, abstained: bool = False, cells=()) -> None:
    """A compact numbered card: title and where; open it for who/when, the passage (a table row
    with its neighbours), and a button that opens the whole document at the passage."""
    label = f"**\\[{c.marker}\\]** {md(c.title)} · {md(c.locator)}"
    with st.expander(label, key=_card_key(i, c.marker)):
        st.caption(
            _provenance(
                publisher=c.publisher,
                published=c.published,
                written=c.written,
                data_sources=c.data_sources,
                period=c.period if c.kind != "table" else "",
                kind=c.kind,
                added_on=c.added_on,
                source=c.source,
                doc_id=c.doc_id,
            )
        )
        if c.kind == "table" and (c.row is not None or (cells and not abstained)):
            line = _units_line(c.units, c.period)
            if line:
                st.caption(line)
            if abstained:
                meta = _doc_meta(lib, c.doc_id)
                pairs = re.findall(r"(?:^|; )([^:;]+): ([^;]*)", c.text)
                st.markdown(" · ".join(f"{md(column_label(k, meta))} {md(format_cell(k, v))}" for k, v in pairs))
            else:
                try:
                    _table(
                        lib,
                        c.doc_id,
                        c.table,
                        c.row,
                        c.column if c.row is not None else "",
                        key=f"{i}-{c.marker}",
                        meta=_doc_meta(lib, c.doc_id),
                        cells=cells,
                    )
                except NearshoreQAError:
                    st.caption("This table is no longer in the library.")
        else:
            st.markdown(passage_html(c.text, c.highlights), unsafe_allow_html=True)
        spans = [(c.start + a, c.start + b) for a, b in c.highlights] or [(c.start, c.end)]
        if c.kind != "table":
            spans = [(c.start, c.end)] + [s for s in spans if s != (c.start, c.end)]
        st.button(
            "Open the document at this passage",
            key=f"open-{i}-{c.marker}",
            icon=":material/article:",
            type="tertiary",
            on_click=_open_reader,
            args=(
                {
                    "doc_id": c.doc_id,
                    "spans": spans,
                    "row": c.row,
                    "column": c.column if c.row is not None else "",
                    "table": c.table,
                    "cells": list(cells),
                },
            ),
        )


def _linked(answer_md: str, i: int, markers: set[int]) -> str:
    """Escaped answer text with each \\[n\\] a link to its card."""
    return re.sub(
        r"\\\[(\d+)\\\]",
        lambda m: (
            f"[\\[{m.group(1)}\\]](#{_card_key(i, int(m.group(1)))})" if int(m.group(1)) in markers else m.group(0)
        ),
        answer_md,
    )


def show_computed(fig, i: int, markers: set[int], key: str) -> None:
    """A figure computed in code: its result, formula and check, and each operand linked to its card."""
    check = fig.check
    operands = " · ".join(
        f"{md(str(o.get('text') or o.get('value')))}"
        + (f" ({md(str(o['period']))})" if o.get("period") else "")
        + (f" \\[{o['citation']}\\]" if o.get("citation") is not None else "")
        for o in fig.operands
    )
    with st.container(border=True, key=key):
        st.markdown(
            _linked(
                f":material/calculate: **{md(fig.equation)}**  \n{check}"
                + (f"  \nOperands: {operands}" if operands else ""),
                i,
                markers,
            )
        )


def show_conflicts(ans, i: int, markers: set[int]) -> None:
    """Sources that differ on a figure, side by side: each value with whose data it is, as of
    when, and its cited source (the [n] opens that card). Columns stack on a phone."""
    for j, view in enumerate(conflict_views(ans)):
        with st.container(border=True, key=f"nsq-conflict-{i}-{j}"):
            st.markdown(f":material/compare_arrows: **Sources differ** · {md(view.heading)}")
            for col, v in zip(st.columns(len(view.values)), view.values, strict=False):
                with col.container(border=True, key=f"nsq-conflict-{i}-{j}-{v.marker}"):
                    cite = f" \\[{v.marker}\\]" if v.marker is not None else ""
                    st.markdown(_linked(f"**{md(v.value)}**{cite}", i, markers))
                    if v.publisher:
                        st.caption(f"Data: {md(v.publisher)}")
                    if v.as_of:
                        st.caption(f":material/event: {md(v.as_of)}")
                    if v.title:
                        st.caption(" · ".join(md(p) for p in (v.title, v.locator) if p))


def show_chart(series, i: int) -> None:
    """The cited measure over the table's periods (Altair): cited points larger and coloured,
    each point's tooltip naming its period, value, row, column and source; its data as CSV."""
    import altair as alt

    data = pd.DataFrame(
        [
            {
                "period": p.period,
                "value": p.value,
                "shown": format_value(series, p),
                "row": f"{p.row_label} (row {p.row + 1})",
                "column": p.column,
                "source": series.source,
                "cited": "cited" if p.cited else "not cited",
                "entity": p.entity,
            }
            for p in series.points
        ]
    )
    # horizontal period labels: rotated ones took most of the plot's height
    x = alt.X("period:O", sort=series.periods(), title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True))
    y = alt.Y("value:Q", title=series.measure, scale=alt.Scale(zero=False))
    tooltip = [
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("shown:N", title=series.measure),
        alt.Tooltip("row:N", title="Row"),
        alt.Tooltip("column:N", title="Column"),
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("cited:N", title="Cited"),
    ]
    base = alt.Chart(data).encode(x=x, y=y)
    size = alt.Size("cited:N", scale=alt.Scale(domain=["cited", "not cited"], range=[160, 40]), legend=None)
    if len(series.entities) > 1:  # a line per asked entity, coloured; cited points larger and outlined
        entity = alt.Color(
            "entity:N",
            title=None,
            scale=alt.Scale(domain=list(series.entities), range=LINE_COLOURS[: len(series.entities)]),
            legend=alt.Legend(orient="bottom"),
        )
        dots = base.mark_point(filled=True).encode(
            size=size,
            color=entity,
            stroke=alt.condition("datum.cited == 'cited'", alt.value("#222"), alt.value(None)),
            tooltip=tooltip,
        )
        line = base.mark_line().encode(color=entity)
    else:
        dots = base.mark_point(filled=True).encode(
            size=size,
            color=alt.Color(
                "cited:N",
                scale=alt.Scale(domain=["cited", "not cited"], range=["#d6604d", "#4c78a8"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=tooltip,
        )
        line = base.mark_line(color="#4c78a8")
    chart = (line + dots).properties(height=260)  # the y axis names the measure
    st.altair_chart(chart, width="stretch")
    st.caption(f"Source: {md(series.source)} · every point is a cell of the cited table \\[{series.marker}\\]")
    st.download_button(
        "Chart data (CSV)",
        series_csv(series),
        f"{file_stem(series.title, 'series')}.csv",
        "text/csv",
        icon=":material/download:",
        key=f"csv-{i}",
        on_click="ignore",
        type="tertiary",
    )


def _series(lib, ans):
    """The chart series of an answer, read once per session (the conversation export needs it too)."""
    cache = st.session_state.setdefault("series_cache", {})
    kept = cache.get(id(ans))
    if kept is not None and kept[0] is ans:  # the answer is held here, so its id is not reused
        return kept[1]
    try:
        series = series_for(ans, lib.tables, lambda doc_id: _doc_meta(lib, doc_id))
    except Exception:  # a chart is an extra: never let it cost the answer
        logger.exception("no chart for %r", ans.question)
        series = None
    cache[id(ans)] = (ans, series)
    return series


def show_answer(lib, ans, i: int) -> None:
    if ans.standalone_question and ans.standalone_question != ans.question:
        st.caption(f"Follow-up read as: {md(ans.standalone_question)}")
    if ans.scope:  # each turn keeps the documents it was asked of, whatever the picker says now
        st.caption(f"Asked of {md(', '.join(ans.scope))} only")
    cites = ans.closest[:3] if ans.abstained else ans.citations
    series = _series(lib, ans)
    trend = series is not None and asks_for_trend(ans.standalone_question or ans.question)
    if trend:  # a trend question is answered by its chart, the first-to-last line above it
        st.markdown(_linked(f"**{md(trend_summary(series))}** \\[{series.marker}\\]", i, {c.marker for c in cites}))
        show_chart(series, i)
    # conflicts are shown as cards side by side below, not as a sentence
    st.markdown(_linked(md(answer_without_conflicts(ans)), i, {c.marker for c in cites}))
    if ans.hint:  # "the table" asked of the whole library: which document answered, and how to pick one
        st.caption(f":material/info: {md(ans.hint)}")
    figures = answer_figures(ans)
    if figures:
        with st.container(horizontal=True):
            for j, fig in enumerate(figures):
                if fig.computed:
                    continue  # shown below with its formula and operands
                where = f" \\[{fig.citation}\\]" if fig.citation else ""
                st.button(
                    f"{md(fig.text)} · {'verified' if fig.verified else 'not verified'}{where}",
                    key=f"fig-{i}-{j}",
                    on_click=_goto_lookup,
                    args=(fig.text,),
                    icon=":material/check_circle:" if fig.verified else ":material/warning:",
                    help="Look this figure up across the library",
                )
    for j, fig in enumerate(f for f in figures if f.computed):
        show_computed(fig, i, {c.marker for c in cites}, key=f"nsq-computed-{i}-{j}")
    show_conflicts(ans, i, {c.marker for c in cites})
    if cites:
        st.caption("Closest sources (they do not answer the question)" if ans.abstained else "Sources")
        for c in cites:
            show_citation(lib, c, i, abstained=ans.abstained, cells=operand_cells(ans, c))
    if series is not None and not trend:
        with st.expander(f"Chart: {md(series.title)}", icon=":material/show_chart:", key=f"nsq-chart-{i}"):
            show_chart(series, i)
    with st.container(horizontal=True):
        stem = file_stem(ans.question)
        st.download_button(
            "Markdown",
            answer_markdown(ans, series=series),
            f"{stem}.md",
            "text/markdown",
            icon=":material/download:",
            key=f"md-{i}",
            on_click="ignore",
            type="tertiary",
        )
        st.download_button(
            "JSON",
            answer_json(ans),
            f"{stem}.json",
            "application/json",
            icon=":material/download:",
            key=f"json-{i}",
            on_click="ignore",
            type="tertiary",
        )


@st.cache_resource(show_spinner=False)
def _llm_answerer(kind: str, model: str, url: str, timeout: float, unverified: str):
    return make_answerer(
        kind, llm_model=model.strip(), llm_url=url.strip(), llm_timeout_s=timeout, unverified=unverified
    )


def chosen_answerer(lib):
    """The answerer picked in the sidebar, or None for the library's own (the configured one)."""
    ss, s = st.session_state, lib.settings
    choice = (
        ss.get("answerer_kind", s.answerer),
        ss.get("llm_model", s.llm_model),
        ss.get("llm_url", s.llm_base_url),
        ss.get("unverified", s.unverified),
    )
    if choice == (s.answerer, s.llm_model, s.llm_base_url, s.unverified) or choice[0] == s.answerer == "extractive":
        return None
    if choice[0] == "extractive":
        return make_answerer(
            choice[0],
            embedder=lib.embedder,
            table_rows=lib.table_rows,
            tables_for=lib.tables,
            table_catalogue=lib.table_catalogue,
        )
    kind, model, url, unverified = choice
    return _llm_answerer(kind, model, url, s.llm_timeout_s, unverified)


def _ask_example(question: str) -> None:
    st.session_state.pending_question = question


def _set_scope(doc_ids: list[str], view: str | None = None) -> None:
    st.session_state.scope = doc_ids
    if view:
        st.session_state.view = view


def chat_view(lib) -> None:
    turns = st.session_state.turns
    scope = st.session_state.scope
    question = st.chat_input("Ask about trade, nearshoring…" if not scope else "Ask about the chosen documents…")
    question = question or st.session_state.pop("pending_question", None)
    if scope:
        titles = {s.doc_id: s.title or s.doc_id for s in lib.sources()}
        names = ", ".join(f"“{titles.get(d, d)}”" for d in scope[:3])
        names += f" and {len(scope) - 3} more" if len(scope) > 3 else ""
        with st.container(horizontal=True):
            st.caption(f":material/filter_alt: Answers come from {md(names)} only.")
            st.button("Ask the whole library", key="scope-clear", type="tertiary", on_click=_set_scope, args=([],))
    if not turns and not question:
        st.info(
            "Ask a question about nearshoring and North American trade. Answers quote the library and cite "
            "their sources. Try one:"
        )
        for j, example in enumerate(EXAMPLES):
            st.button(
                example,
                key=f"example-{j}",
                on_click=_ask_example,
                args=(example,),
                icon=":material/help:",
                type="tertiary",
            )
    for i, ans in enumerate(turns):
        with st.chat_message("user"):
            st.markdown(md(ans.question))
        with st.chat_message("assistant"):
            show_answer(lib, ans, i)
    if not question:
        return
    with st.chat_message("user"):
        st.markdown(md(question))
    with st.chat_message("assistant"):
        history = [t.standalone_question or t.question for t in turns]
        ans, written, live = None, "", st.empty()
        try:
            pieces = lib.ask_stream(
                question,
                k=st.session_state.k,
                history=history,
                answerer=chosen_answerer(lib),
                documents=st.session_state.scope,
            )
            with st.spinner("Searching the library…"):
                first = next(pieces)
            for piece in itertools.chain([first], pieces):
                if isinstance(piece, Answer):
                    ans = piece
                    break
                written += piece  # an LLM's tokens as they come; its checked answer replaces them
                live.markdown(md(written) + " ▌")
        except NearshoreQAError as exc:
            st.error(f"Could not answer: {md(str(exc))}")
            return
        except ValueError as exc:
            st.warning(md(str(exc)))
            return
        finally:
            live.empty()
        turns.append(ans)
        show_answer(lib, ans, len(turns) - 1)  # a quoted answer exists at once: no simulated typing


# --- figure look-up -----------------------------------------------------------------------------
def lookup_view(lib) -> None:
    query = st.text_input("Figure to look up", key="lookup_query", placeholder="e.g. US$70.04 billion, 72.51%, 318,400")
    if not query.strip():
        st.caption(
            "Type an amount, a percentage or a count; it is matched however it is written "
            "(“US$70.04 billion” finds “70.04 billion dollars”)."
        )
        return
    if parse_figure(query) is None:
        st.warning(f"“{md(query)}” is not a figure. Type a number, with a currency, scale or % if you like.")
        return
    matches = find_figure(lib.store, query)
    st.caption(f"{len(matches)} passage(s) state {md(query)}" + (" (showing 50)" if len(matches) > 50 else ""))
    for j, m in enumerate(matches[:50]):
        with st.container(border=True):
            st.markdown(
                f"**{md(m.title)}** · "
                + _provenance(
                    publisher=m.publisher,
                    published=m.published,
                    written=m.written,
                    data_sources=m.data_sources,
                    period=m.period,
                    kind=m.kind,
                    added_on=m.added_on,
                    source=m.source,
                    doc_id=m.doc_id,
                    locator=m.locator,
                )
            )
            st.markdown(passage_html(m.text, m.spans), unsafe_allow_html=True)
            spans = [(m.chunk_start, m.chunk_end), (m.chunk_start + m.start, m.chunk_start + m.end)]
            st.button(
                "Open the document here",
                key=f"lk-open-{j}",
                icon=":material/article:",
                type="tertiary",
                on_click=_open_reader,
                args=({"doc_id": m.doc_id, "spans": spans, "row": m.row, "column": m.column, "table": m.table},),
            )


# --- library ------------------------------------------------------------------------------------
def _remove(lib, doc_id: str, title: str) -> None:
    try:
        lib.remove(doc_id)
        st.session_state.flash = f"Removed “{title}”."
    except NearshoreQAError as exc:
        st.session_state.flash_error = str(exc)
    st.session_state.confirm_remove = None
    st.session_state.lib_open = None


def show_document(lib, doc_id: str) -> None:
    meta = _doc_meta(lib, doc_id)
    if meta is None:
        st.error("This document is no longer in the library.")
        return
    with st.container(border=True):
        read_document(lib, doc_id, key="library")
    if st.session_state.get("confirm_remove") != doc_id:
        with st.container(horizontal=True):
            st.button(
                "Ask about this document",
                key="ask-doc",
                icon=":material/chat:",
                on_click=_set_scope,
                args=([doc_id], CHAT),
            )
            st.button(
                "Remove from the library",
                key="rm",
                icon=":material/delete:",
                on_click=lambda: st.session_state.update(confirm_remove=doc_id),
            )
        return
    st.warning(f"Remove “{md(meta.title)}”? Answers will no longer cite it; add the file again to undo.")
    with st.container(horizontal=True):
        st.button("Yes, remove", key="rm-yes", type="primary", on_click=_remove, args=(lib, doc_id, meta.title))
        st.button("Cancel", key="rm-no", on_click=lambda: st.session_state.update(confirm_remove=None))


def _picked(ids: list[str]) -> None:
    rows = st.session_state.lib_table.selection.rows
    st.session_state.lib_open = ids[rows[0]] if rows else None
    st.session_state.confirm_remove = None


def library_view(lib) -> None:
    sources = lib.sources()
    if not sources:
        st.info("The library is empty: add articles or tables first.")
        return
    left, mid, right = st.columns([3, 1, 1])
    text = left.text_input("Search", key="lib_q", placeholder="title, publisher or file name")
    kinds = mid.multiselect("Kind", sorted({s.kind for s in sources}), key="lib_kinds")
    years = right.multiselect(
        "Year", sorted({source_year(s) for s in sources if source_year(s)}, reverse=True), key="lib_years"
    )
    shown = filter_sources(sources, text, kinds, years)
    ids = [s.doc_id for s in shown]
    frame = pd.DataFrame(
        [
            {
                "Title": s.title,
                "Publisher": s.publisher,
                "Date": s.published,
                "Kind": s.kind,
                "Chunks": s.chunks,
                "Added by": f"you on {s.added_on}" if s.added_on else "—",
                "ID": s.doc_id,
            }
            for s in shown
        ],
        columns=["Title", "Publisher", "Date", "Kind", "Chunks", "Added by", "ID"],
    )
    st.caption(f"{len(shown)} of {len(sources)} documents · click a row to read it")
    # Widths that fit every column in the main area at 1280 px (a long title is cut; the reader
    # below shows it whole); the id stays in the data, the reader names the file or link.
    st.dataframe(
        frame,
        hide_index=True,
        key="lib_table",
        on_select=lambda: _picked(ids),
        selection_mode="single-row",
        height=min(420, 38 + 35 * max(len(frame), 1)),
        column_order=["Title", "Publisher", "Date", "Kind", "Chunks", "Added by"],
        column_config={
            "Title": st.column_config.TextColumn(width=320),
            "Publisher": st.column_config.TextColumn(width=150),
            "Date": st.column_config.TextColumn(width=86),
            "Kind": st.column_config.TextColumn(width=54),
            "Chunks": st.column_config.NumberColumn(width=58),
            "Added by": st.column_config.TextColumn(width=106),
        },
    )
    doc_id = st.session_state.get("lib_open")
    if doc_id:
        show_document(lib, doc_id)


# --- adding -------------------------------------------------------------------------------------
def run_ingest(section: str, work, after=None) -> None:
    bar = st.progress(0.0, text="Adding…")
    try:
        st.session_state.ingest_section = section
        st.session_state.ingest_results = work(
            lambda i, n, name: bar.progress(min(i / max(n, 1), 1.0), text=md(f"{i}/{n} {name}"))
        )
    except NearshoreQAError as exc:
        st.error(md(str(exc)))
        return
    finally:
        bar.empty()
    if after:
        after(st.session_state.ingest_results)
    st.rerun()  # the sidebar count and the library see the new documents; the results stay in state


def show_results(section: str) -> None:
    results = st.session_state.get("ingest_results")
    if not results or st.session_state.get("ingest_section") != section:
        return
    counts = pd.Series([r.status for r in results]).value_counts()
    st.success(" · ".join(f"{STATUS.get(k, k)}: {v}" for k, v in counts.items()), icon=":material/task_alt:")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "File": r.name,
                    "Status": STATUS.get(r.status, r.status),
                    "Chunks": r.chunks,
                    "Reason": r.reason or (f"same as {r.duplicate_of}" if r.duplicate_of else ""),
                    "ID": r.doc_id,
                }
                for r in results
            ]
        ),
        hide_index=True,
    )
    for r in results:
        if r.status == "failed":
            st.warning(f"**{md(r.name)}** was not added: {md(r.reason)}")
        for warning in r.warnings:
            st.warning(f"**{md(r.name)}** was added, but {md(warning)}")
    if any(r.status in ("added", "replaced") for r in results):
        st.caption("New documents are answerable right away: ask in Chat.")


PASTE_KEYS = ("paste_title", "paste_source", "paste_url", "paste_text")


def _paste_done(results) -> None:
    """After a successful paste the form starts empty (cleared before its widgets exist)."""
    if results and results[0].status in ("added", "replaced"):
        st.session_state.clear_paste = True
    st.session_state.paste_pending = None


def _add_pasted(lib, fields: dict, choice: str = "keep", clashes: tuple = ()) -> None:
    taken = {s.doc_id for s in lib.sources()}

    def work(_):
        doc_id = ""
        if choice == "replace":
            for other in clashes:
                if other != pasted_doc_id(fields["title"]):
                    lib.remove(other)
        elif clashes:
            doc_id = pasted_doc_id(fields["title"], taken)
        return [
            lib.add_text(
                fields["title"], fields["text"], fields["source"], fields["url"], fields["published"], doc_id=doc_id
            )
        ]

    run_ingest("paste", work, after=_paste_done)


def paste_section(lib) -> None:
    ss = st.session_state
    if ss.pop("clear_paste", False):
        for key in PASTE_KEYS:
            ss[key] = ""
        ss.paste_date = None
    pending = ss.get("paste_pending")
    with st.form("paste"):
        title = st.text_input("Title", key="paste_title")
        c1, c2, c3 = st.columns(3)
        source = c1.text_input("Source (publisher)", key="paste_source")
        url = c2.text_input("URL", key="paste_url")
        published = c3.date_input("Date", value=None, key="paste_date", format="YYYY-MM-DD")
        text = st.text_area("Text", height=200, key="paste_text")
        submitted = st.form_submit_button("Add the text")
    if submitted:
        fields = {
            "title": title,
            "text": text,
            "source": source,
            "url": url,
            "published": published.isoformat() if published else "",
        }
        clashes = tuple(
            s.doc_id for s in lib.sources() if title.strip() and s.title.strip().lower() == title.strip().lower()
        )
        if clashes and text.strip():
            ss.paste_pending = {"fields": fields, "clashes": clashes}
            ss.ingest_results = None  # the question replaces the previous result
            st.rerun()
        _add_pasted(lib, fields)
    if pending:
        names = ", ".join(pending["clashes"])
        with st.container(border=True, key="paste-clash"):
            st.warning(
                f"The library already has a document titled “{md(pending['fields']['title'])}” ({md(names)}).",
                icon=":material/content_copy:",
            )
            choice = st.radio(
                "What should happen?",
                ["Keep both", "Replace the earlier one"],
                index=0,
                key="paste_choice",
                horizontal=True,
            )
            with st.container(horizontal=True):
                if st.button("Add the text", key="paste-confirm", type="primary"):
                    _add_pasted(
                        lib,
                        pending["fields"],
                        "replace" if choice.startswith("Replace") else "keep",
                        pending["clashes"],
                    )
                st.button("Cancel", key="paste-cancel", on_click=lambda: ss.update(paste_pending=None))
    show_results("paste")


def add_view(lib) -> None:
    ss = st.session_state
    st.subheader("Upload files")
    types = sorted({ext.lstrip(".") for ext in SUPPORTED} | {"yaml", "yml"})
    files = st.file_uploader(
        "Articles (.md, .txt, .html, .pdf, .docx) and tables (.csv, .xlsx, each with an "
        "optional sidecar trade.meta.yaml)",
        type=types,
        accept_multiple_files=True,
        key=f"upload-{ss.upload_round}",
    )
    with st.expander("Table details (for a .csv or .xlsx uploaded without a sidecar)", icon=":material/table:"):
        c1, c2 = st.columns(2)
        table_fields = {
            "title": c1.text_input("Title", key="tbl_title"),
            "source": c2.text_input("Source (publisher)", key="tbl_source"),
            "url": c1.text_input("URL", key="tbl_url"),
            "published": c2.text_input("Date (YYYY-MM-DD)", key="tbl_published"),
            "units": c1.text_input("Units", key="tbl_units", placeholder="e.g. Millions of U.S. dollars"),
            "period": c2.text_input("Period", key="tbl_period", placeholder="e.g. 2019-2024 (annual)"),
        }
        table_fields = {k: v.strip() for k, v in table_fields.items() if v.strip()}
    if st.button("Add the uploaded files", type="primary", disabled=not files, key="add-files"):
        ss.upload_round += 1  # a fresh uploader on the rerun, so the same files are not added twice
        run_ingest(
            "upload",
            lambda progress: lib.add_bytes(
                [(f.name, f.getvalue()) for f in files], progress, table_fields=table_fields
            ),
        )
    show_results("upload")
    st.subheader("Paste text")
    paste_section(lib)
    st.subheader("Add by URL")
    with st.form("by-url"):
        url = st.text_input("Web page or file URL (http or https)", key="add_url", placeholder="https://…")
        if st.form_submit_button("Fetch and add"):
            with st.spinner(f"Fetching {md(url.strip())}…"):
                run_ingest("url", lambda progress: [add_url(lib, url, progress)])
    show_results("url")


# --- page -----------------------------------------------------------------------------------------
def sidebar(lib):
    with st.sidebar:
        st.title(":material/public: Nearshore QA")
        st.caption("Cited answers about nearshoring and North American trade.")
        st.metric("Documents", lib.store.count_documents())
        titles = {s.doc_id: s.title or s.doc_id for s in lib.sources()}
        st.session_state.scope = [d for d in st.session_state.get("scope", []) if d in titles]  # removed since
        st.multiselect(
            "Ask about",
            list(titles),
            key="scope",
            format_func=lambda d: titles[d],
            placeholder="All documents",
            help="answer from these documents only; empty: the whole library",
        )
        st.slider("Sources per answer", 1, 10, key="k")
        kind = st.selectbox(
            "Answerer",
            ANSWERERS,
            key="answerer_kind",
            help="extractive quotes the sources (offline); the others ask an LLM, whose figures "
            "are still checked against the sources",
        )
        if kind != "extractive":
            st.text_input(
                "Model" if kind != "llamacpp" else "GGUF file",
                key="llm_model",
                help="NEARSHORE_QA_LLM_MODEL: a model name, or the path of a .gguf file for llamacpp",
            )
            if kind != "llamacpp":
                st.text_input(
                    "Server URL",
                    key="llm_url",
                    placeholder="default" if kind == "ollama" else "OpenAI",
                    help="NEARSHORE_QA_LLM_BASE_URL; the API key comes from OPENAI_API_KEY",
                )
            st.radio(
                "Unsupported figures",
                ["flag", "remove"],
                key="unverified",
                horizontal=True,
                help="a sentence whose figure no source states: shown with a flag, or removed",
            )
        st.html(_LINKS_JS, unsafe_allow_javascript=True)
        return st.container()  # filled after the view ran, so it includes the answer just given


def conversation_exports(lib, slot) -> None:
    turns = st.session_state.turns
    if not turns:
        return
    with slot:
        st.download_button(
            "Conversation (Markdown)",
            conversation_markdown(turns, series=[_series(lib, t) for t in turns]),
            "conversation.md",
            "text/markdown",
            on_click="ignore",
            key="conv-md",
            icon=":material/download:",
        )
        st.download_button(
            "Conversation (JSON)",
            conversation_json(turns),
            "conversation.json",
            "application/json",
            on_click="ignore",
            key="conv-json",
            icon=":material/download:",
        )
        st.button(
            "Clear the conversation",
            on_click=lambda: st.session_state.update(turns=[], series_cache={}),
            icon=":material/delete_sweep:",
        )


def main() -> None:
    st.set_page_config(page_title="Nearshore QA", page_icon=":material/public:", layout="wide")
    ss = st.session_state
    for key, value in (("turns", []), ("view", CHAT), ("upload_round", 0), ("lookup_query", ""), ("scope", [])):
        ss.setdefault(key, value)
    try:
        lib = get_library()
    except NearshoreQAError as exc:
        st.error(f"The library could not be opened: {md(str(exc))}")
        st.stop()
    ss.setdefault("k", min(lib.settings.top_k, 10))
    for key, value in (
        ("answerer_kind", lib.settings.answerer),
        ("llm_model", lib.settings.llm_model),
        ("llm_url", lib.settings.llm_base_url),
        ("unverified", lib.settings.unverified),
    ):
        ss.setdefault(key, value)
    slot = sidebar(lib)
    for key, show in (("flash", st.success), ("flash_error", st.error)):
        if ss.get(key):
            show(md(ss.pop(key)))
    st.html(_PHONE_CSS)
    st.segmented_control(
        "View", VIEWS, key="view", required=True, label_visibility="collapsed", format_func=lambda v: f"{ICONS[v]} {v}"
    )
    {CHAT: chat_view, LOOKUP: lookup_view, LIBRARY: library_view, ADD: add_view}[ss.view](lib)
    if ss.get("reader"):
        reader_dialog(lib, ss.pop("reader"))
    conversation_exports(lib, slot)


if __name__ == "__main__":
    main()
