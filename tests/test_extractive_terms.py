"""The term overlap of the extractive answerer reads what a candidate states, not only its
words: a figure written with a percent sign holds the question's "percentage" (a TAT-QA report's
Compensation NAV paragraphs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.extractive import ExtractiveAnswerer, QuestionProfile, stated_terms
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
