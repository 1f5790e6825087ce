"""Tables as data: real table shapes from each format become labelled, typed cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from nearshore_qa.ingest import load_file
from nearshore_qa.tables import (
    clean_label,
    parse_html_tables,
    parse_markdown_tables,
    parse_number,
    parse_period,
    parse_unit,
    tables_from_json,
    tables_to_json,
    title_like,
)

DATA = Path(__file__).parent / "data"


def load(rel: str):
    return load_file(DATA / rel, rel, 50 * 2**20)


@pytest.fixture(scope="module")
def excerpts():
    doc = load("tables/tatqa_excerpts.md")
    return doc, {t.caption: t for t in doc.data_tables}


def col(table, label_part):
    return next(c for c in table.columns if label_part in c.label)


def row(table, label):
    return next(r for r in table.rows if r.label == label)


@pytest.mark.parametrize(
    "text,key,fiscal",
    [
        ("2019", "2019", False),
        ("June 30, 2019", "2019-06-30", False),
        ("As at 31 December 2019", "2019-12-31", False),
        ("Q3 2023", "2023-Q3", False),
        ("FY2019", "2019", True),
        ("Fiscal 2019", "2019", True),
        ("December 31, 2018", "2018-12-31", False),
        ("2018 (4)", "2018", False),
        ("2023-06", "2023-06", False),
        ("Dec 2023", "2023-12", False),
        ("2019/20", "2019", True),
    ],
)
def test_period_labels(text, key, fiscal):
    period = parse_period(text)
    assert period is not None and period.key == key and period.fiscal == fiscal


@pytest.mark.parametrize("text", ["$ 1,452.4", "24.5", "Note", "Total revenues", "2019.5", ""])
def test_not_periods(text):
    assert parse_period(text) is None


@pytest.mark.parametrize(
    "text,value,percent",
    [
        ("(1,234)", -1234.0, False),
        ("$ 1,452.4", 1452.4, False),
        ("$1,496.5", 1496.5, False),
        ("12.5%", 12.5, True),
        ("-3.2", -3.2, False),
        ("US$4.84 billion", 4.84, False),
        ("(38)", -38.0, False),
        ("$ 725", 725.0, False),
    ],
)
def test_numbers(text, value, percent):
    cell = parse_number(text)
    assert cell.value == value and cell.percent == percent


@pytest.mark.parametrize("text", ["—", "-", "n/a", "N/A", "$ -", ""])
def test_empty_cells(text):
    assert parse_number(text).value is None


@pytest.mark.parametrize(
    "text,scale,currency,percent",
    [
        ("$ million", "million", "$", False),
        ("£m", "million", "£", False),
        ("(in thousands)", "thousand", "", False),
        ("usd_billions", "billion", "US$", False),
        ("Millions of U.S. dollars", "million", "US$", False),
        ("share_of_year_total_pct", "", "", True),
        ("$’000", "thousand", "$", False),
    ],
)
def test_units(text, scale, currency, percent):
    unit = parse_unit(text)
    assert (unit.scale, unit.currency, unit.percent) == (scale, currency, percent)


@pytest.mark.parametrize(
    "text,clean",
    [
        ("Americas1", "Americas"),
        ("Other items(1)", "Other items"),
        ("Net revenues by market channel(2)", "Net revenues by market channel"),
        ("Transportation Solutions:", "Transportation Solutions"),
        ("Level 3", "Level 3"),
    ],
)
def test_footnote_markers_dropped_from_labels(text, clean):
    assert clean_label(text) == clean


def test_two_header_rows_with_periods_over_units(excerpts):
    doc, tables = excerpts
    table = tables[
        "The maximum exposure to credit risk for trade receivables at the reporting date by geographic region was:"
    ]
    assert table.header_rows == 2
    y2019 = col(table, "2019")
    assert y2019.period.year == 2019 and y2019.unit.currency == "£" and y2019.unit.scale == "million"
    assert [r.label for r in table.rows] == ["UK", "Ireland", "Total"]
    assert row(table, "Total").kind == "total"
    assert table.cell(row(table, "Ireland").index, y2019.index).value == 0.4
    # the row's offsets point at its line in the document text
    uk = row(table, "UK")
    assert doc.text[uk.start : uk.end] == "| UK |  | 24.5 | 24.9 |"


def test_spanning_header_groups_totals_and_table_scale(excerpts):
    _, tables = excerpts
    table = tables["Net sales by segment and industry end market were as follows:"]
    assert table.header_rows == 3
    assert [c.period.year for c in table.value_columns] == [2019, 2018, 2017]
    assert all(c.label.startswith("Fiscal") for c in table.value_columns)
    assert all(table.column_unit(c).scale == "million" for c in table.value_columns)
    auto = row(table, "Automotive")
    assert auto.group == "Transportation Solutions" and auto.kind == "data"
    assert auto.cells[1].value == 5686 and auto.cells[1].currency == "$"
    assert row(table, "Transportation Solutions").kind == "group"
    assert row(table, "Total Transportation Solutions").kind == "total"
    assert row(table, "Energy").group == "Industrial Solutions"


def test_dated_columns_footnotes_and_repeated_totals(excerpts):
    _, tables = excerpts
    table = tables["Net revenues"]
    keys = [c.period.key for c in table.value_columns]
    assert keys == ["2019-12-31", "2018-12-31", "2017-12-31"]
    groups = [r.label for r in table.rows if r.kind == "group"]
    assert groups == [
        "Net revenues by geographical region of shipment",
        "Net revenues by nature",
        "Net revenues by market channel",
    ]
    assert row(table, "Americas").group == "Net revenues by geographical region of shipment"
    assert row(table, "Distribution").group == "Net revenues by market channel"


def test_negatives_in_parentheses_and_dashes(excerpts):
    _, tables = excerpts
    table = tables["Purchase price allocation"]
    assert [c.period.key if c.period else None for c in table.value_columns] == ["2019-06-30", None, "2019-12-31"]
    payable = row(table, "Accounts payable")
    assert [c.value for c in payable.cells[1:]] == [-219.0, None, -219.0]
    assert row(table, "Cash").cells[2].value is None  # "$ -"


def test_html_spans_expand_and_caption_gives_the_scale():
    doc = load("tables/us_goods_trade_partners.html")
    (table,) = doc.data_tables
    assert table.header_rows == 2 and table.source == "html"
    labels = [c.label for c in table.value_columns]
    assert labels == ["2022 Exports", "2022 Imports", "2023 Exports", "2023 Imports"]
    assert table.unit.scale == "million" and table.unit.currency == "US$"
    mexico = row(table, "Mexico")  # the <sup>1</sup> footnote marker is not part of the label
    assert mexico.cells[4].value == 475216.0
    # the table is a Markdown table in the document text, so row chunks and offsets work as for .md
    assert doc.text[mexico.start : mexico.end].startswith("| Mexico | 324,207.1 |")
    assert parse_html_tables((DATA / "tables/us_goods_trade_partners.html").read_text())[0].rows[2].label == "China"


def test_docx_table_is_data_and_markdown_in_the_text():
    doc = load("corpus/articles/nuevo-leon-investment.docx")
    (table,) = doc.data_tables
    assert [c.label for c in table.columns] == ["Year", "FDI inflow"]
    first = table.rows[0]
    assert first.period.year == 2005 and first.cells[1].value == 4.84
    assert doc.text[first.start : first.end] == "| 2005 | US$4.84 billion |"


def test_csv_long_table_rows_carry_their_period_and_sidecar_scale():
    doc = load("corpus/tables/us_exports_to_mexican_states.csv")
    (table,) = doc.data_tables
    assert [c.label for c in table.label_columns] == ["year", "mexican_state"]
    jalisco = next(r for r in table.rows if r.label == "2024 Jalisco")
    assert jalisco.period.year == 2024 and jalisco.source_row == doc.tables[0].rows.index(
        ("2024", "Jalisco", "11.42", "7")
    )
    exports = col(table, "us_exports_usd_billions")
    assert table.column_unit(exports).scale == "billion" and table.column_unit(exports).currency == "US$"


def test_xlsx_every_sheet_is_a_table():
    doc = load("corpus/tables/trade_by_transport_mode.xlsx")
    assert [t.name for t in doc.data_tables] == [t.name for t in doc.tables]
    truck = doc.data_tables[0].rows[0]
    assert truck.label == "Truck" and truck.cells[1].value == 218.5


def test_pdf_ruled_table_is_read_with_pdfplumber():
    pytest.importorskip("pdfplumber")
    doc = load("tables/us_goods_trade_partners.pdf")
    (table,) = doc.data_tables
    assert table.source == "pdf" and table.page == 1
    assert [c.label for c in table.value_columns] == ["Exports 2023", "Imports 2023", "Balance 2023"]
    assert [c.period.year for c in table.value_columns] == [2023, 2023, 2023]
    assert table.unit.scale == "million" and table.unit.currency == "US$"  # from the line above the table
    china = next(r for r in table.rows if r.label == "China")
    assert china.cells[3].value == -279107.2  # "(279,107.2)"
    assert doc.text[china.start : china.end] == "| China | 147,777.8 | 426,885.0 | (279,107.2) |"  # rendered in place


def test_tables_survive_json(excerpts):
    doc, _ = excerpts
    again = tables_from_json(tables_to_json(doc.data_tables))
    assert again == list(doc.data_tables)


def test_markdown_without_tables_has_none():
    assert parse_markdown_tables("# Title\n\nNo table | here, only a pipe in prose.\n") == []


def test_pdf_table_continued_on_the_next_page_keeps_its_header_and_caption():
    doc = load("monthly/us_imports_from_japan_2023_continued.pdf")
    first, second = doc.data_tables
    assert (first.page, second.page) == (1, 2)
    assert second.caption == first.caption == "Table 1. US goods imports from Japan by month, 2023 (US$ million)"
    # the second page's first row is a month, not a header: it keeps its figure and its period
    assert [c.label for c in second.columns] == ["Month", "Imports"]
    august = second.rows[0]
    assert (august.label, august.period.key, august.cells[1].value) == ("August", "2023-08", 12195.9)
    assert doc.text[second.rows[-1].start : second.rows[-1].end] == "| December | 11,626.9 |"


def test_a_caption_in_italics_below_a_markdown_table_gives_its_units():
    text = (
        "Together the border states received US$7,137.7 million in 2004, and the national\n"
        "total was US$21,098.1 million in 2006.\n\n"
        "| State | 2005 | 2006 |\n|---|---:|---:|\n| Coahuila | 642.2 | 608.3 |\n\n"
        "*FDI flows by state, US$ million. Source: Secretaría de Economía.*\n\n"
        "Next paragraph.\n"
    )
    (table,) = parse_markdown_tables(text)
    assert table.caption == "FDI flows by state, US$ million. Source: Secretaría de Economía."
    # a caption of its own above the table is kept; the line below is then only text
    titled = "Intro paragraph.\n\nFDI by state (US$ million)\n\n" + text[text.index("| State") :]
    (table,) = parse_markdown_tables(titled)
    assert table.caption == "FDI by state (US$ million)"


def test_two_tables_each_with_its_caption_below_and_a_full_stop():
    text = (
        "Trade with the partners fell in\n2009, as the tables show.\n\n"
        "| Partner | 2008 |\n|---|---:|\n| Chile | 20,053.4 |\n\n"
        "*Table 1. Total US goods trade (exports plus imports) by partner, US$ million.*\n\n"
        "| Partner | Exports 2010 | Imports 2010 |\n|---|---:|---:|\n| Chile | 10,906.7 | 7,017.5 |\n\n"
        "*Table 2. US goods exports and imports by partner in 2010,\nUS$ million.*\n"
    )
    first, second = parse_markdown_tables(text)
    assert first.caption.startswith("Table 1. Total US goods trade") and title_like(first.caption)
    # the line above table 2 is table 1's caption: table 2's own is below it, over two lines
    assert second.caption == "Table 2. US goods exports and imports by partner in 2010, US$ million."
