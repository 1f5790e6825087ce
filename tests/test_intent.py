"""Question intent: the operation a question asks for, its periods (in time order) and the rows
it names, across many phrasings, including TAT-QA's ("What was the change in X between 2018 and
2019?"); look-up questions ask for no computation."""

from __future__ import annotations

import pytest

from nearshore_qa.intent import parse_intent


@pytest.mark.parametrize(
    "question,op",
    [
        # change and difference
        ("What was the change in Share options outstanding from 2018 to 2019?", "change"),
        ("What is the change in the Total Gross Margin between Fiscal 2018 and 2019?", "change"),
        ("What is the increase / (decrease) in Revenues from 2019 to 2018?", "change"),
        ("By how much did US–Mexico goods trade grow from 2019 to 2024?", "change"),
        ("How much did US exports to Mexico increase between 2020 and 2024?", "change"),
        ("How did the US trade balance with Mexico change from 2019 to 2024?", "change"),
        ("What is the difference in cash used in operating activities during 2018 and 2019?", "change"),
        ("What was the change in the average price paid per share between 2018 and 2019?", "change"),
        ("By how many percentage points did the truck share change from 2019 to 2024?", "change"),
        ("How much more did the US import from Mexico than from Canada in 2024?", "difference"),
        ("What is the difference between exports to Chihuahua and exports to Nuevo Leon in 2024?", "difference"),
        ("How many more trucks crossed at Laredo than at Ysleta in 2024?", "difference"),
        # percentage change and growth
        ("What was the percentage change in US trade with Mexico from 2019 to 2024?", "pct_change"),
        ("What is the percentage increase / (decrease) in Free Cash Flow from 2018 to 2019?", "pct_change"),
        ("What is the percentage change in interest cost in 2019 from 2018?", "pct_change"),
        ("What is the % change in exports from 2019 to 2024?", "pct_change"),
        ("How much did US goods trade with Canada change in percent between 2019 and 2023?", "pct_change"),
        ("What was the change in percentage of revenue from 2018 to 2019?", "change"),  # a change of a percentage
        ("By what percentage did northbound trucks at Eagle Pass rise from 2024 to 2025?", "pct_change"),
        ("What percent did US imports from China fall between 2022 and 2023?", "pct_change"),
        ("What was the growth rate of US exports to Nuevo León between 2019 and 2024?", "pct_change"),
        ("What was the growth in US exports to Nuevo León from 2019 to 2024?", "pct_change"),
        ("How fast did trade through Eagle Pass grow from 2019 to 2024?", "pct_change"),
        # CAGR
        ("What was the compound annual growth rate of US exports to Mexico from 2020 to 2024?", "cagr"),
        ("What is the CAGR of US–Mexico trade 2019-2024?", "cagr"),
        ("What was the average annual growth rate of trade with Mexico between 2019 and 2024?", "cagr"),
        # share and ratio
        ("What share of US–Mexico trade in 2024 was carried by truck?", "share"),
        ("What percentage of US–Mexico trade went by rail in 2019?", "share"),
        ("What proportion of US exports to Mexico went to Chihuahua in 2024?", "share"),
        ("What were Laredo's trucks as a percentage of all Texas trucks in 2025?", "share"),
        ("What is the ratio of exports to imports with Mexico in 2024?", "ratio"),
        ("How many times larger was trade with Mexico than with Japan in 2024?", "ratio"),
        # sum and average
        ("What was combined US trade with Mexico and Canada in 2024?", "sum"),
        ("What was total trade with Mexico in 2023 and 2024 combined?", "sum"),
        ("What is the total consolidated net revenue in 2018 and 2019?", "sum"),
        ("How much did the US export to Chihuahua and Nuevo Leon altogether in 2024?", "sum"),
        ("What is the average indirect taxes receivable for 2018 and 2019?", "average"),
        ("What was the average number of northbound trucks at Laredo in 2023 and 2024?", "average"),
        ("What is the average percentage of revenue from Apple and Huawei in 2017?", "average"),
        # extremes, rank, count
        ("Which Texas port had the most northbound trucks in 2024?", "max"),
        ("In which year was US–Mexico trade the highest?", "max"),
        ("Which mode carried the least US–Mexico trade in 2024?", "min"),
        ("Which year had the lowest US imports from China?", "min"),
        ("What were the top 3 US export markets in 2024?", "rank"),
        ("What were the bottom 2 modes by trade in 2024?", "rank"),
        ("Rank the Texas ports by total trade in 2024.", "rank"),
        ("How many years did Mexico's trade exceed US$700 billion?", "count"),
        ("In 2018, how many quarters had stock prices lower than $2.00?", "count"),
        ("How many ports are listed for 2024?", "count"),
        # a look-up of several periods: each period's figure, listed
        ("What were US imports from China from 2015 to 2018?", "series"),
        ("What were US exports to Jalisco in 2023 and 2024?", "series"),
        ("How many trucks crossed at Laredo between 2021 and 2023?", "series"),
        ("Show me US exports to Mexico by year", "series"),  # every year the table has
        ("What were US imports from China each year?", "series"),
        # … or of several names in one period: each one's figure
        ("What were US exports to Mexico and Canada in 2023?", "series"),
        ("How much did the US import from Mexico and from China in 2023?", "series"),
        ("What were US imports from China, Mexico and Canada in 2022?", "series"),
    ],
)
def test_operation(question, op):
    intent = parse_intent(question)
    assert intent is not None, question
    assert intent.op == op


@pytest.mark.parametrize(
    "question",
    [
        "What was US–Mexico goods trade in 2024?",
        "What was total US goods trade with Japan in 2019?",  # "total" names the measure here
        "What were total US exports to China in 2024?",
        "How many trucks crossed at Laredo in 2024?",
        "When did Mexico become the top US trading partner?",
        "What is IMMEX?",
        "Which article of the USMCA sets the joint review?",
        "What are the respective totals for 2018 and 2019?",  # a list of stated values
        "What was the reason for the decrease in income tax rate?",
        "What is the weighted average remaining amortization period?",  # a stated figure
        "How many assumptions are used by the company when using the model?",
        "which month of 2015-2016 had the biggest imports from china?",  # ranks months, not the two years
        "which mode's exports to canada declined every year from 2011 to 2013?",  # asks for a name
        # the two sides of one flow, not two names asked of
        "How much trade passed between the US and Mexico in 2023?",
        "What was trade between Canada and Mexico in 2023?",
        "What was the United States and Mexico trade in 2023?",
    ],
)
def test_lookups_and_why_questions_ask_no_computation(question):
    assert parse_intent(question) is None


@pytest.mark.parametrize(
    "question,start,end",
    [
        ("What was the change in X from 2018 to 2019?", "2018", "2019"),
        ("What was the change in X between 2017 and 2018?", "2017", "2018"),
        ("What is the percentage change in interest cost in 2019 from 2018?", "2018", "2019"),
        ("What is the increase in Revenues from 2019 to 2018?", "2018", "2019"),  # a change is later minus earlier
        ("What is the CAGR of US–Mexico trade 2019–2024?", "2019", "2024"),
        ("How did exports in 2024 compare with 2019, in percentage terms?", "2019", "2024"),
        ("What is the change in net sales from fiscal 2018 to fiscal 2019?", "2018", "2019"),
        ("What was the percentage change in trade from January 2022 to June 2022?", "January 2022", "June 2022"),
        # the first month shares the year written after the second
        ("By how much did US imports from Japan fall from March to April 2011?", "March 2011", "April 2011"),
        ("How much did trade change between March and May 2020?", "March 2020", "May 2020"),
        # … and the second year is of the same quarter or month
        ("What is the change in revenues between Q4 2019 and 2018?", "Q4 2018", "Q4 2019"),
        ("What was the change in exports from March 2023 to 2024?", "March 2023", "March 2024"),
        (
            "By what percentage did imports change from the first quarter to the fourth quarter of 2011?",
            "Q1 2011",
            "Q4 2011",
        ),
    ],
)
def test_periods_in_time_order(question, start, end):
    intent = parse_intent(question)
    assert intent is not None
    assert (intent.start, intent.end) == (start, end)


def test_since_leaves_the_end_open():
    intent = parse_intent("How has US–Mexico trade changed since 2019?")
    assert (intent.op, intent.start, intent.end) == ("change", "2019", "")


def test_a_single_year_change_counts_from_the_year_before():
    intent = parse_intent("How much did northbound trucks at Laredo fall in 2025?")
    assert (intent.op, intent.end, intent.implied_start) == ("change", "2025", True)
    assert intent.measure == "northbound trucks at Laredo"


def test_rows_named_and_measure():
    intent = parse_intent("What was combined US trade with Mexico and Canada in 2024?")
    assert {"Mexico", "Canada"} <= set(intent.entities)
    assert intent.periods == ("2024",)
    intent = parse_intent("What was the change in Share options outstanding from 2018 to 2019?")
    assert intent.measure == "Share options outstanding"
    intent = parse_intent("By how much did US–Mexico goods trade grow from 2019 to 2024?")
    assert intent.measure == "US–Mexico goods trade"


def test_top_n_order_and_count_condition():
    top = parse_intent("What were the top 3 US export markets in 2024?")
    assert (top.n, top.order) == (3, "desc")
    bottom = parse_intent("Which were the bottom five modes by trade in 2024?")
    assert (bottom.op, bottom.n, bottom.order) == ("rank", 5, "asc")
    count = parse_intent("How many years did Mexico's trade exceed US$700 billion?")
    assert count.condition == (">", 700e9)
    at_least = parse_intent("How many ports had at least 500,000 northbound trucks in 2024?")
    assert at_least.condition == (">=", 500_000)


@pytest.mark.parametrize(
    "question,periods",
    [
        ("What were imports in the first quarter of 2019?", ("Q1 2019",)),
        ("How much did exports grow from Q1 2018 to Q3 2018?", ("Q1 2018", "Q3 2018")),
    ],
)
def test_quarters_are_periods_of_their_own(question, periods):
    """A quarter is not its year: "Q1 2019" must not be answered with the 2019 total."""
    from nearshore_qa.intent import _periods
    from nearshore_qa.operands import _period_matches

    assert tuple(p for p, _ in _periods(question)) == periods
    assert not _period_matches("2019", {"Q1 2019"}) and _period_matches("Q1 2019", {"Q1 2019"})


@pytest.mark.parametrize(
    "period,earlier", [("2019", "2018"), ("Q1 2019", "Q1 2018"), ("March 2019", "March 2018"), ("", "")]
)
def test_a_year_earlier_is_the_same_part_of_the_year_before(period, earlier):
    from nearshore_qa.operands import year_earlier

    assert year_earlier(period) == earlier
