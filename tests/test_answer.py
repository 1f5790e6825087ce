"""Answers from the test corpus: quoted, cited to the right document and place, figures verified;
abstention when the corpus does not say; follow-ups understood."""

from __future__ import annotations

import pytest
from helpers import EXPECTED_DOCS

ARTICLE_QUESTIONS = [
    # question, doc id, figure or phrase the answer must state, human locator prefix
    (
        "What was the US goods trade deficit with Mexico in 2024?",
        "articles/us-mexico-trade-2024.md",
        "US$171.81 billion",
        "§ The 2024 total › paragraph ",
    ),
    (
        "How many northbound commercial trucks crossed at Laredo in 2025?",
        "articles/texas-truck-crossings.txt",
        "2,945,393",
        "paragraph ",
    ),
    (
        "What was US-Mexico goods trade in August 2022 in the revised Census data?",
        "articles/mexico-led-us-trade-august-2022.html",
        "US$69.66 billion",
        "§ The revised figures › paragraph ",
    ),
    (
        "How much foreign direct investment did Nuevo León receive from 1999 to 2017?",
        "articles/nuevo-leon-investment.docx",
        "US$46.34 billion",
        "§ Foreign direct investment › paragraph ",
    ),
    (
        "When were written comments for the USMCA joint review hearing due?",
        "articles/usmca-joint-review.pdf",
        "3 November 2025",
        "page 2",
    ),
]


@pytest.mark.parametrize(
    "question,doc_id,stated,locator", ARTICLE_QUESTIONS, ids=[q[1].rsplit(".", 1)[1] for q in ARTICLE_QUESTIONS]
)
def test_article_question_is_answered_and_cited(loaded_library, question, doc_id, stated, locator):
    answer = loaded_library.ask(question)
    assert not answer.abstained, answer.answer
    assert stated in answer.answer
    first = answer.citations[0]
    assert first.marker == 1 and "[1]" in answer.answer
    assert first.doc_id == doc_id
    want = EXPECTED_DOCS[doc_id]
    assert (first.title, first.publisher, first.published, first.kind) == (
        want["title"],
        want["publisher"],
        want["published"],
        "article",
    )
    assert first.source == (want["url"] or doc_id.rsplit("/", 1)[1])
    assert first.locator.startswith(locator)
    assert stated in first.text
    # the citation opens at the right place of the stored document
    _, text, original = loaded_library.store.document(doc_id)
    assert text[first.start : first.end] == first.text
    assert original.is_file()
    # the quoted sentence is highlighted, and so is each verified figure
    highlighted = [first.text[a:b] for a, b in first.highlights]
    assert any(stated in h for h in highlighted)
    for fig in answer.figures:
        assert fig.verified, fig
        cited = answer.citations[fig.citation - 1]
        assert any(fig.text == cited.text[a:b] for a, b in cited.highlights), fig


def test_table_row_question_is_answered_and_cited_by_row(loaded_library):
    answer = loaded_library.ask("What were US exports to Jalisco in 2024?")
    assert not answer.abstained
    assert "11.42" in answer.answer and "Jalisco" in answer.answer and "2024" in answer.answer
    (cit,) = answer.citations
    assert cit.kind == "table"
    assert cit.doc_id == "tables/us_exports_to_mexican_states.csv"
    assert cit.title == "US exports to Mexican states, 2023-2024 (test extract)"
    assert cit.units == "Billions of US dollars" and cit.period == "2023-2024 (calendar years)"
    assert cit.row == 13  # 0-based: the 14th data row of the CSV
    assert cit.locator == "row Jalisco, 2024 · column US exports (US$ bn)"  # the 14th data row
    assert cit.column == "us_exports_usd_billions"
    assert cit.text.startswith("year: 2024; mexican_state: Jalisco;")
    assert [cit.text[a:b] for a, b in cit.highlights][0] == "us_exports_usd_billions: 11.42"
    # the cell stated in words with the sidecar's unit, not as a raw "column: value" row (issue 12)
    assert answer.answer == "In 2024, exports for Jalisco were US$11.42 billion. [1]"
    assert (cit.row_label, cit.column_label) == ("2024 Jalisco", "us_exports_usd_billions")
    assert [(f.text, f.verified, f.citation) for f in answer.figures] == [("US$11.42 billion", True, 1)]


def test_question_about_a_sheet_cites_that_sheet(loaded_library):
    answer = loaded_library.ask("How much trade went by rail in 2024?")
    assert not answer.abstained and "98.25" in answer.answer
    cit = answer.citations[0]
    assert (cit.doc_id, cit.kind, cit.table, cit.row) == ("tables/trade_by_transport_mode.xlsx", "table", "2024", 1)
    assert cit.locator.startswith("sheet 2024 · row ")
    # the sheet's name dates it: the cell is stated with its unit and the sheet's year
    assert answer.answer.startswith("Total trade for Rail was US$98.25 billion in 2024")
    assert any(f.text == "US$98.25 billion" and f.verified for f in answer.figures)
    assert "95.36" in loaded_library.ask("How much trade went by rail in 2023?").answer  # the 2023 sheet


@pytest.mark.parametrize(
    "question",
    [
        "What is the minimum wage in Guatemala?",
        "How many cattle were exported from Argentina to Brazil in 1995?",
    ],
)
def test_abstains_when_the_corpus_does_not_say(loaded_library, question):
    answer = loaded_library.ask(question)
    assert answer.abstained
    assert answer.citations == [] and answer.figures == []
    assert "does not say" in answer.answer
    assert not any(ch.isdigit() for ch in answer.answer.replace("1995", ""))  # states no figure
    assert answer.closest  # shown to the user as the nearest sources


def test_followup_with_history_uses_the_previous_question(loaded_library):
    first = loaded_library.ask("What were US exports to Jalisco in 2024?")
    follow = loaded_library.ask("And in 2023?", history=[first.standalone_question])
    assert follow.question == "And in 2023?"
    assert follow.standalone_question == "What were US exports to Jalisco in 2023?"
    assert not follow.abstained and "10.59" in follow.answer
    assert follow.citations[0].row == 6

    other = loaded_library.ask("What about Sonora?", history=[first.standalone_question, follow.standalone_question])
    assert other.standalone_question == "What were US exports to Sonora in 2023?"
    assert "9.35" in other.answer and "10.59" not in other.answer


def test_what_about_canada(loaded_library):
    first = loaded_library.ask("What was US goods trade with Mexico in 2024?")
    answer = loaded_library.ask("What about Canada?", history=[first.standalone_question])
    assert answer.standalone_question == "What was US goods trade with Canada in 2024?"
    assert "US$761.20 billion" in answer.answer
    assert any(f.text == "US$761.20 billion" and f.verified for f in answer.figures)


def test_empty_question_is_refused(loaded_library):
    with pytest.raises(ValueError):
        loaded_library.ask("   ")


def test_answer_json_has_the_documented_keys(loaded_library):
    data = loaded_library.ask("What was the US goods trade deficit with Mexico in 2024?").to_json()
    assert {"question", "answer", "abstained", "citations", "figures"} <= set(data)
    assert {"marker", "doc_id", "title", "source", "published", "locator", "text", "highlights"} <= set(
        data["citations"][0]
    )
    assert {"text", "value", "citation", "verified"} <= set(data["figures"][0])
    assert data["figures"][0]["value"] == pytest.approx(171.81e9)
