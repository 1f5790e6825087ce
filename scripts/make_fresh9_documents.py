"""Write the ninth fresh evaluation set (eval/documents-fresh9/) and its questions (eval/parts/fresh9.jsonl).

    python scripts/make_fresh9_documents.py [--data ../shared/data/trade]

A prose set with one small table to each document, "set": "fresh9", written like fresh8 (articles
asked text questions in an analyst's own words, several entities and measures to a paragraph,
comparisons said in words), except that each document also holds one table inside its text (a
Markdown table, a fixed-width plain-text table, an HTML <table>, a DOCX table), and some figures
are stated only in the table, others only in the prose. It is on facts no other set or the corpus
uses, written blind to how the answerer behaves. Split BY DOCUMENT: the first two documents are the
dev part, the last two the test part (report only). Dev: US goods trade with Russia, Ukraine,
Kazakhstan and Georgia, 2020-2023 (Census; no other set names them); northbound commercial trucks
and railcars at Texas ports of entry, 2015-2018 (CBP; the buses of the same years are in
eval/documents-fresh/, the corpus's trucks start in 2019). Test: FDI in Sonora, Zacatecas, Durango
and Guerrero quarter by quarter, 2014-2015 (Secretaría de Economía; the corpus has other states'
annual figures from 2013); US exports of meat and of fruit and nuts (HS 02 and 08) to Japan, South
Korea, China and Taiwan, 2020-2024 (USITC).

Each part has its answered questions (ids fresh9-NN), at least two to a document answered only by
its table (kind article_fact, with a ``note`` saying so; the script checks the prose does not state
them), and six near misses written with the documents (ids fresh9-uNN, a ``near`` document and the
kind of ``miss``, encoded like fresh8's): an entity and a year both in the document but never
paired, another entity, flow, measure or breakdown, or a why the text never states.

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The few facts that are
not data (Executive Order 14066 and the act suspending normal trade relations with Russia and
Belarus, the opening of the NAFTA renegotiation, Mexico's special mining duty, the signing of the
US-China Phase One agreement) are each attributed in the article to whoever published them. The
checks and writers are those of eval_documents.py (finish) and make_eval_documents.py (reproducible
DOCX); the near misses and the part file are written as fresh8 writes them.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from eval_documents import (  # noqa: E402
    QUARTERS,
    bn_forms,
    census_annual,
    census_balance,
    census_figure,
    count,
    mn1,
    mn_forms,
    num,
    pct,
    pct_forms,
    rows,
    wrap_keeping_hyphens,
)
from make_fresh2_documents import html_table  # noqa: E402
from make_fresh3_documents import CBP_URL, USITC_URL, byline_page  # noqa: E402
from make_fresh7_documents import NearMissQuestions, write_split_set  # noqa: E402
from make_fresh8_documents import SE_URL  # noqa: E402
from make_fresh_documents import CENSUS_URL  # noqa: E402

from nearshore_qa.evaluation import states  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh9"
PARTS = ROOT / "eval" / "parts" / "fresh9.jsonl"
PUBLISHER = "nearshore-qa"
# This set's publication date (the DOCX writer keeps its own fixed metadata dates).
DATE_ISO = "2026-12-03"
DATE_LONG = "3 December 2026"
TABLE_ONLY = "answer stated only in the document's table, not in its prose"


class TableQuestions(NearMissQuestions):
    """fresh8's questions, plus questions whose answer only the document's table states."""

    def table_fact(self, question: str, expected: list[str], sources: list[str], prose: str) -> None:
        said = [e for e in expected if states(prose, e)]
        assert not said, f"{question!r}: the prose states {said}, not only the table"
        self.add("article_fact", question, expected, sources)
        self.items[-1]["note"] = TABLE_ONLY


def falls(new: str, old: str) -> str:
    """The size of a fall in percent between two figures as the article states them."""
    return pct((num(old) - num(new)) / num(old) * 100)


def para(text: str) -> str:
    return wrap_keeping_hyphens(text)


# =============================================================================================
# DEV documents
# =============================================================================================


def russia_md(data: Path, q: TableQuestions) -> tuple[str, str]:
    """D1. MD: US goods trade with Russia, Ukraine, Kazakhstan and Georgia, 2020-2023 (Census annual)."""
    name = "us-goods-trade-with-russia-ukraine-kazakhstan-and-georgia-2020-2023.md"
    four = ["Russia", "Ukraine", "Kazakhstan", "Georgia"]
    ru, ua, kz, ge = four
    years = [2020, 2021, 2022, 2023]
    t, _ = census_annual(data, four, years)
    f = partial(census_figure, t)
    bal = partial(census_balance, t)  # the size of a balance, its sign said in words

    def val(c: str, y: int, k: str) -> float:
        return t[(c, y)][k]

    X, M, T, B = "exports_musd", "imports_musd", "total_trade_musd", "balance_musd"
    # Russia: the largest supplier of the four every year; 2021 the largest imports of any of them
    assert all(max(four, key=lambda c: val(c, y, M)) == ru for y in years)
    assert max(t, key=lambda k: t[k][M]) == (ru, 2021)
    # Russia the largest US export market of the four to 2022, the smallest in 2023
    assert all(max(four, key=lambda c: val(c, y, X)) == ru for y in (2020, 2021, 2022))
    assert min(four, key=lambda c: val(c, 2023, X)) == ru
    ru_x_fall = falls(f(ru, 2023, X), f(ru, 2021, X))
    ru_m_fall = falls(f(ru, 2023, M), f(ru, 2021, M))
    assert all(val(ru, y, B) < 0 for y in years)
    # Ukraine: a US surplus in 2020-2021 turned to a deficit in 2022-2023, the only such turn
    assert val(ua, 2020, B) > 0 and val(ua, 2021, B) > 0 and val(ua, 2022, B) < 0 and val(ua, 2023, B) < 0
    assert -val(ua, 2023, B) > -val(ua, 2022, B)
    turned = [c for c in four if val(c, 2021, B) > 0 > val(c, 2023, B)]
    assert turned == [ua]
    # Kazakhstan passed Ukraine in two-way trade in 2022 and stayed ahead; Russia first throughout
    rank = {y: sorted(four, key=lambda c: -val(c, y, T)) for y in years}
    assert rank[2021][:3] == [ru, ua, kz] and rank[2022][:3] == rank[2023][:3] == [ru, kz, ua]
    assert max(years, key=lambda y: val(kz, y, M)) == 2022
    assert max(years, key=lambda y: -val(kz, y, B)) == 2022 and all(val(kz, y, B) < 0 for y in years)
    # US exports rose every year to Kazakhstan and Georgia only
    risers = [c for c in four if all(val(c, y, X) < val(c, y + 1, X) for y in years[:-1])]
    assert risers == [kz, ge]
    # Georgia: a US surplus every year, the only one; the largest US export market of the four in 2023
    assert [c for c in four if all(val(c, y, B) > 0 for y in years)] == [ge]
    assert max(four, key=lambda c: val(c, 2023, X)) == ge
    assert max(years, key=lambda y: val(ge, y, B)) == 2023
    assert all(min(four, key=lambda c: val(c, y, T)) == ge for y in years)
    exp = {y: sum(num(f(c, y, X)) for c in four) for y in years}
    imp = {y: sum(num(f(c, y, M)) for c in four) for y in years}
    exp_bn = {y: f"{exp[y] / 1000:,.2f}" for y in years}
    imp_bn = {y: f"{imp[y] / 1000:,.2f}" for y in years}
    ru_share = {y: pct(num(f(ru, y, M)) / imp[y] * 100) for y in (2021, 2023)}
    prose = [
        para(
            "Nearshoring is usually told as a story about Mexico, but the war in Ukraine reshaped American "
            "trade far from the Rio Grande. This article follows US goods trade with Russia, Ukraine and two "
            "other former Soviet republics, Kazakhstan and Georgia, from 2020 to 2023, using the U.S. Census "
            "Bureau's figures in millions of US dollars (exports at F.A.S. value, general imports at customs "
            "value). A balance is exports less imports. Combined figures, rates of change and shares are our "
            "own calculations from the Census country totals. Two American measures framed the period after "
            "Russia's full-scale invasion of Ukraine on 24 February 2022: Executive Order 14066 of 8 March "
            "2022 banned imports of Russian crude oil, petroleum products, liquefied natural gas and coal, "
            "and the Suspending Normal Trade Relations with Russia and Belarus Act, signed into law on "
            "8 April 2022, ended normal trade relations with Russia and Belarus, according to the White House."
        ),
        "## Russia: from the largest partner to the smallest market",
        para(
            f"Russia sold the United States more than any of the other three in every year, and in 2021 US "
            f"imports from Russia reached US${f(ru, 2021, M)} million, the most from any of the four in any "
            f"year. They fell to US${f(ru, 2022, M)} million in 2022 and US${f(ru, 2023, M)} million in 2023, "
            f"{ru_m_fall} percent less than in 2021 (our calculation). American sales fell faster still. US "
            f"exports to Russia were US${f(ru, 2021, X)} million in 2021 and US${f(ru, 2022, X)} million in "
            f"2022, in both years still the most of the four, but only US${f(ru, 2023, X)} million in 2023, "
            f"a drop of {ru_x_fall} percent from 2021 by our calculation, which left Russia the smallest "
            f"buyer of American goods of the four. The US deficit with Russia, US${bal(ru, 2021)} million in "
            f"2021, narrowed to US${bal(ru, 2023)} million in 2023, and two-way trade shrank from "
            f"US${f(ru, 2021, T)} million to US${f(ru, 2023, T)} million."
        ),
        "## Ukraine: a surplus turns into a deficit",
        para(
            f"Before the invasion the United States sold Ukraine more than it bought there: US exports of "
            f"US${f(ua, 2020, X)} million in 2020 and US${f(ua, 2021, X)} million in 2021 left surpluses of "
            f"US${bal(ua, 2020)} million and US${bal(ua, 2021)} million. In 2022 exports fell to "
            f"US${f(ua, 2022, X)} million and the balance turned into a deficit of US${bal(ua, 2022)} million; "
            f"in 2023, with exports down to US${f(ua, 2023, X)} million, the deficit widened to "
            f"US${bal(ua, 2023)} million. Ukraine was the only one of the four with which a US surplus turned "
            "into a deficit."
        ),
        "## Kazakhstan overtakes Ukraine",
        para(
            f"Kazakhstan moved up the ranks. US imports from Kazakhstan peaked at "
            f"US${f(kz, 2022, M)} million in 2022, and with US exports of US${f(kz, 2022, X)} million that "
            f"year two-way trade reached US${f(kz, 2022, T)} million, more than the US${f(ua, 2022, T)} "
            f"million of trade with Ukraine: Kazakhstan overtook Ukraine as the second-largest US partner of "
            f"the four in 2022 and stayed ahead in 2023, with US${f(kz, 2023, T)} million against "
            f"US${f(ua, 2023, T)} million. American sales to Kazakhstan rose in every year, from "
            f"US${f(kz, 2020, X)} million in 2020 to US${f(kz, 2023, X)} million in 2023, but the US deficit "
            f"with it was widest in 2022, at US${bal(kz, 2022)} million."
        ),
    ]
    table = [
        "| Partner | 2020 | 2021 | 2022 | 2023 |",
        "|---|---:|---:|---:|---:|",
        *(f"| {c} | " + " | ".join(f(c, y, M) for y in years) + " |" for c in four),
        "",
        "*Table 1. US general imports from the four partners, 2020–2023 (US$ million, customs value). "
        "Source: U.S. Census Bureau.*",
    ]
    prose2 = [
        "## Georgia, the market that kept growing",
        para(
            f"Georgia was the smallest US trading partner of the four in every year, but it was the one where "
            f"American sellers did best. US exports to Georgia rose every year, from US${f(ge, 2020, X)} million in 2020 to "
            f"US${f(ge, 2021, X)} million in 2021, US${f(ge, 2022, X)} million in 2022 and "
            f"US${f(ge, 2023, X)} million in 2023, when Georgia bought more American goods than any of the "
            f"other three. The United States ran a surplus with Georgia in every year, the only one of the "
            f"four with which it did, and the surplus reached US${bal(ge, 2023)} million in 2023."
        ),
        "## The four together",
        para(
            f"Taken together, the four bought ${exp_bn[2021]} billion of US goods in 2021 and "
            f"${exp_bn[2023]} billion in 2023, and sold the United States ${imp_bn[2021]} billion and "
            f"${imp_bn[2023]} billion of goods in the same years (our sums). Russia's share of US imports from "
            f"the four fell from {ru_share[2021]} percent in 2021 to {ru_share[2023]} percent in 2023 (our "
            "calculation)."
        ),
        "## Sources",
        para(
            'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals '
            f"2020–2023, {CENSUS_URL}. Dates of the invasion, of Executive Order 14066 and of the act "
            "suspending normal trade relations as published by the White House."
        ),
    ]
    prose_text = "\n\n".join(prose + prose2)
    # the year near miss: US exports to Kazakhstan in 2021 are stated nowhere, nor what they follow from
    for k in (X, B, T):
        assert not states(prose_text, f(kz, 2021, k)), k
    text = f"""---
title: "After the invasion: US goods trade with Russia, Ukraine, Kazakhstan and Georgia, 2020–2023"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "2020–2023 (calendar years)"
---
# After the invasion: US goods trade with Russia, Ukraine, Kazakhstan and Georgia, 2020–2023

"""
    text += "\n\n".join(prose) + "\n\n" + "\n".join(table) + "\n\n" + "\n\n".join(prose2) + "\n"
    src = [name]
    q.add("article_fact", "how much did the us sell to georgia in the final year of the report?",
          mn_forms(f(ge, 2023, X)), src)  # fmt: skip
    q.add("comparison", "Which of the four ended up as the biggest customer for American goods in 2023?", [ge], src)
    q.add("article_fact", "In percent, how far did American shipments to Russia shrink between 2021 and 2023?",
          pct_forms(ru_x_fall), src)  # fmt: skip
    q.add("comparison", "Which country passed Ukraine in two-way trade with the United States in 2022?", [kz], src)
    q.table_fact("How much did America take in from Ukraine in 2021?", mn_forms(f(ua, 2021, M)), src, prose_text)
    q.table_fact("us imports from kazakhstan 2020?", mn_forms(f(kz, 2020, M)), src, prose_text)
    q.add("follow_up", "And two years on?", mn_forms(bal(ru, 2023)), src,
          history=["What was the US trade gap with Russia in 2021?"])  # fmt: skip
    q.add("date_definition", "When did Washington strip Russia of normal trade relations?",
          ["8 April 2022", "April 8, 2022"], src)  # fmt: skip
    q.add("article_fact", "Combined, what did the four countries spend on US goods in 2023?", bn_forms(exp_bn[2023]),
          src)  # fmt: skip
    q.miss("What were US exports to Kazakhstan in 2021?", name, "year")
    q.miss("What was the US goods trade balance with Belarus in 2022?", name, "entity")
    q.miss("How much Russian crude oil did the United States import in 2021?", name, "breakdown")
    return name, text


def rail_and_trucks_txt(data: Path, q: TableQuestions) -> tuple[str, str]:
    """D2. TXT: northbound commercial trucks and railcars at Texas ports of entry, 2015-2018 (CBP yearly)."""
    name = "texas-border-trucks-and-railcars-2015-2018.txt"
    years = [2015, 2016, 2017, 2018]
    TR, RC = "Commercial Trucks", "Railcars"
    c: dict[tuple[str, str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        if r["Modes"] in (TR, RC) and int(r["Year"]) in years:
            c[(r["POE"], r["Modes"], int(r["Year"]))] += int(r["Northbound Crossing"] or 0)
    ports = sorted({p for (p, md, _), n in c.items() if md == TR and n > 0}, key=lambda p: -c[(p, TR, 2018)])
    rail = sorted({p for (p, md, _), n in c.items() if md == RC and n > 0}, key=lambda p: -c[(p, RC, 2018)])
    T = {(p, y): c[(p, TR, y)] for p in ports for y in years}
    R = {(p, y): c[(p, RC, y)] for p in rail for y in years}
    tr = {y: sum(T[(p, y)] for p in ports) for y in years}
    rc = {y: sum(R[(p, y)] for p in rail) for y in years}
    n = lambda x: f"{x:,}"  # noqa: E731
    lrd, hid, ysl, elp, bro, egp = "Laredo", "Hidalgo", "Ysleta", "El Paso", "Brownsville", "Eagle Pass"
    tr_rise = pct((tr[2018] - tr[2015]) / tr[2015] * 100)
    # Laredo: more trucks than all other Texas ports together, rising every year; Hidalgo second
    assert all(T[(lrd, y)] > tr[y] - T[(lrd, y)] for y in years)
    assert all(T[(lrd, y)] < T[(lrd, y + 1)] for y in years[:-1])
    assert all(sorted(ports, key=lambda p: -T[(p, y)])[:2] == [lrd, hid] for y in years)
    assert all(T[(hid, y)] < T[(hid, y + 1)] for y in years[:-1])
    # El Paso (Bridge of the Americas) ahead of Ysleta in 2015 only; its lowest year 2017
    assert T[(elp, 2015)] > T[(ysl, 2015)] and all(T[(ysl, y)] > T[(elp, y)] for y in years[1:])
    assert min(years, key=lambda y: T[(elp, y)]) == 2017
    assert all(T[(p, y)] < T[(p, y + 1)] for p in (bro, egp) for y in years[:-1])
    ms = "Marcelino Serna"
    assert [y for y in years if T[(ms, y)] > 0] == [2016, 2017]
    # railcars: four ports; Laredo first every year, Eagle Pass second; Laredo's 2017 dip and 2018 high
    assert rail == [lrd, egp, elp, bro]
    assert all(sorted(rail, key=lambda p: -R[(p, y)])[:2] == [lrd, egp] for y in years)
    assert min(years, key=lambda y: R[(lrd, y)]) == 2017 and max(R, key=R.get) == (lrd, 2018)
    assert [p for p in rail if all(R[(p, y)] < R[(p, y + 1)] for y in years[:-1])] == [bro]
    assert [p for p in rail if R[(p, 2018)] < R[(p, 2015)]] == [elp]
    prose = [
        para(
            "In the summer of 2017 the rules of North American trade were reopened: the renegotiation of the "
            "North American Free Trade Agreement began in Washington on 16 August 2017, according to the "
            "Office of the United States Trade Representative. The freight kept coming. This note follows "
            "two counts that U.S. Customs and Border Protection (CBP) keeps at the Texas ports of entry from "
            "2015 to 2018: the commercial trucks and the railcars entering the United States from Mexico. "
            "Southbound traffic is not in these counts. Totals across ports and rates of change are our own "
            "sums and calculations."
        ),
        "TRUCKS",
        para(
            f"Laredo, with its World Trade Bridge and Colombia Solidarity Bridge, counted {n(T[(lrd, 2015)])} "
            f"northbound trucks in 2015 and more in every year after, reaching {n(T[(lrd, 2018)])} in 2018: "
            f"in each of the four years more than all the other Texas ports put together. Hidalgo, whose "
            f"trucks cross on the Pharr International Bridge, stayed second, growing from {n(T[(hid, 2015)])} "
            f"to {n(T[(hid, 2018)])}. Across all Texas ports CBP counted {n(tr[2015])} northbound trucks in "
            f"2015 and {n(tr[2018])} in 2018 (our sums), {tr_rise} percent more (our calculation)."
        ),
        para(
            f"Upriver, the two El Paso-area ports traded places. In 2015 the Bridge of the Americas, which "
            f"CBP reports as the El Paso port, carried {n(T[(elp, 2015)])} trucks against "
            f"{n(T[(ysl, 2015)])} at the Ysleta Bridge. From 2016 on Ysleta carried more: {n(T[(ysl, 2016)])} "
            f"trucks that year and {n(T[(ysl, 2018)])} in 2018, while El Paso fell to {n(T[(elp, 2016)])} in "
            f"2016 and {n(T[(elp, 2017)])} in 2017, its lowest of the four years. Further down the river, "
            f"Brownsville's two truck bridges (Los Indios and Los Tomates) rose every year, from "
            f"{n(T[(bro, 2015)])} to {n(T[(bro, 2018)])}, and Eagle Pass from {n(T[(egp, 2015)])} to "
            f"{n(T[(egp, 2018)])}; Del Rio counted {n(T[('Del Rio', 2018)])} in 2018. The Marcelino Serna "
            f"bridge recorded trucks only in 2016 and 2017, {n(T[(ms, 2016)])} and {n(T[(ms, 2017)])} "
            "of them."
        ),
        "RAIL",
        para(
            f"Only four Texas ports record railcars: Laredo, Eagle Pass, El Paso and Brownsville. Laredo "
            f"counted the most in every year and Eagle Pass came second, but Laredo's count dipped to "
            f"{n(R[(lrd, 2017)])} in 2017 before jumping to {n(R[(lrd, 2018)])} in 2018, the most at any rail "
            f"port in the four years. Brownsville was the only rail port whose count rose in every year, from "
            f"{n(R[(bro, 2015)])} in 2015 to {n(R[(bro, 2018)])} in 2018, and El Paso the only one to end the "
            "period with fewer railcars than it started with."
        ),
    ]
    head = f"{'Port':<16}" + "".join(f"{y:>11}" for y in years)
    table = [
        "Table 1. Northbound railcars by Texas port of entry, 2015-2018 (count; the total is our sum)",
        "",
        head,
        "-" * len(head),
        *(f"{p:<16}" + "".join(f"{R[(p, y)]:>11,}" for y in years) for p in rail),
        f"{'All four ports':<16}" + "".join(f"{rc[y]:>11,}" for y in years),
    ]
    sources = [
        "SOURCES",
        para(
            "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, "
            "yearly 2008-2025, as compiled by the University of North Texas for TxDOT (file "
            f"cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv), years 2015-2018, {CBP_URL}. Start of "
            "the NAFTA renegotiation as announced by the Office of the United States Trade Representative."
        ),
    ]
    prose_text = "\n\n".join(prose)
    header = [
        "TRUCKS AND TRAINS AT THE TEXAS BORDER: NORTHBOUND FREIGHT CROSSINGS, 2015-2018",
        "Source: U.S. Customs and Border Protection (CBP), northbound crossings at Texas-Mexico ports of entry",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "Units: number of commercial trucks and of railcars (count)",
    ]
    text = "\n\n".join(["\n".join(header), *prose, "\n".join(table), *sources]) + "\n"
    src = [name]
    q.add("article_fact", "How many commercial trucks came north through Laredo in the last year covered?",
          count(T[(lrd, 2018)]), src)  # fmt: skip
    q.add("comparison", "Which crossing took over from El Paso as the busier truck port in 2016?", [ysl], src)
    q.add("comparison", "Which rail crossing's railcar count grew every single year?", [bro], src)
    q.table_fact("How many railcars rolled in from Mexico at Eagle Pass in 2018?", count(R[(egp, 2018)]), src,
                 prose_text)  # fmt: skip
    q.table_fact("railcars el paso 2016?", count(R[(elp, 2016)]), src, prose_text)
    q.add("follow_up", "What about 2018?", count(T[(hid, 2018)]), src,
          history=["How many trucks headed north through Hidalgo in 2015?"])  # fmt: skip
    q.add("date_definition", "When did the talks to renegotiate NAFTA get under way?",
          ["16 August 2017", "August 16, 2017"], src)  # fmt: skip
    q.add("article_fact", "Summed over every Texas port, how many trucks rolled in from Mexico in 2018?",
          count(tr[2018]), src)  # fmt: skip
    q.add("article_fact", "How many railcars did Laredo log in 2017, its weak year?", count(R[(lrd, 2017)]), src)
    q.miss("How many trucks did Laredo send south into Mexico in 2017?", name, "flow")
    q.miss("What was the value of the freight that crossed by rail at Eagle Pass in 2017?", name, "measure")
    q.miss("How many northbound trucks crossed at Nogales in 2018?", name, "entity")
    return name, text


# =============================================================================================
# TEST documents
# =============================================================================================


def mining_states_html(data: Path, q: TableQuestions) -> tuple[str, str]:
    """T1. HTML: FDI in Sonora, Zacatecas, Durango and Guerrero quarter by quarter, 2014-2015 (Secretaría de Economía)."""
    name = "foreign-investment-in-four-mining-states-2014-2015.html"
    years = [2014, 2015]
    st = ["Sonora", "Zacatecas", "Durango", "Guerrero"]
    son, zac, dgo, gro = st
    v: dict[tuple[str, int, int], float] = {}
    nat: dict[int, float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        y = int(r["year"])
        if y in years:
            nat[y] += float(r["fdi_musd"])
            if r["entidad"] in st:
                v[(r["entidad"], y, int(r["quarter"]) - 1)] = float(r["fdi_musd"])
    assert len(v) == len(st) * len(years) * 4
    m = {k: mn1(x) for k, x in v.items()}
    yr = {(s, y): sum(num(m[(s, y, k)]) for k in range(4)) for s in st for y in years}
    ys = {k: mn1(x) for k, x in yr.items()}
    four = {y: mn1(sum(yr[(s, y)] for s in st)) for y in years}
    nat15 = mn1(nat[2015])
    share15 = pct(num(four[2015]) / num(nat15) * 100)
    neg = {s: [(y, k) for y in years for k in range(4) if v[(s, y, k)] < 0] for s in st}
    # Sonora the largest of the four in both years; its first quarter of 2014 the largest quarter of all
    assert all(max(st, key=lambda s: yr[(s, y)]) == son for y in years)
    assert max(v, key=v.get) == (son, 2014, 0)
    assert neg[son] == [(2014, 2), (2014, 3)]
    # Zacatecas second in 2014, last in 2015; its first quarter of 2015 the largest outflow of all
    assert sorted(st, key=lambda s: -yr[(s, 2014)])[1] == zac and min(st, key=lambda s: yr[(s, 2015)]) == zac
    assert min(v, key=v.get) == (zac, 2015, 0) and neg[zac] == [(2015, 0)]
    assert max(range(4), key=lambda k: v[(zac, 2014, k)]) == 2
    # Durango the only one with more in 2015 than in 2014, "nearly three times"; one outflow, 2014 Q2
    assert [s for s in st if yr[(s, 2015)] > yr[(s, 2014)]] == [dgo]
    assert 2.5 < yr[(dgo, 2015)] / yr[(dgo, 2014)] < 3
    assert neg[dgo] == [(2014, 1)] and max(range(4), key=lambda k: v[(dgo, 2015, k)]) == 2
    # Guerrero the only one without a quarter of net outflow
    assert [s for s in st if not neg[s]] == [gro]
    assert min(range(4), key=lambda k: v[(gro, 2014, k)]) == 3
    assert all(num(four[y]) < nat[y] / 10 for y in years)
    title = "Mining country: foreign investment in Sonora, Zacatecas, Durango and Guerrero, 2014–2015"
    prose = [
        "<p>Mexico's foreign investment story in the mid-2010s was told in car plants and aerospace parks, "
        "but four states where mining looms large tell a different one. This article follows foreign direct "
        "investment (FDI) in Sonora, Zacatecas, Durango and Guerrero quarter by quarter through 2014 and "
        "2015. The figures are the Secretaría de Economía's FDI flows by state, in millions of US dollars, in "
        "the May 2018 vintage; a negative quarter is a net outflow. Annual and four-state totals and shares "
        "are our own sums of the quarterly figures. The period opened with a new charge on the industry: "
        "from 1 January 2014 mining companies owe a special mining duty of 7.5 percent, and an extraordinary "
        "duty of 0.5 percent on their revenue from gold, silver and platinum, under the fiscal reform "
        "published in the Diario Oficial de la Federación.</p>",
        "<h2>Sonora, the largest</h2>",
        f"<p>Sonora received more foreign investment than any of the other three in both years. Its US${ys[(son, 2014)]} "
        f"million in 2014 (our sum) came mostly in the first quarter, US${m[(son, 2014, 0)]} million, the "
        f"largest single quarter of any of the four states in the two years; the third and fourth quarters of "
        f"2014 were net outflows, minus US${mn1(abs(v[(son, 2014, 2)]))} million and minus "
        f"US${mn1(abs(v[(son, 2014, 3)]))} million. In 2015 Sonora took in US${ys[(son, 2015)]} million, "
        f"US${m[(son, 2015, 0)]} million of it in the first quarter.</p>",
        "<h2>Zacatecas falls back, Durango climbs</h2>",
        f"<p>Zacatecas was second of the four in 2014, with US${ys[(zac, 2014)]} million, US${m[(zac, 2014, 2)]} "
        f"million of it in the third quarter, but received only US${ys[(zac, 2015)]} million in 2015, the "
        f"least of the four, after a first quarter of minus US${mn1(abs(v[(zac, 2015, 0)]))} million, the "
        f"largest net outflow of any of the four states in any quarter of the two years. Durango went the "
        f"other way: it was the only one of the four to receive more in 2015 than in 2014, "
        f"US${ys[(dgo, 2015)]} million against US${ys[(dgo, 2014)]} million, nearly three times as much, with "
        f"US${m[(dgo, 2015, 2)]} million in the third quarter of 2015. Its only outflow was minus "
        f"US${mn1(abs(v[(dgo, 2014, 1)]))} million, in the second quarter of 2014.</p>",
        "<h2>Guerrero, steady but smaller</h2>",
        f"<p>Guerrero, on the Pacific coast, was the only one of the four without a single quarter of net "
        f"outflow in the two years. Its inflow nonetheless fell from US${ys[(gro, 2014)]} million in 2014 to "
        f"US${ys[(gro, 2015)]} million in 2015, and the last quarter of 2014 brought it just "
        f"US${m[(gro, 2014, 3)]} million.</p>",
    ]
    table = html_table(
        "Table 1. FDI by state and quarter, 2014–2015, US$ million (Secretaría de Economía; a negative figure "
        "is a net outflow).",
        ["State", *(f"{y} {k}" for y in years for k in QUARTERS)],
        [[s, *(m[(s, y, k)] for y in years for k in range(4))] for s in st],
    )
    prose2 = [
        "<h2>The four together</h2>",
        f"<p>The four states received US${four[2014]} million of FDI in 2014 and US${four[2015]} million in "
        f"2015 (our sums). Against the US${nat15} million recorded for all 32 states in 2015, the four took "
        f"{share15} percent of the national total (our sum and share).</p>",
    ]
    page = byline_page(
        title,
        "Investment",
        f"the {PUBLISHER} desk",
        prose + table + prose2,
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        f'se_mexico_fdi_by_state_quarterly_1999_2017.csv), 2014–2015, <a href="{SE_URL}">{SE_URL}</a>. '
        "The special mining duty as published in the Diario Oficial de la Federación.",
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    prose_text = "\n".join(prose + prose2)
    src = [name]
    q.add("article_fact", "How much foreign capital flowed into Sonora in 2015?", mn_forms(ys[(son, 2015)]), src)
    q.add("comparison", "Which of the four states drew more foreign investment in 2015 than the year before?", [dgo],
          src)  # fmt: skip
    q.add("comparison", "Which state never saw a quarter of net disinvestment in 2014 or 2015?", [gro], src)
    q.table_fact("What FDI did Guerrero book in the second quarter of 2015?", mn_forms(m[(gro, 2015, 1)]), src,
                 prose_text)  # fmt: skip
    q.table_fact("zacatecas fdi q3 2015?", mn_forms(m[(zac, 2015, 2)]), src, prose_text)
    q.add("follow_up", "and the next year?", mn_forms(ys[(zac, 2015)]), src,
          history=["How much foreign direct investment went to Zacatecas in 2014?"])  # fmt: skip
    q.add("date_definition", "Since when have Mexican miners paid the 7.5 percent special mining duty?",
          ["1 January 2014", "January 1, 2014"], src)  # fmt: skip
    q.add("article_fact", "What slice of Mexico's 2015 FDI did the four states capture?", pct_forms(share15), src)
    q.add("article_fact", "How big was the net outflow from Zacatecas at the start of 2015?",
          mn_forms(mn1(abs(v[(zac, 2015, 0)]))), src)  # fmt: skip
    q.miss("How much of Sonora's foreign investment in 2014 went into mining?", name, "breakdown")
    q.miss("How much FDI did Chihuahua receive in 2015?", name, "entity")
    q.miss("Why did foreign investment in Zacatecas dry up in 2015?", name, "words")
    return name, page


def meat_and_fruit_docx(data: Path, q: TableQuestions) -> tuple[str, str, list]:
    """T2. DOCX: US exports of meat and of fruit and nuts (HS 02, 08) to Japan, South Korea, China and Taiwan, 2020-2024 (USITC)."""
    name = "us-meat-fruit-and-nut-exports-to-four-east-asian-markets-2020-2024.docx"
    chapters = ["02", "08"]
    buyers = ["Japan", "South Korea", "China", "Taiwan"]
    jp, kr, cn, tw = buyers
    years = [2020, 2021, 2022, 2023, 2024]
    v: dict[tuple[str, str, int], float] = {}
    world: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        h = r["hs2"].zfill(2)
        if h in chapters:
            for y in years:
                world[(h, y)] += float(r[f"fas_usd_{y}"])
                if r["country"] in buyers:
                    v[(h, r["country"], y)] = float(r[f"fas_usd_{y}"])
    assert len(v) == len(chapters) * len(buyers) * len(years)
    mm = {k: mn1(x / 1e6) for k, x in v.items()}
    top = {(h, y): max(buyers, key=lambda c: v[(h, c, y)]) for h in chapters for y in years}
    # meat: Japan first in 2020 and 2024, China 2021-2023, its 2022 the most of all; Taiwan last every year
    assert top[("02", 2020)] == top[("02", 2024)] == jp and all(top[("02", y)] == cn for y in (2021, 2022, 2023))
    assert max((k for k in v if k[0] == "02"), key=v.get) == ("02", cn, 2022)
    assert sorted(buyers, key=lambda c: -v[("02", c, 2024)]) == [jp, kr, cn, tw]
    assert all(min(buyers, key=lambda c: v[("02", c, y)]) == tw for y in years)
    cn_fall = falls(mm[("02", cn, 2024)], mm[("02", cn, 2022)])
    # fruit and nuts: China first in every year but 2022, when Japan was; Japan down every year after
    # 2021; Korea ahead of Japan in 2024; Taiwan's 2024 its highest, the only one of the four
    assert [y for y in years if top[("08", y)] != cn] == [2022] and top[("08", 2022)] == jp
    assert all(v[("08", jp, y)] > v[("08", jp, y + 1)] for y in (2021, 2022, 2023))
    assert v[("08", kr, 2024)] > v[("08", jp, 2024)] and v[("08", kr, 2023)] < v[("08", jp, 2023)]
    assert [c for c in buyers if max(years, key=lambda y: v[("08", c, y)]) == 2024] == [tw]
    both24 = {c: num(mm[("02", c, 2024)]) + num(mm[("08", c, 2024)]) for c in buyers}
    assert sorted(buyers, key=lambda c: -both24[c])[:2] == [cn, jp] and both24[cn] - both24[jp] < 0.01 * both24[jp]
    world02 = {y: mn1(world[("02", y)] / 1e6) for y in years}
    four02_22 = sum(num(mm[("02", c, 2022)]) for c in buyers)
    share22 = pct(four02_22 / num(world02[2022]) * 100)
    assert num(share22) > 50  # "more than half"
    assert sum(v[("08", c, 2022)] for c in buyers) > 0.15 * world[("08", 2022)]  # "a good share"
    title = "Meat, fruit and nuts for East Asia: US exports to Japan, South Korea, China and Taiwan, 2020–2024"
    prose = [
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Four East Asian markets, Japan, South Korea, China and Taiwan, buy a large part of America's "
            "meat exports and a good share of its fruit and nuts, and they show how unsteady that trade was "
            "in the early 2020s. This report compares US exports in two chapters of the Harmonized System, meat and edible "
            "meat offal (chapter 02) and edible fruit and nuts (chapter 08), from 2020 to 2024. Values are "
            "total US exports at F.A.S. (free alongside ship) value from the US International Trade "
            "Commission's DataWeb, converted to millions of US dollars; sums, shares and rates of change are "
            "our own calculations. The period opened with a deal: the United States and China signed the "
            "Economic and Trade Agreement known as Phase One on 15 January 2020, according to the Office of "
            "the United States Trade Representative, and China undertook in it to buy more American farm "
            "goods.",
        ),
        ("h1", "Meat"),
        (
            "p",
            f"Japan was the largest buyer of US meat among the four in 2020, at US${mm[('02', jp, 2020)]} "
            f"million, ahead of China's US${mm[('02', cn, 2020)]} million. China overtook Japan in 2021 and "
            f"stayed ahead through 2023; in 2022 it bought US${mm[('02', cn, 2022)]} million, the most any of "
            f"the four spent on American meat in any of the five years, against Japan's "
            f"US${mm[('02', jp, 2022)]} million. Then China's purchases fell to US${mm[('02', cn, 2024)]} "
            f"million in 2024, {cn_fall} percent less than in 2022 by our calculation, and China slipped to "
            f"third of the four, behind Japan (US${mm[('02', jp, 2024)]} million) and South Korea "
            f"(US${mm[('02', kr, 2024)]} million). South Korea had bought US${mm[('02', kr, 2020)]} million in "
            f"2020 and US${mm[('02', kr, 2022)]} million in 2022. Taiwan was the smallest of the four buyers in "
            f"every year, with US${mm[('02', tw, 2020)]} million in 2020, US${mm[('02', tw, 2022)]} million in "
            f"2022 and US${mm[('02', tw, 2024)]} million in 2024.",
        ),
        ("h1", "Fruit and nuts"),
        (
            "p",
            f"In fruit and nuts China led the four in 2020, with US${mm[('08', cn, 2020)]} million, and in "
            f"every later year except 2022, when its purchases dropped to US${mm[('08', cn, 2022)]} million and "
            f"Japan, with US${mm[('08', jp, 2022)]} million, was the largest buyer. Japan's purchases shrank in "
            f"every year after 2021, to US${mm[('08', jp, 2024)]} million in 2024, and South Korea, with "
            f"US${mm[('08', kr, 2024)]} million, passed it that year. Taiwan bought US${mm[('08', tw, 2020)]} "
            f"million in 2020 and US${mm[('08', tw, 2024)]} million in 2024, the only one of the four whose "
            f"purchases were highest in the last year. China took US${mm[('08', cn, 2024)]} million in 2024.",
        ),
    ]
    table = [
        ("table_caption", "Table 1. US exports in the two chapters, 2021 and 2023 (US$ million, F.A.S. value)"),
        (
            "table",
            [
                ["Market", "Meat 2021", "Meat 2023", "Fruit and nuts 2021", "Fruit and nuts 2023"],
                *(
                    [c, mm[("02", c, 2021)], mm[("02", c, 2023)], mm[("08", c, 2021)], mm[("08", c, 2023)]]
                    for c in buyers
                ),
            ],
        ),
    ]
    prose2 = [
        ("h1", "The two chapters together"),
        (
            "p",
            f"Counting both chapters, China bought US${mn1(both24[cn])} million of American meat, fruit and "
            f"nuts in 2024, narrowly more than Japan's US${mn1(both24[jp])} million (our sums). US meat exports "
            f"to all countries came to US${world02[2022]} million in 2022 (our sum across all partners), and "
            f"the four markets in this report took {share22} percent of them, more than half (our "
            "calculation).",
        ),
        ("h1", "Sources"),
        (
            "p",
            "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and "
            "country, 2020–2024, chapters 02 and 08 (downloaded 2025-08-07; file "
            f"usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), {USITC_URL}. Signing date of the "
            "Phase One agreement as published by the Office of the United States Trade Representative.",
        ),
    ]
    prose_text = "\n".join(text for _, text in prose + prose2)
    src = [name]
    q.add("article_fact", "How much American meat did South Korea buy in 2024?", mn_forms(mm[("02", kr, 2024)]), src)
    q.add("comparison", "Which market overtook Japan as the top buyer of US meat in 2021?", [cn], src)
    q.add("comparison", "Of the four, who was the biggest customer for US fruit and nuts in 2022?", [jp], src)
    q.table_fact("What did Taiwan spend on US meat in 2023?", mn_forms(mm[("02", tw, 2023)]), src, prose_text)
    q.table_fact("us fruit and nut exports to china 2021?", mn_forms(mm[("08", cn, 2021)]), src, prose_text)
    q.add("follow_up", "What about in 2024?", mn_forms(mm[("02", cn, 2024)]), src,
          history=["How much meat did the US sell to China in 2022?"])  # fmt: skip
    q.add("date_definition", "When did Washington and Beijing sign the Phase One deal?",
          ["15 January 2020", "January 15, 2020"], src)  # fmt: skip
    q.add("article_fact", "By what percentage did China's purchases of US meat drop from 2022 to 2024?",
          pct_forms(cn_fall), src)  # fmt: skip
    q.add("article_fact", "Meat plus fruit and nuts, what did the US ship to China in 2024 altogether?",
          mn_forms(mn1(both24[cn])), src)  # fmt: skip
    q.miss("How much meat did the United States import from Japan in 2024?", name, "flow")
    q.miss("How many tonnes of American pork went to China in 2022?", name, "measure")
    q.miss("What were US meat exports to Hong Kong in 2022?", name, "entity")
    return name, title, prose + table + prose2


# =============================================================================================


def main() -> None:
    write_split_set(
        TableQuestions("fresh9"),
        [russia_md, rail_and_trucks_txt],
        [mining_states_html, meat_and_fruit_docx],
        OUT,
        PARTS,
        __doc__.splitlines()[0],
        9,
    )


if __name__ == "__main__":
    main()
