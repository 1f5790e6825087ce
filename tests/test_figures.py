"""Figures: the same amount written many ways is one figure; an answer's figure is verified only
when the passage its sentence cites states it."""

from __future__ import annotations

import pytest

from nearshore_qa.citations import check_figures, split_cited_sentences
from nearshore_qa.figures import find_figures, parse_figure, same_figure, supported
from nearshore_qa.records import Citation


def P(text: str):
    fig = parse_figure(text)
    assert fig is not None, text
    return fig


@pytest.mark.parametrize(
    "text,value,kind",
    [
        ("US$4.7 billion", 4.7e9, "currency"),
        ("$4.7bn", 4.7e9, "currency"),
        ("USD 4.7 billion", 4.7e9, "currency"),
        ("4.7 billion dollars", 4.7e9, "currency"),
        ("61 percent", 61.0, "percent"),
        ("61%", 61.0, "percent"),
        ("61 per cent", 61.0, "percent"),
        ("318,400", 318_400.0, "number"),
        ("318400", 318_400.0, "number"),
        ("70.04 billion dollars", 70.04e9, "currency"),
        ("US$70.04 billion", 70.04e9, "currency"),
        ("-3.2%", -3.2, "percent"),
        ("6,500 million pesos", 6.5e9, "currency"),
    ],
)
def test_figures_are_normalised(text, value, kind):
    fig = P(text)
    assert fig.value == pytest.approx(value)
    assert fig.kind == kind
    assert fig.text == text


@pytest.mark.parametrize(
    "a,b",
    [
        ("US$4.7 billion", "$4.7bn"),
        ("US$4.7 billion", "4,700 million"),
        ("61 percent", "61%"),
        ("318,400", "318400"),
        ("70.04 billion dollars", "US$70.04 billion"),
        ("US$798 billion", "797,958 million"),  # equal at the claim's precision
        ("US$70.04 billion", "70.04"),  # a table cell whose column carries the scale
    ],
)
def test_same_figure_written_differently(a, b):
    assert same_figure(P(a), P(b))


@pytest.mark.parametrize(
    "a,b",
    [
        ("US$70.04 billion", "US$69.66 billion"),
        ("US$79.8 billion", "797,958 million"),  # off by a factor of ten
        ("US$839.98 billion", "US$839.89 billion"),  # transposed digits
        ("61%", "61"),  # a percentage is not a count
        ("61%", "6.1%"),
        ("318,400", "318,500"),
        ("US$6.5 billion", "6,500 million pesos"),  # another currency
        ("C$5 billion", "US$5 billion"),
    ],
)
def test_different_figures_do_not_match(a, b):
    assert not same_figure(P(a), P(b))


def test_years_dates_article_numbers_and_markers_are_not_figures():
    text = (
        "In 2024 Laredo handled 2,945,393 trucks (54.4% of the total); the review falls on 1 July 2026 "
        "under Article 34.7, see table 3 [1]."
    )
    assert [f.text for f in find_figures(text)] == ["2,945,393", "54.4%"]


def test_figure_offsets_point_at_the_figure():
    text = "US goods trade with Canada was US$761.20 billion in 2024."
    (fig,) = find_figures(text)
    assert text[fig.start : fig.end] == "US$761.20 billion"


def test_supported_searches_a_whole_passage():
    passage = "US exports of goods to Mexico came to US$334.04 billion, while imports came to US$505.85 billion."
    assert supported(P("US$505.85 billion"), passage)
    assert supported(P("505,850 million dollars"), passage)
    assert not supported(P("US$505.58 billion"), passage)


def _citation(marker: int, text: str) -> Citation:
    return Citation(
        marker=marker,
        doc_id=f"doc{marker}.md",
        title="t",
        source="doc.md",
        publisher="",
        published="",
        locator="chars 0-1",
        text=text,
    )


def test_check_figures_verifies_against_the_cited_passage_only():
    c1 = _citation(1, "Two-way US goods trade with Mexico reached US$839.89 billion in 2024.")
    c2 = _citation(2, "US goods trade with Canada was US$761.20 billion in 2024.")
    answer = (
        "Trade with Mexico was US$839.89 billion in 2024 [1]. "
        "Trade with Canada was US$839.89 billion [2]. "
        "The deficit was US$171.81 billion [1]."
    )
    figures = check_figures(answer, [c1, c2])
    assert [(f.text, f.citation, f.verified) for f in figures] == [
        ("US$839.89 billion", 1, True),
        ("US$839.89 billion", 2, False),  # true elsewhere, but not in the passage it cites
        ("US$171.81 billion", 1, False),  # stated nowhere
    ]
    # the verified figure is highlighted in the passage that supports it, the others nowhere
    assert [c1.text[a:b] for a, b in c1.highlights] == ["US$839.89 billion"]
    assert c2.highlights == []


def test_check_figures_accepts_the_same_figure_written_another_way():
    cit = _citation(1, "US goods trade with Mexico in August 2022 was 70.04 billion dollars.")
    (fig,) = check_figures("It was US$70.04 billion [1].", [cit])
    assert fig.verified and fig.citation == 1 and fig.value == pytest.approx(70.04e9)


def test_uncited_figure_is_not_verified():
    cit = _citation(1, "Rail carried US$98.25 billion of US–Mexico trade in 2024.")
    (fig,) = check_figures("Rail carried US$98.25 billion in 2024.", [cit])
    assert not fig.verified and fig.citation is None


def test_split_cited_sentences_with_markers_after_or_before_the_stop():
    assert split_cited_sentences("A rose 5.1%. [1] B fell. [2] [3] C.") == [
        ("A rose 5.1%.", [1]),
        ("B fell.", [2, 3]),
        ("C.", []),
    ]
    assert split_cited_sentences("A rose 5.1% [1][2], and B fell [3]. C.") == [
        ("A rose 5.1%", [1, 2]),
        ("and B fell", [3]),
        ("C.", []),
    ]


def test_extractive_answer_format_is_verified():
    cit = _citation(
        1, "Laredo handled 2,945,393 of the northbound trucks entering Texas in 2025, or 54.4% of the total."
    )
    figures = check_figures(f"{cit.text} [1]", [cit])
    assert [(f.text, f.verified, f.citation) for f in figures] == [("2,945,393", True, 1), ("54.4%", True, 1)]
