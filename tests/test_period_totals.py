"""Monthly tables inside documents: a month under a year column, the months of a quarter or a
half-year summed with each month cited, the extreme month, and a cell that is not broken down
the way the question asks ("by air") left unanswered."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.cells import answer_from_tables
from nearshore_qa.answerers.period_totals import period_total
from nearshore_qa.ingest import load_file
from nearshore_qa.tables import month_span

DATA = Path(__file__).parent / "data"
DOC = "monthly/us_imports_from_japan_by_month_2022_2023.md"


@pytest.fixture(scope="module")
def doc():
    return load_file(DATA / DOC, DOC, 50 * 2**20)


@pytest.mark.parametrize(
    "question,span",
    [
        ("What was US–Mexico trade in the first quarter of 2025?", (2025, 1, 3)),
        ("Imports in Q3 2023?", (2023, 7, 9)),
        ("Exports in the second half of 2024", (2024, 7, 12)),
        ("Trade from January to April 2024", (2024, 1, 4)),
        ("Trade in 2024", None),
    ],
)
def test_the_months_a_question_asks_about(question, span):
    got = month_span(question)
    assert (got and (got.year, got.first, got.last)) == span


def test_a_month_row_under_a_year_column_is_stated_with_the_caption_subject(doc):
    found = answer_from_tables(
        "What were US imports from Japan in March 2023?", hits_for(doc, "| March"), lambda _d: list(doc.data_tables)
    )
    assert found is not None
    assert found.sentence == "US goods imports from Japan were US$12,909.7 million in March 2023."


def test_a_month_of_another_partner_is_not_answered_from_this_partners_table(doc):
    """The question names France; the table and its caption are about Japan: no cell (before, the
    Japan cell for March 2023 answered it)."""
    found = answer_from_tables(
        "What were US imports from France in March 2023?", hits_for(doc, "| March"), lambda _d: list(doc.data_tables)
    )
    assert found is None


def test_a_quarter_is_the_sum_of_its_months_each_cited(doc):
    result, pool = period_total(
        "What were US imports from Japan in the first quarter of 2023?",
        hits_for(doc, "| January"),
        lambda _d: list(doc.data_tables),
    )
    assert [o.text for o in result.operands] == ["11,036.9", "11,301.3", "12,909.7"]
    assert result.formula == "11,036.9 + 11,301.3 + 12,909.7"
    assert result.display == "US$35,247.9 million" and result.verify()
    assert [pool[o.citation - 1].chunk.text.split("|")[1].strip() for o in result.operands] == [
        "January",
        "February",
        "March",
    ]
    assert "the first quarter of 2023" in result.text


def test_no_sum_for_a_year_the_table_does_not_hold(doc):
    assert (
        period_total(
            "What were US imports from Japan in Q1 2021?", hits_for(doc, "| January"), lambda _d: list(doc.data_tables)
        )
        is None
    )


def test_the_lowest_month_of_a_year_column(doc):
    found = answer_from_tables(
        "In which month of 2023 were US imports from Japan lowest?",
        hits_for(doc, "| January"),
        lambda _d: list(doc.data_tables),
    )
    assert found is not None and found.row.label == "January"
    assert found.sentence.startswith("US goods imports from Japan were lowest in January 2023, at US$11,036.9 million")


def test_a_cell_not_broken_down_as_asked_is_not_given(doc):
    tables = lambda _d: list(doc.data_tables)  # noqa: E731
    found = answer_from_tables("What was US–Mexico trade through Laredo in 2023?", hits_for(doc, "| Laredo"), tables)
    assert found is not None and "312.89" in found.sentence
    # "by air": Air is a row of the modes table, and the Laredo cell is not broken down by mode
    assert (
        answer_from_tables("What was US–Mexico trade through Laredo by air in 2023?", hits_for(doc, "| Laredo"), tables)
        is None
    )
    found = answer_from_tables(
        "What was US–Mexico trade through Texas ports by air in 2023?", hits_for(doc, "| Air"), tables
    )
    assert found is not None and "0.81" in found.sentence
