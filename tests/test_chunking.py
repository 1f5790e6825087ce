"""Chunks: citable passages whose offsets point back into the document text, one per table row."""

from __future__ import annotations

import re

import pytest
from helpers import CORPUS_DIR, DATA_DIR, EXPECTED_DOCS

from nearshore_qa.chunking import MAX_CHARS, chunk_document, split_sentences
from nearshore_qa.ingest import load_bytes, load_file


def load(rel: str):
    return load_file(CORPUS_DIR / rel, rel, 50 * 1024 * 1024)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_do_not_break_after_abbreviations_or_inside_numbers():
    text = (
        "U.S. exports to Mexico rose 1.2% in 2025. Imports grew 5.7%, to US$534.87 billion. "
        "Trade with Canada, e.g. by truck, fell. Mr. Musk paused the plant in July 2024."
    )
    assert sentences(text) == [
        "U.S. exports to Mexico rose 1.2% in 2025.",
        "Imports grew 5.7%, to US$534.87 billion.",
        "Trade with Canada, e.g. by truck, fell.",
        "Mr. Musk paused the plant in July 2024.",
    ]


def test_sentence_spans_are_shifted_by_base():
    text = "Laredo led. Eagle Pass grew."
    assert split_sentences(text, base=100) == [(100, 111), (112, 128)]


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_DOCS))
def test_chunk_offsets_point_into_the_document_text(doc_id):
    doc = load(doc_id)
    chunks = chunk_document(doc)
    assert chunks
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    for c in chunks:
        assert c.doc_id == doc_id
        assert doc.text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text
    starts = [c.start for c in chunks]
    assert starts == sorted(starts)


@pytest.mark.parametrize("doc_id", [d for d, m in EXPECTED_DOCS.items() if m["kind"] == "article"])
def test_article_chunks_cover_every_sentence_and_stay_small(doc_id):
    doc = load(doc_id)
    chunks = chunk_document(doc)
    assert all(len(c.text) <= MAX_CHARS for c in chunks)
    covered = [False] * len(doc.text)
    for c in chunks:
        covered[c.start : c.end] = [True] * (c.end - c.start)
    lost = "".join(ch for ch, ok in zip(doc.text, covered, strict=False) if not ok)
    # only headings (carried as sections), a table's header and rule lines (carried as each
    # row's context), the document's furniture (a plain-text report's title line, kept as its
    # title) and whitespace are outside the passages
    lines = doc.text.split("\n")
    headings = "".join(doc.text[a:b] for a, b in doc.furniture) + "".join(
        line
        for i, line in enumerate(lines)
        if line.startswith("#")
        or (
            line.startswith("|") and (i + 1 < len(lines) and lines[i + 1].startswith("|---") or line.startswith("|---"))
        )
    )
    assert re.sub(r"\s", "", lost) == re.sub(r"\s", "", headings)
    context = {c.context.split("\n")[0] for c in chunks if c.context}
    assert all(
        line in context
        for line in lines
        if line.startswith("|") and lines[lines.index(line) + 1 :][:1] == ["|---|---|"]
    )


def test_markdown_chunks_carry_their_section():
    chunks = chunk_document(load("articles/us-mexico-trade-2024.md"))
    section_of = {c.section for c in chunks if "US$171.81 billion" in c.text}
    assert section_of == {"The 2024 total"}
    assert {c.section for c in chunks if "US$761.20 billion" in c.text} == {"Canada falls behind"}
    assert all(c.page is None and c.row is None for c in chunks)
    assert next(c for c in chunks if "US$171.81" in c.text).locator.startswith("section The 2024 total, chars ")


def test_docx_table_is_chunked_in_its_section():
    chunks = chunk_document(load("articles/nuevo-leon-investment.docx"))
    (table_chunk,) = [c for c in chunks if "2005 | US$4.84 billion" in c.text]
    assert table_chunk.section == "Foreign direct investment"


def test_pdf_chunks_know_their_page():
    chunks = chunk_document(load("articles/usmca-joint-review.pdf"))
    assert {c.page for c in chunks if "1 July 2026" in c.text} == {1}
    assert {c.page for c in chunks if "3 November 2025" in c.text} == {2}
    assert next(c for c in chunks if "3 November 2025" in c.text).locator.startswith("page 2, ")


def test_csv_gives_one_chunk_per_row():
    doc = load("tables/us_exports_to_mexican_states.csv")
    chunks = chunk_document(doc)
    assert len(chunks) == len(doc.tables[0].rows) == 16
    assert [c.row for c in chunks] == list(range(16))
    jalisco = next(c for c in chunks if c.values[:2] == ("2024", "Jalisco"))
    assert jalisco.columns == doc.tables[0].columns
    assert (
        jalisco.text
        == "year: 2024; mexican_state: Jalisco; us_exports_usd_billions: 11.42; rank_among_mexican_states: 7"
    )
    assert jalisco.locator == f"table {jalisco.table}, row {jalisco.row + 1}"
    assert jalisco.section == ""  # a single table needs no section


def test_xlsx_rows_are_labelled_with_their_sheet():
    chunks = chunk_document(load("tables/trade_by_transport_mode.xlsx"))
    assert [(c.table, c.row) for c in chunks] == [("2023", i) for i in range(5)] + [("2024", i) for i in range(5)]
    rail_2024 = next(c for c in chunks if c.table == "2024" and c.values[0] == "Rail")
    assert rail_2024.section == "2024"  # several sheets: the sheet names the section
    assert "total_trade_usd_billions: 98.25" in rail_2024.text
    assert rail_2024.locator == "table 2024, row 2"


def test_long_paragraph_without_stops_is_cut_at_spaces():
    words = " ".join(f"truck{i}" for i in range(600))
    doc = load_bytes(f"# Trucks\n\n{words}\n".encode(), name="long.md", original_name="long.md", fmt="md")
    chunks = chunk_document(doc)
    assert len(chunks) > 1
    assert all(len(c.text) <= MAX_CHARS for c in chunks)
    assert " ".join(c.text for c in chunks).split() == words.split()


def test_markdown_table_rows_are_pieces_with_the_header_as_context():
    rows = "\n".join(f"| 20{10 + i} | Laredo | {i}.5 |" for i in range(60))
    md = f"# Ports\n\nTrucks by year.\n\n| year | port | value |\n|---|---|---|\n{rows}\n"
    doc = load_bytes(md.encode(), name="t.md", original_name="t.md", fmt="md")
    chunks = [c for c in chunk_document(doc) if c.text.startswith("|")]
    assert [c.text for c in chunks] == [f"| 20{10 + i} | Laredo | {i}.5 |" for i in range(60)]
    assert all(c.context == "| year | port | value |" for c in chunks)
    assert all(doc.text[c.start : c.end] == c.text for c in chunks)  # offsets still highlight the row
    assert "| year | port | value |" in chunks[5].embed_text(doc.meta)


def test_markdown_table_header_lines_and_group_labels_travel_with_each_row():
    md = (
        "# Tax\n\n| Income tax expense |  |  |\n|---|---|---|\n|  | 2019 | 2018 |\n|  | €m | €m |\n"
        "| Current tax: |  |  |\n| United Kingdom | 21 | 70 |\n| Overseas | 1,098 | 1,055 |\n"
    )
    doc = load_bytes(md.encode(), name="t.md", original_name="t.md", fmt="md")
    chunks = chunk_document(doc)
    uk = next(c for c in chunks if "United Kingdom" in c.text)
    assert uk.text == "| United Kingdom | 21 | 70 |"
    assert uk.context == "| Income tax expense |  |  |\n|  | 2019 | 2018 |\n|  | €m | €m |\nCurrent tax:"
    assert not any(c.text.startswith("|  | 2019") for c in chunks)  # header lines are context, not rows


def test_chunk_ids_follow_the_content():
    base = "# A\n\nMexico led US goods trade in September 2022 with US$66.95 billion.\n"
    one = chunk_document(load_bytes(base.encode(), name="a.md", original_name="a.md", fmt="md"))
    same = chunk_document(load_bytes(base.encode(), name="a.md", original_name="a.md", fmt="md"))
    changed = chunk_document(
        load_bytes(base.replace("66.95", "68.12").encode(), name="a.md", original_name="a.md", fmt="md")
    )
    assert [c.chunk_id for c in one] == [c.chunk_id for c in same]
    assert not {c.chunk_id for c in one} & {c.chunk_id for c in changed}


def test_a_short_wrapped_line_after_one_that_runs_to_the_margin_is_no_title():
    text = (
        "Trade with every one of the six partners fell in 2009. Total US trade with Brazil dropped from\n"
        "US$62,751.6 million in 2008 to US$46,165.1 million in\n"
        "2009, and US exports to Chile came to US$9,345.6 million. By 2010 trade with Brazil\n"
        "had recovered to US$59,375.7 million.\n"
    )
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[1].startswith("Total US trade with Brazil") and sentences[1].endswith("US$9,345.6 million.")
    assert len(sentences) == 3


def test_a_plain_text_reference_list_is_a_section_of_its_own():
    """ "SOURCES" on its own line, then the list: the list's pieces carry it as their section
    (a reader finds "§ SOURCES › paragraph 1"; retrieval ranks them last), and the figures above
    stay in pieces of their own."""
    path = DATA_DIR / "retrieval" / "gadget-trucks-at-port-alpha.txt"
    chunks = chunk_document(load_file(path, path.name, 2**20))
    assert [(c.section, c.paragraph) for c in chunks] == [("", 1), ("SOURCES", 1)]
    assert chunks[0].text.endswith("Port Beta\n12,400.")
    assert chunks[1].text.startswith("Gadget Border Agency") and "SOURCES" not in chunks[1].text
