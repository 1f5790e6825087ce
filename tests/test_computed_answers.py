"""Computed answers through the answerers: the extractive answerer on the real test store (the
formula line first, each operand cited, a verified computed figure in the JSON, a whole table
scanned for "which … most"), refusals and conflicting sources shown, and an LLM's COMPUTE line
carried out in code (LangChain's fake chat model stands in for the LLM)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpus_evidence import table_hits
from helpers import SHIPPED_CORPUS, run_cli
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from nearshore_qa.answerers.backends import LangChainBackend
from nearshore_qa.answerers.computed import with_computation
from nearshore_qa.answerers.llm import LLMAnswerer
from nearshore_qa.answerers.prompt import build_messages
from nearshore_qa.citations import citation_for
from nearshore_qa.figures import find_figures
from nearshore_qa.proposal import PROPOSAL_INSTRUCTIONS
from nearshore_qa.records import Answer, Chunk, DocumentMeta, Hit


def check_computed(answer: Answer) -> dict:
    """The computed figure of ``answer`` (JSON): verified, with a formula, every operand cited by
    a citation of the answer whose passage states it."""
    data = answer.to_json()
    computed = [f for f in data["figures"] if f["kind"] == "computed"]
    assert len(computed) == 1, data["figures"]
    fig = computed[0]
    assert fig["verified"] is True and fig["formula"] and fig["formula"] in answer.answer
    assert answer.answer.startswith(fig["text"])  # the answer first
    cited = {c.marker: c for c in answer.citations}
    for o in fig["operands"]:
        assert {"citation", "row", "column", "value"} <= set(o)
        assert o["citation"] in cited and f"[{o['citation']}]" in answer.answer
        number = float(o["text"].replace("US$", "").replace(",", "").split()[0].replace("−", "-"))
        assert any(abs(f.number - number) < 1e-9 for f in find_figures(cited[o["citation"]].text)), o
    assert isinstance(data["conflicts"], list)
    return fig


# --- the extractive answerer on the real test store ---------------------------------------------


def test_a_growth_question_gets_the_formula_line_with_cited_operands(loaded_library):
    answer = loaded_library.ask("What was the percentage change in US exports to Chihuahua from 2023 to 2024?")
    assert not answer.abstained
    fig = check_computed(answer)
    assert "20.6%" in answer.answer and "(48.86 − 40.53) ÷ 40.53" in answer.answer
    assert fig["value"] == 20.6 and fig["operation"] == "pct_change"
    assert sorted(o["value"] for o in fig["operands"]) == [40.53e9, 48.86e9]
    assert {o["row"] for o in fig["operands"]} == {"Chihuahua"}
    assert {o["column"] for o in fig["operands"]} == {"us_exports_usd_billions"}
    assert all(c.doc_id == "tables/us_exports_to_mexican_states.csv" for c in answer.citations[:2])


def test_which_most_scans_the_whole_table_not_only_the_retrieved_rows(loaded_library):
    answer = loaded_library.ask("Which Mexican state received the most US exports in 2024?", k=3)
    fig = check_computed(answer)
    assert answer.answer.startswith("Chihuahua had the highest")
    assert "among the 8 compared" in answer.answer and len(fig["operands"]) == 8  # all 2024 rows, k was 3
    assert fig["value"] == 48.86e9


def test_which_of_a_counted_few_is_not_ranked_over_a_table_of_others(loaded_library):
    """ "Which of the three …" compares three: the table's eight states are other candidates, so
    no ranking of them is stated as the answer."""
    from nearshore_qa.operands import candidates_counted

    assert candidates_counted("Which of the four central European countries shipped the most?") == 4
    assert candidates_counted("Which one among these 12 ports was busiest?") == 12
    assert candidates_counted("Which Mexican state received the most US exports in 2024?") is None
    answer = loaded_library.ask("Which of the three Mexican states received the most US exports in 2024?", k=3)
    assert "among the 8 compared" not in answer.answer
    assert not any(f.computed for f in answer.figures)
    assert " had the highest " not in answer.answer  # nor ranked over the table's rows another way


def test_a_lookup_is_answered_as_before(loaded_library):
    answer = loaded_library.ask("What were US exports to Jalisco in 2024?")
    assert not any(f.kind == "computed" for f in answer.figures) and answer.to_json()["conflicts"] == []
    assert "11.42" in answer.answer


def test_a_lookup_of_several_years_lists_each_year_from_the_table(loaded_library):
    answer = loaded_library.ask("What were US exports to Jalisco from 2023 to 2024?")
    (fig,) = [f for f in answer.to_json()["figures"] if f["kind"] == "computed"]
    assert fig["verified"] is True and fig["operation"] == "series"
    assert fig["formula"] == "2023: 10.59; 2024: 11.42" and answer.answer.startswith(fig["text"])
    cited = {c.marker: c for c in answer.citations}
    assert [cited[o["citation"]].row is not None for o in fig["operands"]] == [True, True]  # table rows
    assert re.match(
        r"US exports .*Jalisco: 2023 US\$10\.59 billion \[\d\], 2024 US\$11\.42 billion \[\d\]\.", answer.answer
    )
    store = str(loaded_library.settings.store_dir)
    text = run_cli("--store", store, "ask", "What were US exports to Jalisco in 2023 and 2024?")
    assert "computed 2023: 10.59; 2024: 11.42: each figure read from its cited cell" in text.stdout, text.stdout
    # "by year": every year the table holds
    every = loaded_library.ask("What were US exports to Jalisco by year?")
    assert re.match(r"US exports .*Jalisco: 2023 US\$10\.59 billion \[\d\], 2024 US\$11\.42 billion", every.answer)


def test_a_lookup_of_several_names_lists_each_ones_figure(loaded_library):
    """ "… to Jalisco and Chihuahua in 2024" asks two cells: each is stated and cited, not one of
    them alone (nor their sum, which nobody asked)."""
    answer = loaded_library.ask("What were US exports to Jalisco and Chihuahua in 2024?")
    (fig,) = [f for f in answer.to_json()["figures"] if f["kind"] == "computed"]
    assert fig["verified"] is True and fig["operation"] == "series"
    assert re.match(
        r"US exports .*in 2024: Jalisco US\$11\.42 billion \[\d\], Chihuahua US\$48\.86 billion \[\d\]\.", answer.answer
    ), answer.answer
    assert (
        loaded_library.ask("What were combined US exports to Jalisco and Chihuahua in 2024?").to_json()["figures"][0][
            "operation"
        ]
        == "sum"
    )


def test_a_sum_of_years_is_read_from_a_table_before_a_sentence_about_a_part(make_library, tmp_path):
    """A sentence giving one product's exports for each year ("Mineral fuels (HS 27) … US$58.75
    billion in 2022 … US$45.91 billion in 2023 …") is no sum of US exports to Mexico: the data
    table of total exports by partner, though not retrieved, holds the operands."""
    import shutil

    for rel in (
        "articles/top-us-exports-to-mexico-by-hs-chapter.md",
        "tables/us_exports_top_markets_usitc.csv",
        "tables/us_exports_top_markets_usitc.meta.yaml",
    ):
        (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHIPPED_CORPUS / rel, tmp_path / "docs" / rel)
    lib = make_library()
    lib.add([tmp_path / "docs"])
    answer = lib.ask("What were US exports to Mexico combined from 2022 to 2024?", k=1)  # the article only
    (fig,) = [f for f in answer.to_json()["figures"] if f["kind"] == "computed"]
    assert fig["formula"] == "327.02 + 323.64 + 334.03" and fig["verified"] is True
    listed = lib.ask("What were US exports to Mexico from 2022 to 2024?")
    assert listed.answer.startswith("US total exports for Mexico: 2022 US$327.02 billion [")


def test_cli_ask_shows_the_formula_and_the_json_figure(loaded_library):
    question = "What was the percentage change in US exports to Chihuahua from 2023 to 2024?"
    store = str(loaded_library.settings.store_dir)
    text = run_cli("--store", store, "ask", question)
    assert text.returncode == 0, text.stderr
    assert "(48.86 − 40.53) ÷ 40.53" in text.stdout
    assert "computed 20.6% = (48.86 − 40.53) ÷ 40.53: verified by recomputing" in text.stdout
    js = run_cli("--store", store, "ask", "--json", question)
    data = json.loads(js.stdout)
    fig = next(f for f in data["figures"] if f["kind"] == "computed")
    assert {"text", "value", "kind", "formula", "operands", "verified"} <= set(fig) and fig["verified"] is True
    assert data["conflicts"] == []


# --- refusals and conflicts (passages and rows of the shipped corpus) -----------------------------


def article_hit(doc_id: str, text: str, published: str = "2025-06-30", source: str = "Test Bureau") -> Hit:
    doc = DocumentMeta(doc_id=doc_id, title=doc_id, kind="article", fmt="md", source=source, published=published)
    return Hit(chunk=Chunk(f"{doc_id}:0", doc_id, 0, text, 0, len(text)), doc=doc, score=1.0)


def quoted(question: str, hits: list[Hit]) -> Answer:
    """What the extractive answerer quotes: the first passage, cited."""
    return Answer(
        question=question, answer=f"{hits[0].chunk.text} [1]", abstained=False, citations=[citation_for(hits[0], 1)]
    )


def test_mixed_currencies_are_refused_with_the_reason_and_the_sources_kept():
    hits = [
        article_hit(
            "articles/remittances.md", "Remittances to Mexico were US$5.0 billion in 2023 and MXN 95.0 billion in 2024."
        )
    ]
    question = "By how much did remittances to Mexico change from 2023 to 2024?"
    answer = with_computation(question, hits, quoted(question, hits))
    assert answer.answer.startswith("This cannot be computed: the figures are in different currencies (MXN, USD)")
    assert not any(f.kind == "computed" for f in answer.figures)
    assert answer.citations and not answer.abstained


def test_a_change_between_two_rows_of_one_period_is_refused():
    hits = table_hits("us_mexico_canada_trade_annual_bts", lambda r: r["year"] == "2024")
    question = "What was the percentage change in total trade from Mexico to Canada in 2024?"
    answer = with_computation(question, hits, quoted(question, hits))
    assert "cannot be computed" in answer.answer or not any(f.kind == "computed" for f in answer.figures)


def test_conflicting_publishers_are_shown_side_by_side():
    bts = table_hits(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
    )
    census = table_hits(
        "us_goods_trade_top_partners_annual", lambda r: r["partner"] == "Mexico" and r["year"] == "2019"
    )
    hits = [*bts, *census]
    question = "What was the percentage change in US trade with Mexico from 2019 to 2024?"
    answer = with_computation(question, hits, quoted(question, hits))
    fig = check_computed(answer)
    assert fig["value"] == 36.7 and "(839.89 − 614.50) ÷ 614.50" in answer.answer
    data = answer.to_json()
    assert len(data["conflicts"]) == 1
    values = data["conflicts"][0]["values"]
    assert {v["value"] for v in values} == {614.50e9, 612770.1e6}
    # whose data disagrees (the agencies, not the corpus that quotes them), with their vintages
    assert {v["publisher"] for v in values} == {bts[0].doc.whose_data, census[0].doc.whose_data}
    assert len({v["publisher"] for v in values}) == 2 and all(v["published"] for v in values)
    # the answer says so and shows both, each with its citation
    assert "Sources differ" in answer.answer and "US$612,770.1 million" in answer.answer
    markers = {c.marker: c.doc_id for c in answer.citations}
    for v in values:
        assert markers[v["citation"]] == v["doc_id"] and f"[{v['citation']}]" in answer.answer


def test_renumbering_keeps_operands_and_quoted_evidence_apart():
    hits = table_hits(
        "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
    )
    story = article_hit("articles/us-mexico-trade-2024-2025-transborder.md", "US–Mexico trade set a record in 2024.")
    question = "What was the percentage change in US trade with Mexico from 2019 to 2024?"
    base = quoted(question, [story, *hits])
    answer = with_computation(question, [story, *hits], base)
    check_computed(answer)
    assert [c.marker for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert answer.answer.endswith("US–Mexico trade set a record in 2024. [3]")
    assert answer.citations[2].doc_id == story.chunk.doc_id


# --- an LLM answerer: the model proposes, the code computes ----------------------------------------

ROWS = table_hits(
    "us_mexico_canada_trade_annual_bts", lambda r: r["partner"] == "Mexico" and r["year"] in ("2019", "2024")
)
GROWTH = "By what percentage did US trade with Mexico grow from 2019 to 2024?"


def fake(reply: str) -> LLMAnswerer:
    return LLMAnswerer(LangChainBackend(FakeListChatModel(responses=[reply]), "fake", "fake-model"))


def test_the_prompt_asks_for_a_compute_line():
    (_, system), _ = build_messages(GROWTH, ROWS)
    assert PROPOSAL_INSTRUCTIONS in system and "Do not calculate yourself" in system


def test_a_compute_line_is_carried_out_in_code_and_stated_first():
    reply = (
        "US trade with Mexico rose from 614.50 to 839.89 billion dollars [1][2].\n"
        "COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)"
    )
    answer = fake(reply)(GROWTH, ROWS)
    assert "COMPUTE" not in answer.answer
    fig = check_computed(answer)
    assert fig["value"] == 36.7 and answer.answer.startswith("Total trade for Mexico grew 36.7% from 2019 to 2024")
    assert "[unverified]" not in answer.answer


def test_the_model_may_state_the_computed_result_but_not_its_own_arithmetic():
    right = fake(
        "Trade with Mexico grew 36.7% [1][2].\n"
        "COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)"
    )(GROWTH, ROWS)
    assert all(f.verified for f in right.figures) and "[unverified]" not in right.answer
    wrong = fake(
        "Trade with Mexico grew 40.2% [1][2].\n"
        "COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)"
    )(GROWTH, ROWS)
    assert [f.verified for f in wrong.figures if f.text == "40.2%"] == [False]
    assert "[unverified]" in wrong.answer
    alone = fake("Trade with Mexico grew 36.7% [1][2].")(GROWTH, ROWS)  # no computation executed: not evidence
    assert "[unverified]" in alone.answer and not any(f.kind == "computed" for f in alone.figures)


def test_a_proposal_the_evidence_does_not_support_is_refused():
    answer = fake("Trade grew [1].\nCOMPUTE: pct_change([1].total_trade_usd_billions, [7].total_trade_usd_billions)")(
        GROWTH, ROWS
    )
    assert re.match(r"This cannot be computed: there is no passage \[7\]", answer.answer)
    assert "COMPUTE" not in answer.answer and not any(f.kind == "computed" for f in answer.figures)


def test_markdown_export_shows_the_formula_and_how_it_was_checked():
    from nearshore_qa.export import answer_markdown

    answer = fake("COMPUTE: pct_change([1].total_trade_usd_billions, [2].total_trade_usd_billions)")(GROWTH, ROWS)
    text = answer_markdown(answer)
    assert "computed 36.7% = (839.89 − 614.50) ÷ 614.50: ✅ verified by recomputing" in text.replace("\\", "")


# --- sources that differ: two tables, a table and an article (real files under tests/data/conflicts) ---

CONFLICTS_DIR = Path(__file__).parent / "data" / "conflicts"


@pytest.fixture(scope="module")
def conflicts_library(tmp_path_factory, embedder):
    """BTS's and Census's annual tables and a Census-based article, copied from the shipped corpus."""
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    lib = Library(Settings.from_env(store=tmp_path_factory.mktemp("conflicts") / "store"), embedder=embedder)
    results = lib.add([CONFLICTS_DIR])
    assert all(r.status == "added" for r in results), results
    yield lib
    lib.close()


def test_two_tables_that_differ_on_an_operand_are_shown_side_by_side(conflicts_library):
    answer = conflicts_library.ask("What was the percentage change in US trade with Mexico from 2019 to 2023?")
    fig = check_computed(answer)
    assert fig["value"] in (30.0, 30.2)  # BTS's or Census's figures, one table for both operands
    data = answer.to_json()
    periods = {c["period"] for c in data["conflicts"]}
    assert {"2019", "2023"} <= periods
    c2019 = next(c for c in data["conflicts"] if c["period"] == "2019")
    assert {v["text"] for v in c2019["values"]} >= {"US$614.50 billion", "US$612,770.1 million"}
    assert "Sources differ on total trade for Mexico in 2019" in answer.answer
    cited = {c.marker: c.doc_id for c in answer.citations}
    docs = {cited[v["citation"]] for v in c2019["values"]}
    assert (
        "tables/us_mexico_canada_trade_annual_bts.csv" in docs
        and "tables/us_goods_trade_top_partners_annual.csv" in docs
    )


def test_a_table_and_an_article_that_differ_are_shown_with_both_sources(conflicts_library):
    # only BTS's table has 2024, so it is computed on; the article quotes Census's 2019 figure
    question = "By what percentage did US trade with Mexico grow from 2019 to 2024, after falling in 2020?"
    answer = conflicts_library.ask(question)
    fig = check_computed(answer)
    assert fig["value"] == 36.7 and "(839.89 − 614.50) ÷ 614.50" in answer.answer
    conflict = next(c for c in answer.to_json()["conflicts"] if c["period"] == "2019")
    by_text = {v["text"]: v for v in conflict["values"]}
    assert set(by_text) >= {"US$614.50 billion", "US$612.77 billion"}
    cited = {c.marker: c for c in answer.citations}
    article = cited[by_text["US$612.77 billion"]["citation"]]
    assert article.doc_id == "articles/us-mexico-goods-trade-since-nafta.md"
    assert "US$612.77 billion" in article.text  # the citation holds the sentence it quotes
    assert by_text["US$612.77 billion"]["publisher"].startswith("U.S. Census Bureau")


def test_a_source_named_in_the_question_picks_its_table_among_the_stores_tables():
    census = table_hits("us_goods_trade_top_partners_annual")
    usitc = table_hits("us_exports_top_markets_usitc")
    bts = table_hits("us_mexico_canada_trade_annual_bts")
    story = article_hit("articles/story.md", "Canada and Mexico are the two largest markets for US goods.")
    catalogue = lambda: [bts, census, usitc]  # noqa: E731 - the Library's table_catalogue
    question = "According to USITC, how much more did the US export to Canada than to Mexico in 2024?"
    answer = with_computation(question, [story], quoted(question, [story]), table_catalogue=catalogue)
    fig = check_computed(answer)
    assert fig["value"] == 15.88e9 and "349.91 − 334.03" in answer.answer
    assert {o["doc_id"] for o in fig["operands"]} == {"tables/us_exports_top_markets_usitc.csv"}
    assert answer.answer.endswith("Canada and Mexico are the two largest markets for US goods. [3]")
    # without the catalogue the story alone holds no operand: the answer is left as it was
    alone = with_computation(question, [story], quoted(question, [story]))
    assert not any(f.kind == "computed" for f in alone.figures)


def test_a_sentence_restating_the_operand_cells_is_dropped_after_the_computed_line():
    rows = table_hits("texas_northbound_commercial_trucks_by_port", lambda r: r["year"] == "2024")
    laredo = next(i for i, h in enumerate(rows) if h.chunk.values[1] == "Laredo")
    story = article_hit("articles/laredo.md", "Laredo is the busiest land port on the US–Mexico border.")
    hits = [*rows, story]
    question = "Which Texas port had the most northbound trucks in 2024?"
    # what the cell hook says before the computation: the extreme cell, then a passage
    cell = citation_for(rows[laredo], 1, column="commercial_trucks_northbound")
    base = Answer(
        question=question,
        answer="Laredo had the highest northbound commercial trucks of the table's rows in 2024: 3,026,632. [1] "
        "Laredo is the busiest land port on the US–Mexico border. [2]",
        abstained=False,
        citations=[cell, citation_for(story, 2)],
    )
    answer = with_computation(question, hits, base)
    check_computed(answer)
    assert "of the table's rows" not in answer.answer
    assert answer.answer.endswith("Laredo is the busiest land port on the US–Mexico border. [2]")
    assert [c.marker for c in answer.citations] == [1, 2] and answer.citations[1].doc_id == "articles/laredo.md"


def test_a_table_inside_a_report_is_computed_on_like_a_csv():
    # a Markdown table of a TAT-QA report (tests/data/tables/tatqa_excerpts.md): its rows are passages
    from nearshore_qa.chunking import chunk_document
    from nearshore_qa.ingest import load_file

    path = Path(__file__).parent / "data" / "tables" / "tatqa_excerpts.md"
    doc = load_file(path, "tatqa_excerpts.md", 50 * 2**20)
    chunks = sorted(chunk_document(doc), key=lambda c: not c.text.startswith("| Sensors |"))
    hits = [Hit(chunk=c, doc=doc.meta, score=1.0) for c in chunks[:5]]
    assert hits[0].chunk.row is None  # a plain passage, not a CSV row
    question = "What was the average Sensors net sales from 2017 to 2019?"
    answer = with_computation(question, hits, quoted(question, hits), tables_for=lambda doc_id: list(doc.data_tables))
    fig = check_computed(answer)
    assert "(914 + 918 + 814) ÷ 3" in answer.answer and fig["value"] == 882.0
    cited = {c.marker: c for c in answer.citations}
    sensors = cited[fig["operands"][0]["citation"]]
    assert doc.text[sensors.start : sensors.end].startswith("| Sensors |")  # the row's place in the report
    assert answer.answer.count("| Sensors |") == 0  # the quoted row line is not repeated after the formula
    # without the document's tables the row is a passage, and nothing is computed from it
    plain = with_computation(question, hits, quoted(question, hits))
    assert not any(f.kind == "computed" for f in plain.figures)


def test_a_row_named_at_the_end_of_the_question_is_found_under_its_heading():
    # "services?" is the word "services"; the row sits under the heading "Net revenues by nature"
    from nearshore_qa.chunking import chunk_document
    from nearshore_qa.ingest import load_file

    doc = load_file(Path(__file__).parent / "data" / "tables" / "tatqa_excerpts.md", "tatqa_excerpts.md", 50 * 2**20)
    chunks = sorted(chunk_document(doc), key=lambda c: not c.text.startswith("| Revenues from sale of services |"))
    hits = [Hit(chunk=c, doc=doc.meta, score=1.0) for c in chunks[:5]]
    question = "What is the average of Revenues from sale of services?"
    answer = with_computation(question, hits, quoted(question, hits), tables_for=lambda doc_id: list(doc.data_tables))
    fig = check_computed(answer)
    assert "(148 + 151 + 133) ÷ 3" in answer.answer and fig["value"] == 144.0
    assert {o["row"] for o in fig["operands"]} == {"Revenues from sale of services (Net revenues by nature)"}


# --- months and quarters of a report's tables ------------------------------------------------

QUARTERS = Path(__file__).parent / "data" / "monthly" / "us_imports_from_japan_quarters_2022_2023.md"


@pytest.fixture(scope="module")
def quarters_doc():
    from nearshore_qa.ingest import load_file

    return load_file(QUARTERS, "monthly/us_imports_from_japan_quarters_2022_2023.md", 50 * 2**20)


def _computed_from(doc, question: str, first: str) -> Answer:
    from helpers import hits_for

    hits = hits_for(doc, first)
    quoted = Answer(question=question, answer="(quoted)", citations=[], abstained=False)
    return with_computation(question, hits, quoted, tables_for=lambda _d: list(doc.data_tables))


def test_a_quarter_from_a_year_earlier_is_read_from_the_quarter_table_beside_the_months(quarters_doc):
    """The month table is retrieved; the quarter table of the same report holds Q1 2022 and Q1
    2023 (years down, quarters across), and the annual change is not what was asked."""
    question = "By what percentage did US imports from Japan in the first quarter of 2023 change from a year earlier?"
    answer = _computed_from(quarters_doc, question, "| March")
    assert answer.answer.startswith(
        "US goods imports from Japan fell 5.4% from Q1 2022 to Q1 2023, from US$37,279.0 million [1] to US$35,247.9 million [2]"
    ), answer.answer


def test_a_month_against_another_month_of_a_measure_and_year_column(quarters_doc):
    """Columns "Imports 2022", "Imports 2023" are a measure and a year; "March" is the row: "from
    March to April 2023" shares the year."""
    answer = _computed_from(
        quarters_doc, "By how much did US imports from Japan fall from March to April 2023?", "| March"
    )
    assert answer.answer.startswith(
        "US goods imports from Japan fell by US$54.9 million from March 2023 to April 2023, "
        "from US$12,909.7 million [1] to US$12,854.8 million [2]: 12,854.8 − 12,909.7."
    ), answer.answer
    month_yoy = _computed_from(
        quarters_doc,
        "By what percentage did US imports from Japan change in March 2023 from a year earlier?",
        "| March",
    )
    assert "fell 7.9% from March 2022 to March 2023" in month_yoy.answer, month_yoy.answer


def test_a_computation_over_rows_that_never_name_the_asked_place_is_not_stated(make_library):
    """ "How much did pedestrian crossings at Eagle Pass rise from 2024 to 2025?" names no measure a
    row holds; a table of US imports from China has a 2024 and a 2025 row. A sentence quoted beside
    the computation names Eagle Pass, but the computation's own rows do not: it is not stated
    (fresh12's dev part had "US imports from China fell 29.7% …" as the answer)."""
    lib = make_library()
    assert {r.status for r in lib.add([Path(__file__).parent / "data" / "operand_names"])} == {"added"}
    answer = lib.ask("In percentage terms, how much did pedestrian crossings at Eagle Pass rise from 2024 to 2025?")
    assert "China" not in answer.answer and not any(f.computed for f in answer.figures), answer.answer
