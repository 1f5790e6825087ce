"""Reading new documents the way they are written (tests/data/gulf, written for these tests
from Census and CBP figures, after fresh16's and fresh17's dev documents): a Markdown table under a
wrapped paragraph is captioned by its heading, not by the paragraph's last line, and the year over
its label column dates it; a sentence about another partner gives way to its passage's sentence
about the asked one; a measured phrase ends where a phrase about it begins; "which was the first
month …" is answered by a month; a year's figure does not outrank a month's cell; a caption's source
note is not its title; a sentence speaks of the years of the last dated sentence before it when it
states none but bases of a change; a qualifier the documents deny is not answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.extractive import ExtractiveAnswerer
from nearshore_qa.ingest import load_file
from nearshore_qa.tables import parse_markdown_tables

DATA = Path(__file__).resolve().parent / "data" / "gulf"


def _load(name: str):
    return load_file(DATA / name, name, 2**20)


@pytest.fixture(scope="module")
def gulf():
    return _load("gulf-five-2019-2023.md")


@pytest.fixture(scope="module")
def monthly():
    return _load("china-monthly-2020-2021.html")


@pytest.fixture(scope="module")
def annual():
    return _load("china-annual-2021.md")


def _answerer(embedder, *docs):
    tables = {d.meta.doc_id: list(d.data_tables) for d in docs}
    return ExtractiveAnswerer(embedder, tables_for=lambda doc_id: tables.get(doc_id, []))


def test_a_table_under_a_wrapped_paragraph_is_captioned_by_its_heading_and_dated_by_its_corner():
    table = parse_markdown_tables((DATA / "gulf-five-2019-2023.md").read_text())[0]
    # not "only 0.9 percent of US imports in both years.", which made every cell a percentage
    assert table.caption == "The five together"
    assert not table.unit.percent and table.unit.scale == "million"
    assert table.period is not None and table.period.year == 2021 and table.period.text == "2021"


def test_a_paragraph_introducing_a_table_captions_it_whole():
    text = (Path(__file__).resolve().parent / "data" / "retrieval" / "credit-risk-uk.md").read_text()
    assert parse_markdown_tables(text)[0].caption == (
        "The maximum exposure to credit risk for trade receivables at the reporting date by geographic region was:"
    )


def test_a_cell_of_a_table_dated_by_its_corner_answers_its_year_only(embedder, gulf):
    answerer = _answerer(embedder, gulf)
    hits = hits_for(gulf, "| United Arab Emirates")
    said = answerer("What were US goods exports to the United Arab Emirates in 2021?", hits)
    assert "US$17,051.1 million in 2021" in said.answer
    assert answerer("What were US goods exports to the United Arab Emirates in 2018?", hits).abstained


def test_a_sentence_about_another_partner_gives_way_to_the_asked_ones(embedder, gulf):
    answer = _answerer(embedder, gulf)(
        "What was the value of US goods sold to Qatar in 2023?", hits_for(gulf, "Kuwait")
    )
    assert not answer.abstained
    assert answer.answer.startswith("American sales to Qatar") and "US$4,655.1 million in 2023" in answer.answer


def test_what_is_measured_ends_where_a_phrase_about_it_begins(embedder, gulf):
    question = "How much goods trade in both directions did the US and Oman do in 2020?"
    answer = _answerer(embedder, gulf)(question, hits_for(gulf, "Oman"))
    assert "US$1,943.2 million in 2020" in answer.answer


def test_a_ranking_said_as_coming_first_answers_which_bought_the_most(embedder, gulf):
    question = "Which of the five Gulf states bought the most American goods in every year from 2019 to 2023?"
    answer = _answerer(embedder, gulf)(question, hits_for(gulf, "Kuwait"))
    assert answer.answer.startswith("No other of the five bought as many American goods as the United Arab Emirates")


@pytest.mark.parametrize(
    "question, month",
    [
        ("In 2021, which was the one month when imports from China came in below the same month of 2020?", "July"),
        ("What was the only month of 2021 when imports from China fell short of the same month of 2020?", "July"),
    ],
)
def test_which_was_the_month_is_answered_by_a_sentence_naming_one(embedder, monthly, question, month):
    answer = _answerer(embedder, monthly)(question, hits_for(monthly, "In 2021"))
    assert answer.answer.startswith(month)


def test_a_month_typed_in_lower_case_is_read_in_the_monthly_table_not_the_years_sentence(embedder, monthly, annual):
    hits = hits_for(annual, "rebounded") + hits_for(monthly, "| May")
    answer = _answerer(embedder, monthly, annual)("china imports into the us may 2021", hits)
    # the caption, without its source note, says what a month row under a year column counts
    assert answer.answer.startswith("US imports of goods from China were US$38,486.5 million in May 2021")


@pytest.fixture(scope="module")
def china_2011():
    return _load("china-2011-2012.html")


def test_a_sentence_whose_only_year_is_a_base_speaks_of_the_year_before_it(embedder):
    nordic = _load("nordic-2022.md")
    answer = _answerer(embedder, nordic)(
        "What was the value of US goods exports to Finland in 2022?", hits_for(nordic, "Finland")
    )
    # "… to US$2,649.2 million, … up from US$4,926.1 million in 2020" follows "… its best year in 2022."
    assert "US$2,649.2 million" in answer.answer


def test_a_yearless_sentence_speaks_of_the_years_of_the_sentence_before_it(embedder):
    valley = _load("valley-ports-2008-2011.md")
    answerer = _answerer(embedder, valley)
    hits = hits_for(valley, "Roma")
    # "Roma went from … to …" follows a sentence of 2008 and 2011; 2010 is another sentence's
    assert answerer("How many pedestrians crossed north at Roma in 2010?", hits).abstained
    assert "300,148 pedestrians" in answerer("How many pedestrians crossed north at Roma in 2008?", hits).answer


def test_which_month_of_a_named_year_is_answered_by_a_month(embedder, china_2011, monthly):
    # ranked below another report's passages, the sentence is a weak quote: its month, with the
    # year the question names, is still the date asked for
    hits = hits_for(monthly, "In 2021")[:2] + hits_for(china_2011, "narrowest")[:3]
    answer = _answerer(embedder, china_2011, monthly)(
        "Which month of 2011 had the smallest US goods deficit with China?", hits
    )
    assert answer.answer.startswith("The monthly deficit was narrowest in March")


def test_a_column_naming_its_flow_and_year_states_that_flow(embedder, china_2011):
    answer = _answerer(embedder, china_2011)(
        "What were US imports from China in May 2012?", hits_for(china_2011, "| May")
    )
    assert answer.answer.startswith("Imports were US$34,937.8 million in May 2012")


def test_a_qualifier_the_documents_deny_is_not_answered(embedder, china_2011):
    question = "What were seasonally adjusted US imports from China in May 2012?"
    assert _answerer(embedder, china_2011)(question, hits_for(china_2011, "| May")).abstained


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("… counted 531,128 railcars, 1.0 percent fewer than in 2022", ["2022"]),
        ("… reached US$8,706.8 million, up from US$4,926.1 million in 2020", ["2020"]),
        ("… US$536,135.7 million, 6.5 percent more than the US$503,492.8 million of 2011", ["2011"]),
        ("… a fourth quarter 55.2 percent above that of 2018", ["2018"]),
        ("… rose from US$1.2 billion in 2019 to US$1.5 billion in 2023", []),  # a change's ends, not a base
    ],
)
def test_the_years_a_sentence_compares_with(sentence, years):
    from nearshore_qa.answerers.extractive import compared_years

    assert compared_years(sentence) == years


@pytest.fixture(scope="module")
def southeast_asia():
    return _load("southeast-asia-2002-2006.md")


def test_the_header_over_the_label_column_says_what_the_table_measures(embedder, southeast_asia):
    answerer = _answerer(embedder, southeast_asia)
    hits = hits_for(southeast_asia, "| Malaysia")
    # "| US imports (US$ million) | 2002 | …": a table of imports answers imports, in its words …
    imports = answerer("What were US imports from Malaysia in 2005?", hits)
    assert imports.answer.startswith("US imports for Malaysia were US$33,685.2 million in 2005")
    # … and not the deficit, which its passage states
    deficit = answerer("What was the US goods trade deficit with Malaysia in 2005?", hits)
    assert "US$33,685.2" not in deficit.answer and "US$23,224.3 million" in deficit.answer


def test_columns_told_apart_only_by_words_not_asked_give_no_cell(embedder):
    modes = _load("canada-modes-2019.html")
    answer = _answerer(embedder, modes)(
        "How much did the US import from Canada by air in October 2019?", hits_for(modes, "| October")
    )
    # not "Truck imports …; Rail imports …; Pipeline imports …", but the passage stating air's October
    assert "US$1,975.6 million" in answer.answer and "13,771.6" not in answer.answer


def test_a_sentence_compared_with_another_year_is_not_the_last_dated_one(embedder):
    modes = _load("canada-modes-2019.html")
    question = "By what percent did US rail imports from Canada fall in 2019?"
    # "Rail was … 4.1 percent less than in 2018." speaks of 2019, so the next sentence does too
    assert "6.5 percent" in _answerer(embedder, modes)(question, hits_for(modes, "Rail imports")).answer


def test_a_year_only_compared_with_is_not_a_year_the_sentence_states(embedder):
    from nearshore_qa.answerers.extractive import only_compared_with

    assert only_compared_with("… US$96,299.5 million, 4.1 percent less than in 2018.", "2018")
    assert not only_compared_with("… up from US$4,926.1 million in 2020.", "2020")  # 2020's figure is stated
    modes = _load("canada-modes-2019.html")
    question = "What was the combined two-way rail trade between the US and Canada in 2018?"
    answerer = _answerer(embedder, modes)
    assert answerer(question, hits_for(modes, "Rail was")).abstained
    # … unless the question compares with that year too
    compared = answerer(
        "By what percent did two-way rail trade with Canada fall from 2018?", hits_for(modes, "Rail was")
    )
    assert "4.1 percent less than in 2018" in compared.answer
