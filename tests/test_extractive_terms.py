"""The term overlap of the extractive answerer reads what a candidate states, not only its
words: a figure written with a percent sign holds the question's "percentage" (a TAT-QA report's
Compensation NAV paragraphs), and a report speaking in the first person ("We had …") speaks of
the subject a question calls "the company's" (two TAT-QA reports' tax notes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hit, hits_for

from nearshore_qa.answerers.extractive import ExtractiveAnswerer, QuestionProfile, own_subject, stated_terms
from nearshore_qa.answerers.scoring import FEATURES
from nearshore_qa.ingest import load_file
from nearshore_qa.text import term_stems

DATA = Path(__file__).resolve().parent / "data" / "reading"


@pytest.mark.parametrize(
    "text,holds",
    [
        ("Compensation NAV declined by 26.1%, resulting primarily from external events.", True),
        ("The hurdle rate has consistently been set at 7 %.", True),
        ("Net sales grew 4 percent.", True),
        ("The total reduction recognized in 2019 was $0.8 million.", False),
        ("Revenue rose; see the % column of the table.", False),  # a sign without a figure states no share
    ],
)
def test_a_figure_with_a_percent_sign_holds_the_term_percentage(text, holds):
    (percentage,) = stated_terms("percentage")
    assert (percentage in stated_terms(text)) is holds
    # the words themselves still count as they did
    assert set(term_stems("declined")) <= stated_terms("Compensation NAV declined by 26.1%")


@pytest.fixture(scope="module")
def nav():
    return load_file(DATA / "tatqa_compensation_nav.md", "tatqa_compensation_nav.md", 2**20)


def test_a_percentage_question_is_answered_by_the_sentence_stating_the_percent_figure(embedder, nav):
    question = "What was the percentage decrease in NAV in 2019?"
    answerer = ExtractiveAnswerer(embedder)
    hits = hits_for(nav, "declined by 26.1%")
    profile = QuestionProfile.of(question)
    units = answerer.units(profile, hits)
    X = answerer.features(profile, units)
    overlap = FEATURES.index("overlap")
    stated = next(i for i, u in enumerate(units) if "26.1%" in u.text)
    reduction = next(i for i, u in enumerate(units) if u.text.startswith("The total reduction"))
    # every sentence names NAV; the one stating a percent figure holds "percentage" too
    assert X[stated, overlap] > X[reduction, overlap]
    # asked of the whole library (its threshold), the sentence answers rather than an abstention
    answer = answerer(question, hits)
    assert not answer.abstained
    assert "declined by 26.1%" in answer.answer


@pytest.mark.parametrize(
    "question,subject",
    [
        ("What was the company's accrued interest and penalties in 2019?", {"compani"}),
        ("What was the Group’s revenue in 2019?", {"group"}),
        ("What was the accrued interest in 2019?", set()),
        ("How much did Mexico's exports grow?", set()),  # a name taking a possessive is no "the X's"
    ],
)
def test_the_subject_a_question_calls_the_xs(question, subject):
    assert own_subject(question) == subject


def test_a_first_person_sentence_speaks_of_the_company_the_question_names(embedder):
    question = "What was the company's accrued interest and penalties in 2019?"
    ours = hit(
        1,
        "In accordance with our accounting policy, we recognize accrued interest and penalties related to "
        "unrecognized tax benefits as a component of tax expense. We had $3.0 million and $1.2 million of "
        "accrued interest and penalties at December 31, 2019 and 2018, respectively.",
    )
    theirs = hit(
        2,
        "As of April 30, 2019, and 2018, the Company had $64,000 and $10,000, respectively, accrued for the "
        "payment of interest and penalties.",
    )
    answerer = ExtractiveAnswerer(embedder)
    profile = QuestionProfile.of(question)
    units = answerer.units(profile, [ours, theirs])
    X = answerer.features(profile, units)
    overlap = FEATURES.index("overlap")
    we_had = next(i for i, u in enumerate(units) if u.text.startswith("We had"))
    company_had = next(i for i, u in enumerate(units) if "the Company had" in u.text)
    # "We had …" holds every term of the question as "the Company had …" does
    assert X[we_had, overlap] == pytest.approx(X[company_had, overlap]) == pytest.approx(1.0)
    # so the report retrieved first answers, not the one retrieved below it
    answer = answerer(question, [ours, theirs])
    assert not answer.abstained
    assert answer.answer.startswith("We had $3.0 million")
    # "US" is the United States, not the first person
    us = hit(3, "The US had $3.0 million of accrued interest and penalties at December 31, 2019.")
    (unit,) = answerer.units(profile, [us])
    assert answerer.features(profile, [unit])[0, overlap] < 1.0
