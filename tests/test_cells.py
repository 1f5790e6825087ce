"""Cell answers: the asked cell found in a retrieved table and stated in words, cited to its row
and column, through the real store and pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.cells import answer_from_tables, format_value
from nearshore_qa.ingest import load_file

DATA = Path(__file__).parent / "data"


@pytest.fixture(params=["embedded", "server"])
def backend(request) -> str:
    return request.param


def load(rel: str):
    return load_file(DATA / rel, rel, 50 * 2**20)


@pytest.mark.parametrize(
    "question,rel,near,stated,row_label,column",
    [
        (
            "What was the amount of Automotive net sales in 2018?",
            "tables/tatqa_excerpts.md",
            "Automotive",
            "Automotive (Transportation Solutions) was $6,092 million (Fiscal 2018)",
            "Automotive",
            "Fiscal 2018 (in millions)",
        ),
        (
            "What was the maximum exposure to credit risk in Ireland in 2019?",
            "tables/tatqa_excerpts.md",
            "Ireland",
            "Ireland was £0.4 million in 2019",
            "Ireland",
            "2019 £m",
        ),
        (
            "What were accounts payable as estimated at June 30, 2019?",
            "tables/tatqa_excerpts.md",
            "Accounts payable",
            "Accounts payable was (219) (Estimated at June 30, 2019)",
            "Accounts payable",
            "Estimated at June 30, 2019",
        ),
        (
            "How much did the US import from Mexico in 2023?",
            "tables/us_goods_trade_partners.html",
            "Mexico",
            "Imports for Mexico were US$475,216.0 million in 2023",
            "Mexico",
            "2023 Imports",
        ),
        (
            "How much FDI did Nuevo León receive in 2010?",
            "corpus/articles/nuevo-leon-investment.docx",
            "2010",
            "In 2010, FDI inflow was US$4.81 billion",
            "2010",
            "FDI inflow",
        ),
        (
            "What were US exports to Jalisco in 2024?",
            "corpus/tables/us_exports_to_mexican_states.csv",
            "Jalisco",
            "In 2024, exports for Jalisco were US$11.42 billion",
            "2024 Jalisco",
            "us_exports_usd_billions",
        ),
    ],
)
def test_the_asked_cell_is_stated_with_its_labels_unit_and_period(question, rel, near, stated, row_label, column):
    doc = load(rel)
    found = answer_from_tables(question, hits_for(doc, near), lambda _doc_id: list(doc.data_tables))
    assert found is not None
    assert found.sentence.startswith(stated), found.sentence
    assert found.row.label == row_label
    assert found.columns[0].label == column
    assert "|" not in found.sentence and "_usd_" not in found.sentence


def test_two_asked_periods_give_both_cells():
    doc = load("tables/tatqa_excerpts.md")
    found = answer_from_tables(
        "What was the revenue from Sensors in 2019 and 2018 respectively?",
        hits_for(doc, "Sensors"),
        lambda _d: list(doc.data_tables),
    )
    assert [c.text for c in found.cells] == ["914", "918"]


def test_an_operations_word_in_the_row_label_the_question_writes_names_the_row():
    """ "average" asks an average, unless it is the label's own word ("Average invested capital"):
    the cell is stated, not left to a computation nobody asked for (TAT-QA dev, first half)."""
    doc = load("tables/tatqa_excerpts.md")
    tables = lambda _d: list(doc.data_tables)  # noqa: E731
    found = answer_from_tables(
        "What was the average invested capital in 2018?", hits_for(doc, "Average invested"), tables
    )
    assert found is not None and found.sentence.startswith("Average invested capital was $735.6 in 2018")
    asked = "What was the average adjusted operating income in 2018 and 2019?"  # an average of two cells
    averaged = answer_from_tables(asked, hits_for(doc, "Average invested"), tables)
    assert averaged is not None and "an average of 119" in averaged.sentence


def test_no_cell_when_the_row_is_not_named_or_the_period_is_absent():
    doc = load("tables/tatqa_excerpts.md")
    tables = lambda _d: list(doc.data_tables)  # noqa: E731
    assert answer_from_tables("What was the net revenue from Brazil in 2019?", hits_for(doc, "EMEA"), tables) is None
    assert answer_from_tables("What was the revenue from Sensors in 2015?", hits_for(doc, "Sensors"), tables) is None


def test_superlative_over_a_long_table_picks_the_extreme_row():
    doc = load("corpus/tables/us_exports_to_mexican_states.csv")
    found = answer_from_tables(
        "Which Mexican state received the most US exports in 2024?",
        hits_for(doc, "2024"),
        lambda _d: list(doc.data_tables),
    )
    assert found is not None and found.notes.get("extreme") == "max"
    values = [r.cells[found.columns[0].index].value for r in doc.data_tables[0].rows if r.period.year == 2024]
    assert found.row.cells[found.columns[0].index].value == max(values)


def test_a_per_share_row_does_not_take_the_tables_millions():
    doc = load("tables/tatqa_excerpts.md")
    table = doc.data_tables[1]
    row = next(r for r in table.rows if r.label == "Automotive")
    assert format_value(row.cells[1], table, table.columns[1], row) == "$5,686 million"
    per_share = type(row)(index=0, label="Earnings per share", cells=row.cells)
    assert format_value(row.cells[1], table, table.columns[1], per_share) == "$5,686"


def test_store_keeps_tables_and_the_answer_cites_the_cell(make_library):
    lib = make_library()
    results = lib.add([DATA / "tables"])
    assert all(r.status == "added" for r in results), results
    tables = lib.store.tables("us_goods_trade_partners.html")
    assert [r.label for r in tables[0].rows] == ["Mexico", "Canada", "China"]
    answer = lib.ask("How much did the US import from Mexico in 2023?")
    assert not answer.abstained
    assert "Imports for Mexico were US$475,216.0 million in 2023. [1]" in answer.answer
    cit = answer.citations[0]
    assert (cit.doc_id, cit.row_label, cit.column_label, cit.row, cit.table_index) == (
        "us_goods_trade_partners.html",
        "Mexico",
        "2023 Imports",
        0,
        0,
    )
    (a, b), *_ = cit.highlights
    assert cit.text[a:b] == "475,216.0"
    assert answer.figures and all(f.verified for f in answer.figures)
    data = answer.to_json()["citations"][0]
    assert data["row_label"] == "Mexico" and data["column_label"] == "2023 Imports"


def test_a_store_from_before_tables_were_kept_rebuilds_them(make_library, backend):
    if backend == "server":
        pytest.skip("the SQLite record is the one a store from an earlier release has")
    lib = make_library()
    lib.add([DATA / "corpus" / "tables" / "us_exports_to_mexican_states.csv", DATA / "tables" / "tatqa_excerpts.md"])
    kept = {d: lib.store.tables(d) for d in ("us_exports_to_mexican_states.csv", "tatqa_excerpts.md")}
    with lib.store.registry._transaction() as db:  # as an older release left it: no doc_tables rows
        db.execute("DELETE FROM doc_tables")
    lib.store._tables_cache.clear()
    for doc_id, tables in kept.items():
        again = lib.store.tables(doc_id)
        assert [[r.label for r in t.rows] for t in again] == [[r.label for r in t.rows] for t in tables]
        assert [[c.label for c in t.columns] for t in again] == [[c.label for c in t.columns] for t in tables]


# --- lists read off a table's shape (table_lists.py) and the choice among tables ------------


def lists_doc():
    return load("tables/tatqa_lists.md")


def ask_cells(question: str, near: str):
    from nearshore_qa.answerers.cells import cell_answer_for

    doc = lists_doc()
    return cell_answer_for(question, hits_for(doc, near), lambda _d: list(doc.data_tables))


def test_the_rows_under_a_group_stop_at_the_subtotal_that_sums_them():
    answer = ask_cells("What are the items under deferred tax liabilities?", "Goodwill")
    assert answer is not None and not answer.abstained
    text = answer.answer
    for item in (
        "Property, plant and equipment, primarily due to depreciation differences",
        "Goodwill and other intangible assets",
        "Other",
    ):
        assert item in text
    assert "Gross deferred tax liabilities" not in text and "Post-retirement" not in text
    citation = answer.citations[0]
    assert (
        citation.row_label == "Deferred tax liabilities" and citation.locator == "rows under Deferred tax liabilities"
    )
    highlighted = [citation.text[a:b] for a, b in citation.highlights]
    assert highlighted == [
        "Property, plant and equipment, primarily due to depreciation differences",
        "Goodwill and other intangible assets",
        "Other",
    ]


def test_the_periods_a_row_is_given_for():
    answer = ask_cells("In which years was the unrecognized tax benefit - ending balance calculated?", "ending balance")
    assert answer is not None
    assert "2019, 2018 and 2017" in answer.answer


@pytest.mark.parametrize(
    "question,met",
    [
        (
            "Which of the years had unrecognized tax benefit - ending balance of greater than $8,200 thousand?",
            "2019 and 2018",
        ),
        ("In which year was unrecognized tax benefit - beginning balance less than 7,000 thousands?", "in 2017 ("),
    ],
)
def test_the_periods_whose_cell_meets_a_condition(question, met):
    answer = ask_cells(question, "balance")
    assert answer is not None
    assert met in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What was the number of items sold in 2019?",
        "In which year were Inventories larger?",
        "What is the component that made up the most of Personnel expenses in 2019?",
        "What was the net income in 2019?",
    ],
)
def test_questions_that_are_not_lists(question):
    from nearshore_qa.answerers.table_lists import list_question

    assert list_question(question) is None


def test_a_unit_in_the_header_label_cell_keeps_the_columns_labels():
    doc = lists_doc()
    found = answer_from_tables(
        "What is the Accounts receivable, net as reported as of March 29, 2019?",
        hits_for(doc, "Accounts receivable"),
        lambda _d: list(doc.data_tables),
    )
    assert found is not None
    assert [c.text for c in found.cells] == ["$708"]
    assert found.table.unit.scale == "million"


@pytest.mark.parametrize(
    "question,stated",
    [
        ("What was the EBITDA in F18?", "EBITDA was $603 million"),
        ("What was the EBITDA in FY19?", "EBITDA was $579 million"),
    ],
)
def test_fiscal_shorthand_names_the_column_and_the_unit_label_gives_the_scale(question, stated):
    doc = lists_doc()
    found = answer_from_tables(question, hits_for(doc, "EBITDA"), lambda _d: list(doc.data_tables))
    assert found is not None and found.sentence.startswith(stated), found.sentence


def test_a_table_naming_more_of_the_question_wins_over_the_first_ranked_document():
    from nearshore_qa.answerers.cells import rank_score

    weak = {"match": {"row": 1.0, "named": 0.4, "around": 0.6, "unasked_share": False}}
    strong = {"match": {"row": 1.0, "named": 1.0, "around": 1.0, "unasked_share": False}}
    share = {"match": {"row": 1.0, "named": 1.0, "around": 1.0, "unasked_share": True}}
    assert rank_score(1.0, strong, doc_rank=1, doc_hits=1) > rank_score(1.0, weak, doc_rank=0, doc_hits=1)
    assert rank_score(1.0, strong, doc_rank=0, doc_hits=1) > rank_score(1.0, strong, doc_rank=1, doc_hits=1)
    assert rank_score(1.0, share, doc_rank=0, doc_hits=1) < rank_score(1.0, strong, doc_rank=1, doc_hits=1)


def test_a_time_phrase_over_the_years_heads_the_table():
    doc = lists_doc()
    found = answer_from_tables(
        "How much was the direct energy consumption (MWh) for the year ended 31 December 2019?",
        hits_for(doc, "Direct energy"),
        lambda _d: list(doc.data_tables),
    )
    assert found is not None and [c.text for c in found.cells] == ["19,144.17"]


def test_a_label_qualified_in_parentheses_is_named_by_its_head():
    doc = lists_doc()
    found = answer_from_tables(
        "What is the 2018 carrying amount of interest rate swaps?",
        hits_for(doc, "Carrying amount"),
        lambda _d: list(doc.data_tables),
    )
    assert found is not None and [c.text for c in found.cells] == ["1,663"]


def test_a_dash_cell_is_not_stated_as_the_answer():
    doc = lists_doc()
    found = answer_from_tables(
        "What was Other under deferred tax liabilities in 2019?",
        hits_for(doc, "Goodwill"),
        lambda _d: list(doc.data_tables),
    )
    assert found is None  # the 2019 cell is "—"
    found = answer_from_tables(
        "What was Other under deferred tax liabilities in 2018?",
        hits_for(doc, "Goodwill"),
        lambda _d: list(doc.data_tables),
    )
    assert found is not None and found.sentence.startswith("Other (Deferred tax liabilities) was $(23) million")


def test_the_amount_column_answers_unless_a_share_is_asked():
    doc = lists_doc()
    tables = lambda _d: list(doc.data_tables)  # noqa: E731
    hits = hits_for(doc, "License and subscription")
    found = answer_from_tables(
        "What was the License and subscription revenue in 2019 and 2018 respectively?", hits, tables
    )
    assert found is not None and [c.text for c in found.cells] == ["$ 64,798", "$ 35,452"]
    found = answer_from_tables(
        "What was License and subscription as a % of total revenue in 2019 and 2018 respectively?", hits, tables
    )
    assert found is not None and [c.text for c in found.cells] == ["9%", "5%"]


def test_a_sentence_stating_no_figure_does_not_outrank_the_cell():
    answer = ask_cells("What was the issued DSU in 2019?", "the following DSUs")
    assert answer is not None, "the prose sentence names DSUs and issued but states no figure"
    assert "11,328" in answer.answer


EVAL_DOCS = Path(__file__).resolve().parent.parent / "eval" / "documents"


def test_month_rows_take_the_captions_year_and_a_captioned_year_is_not_another():
    # "Table 1. US–Mexico trade by month, 2025 (US$ billion)" over rows "January", "February", …;
    # "Table 1. US goods trade by partner, January–June 2024" has no period rows or columns.
    name = "us-mexico-monthly-trade-by-mode-2025.pdf"
    monthly = load_file(EVAL_DOCS / name, name, 50 * 2**20)
    found = answer_from_tables(
        "What were US imports from Mexico in July 2025?",
        hits_for(monthly, "July"),
        lambda _d: list(monthly.data_tables),
    )
    assert found is not None and [c.text for c in found.cells] == ["45.37"]
    name = "us-partners-after-the-big-three-h1-2024.pdf"
    half = load_file(EVAL_DOCS / name, name, 50 * 2**20)
    tables = lambda _d: list(half.data_tables)  # noqa: E731
    assert answer_from_tables("What were US imports from Japan in 2023?", hits_for(half, "Japan"), tables) is None
    found = answer_from_tables("What were US imports from Japan in 2024?", hits_for(half, "Japan"), tables)
    assert found is not None and [c.text for c in found.cells] == ["73,186.2"]


def test_a_sentence_about_another_row_or_period_does_not_outrank_the_cell():
    # The prose names "air", "exports" and "Mexico" but for 2024, or states rail's 2025 figure:
    # other labels (a period, a row) of the same table as the cell asked for, not this cell.
    from nearshore_qa.answerers.cells import cell_answer_for

    doc = load("tables/us_mexico_exports_by_mode.md")
    hits = hits_for(doc, "air was the only one")
    air = cell_answer_for(
        "How much did US exports to Mexico by air come to in 2025?", hits, lambda _d: list(doc.data_tables)
    )
    assert air is not None and "22.54" in air.answer and air.citations[0].row_label == "Air", air and air.answer
    assert "22.54%" not in air.answer, "a percentage in the paragraph above the table is not its unit"
    vessel = cell_answer_for(
        "How much did US exports to Mexico by vessel come to in 2025?",
        hits_for(doc, "by rail came"),
        lambda _d: list(doc.data_tables),
    )
    assert vessel is not None and "29.61" in vessel.answer and "33.27" not in vessel.answer, vessel and vessel.answer


def test_a_sentence_naming_the_asked_row_and_period_still_outranks_a_weaker_cell():
    from nearshore_qa.answerers.cells import _other_label, _Question, answer_from_tables

    doc = load("tables/us_mexico_exports_by_mode.md")
    question = "How much did US exports to Mexico by rail come to in 2025?"
    found = answer_from_tables(question, hits_for(doc, "by rail came"), lambda _d: list(doc.data_tables))
    assert found is not None and found.row.label == "Rail"
    q = _Question.of(question)
    assert not _other_label("US exports to Mexico by rail were US$33.27 billion in 2025.", q, found)
    assert _other_label("US exports to Mexico by rail were US$34.32 billion in 2024.", q, found)
    assert _other_label("US exports to Mexico by truck were US$230.99 billion in 2025.", q, found)


CAPTIONS = DATA / "captions"


def from_captions_file(name: str, question: str, near: str):
    """A table answer to ``question`` from a tests/data/captions file, retrieved near ``near``."""
    doc = load_file(CAPTIONS / name, name, 50 * 2**20)
    return answer_from_tables(question, hits_for(doc, near), lambda _d: list(doc.data_tables))


@pytest.mark.parametrize(
    "question,value",
    [
        ("How many commercial trucks crossed northbound at Hidalgo in 2020?", "671,506"),
        ("How many buses entered the US at Hidalgo in 2020?", "7,728"),
    ],
)
def test_two_same_shaped_tables_are_told_apart_by_the_words_of_their_captions(question, value):
    found = from_captions_file("texas-ports-buses-and-trucks-2019-2020.txt", question, "Hidalgo")
    assert found is not None and value in found.sentence, found and found.sentence


def test_a_month_asked_is_read_from_the_month_rows_not_the_periodless_table_of_the_quarter():
    found = from_captions_file(
        "us_exports_to_mexico_by_month_and_mode_2019q1.pdf",
        "What were US exports to Mexico by rail in February 2019?",
        "Rail",
    )
    assert found is not None and found.row.label == "February" and found.columns[0].label == "Rail"
    assert "2,206.1" in found.sentence


def test_a_unit_counted_that_no_label_says_is_not_read_off_a_table_of_values(make_library):
    # "how many tonnes of goods": the table states US$ million, and no sentence gives tonnes
    lib = make_library()
    lib.add([CAPTIONS / "us_exports_to_mexico_by_month_and_mode_2019q1.pdf"])
    answer = lib.ask("How many tonnes of goods did the US export to Mexico by rail in February 2019?")
    assert answer.abstained, answer.answer
    stated = lib.ask("What were US exports to Mexico by rail in February 2019?")
    assert not stated.abstained and "2,206.1" in stated.answer


def test_a_quarter_asked_picks_the_quarter_row_under_the_years_column_and_uk_stands_for_the_united_kingdom():
    found = from_captions_file(
        "us_uk_goods_trade_by_quarter_2022_2023.md",
        "How much did the US import from the UK in the fourth quarter of 2022?",
        "Q4",
    )
    assert found is not None and found.row.label == "Q4" and found.columns[0].label == "Imports 2022"
    assert "17,790.0" in found.sentence
    assert "uk" not in found.notes["unmatched"]  # "United Kingdom" in the caption says "UK"


def test_a_sentence_of_a_better_ranked_document_outranks_a_lower_ranked_documents_cell():
    # Two reports: the first retrieved states its depreciation expense in words; the second holds
    # a "Depreciation expense" row in its table. The sentence names as much of the question as
    # the cell, so retrieval's order decides: the first report's sentence answers.
    from nearshore_qa.answerers.cells import cell_answer_for

    words = load_file(DATA / "reading" / "tatqa_depreciation_words.md", "words.md", 2**20)
    table = load_file(DATA / "reading" / "tatqa_depreciation_table.md", "table.md", 2**20)
    docs = {d.meta.doc_id: d for d in (words, table)}
    tables = lambda doc_id: list(docs[doc_id].data_tables)  # noqa: E731
    question = "What was the amount of depreciation expense in 2019?"
    stated, row = hits_for(words, "Depreciation expense was", 1), hits_for(table, "| Depreciation expense |", 1)
    assert cell_answer_for(question, stated + row, tables) is None
    # ranked first, the table's cell answers as before (its sentence is another document's, below it)
    cell = cell_answer_for(question, row + stated, tables)
    assert cell is not None and "3,146" in cell.answer and cell.citations[0].doc_id == "table.md"


def test_a_percentage_asked_is_not_answered_by_an_amount():
    """ "The percentage of …" over a row of amounts: 474 (A$ million) is not the percentage; the
    passages answer or the answer abstains. A row labelled "(%)" still answers."""
    assert ask_cells("What was the percentage of EBIT in F19?", "Segment results") is None
    answer = ask_cells("What was the gross margin percentage in F19?", "Segment results")
    assert answer is not None and "22.9" in answer.answer
    answer = ask_cells("What was the EBIT in F19?", "Segment results")
    assert answer is not None and "474" in answer.answer


def test_a_rows_sign_word_is_not_part_of_its_name():
    """ "Less valuation allowance" in the first-ranked report's statement is its valuation allowance:
    "Less" gives the row's sign in the sum. The lower-ranked report's "Valuation allowance" row does
    not win on an exact label."""
    from nearshore_qa.answerers.cells import cell_answer_for

    first = load_file(DATA / "reading" / "statement_less_allowance.md", "first.md", 2**20)
    second = load_file(DATA / "reading" / "statement_allowance.md", "second.md", 2**20)
    docs = {d.meta.doc_id: d for d in (first, second)}
    tables = lambda doc_id: list(docs[doc_id].data_tables)  # noqa: E731
    hits = hits_for(first, "| Less valuation", 1) + hits_for(second, "| Valuation allowance", 1)
    answer = cell_answer_for("What was the valuation allowance in 2019 and 2018 respectively?", hits, tables)
    assert answer is not None and "31,421" in answer.answer and "28,541" in answer.answer
    assert answer.citations[0].doc_id == "first.md"


def test_a_month_asked_is_not_read_off_the_cell_of_its_quarter():
    doc = load_file(DATA / "reading" / "months_said_relatively.md", "months.md", 2**20)
    tables = lambda _d: list(doc.data_tables)  # noqa: E731
    hits = hits_for(doc, "| China")
    assert answer_from_tables("What were US imports from China in December 2016?", hits, tables) is None
    quarter = answer_from_tables("What were US imports from China in the fourth quarter of 2016?", hits, tables)
    assert quarter is not None and "125,759.6" in quarter.sentence


def test_a_period_column_with_its_mode_after_a_comma_is_that_period_and_mode():
    """ "| 2024 | 2024, truck | 2024, rail |": the last two are 2024's truck and rail values. Asked
    by rail, the rail cell answers; asked by no mode, the plain 2024 column (the whole) does."""
    from nearshore_qa.tables import parse_period

    assert parse_period("2024, truck").year == 2024 and parse_period("2,024") is None
    doc = load("tables/surface_exports_by_state_and_mode.html")
    tables = lambda _doc_id: list(doc.data_tables)  # noqa: E731
    rail = answer_from_tables(
        "What was the value of US rail exports to Jalisco in 2024?", hits_for(doc, "Jalisco"), tables
    )
    assert rail is not None and "US$2,853.6 million" in rail.sentence and rail.columns[0].label == "2024, rail"
    whole = answer_from_tables(
        "How much did the United States export to Jalisco in 2024?", hits_for(doc, "Jalisco"), tables
    )
    assert whole is not None and "US$11,417.9 million" in whole.sentence and whole.columns[0].label == "2024"
