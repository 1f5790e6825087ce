"""Hybrid retrieval on a real store: each piece of evidence the fusion uses decides a ranking
a user would care about (shown by switching that piece off), on the files in tests/data/retrieval/."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import DATA_DIR

from nearshore_qa.retrieval import FusionWeights, HybridRetriever, content_words, lexical_query, source_clause

RETRIEVAL_DIR = DATA_DIR / "retrieval"


@pytest.fixture(scope="module")
def store(tmp_path_factory, embedder):
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("retrieval") / "store"), embedder=embedder)
    results = lib.add([RETRIEVAL_DIR])
    assert {r.status for r in results} == {"added"}, results
    yield lib.store
    lib.close()


def ranking(store, question: str, k: int = 6, **weights) -> list[tuple[str, str]]:
    retriever = HybridRetriever(store=store, k=k, weights=replace(FusionWeights(), **weights))
    return [(h.chunk.doc_id, h.chunk.text) for h in retriever.search(question)]


def test_question_words_are_left_out_of_the_lexical_query():
    asked = "What was the percentage change in net inventories between 2018 and 2019?"
    assert content_words(asked) == "was the in net inventories 2018 and 2019?"
    assert (
        lexical_query("How large is the trade deficit with Mexico?")
        == "large is the trade deficit with Mexico? balance"
    )  # the set phrase's other wording added
    assert lexical_query("What?") == "What?"  # nothing but question words: kept as asked


def test_words_next_to_each_other_beat_the_same_words_apart(store):
    question = "What were commercial vehicle imports?"
    assert ranking(store, question)[0][0] == "commercial-vehicle-imports.md"
    # without the word-pair evidence, the passage repeating the words apart wins
    assert ranking(store, question, phrase=0)[0][0] == "vehicle-imports-by-rail.md"


def test_the_rest_of_the_document_counts_for_a_table_row(store):
    question = "What was the credit risk exposure for Ireland in 2019?"

    def ireland_rows(**weights) -> dict[str, float]:
        retriever = HybridRetriever(store=store, k=6, weights=replace(FusionWeights(), **weights))
        return {h.chunk.doc_id: h.score for h in retriever.search(question) if h.chunk.text.startswith("| Ireland")}

    with_document, without = ireland_rows(), ireland_rows(document=0)
    assert list(with_document) == ["credit-risk-uk.md", "revenue-by-country.md"]
    # the paragraph above the table ("exposure to credit risk") lifts its Ireland row
    lead = with_document["credit-risk-uk.md"] - with_document["revenue-by-country.md"]
    assert lead > without["credit-risk-uk.md"] - without["revenue-by-country.md"] + 0.2


def test_a_passage_about_another_year_ranks_below_the_asked_year(store):
    question = "How many northbound trucks crossed at Laredo in 2023?"
    assert ranking(store, question)[0][0] == "laredo-trucks-2023.md"
    assert ranking(store, question, year_bonus=0, year_penalty=0)[0][0] == "laredo-trucks-2022.md"


def test_markdown_table_rows_come_back_one_row_at_a_time_with_their_header(store):
    retriever = HybridRetriever(store=store, k=3)
    hit = next(h for h in retriever.search("Revenue from France in 2018") if h.chunk.text.startswith("|"))
    assert hit.chunk.text == "| France | 120.4 | 118.9 |"
    assert hit.chunk.context == "| Country | 2019 | 2018 |"


@pytest.fixture(scope="module")
def names_store(tmp_path_factory, embedder):
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("names") / "store"), embedder=embedder)
    results = lib.add([DATA_DIR / "retrieval_names"])
    assert {r.status for r in results} == {"added"}, results
    yield lib.store
    lib.close()


def test_a_passage_holding_none_of_the_questions_names_gives_way(names_store):
    # Two notes on US exports by HS chapter: the one about Mexico repeats the question's words
    # ("largest US export", "chapter", "2024"); only the one about China names China.
    question = "Which product was the second-largest US export to China in 2024 among the chapters listed?"
    china = "us-exports-to-china-by-product-2020-2024.md"
    assert china in [doc for doc, _ in ranking(names_store, question, k=5)]
    assert china not in [doc for doc, _ in ranking(names_store, question, k=5, name_penalty=0)]


def test_the_names_of_a_question_are_its_capitalised_words_the_passages_hold_as_names():
    from nearshore_qa.retrieval import question_names

    texts = ["US exports to China rose.", "the fiscal year ended", "Trade with Mexico"]
    assert question_names("Which product did the US export to China in Fiscal 2024?", texts) == ["china"]
    assert question_names("What did Brazil buy?", texts) == []  # no passage names it: no evidence either way


def test_no_more_than_three_rows_of_one_table_in_the_top_k():
    """Twelve month rows sharing one caption would fill the top 5 and push out the paragraph
    that states the year's figure in words; rows past the third of a table move behind the top k
    (the cell, computation and ranking readers read the whole table through the table itself)."""
    from nearshore_qa.records import Chunk
    from nearshore_qa.retrieval import _one_table_capped

    caption = "Table 1. US goods imports from and exports to Japan by month (US$ million)"
    rows = [Chunk(f"r{i}", "japan.pdf", i, f"| Month {i} | 1 | 2 |", 0, 1, caption=caption) for i in range(6)]
    prose = Chunk("p", "japan.pdf", 9, "Over the whole of 2011 the United States exported …", 0, 1)
    csv_rows = [Chunk(f"c{i}", "t.csv", i, "year: 2011", 0, 1, table="t", row=i) for i in range(2)]
    found = {c.chunk_id: (c, None) for c in [*rows, prose, *csv_rows]}
    ordered = [*(c.chunk_id for c in rows), "p", "c0", "c1"]
    top = _one_table_capped(ordered, found, 5, 3)[:5]
    assert top == ["r0", "r1", "r2", "p", "c0"]
    assert _one_table_capped(ordered, found, 5, 0) == ordered  # 0: no limit


def test_a_search_within_chosen_documents_ranks_only_their_chunks(store):
    question = "How many trucks crossed at Laredo in 2023?"
    everywhere = {doc for doc, _ in ranking(store, question)}
    assert len(everywhere) > 1
    for doc_id in sorted(everywhere):
        hits = HybridRetriever(store=store, k=6, documents=frozenset({doc_id})).search(question)
        assert hits and {h.chunk.doc_id for h in hits} == {doc_id}


@pytest.fixture(scope="module")
def slots_store(tmp_path_factory, embedder):
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("slots") / "store"), embedder=embedder)
    assert {r.status for r in lib.add([DATA_DIR / "retrieval_slots"])} == {"added"}
    yield lib.store
    lib.close()


def test_a_table_row_far_behind_does_not_take_a_slot_from_the_passage_stating_the_answer(slots_store):
    question = "How much did the US export to Japan in 2012 as a whole?"
    year = "exported US$69,975.8 million"
    kept = ranking(slots_store, question, k=3)
    assert any(year in text for _, text in kept)
    # giving the slots to any row, the wood-export rows that merely name Japan push it out
    pushed = ranking(slots_store, question, k=3, table_slot_share=0.0)
    assert not any(year in text for _, text in pushed)
    assert any(doc.endswith(".csv") for doc, _ in pushed)


def test_a_countrys_adjective_brings_the_country_into_the_lexical_query():
    assert lexical_query("How much did Americans spend on Norwegian goods?").endswith("norway")
    assert "netherlands" in lexical_query("What were Dutch purchases of US goods?").split()
    # a region's adjective too: fresh14's "South Asian partners" are written "South Asia"
    assert "asia" in lexical_query("Which of the four South Asian partners supplied the most?").split()
    assert lexical_query("What did polish firms buy?") == "polish firms buy?"  # a verb or adjective in lower case


@pytest.mark.parametrize(
    "question,topic,source",
    [
        (
            "How much did the US export to Jalisco in 2023, according to BTS TransBorder state data?",
            "How much did the US export to Jalisco in 2023?",
            ["bts", "transborder"],
        ),
        (
            "According to BTS TransBorder data, what was two-way US–Mexico goods trade in 2024?",
            "what was two-way US–Mexico goods trade in 2024?",
            ["bts", "transborder"],
        ),
        (
            "How much FDI did Guanajuato receive in 2015, per the Secretaría de Economía?",
            "How much FDI did Guanajuato receive in 2015?",
            ["secretaría", "economía"],
        ),
        ("What were imports from China in the FRED IMPCH series?", "What were imports from China?", ["fred", "impch"]),
        ("What were exports in 2019 according to U.S. Census data?", "What were exports in 2019?", ["census"]),
        ("What was GDP per capita in Mexico?", "What was GDP per capita in Mexico?", []),  # "per" of a rate
        ("What does BTS TransBorder data cover?", "What does BTS TransBorder data cover?", []),  # about the source
    ],
)
def test_the_source_a_question_names_is_read_apart_from_its_topic(question, topic, source):
    assert source_clause(question) == (topic, source)


@pytest.fixture(scope="module")
def sources_library(tmp_path_factory, embedder):
    """Three articles that cite "BTS TransBorder Freight Data" sentence after sentence, and a table
    of BTS data whose rows (and title) never write "BTS": its sidecar names the data source."""
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("sources") / "store"), embedder=embedder)
    results = lib.add([DATA_DIR / "retrieval_sources"])
    assert {r.status for r in results} == {"added"}, results
    yield lib
    lib.close()


def test_a_table_row_of_the_named_source_is_found_though_it_never_names_it(sources_library, monkeypatch):
    """ "according to BTS …" is met by the BTS table, whose rows never write "BTS": searched as
    words, the clause ranks the articles citing BTS above the row that states the figure."""
    from nearshore_qa import retrieval

    question = "How much did the US export to Jalisco in 2023, according to BTS TransBorder state data?"
    retriever = sources_library.retriever
    top = retriever.search(question)[0]
    assert top.chunk.doc_id == "tables/us_exports_to_mexican_states.csv" and "Jalisco" in top.chunk.text
    answer = sources_library.ask(question)
    assert not answer.abstained and "US$10.59 billion" in answer.answer
    monkeypatch.setattr(retrieval, "source_clause", lambda q: (q, []))  # the clause read as words
    assert retriever.search(question)[0].chunk.doc_id != "tables/us_exports_to_mexican_states.csv"


def test_accents_do_not_keep_a_row_from_a_question(sources_library):
    # the table writes "Queretaro", a user "Querétaro" (and the other way round): one word to BM25
    index = sources_library.store.refresh_lexical()
    for words in ("exports Querétaro 2023", "exports Queretaro 2023"):
        (best, _), *_ = index.search(words, 3)
        (chunk, _), *_ = sources_library.store.chunks({best: 0.0}).values()
        assert "Queretaro" in chunk.text and "2023" in chunk.text, words


def test_a_sum_of_listed_names_brings_their_count_and_together_into_the_lexical_query():
    from nearshore_qa.retrieval import expand_query

    asked = "How much did Brazil, Argentina, Chile, Colombia and Peru buy from the US altogether in 2014?"
    assert expand_query(asked).endswith(" together five")  # "Together the five took …"
    assert expand_query("What were combined US exports to France, Italy, the Netherlands and Spain?").endswith(
        " together four"
    )
    # a list without a sum is left as asked
    assert expand_query("Which of Brazil, Chile and Peru bought the most in 2014?") == (
        "Which of Brazil, Chile and Peru bought the most in 2014?"
    )


def test_a_plain_text_reference_list_ranks_below_the_facts_it_credits(store):
    """A report's "SOURCES" list names the agency, series, places and years of every figure above
    it, so on words alone it outranks the paragraph that states the figure (fresh13's El Paso
    note); as a reference list it ranks last, and still answers a question about the data."""
    question = "How many northbound gadget trucks did Port Alpha count in 2021?"
    doc = "gadget-trucks-at-port-alpha.txt"
    ranked = [text for doc_id, text in ranking(store, question) if doc_id == doc]
    assert ranked[0].startswith("Port Alpha counted 41,250"), ranked
    unpenalised = [text for doc_id, text in ranking(store, question, reference_penalty=0) if doc_id == doc]
    assert unpenalised[0].startswith("Gadget Border Agency"), unpenalised
    about_the_data = ranking(store, "When were the raw gadget truck data downloaded?", k=3)
    assert any("downloaded 2026-01-05" in text for _, text in about_the_data)


def test_a_tables_rows_are_one_table_though_each_caption_ends_in_its_own_month():
    """A row piece of a table in a document carries the table's caption and, when only the
    caption says the year, its own month ("… by month, 2023\nMay 2023"): the header lines every
    row carries name the table, so twelve months still fill at most three places."""
    from nearshore_qa.records import Chunk
    from nearshore_qa.retrieval import _one_table_capped

    caption = "Table 1. Northbound commercial trucks and railcars by month, 2023 (counts)."
    header = "| Month | Laredo trucks | Eagle Pass trucks |\n| --- | --- | --- |"
    months = ["Jan", "Feb", "Mar", "Apr", "May"]
    rows = [
        Chunk(f"r{i}", "ports.txt", i, f"| {m} | 1 | 2 |", 0, 1, context=header, caption=f"{caption}\n{m} 2023")
        for i, m in enumerate(months)
    ]
    prose = Chunk("p", "ports.txt", 9, "Buses grew 8.3 percent, to 5,973.", 0, 1)
    found = {c.chunk_id: (c, None) for c in [*rows, prose]}
    top = _one_table_capped([*(c.chunk_id for c in rows), "p"], found, 5, 3)[:5]
    assert top == ["r0", "r1", "r2", "p", "r3"]
