"""The extractive answerer reads a sentence with the one it continues, and answers a question
asking for a reason with the sentence that gives it rather than a table cell (TAT-QA excerpts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.extractive import ExtractiveAnswerer, QuestionProfile, continues
from nearshore_qa.ingest import load_file

DATA = Path(__file__).resolve().parent / "data" / "reading"


@pytest.fixture(scope="module")
def excerpts():
    return load_file(DATA / "tatqa_paragraphs.md", "tatqa_paragraphs.md", 2**20)


@pytest.fixture(scope="module")
def answerer(embedder, excerpts):
    return ExtractiveAnswerer(embedder, tables_for=lambda _doc_id: list(excerpts.data_tables))


@pytest.mark.parametrize(
    "sentence,leans",
    [
        ("These amounts are not included in the table above.", True),
        ("They are expected to grow again in fiscal 2020.", True),
        ("In addition, Film and Electrolytic net sales increased by $4.3 million.", True),
        ("It excludes the pre-closing debt financing costs.", True),
        ("The most significant components of these costs are personnel-related expenses.", True),
        ("See note K, “Financing Receivables,” for additional information.", True),
        ("Net sales of $1.4 billion in fiscal year 2019 increased 15.2%.", False),
        ("Itemized costs rose in 2019.", False),
        ("Total net sales rose this year.", False),
        ("Other costs, such as rent, rose in 2019.", False),
    ],
)
def test_a_sentence_leans_on_the_one_before_when_it_opens_with_an_anaphor_or_connective(sentence, leans):
    assert continues(sentence) is leans


def test_a_sentence_that_continues_the_one_before_is_quoted_with_it(answerer, excerpts):
    question = "Why is the amount of unfunded pension and postretirement benefit obligations not included in the table?"
    hits = hits_for(excerpts, "unfunded")
    answer = answerer(question, hits)
    assert not answer.abstained
    # "These amounts …" is quoted after the sentence that says which amounts, as one passage
    assert "totaling $131.7 million and $87.8 million, respectively. These amounts are not included" in answer.answer
    assert answer.answer.count("[1]") == 1 and len(answer.citations) == 1
    # the sentence after them does not lean on them and is a unit of its own
    units = answerer.units(QuestionProfile.of(question), hits)
    texts = [u.text for u in units]
    assert any(t.startswith("As of May 26, 2019") and t.endswith("such plans.") for t in texts)
    assert any(t.startswith("Based on current statutory requirements") for t in texts)


def test_a_question_asking_for_a_reason_is_answered_by_the_sentence_not_a_cell(answerer, excerpts):
    question = "What was the main reason for the change in total net sales between fiscal year 2018 and 2019?"
    answer = answerer(question, hits_for(excerpts, "Solid Capacitor"))
    assert not answer.abstained
    assert "primarily due to an increased in Solid Capacitor net sales $164.6 million" in answer.answer
    assert "computed from the two cells" not in answer.answer
