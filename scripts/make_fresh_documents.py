"""Write the fresh evaluation documents (eval/documents-fresh/) and their questions (eval/parts/fresh.jsonl).

    python scripts/make_fresh_documents.py [--data ../shared/data/trade]

A third document set, "set": "fresh", written after the held-out and dev sets had been read and
tuned on, so that the project has an honest yardstick again. It is split BY DOCUMENT: every
question about a dev document is in the dev part (tune on it), every question about a test
document in the test part (report only). The facts differ from corpus/, eval/documents/ and
eval/documents-dev/: other years, partners, ports, modes, measures (quarters, freight charges, bus
counts, FDI components, state exports, real wages, trade balances) and one HS chapter by partner.

Every figure is computed here from ../shared/data/trade/*.csv (see SOURCES.md there) when the
documents are written, never typed; sums, quarters, shares and changes are derived from those
tables and the documents say so. The script then checks that each expected answer is stated in
the document it cites (derived answers: skipped, their operands are stated). The generated files
are committed; the project does not read ../shared at run time or in tests. DOCX and PDF use the
writers of make_eval_documents.py (fixed dates, reproducible bytes).
"""

from __future__ import annotations

import html
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from eval_documents import (  # noqa: E402
    MON,
    MONTHS,
    QUARTER_WORDS,
    QUARTERS,
    Questions,
    bn,
    change_forms,
    hs_partner_table,
    mn1,
    money_bn,
    money_mn,
    num,
    pct_of,
    rows,
    state_panel,
    wrap,
    write_set,
)
from make_dev_documents import DATE_ISO, DATE_LONG  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh"
PARTS = ROOT / "eval" / "parts" / "fresh.jsonl"
PUBLISHER = "nearshore-qa eval set"
BTS_URL = "https://www.bts.gov/topics/transborder-raw-data"
CENSUS_URL = "https://www.census.gov/foreign-trade/balance/country.xlsx"


# =============================================================================================
# DEV documents
# =============================================================================================

# ---------------------------------------------------------------------------------------------
# D1. HTML: US imports from China by month and quarter, 2018–2019 (Census via FRED, IMPCH)
# ---------------------------------------------------------------------------------------------


def china_html(data: Path, q: Questions) -> tuple[str, str]:
    name = "us-imports-from-china-by-month-and-quarter-2018-2019.html"
    v: dict[int, list[float]] = {2018: [0.0] * 12, 2019: [0.0] * 12}
    for r in rows(data, "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv"):
        y, mo = int(r["observation_date"][:4]), int(r["observation_date"][5:7])
        if y in v:
            v[y][mo - 1] = float(r["IMPCH"])
    m = {(y, i): mn1(v[y][i]) for y in v for i in range(12)}
    qt = {(y, k): sum(num(m[(y, i)]) for i in range(3 * k, 3 * k + 3)) for y in v for k in range(4)}
    qs = {key: mn1(val) for key, val in qt.items()}
    peak18 = max(range(12), key=lambda i: v[2018][i])
    low19 = min(range(12), key=lambda i: v[2019][i])
    high_q18 = max(range(4), key=lambda k: qt[(2018, k)])
    q1_change = pct_of(num(qs[(2019, 0)]), num(qs[(2018, 0)]))
    title = "US imports from China, month by month and quarter by quarter, 2018–2019"
    paras = [
        "<p>The tariff rounds of 2018 and 2019 left a clear mark on the monthly flow of goods from China to the "
        "United States. This page uses the U.S. Census Bureau series of US imports of goods from China on a "
        "customs basis, as published by the Federal Reserve Bank of St. Louis (FRED series IMPCH): millions of "
        "US dollars, not seasonally adjusted. Quarterly figures are our sums of the three months of each "
        "quarter.</p>",
        "<h2>A peak in the autumn of 2018</h2>",
        f"<p>Imports from China climbed through 2018 and peaked in {MONTHS[peak18]} 2018 at "
        f"US${m[(2018, peak18)]} million, according to the Census Bureau. A year later, in {MONTHS[peak18]} 2019, "
        f"they were US${m[(2019, peak18)]} million. The lowest month of 2019 was {MONTHS[low19]}, at "
        f"US${m[(2019, low19)]} million, against US${m[(2018, low19)]} million in {MONTHS[low19]} 2018.</p>",
        "<h2>Quarters</h2>",
        f"<p>In the {QUARTER_WORDS[high_q18]} quarter of 2018, the strongest of that year, the United States "
        f"imported US${qs[(2018, high_q18)]} million of goods from China. In the first quarter of 2019 imports "
        f"came to US${qs[(2019, 0)]} million.</p>",
    ]
    t1 = ["<table>", "<caption>Table 1. US imports of goods from China by month, US$ million (customs basis, "
          "not seasonally adjusted)</caption>", "<thead><tr><th>Month</th><th>2018</th><th>2019</th></tr></thead>",
          "<tbody>"]  # fmt: skip
    t1 += [f"<tr><td>{mo}</td><td>{m[(2018, i)]}</td><td>{m[(2019, i)]}</td></tr>" for i, mo in enumerate(MONTHS)]
    t1 += ["</tbody>", "</table>"]
    t2 = ["<table>", "<caption>Table 2. US imports of goods from China by quarter, US$ million (sum of the "
          "months in Table 1)</caption>", "<thead><tr><th>Year</th>"
          + "".join(f"<th>{k}</th>" for k in QUARTERS) + "</tr></thead>", "<tbody>"]  # fmt: skip
    t2 += [f"<tr><td>{y}</td>" + "".join(f"<td>{qs[(y, k)]}</td>" for k in range(4)) + "</tr>" for y in (2018, 2019)]
    t2 += ["</tbody>", "</table>"]
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{html.escape(title)} | {PUBLISHER}</title>",
            f'<meta name="author" content="{PUBLISHER}">',
            f'<meta name="date" content="{DATE_ISO}">',
            "</head>",
            "<body>",
            '<header><nav><a href="/">Home</a> · <a href="/asia">Asia</a> · <a href="/data">Data</a></nav></header>',
            "<main>",
            "<article>",
            f"<h1>{html.escape(title)}</h1>",
            f'<p class="byline">By the {PUBLISHER} · Published {DATE_LONG}</p>',
            *paras,
            *t1,
            *t2,
            "<h2>Sources</h2>",
            "<p>U.S. Census Bureau, US imports of goods by customs basis from China, via FRED (Federal Reserve Bank "
            "of St. Louis), series IMPCH, monthly, millions of US dollars, not seasonally adjusted, data through "
            'December 2025, January 2018 to December 2019, <a href="https://fred.stlouisfed.org/series/IMPCH">'
            "https://fred.stlouisfed.org/series/IMPCH</a></p>",
            "</article>",
            "</main>",
            f'<footer>© {PUBLISHER} · <a href="/privacy">Privacy</a></footer>',
            "</body>",
            "</html>",
            "",
        ]
    )
    src = [name]
    q.add("table_lookup", "What were US goods imports from China in August 2019?", money_mn(m[(2019, 7)]), src)
    q.add(
        "table_lookup",
        "How much did the United States import from China in the third quarter of 2019?",
        money_mn(qs[(2019, 2)]),
        src,
    )
    q.add(
        "article_fact", f"What were US imports from China in {MONTHS[peak18]} 2018?", money_mn(m[(2018, peak18)]), src
    )
    q.add("comparison", "In which month of 2019 were US imports from China lowest?", [MONTHS[low19]], src)
    q.add(
        "comparison",
        "Which quarter of 2018 saw the highest US imports from China?",
        [f"{QUARTER_WORDS[high_q18]} quarter", QUARTERS[high_q18]],
        src,
    )
    q.add(
        "computed",
        "By what percentage did US imports from China in the first quarter of 2019 change from a year earlier?",
        change_forms(q1_change),
        src,
    )
    q.add(
        "follow_up",
        "And in the same quarter of 2019?",
        money_mn(qs[(2019, 1)]),
        src,
        history=["How much did the US import from China in the second quarter of 2018?"],
    )
    q.add(
        "date_definition",
        "Are the 2018–2019 monthly figures for US imports from China seasonally adjusted?",
        ["not seasonally adjusted"],
        src,
    )
    q.add("unanswerable", "What were US exports to China in March 2019?", [], src)
    return name, page


# ---------------------------------------------------------------------------------------------
# D2. TXT: northbound buses at Texas ports, 2015–2018 (CBP, yearly and monthly)
# ---------------------------------------------------------------------------------------------


def buses_txt(data: Path, q: Questions) -> tuple[str, str]:
    name = "texas-border-northbound-buses-2015-2018.txt"
    years = [2015, 2016, 2017, 2018]
    c: dict[tuple[str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        if r["Modes"] == "Buses" and int(r["Year"]) in years:
            c[(r["POE"], int(r["Year"]))] += int(r["Northbound Crossing"])
    mq: dict[tuple[str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv"):
        if r["Modes"] == "Buses" and int(r["Year"]) == 2018:
            mq[(r["POE"], (int(r["Month"]) - 1) // 3)] += int(r["Northbound Crossing"])
    ports = sorted({p for (p, y), n in c.items() if n > 0 and y == 2018}, key=lambda p: -c[(p, 2018)])
    n = {(p, y): f"{c[(p, y)]:,}" for p in ports for y in years}
    qports = ports[:3]
    for p in qports:  # the quarters must add up to the year
        assert sum(mq[(p, k)] for k in range(4)) == c[(p, 2018)], p
    total = {y: sum(c[(p, y)] for p in ports) for y in years}
    rank16 = sorted(ports, key=lambda p: -c[(p, 2016)])
    lines = [
        "Buses at the Texas border: northbound bus crossings by port of entry, 2015-2018",
        f"Source: {PUBLISHER}. Data: U.S. Customs and Border Protection (CBP), northbound crossings at "
        "Texas-Mexico ports of entry, yearly and monthly 2008-2025 (El Paso, Laredo and Rio Grande Valley field "
        "offices), compiled by the University of North Texas for TxDOT (https://www.cbp.gov), years 2015-2018",
        f"Date: {DATE_LONG}",
        f"Prepared by: {PUBLISHER}",
        "Units: number of buses (count)",
        "",
        "OVERVIEW",
        "",
        wrap(
            "Buses are one of the five modes CBP counts at the Texas border (commercial trucks, "
            "buses, passenger vehicles, pedestrians and bicyclists, and railcars). Each count is a bus "
            "entering the United States from Mexico; passengers on board are not counted here. Only "
            f"{len(ports)} of the Texas ports of entry recorded any northbound buses in 2018."
        ),
        "",
        "THE PORTS",
        "",
        wrap(
            f"Laredo counted {n[('Laredo', 2015)]} northbound buses in 2015 and {n[('Laredo', 2018)]} in 2018, "
            f"according to CBP. Hidalgo went from {n[('Hidalgo', 2015)]} to {n[('Hidalgo', 2018)]} over the same "
            f"years and El Paso from {n[('El Paso', 2015)]} to {n[('El Paso', 2018)]}. Eagle Pass was the one "
            f"port where bus traffic grew strongly: {n[('Eagle Pass', 2015)]} buses in 2015, "
            f"{n[('Eagle Pass', 2018)]} in 2018."
        ),
        "",
        wrap(
            f"Added together, the {len(ports)} ports counted {total[2015]:,} northbound buses in 2015 and "
            f"{total[2018]:,} in 2018 (our sums of the port counts)."
        ),
        "",
        "Table 1. Northbound buses by Texas port of entry, 2015-2018 (count)",
        "",
    ]
    head = f"{'Port':<14}" + "".join(f"{y:>10}" for y in years)
    lines += [head, "-" * len(head)]
    lines += [f"{p:<14}" + "".join(f"{n[(p, y)]:>10}" for y in years) for p in ports]
    lines += [f"{'All listed':<14}" + "".join(f"{total[y]:>10,}" for y in years)]
    lines += [
        "",
        "Table 2. Northbound buses by quarter, 2018, three largest ports (count; sums of monthly counts)",
        "",
    ]
    head2 = f"{'Port':<14}" + "".join(f"{k:>10}" for k in QUARTERS)
    lines += [head2, "-" * len(head2)]
    lines += [f"{p:<14}" + "".join(f"{mq[(p, k)]:>10,}" for k in range(4)) for p in qports]
    lines += [
        "",
        "SOURCES",
        "",
        wrap(
            "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, yearly "
            "and monthly 2008-2025, as compiled by the University of North Texas (CBP-Border-Crossings, "
            "data through December 2025), https://www.cbp.gov"
        ),
        "",
    ]
    src = [name]
    q.add("table_lookup", "How many northbound buses crossed at Brownsville in 2016?", [n[("Brownsville", 2016)]], src)
    q.add("table_lookup", "How many buses entered the US through Presidio in 2017?", [n[("Presidio", 2017)]], src)
    q.add(
        "table_lookup",
        "How many northbound buses crossed at Hidalgo in the second quarter of 2018?",
        [f"{mq[('Hidalgo', 1)]:,}"],
        src,
    )
    q.add("article_fact", "How many northbound buses did Eagle Pass count in 2018?", [n[("Eagle Pass", 2018)]], src)
    q.add("comparison", "Which Texas port counted the second-most northbound buses in 2016?", [rank16[1]], src)
    q.add(
        "computed",
        "By how many did northbound bus crossings at Hidalgo fall from 2015 to 2018?",
        [f"{c[('Hidalgo', 2015)] - c[('Hidalgo', 2018)]:,}"],
        src,
    )
    q.add(
        "date_definition",
        "Which CBP field offices do the 2015–2018 northbound bus counts cover?",
        ["Rio Grande Valley"],
        src,
    )
    q.add("unanswerable", "How many bus passengers entered the US at Laredo in 2017?", [], src)
    return name, "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# D3. MD: US goods trade with six South American partners, 2005–2010 (Census annual)
# ---------------------------------------------------------------------------------------------


def south_america_md(data: Path, q: Questions) -> tuple[str, str]:
    name = "us-trade-with-south-america-2005-2010.md"
    partners = ["Brazil", "Venezuela", "Colombia", "Chile", "Peru", "Argentina"]
    years = [2005, 2008, 2009, 2010]
    t: dict[tuple[str, int], dict] = {}
    for r in rows(data, "census_us_goods_trade_by_country_annual_1985_2024h1.csv"):
        if r["country"] in partners and int(r["year"]) in years and r["is_aggregate"] == "False":
            t[(r["country"], int(r["year"]))] = {k: float(r[k]) for k in ("exports_musd", "imports_musd",
                                                                          "total_trade_musd", "balance_musd")}  # fmt: skip
    assert len(t) == len(partners) * len(years)

    def f(p: str, y: int, k: str) -> str:
        return mn1(t[(p, y)][k])

    rank10 = sorted(partners, key=lambda p: -t[(p, 2010)]["total_trade_musd"])
    deficit08 = min(partners, key=lambda p: t[(p, 2008)]["balance_musd"])
    brazil_change = pct_of(num(f("Brazil", 2009, "total_trade_musd")), num(f("Brazil", 2008, "total_trade_musd")))
    six = {y: sum(num(f(p, y, "total_trade_musd")) for p in partners) for y in years}
    text = (
        f"""---
title: "Brazil, Venezuela, Colombia, Chile, Peru and Argentina: US goods trade with six South American partners, 2005–2010"
source: "{PUBLISHER}"
written: {DATE_ISO}
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "2005, 2008, 2009 and 2010 (calendar years)"
author: "{PUBLISHER}"
topics: [trade, south america, brazil, venezuela, colombia, chile]
---
# US goods trade with six South American partners, 2005–2010

Before the nearshoring debate turned to Mexico, South America was a growing market for US goods
in the Americas. This note uses the U.S. Census Bureau's goods trade by country: US exports (total exports,
F.A.S. value) and US imports (general imports, customs value), in millions of US dollars, Census
basis. The balance is exports minus imports; a negative balance is a US deficit.

## The 2008 peak

In 2008 the United States exported US${f("Brazil", 2008, "exports_musd")} million of goods to Brazil and
imported US${f("Brazil", 2008, "imports_musd")} million from it, while imports from Venezuela
reached US${f("Venezuela", 2008, "imports_musd")} million against exports of
US${f("Venezuela", 2008, "exports_musd")} million, according to the Census Bureau. Chile bought
US${f("Chile", 2008, "exports_musd")} million of US goods that year and Colombia
US${f("Colombia", 2008, "exports_musd")} million.

## The 2009 fall

Trade with every one of the six partners fell in 2009. Total US trade with Brazil dropped from
US${f("Brazil", 2008, "total_trade_musd")} million in 2008 to US${f("Brazil", 2009, "total_trade_musd")} million in
2009, and US exports to Chile came to US${f("Chile", 2009, "exports_musd")} million. By 2010 trade with Brazil
had recovered to US${f("Brazil", 2010, "total_trade_musd")} million. Added together, US trade with the six
partners was US${mn1(six[2008])} million in 2008 and US${mn1(six[2010])} million in 2010 (our sums).

| Partner | 2005 | 2008 | 2009 | 2010 |
|---|---:|---:|---:|---:|
"""
        + "".join(f"| {p} | {' | '.join(f(p, y, 'total_trade_musd') for y in years)} |\n" for p in partners)
        + """
*Table 1. Total US goods trade (exports plus imports) by partner, US$ million, Census basis.*

| Partner | Exports 2010 | Imports 2010 | Balance 2010 |
|---|---:|---:|---:|
"""
        + "".join(
            f"| {p} | {f(p, 2010, 'exports_musd')} | {f(p, 2010, 'imports_musd')} | {f(p, 2010, 'balance_musd')} |\n"
            for p in partners
        )
        + f"""
*Table 2. US goods exports, imports and balance by partner in 2010, US$ million (balance = exports
minus imports).*

## Sources

- U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" (country.xlsx, vintage after
  the June 2024 annual revision), annual totals 2005–2010, {CENSUS_URL}
"""
    )
    src = [name]
    q.add(
        "article_fact",
        "What were US imports from Venezuela in 2008?",
        money_mn(f("Venezuela", 2008, "imports_musd")),
        src,
    )
    q.add(
        "article_fact", "How much did the US export to Chile in 2009?", money_mn(f("Chile", 2009, "exports_musd")), src
    )
    q.add(
        "table_lookup",
        "What was total US goods trade with Peru in 2005?",
        money_mn(f("Peru", 2005, "total_trade_musd")),
        src,
    )
    bal = f("Colombia", 2010, "balance_musd")
    q.add(
        "table_lookup",
        "What was the US goods trade balance with Colombia in 2010?",
        [f"-US${bal.lstrip('-')} million", bal, f"deficit of US${bal.lstrip('-')} million"],
        src,
    )
    q.add(
        "comparison",
        "Which of the six South American partners had the second-largest total trade with the US in 2010?",
        [rank10[1]],
        src,
    )
    q.add(
        "comparison",
        "With which South American partner did the US have its largest goods trade deficit in 2008?",
        [deficit08],
        src,
    )
    q.add(
        "computed",
        "By what percentage did total US trade with Brazil fall from 2008 to 2009?",
        change_forms(brazil_change),
        src,
    )
    q.add(
        "follow_up",
        "And in 2009?",
        money_mn(f("Chile", 2009, "total_trade_musd")),
        src,
        history=["What was total US goods trade with Chile in 2008?"],
    )
    q.add("unanswerable", "What was US goods trade with Ecuador in 2010?", [], src)
    return name, text


# ---------------------------------------------------------------------------------------------
# D4. CSV (+ sidecar): US exports of HS 71 (precious stones and metals) by partner (USITC)
# ---------------------------------------------------------------------------------------------


def hs71_csv(data: Path, q: Questions) -> tuple[str, str, str]:
    name = "us-exports-precious-stones-and-metals-hs71-by-partner-2020-2024.csv"
    years, lines, u, rank, partners, val = hs_partner_table(data, "71")
    side = f"""title: "US exports of precious stones and metals (HS chapter 71) by partner, 2020-2024"
source: "{PUBLISHER}"
written: "{DATE_ISO}"
data_sources:
  - name: "U.S. International Trade Commission (USITC) DataWeb, Total Exports, FAS Value, HTS 2-digit, all countries"
    url: "https://dataweb.usitc.gov"
    vintage: "downloaded 2025-08-07"
units: "Millions of U.S. dollars, nominal, F.A.S. (free alongside ship) value; rank among all partner countries in the DataWeb query."
period: "2020-2024 (calendar years)"
notes: "HS chapter 71: natural or cultured pearls, precious or semiprecious stones, precious metals (gold, silver, platinum), jewellery and coin. The ten partners that bought most in 2024; a partner's rank counts every country in the query, so it can exceed 10 in earlier years. Derived by nearshore-qa from the USITC DataWeb export file (one row per HS chapter and country)."
columns:
  us_exports_hs71_usd_millions: {{label: "US exports of HS 71", unit: "US$ m"}}
  rank_among_partners: {{label: "Rank among partners", unit: ""}}
"""
    src = [name]
    q.add("table_lookup", "What were US exports of precious stones and metals (HS 71) to Hong Kong in 2021?",
          money_mn(val[("Hong Kong", 2021)]), src)  # fmt: skip
    q.add("table_lookup", "How much HS chapter 71 goods did the US export to Israel in 2023?",
          money_mn(val[("Israel", 2023)]), src)  # fmt: skip
    q.add("table_lookup", "What were US exports of HS 71 to India in 2022?", money_mn(val[("India", 2022)]), src)
    q.add(
        "comparison",
        "Which country was the second-largest market for US exports of precious stones and metals in 2022?",
        [rank[2022][1]],
        src,
    )
    q.add("comparison", "Which partner ranked first for US HS 71 exports in 2020?", [rank[2020][0]], src)
    q.add(
        "comparison",
        "Which country ranked third among markets for US exports of precious stones and metals in 2023?",
        [rank[2023][2]],
        src,
    )
    sw = pct_of(num(val[("Switzerland", 2023)]), num(val[("Switzerland", 2022)]))
    q.add(
        "computed",
        "By what percentage did US exports of HS 71 goods to Switzerland change from 2022 to 2023?",
        change_forms(sw),
        src,
    )
    q.add("unanswerable", "How much gold did the US import from Switzerland in 2023?", [], src)
    return name, "\n".join(lines) + "\n", side


# ---------------------------------------------------------------------------------------------
# D5. PDF: US goods trade with Japan by month, 2010–2011 (Census monthly)
# ---------------------------------------------------------------------------------------------


def japan_pdf(data: Path, q: Questions) -> tuple[str, str, str, list, str]:
    name = "us-japan-goods-trade-by-month-2010-2011.pdf"
    imp: dict[int, list[float]] = {}
    exp: dict[int, list[float]] = {}
    yr: dict[int, tuple[float, float]] = {}
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        if r["CTYNAME"] == "Japan" and int(r["year"]) in (2010, 2011):
            y = int(r["year"])
            imp[y] = [float(r["I" + m]) for m in MON]
            exp[y] = [float(r["E" + m]) for m in MON]
            yr[y] = (float(r["IYR"]), float(r["EYR"]))
    i = {(y, k): mn1(imp[y][k]) for y in imp for k in range(12)}
    e = {(y, k): mn1(exp[y][k]) for y in exp for k in range(12)}
    low11 = min(range(12), key=lambda k: imp[2011][k])
    qi = {k: mn1(sum(num(i[(2011, j)]) for j in range(3 * k, 3 * k + 3))) for k in range(4)}
    qe = {k: mn1(sum(num(e[(2011, j)]) for j in range(3 * k, 3 * k + 3))) for k in range(4)}
    qb = {k: mn1(num(qe[k]) - num(qi[k])) for k in range(4)}
    title = "US goods trade with Japan month by month, 2010–2011: the spring of 2011"
    running = f"{PUBLISHER} · US–Japan goods trade 2010–2011 · Census basis, US$ million"
    page1 = [
        ("h", title),
        (
            "p",
            "The earthquake and tsunami of March 2011 disrupted Japanese factories, and the disruption is visible "
            "in US imports from Japan in the months that followed. This report uses the U.S. Census Bureau's "
            "monthly goods trade by country: general imports at customs value and total exports at F.A.S. value, "
            "millions of US dollars, not seasonally adjusted. Quarterly figures are our sums of the months.",
        ),
        ("h2", "Imports"),
        (
            "p",
            f"US imports from Japan were US${i[(2011, 2)]} million in March 2011, fell to US${i[(2011, 3)]} million "
            f"in April and reached their low for the year in {MONTHS[low11]}, at US${i[(2011, low11)]} million, "
            f"according to the Census Bureau. In {MONTHS[low11]} 2010 they had been US${i[(2010, low11)]} million.",
        ),
        ("h2", "The year"),
        (
            "p",
            f"Over the whole of 2011 the United States imported US${mn1(yr[2011][0])} million of goods from Japan "
            f"and exported US${mn1(yr[2011][1])} million to it; in 2010 imports were US${mn1(yr[2010][0])} million "
            f"and exports US${mn1(yr[2010][1])} million.",
        ),
        ("h2", "By quarter in 2011"),
        (
            "table_caption",
            "Table 2. US goods trade with Japan by quarter, 2011 (US$ million; balance = exports minus imports)",
        ),
        (
            "table",
            [["Quarter", "Imports", "Exports", "Balance"]] + [[QUARTERS[k], qi[k], qe[k], qb[k]] for k in range(4)],
        ),
    ]
    page2 = [
        ("h2", "Month by month"),
        (
            "table_caption",
            "Table 1. US goods imports from and exports to Japan by month (US$ million, not seasonally adjusted)",
        ),
        (
            "table",
            [["Month", "Imports 2010", "Imports 2011", "Exports 2010", "Exports 2011"]]
            + [[MONTHS[k], i[(2010, k)], i[(2011, k)], e[(2010, k)], e[(2011, k)]] for k in range(12)],
        ),
        ("h2", "Sources"),
        (
            "p",
            'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" (country.xlsx, vintage after '
            f"the June 2024 annual revision), Japan, January 2010 to December 2011, {CENSUS_URL}",
        ),
    ]
    src = [name]
    q.add("table_lookup", "What were US imports from Japan in July 2010?", money_mn(i[(2010, 6)]), src)
    q.add("table_lookup", "How much did the US export to Japan in September 2011?", money_mn(e[(2011, 8)]), src)
    q.add(
        "table_lookup",
        "How much did the US import from Japan in the second quarter of 2011?",
        money_mn(qi[1]),
        src,
    )
    q.add("article_fact", f"What were US imports from Japan in {MONTHS[low11]} 2011?", money_mn(i[(2011, low11)]), src)
    q.add("article_fact", "How much did the US export to Japan in 2011 as a whole?", money_mn(mn1(yr[2011][1])), src)
    q.add("comparison", "In which month of 2011 were US imports from Japan lowest?", [MONTHS[low11]], src)
    q.add(
        "computed",
        "By how much did US imports from Japan fall from March to April 2011?",
        money_mn(mn1(num(i[(2011, 2)]) - num(i[(2011, 3)]))),
        src,
    )
    q.add(
        "follow_up",
        "And in April 2010?",
        money_mn(i[(2010, 3)]),
        src,
        history=["What were US imports from Japan in April 2011?"],
    )
    q.add(
        "date_definition",
        "At what value are US exports to Japan measured in the Census figures?",
        ["F.A.S.", "free alongside ship"],
        src,
    )
    q.add("unanswerable", "How many cars did the US import from Japan in April 2011?", [], src)
    return name, title, running, [page1, page2], name


# =============================================================================================
# TEST documents
# =============================================================================================

# ---------------------------------------------------------------------------------------------
# T1. PDF: US–Mexico trade by quarter and mode, 2016–2017 (BTS TransBorder, monthly by mode)
# ---------------------------------------------------------------------------------------------


def mexico_quarters_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    name = "us-mexico-trade-by-quarter-and-mode-2016-2017.pdf"
    v: dict[tuple[int, int, str, str], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv"):
        if r["Country"] == "Mexico" and int(r["Year"]) in (2016, 2017):
            v[(int(r["Year"]), (int(r["Month"]) - 1) // 3, r["Mode"], r["TradeType"])] += float(r["TradeValue"])

    def agg(y: int, k: int, mode: str | None = None, trade: str | None = None) -> float:
        return sum(
            val
            for (yy, kk, md, t), val in v.items()
            if yy == y and kk == k and (mode is None or md == mode) and (trade is None or t == trade)
        )

    cols = [("Exports", None, "Export"), ("Imports", None, "Import"), ("Total", None, None), ("Truck", "Truck", None),
            ("Rail", "Rail", None), ("Vessel", "Vessel", None), ("Air", "Air", None)]  # fmt: skip
    qs = [(y, k) for y in (2016, 2017) for k in range(4)]
    cell = {(y, k, lab): bn(agg(y, k, md, t)) for y, k in qs for lab, md, t in cols}
    high16 = max(range(4), key=lambda k: agg(2016, k))
    assert sum(agg(2017, k) for k in range(4)) > sum(agg(2016, k) for k in range(4))  # "rose from 2016 to 2017"
    q4_change = pct_of(num(cell[(2017, 3, "Total")]), num(cell[(2016, 3, "Total")]))
    truck_share = agg(2017, 3, "Truck") / agg(2017, 3) * 100
    title = "US–Mexico trade quarter by quarter, 2016–2017: trucks, trains, ships and aircraft"
    running = f"{PUBLISHER} · US–Mexico trade by quarter 2016–2017 · BTS TransBorder Freight Data"
    page1 = [
        ("h", title),
        (
            "p",
            "Trade across the southern border rose from 2016 to 2017, the year the NAFTA renegotiation "
            "began. This report sums the monthly BTS TransBorder Freight Data into calendar quarters: "
            "US exports to and imports from Mexico by mode of transport, nominal US dollars. The TransBorder "
            "series records freight by truck, rail, pipeline, vessel, air, mail and foreign trade zones; every "
            "quarter below is our sum of three months.",
        ),
        ("h2", "The end of 2017"),
        (
            "p",
            f"US–Mexico trade reached US${cell[(2017, 3, 'Total')]} billion in the fourth quarter of 2017, with US "
            f"exports to Mexico of US${cell[(2017, 3, 'Exports')]} billion and US imports from Mexico of "
            f"US${cell[(2017, 3, 'Imports')]} billion, according to BTS TransBorder Freight Data. Vessels carried "
            f"US${bn(agg(2017, 3, 'Vessel', 'Export'))} billion of US exports to Mexico that quarter and "
            f"US${bn(agg(2017, 3, 'Vessel', 'Import'))} billion of imports.",
        ),
        ("h2", "Trucks and rail"),
        (
            "p",
            f"Trucks carried {truck_share:.1f}% of US–Mexico trade in the fourth quarter of 2017 (our share of the "
            f"quarter's total). Rail carried US${cell[(2016, 0, 'Rail')]} billion in the first quarter of 2016 and "
            f"US${cell[(2017, 3, 'Rail')]} billion in the fourth quarter of 2017. In 2016 the strongest quarter was "
            f"the {QUARTER_WORDS[high16]}, at US${cell[(2016, high16, 'Total')]} billion.",
        ),
    ]
    page2 = [
        ("h2", "Quarter by quarter"),
        ("table_caption", "Table 1. US–Mexico trade by quarter and mode, 2016–2017 (US$ billion)"),
        (
            "table",
            [["Quarter", *(c[0] for c in cols)]]
            + [[f"{QUARTERS[k]} {y}", *(cell[(y, k, c[0])] for c in cols)] for y, k in qs],
        ),
        (
            "p",
            "Truck, rail, vessel and air are four of the modes; the total also includes pipeline, mail, foreign "
            "trade zone and other shipments.",
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Mexico trade by month "
            "and mode, January 2016 to December 2017 (raw data downloaded 2026-03-21 and aggregated by the "
            f"University of North Texas for TxDOT), {BTS_URL}",
        ),
    ]
    src = [name]
    q.add("table_lookup", "How much US–Mexico trade went by rail in the third quarter of 2016?",
          money_bn(cell[(2016, 2, "Rail")]), src)  # fmt: skip
    q.add("table_lookup", "What were US imports from Mexico in the second quarter of 2017?",
          money_bn(cell[(2017, 1, "Imports")]), src)  # fmt: skip
    q.add("article_fact", "What was total US–Mexico trade in the fourth quarter of 2017?",
          money_bn(cell[(2017, 3, "Total")]), src)  # fmt: skip
    q.add("article_fact", "How much did the US export to Mexico by vessel in the fourth quarter of 2017?",
          money_bn(bn(agg(2017, 3, "Vessel", "Export"))), src)  # fmt: skip
    q.add("article_fact", "What share of US–Mexico trade did trucks carry in the fourth quarter of 2017?",
          [f"{truck_share:.1f}%"], src)  # fmt: skip
    q.add("comparison", "Which quarter of 2016 had the highest US–Mexico trade?",
          [f"{QUARTER_WORDS[high16]} quarter", QUARTERS[high16]], src)  # fmt: skip
    q.add(
        "computed",
        "By what percentage did US–Mexico trade in the fourth quarter of 2017 change from the fourth quarter of 2016?",
        change_forms(q4_change),
        src,
    )
    q.add(
        "follow_up",
        "And by rail?",
        money_bn(cell[(2017, 0, "Rail")]),
        src,
        history=["How much US–Mexico trade went by truck in the first quarter of 2017?"],
    )
    q.add("unanswerable", "How much US–Mexico trade went by truck in the first quarter of 2018?", [], src)
    return name, title, running, [page1, page2]


# ---------------------------------------------------------------------------------------------
# T2. DOCX: FDI components, state exports and real wages in six Mexican states, 2019–2021
# ---------------------------------------------------------------------------------------------


def states_panel_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    name = "mexican-states-fdi-components-exports-and-wages-2019-2021.docx"
    states_ = ["Jalisco", "Guanajuato", "Puebla", "Veracruz", "Sonora", "Aguascalientes"]
    years = [2019, 2020, 2021]
    p, _ = state_panel(data, {s: s for s in states_}, years)

    def f(s: str, y: int, k: str) -> str:
        return f"{float(p[(s, y)][k]):,.1f}"

    def ex(s: str, y: int) -> str:  # thousand USD -> US$ billion
        return f"{float(p[(s, y)]['exports_thousand_usd']) / 1e6:,.2f}"

    def wage(s: str, y: int) -> str:
        return f"{float(p[(s, y)]['real_wage']):.2f}"

    rank21 = sorted(states_, key=lambda s: -float(p[(s, 2021)]["total_fdi"]))
    top20 = max(states_, key=lambda s: float(p[(s, 2020)]["total_fdi"]))
    puebla = pct_of(num(ex("Puebla", 2020)), num(ex("Puebla", 2019)))
    title = "Six Mexican states through the pandemic: FDI components, exports and real wages, 2019–2021"
    comps = [("new_fdi", "New investment"), ("reinv_profits", "Reinvested profits"),
             ("intercom_acc", "Intercompany accounts"), ("total_fdi", "Total FDI")]  # fmt: skip
    paragraphs = [
        (
            "p",
            "Foreign direct investment (FDI) in Mexico is reported in three components: new investment, "
            "reinvestment of profits by firms already in the country, and intercompany accounts (lending between "
            "a Mexican affiliate and its foreign parent, which can be negative when the affiliate repays). This "
            "note follows six states of the Bajío, the west, the centre, the south and the north through 2019–2021 using a state panel "
            "that credits INEGI (BIE and ENOE) and Banxico, with FDI in the components of the Secretaría de "
            "Economía. FDI is in millions of US dollars; state exports in US dollars (shown here in billions); "
            "real wages in Mexican pesos at 2018 prices. The panel is a secondary compilation, so the figures "
            "should be checked against the agencies before they are quoted elsewhere.",
        ),
        ("h1", "FDI in 2021"),
        (
            "p",
            f"Jalisco received US${f('Jalisco', 2021, 'total_fdi')} million of FDI in 2021: "
            f"US${f('Jalisco', 2021, 'new_fdi')} million of new investment, US${f('Jalisco', 2021, 'reinv_profits')} "
            f"million of reinvested profits and US${f('Jalisco', 2021, 'intercom_acc')} million through intercompany "
            f"accounts. Guanajuato took in US${f('Guanajuato', 2021, 'total_fdi')} million, after only "
            f"US${f('Guanajuato', 2020, 'total_fdi')} million in 2020, and Sonora US${f('Sonora', 2021, 'total_fdi')} "
            f"million, of which US${f('Sonora', 2021, 'new_fdi')} million was new investment.",
        ),
        ("h1", "Exports and wages"),
        (
            "p",
            f"Guanajuato's exports were US${ex('Guanajuato', 2021)} billion in 2021 and Jalisco's "
            f"US${ex('Jalisco', 2021)} billion. Puebla's exports fell from US${ex('Puebla', 2019)} billion in 2019 to "
            f"US${ex('Puebla', 2020)} billion in 2020. The real wage in Veracruz was {wage('Veracruz', 2021)} pesos "
            f"in 2021 and in Aguascalientes {wage('Aguascalientes', 2021)} pesos.",
        ),
        ("table_caption", "Table 1. FDI by component and state, 2020 and 2021 (US$ million)"),
        (
            "table",
            [["State", "Year", *(label for _, label in comps)]]
            + [[s, str(y), *(f(s, y, k) for k, _ in comps)] for s in states_ for y in (2020, 2021)],
        ),
        ("table_caption", "Table 2. State exports (US$ billion) and real wage (MXN at 2018 prices), 2019–2021"),
        (
            "table",
            [["State", "Exports 2019", "Exports 2020", "Exports 2021", "Real wage 2019", "Real wage 2021"]]
            + [[s, *(ex(s, y) for y in years), wage(s, 2019), wage(s, 2021)] for s in states_],
        ),
        ("h1", "Sources"),
        (
            "p",
            "State panel of FDI, exports and wages 2006–2022 (workbook panel_data.xlsx of a university "
            "nearshoring course, last changed 2025-02-14), crediting INEGI (Banco de Información Económica; "
            "Encuesta Nacional de Ocupación y Empleo) and Banxico; FDI components as published by the Secretaría "
            "de Economía, https://www.gob.mx/se and https://www.inegi.org.mx; years 2019–2021.",
        ),
    ]
    src = [name]
    q.add("article_fact", "How much new FDI did Sonora receive in 2021?", money_mn(f("Sonora", 2021, "new_fdi")), src)
    q.add("article_fact", "What were reinvested profits in Jalisco in 2021?",
          money_mn(f("Jalisco", 2021, "reinv_profits")), src)  # fmt: skip
    ic = f("Guanajuato", 2020, "intercom_acc")
    q.add(
        "table_lookup",
        "What was the intercompany accounts component of FDI in Guanajuato in 2020?",
        [f"US${ic} million", ic, f"({ic.lstrip('-')})"],
        src,
    )
    q.add("table_lookup", "What were Veracruz's exports in 2020?", money_bn(ex("Veracruz", 2020)), src)
    q.add("table_lookup", "What was the real wage in Sonora in 2021?", [wage("Sonora", 2021)], src)
    q.add("comparison", "Which of the six states received the second-largest total FDI in 2021?", [rank21[1]], src)
    q.add("comparison", "Which of the six states received the most FDI in 2020?", [top20], src)
    q.add("computed", "By what percentage did Puebla's exports fall from 2019 to 2020?", change_forms(puebla), src)
    q.add(
        "follow_up",
        "And in 2021?",
        money_mn(f("Aguascalientes", 2021, "total_fdi")),
        src,
        history=["What was total FDI in Aguascalientes in 2020?"],
    )
    q.add("date_definition", "In what prices are the state real wages expressed?", ["2018 prices"], src)
    q.add("unanswerable", "How much FDI did Guanajuato receive from Japan in 2021?", [], src)
    q.add("unanswerable", "What was the unemployment rate in Jalisco in 2023?", [], src)
    return name, title, paragraphs


# ---------------------------------------------------------------------------------------------
# T3. TXT: Texas ports in 2005–2006: exports, imports and freight charges (BTS port-level annual)
# ---------------------------------------------------------------------------------------------


def ports_freight_txt(data: Path, q: Questions) -> tuple[str, str]:
    name = "texas-ports-exports-imports-and-freight-charges-2005-2006.txt"
    years = [2005, 2006]
    tv: dict[tuple[str, int, str], float] = defaultdict(float)
    fc: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_texas_mexico_ports_annual_1993_2025.csv"):
        y = int(r["Year"])
        if y in years:
            tv[(r["Port"], y, r["TradeType"])] += float(r["TradeValue"])
            fc[(r["Port"], y)] += float(r["FreightCharges"] or 0)
            if r["TradeType"] == "Export":
                assert float(r["FreightCharges"] or 0) == 0.0  # the text says: imports only
    ports = [
        "Laredo",
        "El Paso",
        "Hidalgo/Pharr",
        "Brownsville",
        "Eagle Pass",
        "Del Rio",
        "Rio Grande City",
        "Presidio",
    ]
    m = {(p, y, t): mn1(tv[(p, y, t)] / 1e6) for p in ports for y in years for t in ("Export", "Import")}
    f = {(p, y): mn1(fc[(p, y)] / 1e6) for p in ports for y in years}
    rank_fc05 = sorted(ports, key=lambda p: -fc[(p, 2005)])
    eagle = pct_of(num(m[("Eagle Pass", 2006, "Import")]), num(m[("Eagle Pass", 2005, "Import")]))
    lines = [
        "Texas-Mexico ports in 2005 and 2006: exports, imports and the freight bill",
        f"Source: {PUBLISHER}. Data: Bureau of Transportation Statistics (BTS), North American TransBorder Freight "
        f"Data, port-level annual series ({BTS_URL}), raw data downloaded 2026-03-21 and aggregated by the "
        "University of North Texas, years 2005-2006",
        f"Date: {DATE_LONG}",
        f"Prepared by: {PUBLISHER}",
        "Units: US$ million, nominal",
        "",
        "SUMMARY",
        "",
        wrap(
            "This report covers eight Texas ports of entry, from Laredo to Presidio, in 2005 and 2006: US exports "
            "to Mexico and US imports from Mexico through each port, all modes, and the freight charges recorded "
            "on US imports. Freight charges are the cost of "
            "carrying the goods; in the TransBorder data they are reported for US imports only and are zero for "
            "exports."
        ),
        "",
        "1. LAREDO AND EL PASO",
        "",
        wrap(
            f"US imports from Mexico through El Paso were US${m[('El Paso', 2005, 'Import')]} million in 2005 and "
            f"exports US${m[('El Paso', 2005, 'Export')]} million, according to the BTS TransBorder Freight Data. "
            f"Laredo handled US${m[('Laredo', 2006, 'Export')]} million of exports and "
            f"US${m[('Laredo', 2006, 'Import')]} million of imports in 2006, and its imports carried freight "
            f"charges of US${f[('Laredo', 2006)]} million, up from US${f[('Laredo', 2005)]} million in 2005."
        ),
        "",
        "2. THE SMALLER PORTS",
        "",
        wrap(
            f"Imports through Eagle Pass rose from US${m[('Eagle Pass', 2005, 'Import')]} million in 2005 to "
            f"US${m[('Eagle Pass', 2006, 'Import')]} million in 2006. Hidalgo/Pharr recorded freight charges of "
            f"US${f[('Hidalgo/Pharr', 2005)]} million in 2005, more than El Paso's US${f[('El Paso', 2005)]} million."
        ),
        "",
        "Table 1. US-Mexico trade by Texas port of entry, 2005 and 2006 (US$ million, all modes)",
        "",
    ]
    head = f"{'Port':<17}" + "".join(
        f"{h:>15}" for h in ("Exports 2005", "Imports 2005", "Exports 2006", "Imports 2006")
    )
    lines += [head, "-" * len(head)]
    for p in ports:
        lines.append(f"{p:<17}" + "".join(f"{m[(p, y, t)]:>15}" for y in years for t in ("Export", "Import")))
    lines += ["", "Table 2. Freight charges on US imports from Mexico by port, 2005 and 2006 (US$ million)", ""]
    head2 = f"{'Port':<17}" + "".join(f"{y:>12}" for y in years)
    lines += [head2, "-" * len(head2)]
    lines += [f"{p:<17}" + "".join(f"{f[(p, y)]:>12}" for y in years) for p in ports]
    lines += [
        "",
        "SOURCES",
        "",
        wrap(
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US-Mexico trade by "
            f"port and mode with freight charges, annual 2005-2006 ({BTS_URL}; raw data downloaded 2026-03-21, "
            "aggregated by the University of North Texas for TxDOT)."
        ),
        "",
    ]
    src = [name]
    q.add("table_lookup", "What were US exports to Mexico through Eagle Pass in 2006?",
          money_mn(m[("Eagle Pass", 2006, "Export")]), src)  # fmt: skip
    q.add("table_lookup", "How much did the US import from Mexico through Del Rio in 2005?",
          money_mn(m[("Del Rio", 2005, "Import")]), src)  # fmt: skip
    q.add("table_lookup", "What were the freight charges on imports through Brownsville in 2006?",
          money_mn(f[("Brownsville", 2006)]), src)  # fmt: skip
    q.add("table_lookup", "How much did the US export to Mexico through Hidalgo/Pharr in 2005?",
          money_mn(m[("Hidalgo/Pharr", 2005, "Export")]), src)  # fmt: skip
    q.add("article_fact", "What were freight charges on US imports through Laredo in 2006?",
          money_mn(f[("Laredo", 2006)]), src)  # fmt: skip
    q.add(
        "comparison", "Which Texas port had the third-highest freight charges on imports in 2005?", [rank_fc05[2]], src
    )
    q.add("computed", "By what percentage did US imports through Eagle Pass grow from 2005 to 2006?",
          change_forms(eagle), src)  # fmt: skip
    q.add("date_definition", "For which direction of trade does the BTS TransBorder data report freight charges?",
          ["imports only"], src)  # fmt: skip
    q.add("unanswerable", "What were the freight charges at Laredo in 2004?", [], src)
    return name, "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# T4. MD: US–Canada trade by mode, 2006, 2009 and 2010 (BTS TransBorder, annual by mode)
# ---------------------------------------------------------------------------------------------


def canada_modes_md(data: Path, q: Questions) -> tuple[str, str]:
    name = "us-canada-trade-by-mode-2006-2009-2010.md"
    years = [2006, 2009, 2010]
    main_modes = ["Truck", "Rail", "Pipeline", "Vessel", "Air"]
    v: dict[tuple[str, int, str], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv"):
        if r["Country"] == "Canada" and int(r["Year"]) in years:
            mode = r["Mode"] if r["Mode"] in main_modes else "Other"
            v[(mode, int(r["Year"]), r["TradeType"])] += float(r["TradeValue"])
    modes = main_modes + ["Other"]
    b = {(md, y, t): bn(v[(md, y, t)]) for md in modes for y in years for t in ("Export", "Import")}
    imp_rank10 = sorted(main_modes, key=lambda md: -v[(md, 2010, "Import")])
    truck_fall = num(b[("Truck", 2006, "Import")]) - num(b[("Truck", 2009, "Import")])
    total = {y: sum(val for (md, yy, t), val in v.items() if yy == y) for y in years}
    text = (
        f"""---
title: "Trucks, trains and pipelines: how US–Canada trade moved in 2006, 2009 and 2010"
source: "{PUBLISHER}"
written: {DATE_ISO}
data_sources:
  - name: "Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data, annual by mode"
    url: "{BTS_URL}"
    vintage: "raw data downloaded 2026-03-21, aggregated by the University of North Texas"
period: "2006, 2009 and 2010 (calendar years)"
author: "{PUBLISHER}"
topics: [trade, canada, transport modes, pipelines, rail]
---
# How US–Canada trade moved in 2006, 2009 and 2010

The recession hit the northern border through its trucks and trains. This note compares 2006, a
year of strong trade, with the slump of 2009 and the recovery of 2010, using the BTS TransBorder
Freight Data: US exports to Canada and US imports from Canada by mode of transport, nominal US
dollars. "Other" below groups mail, foreign trade zones and shipments of other or unknown mode.

## 2009

In 2009 trucks carried US${b[("Truck", 2009, "Export")]} billion of US exports to Canada and
US${b[("Truck", 2009, "Import")]} billion of US imports from Canada, rail US${b[("Rail", 2009, "Export")]} billion of
exports and US${b[("Rail", 2009, "Import")]} billion of imports, and pipelines, almost all of them bringing
Canadian oil and gas south, US${b[("Pipeline", 2009, "Import")]} billion of imports, according to BTS.
Total US–Canada trade recorded by BTS was US${bn(total[2009])} billion in 2009, against
US${bn(total[2006])} billion in 2006 and US${bn(total[2010])} billion in 2010 (our sums over all modes).

## 2010

By 2010 pipeline imports had risen to US${b[("Pipeline", 2010, "Import")]} billion, more than the
US${b[("Rail", 2010, "Import")]} billion of imports carried by rail.

| Mode | Exports 2006 | Imports 2006 | Exports 2009 | Imports 2009 | Exports 2010 | Imports 2010 |
|---|---:|---:|---:|---:|---:|---:|
"""
        + "".join(
            f"| {md} | {' | '.join(b[(md, y, t)] for y in years for t in ('Export', 'Import'))} |\n" for md in modes
        )
        + f"""
*Table 1. US exports to and imports from Canada by mode of transport, US$ billion. Source: BTS
TransBorder Freight Data.*

## Sources

- Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Canada trade by
  mode, annual 2006, 2009 and 2010 (raw data downloaded 2026-03-21, aggregated by the University of
  North Texas), {BTS_URL}
"""
    )
    src = [name]
    q.add(
        "table_lookup",
        "How much did the US import from Canada by rail in 2006?",
        money_bn(b[("Rail", 2006, "Import")]),
        src,
    )
    q.add("table_lookup", "What were US exports to Canada by air in 2010?", money_bn(b[("Air", 2010, "Export")]), src)
    q.add("table_lookup", "How much did the US import from Canada by vessel in 2009?",
          money_bn(b[("Vessel", 2009, "Import")]), src)  # fmt: skip
    q.add("article_fact", "How much did the US import from Canada by pipeline in 2009?",
          money_bn(b[("Pipeline", 2009, "Import")]), src)  # fmt: skip
    # (not total US–Canada trade in 2009: corpus/tables/us_mexico_canada_trade_annual_bts.csv states it too)
    q.add(
        "article_fact",
        "How much did the US export to Canada by truck in 2009?",
        money_bn(b[("Truck", 2009, "Export")]),
        src,
    )
    q.add(
        "comparison",
        "Which mode of transport carried the second-largest value of US imports from Canada in 2010?",
        [imp_rank10[1]],
        src,
    )
    q.add(
        "computed",
        "By how much did US imports from Canada by truck fall between 2006 and 2009?",
        money_bn(f"{truck_fall:,.2f}"),
        src,
    )
    q.add(
        "follow_up",
        "And in 2010?",
        money_bn(b[("Pipeline", 2010, "Import")]),
        src,
        history=["How much did the US import from Canada by pipeline in 2006?"],
    )
    q.add(
        "date_definition",
        "In the table of US–Canada trade by mode for 2006, 2009 and 2010, what does the 'Other' row include?",
        ["mail"],
        src,
    )
    q.add("unanswerable", "What was the weight of US imports from Canada by rail in 2009?", [], src)
    return name, text


# ---------------------------------------------------------------------------------------------
# T5. HTML: US surface exports to Mexican states by truck and rail, 2007–2009 (BTS TransBorder)
# ---------------------------------------------------------------------------------------------


def states_exports_html(data: Path, q: Questions) -> tuple[str, str]:
    name = "us-surface-exports-to-mexican-states-by-truck-and-rail-2007-2009.html"
    years = [2007, 2008, 2009]
    v: dict[tuple[str, int, str], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv"):
        if int(r["Year"]) in years and r["TradeType"] == "Export":
            v[(r["MexState"], int(r["Year"]), r["Mode"])] += float(r["TradeValue"])
    label = {"Estado de Mexico": "Estado de México", "Distrito Federal": "Mexico City (Distrito Federal)",
             "Nuevo Leon": "Nuevo León", "Queretaro": "Querétaro", "San Luis Potosi": "San Luis Potosí"}  # fmt: skip
    total = defaultdict(float)
    for (st, y, _), val in v.items():
        total[(st, y)] += val
    states_ = sorted({st for st, y in total if y == 2008}, key=lambda st: -total[(st, 2008)])[:10]
    t = {(st, y): bn(total[(st, y)]) for st in states_ for y in years}
    md = {(st, mode): bn(v[(st, 2008, mode)]) for st in states_ for mode in ("Truck", "Rail")}
    rail_top = max(states_, key=lambda st: v[(st, 2008, "Rail")])
    for st in ("Chihuahua", "Baja California", "Tamaulipas"):  # "almost entirely by truck"
        assert v[(st, 2008, "Truck")] / total[(st, 2008)] > 0.9, st
    for st in ("Distrito Federal", "Estado de Mexico", "Jalisco", "Guanajuato"):  # "a sizeable part by rail"
        assert v[(st, 2008, "Rail")] / total[(st, 2008)] > 0.2, st
    rank08 = states_
    bc = pct_of(num(t[("Baja California", 2009)]), num(t[("Baja California", 2008)]))
    L = lambda st: label.get(st, st)  # noqa: E731
    title = "Where US surface exports to Mexico went, 2007–2009, by truck and by rail"
    paras = [
        "<p>US exports to Mexico by land show two patterns in these years: Chihuahua, Baja California and "
        "Tamaulipas were served almost entirely by truck, while rail carried a sizeable part of the exports to "
        "Mexico City, Estado de México, Jalisco and Guanajuato. "
        "This page uses the Bureau of Transportation Statistics (BTS) TransBorder Freight Data by Mexican "
        "destination state: US exports only, surface modes only (truck, rail, pipeline, mail and other), in "
        "nominal US dollars. Air and vessel shipments are not in this series.</p>",
        "<h2>The largest destinations</h2>",
        f"<p>In 2008 the United States sent US${t[('Estado de Mexico', 2008)]} billion of goods by land to "
        f"Estado de México, US${t[('Chihuahua', 2008)]} billion to Chihuahua and "
        f"US${t[('Distrito Federal', 2008)]} billion to Mexico City, according to BTS. Rail carried "
        f"US${md[('Distrito Federal', 'Rail')]} billion of the exports to Mexico City and "
        f"US${md[('Estado de Mexico', 'Rail')]} billion of those to Estado de México, but only "
        f"US${md[('Chihuahua', 'Rail')]} billion of those to Chihuahua, where trucks carried "
        f"US${md[('Chihuahua', 'Truck')]} billion.</p>",
        "<h2>The slump</h2>",
        f"<p>Exports to Baja California fell from US${t[('Baja California', 2008)]} billion in 2008 to "
        f"US${t[('Baja California', 2009)]} billion in 2009.</p>",
    ]
    t1 = ["<table>", "<caption>Table 1. US surface exports by Mexican destination state, 2007–2009 "
          "(US$ billion)</caption>", "<thead><tr><th>State</th>" + "".join(f"<th>{y}</th>" for y in years)
          + "</tr></thead>", "<tbody>"]  # fmt: skip
    t1 += [f"<tr><td>{html.escape(L(st))}</td>" + "".join(f"<td>{t[(st, y)]}</td>" for y in years) + "</tr>"
           for st in states_]  # fmt: skip
    t1 += ["</tbody>", "</table>"]
    t2 = ["<table>", "<caption>Table 2. US surface exports by truck and by rail, by Mexican destination state, "
          "2008 (US$ billion)</caption>", "<thead><tr><th>State</th><th>Truck</th><th>Rail</th></tr></thead>",
          "<tbody>"]  # fmt: skip
    t2 += [f"<tr><td>{html.escape(L(st))}</td><td>{md[(st, 'Truck')]}</td><td>{md[(st, 'Rail')]}</td></tr>"
           for st in states_]  # fmt: skip
    t2 += ["</tbody>", "</table>"]
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{html.escape(title)} | {PUBLISHER}</title>",
            f'<meta name="author" content="{PUBLISHER}">',
            f'<meta name="date" content="{DATE_ISO}">',
            "</head>",
            "<body>",
            '<header><nav><a href="/">Home</a> · <a href="/mexico">Mexico</a></nav></header>',
            "<main>",
            "<article>",
            f"<h1>{html.escape(title)}</h1>",
            f'<p class="byline">By the {PUBLISHER} · Published {DATE_LONG}</p>',
            *paras,
            *t1,
            *t2,
            "<h2>Sources</h2>",
            "<p>Bureau of Transportation Statistics, North American TransBorder Freight Data, US exports to Mexico "
            "by Mexican destination state and surface mode, annual 2007–2009 (raw data downloaded 2026-03-21, "
            f'aggregated by the University of North Texas for TxDOT), <a href="{BTS_URL}">{BTS_URL}</a></p>',
            "</article>",
            "</main>",
            f"<footer>© {PUBLISHER}</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )
    src = [name]
    q.add("table_lookup", "What were US surface exports to Sonora in 2009?", money_bn(t[("Sonora", 2009)]), src)
    q.add(
        "table_lookup", "How much did the US export to Jalisco by rail in 2008?", money_bn(md[("Jalisco", "Rail")]), src
    )
    q.add("table_lookup", "How much did the US export to Guanajuato by truck in 2008?",
          money_bn(md[("Guanajuato", "Truck")]), src)  # fmt: skip
    q.add("article_fact", "What were US surface exports to Estado de México in 2008?",
          money_bn(t[("Estado de Mexico", 2008)]), src)  # fmt: skip
    q.add("article_fact", "How much of the US exports to Mexico City went by rail in 2008?",
          money_bn(md[("Distrito Federal", "Rail")]), src)  # fmt: skip
    q.add("comparison", "Which Mexican state received the most US exports by rail in 2008?", [L(rail_top)], src)
    q.add("comparison", "Which Mexican state was the second-largest destination of US surface exports in 2008?",
          [L(rank08[1])], src)  # fmt: skip
    q.add("computed", "By what percentage did US surface exports to Baja California change from 2008 to 2009?",
          change_forms(bc), src)  # fmt: skip
    q.add(
        "follow_up",
        "And in 2009?",
        money_bn(t[("Nuevo Leon", 2009)]),
        src,
        history=["What were US surface exports to Nuevo León in 2007?"],
    )
    q.add("unanswerable", "How much did the US export to Chihuahua by air in 2008?", [], src)
    return name, page


def main() -> None:
    q = Questions()
    dev = [china_html, buses_txt, south_america_md, hs71_csv, japan_pdf]
    test = [mexico_quarters_pdf, states_panel_docx, ports_freight_txt, canada_modes_md, states_exports_html]
    write_set(__doc__, q, OUT, PARTS, PUBLISHER, dev, test, after="docdev")


if __name__ == "__main__":
    main()
