"""Write the seventh fresh evaluation set (eval/documents-fresh7/) and its questions (eval/parts/fresh7.jsonl).

    python scripts/make_fresh7_documents.py [--data ../shared/data/trade]

A prose set, "set": "fresh7", written like fresh6 (articles asked text questions in an analyst's
own words, several entities and measures to a paragraph, comparisons said in words, figures in
prose and no table), on facts no other set or the corpus uses, written blind to how the answerer
behaves. Split BY DOCUMENT: the first two documents are the dev part, the last two the test part
(report only). Dev: US goods trade with Sweden, Norway, Denmark and Finland, 1995-1999 (Census);
US-Canada freight by mode, 2016-2018 (BTS; the corpus has only the all-mode Canada totals). Test:
FDI in five Pacific Mexican states quarter by quarter, 2010-2012 (Secretaría de Economía; the
corpus's state FDI table starts in 2013); US exports of organic chemicals and miscellaneous
chemical products (HS 29 and 38) to Belgium, the Netherlands, Brazil and Switzerland, 2020, 2022
and 2024 (USITC).

Each part has its answered questions (ids fresh7-NN) and six near misses written with the
documents (ids fresh7-uNN, a ``near`` document and the kind of ``miss``, encoded like fresh6's
hand-written ones): an entity and a year both in the document but never paired, another flow,
another measure or place, or a when/why the text never states.

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The few facts that are
not data (Finland's and Sweden's accession to the European Union, the end of Canada's exemption
from the US steel and aluminium tariffs) are each attributed in the article to whoever announced
them. The checks and writers are those of eval_documents.py (finish) and make_eval_documents.py
(reproducible DOCX). This set's questions are written to its part file only: merging them into
eval/questions.jsonl is left to build_eval.py.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
import eval_documents  # noqa: E402
from eval_documents import (  # noqa: E402
    Questions,
    SetWriter,
    bn,
    bn_forms,
    census_annual,
    census_balance,
    census_figure,
    finish,
    mn1,
    mn_forms,
    num,
    other_sets_text,
    pct,
    pct_forms,
    rows,
    sets_before,
    trade_data_argument,
)
from eval_documents import wrap_keeping_hyphens as wrap  # noqa: E402
from make_fresh3_documents import USITC_URL, byline_page  # noqa: E402
from make_fresh6_documents import growth  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh7"
PARTS = ROOT / "eval" / "parts" / "fresh7.jsonl"
PUBLISHER = "nearshore-qa"
SE_URL = "https://datos.gob.mx"
# This set's publication date (the DOCX and PDF writers keep their own fixed metadata dates).
DATE_ISO = "2026-12-01"
DATE_LONG = "1 December 2026"


class NearMissQuestions(Questions):
    """fresh6's Questions, plus near misses: unanswerable questions about what a document nearly
    says (ids ``<name>-uNN``, with the ``near`` document and the kind of ``miss``), kept apart so
    that the answered questions keep their running ids, and put after their part's questions."""

    def __init__(self, name: str) -> None:
        super().__init__(name, blank_unanswerable=True)
        self.misses: list[dict] = []

    def miss(self, question: str, near: str, miss: str) -> None:
        self.misses.append({
            "id": f"{self.name}-u{len(self.misses) + 1:02d}",
            "question": question,
            "expected": [],
            "sources": [],
            "kind": "unanswerable",
            "split": self.split,
            "set": self.name,
            "near": near,
            "miss": miss,
        })  # fmt: skip

    def in_order(self) -> list[dict]:
        return [i for s in ("dev", "test") for i in [*self.items, *self.misses] if i["split"] == s]


# =============================================================================================
# DEV documents
# =============================================================================================


def nordic_md(data: Path, q: NearMissQuestions) -> tuple[str, str]:
    """D1. MD: US goods trade with Sweden, Norway, Denmark and Finland, 1995-1999 (Census annual)."""
    name = "us-goods-trade-with-the-nordic-countries-1995-1999.md"
    four = ["Sweden", "Norway", "Denmark", "Finland"]
    years = [1995, 1996, 1997, 1998, 1999]
    t, _ = census_annual(data, four, years)

    f = partial(census_figure, t)
    bal = partial(census_balance, t)  # the size of a balance, its sign said in words

    exp = {y: sum(num(f(c, y, "exports_musd")) for c in four) for y in years}
    imp = {y: sum(num(f(c, y, "imports_musd")) for c in four) for y in years}
    exp_bn = {y: f"{exp[y] / 1000:,.2f}" for y in years}
    imp_bn = {y: f"{imp[y] / 1000:,.2f}" for y in years}
    se_share99 = pct(num(f("Sweden", 1999, "imports_musd")) / imp[1999] * 100)
    se_exp_rise = growth(f("Sweden", 1999, "exports_musd"), f("Sweden", 1995, "exports_musd"))
    fi_jump = growth(f("Finland", 1996, "exports_musd"), f("Finland", 1995, "exports_musd"))
    # Sweden the largest partner both ways in every year
    assert all(
        max(four, key=lambda c: t[(c, y)][k]) == "Sweden" for y in years for k in ("exports_musd", "imports_musd")
    )
    assert max(years, key=lambda y: -t[("Sweden", y)]["balance_musd"]) == 1998
    surpluses = [(c, y) for c in four for y in years if t[(c, y)]["balance_musd"] > 0]
    assert surpluses == [("Finland", 1996)]
    assert max(years, key=lambda y: t[("Finland", y)]["exports_musd"]) == 1996
    no_imp = [t[("Norway", y)]["imports_musd"] for y in years]
    assert min(years, key=lambda y: t[("Norway", y)]["imports_musd"]) == 1998 and no_imp[-1] == max(no_imp)
    assert max(years, key=lambda y: t[("Norway", y)]["exports_musd"]) == 1997
    smallest_gap = {y: min(four, key=lambda c: -t[(c, y)]["balance_musd"]) for y in years}
    assert [smallest_gap[y] for y in (1995, 1997, 1998, 1999)] == ["Denmark"] * 4
    assert max(years, key=lambda y: imp[y]) == 1999
    se_gain = {k: t[("Sweden", 1999)][k] - t[("Sweden", 1995)][k] for k in ("exports_musd", "imports_musd")}
    assert se_gain["imports_musd"] > se_gain["exports_musd"]
    assert 2 < t[("Denmark", 1999)]["balance_musd"] / t[("Denmark", 1998)]["balance_musd"] < 2.2
    dk_imp_rise = growth(f("Denmark", 1999, "imports_musd"), f("Denmark", 1998, "imports_musd"))
    text = f"""---
title: "The northern flank: US goods trade with Sweden, Norway, Denmark and Finland, 1995–1999"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "1995–1999 (calendar years)"
---
# The northern flank: US goods trade with the four Nordic economies, 1995–1999

While the first years of NAFTA were pulling American supply chains south towards Mexico, the
United States kept a steady and lopsided trade with four small, rich economies in northern
Europe: Sweden, Norway, Denmark and Finland. This article follows them from 1995 to 1999 using
the U.S. Census Bureau's goods trade figures in millions of US dollars (exports at F.A.S. value,
general imports at customs value). A balance is exports less imports, so a negative one is a US
deficit. Combined figures for the four, shares and rates of change are our own calculations from
the Census country totals.

## Sweden, the biggest partner

Sweden was the largest of the four in both directions in every one of these years. American
sales there climbed from US${f("Sweden", 1995, "exports_musd")} million in 1995 to
US${f("Sweden", 1999, "exports_musd")} million in 1999, a rise of {se_exp_rise} percent by our calculation,
but Swedish goods sold in the United States rose by more in dollars, from US${f("Sweden", 1995, "imports_musd")}
million to US${f("Sweden", 1999, "imports_musd")} million. The US deficit with Sweden was at its widest in
1998, at US${bal("Sweden", 1998)} million, and in 1999 Sweden alone supplied {se_share99} percent of
what the United States bought from the four (our calculation).

## Finland's one good year

Finland and Sweden joined the European Union on 1 January 1995, according to the European Union,
while Norway stayed outside. For American exporters Finland produced the one surprise of the
period: US sales there jumped from US${f("Finland", 1995, "exports_musd")} million in 1995 to
US${f("Finland", 1996, "exports_musd")} million in 1996, up {fi_jump} percent, and 1996 became the only year
in which the United States sold any of the four more than it bought, with a small surplus of
US${bal("Finland", 1996)} million with Finland. The jump did not last: exports to Finland fell back to
US${f("Finland", 1997, "exports_musd")} million in 1997, and by 1999 the US deficit with Finland had
grown to US${bal("Finland", 1999)} million.

## Norway and Denmark

Norway's sales to the United States went up and down. They rose from
US${f("Norway", 1995, "imports_musd")} million in 1995 to US${f("Norway", 1996, "imports_musd")} million in 1996,
dropped to a low of US${f("Norway", 1998, "imports_musd")} million in 1998 and recovered to a high of
US${f("Norway", 1999, "imports_musd")} million in 1999, while US exports to Norway peaked in 1997 at
US${f("Norway", 1997, "exports_musd")} million. Denmark was the most balanced of the four partners: the
US deficit with Denmark was the smallest of the four in every year except 1996, only
US${bal("Denmark", 1997)} million in 1997, although it more than doubled between 1998 and 1999, to
US${bal("Denmark", 1999)} million, as imports from Denmark rose {dk_imp_rise} percent in a single year, to
US${f("Denmark", 1999, "imports_musd")} million.

## The four together

Taken together, the four Nordic economies bought ${exp_bn[1995]} billion of US goods in 1995 and
${exp_bn[1999]} billion in 1999, and sold the United States ${imp_bn[1995]} billion and
${imp_bn[1999]} billion of goods in the same years (our sums); what the United States bought from them
was higher in 1999 than in any other year of the five.

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals 1995–1999,
{CENSUS_URL}. Date of Finland's and Sweden's accession as published by the European Union.
"""
    src = [name]
    q.add("article_fact", "What was the value of American goods shipped to Sweden in 1999?",
          mn_forms(f("Sweden", 1999, "exports_musd")), src)  # fmt: skip
    q.add("comparison", "Which Nordic country gave the United States its only goods trade surplus among the four "
          "between 1995 and 1999?", ["Finland"], src)  # fmt: skip
    q.add("article_fact", "How much did Americans spend on Norwegian goods in 1998?",
          mn_forms(f("Norway", 1998, "imports_musd")), src)  # fmt: skip
    q.add("comparison", "With which of the four did the US run the narrowest trade gap in most of these years?",
          ["Denmark"], src)  # fmt: skip
    q.add("article_fact", "By what percentage did US exports to Finland increase from 1995 to 1996?",
          pct_forms(fi_jump), src)  # fmt: skip
    q.add("date_definition", "When did Sweden and Finland become members of the European Union?",
          ["1 January 1995", "January 1, 1995"], src)  # fmt: skip
    q.add("article_fact", "What did Sweden, Norway, Denmark and Finland buy from the US altogether in 1999?",
          bn_forms(exp_bn[1999]), src)  # fmt: skip
    q.add("date_definition", "Why does the Nordic article single out 1996 in US trade with Finland?",
          ["surplus"], src)  # fmt: skip
    q.miss("How much did the United States export to Denmark in 1996?", name, "year")
    q.miss("What was the US trade balance with Iceland in 1997?", name, "entity")
    q.miss("Why did imports from Norway fall in 1998?", name, "words")
    return name, text


def canada_modes_txt(data: Path, q: NearMissQuestions) -> tuple[str, str]:
    """D2. TXT: US-Canada freight by mode, 2016-2018 (BTS TransBorder annual by mode)."""
    name = "us-canada-freight-by-truck-rail-pipeline-and-ship-2016-2018.txt"
    years = [2016, 2017, 2018]
    modes = ["Truck", "Rail", "Pipeline", "Vessel", "Air", "Other/Unknown"]
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv"):
        y = int(r["Year"])
        if r["Country"] == "Canada" and y in years:
            v[("all", r["TradeType"], y)] += float(r["TradeValue"])
            if r["Mode"] in modes:
                v[(r["Mode"], r["TradeType"], y)] += float(r["TradeValue"])
    b = {k: bn(x) for k, x in v.items()}
    exp, imp = "Export", "Import"
    pipe_rise = growth(b[("Pipeline", imp, 2018)], b[("Pipeline", imp, 2016)])
    rises = {m: float(growth(b[(m, imp, 2018)], b[(m, imp, 2016)])) for m in modes}
    assert max(rises, key=rises.get) == "Pipeline"
    truck_share18 = pct(num(b[("Truck", exp, 2018)]) / num(b[("all", exp, 2018)]) * 100)
    vessel_x = v[("Vessel", exp, 2018)] / v[("Vessel", exp, 2017)]
    assert 1.5 < vessel_x < 2 and v[("Vessel", exp, 2018)] / v[("Vessel", exp, 2016)] > 2
    surplus_modes = [m for m in modes if all(v[(m, exp, y)] > v[(m, imp, y)] for y in years)]
    changes = {(m, k): v[(m, k, 2018)] / v[(m, k, 2016)] for m in modes for k in (exp, imp)}
    assert max(changes, key=changes.get) == ("Vessel", exp)
    assert surplus_modes == ["Truck", "Air", "Other/Unknown"]
    assert all(v[("Rail", imp, y)] > v[("Pipeline", imp, y)] for y in years)
    assert all(max(modes, key=lambda m: v[(m, imp, y)]) == "Truck" for y in years)
    assert all(v[("Truck", exp, a)] < v[("Truck", exp, b_)] for a, b_ in ((2016, 2017), (2017, 2018)))
    rail18 = f"{num(b[('Rail', exp, 2018)]) + num(b[('Rail', imp, 2018)]):,.2f}"
    lines = [
        "TRUCKS, TRAINS AND PIPES: HOW US-CANADA FREIGHT MOVED, 2016-2018",
        "Source: Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data, US trade "
        "with Canada by mode of transportation, compiled by the University of North Texas for TxDOT",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "",
        wrap(
            "The nearshoring story is usually told at the southern border, but the northern one carries a "
            "different mix of freight. This note follows US trade with Canada by mode of transportation over "
            "2016, 2017 and 2018, the years in which the two countries and Mexico renegotiated NAFTA. The BTS "
            "TransBorder data record the mode by which a shipment crossed the border or left or entered the "
            "country: truck, rail, pipeline, vessel, air, mail and foreign trade zones, plus a large group of "
            "other or unknown modes. Values are in US dollars; exports are US goods bound for Canada, imports "
            "are Canadian goods entering the United States. Sums, shares and percentage changes are our own "
            "calculations."
        ),
        "",
        "THE ROAD STILL CARRIES MOST",
        "",
        wrap(
            f"Trucks moved more freight than any other mode in each of the three years. US exports by truck "
            f"grew every year, from US${b[('Truck', exp, 2016)]} billion in 2016 to US${b[('Truck', exp, 2017)]} "
            f"billion in 2017 and US${b[('Truck', exp, 2018)]} billion in 2018, when they made up {truck_share18} "
            f"percent of all US exports to Canada by our calculation. Canadian goods arriving by truck rose more "
            f"slowly, to US${b[('Truck', imp, 2018)]} billion in 2018 from US${b[('Truck', imp, 2016)]} billion "
            f"in 2016. Trucks, air freight and the other or unknown modes were the three in which the United "
            f"States shipped more north than it received in every year; air exports reached "
            f"US${b[('Air', exp, 2018)]} billion in 2018 against air imports of US${b[('Air', imp, 2018)]} billion."
        ),
        "",
        "OIL BY PIPE AND BY TRAIN",
        "",
        wrap(
            f"Most of the rest of what Canada sold the United States came by pipeline and rail, and pipeline "
            f"imports grew fastest of all. Pipeline imports, mostly oil and gas, climbed from "
            f"US${b[('Pipeline', imp, 2016)]} billion in 2016 to US${b[('Pipeline', imp, 2017)]} billion in 2017 "
            f"and US${b[('Pipeline', imp, 2018)]} billion in 2018, a rise of {pipe_rise} percent over two years "
            f"and the fastest of any mode. Rail imports still exceeded them in each year, reaching "
            f"US${b[('Rail', imp, 2018)]} billion in 2018, while US rail exports to Canada grew from "
            f"US${b[('Rail', exp, 2016)]} billion in 2016 to US${b[('Rail', exp, 2018)]} billion, so that trade "
            f"by rail in both directions came to US${rail18} billion in 2018 (our sum). US pipeline exports to "
            f"Canada were much smaller, US${b[('Pipeline', exp, 2018)]} billion in 2018."
        ),
        "",
        "THE SHIPPING SURGE OF 2018",
        "",
        wrap(
            f"Shipments by sea changed the most in relative terms. US exports to Canada by vessel were "
            f"US${b[('Vessel', exp, 2016)]} billion in 2016 and US${b[('Vessel', exp, 2017)]} billion in 2017, then "
            f"jumped to US${b[('Vessel', exp, 2018)]} billion in 2018, more than double the 2016 level, while "
            f"Canadian goods arriving by ship grew from US${b[('Vessel', imp, 2016)]} billion to "
            f"US${b[('Vessel', imp, 2018)]} billion over the same years. The year also brought a trade dispute: "
            "Canada's exemption from the US tariffs on steel and aluminium ended on 1 June 2018, according to "
            "the US Department of Commerce."
        ),
        "",
        "SOURCES",
        "",
        wrap(
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US trade with Canada "
            "by mode and trade type, annual 2016-2018 (raw data downloaded 2026-03-21, aggregated by the "
            "University of North Texas for TxDOT; file bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv), "
            f"{BTS_URL}. End of Canada's tariff exemption as announced by the US Department of Commerce."
        ),
        "",
    ]
    src = [name]
    q.add("article_fact", "How much did the US export to Canada by road in 2017?", bn_forms(b[("Truck", exp, 2017)]),
          src)  # fmt: skip
    q.add("comparison", "Which mode of transport saw Canadian goods entering the US grow the fastest between 2016 "
          "and 2018?", ["pipeline"], src)  # fmt: skip
    q.add("article_fact", "What were pipeline imports from Canada worth in 2018?",
          bn_forms(b[("Pipeline", imp, 2018)]), src)  # fmt: skip
    q.add("article_fact", "What share of US exports to Canada travelled by truck in 2018?", pct_forms(truck_share18),
          src)  # fmt: skip
    q.add("article_fact", "What was the combined two-way rail trade between the US and Canada in 2018?",
          bn_forms(rail18), src)  # fmt: skip
    q.add("follow_up", "And in 2018?", bn_forms(b[("Vessel", imp, 2018)]), src,
          history=["How much did Canada ship to the US by sea in 2016?"])  # fmt: skip
    q.add("date_definition", "When did Canada lose its exemption from the US steel and aluminium tariffs?",
          ["1 June 2018", "June 1, 2018"], src)  # fmt: skip
    q.miss("How much did the US import from Canada by air in 2016?", name, "year")
    q.miss("How many tonnes of freight did trains carry from Canada into the US in 2018?", name, "measure")
    q.miss("How much US-Canada trade crossed at Detroit in 2017?", name, "breakdown")
    return name, "\n".join(lines)


# =============================================================================================
# TEST documents
# =============================================================================================


def pacific_fdi_html(data: Path, q: NearMissQuestions) -> tuple[str, str]:
    """T1. HTML: FDI in five Pacific Mexican states quarter by quarter, 2010-2012 (Secretaría de Economía)."""
    name = "foreign-investment-in-mexicos-pacific-states-2010-2012.html"
    years = [2010, 2011, 2012]
    five = {"Sinaloa": "Sinaloa", "Nayarit": "Nayarit", "Colima": "Colima", "Michoacán de Ocampo": "Michoacán",
            "Guerrero": "Guerrero"}  # fmt: skip
    v: dict[tuple[str, int, int], float] = {}
    nat: dict[int, float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        y = int(r["year"])
        if y in years:
            nat[y] += float(r["fdi_musd"])
            if r["entidad"] in five:
                v[(five[r["entidad"]], y, int(r["quarter"]) - 1)] = float(r["fdi_musd"])
    st = list(five.values())
    assert len(v) == len(st) * len(years) * 4
    m = {k: mn1(x) for k, x in v.items()}
    yr = {(s, y): sum(num(m[(s, y, k)]) for k in range(4)) for s in st for y in years}
    ys = {k: mn1(x) for k, x in yr.items()}
    sin, nay, col, mich, gro = st
    five_yr = {y: sum(yr[(s, y)] for s in st) for y in years}
    nat12 = mn1(nat[2012])
    share12 = pct(five_yr[2012] / num(nat12) * 100)
    neg = {s: [(y, k) for y in years for k in range(4) if v[(s, y, k)] < 0] for s in st}
    assert neg[sin] == [] and neg[nay] == []
    assert neg[col] == [(2012, 0), (2012, 2)] and neg[gro] == [(2010, 2), (2010, 3)]
    assert neg[mich] == [(2010, 2), (2012, 1)]
    assert max(st, key=lambda s: yr[(s, 2012)]) == sin and max(st, key=lambda s: yr[(s, 2011)]) == sin
    assert max(st, key=lambda s: yr[(s, 2010)]) == col
    sin_top = max(((y, k) for y in years for k in range(4)), key=lambda yk: v[(sin, *yk)])
    assert sin_top == (2012, 3)
    assert min(st, key=lambda s: yr[(s, 2012)]) == col
    assert yr[(col, 2010)] > yr[(col, 2011)] > yr[(col, 2012)]
    assert yr[(mich, 2011)] < yr[(mich, 2010)] and yr[(mich, 2012)] > 2 * yr[(mich, 2011)]
    mich_rise = growth(ys[(mich, 2012)], ys[(mich, 2011)])
    mich_h2 = mn1(num(m[(mich, 2012, 2)]) + num(m[(mich, 2012, 3)]))
    assert max(years, key=lambda y: yr[(gro, y)]) == 2011 and max(years, key=lambda y: yr[(nay, y)]) == 2010
    assert min(years, key=lambda y: yr[(nay, y)]) == 2011
    title = "Capital on the Pacific coast: foreign investment in five Mexican states, 2010–2012"
    body = [
        "<p>Nearshoring is usually pictured on the US border and in the Bajío, but Mexico's Pacific coast, "
        "with its farms, beaches and the port of Lázaro Cárdenas, draws foreign capital too. This article "
        "follows five Pacific states quarter by quarter from 2010 to 2012: Sinaloa, Nayarit, Colima, Michoacán "
        "(listed by the Secretaría de Economía as Michoacán de Ocampo) and Guerrero. The figures are the "
        "Secretaría de Economía's foreign direct investment (FDI) flows by state, in millions of US dollars, in "
        "the May 2018 vintage; a negative quarter means that more foreign capital left the state than arrived. "
        "Annual and five-state totals, shares and changes are our own sums of the quarterly figures.</p>",
        "<h2>Sinaloa leads</h2>",
        f"<p>Sinaloa received more foreign investment than any of the other four in 2011 and again in 2012. Its "
        f"inflow was US${ys[(sin, 2010)]} million in 2010 and US${ys[(sin, 2011)]} million in 2011, then rose to "
        f"US${ys[(sin, 2012)]} million in 2012, when the last three months of the year brought "
        f"US${m[(sin, 2012, 3)]} million, its largest quarter of the three years. Sinaloa and Nayarit were the "
        f"only two of the five with no quarter of net outflow. Nayarit, to the south, took in "
        f"US${ys[(nay, 2010)]} million in 2010, its best year of the three, dipped in 2011 and recovered to "
        f"US${ys[(nay, 2012)]} million in 2012, helped by US${m[(nay, 2012, 3)]} million in the fourth "
        "quarter.</p>",
        "<h2>Michoacán's late surge</h2>",
        f"<p>Michoacán's inflow barely moved at first, from US${ys[(mich, 2010)]} million in 2010 to "
        f"US${ys[(mich, 2011)]} million in 2011, then more than doubled to US${ys[(mich, 2012)]} million in "
        f"2012, a rise of {mich_rise} percent in one year by our calculation. The path was uneven: the state recorded a "
        f"net outflow of minus US${mn1(abs(v[(mich, 2010, 2)]))} million in the third quarter of 2010 and "
        f"another of minus US${mn1(abs(v[(mich, 2012, 1)]))} million in the second quarter of 2012, before the "
        f"second half of 2012 brought US${mich_h2} million (our sum).</p>",
        "<h2>Colima and Guerrero</h2>",
        f"<p>Colima went the other way. It was the largest of the five in 2010, with US${ys[(col, 2010)]} "
        f"million, but its inflow shrank in each of the next two years, to US${ys[(col, 2011)]} million in 2011 and US${ys[(col, 2012)]} million in 2012, the smallest of "
        f"the five that year; it had two negative quarters in 2012, the first and the third, including minus "
        f"US${mn1(abs(v[(col, 2012, 0)]))} million in the first. Guerrero started 2010 strongly, with "
        f"US${m[(gro, 2010, 0)]} million in the first quarter, but then saw money leave in the third and fourth "
        f"quarters of that year; its best year was 2011, at US${ys[(gro, 2011)]} million.</p>",
        "<h2>The coast's weight</h2>",
        f"<p>In 2012 the five Pacific states together received US${mn1(five_yr[2012])} million of the "
        f"US${nat12} million of FDI recorded for all 32 states, or {share12} percent of the national total, "
        f"against US${mn1(five_yr[2010])} million in 2010 (our sums).</p>",
    ]
    page = byline_page(
        title,
        "Investment",
        "Lucía Fernández",
        body,
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        f'se_mexico_fdi_by_state_quarterly_1999_2017.csv), 2010–2012, <a href="{SE_URL}">{SE_URL}</a>',
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    src = [name]
    q.add("article_fact", "How much foreign direct investment did Sinaloa attract in 2012?", mn_forms(ys[(sin, 2012)]),
          src)  # fmt: skip
    q.add("comparison", "Which of the five Pacific states got the least foreign investment in 2012?", [col], src)
    q.add("article_fact", "How much foreign investment flowed into Michoacán in the second half of 2012?",
          mn_forms(mich_h2), src)  # fmt: skip
    q.add("article_fact", "What percentage of Mexico's FDI went to the five Pacific states in 2012?",
          pct_forms(share12), src)  # fmt: skip
    q.add("comparison", "In which quarter did Sinaloa record its biggest FDI inflow of 2010-2012?",
          ["fourth quarter of 2012", "Q4 2012", "last three months of 2012", "fourth quarter"], src)  # fmt: skip
    q.add("article_fact", "What was Guerrero's foreign direct investment in 2011?", mn_forms(ys[(gro, 2011)]), src)
    q.add("follow_up", "And two years later?", mn_forms(ys[(col, 2012)]), src,
          history=["How much FDI did Colima receive in 2010?"])  # fmt: skip
    q.add("date_definition", "What does a negative quarterly FDI figure for a state mean?",
          ["more foreign capital left the state than arrived", "more foreign capital left"], src)  # fmt: skip
    q.miss("How much foreign investment did Nayarit receive in 2011?", name, "year")
    q.miss("What FDI did Baja California Sur attract in 2012?", name, "entity")
    q.miss("Which companies invested in Michoacán in 2012?", name, "words")
    return name, page


def chemicals_docx(data: Path, q: NearMissQuestions) -> tuple[str, str, list]:
    """T2. DOCX: US exports of HS 29 and 38 to Belgium, the Netherlands, Brazil and Switzerland, 2020/2022/2024 (USITC)."""
    name = "us-chemical-exports-to-belgium-netherlands-brazil-and-switzerland-2020-2024.docx"
    chapters = ["29", "38"]
    buyers = ["Belgium", "Netherlands", "Brazil", "Switzerland"]
    years = [2020, 2022, 2024]
    v: dict[tuple[str, str, int], float] = {}
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["hs2"] in chapters and r["country"] in buyers:
            for y in (2020, 2021, 2022, 2023, 2024):
                v[(r["hs2"], r["country"], y)] = float(r[f"fas_usd_{y}"])
    assert len(v) == 40
    mm = {k: mn1(x / 1e6) for k, x in v.items()}
    be, nl, br, ch = buyers
    assert all(max(buyers, key=lambda c: v[("29", c, y)]) == be for y in years)
    assert max(range(2020, 2025), key=lambda y: v[("29", be, y)]) == 2022
    assert max(range(2020, 2025), key=lambda y: v[("29", ch, y)]) == 2023
    assert all(max(buyers, key=lambda c: v[("38", c, y)]) == br for y in years)
    assert v[("38", be, 2020)] < v[("38", be, 2022)] < v[("38", be, 2024)]
    only_rise38 = [c for c in buyers if v[("38", c, 2020)] < v[("38", c, 2022)] < v[("38", c, 2024)]]
    assert only_rise38 == [be]
    be_fall = pct((num(mm[("29", be, 2022)]) - num(mm[("29", be, 2024)])) / num(mm[("29", be, 2022)]) * 100)
    nl_rise = growth(mm[("29", nl, 2024)], mm[("29", nl, 2020)])
    ch_x = v[("29", ch, 2023)] / v[("29", ch, 2020)]
    assert 4 < ch_x < 4.2
    ch_x_words = "more than four times"
    br2 = mn1(num(mm[("29", br, 2024)]) + num(mm[("38", br, 2024)]))
    assert min(buyers, key=lambda c: v[("38", c, 2024)]) == ch
    title = "Molecules for Europe and Brazil: US chemical exports to four partners, 2020–2024"
    paragraphs = [
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Chemicals are among the goods American plants sell furthest from home, and four markets show how "
            "differently that trade moved after the pandemic: Belgium and the Netherlands, whose Antwerp and "
            "Rotterdam chemical clusters serve much of Europe, Brazil, and Switzerland, home of large drug "
            "makers. This report compares US exports to them in two chapters of the Harmonized System: organic "
            "chemicals (chapter 29) and miscellaneous chemical products (chapter 38, which takes in goods such "
            "as pesticides, biodiesel and prepared additives), in 2020, 2022 and 2024. Values are total US "
            "exports at F.A.S. value from the US International Trade Commission's DataWeb, converted to millions "
            "of US dollars; sums and rates of change are our own calculations.",
        ),
        ("h1", "Organic chemicals"),
        (
            "p",
            f"Belgium was the largest buyer of US organic chemicals among the four in each of the three years. "
            f"Its purchases rose from US${mm[('29', be, 2020)]} million in 2020 to a peak of "
            f"US${mm[('29', be, 2022)]} million in 2022, then fell back to US${mm[('29', be, 2024)]} million in "
            f"2024, a drop of {be_fall} percent from the peak by our calculation. The Netherlands held up better: "
            f"US${mm[('29', nl, 2020)]} million in 2020, US${mm[('29', nl, 2022)]} million in 2022 and "
            f"US${mm[('29', nl, 2024)]} million in 2024, up {nl_rise} percent over the four years. Brazil bought "
            f"US${mm[('29', br, 2022)]} million in 2022 and US${mm[('29', br, 2024)]} million in 2024. "
            f"Switzerland was the most erratic: from US${mm[('29', ch, 2020)]} million in 2020 its purchases "
            f"rose to US${mm[('29', ch, 2023)]} million in 2023, {ch_x_words} the 2020 level, before dropping to "
            f"US${mm[('29', ch, 2024)]} million in 2024.",
        ),
        ("h1", "Miscellaneous chemical products"),
        (
            "p",
            f"In chapter 38 the order was different. Brazil led the four in "
            f"every year shown, taking US${mm[('38', br, 2020)]} million in 2020, US${mm[('38', br, 2022)]} "
            f"million in 2022 and US${mm[('38', br, 2024)]} million in 2024. The Netherlands followed, with "
            f"US${mm[('38', nl, 2022)]} million in 2022 and US${mm[('38', nl, 2024)]} million in 2024. Belgium "
            f"was the only one of the four whose purchases grew from each year shown to the next, from "
            f"US${mm[('38', be, 2020)]} million in 2020 to US${mm[('38', be, 2022)]} million in 2022 and "
            f"US${mm[('38', be, 2024)]} million in 2024, while Switzerland remained the smallest market, at "
            f"US${mm[('38', ch, 2024)]} million in 2024.",
        ),
        ("h1", "The two chapters together"),
        (
            "p",
            f"Taken together, Brazil bought US${br2} million of American organic chemicals and miscellaneous "
            "chemical products in 2024 (our sum), which made it, on these two chapters combined, a bigger "
            "customer than the Netherlands that year. For Belgium, organic chemicals still outweighed the other "
            "chapter: its purchases of them were more than three times its chapter 38 purchases in 2024 (our calculation), "
            "although the gap had narrowed since 2022. Switzerland's chapter 38 purchases ended the period "
            f"barely above where they began, at US${mm[('38', ch, 2020)]} million in 2020, in contrast with the "
            "sharp swings in its organic chemicals.",
        ),
        ("h1", "Sources"),
        (
            "p",
            "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and "
            "country, 2020–2024, chapters 29 and 38 (downloaded 2025-08-07; file "
            f"usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), {USITC_URL}.",
        ),
    ]
    assert all(sorted(buyers, key=lambda c: -v[("38", c, y)])[1] == nl for y in years)
    assert v[("29", nl, 2024)] / v[("29", nl, 2022)] > v[("29", be, 2024)] / v[("29", be, 2022)]
    be_ratio = v[("29", be, 2024)] / v[("38", be, 2024)]
    assert 3 < be_ratio < 3.5 and v[("29", be, 2022)] / v[("38", be, 2022)] > be_ratio
    assert v[("38", ch, 2020)] < v[("38", ch, 2024)] < 1.05 * v[("38", ch, 2020)]
    assert num(br2) > num(mm[("29", nl, 2024)]) + num(mm[("38", nl, 2024)])
    src = [name]
    q.add("article_fact", "How much did US organic chemical sales to Belgium amount to in 2022?",
          mn_forms(mm[("29", be, 2022)]), src)  # fmt: skip
    q.add("comparison", "Which of the four countries was the top market for US chapter 38 chemical products?",
          [br], src)  # fmt: skip
    q.add("article_fact", "What were American exports of organic chemicals to Switzerland in 2023?",
          mn_forms(mm[("29", ch, 2023)]), src)  # fmt: skip
    q.add("article_fact", "By what percentage did Belgium's purchases of US organic chemicals fall between 2022 "
          "and 2024?", pct_forms(be_fall), src)  # fmt: skip
    q.add("comparison", "Whose imports of US miscellaneous chemical products increased at every step from 2020 "
          "to 2022 to 2024?", only_rise38, src)  # fmt: skip
    q.add("article_fact", "What did Brazil spend on US organic chemicals and miscellaneous chemical products "
          "combined in 2024?", mn_forms(br2), src)  # fmt: skip
    q.add("follow_up", "And in 2024?", mn_forms(mm[("29", nl, 2024)]), src,
          history=["What were US organic chemical exports to the Netherlands in 2020?"])  # fmt: skip
    q.add("date_definition", "Why are Belgium and the Netherlands important markets for American chemicals?",
          ["Antwerp and Rotterdam chemical clusters", "Antwerp and Rotterdam", "chemical clusters"], src)  # fmt: skip
    q.miss("How much did the United States export in chapter 38 products to Switzerland in 2022?", name, "year")
    q.miss("What were US imports of organic chemicals from Belgium in 2024?", name, "flow")
    q.miss("How much organic chemicals did the US sell to Brazil in 2020?", name, "year")
    return name, title, paragraphs


# =============================================================================================


def write_split_set(q, dev: list, test: list, out: Path, parts: Path, first_line: str, number: int) -> None:
    """Write set ``number``'s documents (dev makers first, then test) and its part file, its near
    misses checked against the part of the document each names: the shape fresh7 and later share."""
    out.mkdir(parents=True, exist_ok=True)
    w = SetWriter(trade_data_argument(first_line), q, out, PUBLISHER)
    for split, makers in (("dev", dev), ("test", test)):
        q.split = split
        for make in makers:
            w.write(make)
    bad = [f"{i['id']}: near {i['near']} is not a {i['split']} document" for i in q.misses
           if w.split_of.get(i["near"]) != i["split"]]  # fmt: skip
    q.items = q.in_order()
    # The near misses are written here, not by hand: the part file is rewritten whole, so that
    # with_near_misses does not keep the last run's copies.
    parts.unlink(missing_ok=True)
    eval_documents.exit_if_bad(bad)
    previous = f"fresh{number - 1}"
    finish(q, w.texts, w.split_of, out, parts, after=previous, others=other_sets_text(sets_before(number)))


def main() -> None:
    write_split_set(
        NearMissQuestions("fresh7"),
        [nordic_md, canada_modes_txt],
        [pacific_fdi_html, chemicals_docx],
        OUT,
        PARTS,
        __doc__.splitlines()[0],
        7,
    )


if __name__ == "__main__":
    main()
