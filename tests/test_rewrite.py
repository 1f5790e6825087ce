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
