"""The fitted answer scorer: the shipped weights load and rank real candidates of the test corpus;
answer types and entity focus read from the question's and the candidate's structure."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nearshore_qa.answerers.extractive import QuestionProfile
from nearshore_qa.answerers.scoring import (
    FEATURES,
    SCORER_PATH,
    FittedScorer,
    asked_type,
    entity_focus,
    shipped_scorer,
    states_purpose,
    states_superlative,
    superlative_asked,
)
from nearshore_qa.figures import find_figures


def test_the_shipped_scorer_loads_with_a_weight_for_every_feature():
    data = json.loads(SCORER_PATH.read_text(encoding="utf-8"))
    scorer = shipped_scorer()
    assert data["features"] == list(FEATURES) and scorer.weights.shape == (len(FEATURES),)
    assert np.all(np.isfinite(scorer.weights)) and 0.0 < scorer.threshold < 1.0
    # trained, not the hand-set bootstrap: the file says on what and how it was checked
    assert data["trained_on"]["pairs"] > 1000 and data["cross_validation"]["folds"] >= 2


def test_a_scorer_file_with_an_unknown_feature_is_refused(tmp_path):
    data = json.loads(SCORER_PATH.read_text(encoding="utf-8"))
    data["features"].append("colour")
    data["weights"]["colour"] = 1.0
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        FittedScorer.load(path)


@pytest.mark.parametrize(
    "question,place,stated",
    [
        ("How many northbound commercial trucks crossed at Eagle Pass in 2025?", "Eagle Pass", "368,986"),
        ("How many northbound trucks did Laredo handle in 2025?", "Laredo", "2,945,393"),
    ],
)
def test_the_sentence_about_the_asked_place_ranks_above_the_others(loaded_library, question, place, stated):
    """Several ports share the passage; the one the question names wins over the others and the
    Texas total, with a probability above the abstention threshold."""
    answerer = loaded_library.answerer
    hits = loaded_library.retriever.search(question, 5)
    profile = QuestionProfile.of(question)
    units = answerer.units(profile, hits)
    answerer.score(profile, units)
    ranked = sorted(units, key=lambda u: -u.score)
    assert stated in ranked[0].text and place in ranked[0].text
    assert ranked[0].score >= answerer.min_score
    others = [u for u in units if "trucks" in u.text and stated not in u.text and find_figures(u.text)]
    assert others and all(u.score < ranked[0].score for u in others)
    answer = loaded_library.ask(question)
    assert not answer.abstained and stated in answer.answer


@pytest.mark.parametrize(
    "question,kind",
    [
        ("What share of the trucks crossed at Laredo?", "percent"),
        ("What portion of the five's purchases went to Egypt in 2021?", "percent"),
        ("What fraction of the trucks crossed at Laredo?", "percent"),
        ("How many railcars entered Texas in 2025?", "count"),
        ("How much did Mexico export to the US in 2024?", "amount"),
        ("When were written comments due?", "date"),
        ("In what year did the USMCA enter into force?", "year"),
        ("How large was the deficit with Mexico in 2023?", "amount"),
        ("Which country was the largest US trading partner in 2023?", "name"),
        # "which …" asks a name whatever figure it ranks by, unless it asks which year or date
        ("Which of the five ports lost the largest share of its car traffic between 2008 and 2011?", "name"),
        ("Which port counted the most trucks in 2024?", "name"),
        ("Which year had the most trucks at Laredo?", "year"),
        ("Why did the deficit widen?", "reason"),
        ("What was the main reason for the rise in exports to Mexico?", "reason"),
        ("What is the rationale for the projection for rail freight in 2026?", "reason"),
        ("How is the trade balance calculated?", "definition"),
        ("Tell me about nearshoring.", ""),
    ],
)
def test_what_a_question_asks_for(question, kind):
    assert asked_type(question) == kind


def test_entity_focus_reads_whose_figure_a_clause_states():
    text = "Laredo handled 2,945,393 trucks in 2025, while Eagle Pass handled 368,986."
    figures = find_figures(text)
    assert entity_focus({"laredo"}, text, figures, set(), False).at_figure
    other = entity_focus({"hidalgo"}, text, figures, set(), False)
    assert other.other_at_figure and not other.at_figure and other.in_sentence == 0.0
    total = "CBP counted 5,417,393 northbound trucks in total at Texas ports in 2025."
    assert entity_focus({"laredo"}, total, find_figures(total), set(), False).total_not_name
    assert entity_focus(set(), text, figures, set(), False).in_sentence == 0.0  # no name asked: no focus


def test_title_case_words_are_not_names_but_runs_of_capitals_are():
    """A lone capitalised word the passages write in lower case ("Fiscal", "Company") does not
    have to be found for a sentence to answer; a multi-word name ("World Trade Bridge") does."""
    from nearshore_qa.answerers.extractive import proper_names

    passages = ["In fiscal 2019 the company hired 1,620 staff.", "Trucks crossed the world trade bridge daily."]
    question = "How many employees did the Company hire in Fiscal year 2019?"
    assert proper_names(question, QuestionProfile.of(question).names, passages) == set()
    question = "What was the truck wait time at the World Trade Bridge?"
    assert proper_names(question, QuestionProfile.of(question).names, passages) == {"world", "trade", "bridge"}
    question = "How many trucks crossed at Laredo?"
    assert proper_names(question, QuestionProfile.of(question).names, passages) == {"laredo"}


def test_a_sentence_without_a_year_answers_for_the_year_its_passage_states(embedder):
    """A sentence without a year ("Egg products accounted for 3 % of net sales.") in a passage
    about fiscal 2019 answers a question about 2019; a sentence stating another year does not."""
    from helpers import hit

    from nearshore_qa.answerers import make_answerer

    answerer = make_answerer("extractive", embedder=embedder)
    passage = (
        "Net sales for fiscal 2019 were $1.5 billion, up from the prior year. "
        "Egg products accounted for approximately 3% of our net sales. "
        "In 2017 egg products accounted for 5% of our net sales."
    )
    question = "What percentage of net sales did egg products account for in 2019?"
    answer = answerer(question, [hit(1, passage, "Annual report")])
    assert not answer.abstained and "approximately 3%" in answer.answer and "5%" not in answer.answer
    row = answerer.features(
        QuestionProfile.of(question), answerer.units(QuestionProfile.of(question), [hit(1, passage)])
    )
    assert row[1, FEATURES.index("year_from_passage")] == 1.0 and row[2, FEATURES.index("year_missing")] == 1.0


def test_a_definition_stated_with_define_as_is_a_definition():
    from nearshore_qa.answerers.scoring import DEFINITION, stated_types

    text = "We define ROIC as tax-effected operating income divided by average invested capital."
    assert DEFINITION in stated_types(text, find_figures(text), False, set())
    assert asked_type("How does the company define ROIC?") == DEFINITION


@pytest.mark.parametrize(
    "text,states_amount",
    [
        ("Capitalized stock-based compensation cost was not material at December 31, 2019, 2018 and 2017.", True),
        ("The effect of the change on prior periods was immaterial.", True),
        ("No shares were issued in 2019; none remain authorised.", True),
        ("Capitalized stock-based compensation cost is recognised over the vesting period.", False),
    ],
)
def test_a_quantity_stated_as_nil_or_immaterial_is_an_amount(text, states_amount, embedder):
    from helpers import hit

    from nearshore_qa.answerers.extractive import ExtractiveAnswerer
    from nearshore_qa.answerers.scoring import AMOUNT, COUNT, stated_types

    assert ({AMOUNT, COUNT} <= stated_types(text, find_figures(text), False, set())) is states_amount
    # asked "the amount of …", the sentence saying it was not material states what was asked
    if states_amount and "Capitalized" in text:
        question = "What was the amount of capitalized stock-based compensation cost in December 31, 2019?"
        profile = QuestionProfile.of(question)
        answerer = ExtractiveAnswerer(embedder)
        units = answerer.units(profile, [hit(1, text)])
        X = answerer.features(profile, units)
        assert X[0, FEATURES.index("type_match")] == 1.0 and X[0, FEATURES.index("type_missing")] == 0.0


def test_a_scoped_threshold_outside_zero_to_one_is_refused(tmp_path):
    data = json.loads(SCORER_PATH.read_text(encoding="utf-8"))
    data["scoped_threshold"] = 1.5
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="scoped_threshold"):
        FittedScorer.load(path)


def test_asked_of_chosen_documents_the_answerer_abstains_by_their_own_threshold(embedder):
    """The same candidate, the same probability: below the whole-library threshold it is an
    abstention, above the chosen-documents threshold an answer (``ExtractiveAnswerer.within``)."""
    from dataclasses import replace
    from pathlib import Path

    from nearshore_qa.answerers.extractive import ExtractiveAnswerer
    from nearshore_qa.chunking import chunk_document
    from nearshore_qa.ingest import load_file
    from nearshore_qa.records import Hit

    rel = "stated/china-imports-note.md"
    doc = load_file(Path(__file__).parent / "data" / rel, rel, 50 * 2**20)
    hits = [Hit(chunk=c, doc=doc.meta, score=1.0) for c in chunk_document(doc) if not c.in_table]
    question = "Why did US imports from China fall in 2019?"
    probe = ExtractiveAnswerer(embedder, min_score=0.0)(question, hits)
    assert not probe.abstained and "tariff rounds" in probe.answer
    p = probe.confidence
    scorer = replace(shipped_scorer(), threshold=min(1.0, p + 0.01), scoped_threshold=max(0.0, p - 0.01))
    answerer = ExtractiveAnswerer(embedder, scorer=scorer)
    assert answerer(question, hits).abstained
    scoped = answerer.within(frozenset({rel}))(question, hits)
    assert not scoped.abstained and "tariff rounds" in scoped.answer
    assert scorer.to_json()["scoped_threshold"] == round(max(0.0, p - 0.01), 4)


@pytest.mark.parametrize(
    "text,says",
    [
        ("The Juárez-Lincoln bridge was the busiest for private cars", True),
        ("Italy was the partner with which the United States ran its widest gap", True),
        ("Mexico became the second-largest supplier", True),
        ("the most valuable export", True),
        # a superlative as an adverb after the verb it grades
        ("pipeline imports grew fastest of all", True),
        ("exports rose most in 2018", True),
        ("it sold most of its output abroad", False),
        # -est words that are no superlatives, and a comparison said with a verb
        ("the interest rate on the loan", False),
        ("trucks bound for the west coast", False),
        ("in 2008 Honduras overtook it", False),
    ],
)
def test_a_superlative_is_read_from_the_words_that_say_one_ranks_first(text, says):
    assert states_superlative(text) is says


@pytest.mark.parametrize(
    "question,end",
    [
        ("Which mode saw imports grow the fastest between 2016 and 2018?", "max"),
        ("With which partner was the gap narrowest?", "min"),
        ("Which port had its slowest year?", "min"),
        # "-est" words that ask for a time, and words that are no superlatives
        ("What is the latest figure for exports?", ""),
        ("What interest rate applied in the west?", ""),
    ],
)
def test_the_end_of_a_ranking_a_question_asks_for(question, end):
    assert superlative_asked(question) == end


@pytest.mark.parametrize(
    "sentence, cause",
    [
        ("Net income was impacted in fiscal 2019 and 2018 by the effects of the U.S. Tax Cuts and Jobs Act.", True),
        ("The decline was due to the combined effects of lower prices and volumes.", True),
        # what a figure is adjusted for is how it is computed, not why it moved
        (
            "In determining net cash provided by operating activities, net loss is adjusted for the effects of "
            "certain non-cash items, which may be analyzed in detail as follows:",
            False,
        ),
    ],
)
def test_effects_give_a_cause_only_when_something_is_due_to_them(sentence, cause):
    from nearshore_qa.answerers.scoring import states_cause

    assert states_cause(sentence) is cause


def test_a_passive_why_is_answered_by_what_the_thing_is_done_for():
    """ "Why are interest rate swaps entered into with different counterparties?" asks a purpose:
    the question's verb, then an infinitive of purpose (real TAT-QA dev sentence)."""
    question = "Why are interest rate swaps entered into with different counterparties?"
    said = (
        "In addition, to the extent possible and practical, interest rate swaps are entered into with "
        "different counterparties to reduce concentration risk."
    )
    assert states_purpose(question, said)
    assert not states_purpose(question, "Interest rate swaps were entered into to the extent of $5 million.")
    assert not states_purpose(question, "The swaps rose to $987 million in 2019.")
    assert not states_purpose("Why did revenue increase in 2019?", "Revenue increased to meet demand.")
