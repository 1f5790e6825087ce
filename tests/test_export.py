"""Exports (Markdown, JSON) and the safe renderings of untrusted text."""

from __future__ import annotations

import json

from nearshore_qa.export import (
    FORMAT_ANSWER,
    FORMAT_CONVERSATION,
    answer_json,
    answer_markdown,
    conversation_json,
    conversation_markdown,
    escape_html,
    escape_markdown,
    file_stem,
    highlight_runs,
    passage_html,
    passage_markdown,
    safe_url,
)
from nearshore_qa.records import Answer, Citation, Figure

PASSAGE = "US goods trade with Mexico reached US$797.96 billion in 2023, according to the U.S. Census Bureau."
XSS = 'Trade <script>window.__xss=1</script> and <img src=x onerror="window.__xss=2"> grew.'


def _answer(**kw) -> Answer:
    start = PASSAGE.index("US$797.96")
    cit = Citation(
        marker=1,
        doc_id="articles/top.md",
        title="Mexico was the top partner",
        source="https://example.org/a",
        publisher="U.S. Census Bureau",
        published="2023-12-31",
        locator="§ A › paragraph 1",
        text=PASSAGE,
        highlights=[(0, len(PASSAGE)), (start, start + len("US$797.96 billion"))],
    )
    base = dict(
        question="What was US goods trade with Mexico in 2023?",
        answer=PASSAGE + " [1]",
        abstained=False,
        citations=[cit],
        figures=[Figure("US$797.96 billion", 797.96e9, "currency", 1, True), Figure("12%", 12.0, "percent", 1, False)],
        standalone_question="What was US goods trade with Mexico in 2023?",
    )
    base.update(kw)
    return Answer(**base)


def test_escape_markdown_neutralises_markup_math_and_links():
    out = escape_markdown("US$1 and US$2 **bold** [x](javascript:alert(1)) <b>hi</b> :red[x] # h")
    assert "\\$1" in out and "\\$2" in out
    assert "\\*\\*bold\\*\\*" in out
    assert "\\[x\\]" in out and "\\<b\\>" in out
    assert escape_markdown("# heading").startswith("\\#")
    assert escape_markdown("1. item").startswith("1\\.")
    assert escape_markdown("us_imports_from_china") == "us_imports_from_china"  # intraword stays readable
    assert escape_markdown("_em_") == "\\_em\\_"


def test_passage_html_escapes_every_piece_and_marks_spans():
    start = XSS.index("grew")
    html = passage_html(XSS, [(start, start + 4)])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert "<mark>grew</mark>" in html
    # The only tags are ours.
    import re

    assert set(re.findall(r"</?([a-z]+)", html)) <= {"div", "mark", "strong", "br"}


def test_highlight_spans_apply_on_raw_text_and_nest():
    text = "a < b & US$5 billion"
    start = text.index("US$")
    runs = highlight_runs(text, [(0, len(text)), (start, len(text))])
    assert runs == [("a < b & ", 1), ("US$5 billion", 2)]
    html = passage_html(text, [(0, len(text)), (start, len(text))])
    assert html.count("<mark>") == 2 and "<strong>US&#36;5 billion</strong>" in html
    assert "a &lt; b &amp; " in html
    assert passage_html("x\ny", []).count("<br>") == 1
    assert highlight_runs("abc", [(5, 9), (2, 1)]) == [("abc", 0)]  # out of range, empty: ignored


def test_escape_html_keeps_markdown_and_math_inert():
    assert escape_html("US$1 and US$2 *x* _y_ [z]") == "US&#36;1 and US&#36;2 &#42;x&#42; &#95;y&#95; &#91;z&#93;"


def test_safe_url_only_plain_http_links():
    assert safe_url("https://www.census.gov/x?y=1") == "https://www.census.gov/x?y=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://x.org/a) [b](c") is None
    assert safe_url("report.pdf") is None


def test_passage_markdown_bolds_highlights_outside_whitespace():
    out = passage_markdown("Trade was US$5 billion.", [(9, 23)])
    assert out == "Trade was **US\\$5 billion.**"
    assert passage_markdown("a b", [(1, 3)]) == "a **b**"


def test_answer_markdown_has_question_figures_sources_and_passage():
    ans = _answer(standalone_question="What was US goods trade with Mexico in 2023 for real?")
    md = answer_markdown(ans)
    assert md.startswith("## What was US goods trade with Mexico in 2023?")
    assert "Follow-up read as" in md
    assert "US\\$797.96 billion: ✅ verified in \\[1\\]" in md
    assert "12%: ⚠️ not verified" in md
    assert "**Mexico was the top partner** · U.S. Census Bureau · as of 2023-12-31 · <https://example.org/a>" in md
    assert "> **US goods trade" in md and "**US\\$797.96 billion**" in md
    assert "chars" not in md  # the human locator only (offsets stay in the JSON)


def test_markdown_source_line_separates_author_data_and_period_and_marks_own_documents():
    cit = Citation(
        marker=1,
        doc_id="articles/top.md",
        title="Top partner",
        source="top.md",
        publisher="nearshore-qa corpus",
        published="2026-11-26",
        locator="§ Totals › paragraph 2",
        text=PASSAGE,
        written="2026-11-26",
        period="2023",
        data_sources=[{"name": "U.S. Census Bureau", "url": "https://www.census.gov/", "vintage": "June 2024"}],
    )
    md = answer_markdown(Answer(question="q", answer="a [1]", abstained=False, citations=[cit]))
    assert (
        "**Top partner** · nearshore-qa corpus · written 2026-11-26 · data: U.S. Census Bureau, June 2024 · "
        "period 2023 · file `top.md` · § Totals › paragraph 2"
    ) in md
    pasted = Citation(
        marker=1,
        doc_id="pasted/my-note.md",
        title="My note",
        source="my-note.md",
        publisher="",
        published="",
        locator="paragraph 1",
        text="x",
        added_on="2026-11-30",
    )
    md = answer_markdown(Answer(question="q", answer="a [1]", abstained=False, citations=[pasted]))
    assert "**My note** · added by you on 2026-11-30 · paragraph 1" in md and "my-note.md" not in md


def test_answer_markdown_escapes_untrusted_text_and_shows_closest_when_abstaining():
    cit = Citation(
        marker=1,
        doc_id="x.md",
        title="<b>T</b>",
        source="x.md",
        publisher="",
        published="",
        locator="paragraph 1",
        text=XSS,
    )
    ans = Answer(question="Q <script>?", answer="The corpus does not say.", abstained=True, closest=[cit])
    md = answer_markdown(ans)
    import re

    assert not re.search(r"(?<!\\)<", md), "every < from the document is backslash-escaped"
    assert "\\<script\\>" in md and "\\<img" in md
    assert "Closest passages" in md and "file `x.md`" in md


def test_answer_json_round_trips_with_evidence():
    data = json.loads(answer_json(_answer()))
    assert data["format"] == FORMAT_ANSWER
    assert data["citations"][0]["text"] == PASSAGE
    assert data["citations"][0]["highlights"][1] == [PASSAGE.index("US$"), PASSAGE.index("US$") + 17]
    assert data["figures"][0]["verified"] is True and data["figures"][1]["verified"] is False


def test_conversation_exports_every_turn():
    turns = [_answer(), _answer(question="And with Canada?", standalone_question="What was trade with Canada?")]
    data = json.loads(conversation_json(turns))
    assert data["format"] == FORMAT_CONVERSATION and len(data["turns"]) == 2
    assert data["turns"][1]["standalone_question"] == "What was trade with Canada?"
    md = conversation_markdown(turns)
    assert md.startswith("# Nearshore QA conversation") and md.count("\n## ") == 2


def test_file_stem():
    assert file_stem("What was US–Mexico trade in 2023?") == "what-was-us-mexico-trade-in-2023"
    assert file_stem("???") == "answer"


def test_an_answer_asked_of_chosen_documents_says_so():
    md = answer_markdown(_answer(scope=["articles/mexico_top_partner.md"]))
    assert "*Asked of articles/mexico_top_partner.md only*" in md
    assert "Asked of" not in answer_markdown(_answer())
