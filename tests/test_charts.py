"""Charts from cited tables: the series of a cited cell, read off real shipped tables."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from nearshore_qa.charts import asks_for_trend, series_csv, series_for, series_markdown, trend_summary
from nearshore_qa.export import answer_markdown, escape_markdown
from nearshore_qa.ingest import load_file
from nearshore_qa.records import Answer, Citation

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


def loaded(path: Path, doc_id: str):
    doc = load_file(path, doc_id, 50 * 2**20)
    return doc, {doc_id: list(doc.data_tables)}


def cite(doc, table_index: int, row: int, column: str, marker: int = 1, **kw) -> Citation:
    meta = doc.meta
    return Citation(
        marker=marker,
        doc_id=meta.doc_id,
        title=meta.title,
        source=meta.original_name or meta.doc_id,
        publisher=meta.source,
        published=meta.published,
        locator="",
        text="",
        table=doc.data_tables[table_index].name,
        row=row,
        column=column,
        kind="table",
        table_index=table_index,
        data_sources=[{"name": n, "url": u, "vintage": v} for n, u, v in meta.data_sources],
        **kw,
    )


def answer(question: str, *citations: Citation) -> Answer:
    return Answer(question=question, answer="… [1]", abstained=False, citations=list(citations))


@pytest.fixture(scope="module")
def china():
    return loaded(ROOT / "corpus/tables/us_imports_from_china_annual.csv", "tables/us_imports_from_china_annual.csv")


@pytest.fixture(scope="module")
def partners():
    return loaded(
        ROOT / "corpus/tables/us_goods_trade_top_partners_annual.csv", "tables/us_goods_trade_top_partners_annual.csv"
    )


def test_a_year_column_table_gives_every_year_with_the_cited_one_marked(china):
    doc, tables = china
    # row 4 of the CSV body is 2019
    s = series_for(
        answer("What were US imports from China in 2019?", cite(doc, 0, 4, "us_imports_from_china_usd_millions")),
        tables.get,
    )
    assert s is not None
    assert [p.period for p in s.points] == [str(y) for y in range(2015, 2026)]
    assert (s.points[0].value, s.points[0].text) == (483201.7, "483201.7")
    assert [p.period for p in s.points if p.cited] == ["2019"]
    assert s.points[4].value == 449110.7 and s.points[4].row == 4 and s.points[4].row_label == "2019"
    assert s.measure.lower().startswith("us imports from china") and s.measure.endswith("(US$ m)")
    assert s.source.startswith("U.S. Census Bureau via FRED") and "· table U.S. imports of goods from China" in s.source


def test_sidecar_labels_name_the_measure_with_its_unit(china):
    doc, tables = china
    s = series_for(answer("q", cite(doc, 0, 0, "us_imports_from_china_usd_millions")), tables.get, lambda _id: doc.meta)
    assert s.measure == "US imports from China (US$ m)"
    assert all(p.column == "US imports from China (US$ m)" for p in s.points)


def test_csv_first_line_names_the_source_and_rows_trace_back(china):
    doc, tables = china
    s = series_for(answer("q", cite(doc, 0, 4, "us_imports_from_china_usd_millions")), tables.get)
    lines = series_csv(s).splitlines()
    assert lines[0].startswith("# ") and "U.S. Census Bureau via FRED" in lines[0]
    assert lines[1] == "period,value,row,row_label,column,cited"
    assert lines[2].startswith("2015,483201.7,1,2015,")
    assert lines[6].endswith(",yes") and lines[6].startswith("2019,449110.7,5,")
    assert sum(line.endswith(",yes") for line in lines) == 1


def test_trend_summary_is_computed_from_the_first_and_last_rows(china):
    doc, tables = china
    s = series_for(answer("q", cite(doc, 0, 0, "us_imports_from_china_usd_millions")), tables.get)
    first, last = s.points[0], s.points[-1]
    change = (last.value - first.value) / first.value * 100
    line = trend_summary(s)
    verb = "rose" if last.value > first.value else "fell"
    assert f"{verb} from 483,201.7 in 2015 to {last.value:,.1f} in 2025" in line
    assert f"{abs(change):.1f} %" in line and line.count("\n") == 0


def test_since_a_year_starts_a_trend_question_there(china):
    doc, tables = china
    s = series_for(
        answer(
            "How have US imports from China changed since 2018?", cite(doc, 0, 3, "us_imports_from_china_usd_millions")
        ),
        tables.get,
    )
    assert s.points[0].period == "2018" and s.points[-1].period == "2025"
    assert "from 538,514.2 in 2018" in trend_summary(s)


def test_a_year_by_partner_table_keeps_the_cited_partner_only(partners):
    doc, tables = partners
    table = tables[doc.meta.doc_id][0]
    mexico_2019 = next(r for r in table.rows if r.label == "2019 Mexico")
    mexico_2018 = next(r for r in table.rows if r.label == "2018 Mexico")
    a = answer(
        "How did US exports to Mexico change from 2018 to 2019?",
        cite(doc, 0, mexico_2018.source_row, "exports_usd_millions"),
        cite(doc, 0, mexico_2019.source_row, "exports_usd_millions", marker=2),
    )
    s = series_for(a, tables.get)
    assert s.entity == "Mexico" and "Mexico" in s.title
    assert [p.period for p in s.points] == [str(y) for y in range(2015, 2024)]
    assert all(p.row_label.endswith("Mexico") for p in s.points)
    assert s.points[0].value == 236460.1  # 2015, Mexico, exports
    assert [p.period for p in s.points if p.cited] == ["2018", "2019"]
    assert s.source.startswith("U.S. Census Bureau, Foreign Trade Division")


def test_a_wide_table_reads_the_cited_row_across_its_period_columns():
    doc, tables = loaded(DATA / "tables/tatqa_excerpts.md", "tatqa_excerpts.md")
    index = next(i for i, t in enumerate(doc.data_tables) if t.caption.startswith("Net sales by segment"))
    table = doc.data_tables[index]
    automotive = next(r for r in table.rows if r.label == "Automotive")
    col_2018 = next(c for c in table.columns if c.period and c.period.key == "2018")
    s = series_for(answer("q", cite(doc, index, automotive.index, col_2018.label)), tables.get)
    assert [(p.period, p.value) for p in s.points] == [("2017", 5228.0), ("2018", 6092.0), ("2019", 5686.0)]
    assert [p.cited for p in s.points] == [False, True, False]
    assert s.measure.startswith("Automotive") and all(p.row_label == "Automotive" for p in s.points)


def test_no_series_for_a_passage_a_label_cell_or_an_abstention(china):
    doc, tables = china
    passage = replace(cite(doc, 0, 4, "us_imports_from_china_usd_millions"), kind="article", table_index=None)
    assert series_for(answer("q", passage), tables.get) is None
    assert series_for(answer("q", cite(doc, 0, 4, "year")), tables.get) is None  # no measure cited
    a = answer("q", cite(doc, 0, 4, "us_imports_from_china_usd_millions"))
    a.abstained = True
    assert series_for(a, tables.get) is None


@pytest.mark.parametrize(
    "question",
    [
        "How have US imports from China changed since 2015?",
        "Plot US exports to Mexico",
        "chart imports from China by year",
        "What is the trend in US-Mexico trade?",
        "How did trade with Canada evolve over time?",
    ],
)
def test_trend_phrasings(question):
    assert asks_for_trend(question)


@pytest.mark.parametrize(
    "question",
    [
        "What were US imports from China in 2019?",
        "By how much did US imports from China change from 2018 to 2019?",
        "Which partner had the largest trade deficit in 2023?",
    ],
)
def test_look_up_phrasings_are_not_trends(question):
    assert not asks_for_trend(question)


def test_markdown_export_holds_the_series_table_and_its_source(china):
    doc, tables = china
    a = answer(
        "How have US imports from China changed since 2015?", cite(doc, 0, 4, "us_imports_from_china_usd_millions")
    )
    s = series_for(a, tables.get, lambda _id: doc.meta)
    text = answer_markdown(a, series=s)
    assert "| 2015 | 483,201.7 |" in text and "| 2019 | **449,110.7** |" in text
    assert "Source: U.S. Census Bureau via FRED" in text
    assert escape_markdown(trend_summary(s)) in text
    assert series_markdown(s).count("\n| 20") == len(s.points)
    assert "Chart data" not in answer_markdown(a)
    # the conversation export carries each turn's series (a turn without a chart has none)
    from nearshore_qa.export import conversation_markdown

    other = answer(
        "What was US goods trade with Mexico in 2023?", cite(doc, 0, 4, "us_imports_from_china_usd_millions")
    )
    both = conversation_markdown([other, a], series=[None, s])
    assert both.count("### Chart data") == 1 and both.index("### Chart data") > both.index("## How have US imports")
    assert "| 2019 | **449,110.7** |" in both


def test_a_computation_over_many_rows_charts_its_result_row_with_its_cell_cited(partners):
    """A maximum over the partners in 2023 cites the rows once (no single row): the chart is the
    winner's series, its 2023 cell cited."""
    import csv

    from nearshore_qa.records import Figure

    doc, tables = partners
    path = ROOT / "corpus/tables/us_goods_trade_top_partners_annual.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    in_2023 = [(i, r) for i, r in enumerate(rows) if r["year"] == "2023"]
    column = "total_trade_usd_millions"
    ops = [
        {"citation": 1, "row_index": i, "column": column, "value": float(r[column]) * 1e6, "doc_id": doc.meta.doc_id}
        for i, r in in_2023
    ]
    best = max(o["value"] for o in ops)
    fig = Figure("…", best, "computed", 1, True, formula="max(…)", operands=ops)
    grouped = replace(cite(doc, 0, 0, column), row=None)
    a = replace(answer("Which partner had the most total trade with the US in 2023?", grouped), figures=[fig])
    s = series_for(a, tables.get, lambda _id: doc.meta)
    assert s.entity == "Mexico" and [p.period for p in s.points] == [str(y) for y in range(2015, 2024)]
    assert [p.period for p in s.points if p.cited] == ["2023"] and s.points[-1].text == "797958.4"


def test_a_trend_question_naming_two_partners_draws_a_line_for_each(partners):
    """The cited partner's line and one for each other partner the question names; the summary
    and the Markdown table give each its own clause and column."""
    doc, tables = partners
    table = tables[doc.meta.doc_id][0]
    canada_2015 = next(r for r in table.rows if r.label == "2015 Canada")
    cited = cite(doc, 0, canada_2015.source_row, "total_trade_usd_millions")
    q = "How has US total trade with Mexico and Canada changed since 2015?"
    s = series_for(answer(q, cited), tables.get, lambda _id: doc.meta)
    assert s.entities == ("Canada", "Mexico") and s.title == "Total trade (US$ m) · Canada, Mexico"
    lines = s.lines()
    assert (
        [p.period for p in lines["Mexico"]]
        == [p.period for p in lines["Canada"]]
        == [str(y) for y in range(2015, 2024)]
    )
    assert [p.period for p in s.points if p.cited] == ["2015"] and lines["Canada"][0].cited
    summary = trend_summary(s)
    assert summary.startswith("Total trade (US$ m): Canada rose from 577,160.3 in 2015 to 772,974.7 in 2023")
    assert "; Mexico rose from 532,893.5 in 2015 to 797,958.4 in 2023 (+49.7 %)." in summary
    table_md = series_markdown(s)
    assert "| Period | Total trade (US$ m) · Canada | Total trade (US$ m) · Mexico |" in table_md
    assert "| 2015 | **577,160.3** | 532,893.5 |" in table_md
    # a question naming no other partner keeps one line
    alone = series_for(answer("How has US total trade with Canada changed since 2015?", cited), tables.get)
    assert alone.entities == () and {p.entity for p in alone.points} == {"Canada"}
