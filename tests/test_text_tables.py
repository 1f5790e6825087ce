"""Plain-text reports: whitespace-aligned tables become tables as data (cells, row offsets,
caption), their rows become row pieces, and a question is answered from the cell."""

from __future__ import annotations

from pathlib import Path

from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_bytes, load_file
from nearshore_qa.tables import text_table_blocks

DATA = Path(__file__).parent / "data"
REPORT = "monthly/texas_ports_crossings_report.txt"


def report():
    return load_file(DATA / REPORT, REPORT, 50 * 2**20)


def test_aligned_columns_become_a_table_with_typed_cells_and_offsets():
    doc = report()
    trucks, rail = doc.data_tables
    assert trucks.source == "txt"
    assert trucks.caption == "Table 1. Northbound commercial trucks by port of entry (number of trucks)"
    assert [c.label for c in trucks.columns] == ["Port of entry", "2021", "2022", "2023", "2024"]
    assert [c.period.key for c in trucks.value_columns] == ["2021", "2022", "2023", "2024"]
    laredo = trucks.rows[0]
    assert laredo.label == "Laredo" and laredo.cells[4].value == 3026632
    # a label of two words and an empty cell ("-") keep their columns
    serna = trucks.rows[-1]
    assert serna.label == "Marcelino Serna" and serna.cells[1].empty and serna.cells[3].value == 7139
    # the row's offsets point at its line in the document text, rendered as a Markdown row
    assert doc.text[serna.start : serna.end] == "| Marcelino Serna | - | - | 7,139 | 20,795 |"
    # a header line with an empty first cell ("            2022   2023   2024") still heads the table
    assert [c.label for c in rail.value_columns] == ["2022", "2023", "2024"]
    assert [r.label for r in rail.rows] == ["Eagle Pass", "Laredo", "El Paso", "Brownsville"]
    assert rail.caption == "Table 2. Northbound railcars by port of entry"


def test_prose_around_the_tables_is_kept_and_rows_are_pieces_with_their_header():
    doc = report()
    assert "Laredo alone handled more than half of the trucks in each year." in doc.text
    assert "Figures are calendar-year totals of CBP's monthly counts." in doc.text
    rows = [c for c in chunk_document(doc) if c.text.startswith("| Eagle Pass")]
    assert len(rows) == 2
    trucks, rail = rows
    assert trucks.context == "| Port of entry | 2021 | 2022 | 2023 | 2024 |"
    # the caption tells the two Eagle Pass rows apart for the lexical index
    assert "railcars" in rail.lexical_text(doc.meta) and "railcars" not in trucks.lexical_text(doc.meta)


def test_prose_lists_and_ragged_lines_are_not_tables():
    text = (
        "Contacts and notes\n\n"
        "Laredo office  Calle 5  open daily\n"
        "El Paso office  Avenida Juarez  closed Sundays\n"
        "Eagle Pass office  Main Street  by appointment\n\n"
        "Trade grew.  It grew in 2023 by 4.5%.\n"
    )
    assert text_table_blocks(text) == []
    doc = load_bytes(text.encode(), name="n.txt", original_name="n.txt", fmt="txt")
    assert doc.data_tables == () and "|" not in doc.text


def test_the_cell_answers_through_the_store(make_library):
    lib = make_library()
    assert all(r.status == "added" for r in lib.add([DATA / REPORT]))
    answer = lib.ask("How many northbound railcars entered Texas at Laredo in 2023?")
    assert not answer.abstained
    assert "531,128" in answer.answer
    cit = answer.citations[0]
    assert (cit.row_label, cit.column_label, cit.table_index) == ("Laredo", "2023", 1)
    (a, b), *_ = cit.highlights
    assert cit.text[a:b] == "531,128"


CAPTIONS = DATA / "captions"


def test_a_labelled_caption_below_a_plain_text_table_is_its_own_not_the_next_tables():
    # two same-shaped tables, each captioned by the "Table N." line right below it
    doc = load_file(CAPTIONS / "texas-ports-buses-and-trucks-2019-2020.txt", "buses-trucks.txt", 50 * 2**20)
    captions = [t.caption for t in doc.data_tables]
    assert captions == [
        "Table 1. Northbound buses by Texas port of entry, 2019-2020. Source: CBP.",
        "Table 2. Northbound commercial trucks by Texas port of entry, 2019-2020. Source: CBP.",
    ]


def test_captions_above_their_tables_stay_above_when_a_caption_sits_between_two_tables():
    # "Table 2." sits right below table 1 and right above table 2: the document's first table,
    # captioned above, says the captions are above, so it is table 2's
    name = "texas-ports-trucks-and-buses-captions-above.txt"
    doc = load_file(CAPTIONS / name, name, 50 * 2**20)
    assert [t.caption for t in doc.data_tables] == [
        "Table 1. Northbound commercial trucks by Texas port of entry, 2019-2020 (count)",
        "Table 2. Northbound buses by Texas port of entry, 2019-2020 (count)",
    ]


def test_a_header_whose_labels_are_one_space_apart_takes_the_columns_of_the_figures_below():
    # "Month  Laredo trucks Eagle Pass trucks …": the labels are set one space apart, each
    # aligned with the right edge of its column of figures
    rel = "monthly/laredo-field-office-trucks-and-railcars-2023.txt"
    doc = load_file(DATA / rel, rel, 50 * 2**20)
    (table,) = doc.data_tables
    assert [c.label for c in table.columns] == [
        "Month",
        "Laredo trucks",
        "Eagle Pass trucks",
        "Laredo railcars",
        "Eagle Pass railcars",
    ]
    assert [r.label for r in table.rows] == ["Jan", "Feb", "Mar"]
    assert table.rows[1].cells[3].value == 39883 and table.rows[2].cells[4].value == 28511


def test_a_one_space_header_is_answered_from_its_cell(make_library):
    lib = make_library()
    assert all(
        r.status == "added" for r in lib.add([DATA / "monthly/laredo-field-office-trucks-and-railcars-2023.txt"])
    )
    answer = lib.ask("How many railcars came into Eagle Pass in February 2023?")
    assert not answer.abstained and "24,804" in answer.answer
    cit = answer.citations[0]
    assert (cit.row_label, cit.column_label) == ("Feb", "Eagle Pass railcars")
