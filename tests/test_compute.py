"""Computations over cited operands: each operation's result, its one-line formula with the
operands as written, the rounding rule, scale conversion, refusals, and verification by
recomputation. Figures are real: the shipped corpus tables (BTS TransBorder, Census, CBP)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from corpus_evidence import table_rows

from nearshore_qa.compute import Computed, Operand, compute, norm_label, period_key
from nearshore_qa.errors import ComputeRefusal, NearshoreQAError
from nearshore_qa.figures import parse_figure
from nearshore_qa.operands import operands_from_row


def cell(name: str, column: str, marker: int = 1, **match: str) -> Operand:
    """One cell of a corpus table, cited as ``marker``."""
    rows = table_rows(name, lambda r: all(r[k] == v for k, v in match.items()), first_marker=marker)
    assert len(rows) == 1, (name, match)
    (op,) = [o for o in operands_from_row(rows[0]) if o.column == column]
    return op


BTS = "us_mexico_canada_trade_annual_bts"
MODES = "us_mexico_trade_by_mode_annual"


@pytest.fixture(scope="module")
def mx2019() -> Operand:
    return cell(BTS, "total_trade_usd_billions", 1, year="2019", partner="Mexico")


@pytest.fixture(scope="module")
def mx2024() -> Operand:
    return cell(BTS, "total_trade_usd_billions", 2, year="2024", partner="Mexico")


def test_a_table_cell_carries_its_units_from_the_column_name(mx2024):
    assert mx2024.value == pytest.approx(839.89e9)
    assert (mx2024.currency, mx2024.scale, mx2024.decimals) == ("USD", 1e9, 2)
    assert (mx2024.entity, mx2024.period, mx2024.column) == ("Mexico", "2024", "total_trade_usd_billions")
    assert mx2024.display == "US$839.89 billion"


def test_percentage_change_states_result_operands_and_formula(mx2019, mx2024):
    c = compute("pct_change", [mx2019, mx2024], subject="US–Mexico goods trade")
    assert c.value == 36.7
    assert c.formula == "(839.89 − 614.50) ÷ 614.50"
    assert c.text == (
        "US–Mexico goods trade grew 36.7% from 2019 to 2024, from US$614.50 billion [1] "
        "to US$839.89 billion [2]: (839.89 − 614.50) ÷ 614.50."
    )
    assert c.verify()


def test_change_orders_operands_by_period_whatever_order_they_come_in(mx2019, mx2024):
    c = compute("change", [mx2024, mx2019])
    assert c.value == pytest.approx(225.39e9)
    assert c.display == "US$225.39 billion"
    assert c.formula == "839.89 − 614.50"
    assert "rose by US$225.39 billion from 2019 to 2024" in c.text


def test_a_fall_is_reported_as_a_fall():
    # US exports to Coahuila: US$12.27 billion in 2022, US$10.01 billion in 2025 (BTS TransBorder)
    a = cell("us_exports_to_mexican_states", "us_exports_usd_billions", 1, year="2022", mexican_state="Coahuila")
    b = cell("us_exports_to_mexican_states", "us_exports_usd_billions", 2, year="2025", mexican_state="Coahuila")
    c = compute("pct_change", [a, b])
    assert c.value == -18.4
    assert " fell 18.4% from 2022 to 2025" in c.text


def test_cagr_over_the_span_of_years(mx2019, mx2024):
    c = compute("cagr", [mx2019, mx2024])
    assert c.value == 6.4  # (839.89 / 614.50) ** (1/5) - 1 = 6.449 %, one decimal
    assert c.formula == "(839.89 ÷ 614.50)^(1/5) − 1"
    assert "(5 years)" in c.text and c.verify()


def test_difference_ratio_between_rows_of_one_period():
    mx = cell(BTS, "imports_usd_billions", 1, year="2024", partner="Mexico")
    ca = cell(BTS, "imports_usd_billions", 2, year="2024", partner="Canada")
    d = compute("difference", [mx, ca])
    assert (d.value, d.formula) == (pytest.approx(93.15e9), "505.85 − 412.70")
    assert "between Mexico (US$505.85 billion [1]) and Canada (US$412.70 billion [2])" in d.text
    r = compute("ratio", [mx, ca])
    assert (r.value, r.display, r.formula) == (1.23, "1.23 times", "505.85 ÷ 412.70")


def test_share_of_the_sum_of_rows_and_of_a_total_from_another_document(mx2024):
    modes = [
        o
        for ev in table_rows(MODES, lambda r: r["year"] == "2024", first_marker=3)
        for o in operands_from_row(ev)
        if o.column == "total_trade_usd_billions"
    ]
    truck = next(o for o in modes if o.entity == "Truck")
    c = compute("share", [truck, *[o for o in modes if o is not truck]])
    assert c.value == 72.5  # the table's own share_of_year_total_pct column says 72.51
    assert c.formula.startswith("609.01 ÷ (609.01 + 98.25 + 81.73")
    assert "of the sum of the 7 rows for 2024" in c.text
    laredo = cell("texas_mexico_ports_trade_annual", "total_trade_usd_billions", 9, year="2024", port="Laredo")
    s = compute("share", [laredo], total=mx2024)
    assert s.value == 39.4  # the Laredo article says 39.4%
    assert s.formula == "331.20 ÷ 839.89"
    assert "[9]" in s.text and "[2]" in s.text  # each document cited
    assert s.verify()


def test_sum_average_max_min_rank_count():
    rows = table_rows("texas_northbound_commercial_trucks_by_port", lambda r: r["year"] == "2024")
    trucks = [o for ev in rows for o in operands_from_row(ev) if o.column == "commercial_trucks_northbound"]
    assert len(trucks) == 12
    top = compute("max", trucks)
    assert top.ranking[0].entity == "Laredo" and top.display == "3,026,632"
    assert "Laredo had the highest" in top.text and "among the 12 compared" in top.text
    low = compute("min", trucks)
    assert low.value == min(o.value for o in trucks)
    ranked = compute("rank", trucks, n=3)
    assert [o.entity for o in ranked.ranking] == ["Laredo", "Hidalgo", "Ysleta"]
    assert ranked.text.startswith("Top 3 by ")
    assert compute("count", trucks, condition=(">", 500_000)).value == 3
    total = compute("sum", trucks[:2])
    assert total.formula == "3,026,632 + 721,489" and total.value == 3_748_121
    avg = compute("average", laredo_trucks((1, "2023"), (2, "2024")))
    assert avg.value == 2_981_381.5  # one decimal more than the whole-number operands
    assert avg.formula == "(2,936,131 + 3,026,632) ÷ 2"


def laredo_trucks(*markers_years: tuple[int, str]) -> list[Operand]:
    """Laredo's northbound trucks of the given years, each cited by its marker."""
    return [
        cell(
            "texas_northbound_commercial_trucks_by_port",
            "commercial_trucks_northbound",
            i,
            year=y,
            port_of_entry="Laredo",
        )
        for i, y in markers_years
    ]


def test_a_series_lists_one_measure_in_time_order_and_checks_each_figure():
    lar = laredo_trucks((2, "2024"), (1, "2023"))
    listed = compute("series", lar)
    assert [o.period for o in listed.operands] == ["2023", "2024"]  # time order, whatever order given
    assert listed.formula == "2023: 2,936,131; 2024: 3,026,632"
    assert listed.text.endswith(": 2023 2,936,131 [1], 2024 3,026,632 [2].")
    assert listed.value == 3_026_632 and listed.verify()
    with pytest.raises(ComputeRefusal):
        compute("series", lar[:1])


def test_percentages_subtract_to_percentage_points():
    a = cell(MODES, "share_of_year_total_pct", 1, year="2019", mode="Truck")
    b = cell(MODES, "share_of_year_total_pct", 2, year="2024", mode="Truck")
    c = compute("change", [a, b])
    assert c.display == "2.66 percentage points"
    assert compute("pct_change", [a, b]).value == 3.81  # percentages written with two decimals keep two


def test_scales_are_converted_to_the_larger_and_noted(mx2019):
    census = cell("us_goods_trade_top_partners_annual", "total_trade_usd_millions", 2, year="2019", partner="Mexico")
    assert census.display == "US$612,770.1 million"
    c = compute("difference", [mx2019, census])
    assert c.formula == "614.50 − 612.770"
    assert c.value == pytest.approx(1.730e9)
    assert c.notes == ("US$612,770.1 million = 612.770 billion",)
    assert c.verify()


def test_text_figures_with_scales_mix_with_cells(mx2024):
    written = Operand.from_figure(parse_figure("US$839,890 million"), period="2024", citation=3)
    assert compute("difference", [mx2024, written]).value == 0


@pytest.mark.parametrize(
    "make,code",
    [
        (lambda a, b: [a, Operand.from_figure(parse_figure("419.88 pesos"), period="2025")], "mixed_currency"),
        (lambda a, b: [a, Operand.from_figure(parse_figure("39.4%"), period="2024")], "mixed_units"),
        (lambda a, b: [a, replace(b, period="2019")], "mixed_periods"),  # a change needs two periods
    ],
)
def test_refusals_for_pct_change(mx2019, mx2024, make, code):
    with pytest.raises(ComputeRefusal) as err:
        compute("pct_change", make(mx2019, mx2024))
    assert err.value.code == code
    assert isinstance(err.value, NearshoreQAError)


def test_rows_of_different_periods_are_not_summed_silently(mx2019):
    canada_2024 = cell(BTS, "total_trade_usd_billions", 2, year="2024", partner="Canada")
    with pytest.raises(ComputeRefusal) as err:
        compute("sum", [mx2019, canada_2024])
    assert err.value.code == "mixed_periods" and "2019" in err.value.reason and "2024" in err.value.reason


def test_a_change_compares_one_row(mx2019):
    canada_2024 = cell(BTS, "total_trade_usd_billions", 2, year="2024", partner="Canada")
    with pytest.raises(ComputeRefusal) as err:
        compute("change", [mx2019, canada_2024])
    assert err.value.code == "mixed_entities"


def test_counts_of_different_things_are_not_combined():
    trucks = cell(
        "texas_northbound_commercial_trucks_by_port",
        "commercial_trucks_northbound",
        1,
        year="2024",
        port_of_entry="Laredo",
    )
    money = cell("texas_mexico_ports_trade_annual", "total_trade_usd_billions", 2, year="2024", port="Laredo")
    with pytest.raises(ComputeRefusal) as err:
        compute("ratio", [money, trucks])
    assert err.value.code == "mixed_units"


def test_division_by_zero_is_refused():
    # US exports through foreign trade zones are 0.00 in the BTS mode table every year
    a = cell(MODES, "exports_usd_billions", 1, year="2019", mode="Foreign Trade Zones (FTZs)")
    b = cell(MODES, "exports_usd_billions", 2, year="2024", mode="Foreign Trade Zones (FTZs)")
    with pytest.raises(ComputeRefusal) as err:
        compute("pct_change", [a, b])
    assert err.value.code == "division_by_zero"
    with pytest.raises(ComputeRefusal):
        compute("ratio", [cell(MODES, "imports_usd_billions", 3, year="2024", mode="Foreign Trade Zones (FTZs)"), b])


def test_cagr_needs_at_least_a_year():
    name = "us_trade_mexico_canada_china_monthly_2022_2024"
    jan = cell(name, "total_trade_usd_millions", 1, year="2022", month="January", partner="Mexico")
    jun = cell(name, "total_trade_usd_millions", 2, year="2022", month="June", partner="Mexico")
    assert jan.period == "January 2022"
    with pytest.raises(ComputeRefusal) as err:
        compute("cagr", [jan, jun])
    assert err.value.code == "cagr_span"
    assert compute("pct_change", [jun, jan]).value == 19.8  # months are ordered too


def test_wrong_number_of_operands_and_unknown_operations(mx2019):
    with pytest.raises(ComputeRefusal) as err:
        compute("pct_change", [mx2019])
    assert err.value.code == "too_few_operands"
    with pytest.raises(ComputeRefusal) as err:
        compute("median", [mx2019, mx2019])
    assert err.value.code == "unknown_operation"


def test_verify_recomputes_and_checks_each_operand_against_its_source(mx2019, mx2024):
    c = compute("pct_change", [mx2019, mx2024])
    assert c.verify()
    tampered = Computed(**{**c.__dict__, "value": 36.8})
    assert not tampered.verify()
    # an operand whose value is not what its cited row states
    wrong = replace(mx2024, value=893.89e9, text="893.89")
    assert not compute("pct_change", [mx2019, wrong]).verify()
    # an operand without a source is recomputed only
    assert compute("pct_change", [replace(mx2019, source_text=""), mx2024]).verify()


def test_json_has_the_computed_figure_shape(mx2019, mx2024):
    data = compute("pct_change", [mx2019, mx2024]).to_json()
    assert {"text", "value", "kind", "formula", "operands", "verified"} <= set(data)
    assert data["kind"] == "computed" and data["verified"] is True and data["value"] == 36.7
    assert data["operands"][0] == {
        "citation": 1,
        "row": "Mexico",
        "column": "total_trade_usd_billions",
        "value": pytest.approx(614.5e9),
        "text": "US$614.50 billion",
        "period": "2019",
        "doc_id": "tables/us_mexico_canada_trade_annual_bts.csv",
        "row_index": 30,
    }


def test_renumbered_markers_rebuild_the_text(mx2019, mx2024):
    c = compute("pct_change", [mx2019, mx2024]).with_markers({1: 2, 2: 1})
    assert "from US$614.50 billion [2] to US$839.89 billion [1]" in c.text
    assert c.verify() and c.value == 36.7


def test_negative_operands_are_bracketed_in_the_formula():
    a = cell(BTS, "balance_usd_billions", 1, year="2019", partner="Mexico")
    b = cell(BTS, "balance_usd_billions", 2, year="2024", partner="Mexico")
    c = compute("change", [a, b])
    assert c.formula == "(−171.81) − (−101.75)"
    assert c.display == "−US$70.06 billion" and "fell by US$70.06 billion" in c.text


def test_labels_and_periods():
    assert norm_label("total_trade_usd_billions") == norm_label("total_trade_usd_millions") == "total trade"
    assert period_key("October 2022") == (2022, 10)
    assert period_key("FY2019") == (2019, 0)
    assert period_key("no year") is None


def test_the_subject_reads_the_sidecar_label_of_the_column():
    """A column named us_imports_from_china_usd_millions reads as its sidecar label ("US imports
    from China", proper nouns kept); a sentence-case label reads in lower case mid-sentence."""
    china = [
        Operand(
            value=v * 1e6,
            text=t,
            kind="currency",
            currency="USD",
            scale=1e6,
            decimals=1,
            period=p,
            measure="us_imports_from_china_usd_millions",
            measure_label="US imports from China",
            citation=i,
        )
        for i, (v, t, p) in enumerate([(483201.7, "483,201.7", "2015"), (308379.7, "308,379.7", "2025")], 1)
    ]
    assert compute("change", china).text.startswith("US imports from China fell by US$174,822.0 million")
    unlabelled = [Operand(**{**o.__dict__, "measure_label": ""}) for o in china]
    assert compute("change", unlabelled).text.startswith("US imports from china fell")  # the name alone
    trade = [
        Operand(
            value=v * 1e6,
            text=t,
            kind="currency",
            currency="USD",
            scale=1e6,
            decimals=1,
            period="2023",
            entity=e,
            measure="total_trade_usd_millions",
            measure_label="Total trade",
            citation=i,
        )
        for i, (v, t, e) in enumerate([(797958.4, "797,958.4", "Mexico"), (772974.7, "772,974.7", "Canada")], 1)
    ]
    assert compute("sum", trade).text.startswith("Combined, total trade in 2023 was US$1,570,933.1 million")


def test_accounting_negatives_and_percent_cells_are_written_with_their_sign_and_verified():
    from nearshore_qa.operands import Evidence, computation_for

    def row(label: str, *values: str) -> Evidence:  # a Markdown row of a TAT-QA report
        return Evidence(
            marker=1,
            text=f"| {label} | " + " | ".join(values) + " |",
            columns=("label", "2019", "2018"),
            values=(label, *values),
            row=0,
            doc_id="report.md",
            chunk_id="report.md:7",
        )

    costs = computation_for(
        "What is the average financing costs between 2018 and 2019?", [row("Financing costs", "(2,088)", "(1,074)")]
    )
    assert costs.formula == "((−2,088) + (−1,074)) ÷ 2" and costs.display == "−1,581.0" and costs.verify()
    cash = computation_for("What is the increase in net cash from 2018 to 2019?", [row("Net cash", "771", "(2,129)")])
    assert cash.formula == "771 − (−2,129)" and cash.display == "2,900" and cash.verify()
    yields = computation_for(
        "What is the average dividend yield in 2018 and 2019?", [row("Dividend yield", "4.5%", "4.6%")]
    )
    assert yields.display == "4.55%" and yields.verify()
    rate = computation_for(
        "What was the change in interest expense from 2018 to 2019?", [row("Interest expense", "(3)%", "(1)%")]
    )
    assert rate.formula == "(−3) − (−1)" and rate.value == -2.0 and rate.verify()
