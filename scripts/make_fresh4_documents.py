"""Write the fourth fresh evaluation set (eval/documents-fresh4/) and its questions (eval/parts/fresh4.jsonl).

    python scripts/make_fresh4_documents.py [--data ../shared/data/trade]

A seventh document set, "set": "fresh4", written like fresh3 (prose articles asked text questions in
an analyst's own words, several entities and measures to a paragraph, comparisons said in words,
figures in prose and no table), on facts no other set uses, so that it measures the product on
prose it was never tuned on. Split BY DOCUMENT: the first three documents are the dev part, the
last three the test part (report only). Dev: US goods trade with four euro-area economies around
the euro's launch, 1998-2001 (Census); northbound crossings bridge by bridge at Laredo, 2021-2022
(CBP); US-Mexico trade by mode, 2013-2014 (BTS). Test: six southern Mexican states' FDI, exports,
real wages and unemployment, 2007-2009 (state panel); US imports from China month by month,
2008-2009 (Census via FRED); US exports of medicines, aircraft and instruments (HS 30, 88, 90) to
Japan, South Korea and Brazil, 2020 and 2024 (USITC).

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The few facts that are
not data (the euro's launch dates, NAFTA's entry into force, the Surface Transportation
Board's approval of the Canadian Pacific-Kansas City Southern combination, China's accession to the
WTO) are each attributed in the article to whoever announced them. The checks and writers are those
of eval_documents.py (write_set, finish) and make_eval_documents.py (reproducible DOCX and PDF).
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
    MONTHS,
    Questions,
    bn,
    bn_forms,
    bts_annual_by_mode,
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
    sets_before,
    write_set,
)
from eval_documents import wrap_keeping_hyphens as wrap  # noqa: E402
from make_fresh3_documents import CBP_URL, USITC_URL, byline_page  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh4"
PARTS = ROOT / "eval" / "parts" / "fresh4.jsonl"
PUBLISHER = "nearshore-qa"
FRED_URL = "https://fred.stlouisfed.org/series/IMPCH"
# This set's publication date (the DOCX and PDF writers keep their own fixed metadata dates).
DATE_ISO = "2026-12-01"
DATE_LONG = "1 December 2026"


def n(x: int) -> str:
    return f"{x:,}"


# =============================================================================================
# DEV documents
# =============================================================================================


def euro_md(data: Path, q: Questions) -> tuple[str, str]:
    """D1. MD: US goods trade with France, Italy, the Netherlands and Spain, 1998-2001 (Census annual)."""
    name = "us-trade-with-four-euro-economies-1998-2001.md"
    four = ["France", "Italy", "Netherlands", "Spain"]
    years = [1998, 1999, 2000, 2001]
    t, _ = census_annual(data, four, years)

    f = partial(census_figure, t)
    bal = partial(census_balance, t)

    exp = {y: sum(num(f(c, y, "exports_musd")) for c in four) for y in years}
    imp = {y: sum(num(f(c, y, "imports_musd")) for c in four) for y in years}
    exp_bn = {y: f"{exp[y] / 1000:,.2f}" for y in years}
    imp_bn = {y: f"{imp[y] / 1000:,.2f}" for y in years}
    imp_rise = pct((imp[2001] - imp[1998]) / imp[1998] * 100)
    top = {y: max(four, key=lambda c: t[(c, y)]["exports_musd"]) for y in years}
    assert [top[y] for y in years] == ["Netherlands", "Netherlands", "Netherlands", "France"]
    deficit01 = max(four, key=lambda c: -t[(c, 2001)]["balance_musd"])
    assert deficit01 == "Italy"
    assert [c for c in four if t[(c, 2001)]["balance_musd"] > 0] == ["Netherlands", "Spain"]
    fr_peak = max(years, key=lambda y: t[("France", y)]["exports_musd"])
    assert fr_peak == 2000
    assert t[("Italy", 2001)]["balance_musd"] > t[("Italy", 2000)]["balance_musd"]  # the gap narrowed a little
    assert all(min(four, key=lambda c: t[(c, y)]["exports_musd"]) == "Spain" for y in years)
    assert max(years, key=lambda y: exp[y]) == 2000
    text = f"""---
title: "Dollars and the new euro: US goods trade with France, Italy, the Netherlands and Spain, 1998–2001"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "1998–2001 (calendar years)"
---
# Dollars and the new euro: US goods trade with four euro-area economies, 1998–2001

Europe's single currency arrived in two steps. According to the European Central Bank, the euro
replaced eleven national currencies for banks, markets and accounts on 1 January 1999, while euro
notes and coins only reached people's pockets on 1 January 2002. The years in between were a test
of whether a weaker young currency would change what Americans bought from Europe and sold to it.
This article follows four of the founding members — France, Italy, the Netherlands and Spain —
through the U.S. Census Bureau's goods trade figures, in millions of US dollars (exports at F.A.S.
value, general imports at customs value). A balance is exports less imports, so a negative one is a
US deficit. Combined figures for the four are our own sums of the Census country totals.

## What Americans sold

The four together bought ${exp_bn[1998]} billion of US goods in 1998 and ${exp_bn[2001]} billion in
2001 (our sums), with a high point in between when the American expansion was at its peak. The
Netherlands, whose port of Rotterdam distributes American goods across the continent, was the
biggest customer from 1998 to 2000: US sales there climbed from US${f("Netherlands", 1998, "exports_musd")}
million in 1998 to US${f("Netherlands", 2000, "exports_musd")} million in 2000 before slipping back to
US${f("Netherlands", 2001, "exports_musd")} million in 2001. France, close behind all along, took
US${f("France", 1999, "exports_musd")} million in 1999 and US${f("France", 2000, "exports_musd")} million in 2000,
its best year of the four, and in 2001 it overtook the Netherlands as the largest market of the four
with US${f("France", 2001, "exports_musd")} million, because its purchases fell less. Spain
remained the smallest market, at US${f("Spain", 2001, "exports_musd")} million in 2001, and Italy sat in
between with US${f("Italy", 2001, "exports_musd")} million.

## What Americans bought

Imports told a different story. US purchases from the four rose from ${imp_bn[1998]} billion in 1998
to ${imp_bn[2001]} billion in 2001, a gain of {imp_rise} percent by our calculation, as a cheaper euro
made French wine and aircraft parts and Italian machinery and fashion easier to sell in America.
Imports from France reached US${f("France", 2001, "imports_musd")} million in 2001, up from
US${f("France", 1998, "imports_musd")} million three years earlier, and those from Italy peaked at
US${f("Italy", 2000, "imports_musd")} million in 2000.

## Two surpluses, two deficits

The balances split the four down the middle. Italy was the partner with which the United States ran
its widest gap: the deficit grew from US${bal("Italy", 1998)} million in 1998 to US${bal("Italy", 2000)}
million in 2000 and eased only slightly, to US${bal("Italy", 2001)} million, in 2001. With France the
shortfall widened from US${bal("France", 1998)} million in 1998 to US${bal("France", 2001)} million in 2001. The
Netherlands, by contrast, gave the United States a comfortable surplus — US${bal("Netherlands", 2000)}
million in 2000 — and Spain a small one that kept shrinking: US${bal("Spain", 1999)} million in 1999,
then only US${bal("Spain", 2001)} million in 2001.

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals 1998–2001,
{CENSUS_URL}. Euro changeover dates as published by the European Central Bank.
"""
    src = [name]
    q.add("article_fact", "What did US exporters sell to the Netherlands in 2000?",
          mn_forms(f("Netherlands", 2000, "exports_musd")), src)  # fmt: skip
    q.add("comparison", "Among the four euro economies, which one left the United States with the biggest goods "
          "deficit in 2001?", [deficit01], src)  # fmt: skip
    q.add("article_fact", "How much did the United States buy from France in 2001?",
          mn_forms(f("France", 2001, "imports_musd")), src)  # fmt: skip
    q.add("article_fact", "What were combined US exports to France, Italy, the Netherlands and Spain worth in 2001?",
          bn_forms(exp_bn[2001]), src)  # fmt: skip
    q.add("article_fact", "By what percentage did US imports from the four countries grow between 1998 and 2001?",
          pct_forms(imp_rise), src)  # fmt: skip
    q.add("date_definition", "When did euro banknotes and coins come into circulation?",
          ["1 January 2002", "January 1, 2002"], src)  # fmt: skip
    q.add("follow_up", "And two years later?", mn_forms(bal("Spain", 2001)), src,
          history=["What was the US trade surplus with Spain in 1999?"])  # fmt: skip
    q.add("unanswerable", "How much did the United States export to Portugal in 2000?", [], src)
    return name, text


def laredo_bridges_txt(data: Path, q: Questions) -> tuple[str, str]:
    """D2. TXT: northbound crossings bridge by bridge at Laredo, 2021-2022 (CBP yearly)."""
    name = "laredo-bridge-by-bridge-northbound-crossings-2021-2022.txt"
    years = [2021, 2022]
    c: dict[tuple[str, str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        if r["POE"] == "Laredo" and int(r["Year"]) in years:
            c[(r["Crossing"], r["Modes"], int(r["Year"]))] += int(r["Northbound Crossing"] or 0)
    wtb, col, jl, gw = ("World Trade Bridge", "Colombia Solidarity Bridge", "Juárez-Lincoln International Bridge",
                        "Gateway to the Americas Bridge")  # fmt: skip
    rail = "Canadian Pacific Kansas City Laredo Railroad Bridge"
    tr, pv, ped, bus, rc = "Commercial Trucks", "Passenger Vehicles", "Pedestrians/ Bicyclists", "Buses", "Railcars"
    trucks = {y: sum(v for (b, m, yy), v in c.items() if m == tr and yy == y) for y in years}
    assert trucks[2022] == c[(wtb, tr, 2022)] + c[(col, tr, 2022)]  # only two bridges take trucks
    wtb_share = pct(c[(wtb, tr, 2022)] / trucks[2022] * 100)
    pv_top = max((jl, gw, col), key=lambda b: c[(b, pv, 2022)])
    assert pv_top == jl
    ped_rise = pct((c[(gw, ped, 2022)] - c[(gw, ped, 2021)]) / c[(gw, ped, 2021)] * 100)
    assert c[(col, ped, 2022)] < c[(col, ped, 2021)]  # the one pedestrian count that fell
    rail_rise = pct((c[(rail, rc, 2022)] - c[(rail, rc, 2021)]) / c[(rail, rc, 2021)] * 100)
    lines = [
        "FIVE BRIDGES, ONE PORT: NORTHBOUND CROSSINGS AT LAREDO, 2021-2022",
        "Source: U.S. Customs and Border Protection (CBP), northbound crossings by bridge at Texas-Mexico ports "
        "of entry, compiled by the University of North Texas for TxDOT",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "",
        wrap(
            "Laredo is usually described as a single port, the busiest land crossing between the United States "
            "and Mexico. On the ground it is five separate crossings over the Rio Grande, and each does a "
            "different job. Two of them take commercial trucks, two carry mostly cars and people walking into "
            "downtown Laredo, and one is a railway bridge. This note reads CBP's northbound counts for each of "
            "them in 2021 and 2022: every vehicle, person or railcar recorded entering the United States from "
            "Nuevo Laredo. Shares and percentage changes are our own calculations from those counts."
        ),
        "",
        "FREIGHT",
        "",
        wrap(
            f"The World Trade Bridge, built for freight and closed to cars, handled {n(c[(wtb, tr, 2022)])} "
            f"northbound trucks in 2022, up from {n(c[(wtb, tr, 2021)])} in 2021. That was {wtb_share} percent of "
            f"all the trucks entering at Laredo in 2022; nearly all the rest used the Colombia Solidarity Bridge, "
            f"a few miles upstream, which counted {n(c[(col, tr, 2022)])} trucks after {n(c[(col, tr, 2021)])} "
            f"the year before. Trains cross on the railway bridge now named for Canadian Pacific Kansas City: "
            f"{n(c[(rail, rc, 2021)])} northbound railcars in 2021 and {n(c[(rail, rc, 2022)])} in 2022, a rise "
            f"of {rail_rise} percent. The name reflects the combination of Canadian Pacific and Kansas City "
            "Southern, which the Surface Transportation Board approved in March 2023; the data compiler applies "
            "the new name to earlier years as well."
        ),
        "",
        "PEOPLE",
        "",
        wrap(
            f"Cars and pedestrians tell the story of a border reopening after the pandemic. The Juárez-Lincoln "
            f"bridge was the busiest for private cars, with {n(c[(jl, pv, 2022)])} passenger vehicles heading "
            f"north in 2022 against {n(c[(jl, pv, 2021)])} in 2021, and it is also the crossing used by buses: "
            f"{n(c[(jl, bus, 2022)])} of them in 2022. The older Gateway to the Americas bridge, which lands "
            f"next to the downtown shops, is above all a bridge for walkers. It counted {n(c[(gw, ped, 2022)])} "
            f"pedestrians and cyclists in 2022 after {n(c[(gw, ped, 2021)])} in 2021, an increase of {ped_rise} "
            f"percent, together with {n(c[(gw, pv, 2022)])} cars. The Colombia bridge, far from the city "
            f"centre, was the exception: its pedestrian count fell to {n(c[(col, ped, 2022)])} from "
            f"{n(c[(col, ped, 2021)])}, even as {n(c[(col, pv, 2022)])} passenger vehicles crossed it."
        ),
        "",
        "SOURCES",
        "",
        wrap(
            "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, yearly "
            "2008-2025, as compiled by the University of North Texas for TxDOT (file "
            f"cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv), Laredo, 2021-2022, {CBP_URL}. "
            "Merger approval as announced by the Surface Transportation Board."
        ),
        "",
    ]
    src = [name]
    q.add("article_fact", "How many trucks entered the US over Laredo's World Trade Bridge in 2022?",
          count(c[(wtb, tr, 2022)]), src)  # fmt: skip
    q.add("article_fact", "How many railcars came north over the Laredo rail bridge in 2021?",
          count(c[(rail, rc, 2021)]), src)  # fmt: skip
    q.add("comparison", "Which Laredo bridge carried the most private cars into the United States in 2022?",
          ["Juarez-Lincoln", "Juárez-Lincoln"], src)  # fmt: skip
    q.add("article_fact", "How many people on foot or bicycle crossed at Gateway to the Americas in 2022?",
          count(c[(gw, ped, 2022)]), src)  # fmt: skip
    q.add("article_fact", "What share of Laredo's northbound truck traffic used the World Trade Bridge in 2022?",
          pct_forms(wtb_share), src)  # fmt: skip
    q.add("date_definition", "When did the Surface Transportation Board approve the Canadian Pacific and Kansas "
          "City Southern combination?", ["March 2023"], src)  # fmt: skip
    q.add("unanswerable", "What was the average wait time for trucks at the World Trade Bridge in 2022?", [], src)
    return name, "\n".join(lines)


def mexico_modes_html(data: Path, q: Questions) -> tuple[str, str]:
    """D3. HTML: US-Mexico trade by mode of transport, 2013-2014 (BTS TransBorder annual)."""
    name = "us-mexico-trade-by-mode-2013-2014.html"
    years = [2013, 2014]
    modes = ["Truck", "Rail", "Vessel", "Air", "Pipeline"]
    v, allm = bts_annual_by_mode(data, "Mexico", years, modes)
    b = {k: bn(x) for k, x in v.items()}
    tot = {y: bn(allm[y]) for y in years}

    def growth(m: str, tt: str) -> float:
        return (num(b[(m, tt, 2014)]) - num(b[(m, tt, 2013)])) / num(b[(m, tt, 2013)]) * 100

    fastest = max(modes, key=lambda m: growth(m, "Export"))
    assert fastest == "Pipeline"
    pipe_rise = pct(growth("Pipeline", "Export"))
    truck_imp_rise = pct(growth("Truck", "Import"))
    truck_share = pct((v[("Truck", "Export", 2014)] + v[("Truck", "Import", 2014)]) / allm[2014] * 100)
    assert all(v[("Rail", "Import", y)] > v[("Vessel", "Import", y)] for y in years)
    assert v[("Vessel", "Import", 2014)] < v[("Vessel", "Import", 2013)]
    assert v[("Vessel", "Export", 2014)] < v[("Vessel", "Export", 2013)]
    assert v[("Air", "Import", 2014)] < v[("Air", "Import", 2013)]
    title = "Twenty years on the road: how US–Mexico trade travelled in 2013 and 2014"
    body = [
        "<p>The North American Free Trade Agreement entered into force on 1 January 1994, according to the Office "
        "of the United States Trade Representative, so 2014 was its twentieth anniversary. By then the way goods "
        "moved between the United States and Mexico had settled into a clear pattern, with one new arrival: "
        "American shale gas. This article uses the Bureau of Transportation Statistics (BTS) North American "
        "TransBorder Freight Data, in US dollars: exports are US shipments to Mexico, imports are US purchases "
        "from Mexico. Totals across every mode, including foreign trade zones and shipments of unknown mode, "
        "and all shares and growth rates are our own calculations.</p>",
        "<h2>Trucks still dominate</h2>",
        f"<p>Trade with Mexico carried by all modes reached ${tot[2014]} billion in 2014, against ${tot[2013]} "
        f"billion in 2013 (our sums). Lorries crossing the land border carried the bulk of it: US exports to Mexico "
        f"moving by truck rose to US${b[('Truck', 'Export', 2014)]} billion from US${b[('Truck', 'Export', 2013)]} "
        f"billion, and imports arriving by truck to US${b[('Truck', 'Import', 2014)]} billion from "
        f"US${b[('Truck', 'Import', 2013)]} billion, up {truck_imp_rise} percent, so that {truck_share} percent "
        "of all the goods traded between the two countries in 2014 went by road.</p>",
        "<h2>Trains and ships</h2>",
        f"<p>Freight trains brought in US${b[('Rail', 'Import', 2013)]} billion of Mexican goods in 2013 and "
        f"US${b[('Rail', 'Import', 2014)]} billion in 2014, much of it finished cars and pickups from assembly "
        f"plants in the Bajío and the north, and they carried US${b[('Rail', 'Export', 2014)]} billion of US "
        f"exports south, after US${b[('Rail', 'Export', 2013)]} billion. Ships lost ground in both directions. "
        f"Vessel imports, mainly Mexican crude oil bound for Gulf Coast refineries, slipped to "
        f"US${b[('Vessel', 'Import', 2014)]} billion from US${b[('Vessel', 'Import', 2013)]} billion, staying "
        f"below the value carried by rail in both years, and vessel exports were almost flat at "
        f"US${b[('Vessel', 'Export', 2014)]} billion.</p>",
        "<h2>Pipelines and planes</h2>",
        f"<p>The fastest-growing mode was the least visible. Pipelines, which carry US natural gas south to "
        f"Mexican power stations and factories, moved US${b[('Pipeline', 'Export', 2013)]} billion of exports in "
        f"2013 and US${b[('Pipeline', 'Export', 2014)]} billion in 2014, a jump of {pipe_rise} percent, faster "
        f"than any other way of shipping US goods to Mexico. Air freight, reserved for light and valuable "
        f"goods, carried US${b[('Air', 'Export', 2014)]} billion of exports in 2014, while air imports from "
        f"Mexico fell to US${b[('Air', 'Import', 2014)]} billion.</p>",
    ]
    page = byline_page(
        title,
        "Logistics",
        "Tomás Echeverría",
        body,
        "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Mexico trade by mode, "
        "annual 2013–2014 (raw data downloaded 2026-03-21, aggregated by the University of North Texas for TxDOT; "
        f'file bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv), <a href="{BTS_URL}">{BTS_URL}</a>. '
        "NAFTA entry into force as published by the Office of the United States Trade Representative.",
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    src = [name]
    q.add("article_fact", "What value of goods did the US import from Mexico by truck in 2014?",
          bn_forms(b[("Truck", "Import", 2014)]), src)  # fmt: skip
    q.add("article_fact", "How much did US rail exports to Mexico come to in 2013?",
          bn_forms(b[("Rail", "Export", 2013)]), src)  # fmt: skip
    q.add("comparison", "Which transport mode saw the fastest growth in US exports to Mexico from 2013 to 2014?",
          ["pipeline", "pipelines"], src)  # fmt: skip
    q.add("article_fact", "By how much, in percent, did US gas and other pipeline exports to Mexico increase in 2014?",
          pct_forms(pipe_rise), src)  # fmt: skip
    q.add("article_fact", "What portion of US–Mexico goods trade travelled by road in 2014?", pct_forms(truck_share),
          src)  # fmt: skip
    q.add("follow_up", "And the year after?", bn_forms(b[("Vessel", "Import", 2014)]), src,
          history=["How much did the US import from Mexico by ship in 2013?"])  # fmt: skip
    q.add("date_definition", "When did NAFTA enter into force?", ["1 January 1994", "January 1, 1994"], src)
    q.add("unanswerable", "What were the freight charges on US imports from Mexico by truck in 2014?", [], src)
    return name, page


# =============================================================================================
# TEST documents
# =============================================================================================


def south_states_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    """T1. DOCX: six southern Mexican states' FDI, exports, real wages and unemployment, 2007-2009 (state panel)."""
    name = "mexico-southern-states-through-the-crisis-2007-2009.docx"
    six = {"Campeche": "Campeche", "Tabasco": "Tabasco", "Chiapas": "Chiapas", "Oaxaca": "Oaxaca",
           "Yucatan": "Yucatán", "Quintana Roo": "Quintana Roo"}  # fmt: skip
    years = [2007, 2008, 2009]
    p: dict[tuple[str, int], dict[str, float]] = {}
    for r in rows(data, "mx_state_panel_fdi_exports_wages_2006_2022.csv"):
        if r["state"] in six and int(r["year"]) in years:
            p[(six[r["state"]], int(r["year"]))] = {
                k: float(r[k]) for k in ("new_fdi", "total_fdi", "exports_thousand_usd", "real_wage", "unemployment")
            }
    st = list(six.values())
    assert len(p) == len(st) * len(years)

    def fdi(s: str, y: int) -> str:
        return f"{p[(s, y)]['total_fdi']:,.2f}"

    def ex(s: str, y: int) -> str:  # thousands of dollars -> millions
        return mn1(p[(s, y)]["exports_thousand_usd"] / 1000)

    def wage(s: str, y: int) -> str:
        return f"{p[(s, y)]['real_wage']:.2f}"

    def unemp(s: str, y: int) -> str:
        return f"{p[(s, y)]['unemployment'] * 100:.0f}"

    rising = [s for s in st if p[(s, 2007)]["total_fdi"] < p[(s, 2008)]["total_fdi"] < p[(s, 2009)]["total_fdi"]]
    assert rising == ["Oaxaca"]
    wage_top = max(st, key=lambda s: p[(s, 2009)]["real_wage"])
    wage_low = min(st, key=lambda s: p[(s, 2009)]["real_wage"])
    assert wage_top == "Campeche" and wage_low == "Yucatán"
    ex_top = max(st, key=lambda s: p[(s, 2008)]["exports_thousand_usd"])
    assert ex_top == "Campeche"
    camp_fall = pct((num(ex("Campeche", 2008)) - num(ex("Campeche", 2009))) / num(ex("Campeche", 2008)) * 100)
    fdi09 = f"{sum(num(fdi(s, 2009)) for s in st):,.2f}"
    others08 = sum(p[(s, 2008)]["exports_thousand_usd"] for s in st if s != "Campeche")
    assert p[("Campeche", 2008)]["exports_thousand_usd"] > others08
    fdi_fall = {s: p[(s, 2009)]["total_fdi"] / p[(s, 2008)]["total_fdi"] for s in st}
    assert min(st, key=lambda s: fdi_fall[s]) == "Campeche"
    hi_unemp = [s for s in st if unemp(s, 2009) == "7"]
    assert hi_unemp == ["Tabasco", "Quintana Roo"]
    title = "The other Mexico: six southern states through the 2008–2009 crisis"
    paragraphs = [
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "The nearshoring debate is mostly about the north: border factories, the Bajío's car plants, the "
            "Monterrey industrial belt. This report looks the other way, at six states of Mexico's south and "
            "south-east — Campeche, Tabasco, Chiapas, Oaxaca, Yucatán and Quintana Roo — and asks how they came "
            "through the global crisis of 2008 and 2009. The figures come from a state panel compiled for a "
            "university course on nearshoring, which credits INEGI (state exports and employment surveys) and "
            "Banxico; its foreign direct investment (FDI) columns follow the Secretaría de Economía. FDI and "
            "exports are in US dollars; real wages are monthly figures in Mexican pesos at 2018 prices. The "
            "panel is a secondary compilation, and the six-state totals are our own sums.",
        ),
        ("h1", "Investment"),
        (
            "p",
            f"Quintana Roo, the home of Cancún, drew by far the most foreign capital at the start of the period: "
            f"US${fdi('Quintana Roo', 2007)} million in 2007, almost all of it new investment rather than "
            f"reinvested profits. The flow collapsed to US${fdi('Quintana Roo', 2008)} million in 2008 and "
            f"US${fdi('Quintana Roo', 2009)} million in 2009. Oaxaca moved against the tide, the only one of the "
            f"six whose FDI rose in both years: US${fdi('Oaxaca', 2007)} million, then US${fdi('Oaxaca', 2008)} "
            f"million, then US${fdi('Oaxaca', 2009)} million. Campeche fell hardest in 2009, to "
            f"US${fdi('Campeche', 2009)} million, and Chiapas received US${fdi('Chiapas', 2009)} million. Together "
            f"the six took in US${fdi09} million in 2009.",
        ),
        ("h1", "Exports"),
        (
            "p",
            f"Campeche, in the Gulf of Mexico, is in a different league from its neighbours as an exporter. Its "
            f"exports came to US${ex('Campeche', 2007)} million in 2007 and US${ex('Campeche', 2008)} million in "
            f"2008, more than all the other five combined, before falling to US${ex('Campeche', 2009)} million in "
            f"2009, a drop of {camp_fall} percent by our calculation. Tabasco, next door, shipped "
            f"US${ex('Tabasco', 2008)} million in 2008 and US${ex('Tabasco', 2009)} million in 2009. Yucatán's "
            f"exports slipped to US${ex('Yucatán', 2009)} million, while Oaxaca's, small to begin with, went "
            f"from US${ex('Oaxaca', 2007)} million to US${ex('Oaxaca', 2008)} million in 2008.",
        ),
        ("h1", "Wages and jobs"),
        (
            "p",
            f"Pay differs widely between the six states. In 2009 the real "
            f"monthly wage was highest in Campeche, at {wage('Campeche', 2009)} pesos, and lowest in Yucatán, at "
            f"{wage('Yucatán', 2009)} pesos; Chiapas was barely above Yucatán with {wage('Chiapas', 2009)} pesos, and "
            f"Tabasco stood at {wage('Tabasco', 2009)}. Unemployment rose with the crisis: "
            f"in 2009 it reached {unemp('Tabasco', 2009)} percent in both Tabasco and Quintana "
            f"Roo, against {unemp('Quintana Roo', 2007)} percent in Quintana Roo two years earlier, while Campeche "
            f"held at {unemp('Campeche', 2009)} percent.",
        ),
        ("h1", "Sources"),
        (
            "p",
            "Mexican state panel 2006–2022 (file mx_state_panel_fdi_exports_wages_2006_2022.csv), compiled for a "
            "university nearshoring course from INEGI (BIE, ENOE), Banxico and the Secretaría de Economía's FDI "
            "statistics; years 2007–2009.",
        ),
    ]
    src = [name]
    q.add("article_fact", "How much foreign direct investment did Quintana Roo attract in 2008?",
          mn_forms(fdi("Quintana Roo", 2008)), src)  # fmt: skip
    q.add("comparison", "Which southern state saw foreign investment increase in both 2008 and 2009?", rising, src)
    q.add("article_fact", "What were Campeche's exports in 2009?", mn_forms(ex("Campeche", 2009)), src)
    q.add("article_fact", "What was the real monthly wage in Chiapas in 2009?",
          [f"{wage('Chiapas', 2009)} pesos", wage("Chiapas", 2009)], src)  # fmt: skip
    q.add("comparison", "Of the six southern states, where were real wages highest in 2009?", [wage_top], src)
    q.add("date_definition", "At what prices are the real wages in the southern states report expressed?",
          ["2018 prices"], src)  # fmt: skip
    q.add("unanswerable", "How many hotel rooms did Quintana Roo have in 2008?", [], src)
    return name, title, paragraphs


def china_months_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    """T2. PDF: US imports from China month by month, 2008-2009 (Census via FRED, IMPCH)."""
    name = "us-imports-from-china-through-the-great-recession-2008-2009.pdf"
    m: dict[tuple[int, int], float] = {}
    for r in rows(data, "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv"):
        y, mo = int(r["observation_date"][:4]), int(r["observation_date"][5:7])
        if y in (2008, 2009):
            m[(y, mo - 1)] = float(r["IMPCH"])
    assert len(m) == 24
    s = {k: mn1(x) for k, x in m.items()}
    yr = {y: sum(num(s[(y, k)]) for k in range(12)) for y in (2008, 2009)}
    yr_bn = {y: f"{yr[y] / 1000:,.2f}" for y in yr}
    fall = pct((yr[2008] - yr[2009]) / yr[2008] * 100)
    qs = {(y, k): mn1(sum(num(s[(y, 3 * k + i)]) for i in range(3))) for y in (2008, 2009) for k in range(4)}
    hi08 = max(range(12), key=lambda k: m[(2008, k)])
    lo09 = min(range(12), key=lambda k: m[(2009, k)])
    assert MONTHS[hi08] == "October" and MONTHS[lo09] == "February"
    assert [k for k in range(12) if m[(2009, k)] > m[(2008, k)]] == [11]
    _, world = census_annual(data, ["China"], [2008, 2009])
    wfall = pct((world[2008]["imports_musd"] - world[2009]["imports_musd"]) / world[2008]["imports_musd"] * 100)
    share = {y: pct(yr[y] / world[y]["imports_musd"] * 100) for y in (2008, 2009)}
    assert float(wfall) > float(fall) and float(share[2009]) > float(share[2008])
    q1_fall = pct((num(qs[(2008, 0)]) - num(qs[(2009, 0)])) / num(qs[(2008, 0)]) * 100)
    title = "The container slump: US imports from China month by month, 2008–2009"
    running = f"{PUBLISHER} · US imports from China, 2008–2009 · Census Bureau via FRED"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Seven years after China joined the World Trade Organization — on 11 December 2001, according to the "
            "WTO — its factories had become the default supplier of American shops. Then the financial crisis "
            "struck. This report follows US imports of goods from China month by month through 2008 and 2009, "
            "using the Census Bureau's customs-basis series as published by the Federal Reserve Bank of St. Louis "
            "(FRED series IMPCH), in millions of US dollars, not seasonally adjusted. Annual and quarterly totals "
            "and all rates of change are our own sums of the monthly figures.",
        ),
        ("h2", "A last peak"),
        (
            "p",
            f"Imports from China climbed from the spring of 2008 into the autumn, carried by the usual "
            f"autumn build-up of stock for the Christmas season. They peaked in {MONTHS[hi08]} 2008 at "
            f"US${s[(2008, hi08)]} million, the highest monthly figure of the two years, after "
            f"US${s[(2008, hi08 - 1)]} million in {MONTHS[hi08 - 1]}. By December the flow had already shrunk to "
            f"US${s[(2008, 11)]} million. Over the whole of 2008 the United States bought ${yr_bn[2008]} billion "
            f"of Chinese goods (our sum).",
        ),
    ]
    page2 = [
        ("h2", "The trough and the recovery"),
        (
            "p",
            f"The first months of 2009 were the worst. In {MONTHS[lo09]} 2009 imports fell to US${s[(2009, lo09)]} "
            f"million, the lowest month in the two years, partly because the Lunar New Year holiday closes "
            f"Chinese factories for weeks. The first quarter of 2009 brought in US${qs[(2009, 0)]} million, "
            f"{q1_fall} percent less than the US${qs[(2008, 0)]} million of the first quarter of 2008. Recovery "
            f"was steady after that: the third quarter reached US${qs[(2009, 2)]} million and October 2009 "
            f"US${s[(2009, 9)]} million. In December 2009 imports, at US${s[(2009, 11)]} million, were above the "
            f"level of a year earlier, the only month of 2009 of which that was true.",
        ),
        (
            "p",
            f"For 2009 as a whole, imports from China came to ${yr_bn[2009]} billion, a fall of {fall} percent "
            f"from 2008 (our calculation). That was a milder drop than in total US goods imports, which on the "
            f"Census Bureau's world totals were {wfall} percent lower in 2009 than in 2008, so China's share of everything the "
            f"United States bought from abroad rose from {share[2008]} percent to {share[2009]} percent (our "
            "calculation from the Census world totals).",
        ),
        ("h2", "Sources"),
        (
            "p",
            "U.S. Census Bureau, U.S. Imports of Goods by Customs Basis from China, monthly, not seasonally "
            f"adjusted, via FRED, Federal Reserve Bank of St. Louis, series IMPCH, {FRED_URL} (file "
            "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv), January 2008 to December 2009; U.S. "
            "Census Bureau, Trade in Goods by Country, world total imports 2008–2009 (file "
            "census_us_goods_trade_by_country_annual_1985_2024h1.csv). Date of "
            "China's WTO accession as published by the World Trade Organization.",
        ),
    ]
    src = [name]
    q.add("article_fact", "What were US imports from China in October 2008?", mn_forms(s[(2008, hi08)]), src)
    q.add("comparison", "In which month of 2009 did US imports from China hit bottom?", [MONTHS[lo09]], src)
    q.add("article_fact", "How much did the United States import from China over the whole of 2009?",
          bn_forms(yr_bn[2009]), src)  # fmt: skip
    q.add("article_fact", "By what percentage did imports from China decline from 2008 to 2009?", pct_forms(fall), src)
    q.add("article_fact", "What was the value of imports from China in the first quarter of 2009?",
          mn_forms(qs[(2009, 0)]), src)  # fmt: skip
    q.add("follow_up", "And twelve months later?", mn_forms(s[(2009, 11)]), src,
          history=["What were US imports from China in December 2008?"])  # fmt: skip
    q.add("date_definition", "When did China become a member of the WTO?", ["11 December 2001", "December 11, 2001"],
          src)  # fmt: skip
    q.add("unanswerable", "What share of US imports from China in 2009 were consumer electronics?", [], src)
    return name, title, running, [page1, page2]


def hightech_html(data: Path, q: Questions) -> tuple[str, str]:
    """T3. HTML: US exports of HS 30, 88 and 90 to Japan, South Korea and Brazil, 2020 and 2024 (USITC DataWeb)."""
    name = "us-exports-of-medicines-aircraft-and-instruments-2020-2024.html"
    chapters = ["30", "88", "90"]
    partners = ["Japan", "South Korea", "Brazil"]
    v: dict[tuple[str, str, int], float] = {}
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["hs2"] in chapters and r["country"] in partners:
            for y in (2020, 2024):
                v[(r["hs2"], r["country"], y)] = float(r[f"fas_usd_{y}"])
    assert len(v) == 18
    b = {k: bn(x) for k, x in v.items()}

    def rise(h: str, c: str) -> float:
        return (num(b[(h, c, 2024)]) - num(b[(h, c, 2020)])) / num(b[(h, c, 2020)]) * 100

    air_top = max(partners, key=lambda c: v[("88", c, 2024)])
    pharma_top = max(partners, key=lambda c: v[("30", c, 2024)])
    inst_top = max(partners, key=lambda c: v[("90", c, 2024)])
    assert (air_top, pharma_top, inst_top) == ("Brazil", "Japan", "Japan")
    assert max(partners, key=lambda c: rise("88", c)) == "South Korea"
    assert max(partners, key=lambda c: rise("30", c)) == "Brazil"
    kr_air = pct(rise("88", "South Korea"))
    br_pharma = pct(rise("30", "Brazil"))
    kr3 = f"{sum(num(b[(h, 'South Korea', 2024)]) for h in chapters):,.2f}"
    title = "Pills, planes and precision: three high-value US exports to Japan, South Korea and Brazil"
    body = [
        "<p>Not everything the United States sells abroad is soybeans, fuel or car parts. This article looks at "
        "three chapters of the Harmonized System (HS) in which American factories earn high prices per "
        "kilogram: pharmaceutical products (chapter 30), aircraft, spacecraft and their parts (chapter 88), and "
        "optical, photographic, measuring and medical instruments (chapter 90). It compares three buyers that "
        "compete with Mexico for American supply chains in very different ways — Japan, South Korea and Brazil "
        "— in 2020, the first year of the pandemic, and in 2024. Values are total US exports at F.A.S. value "
        "from the US International Trade Commission's DataWeb, in US dollars; growth rates and totals are our "
        "own calculations.</p>",
        "<h2>Medicines</h2>",
        f"<p>Japan is by far the largest buyer of US medicines among the three: "
        f"US${b[('30', 'Japan', 2024)]} billion in 2024, more than double the US${b[('30', 'Japan', 2020)]} "
        f"billion of 2020. Brazil's purchases grew fastest in relative terms, from US${b[('30', 'Brazil', 2020)]} "
        f"billion to US${b[('30', 'Brazil', 2024)]} billion, a rise of {br_pharma} percent, while South Korea "
        f"bought US${b[('30', 'South Korea', 2024)]} billion in 2024, up from "
        f"US${b[('30', 'South Korea', 2020)]} billion.</p>",
        "<h2>Aircraft</h2>",
        f"<p>Aircraft and parts are a story about airlines. Brazil, home of the planemaker Embraer and of a "
        f"large domestic airline market, took US${b[('88', 'Brazil', 2024)]} billion of US aerospace goods in "
        f"2024, twice the US${b[('88', 'Brazil', 2020)]} billion of 2020 and more than either of the others. "
        f"Japan, level with Brazil in 2020 at US${b[('88', 'Japan', 2020)]} billion, grew least and bought "
        f"US${b[('88', 'Japan', 2024)]} billion in 2024. South Korea started from a low base, "
        f"US${b[('88', 'South Korea', 2020)]} billion when the pandemic grounded fleets, and reached "
        f"US${b[('88', 'South Korea', 2024)]} billion, an increase of {kr_air} percent, the steepest of the "
        "three.</p>",
        "<h2>Instruments</h2>",
        f"<p>In instruments Japan leads again, but barely grew: US${b[('90', 'Japan', 2024)]} billion of "
        f"chapter 90 goods in 2024 against US${b[('90', 'Japan', 2020)]} billion in 2020. South Korea, whose "
        f"chip and display factories buy American measuring and testing equipment, took "
        f"US${b[('90', 'South Korea', 2024)]} billion, and Brazil US${b[('90', 'Brazil', 2024)]} billion. Taken "
        f"together, the three chapters brought South Korea's purchases to US${kr3} billion in 2024 (our "
        "sum).</p>",
    ]
    page = byline_page(
        title,
        "Industry",
        "Priya Raman",
        body,
        "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and "
        "country, 2020–2024 (downloaded 2025-08-07; file usitc_dataweb_us_total_exports_fas_by_hs2_country_"
        f'2020_2024.csv), chapters 30, 88 and 90, <a href="{USITC_URL}">{USITC_URL}</a>',
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    src = [name]
    q.add("article_fact", "What did Japan spend on US pharmaceutical products in 2024?", bn_forms(b[("30", "Japan", 2024)]),
          src)  # fmt: skip
    q.add("comparison", "Which of the three countries was the biggest customer for US aircraft and parts in 2024?",
          [air_top], src)  # fmt: skip
    q.add("article_fact", "How much did the US export in optical and medical instruments to South Korea in 2024?",
          bn_forms(b[("90", "South Korea", 2024)]), src)  # fmt: skip
    q.add("article_fact", "How fast did US aerospace exports to South Korea grow between 2020 and 2024?",
          pct_forms(kr_air), src)  # fmt: skip
    q.add("article_fact", "What were US aerospace exports to Japan in 2020?", bn_forms(b[("88", "Japan", 2020)]), src)
    q.add("comparison", "Whose purchases of American medicines grew fastest in relative terms from 2020 to 2024?",
          ["Brazil"], src)  # fmt: skip
    q.add("date_definition", "What kind of goods does HS chapter 88 cover?", ["aircraft, spacecraft"], src)
    q.add("unanswerable", "How much did the United States import in pharmaceuticals from Japan in 2024?", [], src)
    return name, page


# =============================================================================================


def main() -> None:
    q = Questions("fresh4", blank_unanswerable=True)
    dev = [euro_md, laredo_bridges_txt, mexico_modes_html]
    test = [south_states_docx, china_months_pdf, hightech_html]
    write_set(__doc__, q, OUT, PARTS, PUBLISHER, dev, test, after="fresh3", others=sets_before(4))


if __name__ == "__main__":
    main()
