"""The means ("by mail", "by truck") and the month a figure question names must stand in the
evidence its answer cites; an answer quoting a passage about something else becomes an
abstention with the passages listed as the closest sources."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.cells import cell_answer_for
from nearshore_qa.answerers.slots import measured_words, slot_words, with_slots
from nearshore_qa.chunking import split_sentences
from nearshore_qa.citations import check_figures, citation_for
from nearshore_qa.ingest import load_file
from nearshore_qa.records import Answer
from nearshore_qa.text import abstention

DATA = Path(__file__).parent / "data"
CHINA = "dates/us-exports-to-china-by-product-2020-2024.md"
MODES = "rankings/us-mexico-trade-by-mode-2008-2012.md"


def load(rel: str):
    return load_file(DATA / rel, rel, 50 * 2**20)


def quoting(question: str, rel: str, phrase: str) -> tuple[Answer, list]:
    """The answer that quotes the sentence of ``rel`` holding ``phrase``, as the extractive answerer writes it."""
    hits = hits_for(load(rel), phrase)
    text = hits[0].chunk.text
    a, b = next((a, b) for a, b in split_sentences(text) if phrase in text[a:b])
    citation = citation_for(hits[0], 1, (a, b))
    said = f"{' '.join(text[a:b].split())} [1]"
    answer = Answer(question, said, False, [citation], check_figures(said, [citation]))
    return answer, hits


def test_a_sentence_that_never_names_the_asked_means_is_not_an_answer():
    question = "How much did the US export to China by air in 2024?"
    answer, hits = quoting(question, CHINA, "Mineral fuels (HS 27) came to")
    checked = with_slots(question, hits, answer)
    assert checked.abstained
    assert checked.answer == abstention(question)
    assert checked.citations == [] and checked.closest[0].doc_id == CHINA
    # asked as "What value of …" too: a figure question, however it opens
    worded = "What value of US exports to China moved by air in 2024?"
    assert with_slots(worded, hits, replace(answer, question=worded)).abstained


def test_a_cited_row_or_column_that_names_the_means_keeps_the_answer():
    question = "What were US exports to Mexico by truck in 2012?"
    doc = load(MODES)
    hits = hits_for(doc, "| Truck")
    answer = cell_answer_for(question, hits, lambda doc_id: list(doc.data_tables))
    assert answer is not None and not answer.abstained and "140.75" in answer.answer
    assert with_slots(question, hits, answer) is answer
    # the same cell for a means the table never names: abstain
    mail = "What were US exports to Mexico by mail in 2012?"
    assert with_slots(mail, hits, answer).abstained


def test_a_month_the_evidence_never_states_is_not_answered_by_the_years_figure():
    annual, hits = quoting(
        "What were US exports of mineral fuels to China in March 2024?", CHINA, "Mineral fuels (HS 27) came to"
    )
    assert with_slots(annual.question, hits, annual).abstained
    # a balance date written with its day is the year's figure in a table: not checked
    dated = "What were US exports of mineral fuels to China as of December 31, 2024?"
    assert not with_slots(dated, hits, annual).abstained
    # a question that does not ask for a figure is left alone ("which years … by type")
    listing = "Which years does the note give exports by type for?"
    assert with_slots(listing, hits, annual) is annual


@pytest.mark.parametrize(
    "question,slots",
    [
        ("How much US–Mexico trade went by mail in 2010?", {"mail"}),
        ("What share of US–Canada trade did trucks carry, by comparison?", set()),
        ("By how much did exports grow by 2024?", set()),
        ("What were US imports from Mexico via rail?", {"rail"}),
        ("What was the value of imports bought by Canada?", set()),  # a name: the answerer's name check
    ],
)
def test_the_means_a_question_names(question, slots):
    assert slot_words(question) == slots


def test_the_first_citation_must_name_the_means_not_a_later_one():
    """An answer citing the truck row first and the air row after it states the truck figure: the
    later citation's "Air" does not make it an answer about air freight."""
    question = "What were US exports to Mexico by air in 2012?"
    hits = hits_for(load(MODES), "| Truck")
    truck = next(h for h in hits if "| Truck" in h.chunk.text)
    air = next(h for h in hits if "| Air" in h.chunk.text)
    assert truck is not air
    cited = [citation_for(truck, 1), citation_for(air, 2)]
    said = "Truck exports were US$140.75 billion in 2012 [1]; air exports US$7.41 billion [2]."
    answer = Answer(question, said, False, cited, check_figures(said, cited))
    assert with_slots(question, hits, answer).abstained
    first_air = Answer(question, said, False, cited[::-1], check_figures(said, cited[::-1]))
    assert not with_slots(question, hits, first_air).abstained


def test_the_months_of_a_computation_may_stand_in_different_citations():
    """ "From March to April 2011": a change cites March's row and April's; each names its month."""
    question = "How much did US exports to Mexico by truck change from March to April 2012?"
    hits = hits_for(load(MODES), "| Truck")
    truck = next(h for h in hits if "| Truck" in h.chunk.text)
    march, april = (
        replace(citation_for(truck, 1), text="Truck, March 2012: 11.2"),
        replace(citation_for(truck, 2), text="Truck, April 2012: 11.9"),
    )
    said = "Truck exports rose from 11.2 [1] in March to 11.9 [2] in April 2012."
    answer = Answer(question, said, False, [march, april], check_figures(said, [march, april]))
    assert not with_slots(question, hits, answer).abstained
    assert with_slots(question, hits, replace(answer, citations=[march])).abstained  # April named nowhere


@pytest.mark.parametrize(
    "question",
    [
        "Which product was the largest US export to China by air in 2024?",  # a ranking
        "Which export to China grew fastest by air in 2024?",  # a name a figure picks out
        "How big were US exports to China by air in 2024?",  # a figure, asked without "how much"
        "Summed over every product, how much did the US ship to China by air in 2024?",
    ],
)
def test_a_ranking_or_a_figure_asked_in_other_words_is_held_to_its_means(question):
    answer, hits = quoting(question, CHINA, "Mineral fuels (HS 27) came to")
    assert with_slots(question, hits, answer).abstained


def test_a_period_asked_by_a_breakdown_is_not_held_to_it():
    # "by type" names the table's breakdown, not a means the figure must be of
    question = "Which years does the note give exports by type for?"
    answer, hits = quoting(question, CHINA, "Mineral fuels (HS 27) came to")
    assert with_slots(question, hits, answer) is answer


def test_what_how_much_measures_must_stand_in_the_evidence():
    # "crude oil" is what is measured: a sentence about all US exports to China does not state it
    question = "How much crude oil did the US export to China in 2024?"
    answer, hits = quoting(question, CHINA, "Mineral fuels (HS 27) came to")
    assert with_slots(question, hits, answer).abstained
    # a whole ("crude and other goods") or a code ("HS chapter 27 goods") is not held to its words
    for whole in (
        "How much fuel and other goods did the US export to China in 2024?",
        "How much HS chapter 27 goods did the US export to China in 2024?",
    ):
        asked = replace(answer, question=whole)
        assert with_slots(whole, hits, asked) is asked
    assert measured_words("How much foreign direct investment did Coahuila receive?") == [
        "foreign",
        "direct",
        "investment",
    ]
