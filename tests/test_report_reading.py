"""Reading a report, given the report (real TAT-QA dev excerpts): a reason question quotes the
sentence giving the cause after the one stating the change; a cell answer is followed by the
report's sentence stating the same figure in words ("1,779" in thousands is "$1.8 million"); a
footnote is read with the rows carrying its marker; "What does the table show?" is answered by
the sentence introducing a table; "the Company's" is a defined term, not a name."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.extractive import ExtractiveAnswerer, QuestionProfile, proper_names
from nearshore_qa.answerers.footnotes import labels_marked, note_marker
from nearshore_qa.answerers.restatements import restating_sentence
from nearshore_qa.answerers.stated_types import asked_kind
from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_bytes, load_file

DATA = Path(__file__).resolve().parent / "data" / "reading"


def _load(name: str):
    return load_file(DATA / name, name, 2**20)


@pytest.fixture(scope="module")
def cash_flows():
    return _load("tatqa_cash_flows.md")


@pytest.fixture(scope="module")
def reasons():
    return _load("tatqa_reasons.md")


def _answerer(embedder, doc):
    return ExtractiveAnswerer(embedder, tables_for=lambda _doc_id: list(doc.data_tables))


def test_a_reason_question_quotes_the_cause_after_the_change(embedder, reasons):
    question = "What was the reason for the increase in net cash used in investing activities?"
    answer = _answerer(embedder, reasons)(question, hits_for(reasons, "investing"))
    assert not answer.abstained
    # the sentence stating the change, then the one stating its cause, as one cited quote
    assert "to $693.0 million during the year ended December 31, 2018. The increase is mainly attributable to" in (
        answer.answer
    )
    assert "payments for the construction costs of newbuildings" in answer.answer
    assert all(f.verified for f in answer.figures)


def test_only_a_reason_question_joins_a_change_with_its_cause(embedder, reasons):
    hits = hits_for(reasons, "investing")
    answerer = _answerer(embedder, reasons)
    why = [
        u.text
        for u in answerer.units(QuestionProfile.of("Why did net cash used in investing activities increase?"), hits)
    ]
    assert any(t.startswith("Net cash used in investing") and "mainly attributable" in t for t in why)
    # a question asking for the figure reads the sentences one by one
    how_much = [
        u.text
        for u in answerer.units(
            QuestionProfile.of("How much did net cash used in investing activities increase by?"), hits
        )
    ]
    assert any(t.startswith("Net cash used in investing") and t.endswith("December 31, 2018.") for t in how_much)


def test_a_reason_question_does_not_ask_for_a_figure():
    assert not QuestionProfile.of("What was the reason for the increase in the Revenue?").wants_figure
    assert QuestionProfile.of("How much did revenue increase in 2019?").wants_figure


def test_a_cell_answer_is_followed_by_the_sentence_stating_it_in_words(embedder, cash_flows):
    question = "How much cash was provided from financing activities in 2018?"
    answer = _answerer(embedder, cash_flows)(question, hits_for(cash_flows, "financing activities"))
    assert not answer.abstained
    assert "1,779" in answer.answer  # the cell, as the table states it (in thousands)
    assert "Net cash provided by financing activities was $1.8 million for the year ended December 31, 2018" in (
        answer.answer
    )
    assert "$1.4 million" not in answer.answer  # 2019's sentence does not restate the 2018 cell
    assert len(answer.citations) == 2 and all(f.verified for f in answer.figures)


def test_the_restating_sentence_is_found_in_passages_retrieval_did_not_bring(embedder, cash_flows):
    """Asked of the whole library, the cell's row may come back without the paragraph restating it:
    the cell's own document is read for it."""
    from nearshore_qa.chunking import chunk_document

    question = "How much cash was provided from financing activities in 2018?"
    table_only = [h for h in hits_for(cash_flows, "financing activities") if h.chunk.in_table]
    assert table_only and not any("$1.8 million" in h.chunk.text for h in table_only)
    answerer = ExtractiveAnswerer(
        embedder,
        tables_for=lambda _doc_id: list(cash_flows.data_tables),
        table_rows=lambda _doc_id: chunk_document(cash_flows),
    )
    answer = answerer(question, table_only)
    assert "1,779" in answer.answer
    assert "Net cash provided by financing activities was $1.8 million" in answer.answer
    assert all(f.verified for f in answer.figures)


def test_no_sentence_is_quoted_when_none_states_the_cell(embedder, cash_flows):
    question = "What was the net increase in cash and cash equivalents in 2019?"
    hits = hits_for(cash_flows, "Financing")
    answer = _answerer(embedder, cash_flows)(question, hits)
    assert not answer.abstained
    assert "771" in answer.answer
    assert restating_sentence(answer, hits) is None
    assert len(answer.citations) == 1


@pytest.mark.parametrize(
    "question,kind",
    [
        ("What does the table show?", "table"),
        ("What does this table summarize?", "table"),
        ("What does the plan include?", "definition"),
        ("How many rows does the table have?", ""),
    ],
)
def test_what_a_table_shows_is_its_own_kind_of_question(question, kind):
    assert asked_kind(question) == kind


def test_what_the_table_shows_is_answered_by_the_sentence_introducing_it(embedder):
    doc = _load("tatqa_directors.md")
    answer = _answerer(embedder, doc)("What does the table show?", hits_for(doc, "Salaries"))
    assert not answer.abstained
    assert answer.answer.startswith("Aggregate emoluments of the Directors of the Company were as follows:")
    assert answer.citations[0].doc_id == "tatqa_directors.md"


def test_a_table_question_abstains_when_no_sentence_introduces_a_table(embedder, reasons):
    answer = _answerer(embedder, reasons)("What does the table show?", hits_for(reasons, "investing"))
    assert answer.abstained


@pytest.mark.parametrize(
    "sentence,marker",
    [
        ("(1) Includes deferred initial direct costs.", "1"),
        ("(a) Excludes stock-based compensation.", "a"),
        ("Includes deferred initial direct costs (1).", ""),
        ("(in thousands) Net sales rose.", ""),
    ],
)
def test_a_footnote_opens_with_its_marker(sentence, marker):
    assert note_marker(sentence) == marker


def test_a_footnote_is_about_the_rows_that_carry_its_marker():
    doc = _load("tatqa_footnotes.md")
    tables = list(doc.data_tables)
    assert labels_marked("1", tables) == ["Recorded investment"]
    assert labels_marked("2", tables) == []


def test_a_question_about_a_marked_row_is_answered_by_its_footnote(embedder):
    doc = _load("tatqa_footnotes.md")
    answer = _answerer(embedder, doc)("What does the recorded investment include?", hits_for(doc, "Includes deferred"))
    assert not answer.abstained
    assert answer.answer.startswith("(1) Includes deferred initial direct costs which are eliminated")
    # without the table's labels the note shares no word with the question: at best a weak answer
    bare = ExtractiveAnswerer(embedder)(
        "What does the recorded investment include?", hits_for(doc, "Includes deferred")
    )
    assert bare.confidence < 0.07 < answer.confidence


def test_a_retrieved_row_brings_its_footnote_from_elsewhere_in_the_report(embedder):
    """Only the table line "| Recorded investment (1) | …" was retrieved; the note "(1) Includes …"
    stands in another passage of the report. The answerer reads it from there and quotes it,
    citing the note's own passage."""
    from nearshore_qa.chunking import chunk_document

    doc = _load("tatqa_footnotes.md")
    hits = hits_for(doc, "| Recorded investment (1)", 1)
    assert "Includes deferred" not in hits[0].chunk.text
    answerer = ExtractiveAnswerer(
        embedder, tables_for=lambda _doc_id: list(doc.data_tables), table_rows=lambda _doc_id: chunk_document(doc)
    )
    answer = answerer("What does the recorded investment include?", hits)
    assert not answer.abstained
    assert answer.answer.startswith("(1) Includes deferred initial direct costs which are eliminated")
    note = answer.citations[0]
    assert "Includes deferred" in doc.text[note.start : note.end]


def test_a_sentence_stating_the_cells_figure_about_nothing_asked_is_not_quoted(embedder, cash_flows):
    # the same figures, but the question shares no word with the sentence: no restatement
    answer = _answerer(embedder, cash_flows)(
        "How much cash was provided from financing activities in 2018?", hits_for(cash_flows, "financing activities")
    )
    other = type(answer)(
        question="Figure 1,779?", answer=answer.answer, abstained=False, citations=answer.citations[:1]
    )
    assert restating_sentence(other, hits_for(cash_flows, "financing activities")) is None
    assert restating_sentence(answer, hits_for(cash_flows, "financing activities")) is not None


def test_the_companys_is_a_defined_term_not_a_name_the_passage_must_repeat(embedder):
    doc = _load("tatqa_market.md")
    hits = hits_for(doc, "NASDAQ")
    answer = _answerer(embedder, doc)("Which market is the Company's common stock traded in?", hits)
    assert not answer.abstained
    assert "NASDAQ Global Select Market" in answer.answer
    texts = [h.chunk.text for h in hits]
    assert proper_names("Which market is the Company's common stock traded in?", {"company"}, texts) == set()
    # a name the passages never state still has to be there
    assert proper_names("Which market is Tesla's common stock traded in?", {"tesla"}, texts) == {"tesla"}
    assert not _answerer(embedder, doc)("Which market is Tesla's common stock traded in?", hits).answer.count("NASDAQ")


@pytest.mark.parametrize(
    "question,kind",
    [
        ("How often are the executive officers of the company elected?", "frequency"),
        ("How frequently is the dividend paid?", "frequency"),
        ("How much is the dividend?", ""),
    ],
)
def test_how_often_asks_for_a_frequency(question, kind):
    assert asked_kind(question) == kind


def test_how_often_is_answered_by_the_sentence_stating_a_frequency(embedder):
    doc = _load("tatqa_officers.md")
    hits = hits_for(doc, "elected annually")
    answer = _answerer(embedder, doc)("How often are the executive officers of the company elected?", hits)
    assert not answer.abstained
    assert answer.answer.startswith("Officers are elected annually")
    # nothing in the report says how often the general counsel is paid
    assert _answerer(embedder, doc)("How often is the general counsel paid a bonus?", hits).abstained


def test_a_sentence_about_a_month_outside_the_asked_quarter_does_not_answer_it(embedder):
    """The paragraph names the third quarter, but its first sentence is about October: for "the
    third quarter" the sentence stating the quarter answers, not October's figures."""
    doc = _load("quarter_and_months.md")
    answer = _answerer(embedder, doc)(
        "How much did the United States import from the partner in the third quarter?", hits_for(doc, "October")
    )
    assert not answer.abstained
    assert answer.answer.startswith("The third quarter came to US$125,516.2 million")
    assert "October" not in answer.answer


def test_which_period_least_is_answered_by_the_sentence_ranking_it_last(embedder):
    """ "In which quarter … the least …": the sentence saying "its weakest quarter" answers; the
    lead's "the biggest share" ranks the other way and is no answer to it."""
    from nearshore_qa.answerers.scoring import states_superlative

    assert states_superlative("Its weakest quarter was the third of 2003", "min")
    assert not states_superlative("The biggest share of the investment", "min")
    assert states_superlative("The biggest share of the investment", "max")
    # a comparative against all the others ranks too
    assert states_superlative("Hungary sold more to the United States than any of the other three", "max")
    assert not states_superlative("Hungary sold more to the United States than any of the other three", "min")
    assert states_superlative("Slovakia took fewer US goods than all the others", "min")
    assert not states_superlative("It grew faster than the year before", "max")
    doc = _load("weakest_quarter.md")
    answer = _answerer(embedder, doc)(
        "In which quarter of 2003 did the capital receive the least foreign investment?", hits_for(doc, "biggest")
    )
    assert not answer.abstained
    assert answer.answer.startswith("Its weakest quarter was the third of 2003")


def test_a_region_adjective_grouping_entities_is_not_a_name_to_repeat():
    """ "The five South American countries" describes the group the question picks from; the
    passage naming Colombia need not say "South". A name of its own still has to be there."""
    texts = ["Colombia was the only one of the five with which the United States ran a deficit."]
    question = "In 2013, which of the five South American countries was the only one with a deficit?"
    assert proper_names(question, {"south"}, texts) == set()
    assert proper_names("Which of the Mexican border states took the most?", {"mexican"}, texts) == set()
    assert proper_names("How much did South Africa buy in 2013?", {"south", "africa"}, texts) == {"south", "africa"}
    assert proper_names("What were Chinese imports in 2013?", {"chinese"}, texts) == {"chinese"}


def _reader(embedder, doc) -> ExtractiveAnswerer:
    """The answerer reading ``doc`` as the library does: its tables and its other passages at hand."""
    from nearshore_qa.chunking import chunk_document

    return ExtractiveAnswerer(
        embedder, tables_for=lambda _doc_id: list(doc.data_tables), table_rows=lambda _doc_id: chunk_document(doc)
    )


def test_a_tables_own_caption_says_what_it_counts_and_the_opening_says_from_where(embedder):
    """A note titled "TRUCKS AND TRAINS …" holds a table captioned "Northbound railcars …": the
    title's "trucks" does not make its cells truck counts. The opening passage's "from Mexico" is
    the subject of the table too, and "southbound into Mexico" is not what a northbound table counts."""
    doc = _load("trucks_and_trains.txt")
    read = _reader(embedder, doc)
    hits = hits_for(doc, "Port Beta       ")
    trucks = read("How many northbound trucks crossed at Port Beta in 2017?", hits)
    assert "109,468" not in trucks.answer, trucks.answer
    railcars = read("How many railcars rolled in from Mexico at Port Beta in 2017?", hits)
    assert not railcars.abstained and "109,468" in railcars.answer, railcars.answer
    south = read("How many railcars crossed southbound into Mexico at Port Beta in 2017?", hits)
    assert "109,468" not in south.answer, south.answer


def test_a_period_said_relatively_is_the_period_it_stands_for(embedder):
    """ "In the final month of the period" of a note on 2015–2016 is December 2016; "the same month
    a year earlier" after June 2016 is June 2015; "it sold" after "Mexico's …" is what Mexico sold
    the US. A quarter's cell is none of its months."""
    from nearshore_qa.operands import with_dates_resolved

    assert with_dates_resolved("In the final month of the period, X stood at 1.", "Notes, 2015–2016") == (
        "In December 2016, X stood at 1."
    )
    assert with_dates_resolved("In the final month of the period, X stood at 1.") == (
        "In the final month of the period, X stood at 1."
    )  # no span in the title: nothing to count from
    said = "in June 2016 they came to US$24.2 million, down from US$27.4 million in the same month a year earlier."
    assert "in June 2015." in with_dates_resolved(said)
    assert "in 2015" in with_dates_resolved("Exports reached $5 billion in 2016, up from $4 billion a year earlier.")
    # a quarter said by its ordinal alone, after quarters of a year were named
    elided = with_dates_resolved(
        "It had outflows in two quarters of 2005: US$17.4 million in the third and US$0.7 million in the fourth."
    )
    assert "in Q3 2005 and" in elided and elided.endswith("in Q4 2005.")
    assert with_dates_resolved("The third largest partner in the first quarter of 2005, and the second.") == (
        "The third largest partner in the first quarter of 2005, and the second."
    )
    # a change with no year of its own runs over the span the note covers
    grew = with_dates_resolved("Port Beta stayed second, growing from 546,259 to 647,157.", "Trucks, 2015-2018")
    assert "from 546,259 in 2015 to 647,157 in 2018" in grew
    assert "in 2015" not in with_dates_resolved("Port Beta grew from 546,259 in 2016 to 647,157.", "Trucks, 2015-2018")
    doc = _load("months_said_relatively.md")
    read = _reader(embedder, doc)
    december = read("What were US imports from China in December 2016?", hits_for(doc, "final month"))
    assert not december.abstained and "39,358.9" in december.answer, december.answer
    june = read("How much did Canada ship to the United States in June 2015?", hits_for(doc, "June 2016"))
    assert not june.abstained and "27,352.2" in june.answer, june.answer
    october = read("How much did the United States import from Mexico in October 2016?", hits_for(doc, "it sold"))
    assert not october.abstained and "26,358.9" in october.answer, october.answer
    peak = read("which month of 2015-2016 had the biggest imports from china?", hits_for(doc, "peaked"))
    assert peak.answer.startswith("Imports from China peaked"), peak.answer


def test_a_ranking_holds_for_the_years_of_its_own_side_of_a_contrast():
    """ "… in both years still the most of the four, but only … in 2023, … the smallest": asked
    about 2023 the sentence ranks nothing first; whoever overtakes in the asked year takes the lead."""
    from nearshore_qa.answerers.scoring import states_superlative

    russia = (
        "US exports to Russia were US$6.4 billion in 2021 and US$1.7 billion in 2022, in both years still the most "
        "of the four, but only US$0.6 billion in 2023, which left Russia the smallest buyer of the four."
    )
    assert states_superlative(russia, "max")
    assert not states_superlative(russia, "max", {"2023"})
    assert states_superlative(russia, "max", {"2022"})
    overtaken = (
        "The Dominican Republic had long been the biggest supplier, and in 2007 it still sold US$4.2 billion; "
        "in 2008 Honduras overtook it, with US$4.0 billion."
    )
    assert states_superlative(overtaken, "max", {"2008"})


def test_a_computation_over_rows_that_never_name_the_asked_means_gives_way_to_the_sentence(embedder):
    """ "What share of US exports to Canada travelled by truck": Canada's share of a table of
    partners says nothing of trucks, so the sentence stating the truck share answers alone; asked
    without the means, the computed share stands."""
    doc = _load("canada_exports_2018.md")
    read = _reader(embedder, doc)
    hits = hits_for(doc, "64.6")
    truck = read("What share of US exports to Canada travelled by truck in 2018?", hits)
    assert truck.answer.startswith("US exports by truck came to US$192.89 billion"), truck.answer
    assert "36.6%" not in truck.answer
    assert "36.6%" in read("What share of US exports went to Canada in 2018?", hits).answer


def test_a_ranking_that_names_no_flow_is_not_held_to_one(embedder):
    """ "Which mode … grew the fastest" names modes by answering: a sentence of imports ranking a
    mode first answers it; "the biggest customer for American goods" ranks exports, so a sentence
    ranking what the partners sold does not."""
    from nearshore_qa.answerers.scoring import states_superlative

    assert states_superlative("and pipeline imports grew fastest of all", "max")
    from nearshore_qa.answerers.scoring import FEATURES

    def extra_measure(question: str, sentence: str) -> float:
        doc = _load("canada_modes.md")
        read = _reader(embedder, doc)
        profile = QuestionProfile.of(question)
        units = read.units(profile, hits_for(doc, "fastest"))
        at = next(i for i, u in enumerate(units) if u.text.startswith(sentence))
        return float(read.features(profile, units)[at, FEATURES.index("extra_measure")])

    fastest = "Which mode of transport saw Canadian goods entering the US grow the fastest between 2016 and 2018?"
    assert extra_measure(fastest, "Most of the rest of what Canada sold") == 0
    customer = "Which mode carried the most to the biggest customer for American goods in 2018?"
    assert extra_measure(customer, "Most of the rest of what Canada sold") > 0  # it ranks imports
    doc = _load("canada_modes.md")
    answer = _reader(embedder, doc)(fastest, hits_for(doc, "fastest"))
    assert answer.answer.startswith("Most of the rest of what Canada sold"), answer.answer


def test_a_name_opening_the_sentence_is_a_name_and_an_elided_quarter_is_its_quarter(embedder):
    """ "Morelos took in …" states a name (its passage writes "Morelos" inside a heading), and "in
    the third" after "two quarters of 2005" is the third quarter of 2005."""
    from nearshore_qa.answerers.scoring import FEATURES

    doc = _load("outflows.md")
    read = _reader(embedder, doc)
    question = "Which state saw foreign capital flow out on net in the third quarter of 2005?"
    profile = QuestionProfile.of(question)
    units = read.units(profile, hits_for(doc, "Morelos took"))
    at = next(i for i, u in enumerate(units) if u.text.startswith("Morelos took"))
    features = read.features(profile, units)[at]
    assert features[FEATURES.index("type_missing")] == 0
    answer = read(question, hits_for(doc, "Morelos took"))
    assert answer.answer.startswith("Morelos took in"), answer.answer


def test_a_part_named_only_in_the_text_is_not_answered_by_the_whole_in_the_table(embedder):
    """ "Blizzard net bookings": the table states the company's net bookings, a sentence
    Blizzard's; the sentence answers, not a change computed from the table's cells."""
    doc = _load("tatqa_segment_bookings.md")
    answerer = ExtractiveAnswerer(
        embedder, tables_for=lambda _doc_id: list(doc.data_tables), table_rows=lambda _doc_id: chunk_document(doc)
    )
    question = "What was the decrease in Blizzard net bookings for 2019, as compared to 2018?"
    answer = answerer(question, hits_for(doc, "a $572 million decrease in Blizzard"))
    assert "$572 million decrease in Blizzard net bookings" in answer.answer
    assert "874" not in answer.answer and "computed" not in answer.answer
    # the company's own change is still read off the table
    whole = answerer("What was the decrease in net bookings for 2019, as compared to 2018?", hits_for(doc, "| Net"))
    assert "874" in whole.answer


def test_a_heading_dating_a_section_dates_the_paragraphs_under_it(embedder):
    """ "Fiscal Year 2018 Compared with Fiscal Year 2017" dates the yearless paragraphs under it:
    the 2018 section answers 2018, and what it compares with (2017) is not its year."""
    doc = _load("tatqa_fiscal_sections.md")
    answerer = ExtractiveAnswerer(
        embedder, tables_for=lambda _doc_id: list(doc.data_tables), table_rows=lambda _doc_id: chunk_document(doc)
    )
    hits = hits_for(doc, "LinkedIn operating loss")
    answer = answerer("How much was the LinkedIn operating loss in 2018?", hits)
    assert "LinkedIn operating loss increased $63 million to $987 million" in answer.answer
    assert "$987 million" not in answerer("How much was the LinkedIn operating loss in 2017?", hits).answer


def test_a_comparative_in_brackets_dates_the_figure_before_it_as_the_next_year(embedder):
    """ "… amounting to US$261,518 (2018: US$283,752)": an annual report's bracketed comparative;
    the figure before it is 2019's (real TAT-QA dev sentence). A sentence naming its own year keeps it."""
    from nearshore_qa.operands import with_dates_resolved

    said = (
        "Altium Limited has provided financial guarantees in respect of credit card facilities and office "
        "leases amounting to US$261,518 (2018: US$283,752)."
    )
    assert "US$261,518 in 2019 (2018: US$283,752)" in with_dates_resolved(said)
    assert with_dates_resolved("Sales rose in 2019 to $5 (2018: $4).") == "Sales rose in 2019 to $5 (2018: $4)."
    text = f"# Parent entity\n\n## Text\n\nGuarantees entered into by the parent entity\n\n{said}\n"
    doc = load_bytes(text.encode(), name="g.md", original_name="g.md", fmt="md")
    answerer = ExtractiveAnswerer(embedder, tables_for=lambda _doc_id: [])
    question = (
        "What is the amount of financial guarantees in respect of credit card facilities and office leases in 2019?"
    )
    assert "US$261,518" in answerer(question, hits_for(doc, "Altium")).answer
