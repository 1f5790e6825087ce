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
