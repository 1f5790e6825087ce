"""An LLM proposes a computation by citation marker; the code parses and carries it out, with the
same formula, rounding, refusals and verification. No model needed: the proposals are strings."""

from __future__ import annotations

import pytest
from corpus_evidence import article_sentence, table_rows

from nearshore_qa.compute import Computed
from nearshore_qa.errors import ComputeRefusal
from nearshore_qa.proposal import PROPOSAL_INSTRUCTIONS, Ref, execute_proposal, parse_proposal, strip_proposal


@pytest.fixture(scope="module")
def evidence():
    rows = table_rows(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
    )  # [1] 2019, [2] 2024
    modes = table_rows(
        "us_mexico_trade_by_mode_annual", lambda r: r["year"] == "2024" and r["mode"] == "Truck", first_marker=3
    )
    text = article_sentence(
        "mexico-top-us-goods-trading-partner-2023", "US goods trade with Mexico rose 2.8%", marker=4
    )
    pesos = article_sentence("ciudad-juarez-chihuahua-manufacturing", "419.88 pesos a day", marker=5)
    return {e.marker: e for e in [*rows, *modes, text, pesos]}


def test_parse_a_compute_line():
    answer = (
        "US–Mexico trade grew strongly [1][2].\n"
        "COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)"
    )
    p = parse_proposal(answer)
    assert p.op == "pct_change"
    assert p.refs == (Ref(1, column="total_trade_usd_billions"), Ref(2, column="total_trade_usd_billions"))
    assert strip_proposal(answer, p) == "US–Mexico trade grew strongly [1][2]."


def test_parse_quoted_figures_indexes_and_options():
    p = parse_proposal("compute: share([3].total_trade_usd_billions, total=[2].total_trade_usd_billions)")
    assert p.op == "share" and p.total == Ref(2, column="total_trade_usd_billions")
    p = parse_proposal('COMPUTE: difference([4] "US$797.96 billion", [4] "US$776.24 billion")')
    assert p.refs[0] == Ref(4, figure="US$797.96 billion")
    p = parse_proposal("COMPUTE: rank([1].exports_usd_billions, [2].exports_usd_billions, n=1, order=asc)")
    assert (p.n, p.order) == (1, "asc")
    p = parse_proposal("COMPUTE: percentage_change([4]#2, [4]#3)")
    assert p.op == "pct_change" and p.refs == (Ref(4, index=2), Ref(4, index=3))


def test_parse_json_form():
    p = parse_proposal(
        'Here is the computation: {"op": "cagr", "operands": ["[1].total_trade_usd_billions", '
        '"[2].total_trade_usd_billions"]}'
    )
    assert p.op == "cagr" and len(p.refs) == 2


def test_no_proposal_and_unreadable_ones():
    assert parse_proposal("Trade grew 36.7% [1].") is None
    with pytest.raises(ComputeRefusal) as err:
        parse_proposal("COMPUTE: median([1], [2])")
    assert err.value.code == "unknown_operation"
    with pytest.raises(ComputeRefusal) as err:
        parse_proposal("COMPUTE: change(row 1, row 2)")
    assert err.value.code == "bad_reference"


def test_execute_on_table_cells(evidence):
    p = parse_proposal("COMPUTE: pct_change([2].total_trade_usd_billions, [1].total_trade_usd_billions)")
    result = execute_proposal(p, evidence, subject="US–Mexico goods trade")
    assert isinstance(result, Computed)
    assert result.text == (
        "US–Mexico goods trade grew 36.7% from 2019 to 2024, from US$614.50 billion [1] "
        "to US$839.89 billion [2]: (839.89 − 614.50) ÷ 614.50."
    )
    assert result.verify()


def test_execute_on_figures_quoted_from_a_passage(evidence):
    p = parse_proposal('COMPUTE: pct_change([4] "US$776.24 billion", [4] "US$797.96 billion")')
    result = execute_proposal(p, evidence)
    assert result.value == 2.8 and [o.period for o in result.operands] == ["2022", "2023"]
    by_index = execute_proposal(parse_proposal("COMPUTE: pct_change([4]#2, [4]#3)"), evidence)
    assert by_index.value == 2.8


def test_execute_a_share_across_documents(evidence):
    p = parse_proposal("COMPUTE: share([3].total_trade_usd_billions, total=[2].total_trade_usd_billions)")
    result = execute_proposal(p, list(evidence.values()))
    assert result.value == 72.5 and "[3]" in result.text and "[2]" in result.text


@pytest.mark.parametrize(
    "line,code",
    [
        ("COMPUTE: change([1].total_trade_usd_billions, [9].total_trade_usd_billions)", "bad_reference"),
        ("COMPUTE: change([1].no_such_column, [2].total_trade_usd_billions)", "bad_reference"),
        ("COMPUTE: change([1], [2])", "bad_reference"),  # a row with several figures: the column must be named
        ('COMPUTE: change([4] "US$700.00 billion", [4] "US$797.96 billion")', "bad_reference"),  # not stated there
        ('COMPUTE: ratio([1].total_trade_usd_billions, [5] "419.88 pesos")', "mixed_currency"),
        ("COMPUTE: cagr([1].total_trade_usd_billions, [1].total_trade_usd_billions)", "mixed_periods"),
    ],
)
def test_execute_refuses_with_a_reason(evidence, line, code):
    result = execute_proposal(parse_proposal(line), evidence)
    assert isinstance(result, ComputeRefusal)
    assert result.code == code, result.reason


def test_instructions_name_every_operation():
    for op in ("pct_change", "cagr", "share", "rank", "count"):
        assert op in PROPOSAL_INSTRUCTIONS
