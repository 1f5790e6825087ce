"""Date and definition questions: the sentence of the top passages stating the asked kind about
the question's subject answers instead of an abstention; a question about something the
passages do not state still abstains."""

from __future__ import annotations

from pathlib import Path

import pytest

from nearshore_qa.answerers.stated_types import asked_kind, with_stated_type
from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_file
from nearshore_qa.records import Answer, Hit
from nearshore_qa.text import abstention

DATA = Path(__file__).parent / "data"
REL = "rankings/bts-series-notes.md"


def hits() -> list[Hit]:
    doc = load_file(DATA / REL, REL, 50 * 2**20)
    return [Hit(chunk=c, doc=doc.meta, score=1.0) for c in chunk_document(doc)]


def abstained(question: str) -> Answer:
    return Answer(question=question, answer=abstention(question), abstained=True)


@pytest.mark.parametrize(
    "question,kind",
    [
        ("When did CBP split Ysleta from El Paso?", "date"),
        ("In what year did the programme start?", "year"),
        ("On what date did NAFTA take effect?", "date"),
        ("Which transport modes does the BTS state-of-destination series cover?", "definition"),
        ("What is the IMMEX programme?", "definition"),
        ("How much did the US export to Mexico in 2024?", ""),
        # a period named: a figure of that period is asked, not what a thing is
        ("What was the weight of US exports to Canada by truck in March 2020?", ""),
        ("What does the table show?", "table"),
        ("What financial information does the table show?", "table"),
    ],
)
def test_the_asked_kind_is_read_from_the_question(question, kind):
    assert asked_kind(question) == kind


def test_a_date_question_is_answered_by_the_sentence_stating_the_date():
    question = "When did CBP split the Ysleta port out of El Paso in the BTS data?"
    answer = with_stated_type(question, hits(), abstained(question))
    assert not answer.abstained
    assert "in March 2020" in answer.answer and answer.answer.endswith("[1]")
    cited = answer.citations[0]
    a, b = cited.highlights[0]
    assert "March 2020" in cited.text[a:b]


@pytest.mark.parametrize(
    "question",
    [
        "Which transport modes do the BTS state-level figures cover?",
        # the series is named in the sentence before the one saying what it covers
        "Which transport modes does the BTS state-of-destination series cover?",
    ],
)
def test_a_definition_question_is_answered_by_the_sentence_delimiting_the_subject(question):
    answer = with_stated_type(question, hits(), abstained(question))
    assert not answer.abstained
    assert answer.answer.startswith("The state-level figures used here cover surface shipments only")


@pytest.mark.parametrize(
    "question",
    [
        "When did CBP open a new truck lane at Ysleta?",  # Ysleta is named, the opening is not
        "When will BTS publish the 2026 state-of-destination figures?",
        "Which ports does the Laredo district cover?",
    ],
)
def test_a_question_the_passages_do_not_answer_still_abstains(question):
    assert with_stated_type(question, hits(), abstained(question)).abstained


def test_an_answer_that_already_states_a_date_is_kept():
    question = "When did CBP split Ysleta from El Paso?"
    kept = Answer(question=question, answer="It happened in April 2021. [1]", abstained=False)
    assert with_stated_type(question, hits(), kept) is kept


def test_a_quoted_answer_without_a_date_is_kept_when_asks_for_a_condition():
    question = "When are tax losses not recognised?"
    kept = Answer(
        question=question, answer="Losses are recognised only where recovery is probable. [1]", abstained=False
    )
    assert with_stated_type(question, hits(), kept) is kept


def test_what_the_table_shows_is_read_where_its_document_introduces_it():
    """A question with no content words retrieves the table's rows, not the prose that says what
    the table is; the sentence introducing the table (here after it, without a colon) answers."""
    rel = "stated/china-imports-note.md"
    doc = load_file(DATA / rel, rel, 50 * 2**20)
    chunks = chunk_document(doc)
    rows = [Hit(chunk=c, doc=doc.meta, score=1.0) for c in chunks if c.in_table]
    assert rows and len(rows) < len(chunks)
    question = "What does the table show?"
    assert with_stated_type(question, rows, abstained(question)).abstained  # the rows alone say nothing
    answer = with_stated_type(question, rows, abstained(question), lambda doc_id: chunks)
    assert not answer.abstained
    assert answer.answer == "The following table shows US goods imports from China by year, on the Census basis. [1]"
    assert answer.citations[0].doc_id == rel
