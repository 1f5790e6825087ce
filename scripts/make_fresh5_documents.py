"""Write the fifth fresh evaluation set (eval/documents-fresh5/) and its questions (eval/parts/fresh5.jsonl).

    python scripts/make_fresh5_documents.py [--data ../shared/data/trade]

An eighth document set, "set": "fresh5", written like fresh4 (prose articles asked text questions in
an analyst's own words, several entities and measures to a paragraph, comparisons said in words,
figures in prose and no table), on facts no other set uses, so that its dev part can calibrate how
sure the answerer must be before it answers, on prose nobody tuned it for. It asks more
unanswerable questions than fresh4 (two per document), each one a near miss a user could ask of
these documents: another partner, year, month, direction or measure. Split BY DOCUMENT: the first
three documents are the dev part, the last three the test part (report only). Dev: US goods trade
with Brazil, Argentina, Chile, Colombia and Peru, 2011-2014 (Census; fresh covers 2005-2010); US-
Canada trade by mode, 2004-2005 (BTS; its data before 2004 has no air or vessel freight and does not
reconcile with Census); US imports from China month by month, 2013-2014 (Census via FRED, with
Census monthly exports; the shipped corpus has China's annual totals from 2015). Test: the six
northern border states' FDI, exports, real wages and unemployment, 2008-2010 (state panel; the
corpus has state FDI from 2013, fresh3 Sonora from 2011); northbound pedestrians and passenger
vehicles at Texas ports, 2014-2016 (CBP; fresh2 covers 2012-2013); US exports of machinery,
electrical equipment and vehicles (HS 84, 85, 87) to the United Kingdom, Germany and India,
2022-2023 (USITC), as a plain-text memo.

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The few facts that are
not data (the US-Colombia Trade Promotion Agreement's entry into force, when air and vessel freight
entered the TransBorder data, the opening of the Shanghai pilot free trade zone, the Western
Hemisphere Travel Initiative's land-border rule, BMW's description of its Spartanburg plant) are
each attributed in the article to whoever announced them. The checks and writers are those of
eval_documents.py (write_set, finish) and make_eval_documents.py (reproducible DOCX and PDF).
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
from make_fresh4_documents import DATE_ISO, DATE_LONG, FRED_URL, PUBLISHER, n  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh5"
PARTS = ROOT / "eval" / "parts" / "fresh5.jsonl"


def change(new: float, old: float) -> str:
    """A percentage change, one decimal, of two figures as the article states them."""
    return pct((new - old) / old * 100)


# =============================================================================================
# DEV documents
# =============================================================================================


def south_america_md(data: Path, q: Questions) -> tuple[str, str]:
    """D1. MD: US goods trade with Brazil, Argentina, Chile, Colombia and Peru, 2011-2014 (Census annual)."""
    name = "us-goods-trade-with-five-south-american-partners-2011-2014.md"
    five = ["Brazil", "Argentina", "Chile", "Colombia", "Peru"]
    years = [2011, 2012, 2013, 2014]
    t, world = census_annual(data, five, years)

    f = partial(census_figure, t)
    bal = partial(census_balance, t)  # the size of a balance, its sign said in words

    exp = {y: sum(num(f(c, y, "exports_musd")) for c in five) for y in years}
    exp_bn = {y: f"{exp[y] / 1000:,.2f}" for y in years}
    br_share13 = pct(num(f("Brazil", 2013, "exports_musd")) / exp[2013] * 100)
    world_share13 = pct(exp[2013] / world[2013]["exports_musd"] * 100)
    col_rise = change(num(f("Colombia", 2014, "exports_musd")), num(f("Colombia", 2011, "exports_musd")))
    col_imp_fall = change(num(f("Colombia", 2014, "imports_musd")), num(f("Colombia", 2012, "imports_musd")))
    assert all(max(five, key=lambda c: t[(c, y)]["exports_musd"]) == "Brazil" for y in years)
    assert all(min(five, key=lambda c: t[(c, y)]["exports_musd"]) == "Peru" for y in years)
    deficits = {y: [c for c in five if t[(c, y)]["balance_musd"] < 0] for y in years}
    assert deficits == {2011: ["Colombia"], 2012: ["Colombia"], 2013: ["Colombia"], 2014: []}
    rising = [c for c in five if all(t[(c, y)]["exports_musd"] < t[(c, y + 1)]["exports_musd"] for y in years[:-1])]
    assert rising == ["Argentina", "Colombia"]
    assert max(years, key=lambda y: t[("Chile", y)]["exports_musd"]) == 2012
    assert max(years, key=lambda y: t[("Brazil", y)]["balance_musd"]) == 2013
    assert max(years, key=lambda y: t[("Colombia", y)]["imports_musd"]) == 2012
    assert max(five, key=lambda c: t[(c, 2014)]["balance_musd"]) == "Brazil"
    text = f"""---
title: "Copper, coffee and soybeans: US goods trade with Brazil, Argentina, Chile, Colombia and Peru, 2011–2014"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "2011–2014 (calendar years)"
---
# Copper, coffee and soybeans: US goods trade with five South American partners, 2011–2014

The first half of the 2010s was the tail end of South America's commodity boom. Copper, oil,
soybeans and coffee still fetched high prices, and the earnings paid for American machinery, fuel
and chemicals. This article follows five of the largest South
American economies — Brazil, Argentina, Chile, Colombia and Peru — through the U.S. Census Bureau's
goods trade figures for 2011 to 2014, in millions of US dollars. Exports are US sales to the partner
(total exports, F.A.S. value) and imports are US purchases from it (general imports, customs value);
a balance is exports less imports, so a negative one is a US deficit. Totals and shares for the
five are our own calculations from the Census country figures.

## Brazil first, Peru last

Brazil was by far the biggest customer in every one of the four years. US sales there went from
US${f("Brazil", 2011, "exports_musd")} million in 2011 to a high of US${f("Brazil", 2013, "exports_musd")}
million in 2013, when Brazil alone accounted for {br_share13} percent of what the five bought from the
United States (our calculation), before easing to US${f("Brazil", 2014, "exports_musd")} million in
2014. Chile was a distant second in 2011 and 2012, with purchases
peaking at US${f("Chile", 2012, "exports_musd")} million in 2012; it then bought less in each of the
next two years, US${f("Chile", 2014, "exports_musd")} million by 2014. Peru remained the smallest of the
five markets throughout, buying US${f("Peru", 2011, "exports_musd")} million of US goods in 2011 and
US${f("Peru", 2013, "exports_musd")} million in 2013. Only two of the five bought more American goods in
every year of the period: Argentina, whose purchases edged up from US${f("Argentina", 2011, "exports_musd")}
million in 2011 to US${f("Argentina", 2014, "exports_musd")} million in 2014, and Colombia.

Together the five took ${exp_bn[2011]} billion of US goods in 2011 and ${exp_bn[2014]} billion in 2014
(our sums). In 2013 their purchases came to {world_share13} percent of all US goods exports, by our
calculation from the Census world total.

## Colombia turns the balance

Colombia is the story of the period. The United States–Colombia Trade Promotion Agreement entered
into force on 15 May 2012, according to the Office of the United States Trade Representative, and
American exporters made the most of it: sales to Colombia rose from US${f("Colombia", 2011, "exports_musd")}
million in 2011 to US${f("Colombia", 2012, "exports_musd")} million in 2012 and
US${f("Colombia", 2014, "exports_musd")} million in 2014, a gain of {col_rise} percent over the three
years (our calculation), which lifted Colombia past Chile as the second-largest market of the five from
2013. In the other direction, US imports from Colombia reached
US${f("Colombia", 2011, "imports_musd")} million in 2011 and peaked at US${f("Colombia", 2012, "imports_musd")}
million in 2012, then fell to US${f("Colombia", 2014, "imports_musd")} million in 2014, {col_imp_fall.lstrip("-")}
percent below the peak. Colombia was the only one of the five with which the United States ran a
deficit, US${bal("Colombia", 2011)} million in 2011 and US${bal("Colombia", 2013)} million in 2013, and
by 2014 even that had become a surplus of US${bal("Colombia", 2014)} million.

## Surpluses elsewhere

With the other four the United States sold more than it bought in every year. From 2012 the widest
surplus was with Brazil: US${bal("Brazil", 2012)} million in 2012, rising to US${bal("Brazil", 2013)} million
in 2013, its largest of the period, as US imports from Brazil fell to US${f("Brazil", 2013, "imports_musd")}
million. The surplus with Chile stood at US${bal("Chile", 2012)} million in 2012, the one with Argentina
at US${bal("Argentina", 2014)} million in 2014, and the one with Peru at US${bal("Peru", 2014)} million
in 2014, when US purchases from Peru dropped to US${f("Peru", 2014, "imports_musd")} million.

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals 2011–2014 and
the world total for 2013, {CENSUS_URL}. Entry into force of the US–Colombia Trade Promotion
Agreement as published by the Office of the United States Trade Representative.
"""
    second = [sorted(five, key=lambda c: -t[(c, y)]["exports_musd"])[1] for y in years]
    assert second == ["Chile", "Chile", "Colombia", "Colombia"]
    assert all(max(five, key=lambda c: t[(c, y)]["balance_musd"]) == "Brazil" for y in years[1:])
    src = [name]
    q.add("article_fact", "How much did American companies export to Chile in 2012?",
          mn_forms(f("Chile", 2012, "exports_musd")), src)  # fmt: skip
    q.add("comparison", "In 2013, which of the five South American countries was the only one with which the US "
          "had a goods trade deficit?", ["Colombia"], src)  # fmt: skip
    q.add("article_fact", "How much did Brazil, Argentina, Chile, Colombia and Peru buy from the US altogether "
          "in 2014?", bn_forms(exp_bn[2014]), src)  # fmt: skip
    q.add("article_fact", "What percentage of US sales to the five countries went to Brazil in 2013?",
          pct_forms(br_share13), src)  # fmt: skip
    q.add("article_fact", "By how much in percentage terms did US exports to Colombia grow between 2011 and 2014?",
          pct_forms(col_rise), src)  # fmt: skip
    q.add("comparison", "Which of these South American markets bought the least from the United States in 2011?",
          ["Peru"], src)  # fmt: skip
    q.add("date_definition", "When did the US–Colombia free trade agreement come into effect?",
          ["15 May 2012", "May 15, 2012"], src)  # fmt: skip
    q.add("follow_up", "And with Argentina?", mn_forms(bal("Argentina", 2014)), src,
          history=["How big was the US goods surplus with Peru in 2014?"])  # fmt: skip
    q.add("unanswerable", "What were US goods exports to Venezuela in 2013?", [], src)
    q.add("unanswerable", "How much did the US export in services to Brazil in 2013?", [], src)
    return name, text


def canada_modes_txt(data: Path, q: Questions) -> tuple[str, str]:
    """D2. TXT: US-Canada trade by mode of transport, 2004-2005 (BTS TransBorder annual)."""
    name = "us-canada-freight-by-mode-2004-2005.txt"
    years = [2004, 2005]
    modes = ["Truck", "Rail", "Pipeline", "Air", "Vessel"]
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    allm: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv"):
        if r["Country"] == "Canada" and int(r["Year"]) in years:
            allm[(r["TradeType"], int(r["Year"]))] += float(r["TradeValue"])
            if r["Mode"] in modes:
                v[(r["Mode"], r["TradeType"], int(r["Year"]))] += float(r["TradeValue"])
    b = {k: bn(x) for k, x in v.items()}
    for y in years:  # "the largest trading partner of the United States"
        partners = [r for r in rows(data, "census_us_goods_trade_by_country_annual_1985_2024h1.csv")
                    if int(r["year"]) == y and r["is_aggregate"] == "False"]  # fmt: skip
        assert max(partners, key=lambda r: float(r["total_trade_musd"]))["country"] == "Canada"

    def growth(m: str, tt: str) -> float:
        return (num(b[(m, tt, 2005)]) - num(b[(m, tt, 2004)])) / num(b[(m, tt, 2004)]) * 100

    assert max(modes, key=lambda m: growth(m, "Import")) == "Pipeline"
    assert sorted(modes, key=lambda m: -growth(m, "Import"))[1] == "Vessel"
    assert min(modes, key=lambda m: v[(m, "Export", 2005)]) == "Pipeline"
    pipe_rise = pct(growth("Pipeline", "Import"))
    rail_gap = f"{num(b[('Rail', 'Import', 2005)]) - num(b[('Rail', 'Export', 2005)]):,.2f}"
    vessel_rise = pct(growth("Vessel", "Import"))
    air_exp_rise = pct(growth("Air", "Export"))
    assert abs(float(air_exp_rise)) < 2  # "barely moved"
    total05 = allm[("Export", 2005)] + allm[("Import", 2005)]
    truck_share = pct((v[("Truck", "Export", 2005)] + v[("Truck", "Import", 2005)]) / total05 * 100)
    pipe_share = pct(v[("Pipeline", "Import", 2005)] / allm[("Import", 2005)] * 100)
    assert all(v[("Rail", "Import", y)] > 3 * v[("Rail", "Export", y)] for y in years)
    assert all(v[("Truck", "Export", y)] > v[("Truck", "Import", y)] for y in years)
    assert all(max(modes, key=lambda m: v[(m, tt, y)]) == "Truck" for tt in ("Export", "Import") for y in years)
    lines = [
        "TRUCKS, TRAINS AND PIPELINES: HOW US-CANADA TRADE MOVED IN 2004 AND 2005",
        "Source: Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data, US-Canada "
        "trade by mode of transport, annual",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "Units: US dollars (billions)",
        "",
        wrap(
            "Canada was the largest trading partner of the United States in the mid-2000s, and most of what the "
            "two countries exchanged never saw a port. This note reads the Bureau of Transportation Statistics' "
            "TransBorder figures by mode for 2004 and 2005: exports are US shipments to Canada, imports are US "
            "purchases from Canada. According to the University of North Texas, which compiles the series for "
            "the Texas Department of Transportation, air and vessel shipments only enter the TransBorder data in "
            "November 2003, so 2004 is the first full year in which every mode can be compared. Shares and "
            "growth rates are our own calculations; the shares are of trade by every mode, including shipments "
            "whose mode was not recorded."
        ),
        "",
        "ROAD AND RAIL",
        "",
        wrap(
            f"Trucks carried more than any other mode in both directions. US exports to Canada moving by truck rose "
            f"from US${b[('Truck', 'Export', 2004)]} billion in 2004 to US${b[('Truck', 'Export', 2005)]} billion "
            f"in 2005, and imports arriving by truck from US${b[('Truck', 'Import', 2004)]} billion to "
            f"US${b[('Truck', 'Import', 2005)]} billion, so that {truck_share} percent of all US-Canada goods "
            f"trade in 2005 went by road (our calculation). Rail was lopsided: freight trains brought in "
            f"US${b[('Rail', 'Import', 2004)]} billion of Canadian goods in 2004 and "
            f"US${b[('Rail', 'Import', 2005)]} billion in 2005, more than three times what they carried north, "
            f"which was US${b[('Rail', 'Export', 2004)]} billion in 2004 and US${b[('Rail', 'Export', 2005)]} "
            f"billion in 2005: a gap of US${rail_gap} billion in 2005 (our calculation)."
        ),
        "",
        "PIPELINES, SHIPS AND PLANES",
        "",
        wrap(
            f"Pipelines, which bring Canadian crude oil and natural gas south, were the fastest-growing way in: "
            f"imports by pipeline jumped from US${b[('Pipeline', 'Import', 2004)]} billion in 2004 to "
            f"US${b[('Pipeline', 'Import', 2005)]} billion in 2005, an increase of {pipe_rise} percent (our calculation), and made up {pipe_share} percent of everything the United "
            f"States bought from Canada in 2005. Pipelines carried the least of any mode the other way, only "
            f"US${b[('Pipeline', 'Export', 2005)]} billion of US exports in 2005. Ships came second for growth: "
            f"vessel imports from Canada rose to US${b[('Vessel', 'Import', 2005)]} billion from "
            f"US${b[('Vessel', 'Import', 2004)]} billion, up {vessel_rise} percent, while vessel exports reached "
            f"US${b[('Vessel', 'Export', 2005)]} billion. Air freight barely moved: US exports to Canada by air "
            f"were US${b[('Air', 'Export', 2004)]} billion in 2004 and US${b[('Air', 'Export', 2005)]} billion "
            f"in 2005, and air imports US${b[('Air', 'Import', 2005)]} billion."
        ),
        "",
        "SOURCES",
        "",
        wrap(
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US-Canada trade by "
            "mode, annual 2004-2005 (raw data downloaded 2026-03-21, aggregated by the University of North "
            "Texas for TxDOT; file bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv), "
            f"{BTS_URL}. Coverage of air and vessel freight as stated in the compiler's data caveats."
        ),
        "",
    ]
    src = [name]
    q.add("article_fact", "What was the value of US exports to Canada shipped by truck in 2005?",
          bn_forms(b[("Truck", "Export", 2005)]), src)  # fmt: skip
    q.add("comparison", "Which mode of transport saw US imports from Canada grow fastest from 2004 to 2005?",
          ["pipeline", "pipelines"], src)  # fmt: skip
    q.add("comparison", "By how much did rail imports from Canada exceed rail exports to Canada in 2005?",
          bn_forms(rail_gap), src)  # fmt: skip
    q.add("article_fact", "What proportion of US–Canada goods trade moved by road in 2005?", pct_forms(truck_share),
          src)  # fmt: skip
    q.add("comparison", "Which mode carried the smallest value of US exports to Canada in 2005?",
          ["pipeline", "pipelines"], src)  # fmt: skip
    q.add("follow_up", "What about the next year?", bn_forms(b[("Rail", "Import", 2005)]), src,
          history=["How much did the US import from Canada by rail in 2004?"])  # fmt: skip
    q.add("date_definition", "Since when have air and vessel shipments been included in the TransBorder freight data?",
          ["November 2003"], src)  # fmt: skip
    q.add("unanswerable", "How many tonnes of freight did trucks bring in from Canada in 2005?", [], src)
    q.add("unanswerable", "What were US exports to Canada by air in 2003?", [], src)
    return name, "\n".join(lines)


def china_months_html(data: Path, q: Questions) -> tuple[str, str]:
    """D3. HTML: US imports from China month by month, 2013-2014 (Census via FRED, IMPCH), with
    Census monthly exports to China."""
    name = "us-china-goods-trade-month-by-month-2013-2014.html"
    years = (2013, 2014)
    m: dict[tuple[int, int], float] = {}
    for r in rows(data, "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv"):
        y, mo = int(r["observation_date"][:4]), int(r["observation_date"][5:7])
        if y in years:
            m[(y, mo - 1)] = float(r["IMPCH"])
    assert len(m) == 24
    e: dict[tuple[int, int], float] = {}
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        if r["CTY_CODE"] == "5700" and int(r["year"]) in years:
            for k, mon in enumerate(MONTHS):
                e[(int(r["year"]), k)] = float(r["E" + mon[:3].upper()])
    assert len(e) == 24
    s = {k: mn1(x) for k, x in m.items()}
    x = {k: mn1(v) for k, v in e.items()}
    yr = {y: sum(num(s[(y, k)]) for k in range(12)) for y in years}
    yr_bn = {y: f"{yr[y] / 1000:,.2f}" for y in years}
    rise = change(yr[2014], yr[2013])
    qs = {(y, k): mn1(sum(num(s[(y, 3 * k + i)]) for i in range(3))) for y in years for k in range(4)}
    lo13 = min(range(12), key=lambda k: m[(2013, k)])
    hi14 = max(range(12), key=lambda k: m[(2014, k)])
    hi13 = max(range(12), key=lambda k: m[(2013, k)])
    assert (MONTHS[lo13], MONTHS[hi14], MONTHS[hi13]) == ("March", "October", "October")
    assert min(m, key=lambda k: m[k]) == (2013, lo13) and max(m, key=lambda k: m[k]) == (2014, hi14)
    sep_gap = f"{num(s[(2014, 8)]) - num(s[(2013, 8)]):,.1f}"
    xhi = max(e, key=lambda k: e[k])
    assert xhi == (2013, 9)  # exports peaked in October 2013
    for y in years:  # "the largest source of American imports"
        partners = [r for r in rows(data, "census_us_goods_trade_by_country_annual_1985_2024h1.csv")
                    if int(r["year"]) == y and r["is_aggregate"] == "False"]  # fmt: skip
        assert max(partners, key=lambda r: float(r["imports_musd"]))["country"] == "China"
    gap_oct14 = mn1(num(s[(2014, 9)]) - num(x[(2014, 9)]))
    ex_yr = {y: sum(num(x[(y, k)]) for k in range(12)) for y in years}
    ex_bn = {y: f"{ex_yr[y] / 1000:,.2f}" for y in years}
    title = "Ships from Shenzhen: US goods trade with China month by month, 2013–2014"
    body = [
        "<p>In 2013 and 2014 China consolidated its place as the largest source of American imports, and the "
        "monthly figures show how seasonal that trade is: factories in Guangdong and Zhejiang slow down for "
        "the Lunar New Year at the start of each year, and shipments climb through the summer and autumn as "
        "American retailers stock up for the holidays. This article follows US imports of goods from China "
        "month by month, using the Census Bureau's customs-basis series as published by the Federal Reserve "
        "Bank of St. Louis (FRED series IMPCH), and US exports to China from the Census Bureau's monthly "
        "country data, both in millions of US dollars and not seasonally adjusted. Quarterly and annual "
        "totals, gaps and rates of change are our own calculations from the monthly figures.</p>",
        "<h2>2013: a slow start</h2>",
        f"<p>Imports from China began 2013 at US${s[(2013, 0)]} million in January and then fell for two "
        f"months in a row, to US${s[(2013, 1)]} million in February and US${s[(2013, lo13)]} million in "
        f"{MONTHS[lo13]}, the weakest month of the two years. The first quarter of 2013 brought in "
        f"US${qs[(2013, 0)]} million. From then on the flow mostly rose, to US${s[(2013, 8)]} million in "
        f"September and a high for the year of US${s[(2013, hi13)]} million in {MONTHS[hi13]}. American "
        f"sales to China followed their own calendar and peaked in the autumn: exports to China were "
        f"US${x[(2013, 8)]} million in September 2013 and US${x[xhi]} million in {MONTHS[xhi[1]]}, the "
        f"best month for US exporters in the two years, after only US${x[(2013, 3)]} million in April. Over "
        f"the whole of 2013 the United States bought ${yr_bn[2013]} billion of Chinese goods and sold "
        f"${ex_bn[2013]} billion to China (our sums).</p>",
        "<h2>2014: a stronger autumn</h2>",
        f"<p>The Lunar New Year dip came earlier in 2014: imports fell from US${s[(2014, 0)]} million in "
        f"January to US${s[(2014, 1)]} million in February, then recovered to US${s[(2014, 3)]} million in "
        f"April. The autumn was far stronger than a year earlier. September 2014 imports reached "
        f"US${s[(2014, 8)]} million, US${sep_gap} million more than in September 2013, and "
        f"{MONTHS[hi14]} 2014 set the record for the period at US${s[(2014, hi14)]} million. The third "
        f"quarter of 2014 came to US${qs[(2014, 2)]} million, against US${qs[(2013, 2)]} million a year "
        f"before. In {MONTHS[hi14]} 2014 US exports to China were US${x[(2014, 9)]} million, so imports "
        f"exceeded them by US${gap_oct14} million in that month alone.</p>",
        f"<p>For 2014 as a whole, imports from China came to ${yr_bn[2014]} billion, {rise} percent more than "
        f"in 2013 (our calculation), while US exports to China reached ${ex_bn[2014]} billion. 2014 was "
        "also the first full year of an experiment on the Chinese side: the China (Shanghai) Pilot Free "
        "Trade Zone, which opened on 29 September 2013 according to the official Xinhua news agency, was meant to test "
        "looser rules on foreign investment and trade in services.</p>",
    ]
    page = byline_page(
        title,
        "Markets",
        "Daniel Okafor",
        body,
        "U.S. Census Bureau, U.S. Imports of Goods by Customs Basis from China, monthly, not seasonally "
        f'adjusted, via FRED, Federal Reserve Bank of St. Louis, series IMPCH, <a href="{FRED_URL}">{FRED_URL}</a> '
        "(file fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv), January 2013 to December 2014; U.S. "
        "Census Bureau, Foreign Trade Division, Trade in Goods by Country, monthly exports to China, 2013–2014 "
        f'(file census_us_goods_trade_by_country_monthly_1985_2024jun.csv), <a href="{CENSUS_URL}">{CENSUS_URL}</a>. '
        "Opening date of the Shanghai pilot free trade zone as reported by the Xinhua news agency.",
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    src = [name]
    q.add("article_fact", "What were US imports from China in March 2013?", mn_forms(s[(2013, lo13)]), src)
    q.add("comparison", "Which month of 2014 saw the highest imports from China?", [MONTHS[hi14]], src)
    q.add("article_fact", "How much did the US import from China in the third quarter of 2014?",
          mn_forms(qs[(2014, 2)]), src)  # fmt: skip
    q.add("article_fact", "How much did American exporters sell to China in October 2013?", mn_forms(x[xhi]), src)
    q.add("article_fact", "By how much did September 2014 imports from China exceed September 2013?",
          mn_forms(sep_gap), src)  # fmt: skip
    q.add("follow_up", "What about the same month in 2014?", mn_forms(s[(2014, 1)]), src,
          history=["What were US imports from China in February 2013?"])  # fmt: skip
    q.add("date_definition", "When did the Shanghai pilot free trade zone open?",
          ["29 September 2013", "September 29, 2013"], src)  # fmt: skip
    q.add("unanswerable", "What were US imports from China in January 2015?", [], src)
    q.add("unanswerable", "How many shipping containers arrived in the US from China in 2014?", [], src)
    return name, page


# =============================================================================================
# TEST documents
# =============================================================================================


def border_states_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    """T1. DOCX: the six northern border states' FDI, exports, real wages and unemployment, 2008-2010 (state panel)."""
    name = "mexico-northern-border-states-through-the-crisis-2008-2010.docx"
    six = {"Baja California": "Baja California", "Sonora": "Sonora", "Chihuahua": "Chihuahua",
           "Coahuila": "Coahuila", "Nuevo Leon": "Nuevo León", "Tamaulipas": "Tamaulipas"}  # fmt: skip
    years = [2008, 2009, 2010]
    keys = ("new_fdi", "reinv_profits", "intercom_acc", "total_fdi", "exports_thousand_usd", "real_wage",
            "unemployment")  # fmt: skip
    p: dict[tuple[str, int], dict[str, float]] = {}
    national: dict[int, float] = defaultdict(float)
    for r in rows(data, "mx_state_panel_fdi_exports_wages_2006_2022.csv"):
        y = int(r["year"])
        if y in years:
            national[y] += float(r["total_fdi"])
            if r["state"] in six:
                p[(six[r["state"]], y)] = {k: float(r[k]) for k in keys}
    st = list(six.values())
    assert len(p) == len(st) * len(years)

    def fdi(s: str, y: int, k: str = "total_fdi") -> str:
        return f"{p[(s, y)][k]:,.2f}"

    def ex(s: str, y: int) -> str:  # thousands of dollars -> billions
        return f"{p[(s, y)]['exports_thousand_usd'] / 1e6:,.2f}"

    def wage(s: str, y: int) -> str:
        return f"{p[(s, y)]['real_wage']:.2f}"

    def unemp(s: str, y: int) -> str:
        return f"{p[(s, y)]['unemployment'] * 100:.0f}"

    five = [s for s in st if s != "Baja California"]  # the panel's export column for Baja California is implausible
    assert p[("Baja California", 2008)]["exports_thousand_usd"] < 1e6  # under US$1 billion: left out
    drop = {s: (num(ex(s, 2008)) - num(ex(s, 2009))) / num(ex(s, 2008)) * 100 for s in five}
    assert max(five, key=lambda s: drop[s]) == "Coahuila" and min(five, key=lambda s: drop[s]) == "Chihuahua"
    coah_drop = pct(drop["Coahuila"])
    assert all(max(five, key=lambda s: p[(s, y)]["exports_thousand_usd"]) == "Chihuahua" for y in years)
    assert all(max(st, key=lambda s: p[(s, y)]["real_wage"]) == "Nuevo León" for y in years)
    assert all(min(st, key=lambda s: p[(s, y)]["real_wage"]) == "Sonora" for y in years)
    six08 = sum(num(fdi(s, 2008)) for s in st)
    share08 = pct(six08 / national[2008] * 100)
    six09 = f"{sum(num(fdi(s, 2009)) for s in st):,.2f}"
    assert all(p[(s, 2009)]["total_fdi"] < p[(s, 2008)]["total_fdi"] for s in st)  # FDI fell everywhere in 2009
    assert p[("Coahuila", 2009)]["intercom_acc"] < 0 and p[("Nuevo León", 2009)]["intercom_acc"] < 0
    assert sorted(st, key=lambda s: -p[(s, 2008)]["total_fdi"])[:3] == ["Chihuahua", "Nuevo León", "Sonora"]
    assert max(st, key=lambda s: p[(s, 2010)]["new_fdi"]) == "Nuevo León"
    assert max(st, key=lambda s: p[(s, 2008)]["unemployment"]) == "Coahuila"
    title = "The border under strain: Mexico's six northern states through the 2008–2010 downturn"
    paragraphs = [
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "The six Mexican states that touch the United States — Baja California, Sonora, Chihuahua, Coahuila, "
            "Nuevo León and Tamaulipas — are where nearshoring began, with the maquiladoras of Tijuana and Ciudad "
            "Juárez and the car and steel plants of Saltillo and Monterrey, and they live closest to American "
            "demand. This report follows them from 2008 to 2010 using a state panel compiled for "
            "a university course on nearshoring, which credits INEGI (state exports and employment surveys) and "
            "Banxico; its foreign direct investment (FDI) columns follow the Secretaría de Economía. FDI is in "
            "millions of US dollars and is the sum of new investment, reinvested profits and intercompany "
            "accounts; exports are in US dollars; real wages are monthly figures in Mexican pesos at 2018 prices. "
            "The panel is a secondary compilation, and its export column for Baja California is far below what "
            "that state's factories ship, so we leave it out. Totals and shares are our own calculations.",
        ),
        ("h1", "Investment"),
        (
            "p",
            f"Chihuahua attracted the most foreign capital of the six in 2008, US${fdi('Chihuahua', 2008)} million, "
            f"ahead of Nuevo León with US${fdi('Nuevo León', 2008)} million and Sonora with "
            f"US${fdi('Sonora', 2008)} million. Together the six took in {share08} percent of the FDI that "
            f"reached Mexico that year (our calculation from the panel's national total). The crisis cut every "
            f"one of them in 2009: Chihuahua fell to US${fdi('Chihuahua', 2009)} million, Sonora to "
            f"US${fdi('Sonora', 2009)} million and Tamaulipas to US${fdi('Tamaulipas', 2009)} million, and the "
            f"six combined received US${six09} million. In Coahuila and Nuevo León parent companies even pulled "
            f"money back through intercompany accounts. The rebound of 2010 was uneven. Nuevo León drew "
            f"US${fdi('Nuevo León', 2010, 'new_fdi')} million of new investment alone, more than any other "
            f"border state, while Baja California's total recovered to US${fdi('Baja California', 2010)} million "
            f"from US${fdi('Baja California', 2009)} million.",
        ),
        ("h1", "Exports"),
        (
            "p",
            f"Chihuahua was also the largest exporter of the five states the panel measures well, with "
            f"US${ex('Chihuahua', 2008)} billion in 2008, and the most resilient: its exports slipped to "
            f"US${ex('Chihuahua', 2009)} billion in 2009, the smallest fall of the five, and jumped to "
            f"US${ex('Chihuahua', 2010)} billion in 2010. Coahuila, whose economy leans on car assembly, was "
            f"hit hardest: its exports dropped from US${ex('Coahuila', 2008)} billion to "
            f"US${ex('Coahuila', 2009)} billion, a fall of {coah_drop} percent by our calculation, before "
            f"recovering to US${ex('Coahuila', 2010)} billion. Nuevo León exported US${ex('Nuevo León', 2009)} "
            f"billion in 2009, Tamaulipas US${ex('Tamaulipas', 2009)} billion and Sonora "
            f"US${ex('Sonora', 2009)} billion.",
        ),
        ("h1", "Wages and jobs"),
        (
            "p",
            f"Nuevo León paid the highest real wages of the six in every year, {wage('Nuevo León', 2009)} pesos a "
            f"month in 2009, and Sonora the lowest, {wage('Sonora', 2010)} pesos in 2010. Baja California stood "
            f"at {wage('Baja California', 2008)} pesos in 2008 and Chihuahua at {wage('Chihuahua', 2010)} pesos "
            f"in 2010. Coahuila already had the highest unemployment rate of the six in 2008, "
            f"{unemp('Coahuila', 2008)} percent, and in 2009 Chihuahua and Nuevo León rose to "
            f"{unemp('Chihuahua', 2009)} percent, while Tamaulipas recorded {unemp('Tamaulipas', 2009)} percent.",
        ),
        ("h1", "Sources"),
        (
            "p",
            "Mexican state panel 2006–2022 (file mx_state_panel_fdi_exports_wages_2006_2022.csv), compiled for a "
            "university nearshoring course from INEGI (BIE, ENOE), Banxico and the Secretaría de Economía's FDI "
            "statistics; years 2008–2010.",
        ),
    ]
    assert unemp("Chihuahua", 2009) == unemp("Nuevo León", 2009)
    src = [name]
    q.add("article_fact", "What were Chihuahua's exports in 2010?", bn_forms(ex("Chihuahua", 2010)), src)
    q.add("comparison", "Which border state's exports suffered the steepest decline in 2009?", ["Coahuila"], src)
    q.add("article_fact", "What was the real monthly wage in Nuevo León in 2009?",
          [f"{wage('Nuevo León', 2009)} pesos", wage("Nuevo León", 2009)], src)  # fmt: skip
    q.add("article_fact", "How much new foreign investment went to Nuevo León in 2010?",
          mn_forms(fdi("Nuevo León", 2010, "new_fdi")), src)  # fmt: skip
    q.add("article_fact", "What share of Mexico's foreign direct investment did the six northern states receive in "
          "2008?", pct_forms(share08), src)  # fmt: skip
    q.add("follow_up", "And a year later?", mn_forms(fdi("Tamaulipas", 2009)), src,
          history=["How much FDI did Tamaulipas receive in 2008?"])  # fmt: skip
    q.add("date_definition", "What components make up foreign direct investment in the border states report?",
          ["reinvested profits", "intercompany accounts"], src)  # fmt: skip
    q.add("unanswerable", "How many people worked in Chihuahua's maquiladoras in 2009?", [], src)
    q.add("unanswerable", "How much of Nuevo León's foreign investment in 2010 came from Germany?", [], src)
    return name, title, paragraphs


def texas_walkers_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    """T2. PDF: northbound pedestrians and passenger vehicles at Texas ports of entry, 2014-2016 (CBP yearly)."""
    name = "texas-border-pedestrians-and-cars-by-port-2014-2016.pdf"
    years = [2014, 2015, 2016]
    ped, pv = "Pedestrians/ Bicyclists", "Passenger Vehicles"
    c: dict[tuple[str, str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        if int(r["Year"]) in years and r["Modes"] in (ped, pv):
            c[(r["POE"], r["Modes"], int(r["Year"]))] += int(r["Northbound Crossing"] or 0)
    ports = sorted({k[0] for k in c})
    assert len(ports) == 12
    tot = {(mo, y): sum(c[(pt, mo, y)] for pt in ports) for mo in (ped, pv) for y in years}
    assert all(max(ports, key=lambda pt: c[(pt, mo, y)]) == "El Paso" for mo in (ped, pv) for y in years)
    assert all(sorted(ports, key=lambda pt: -c[(pt, ped, y)])[1] == "Laredo" for y in years)
    assert min(ports, key=lambda pt: c[(pt, ped, 2016)]) == "Marcelino Serna"
    ep_share16 = pct(c[("El Paso", ped, 2016)] / tot[(ped, 2016)] * 100)
    ys_rise = change(c[("Ysleta", pv, 2016)], c[("Ysleta", pv, 2014)])
    dr_rise = change(c[("Del Rio", ped, 2015)], c[("Del Rio", ped, 2014)])
    assert 90 < float(dr_rise) < 110  # "roughly doubled"
    assert all(c[("Ysleta", mo, y)] < c[("Ysleta", mo, y + 1)] for mo in (ped, pv) for y in years[:-1])
    assert c[("Laredo", pv, 2016)] < c[("Laredo", pv, 2015)] < c[("Laredo", pv, 2014)]
    assert c[("El Paso", pv, 2016)] < c[("El Paso", pv, 2015)]
    pv_growth = change(tot[(pv, 2016)], tot[(pv, 2014)])
    assert max(ports, key=lambda pt: c[(pt, pv, 2016)] - c[(pt, pv, 2014)]) == "Ysleta"
    title = "On foot and by car: northbound crossings at Texas ports of entry, 2014–2016"
    running = f"{PUBLISHER} · Pedestrians and passenger vehicles at Texas ports, 2014–2016 · CBP counts"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Trucks and railcars get most of the attention at the Texas–Mexico border, but far more crossings "
            "are made by people: workers, shoppers, students and families who walk across a bridge or drive "
            "their own car. Since the Western Hemisphere Travel Initiative's rules for land borders took "
            "effect on 1 June 2009, according to U.S. Customs and Border Protection (CBP), each of them has had "
            "to show a passport or another approved document. This report reads CBP's northbound counts at the "
            "twelve Texas ports of entry for 2014, 2015 and 2016, as compiled by the University of North Texas "
            "for the Texas Department of Transportation: pedestrians (a count that includes cyclists) and "
            "passenger vehicles entering the United States from Mexico. Texas-wide totals, shares and rates of change are our own calculations.",
        ),
        ("h2", "People on foot"),
        (
            "p",
            f"El Paso, facing Ciudad Juárez, was the busiest crossing for walkers in all three years: "
            f"{n(c[('El Paso', ped, 2014)])} pedestrians in 2014, {n(c[('El Paso', ped, 2015)])} in 2015 and "
            f"{n(c[('El Paso', ped, 2016)])} in 2016, or {ep_share16} percent of the "
            f"{n(tot[(ped, 2016)])} who walked into Texas from Mexico that year (our calculation). Laredo came "
            f"second, with {n(c[('Laredo', ped, 2014)])} in 2014 and {n(c[('Laredo', ped, 2016)])} in 2016, "
            f"ahead of Brownsville, which counted {n(c[('Brownsville', ped, 2015)])} in 2015. Ysleta, on El "
            f"Paso's eastern edge, grew every year, reaching {n(c[('Ysleta', ped, 2016)])} in 2016. The biggest "
            f"jump was at Del Rio, where the pedestrian count roughly doubled in 2015, from "
            f"{n(c[('Del Rio', ped, 2014)])} to {n(c[('Del Rio', ped, 2015)])}, an increase of {dr_rise} "
            f"percent. At the other end of the scale Marcelino Serna, the rural crossing at Tornillo, saw only "
            f"{n(c[('Marcelino Serna', ped, 2016)])} pedestrians in 2016, the fewest of the twelve ports.",
        ),
    ]
    page2 = [
        ("h2", "People in cars"),
        (
            "p",
            f"Passenger vehicles tell a similar story. El Paso again led, with {n(c[('El Paso', pv, 2015)])} cars "
            f"heading north in 2015 and slightly fewer, {n(c[('El Paso', pv, 2016)])}, in 2016. Ysleta grew "
            f"fastest in absolute terms: {n(c[('Ysleta', pv, 2014)])} vehicles in 2014, "
            f"{n(c[('Ysleta', pv, 2015)])} in 2015 and {n(c[('Ysleta', pv, 2016)])} in 2016, a rise of "
            f"{ys_rise} percent over two years by our calculation. Laredo went the other way, with "
            f"{n(c[('Laredo', pv, 2014)])} vehicles in 2014 falling to {n(c[('Laredo', pv, 2016)])} in 2016, "
            f"while Hidalgo, the gateway to McAllen, counted {n(c[('Hidalgo', pv, 2016)])} and Brownsville "
            f"{n(c[('Brownsville', pv, 2016)])} in 2016.",
        ),
        (
            "p",
            f"Across all twelve ports, {n(tot[(pv, 2014)])} passenger vehicles entered Texas from Mexico in "
            f"2014 and {n(tot[(pv, 2016)])} in 2016, {pv_growth} percent more (our sums and calculation).",
        ),
        ("h2", "Sources"),
        (
            "p",
            "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, yearly "
            "2008–2025, as compiled by the University of North Texas for TxDOT (file "
            f"cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv), years 2014–2016, {CBP_URL}. "
            "Western Hemisphere Travel Initiative date as announced by U.S. Customs and Border Protection.",
        ),
    ]
    src = [name]
    q.add("article_fact", "How many people crossed on foot into El Paso in 2015?", count(c[("El Paso", ped, 2015)]),
          src)  # fmt: skip
    q.add("comparison", "Which Texas port of entry handled the most northbound passenger cars in 2016?", ["El Paso"],
          src)  # fmt: skip
    q.add("article_fact", "By what percentage did car crossings at Ysleta grow from 2014 to 2016?", pct_forms(ys_rise),
          src)  # fmt: skip
    q.add("article_fact", "What share of all pedestrians entering Texas from Mexico in 2016 used El Paso?",
          pct_forms(ep_share16), src)  # fmt: skip
    q.add("comparison", "Which of the twelve Texas ports recorded the fewest pedestrians in 2016?",
          ["Marcelino Serna"], src)  # fmt: skip
    q.add("follow_up", "What about two years later?", count(c[("Laredo", ped, 2016)]), src,
          history=["How many pedestrians walked into the US at Laredo in 2014?"])  # fmt: skip
    q.add("date_definition", "When did the Western Hemisphere Travel Initiative's document rules take effect at land "
          "borders?", ["1 June 2009", "June 1, 2009"], src)  # fmt: skip
    q.add("unanswerable", "How many pedestrians went south into Mexico at El Paso in 2015?", [], src)
    q.add("unanswerable", "How many pedestrians crossed into Nogales, Arizona in 2016?", [], src)
    return name, title, running, [page1, page2]


def machinery_memo_txt(data: Path, q: Questions) -> tuple[str, str]:
    """T3. TXT memo: US exports of HS 84, 85 and 87 to the United Kingdom, Germany and India, 2022-2023 (USITC)."""
    name = "memo-us-machinery-electrical-and-vehicle-exports-to-uk-germany-india-2022-2023.txt"
    chapters = ["84", "85", "87"]
    partners = ["United Kingdom", "Germany", "India"]
    years = (2022, 2023)
    v: dict[tuple[str, str, int], float] = {}
    total: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["country"] in partners:
            for y in years:
                total[(r["country"], y)] += float(r[f"fas_usd_{y}"])
                if r["hs2"] in chapters:
                    v[(r["hs2"], r["country"], y)] = float(r[f"fas_usd_{y}"])
    assert len(v) == 18
    b = {k: bn(x) for k, x in v.items()}

    def rise(h: str, c: str) -> float:
        return (num(b[(h, c, 2023)]) - num(b[(h, c, 2022)])) / num(b[(h, c, 2022)]) * 100

    pairs = [(h, c) for h in chapters for c in partners]
    assert max(pairs, key=lambda hc: rise(*hc)) == ("85", "United Kingdom")
    assert [hc for hc in pairs if rise(*hc) < 0] == [("87", "United Kingdom")]
    assert all(max(partners, key=lambda c: v[("84", c, y)]) == "Germany" for y in years)
    assert max(partners, key=lambda c: v[("87", c, 2023)]) == "Germany"
    assert all(min(partners, key=lambda c: v[(h, c, 2023)]) == "India" for h in chapters)
    uk_elec = pct(rise("85", "United Kingdom"))
    de_veh = pct(rise("87", "Germany"))
    in_mach = pct(rise("84", "India"))
    de3 = f"{sum(num(b[(h, 'Germany', 2023)]) for h in chapters):,.2f}"
    in_share = pct(sum(v[(h, "India", 2023)] for h in chapters) / total[("India", 2023)] * 100)
    de_share = pct(sum(v[(h, "Germany", 2023)] for h in chapters) / total[("Germany", 2023)] * 100)
    lines = [
        "MEMORANDUM",
        "",
        "To:      Sourcing and site-selection team",
        f"From:    {PUBLISHER} trade desk",
        f"Date:    {DATE_LONG}",
        "Subject: US exports of machinery, electrical equipment and vehicles to the United Kingdom,",
        "         Germany and India, 2022-2023",
        "Data:    U.S. International Trade Commission (USITC) DataWeb, total exports at F.A.S. value by HS",
        f"         chapter and country, downloaded 2025-08-07 ({USITC_URL})",
        "",
        "1. PURPOSE",
        "",
        wrap(
            "Several clients comparing plant locations in Mexico, the southern United States and Europe have "
            "asked how much American-made industrial and transport equipment already goes to three large "
            "markets outside the Americas. This memo summarises US exports in three Harmonized System (HS) "
            "chapters: chapter 84 (nuclear reactors, boilers, machinery and mechanical appliances, which "
            "covers engines, pumps, computers and industrial machinery), chapter 85 (electrical machinery and "
            "equipment, from chips to transformers) and chapter 87 (vehicles other than railway rolling stock, "
            "and their parts). Values are in US dollars for 2022 and 2023; growth rates, sums and shares are "
            "the desk's own calculations."
        ),
        "",
        "2. GERMANY",
        "",
        wrap(
            f"Germany is the largest of the three buyers in machinery and by far the largest in vehicles. US "
            f"exports of chapter 84 goods to Germany were US${b[('84', 'Germany', 2022)]} billion in 2022, more "
            f"than to either of the other two, and US${b[('84', 'Germany', 2023)]} billion in 2023. Vehicles "
            f"grew fastest: US${b[('87', 'Germany', 2022)]} billion in 2022 and US${b[('87', 'Germany', 2023)]} "
            f"billion in 2023, a rise of {de_veh} percent. German carmakers assemble sport utility vehicles in "
            f"the American South, and BMW describes its plant in Spartanburg, South Carolina, as the "
            f"largest exporter of vehicles by value from the United States. Electrical equipment added "
            f"US${b[('85', 'Germany', 2023)]} billion in 2023, so the three chapters together came to "
            f"US${de3} billion, {de_share} percent of all US goods exports to Germany that year."
        ),
        "",
        "3. UNITED KINGDOM",
        "",
        wrap(
            f"British buyers took US${b[('84', 'United Kingdom', 2023)]} billion of US machinery in 2023, up from "
            f"US${b[('84', 'United Kingdom', 2022)]} billion. Electrical equipment was the fastest-growing of all "
            f"nine product-and-market pairs in this memo: exports to the United Kingdom rose from "
            f"US${b[('85', 'United Kingdom', 2022)]} billion to US${b[('85', 'United Kingdom', 2023)]} billion, "
            f"an increase of {uk_elec} percent. Vehicles were the only pair to shrink, slipping to "
            f"US${b[('87', 'United Kingdom', 2023)]} billion from US${b[('87', 'United Kingdom', 2022)]} billion."
        ),
        "",
        "4. INDIA",
        "",
        wrap(
            f"India is the smallest of the three markets in every chapter, but a growing one for machinery: "
            f"US${b[('84', 'India', 2022)]} billion in 2022 and US${b[('84', 'India', 2023)]} billion in 2023, "
            f"up {in_mach} percent. Electrical equipment reached US${b[('85', 'India', 2023)]} billion, while "
            f"vehicles came to only "
            f"US${b[('87', 'India', 2023)]} billion. The three chapters made up {in_share} percent of US goods "
            f"exports to India in 2023."
        ),
        "",
        "5. SOURCE",
        "",
        wrap(
            "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter "
            "and country, 2020-2024 (downloaded 2025-08-07; file usitc_dataweb_us_total_exports_fas_by_hs2_"
            f"country_2020_2024.csv), chapters 84, 85 and 87, years 2022-2023, {USITC_URL}. The description of "
            "the Spartanburg plant is BMW's own."
        ),
        "",
    ]
    src = [name]
    q.add("article_fact", "What were US exports of vehicles and parts to Germany in 2023?",
          bn_forms(b[("87", "Germany", 2023)]), src)  # fmt: skip
    q.add("comparison", "Which of the three countries bought the most US machinery (HS 84) in 2022?", ["Germany"],
          src)  # fmt: skip
    q.add("article_fact", "How much did US electrical equipment exports to the UK grow in 2023, in percent?",
          pct_forms(uk_elec), src)  # fmt: skip
    q.add("comparison", "Which product group saw US exports to the United Kingdom decline in 2023?",
          ["vehicles", "chapter 87", "HS 87"], src)  # fmt: skip
    q.add("article_fact", "What share of US goods exports to India in 2023 did the three chapters account for?",
          pct_forms(in_share), src)  # fmt: skip
    q.add("follow_up", "And in 2023?", bn_forms(b[("84", "India", 2023)]), src,
          history=["How much US machinery under HS chapter 84 did India buy in 2022?"])  # fmt: skip
    q.add("date_definition", "What kinds of goods does HS chapter 84 cover?", ["nuclear reactors, boilers", "boilers"],
          src)  # fmt: skip
    q.add("unanswerable", "What were US exports of HS 84 machinery to France in 2023?", [], src)
    q.add("unanswerable", "How many cars did the United States export to Germany in 2023?", [], src)
    return name, "\n".join(lines)


# =============================================================================================


def main() -> None:
    q = Questions("fresh5", blank_unanswerable=True)
    dev = [south_america_md, canada_modes_txt, china_months_html]
    test = [border_states_docx, texas_walkers_pdf, machinery_memo_txt]
    write_set(__doc__, q, OUT, PARTS, PUBLISHER, dev, test, after="fresh4", others=sets_before(5))


if __name__ == "__main__":
    main()
