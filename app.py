"""nearshore-qa chat UI: a thin Streamlit adapter over the core (``streamlit run app.py``).

All logic lives in ``nearshore_qa``; this file only lays it out. Document text is untrusted:
it is shown through ``escape_markdown`` / ``passage_html`` and never as live HTML.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from nearshore_qa import Answer, NearshoreQAError, Settings, open_library
from nearshore_qa.export import (answer_json, answer_markdown, conversation_json, conversation_markdown,
                                 escape_markdown as md, file_stem, passage_html, safe_url)
from nearshore_qa.fetch import add_url
from nearshore_qa.figures import parse_figure
from nearshore_qa.ingest import SUPPORTED
from nearshore_qa.settings import ANSWERERS
from nearshore_qa.lookup import filter_sources, find_figure, highlight_row, source_year, table_frame, table_names

VIEWS = ["💬 Chat", "🔎 Figure look-up", "📚 Library", "➕ Add articles"]
CHAT, LOOKUP, LIBRARY, ADD = VIEWS
STATUS = {"added": "✅ added", "replaced": "🔄 replaced", "unchanged": "➖ unchanged",
          "duplicate": "♊ duplicate", "failed": "❌ failed", "removed": "🗑️ removed"}
EXAMPLES = "What was US goods trade with Mexico in 2023? · How much US–Mexico trade moved by truck in 2024?"


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
def _words(text: str, delay: float = 0.015):
    for word in re.findall(r"\S+\s*", text):
        yield word
        time.sleep(delay)


def _goto_lookup(figure: str) -> None:
    st.session_state.view = LOOKUP
    st.session_state.lookup_query = figure


def _provenance(publisher: str, published: str, source: str, locator: str = "") -> str:
    url = safe_url(source)
    where = f"[{md(url)}](<{url}>)" if url else (f"file {md(source)}" if source else "")
    parts = [md(publisher) if publisher else "", f"as of {md(published)}" if published else "", where, md(locator)]
    return " · ".join(p for p in parts if p)


def _table(lib, doc_id: str, table: str, row: int | None = None, column: str = "") -> None:
    frame = table_frame(lib.store, doc_id, table, around=row)
    st.dataframe(highlight_row(frame, None if row is None else row + 1, column), height=min(400, 38 + 35 * len(frame)))


# --- chat -------------------------------------------------------------------------------------
def show_citation(lib, c) -> None:
    with st.expander(f"\\[{c.marker}\\] {md(c.title)} — {md(c.locator)}"):
        st.markdown(_provenance(c.publisher, c.published, c.source))
        st.markdown(passage_html(c.text, c.highlights), unsafe_allow_html=True)
        if c.kind == "table" and c.row is not None:
            st.caption(" · ".join(p for p in (f"Units: {md(c.units)}" if c.units else "",
                                              f"Period: {md(c.period)}" if c.period else "") if p))
            try:
                _table(lib, c.doc_id, c.table, c.row, c.column)
            except NearshoreQAError:
                st.caption("This table is no longer in the library.")


def show_answer(lib, ans, i: int, stream: bool = False) -> None:
    if ans.standalone_question and ans.standalone_question != ans.question:
        st.caption(f"Follow-up read as: {md(ans.standalone_question)}")
    if stream:
        st.write_stream(_words(md(ans.answer)))
    else:
        st.markdown(md(ans.answer))
    if ans.figures:
        with st.container(horizontal=True):
            for j, fig in enumerate(ans.figures):
                status = "✅ verified" if fig.verified else "⚠️ not verified"
                where = f" \\[{fig.citation}\\]" if fig.citation else ""
                st.button(f"{md(fig.text)} · {status}{where}", key=f"fig-{i}-{j}", on_click=_goto_lookup,
                          args=(fig.text,), help="Look this figure up across the library")
    cites = ans.closest if ans.abstained else ans.citations
    if cites:
        st.caption("Closest passages (they do not answer the question)" if ans.abstained else "Sources")
        for c in cites:
            show_citation(lib, c)
    with st.container(horizontal=True):
        stem = file_stem(ans.question)
        st.download_button("⬇ Markdown", answer_markdown(ans), f"{stem}.md", "text/markdown",
                           key=f"md-{i}", on_click="ignore", type="tertiary")
        st.download_button("⬇ JSON", answer_json(ans), f"{stem}.json", "application/json",
                           key=f"json-{i}", on_click="ignore", type="tertiary")


@st.cache_resource(show_spinner=False)
def _llm_answerer(kind: str, model: str, url: str, timeout: float, unverified: str):
    from nearshore_qa.llm import make_answerer

    return make_answerer(Settings(store_dir=Path("."), answerer=kind, llm_model=model.strip(),
                                  llm_base_url=url.strip(), llm_timeout_s=timeout, unverified=unverified))


def chosen_answerer(lib):
    """The answerer picked in the sidebar, or None for the library's own (the configured one)."""
    ss, s = st.session_state, lib.settings
    choice = (ss.get("answerer_kind", s.answerer), ss.get("llm_model", s.llm_model), ss.get("llm_url", s.llm_base_url),
              ss.get("unverified", s.unverified))
    if choice == (s.answerer, s.llm_model, s.llm_base_url, s.unverified) or choice[0] == s.answerer == "extractive":
        return None
    if choice[0] == "extractive":
        from nearshore_qa.answer import ExtractiveAnswerer

        return ExtractiveAnswerer(lib.embedder, table_rows=lib.store.document_chunks)
    kind, model, url, unverified = choice
    return _llm_answerer(kind, model, url, s.llm_timeout_s, unverified)


def chat_view(lib) -> None:
    turns = st.session_state.turns
    question = st.chat_input("Ask about US–Mexico trade, nearshoring, USMCA…")  # pinned to the bottom
    if not turns and not question:
        st.info(f"Ask a question about nearshoring and North American trade. For example: {EXAMPLES}")
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
            pieces = lib.ask_stream(question, k=st.session_state.k, history=history, answerer=chosen_answerer(lib))
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
        show_answer(lib, ans, len(turns) - 1, stream=not written)


# --- figure look-up -----------------------------------------------------------------------------
def lookup_view(lib) -> None:
    query = st.text_input("Figure to look up", key="lookup_query",
                          placeholder="e.g. US$70.04 billion, 72.51%, 318,400")
    if not query.strip():
        st.caption("Type an amount, a percentage or a count; it is matched however it is written "
                   "(“US$70.04 billion” finds “70.04 billion dollars”).")
        return
    if parse_figure(query) is None:
        st.warning(f"“{md(query)}” is not a figure. Type a number, with a currency, scale or % if you like.")
        return
    matches = find_figure(lib.store, query)
    st.caption(f"{len(matches)} passage(s) state {md(query)}" + (" (showing 50)" if len(matches) > 50 else ""))
    for m in matches[:50]:
        with st.container(border=True):
            st.markdown(f"**{md(m.title)}** · " + _provenance(m.publisher, m.published, m.source, m.locator))
            st.markdown(passage_html(m.text, m.spans), unsafe_allow_html=True)


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
    try:
        meta, text, _ = lib.store.document(doc_id)
    except NearshoreQAError as exc:
        st.error(md(str(exc)))
        return
    st.subheader(md(meta.title))
    st.markdown(_provenance(meta.source, meta.published, meta.url or meta.original_name, meta.kind))
    if meta.kind == "table":
        st.caption(" · ".join(p for p in (f"Units: {md(meta.units)}" if meta.units else "",
                                          f"Period: {md(meta.period)}" if meta.period else "") if p))
        for name in table_names(lib.store, doc_id):
            _table(lib, doc_id, name)
    else:
        with st.container(height=420):
            st.markdown(passage_html(text), unsafe_allow_html=True)
    if st.session_state.get("confirm_remove") != doc_id:
        st.button("🗑️ Remove from the library", key="rm", on_click=lambda: st.session_state.update(confirm_remove=doc_id))
        return
    st.warning(f"Remove “{md(meta.title)}”? Answers will no longer cite it; add the file again to undo.")
    with st.container(horizontal=True):
        st.button("Yes, remove", key="rm-yes", type="primary", on_click=_remove, args=(lib, doc_id, meta.title))
        st.button("Cancel", key="rm-no", on_click=lambda: st.session_state.update(confirm_remove=None))


def library_view(lib) -> None:
    sources = lib.sources()
    if not sources:
        st.info("The library is empty: add articles or tables first.")
        return
    left, mid, right = st.columns([3, 1, 1])
    text = left.text_input("Search", key="lib_q", placeholder="title, publisher or file name")
    kinds = mid.multiselect("Kind", sorted({s.kind for s in sources}), key="lib_kinds")
    years = right.multiselect("Year", sorted({source_year(s) for s in sources if source_year(s)}, reverse=True),
                              key="lib_years")
    shown = filter_sources(sources, text, kinds, years)
    st.dataframe(pd.DataFrame([{"Title": s.title, "Kind": s.kind, "Publisher": s.publisher, "Date": s.published,
                                "Chunks": s.chunks, "Added at": s.added_at, "ID": s.doc_id} for s in shown],
                              columns=["Title", "Kind", "Publisher", "Date", "Chunks", "Added at", "ID"]),
                 hide_index=True)
    st.caption(f"{len(shown)} of {len(sources)} documents")
    titles = {s.doc_id: s.title for s in shown}
    doc_id = st.selectbox("Open a document", list(titles), index=None, key="lib_open",
                          format_func=lambda d: titles.get(d, d), placeholder="Choose a document to read")
    if doc_id:
        show_document(lib, doc_id)


# --- adding -------------------------------------------------------------------------------------
def run_ingest(section: str, work) -> None:
    bar = st.progress(0.0, text="Adding…")
    try:
        st.session_state.ingest_section = section
        st.session_state.ingest_results = work(lambda i, n, name: bar.progress(
            min(i / max(n, 1), 1.0), text=md(f"{i}/{n} {name}")))
    except NearshoreQAError as exc:
        st.error(md(str(exc)))
        return
    finally:
        bar.empty()
    st.rerun()  # the sidebar count and the library see the new documents; the results stay in state


def show_results(section: str) -> None:
    results = st.session_state.get("ingest_results")
    if not results or st.session_state.get("ingest_section") != section:
        return
    counts = pd.Series([r.status for r in results]).value_counts()
    st.success(" · ".join(f"{STATUS.get(k, k)}: {v}" for k, v in counts.items()))
    st.dataframe(pd.DataFrame([{"File": r.name, "Status": STATUS.get(r.status, r.status), "Chunks": r.chunks,
                                "Reason": r.reason or (f"same as {r.duplicate_of}" if r.duplicate_of else ""),
                                "ID": r.doc_id} for r in results]), hide_index=True)
    for r in results:
        if r.status == "failed":
            st.warning(f"**{md(r.name)}** was not added: {md(r.reason)}")
    if any(r.status in ("added", "replaced") for r in results):
        st.caption("New documents are answerable right away: ask in Chat.")


def add_view(lib) -> None:
    ss = st.session_state
    st.subheader("Upload files")
    files = st.file_uploader("Articles (.md, .txt, .html, .pdf, .docx) and tables (.csv, .xlsx)",
                             type=sorted({ext.lstrip(".") for ext in SUPPORTED}), accept_multiple_files=True,
                             key=f"upload-{ss.upload_round}")
    if st.button("Add the uploaded files", type="primary", disabled=not files, key="add-files"):
        ss.upload_round += 1  # a fresh uploader on the rerun, so the same files are not added twice
        run_ingest("upload", lambda progress: lib.add_bytes([(f.name, f.getvalue()) for f in files], progress))
    show_results("upload")
    st.subheader("Paste text")
    with st.form("paste"):
        title = st.text_input("Title", key="paste_title")
        c1, c2, c3 = st.columns(3)
        source = c1.text_input("Source (publisher)", key="paste_source")
        url = c2.text_input("URL", key="paste_url")
        published = c3.date_input("Date", value=None, key="paste_date", format="YYYY-MM-DD")
        text = st.text_area("Text", height=200, key="paste_text")
        if st.form_submit_button("Add the text"):
            run_ingest("paste", lambda _: [lib.add_text(title, text, source, url, published.isoformat() if published else "")])
    show_results("paste")
    st.subheader("Add by URL")
    with st.form("by-url"):
        url = st.text_input("Web page or file URL (http or https)", key="add_url", placeholder="https://…")
        if st.form_submit_button("Fetch and add"):
            with st.spinner(f"Fetching {md(url.strip())}…"):
                run_ingest("url", lambda progress: [add_url(lib, url, progress)])
    show_results("url")


# --- page -----------------------------------------------------------------------------------------
def sidebar(lib):
    s = lib.settings
    with st.sidebar:
        st.title("🌎 Nearshore QA")
        st.caption("Cited answers about nearshoring and North American trade.")
        st.markdown(f"**Store:** {md(s.chroma_url or str(s.store_dir))}")
        st.metric("Documents", lib.store.count_documents())
        st.slider("Sources per answer", 1, 10, key="k")
        ss = st.session_state
        kind = st.selectbox("Answerer", ANSWERERS, key="answerer_kind",
                            help="extractive quotes the sources (offline); the others ask an LLM, whose figures "
                                 "are still checked against the sources")
        if kind != "extractive":
            st.text_input("Model" if kind != "llamacpp" else "GGUF file", key="llm_model",
                          help="NEARSHORE_QA_LLM_MODEL: a model name, or the path of a .gguf file for llamacpp")
            if kind != "llamacpp":
                st.text_input("Server URL", key="llm_url", placeholder="default" if kind == "ollama" else "OpenAI",
                              help="NEARSHORE_QA_LLM_BASE_URL; the API key comes from OPENAI_API_KEY")
            st.radio("Unsupported figures", ["flag", "remove"], key="unverified", horizontal=True,
                     help="a sentence whose figure no source states: shown with a flag, or removed")
        model = f" ({ss.get('llm_model')})" if kind != "extractive" and ss.get("llm_model") else ""
        st.markdown(f"**Answerer:** {md(kind + model)}")
        return st.container()  # filled after the view ran, so it includes the answer just given


def conversation_exports(slot) -> None:
    turns = st.session_state.turns
    if not turns:
        return
    with slot:
        st.download_button("⬇ Conversation (Markdown)", conversation_markdown(turns), "conversation.md",
                           "text/markdown", on_click="ignore", key="conv-md")
        st.download_button("⬇ Conversation (JSON)", conversation_json(turns), "conversation.json",
                           "application/json", on_click="ignore", key="conv-json")
        st.button("Clear the conversation", on_click=lambda: st.session_state.update(turns=[]))


def main() -> None:
    st.set_page_config(page_title="Nearshore QA", page_icon="🌎", layout="wide")
    ss = st.session_state
    for key, value in (("turns", []), ("view", CHAT), ("upload_round", 0), ("lookup_query", "")):
        ss.setdefault(key, value)
    try:
        lib = get_library()
    except NearshoreQAError as exc:
        st.error(f"The library could not be opened: {md(str(exc))}")
        st.stop()
    ss.setdefault("k", min(lib.settings.top_k, 10))
    for key, value in (("answerer_kind", lib.settings.answerer), ("llm_model", lib.settings.llm_model),
                       ("llm_url", lib.settings.llm_base_url), ("unverified", lib.settings.unverified)):
        ss.setdefault(key, value)
    slot = sidebar(lib)
    for key, show in (("flash", st.success), ("flash_error", st.error)):
        if ss.get(key):
            show(md(ss.pop(key)))
    st.segmented_control("View", VIEWS, key="view", required=True, label_visibility="collapsed")
    {CHAT: chat_view, LOOKUP: lookup_view, LIBRARY: library_view, ADD: add_view}[ss.view](lib)
    conversation_exports(slot)


if __name__ == "__main__":
    main()
