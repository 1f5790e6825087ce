"""Which cell may answer: one that fills every slot of the question (row, period, measure), read
beyond the top three retrieved documents when none of theirs does; never a cell of the other
direction (exports for imports) or of another measure (values for a weight). Real files under
tests/data, the real loader and chunker; retrieval's ranking fixed by ``hits_for``."""

from __future__ import annotations

from pathlib import Path

from helpers import hit, hits_for

from nearshore_qa.answerers.cells import answer_from_tables, cell_answer_for, lacks_measure, other_direction_row
from nearshore_qa.answerers.computed import document_table_hits
from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_file
from nearshore_qa.operands import computation_for, evidence_from_hits
from nearshore_qa.records import Hit

DATA = Path(__file__).parent / "data"


def load(rel: str):
    return load_file(DATA / rel, rel, 50 * 2**20)


def tables_of(*docs):
    by_id = {d.meta.doc_id: list(d.data_tables) for d in docs}
    return lambda doc_id: by_id[doc_id]


def articles():
    """Three documents about US–Mexico trade that hold no mode table: the top of the ranking."""
    return [
        load("corpus/articles/us-mexico-trade-2024.md"),
        load("corpus/articles/texas-truck-crossings.txt"),
        load("corpus/articles/mexico-led-us-trade-august-2022.html"),
    ]


def top_three(docs) -> list[Hit]:
    return [hits_for(d, "Mexico", top=1)[0] for d in docs]


def test_a_table_ranked_fourth_answers_when_its_cell_fills_every_slot():
    docs = articles()
    modes = load("slots/us_mexico_trade_by_mode_2024_2025.csv")
    hits = top_three(docs) + hits_for(modes, "2025,Rail", top=2)
    question = "What was the value of US-Mexico rail trade in 2025?"
    found = answer_from_tables(question, hits, tables_of(*docs, modes))
    assert found is not None
    assert found.row.label == "2025 Rail" and found.columns[0].label == "total_trade_usd_billions"
    assert "US$94.75 billion" in found.sentence and found.doc_rank == 3


def test_a_data_table_no_hit_came_from_answers_through_the_catalogue():
    docs = articles()
    modes = load("slots/us_mexico_trade_by_mode_2024_2025.csv")
    rows = [Hit(chunk=c, doc=modes.meta, score=0.0) for c in chunk_document(modes) if c.row is not None]
    answer = cell_answer_for(
        "What was the value of US-Mexico pipeline trade in 2024?",
        top_three(docs),
        tables_of(*docs, modes),
        catalogue=lambda: [rows],
    )
    assert answer is not None and not answer.abstained
    assert "US$5.74 billion" in answer.answer
    citation = answer.citations[0]
    assert citation.doc_id == modes.meta.doc_id and citation.row_label == "2024 Pipeline"
    # without the catalogue, nothing ranked holds the cell: no cell answer
    assert (
        cell_answer_for(
            "What was the value of US-Mexico pipeline trade in 2024?", top_three(docs), tables_of(*docs, modes)
        )
        is None
    )


def test_a_cell_beyond_the_top_documents_is_not_taken_when_a_slot_stays_empty():
    docs = articles()
    modes = load("slots/us_mexico_trade_by_mode_2024_2025.csv")
    hits = top_three(docs) + hits_for(modes, "2025,Rail", top=2)
    # no 2023 column or row: the period slot is not filled
    assert (
        answer_from_tables("What was the value of US-Mexico rail trade in 2023?", hits, tables_of(*docs, modes)) is None
    )
    # "tonnage" is said by no label around the cell
    found = answer_from_tables(
        "What was the value of US-Mexico rail tonnage and railcar counts in 2025?", hits, tables_of(*docs, modes)
    )
    assert found is None


def test_an_exports_table_does_not_answer_a_question_about_imports():
    doc = load("slots/us_exports_top_markets_extract.csv")
    hits = hits_for(doc, "2022,Brazil")
    tables = tables_of(doc)
    assert answer_from_tables("How much did the US import from Brazil in 2022?", hits, tables) is None
    assert (
        answer_from_tables("What were US imports from the Netherlands in 2023?", hits_for(doc, "Netherlands"), tables)
        is None
    )
    found = answer_from_tables("What were US exports to Brazil in 2022?", hits, tables)
    assert found is not None and "US$54.43 billion" in found.sentence
    # the quoted-row fallback holds to the same rule
    row_hit = next(h for h in hits if h.chunk.row is not None and "Brazil" in h.chunk.text)
    assert other_direction_row("How much did the US import from Brazil in 2022?", row_hit)
    assert not other_direction_row("What were US exports to Brazil in 2022?", row_hit)
    # trade is the total of both directions: a table of exports alone does not state it
    assert other_direction_row("What was US trade with Brazil in 2022?", row_hit)
    assert answer_from_tables("What was total US goods trade with Brazil in 2022?", hits, tables) is None


def test_a_trade_total_does_not_answer_a_question_about_the_balance():
    modes = load("slots/us_mexico_trade_by_mode_2024_2025.csv")
    found = answer_from_tables(
        "What was the US-Mexico trade balance for rail in 2025?", hits_for(modes, "2025,Rail"), tables_of(modes)
    )
    assert found is None


def test_a_question_may_spell_out_what_the_table_abbreviates():
    doc = load("slots/fdi_border_states.md")
    found = answer_from_tables(
        "How much foreign direct investment went to Coahuila in 2006?", hits_for(doc, "Coahuila"), tables_of(doc)
    )
    assert found is not None and found.row.label == "Coahuila"
    assert "608.3" in found.sentence and found.columns[0].label == "2006"


def test_a_measure_no_label_of_the_cell_holds_blocks_the_cell():
    doc = load("slots/us_canada_monthly_2020.md")
    hits = hits_for(doc, "| March")
    tables = tables_of(doc)
    question = "What was the weight of US exports to Canada by truck in March 2020?"
    answer = cell_answer_for(question, hits, tables)
    assert answer is not None and answer.abstained and not answer.citations
    # it says what the table gives instead, and no figure as if it were the weight
    assert "not its weight" in answer.answer and "US$ billion" in answer.answer
    assert "23.53" not in answer.answer and "27.90" not in answer.answer
    assert answer.closest and answer.closest[0].doc_id == doc.meta.doc_id
    found = answer_from_tables("What were US exports to Canada in March 2020?", hits, tables)
    assert found is not None and "23.53" in found.sentence


def test_a_measure_named_before_any_preposition_must_be_what_the_row_holds():
    """ "What was the average truck wait time at …" names a duration: a row of values does not
    state it (seen on a dev question of the shipped eval, over a table of truck counts)."""
    doc = load("slots/us_canada_monthly_2020.md")
    hits = hits_for(doc, "| March")
    row = hit(
        1, "year: 2024; port: Laredo; bridge: World Trade Bridge; northbound trucks: 3026632", "Truck crossings", row=3
    )
    assert lacks_measure("What was the average truck wait time at the World Trade Bridge in 2024?", row)
    assert not lacks_measure("What was the number of trucks at the World Trade Bridge in 2024?", row)
    # "the total trade between …" is met by a table of exports and imports
    found = answer_from_tables(
        "What was the total trade between the US and Canada in March 2020?", hits, tables_of(doc)
    )
    assert found is not None and "48.66" in found.sentence


def test_a_passage_naming_the_measure_the_table_lacks_answers_in_its_place():
    doc = load("slots/us_canada_monthly_2020.md")
    question = "What was the weight of US exports to Canada by truck in March 2020?"
    weighed = hit(9, "US exports to Canada by truck in March 2020 had a shipping weight of 5.1 million tonnes.")
    assert cell_answer_for(question, [*hits_for(doc, "| March"), weighed], tables_of(doc)) is None


def test_two_month_rows_of_a_document_table_are_subtracted_with_both_cited():
    doc = load("slots/us_canada_monthly_2020.md")
    question = "How much larger was US–Canada trade in January 2020 than in April 2020?"
    pool = document_table_hits(hits_for(doc, "| January"), tables_of(doc))
    result = computation_for(question, evidence_from_hits(pool))
    assert result is not None and not isinstance(result, Exception)
    assert result.display == "US$18.16 billion"
    assert sorted(o.period for o in result.operands) == ["April 2020", "January 2020"]
    assert {o.text for o in result.operands} == {"47.93", "29.77"}


def test_a_span_of_months_is_not_answered_by_its_last_months_cell():
    doc = load("slots/us_canada_monthly_2020.md")
    hits = hits_for(doc, "| March")
    question = "What was US–Canada trade from January through March 2020?"
    assert answer_from_tables(question, hits, tables_of(doc)) is None
    found = answer_from_tables("What was US–Canada trade in March 2020?", hits, tables_of(doc))
    assert found is not None and "48.66" in found.sentence


def test_what_a_question_counts_must_be_what_the_cell_counts():
    """A question that asks "how many shipments" counts shipments: a cell of dollar values does not answer it, and
    the answer says what the table gives instead."""
    doc = load("slots/us_canada_monthly_2020.md")
    hits = hits_for(doc, "| March")
    question = "How many shipments did the US export to Canada by truck in March 2020?"
    answer = cell_answer_for(question, hits, tables_of(doc))
    assert answer is not None and answer.abstained and "not its shipment" in answer.answer
    assert "23.53" not in answer.answer and "27.90" not in answer.answer


def test_a_table_of_total_trade_answers_neither_the_exports_nor_the_imports():
    doc = load("slots/us-trade-south-america-totals.md")
    hits = hits_for(doc, "Venezuela")
    tables = tables_of(doc)
    assert answer_from_tables("What were US imports from Venezuela in 2008?", hits, tables) is None
    assert answer_from_tables("How much did the US export to Chile in 2009?", hits_for(doc, "Chile"), tables) is None
    found = answer_from_tables("What was total US goods trade with Venezuela in 2008?", hits, tables)
    assert found is not None and "US$64,033.7 million" in found.sentence  # the caption below gives the unit


def test_a_flow_of_a_product_the_table_never_names_is_not_read_off_it():
    doc = load("slots/us_exports_top_markets_extract.csv")
    hits = hits_for(doc, "2022,Brazil")
    tables = tables_of(doc)
    blocked = answer_from_tables("What were US exports of cotton to Brazil in 2022?", hits, tables)
    # no figure: a reasoned abstention that the table gives US exports, not cotton's
    assert blocked is not None and not blocked.sentence and blocked.notes["missing_measure"] == {"cotton"}
    found = answer_from_tables("What were US exports of goods to Brazil in 2022?", hits, tables)
    assert found is not None and "US$54.43 billion" in found.sentence  # goods: every product


def test_a_row_of_dollars_is_not_quoted_for_tonnes_nor_a_row_of_all_goods_for_cotton():
    doc = load("slots/us_exports_top_markets_extract.csv")
    row = next(h for h in hits_for(doc, "2022,Brazil") if h.chunk.row is not None and "Brazil" in h.chunk.text)
    # "how many tonnes of exports …" counts tonnes (the unit before "of"), not exports
    found = answer_from_tables("How many tonnes of exports did the US ship to Brazil in 2022?", [row], tables_of(doc))
    assert found is None or not found.sentence  # no figure in US$ for a count of tonnes
    assert lacks_measure("How many tonnes of exports did the US ship to Brazil in 2022?", row)
    assert lacks_measure("What were US exports of cotton to Brazil in 2022?", row)
    assert not lacks_measure("What were US exports of goods to Brazil in 2022?", row)
    assert not lacks_measure("What were US exports to Brazil in 2022?", row)
    # the kind written after the flow, as "in": services are not goods; a period or a place is no kind
    assert lacks_measure("What was the US trade balance in services with Brazil in 2022?", row)
    assert not lacks_measure("What was the US trade balance in goods with Brazil in 2022?", row)
    assert lacks_measure("What was the US surplus in services trade with Brazil in 2022?", row)  # fresh13-u03
    assert not lacks_measure("What was the US surplus in goods trade with Brazil in 2022?", row)
    assert not lacks_measure("Were US exports to Brazil higher than imports in each year?", row)
    assert not lacks_measure("What were US exports in March 2022?", row)


def test_a_years_cell_does_not_say_which_month_nor_name_what_a_which_question_asks():
    modes = load("slots/us_mexico_trade_by_mode_2024_2025.csv")
    hits = hits_for(modes, "2025,Rail", top=2)
    assert cell_answer_for("What was the value of US-Mexico rail trade in 2025?", hits, tables_of(modes)) is not None
    # seen on near misses written for the fresh sets' dev parts: a year's cell answered "which month"
    asked = "In which month of 2025 was the value of US-Mexico rail trade recorded?"
    assert cell_answer_for(asked, hits, tables_of(modes)) is None
    # … and "which products accounted for …" (names) with one cell's value
    asked = "Which products accounted for US-Mexico rail trade in 2025?"
    assert cell_answer_for(asked, hits, tables_of(modes)) is None


def test_how_many_of_them_were_so_counts_what_they_were():
    row = hit(1, "year: 2009; port: Laredo; northbound trucks: 1382319", "Truck crossings", row=3)
    assert lacks_measure("How many of the northbound trucks counted at Laredo in 2009 were empty?", row)
    assert not lacks_measure("How many northbound trucks were counted at Laredo in 2009?", row)
