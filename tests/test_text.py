"""The shared words: years, months, the two tokenisations, the abstention sentence, the name enums."""

from __future__ import annotations

import json

from nearshore_qa.kinds import IngestStatus
from nearshore_qa.lexical import index_stems
from nearshore_qa.text import MONTH, YEAR, abstention, fold, term_stems


def test_years_are_whole_four_digit_numbers_of_this_century_or_the_last():
    assert YEAR.findall("From 1994 to 2024, not 1850, 20245 or 120190") == ["1994", "2024"]
    assert YEAR.fullmatch("2017") and not YEAR.fullmatch("2017.5") and not YEAR.fullmatch("217")


def test_months_are_full_capitalised_names():
    assert MONTH.findall("August 2022 and Sept. 2023, march on May 5") == ["August", "May"]


def test_the_answerers_terms_drop_question_words_the_index_keeps_them():
    question = "What was the value of Mexico's exports in 2024?"
    assert term_stems(question) == ["mexico", "export", "2024"]
    assert index_stems(question) == ["what", "valu", "mexico", "s", "export", "2024"]
    assert term_stems("US$1,234.5 billion") == ["us", "1,234.5", "billion"]


def test_fold_unifies_accents_and_dashes():
    assert fold("Nuevo León US–Mexico") == "nuevo leon us-mexico"


def test_abstention_quotes_the_question():
    assert abstention("  Who won?  ") == (
        "The corpus does not say: “Who won?” None of the passages found states it; "
        "the closest sources are listed below."
    )
    assert abstention("Who won", found=False) == "The corpus does not say: “Who won?” No passage was found."


def test_abstention_quotes_a_request_as_typed():
    # "Tell me … 2008." is not a question: no mark is added after its full stop
    assert abstention("Tell me the US exports to Mexico by truck in 2008.").startswith(
        "The corpus does not say: “Tell me the US exports to Mexico by truck in 2008.” None"
    )


def test_statuses_read_as_their_old_strings():
    assert IngestStatus.SKIPPED == "skipped" and f"{IngestStatus.ADDED:<7}|" == "added  |"
    assert json.dumps({"status": IngestStatus.DUPLICATE}) == '{"status": "duplicate"}'


def test_a_folder_lists_a_file_it_cannot_read_as_skipped(library, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chart.png").write_bytes(b"\x89PNG")
    (result,) = library.add([folder])
    assert result.status is IngestStatus.SKIPPED and result.reason == "unsupported file type .png"


def test_a_question_about_an_unnamed_document_gets_a_hint_to_pick_it():
    from nearshore_qa.text import unnamed_document_hint

    hint = unnamed_document_hint("What was the company's revenue in 2019?", "Acme annual report")
    assert hint == (
        "The question speaks of “the company” without saying which document: this answer comes from "
        "“Acme annual report”. To ask one document, pick it under Ask about (app) or with --doc (command line)."
    )
    abstained = unnamed_document_hint("What does this table show?", "")  # no document answered
    assert abstained.startswith("The question speaks of “this table” without saying which document. To ask")
    assert unnamed_document_hint("What were US exports to Mexico in 2024?", "Trade note") == ""
    assert unnamed_document_hint("Which tables show Mexico?", "Trade note") == ""  # no single document meant


def test_a_question_typed_in_lower_case_gets_the_names_the_passages_write():
    from nearshore_qa.text import truecased

    passages = [
        "US goods trade with Mexico totalled US$839.89 billion in 2024, according to BTS.",
        "Trade with Mexico grew; US exports to Nuevo León rose, and Nuevo León led. The trade of the US with Mexico …",
    ]
    assert truecased("whats us mexico trade 2024", passages) == "whats US Mexico trade 2024"
    assert truecased("exports to nuevo leon", passages) == "exports to Nuevo León"  # as written, accents too
    # a question with a capital of its own is left as typed; a word also written in lower case stays
    assert truecased("What was US trade with mexico?", passages) == "What was US trade with mexico?"
    assert truecased("What did the company approve?", ["… the Company approved …"] * 3) == (
        "What did the company approve?"
    )
    assert truecased("trade in 2024", passages) == "trade in 2024"
    # "may" is the month before a year, the verb elsewhere
    assert truecased("china imports may 2021", passages) == "China imports May 2021"
    assert truecased("may i see exports for 2020", passages) == "may i see exports for 2020"


def test_the_dotted_us_is_one_word():
    from nearshore_qa.text import undotted

    assert undotted("What were U.S. imports from China?") == "What were US imports from China?"
    assert undotted("U.S.-Mexico trade and U.S.A. exports") == "US-Mexico trade and USA exports"
    assert undotted("the U.S.") == "the US"
    assert undotted("a U.S.M.C.A. rule") == "a U.S.M.C.A. rule"  # another acronym's letters are left alone


def test_a_lower_case_question_names_its_months_countries_and_the_us_without_the_passages():
    from nearshore_qa.text import truecased

    typed = "how much did the us import from mexico in december 2009?"
    assert truecased(typed, []) == "how much did the US import from Mexico in December 2009?"
    # "may" is the verb as often as the month; a question with a capital is left as typed
    assert truecased("what may be imported in may?", []) == "what may be imported in may?"
    assert truecased("How much did the us import from mexico?", []) == "How much did the us import from mexico?"


def test_a_word_is_written_in_its_plural_or_as_a_compounds_end():
    from nearshore_qa.text import written_among

    assert written_among("cyclist", {"pedestrian", "bicyclist"})
    assert written_among("truck", {"trucks"}) and written_among("trucks", {"truck"})
    assert not written_among("car", {"railcar"})  # a short word ends too many others
