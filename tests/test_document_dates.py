"""Dates a document's record states: "when was this note written?" answered from the
document's own date, "when were its data downloaded?" from its data source's vintage, each cited
to the record; questions about a dated fact in the text are left to the sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.document_dates import date_question, readable_date, record_date_answer
from nearshore_qa.answerers.stated_types import with_stated_type
from nearshore_qa.ingest import load_file
from nearshore_qa.records import Answer
from nearshore_qa.text import abstention

DATA = Path(__file__).parent / "data"
CHINA = "dates/us-exports-to-china-by-product-2020-2024.md"


def hits(rel: str, first: str = ""):
    return hits_for(load_file(DATA / rel, rel, 50 * 2**20), first)


def test_when_a_note_was_written_is_answered_from_its_record_and_cited_to_it():
    question = "When was the note on US exports to China by product written?"
    before = Answer(question=question, answer=abstention(question), abstained=True)
    answer = with_stated_type(question, hits(CHINA), before)
    assert not answer.abstained
    assert answer.answer == (
        "“What the United States sells to China: soybeans, fuels, machinery and aircraft, 2020–2024” "
        "was written on 30 November 2026 [1]."
    )
    (citation,) = answer.citations
    assert citation.doc_id == CHINA and citation.locator == "document record"
    assert citation.text == "Written: 2026-11-30 by nearshore-qa dev set"
    assert citation.highlights == [] and (citation.start, citation.end) == (0, 0)  # no span of the text


def test_when_the_data_were_downloaded_is_the_data_sources_vintage():
    question = "When was the USITC DataWeb data used for US exports to China downloaded?"
    # the sentence the scorer chose names the data source but states no date: the record answers
    answer = record_date_answer(question, hits(CHINA, first="This note uses USITC"))
    assert answer is not None and not answer.abstained
    assert "were downloaded on 7 August 2025 [1]" in answer.answer
    assert "downloaded 2025-08-07" in answer.citations[0].text
    assert "(USITC) DataWeb" in answer.citations[0].text


def test_a_data_source_the_record_does_not_name_is_not_answered():
    assert record_date_answer("When were the Census Bureau data used for this note downloaded?", hits(CHINA)) is None


@pytest.mark.parametrize(
    "question",
    [
        "When was the IMMEX decree published?",  # a fact the text states, not the document's date
        "When did NAFTA take effect?",
        "When was the note on US imports from Japan written?",  # a document that was not retrieved
        "How much did the US export to China in 2024?",
    ],
)
def test_questions_the_record_does_not_answer(question):
    assert record_date_answer(question, hits(CHINA)) is None


def test_a_document_without_a_date_of_its_own_is_not_given_one():
    question = "When was the note on US exports to China by product written?"
    undated = [replace(h, doc=replace(h.doc, written="", published="")) for h in hits(CHINA)]
    assert record_date_answer(question, undated) is None
    # the day a user added it in the app is not when it was written
    added = [
        replace(h, doc=replace(h.doc, written="", published="2026-12-01", added_on="2026-12-01")) for h in hits(CHINA)
    ]
    assert record_date_answer(question, added) is None


def test_the_question_shape_and_the_date_as_a_person_writes_it():
    dq = date_question("When was this report published?")
    assert dq is not None and not dq.data
    dq = date_question("When were the figures in the note downloaded?")
    assert dq is not None and dq.data
    assert date_question("When was the bridge opened?") is None
    assert readable_date("downloaded 2025-08-07") == "7 August 2025"
    assert readable_date("May 2018") == "May 2018"
