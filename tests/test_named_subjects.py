"""A place, a crossing direction (and, for a ranking or a computation, a qualifier of its
measure) the question names must stand somewhere in every answer's cited documents: a
computation over China's months does not answer a question about Germany, nor a total of "the
six partners" one about Vietnam and two of them. The same questions about what the documents
do name are answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from nearshore_qa.answerers.coverage import unwritten_qualifiers
from nearshore_qa.places import named_in
from nearshore_qa.text import fold

DATA = Path(__file__).parent / "data" / "rankings"
CHINA = DATA / "us-imports-from-china-by-month-and-quarter-2018-2019.html"
SOUTH_AMERICA = DATA / "us-trade-with-south-america-2005-2010.md"


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory, embedder):
    from nearshore_qa import Settings
    from nearshore_qa.library import Library

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("named") / "store"), embedder=embedder)
    assert all(r.status == "added" for r in lib.add([CHINA, SOUTH_AMERICA]))
    yield lib
    lib.close()


def test_a_computation_over_another_countrys_rows_is_no_answer(two_documents):
    asked = two_documents.ask("How much did the United States import from Germany in the third quarter of 2019?")
    assert asked.abstained and asked.citations == []
    assert asked.closest  # the nearest sources are still listed
    named = two_documents.ask("How much did the United States import from China in the third quarter of 2019?")
    assert not named.abstained and "122,059.5" in named.answer


def test_a_group_total_does_not_answer_for_a_member_its_document_never_names(two_documents):
    asked = two_documents.ask("What did Vietnam, Brazil and Chile buy from the US altogether in 2010?")
    assert asked.abstained


@pytest.mark.parametrize(
    ("name", "text", "met"),
    [
        ("chinese", "US imports from China rose", True),  # an adjective met by its country
        ("mexico", "six central Mexican states", True),  # a country met by its adjective
        ("washington", "the United States lifted its tariffs", True),  # a capital by its country
        ("germany", "US imports from China rose", False),
    ],
)
def test_a_name_is_met_in_any_of_its_forms(name, text, met):
    assert named_in(name, fold(text)) is met


def test_a_ranking_of_another_measure_than_the_one_asked_is_no_answer(two_documents):
    # the note ranks goods imports; "services imports" is a measure it never writes
    asked = two_documents.ask("In which month of 2019 were US services imports from China lowest?")
    assert asked.abstained
    named = two_documents.ask("In which month of 2019 were US imports from China lowest?")
    assert not named.abstained and "2019" in named.answer


@pytest.mark.parametrize(
    ("question", "unwritten"),
    [
        ("Which port counted the second-most southbound bus crossings in 2016?", ["southbound"]),
        ("In which month of 2019 were US services imports from China lowest?", ["services"]),
        # a verb after "did", a determiner, a possessive, a number word and a time word are no qualifiers
        ("How much did American companies export to China in 2019?", []),
        ("What did the four countries spend on other goods in its weak years?", []),
        ("Where should one look for the company's notes payable?", []),
    ],
)
def test_a_qualifier_is_a_word_right_before_a_plural_the_documents_write(question, unwritten):
    written = "US imports of goods from China by month. Northbound bus crossings. Imports, goods, notes, years"
    assert unwritten_qualifiers(question, written) == unwritten


def test_a_crossing_direction_its_documents_never_count_is_no_answer(make_library):
    lib = make_library()
    trucks = Path(__file__).parents[1] / "corpus" / "tables" / "texas_northbound_commercial_trucks_by_port.csv"
    assert lib.add([trucks])[0].status == "added"
    # the row matches port, year and trucks; only the table's caption says which way they crossed
    assert lib.ask("How many trucks crossed southbound at the Hidalgo port of entry in 2022?").abstained
    assert not lib.ask("How many trucks crossed northbound at the Hidalgo port of entry in 2022?").abstained


@pytest.mark.parametrize(
    "question",
    [
        "How much did {us} import from Japan in March 2023?",  # a cell of a monthly table
        "Which of the six South American partners had the second-largest total trade with {us} in 2010?",  # a ranking
    ],
)
def test_the_reporter_may_be_named_in_any_of_its_words(make_library, question):
    lib = make_library()
    lib.add([DATA.parent / "monthly" / "us_imports_from_japan_by_month_2022_2023.md", SOUTH_AMERICA])
    answers = {us: lib.ask(question.format(us=us)) for us in ("the US", "the United States", "the U.S.", "America")}
    assert not any(a.abstained for a in answers.values()), {us: a.answer[:80] for us, a in answers.items()}
    figures = {tuple(f.text for f in a.figures[:1]) for a in answers.values()}
    assert len(figures) == 1  # the same figure, however the United States is written
