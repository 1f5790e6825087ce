"""How citations and tables read to a person: human locators, column labels and units, numbers
with separators, provenance, and a whole document rendered safely with the passage marked."""

from __future__ import annotations

from conftest import CORPUS_DIR, REPO_ROOT

from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_bytes, load_pasted, pasted_doc_id
from nearshore_qa.presentation import (
    answer_figures,
    column_label,
    document_html,
    format_cell,
    human_locator,
    prettify_column,
    provenance_parts,
    row_label,
)
from nearshore_qa.records import Answer, Citation, Figure

SIDECAR = b"""title: "Jobs by state"
source: "nearshore-qa corpus"
written: 2026-11-26
data_sources:
  - {name: "INEGI", url: "https://www.inegi.org.mx", vintage: "March 2025"}
period: "2024"
columns:
  expected_jobs: {label: "Expected jobs", unit: "count"}
  state: "State"
"""
CSV = b"state,year,expected_jobs,share_pct\nCoahuila,2024,649561,12.5\nJalisco,2024,1200,3.25\n"


def test_column_names_read_as_labels_with_units():
    assert prettify_column("us_total_exports_usd_billions") == ("US total exports", "US$ bn")
    assert column_label("us_total_exports_usd_billions") == "US total exports (US$ bn)"
    assert column_label("change_from_prior_year_pct") == "Change from prior year (%)"
    assert column_label("fdi_usd_millions") == "FDI (US$ m)"
    assert column_label("commercial_trucks_northbound") == "Commercial trucks northbound"
    assert column_label("hs2_chapter") == "HS2 chapter"
    assert column_label("Expected jobs") == "Expected jobs"  # already written for people


def test_numbers_get_separators_at_the_tables_precision_but_years_do_not():
    assert format_cell("commercial_trucks_northbound", "649561") == "649,561"
    assert format_cell("us_imports_usd_millions", "449110.7") == "449,110.7"
    assert format_cell("year", "2024") == "2024"
    assert format_cell("partner", "Australia") == "Australia"


def test_a_row_is_named_by_its_leading_label_columns():
    assert row_label(("year", "partner", "exports_usd_billions"), ("2024", "Australia", "33.63")) == "Australia, 2024"
    assert (
        row_label(("year", "month", "partner", "x_usd_millions"), ("2023", "5", "Mexico", "1.5")) == "Mexico, 2023-05"
    )
    assert row_label(("year", "port", "office", "trucks"), ("2024", "Laredo", "Laredo", "2422323")) == "Laredo, 2024"
    assert row_label(("trucks", "year"), ("2422323", "2024")) == ""


def test_sidecar_labels_units_and_provenance_reach_the_table_locator():
    doc = load_bytes(CSV, name="jobs.csv", original_name="jobs.csv", fmt="csv", sidecar=({}, b""))
    assert doc.meta.columns == ()
    import yaml

    doc = load_bytes(
        CSV, name="jobs.csv", original_name="jobs.csv", fmt="csv", sidecar=(yaml.safe_load(SIDECAR), SIDECAR)
    )
    m = doc.meta
    assert (m.source, m.written, m.period) == ("nearshore-qa corpus", "2026-11-26", "2024")
    assert m.data_sources == (("INEGI", "https://www.inegi.org.mx", "March 2025"),)
    assert ("expected_jobs", "Expected jobs", "count") in m.columns
    coahuila = chunk_document(doc)[0]
    assert human_locator(coahuila, m, "expected_jobs") == "row Coahuila, 2024 · column Expected jobs (count)"
    assert human_locator(coahuila, m) == "row Coahuila, 2024"
    assert provenance_parts(
        publisher=m.source, written=m.written, data_sources=m.data_sources, period=m.period, kind=m.kind
    ) == ["nearshore-qa corpus", "written 2026-11-26", "data: INEGI, March 2025", "period 2024", "table"]


def test_article_locators_name_section_and_paragraph_never_offsets():
    doc = load_bytes(
        (REPO_ROOT / "corpus/articles/mexico-top-us-goods-trading-partner-2023.md").read_bytes(),
        name="a.md",
        original_name="a.md",
        fmt="md",
    )
    chunks = chunk_document(doc)
    first = next(c for c in chunks if "US$797.96 billion" in c.text)
    assert human_locator(first, doc.meta) == "§ The three largest partners in 2023 › paragraph 1"
    later = next(c for c in chunks if "US$24.98 billion" in c.text)
    assert human_locator(later, doc.meta).startswith("§ The three largest partners in 2023 › paragraph ")
    assert human_locator(later, doc.meta) != human_locator(first, doc.meta)
    assert all("chars" not in human_locator(c, doc.meta) for c in chunks)


def test_pdf_locators_name_the_page():
    path = CORPUS_DIR / "articles/usmca-joint-review.pdf"
    doc = load_bytes(path.read_bytes(), name="r.pdf", original_name="r.pdf", fmt="pdf")
    chunk = next(c for c in chunk_document(doc) if "3 November 2025" in c.text)
    assert human_locator(chunk, doc.meta).startswith("page 2")


def test_shipped_articles_separate_author_from_data_sources():
    doc = load_bytes(
        (REPO_ROOT / "corpus/articles/mexico-top-us-goods-trading-partner-2023.md").read_bytes(),
        name="a.md",
        original_name="a.md",
        fmt="md",
    )
    m = doc.meta
    assert m.source == "nearshore-qa corpus" and m.written == "2026-11-26" and m.period == "2023"
    assert m.data_sources[0][0] == "U.S. Census Bureau" and m.data_sources[0][1].startswith("https://www.census.gov/")


def test_document_html_renders_markdown_escapes_html_and_marks_the_passage():
    text = "# Title\n\n## Part\n\nHello <script>x()</script> **bold** world.\n\n- item one\n- item two\n"
    start = text.index("Hello")
    html = document_html(text, [(start, start + len("Hello <script>x()</script> **bold** world."))])
    assert "<h1>Title</h1>" in html and "<h2>Part</h2>" in html and "<li>item one</li>" in html
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert '<div id="nsq-cited" class="nsq-cited"><p><mark>Hello' in html
    assert "<strong>bold</strong>" in html
    # A marked list item keeps its list; nested spans get a stronger shade.
    item = text.index("item one")
    html = document_html(text, [(item - 2, item + 8), (item, item + 4)])
    assert '<li><mark><mark style="background-color:#ffd84d">item</mark> one</mark></li>' in html


def test_document_html_never_makes_links_that_run_code():
    html = document_html("[x](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](http://e.x/i.png)")
    assert "<a " not in html and "<img" not in html  # no links out of the app, no remote images
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_figures_inside_cited_titles_are_not_findings():
    cit = Citation(
        marker=1,
        doc_id="t.csv",
        title="US exports to the top 15 export markets, 2020-2024",
        source="t.csv",
        publisher="",
        published="",
        locator="row Australia, 2024",
        text="",
    )
    ans = Answer(
        question="q",
        answer="a",
        abstained=False,
        citations=[cit],
        figures=[Figure("15", 15.0, "number", 1, False), Figure("33.63", 33.63, "number", 1, True)],
    )
    assert [f.text for f in answer_figures(ans)] == ["33.63"]


def test_pasting_a_title_again_can_keep_both():
    assert pasted_doc_id("Test note") == "pasted/test-note.md"
    taken = {"pasted/test-note.md", "pasted/test-note-2.md"}
    assert pasted_doc_id("Test note", taken) == "pasted/test-note-3.md"
    doc = load_pasted("Test note", "Some text.", doc_id="pasted/test-note-3.md")
    assert doc.meta.doc_id == "pasted/test-note-3.md" and doc.meta.title == "Test note"


def test_a_pdf_reads_by_page_with_the_passage_marked():
    text = "First page text.\n\nSecond page: comments were due 3 November 2025."
    start = text.index("Second")
    html = document_html(text, [(start, len(text))], markdown=False, pages=[(1, 0), (2, start)])
    assert html.index("Page 1") < html.index("First page") < html.index("Page 2") < html.index('id="nsq-cited"')
    assert "<mark>Second page: comments were due 3 November 2025.</mark>" in html


def _conflicting_answer():
    """A real conflict: BTS and Census give different 2019 US–Mexico trade (shipped tables)."""
    from corpus_evidence import table_hits

    from nearshore_qa.answerers.computed import with_computation
    from nearshore_qa.citations import citation_for

    bts = table_hits(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
    )
    census = table_hits(
        "us_goods_trade_top_partners_annual", lambda r: r["partner"] == "Mexico" and r["year"] == "2019"
    )
    hits = [*bts, *census]
    question = "What was the percentage change in US trade with Mexico from 2019 to 2024?"
    quoted = Answer(question, f"{hits[0].chunk.text} [1]", False, citations=[citation_for(hits[0], 1)])
    return with_computation(question, hits, quoted)


def test_conflicting_sources_read_as_cards_with_publisher_and_as_of():
    from nearshore_qa.presentation import answer_without_conflicts, conflict_views

    answer = _conflicting_answer()
    (view,) = conflict_views(answer)
    assert view.heading == "Total trade · Mexico · 2019"
    by_value = {v.value: v for v in view.values}
    assert set(by_value) == {"US$614.50 billion", "US$612,770.1 million"}
    bts, census = by_value["US$614.50 billion"], by_value["US$612,770.1 million"]
    assert "Bureau of Transportation Statistics" in bts.publisher and bts.as_of == "raw data downloaded 2026-03-21"
    assert census.publisher == "U.S. Census Bureau, Foreign Trade Division"
    cited = {c.marker: c for c in answer.citations}
    for v in view.values:  # each value names the citation of its cell
        assert cited[v.marker].title == v.title and "row Mexico, 2019" in v.locator
    # the answer without the sentence the cards replace; everything else kept
    assert "Sources differ" in answer.answer
    shown = answer_without_conflicts(answer)
    assert "Sources differ" not in shown and shown.startswith("Total trade for Mexico grew 36.7%")
    assert answer_without_conflicts(Answer("q", "No conflict here. [1]", False)) == "No conflict here. [1]"


def test_markdown_export_lists_conflicting_values_in_a_table():
    from nearshore_qa.export import answer_markdown

    text = answer_markdown(_conflicting_answer())
    table = text[text.index("### Sources differ") : text.index("### Sources\n")]
    assert "**Total trade · Mexico · 2019**" in table and "| Value | Data from | As of | Source |" in table
    assert "| US\\$612,770.1 million \\[" in table and "U.S. Census Bureau, Foreign Trade Division" in table
    assert "raw data downloaded 2026-03-21" in table
