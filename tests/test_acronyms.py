"""An acronym and its spelled-out form name the same thing: "According to the NBER …" finds and
quotes the report that names the National Bureau of Economic Research in full, and the BM25
index keeps the spellings of the acronyms its documents never write."""

from __future__ import annotations

from pathlib import Path

import pytest

from nearshore_qa.acronyms import spelled_acronyms, unwritten_spellings
from nearshore_qa.lexical import LexicalIndex
from nearshore_qa.retrieval import with_spellings

READING = Path(__file__).resolve().parent / "data" / "reading"
RECESSION = READING / "recession_at_the_border.txt"


@pytest.mark.parametrize(
    "text,acronym",
    [
        ("The recession that the National Bureau of Economic Research dates from December 2007", "NBER"),
        ("using the Bureau of Transportation Statistics (BTS) North American TransBorder data", "BTS"),
        ("crossings recorded by U.S. Customs and Border Protection at Laredo", "CBP"),
        ("signed the United States-Mexico-Canada Agreement in 2018", "USMCA"),
        ("the High-Level Economic Dialogue met in Mexico City", "HLED"),
    ],
)
def test_a_run_of_capitalised_words_spells_its_initials(text, acronym):
    assert acronym in spelled_acronyms(text)


def test_lower_case_words_other_than_joining_ones_break_a_spelling():
    # "the Bureau said the Economic Research …": not a name, no acronym
    assert "BER" not in spelled_acronyms("the Bureau said that Economic Research grew")
    assert spelled_acronyms("NBER dates the recession") == set()  # the acronym itself spells nothing


def test_the_index_keeps_the_spellings_of_acronyms_its_texts_never_write(tmp_path):
    texts = [
        RECESSION.read_text(encoding="utf-8"),
        "Values come from the Bureau of Transportation Statistics (BTS) TransBorder Freight Data.",
    ]
    index = LexicalIndex.build(["a.txt#0", "b.md#0"], texts, generation=3)
    assert index.spellings["NBER"] == "National Bureau of Economic Research"
    assert "BTS" not in index.spellings  # the texts write "BTS": BM25 finds it as it is
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path, 3)
    assert loaded is not None and loaded.spellings == index.spellings
    query = with_spellings("NBER recession end", "According to the NBER, when did the recession end?", index.spellings)
    assert "National Bureau of Economic Research" in query
    assert with_spellings("BTS data", "What do the BTS data cover?", index.spellings) == "BTS data"
    assert unwritten_spellings(["no names here"]) == {}


@pytest.fixture(scope="module")
def border_library(tmp_path_factory, embedder):
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("acronyms") / "store"), embedder=embedder)
    lib.add([RECESSION, READING / "trade_by_mode_2004_2005.md", READING / "tatqa_paragraphs.md"])
    yield lib
    lib.close()


def test_a_question_naming_an_acronym_is_answered_from_the_passage_that_spells_it_out(border_library):
    answer = border_library.ask("According to the NBER, when did the recession end?")
    assert not answer.abstained
    assert "National Bureau of Economic Research dates from December 2007 to June 2009" in answer.answer
    assert answer.citations[0].doc_id == "recession_at_the_border.txt"


def test_a_question_spelling_a_name_out_is_answered_from_the_passage_writing_its_acronym(border_library):
    # the passage writes "CBP" only: "Customs" and "Protection" are not names it lacks
    answer = border_library.ask(
        "What did Customs and Border Protection record entering the United States at a Texas port?"
    )
    assert not answer.abstained
    assert "every railcar that CBP recorded entering the United States" in answer.answer
