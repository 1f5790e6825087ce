"""Figure look-up across the corpus, cited tables rebuilt as DataFrames, library filters.

The store here is a small stand-in holding real parsed chunks (ingest + chunking, no
embedding), so these tests run in well under a second."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from nearshore_qa.chunking import chunk_document
from nearshore_qa.errors import DocumentNotFound
from nearshore_qa.ingest import load_bytes, load_file, load_pasted
from nearshore_qa.lookup import filter_sources, find_figure, highlight_row, table_frame, table_names
from nearshore_qa.records import SourceInfo

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_ids = itertools.count()


class ChunkStore:
    """What lookup needs from a Store: all_chunks, document_chunks, generation."""

    def __init__(self, docs):
        self.dir = f"/fake-store-{next(_ids)}"
        self.changes = 1
        self.docs = {d.meta.doc_id: (d, chunk_document(d)) for d in docs}

    def add(self, doc):
        self.docs[doc.meta.doc_id] = (doc, chunk_document(doc))
        self.changes += 1

    def generation(self) -> str:
        return str(self.changes)

    def all_chunks(self):
        for doc, chunks in self.docs.values():
            for c in chunks:
                yield c, doc.meta

    def document_chunks(self, doc_id):
        if doc_id not in self.docs:
            raise DocumentNotFound(doc_id)
        return self.docs[doc_id][1]


def _article(text: str, title: str = "Dollars article"):
    return load_pasted(title, text, source="Test Wire", url="https://example.org/a", published="2022-10-13")


def _csv(name: str, body: str):
    return load_bytes(body.encode(), name=f"tables/{name}", original_name=name, fmt="csv")


@pytest.fixture(scope="module")
def corpus_store():
    article = CORPUS / "articles" / "mexico-overtakes-canada-china-monthly-us-goods-trade-2022.md"
    table = CORPUS / "tables" / "us_imports_from_china_annual.csv"
    docs = [
        load_file(article, "articles/" + article.name, 10**7),
        load_file(table, "tables/" + table.name, 10**7),
        _article(
            "Trade reached 70.04 billion dollars in August 2022, and 61% of it moved by truck. "
            "A later revision put it at $70.0bn."
        ),
    ]
    return ChunkStore(docs)


def test_us_dollars_with_scale_matches_other_spellings(corpus_store):
    matches = find_figure(corpus_store, "US$70.04 billion")
    texts = {m.figure for m in matches}
    assert "US$70.04 billion" in texts  # the shipped article
    assert "70.04 billion dollars" in texts  # written another way
    assert all(m.text[m.start : m.end] == m.figure for m in matches)
    art = next(m for m in matches if m.figure == "70.04 billion dollars")
    assert art.title == "Dollars article" and art.publisher == "Test Wire" and art.published == "2022-10-13"
    assert art.source == "https://example.org/a" and art.kind == "article" and art.exact


def test_exact_values_come_before_rounded_ones(corpus_store):
    matches = find_figure(corpus_store, "US$70.0 billion")
    assert matches, "70.0 billion matches 70.0bn"
    assert matches[0].exact
    # At one decimal, 70.04 billion also reads as 70.0 billion; it sorts after the exact match.
    inexact = [m for m in matches if not m.exact]
    assert inexact and matches.index(inexact[0]) > 0


def test_bare_number_finds_it_with_scale_and_percent_needs_percent(corpus_store):
    assert any(m.figure == "US$70.04 billion" for m in find_figure(corpus_store, "70.04"))
    pct = find_figure(corpus_store, "61%")
    assert [m.figure for m in pct] == ["61%"]
    # At the precision typed, US$61.14 billion reads as 61 billion: found, but not exact.
    assert all(not m.exact for m in find_figure(corpus_store, "61 billion"))
    assert not find_figure(corpus_store, "62 billion")


def test_table_rows_match_with_their_column(corpus_store):
    matches = find_figure(corpus_store, "449,110.7 million")
    row = next(m for m in matches if m.kind == "table")
    assert row.row == 4 and row.column == "us_imports_from_china_usd_millions"
    assert row.locator == "row 2019 · column US imports from China (US$ m)" and row.figure == "449110.7"


def test_not_a_figure_gives_nothing(corpus_store):
    assert find_figure(corpus_store, "trade") == []
    assert find_figure(corpus_store, "") == []


def test_new_documents_are_found_after_an_add():
    store = ChunkStore([_article("Nothing numeric here at all.", "Plain")])
    assert find_figure(store, "318,400") == []
    store.add(_article("Crossings reached 318,400 trucks.", "Trucks"))
    assert [m.title for m in find_figure(store, "318,400")] == ["Trucks"]


def test_table_frame_rebuilds_the_table_and_highlights_the_row(corpus_store):
    doc_id = "tables/us_imports_from_china_annual.csv"
    assert table_names(corpus_store, doc_id) == ["Us imports from china annual"]
    frame = table_frame(corpus_store, doc_id, "Us imports from china annual")
    assert list(frame.columns)[:2] == ["year", "us_imports_from_china_usd_millions"]
    assert len(frame) == 11 and frame.index[0] == 1
    assert frame.loc[5, "us_imports_from_china_usd_millions"] == pytest.approx(449110.7)
    styler = highlight_row(frame, 5, "us_imports_from_china_usd_millions")
    html = styler.to_html()
    ctx = styler._compute().ctx  # {(row position, column position): [(property, value)]}
    shaded = {pos for pos, props in ctx.items() if ("background-color", "#fff3a3") in props}
    assert shaded == {(4, j) for j in range(len(frame.columns))}
    assert [pos for pos, props in ctx.items() if ("font-weight", "bold") in props] == [(4, 1)]
    assert "449110.7" in html and "-16.6" in html  # shown as written, not 449110.700000


def test_table_frame_windows_long_tables():
    body = "year,value\n" + "\n".join(f"{1000 + i},{i}" for i in range(50))
    store = ChunkStore([_csv("long.csv", body)])
    frame = table_frame(store, "tables/long.csv", around=40, max_rows=10)
    assert len(frame) == 10 and 41 in frame.index
    assert frame["value"].dtype.kind in "if"
    text = table_frame(ChunkStore([_csv("t.csv", "name,code\nA,x1\nB,\n")]), "tables/t.csv")
    assert text["code"].tolist() == ["x1", ""]


def test_table_frame_of_a_removed_document_raises():
    with pytest.raises(DocumentNotFound):
        table_frame(ChunkStore([]), "gone.csv")


def _info(doc_id, title, kind, published, publisher="P"):
    return SourceInfo(
        doc_id=doc_id,
        title=title,
        kind=kind,
        fmt="md",
        publisher=publisher,
        url="",
        published=published,
        original_name=doc_id,
        chunks=3,
        added_at="2026-01-01",
        sha256="x",
    )


def test_filter_sources_by_text_kind_and_year():
    sources = [
        _info("a.md", "Mexico trade 2023", "article", "2023-12-31", "Census"),
        _info("b.csv", "Truck crossings", "table", "2024-05-01"),
        _info("c.md", "Undated note", "article", ""),
    ]
    assert [s.doc_id for s in filter_sources(sources, "census mexico")] == ["a.md"]
    assert [s.doc_id for s in filter_sources(sources, kinds=["table"])] == ["b.csv"]
    assert [s.doc_id for s in filter_sources(sources, years=["2023", "2024"])] == ["a.md", "b.csv"]
    assert len(filter_sources(sources)) == 3
