"""The Streamlit app through streamlit.testing (AppTest), on a temporary store seeded from a
tiny corpus (two short shipped articles and one small table), so seeding takes seconds."""

from __future__ import annotations

import re

import pytest
from helpers import REPO_ROOT, TINY_TABLE, make_tiny_corpus
from streamlit.testing.v1 import AppTest

APP = str(REPO_ROOT / "app.py")
TABLE = TINY_TABLE
CHAT, LOOKUP, LIBRARY, ADD = "Chat", "Look up", "Library", "Add"

pytestmark = pytest.mark.model  # the app seeds its store with the real encoder


@pytest.fixture(scope="module")
def tiny_env(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("app")
    corpus = make_tiny_corpus(tmp / "corpus")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEARSHORE_QA_HOME", str(tmp / "store"))
        mp.setenv("NEARSHORE_QA_CORPUS", str(corpus))
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("ANONYMIZED_TELEMETRY", "False")
        for name in ("NEARSHORE_QA_CHROMA_URL", "NEARSHORE_QA_ANSWERER", "NEARSHORE_QA_TOP_K"):
            mp.delenv(name, raising=False)
        yield tmp


@pytest.fixture
def app(tiny_env):
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def go(at: AppTest, view: str) -> AppTest:
    at.segmented_control(key="view").set_value(view).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdowns(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def shown_table(element):
    """A st.dataframe as the browser shows it: the Styler's display values (labels, separators)."""
    import pyarrow as pa

    styler = element.proto.arrow_data.styler
    return pa.ipc.open_stream(styler.display_values).read_pandas(), styler.styles


def htmls(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html")]


def test_first_render_seeds_and_shows_the_sidebar(app):
    assert [m.value for m in app.metric] == ["3"]  # two articles and one table
    # No internal store path; the answerer is named once (its selector).
    assert not any("Store" in m or "store" in m for m in markdowns(app))
    assert app.selectbox(key="answerer_kind").value == "extractive"
    assert not any("Answerer:" in m for m in markdowns(app))
    assert app.slider(key="k").value == 5
    assert app.info and "Ask a question" in app.info[0].value


def test_example_question_is_asked_by_a_click(app):
    button = next(b for b in app.button if b.label == "How much US–Mexico trade moved by truck in 2024?")
    button.click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert len(app.chat_message) == 2 and app.chat_message[0].markdown[0].value.startswith("How much US–Mexico trade")
    assert not any(b.label.startswith("How much US–Mexico") for b in app.button)  # examples only on an empty chat


def test_question_gets_a_cited_answer_with_highlighted_figures(app):
    ask(app, "What was US goods trade with Mexico in 2023?")
    texts = markdowns(app)
    # The answer comes whole, its [1] a link to card 1 of this turn.
    assert any("US\\$797.96 billion" in t and "[\\[1\\]](#nsq-c-0-1)" in t for t in texts), texts
    assert "Sources" in [c.value for c in app.caption]
    labels = [e.label for e in app.expander]
    assert labels and labels[0].startswith("**\\[1\\]** Mexico was the top US goods trading partner")
    assert "§ The three largest partners in 2023 › paragraph 1" in labels[0]  # a human locator
    assert not any("chars" in label for label in labels)
    passages = [t for t in texts if t.startswith('<div class="nsq-passage"')]
    assert passages and any("<mark>" in p and "US&#36;797.96 billion" in p for p in passages)
    captions = [c.value for c in app.caption]
    assert any("data: U.S. Census Bureau" in c and "period 2023" in c and "article" in c for c in captions), captions
    figures = [b.label for b in app.button if "verified" in b.label]
    assert "US\\$797.96 billion · verified \\[1\\]" in figures
    assert {b.label for b in app.get("download_button")} >= {
        "Markdown",
        "JSON",
        "Conversation (Markdown)",
        "Conversation (JSON)",
    }


def test_a_card_opens_the_whole_document_at_the_passage(app):
    ask(app, "What was US goods trade with Mexico in 2023?")
    app.button(key="open-0-1").click().run()
    assert not app.exception, [e.value for e in app.exception]
    body = next(h for h in htmls(app) if h.startswith('<div class="nsq-doc">'))
    # The whole article, Markdown rendered (headings as headings), the passage marked and anchored.
    assert (
        body.index("<h1>Mexico was the top US goods trading partner")
        < body.index("<h2>The three largest partners in 2023</h2>")
        < body.index('id="nsq-cited"')
    )
    cited = body[body.index('id="nsq-cited"') :]
    assert cited.index("<mark>") < cited.index("US$797.96 billion") < cited.index("</mark>")


def test_follow_up_is_rewritten_and_the_rewrite_shown(app):
    ask(app, "What was US goods trade with Mexico in 2023?")
    ask(app, "And with Canada?")
    captions = [c.value for c in app.caption]
    assert "Follow-up read as: What was US goods trade with Canada in 2023?" in captions
    assert any("US\\$772.97 billion" in t for t in markdowns(app))
    assert len(app.chat_message) == 4


def test_table_citation_shows_the_table_with_units_and_period(app):
    ask(app, "What were US imports from China in 2019?")
    assert any("US imports from China (US\\$ m): 449,110.7" in t for t in markdowns(app)), markdowns(app)
    label = next(e.label for e in app.expander)
    assert "row 2019 · column US imports from China (US\\$ m)" in label
    assert len(app.dataframe) == 1
    # The cited row with two neighbours each side, human labels, separators, the cell marked.
    shown, styles = shown_table(app.dataframe[0])
    assert shown["Year"].tolist() == ["2017", "2018", "2019", "2020", "2021"]
    assert shown["US imports from China (US$ m)"].tolist()[2] == "449,110.7"
    assert "row2_col1 { background-color: #ffd84d; font-weight: bold }" in styles
    assert any(
        c.value.startswith("Units: Millions of U.S. dollars") and "Period: 2015-2025" in c.value for c in app.caption
    )
    app.toggle(key="whole-0-1").set_value(True).run()
    assert len(app.dataframe) == 2 and len(app.dataframe[1].value) == 11
    # Its reader shows the table with the cited row in its window, the cited cell marked.
    app.button(key="open-0-1").click().run()
    assert not app.exception, [e.value for e in app.exception]
    shown, styles = shown_table(app.dataframe[-1])
    assert "2019" in shown["Year"].tolist() and len(shown) == 5 and "#ffd84d; font-weight: bold" in styles


def test_unanswerable_question_abstains_with_the_closest_passages(app):
    ask(app, "What is the population of Lyon in 1850?")
    assert any("The corpus does not say" in t for t in markdowns(app))
    assert "Closest sources (they do not answer the question)" in [c.value for c in app.caption]
    assert 1 <= len(app.expander) <= 3 and len(app.dataframe) == 0  # collapsed cards, no tables


def test_figure_button_opens_the_look_up(app):
    ask(app, "What was US goods trade with Mexico in 2023?")
    button = next(b for b in app.button if b.label.startswith("US\\$797.96 billion"))
    button.click().run()
    assert app.segmented_control(key="view").value == LOOKUP
    assert app.text_input(key="lookup_query").value == "US$797.96 billion"
    assert any("passage(s) state" in c.value for c in app.caption)
    assert any("<mark>US&#36;797.96 billion</mark>" in t for t in markdowns(app))


def test_look_up_typed_figure_in_other_spelling(app):
    go(app, LOOKUP)
    app.text_input(key="lookup_query").input("609.01 billion dollars").run()
    assert any("<mark>US&#36;609.01 billion</mark>" in t for t in markdowns(app))
    app.text_input(key="lookup_query").input("trucks").run()
    assert app.warning and "is not a figure" in app.warning[0].value


def test_pasted_article_is_answerable_right_away(app):
    go(app, ADD)
    app.text_input(key="paste_title").input("Widget exports to Mexico")
    app.text_input(key="paste_source").input("Widget Council")
    app.text_input(key="paste_url").input("https://widgets.example/report")
    app.text_area(key="paste_text").input(
        "Widget exports from Ohio to Mexico reached US$12.34 billion in 2024, according to the Widget Council."
    )
    app.button(key="FormSubmitter:paste-Add the text").click().run()
    assert not app.exception
    results = app.dataframe[-1].value
    assert results["Status"].tolist() == ["added"] and results["File"].tolist() == ["Widget exports to Mexico"]
    assert app.text_input(key="paste_title").value == "" and app.text_area(key="paste_text").value == ""
    go(app, CHAT)
    ask(app, "How much were widget exports from Ohio to Mexico in 2024?")
    assert any("US\\$12.34 billion" in t for t in markdowns(app))
    assert any(e.label.startswith("**\\[1\\]** Widget exports to Mexico") for e in app.expander)
    assert any(c.value.startswith("added by you on ") for c in app.caption)


def test_pasting_a_title_again_asks_and_keeps_both_by_default(app):
    go(app, ADD)
    for text in ("Gadget output in Sonora was 120 units in 2024.", "Gadget output in Sonora was 150 units in 2025."):
        app.text_input(key="paste_title").input("Gadget note")
        app.text_area(key="paste_text").input(text)
        app.button(key="FormSubmitter:paste-Add the text").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("already has a document titled “Gadget note”" in w.value for w in app.warning)
    assert app.radio(key="paste_choice").value == "Keep both"
    app.button(key="paste-confirm").click().run()
    assert app.dataframe[-1].value["ID"].tolist() == ["pasted/gadget-note-2.md"]
    go(app, LIBRARY)
    listing = app.dataframe[0].value
    assert {"pasted/gadget-note.md", "pasted/gadget-note-2.md"} <= set(listing["ID"])
    # The same title a third time, replacing: one of them is replaced, none added.
    go(app, ADD)
    app.text_input(key="paste_title").input("Gadget note")
    app.text_area(key="paste_text").input("Gadget output in Sonora was 180 units in 2026.")
    app.button(key="FormSubmitter:paste-Add the text").click().run()
    app.radio(key="paste_choice").set_value("Replace the earlier one").run()
    app.button(key="paste-confirm").click().run()
    assert app.dataframe[-1].value["Status"].tolist() == ["replaced"]
    go(app, LIBRARY)
    assert [i for i in app.dataframe[0].value["ID"] if i.startswith("pasted/gadget")] == ["pasted/gadget-note.md"]


def test_failed_paste_and_bad_upload_show_their_reasons(app):
    go(app, ADD)
    app.text_input(key="paste_title").input("Nothing here")
    app.button(key="FormSubmitter:paste-Add the text").click().run()
    assert any("**Nothing here** was not added: empty text" in w.value for w in app.warning)
    assert app.dataframe[-1].value["Reason"].tolist() == ["empty text"]
    uploader = app.get("file_uploader")[0]
    uploader.set_value(
        [
            ("broken.pdf", b"this is not a pdf", "application/pdf"),
            (
                "trucks-note.md",
                b"# Truck note\n\nA truck note says 4,321 trucks crossed at Nogales in March 2024.\n",
                "text/markdown",
            ),
        ]
    ).run()
    app.button(key="add-files").click().run()
    assert not app.exception, [e.value for e in app.exception]
    results = app.dataframe[-1].value
    assert dict(zip(results["File"], results["Status"], strict=False)) == {
        "broken.pdf": "failed",
        "trucks-note.md": "added",
    }
    assert any("not a PDF file" in w.value for w in app.warning)
    go(app, CHAT)
    ask(app, "How many trucks crossed at Nogales in March 2024?")
    assert any("4,321 trucks" in t for t in markdowns(app))


def test_library_lists_filters_opens_and_removes(app):
    go(app, LIBRARY)
    listing = app.dataframe[0].value
    assert list(listing.columns)[:5] == ["Title", "Publisher", "Date", "Kind", "Chunks"]
    app.multiselect(key="lib_kinds").set_value(["table"]).run()
    assert app.dataframe[0].value["Kind"].tolist() == ["table"]
    app.multiselect(key="lib_kinds").set_value([]).run()
    app.text_input(key="lib_q").input("transport").run()
    assert len(app.dataframe[0].value) == 1
    app.text_input(key="lib_q").input("").run()
    # Add a throw-away document carrying markup, open it (escaped), then remove it.
    go(app, ADD)
    app.text_input(key="paste_title").input("Markup note")
    app.text_area(key="paste_text").input("Note <b>bold</b> <script>alert(1)</script> about 5% of trade.")
    app.button(key="FormSubmitter:paste-Add the text").click().run()
    go(app, LIBRARY)
    doc_id = "pasted/markup-note.md"
    assert listing_row(app, doc_id)["Added by"].startswith("you on ")
    app.session_state["lib_open"] = doc_id  # what a click on its row does (AppTest cannot click a row)
    app.run()
    body = next(h for h in htmls(app) if h.startswith('<div class="nsq-doc">'))
    assert "&lt;script&gt;" in body and "<script>" not in body and "<b>" not in body
    app.button(key="rm").click().run()
    assert app.warning and app.warning[0].value.startswith("Remove “Markup note”?")
    app.button(key="rm-yes").click().run()
    assert any(s.value == "Removed “Markup note”." for s in app.success)
    assert doc_id not in app.dataframe[0].value["ID"].tolist()


def listing_row(at: AppTest, doc_id: str) -> dict:
    listing = at.dataframe[0].value
    return listing[listing["ID"] == doc_id].iloc[0].to_dict()


def test_library_table_view_reads_like_a_report(app):
    go(app, LIBRARY)
    app.session_state["lib_open"] = "tables/us_imports_from_china_annual.csv"
    app.run()
    shown, _ = shown_table(app.dataframe[1])
    assert list(shown.columns)[:2] == ["Year", "US imports from China (US$ m)"]
    assert "449,110.7" in shown["US imports from China (US$ m)"].tolist() and "2019" in shown["Year"].tolist()


def test_slider_sets_sources_per_answer(app):
    app.slider(key="k").set_value(1).run()
    ask(app, "How much US–Mexico trade moved by truck in 2024?")
    markers = set(re.findall(r"\\\[(\d+)\\\]", " ".join(markdowns(app))))
    assert markers == {"1"}
    assert len([e for e in app.expander]) == 1


def test_add_by_url_offline_names_the_url(app):
    go(app, ADD)
    url = "https://nearshore-qa.invalid/articles/border-trade"
    app.text_input(key="add_url").input(url)
    app.button(key="FormSubmitter:by-url-Fetch and add").click().run()
    assert not app.exception, [e.value for e in app.exception]
    warning = next(w.value for w in app.warning if "was not added" in w.value)
    assert f"cannot fetch {url}" in warning.replace("\\", "")
    assert app.dataframe[-1].value["Status"].tolist() == ["failed"]


def test_a_table_uploaded_with_its_sidecar_reads_with_its_labels(app):
    go(app, ADD)
    csv = b"state,year,expected_jobs\nCoahuila,2024,649561\nJalisco,2024,12000\n"
    side = (
        b'title: "Expected jobs by state"\nsource: "Jobs Council"\nunits: "Jobs"\nperiod: "2024"\n'
        b'columns:\n  expected_jobs: {label: "Expected jobs", unit: "count"}\n'
    )
    app.get("file_uploader")[0].set_value(
        [("jobs.csv", csv, "text/csv"), ("jobs.meta.yaml", side, "application/x-yaml")]
    ).run()
    app.button(key="add-files").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.dataframe[-1].value["Status"].tolist() == ["added"]  # one document: the table with its sidecar
    go(app, LIBRARY)
    row = listing_row(app, "jobs.csv")
    assert (row["Title"], row["Publisher"]) == ("Expected jobs by state", "Jobs Council")
    app.session_state["lib_open"] = "jobs.csv"
    app.run()
    shown, _ = shown_table(app.dataframe[1])
    assert list(shown.columns) == ["State", "Year", "Expected jobs (count)"]
    assert shown["Expected jobs (count)"].tolist() == ["649,561", "12,000"]


def test_computed_figure_shows_its_formula_and_links_each_operand(app):
    """A figure computed in code is shown with its result, formula and check, and each operand
    links to the card of the cell it came from."""
    ask(app, "By how much did US imports from China change from 2018 to 2019?")
    (shown,) = [m for m in markdowns(app) if "verified by recomputing" in m]
    assert " = " in shown and "Operands:" in shown
    links = re.findall(r"\[\\\[(\d+)\\\]\]\(#", shown)
    assert len(links) >= 2, shown
    assert not [b for b in app.button if "·" in b.label and "=" in b.label]  # no look-up chip for it


def vega_charts(at: AppTest) -> list[tuple[dict, list[dict]]]:
    """The Altair charts on the page: each chart's Vega-Lite spec and its data rows (Streamlit
    sends the data beside the spec as Arrow)."""
    import json

    import pyarrow as pa

    return [
        (
            json.loads(e.proto.spec),
            [row for d in e.proto.datasets for row in pa.ipc.open_stream(d.data.data).read_pandas().to_dict("records")],
        )
        for e in at.get("vega_lite_chart")
    ]


def test_chart_of_a_cited_table_traces_each_point_to_its_cell(app):
    """A trend question is answered by a chart of the cited table's series, its first-to-last
    line above it; each point's tooltip names its period, value, row, column and source."""
    ask(app, "How have US imports from China changed since 2015?")
    ((spec, rows),) = vega_charts(app)
    fields = {t["field"] for layer in spec["layer"] for t in layer.get("encoding", {}).get("tooltip", [])}
    assert {"period", "shown", "row", "column", "source"} <= fields
    assert [r["period"] for r in rows] == [str(y) for y in range(2015, 2026)]
    first = rows[0]
    assert first["value"] == 483201.7 and first["shown"] == "483,201.7" and first["row"] == "2015 (row 1)"
    assert first["column"] == "US imports from China (US$ m)" and first["source"].startswith("U.S. Census Bureau")
    assert {r["period"] for r in rows if r["cited"] == "cited"} <= {"2015", "2025"}
    assert any(r["cited"] == "cited" for r in rows)
    texts = markdowns(app)
    (summary,) = [m for m in texts if " from 483,201.7 in 2015 to " in m]
    assert summary.startswith("**US imports from China")
    assert texts[texts.index(summary) - 1] == "How have US imports from China changed since 2015?"  # shown first
    assert [b.proto.label for b in app.get("download_button")].count("Chart data (CSV)") == 1


def test_a_look_up_in_a_table_offers_its_chart_below_the_sources(app):
    ask(app, "What were US imports from China in 2019?")
    charts = [e for e in app.expander if e.label.startswith("Chart:")]
    assert len(charts) == 1 and "US imports from China" in charts[0].label
    ((_, rows),) = vega_charts(app)
    assert [r["period"] for r in rows if r["cited"] == "cited"] == ["2019"]
    assert next(r for r in rows if r["period"] == "2019")["shown"] == "449,110.7"


def downloads(monkeypatch) -> dict[str, bytes]:
    """What the download buttons would hand the browser, by file name (AppTest keeps the files in
    a media store it drops after each run)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    keep = MemoryMediaFileStorage.load_and_get_id

    def load(self, data, mimetype, kind, filename=None):
        if filename and isinstance(data, bytes):
            files[filename] = data
        return keep(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load)
    return files


def test_conversation_markdown_carries_each_turns_chart_data(app, monkeypatch):
    files = downloads(monkeypatch)
    ask(app, "What was US goods trade with Mexico in 2023?")  # no table cited: no chart
    ask(app, "How have US imports from China changed since 2015?")
    text = files["conversation.md"].decode()
    assert text.count("### Chart data") == 1
    chart = text[text.index("### Chart data") :]
    assert "fell from 483,201.7 in 2015 to 308,379.7 in 2025" in chart
    assert "| 2015 | **483,201.7** |" in chart and "| 2019 | 449,110.7 |" in chart
    assert "*Source: U.S. Census Bureau" in chart
    # the same table as the answer's own export
    answer_md = files["how-have-us-imports-from-china-changed-since-2015.md"].decode()
    assert chart.split("### Sources")[0] in answer_md


# --- two publishers that differ: the shipped BTS and Census tables (2019 US–Mexico trade) ------

TWO_SOURCES = ("us_mexico_canada_trade_annual_bts", "us_goods_trade_top_partners_annual")


@pytest.fixture(scope="module")
def two_sources_dirs(tmp_path_factory):
    from helpers import SHIPPED_CORPUS

    tmp = tmp_path_factory.mktemp("two-sources")
    corpus = make_tiny_corpus(tmp / "corpus")
    for name in TWO_SOURCES:
        for suffix in (".csv", ".meta.yaml"):
            (corpus / "tables" / (name + suffix)).write_bytes(
                (SHIPPED_CORPUS / "tables" / (name + suffix)).read_bytes()
            )
    return tmp, corpus


@pytest.fixture
def two_sources_app(tiny_env, two_sources_dirs, monkeypatch):
    tmp, corpus = two_sources_dirs
    monkeypatch.setenv("NEARSHORE_QA_HOME", str(tmp / "store"))
    monkeypatch.setenv("NEARSHORE_QA_CORPUS", str(corpus))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_conflicting_sources_are_cards_side_by_side_with_publishers_and_dates(two_sources_app, monkeypatch):
    app = two_sources_app
    files = downloads(monkeypatch)
    app.slider(key="k").set_value(10).run()  # both tables' 2019 rows among the evidence
    ask(app, "What was the percentage change in US trade with Mexico from 2019 to 2023?")
    texts = markdowns(app)
    # The answer states its computed figure; the conflict is not a sentence but a group of cards.
    assert any(t.startswith("Total trade for Mexico grew 30.0% from 2019 to 2023") for t in texts), texts
    assert not any("Sources differ on" in t for t in texts)
    assert "**Sources differ** · Total trade · Mexico · 2019" in " ".join(texts).replace(
        ":material/compare_arrows: ", ""
    )
    bts = next(t for t in texts if t.startswith("**US\\$614.50 billion**"))
    census = next(t for t in texts if t.startswith("**US\\$612,770.1 million**"))
    # each value's [n] links to the card of the cell it comes from
    cards = {e.label.split("**")[1]: e.label for e in app.expander if e.label.startswith("**\\[")}
    for value, doc_title in ((bts, "BTS TransBorder"), (census, "top partners")):
        (marker,) = re.findall(r"\[\\\[(\d+)\\\]\]\(#nsq-c-0-\1\)", value)
        assert doc_title in cards[f"\\[{marker}\\]"] and "row Mexico, 2019" in cards[f"\\[{marker}\\]"]
    captions = [c.value for c in app.caption]
    assert any(c.startswith("Data: U.S. Department of Transportation, Bureau of Transportation") for c in captions)
    assert ":material/event: raw data downloaded 2026-03-21" in captions
    assert "Data: U.S. Census Bureau, Foreign Trade Division" in captions
    assert ":material/event: country.xlsx of 2024-11-01, after the June 2024 annual revision" in captions
    # side by side: one column per source
    assert len(app.columns) >= 2
    # the Markdown export keeps the sentence and adds the values as a table
    (answer_md,) = [v for k, v in files.items() if k.startswith("what-was-the-percentage") and k.endswith(".md")]
    answer_md = answer_md.decode()
    assert "Sources differ on total trade for Mexico in 2019" in answer_md
    assert "### Sources differ" in answer_md and "| US\\$612,770.1 million \\[" in answer_md


def test_a_computation_over_many_rows_highlights_every_operand_cell(app):
    """A maximum over the table's rows cites them once; the card shows those rows as a table
    (labels, separators) with each operand cell marked, and so does its reader."""
    ask(app, "In which year were US imports from China the highest?")
    (computed,) = [m for m in markdowns(app) if "verified by recomputing" in m]
    assert "max(" in computed, computed
    shown, styles = shown_table(app.dataframe[0])
    assert (
        "US imports from China (US$ m)" in shown.columns
        and "538,514.2" in shown["US imports from China (US$ m)"].tolist()
    )
    (rule,) = re.findall(r"([^}]*)\{ background-color: #ffd84d; font-weight: bold \}", styles)
    marked = re.findall(r"_row(\d+)_col(\d+)", rule)
    assert len(marked) == len(shown) >= 4  # one operand cell per row, all in the measure's column
    assert {c for _, c in marked} == {str(list(shown.columns).index("US imports from China (US$ m)"))}
    app.button(key="open-0-1").click().run()
    assert not app.exception, [e.value for e in app.exception]
    _, styles = shown_table(app.dataframe[-1])
    (rule,) = re.findall(r"([^}]*)\{ background-color: #ffd84d; font-weight: bold \}", styles)
    assert len(re.findall(r"_row(\d+)_col(\d+)", rule)) == len(marked)


def test_a_trend_question_naming_two_partners_charts_a_line_for_each(two_sources_app):
    app = two_sources_app
    ask(app, "Plot US total trade with Mexico and Canada")
    ((spec, rows),) = vega_charts(app)
    entities = {r["entity"] for r in rows}
    assert entities == {"Mexico", "Canada"}, entities
    for name in entities:  # a point per year of the table for each
        years = [int(r["period"]) for r in rows if r["entity"] == name]
        assert len(years) >= 9 and years == sorted(years)
    assert [int(r["period"]) for r in rows if r["entity"] == "Mexico"] == [
        int(r["period"]) for r in rows if r["entity"] == "Canada"
    ]
    assert any(r["cited"] == "cited" for r in rows)
    (summary,) = [m for m in markdowns(app) if m.startswith("**Total trade")]
    assert "Mexico rose from" in summary and "Canada rose from" in summary, summary


def test_asking_about_one_document_answers_from_it_alone(app):
    """The library's "Ask about this document" limits the chat to it, says so, and the scope is
    cleared with one click."""
    table_doc = f"tables/{TABLE}.csv"
    go(app, LIBRARY)
    app.session_state["lib_open"] = table_doc  # what a click on its row does
    app.run()
    app.button(key="ask-doc").click().run()
    assert app.segmented_control(key="view").value == CHAT
    assert app.multiselect(key="scope").value == [table_doc]
    assert any(c.value.startswith(":material/filter_alt: Answers come from “") for c in app.caption)
    ask(app, "What was US goods trade with Mexico in 2023?")  # an article's figure, not the table's
    answer = app.chat_message[1].markdown[0].value
    assert answer.startswith("The chosen document does not say"), answer
    assert f"Asked of {table_doc} only" in [c.value for c in app.chat_message[1].caption]
    cited = [e.label for e in app.expander]
    assert cited and all("Mexico was the top" not in label for label in cited)
    app.button(key="scope-clear").click().run()
    assert app.multiselect(key="scope").value == []
    ask(app, "What was US goods trade with Mexico in 2023?")
    assert "US\\$797.96 billion" in app.chat_message[3].markdown[0].value
    assert not any(c.value.startswith("Asked of") for c in app.chat_message[3].caption)
    assert f"Asked of {table_doc} only" in [c.value for c in app.chat_message[1].caption]  # the turn keeps it


def test_a_question_about_the_table_of_a_whole_library_says_which_document_answered(app):
    ask(app, "What does the table show about US imports from China in 2019?")
    captions = [c.value for c in app.chat_message[1].caption]
    assert any(
        c.startswith(":material/info: The question speaks of “the table” without saying which document")
        for c in captions
    ), captions
