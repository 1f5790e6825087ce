"""Document furniture is not evidence, and quoted sentences read as sentences.

Three real files under tests/data/furniture/: a plain-text report whose first lines are its
title, source and date; a web page with a byline under its title and an "Updated" line with a
<time> at its foot; a three-page PDF with a running title on every page, "Page N of 3" at the
foot and a table caption repeated over the continued table (tests/data/make_binary_fixtures.py).
"""

from __future__ import annotations

import json
import re

import pytest
from helpers import DATA_DIR, run_cli

from nearshore_qa.chunking import chunk_document, split_sentences
from nearshore_qa.export import answer_markdown
from nearshore_qa.furniture import Furniture, is_byline, is_page_number, parse_date, pdf_running_lines, pdf_title_block
from nearshore_qa.ingest import load_bytes, load_file
from nearshore_qa.text import one_line

FURNITURE_DIR = DATA_DIR / "furniture"
TXT, HTML, PDF = "texas-truck-report.txt", "laredo-rail-page.html", "usmca-review-note.pdf"
# What frames each file: none of it may be quoted as an answer.
FRAMES = {
    TXT: [
        "Source: nearshore-qa test notes",
        "Published: 14 March 2026",
        "Northbound trucks at the Texas-Mexico border, 2019-2025",
    ],
    HTML: ["Freight Desk", "Published 20 May 2025", "Updated 3 June 2025"],
    PDF: ["USMCA review note", "Page 1 of 3", "Page 2 of 3", "Page 3 of 3"],
}
ALL_FRAMES = [line for lines in FRAMES.values() for line in lines]


def load(name: str):
    return load_file(FURNITURE_DIR / name, name, 10 * 1024 * 1024)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --- loading: furniture becomes metadata, never a passage ------------------------------------


@pytest.mark.parametrize("name", [TXT, HTML, PDF])
def test_no_passage_holds_the_furniture_and_offsets_still_point_into_the_text(name):
    doc = load(name)
    chunks = chunk_document(doc)
    assert chunks
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        for line in FRAMES[name]:
            assert line not in chunk.text, (line, chunk.text)


def test_a_plain_text_reports_header_is_its_metadata_and_stays_in_the_text():
    doc = load(TXT)
    assert doc.meta.title == "Northbound trucks at the Texas-Mexico border, 2019-2025"
    assert doc.meta.source.startswith("nearshore-qa test notes")
    assert doc.meta.published == "2026-03-14"
    # the stored text is the file as written: the header is shown, only not quoted
    assert doc.text.startswith("Northbound trucks at the Texas-Mexico border")
    assert [doc.text[a:b] for a, b in doc.furniture][1:] == [
        "Source: nearshore-qa test notes, from U.S. Customs and Border Protection counts",
        "Published: 14 March 2026",
    ]
    # paragraphs are counted as a reader counts them, from the first paragraph of the report
    first = chunk_document(doc)[0]
    assert first.paragraph == 1 and first.text.startswith("U.S. Customs and Border Protection (CBP) counts")


def test_a_web_pages_byline_is_its_metadata_not_its_text():
    doc = load(HTML)
    assert doc.meta.source == "Freight Desk"
    assert doc.meta.published == "2025-05-20"  # the byline's date, not the later "Updated" one
    assert "Freight Desk" not in doc.text and "Updated" not in doc.text
    assert "Rail carried US$46.40 billion" in doc.text


def test_a_pdfs_running_title_page_numbers_and_repeated_caption_are_left_out():
    doc = load(PDF)
    assert doc.meta.title == "USMCA review note · nearshore-qa test notes"  # the file has no /Title
    assert "USMCA review note" not in doc.text
    assert not re.search(r"Page \d of 3", doc.text)
    # the caption names the table where it first stands; its repeat on page 3 is furniture
    assert doc.text.count("Table 1. Dates of the USMCA joint review") == 1
    assert [n for n, _, _ in doc.pages] == [1, 2, 3]
    assert {c.page for c in chunk_document(doc) if "17 September 2025" in c.text} == {3}


def test_running_lines_are_found_by_repetition_not_by_their_words():
    pages = [
        "Quarterly freight brief\nLaredo led in 2024.\nMore text here.\nAnd more.\n- 1 -",
        "Quarterly freight brief\nEagle Pass grew.\nTrucks by port (thousands)\nEagle Pass 369\nEnd.\n- 2 -",
        "Quarterly freight brief\nTrucks by port (thousands)\nPharr 719\nPharr was second.\nThat is all.\n3",
    ]
    kept, removed = pdf_running_lines(pages)
    assert kept == [
        "Laredo led in 2024.\nMore text here.\nAnd more.",
        "Eagle Pass grew.\nTrucks by port (thousands)\nEagle Pass 369\nEnd.",
        # the caption again over the continued table: its first place names the table, this goes
        "Pharr 719\nPharr was second.\nThat is all.",
    ]
    assert removed[:2] == ["Quarterly freight brief", "- 1 -"]
    # one page: nothing repeats, nothing goes
    assert pdf_running_lines(["Quarterly freight brief\nLaredo led in 2024."])[0] == [
        "Quarterly freight brief\nLaredo led in 2024."
    ]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Freight Desk · Published 20 May 2025", True),
        ("By Ana Ruiz", True),
        ("Updated 3 June 2025", True),
        ("© 2025 Freight Desk", True),
        ("The first joint review falls on 1 July 2026.", False),  # a sentence holding a date
        ("By 2025 most trucks crossed at Laredo", False),
        ("Mexico overtook Canada in 2023 and stayed ahead", False),
    ],
)
def test_byline_shape(line, expected):
    assert is_byline(line) is expected


def test_page_numbers_and_dates():
    assert all(is_page_number(s) for s in ("Page 3 of 10", "- 3 -", "p. 4", "3 / 10"))
    assert not is_page_number("2024") and is_page_number("7", bare=True)
    assert parse_date("Published 20 May 2025") == "2025-05-20"
    assert parse_date("Updated May 3, 2024") == "2024-05-03"
    assert parse_date("2025-06-03T09:00") == "2025-06-03"
    assert parse_date("Sept. 2023 edition") == "2023-09"
    assert parse_date("no date here") == ""


# --- sentences ----------------------------------------------------------------------------------


def test_wrapped_lines_of_a_paragraph_are_one_sentence():
    text = (
        "CBP counted 5,417,393 northbound commercial trucks at Texas-Mexico ports of\n"
        "entry in 2025, against 4,525,346 in 2019. Laredo handled 2,945,393 of\n"
        "them."
    )
    assert sentences(text) == [
        "CBP counted 5,417,393 northbound commercial trucks at Texas-Mexico ports of\n"
        "entry in 2025, against 4,525,346 in 2019.",
        "Laredo handled 2,945,393 of\nthem.",
    ]
    assert one_line(sentences(text)[1]) == "Laredo handled 2,945,393 of them."


def test_sentences_survive_numbers_names_and_abbreviations_across_line_breaks():
    text = (
        "Imports reached US$1,\n234 million in 2024, e.g. by truck, i.e. on the road. The U.S.\n"
        "Census Bureau (No. 5, Jan. 2024) and J. K. Smith said 3.5 percent. Trade rose.\n"
        "It rose again in 2025. 2026 is next."
    )
    assert sentences(text) == [
        "Imports reached US$1,\n234 million in 2024, e.g. by truck, i.e. on the road.",
        "The U.S.\nCensus Bureau (No. 5, Jan. 2024) and J. K. Smith said 3.5 percent.",
        "Trade rose.",
        "It rose again in 2025. 2026 is next.",  # a period before a digit does not end a sentence
    ]


def test_blank_lines_headings_list_items_and_title_lines_end_a_sentence():
    text = (
        "Rail through Laredo\nRail carried US$46.40 billion of Laredo's trade in 2024, a long line.\n\n"
        "Source: Freight Desk\n\n- trucks carried most\n- rail carried less\n## Next part\nMore text"
    )
    assert sentences(text) == [
        "Rail through Laredo",
        "Rail carried US$46.40 billion of Laredo's trade in 2024, a long line.",
        "Source: Freight Desk",
        "- trucks carried most",
        "- rail carried less",
        "## Next part",
        "More text",
    ]


# --- what a user sees -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> list:
    args = ["--store", tmp_path_factory.mktemp("furniture") / "store"]
    proc = run_cli(*args, "ingest", FURNITURE_DIR)
    assert proc.returncode == 0, proc.stderr
    return args


QUESTIONS = [
    "How many northbound commercial trucks did CBP count at Texas-Mexico ports of entry in 2025?",
    "Who is the source of the northbound trucks report?",
    "When does the first USMCA joint review fall?",
    "What is the USMCA review note?",
    "How much of Laredo trade did rail carry in 2024?",
    "Who published the page about rail through Laredo?",
]


@pytest.mark.model
def test_ask_never_quotes_furniture_and_abstains_rather_than_quote_it(store):
    proc = run_cli(*store, "ask", "--json", stdin="\n".join(QUESTIONS) + "\n")
    assert proc.returncode == 0, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(answers) == len(QUESTIONS)
    for answer in answers:
        assert "\n" not in answer["answer"], answer["answer"]
        for line in ALL_FRAMES:
            assert line not in answer["answer"], (line, answer["answer"])
    trucks, source, review, _note, rail, _publisher = answers
    # a sentence wrapped over three lines of the report comes back whole, on one line
    assert trucks["answer"].startswith(
        "CBP counted 5,417,393 northbound commercial trucks at Texas-Mexico ports of entry in 2025, "
        "the highest annual total in its series for Texas, against 4,525,346 in 2019, an increase of 19.7%."
    )
    assert trucks["citations"][0]["publisher"].startswith("nearshore-qa test notes")
    assert trucks["citations"][0]["published"] == "2026-03-14"
    # the header names the report's source, but it is metadata: the answer abstains or quotes the
    # text's own sentence naming whose count it is (CBP), never the header line (checked above)
    assert source["abstained"] or source["answer"].startswith("CBP counted"), source["answer"]
    assert "1 July 2026" in review["answer"] and review["citations"][0]["locator"] == "page 1"
    assert "US$46.40 billion" in rail["answer"]
    assert rail["citations"][0]["publisher"] == "Freight Desk"


@pytest.mark.model
def test_the_text_answer_names_places_a_person_can_find(store):
    proc = run_cli(*store, "ask", QUESTIONS[0])
    assert proc.returncode == 0, proc.stderr
    answer_line, _, rest = proc.stdout.partition("\n\n")
    assert answer_line.startswith("CBP counted 5,417,393") and "\n" not in answer_line
    assert "texas-truck-report.txt, paragraph 2" in rest
    assert "chars" not in proc.stdout


def test_the_markdown_export_quotes_on_one_line_with_a_human_locator(make_library):
    lib = make_library()
    lib.add([FURNITURE_DIR])
    answer = lib.ask(QUESTIONS[0])
    md = answer_markdown(answer)
    assert "paragraph 2" in md and "chars" not in md
    quoted = next(line for line in md.split("\n\n") if "5,417,393" in line and "\\[1\\]" in line)
    assert "entry in 2025" in quoted and "\n" not in quoted


def test_a_markdown_articles_byline_is_cut_from_its_passages_but_kept_in_its_text():
    data = (
        "# Rail through Laredo\n\nBy Ana Ruiz · 20 May 2025\n\n"
        "Rail carried US$46.40 billion of Laredo's trade in 2024, or 14.0% of the port's total.\n"
    ).encode()
    doc = load_bytes(data, name="rail.md", original_name="rail.md", fmt="md")
    assert doc.meta.author == "Ana Ruiz" and doc.meta.published == "2025-05-20"
    assert "By Ana Ruiz" in doc.text
    assert [c.text for c in chunk_document(doc)] == [
        "Rail carried US$46.40 billion of Laredo's trade in 2024, or 14.0% of the port's total."
    ]


def test_a_header_run_straight_into_its_first_paragraph_stops_at_the_paragraph():
    text = (
        "Truck crossings at Eagle Pass\n"
        "Source: CBP counts\n"
        "Northbound commercial trucks at the Eagle Pass port of entry jumped 44.0% in\n"
        "2025, from 256,225 in 2024 to 368,986.\n"
    )
    doc = load_bytes(text.encode(), name="eagle.txt", original_name="eagle.txt", fmt="txt")
    assert [doc.text[a:b] for a, b in doc.furniture] == ["Truck crossings at Eagle Pass", "Source: CBP counts"]
    assert doc.meta.source == "CBP counts"
    (chunk,) = chunk_document(doc)
    assert chunk.text.startswith("Northbound commercial trucks at the Eagle Pass port")


def test_a_file_of_short_lines_is_all_content():
    text = "Laredo 2,945,393\nHidalgo 719,189\nYsleta 639,397\n"
    doc = load_bytes(text.encode(), name="ports.txt", original_name="ports.txt", fmt="txt")
    assert doc.furniture == ()


def test_a_line_that_is_a_cell_of_a_ruled_table_on_its_page_is_never_furniture():
    pages = [
        "Exports to Mexico\nModes in the quarter\nTruck\n43,494.0\nRail\n6,996.8\nTrucks lead.\nRail is second.",
        "Month by month\nThe months\nMonth\nTruck\nRail\nJanuary\n15,178.2\n2,373.3\nSources\nBTS data.",
    ]
    # without the tables' cells, "Truck" and "Rail" repeat on both pages and their repeats go
    assert "\nMonth\nJanuary\n" in pdf_running_lines(pages)[0][1]
    cells = [{"Truck", "Rail"}, {"Month", "Truck", "Rail", "January"}]
    assert pdf_running_lines(pages, cells=cells)[0][1] == pages[1]


# --- headers past the usual shape: a long "Source:" line, a PDF's title block -----------------

HEADERS_DIR = DATA_DIR / "headers"


def test_a_long_source_line_is_header_furniture_and_the_header_still_ends_at_the_body():
    doc = load_file(HEADERS_DIR / "texas-trucks-long-source.txt", "trucks.txt", 10 * 1024 * 1024)
    lines = doc.text.split("\n")
    assert len(lines[1]) > 120  # longer than any title line may be
    assert [doc.text[a:b] for a, b in doc.furniture] == lines[:4]
    # the "Publisher:" line names the publisher; "Source:" names where the counts come from, the
    # document's data source (an answer's names may stand there: "… at the Texas-Mexico ports")
    assert doc.meta.source == "nearshore-qa test notes" and doc.meta.published == "2026-03-14"
    assert [name for name, _, _ in doc.meta.data_sources] == [lines[1].removeprefix("Source:").strip()]
    chunks = chunk_document(doc)
    assert not any("Source:" in c.text or "Publisher" in c.text for c in chunks)
    assert chunks[0].text.startswith("CBP counted 5,417,393 northbound commercial trucks")
    # past the header and a blank line, the body's first heading is the body's
    assert "\n\nLAREDO\n\nLaredo handled 2,945,393" in "".join(c.text for c in chunks)


def test_a_long_source_line_holding_a_second_statement_stays_content():
    header = "Laredo trucks, 2024-2025\nSource: U.S. Customs and Border Protection (CBP), northbound "
    body = "commercial truck crossings at the Texas-Mexico ports of entry{}, counted by port and by year\n\n"
    prose = "Laredo handled 2,945,393 of the northbound trucks entering Texas in 2025.\n"
    plain = load_bytes((header + body.format("") + prose).encode(), name="l.txt", original_name="l.txt", fmt="txt")
    assert [c.text for c in chunk_document(plain)] == [prose.strip()]
    assert plain.meta.source.startswith("U.S. Customs and Border Protection (CBP)")
    assert plain.meta.data_sources == ()  # no "Publisher:" line: the source is who published it
    # a full stop and a second statement in it ("… of entry. Data: …") make it say more than
    # where the document comes from: it stays content
    two = load_bytes(
        (header + body.format(". Data: yearly counts 2008-2025") + prose).encode(),
        name="t.txt",
        original_name="t.txt",
        fmt="txt",
    )
    assert chunk_document(two)[0].text.startswith("Source: U.S. Customs")


@pytest.mark.parametrize(
    "line,expected",
    [
        ("nearshore-qa · 30 November 2026", True),  # a publisher in lower case, hyphenated
        ("freight desk | Published 20 May 2025", True),
        ("nearshore-qa · written 2 December 2026", True),  # a label in lower case before the date
        ("Freight Desk · last updated 3 June 2025", True),
        ("nearshore-qa · trade fell in 2 December 2026", False),  # more than a label's words
        ("Trade fell 12.8% · 30 November 2026", False),  # a figure beside the date
        ("exports rose in the spring · then fell · May 2025", False),  # two dated or long segments
        ("exports rose in May 2025", False),  # a sentence holding a date, no separator
    ],
)
def test_a_short_name_beside_a_date_across_a_separator_is_a_byline(line, expected):
    assert is_byline(line) is expected


def test_a_pdfs_title_block_and_byline_are_its_metadata_not_its_first_sentence():
    doc = load_file(HEADERS_DIR / "usmca-review-titled.pdf", "titled.pdf", 10 * 1024 * 1024)
    # no /Title in the file: the title block names it, the byline gives its publisher
    assert doc.meta.title == "Sixteen years, reviewed every six: how the USMCA joint review works"
    assert doc.meta.source == "nearshore-qa test notes"
    assert doc.text.startswith("NAFTA had no end date.")
    first = chunk_document(doc)[0]
    assert sentences(first.text)[0] == "NAFTA had no end date."
    assert not any("nearshore-qa" in c.text or "Sixteen years" in c.text for c in chunk_document(doc))


def test_a_pdf_page_opening_with_a_table_figures_or_short_lines_keeps_them():
    table = "Partner\nExports 2023\nMexico\n322,742.5\nCanada\n354,356.0\nMexico bought the most."
    assert pdf_title_block(table, {"Partner", "Exports 2023", "Mexico", "Canada"}) == (table, Furniture())
    figures = "Truck\n43,494.0\nRail\n6,996.8\nTrucks carried the most goods in the quarter."
    assert pdf_title_block(figures) == (figures, Furniture())
    short = "Laredo 2,945,393\nHidalgo 719,189\nYsleta 639,397"
    assert pdf_title_block(short) == (short, Furniture())
    # a title block with no paragraph below it is not one
    no_prose = "Trucks by port, 2025\nnearshore-qa · 30 November 2026\nLaredo\nHidalgo"
    assert pdf_title_block(no_prose) == (no_prose, Furniture())
    page = (
        "Trucks by port, 2025\nnearshore-qa · 30 November 2026\n"
        "Laredo handled 2,945,393 of the northbound trucks entering Texas in 2025, or 54.4% of the\n"
        "total, although its own count fell 2.7% from 3,026,632 in 2024."
    )
    kept, found = pdf_title_block(page)
    assert kept.startswith("Laredo handled 2,945,393")
    assert dict(found.fields) == {"title": "Trucks by port, 2025", "source": "nearshore-qa", "published": "2026-11-30"}


def test_a_long_title_above_its_source_line_is_header_furniture():
    """A report's title may run past any heading's length ("MORE WALKERS, FEWER BUSES: …, 2024
    AND 2025"): right above a "Source:" line it is the title, and no passage quotes it."""
    title = "MORE WALKERS, FEWER BUSES: NORTHBOUND BUSES, PASSENGER VEHICLES AND PEDESTRIANS AT LAREDO, EAGLE PASS AND DEL RIO, 2024 AND 2025"
    header = (
        f"{title}\nSource: U.S. Customs and Border Protection (CBP), northbound crossings\nDate: 2 December 2026\n\n"
    )
    prose = "Laredo counted 34,474 northbound buses in 2024 and 28,073 in 2025, 18.6 percent fewer.\n"
    doc = load_bytes((header + prose).encode(), name="b.txt", original_name="b.txt", fmt="txt")
    assert len(title) > 120 and doc.meta.title == title
    assert [c.text for c in chunk_document(doc)] == [prose.strip()]


def test_a_title_continued_over_a_page_break_is_furniture():
    """A report's running title carried into its text ("… Notes to Consolidated Financial
    Statements (Continued)") titles the page; a question naming the company must not get it as
    the answer (real TAT-QA dev excerpt)."""
    from nearshore_qa.furniture import is_continued_title

    running = (
        "Proofpoint, Inc. Notes to Consolidated Financial Statements (Continued) "
        "(dollars and share amounts in thousands, except per share amounts)"
    )
    assert is_continued_title(running) and is_continued_title("Table 4 (cont’d)")
    assert not is_continued_title("The program (continued from 2018) was extended in 2019.")
    doc = load("continued-running-title.md")
    quoted = " ".join(c.text for c in chunk_document(doc))
    assert "Notes to Consolidated Financial Statements" not in quoted
    assert "increased messaging threat intelligence" in quoted  # the paragraphs around it stay
    assert "services. The unvested awards are subject" in quoted
