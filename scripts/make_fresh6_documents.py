"""Write the sixth fresh evaluation set (eval/documents-fresh6/) and its questions (eval/parts/fresh6.jsonl).

    python scripts/make_fresh6_documents.py [--data ../shared/data/trade]

A prose set, "set": "fresh6", written like fresh4 (articles asked text questions in an analyst's
own words, several entities and measures to a paragraph, comparisons said in words, figures in
prose and no table), on facts no other set uses, so that its dev part can calibrate how low a
probability still answers on prose nobody tuned the answerer for. Split BY DOCUMENT: the first
three documents are the dev part, the last three the test part (report only). Dev: US goods trade
with Australia, New Zealand, South Africa and Nigeria, 1990-1994 (Census); US surface exports to
five Mexican states, 2016-2018 (BTS; 2019 is in eval/documents/); FDI in six central Mexican
states quarter by quarter, 2003-2005 (Secretaría de Economía). Test: five Texas ports by mode,
2012-2014 (BTS; SOURCES.md advises port detail from 2007 on only, so not the 1990s); US goods
trade with Canada month by month, 2001 (Census; 2020 is in eval/documents-dev/); US exports of
fuels, cereals and oilseeds (HS 27, 10, 12) to Japan, South Korea and Taiwan, 2020 and 2024
(USITC; the same chapters to Mexico, Canada and China are in the corpus and eval/documents/).

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The few facts that are
not data (the lifting of US sanctions on South Africa, the CBP split of Ysleta from El Paso, the
US-Canada Smart Border Declaration, the US-Japan Trade Agreement's entry into force) are each
attributed in the article to whoever announced them. The checks and writers are those of
eval_documents.py (write_set, finish) and make_eval_documents.py (reproducible DOCX and PDF).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from functools import partial
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from eval_documents import (  # noqa: E402
    MONTHS,
    QUARTER_WORDS,
    Questions,
    bn,
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
    sets_before,
    write_set,
)
from eval_documents import wrap_keeping_hyphens as wrap  # noqa: E402
from make_fresh3_documents import USITC_URL, byline_page  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh6"
PARTS = ROOT / "eval" / "parts" / "fresh6.jsonl"
PUBLISHER = "nearshore-qa"
SE_URL = "https://datos.gob.mx"
# This set's publication date (the DOCX and PDF writers keep their own fixed metadata dates).
DATE_ISO = "2026-12-01"
DATE_LONG = "1 December 2026"


def growth(new: str, old: str) -> str:
    """A change in percent between two figures as the article states them."""
    return pct((num(new) - num(old)) / num(old) * 100)


# =============================================================================================
# DEV documents
# =============================================================================================


def southern_partners_md(data: Path, q: Questions) -> tuple[str, str]:
    """D1. MD: US goods trade with Australia, New Zealand, South Africa and Nigeria, 1990-1994 (Census annual)."""
    name = "us-trade-with-australia-new-zealand-south-africa-and-nigeria-1990-1994.md"
    four = ["Australia", "New Zealand", "South Africa", "Nigeria"]
    years = [1990, 1991, 1992, 1993, 1994]
    t, _ = census_annual(data, four, years)

    f = partial(census_figure, t)
    bal = partial(census_balance, t)

    exp = {y: sum(num(f(c, y, "exports_musd")) for c in four) for y in years}
    exp_bn = {y: f"{exp[y] / 1000:,.2f}" for y in years}
    imp = {y: sum(num(f(c, y, "imports_musd")) for c in four) for y in years}
    ng_share90 = pct(num(f("Nigeria", 1990, "imports_musd")) / imp[1990] * 100)
    au_imp_fall = pct((num(f("Australia", 1990, "imports_musd")) - num(f("Australia", 1994, "imports_musd")))
                      / num(f("Australia", 1990, "imports_musd")) * 100)  # fmt: skip
    others = {y: sum(t[(c, y)]["exports_musd"] for c in four if c != "Australia") for y in years}
    assert all(t[("Australia", y)]["exports_musd"] > others[y] for y in years)
    assert min(years, key=lambda y: t[("Australia", y)]["exports_musd"]) == 1993
    sa_growth = {
        k: t[("South Africa", 1994)][k] / t[("South Africa", 1990)][k] for k in ("exports_musd", "imports_musd")
    }
    assert sa_growth["imports_musd"] < sa_growth["exports_musd"]
    au_imp = [t[("Australia", y)]["imports_musd"] for y in years]
    assert all(a > b for a, b in pairwise(au_imp))  # imports from Australia fell every year
    deficit_every_year = [c for c in four if all(t[(c, y)]["balance_musd"] < 0 for y in years)]
    assert deficit_every_year == ["Nigeria"]
    nz = [t[("New Zealand", y)]["balance_musd"] for y in years]
    assert nz[0] < 0 and nz[1] < 0 and all(b > 0 for b in nz[2:])
    sa_peak = max(years, key=lambda y: t[("South Africa", y)]["exports_musd"])
    ng_peak = max(years, key=lambda y: t[("Nigeria", y)]["exports_musd"])
    assert sa_peak == 1992 and ng_peak == 1992
    smallest94 = min(four, key=lambda c: t[(c, 1994)]["exports_musd"])
    assert smallest94 == "Nigeria"
    text = f"""---
title: "Far from the nearshore: US goods trade with Australia, New Zealand, South Africa and Nigeria, 1990–1994"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "1990–1994 (calendar years)"
---
# Far from the nearshore: US goods trade with four southern-hemisphere partners, 1990–1994

Before NAFTA pulled American supply chains towards Mexico, the United States traded with partners
at the other end of the world on very different terms. This article follows four of them through
the first half of the 1990s — Australia and New Zealand in the Pacific, South Africa and Nigeria in
Africa — using the U.S. Census Bureau's goods trade figures in millions of US dollars (exports at
F.A.S. value, general imports at customs value). A balance is exports less imports, so a negative
one is a US deficit. Combined figures for the four are our own sums of the Census country totals.

## Australia, the big customer

Australia bought more American goods than the other three together in every one of these years:
US${f("Australia", 1990, "exports_musd")} million in 1990, a dip to US${f("Australia", 1993, "exports_musd")}
million in 1993, then US${f("Australia", 1994, "exports_musd")} million in 1994. What America bought
from Australia went the other way, shrinking every year from US${f("Australia", 1990, "imports_musd")}
million in 1990 to US${f("Australia", 1994, "imports_musd")} million in 1994, a fall of {au_imp_fall}
percent by our calculation, so the US surplus with Australia widened to US${bal("Australia", 1994)}
million. New Zealand's trade with the United States was almost perfectly balanced: a small US
deficit of US${bal("New Zealand", 1991)} million in 1991 turned into modest surpluses from 1992, and in
1994 US sales there reached US${f("New Zealand", 1994, "exports_musd")} million against purchases of
US${f("New Zealand", 1994, "imports_musd")} million.

## South Africa after sanctions

President George H. W. Bush lifted the US economic sanctions on South Africa on 10 July 1991,
according to the White House. American exporters moved quickly: sales to South Africa rose from
US${f("South Africa", 1990, "exports_musd")} million in 1990 to US${f("South Africa", 1991, "exports_musd")}
million in 1991 and US${f("South Africa", 1992, "exports_musd")} million in 1992, the best year of the
five, before easing to US${f("South Africa", 1994, "exports_musd")} million in 1994. Imports from South
Africa grew more slowly, reaching US${f("South Africa", 1994, "imports_musd")} million in 1994.

## Nigeria, the oil supplier

Nigeria was the one partner of the four with which the United States ran a deficit in every year,
because Americans bought its crude oil. Imports from Nigeria were worth US${f("Nigeria", 1990, "imports_musd")}
million in 1990 — {ng_share90} percent of everything the United States bought from the four that
year, by our calculation — and US${f("Nigeria", 1994, "imports_musd")} million in 1994, leaving a gap
of US${bal("Nigeria", 1994)} million. US sales to Nigeria peaked at US${f("Nigeria", 1992, "exports_musd")}
million in 1992 and fell to US${f("Nigeria", 1994, "exports_musd")} million in 1994, which made it the
smallest market of the four that year.

## The four together

Taken together, the four partners bought ${exp_bn[1990]} billion of US goods in 1990 and
${exp_bn[1994]} billion in 1994 (our sums).

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals 1990–1994,
{CENSUS_URL}. Lifting of the sanctions on South Africa as announced by the White House.
"""
    src = [name]
    q.add("article_fact", "What were American goods sales to Australia worth in 1994?",
          mn_forms(f("Australia", 1994, "exports_musd")), src)  # fmt: skip
    q.add("comparison", "Which of the four partners left the US with a trade deficit in each year from 1990 "
          "through 1994?", [deficit_every_year[0]], src)  # fmt: skip
    q.add("article_fact", "How much crude and other goods did the United States buy from Nigeria in 1990?",
          mn_forms(f("Nigeria", 1990, "imports_musd")), src)  # fmt: skip
    q.add("article_fact", "What did Australia, New Zealand, South Africa and Nigeria buy from the US in total "
          "in 1994?", bn_forms(exp_bn[1994]), src)  # fmt: skip
    q.add("article_fact", "By what percentage did imports from Australia drop between 1990 and 1994?",
          pct_forms(au_imp_fall), src)  # fmt: skip
    q.add("date_definition", "When did Washington lift its economic sanctions against South Africa?",
          ["10 July 1991", "July 10, 1991", "July 1991"], src)  # fmt: skip
    q.add("follow_up", "And two years later?", mn_forms(f("South Africa", 1994, "exports_musd")), src,
          history=["What did the US export to South Africa in 1992?"])  # fmt: skip
    q.add("unanswerable", "How much did the United States export to Kenya in 1993?", [], src)
    q.add("unanswerable", "What were US services exports to Australia in 1994?", [], src)
    return name, text


def mexican_states_txt(data: Path, q: Questions) -> tuple[str, str]:
    """D2. TXT: US surface exports to five Mexican states by truck and rail, 2016-2018 (BTS TransBorder)."""
    name = "us-exports-to-five-mexican-states-by-truck-and-rail-2016-2018.txt"
    years = [2016, 2017, 2018]
    five = {"Nuevo Leon": "Nuevo León", "Jalisco": "Jalisco", "Guanajuato": "Guanajuato",
            "Queretaro": "Querétaro", "Aguascalientes": "Aguascalientes"}  # fmt: skip
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    allst: dict[int, float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv"):
        y = int(r["Year"])
        if y in years and r["TradeType"] == "Export":
            allst[y] += float(r["TradeValue"])
            if r["MexState"] in five:
                s = five[r["MexState"]]
                v[(s, "all", y)] += float(r["TradeValue"])
                v[(s, r["Mode"], y)] += float(r["TradeValue"])
    st = list(five.values())
    b = {k: bn(x) for k, x in v.items()}
    nl, jal, gto, qro, ags = st
    nl_rise = growth(b[(nl, "all", 2018)], b[(nl, "all", 2016)])
    five18 = sum(num(b[(s, "all", 2018)]) for s in st)
    share18 = pct(five18 / num(bn(allst[2018])) * 100)
    rail_share = {s: v[(s, "Rail", 2018)] / v[(s, "all", 2018)] for s in st}
    rail_top = max(st, key=lambda s: rail_share[s])
    assert rail_top == ags
    ags_rail = pct(num(b[(ags, "Rail", 2018)]) / num(b[(ags, "all", 2018)]) * 100)
    assert all(max(st, key=lambda s: v[(s, "all", y)]) == nl for y in years)
    assert max(st, key=lambda s: v[(s, "all", 2018)] - v[(s, "all", 2016)]) == nl
    assert all(v[(gto, "all", y)] > v[(jal, "all", y)] for y in years)
    jal_low = min(years, key=lambda y: v[(jal, "all", y)])
    assert jal_low == 2017
    assert v[(gto, "Rail", 2016)] > v[(gto, "Rail", 2017)] > v[(gto, "Rail", 2018)]
    assert v[(gto, "all", 2018)] < v[(gto, "all", 2017)] and v[(gto, "all", 2018)] > v[(jal, "all", 2018)]
    assert v[(qro, "Rail", 2018)] < v[(qro, "Rail", 2016)] and v[(qro, "Truck", 2018)] > v[(qro, "Truck", 2016)]
    lines = [
        "FIVE STATES, TWO MODES: US SURFACE EXPORTS TO NUEVO LEON AND THE BAJIO, 2016-2018",
        "Source: Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data, US "
        "exports to Mexico by Mexican state of destination, compiled by the University of North Texas for TxDOT",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "",
        wrap(
            "While Washington and Mexico City argued over the future of NAFTA, the factories of northern and "
            "central Mexico kept ordering American parts, steel, resin and grain. This note follows US exports "
            "to five states where much of that manufacturing sits: Nuevo León, home of the Monterrey industrial "
            "belt, and four states of the Bajío and the west - Jalisco, Guanajuato, Querétaro and Aguascalientes. "
            "BTS records the Mexican state a shipment is bound for only for surface shipments (truck, rail, "
            "pipeline, mail and other or unknown surface modes), so these figures leave out air and sea freight. "
            "Values are in US dollars; the five-state total, shares and percentage changes are our own "
            "calculations."
        ),
        "",
        "MONTERREY PULLS AWAY",
        "",
        wrap(
            f"Nuevo León was the largest of the five destinations in each year and the fastest growing in "
            f"dollar terms: US shipments there rose from US${b[(nl, 'all', 2016)]} billion in 2016 to "
            f"US${b[(nl, 'all', 2017)]} billion in 2017 and US${b[(nl, 'all', 2018)]} billion in 2018, a gain of "
            f"{nl_rise} percent over the two years. Trucks carried most of it, US${b[(nl, 'Truck', 2018)]} billion "
            f"in 2018, while rail brought US${b[(nl, 'Rail', 2018)]} billion. Together the five states received "
            f"US${five18:,.2f} billion of US surface exports in 2018, {share18} percent of the US${bn(allst[2018])} "
            f"billion recorded for all 32 Mexican states."
        ),
        "",
        "THE BAJIO AND THE WEST",
        "",
        wrap(
            f"Jalisco, around Guadalajara, had a weak year in 2017: US exports there fell to "
            f"US${b[(jal, 'all', 2017)]} billion from US${b[(jal, 'all', 2016)]} billion, then recovered to "
            f"US${b[(jal, 'all', 2018)]} billion in 2018. Guanajuato, with its car assembly plants, stayed just "
            f"ahead of Jalisco all along, taking US${b[(gto, 'all', 2017)]} billion in 2017 and "
            f"US${b[(gto, 'all', 2018)]} billion in 2018, but its rail shipments shrank every year, from "
            f"US${b[(gto, 'Rail', 2016)]} billion in 2016 to US${b[(gto, 'Rail', 2017)]} billion in 2017 and "
            f"US${b[(gto, 'Rail', 2018)]} billion in 2018. Querétaro, an aerospace and appliance centre, grew by "
            f"road: trucks delivered US${b[(qro, 'Truck', 2018)]} billion of its US${b[(qro, 'all', 2018)]} billion "
            f"in 2018, up from US${b[(qro, 'Truck', 2016)]} billion by truck in 2016, while its rail freight slipped "
            f"to US${b[(qro, 'Rail', 2018)]} billion."
        ),
        "",
        wrap(
            f"Aguascalientes, the smallest of the five with US${b[(ags, 'all', 2018)]} billion in 2018, depended "
            f"on the railway more than any of the others: trains carried US${b[(ags, 'Rail', 2018)]} billion of "
            f"the American goods it received that year, {ags_rail} percent of the total, against US${b[(ags, 'Truck', 2018)]} "
            "billion by truck."
        ),
        "",
        "SOURCES",
        "",
        wrap(
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US exports to Mexico "
            "by Mexican state of destination and mode, annual 2016-2018 (raw data downloaded 2026-03-21, "
            "aggregated by the University of North Texas for TxDOT; file "
            f"bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv), {BTS_URL}."
        ),
        "",
    ]
    src = [name]
    q.add("article_fact", "How much did US suppliers ship to Nuevo León in 2018?", bn_forms(b[(nl, "all", 2018)]), src)
    q.add("comparison", "Of the five states, which one relied most on rail for the American goods it received "
          "in 2018?", [rail_top], src)  # fmt: skip
    q.add("article_fact", "What value of US goods reached Querétaro by truck in 2018?",
          bn_forms(b[(qro, "Truck", 2018)]), src)  # fmt: skip
    q.add("article_fact", "What percentage of all US surface exports to Mexican states went to these five states "
          "in 2018?", pct_forms(share18), src)  # fmt: skip
    q.add("comparison", "In which year were US exports to Jalisco at their lowest?", [str(jal_low)], src)
    q.add("follow_up", "And two years later?", bn_forms(b[(gto, "Rail", 2018)]), src,
          history=["How much US freight went to Guanajuato by rail in 2016?"])  # fmt: skip
    q.add("date_definition", "Which shipments do the BTS figures by Mexican state cover?", ["surface"], src)
    q.add("unanswerable", "How many tonnes of US goods were shipped to Aguascalientes in 2018?", [], src)
    return name, "\n".join(lines)


def central_fdi_html(data: Path, q: Questions) -> tuple[str, str]:
    """D3. HTML: FDI in six central Mexican states quarter by quarter, 2003-2005 (Secretaría de Economía)."""
    name = "foreign-investment-in-central-mexico-quarter-by-quarter-2003-2005.html"
    years = [2003, 2004, 2005]
    six = ["Ciudad de México", "Estado de México", "Puebla", "Morelos", "Hidalgo", "Tlaxcala"]
    v: dict[tuple[str, int, int], float] = {}
    nat: dict[int, float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        y = int(r["year"])
        if y in years:
            nat[y] += float(r["fdi_musd"])
            if r["entidad"] in six:
                v[(r["entidad"], y, int(r["quarter"]) - 1)] = float(r["fdi_musd"])
    assert len(v) == len(six) * len(years) * 4
    m = {k: mn1(x) for k, x in v.items()}
    yr = {(s, y): sum(num(m[(s, y, k)]) for k in range(4)) for s in six for y in years}
    ys = {k: mn1(x) for k, x in yr.items()}
    cdmx, edomex, pue, mor, hgo, tlax = six
    six_yr = {y: sum(yr[(s, y)] for s in six) for y in years}
    nat03 = mn1(nat[2003])
    share03 = pct(six_yr[2003] / num(nat03) * 100)
    neg05 = [s for s in six if v[(s, 2005, 2)] < 0]
    assert neg05 == [mor]
    mor_neg = [k for k in range(4) if v[(mor, 2005, k)] < 0]
    assert mor_neg == [2, 3]
    cdmx_low03 = min(range(4), key=lambda k: v[(cdmx, 2003, k)])
    assert cdmx_low03 == 2
    cdmx_top = max(((y, k) for y in years for k in range(4)), key=lambda yk: v[(cdmx, *yk)])
    assert cdmx_top == (2004, 0)
    assert yr[(pue, 2003)] < yr[(pue, 2004)] < yr[(pue, 2005)]
    assert max(range(4), key=lambda k: v[(pue, 2005, k)]) == 3
    assert max(years, key=lambda y: yr[(edomex, y)]) == 2004
    assert v[(hgo, 2003, 2)] < 0
    assert max(years, key=lambda y: yr[(tlax, y)]) == 2004 and max(years, key=lambda y: yr[(hgo, y)]) == 2004
    title = "Capital around the capital: foreign investment in six central Mexican states, 2003–2005"
    body = [
        "<p>Long before the nearshoring boom sent investors to the border and the Bajío, the biggest share of "
        "Mexico's foreign direct investment (FDI) was booked in and around the capital. This article follows "
        "six central states quarter by quarter from 2003 to 2005: Mexico City (then the Distrito Federal, "
        "listed by the Secretaría de Economía as Ciudad de México), Estado de México, Puebla, Morelos, Hidalgo "
        "and Tlaxcala. The figures are the Secretaría de Economía's FDI flows by state, in millions of US "
        "dollars, in the May 2018 vintage; a negative quarter means that more foreign capital left the state "
        "than arrived. Annual and six-state totals and shares are our own sums of the quarterly figures.</p>",
        "<h2>Mexico City and its suburbs</h2>",
        f"<p>Mexico City dwarfed its neighbours. It received US${ys[(cdmx, 2003)]} million in 2003, "
        f"US${ys[(cdmx, 2004)]} million in 2004 and US${ys[(cdmx, 2005)]} million in 2005, with a single "
        f"record quarter at the start of 2004, when US${m[(cdmx, 2004, 0)]} million arrived in three months. Its "
        f"weakest quarter was the {QUARTER_WORDS[cdmx_low03]} of 2003, at only US${m[(cdmx, 2003, cdmx_low03)]} "
        f"million. The surrounding Estado de México, with the industrial municipalities of Naucalpan, Tlalnepantla "
        f"and Toluca, had its best year in 2004, at US${ys[(edomex, 2004)]} million, including "
        f"US${m[(edomex, 2004, 3)]} million in the fourth quarter alone, before slowing to "
        f"US${ys[(edomex, 2005)]} million in 2005.</p>",
        "<h2>Puebla's steady climb</h2>",
        f"<p>Puebla, home to a large Volkswagen assembly plant, climbed steadily, its inflow rising in "
        f"both years: US${ys[(pue, 2003)]} million in 2003, US${ys[(pue, 2004)]} million in "
        f"2004 and US${ys[(pue, 2005)]} million in 2005, finishing with its strongest quarter of the three "
        f"years, US${m[(pue, 2005, 3)]} million in the last three months of 2005. Tlaxcala, next door, peaked "
        f"in 2004 at US${ys[(tlax, 2004)]} million, helped by US${m[(tlax, 2004, 2)]} million in the third "
        "quarter.</p>",
        "<h2>Outflows in Morelos and Hidalgo</h2>",
        f"<p>The smaller states show how lumpy these flows are. Morelos took in US${m[(mor, 2004, 3)]} million "
        f"in the fourth quarter of 2004 but then recorded net outflows in two quarters of 2005: "
        f"minus US${mn1(abs(v[(mor, 2005, 2)]))} million in the third and minus US${mn1(abs(v[(mor, 2005, 3)]))} "
        f"million in the fourth, leaving US${ys[(mor, 2005)]} million for the year. Hidalgo had a negative "
        f"quarter too, minus US${mn1(abs(v[(hgo, 2003, 2)]))} million in the third quarter of 2003, and its "
        f"best year was 2004 with US${ys[(hgo, 2004)]} million.</p>",
        "<h2>The region's weight</h2>",
        f"<p>In 2003 the six central states together received US${mn1(six_yr[2003])} million of the "
        f"US${nat03} million of FDI recorded for all 32 states, or {share03} percent of the national total. "
        f"In 2005 their combined inflow was US${mn1(six_yr[2005])} million (our sums).</p>",
    ]
    page = byline_page(
        title,
        "Investment",
        "Lucía Fernández",
        body,
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        f'se_mexico_fdi_by_state_quarterly_1999_2017.csv), 2003–2005, <a href="{SE_URL}">{SE_URL}</a>',
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    src = [name]
    q.add("article_fact", "How much foreign direct investment flowed into Puebla in 2005?", mn_forms(ys[(pue, 2005)]),
          src)  # fmt: skip
    q.add("comparison", "Which central state saw foreign capital flow out on net in the third quarter of 2005?",
          neg05, src)  # fmt: skip
    q.add("article_fact", "What FDI did Mexico City attract in the first three months of 2004?",
          mn_forms(m[(cdmx, 2004, 0)]), src)  # fmt: skip
    q.add("article_fact", "What share of Mexico's foreign direct investment went to the six central states in 2003?",
          pct_forms(share03), src)  # fmt: skip
    q.add("comparison", "In which quarter of 2003 did Mexico City receive the least foreign investment?",
          [f"{QUARTER_WORDS[cdmx_low03]} quarter", f"Q{cdmx_low03 + 1}", QUARTER_WORDS[cdmx_low03]], src)  # fmt: skip
    q.add("article_fact", "How many quarters of 2005 ended with a net outflow of foreign investment from Morelos?",
          ["two", str(len(mor_neg))], src)  # fmt: skip
    q.add("follow_up", "And the following year?", mn_forms(ys[(edomex, 2005)]), src,
          history=["How much FDI did Estado de México receive in 2004?"])  # fmt: skip
    q.add("date_definition", "In what unit are the state FDI flows in the central Mexico article given?",
          ["millions of US dollars", "million US dollars"], src)  # fmt: skip
    q.add("unanswerable", "Which countries did Puebla's foreign investment come from in 2005?", [], src)
    return name, page


# =============================================================================================
# TEST documents
# =============================================================================================


def texas_ports_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    """T1. DOCX: five Texas ports' trade with Mexico by direction and mode, 2012-2014 (BTS TransBorder)."""
    name = "five-texas-ports-trade-with-mexico-by-mode-2012-2014.docx"
    years = [2012, 2013, 2014]
    five = ["Laredo", "El Paso", "Hidalgo/Pharr", "Eagle Pass", "Brownsville"]
    v: dict[tuple[str, str, str, int], float] = defaultdict(float)
    fc: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_texas_mexico_ports_annual_1993_2025.csv"):
        y = int(r["Year"])
        if y in years and r["Port"] in five:
            for mode in (r["Mode"], "all"):
                v[(r["Port"], mode, r["TradeType"], y)] += float(r["TradeValue"])
            if r["TradeType"] == "Import":
                fc[(r["Port"], y)] += float(r["FreightCharges"] or 0)
    b = {k: bn(x) for k, x in v.items()}
    lar, elp, hid, eag, bro = five
    tot = {(p, y): num(b[(p, "all", "Export", y)]) + num(b[(p, "all", "Import", y)]) for p in five for y in years}
    lar14 = f"{tot[(lar, 2014)]:,.2f}"
    five14 = sum(tot[(p, 2014)] for p in five)
    lar_share = pct(tot[(lar, 2014)] / five14 * 100)
    surplus = [p for p in five if all(v[(p, "all", "Export", y)] > v[(p, "all", "Import", y)] for y in years)]
    assert surplus == [bro]
    eag_rail_rise = growth(b[(eag, "Rail", "Import", 2014)], b[(eag, "Rail", "Import", 2012)])
    assert all(v[(eag, "Rail", "Import", y)] > v[(eag, "Truck", "Import", y)] for y in years)
    elp_truck = [v[(elp, "Truck", "Import", y)] for y in years]
    elp_rail = [v[(elp, "Rail", "Import", y)] for y in years]
    assert elp_truck[0] > elp_truck[1] > elp_truck[2] and elp_rail[0] < elp_rail[1] < elp_rail[2]
    hid_fc = mn1(fc[(hid, 2014)] / 1e6)
    assert sorted(five, key=lambda p: -fc[(p, 2014)])[:2] == [lar, hid]
    assert sorted(five, key=lambda p: -tot[(p, 2014)])[:2] == [lar, elp]
    title = "Five gates on the Rio Grande: Texas ports' trade with Mexico by mode, 2012–2014"
    paragraphs = [
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Most of the goods the United States trades with Mexico cross the Rio Grande somewhere in Texas. "
            "This report compares five Texas ports of entry — Laredo, El Paso, Hidalgo/Pharr, Eagle Pass and "
            "Brownsville — over 2012, 2013 and 2014, using the Bureau of Transportation Statistics (BTS) North "
            "American TransBorder Freight Data as aggregated by the University of North Texas for TxDOT. Values "
            "are in US dollars: exports are US goods leaving for Mexico through the port, imports are Mexican "
            "goods entering through it, across all modes unless a mode is named. In these years BTS still counted "
            "Ysleta as part of El Paso; U.S. Customs and Border Protection split the two ports only in March "
            "2020, according to CBP. Port totals, shares and growth rates are our own calculations.",
        ),
        ("h1", "Laredo and El Paso"),
        (
            "p",
            f"Laredo remained in a class of its own. Its trade with Mexico reached US${lar14} billion in 2014 "
            f"— US${b[(lar, 'all', 'Export', 2014)]} billion of exports and US${b[(lar, 'all', 'Import', 2014)]} "
            f"billion of imports — after exports of US${b[(lar, 'all', 'Export', 2012)]} billion in 2012, and it "
            f"handled {lar_share} percent of the combined trade of the five ports in 2014. Trucks brought "
            f"US${b[(lar, 'Truck', 'Import', 2014)]} billion of Mexican goods through Laredo that year. El Paso, "
            f"second in size, moved in the opposite direction on the road: its truck imports slipped from "
            f"US${b[(elp, 'Truck', 'Import', 2012)]} billion in 2012 to US${b[(elp, 'Truck', 'Import', 2013)]} "
            f"billion in 2013 and US${b[(elp, 'Truck', 'Import', 2014)]} billion in 2014, while imports by rail "
            f"grew from US${b[(elp, 'Rail', 'Import', 2012)]} billion to US${b[(elp, 'Rail', 'Import', 2014)]} "
            "billion.",
        ),
        ("h1", "The Valley and the rail gate"),
        (
            "p",
            f"Hidalgo/Pharr, the produce gateway of the Rio Grande Valley, is above all a truck port. Its "
            f"truck imports rose from US${b[(hid, 'Truck', 'Import', 2012)]} billion in 2012 to "
            f"US${b[(hid, 'Truck', 'Import', 2014)]} billion in 2014, and the freight charges paid on its imports "
            f"came to US${hid_fc} million in 2014, second only to Laredo. Eagle Pass is the opposite case, a "
            f"rail gate: trains carried more of its imports than trucks in each of the three years, and its rail "
            f"imports grew from US${b[(eag, 'Rail', 'Import', 2012)]} billion in 2012 to "
            f"US${b[(eag, 'Rail', 'Import', 2014)]} billion in 2014, a rise of {eag_rail_rise} percent, against "
            f"US${b[(eag, 'Truck', 'Import', 2014)]} billion by truck.",
        ),
        ("h1", "Brownsville"),
        (
            "p",
            f"Brownsville, at the mouth of the river, was the only one of the five ports through which the "
            f"United States sent more goods to Mexico than it received in every one of the three years. In 2014 "
            f"its exports were US${b[(bro, 'all', 'Export', 2014)]} billion and its imports "
            f"US${b[(bro, 'all', 'Import', 2014)]} billion; pipelines carried "
            f"US${b[(bro, 'Pipeline', 'Export', 2014)]} billion of those exports.",
        ),
        ("h1", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, Texas–Mexico ports of "
            "entry by mode and trade type, annual 2012–2014 (raw data downloaded 2026-03-21, aggregated by the "
            "University of North Texas for TxDOT; file bts_transborder_texas_mexico_ports_annual_1993_2025.csv), "
            f"{BTS_URL}. Date of the Ysleta split as published by U.S. Customs and Border Protection.",
        ),
    ]
    src = [name]
    q.add("article_fact", "What was Laredo's total trade with Mexico in 2014?", bn_forms(lar14), src)
    q.add("comparison", "Through which of the five Texas ports did US exports exceed imports every year?", surplus,
          src)  # fmt: skip
    q.add("article_fact", "How much did Eagle Pass bring in from Mexico by train in 2014?",
          bn_forms(b[(eag, "Rail", "Import", 2014)]), src)  # fmt: skip
    q.add("article_fact", "By what percentage did rail imports at Eagle Pass increase between 2012 and 2014?",
          pct_forms(eag_rail_rise), src)  # fmt: skip
    q.add("article_fact", "What were the freight charges on imports through Hidalgo/Pharr in 2014?", mn_forms(hid_fc),
          src)  # fmt: skip
    q.add("follow_up", "And in 2014?", bn_forms(b[(elp, "Truck", "Import", 2014)]), src,
          history=["How much did El Paso import from Mexico by truck in 2012?"])  # fmt: skip
    q.add("date_definition", "When did CBP separate Ysleta from the El Paso port?", ["March 2020"], src)
    q.add("unanswerable", "How much trade crossed at Nogales in 2013?", [], src)
    return name, title, paragraphs


def canada_months_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    """T2. PDF: US goods trade with Canada month by month, 2001 against 2000 (Census monthly)."""
    name = "us-canada-goods-trade-month-by-month-2001.pdf"
    mon = [m_[:3].upper() for m_ in MONTHS]
    e: dict[tuple[int, int], float] = {}
    i: dict[tuple[int, int], float] = {}
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        if r["CTYNAME"] == "Canada" and int(r["year"]) in (2000, 2001):
            y = int(r["year"])
            for k in range(12):
                e[(y, k)] = float(r[f"E{mon[k]}"])
                i[(y, k)] = float(r[f"I{mon[k]}"])
    assert len(e) == len(i) == 24
    se = {k: mn1(x) for k, x in e.items()}
    si = {k: mn1(x) for k, x in i.items()}
    ey = {y: sum(num(se[(y, k)]) for k in range(12)) for y in (2000, 2001)}
    iy = {y: sum(num(si[(y, k)]) for k in range(12)) for y in (2000, 2001)}
    ey_bn = {y: f"{ey[y] / 1000:,.2f}" for y in ey}
    iy_bn = {y: f"{iy[y] / 1000:,.2f}" for y in iy}
    gap01 = f"{(iy[2001] - ey[2001]) / 1000:,.2f}"
    e_fall = pct((ey[2000] - ey[2001]) / ey[2000] * 100)
    q3e = mn1(sum(num(se[(2001, k)]) for k in (6, 7, 8)))
    sep_fall = pct((num(se[(2001, 7)]) - num(se[(2001, 8)])) / num(se[(2001, 7)]) * 100)
    e_lo = min(range(12), key=lambda k: e[(2001, k)])
    e_hi = max(range(12), key=lambda k: e[(2001, k)])
    i_hi = max(range(12), key=lambda k: i[(2001, k)])
    i_lo = min(range(12), key=lambda k: i[(2001, k)])
    assert (MONTHS[e_lo], MONTHS[e_hi], MONTHS[i_hi], MONTHS[i_lo]) == ("December", "March", "January", "December")
    assert i[(2001, 0)] > i[(2000, 0)]
    y01 = [r for r in rows(data, "census_us_goods_trade_by_country_annual_1985_2024h1.csv")
           if r["year"] == "2001" and r["is_aggregate"] == "False"]  # fmt: skip
    assert max(y01, key=lambda r: float(r["total_trade_musd"]))["country"] == "Canada"
    assert all(e[(2001, k)] < e[(2000, k)] for k in range(3, 12))  # exports below a year earlier from April on
    title = "A year of two shocks: US goods trade with Canada month by month, 2001"
    running = f"{PUBLISHER} · US–Canada goods trade, 2001 · Census Bureau"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "In 2001 Canada was the largest trading partner of the United States, and the year tested that "
            "relationship twice: first by the American recession, which according to the National Bureau of "
            "Economic Research began in March 2001, then by the attacks of 11 September, after which tighter "
            "security slowed trucks at the border crossings. "
            "This report follows US goods trade with Canada month by month through 2001, set against 2000, using "
            "the U.S. Census Bureau's figures in millions of US dollars, not seasonally adjusted (exports at "
            "F.A.S. value, general imports at customs value). Quarterly and annual totals, the deficit and all "
            "rates of change are our own sums of the monthly figures.",
        ),
        ("h2", "Imports: a strong start, a weak finish"),
        (
            "p",
            f"US purchases from Canada, led by cars, energy and lumber, were at their highest of the year in "
            f"{MONTHS[i_hi]} 2001, at US${si[(2001, i_hi)]} million, more than the US${si[(2000, 0)]} million of "
            f"{MONTHS[0]} 2000. They never came back to that level as American demand weakened, falling to "
            f"US${si[(2001, 8)]} million in September and to a low of US${si[(2001, i_lo)]} million in {MONTHS[i_lo]}. For the whole year the "
            f"United States imported ${iy_bn[2001]} billion of Canadian goods, against ${iy_bn[2000]} billion in "
            "2000 (our sums).",
        ),
    ]
    page2 = [
        ("h2", "Exports: September and after"),
        (
            "p",
            f"American sales to Canada peaked in {MONTHS[e_hi]} 2001 at US${se[(2001, e_hi)]} million. The "
            f"border slowdown after the attacks shows in the autumn: exports fell from US${se[(2001, 7)]} million "
            f"in August to US${se[(2001, 8)]} million in September, a drop of {sep_fall} percent in one month by "
            f"our calculation, compared with US${se[(2000, 8)]} million in September 2000. The third quarter "
            f"brought in US${q3e} million of export sales, and December, at US${se[(2001, e_lo)]} million, was "
            f"the weakest month of the year. From April onwards every month's exports were below the same month "
            f"of 2000. Over the year US exports to Canada came to ${ey_bn[2001]} billion, {e_fall} percent less "
            f"than the ${ey_bn[2000]} billion of 2000, and the US goods deficit with Canada was ${gap01} billion.",
        ),
        (
            "p",
            "The two governments answered the slowdown at the border with the Smart Border Declaration, signed in Ottawa "
            "on 12 December 2001 by Canada's foreign minister John Manley and the US homeland security adviser "
            "Tom Ridge, according to the Government of Canada.",
        ),
        ("h2", "Sources"),
        (
            "p",
            'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" (country.xlsx, vintage '
            "after the June 2024 annual revision; file census_us_goods_trade_by_country_monthly_1985_2024jun.csv), "
            f"Canada, monthly, January 2000 to December 2001, {CENSUS_URL}. Smart Border Declaration as announced "
            "by the Government of Canada.",
        ),
    ]
    src = [name]
    q.add("article_fact", "How much did the United States import from Canada in January 2001?",
          mn_forms(si[(2001, i_hi)]), src)  # fmt: skip
    q.add("comparison", "Which month of 2001 had the weakest US exports to Canada?", [MONTHS[e_lo]], src)
    q.add("article_fact", "By what percentage did US exports to Canada drop from August to September 2001?",
          pct_forms(sep_fall), src)  # fmt: skip
    q.add("article_fact", "What were US goods exports to Canada over the full year 2001?", bn_forms(ey_bn[2001]), src)
    q.add("article_fact", "What did US exporters sell to Canada in the third quarter of 2001?", mn_forms(q3e), src)
    q.add("follow_up", "And a year later?", mn_forms(se[(2001, 8)]), src,
          history=["What were US exports to Canada in September 2000?"])  # fmt: skip
    q.add("date_definition", "When was the US–Canada Smart Border Declaration signed?",
          ["12 December 2001", "December 12, 2001"], src)  # fmt: skip
    q.add("unanswerable", "How much did the US export to Canada in services in 2001?", [], src)
    return name, title, running, [page1, page2]


def fuel_grain_md(data: Path, q: Questions) -> tuple[str, str]:
    """T3. MD: US exports of HS 27, 10 and 12 to Japan, South Korea and Taiwan, 2020 and 2024 (USITC DataWeb)."""
    name = "us-fuel-grain-and-oilseed-exports-to-japan-korea-and-taiwan-2020-2024.md"
    chapters = ["27", "10", "12"]
    buyers = ["Japan", "South Korea", "Taiwan"]
    v: dict[tuple[str, str, int], float] = {}
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["hs2"] in chapters and r["country"] in buyers:
            for y in (2020, 2024):
                v[(r["hs2"], r["country"], y)] = float(r[f"fas_usd_{y}"])
    assert len(v) == 18
    b = {k: bn(x) for k, x in v.items()}

    def rise(h: str, c: str) -> str:
        return growth(b[(h, c, 2024)], b[(h, c, 2020)])

    assert max(buyers, key=lambda c: v[("27", c, 2024)]) == "South Korea"
    fuel_fastest = max(buyers, key=lambda c: float(rise("27", c)))
    assert fuel_fastest == "Taiwan"
    assert all(max(buyers, key=lambda c: v[(h, c, y)]) == "Japan" for h in ("10", "12") for y in (2020, 2024))
    assert all(float(rise("27", c)) > max(float(rise(h, c)) for h in ("10", "12")) for c in buyers)
    shrank = [c for c in buyers if v[("12", c, 2024)] < v[("12", c, 2020)]]
    assert shrank == ["Japan"]
    jp3 = f"{sum(num(b[(h, 'Japan', 2024)]) for h in chapters):,.2f}"
    kr3 = sum(num(b[(h, "South Korea", 2024)]) for h in chapters)
    kr_fuel_share = pct(num(b[("27", "South Korea", 2024)]) / kr3 * 100)
    text = f"""---
title: "Fuel, grain and soybeans: US exports to Japan, South Korea and Taiwan, 2020 and 2024"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and country (downloaded 2025-08-07; file usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv)"
    url: "{USITC_URL}"
    vintage: "2020–2024 annual, as downloaded on 7 August 2025"
period: "2020 and 2024 (calendar years)"
---
# Fuel, grain and soybeans: what East Asia buys from American wells and farms

The nearshoring debate is about Mexico, but American wells and farms also depend on three East
Asian economies with few fuel or farm resources of their own. This article compares US exports
to Japan, South Korea and Taiwan in three chapters of the Harmonized System (HS): mineral fuels
and oils (chapter 27), cereals (chapter 10) and oil seeds such as soybeans (chapter 12), in 2020
and in 2024. Values are total US exports at F.A.S. value from the US International Trade
Commission's DataWeb, in US dollars; growth rates, totals and shares are our own calculations.

## Liquefied gas and crude

Fuel is where the three have grown most. South Korea was the largest buyer of the three in
2024, taking US${b[("27", "South Korea", 2024)]} billion of US fuels, up from US${b[("27", "South Korea", 2020)]}
billion in 2020, and fuel made up {kr_fuel_share} percent of its purchases in the three chapters.
Japan's fuel imports from the United States rose from US${b[("27", "Japan", 2020)]} billion to
US${b[("27", "Japan", 2024)]} billion, an increase of {rise("27", "Japan")} percent. Taiwan started smallest,
at US${b[("27", "Taiwan", 2020)]} billion, but grew fastest: {rise("27", "Taiwan")} percent, to
US${b[("27", "Taiwan", 2024)]} billion in 2024.

## Wheat and corn

In cereals Japan leads. The US-Japan Trade Agreement, which cut Japanese
tariffs on American farm goods, entered into force on 1 January 2020, according to the Office of
the United States Trade Representative. Japan bought US${b[("10", "Japan", 2020)]} billion of US cereals
that year and US${b[("10", "Japan", 2024)]} billion in 2024. South Korea's cereal purchases grew from
US${b[("10", "South Korea", 2020)]} billion to US${b[("10", "South Korea", 2024)]} billion, and Taiwan's from
US${b[("10", "Taiwan", 2020)]} billion to US${b[("10", "Taiwan", 2024)]} billion.

## Soybeans

Oil seeds are the one chapter where the leader went backwards. Japan remained the biggest
customer of the three, but its purchases fell from US${b[("12", "Japan", 2020)]} billion in 2020 to
US${b[("12", "Japan", 2024)]} billion in 2024, while South Korea's rose to US${b[("12", "South Korea", 2024)]}
billion from US${b[("12", "South Korea", 2020)]} billion. Adding the three chapters together, Japan bought
US${jp3} billion of American fuel, grain and oil seeds in 2024 (our sum).

## Sources

U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter
and country, 2020–2024, chapters 27, 10 and 12, {USITC_URL}. Entry into force of the US-Japan Trade
Agreement as published by the Office of the United States Trade Representative.
"""
    src = [name]
    q.add("article_fact", "How much fuel did South Korea import from the United States in 2024?",
          bn_forms(b[("27", "South Korea", 2024)]), src)  # fmt: skip
    q.add("comparison", "Which of the three economies stepped up its purchases of US fuels the fastest between "
          "2020 and 2024?", [fuel_fastest], src)  # fmt: skip
    q.add("article_fact", "What were US cereal shipments to Japan worth in 2024?", bn_forms(b[("10", "Japan", 2024)]),
          src)  # fmt: skip
    q.add("comparison", "Whose imports of American oil seeds shrank between 2020 and 2024?", shrank, src)
    q.add("article_fact", "By how much, in percent, did US fuel exports to Japan rise from 2020 to 2024?",
          pct_forms(rise("27", "Japan")), src)  # fmt: skip
    q.add("article_fact", "What did Japan spend in total on US fuels, cereals and oil seeds in 2024?", bn_forms(jp3),
          src)  # fmt: skip
    q.add("follow_up", "And in 2024?", bn_forms(b[("10", "Taiwan", 2024)]), src,
          history=["What were US grain exports to Taiwan in 2020?"])  # fmt: skip
    q.add("date_definition", "When did the US–Japan Trade Agreement take effect?",
          ["1 January 2020", "January 1, 2020"], src)  # fmt: skip
    q.add("unanswerable", "How much soybean oil did the United States export to South Korea in 2024?", [], src)
    q.add("unanswerable", "What were US fuel exports to the Philippines in 2024?", [], src)
    return name, text


# =============================================================================================


def main() -> None:
    q = Questions("fresh6", blank_unanswerable=True)
    dev = [southern_partners_md, mexican_states_txt, central_fdi_html]
    test = [texas_ports_docx, canada_months_pdf, fuel_grain_md]
    write_set(__doc__, q, OUT, PARTS, PUBLISHER, dev, test, after="fresh5", others=sets_before(6))


if __name__ == "__main__":
    main()
