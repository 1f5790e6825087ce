"""Write the third fresh evaluation set (eval/documents-fresh3/) and its questions (eval/parts/fresh3.jsonl).

    python scripts/make_fresh3_documents.py [--data ../shared/data/trade]

A sixth document set, "set": "fresh3", of PROSE articles asked TEXT questions: the answer to most
questions is a sentence of an article, where several entities and measures share a paragraph,
comparisons and reasons are given in words, and a figure may be written as "US$4,065.1 million",
"$83.34 billion" or "12.5 percent". Only two documents hold a small table. The questions are
phrased in an analyst's own words, not the sentence's. Split BY DOCUMENT: the first four documents
are the dev part (fresh3-01..), the last four the test part (report only). Its facts are used by
no other set: US trade with the six CAFTA-DR partners 2005-2008, northbound trucks and railcars at
Texas ports through the 2008-2009 recession, US trade with five Southeast Asian partners 2015-2017,
US-Mexico trade by mode 2004-2005 (dev); five Mexican states' exports, wages and FDI 2011-2013, US
exports of rubber, aluminium and furniture (HS 40, 76, 94) to three partners 2021-2023,
Texas border crossings in the spring of 2020, and FDI in six Mexican states by quarter in 2007
(test).

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares and changes are derived and the articles say so. The dates and
definitions that are not data (when CAFTA-DR took effect, the NBER recession dates, the 2020
border restrictions, the US withdrawal from the TPP) are public facts, each article naming
whose (USTR, NBER, the Department of Homeland Security's Federal Register notices, the presidential
memorandum).
The checks and writers are those of eval_documents.py (write_set, finish) and make_eval_documents.py.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from eval_documents import (  # noqa: E402
    MON,
    MONTHS,
    QUARTER_WORDS,
    Questions,
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
    state_panel,
    wrap,
    write_set,
)
from make_fresh2_documents import html_page  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL, DATE_ISO, DATE_LONG  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh3"
PARTS = ROOT / "eval" / "parts" / "fresh3.jsonl"
PUBLISHER = "nearshore-qa"
CBP_URL = "https://www.cbp.gov"
USITC_URL = "https://dataweb.usitc.gov"


def byline_page(
    title: str, section: str, author: str, body: list[str], source: str, date_long: str = DATE_LONG, date_iso: str = ""
) -> str:
    """A web article with a named author's byline; ``date_iso`` replaces the page's date meta
    (a later set's publication date)."""
    page = html_page(title, section, body, source, byline=f"By {author}, {PUBLISHER} · {date_long}")
    if not date_iso:
        return page
    return re.sub(r'<meta name="date" content="[^"]*">', f'<meta name="date" content="{date_iso}">', page)


# =============================================================================================
# DEV documents
# =============================================================================================


def cafta_md(data: Path, q: Questions) -> tuple[str, str]:
    """D1. MD: US goods trade with the six CAFTA-DR partners, 2005-2008 (Census annual)."""
    name = "cafta-dr-partners-us-goods-trade-2005-2008.md"
    six = ["Guatemala", "El Salvador", "Honduras", "Nicaragua", "Costa Rica", "Dominican Republic"]
    years = [2005, 2006, 2007, 2008]
    t, _ = census_annual(data, six, years)

    f = partial(census_figure, t)
    bal = partial(census_balance, t)  # the size of a balance, its sign said in words

    exp_sum = {y: sum(num(f(c, y, "exports_musd")) for c in six) for y in years}
    imp_sum = {y: sum(num(f(c, y, "imports_musd")) for c in six) for y in years}
    exp_bn = {y: f"{exp_sum[y] / 1000:,.2f}" for y in years}
    imp_bn = {y: f"{imp_sum[y] / 1000:,.2f}" for y in years}
    grew = pct((exp_sum[2008] - exp_sum[2005]) / exp_sum[2005] * 100)
    imp_rank08 = sorted(six, key=lambda c: -t[(c, 2008)]["imports_musd"])
    imp_rank07 = sorted(six, key=lambda c: -t[(c, 2007)]["imports_musd"])
    assert imp_rank08[0] == "Honduras" and imp_rank07[0] == "Dominican Republic"  # the text says it overtook
    exp_rank08 = sorted(six, key=lambda c: -t[(c, 2008)]["exports_musd"])
    deficits08 = [c for c in six if t[(c, 2008)]["balance_musd"] < 0]
    assert deficits08 == ["Nicaragua"] and t[("Guatemala", 2005)]["balance_musd"] < 0
    dr_share = pct(num(f("Dominican Republic", 2008, "exports_musd")) / exp_sum[2008] * 100)
    text = f"""---
title: "Three years of CAFTA-DR: US goods trade with Central America and the Dominican Republic, 2005–2008"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "2005–2008 (calendar years)"
---
# Three years of CAFTA-DR: US goods trade with Central America and the Dominican Republic

Long before nearshoring became a boardroom word, the United States wrote a free trade agreement with
its closest southern neighbours after Mexico. The Dominican Republic–Central America Free Trade
Agreement, known as CAFTA-DR, joins the United States with Costa Rica, the Dominican Republic, El
Salvador, Guatemala, Honduras and Nicaragua. It did not start everywhere on one day: according to the
Office of the United States Trade Representative (USTR), it entered into
force for El Salvador on 1 March 2006, for Honduras and Nicaragua on 1 April 2006, for Guatemala on 1
July 2006 and for the Dominican Republic on 1 March 2007. Costa Rica, which approved the agreement in
a referendum in October 2007, joined last, on 1 January 2009 — so every year discussed here predates
its membership.

This article uses the U.S. Census Bureau's goods trade by country, in millions of US dollars:
exports are total exports at F.A.S. value and imports are general imports at customs value. The
balance is exports minus imports, so a positive balance is a US surplus. Totals for the six partners
are our own sums of the Census country figures.

## A bigger market for US goods

Taken together, the six partners bought ${exp_bn[2008]} billion of US goods in 2008, up from
${exp_bn[2005]} billion in 2005, a rise of {grew} percent over the three years (our calculation).
The Dominican Republic remained the largest single market: at US${f("Dominican Republic", 2008, "exports_musd")}
million in 2008 it took {dr_share}% of what the United States sold to the six, while Costa Rica
bought US${f("Costa Rica", 2008, "exports_musd")} million and Honduras US${f("Honduras", 2008, "exports_musd")}
million. Guatemala's purchases grew fastest among the larger markets, from US${f("Guatemala", 2005, "exports_musd")}
million in 2005 to US${f("Guatemala", 2007, "exports_musd")} million in 2007 and US${f("Guatemala", 2008, "exports_musd")}
million in 2008.

Much of what the United States ships south is yarn, fabric and cut pieces that come back as finished
clothing, which is why exports and imports tend to move together in this region: a garment factory in
San Pedro Sula or Santo Domingo buys its inputs in the Carolinas and sells the shirts in US stores.

## Imports and the balance

US imports from the six grew more slowly, to ${imp_bn[2008]} billion in 2008 from
${imp_bn[2005]} billion in 2005 (our sums). The Dominican Republic had long been the biggest
supplier, and in 2007 it still sold US${f("Dominican Republic", 2007, "imports_musd")} million of goods to the
United States; in 2008 Honduras overtook it, with US${f("Honduras", 2008, "imports_musd")} million against
US${f("Dominican Republic", 2008, "imports_musd")} million from the Dominican Republic.

Because exports grew faster than imports, the balance swung towards the United States. In 2005 the
United States ran a deficit of US${bal("Guatemala", 2005)} million with Guatemala; by 2008 that had become a
surplus of US${bal("Guatemala", 2008)} million. The surplus with Costa Rica reached US${bal("Costa Rica", 2008)}
million in 2008 and the one with the Dominican Republic US${bal("Dominican Republic", 2008)} million.
Nicaragua was the exception: the only one of the six with which the United States was still in
deficit in 2008, by US${bal("Nicaragua", 2008)} million, as its exports of apparel and farm goods
outweighed what it bought.

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals 2005–2008,
{CENSUS_URL}. Entry-into-force dates as announced by the Office of the United States Trade
Representative.
"""
    src = [name]
    q.add("article_fact", "How much did the United States sell to Guatemala in 2007?",
          mn_forms(f("Guatemala", 2007, "exports_musd")), src)  # fmt: skip
    q.add("comparison", "Which CAFTA-DR member became the biggest source of US imports among the six in 2008?",
          [imp_rank08[0]], src)  # fmt: skip
    q.add("article_fact", "What was the combined value of US goods imports from the six CAFTA-DR partners in 2008?",
          bn_forms(imp_bn[2008]), src)  # fmt: skip
    q.add("article_fact", "By 2008, how large was the US trade surplus with Costa Rica?",
          mn_forms(bal("Costa Rica", 2008)), src)  # fmt: skip
    q.add("comparison", "With which of the six partners did the United States still run a goods deficit in 2008?",
          deficits08, src)  # fmt: skip
    q.add("date_definition", "When did the agreement take effect for Guatemala?", ["1 July 2006", "July 1, 2006"], src)
    q.add("date_definition", "What is the full name of the agreement abbreviated CAFTA-DR?",
          ["Central America Free Trade Agreement"], src)  # fmt: skip
    q.add("article_fact", "What share of US sales to the six went to the Dominican Republic in 2008?",
          pct_forms(dr_share), src)  # fmt: skip
    q.add("follow_up", "And from the Dominican Republic?", mn_forms(f("Dominican Republic", 2008, "imports_musd")),
          src, history=["How much did the US import from Honduras in 2008?"])  # fmt: skip
    q.add("article_fact", "Guatemala had been a deficit partner in 2005; what was the US balance with it by 2008?",
          mn_forms(bal("Guatemala", 2008)), src)  # fmt: skip
    q.add("comparison", "Which of the six was the largest buyer of US goods in 2008?", [exp_rank08[0]], src)
    q.add("unanswerable", "How much apparel did the United States import from Honduras in 2008?", [], src)
    return name, text


def trucks_recession_txt(data: Path, q: Questions) -> tuple[str, str]:
    """D2. TXT: northbound trucks and railcars at Texas ports through the 2008-2009 recession (CBP)."""
    name = "texas-border-trucks-and-railcars-in-the-recession-2008-2009.txt"
    years = [2008, 2009]
    c: dict[tuple[str, str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        if r["Modes"] in ("Commercial Trucks", "Railcars") and int(r["Year"]) in years:
            c[(r["POE"], r["Modes"], int(r["Year"]))] += int(r["Northbound Crossing"] or 0)
    m: dict[tuple[str, int, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv"):
        if r["Modes"] == "Commercial Trucks" and r["POE"] == "Laredo" and int(r["Year"]) in years:
            m[("Laredo", int(r["Year"]), int(r["Month"]) - 1)] += int(r["Northbound Crossing"] or 0)
    ports = sorted({p for (p, md, y), n in c.items() if md == "Commercial Trucks" and n > 0},
                   key=lambda p: -c[(p, "Commercial Trucks", 2008)])  # fmt: skip
    rail = [p for p in ports if c[(p, "Railcars", 2008)] > 0]
    tr = {y: sum(c[(p, "Commercial Trucks", y)] for p in ports) for y in years}
    fall = pct((tr[2008] - tr[2009]) / tr[2008] * 100)
    T = {(p, y): c[(p, "Commercial Trucks", y)] for p in ports for y in years}
    R = {(p, y): c[(p, "Railcars", y)] for p in rail for y in years}
    three = ["Hidalgo", "El Paso", "Ysleta"]
    three_sum = sum(T[(p, 2009)] for p in three)
    assert ports[0] == "Laredo" and T[("Laredo", 2009)] > three_sum
    rail_up = [p for p in rail if R[(p, 2009)] > R[(p, 2008)]]
    assert rail_up == ["Eagle Pass"]
    big = [p for p in ports if T[(p, 2008)] > 300000]
    steepest = max(big, key=lambda p: (T[(p, 2008)] - T[(p, 2009)]) / T[(p, 2008)])
    ep_fall = pct((T[(steepest, 2008)] - T[(steepest, 2009)]) / T[(steepest, 2008)] * 100)
    low09 = min(range(12), key=lambda k: m[("Laredo", 2009, k)])
    hi08 = max(range(12), key=lambda k: m[("Laredo", 2008, k)])
    n = lambda x: f"{x:,}"  # noqa: E731
    lines = [
        "WHEN THE TRUCKS SLOWED: NORTHBOUND FREIGHT AT TEXAS PORTS OF ENTRY IN THE 2008-2009 RECESSION",
        "Source: U.S. Customs and Border Protection (CBP), northbound crossings at Texas-Mexico ports of entry, "
        "compiled by the University of North Texas for TxDOT",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "",
        wrap(
            "The recession that the National Bureau of Economic Research dates from December 2007 to June 2009 "
            "reached the Texas border a little later than Wall Street, but it reached it hard. Factories in "
            "Chihuahua, Coahuila and Nuevo León that assemble cars and electronics for US buyers cut shifts as "
            "orders fell, and fewer loaded trucks lined up at the bridges. This note follows the northbound "
            "count: every commercial truck and every railcar that CBP recorded entering the United States from "
            "Mexico at a Texas port. Southbound traffic is not counted, and a truck is counted each time it "
            "crosses, empty or loaded."
        ),
        "",
        "TRUCKS",
        "",
        wrap(
            f"Northbound commercial trucks at the Texas ports came to {n(tr[2009])} in 2009, against "
            f"{n(tr[2008])} in 2008, a drop of {fall} percent (our sums over the ports). Laredo, the busiest "
            f"land port on the border, still counted {n(T[('Laredo', 2009)])} trucks in 2009 after "
            f"{n(T[('Laredo', 2008)])} a year earlier: more than Hidalgo, El Paso and Ysleta put together "
            f"({n(three_sum)}, our sum). Hidalgo held on to second place with {n(T[('Hidalgo', 2008)])} trucks "
            f"in 2008 and {n(T[('Hidalgo', 2009)])} in 2009."
        ),
        "",
        wrap(
            f"The sharpest fall among the big ports was at {steepest}, where trucks dropped from "
            f"{n(T[(steepest, 2008)])} to {n(T[(steepest, 2009)])}, or {ep_fall} percent; its neighbour Ysleta "
            f"lost far less, ending 2009 at {n(T[('Ysleta', 2009)])}. Month by month, Laredo's busiest month in "
            f"2008 was {MONTHS[hi08]}, with {n(m[('Laredo', 2008, hi08)])} trucks, and its quietest month in "
            f"2009 was {MONTHS[low09]}, when {n(m[('Laredo', 2009, low09)])} crossed."
        ),
        "",
        "RAIL",
        "",
        wrap(
            f"Only {len(rail)} Texas ports report railcars, and the recession hit them unevenly. Laredo, where "
            f"the main rail line to Monterrey and Mexico City crosses, recorded {n(R[('Laredo', 2008)])} "
            f"northbound railcars in 2008 and {n(R[('Laredo', 2009)])} in 2009, while Brownsville nearly halved, "
            f"from {n(R[('Brownsville', 2008)])} to {n(R[('Brownsville', 2009)])}. Eagle Pass went the other way: "
            f"its railcar count rose from {n(R[('Eagle Pass', 2008)])} to {n(R[('Eagle Pass', 2009)])}, the only "
            "rail port to grow that year."
        ),
        "",
    ]
    head = f"{'Port':<18}{'2008':>12}{'2009':>12}"
    lines += [head, "-" * len(head)]
    lines += [f"{p:<18}{T[(p, 2008)]:>12,}{T[(p, 2009)]:>12,}" for p in ports]
    lines += [f"{'All ports':<18}{tr[2008]:>12,}{tr[2009]:>12,}"]
    lines += ["Table 1. Northbound commercial trucks by Texas port of entry, 2008-2009 (count). Source: CBP.", ""]
    lines += [
        "SOURCES",
        "",
        wrap(
            "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, yearly "
            "and monthly 2008-2025, as compiled by the University of North Texas (files "
            "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv and "
            f"cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv), {CBP_URL}"
        ),
        "",
    ]
    src = [name]
    q.add("table_lookup", "How many commercial trucks crossed northbound at Progreso in 2009?",
          count(T[("Progreso", 2009)]), src)  # fmt: skip
    q.add("table_lookup", "What was Del Rio's count of northbound commercial trucks in 2008?",
          count(T[("Del Rio", 2008)]), src)  # fmt: skip
    q.add("article_fact", "How many railcars entered the US at Eagle Pass in 2009?", count(R[("Eagle Pass", 2009)]),
          src)  # fmt: skip
    q.add("comparison", "Which Texas rail crossing saw its railcar traffic increase between 2008 and 2009?",
          rail_up, src)  # fmt: skip
    q.add("article_fact", "By how much, in percent, did truck traffic into Texas from Mexico decline in 2009?",
          pct_forms(fall), src)  # fmt: skip
    q.add("article_fact", "How many trucks did El Paso record heading north in 2009?", count(T[("El Paso", 2009)]), src)
    q.add("date_definition", "According to the NBER, when did the recession end?", ["June 2009"], src)
    q.add("comparison", "Which port ranked second for northbound truck crossings in 2008?", [ports[1]], src)
    q.add("follow_up", "And a year later?", count(R[("Laredo", 2009)]), src,
          history=["How many railcars entered the United States at Laredo in 2008?"])  # fmt: skip
    q.add("article_fact", "How many trucks crossed at Laredo in its slowest month of 2009?",
          count(m[("Laredo", 2009, low09)]), src)  # fmt: skip
    q.add("date_definition", "Is an empty truck counted in the CBP northbound figures?", ["empty or loaded"], src)
    q.add("unanswerable", "How many trucks crossed southbound into Mexico at Laredo in 2009?", [], src)
    return name, "\n".join(lines)


def asean_html(data: Path, q: Questions) -> tuple[str, str]:
    """D3. HTML: US goods trade with five Southeast Asian partners, 2015-2017 (Census annual and monthly)."""
    name = "us-trade-with-southeast-asia-before-the-tariff-war-2015-2017.html"
    five = ["Malaysia", "Singapore", "Thailand", "Indonesia", "Philippines"]
    years = [2015, 2016, 2017]
    t, world = census_annual(data, five, years)
    mo: dict[int, list[float]] = {}
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        if r["CTYNAME"] == "Malaysia" and r["year"] == "2017":
            mo[2017] = [float(r["I" + x]) for x in MON]

    f = partial(census_figure, t)
    bal = partial(census_balance, t)

    tot15 = sorted(five, key=lambda c: -t[(c, 2015)]["total_trade_musd"])
    tot16 = sorted(five, key=lambda c: -t[(c, 2016)]["total_trade_musd"])
    assert tot15[0] == "Singapore" and tot16[0] == "Malaysia"
    surplus = [c for c in five if t[(c, 2017)]["balance_musd"] > 0]
    assert surplus == ["Singapore"]
    imp17 = sum(num(f(c, 2017, "imports_musd")) for c in five)
    share17 = pct(imp17 / world[2017]["imports_musd"] * 100)
    def17 = sum(abs(num(f(c, 2017, "balance_musd"))) for c in five if c != "Singapore")
    hi = max(range(12), key=lambda k: mo[2017][k])
    title = "Before the tariff war: US goods trade with five Southeast Asian economies, 2015–2017"
    body = [
        "<p>When companies began to look for alternatives to China, Southeast Asia was the first place many of "
        "them looked, well before Mexico. This article reviews US goods trade with five members of the "
        "Association of Southeast Asian Nations (ASEAN): Malaysia, Singapore, Thailand, Indonesia and the "
        "Philippines. Two of them, Malaysia and Singapore, had signed the Trans-Pacific Partnership (TPP); the "
        "United States withdrew from that agreement on 23 January 2017 (a presidential memorandum to the US Trade "
        "Representative of that date), three days after a new administration "
        "took office.</p>",
        "<p>Figures are from the U.S. Census Bureau's goods trade by country, in millions of US dollars. Exports "
        "are valued F.A.S., which stands for free alongside ship: the value of the goods at the US port, before "
        "they are loaded, without international freight or insurance. Imports are general imports at customs "
        "value. Totals and shares for the five are our own sums.</p>",
        "<h2>Malaysia moves ahead</h2>",
        f"<p>In 2015 Singapore was still the largest US trading partner among the five, with total goods trade "
        f"of US${f('Singapore', 2015, 'total_trade_musd')} million, just above Malaysia's "
        f"US${f('Malaysia', 2015, 'total_trade_musd')} million. A year later Malaysia overtook it: trade with "
        f"Malaysia rose to US${f('Malaysia', 2016, 'total_trade_musd')} million in 2016 while trade with "
        f"Singapore fell to US${f('Singapore', 2016, 'total_trade_musd')} million. The difference lay in "
        "imports: the United States bought semiconductors and electrical equipment assembled in Penang and "
        f"Kuala Lumpur, and imports from Malaysia reached US${f('Malaysia', 2017, 'imports_musd')} million in "
        f"2017, against exports to it of US${f('Malaysia', 2017, 'exports_musd')} million. The strongest month "
        f"for imports from Malaysia in 2017 was {MONTHS[hi]}, at US${mn1(mo[2017][hi])} million.</p>",
        "<h2>One surplus, four deficits</h2>",
        f"<p>Singapore, a hub for aircraft parts, machinery and fuel, is the one partner among the five with which "
        f"the United States runs a surplus; in 2017 it amounted to US${bal('Singapore', 2017)} million, on "
        f"exports of US${f('Singapore', 2017, 'exports_musd')} million. The other four were all in deficit. The gap "
        f"with Thailand widened to US${bal('Thailand', 2017)} million in 2017, from US${bal('Thailand', 2015)} "
        f"million in 2015, even though US exports to Thailand recovered to US${f('Thailand', 2017, 'exports_musd')} "
        f"million after US${f('Thailand', 2015, 'exports_musd')} million in 2015. Imports from Indonesia, "
        f"led by clothing, footwear and rubber, came to US${f('Indonesia', 2017, 'imports_musd')} million in 2017, and "
        f"total trade with the Philippines to US${f('Philippines', 2017, 'total_trade_musd')} million, up from "
        f"US${f('Philippines', 2015, 'total_trade_musd')} million two years earlier.</p>",
        f"<p>Added together, the four deficits came to US${mn1(def17)} million in 2017 (our sum). The five "
        f"supplied US${mn1(imp17)} million of US goods imports that year, {share17} percent of the "
        f"US${mn1(world[2017]['imports_musd'])} million the United States bought from the whole world.</p>",
    ]
    page = byline_page(
        title,
        "Asia",
        "Daniel Okafor",
        body,
        'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" (country.xlsx, vintage after the '
        f'June 2024 annual revision), annual 2015–2017 and monthly 2017, <a href="{CENSUS_URL}">{CENSUS_URL}</a>; '
        "files census_us_goods_trade_by_country_annual_1985_2024h1.csv and "
        "census_us_goods_trade_by_country_monthly_1985_2024jun.csv",
    )
    src = [name]
    q.add("comparison", "Which country passed Singapore as the biggest US trading partner among the five in 2016?",
          [tot16[0]], src)  # fmt: skip
    q.add("article_fact", "How big was the US goods surplus with Singapore in 2017?", mn_forms(bal("Singapore", 2017)),
          src)  # fmt: skip
    q.add("article_fact", "What did the US buy from Indonesia in 2017?", mn_forms(f("Indonesia", 2017, "imports_musd")),
          src)  # fmt: skip
    q.add("article_fact", "What was two-way US trade with the Philippines worth in 2017?",
          mn_forms(f("Philippines", 2017, "total_trade_musd")), src)  # fmt: skip
    q.add("comparison", "Among the five Southeast Asian partners, which one gave the US a trade surplus?",
          surplus, src)  # fmt: skip
    q.add("article_fact", "What were US sales to Thailand in 2015?", mn_forms(f("Thailand", 2015, "exports_musd")), src)
    q.add("date_definition", "When did the United States pull out of the Trans-Pacific Partnership?",
          ["23 January 2017", "January 23, 2017"], src)  # fmt: skip
    q.add(
        "date_definition",
        "Do the F.A.S. export values in the Southeast Asia article include freight and insurance?",
        ["without international freight or insurance"],
        src,
    )
    q.add("follow_up", "And what did the US export to it?", mn_forms(f("Malaysia", 2017, "exports_musd")), src,
          history=["What were US imports from Malaysia in 2017?"])  # fmt: skip
    q.add("article_fact", "What share of total US goods imports came from the five countries in 2017?",
          pct_forms(share17), src)  # fmt: skip
    q.add("article_fact", "How wide was the US deficit with Thailand in 2017?", mn_forms(bal("Thailand", 2017)), src)
    q.add("unanswerable", "How much did the United States export to Myanmar in 2016?", [], src)
    return name, page


def mexico_modes_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    """D4. PDF: US-Mexico trade by mode of transport, 2004-2005 (BTS TransBorder annual and monthly)."""
    name = "us-mexico-trade-by-mode-2004-2005.pdf"
    modes = ["Truck", "Rail", "Vessel", "Air", "Pipeline"]
    years = [2004, 2005]
    v, allm = bts_annual_by_mode(data, "Mexico", years, modes)
    mt: dict[int, float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv"):
        if r["Country"] == "Mexico" and r["Year"] == "2005" and r["Mode"] == "Truck" and r["TradeType"] == "Import":
            mt[int(r["Month"]) - 1] += float(r["TradeValue"])
    b = {k: f"{x / 1e9:,.2f}" for k, x in v.items()}
    mln = {k: f"{x / 1e6:,.1f}" for k, x in v.items()}
    tot = {y: f"{allm[y] / 1e9:,.2f}" for y in years}
    truck05 = v[("Truck", "Export", 2005)] + v[("Truck", "Import", 2005)]
    truck_share = pct(truck05 / allm[2005] * 100)
    assert all(v[("Vessel", "Import", y)] > v[("Rail", "Import", y)] for y in years)
    assert all(v[("Rail", "Export", y)] > v[("Vessel", "Export", y)] for y in years)
    hi = max(range(12), key=lambda k: mt[k])
    lo = min(range(12), key=lambda k: mt[k])
    mtb = {k: f"{x / 1e9:,.2f}" for k, x in mt.items()}
    title = "Trucks, trains, tankers: how US–Mexico trade moved in 2004 and 2005"
    running = f"{PUBLISHER} · US–Mexico trade by mode, 2004–2005 · BTS TransBorder"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Ten years into NAFTA, the road had won. This report looks at how goods moved between the United States "
            "and Mexico in 2004 and 2005, using the Bureau of Transportation Statistics (BTS) North American "
            "TransBorder Freight Data. Air and vessel shipments only enter those data in November 2003, so 2004 is "
            "the first full year in which every mode is covered. Values are in US dollars, nominal; exports are US "
            "exports to Mexico and imports are US imports from Mexico. Totals across all modes (including mail, "
            "foreign trade zones and other or unknown modes) and shares are our own sums.",
        ),
        ("h2", "The road"),
        (
            "p",
            f"Total US–Mexico trade carried by all modes came to ${tot[2005]} billion in 2005, after "
            f"${tot[2004]} billion in 2004 (our sums). Trucks moved US${b[('Truck', 'Export', 2005)]} billion of "
            f"US exports to Mexico in 2005 and US${b[('Truck', 'Import', 2005)]} billion of imports from it, so "
            f"{truck_share} percent of all the trade between the two countries went by road. A year earlier "
            f"truck exports had been US${b[('Truck', 'Export', 2004)]} billion and truck imports "
            f"US${b[('Truck', 'Import', 2004)]} billion.",
        ),
        ("h2", "Rail and sea"),
        (
            "p",
            f"The railways carried US${b[('Rail', 'Import', 2004)]} billion of imports from Mexico in 2004 and "
            f"US${b[('Rail', 'Import', 2005)]} billion in 2005, much of it finished vehicles, while rail exports "
            f"to Mexico grew from US${b[('Rail', 'Export', 2004)]} billion to US${b[('Rail', 'Export', 2005)]} "
            "billion. Ships, however, brought in more than trains did in both years, because Mexican crude oil "
            f"reaches Gulf Coast refineries by tanker: vessel imports were US${b[('Vessel', 'Import', 2004)]} billion "
            f"in 2004 and US${b[('Vessel', 'Import', 2005)]} billion in 2005. On the export side the order was "
            f"reversed, with vessel exports of only US${b[('Vessel', 'Export', 2005)]} billion in 2005.",
        ),
    ]
    page2 = [
        ("h2", "Air and pipeline"),
        (
            "p",
            f"Air freight is small in value terms but carries the most valuable goods per kilogram. US air "
            f"exports to Mexico were US${b[('Air', 'Export', 2004)]} billion in 2004 and "
            f"US${b[('Air', 'Export', 2005)]} billion in 2005. Pipelines, which carry natural gas and refined "
            f"products south, jumped from US${mln[('Pipeline', 'Export', 2004)]} million of US exports in 2004 to "
            f"US${mln[('Pipeline', 'Export', 2005)]} million in 2005, as Mexico's northern power plants burned more "
            "US gas.",
        ),
        ("h2", "Month by month"),
        (
            "p",
            f"Truck imports from Mexico follow the factory calendar. In 2005 they peaked in {MONTHS[hi]}, at "
            f"US${mtb[hi]} billion, and were lowest in {MONTHS[lo]}, at US${mtb[lo]} billion, according to the "
            "BTS monthly series.",
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Mexico trade by mode, "
            "annual and monthly, 2004–2005 (raw data downloaded 2026-03-21, aggregated by the University of North "
            "Texas for TxDOT; files bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv and "
            f"bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv), {BTS_URL}",
        ),
    ]
    src = [name]
    q.add("article_fact", "What value of US exports went to Mexico by road in 2005?",
          bn_forms(b[("Truck", "Export", 2005)]), src)  # fmt: skip
    q.add("article_fact", "How much did US imports from Mexico by train amount to in 2004?",
          bn_forms(b[("Rail", "Import", 2004)]), src)  # fmt: skip
    q.add("comparison", "Which mode brought in more imports from Mexico than rail in both 2004 and 2005?",
          ["vessel", "ships"], src)  # fmt: skip
    q.add("article_fact", "What were US pipeline exports to Mexico worth in 2005?",
          mn_forms(mln[("Pipeline", "Export", 2005)]), src)  # fmt: skip
    q.add("article_fact", "What proportion of US–Mexico trade went by truck in 2005?", pct_forms(truck_share), src)
    q.add("date_definition", "Why does the report on US–Mexico trade by mode begin with 2004?",
          ["first full year"], src)  # fmt: skip
    q.add("article_fact", "How much did vessels carry in US exports to Mexico in 2005?",
          bn_forms(b[("Vessel", "Export", 2005)]), src)  # fmt: skip
    q.add("comparison", "In which month of 2005 did truck imports from Mexico reach their high?", [MONTHS[hi]], src)
    q.add("follow_up", "And the following year?", bn_forms(b[("Air", "Export", 2005)]), src,
          history=["What were US air exports to Mexico in 2004?"])  # fmt: skip
    q.add("article_fact", "Why did ships carry more US imports from Mexico than trains?", ["crude oil"], src)
    q.add("unanswerable", "How many tonnes of freight crossed from Mexico by rail in 2005?", [], src)
    return name, title, running, [page1, page2]


# =============================================================================================
# TEST documents
# =============================================================================================


def states_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    """T1. DOCX: five Mexican states' exports, real wages and FDI, 2011-2013 (state panel)."""
    name = "five-mexican-states-exports-wages-and-investment-2011-2013.docx"
    keys = {"Guanajuato": "Guanajuato", "Puebla": "Puebla", "Sonora": "Sonora", "Aguascalientes": "Aguascalientes",
            "Yucatan": "Yucatán"}  # fmt: skip
    years = [2011, 2012, 2013]
    p, allx = state_panel(data, keys, years)
    st = list(keys.values())

    def ex(s: str, y: int) -> str:  # thousand USD -> US$ billion
        return f"{float(p[(s, y)]['exports_thousand_usd']) / 1e6:,.2f}"

    def wage(s: str, y: int) -> str:
        return f"{float(p[(s, y)]['real_wage']):.2f}"

    def comp(s: str, y: int, k: str) -> str:
        return f"{abs(float(p[(s, y)][k])):,.1f}"

    nat13 = f"{allx[2013] / 1e6:,.2f}"
    ex_rank13 = sorted(st, key=lambda s: -num(ex(s, 2013)))
    ex_rank12 = sorted(st, key=lambda s: -num(ex(s, 2012)))
    assert ex_rank13[:2] == ["Sonora", "Guanajuato"] and ex_rank12[1] == "Puebla"
    wage_hi11 = max(st, key=lambda s: float(p[(s, 2011)]["real_wage"]))
    son_share = pct(num(ex("Sonora", 2013)) / num(nat13) * 100)
    assert float(p[("Aguascalientes", 2013)]["intercom_acc"]) < 0
    title = "Beyond the border: exports, wages and investment in five Mexican states, 2011–2013"
    paragraphs = [
        (
            "p",
            "Nearshoring is often told as a story of the border states, but in the early 2010s some of the fastest "
            "change was happening further south. This note compares five states: Sonora in the north-west, "
            "Guanajuato and Aguascalientes in the Bajío, Puebla in the centre and Yucatán in the south-east.",
        ),
        ("h1", "Exports"),
        (
            "p",
            f"Mexico's 32 states exported US${nat13} billion of goods in 2013 (our sum of the state figures). "
            f"Sonora, home to a Ford assembly plant in Hermosillo and large copper mines, was the biggest exporter "
            f"of the five, with US${ex('Sonora', 2013)} billion, or {son_share}% of the national total. Guanajuato "
            f"overtook Puebla that year to become the second largest: its exports rose to "
            f"US${ex('Guanajuato', 2013)} billion, while Puebla's slipped to US${ex('Puebla', 2013)} billion from "
            f"US${ex('Puebla', 2012)} billion in 2012. Aguascalientes, where Nissan builds cars, exported "
            f"US${ex('Aguascalientes', 2011)} billion in 2011 and Yucatán only US${ex('Yucatán', 2013)} billion in "
            "2013.",
        ),
        ("h1", "Wages"),
        (
            "p",
            f"Wages tell a different story. {wage_hi11} paid the highest real wage of the five in 2011, "
            f"{wage(wage_hi11, 2011)} pesos, against {wage('Guanajuato', 2011)} pesos in Guanajuato, the lowest. "
            f"In Yucatán the real wage climbed from {wage('Yucatán', 2011)} pesos in 2011 to "
            f"{wage('Yucatán', 2013)} pesos in 2013. A real wage here is the average wage in Mexican pesos at 2018 "
            "prices, so that years can be compared without inflation.",
        ),
        ("h1", "Investment"),
        (
            "p",
            f"Foreign direct investment (FDI) was most volatile. Guanajuato received US${comp('Guanajuato', 2013, 'total_fdi')} "
            f"million in 2013, almost twice its 2012 inflow of US${comp('Guanajuato', 2012, 'total_fdi')} million, "
            f"as carmakers built new assembly plants there; new investment alone came to "
            f"US${comp('Guanajuato', 2013, 'new_fdi')} million. Sonora's FDI reached "
            f"US${comp('Sonora', 2013, 'total_fdi')} million in 2013, most of it reinvested profits "
            f"(US${comp('Sonora', 2013, 'reinv_profits')} million). In Aguascalientes total FDI fell to just "
            f"US${comp('Aguascalientes', 2013, 'total_fdi')} million in 2013, because foreign parents withdrew "
            f"US${comp('Aguascalientes', 2013, 'intercom_acc')} million through intercompany accounts, a net "
            "outflow that cancelled most of the new money.",
        ),
        (
            "p",
            "The Secretaría de Economía splits FDI into three parts: new investment, reinvested profits, and "
            "intercompany accounts, which are loans and debts between a Mexican subsidiary and its foreign parent "
            "company. When a subsidiary repays its parent, that component is negative.",
        ),
        ("h1", "Sources"),
        (
            "p",
            "State panel of FDI, exports and wages, 2006–2022 (file mx_state_panel_fdi_exports_wages_2006_2022.csv), "
            "compiled for a university nearshoring course from INEGI (BIE), INEGI (ENOE) and Banxico; FDI "
            "components as published by the Secretaría de Economía. Exports are state exports reported by INEGI.",
        ),
    ]
    src = [name]
    q.add("article_fact", "What was the value of Sonora's exports in 2013?", bn_forms(ex("Sonora", 2013)), src)
    q.add("comparison", "Which state displaced Puebla as the second biggest exporter of the five in 2013?",
          [ex_rank13[1]], src)  # fmt: skip
    q.add("article_fact", "How much foreign direct investment went to Sonora in 2013?",
          mn_forms(comp("Sonora", 2013, "total_fdi")), src)  # fmt: skip
    q.add("article_fact", "Why was FDI in Aguascalientes so low in 2013?",
          mn_forms(comp("Aguascalientes", 2013, "intercom_acc")), src)  # fmt: skip
    q.add("article_fact", "What real wage did Yucatán workers earn in 2013?", [wage("Yucatán", 2013)], src)
    q.add("comparison", "Which of the five states had the best-paid workers in 2011?", [wage_hi11], src)
    q.add("date_definition", "What are intercompany accounts in the FDI statistics?", ["foreign parent"], src)
    q.add("article_fact", "What share of Mexico's state exports came from Sonora in 2013?", pct_forms(son_share), src)
    q.add("follow_up", "And in the following year?", bn_forms(ex("Puebla", 2013)), src,
          history=["What were Puebla's exports in 2012?"])  # fmt: skip
    q.add("article_fact", "How much of Sonora's 2013 FDI was reinvested profits?",
          mn_forms(comp("Sonora", 2013, "reinv_profits")), src)  # fmt: skip
    q.add("unanswerable", "What was the unemployment rate in Guanajuato in 2013?", [], src)
    return name, title, paragraphs


def hs_chapters_md(data: Path, q: Questions) -> tuple[str, str]:
    """T2. MD: US exports of rubber, aluminium and furniture (HS 40, 76, 94) to Mexico, Canada and Japan, 2021-2023 (USITC)."""
    name = "us-exports-of-rubber-aluminium-and-furniture-2021-2023.md"
    partners = ["Mexico", "Canada", "Japan"]
    years = [2021, 2022, 2023]
    v: dict[tuple[str, str, int], float] = {}
    desc: dict[str, str] = {}
    with open(data / "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["hs2"] in ("40", "76", "94") and r["country"] in partners:
                desc[r["hs2"]] = r["hs2_description"]
                for y in years:
                    v[(r["hs2"], r["country"], y)] = float(r[f"fas_usd_{y}"])
    b = {k: f"{x / 1e9:,.2f}" for k, x in v.items()}
    mln = {k: f"{x / 1e6:,.1f}" for k, x in v.items()}
    assert (
        v[("40", "Canada", 2021)] > v[("40", "Mexico", 2021)] and v[("40", "Mexico", 2023)] > v[("40", "Canada", 2023)]
    )
    al_peak = max(years, key=lambda y: v[("76", "Mexico", y)])
    assert al_peak == 2022 and all(v[("76", "Mexico", y)] > v[("76", "Canada", y)] for y in years)
    fu_ratio = f"{v[('94', 'Canada', 2023)] / v[('94', 'Mexico', 2023)]:.1f}"
    rub_gain = f"{(v[('40', 'Mexico', 2023)] - v[('40', 'Mexico', 2021)]) / 1e6:,.1f}"
    text = (
        f"""---
title: "Tyres, cans and sofas: US exports of rubber, aluminium and furniture to its neighbours, 2021–2023"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. International Trade Commission (USITC) DataWeb, Total Exports, FAS Value, HTS 2-digit, all countries (file usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv)"
    url: "{USITC_URL}"
    vintage: "downloaded 2025-08-07"
period: "2021–2023 (calendar years)"
---
# Tyres, cans and sofas: three smaller US export chapters, 2021–2023

Trade statistics sort goods into the chapters of the Harmonized System (HS), a shared product
nomenclature in which the first two digits of a code name a chapter. This note follows three
chapters that rarely make the headlines but show how closely North American industry is knit
together: chapter 40, {desc["40"].lower()}; chapter 76, {desc["76"].lower()}; and chapter 94,
{desc["94"].lower().split(";")[0]} and bedding. "Articles thereof" means goods made of the material, such as
tyres, hoses and belts in the rubber chapter. Figures are US total exports at F.A.S. value from the
USITC DataWeb, which include re-exports of foreign goods; differences and ratios are our own
calculations.

## Rubber: Mexico edges past Canada

In 2021 Canada was the larger market for US rubber goods, buying US${b[("40", "Canada", 2021)]} billion
against US${b[("40", "Mexico", 2021)]} billion for Mexico. Two years later the order had flipped, if only
just: in 2023 the United States sold US${mln[("40", "Mexico", 2023)]} million of rubber and rubber articles to
Mexico and US${mln[("40", "Canada", 2023)]} million to Canada. Mexico's purchases grew by
US${rub_gain} million over the two years (our calculation), driven by the tyre and hose plants that
supply its car assembly lines. Japan bought only US${mln[("40", "Japan", 2023)]} million in 2023.

## Aluminium: a 2022 peak

Aluminium exports to Mexico, mostly sheet for beverage cans and car bodies, peaked in 2022 at
${b[("76", "Mexico", 2022)]} billion, when metal prices were at record highs, and eased to
${b[("76", "Mexico", 2023)]} billion in 2023. Mexico out-bought Canada in every year of the period.

| Partner | 2021 | 2022 | 2023 |
|---|---:|---:|---:|
"""
        + "".join(f"| {c} | {b[('76', c, 2021)]} | {b[('76', c, 2022)]} | {b[('76', c, 2023)]} |\n" for c in partners)
        + f"""
*Table 1. US exports of aluminum and articles thereof (HS 76), US$ billion, F.A.S.*

## Furniture: Canada's living rooms

Furniture is the exception to the Mexican story. Canadian households and offices bought
US${b[("94", "Canada", 2022)]} billion of US furniture, bedding and lamps in 2022 and
US${b[("94", "Canada", 2023)]} billion in 2023, about {fu_ratio} times what Mexico bought in 2023
(US${b[("94", "Mexico", 2023)]} billion). Distance is the reason: bulky goods travel by truck, and most
Canadians live within a day's drive of US furniture plants in the Carolinas and the Midwest.

## Sources

U.S. International Trade Commission, DataWeb, Total Exports, FAS Value, HTS 2-digit by country,
2021–2023 (downloaded 2025-08-07), {USITC_URL}
"""
    )
    src = [name]
    q.add("table_lookup", "What were US aluminium exports to Mexico in 2021?", bn_forms(b[("76", "Mexico", 2021)]), src)
    q.add("table_lookup", "How much HS 76 product did the US ship to Canada in 2022?",
          bn_forms(b[("76", "Canada", 2022)]), src)  # fmt: skip
    q.add("article_fact", "How much rubber did the United States sell to Canada in 2021?",
          bn_forms(b[("40", "Canada", 2021)]), src)  # fmt: skip
    q.add("comparison", "Which country overtook Canada as the top buyer of US rubber goods in 2023?", ["Mexico"], src)
    q.add("article_fact", "What did Canada spend on US furniture and bedding in 2023?",
          bn_forms(b[("94", "Canada", 2023)]), src)  # fmt: skip
    q.add("article_fact", "By how much did US rubber exports to Mexico grow between 2021 and 2023?",
          mn_forms(rub_gain), src)  # fmt: skip
    q.add("date_definition", "What do the first two digits of an HS code identify?", ["chapter"], src)
    q.add("follow_up", "And in 2023?", bn_forms(b[("76", "Mexico", 2023)]), src,
          history=["What were US aluminium exports to Mexico in 2022?"])  # fmt: skip
    q.add("article_fact", "Why does Canada buy so much more US furniture than Mexico?", ["distance"], src)
    q.add("date_definition", "What does 'articles thereof' mean in an HS chapter name?", ["made of the material"], src)
    q.add("unanswerable", "How much rubber did the United States import from Mexico in 2023?", [], src)
    return name, text


def spring2020_html(data: Path, q: Questions) -> tuple[str, str]:
    """T3. HTML: northbound trucks and passenger vehicles at Texas ports, March-May 2019 and 2020 (CBP monthly)."""
    name = "texas-border-crossings-in-the-spring-of-2020.html"
    ports = ["Laredo", "El Paso", "Ysleta", "Hidalgo", "Brownsville"]
    modes = {"Commercial Trucks": "tr", "Passenger Vehicles": "pv"}
    c: dict[tuple[str, str, int, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv"):
        if (
            r["Modes"] in modes
            and r["POE"] in ports
            and int(r["Year"]) in (2019, 2020)
            and int(r["Month"]) in (3, 4, 5)
        ):
            c[(r["POE"], modes[r["Modes"]], int(r["Year"]), int(r["Month"]))] += int(r["Northbound Crossing"] or 0)
    n = lambda x: f"{x:,}"  # noqa: E731
    pv_apr = {y: sum(c[(p, "pv", y, 4)] for p in ports) for y in (2019, 2020)}
    tr_apr = {y: sum(c[(p, "tr", y, 4)] for p in ports) for y in (2019, 2020)}
    pv_drop = pct((pv_apr[2019] - pv_apr[2020]) / pv_apr[2019] * 100)
    tr_drop = pct((tr_apr[2019] - tr_apr[2020]) / tr_apr[2019] * 100)
    lar_drop = pct((c[("Laredo", "pv", 2019, 4)] - c[("Laredo", "pv", 2020, 4)]) / c[("Laredo", "pv", 2019, 4)] * 100)
    assert c[("Ysleta", "tr", 2020, 4)] > c[("El Paso", "tr", 2020, 4)]
    assert c[("Ysleta", "tr", 2020, 3)] > c[("Ysleta", "tr", 2019, 3)]
    title = "The spring the border closed to shoppers: Texas crossings in March–May 2020"
    body = [
        "<p>On 21 March 2020 the United States and Mexico restricted travel across their land border to "
        "essential travel (notices of the US Department of Homeland Security in the Federal Register). Trade was classed as essential, so trucks kept crossing; tourists and shoppers were "
        "not, and the queues of cars at the bridges shortened overnight. The restrictions stayed in place until 8 "
        "November 2021, when the border reopened to fully vaccinated visitors.</p>",
        "<p>This article compares northbound crossings recorded by U.S. Customs and Border Protection (CBP) at "
        "five Texas ports of entry in the spring of 2020 with the same months of 2019. A northbound crossing is a "
        "vehicle entering the United States from Mexico; people inside a car are not counted separately. Totals "
        "for the five ports and percentage changes are our own calculations.</p>",
        "<h2>Cars</h2>",
        f"<p>In April 2020, the first full month of the restrictions, {n(pv_apr[2020])} passenger vehicles entered "
        f"Texas through the five ports, against {n(pv_apr[2019])} in April 2019, a fall of {pv_drop} percent. At "
        f"Laredo the count dropped to {n(c[('Laredo', 'pv', 2020, 4)])} from {n(c[('Laredo', 'pv', 2019, 4)])}, or "
        f"{lar_drop}%, while El Paso, which had seen {n(c[('El Paso', 'pv', 2019, 4)])} cars in April 2019, "
        f"counted {n(c[('El Paso', 'pv', 2020, 4)])}. Hidalgo and Brownsville each fell to well under half of "
        f"their usual traffic, with {n(c[('Hidalgo', 'pv', 2020, 4)])} and "
        f"{n(c[('Brownsville', 'pv', 2020, 4)])} passenger vehicles. By May traffic had begun to recover, "
        f"and Laredo counted {n(c[('Laredo', 'pv', 2020, 5)])} cars.</p>",
        "<h2>Trucks</h2>",
        f"<p>Freight fell less, and for a different reason: car plants on both sides of the border shut down in "
        f"late March and April, so there was less to carry. Northbound trucks at the five ports came to "
        f"{n(tr_apr[2020])} in April 2020 against {n(tr_apr[2019])} a year earlier, down {tr_drop} percent. "
        f"Laredo handled {n(c[('Laredo', 'tr', 2020, 4)])} trucks that April and {n(c[('Laredo', 'tr', 2020, 5)])} "
        f"in May, and Hidalgo {n(c[('Hidalgo', 'tr', 2020, 4)])} in April.</p>",
        f"<p>In the El Paso area, Ysleta carried more freight than El Paso itself: {n(c[('Ysleta', 'tr', 2020, 4)])} "
        f"trucks in April 2020 against {n(c[('El Paso', 'tr', 2020, 4)])} at the El Paso port, because the "
        "Zaragoza bridge at Ysleta takes most of the commercial traffic from Ciudad Juárez's factories. In March "
        f"2020, before the shutdowns, Ysleta had even counted more trucks than a year earlier: "
        f"{n(c[('Ysleta', 'tr', 2020, 3)])} against {n(c[('Ysleta', 'tr', 2019, 3)])}.</p>",
    ]
    page = byline_page(
        title,
        "Border",
        "Lucía Treviño",
        body,
        "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, monthly "
        "2008–2025, as compiled by the University of North Texas for TxDOT (file "
        f'cbp_texas_mexico_northbound_crossings_monthly_2008_2025.csv), March–May 2019 and 2020, <a href="{CBP_URL}">'
        f"{CBP_URL}</a>",
    )
    src = [name]
    q.add("article_fact", "How many cars crossed northbound into Laredo in April 2020?",
          count(c[("Laredo", "pv", 2020, 4)]), src)  # fmt: skip
    q.add("article_fact", "What was the number of commercial trucks entering at Hidalgo in April 2020?",
          count(c[("Hidalgo", "tr", 2020, 4)]), src)  # fmt: skip
    q.add("article_fact", "By what percentage did passenger vehicle crossings at Laredo fall in April 2020 from a year before?",
          pct_forms(lar_drop), src)  # fmt: skip
    q.add("comparison", "Which El Paso-area port carried more trucks than El Paso itself in April 2020?", ["Ysleta"],
          src)  # fmt: skip
    q.add("date_definition", "When were crossings of the US–Mexico land border limited to essential travel?",
          ["21 March 2020", "March 21, 2020"], src)  # fmt: skip
    q.add("article_fact", "Why did truck crossings fall less than car crossings in spring 2020?",
          ["classed as essential"], src)  # fmt: skip
    q.add("article_fact", "How many passenger vehicles crossed at El Paso in April 2019?",
          count(c[("El Paso", "pv", 2019, 4)]), src)  # fmt: skip
    q.add("follow_up", "And in May?", count(c[("Laredo", "tr", 2020, 5)]), src,
          history=["How many trucks entered the US at Laredo in April 2020?"])  # fmt: skip
    q.add("article_fact", "What was the combined passenger-vehicle count at the five ports in April 2020?",
          count(pv_apr[2020]), src)  # fmt: skip
    q.add("date_definition", "When did the border reopen to vaccinated visitors?", ["8 November 2021", "November 8, 2021"],
          src)  # fmt: skip
    q.add("unanswerable", "How many trucks crossed at Nogales in April 2020?", [], src)
    return name, page


def fdi_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    """T4. PDF: FDI in six Mexican states by quarter, 2007 (Secretaría de Economía)."""
    name = "mexico-fdi-in-six-manufacturing-states-2007.pdf"
    names = {"Chihuahua": "Chihuahua", "Baja California": "Baja California", "Sonora": "Sonora",
             "Tamaulipas": "Tamaulipas", "Coahuila de Zaragoza": "Coahuila", "Puebla": "Puebla"}  # fmt: skip
    y = 2007
    f: dict[tuple[str, int], float] = {}
    nat: dict[int, float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        if int(r["year"]) == y:
            nat[int(r["quarter"]) - 1] += float(r["fdi_musd"])
            if r["entidad"] in names:
                f[(names[r["entidad"]], int(r["quarter"]) - 1)] = float(r["fdi_musd"])
    st = list(names.values())
    assert len(f) == len(st) * 4
    v = {k: mn1(x) for k, x in f.items()}
    yr = {s: mn1(sum(num(v[(s, k)]) for k in range(4))) for s in st}
    natq = {k: mn1(x) for k, x in nat.items()}
    naty = mn1(sum(num(natq[k]) for k in range(4)))
    top = sorted(st, key=lambda s: -num(yr[s]))
    chi_share = pct(num(yr[top[0]]) / num(naty) * 100)
    best_q = max(range(4), key=lambda k: nat[k])
    big_s, big_k = max(f, key=lambda sk: f[sk])
    assert big_s == top[1]
    gap = mn1(num(yr["Coahuila"]) - num(yr["Puebla"]))
    assert num(gap) > 0 and f[("Puebla", 3)] > f[("Coahuila", 3)]
    son_low = min(range(4), key=lambda k: f[("Sonora", k)])
    title = "Before the crash: foreign direct investment in six Mexican manufacturing states, 2007"
    running = f"{PUBLISHER} · FDI in six Mexican states, 2007 · Secretaría de Economía"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "2007 was the last year before the global financial crisis reached Mexico, and foreign money was still pouring "
            "into Mexico's export factories. This report follows foreign direct investment (FDI) quarter by "
            "quarter in six states with large manufacturing bases: Chihuahua, Baja California, Sonora, "
            "Tamaulipas and Coahuila on the border, and Puebla in the centre. Data are the Secretaría de "
            "Economía's FDI flows by state and quarter, in millions of US dollars (May 2018 vintage). Annual "
            "figures for each state and the national totals are our sums of the quarters and of the 32 states.",
        ),
        ("h2", "The national picture"),
        (
            "p",
            f"Mexico received US${naty} million of FDI in 2007 (our sum), and the {QUARTER_WORDS[best_q]} quarter, "
            f"with US${natq[best_q]} million, was the strongest of the year. {top[0]}, the maquiladora heartland "
            f"around Ciudad Juárez, attracted more than any of the other five states: US${yr[top[0]]} million, "
            f"or {chi_share} percent of the national total. {top[1]} came second with US${yr[top[1]]} million, "
            f"and its {QUARTER_WORDS[big_k]} quarter alone brought in US${v[(big_s, big_k)]} million, the largest single "
            "quarterly inflow of any of the six states that year.",
        ),
        ("h2", "Quarter by quarter"),
        (
            "p",
            f"Coahuila received US${v[('Coahuila', 0)]} million in the first quarter and US${yr['Coahuila']} "
            f"million over the year, only US${gap} million more than Puebla (US${yr['Puebla']} million; our "
            f"calculation). Puebla, where Volkswagen builds cars, finished strongly: US${v[('Puebla', 3)]} million "
            f"arrived in the fourth quarter, after US${v[('Puebla', 0)]} million in the first. Sonora's inflow "
            f"shrank to US${v[('Sonora', son_low)]} million in the {QUARTER_WORDS[son_low]} quarter, from "
            f"US${v[('Sonora', 0)]} million in the first, and Tamaulipas took in US${yr['Tamaulipas']} million "
            "over the year.",
        ),
    ]
    page2 = [
        ("h2", "Reading the figures"),
        (
            "p",
            "FDI is recorded in the state where the investing company has its registered office in Mexico, which "
            "can differ from where the plant stands; a maquiladora run from a head office in the capital may add "
            "to Mexico City's figure rather than Chihuahua's. Quarterly flows can also be negative: a negative "
            "figure is a net outflow, when foreign owners take out more, through loan repayments or "
            "disinvestment, than they put in. None of the six states had a negative quarter in 2007.",
        ),
        ("h2", "Sources"),
        (
            "p",
            "Secretaría de Economía (DGIE), Inversión extranjera directa por entidad federativa y trimestre, "
            "1999–2017, datos.gob.mx (vintage May 2018; file se_mexico_fdi_by_state_quarterly_1999_2017.csv), "
            "first to fourth quarter 2007.",
        ),
    ]
    src = [name]
    q.add("article_fact", "How much FDI flowed into Coahuila over 2007 as a whole?", mn_forms(yr["Coahuila"]), src)
    q.add("article_fact", "What was Mexico's total FDI in 2007?", mn_forms(naty), src)
    q.add("comparison", "Which of the six states drew the most foreign investment in 2007?", [top[0]], src)
    q.add(
        "article_fact", "Did any of the six states record a negative quarter of FDI in 2007?", ["None of the six"], src
    )
    q.add("article_fact", "What was the biggest quarterly inflow any of the six states received in 2007?",
          mn_forms(v[(big_s, big_k)]), src)  # fmt: skip
    q.add("article_fact", "What was Sonora's FDI in its weakest quarter of 2007?", mn_forms(v[("Sonora", son_low)]),
          src)  # fmt: skip
    q.add("article_fact", f"What share of Mexico's 2007 FDI went to {top[0]}?", pct_forms(chi_share), src)
    q.add("follow_up", "And in the first quarter?", mn_forms(v[("Puebla", 0)]), src,
          history=["How much FDI did Puebla receive in the fourth quarter of 2007?"])  # fmt: skip
    q.add("comparison", "Which state ranked second among the six for FDI in 2007?", [top[1]], src)
    q.add("article_fact", "By how much did Coahuila's FDI exceed Puebla's in 2007?", mn_forms(gap), src)
    q.add("date_definition", "In which state is an investment recorded in these figures?", ["registered office"], src)
    q.add("unanswerable", "How much of Chihuahua's FDI in 2007 came from the United States?", [], src)
    return name, title, running, [page1, page2]


# =============================================================================================


def main() -> None:
    q = Questions("fresh3", blank_unanswerable=True)
    dev = [cafta_md, trucks_recession_txt, asean_html, mexico_modes_pdf]
    test = [states_docx, hs_chapters_md, spring2020_html, fdi_pdf]
    write_set(__doc__, q, OUT, PARTS, PUBLISHER, dev, test, after="fresh2", others=sets_before(3))


if __name__ == "__main__":
    main()
