"""Operands from evidence: figures in cited sentences get their periods (relative years too),
conflicting values are reported with both sources, and ``computation_for`` answers a question
from retrieved table rows or passages — or says why not, or stays out of the way."""

from __future__ import annotations

import pytest
from corpus_evidence import article_sentence, table_rows

from nearshore_qa.compute import Computed, Operand
from nearshore_qa.errors import ComputeRefusal
from nearshore_qa.intent import parse_intent
from nearshore_qa.operands import (
    Evidence,
    _nearest_measure,
    computation_for,
    computation_for_hits,
    figure_periods,
    find_conflicts,
    operands_from_row,
    operands_from_sentences,
    respective_flows,
)
from nearshore_qa.operands import _measure_columns as sentence_columns


def periods(sentence: str) -> list[tuple[str, str]]:
    return [(f.text, p) for f, p, _ in figure_periods(sentence)]


def test_each_figure_takes_the_year_written_after_it_or_the_one_left():
    s = (
        "US goods trade with Mexico rose 2.8% in 2023, from US$776.24 billion in 2022 to US$797.96 billion, "
        "according to U.S. Census Bureau data."
    )
    assert periods(s) == [("2.8%", "2023"), ("US$776.24 billion", "2022"), ("US$797.96 billion", "2023")]


def test_a_year_dated_only_in_part_gives_no_figure_the_whole_year():
    # corpus article: a half-year figure is not the year's ("… US goods trade with Mexico in 2024")
    s = (
        "Mexico's lead continued into 2024: in January–June 2024, US goods trade with Mexico was "
        "US$415.38 billion, compared with US$382.54 billion with Canada."
    )
    assert [p for _, p in periods(s)] == ["", ""]
    assert periods(
        "Imports reached US$120.5 billion in the first quarter of 2024, up from US$110.2 billion in 2023."
    ) == [
        ("US$120.5 billion", "Q1 2024"),
        ("US$110.2 billion", "2023"),
    ]
    assert periods("In March 2024, exports were US$30.1 billion.") == [("US$30.1 billion", "March 2024")]


def test_relative_years_count_back_from_the_sentence_year():
    # CBP's railcar counts for the Eagle Pass bridge (corpus article), phrased with "a year earlier"
    s = "CBP counted 457,559 northbound railcars on the bridge in 2025, up from 399,428 a year earlier."
    assert periods(s) == [("457,559", "2025"), ("399,428", "2024")]
    s2 = "It had 457,559 railcars in 2025, against 399,428 the previous year and 7,139 two years earlier."
    assert periods(s2) == [("457,559", "2025"), ("399,428", "2024"), ("7,139", "2023")]


def test_a_figure_restated_in_brackets_shares_its_period():
    ev = article_sentence("laredo-busiest-us-mexico-port-of-entry", "39.4% of all US–Mexico goods trade")
    found = dict(periods(ev.text))
    assert found["US$331.20 billion"] == found["US$839.89 billion"] == "2024"
    assert found["37.0%"] == "2019"


def test_operands_from_cited_sentences_keep_the_asked_periods():
    ev = article_sentence("monterrey-nuevo-leon-fdi-and-tesla", "US exports to Nuevo León grew 47.5%", marker=4)
    intent = parse_intent("By what percentage did US exports to Nuevo León grow from 2019 to 2024?")
    ops = operands_from_sentences([ev], intent)
    amounts = [o for o in ops if o.kind == "currency"]
    assert [(o.display, o.period, o.citation) for o in amounts] == [
        ("US$20.90 billion", "2019", 4),
        ("US$30.83 billion", "2024", 4),
    ]
    assert all("Nuevo León" in o.source_text for o in ops)


def test_computed_from_an_article_sentence_reproduces_its_percentage():
    ev = article_sentence("mexico-top-us-goods-trading-partner-2023", "US goods trade with Mexico rose 2.8%", marker=2)
    result = computation_for("What was the percentage change in US goods trade with Mexico from 2022 to 2023?", [ev])
    assert isinstance(result, Computed)
    assert result.value == 2.8 and result.formula == "(797.96 − 776.24) ÷ 776.24"
    assert "from US$776.24 billion [2] to US$797.96 billion [2]" in result.text
    assert result.verify()


def test_text_operands_on_counts_and_relative_years():
    ev = article_sentence("texas-mexico-commercial-truck-and-rail-crossings", "jumped 44.0% in 2025", marker=1)
    result = computation_for("By how much did northbound trucks at Eagle Pass rise in 2025?", [ev])
    assert isinstance(result, Computed)
    assert result.display == "112,761" and result.formula == "368,986 − 256,225"
    pct = computation_for("What was the percentage change in trucks at Eagle Pass from 2024 to 2025?", [ev])
    assert pct.value == 44.0  # the article's own figure, recomputed


def test_table_rows_answer_a_growth_question():
    rows = table_rows("us_mexico_canada_trade_annual_bts")
    result = computation_for("What was the percentage change in US trade with Mexico from 2019 to 2024?", rows)
    assert isinstance(result, Computed)
    assert result.text.endswith("from US$614.50 billion [31] to US$839.89 billion [41]: (839.89 − 614.50) ÷ 614.50.")
    assert [o.entity for o in result.operands] == ["Mexico", "Mexico"]
    assert result.to_json()["verified"] is True


def test_the_question_picks_the_column_and_the_rows():
    rows = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["year"] == "2024")
    diff = computation_for("How much more did the US import from Mexico than from Canada in 2024?", rows)
    assert diff.formula == "505.85 − 412.70"
    both = computation_for("What was combined US trade with Mexico and Canada in 2024?", rows)
    assert both.formula == "839.89 + 761.20" and both.display == "US$1,601.09 billion"


def test_a_sum_over_years_needs_every_year_and_a_series_lists_them():
    census = table_rows("us_goods_trade_top_partners_annual", lambda r: r["partner"] == "Mexico")  # to 2023
    asked = "What was US goods trade with Mexico combined from 2022 to 2024?"
    assert computation_for(asked, census) is None  # 2024 is not in the table: no two-year "sum"
    bts = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico")
    total = computation_for(asked, bts)
    assert total.formula == "779.31 + 798.83 + 839.89"
    listed = computation_for("What was US goods trade with Mexico between 2022 and 2024?", bts)
    assert listed.op == "series" and listed.formula == "2022: 779.31; 2023: 798.83; 2024: 839.89"
    assert listed.verify()


def test_the_largest_deficit_is_the_most_negative_balance():
    rows = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico")
    result = computation_for("In which year was the US trade deficit with Mexico largest?", rows)
    assert result.op == "min" and result.ranking[0].period == "2025"
    assert "among the 22 compared" in result.text


def test_rank_max_share_and_count_over_a_whole_table():
    trucks = table_rows("texas_northbound_commercial_trucks_by_port", lambda r: r["year"] == "2024")
    top = computation_for("Which Texas port had the most northbound trucks in 2024?", trucks)
    assert top.ranking[0].entity == "Laredo"
    assert top.text.startswith("Laredo had the highest commercial trucks northbound in 2024, 3,026,632 [")
    every_year = table_rows("texas_northbound_commercial_trucks_by_port")
    latest = computation_for("Which Texas port has the most northbound trucks?", every_year)
    assert {o.period for o in latest.operands} == {"2025"} and " in 2025, " in latest.text
    count = computation_for("How many ports had more than 500,000 northbound trucks in 2024?", trucks)
    assert count.value == 3
    modes = table_rows("us_mexico_trade_by_mode_annual", lambda r: r["year"] == "2024")
    share = computation_for("What share of US–Mexico trade in 2024 was carried by truck?", modes)
    assert share.value == 72.5 and share.operands[0].entity == "Truck"
    low = computation_for("Which mode carried the least US–Mexico trade in 2024?", modes)  # "Mexico": the title's
    assert low.op == "min" and low.ranking[0].entity == "Pipeline"
    top3 = computation_for("What were the top 3 modes of US–Mexico trade in 2024?", modes)
    assert [o.entity for o in top3.ranking] == ["Truck", "Rail", "Vessel"]


def test_no_computation_for_lookups_or_missing_operands():
    rows = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["year"] == "2024")
    assert computation_for("What was US–Mexico goods trade in 2024?", rows) is None
    # asked 2019 to 2024, but only 2024 rows retrieved
    assert computation_for("What was the percentage change in trade with Mexico from 2019 to 2024?", rows) is None
    # a share with only the part retrieved: no whole to divide by
    truck = table_rows("us_mexico_trade_by_mode_annual", lambda r: r["year"] == "2024" and r["mode"] == "Truck")
    assert computation_for("What share of US–Mexico trade in 2024 was carried by truck?", truck) is None


def test_no_computation_on_a_column_the_question_does_not_name():
    trucks = table_rows("texas_northbound_commercial_trucks_by_port", lambda r: r["year"] == "2024")
    # the shipped eval's unanswerable question: the table counts trucks, it has no wait times
    assert (
        computation_for("What was the average northbound truck wait time at the World Trade Bridge in 2024?", trucks)
        is None
    )
    every_year = table_rows("texas_northbound_commercial_trucks_by_port")
    assert (
        computation_for("What was the average northbound truck wait time at Laredo in 2023 and 2024?", every_year)
        is None
    )
    assert (
        computation_for(
            "What was the average number of northbound trucks at Laredo in 2023 and 2024?", every_year
        ).value
        == 2_981_381.5
    )
    # an average over rows the question does not name is no average of "the" ports
    assert computation_for("What was the average number of northbound trucks in 2024?", trucks) is None
    assert computation_for("What was the average number of northbound trucks per port in 2024?", trucks).value == round(
        sum(o.value for ev in trucks for o in operands_from_row(ev) if o.column == "commercial_trucks_northbound") / 12,
        1,
    )


def test_a_refusal_is_returned_with_its_reason():
    rows = table_rows("us_mexico_trade_by_mode_annual", lambda r: r["mode"].startswith("Foreign Trade Zones"))
    result = computation_for(
        "What was the percentage change in exports through foreign trade zones from 2019 to 2024?", rows
    )
    assert isinstance(result, ComputeRefusal) and result.code == "division_by_zero"
    assert "2019" in result.reason


def test_conflicting_sources_for_one_cell_are_reported():
    bts = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["year"] in ("2019", "2023"))
    census = table_rows(
        "us_goods_trade_top_partners_annual",
        lambda r: r["year"] in ("2019", "2023") and r["partner"] == "Mexico",
        first_marker=10,
    )
    result = computation_for(
        "What was the percentage change in total trade with Mexico from 2019 to 2023?", bts + census
    )
    assert isinstance(result, Computed)
    assert result.value == 30.0  # (798.83 − 614.50) ÷ 614.50 on the BTS table
    by_period = {c.period: c for c in result.conflicts}
    assert set(by_period) == {"2019", "2023"}
    c2019 = by_period["2019"]
    assert [o.display for o in c2019.operands] == ["US$614.50 billion", "US$612,770.1 million"]
    assert "Bureau of Transportation Statistics" in c2019.text and "Census" in c2019.text
    assert "raw data downloaded 2026-03-21" in c2019.text  # the BTS vintage, from the sidecar
    assert result.to_json()["conflicts"][0]["values"][1]["citation"] == 10


def test_find_conflicts_in_sentences_ignores_rounding_differences():
    ev = article_sentence(
        "mexico-fdi-by-state-secretaria-de-economia-1999-2017", "FDI into Mexico was US$29.70 billion"
    )
    intent = parse_intent("What was the change in FDI into Mexico from 2016 to 2017?")
    ops = [o for o in operands_from_sentences([ev], intent) if o.period == "2017"]
    conflicts = find_conflicts(ops)
    assert len(conflicts) == 1
    shown = [o.display for o in conflicts[0].operands]
    # 29.70 billion and 29,695.0 million agree at the coarser precision; the revised 31,091 million does not
    assert "US$29.70 billion" in shown and "US$31,091 million" in shown
    assert "US$29,695.0 million" not in shown


def test_equal_values_are_no_conflict():
    a = operands_from_row(
        table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["year"] == "2024" and r["partner"] == "Mexico")[0]
    )
    same = [o for o in a if o.column == "total_trade_usd_billions"]
    text = Operand(
        value=839.89e9,
        text="US$839.89 billion",
        kind="currency",
        currency="USD",
        scale=1e9,
        decimals=2,
        period="2024",
        entity="Mexico",
        measure="total trade",
        citation=5,
    )
    assert find_conflicts([*same, text]) == []


def test_evidence_from_a_hit_carries_rows_and_provenance():
    from nearshore_qa.records import Chunk, DocumentMeta, Hit

    row = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["year"] == "2024" and r["partner"] == "Mexico")[0]
    meta = DocumentMeta(
        doc_id=row.doc_id,
        title=row.title,
        kind="table",
        fmt="csv",
        source=row.publisher,
        published=row.published,
        units=row.units,
    )
    chunk = Chunk(
        chunk_id="c1",
        doc_id=row.doc_id,
        ordinal=0,
        text=row.text,
        start=0,
        end=len(row.text),
        table="main",
        row=row.row,
        columns=row.columns,
        values=row.values,
    )
    hit = Hit(chunk=chunk, doc=meta, score=1.0)
    ev = Evidence.from_hit(hit, marker=3)
    assert ev.is_row and ev.marker == 3 and ev.published == row.published
    cells = {o.column: o for o in operands_from_row(ev)}
    assert cells["total_trade_usd_billions"].citation == 3
    earlier = table_rows(
        "us_mexico_canada_trade_annual_bts", lambda r: r["year"] == "2019" and r["partner"] == "Mexico"
    )[0]
    hit2019 = Hit(
        chunk=Chunk(
            chunk_id="c0",
            doc_id=row.doc_id,
            ordinal=1,
            text=earlier.text,
            start=0,
            end=len(earlier.text),
            table="main",
            row=earlier.row,
            columns=earlier.columns,
            values=earlier.values,
        ),
        doc=meta,
        score=0.9,
    )
    result = computation_for_hits(
        "What was the percentage change in trade with Mexico from 2019 to 2024?", [hit, hit2019]
    )
    assert "from US$614.50 billion [2] to US$839.89 billion [1]" in result.text


@pytest.mark.parametrize("text", ["n/a", "", "—"])
def test_non_numeric_cells_are_skipped(text):
    ev = Evidence(
        marker=1, text="x", columns=("year", "partner", "total_usd_billions"), values=("2024", "Mexico", text)
    )
    assert operands_from_row(ev) == []


def test_a_wide_table_has_a_column_per_period():
    """The BTS totals laid out with a column per year (as many reports print them)."""
    columns = ("Partner", "2019", "2024")
    rows = [
        Evidence(marker=i, text=f"Partner: {p}; 2019: {a}; 2024: {b}", columns=columns, values=(p, a, b), row=i)
        for i, (p, a, b) in enumerate([("Mexico", "614.50", "839.89"), ("Canada", "612.12", "761.20")], 1)
    ]
    cells = operands_from_row(rows[0])
    assert [(o.entity, o.period, o.number) for o in cells] == [("Mexico", "2019", 614.5), ("Mexico", "2024", 839.89)]
    result = computation_for("What was the percentage change in trade with Mexico from 2019 to 2024?", rows)
    assert result.value == 36.7 and result.formula == "(839.89 − 614.50) ÷ 614.50"
    avg = computation_for("What was the average trade with Canada in FY19 and FY24?", rows)
    assert avg.formula == "(612.12 + 761.20) ÷ 2"


def test_accounting_negatives_in_cells():
    ev = Evidence(marker=1, text="x", columns=("Item", "2019", "2018"), values=("Net income", "$(3.27)", "(2,129)"))
    assert [o.value for o in operands_from_row(ev)] == [-3.27, -2129.0]


# --- a table and an article that differ on one figure ----------------------------------------------


def test_an_article_stating_another_value_for_an_operand_cell_is_a_conflict():
    # BTS's table has US$614.50 billion for US–Mexico trade in 2019; a corpus article quotes the
    # Census Bureau's US$612.77 billion for the same year
    rows = table_rows(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
    )
    article = article_sentence("us-mexico-goods-trade-since-nafta", "fell 12.5% in 2020", marker=len(rows) + 1)
    result = computation_for(
        "What was the percentage change in US trade with Mexico from 2019 to 2024?", [*rows, article]
    )
    assert isinstance(result, Computed) and result.value == 36.7  # computed on the table
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert (conflict.entity, conflict.period) == ("Mexico", "2019")
    assert [o.display for o in conflict.operands] == ["US$614.50 billion", "US$612.77 billion"]
    assert [o.citation for o in conflict.operands] == [1, 3]
    # whose figure it is: the sentence says so ("according to U.S. Census Bureau data")
    assert "Bureau of Transportation Statistics" in conflict.text and "U.S. Census Bureau" in conflict.text
    assert conflict.text.startswith("Sources differ on total trade for Mexico in 2019:")


def test_a_sentence_figure_for_another_row_or_an_agreeing_value_is_no_conflict():
    rows = table_rows(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Canada" and r["year"] in ("2022", "2023")
    )
    # "US goods trade with Canada fell 3.0% in 2023, from US$796.67 billion in 2022, and US goods
    # trade with China fell 16.8%, from US$690.38 billion in 2022": 796.67 is Canada's, 690.38 China's
    both = article_sentence("mexico-top-us-goods-trading-partner-2023", "fell 3.0%", marker=3)
    result = computation_for("What was the percentage change in US trade with Canada from 2022 to 2023?", [*rows, both])
    assert isinstance(result, Computed)
    shown = [o.display for c in result.conflicts for o in c.operands]
    assert "US$796.67 billion" in shown and "US$690.38 billion" not in shown
    # the BTS transborder article states the table's own 2023 figure for Mexico: no conflict
    mexico = table_rows(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2023", "2024")
    )
    same = article_sentence("us-mexico-trade-2024-2025-transborder", "grew 5.1% in 2024", marker=3)
    result = computation_for(
        "What was the percentage change in US trade with Mexico from 2023 to 2024?", [*mexico, same]
    )
    assert isinstance(result, Computed) and result.conflicts == ()


def test_a_sentence_naming_two_measures_before_a_figure_is_read_by_the_nearest():
    rows = table_rows("us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Canada" and r["year"] == "2023")
    columns = sentence_columns(rows[0])
    # "… trade with Canada was US$772.97 billion in 2023, with US exports to Canada of US$354.36 billion …"
    assert _nearest_measure("US goods trade with Canada was ", columns) == "total_trade_usd_billions"
    assert _nearest_measure("in 2023, with US exports to Canada of ", columns) == "exports_usd_billions"
    assert _nearest_measure("The US goods trade deficit with Canada was ", columns) == "balance_usd_billions"
    assert _nearest_measure("Canada still bought more US goods than Mexico in 2024 (", columns) == ""


def test_a_row_labelled_as_a_total_is_not_compared_with_its_parts():
    rows = table_rows("mexico_fdi_by_state", lambda r: r["year"] == "2017")
    result = computation_for("Which Mexican state received the most foreign direct investment in 2017?", rows)
    assert isinstance(result, Computed)
    assert result.ranking[0].entity == "Ciudad de México"
    assert not any("total" in o.entity for o in result.operands)


def test_a_long_table_answers_when_a_wide_table_in_the_same_pool_does_not():
    """A retrieved document table with years as columns (here Canada's row) must not hide the
    operands that a long table's year rows hold for the row the question names."""
    wide = Evidence(
        marker=1,
        text="Partner: Canada; 2022: 359.08; 2023: 354.41",
        doc_id="reports/canada.md",
        chunk_id="canada#0",
        columns=("Partner", "2022", "2023"),
        values=("Canada", "359.08", "354.41"),
        row=0,
        table="t1",
        units="US$ billion",
        title="US exports to Canada",
    )
    long_rows = table_rows(
        "us_exports_top_markets_usitc", lambda r: r["partner"] == "Mexico" and r["year"] in ("2022", "2023"), 2
    )
    result = computation_for(
        "By what percentage did US total exports to Mexico change from 2022 to 2023?", [wide, *long_rows]
    )
    assert isinstance(result, Computed)
    assert result.formula == "(323.64 − 327.02) ÷ 327.02"
    assert [o.entity for o in result.operands] == ["Mexico", "Mexico"]


def test_years_asked_of_a_fourth_quarter_table_are_answered_as_those_quarters():
    """A quarterly report's table holds Q4 2019 and Q4 2018 only (TAT-QA, BCE): the growth "in
    2019" is computed on them and says so, never silently as the year."""
    row = Evidence(
        marker=1,
        text="| Bell Wireless | 2,493 | 2,407 |",
        doc_id="bce.md",
        chunk_id="bce#1",
        columns=("label", "Q4 2019", "Q4 2018"),
        values=("Bell Wireless", "2,493", "2,407"),
        row=1,
        table="table 1",
        title="BCE fourth quarter",
    )
    result = computation_for("What is the percentage change in Bell Wireless operating revenues in 2019?", [row])
    assert isinstance(result, Computed)
    assert "from Q4 2018 to Q4 2019" in result.text and result.formula == "(2,493 − 2,407) ÷ 2,407"
    annual = Evidence(**{**row.__dict__, "columns": ("label", "2019", "2018"), "chunk_id": "bce#2"})
    assert (
        "from 2018 to 2019"
        in computation_for("What is the percentage change in Bell Wireless operating revenues in 2019?", [annual]).text
    )


def test_quarter_rows_take_the_year_of_their_caption():
    """Rows "Q1" … "Q4" under a caption "… by quarter, 2011": each is that quarter of 2011
    (US Census Bureau figures, as in the fresh dev PDF on US–Japan trade)."""
    caption = "Table 2. US goods trade with Japan by quarter, 2011 (US$ million; balance = exports minus imports)"
    rows = [
        Evidence(
            marker=i + 1,
            text=f"| {q} | {imports} |",
            doc_id="japan.pdf",
            chunk_id=f"japan#{i}",
            columns=("Quarter", "Imports", "Exports"),
            values=(q, imports, exports),
            row=i,
            table="table page 1",
            units=caption,
            caption=caption,
        )
        for i, (q, imports, exports) in enumerate(
            [("Q1", "32,258.7", "16,192.2"), ("Q2", "26,567.7", "16,297.5"), ("Q4", "36,555.6", "17,122.2")]
        )
    ]
    assert [o.period for o in operands_from_row(rows[0])] == ["Q1 2011", "Q1 2011"]
    result = computation_for(
        "By what percentage did US imports from Japan change from the first quarter to the fourth quarter of 2011?",
        rows,
    )
    assert isinstance(result, Computed)
    assert "13.3% from Q1 2011 to Q4 2011, from US$32,258.7 million [1] to US$36,555.6 million [3]" in result.text


# U.S. Census Bureau, Trade in Goods by Country: Japan, 2012 and 2011 (US$ million)
RESPECTIVE = (
    "Over 2012 as a whole US exports to Japan came to US$69,975.8 million and imports to US$146,431.7 million, "
    "against US$65,799.7 million and US$128,927.9 million in 2011."
)


def test_figures_either_side_of_against_take_the_year_of_their_side_and_the_flow_in_the_order_written():
    assert periods(RESPECTIVE) == [
        ("US$69,975.8 million", "2012"),
        ("US$146,431.7 million", "2012"),
        ("US$65,799.7 million", "2011"),
        ("US$128,927.9 million", "2011"),
    ]
    assert respective_flows(RESPECTIVE) == {
        "US$69,975.8 million": "export",
        "US$146,431.7 million": "import",
        "US$65,799.7 million": "export",
        "US$128,927.9 million": "import",
    }


@pytest.mark.parametrize(
    "question,formula",
    [
        (
            "By what percentage did US imports from Japan change from 2011 to 2012?",
            "(146,431.7 − 128,927.9) ÷ 128,927.9",
        ),
        ("By what percentage did US exports to Japan change from 2011 to 2012?", "(69,975.8 − 65,799.7) ÷ 65,799.7"),
    ],
)
def test_a_change_read_from_a_respectively_ordered_sentence_takes_the_flow_asked(question, formula):
    ev = Evidence(marker=1, text=RESPECTIVE, doc_id="japan.md", chunk_id="japan#0", title="US goods trade with Japan")
    result = computation_for(question, [ev])
    assert isinstance(result, Computed) and result.formula == formula


def _mode_row(i: int, month: str, values: tuple[str, ...]) -> Evidence:
    # BTS TransBorder, US exports to Mexico by mode, 2019 (US$ million); as the PDF fixture
    columns = ("Month", "Truck", "Rail", "Vessel", "Air")
    return Evidence(
        marker=10 + i,
        text="| " + " | ".join((month, *values)) + " |",
        doc_id="mexico-modes.pdf",
        chunk_id=f"modes#{i}",
        columns=columns,
        values=(f"{month} 2019", *values),
        row=i,
        table="table page 2",
        units="Table 1. US exports to Mexico by month and mode, 2019 (US$ million)",
        caption="Table 1. US exports to Mexico by month and mode, 2019 (US$ million)",
        title="US exports to Mexico by month and mode, first quarter 2019",
    )


def test_a_table_of_another_period_in_the_pool_does_not_hide_the_table_holding_the_operands():
    # the partners-by-month CSV names "exports" better than the mode table does, but has no 2019
    partners = table_rows("us_trade_mexico_canada_china_monthly_2022_2024", lambda r: r["partner"] == "Mexico")[:6]
    modes = [
        _mode_row(0, "January", ("15,178.2", "2,373.3", "2,515.7", "838.6")),
        _mode_row(1, "March", ("14,582.7", "2,417.4", "3,037.7", "800.8")),
    ]
    result = computation_for(
        "By how much did US rail exports to Mexico change from January to March 2019?", [*partners, *modes]
    )
    assert isinstance(result, Computed), result
    assert result.formula == "2,417.4 − 2,373.3"
