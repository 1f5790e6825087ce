"""Follow-up questions become standalone ones; standalone questions are left alone."""

from __future__ import annotations

import pytest

from nearshore_qa.rewrite import is_followup, rewrite_followup

TRADE_2022 = "What was US trade with Mexico in 2022?"


@pytest.mark.parametrize(
    "question,previous,expected",
    [
        ("And in 2023?", TRADE_2022, "What was US trade with Mexico in 2023?"),
        ("In 2023?", TRADE_2022, "What was US trade with Mexico in 2023?"),
        ("What about Canada?", TRADE_2022, "What was US trade with Canada in 2022?"),
        ("And what about Canada?", TRADE_2022, "What was US trade with Canada in 2022?"),
        ("How about Canada in 2023?", TRADE_2022, "What was US trade with Canada in 2023?"),
        ("And Canada?", TRADE_2022, "What was US trade with Canada in 2022?"),
        # a count of years from the last one, in digits or in words
        ("And two years later?", TRADE_2022, "What was US trade with Mexico in 2024?"),
        ("And one year later?", TRADE_2022, "What was US trade with Mexico in 2023?"),
        ("What about 3 years earlier?", TRADE_2022, "What was US trade with Mexico in 2019?"),
        # a count of months from the last one, across a year's end
        (
            "And the following month?",
            "What were US imports from China in December 2019?",
            "What were US imports from China in January 2020?",
        ),
        (
            "And a month earlier?",
            "What were US imports from China in March 2019?",
            "What were US imports from China in February 2019?",
        ),
        (
            "And three months later?",
            "What were US imports from China in November 2019?",
            "What were US imports from China in February 2020?",
        ),
        ("And in 2023?", "What was US trade with Mexico?", "What was US trade with Mexico in 2023?"),
        (
            "What about Eagle Pass?",
            "How many trucks crossed at Laredo in 2025?",
            "How many trucks crossed at Eagle Pass in 2025?",
        ),
        (
            "What about Jalisco?",
            "What were US exports to Nuevo León in 2024?",
            "What were US exports to Jalisco in 2024?",
        ),
        (
            "And September?",
            "What was US–Mexico goods trade in August 2022?",
            "What was US–Mexico goods trade in September 2022?",
        ),
        (
            "And the April 2024 decree?",
            "How many tariff lines did Mexico's August 2023 tariff decree on non-FTA countries cover?",
            "How many tariff lines did Mexico's April 2024 tariff decree on non-FTA countries cover?",
        ),
    ],
)
def test_followups_are_rewritten(question, previous, expected):
    assert rewrite_followup(question, [previous]) == expected


def test_only_the_last_question_counts():
    history = ["How many trucks crossed at Laredo in 2025?", TRADE_2022]
    assert rewrite_followup("And in 2023?", history) == "What was US trade with Mexico in 2023?"


@pytest.mark.parametrize(
    "question",
    [
        "What was the US goods trade deficit with Mexico in 2024?",  # a full question
        "What is IMMEX?",  # short, but asks something of its own
        "Who is Raquel Buenrostro?",
        "In which year did USMCA start?",
        "Why?",
        "Explain nearshoring?",
    ],
)
def test_standalone_questions_are_left_alone(question):
    assert rewrite_followup(question, [TRADE_2022]) == question


def test_no_history_no_rewrite():
    assert rewrite_followup("And in 2023?", []) == "And in 2023?"


def test_is_followup():
    assert is_followup("And in 2023?") and is_followup("What about Canada?")
    assert not is_followup("What were US exports to Jalisco in 2024?")
    assert not is_followup("What is IMMEX?")


@pytest.mark.parametrize(
    "question,previous,expected",
    [
        # the measure is a slot of its own; exports go to a partner, imports come from one
        ("And imports?", "What were US exports to Mexico in 2024?", "What were US imports from Mexico in 2024?"),
        (
            "And the deficit?",
            "What was the US goods trade surplus with Canada in 2023?",
            "What was the US goods trade deficit with Canada in 2023?",
        ),
        # a clause that described the old value does not describe the new one
        (
            "And in 2012?",
            "What was US trade with Canada in 2020, the year USMCA entered into force?",
            "What was US trade with Canada in 2012?",
        ),
        (
            "What about Jalisco?",
            "What were US exports to Nuevo León (the top state in 2017) in 2024?",
            "What were US exports to Jalisco in 2024?",
        ),
        # one new year against a range moves the end the question names
        (
            "And to 2025?",
            "How much did trade with Canada grow from 2019 to 2024?",
            "How much did trade with Canada grow from 2019 to 2025?",
        ),
        (
            "And from 2021?",
            "How much did trade with Canada grow from 2019 to 2024?",
            "How much did trade with Canada grow from 2021 to 2024?",
        ),
        # the place changes, not the source the figures come from
        (
            "What about Nogales?",
            "How many trucks crossed at Laredo in 2024, according to CBP counts?",
            "How many trucks crossed at Nogales in 2024, according to CBP counts?",
        ),
        # the transport mode is a slot: replaced where the question named one, added where not
        (
            "And by pipeline?",
            "How much US–Canada trade did trucks carry in April 2020?",
            "How much US–Canada trade did pipeline carry in April 2020?",
        ),
        (
            "And by air?",
            "What were US exports to Mexico by truck in 2024?",
            "What were US exports to Mexico by air in 2024?",
        ),
        ("And by rail?", "What were US exports to Mexico in 2024?", "What were US exports to Mexico in 2024 by rail?"),
        # a longer follow-up that only moves the period
        (
            "And what was the rule in the second year, from July 2021?",
            "What share of steel did a car need to source in North America from July 2024?",
            "What share of steel did a car need to source in North America from July 2021?",
        ),
    ],
)
def test_followups_replace_the_slot_they_change(question, previous, expected):
    assert rewrite_followup(question, [previous]) == expected


def test_a_longer_question_with_a_subject_of_its_own_is_standalone():
    question = "And what did Canada export to Japan in 2021?"
    assert rewrite_followup(question, [TRADE_2022]) == question


IMPORTS_2019 = "How much did the US import from Mexico in 2019?"
VACANCY = "What was the vacancy rate in Monterrey in Q3 2024?"


@pytest.mark.parametrize(
    "question,previous,expected",
    [
        # the subject is the previous figure: only the period or place is new
        ("What was it in 2020?", IMPORTS_2019, "How much did the US import from Mexico in 2020?"),
        ("What was the figure for 2021?", IMPORTS_2019, "How much did the US import from Mexico in 2021?"),
        ("How much was that for Canada?", IMPORTS_2019, "How much did the US import from Canada in 2019?"),
        # openers a chat user types
        ("Same question for Canada.", IMPORTS_2019, "How much did the US import from Canada in 2019?"),
        ("Now Canada.", IMPORTS_2019, "How much did the US import from Canada in 2019?"),
        ("Do the same for Japan", IMPORTS_2019, "How much did the US import from Japan in 2019?"),
        # a range of years for one year
        ("What about 2015 to 2018?", IMPORTS_2019, "How much did the US import from Mexico from 2015 to 2018?"),
        ("And between 2015 and 2018?", IMPORTS_2019, "How much did the US import from Mexico between 2015 and 2018?"),
        # quarters: named, coded, counted from the previous one, added before the year
        ("And Q1?", VACANCY, "What was the vacancy rate in Monterrey in Q1 2024?"),
        ("How about the previous quarter?", VACANCY, "What was the vacancy rate in Monterrey in Q2 2024?"),
        ("And two quarters later?", VACANCY, "What was the vacancy rate in Monterrey in Q1 2025?"),
        (
            "And in the third quarter?",
            IMPORTS_2019,
            "How much did the US import from Mexico in the third quarter of 2019?",
        ),
        ("And in Q2 2020?", IMPORTS_2019, "How much did the US import from Mexico in Q2 2020?"),
        (
            "And the next quarter?",
            "How many trucks crossed at Laredo in the fourth quarter of 2023?",
            "How many trucks crossed at Laredo in the first quarter of 2024?",
        ),
        # the measure, as a verb kept a verb, or any other thing measured
        ("How about exports?", IMPORTS_2019, "How much did the US export to Mexico in 2019?"),
        ("And how much was exported?", IMPORTS_2019, "How much did the US export to Mexico in 2019?"),
        ("And the deficit?", IMPORTS_2019, "What was the deficit with Mexico in 2019?"),
        ("And net absorption in Juárez?", VACANCY, "What was net absorption in Juárez in Q3 2024?"),
        ("And the average rent?", VACANCY, "What was the average rent in Monterrey in Q3 2024?"),
        # a part of the previous figure
        (
            "How much of that was US exports?",
            "What was the value of US-Mexico trade carried by rail in 2022, per BTS?",
            "What was the value of US-Mexico exports carried by rail in 2022, per BTS?",
        ),
        # a measure of the previous measure keeps it; one year, said "in", replaces a range
        (
            "And the percent change?",
            "What was total US goods trade with Japan in 2023?",
            "What was the percent change in total US goods trade with Japan in 2023?",
        ),
        (
            "And the percent change in 2025?",
            "How much did the US import from China from 2022 to 2024, according to the FRED IMPCH series?",
            "What was the percent change in US imports from China in 2025, according to the FRED IMPCH series?",
        ),
        (
            "And the share?",
            "How many northbound trucks crossed at Laredo in 2024?",
            "What was the share of northbound trucks at Laredo in 2024?",
        ),
        (
            "And the growth rate?",
            "What were US exports to Mexico in 2024?",
            "What was the growth rate in US exports to Mexico in 2024?",
        ),
        # a source named with small words inside is one name, and stays
        (
            "Same question for Querétaro.",
            "How much foreign direct investment did Guanajuato receive in 2015, per the Secretaría de Economía?",
            "How much foreign direct investment did Querétaro receive in 2015, per the Secretaría de Economía?",
        ),
        # … but "at the peak" says when, not what
        (
            "And at the 2018 peak?",
            "How much did the US import in goods from China in 2025?",
            "How much did the US import in goods from China in 2018?",
        ),
        (
            "And the share of total imports?",
            IMPORTS_2019,
            "What was the share of total imports from Mexico in 2019?",
        ),
        (
            "And the vacancy rate?",
            "What was Mexico's share of US imports in 2019?",
            "What was Mexico's vacancy rate in 2019?",
        ),
    ],
)
def test_followups_as_chat_users_type_them(question, previous, expected):
    assert rewrite_followup(question, [previous]) == expected


@pytest.mark.parametrize(
    "question",
    [
        "And why?",  # asks something of its own: no slot to fill
        "And by how much?",
        "How did that compare with 2018?",  # a comparison, not the same figure for another year
        "Did exports also grow?",
    ],
)
def test_followups_that_change_no_slot_keep_their_own_words(question):
    assert not rewrite_followup(question, [IMPORTS_2019]).startswith("How much did the US import")
