"""Write the eighth fresh evaluation set (eval/documents-fresh8/) and its questions (eval/parts/fresh8.jsonl).

    python scripts/make_fresh8_documents.py [--data ../shared/data/trade]

A prose set, "set": "fresh8", written like fresh7 (articles asked text questions in an analyst's
own words, several entities and measures to a paragraph, comparisons said in words, figures in
prose and no table), on facts no other set or the corpus uses, written blind to how the answerer
behaves. Split BY DOCUMENT: the first two documents are the dev part, the last two the test part
(report only). Dev: US goods trade with Poland, the Czech Republic, Hungary and Slovakia,
2002-2006 (Census; no other set names them); US surface exports to five Mexican states by truck,
rail and pipeline, 2020-2021 (BTS; eval/documents/ stops at 2019 and the corpus starts at 2022).
Test: FDI in five Gulf and Yucatán peninsula states quarter by quarter, 1999-2000 (Secretaría de
Economía; fresh2's quarters are 2001-2002 and other states); US exports of cotton and of man-made
staple fibres (HS 52 and 55) to Pakistan, Vietnam, Turkey, Bangladesh and Honduras, 2020, 2022 and
2024 (USITC).

Each part has its answered questions (ids fresh8-NN) and six near misses written with the
documents (ids fresh8-uNN, a ``near`` document and the kind of ``miss``, encoded like fresh7's):
an entity and a year both in the document but never paired, another flow, another measure or
breakdown, or a why the text never states.

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The few facts that are
not data (the 2004 enlargement of the European Union, the World Health Organization's pandemic
declaration, the entry into force of the EU-Mexico free trade agreement, the start of the Uyghur
Forced Labor Prevention Act's enforcement) are each attributed in the article to whoever announced
them. The checks and writers are those of eval_documents.py (finish) and make_eval_documents.py
(reproducible DOCX and PDF); the near misses and the part file are written as fresh7 writes them.
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
    bn_forms,
    census_annual,
    census_balance,
    census_figure,
    mn1,
    mn_forms,
    num,
    pct,
    pct_forms,
    rows,
)
from make_fresh3_documents import USITC_URL, byline_page  # noqa: E402
from make_fresh6_documents import growth  # noqa: E402
from make_fresh7_documents import NearMissQuestions, write_split_set  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh8"
PARTS = ROOT / "eval" / "parts" / "fresh8.jsonl"
PUBLISHER = "nearshore-qa"
SE_URL = "https://datos.gob.mx"
# This set's publication date (the DOCX and PDF writers keep their own fixed metadata dates).
DATE_ISO = "2026-12-02"
DATE_LONG = "2 December 2026"


# =============================================================================================
# DEV documents
# =============================================================================================


def visegrad_md(data: Path, q: NearMissQuestions) -> tuple[str, str]:
    """D1. MD: US goods trade with Poland, the Czech Republic, Hungary and Slovakia, 2002-2006 (Census annual)."""
    name = "us-goods-trade-with-poland-czechia-hungary-and-slovakia-2002-2006.md"
    pl, cz, hu, sk = four = ["Poland", "Czech Republic", "Hungary", "Slovakia"]
    years = [2002, 2003, 2004, 2005, 2006]
    t, _ = census_annual(data, four, years)

    f = partial(census_figure, t)
    bal = partial(census_balance, t)  # the size of a balance, its sign said in words

    def val(c: str, y: int, k: str) -> float:
        return t[(c, y)][k]

    exp = {y: sum(num(f(c, y, "exports_musd")) for c in four) for y in years}
    imp = {y: sum(num(f(c, y, "imports_musd")) for c in four) for y in years}
    exp_bn = {y: f"{exp[y] / 1000:,.2f}" for y in years}
    imp_bn = {y: f"{imp[y] / 1000:,.2f}" for y in years}
    gap06 = f"{(imp[2006] - exp[2006]) / 1000:,.2f}"
    pl_rise = growth(f(pl, 2006, "exports_musd"), f(pl, 2002, "exports_musd"))
    # the US ran a deficit with each of the four in every year
    assert all(val(c, y, "balance_musd") < 0 for c in four for y in years)
    # Hungary the largest source of US imports of the four in every year, its imports flat
    assert all(max(four, key=lambda c: val(c, y, "imports_musd")) == hu for y in years)
    hu_imp = [val(hu, y, "imports_musd") for y in years]
    assert max(hu_imp) / min(hu_imp) < 1.06
    # Hungary's deficit narrower every year to 2004, wider in 2005, narrowest in 2006
    assert min(years, key=lambda y: -val(hu, y, "balance_musd")) == 2006
    assert -val(hu, 2005, "balance_musd") > -val(hu, 2004, "balance_musd")
    assert -val(hu, 2002, "balance_musd") > -val(hu, 2003, "balance_musd") > -val(hu, 2004, "balance_musd")
    # the largest US export market of the four: Hungary 2002-2004, Poland 2005-2006
    top_exp = {y: max(four, key=lambda c: val(c, y, "exports_musd")) for y in years}
    assert top_exp == {2002: hu, 2003: hu, 2004: hu, 2005: pl, 2006: pl}
    assert val(hu, 2002, "exports_musd") - val(pl, 2002, "exports_musd") < 5  # "narrowly"
    assert 2.8 < val(pl, 2006, "exports_musd") / val(pl, 2002, "exports_musd") < 3  # "nearly tripled"
    gain = {c: val(c, 2006, "exports_musd") - val(c, 2002, "exports_musd") for c in four}
    assert max(gain, key=gain.get) == pl  # the largest rise in US exports, in dollars
    # Poland the largest of the four in two-way trade in 2006 only; Hungary before
    top_tot = {y: max(four, key=lambda c: val(c, y, "total_trade_musd")) for y in years}
    assert top_tot == {2002: hu, 2003: hu, 2004: hu, 2005: hu, 2006: pl}
    assert max(four, key=lambda c: val(c, 2006, "balance_musd")) == pl  # the narrowest deficit in 2006
    assert min(years, key=lambda y: -val(pl, y, "balance_musd")) == 2006
    # the Czech Republic: imports and the deficit grew every year
    assert all(val(cz, y, "imports_musd") < val(cz, y + 1, "imports_musd") for y in years[:-1])
    assert all(-val(cz, y, "balance_musd") < -val(cz, y + 1, "balance_musd") for y in years[:-1])
    # Slovakia: the smallest US export market every year; imports nearly fourfold in 2003
    assert all(min(four, key=lambda c: val(c, y, "exports_musd")) == sk for y in years)
    sk_x = val(sk, 2003, "imports_musd") / val(sk, 2002, "imports_musd")
    assert 3.7 < sk_x < 4
    assert max(years, key=lambda y: -val(sk, y, "balance_musd")) == 2004
    assert 2.7 < val(sk, 2006, "exports_musd") / val(sk, 2005, "exports_musd") < 3
    assert max(years, key=lambda y: imp[y]) == 2006 and max(years, key=lambda y: exp[y]) == 2006
    text = f"""---
title: "Into the Union: US goods trade with Poland, the Czech Republic, Hungary and Slovakia, 2002–2006"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "2002–2006 (calendar years)"
---
# Into the Union: US goods trade with four central European economies, 2002–2006

Long before anyone spoke of nearshoring to Mexico, four economies of central Europe were being
drawn into the European single market: Poland, the Czech Republic, Hungary and Slovakia. The four
joined the European Union on 1 May 2004, together with six other countries, according to the
European Union. This article follows their goods trade with the United States from 2002 to 2006,
using the U.S. Census Bureau's figures in millions of US dollars (exports at F.A.S. value, general
imports at customs value). A balance is exports less imports; the United States ran a deficit with
each of the four in every one of these years. Combined figures for the four and rates of change are
our own calculations from the Census country totals.

## Hungary, the steady supplier

Hungary sold more to the United States than any of the other three in every year, but its sales
hardly grew: US imports from Hungary were US${f(hu, 2002, "imports_musd")} million in 2002 and
US${f(hu, 2006, "imports_musd")} million in 2006. American sales there did grow, from
US${f(hu, 2002, "exports_musd")} million in 2002, when Hungary was narrowly the largest US export
market of the four, to US${f(hu, 2004, "exports_musd")} million in the year of accession, so the US
deficit with Hungary narrowed from US${bal(hu, 2002)} million in 2002 to US${bal(hu, 2004)} million in
2004, before it widened again to US${bal(hu, 2005)} million in 2005 and narrowed to
US${bal(hu, 2006)} million in 2006, the smallest of the five years.

## Poland's climb

Poland gained the most in dollars. US exports to Poland nearly tripled, from US${f(pl, 2002, "exports_musd")}
million in 2002 to US${f(pl, 2006, "exports_musd")} million in 2006, a rise of {pl_rise} percent by our
calculation, and Poland displaced Hungary as the biggest buyer of American goods among the four in
2005. Imports from Poland grew too, from US${f(pl, 2002, "imports_musd")} million to
US${f(pl, 2006, "imports_musd")} million, yet by 2006 the deficit with Poland was the smallest of the
four, at US${bal(pl, 2006)} million. That year Poland also became the largest of the four in two-way
trade, with US${f(pl, 2006, "total_trade_musd")} million of goods crossing in both directions,
ahead of Hungary's US${f(hu, 2006, "total_trade_musd")} million.

## The Czech Republic and Slovakia

The Czech Republic moved the other way. Its sales to the United States rose in every year, from
US${f(cz, 2002, "imports_musd")} million in 2002 to US${f(cz, 2006, "imports_musd")} million in 2006,
faster than American sales to it, which were US${f(cz, 2002, "exports_musd")} million in 2002 and
US${f(cz, 2006, "exports_musd")} million in 2006, so the US deficit with the Czech Republic widened
every year, from US${bal(cz, 2002)} million to US${bal(cz, 2006)} million. Slovakia was the smallest
market for American goods in every year, but the most sudden supplier: US imports from Slovakia went
from US${f(sk, 2002, "imports_musd")} million in 2002 to US${f(sk, 2003, "imports_musd")} million in 2003,
nearly four times as much, and the US deficit with Slovakia peaked at US${bal(sk, 2004)} million in
2004. US exports to Slovakia, only US${f(sk, 2005, "exports_musd")} million in 2005, almost tripled to
US${f(sk, 2006, "exports_musd")} million in 2006.

## The four together

Taken together, the four bought ${exp_bn[2002]} billion of US goods in 2002 and ${exp_bn[2006]}
billion in 2006, and sold the United States ${imp_bn[2002]} billion and ${imp_bn[2006]} billion of
goods in the same years (our sums). Both flows were at their highest of the five years in 2006, when
the combined US deficit with the four came to ${gap06} billion.

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals 2002–2006,
{CENSUS_URL}. Date of the 2004 enlargement as published by the European Union.
"""
    src = [name]
    q.add("article_fact", "How much did the United States sell to Poland in 2006?",
          mn_forms(f(pl, 2006, "exports_musd")), src)  # fmt: skip
    q.add("comparison", "Which of the four central European countries shipped the most goods to the US each year?",
          [hu], src)  # fmt: skip
    q.add("article_fact", "How big was the US trade gap with Hungary in 2004?", mn_forms(bal(hu, 2004)), src)
    q.add("article_fact", "In percentage terms, how much did American exports to Poland grow from 2002 to 2006?",
          pct_forms(pl_rise), src)  # fmt: skip
    q.add("comparison", "Which country overtook Hungary as the biggest US trading partner of the group in 2006?",
          [pl], src)  # fmt: skip
    q.add("date_definition", "When did Poland, Hungary, Slovakia and the Czech Republic enter the EU?",
          ["1 May 2004", "May 1, 2004"], src)  # fmt: skip
    q.add("follow_up", "And a year later?", mn_forms(f(sk, 2003, "imports_musd")), src,
          history=["How much did the US buy from Slovakia in 2002?"])  # fmt: skip
    q.add("article_fact", "What did the four countries spend on American goods altogether in 2006?",
          bn_forms(exp_bn[2006]), src)  # fmt: skip
    q.miss("How much did the United States export to the Czech Republic in 2004?", name, "year")
    q.miss("What was the US goods trade balance with Slovenia in 2004?", name, "entity")
    q.miss("Why did US imports from Slovakia jump in 2003?", name, "words")
    return name, text


def mexican_states_pdf(data: Path, q: NearMissQuestions) -> tuple[str, str, str, list]:
    """D2. PDF: US surface exports to five Mexican states by truck, rail and pipeline, 2020-2021 (BTS)."""
    name = "us-surface-exports-to-five-mexican-states-2020-2021.pdf"
    years = [2020, 2021]
    five = {"Tamaulipas": "Tamaulipas", "Coahuila": "Coahuila", "Queretaro": "Querétaro",
            "Aguascalientes": "Aguascalientes", "San Luis Potosi": "San Luis Potosí"}  # fmt: skip
    modes = ["Truck", "Rail", "Pipeline"]
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    every: dict[int, float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv"):
        y = int(r["Year"])
        if y in years and r["TradeType"] == "Export":
            every[y] += float(r["TradeValue"])
            if r["MexState"] in five:
                s = five[r["MexState"]]
                v[(s, "all", y)] += float(r["TradeValue"])
                if r["Mode"] in modes:
                    v[(s, r["Mode"], y)] += float(r["TradeValue"])
    st = list(five.values())
    tam, coa, qro, ags, slp = st
    m = {k: mn1(x / 1e6) for k, x in v.items()}

    def mm(s: str, mode: str, y: int) -> str:
        return m.get((s, mode, y), "0.0")

    rise = {s: float(growth(mm(s, "all", 2021), mm(s, "all", 2020))) for s in st}
    tam_rise = growth(mm(tam, "all", 2021), mm(tam, "all", 2020))
    slp_rise = growth(mm(slp, "all", 2021), mm(slp, "all", 2020))
    five_sum = {y: sum(num(mm(s, "all", y)) for s in st) for y in years}
    five_bn = {y: f"{five_sum[y] / 1000:,.2f}" for y in years}
    every_bn = {y: f"{every[y] / 1e9:,.2f}" for y in years}
    share21 = pct(five_sum[2021] / (num(every_bn[2021]) * 1000) * 100)
    ags_rail_share = pct(num(mm(ags, "Rail", 2021)) / num(mm(ags, "all", 2021)) * 100)
    # Tamaulipas the largest of the five in both years, the only one with pipeline exports
    assert all(max(st, key=lambda s: v[(s, "all", y)]) == tam for y in years)
    assert [s for s in st if any(v[(s, "Pipeline", y)] > 0 for y in years)] == [tam]
    assert v[(tam, "Rail", 2021)] / v[(tam, "Rail", 2020)] > 2  # "more than doubled"
    # every state grew; San Luis Potosí the least
    assert all(v[(s, "all", 2021)] > v[(s, "all", 2020)] for s in st)
    assert min(rise, key=rise.get) == slp
    # Aguascalientes: trucks ahead in 2020, rail ahead in 2021, the only one of the five
    assert v[(ags, "Truck", 2020)] > v[(ags, "Rail", 2020)]
    assert [s for s in st if v[(s, "Rail", 2021)] > v[(s, "Truck", 2021)]] == [ags]
    assert v[(qro, "Rail", 2021)] > v[(qro, "Rail", 2020)] * 1.5
    assert max(st, key=lambda s: v[(s, "Rail", 2021)]) == tam
    assert v[(ags, "Rail", 2021)] > v[(qro, "Rail", 2021)]  # Aguascalientes second by rail in 2021
    assert sorted(st, key=lambda s: -v[(s, "Rail", 2021)])[:2] == [tam, ags]
    assert every[2021] > every[2020]

    def share(s: str, mode: str, y: int) -> float:
        return v[(s, mode, y)] / v[(s, "all", y)]

    assert all(share(coa, "Truck", y) > share(tam, "Truck", y) for y in years)  # "even more" on the road
    assert all(min(share(s, "Rail", y) for s in (qro, ags, slp)) > max(share(s, "Rail", y) for s in (tam, coa))
               for y in years)  # fmt: skip
    assert v[(tam, "Rail", 2021)] / v[(tam, "Rail", 2020)] > v[(tam, "Truck", 2021)] / v[(tam, "Truck", 2020)]
    title = "Trucks, trains and a pipeline: US surface exports to five Mexican states, 2020–2021"
    running = f"{PUBLISHER} · US exports to five Mexican states, 2020–2021 · BTS TransBorder"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "The pandemic year and the rebound that followed tested the supply lines between US suppliers and "
            "Mexican factories. The World Health Organization declared COVID-19 a pandemic on 11 March 2020, "
            "according to the WHO. This report follows US exports to five Mexican states in 2020 and 2021: Tamaulipas and Coahuila on the border, and Querétaro, Aguascalientes and San Luis Potosí "
            "further south. The figures are the Bureau of Transportation Statistics' TransBorder data on US "
            "exports to Mexico by the Mexican state they are bound for, which covers surface modes only: truck, "
            "rail and pipeline, plus small amounts by mail and by other or unknown means. Values are converted "
            "to millions of US dollars; state totals include every surface mode, and sums, shares and rates of "
            "change are our own calculations.",
        ),
        ("h2", "Tamaulipas, the biggest of the five"),
        (
            "p",
            f"Tamaulipas received more US goods than any of the other four in both years. Its total went from "
            f"US${mm(tam, 'all', 2020)} million in 2020 to US${mm(tam, 'all', 2021)} million in 2021, a rise of "
            f"{tam_rise} percent by our calculation. Trucks carried most of it, US${mm(tam, 'Truck', 2020)} "
            f"million in 2020 and US${mm(tam, 'Truck', 2021)} million in 2021, but rail grew faster: US rail "
            f"exports to Tamaulipas more than doubled, from US${mm(tam, 'Rail', 2020)} million to "
            f"US${mm(tam, 'Rail', 2021)} million, the most by rail of the five. Tamaulipas was also the only "
            f"one of the five states to receive US exports by pipeline, worth US${mm(tam, 'Pipeline', 2020)} "
            f"million in 2020 and US${mm(tam, 'Pipeline', 2021)} million in 2021.",
        ),
        (
            "p",
            f"Coahuila, next door, depended on the road even more. US exports bound for the state came to "
            f"US${mm(coa, 'all', 2020)} million in 2020 and US${mm(coa, 'all', 2021)} million in 2021, of which "
            f"trucks carried US${mm(coa, 'Truck', 2020)} million in 2020 and US${mm(coa, 'Truck', 2021)} million "
            f"in 2021, and rail US${mm(coa, 'Rail', 2020)} million in 2020.",
        ),
    ]
    page2 = [
        ("h2", "Inland, the railways gain"),
        (
            "p",
            f"The three inland states leaned more on the railways. US exports to Querétaro rose from "
            f"US${mm(qro, 'all', 2020)} million in 2020 to US${mm(qro, 'all', 2021)} million in 2021, and the "
            f"part carried by rail from US${mm(qro, 'Rail', 2020)} million to US${mm(qro, 'Rail', 2021)} "
            f"million. Aguascalientes went further: in 2020 trucks still carried more of its US goods, "
            f"US${mm(ags, 'Truck', 2020)} million against US${mm(ags, 'Rail', 2020)} million by rail, but in 2021 "
            f"rail exports reached US${mm(ags, 'Rail', 2021)} million while trucks carried only "
            f"US${mm(ags, 'Truck', 2021)} million, which made it the only one of the five states where the "
            f"railway moved more US exports than the road. Rail was {ags_rail_share} percent of the state's "
            f"US${mm(ags, 'all', 2021)} million of US exports that year (our calculation). San Luis Potosí had the "
            f"weakest rebound of the five: its US exports grew only {slp_rise} percent, from "
            f"US${mm(slp, 'all', 2020)} million to US${mm(slp, 'all', 2021)} million, although rail rose from "
            f"US${mm(slp, 'Rail', 2020)} million to US${mm(slp, 'Rail', 2021)} million and trucks still carried "
            f"US${mm(slp, 'Truck', 2021)} million in 2021.",
        ),
        ("h2", "The five together"),
        (
            "p",
            f"Together the five states took ${five_bn[2020]} billion of US surface exports in 2020 and "
            f"${five_bn[2021]} billion in 2021, out of ${every_bn[2020]} billion and ${every_bn[2021]} billion "
            f"bound for all Mexican states, so that they received {share21} percent of the total in 2021 (our "
            "sums and share).",
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US exports to Mexico "
            "by Mexican state of destination and mode, surface modes, annual 2020–2021 (raw data downloaded "
            "2026-03-21, aggregated by the University of North Texas for TxDOT; file "
            f"bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv), {BTS_URL}. Pandemic "
            "declaration date as announced by the World Health Organization.",
        ),
    ]
    src = [name]
    q.add("article_fact", "What was the value of US goods sent overland to Tamaulipas in 2021?",
          mn_forms(mm(tam, "all", 2021)), src)  # fmt: skip
    q.add("comparison", "In which of the five states did more US exports go by train than by truck in 2021?",
          [ags], src)  # fmt: skip
    q.add("article_fact", "How much did the US ship to Querétaro by rail in 2021?", mn_forms(mm(qro, "Rail", 2021)),
          src)  # fmt: skip
    q.add("comparison", "Which of these Mexican states saw the smallest recovery in US shipments in 2021?",
          [slp, "San Luis Potosi"], src)  # fmt: skip
    q.add("article_fact", "What fraction of US surface exports to Mexico went to the five states in 2021?",
          pct_forms(share21), src)  # fmt: skip
    q.add("follow_up", "What about the next year?", mn_forms(mm(coa, "Truck", 2021)), src,
          history=["How much did the US export by truck to Coahuila in 2020?"])  # fmt: skip
    q.add("date_definition", "When did the WHO declare COVID-19 a pandemic?", ["11 March 2020", "March 11, 2020"],
          src)  # fmt: skip
    q.add("article_fact", "What were US pipeline exports to Tamaulipas worth in 2020?",
          mn_forms(mm(tam, "Pipeline", 2020)), src)  # fmt: skip
    q.miss("How much did Tamaulipas sell to the United States in 2021?", name, "flow")
    q.miss("How much did US trucks carry to San Luis Potosí in 2020?", name, "year")
    q.miss("How much of the US freight bound for Coahuila crossed at Eagle Pass in 2021?", name, "breakdown")
    return name, title, running, [page1, page2]


# =============================================================================================
# TEST documents
# =============================================================================================


def gulf_fdi_html(data: Path, q: NearMissQuestions) -> tuple[str, str]:
    """T1. HTML: FDI in five Gulf and Yucatán peninsula states quarter by quarter, 1999-2000 (Secretaría de Economía)."""
    name = "foreign-investment-in-mexicos-gulf-and-yucatan-states-1999-2000.html"
    years = [1999, 2000]
    five = {"Veracruz de Ignacio de la Llave": "Veracruz", "Tabasco": "Tabasco", "Campeche": "Campeche",
            "Yucatán": "Yucatán", "Quintana Roo": "Quintana Roo"}  # fmt: skip
    v: dict[tuple[str, int, int], float] = {}
    nat: dict[int, float] = defaultdict(float)
    by_state: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        y = int(r["year"])
        if y in years:
            nat[y] += float(r["fdi_musd"])
            by_state[(r["entidad"], y)] += float(r["fdi_musd"])
            if r["entidad"] in five:
                v[(five[r["entidad"]], y, int(r["quarter"]) - 1)] = float(r["fdi_musd"])
    st = list(five.values())
    assert len(v) == len(st) * len(years) * 4
    # "most of the foreign money went to the capital and the northern border"
    north = ["Ciudad de México", "Baja California", "Sonora", "Chihuahua", "Coahuila de Zaragoza", "Nuevo León",
             "Tamaulipas"]  # fmt: skip
    assert all(sum(by_state[(e, y)] for e in north) > nat[y] / 2 for y in years)
    m = {k: mn1(x) for k, x in v.items()}
    yr = {(s, y): sum(num(m[(s, y, k)]) for k in range(4)) for s in st for y in years}
    ys = {k: mn1(x) for k, x in yr.items()}
    ver, tab, cam, yuc, qroo = st
    five_yr = {y: sum(yr[(s, y)] for s in st) for y in years}
    nat00 = mn1(nat[2000])
    share00 = pct(five_yr[2000] / num(nat00) * 100)
    ver_h2 = mn1(num(m[(ver, 2000, 2)]) + num(m[(ver, 2000, 3)]))
    neg = {s: [(y, k) for y in years for k in range(4) if v[(s, y, k)] < 0] for s in st}
    # every state had a quarter of net outflow; in 2000 all but Quintana Roo
    assert all(neg[s] for s in st)
    assert neg[tab] == [(1999, 3), (2000, 1), (2000, 2)]
    assert [s for s in st if not any(y == 2000 for y, _ in neg[s])] == [qroo]
    assert [s for s in st if v[(s, 2000, 1)] < 0] == [ver, tab, cam, yuc]
    assert neg[qroo] == [(1999, 2)] and neg[ver] == [(1999, 2), (2000, 1)]
    assert neg[cam] == [(2000, 1)] and neg[yuc] == [(2000, 1)]
    # Quintana Roo the largest in 1999, Veracruz in 2000; Campeche the smallest in both
    assert max(st, key=lambda s: yr[(s, 1999)]) == qroo and max(st, key=lambda s: yr[(s, 2000)]) == ver
    assert all(min(st, key=lambda s: yr[(s, y)]) == cam for y in years)
    assert [s for s in st if yr[(s, 2000)] < yr[(s, 1999)]] == [cam]
    # Veracruz's last quarter of 2000 the largest single quarter of any state in the two years
    top = max(v, key=v.get)
    assert top == (ver, 2000, 3)
    assert 5 < yr[(ver, 2000)] / yr[(ver, 1999)] < 6  # "more than five times"
    assert max(range(4), key=lambda k: v[(qroo, 2000, k)]) == 2
    assert max(range(4), key=lambda k: v[(tab, 2000, k)]) == 3
    title = "Oil, ports and beaches: foreign investment in Mexico's Gulf and Yucatán states, 1999–2000"
    body = [
        "<p>Most of the foreign money that came to Mexico at the turn of the century went to the capital and "
        "the northern border, but the states of the Gulf of Mexico and the Yucatán peninsula, with their oil "
        "fields, ports and resorts, drew their share too. This article follows five of them quarter by quarter "
        "through 1999 and 2000: Veracruz (listed by the Secretaría de Economía as Veracruz de Ignacio de la "
        "Llave), Tabasco, Campeche, Yucatán and Quintana Roo. The figures are the Secretaría de Economía's "
        "foreign direct investment (FDI) flows by state, in millions of US dollars, in the May 2018 vintage; "
        "a negative quarter is a net outflow. Annual and five-state totals, shares and ratios are our own "
        "sums of the quarterly figures. The period ends with a new opening to Europe: the free trade "
        "agreement between the European Union and Mexico entered into force on 1 July 2000, according to the "
        "European Commission.</p>",
        "<h2>Quintana Roo, the resort coast</h2>",
        f"<p>Quintana Roo received more foreign investment than any of the other four in 1999, "
        f"US${ys[(qroo, 1999)]} million, starting with US${m[(qroo, 1999, 0)]} million in the first quarter; "
        f"its only quarter of net outflow in the two years was the third of 1999, at a mere minus "
        f"US${mn1(abs(v[(qroo, 1999, 2)]))} million. In 2000 its inflow rose to US${ys[(qroo, 2000)]} million, "
        f"with US${m[(qroo, 2000, 2)]} million in the third quarter alone, and it was the only one of the five "
        f"with no outflow in any quarter of that year: in the second quarter of 2000, when it took in "
        f"US${m[(qroo, 2000, 1)]} million, the other four all recorded net outflows.</p>",
        "<h2>Veracruz's year-end surge</h2>",
        f"<p>Veracruz had a bumpy 1999, with US${m[(ver, 1999, 0)]} million in the first quarter and minus "
        f"US${mn1(abs(v[(ver, 1999, 2)]))} million in the third, for US${ys[(ver, 1999)]} million over the year. "
        f"The second quarter of 2000 brought another outflow, minus US${mn1(abs(v[(ver, 2000, 1)]))} million, "
        f"but the last three months of 2000 brought US${m[(ver, 2000, 3)]} million, the largest single quarter "
        f"of any of the five states in the two years. Veracruz ended 2000 with US${ys[(ver, 2000)]} million, "
        f"the most of the five and more than five times its 1999 total, and US${ver_h2} million of it arrived "
        "in the second half of the year (our sums).</p>",
        "<h2>Yucatán, Tabasco and Campeche</h2>",
        f"<p>Yucatán took in US${ys[(yuc, 1999)]} million in 1999 and US${ys[(yuc, 2000)]} million in 2000, "
        f"despite an outflow of minus US${mn1(abs(v[(yuc, 2000, 1)]))} million in the second quarter of 2000. "
        f"Tabasco, the oil state, received US${ys[(tab, 1999)]} million in 1999; after small outflows in the "
        f"second and third quarters of 2000, a fourth quarter of US${m[(tab, 2000, 3)]} million lifted its "
        f"year to US${ys[(tab, 2000)]} million. Campeche was the smallest of the five in both years and the "
        f"only one whose inflow fell, from US${ys[(cam, 1999)]} million in 1999 to US${ys[(cam, 2000)]} million "
        f"in 2000, even with US${m[(cam, 2000, 3)]} million in the fourth quarter of 2000 after minus "
        f"US${mn1(abs(v[(cam, 2000, 1)]))} million in the second.</p>",
        "<h2>The region's weight</h2>",
        f"<p>The five states together received US${mn1(five_yr[1999])} million in 1999 and "
        f"US${mn1(five_yr[2000])} million in 2000. Against the US${nat00} million of FDI recorded for all 32 "
        f"states in 2000, that was {share00} percent of the national total (our sums and share).</p>",
    ]
    page = byline_page(
        title,
        "Investment",
        f"the {PUBLISHER} desk",
        body,
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        f'se_mexico_fdi_by_state_quarterly_1999_2017.csv), 1999–2000, <a href="{SE_URL}">{SE_URL}</a>. '
        "Entry into force of the EU–Mexico free trade agreement as announced by the European Commission.",
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    src = [name]
    q.add("article_fact", "How much foreign direct investment went to Quintana Roo in 2000?",
          mn_forms(ys[(qroo, 2000)]), src)  # fmt: skip
    q.add("comparison", "Of the five Gulf and Yucatán states, which got the least foreign investment in 2000?", [cam],
          src)  # fmt: skip
    q.add("article_fact", "How much foreign investment arrived in Tabasco in the last three months of 2000?",
          mn_forms(m[(tab, 2000, 3)]), src)  # fmt: skip
    q.add("comparison", "Which state was the only one of the five without a net FDI outflow in any quarter of 2000?",
          [qroo], src)  # fmt: skip
    q.add("article_fact", "What percentage of Mexico's FDI in 2000 did these five states receive?", pct_forms(share00),
          src)  # fmt: skip
    q.add("follow_up", "And the following year?", mn_forms(ys[(tab, 2000)]), src,
          history=["How much foreign direct investment did Tabasco get in 1999?"])  # fmt: skip
    q.add("date_definition", "When did the EU-Mexico free trade agreement take effect?",
          ["1 July 2000", "July 1, 2000"], src)  # fmt: skip
    q.add("article_fact", "How much foreign capital flowed into Veracruz over the whole of 2000?",
          mn_forms(ys[(ver, 2000)]), src)  # fmt: skip
    q.miss("How much FDI did Campeche receive in the third quarter of 2000?", name, "year")
    q.miss("What foreign direct investment did Chiapas attract in 2000?", name, "entity")
    q.miss("Why did foreign investment in Veracruz surge at the end of 2000?", name, "words")
    return name, page


def cotton_docx(data: Path, q: NearMissQuestions) -> tuple[str, str, list]:
    """T2. DOCX: US exports of HS 52 and 55 to Pakistan, Vietnam, Turkey, Bangladesh and Honduras, 2020/2022/2024 (USITC)."""
    name = "us-cotton-and-synthetic-fibre-exports-to-five-textile-makers-2020-2024.docx"
    chapters = ["52", "55"]
    buyers = ["Pakistan", "Vietnam", "Turkey", "Bangladesh", "Honduras"]
    all_years = [2020, 2021, 2022, 2023, 2024]
    years = [2020, 2022, 2024]
    v: dict[tuple[str, str, int], float] = {}
    world: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["hs2"].zfill(2) in chapters:
            h = r["hs2"].zfill(2)
            for y in all_years:
                world[(h, y)] += float(r[f"fas_usd_{y}"])
                if r["country"] in buyers:
                    v[(h, r["country"], y)] = float(r[f"fas_usd_{y}"])
    assert len(v) == len(chapters) * len(buyers) * len(all_years)
    mm = {k: mn1(x / 1e6) for k, x in v.items()}
    pk, vn, tr, bd, hn = buyers
    # cotton: Vietnam first in 2020 and 2022, Pakistan first from 2023; Bangladesh last in every year shown
    top52 = {y: max(buyers, key=lambda c: v[("52", c, y)]) for y in all_years}
    assert top52[2020] == top52[2022] == vn and top52[2023] == top52[2024] == pk
    assert all(min(buyers, key=lambda c: v[("52", c, y)]) == bd for y in years)
    assert [c for c in buyers if v[("52", c, 2024)] > v[("52", c, 2020)]] == [hn]
    assert all(max(all_years, key=lambda y: v[("52", c, y)]) == 2022 for c in (pk, tr, bd, hn))
    vn_fall = pct((num(mm[("52", vn, 2020)]) - num(mm[("52", vn, 2024)])) / num(mm[("52", vn, 2020)]) * 100)
    falls = {c: v[("52", c, 2024)] / v[("52", c, 2022)] for c in buyers}
    assert min(falls, key=falls.get) == tr
    tr_fall = pct((num(mm[("52", tr, 2022)]) - num(mm[("52", tr, 2024)])) / num(mm[("52", tr, 2022)]) * 100)
    # man-made staple fibres: Honduras more than the other four together; Vietnam the only steady riser
    assert all(v[("55", hn, y)] > sum(v[("55", c, y)] for c in buyers if c != hn) for y in all_years)
    risers = [c for c in buyers if all(v[("55", c, a)] < v[("55", c, a + 1)] for a in all_years[:-1])]
    assert risers == [vn]
    assert max(all_years, key=lambda y: v[("55", hn, y)]) == 2022
    # both chapters together in 2022: Honduras first of the five
    both22 = {c: num(mm[("52", c, 2022)]) + num(mm[("55", c, 2022)]) for c in buyers}
    assert max(both22, key=both22.get) == hn
    hn_both22 = mn1(both22[hn])
    world52 = {y: mn1(world[("52", y)] / 1e6) for y in all_years}
    assert max(all_years, key=lambda y: world[("52", y)]) == 2022
    five52_24 = sum(num(mm[("52", c, 2024)]) for c in buyers)
    share24 = pct(five52_24 / num(world52[2024]) * 100)
    title = "Yarn for the world's sewing rooms: US cotton and synthetic fibre exports to five textile makers, 2020–2024"
    paragraphs = [
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "American cotton is spun, woven and sewn far from the fields where it grows, and the markets that buy "
            "it show how the clothing supply chain moved in the early 2020s. This report looks at five of them: "
            "Pakistan, Vietnam, Turkey and Bangladesh, with their large spinning and garment industries, and "
            "Honduras, one of the Central American apparel makers that sew for the US market. It compares US exports in "
            "two chapters of the Harmonized System, cotton including cotton yarn and woven cotton fabric "
            "(chapter 52) and man-made staple fibres with their yarns and fabrics (chapter 55), in 2020, 2022 "
            "and 2024. Values are total US exports at F.A.S. value from the US International Trade Commission's "
            "DataWeb, converted to millions of US dollars; sums, shares and rates of change are our own "
            "calculations. One rule bore on the trade in these years: US Customs and Border Protection began "
            "enforcing the Uyghur Forced Labor Prevention Act on 21 June 2022, according to the agency, which "
            "presumes that goods made wholly or in part in China's Xinjiang region were made with forced labour.",
        ),
        ("h1", "Cotton"),
        (
            "p",
            f"Vietnam was the largest buyer of US cotton among the five in 2020, at US${mm[('52', vn, 2020)]} "
            f"million, and still in 2022, at US${mm[('52', vn, 2022)]} million, but its purchases shrank to "
            f"US${mm[('52', vn, 2024)]} million in 2024, {vn_fall} percent less than in 2020 by our calculation. "
            f"Pakistan took the lead in 2023: it bought US${mm[('52', pk, 2020)]} million in 2020, "
            f"US${mm[('52', pk, 2022)]} million in 2022 and US${mm[('52', pk, 2024)]} million in 2024, the most "
            f"of the five that year. Turkey's purchases fell furthest after 2022: having risen from US${mm[('52', tr, 2020)]} "
            f"million in 2020 to US${mm[('52', tr, 2022)]} million in 2022, they dropped to US${mm[('52', tr, 2024)]} million in "
            f"2024, a fall of {tr_fall} percent in two years. Bangladesh was the smallest of the five buyers in "
            f"each year shown, with US${mm[('52', bd, 2020)]} million in 2020, US${mm[('52', bd, 2022)]} million "
            f"in 2022 and US${mm[('52', bd, 2024)]} million in 2024. Honduras went against the trend: it bought "
            f"US${mm[('52', hn, 2020)]} million in 2020, US${mm[('52', hn, 2022)]} million in 2022 and "
            f"US${mm[('52', hn, 2024)]} million in 2024, and was the only one of the five to buy more American "
            "cotton in 2024 than in 2020.",
        ),
        ("h1", "Man-made staple fibres"),
        (
            "p",
            f"In chapter 55 Honduras was in a class of its own, buying more than the other four together in every "
            f"year: US${mm[('55', hn, 2020)]} million in 2020, US${mm[('55', hn, 2022)]} million in 2022 and "
            f"US${mm[('55', hn, 2024)]} million in 2024. Vietnam was the only one of the five whose purchases "
            f"grew every year from 2020 to 2024, from US${mm[('55', vn, 2020)]} million to "
            f"US${mm[('55', vn, 2024)]} million. The three others bought little: in 2024 Pakistan took "
            f"US${mm[('55', pk, 2024)]} million, Bangladesh US${mm[('55', bd, 2024)]} million and Turkey "
            f"US${mm[('55', tr, 2024)]} million of American man-made staple fibres.",
        ),
        ("h1", "The whole market"),
        (
            "p",
            f"Counting both chapters, Honduras bought US${hn_both22} million of US cotton and man-made staple "
            "fibres in 2022 (our sum), more than any of the other four. US cotton exports to all countries "
            f"reached US${world52[2022]} million in 2022, up from US${world52[2020]} million in 2020, before "
            f"falling to US${world52[2024]} million in 2024 (our sums across all partners); that year the five "
            f"markets in this report took {share24} percent of them (our calculation).",
        ),
        ("h1", "Sources"),
        (
            "p",
            "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and "
            "country, 2020–2024, chapters 52 and 55 (downloaded 2025-08-07; file "
            f"usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), {USITC_URL}. Start of the Uyghur "
            "Forced Labor Prevention Act's enforcement as announced by U.S. Customs and Border Protection.",
        ),
    ]
    src = [name]
    q.add("article_fact", "How much American cotton did Vietnam import in 2024?", mn_forms(mm[("52", vn, 2024)]), src)
    q.add("comparison", "Which of the five countries was the top buyer of US cotton in 2024?", [pk], src)
    q.add("article_fact", "By how many percent did Turkey's purchases of US cotton drop between 2022 and 2024?",
          pct_forms(tr_fall), src)  # fmt: skip
    q.add("comparison", "Which country bought more cotton from the US in 2024 than in 2020?", [hn], src)
    q.add("article_fact", "What were US sales of man-made staple fibres to Honduras in 2022?",
          mn_forms(mm[("55", hn, 2022)]), src)  # fmt: skip
    q.add("follow_up", "And in 2024?", mn_forms(mm[("55", vn, 2024)]), src,
          history=["How much did Vietnam spend on US synthetic staple fibres in 2020?"])  # fmt: skip
    q.add("date_definition", "When did enforcement of the Uyghur Forced Labor Prevention Act begin?",
          ["21 June 2022", "June 21, 2022"], src)  # fmt: skip
    q.add("article_fact", "What was the total value of US cotton exports to all countries in 2022?",
          mn_forms(world52[2022]), src)  # fmt: skip
    q.miss("How much cotton did the United States export to Bangladesh in 2021?", name, "year")
    q.miss("How much cotton did the United States import from Pakistan in 2024?", name, "flow")
    q.miss("How many tonnes of cotton did the US ship to Vietnam in 2022?", name, "measure")
    return name, title, paragraphs


# =============================================================================================


def main() -> None:
    write_split_set(
        NearMissQuestions("fresh8"),
        [visegrad_md, mexican_states_pdf],
        [gulf_fdi_html, cotton_docx],
        OUT,
        PARTS,
        __doc__.splitlines()[0],
        8,
    )


if __name__ == "__main__":
    main()
