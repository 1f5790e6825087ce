"""The Streamlit app through streamlit.testing (AppTest), on a temporary store seeded from a
tiny corpus (two short shipped articles and one small table), so seeding takes seconds."""

from __future__ import annotations

import re

import pytest
from helpers import REPO_ROOT, TINY_TABLE, make_tiny_corpus
from streamlit.testing.v1 import AppTest

APP = str(REPO_ROOT / "app.py")
TABLE = TINY_TABLE
CHAT, LOOKUP, LIBRARY, ADD = "💬 Chat", "🔎 Figure look-up", "📚 Library", "➕ Add articles"

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


def test_first_render_seeds_and_shows_the_sidebar(app):
    assert [m.value for m in app.metric] == ["3"]  # two articles and one table
    assert any(m.startswith("**Store:** ") for m in markdowns(app))
    assert any("**Answerer:** extractive" in m for m in markdowns(app))
    assert app.slider(key="k").value == 5
    assert app.info and "Ask a question" in app.info[0].value


def test_question_gets_a_cited_answer_with_highlighted_figures(app):
    ask(app, "What was US goods trade with Mexico in 2023?")
    texts = markdowns(app)
    assert any("US\\$797.96 billion" in t and "\\[1\\]" in t for t in texts), texts
    assert "Sources" in [c.value for c in app.caption]
    labels = [e.label for e in app.expander]
    assert labels and labels[0].startswith("\\[1\\] Mexico was the top US goods trading partner")
    passages = [t for t in texts if t.startswith('<div class="nsq-passage"')]
    assert passages and any("<mark>" in p and "US&#36;797.96 billion" in p for p in passages)
    assert any(t.startswith("U.S. Census Bureau · as of 2023-12-31 · [https://www.census.gov/") for t in texts)
    figures = [b.label for b in app.button if "verified" in b.label]
    assert "US\\$797.96 billion · ✅ verified \\[1\\]" in figures
    assert {b.label for b in app.get("download_button")} >= {"⬇ Markdown", "⬇ JSON",
                                                           "⬇ Conversation (Markdown)", "⬇ Conversation (JSON)"}


def test_follow_up_is_rewritten_and_the_rewrite_shown(app):
    ask(app, "What was US goods trade with Mexico in 2023?")
    ask(app, "And with Canada?")
    captions = [c.value for c in app.caption]
    assert "Follow-up read as: What was US goods trade with Canada in 2023?" in captions
    assert any("US\\$772.97 billion" in t for t in markdowns(app))
    assert len(app.chat_message) == 4


def test_table_citation_shows_the_table_with_units_and_period(app):
    ask(app, "What were US imports from China in 2019?")
    assert any("449110.7" in t for t in markdowns(app))
    assert len(app.dataframe) == 1
    frame = app.dataframe[0].value
    assert len(frame) == 11 and 2019 in frame["year"].tolist()
    assert any(c.value.startswith("Units: Millions of U.S. dollars") and "Period: 2015-2025" in c.value
               for c in app.caption)
    assert any("<mark>" in t and "449110.7" in t for t in markdowns(app))


def test_unanswerable_question_abstains_with_the_closest_passages(app):
    ask(app, "What is the population of Lyon in 1850?")
    assert any("The corpus does not say" in t for t in markdowns(app))
    assert "Closest passages (they do not answer the question)" in [c.value for c in app.caption]


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
        "Widget exports from Ohio to Mexico reached US$12.34 billion in 2024, according to the Widget Council.")
    app.button(key="FormSubmitter:paste-Add the text").click().run()
    assert not app.exception
    results = app.dataframe[-1].value
    assert results["Status"].tolist() == ["✅ added"] and results["File"].tolist() == ["Widget exports to Mexico"]
    go(app, CHAT)
    ask(app, "How much were widget exports from Ohio to Mexico in 2024?")
    assert any("US\\$12.34 billion" in t for t in markdowns(app))
    assert any(e.label.startswith("\\[1\\] Widget exports to Mexico") for e in app.expander)


def test_failed_paste_and_bad_upload_show_their_reasons(app):
    go(app, ADD)
    app.text_input(key="paste_title").input("Nothing here")
    app.button(key="FormSubmitter:paste-Add the text").click().run()
    assert any("**Nothing here** was not added: empty text" in w.value for w in app.warning)
    assert app.dataframe[-1].value["Reason"].tolist() == ["empty text"]
    uploader = app.get("file_uploader")[0]
    uploader.set_value([("broken.pdf", b"this is not a pdf", "application/pdf"),
                        ("trucks-note.md", b"# Truck note\n\nA truck note says 4,321 trucks crossed at Nogales "
                                           b"in March 2024.\n", "text/markdown")]).run()
    app.button(key="add-files").click().run()
    assert not app.exception, [e.value for e in app.exception]
    results = app.dataframe[-1].value
    assert dict(zip(results["File"], results["Status"])) == {"broken.pdf": "❌ failed", "trucks-note.md": "✅ added"}
    assert any("not a PDF file" in w.value for w in app.warning)
    go(app, CHAT)
    ask(app, "How many trucks crossed at Nogales in March 2024?")
    assert any("4,321 trucks" in t for t in markdowns(app))


def test_library_lists_filters_opens_and_removes(app):
    go(app, LIBRARY)
    listing = app.dataframe[0].value
    assert {"Title", "Kind", "Publisher", "Date", "Chunks", "Added at"} <= set(listing.columns)
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
    app.selectbox(key="lib_open").set_value(doc_id).run()
    body = next(t for t in markdowns(app) if t.startswith('<div class="nsq-passage"'))
    assert "&lt;script&gt;" in body and "<script>" not in body and "<b>" not in body
    app.button(key="rm").click().run()
    assert app.warning and app.warning[0].value.startswith("Remove “Markup note”?")
    app.button(key="rm-yes").click().run()
    assert any(s.value == "Removed “Markup note”." for s in app.success)
    assert doc_id not in app.dataframe[0].value["ID"].tolist()


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
    assert app.dataframe[-1].value["Status"].tolist() == ["❌ failed"]
