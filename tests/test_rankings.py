"""Ranking questions ("which … second-most / least"): the question parsed, the rows of a real
table (CSV, Markdown) or the pairs of a real sentence ranked, and the answer citing the cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hits_for

from nearshore_qa.answerers.rankings import rank_question, ranked_count, ranking_answer, sentence_pairs
from nearshore_qa.ingest import load_file

DATA = Path(__file__).parent / "data"


def load(rel: str):
    return load_file(DATA / rel, rel, 50 * 2**20)


def ask(question: str, *rels: str, first: str = ""):
    """``question`` answered from the documents ``rels`` as the retrieved hits (the chunk
    holding ``first`` ranked first), their tables as the store keeps them."""
    docs = [load(rel) for rel in rels]
    hits = [h for doc in docs for h in hits_for(doc, first, top=4)]
    tables = {doc.meta.doc_id: list(doc.data_tables) for doc in docs}
    return ranking_answer(question, hits, lambda doc_id: tables.get(doc_id, []))


@pytest.mark.parametrize(
    "question,descending,position,periodic",
    [
        ("Which Mexican state was the second-largest destination of US exports in 2024?", True, 2, False),
        ("Which Texas port had the 3rd most northbound trucks in 2023?", True, 3, False),
        ("In which month of 2023 was truck trade with Canada smallest?", False, 1, True),
        ("Which partner had the fewest imports in 2022?", False, 1, False),
        ("Among Canada, Mexico and China, which was the top market in 2024?", True, 1, False),
    ],
)
def test_the_order_position_and_what_is_ranked_are_read(question, descending, position, periodic):
    rq = rank_question(question)
    assert rq is not None
    assert (rq.descending, rq.position, rq.periodic) == (descending, position, periodic)


@pytest.mark.parametrize(
    "question",
    [
        "What were the top 3 US export markets in 2024?",  # a list: the computed rank answers it
        "Which state saw the largest increase in exports from 2019 to 2024?",  # a change ranked
        "How much more did Mexico buy than Canada in 2024?",
        "What was US-Mexico trade in 2024?",
    ],
)
def test_questions_that_are_not_rankings(question):
    assert rank_question(question) is None


def test_the_second_largest_row_is_stated_with_its_cell_and_the_row_above_it_cited():
    answer = ask(
        "Which Mexican state was the second-largest destination of US exports in 2024, and how much did it receive?",
        "corpus/tables/us_exports_to_mexican_states.csv",
        first="2024",
    )
    assert answer is not None and not answer.abstained
    doc = load("corpus/tables/us_exports_to_mexican_states.csv")
    table = doc.data_tables[0]
    col = next(c for c in table.value_columns if "export" in c.label)
    rows = sorted(
        (r for r in table.rows if r.period and r.period.year == 2024), key=lambda r: -r.cells[col.index].value
    )
    second, first = rows[1], rows[0]
    state = next(c for c in table.label_columns if "state" in c.label)
    assert answer.answer.startswith(f"{second.cells[state.index].text} had the second-highest")
    assert f"US${second.cells[col.index].text} billion [1]" in answer.answer
    assert f"{first.cells[state.index].text} (US${first.cells[col.index].text} billion) [2]" in answer.answer
    assert [c.row_label for c in answer.citations] == [second.label, first.label]
    assert all(c.column == col.label for c in answer.citations)
    assert all(f.verified for f in answer.figures)


def test_a_markdown_table_ranks_without_its_total_row_or_rank_column():
    rel = "rankings/us-machinery-exports-top-markets-2023-2024.md"
    answer = ask("Which country was the second-largest market for US machinery exports in 2024?", rel, first="|")
    assert answer is not None
    assert answer.answer.startswith("Mexico had the second-highest")
    assert "52.29" in answer.answer and "Canada" in answer.answer
    least = ask("Which market bought the least US machinery in 2023?", rel, first="|")
    assert least is not None and least.answer.startswith("Netherlands had the lowest")  # not the total row
    assert "6.43" in least.answer


def test_months_are_ranked_for_the_partner_and_mode_the_question_names():
    rel = "rankings/us_truck_trade_monthly_2023.csv"
    answer = ask("In which month of 2023 was truck trade with Canada smallest?", rel, first="Canada")
    assert answer is not None
    doc = load(rel)
    table = doc.data_tables[0]
    canada = [r for r in table.rows if r.cells[2].text == "Canada"]
    low = min(canada, key=lambda r: r.cells[4].value)
    assert answer.answer.startswith(f"{low.cells[1].text} 2023 had the lowest")
    assert f"US${low.cells[4].value:,.1f} million [1]" in answer.answer  # as a reader writes it
    assert answer.citations[0].row_label == low.label


def test_a_deficit_on_a_balance_column_ranks_the_most_negative_first():
    rel = "conflicts/tables/us_goods_trade_top_partners_annual.csv"
    answer = ask("Which partner gave the US its second-largest goods deficit in 2023?", rel, first="2023")
    assert answer is not None
    assert answer.answer.startswith("Mexico had the second-largest deficit")
    assert "China" in answer.answer  # the largest, cited as the row above


def test_a_sentence_listing_entities_with_figures_is_ranked_and_quoted():
    rel = "rankings/bajio-exports-2024.md"
    answer = ask("Which Bajío state received the least US exports in 2024?", rel, first="Querétaro US$8.01")
    assert answer is not None
    assert answer.answer.startswith("Of the figures this passage lists, Aguascalientes has the lowest: US$3.54 billion")
    assert "Querétaro US$8.01 billion" in answer.answer  # the sentence quoted, cited
    assert answer.citations and all(f.verified for f in answer.figures)
    second = ask("Which Bajío state received the second-most US exports in 2024?", rel, first="Querétaro US$8.01")
    assert second is not None and "Guanajuato has the second-highest" in second.answer


def test_sentence_pairs_take_the_name_written_next_to_each_figure():
    pairs = sentence_pairs(
        "In January–June 2024, US imports of goods from Mexico were US$249.04 billion, against "
        "US$205.87 billion from Canada and US$198.41 billion from China, according to the U.S. Census Bureau."
    )
    assert [(p.entity, p.figure.text) for p in pairs] == [
        ("Mexico", "US$249.04 billion"),
        ("Canada", "US$205.87 billion"),
        ("China", "US$198.41 billion"),
    ]
    assert sentence_pairs("Trade grew from US$1.2 billion in 2019 to US$1.5 billion in 2020.") == []


def test_no_ranking_from_a_table_that_never_mentions_the_questions_place():
    answer = ask(
        "Which Mexican state was the second-largest destination of US exports to Canada in 2024?",
        "corpus/tables/us_exports_to_mexican_states.csv",
        first="2024",
    )
    assert answer is None


def test_a_wide_html_table_ranks_the_column_of_the_asked_period_and_measure():
    rel = "tables/us_goods_trade_partners.html"
    answer = ask("Which partner was the second-largest source of US imports in 2023?", rel, first="Mexico")
    assert answer is not None
    assert answer.answer.startswith("China had the second-highest")  # 426,885.0 after Mexico's 475,216.0
    assert "426,885.0" in answer.answer and "Mexico" in answer.answer
    assert answer.citations[0].row_label == "China"


def test_a_table_of_products_by_market_ranks_the_named_products_cells_across_the_markets():
    rel = "rankings/us-farm-exports-by-market-2023.md"
    answer = ask("Which country was the second-largest market for US meat exports in 2023?", rel, first="|")
    assert answer is not None
    assert answer.answer.startswith("China had the second-highest Meat (HS 02)")  # 3.33, after Mexico's 4.34
    assert "3.33" in answer.answer and "Mexico" in answer.answer
    assert [c.column for c in answer.citations] == ["China", "Mexico"]
    least = ask("Which market bought the least US oil seeds in 2023?", rel, first="|")
    assert least is not None and least.answer.startswith("South Korea had the lowest Oil seeds")
    assert ask("Which country was the largest market for US meat exports in 2021?", rel, first="|") is None


def test_a_plain_text_table_ranks_the_ports_of_a_hyphenated_trade_name():
    # "US-Mexico trade by Texas port": the table names Mexico inside a hyphenated compound
    answer = ask(
        "Which Texas port handled the third-largest trade with Mexico in 2009?",
        "rankings/texas-mexico-ports-2009.txt",
        first="SUMMARY",
    )
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("Hidalgo/Pharr had the third-highest")
    assert "US$19.15 billion [1]" in answer.answer
    assert "after Laredo (US$95.58 billion) [2], El Paso (US$42.36 billion) [3]" in answer.answer
    assert [c.row_label for c in answer.citations] == ["Hidalgo/Pharr", "Laredo", "El Paso"]
    assert all(f.verified for f in answer.figures)


def test_a_table_continued_on_the_next_page_is_ranked_as_one_table():
    # January-July on page 1 (highest: March, 12,909.7), August-December on page 2 (October, 13,548.9)
    rel = "monthly/us_imports_from_japan_2023_continued.pdf"
    answer = ask("In which month of 2023 were US goods imports from Japan highest?", rel, first="March")
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("October 2023 had the highest")
    assert "13,548.9" in answer.answer
    assert all(f.verified for f in answer.figures)


def test_the_total_column_ranks_trade_when_the_question_names_no_column():
    rel = "rankings/us-canada-monthly-trade-2020.md"
    answer = ask("In which month of 2020 was US–Canada trade highest?", rel, first="| March")
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("March 2020 had the highest total")
    assert "US$48.66 billion [1]" in answer.answer
    assert answer.citations[0].column == "Total"
    lowest = ask("In which month of 2020 was US–Canada trade lowest?", rel, first="| April")
    assert lowest is not None and lowest.answer.startswith("April 2020 had the lowest total")
    # a column the question names still decides: trucks, not the total
    trucks = ask("In which month of 2020 was US–Canada truck trade highest?", rel, first="| March")
    assert trucks is not None and "US$28.97 billion" in trucks.answer and trucks.answer.startswith("October")


def test_trade_is_ranked_by_exports_plus_imports_and_the_sum_is_a_computed_figure():
    rel = "rankings/us-mexico-trade-by-mode-2008-2012.md"
    answer = ask("Which mode carried the second-largest share of US–Mexico trade in 2012?", rel, first="| Vessel")
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("Vessel had the second-highest trade (exports plus imports) in 2012")
    assert "US$73.78 billion = US$28.49 billion + US$45.29 billion [1]" in answer.answer
    assert "after Truck (US$323.17 billion) [2]" in answer.answer
    computed = [f for f in answer.figures if f.computed]
    assert [(f.text, f.formula, f.verified) for f in computed] == [
        ("US$73.78 billion", "US$28.49 billion + US$45.29 billion", True),
        ("US$323.17 billion", "US$140.75 billion + US$182.42 billion", True),
    ]
    assert all(f.verified for f in answer.figures)
    assert answer.citations[0].column_label == "Exports 2012 / Imports 2012"
    # one direction asked: its own column, nothing summed
    exports = ask("Which mode carried the second-largest US exports to Mexico in 2012?", rel, first="| Vessel")
    assert exports is not None and exports.answer.startswith("Vessel had the second-highest")
    assert "US$28.49 billion [1]" in exports.answer and not any(f.computed for f in exports.figures)


# --- documents nobody tuned for (issue 14): months under year columns, quarters across, rank
# columns, deficits a sentence implies ---


CHINA = "rankings/us-imports-from-china-by-month-and-quarter-2018-2019.html"
HS71 = "rankings/us-exports-precious-stones-and-metals-hs71-by-partner-2020-2024.csv"
SOUTH_AMERICA = "rankings/us-trade-with-south-america-2005-2010.md"


@pytest.mark.parametrize(
    "question,descending,position,deficit",
    [
        ("With which South American partner did the US have its largest goods trade deficit in 2008?", True, 1, True),
        ("Which country ranked third among markets for US exports of precious stones in 2023?", True, 3, False),
        ("Which partner ranks first for US HS 71 exports in 2020?", True, 1, False),
    ],
)
def test_a_preposition_before_which_and_a_rank_without_superlative_are_rankings(
    question, descending, position, deficit
):
    rq = rank_question(question)
    assert rq is not None
    assert (rq.descending, rq.position, rq.deficit) == (descending, position, deficit)
    assert rq.count == 0  # "HS 71 exports" is a code, not "the 71 partners"


def test_months_down_and_years_across_rank_the_asked_years_column():
    # Month | 2018 | 2019: the 2019 column over the month rows (its lowest: March, 31,078.7;
    # the 2018 column's lowest month is April)
    answer = ask("In which month of 2019 were US imports from China lowest?", CHINA, first="| March")
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("March 2019 had the lowest US imports from China among the months of 2019")
    assert "US$31,078.7 million [1]" in answer.answer
    assert (answer.citations[0].row_label, answer.citations[0].column) == ("March", "2019")
    high = ask("In which month of 2018 were US imports from China highest?", CHINA, first="| March")
    assert high is not None and high.answer.startswith("October 2018 had the highest")
    assert "52,081.1" in high.answer


def test_a_quarter_question_ranks_the_quarter_columns_of_the_years_row_not_the_months():
    answer = ask("Which quarter of 2018 saw the highest US imports from China?", CHINA, first="| 2018")
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("Q3 2018 had the highest")
    assert "US$144,744.0 million [1]" in answer.answer
    assert answer.citations[0].column == "Q3"
    # the page's sentence stating the same figure for that year quoted after it, cited
    assert "In the third quarter of 2018, the strongest of that year" in answer.answer
    assert "144,744.0" in answer.citations[1].text
    second = ask("Which quarter of 2019 saw the second-lowest US imports from China?", CHINA, first="| 2018")
    assert second is not None and second.answer.startswith("Q4 2019 had the second-lowest")  # after Q1


def test_ranked_third_reads_the_tables_rank_column():
    answer = ask(
        "Which country ranked third among markets for US exports of precious stones and metals in 2023?",
        HS71,
        first="2023",
    )
    assert answer is not None and not answer.abstained
    # the measure as the CSV's sidecar labels its column, not the column's snake_case name
    assert answer.answer.startswith("Canada had the third-highest US exports of HS 71 in 2023")
    assert "8572.0" in answer.answer
    assert "Switzerland" in answer.answer and "United Kingdom" in answer.answer  # ranked above it, cited
    assert [c.row_label for c in answer.citations] == ["2023 Canada", "2023 Switzerland", "2023 United Kingdom"]
    # 2020's rows hold ranks 1-4, 7, 8 …: no row of the table ranked fifth, so no fifth is named
    fifth = ask("Which partner ranked fifth for US HS 71 exports in 2020?", HS71, first="2020")
    assert fifth is None or fifth.abstained


def test_the_largest_deficit_is_computed_from_the_exports_and_imports_a_sentence_gives():
    answer = ask(
        "With which South American partner did the US have its largest goods trade deficit in 2008?",
        SOUTH_AMERICA,
        first="In 2008 the United States",
    )
    assert answer is not None and not answer.abstained
    assert answer.answer.startswith("Venezuela had the largest deficit")
    assert "US$−38,813.6 million" in answer.answer  # 12,610.0 exported − 51,423.6 imported
    assert "Brazil: a balance of US$1,845.8 million" in answer.answer  # a surplus, ranked after it
    computed = [f for f in answer.figures if f.kind == "computed"]
    assert computed and all(f.verified for f in computed)
    assert computed[0].formula == "US$12,610.0 million − US$51,423.6 million"
    # the cited passage is the sentence that states the four figures
    cited = answer.citations[0]
    assert all(x in cited.text for x in ("32,298.7", "30,452.9", "51,423.6", "12,610.0"))


def test_a_deficit_is_not_ranked_off_a_total_trade_table():
    # Table 1 holds total trade (exports plus imports) for 2008: its smallest is no deficit
    doc = load(SOUTH_AMERICA)
    answer = ranking_answer(
        "With which South American partner did the US have its largest goods trade deficit in 2008?",
        hits_for(doc, "| Brazil | 39,807.2", top=1),  # the table only: no sentence gives a balance
        lambda doc_id: list(doc.data_tables),
    )
    assert answer is None  # not Peru, the smallest total


def test_the_sentence_with_both_directions_is_read_from_the_top_documents_other_passages():
    doc = load(SOUTH_AMERICA)
    from nearshore_qa.chunking import chunk_document

    chunks = chunk_document(doc)
    hits = hits_for(doc, "| Brazil | 39,807.2", top=1)  # retrieval brought only the table
    answer = ranking_answer(
        "With which South American partner did the US have its largest goods trade deficit in 2008?",
        hits,
        lambda doc_id: list(doc.data_tables),
        document_chunks=lambda doc_id: chunks,
    )
    assert answer is not None and answer.answer.startswith("Venezuela had the largest deficit")


def test_the_smallest_deficit_is_ranked_among_the_deficits_and_the_smallest_surplus_among_surpluses():
    # Table 2, balance 2010: Venezuela −22,062.6 and Colombia −3,591.6 are deficits; Peru 1,506.2
    # is the smallest surplus, Brazil 11,459.6 the largest (a surplus is no "smallest deficit")
    smallest = ask(
        "With which partner did the US run its smallest trade deficit in 2010?", SOUTH_AMERICA, first="| Peru"
    )
    assert smallest is not None and smallest.answer.startswith("Colombia had the smallest deficit")
    assert "US$−3,591.6 million [1]" in smallest.answer
    surplus = ask("Which partner had the smallest US trade surplus in 2010?", SOUTH_AMERICA, first="| Peru")
    assert surplus is not None and surplus.answer.startswith("Peru had the lowest")
    assert "1,506.2" in surplus.answer


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (  # Census 2023: each direction named with its partner; the next clause's partner is not this one's
            "In 2023 US exports to Canada were US$354.4 billion and imports from Canada US$421.1 billion; "
            "exports to Mexico were US$323.2 billion and imports from Mexico US$475.6 billion.",
            [("Canada", -66.7), ("Mexico", -152.4)],
        ),
        (  # Table 2 of the South America note, written as prose: "from it", "while importing"
            "In 2010 the US exported US$10,644.8 million to Venezuela and imported US$32,707.4 million from it, "
            "and exported US$35,417.7 million to Brazil while importing US$23,958.1 million from Brazil.",
            [("Venezuela", -22062.6), ("Brazil", 11459.6)],
        ),
        ("Trade grew from US$1.2 billion in 2019 to US$1.5 billion in 2020.", []),
    ],
)
def test_balances_a_sentence_implies_pair_each_partners_exports_and_imports(sentence, expected):
    from nearshore_qa.answerers.balances import sentence_balances

    got = [
        (b.partner, round(b.value / (1e9 if "billion" in b.exports.text else 1e6), 1))
        for b in sentence_balances(sentence)
    ]
    assert got == expected


def test_the_months_of_a_year_are_not_ranked_over_a_table_of_years():
    # "which month …": a row of a whole year is none of its months
    rel = "conflicts/tables/us_mexico_canada_trade_annual_bts.csv"
    assert ask("Which month of 2022-2023 had the biggest US exports to Mexico?", rel, first="2023") is None


def test_a_sentence_s_counts_of_something_else_are_not_ranked_for_what_the_question_counts():
    rel = "rankings/rio-grande-city-crossings-2017-2018.md"
    # the ferry's and the bridge's figures count walkers ("32,953 of those walkers", and the bare
    # 28,318 after it): they rank pedestrians, not the cars the same sentence counts
    walkers = ask("Which Rio Grande City crossing carried the most pedestrians in 2018?", rel, first="Ebanos")
    assert walkers is not None
    assert walkers.answer.startswith("Of the figures this passage lists, Los Ebanos Ferry has the highest: 32,953")
    cars = ask("Which Rio Grande City crossing counted the most northbound cars in 2018?", rel, first="Ebanos")
    assert cars is None or "Los Ebanos Ferry has the highest" not in cars.answer


def test_a_ranking_of_what_no_table_counts_is_not_read_off_a_table_of_something_else():
    """ "ranked second for railcars": a table of the ports' trade in dollars (or trucks) ranks
    something else, though it ranks the same ports in the same year."""
    rel = "rankings/texas-mexico-ports-2009.txt"
    assert ask("Which Texas port ranked second for northbound railcars in 2009?", rel, first="SUMMARY") is None
    assert ask("Which Texas port had the most northbound railcars in 2009?", rel, first="SUMMARY") is None
    trade = ask("Which Texas port ranked second for trade with Mexico in 2009?", rel, first="SUMMARY")
    assert trade is not None and trade.answer.startswith("El Paso had the second-highest")


def test_places_taken_together_are_not_ranked_by_one_members_column():
    rel = "monthly/laredo-field-office-trucks-and-railcars-2023.txt"
    combined = ask("Which month of 2023 brought the most trucks through Laredo and Eagle Pass combined?", rel)
    assert combined is None or "Eagle Pass trucks" not in combined.answer
    one = ask("Which month of 2023 brought the most trucks through Eagle Pass?", rel)
    assert one is not None and one.answer.startswith("Mar 2023 had the highest Eagle Pass trucks"), one.answer


@pytest.mark.parametrize(
    "question,counted",
    [
        ("Which Texas port ranked second for northbound railcars in 2023?", {"railcar"}),
        ("Which Rio Grande Valley port counted the most northbound cars in 2018?", {"car"}),
        ("Which port ranked second for northbound truck crossings in 2008?", {"truck"}),  # crossings of trucks
        ("Which Mexican state was the second-largest destination of US exports in 2024?", set()),  # a role
        ("Which partner had the biggest share in 2023?", set()),
        ("Which of the four supplied the most goods to the US?", set()),  # every product
    ],
)
def test_what_a_ranking_counts_is_the_plural_noun_after_its_superlative_or_rank(question, counted):
    assert ranked_count(question) == counted
