"""Loaders: every format in tests/data/corpus loads with the right metadata and text, and every
bad input is refused with a reason while the rest of the batch still goes in."""

from __future__ import annotations

import os
import re

import pytest
from helpers import CORPUS_DIR, DATA_DIR, EXPECTED_DOCS, REPO_ROOT, snapshot, source_ids

from nearshore_qa.errors import IngestError
from nearshore_qa.ingest import load_bytes, load_file

MB = 1024 * 1024
GOOD_MD = (
    b"---\ntitle: Eagle Pass trucks\nsource: U.S. Customs and Border Protection\npublished: 2025-12-31\n---\n"
    b"# Eagle Pass trucks\n\nNorthbound commercial trucks at Eagle Pass jumped 44.0% in 2025, from 256,225 "
    b"to 368,986, all of them on the Camino Real International Bridge.\n"
)


def load(rel: str):
    return load_file(CORPUS_DIR / rel, rel, 50 * MB)


# --- each format -------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_DOCS))
def test_each_format_loads_with_its_metadata(doc_id):
    want = EXPECTED_DOCS[doc_id]
    doc = load(doc_id)
    m = doc.meta
    assert (m.doc_id, m.fmt, m.kind) == (doc_id, want["fmt"], want["kind"])
    assert m.title == want["title"]
    assert m.source == want["publisher"]
    assert m.published == want["published"]
    assert m.author == want["author"]
    assert m.url == want["url"]
    assert m.original_name == doc_id.rsplit("/", 1)[1]
    assert doc.sha256 and doc.original == (CORPUS_DIR / doc_id).read_bytes()


def test_loaded_store_lists_every_document_with_its_metadata(loaded):
    lib, results = loaded
    assert sorted((r.name, r.status) for r in results) == [(d, "added") for d in sorted(EXPECTED_DOCS)]
    assert all(r.chunks > 0 for r in results)
    by_id = {s.doc_id: s for s in lib.sources()}
    assert sorted(by_id) == sorted(EXPECTED_DOCS)
    for doc_id, want in EXPECTED_DOCS.items():
        s = by_id[doc_id]
        assert (s.title, s.publisher, s.published, s.kind, s.fmt) == (
            want["title"],
            want["publisher"],
            want["published"],
            want["kind"],
            want["fmt"],
        ), doc_id
        assert s.chunks == next(r.chunks for r in results if r.name == doc_id)


def test_markdown_front_matter_is_metadata_not_text():
    doc = load("articles/us-mexico-trade-2024.md")
    assert doc.text.startswith("# Trade with Mexico set a record in 2024")
    assert "published:" not in doc.text and "---" not in doc.text
    assert "US$839.89 billion in 2024" in doc.text
    assert doc.meta.topics == ("trade", "mexico", "canada", "bts")


def test_txt_title_is_first_line_and_text_is_kept():
    doc = load("articles/texas-truck-crossings.txt")
    assert "CBP counted 5,417,393 northbound commercial trucks" in doc.text
    assert "Eagle Pass jumped 44.0% in 2025" in doc.text


def test_html_drops_script_style_nav_aside_and_footer():
    doc = load("articles/mexico-led-us-trade-august-2022.html")
    text = doc.text
    for gone in (
        "pageview-tracking-snippet",
        "loadAds",
        "ad-slot-banner",
        "font-family",
        "Subscribe to the newsletter",
        "Trade desk",
        "Related reading",
        "Cookie settings",
        "| nearshore-qa test notes",
    ):
        assert gone not in text, gone
    # headings survive as Markdown headings (the chunker's sections), paragraphs as text
    assert text.startswith("# Mexico briefly led US goods trade in 2022")
    assert "\n## The revised figures\n" in text
    assert "US–Mexico goods trade in August 2022 at US$69.66 billion" in text
    assert "US$70.04 billion" in text


def test_pdf_text_pages_and_info():
    doc = load("articles/usmca-joint-review.pdf")
    assert [p[0] for p in doc.pages] == [1, 2]
    (_, a1, b1), (_, a2, b2) = doc.pages
    assert "1 July 2026" in doc.text[a1:b1]
    assert "3 November 2025" in doc.text[a2:b2] and "3 November 2025" not in doc.text[a1:b1]
    assert "16-year term" in doc.text


def test_docx_headings_and_table_stay_in_document_order():
    doc = load("articles/nuevo-leon-investment.docx")
    text = doc.text
    assert text.startswith("# Nuevo León keeps drawing foreign investment")
    assert "## Foreign direct investment" in text and "## The Tesla plan" in text
    # the table belongs to the FDI section: between its lead-in sentence and the next heading
    lead = text.index("The two largest annual inflows in the series were these:")
    row = text.index("2005 | US$4.84 billion")
    assert lead < row < text.index("## The Tesla plan")
    assert "Year | FDI inflow" in text


def test_csv_rows_columns_and_sidecar():
    doc = load("tables/us_exports_to_mexican_states.csv")
    (table,) = doc.tables
    assert table.columns == ("year", "mexican_state", "us_exports_usd_billions", "rank_among_mexican_states")
    assert len(table.rows) == 16
    assert ("2024", "Jalisco", "11.42", "7") in table.rows
    assert doc.meta.units == "Billions of US dollars"
    assert doc.meta.period == "2023-2024 (calendar years)"
    lines = doc.text.split("\n")
    assert len(lines) == 16
    assert "year: 2024; mexican_state: Jalisco; us_exports_usd_billions: 11.42; rank_among_mexican_states: 7" in lines


def test_xlsx_reads_every_sheet():
    doc = load("tables/trade_by_transport_mode.xlsx")
    assert [t.name for t in doc.tables] == ["2023", "2024"]
    t2024 = doc.tables[1]
    assert t2024.columns[:2] == ("mode", "exports_usd_billions")
    rail = next(r for r in t2024.rows if r[0] == "Rail")
    assert rail[3] == "98.25"
    assert len(doc.text.split("\n")) == sum(len(t.rows) for t in doc.tables) == 10


# --- bad input -----------------------------------------------------------------------------


def _truncated_pdf() -> bytes:
    data = (CORPUS_DIR / "articles/usmca-joint-review.pdf").read_bytes()
    return data[: len(data) // 2]


def _binary() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


BAD_INPUTS = [
    ("empty.md", lambda: b"", r"^empty file$"),
    ("blank.txt", lambda: b"  \n\t\r\n   \n", r"^empty file$"),
    ("truncated.pdf", _truncated_pdf, r"corrupt or truncated PDF"),
    ("not-really.pdf", lambda: b"Mexico overtook Canada in August 2022.", r"not a PDF file"),
    ("image.md", _binary, r"binary content under a text extension"),
    ("image.txt", _binary, r"binary content under a text extension"),
    ("image.csv", _binary, r"binary content under a text extension"),
    ("controls.txt", lambda: bytes(range(1, 9)) * 200, r"binary content under a text extension \(control bytes\)"),
    (
        "ragged.csv",
        lambda: b"year,mexican_state,us_exports_usd_billions\n2024,Jalisco,11.42\n2024,Sonora,9.30,9\n",
        r"ragged rows: line 3 has 4 fields, the header has 3",
    ),
    (
        "short-row.csv",
        lambda: b"year,mexican_state,us_exports_usd_billions\n2024,Jalisco,11.42\n2024,Sonora\n",
        r"ragged rows: line 3 has 2 fields, the header has 3",
    ),
    ("header-only.csv", lambda: b"year,mexican_state,us_exports_usd_billions\n", r"CSV has a header but no data rows"),
    ("slides.pptx", lambda: b"PK\x03\x04 not supported", r"unsupported file type \.pptx"),
    ("notes", lambda: b"Laredo handled 2,945,393 trucks in 2025.", r"unsupported file type \(none\)"),
    ("only-front.md", lambda: b"---\ntitle: USMCA review\n---\n\n\n", r"no text found"),
    (
        "truncated.docx",
        lambda: (CORPUS_DIR / "articles/nuevo-leon-investment.docx").read_bytes()[:4000],
        r"not a DOCX file|corrupt DOCX",
    ),
    (
        "truncated.xlsx",
        lambda: (CORPUS_DIR / "tables/trade_by_transport_mode.xlsx").read_bytes()[:3000],
        r"not an XLSX file|corrupt XLSX",
    ),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, embedder):
    """A store that already holds one document, so 'unchanged' is a real comparison."""
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    root = tmp_path_factory.mktemp("seeded")
    (root / "eagle-pass.md").write_bytes(GOOD_MD)
    lib = Library(Settings.from_env(store=root / "store"), embedder=embedder)
    assert [r.status for r in lib.add([root / "eagle-pass.md"])] == ["added"]
    yield lib
    lib.close()


@pytest.mark.parametrize("name,make,reason", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_fails_with_reason_and_leaves_store_unchanged(seeded, tmp_path, name, make, reason):
    path = tmp_path / name
    path.write_bytes(make())
    before = snapshot(seeded)
    (result,) = seeded.add([path])
    assert result.status == "failed"
    assert result.name == name
    assert re.search(reason, result.reason), result.reason
    assert snapshot(seeded) == before
    assert seeded.store.collection.count() == seeded.store.count_chunks()


@pytest.mark.parametrize("name,make,reason", BAD_INPUTS[:8], ids=[b[0] for b in BAD_INPUTS[:8]])
def test_bad_upload_fails_the_same_way(seeded, name, make, reason):
    before = snapshot(seeded)
    (result,) = seeded.add_bytes([(name, make())])
    assert result.status == "failed" and re.search(reason, result.reason), result.reason
    assert snapshot(seeded) == before


def test_good_files_in_a_batch_go_in_beside_bad_ones(library, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, make, _ in BAD_INPUTS:
        (folder / name).write_bytes(make())
    (folder / "good").mkdir()
    (folder / "good" / "eagle-pass.md").write_bytes(GOOD_MD)
    (folder / "good" / "trucks.txt").write_bytes((CORPUS_DIR / "articles/texas-truck-crossings.txt").read_bytes())
    results = library.add([folder])
    status = {r.name: r.status for r in results}
    assert status.pop("good/eagle-pass.md") == "added"
    assert status.pop("good/trucks.txt") == "added"
    # Files of another type found in a folder are listed as skipped; the rest of the bad ones failed.
    unsupported = {name for name, _, reason in BAD_INPUTS if "unsupported file type" in reason}
    assert unsupported and {status[n] for n in unsupported} == {"skipped"}
    assert {s for n, s in status.items() if n not in unsupported} == {"failed"}
    assert len(status) == len(BAD_INPUTS)
    assert source_ids(library) == ["good/eagle-pass.md", "good/trucks.txt"]
    answer = library.ask("How much did northbound truck traffic at Eagle Pass grow in 2025?")
    assert not answer.abstained and "44.0%" in answer.answer


def test_missing_path_is_reported(library, tmp_path):
    (result,) = library.add([tmp_path / "nowhere.md"])
    assert result.status == "failed" and result.reason == "no such file or folder"
    assert library.sources() == []


def test_file_over_the_size_limit_is_refused(make_library, tmp_path):
    lib = make_library(max_file_mb=1)
    big = tmp_path / "big.txt"
    line = b"Laredo handled 2,945,393 northbound commercial trucks in 2025.\n"
    big.write_bytes(line * (2 * MB // len(line) + 1))
    small = tmp_path / "small.md"
    small.write_bytes(GOOD_MD)
    results = {r.name: r for r in lib.add([big, small])}
    assert results["big.txt"].status == "failed"
    assert results["big.txt"].reason == "file is 2.0 MB; the limit is 1 MB"
    assert results["small.md"].status == "added"
    assert source_ids(lib) == ["small.md"]
    # the same limit applies to uploads
    (upload,) = lib.add_bytes([("big.txt", big.read_bytes())])
    assert upload.status == "failed" and "the limit is 1 MB" in upload.reason
    assert source_ids(lib) == ["small.md"]


def test_broken_sidecar_fails_the_table(library, tmp_path):
    (tmp_path / "t.csv").write_bytes((CORPUS_DIR / "tables/us_exports_to_mexican_states.csv").read_bytes())
    (tmp_path / "t.meta.yaml").write_text("title: [unclosed\nunits: billions\n")
    (result,) = library.add([tmp_path / "t.csv"])
    assert result.status == "failed" and result.reason == "sidecar t.meta.yaml is not valid YAML"
    assert library.sources() == []


# --- encodings -----------------------------------------------------------------------------

TEXT_ES = "Querétaro: la inversión en el Bajío\n\nLas plantas de Querétaro y León exportan a Texas.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8", "utf-8-sig"])
def test_legacy_encodings_are_decoded(library, tmp_path, encoding):
    path = tmp_path / f"bajio-{encoding}.txt"
    path.write_bytes(TEXT_ES.encode(encoding))
    (result,) = library.add([path])
    assert result.status == "added", result.reason
    (src,) = library.sources()
    assert src.title == "Querétaro: la inversión en el Bajío"
    _, text, _ = library.store.document(src.doc_id)
    assert "Las plantas de Querétaro y León exportan a Texas." in text
    assert "\ufeff" not in text and "Ã" not in text


def test_cp1252_punctuation_is_decoded_as_cp1252():
    data = "US\u2013Mexico trade \u201cnearshoring\u201d in Querétaro \u2014 2024".encode("cp1252")
    assert b"\x96" in data and b"\xe9" in data  # bytes that differ between cp1252 and latin-1
    doc = load_bytes(data, name="q.txt", original_name="q.txt", fmt="txt")
    assert doc.text == "US–Mexico trade “nearshoring” in Querétaro — 2024"


def test_front_matter_with_bom_and_crlf_is_read():
    data = "\ufeff---\r\ntitle: Bajío plants\r\npublished: 2024-05-01\r\n---\r\n# Bajío plants\r\n\r\nText in Querétaro.\r\n"
    doc = load_bytes(data.encode("utf-8"), name="b.md", original_name="b.md", fmt="md")
    assert doc.meta.title == "Bajío plants" and doc.meta.published == "2024-05-01"
    assert "\r" not in doc.text and doc.text.endswith("Text in Querétaro.")


def test_load_file_raises_ingest_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as info:
        load_file(path, "tables/empty.csv", MB)
    assert info.value.name == "tables/empty.csv"
    assert str(info.value) == "tables/empty.csv: empty file"


BROKEN_FRONT_MATTER = [
    (
        "bad-yaml.md",
        b"---\ntitle: [USMCA review\nsource: USTR\n---\n# Review\n\nThe first joint review falls on 1 July 2026.\n",
        r"front matter is not valid YAML at line \d+ \(.+\); ingested without its metadata",
    ),
    (
        "unclosed.md",
        b"---\ntitle: USMCA review\n\n# Review\n\nThe first joint review falls on 1 July 2026.\n",
        r"front matter starts with '---' but has no closing '---' line",
    ),
    (
        "list-front.md",
        b"---\n- USMCA\n- review\n---\n# Review\n\nThe first joint review falls on 1 July 2026.\n",
        r"front matter is not a YAML mapping",
    ),
]


@pytest.mark.parametrize("name,data,warning", BROKEN_FRONT_MATTER, ids=[b[0] for b in BROKEN_FRONT_MATTER])
def test_broken_front_matter_keeps_the_body_with_a_warning(seeded, tmp_path, name, data, warning):
    """A typo in the header must not lose the document: it goes in with its body, titled by its
    first heading, and the result says what was wrong with the front matter."""
    path = tmp_path / name
    path.write_bytes(data)
    (result,) = seeded.add([path])
    assert result.status == "added", result
    (said,) = result.warnings
    assert re.search(warning, said), said
    meta, text, _ = seeded.store.document(name)
    assert meta.title == "Review" and "1 July 2026" in text
    assert "1 July 2026" in seeded.ask("When does the first USMCA joint review fall?").answer


@pytest.mark.model  # the CLI loads the real encoder
def test_cli_prints_the_front_matter_warning_with_the_file_name(tmp_path):
    import subprocess
    import sys

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad-yaml.md").write_bytes(BROKEN_FRONT_MATTER[0][1])
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEARSHORE_QA_")}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "nearshore_qa.cli",
            "--store",
            str(tmp_path / "store"),
            "ingest",
            str(tmp_path / "docs"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("added")
    assert re.search(
        r"^nearshore-qa: warning: bad-yaml\.md: front matter is not valid YAML at line \d+", proc.stderr, re.M
    ), proc.stderr


# --- the held-out evaluation documents (eval/documents) --------------------------------------

EVAL_DOCUMENTS = REPO_ROOT / "eval" / "documents"
# file -> number of tables that must parse as data (Markdown, HTML, DOCX and ruled PDF tables)
EVAL_TABLES = {
    "asian-suppliers-korea-vietnam-taiwan-india-2018-2023.md": 1,
    "us-exports-to-canada-beyond-vehicles-2022-2024.md": 1,
    "us-farm-exports-to-mexico-dairy-grain-oilseeds-2020-2024.md": 0,
    "texas-border-ports-beyond-laredo-2010-2019.txt": 0,
    "texas-border-passenger-and-pedestrian-crossings-2019-2023.txt": 0,
    "us-exports-to-mexican-states-2010-2019.html": 1,
    "us-imports-from-china-month-by-month-2024-2025.html": 1,
    "fdi-bajio-and-jalisco-2008-2012.docx": 2,
    "us-canada-trade-by-mode-2023-2024.docx": 1,
    "us-mexico-monthly-trade-by-mode-2025.pdf": 1,
    "us-partners-after-the-big-three-h1-2024.pdf": 1,
}


def load_eval(name: str):
    return load_file(EVAL_DOCUMENTS / name, name, 50 * MB)


def test_every_eval_document_is_listed_here():
    assert sorted(p.name for p in EVAL_DOCUMENTS.iterdir()) == sorted(EVAL_TABLES)


@pytest.mark.parametrize("name", sorted(EVAL_TABLES))
def test_eval_documents_load_cleanly_with_their_tables(name):
    doc = load_eval(name)
    assert not doc.warnings
    assert doc.meta.title and "nearshore-qa eval set" in (doc.meta.source + doc.meta.author + doc.text[:600])
    assert len(doc.data_tables) == EVAL_TABLES[name]
    for table in doc.data_tables:
        assert table.rows


@pytest.mark.parametrize("name", [n for n, tables in sorted(EVAL_TABLES.items()) if tables])
def test_eval_table_rows_have_labels(name):
    for table in load_eval(name).data_tables:
        assert all(r.label for r in table.rows), [r.cells[0].text for r in table.rows if not r.label]


def test_a_leading_code_column_names_the_row_with_the_words_beside_it():
    # "| HS chapter | Product | 2022 | …" over "| 39 | Plastics and articles thereof | 17,653.8 | …"
    (table,) = load_eval("us-exports-to-canada-beyond-vehicles-2022-2024.md").data_tables
    plastics = next(r for r in table.rows if "Plastics" in r.label)
    assert plastics.label == "39 Plastics and articles thereof"
    assert [c.period.year for c in table.value_columns] == [2022, 2023, 2024]
    assert cell(table, "39 Plastics and articles thereof", "2024").value == 15417.5


def cell(table, row_label: str, column_label: str):
    row = next(r for r in table.rows if r.label == row_label)
    column = next(c for c in table.columns if c.label == column_label)
    return row.cells[column.index]


def test_eval_markdown_table_reads_a_two_row_header_of_years_over_units():
    (table,) = load_eval("asian-suppliers-korea-vietnam-taiwan-india-2018-2023.md").data_tables
    assert table.header_rows == 2
    years = [c for c in table.value_columns]
    assert [c.period.year for c in years] == [2018, 2020, 2022, 2023]
    assert {(c.unit.currency, c.unit.scale) for c in years} == {("US$", "million")}
    assert cell(table, "Thailand", "2020 US$ million").value == 37554.9


def test_eval_html_table_keeps_its_caption_and_units():
    (table,) = load_eval("us-exports-to-mexican-states-2010-2019.html").data_tables
    assert "US$ million" in table.caption and table.unit.scale == "million"
    assert len(table.rows) == 12
    assert cell(table, "Sonora", "2015").value == 9142.6


def test_eval_docx_tables_read_negatives_in_parentheses():
    annual, quarterly = load_eval("fdi-bajio-and-jalisco-2008-2012.docx").data_tables
    assert annual.caption.startswith("Table 1.") and annual.unit.scale == "million"
    assert cell(annual, "Aguascalientes", "2010").value == 316.1
    assert cell(quarterly, "Querétaro", "Q4").value == -550.6  # "(550.6)"
    assert cell(quarterly, "Aguascalientes", "Q2").value == -31.3


def test_eval_pdf_table_caption_is_the_line_above_it_not_the_page_footer():
    # The page reads "Page 2 of 2", a heading "Partners ranked by total trade", the caption, then
    # the table whose header starts "Partner": the header must not be found inside the heading.
    doc = load_eval("us-partners-after-the-big-three-h1-2024.pdf")
    (table,) = doc.data_tables
    assert table.page == 2
    assert table.caption.startswith("Table 1. US goods trade by partner")
    assert (table.unit.currency, table.unit.scale) == ("US$", "million")
    germany = next(r for r in table.rows if r.label == "Germany")
    # The PDF's text layer gives one cell per line; the table is rendered as a Markdown table in
    # its place, so the row is one line (a row chunk, a highlight) like a DOCX or HTML table's.
    assert doc.text[germany.start : germany.end] == "| Germany | 37,930.9 | 80,186.3 | 118,117.2 | (42,255.4) |"
    assert "Page 2 of 2" not in doc.text[germany.start - 400 : germany.start].split("Table 1.")[-1]
    assert cell(table, "Taiwan", "Balance").value == -29948.9
    assert cell(table, "Netherlands", "Balance").value == 27135.7
    (monthly,) = load_eval("us-mexico-monthly-trade-by-mode-2025.pdf").data_tables
    assert monthly.caption.startswith("Table 1. US–Mexico trade by month") and monthly.unit.scale == "billion"


def test_a_pdf_caption_wrapped_over_two_lines_is_read_whole_with_its_units():
    """The text layer breaks "Table 1. … (US$ million, not seasonally" / "adjusted)": the caption
    is both lines (before: "adjusted)", and the table had no unit)."""
    name = "us-japan-goods-trade-by-month-2010-2011.pdf"
    quarters, months = load_file(REPO_ROOT / "eval" / "documents-fresh" / name, name, 50 * MB).data_tables
    assert months.caption == (
        "Table 1. US goods imports from and exports to Japan by month (US$ million, not seasonally adjusted)"
    )
    assert quarters.caption.endswith("(US$ million; balance = exports minus imports)")
    assert {(t.unit.currency, t.unit.scale) for t in (quarters, months)} == {("US$", "million")}


def test_pdf_column_heads_repeated_as_row_labels_on_another_page_are_table_cells_not_furniture():
    # "Truck", "Rail", … name the rows of the table on page 1 and head the columns on page 2:
    # a line repeated on two pages, yet the second table's header, so its months are read
    name = "us_exports_to_mexico_by_month_and_mode_2019q1.pdf"
    doc = load_file(DATA_DIR / "captions" / name, name, 50 * 2**20)
    months = next(t for t in doc.data_tables if t.page == 2)
    assert [c.label for c in months.columns] == ["Month", "Truck", "Rail", "Vessel", "Air"]
    assert [r.label for r in months.rows] == ["January", "February", "March"]
    assert months.caption == "Table 1. US exports to Mexico by month and mode, 2019 (US$ million)"
    assert "| February | 13,733.1 | 2,206.1 | 2,520.1 | 709.8 |" in doc.text
