"""Write the second fresh evaluation set (eval/documents-fresh2/) and its questions (eval/parts/fresh2.jsonl).

    python scripts/make_fresh2_documents.py [--data ../shared/data/trade]

A fifth document set, "set": "fresh2", written after the dev part of "fresh" had been answered,
so that tuning has an unseen yardstick again. Split BY DOCUMENT: the first four documents are the
dev part (fresh2-01..), the last four the test part (report only). Its facts are used by no other
set: US-UK trade by month 2015-2016, pedestrians and passenger vehicles at Texas ports 2012-2013,
US fish and seafood exports (HS 03) by partner 2020-2024, US-Canada trade by month and mode 2014
(dev); six Mexican states' exports, wages and FDI components 2016-2018, US trade with six Middle
East partners 2011-2014, Texas ports by truck and rail 2016-2017 and quarterly FDI in Mexican
states 2001-2002 (test).

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, quarters, shares and changes are derived and the documents say so. The script
checks that each expected answer is stated in the document it cites (derived answers: skipped),
that no question mixes the parts, and that no expected figure already appears in another set's
text documents. DOCX and PDF use the writers of make_eval_documents.py (reproducible bytes).
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
    OTHER_SETS,
    QUARTER_WORDS,
    QUARTERS,
    Questions,
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
from make_fresh_documents import BTS_URL, CENSUS_URL, DATE_ISO, DATE_LONG  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh2"
PARTS = ROOT / "eval" / "parts" / "fresh2.jsonl"
PUBLISHER = "nearshore-qa"


def html_page(title: str, section: str, body: list[str], source: str, byline: str = "") -> str:
    """A web article by this project: navigation, a byline (default: the fresh2 trade desk's),
    the body, its sources and a footer."""
    byline = byline or f"By Ana Ruiz, {PUBLISHER} trade desk · Published {DATE_LONG}"
    return "\n".join(
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
            f'<header><nav><a href="/">Home</a> · <a href="/{section.lower()}">{section}</a></nav></header>',
            "<main>",
            "<article>",
            f"<h1>{html.escape(title)}</h1>",
            f'<p class="byline">{byline}</p>',
            *body,
            "<h2>Sources</h2>",
            f"<p>{source}</p>",
            "</article>",
            "</main>",
            f'<footer>© {PUBLISHER} · <a href="/about">About</a></footer>',
            "</body>",
            "</html>",
            "",
        ]
    )


def html_table(caption: str, head: list[str], body: list[list[str]]) -> list[str]:
    """A table with its caption written below it, as a figure caption."""
    out = ["<figure>", "<table>", "<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>", "<tbody>"]
    out += ["<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in body]
    out += ["</tbody>", "</table>", f"<figcaption>{caption}</figcaption>", "</figure>"]
    return out


# =============================================================================================
# DEV documents
# =============================================================================================


def uk_html(data: Path, q: Questions) -> tuple[str, str]:
    """D1. HTML: US goods trade with the United Kingdom by month, 2015-2016 (Census monthly)."""
    name = "us-uk-goods-trade-around-the-brexit-vote-2015-2016.html"
    imp: dict[int, list[float]] = {}
    exp: dict[int, list[float]] = {}
    yr: dict[int, tuple[str, str]] = {}
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        if r["CTYNAME"] == "United Kingdom" and int(r["year"]) in (2015, 2016):
            y = int(r["year"])
            imp[y] = [float(r["I" + m]) for m in MON]
            exp[y] = [float(r["E" + m]) for m in MON]
            yr[y] = (mn1(float(r["IYR"])), mn1(float(r["EYR"])))
    i = {(y, k): mn1(imp[y][k]) for y in imp for k in range(12)}
    e = {(y, k): mn1(exp[y][k]) for y in exp for k in range(12)}
    qi = {(y, k): mn1(sum(num(i[(y, j)]) for j in range(3 * k, 3 * k + 3))) for y in imp for k in range(4)}
    qe = {(y, k): mn1(sum(num(e[(y, j)]) for j in range(3 * k, 3 * k + 3))) for y in exp for k in range(4)}
    top_e16 = max(range(12), key=lambda k: exp[2016][k])
    low_i16 = min(range(12), key=lambda k: imp[2016][k])
    top_qi15 = max(range(4), key=lambda k: num(qi[(2015, k)]))
    title = "US goods trade with the United Kingdom around the Brexit vote, 2015–2016"
    body = [
        "<p>The United Kingdom voted to leave the European Union on 23 June 2016. The vote did not stop trade "
        "across the Atlantic: month by month, US goods trade with the UK in 2016 moved within the range of "
        "2015. This page uses the U.S. Census Bureau's monthly goods trade by country: US exports to the UK "
        "(total exports, F.A.S. value) and US imports from the UK (general imports, customs value), millions of "
        "US dollars, not seasonally adjusted. Quarterly figures are our sums of the three months of each "
        "quarter.</p>",
        "<h2>The month of the vote</h2>",
        f"<p>In June 2016 the United States exported US${e[(2016, 5)]} million of goods to the UK and imported "
        f"US${i[(2016, 5)]} million from it, according to the Census Bureau; in June 2015 exports had been "
        f"US${e[(2015, 5)]} million and imports US${i[(2015, 5)]} million. In July 2016, the first full month after "
        f"the vote, imports from the UK were US${i[(2016, 6)]} million.</p>",
        "<h2>The two years</h2>",
        f"<p>Over 2016 as a whole US exports to the UK came to US${yr[2016][1]} million and imports to "
        f"US${yr[2016][0]} million, against US${yr[2015][1]} million and US${yr[2015][0]} million in 2015. "
        f"The strongest month for US exports in 2016 was {MONTHS[top_e16]}, at US${e[(2016, top_e16)]} million, "
        f"and the weakest month for imports was {MONTHS[low_i16]}, at US${i[(2016, low_i16)]} million. In 2015 "
        f"imports from the UK were highest in the {QUARTER_WORDS[top_qi15]} quarter "
        f"(US${qi[(2015, top_qi15)]} million).</p>",
    ]
    body += html_table(
        "Table 1. US goods exports to and imports from the United Kingdom by month, US$ million "
        "(exports F.A.S., imports customs value; not seasonally adjusted). Data: U.S. Census Bureau.",
        ["Month", "Exports 2015", "Exports 2016", "Imports 2015", "Imports 2016"],
        [[MONTHS[k], e[(2015, k)], e[(2016, k)], i[(2015, k)], i[(2016, k)]] for k in range(12)],
    )
    body += html_table(
        "Table 2. US goods trade with the United Kingdom by quarter, US$ million (our sums of the months in Table 1).",
        ["Quarter", "Exports 2015", "Exports 2016", "Imports 2015", "Imports 2016"],
        [[QUARTERS[k], qe[(2015, k)], qe[(2016, k)], qi[(2015, k)], qi[(2016, k)]] for k in range(4)],
    )
    page = html_page(
        title,
        "Europe",
        body,
        'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" (country.xlsx, vintage after the '
        f"June 2024 annual revision), United Kingdom, January 2015 to December 2016, "
        f'<a href="{CENSUS_URL}">{CENSUS_URL}</a>; file census_us_goods_trade_by_country_monthly_1985_2024jun.csv',
    )
    src = [name]
    q.add("table_lookup", "What were US exports to the United Kingdom in February 2015?", money_mn(e[(2015, 1)]), src)
    q.add("table_lookup", "How much did the US import from the UK in the fourth quarter of 2016?",
          money_mn(qi[(2016, 3)]), src)  # fmt: skip
    q.add("table_lookup", "What were US goods imports from the United Kingdom in October 2015?",
          money_mn(i[(2015, 9)]), src)  # fmt: skip
    q.add(
        "article_fact", "How much did the United States import from the UK in July 2016?", money_mn(i[(2016, 6)]), src
    )
    q.add("article_fact", "What were US exports to the United Kingdom in 2016 as a whole?", money_mn(yr[2016][1]), src)
    q.add("comparison", "In which month of 2016 were US exports to the United Kingdom highest?", [MONTHS[top_e16]], src)
    q.add("computed", "By what percentage did US imports from the UK change from 2015 to 2016?",
          change_forms(pct_of(num(yr[2016][0]), num(yr[2015][0]))), src)  # fmt: skip
    q.add("follow_up", "And imports?", money_mn(i[(2016, 5)]), src,
          history=["What were US exports to the United Kingdom in June 2016?"])  # fmt: skip
    q.add("date_definition", "When did the United Kingdom vote to leave the European Union?", ["23 June 2016"], src)
    q.add("unanswerable", "What were US services exports to the United Kingdom in 2016?", [], src)
    return name, page


def crossings_txt(data: Path, q: Questions) -> tuple[str, str]:
    """D2. TXT: northbound pedestrians and passenger vehicles at Texas ports, 2012-2013 (CBP yearly)."""
    name = "texas-border-pedestrians-and-passenger-vehicles-2012-2013.txt"
    years = [2012, 2013]
    modes = {"Pedestrians/ Bicyclists": "ped", "Passenger Vehicles": "pv"}
    c: dict[tuple[str, str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        if r["Modes"] in modes and int(r["Year"]) in years:
            c[(modes[r["Modes"]], r["POE"], int(r["Year"]))] += int(r["Northbound Crossing"])
    ports = sorted({p for (m, p, y), n in c.items() if m == "pv" and n > 0}, key=lambda p: -c[("pv", p, 2013)])
    n = {k: f"{v:,}" for k, v in c.items()}
    tot = {(m, y): sum(c[(m, p, y)] for p in ports) for m in ("ped", "pv") for y in years}
    ped12 = sorted(ports, key=lambda p: -c[("ped", p, 2012)])
    pv13 = sorted(ports, key=lambda p: -c[("pv", p, 2013)])
    share = c[("ped", ped12[0], 2012)] / tot[("ped", 2012)] * 100
    lines = [
        "On foot and by car: northbound pedestrians and passenger vehicles at Texas ports of entry, 2012-2013",
        f"Publisher: {PUBLISHER}",
        f"Date: {DATE_LONG}",
        "Data: U.S. Customs and Border Protection (CBP), northbound crossings at Texas-Mexico ports of entry, "
        "yearly 2008-2025, compiled by the University of North Texas for TxDOT (file "
        "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv), years 2012 and 2013",
        "Units: counts (pedestrians and bicyclists: persons; passenger vehicles: vehicles)",
        "",
        "SUMMARY",
        "",
        wrap(
            "Most people who cross from Mexico into Texas do so on foot or in a private car, not in a truck. "
            "CBP counts every pedestrian or bicyclist and every passenger vehicle that enters the United States at "
            "each port; people inside a vehicle are not counted separately, and southbound traffic is not counted "
            "at all. A pedestrian count includes bicyclists."
        ),
        "",
        "THE PORTS",
        "",
        wrap(
            f"El Paso counted {n[('ped', 'El Paso', 2012)]} northbound pedestrians and {n[('pv', 'El Paso', 2012)]} "
            f"passenger vehicles in 2012, according to CBP, while Laredo counted {n[('ped', 'Laredo', 2012)]} "
            f"pedestrians and {n[('pv', 'Laredo', 2012)]} passenger vehicles. In 2013 Hidalgo counted "
            f"{n[('pv', 'Hidalgo', 2013)]} passenger vehicles and Brownsville {n[('pv', 'Brownsville', 2013)]}."
        ),
        "",
        wrap(
            f"{ped12[0]} counted the most pedestrians of any Texas port in 2012: {share:.1f}% of the "
            f"{tot[('ped', 2012)]:,} counted at all the ports listed (our sum). Across the ports, "
            f"{tot[('pv', 2013)]:,} passenger vehicles entered Texas from Mexico in 2013, against "
            f"{tot[('pv', 2012)]:,} in 2012."
        ),
        "",
    ]
    for m, label in (("ped", "pedestrians and bicyclists (persons)"), ("pv", "passenger vehicles (vehicles)")):
        head = f"{'Port':<18}" + "".join(f"{y:>12}" for y in years)
        lines += [head, "-" * len(head)]
        lines += [f"{p:<18}" + "".join(f"{c[(m, p, y)]:>12,}" for y in years) for p in ports]
        lines += [f"{'All ports listed':<18}" + "".join(f"{tot[(m, y)]:>12,}" for y in years)]
        num_ = 1 if m == "ped" else 2
        lines += [f"Table {num_}. Northbound {label} by Texas port of entry, 2012-2013. Source: CBP.", ""]
    lines += [
        "SOURCES",
        "",
        wrap(
            "U.S. Customs and Border Protection, northbound crossings by port of entry, bridge and mode, yearly "
            "2008-2025, as compiled by the University of North Texas (CBP-Border-Crossings, data through "
            "December 2025), https://www.cbp.gov"
        ),
        "",
    ]
    src = [name]
    q.add("table_lookup", "How many northbound pedestrians crossed at Brownsville in 2013?",
          [n[("ped", "Brownsville", 2013)]], src)  # fmt: skip
    q.add("table_lookup", "How many passenger vehicles entered the US at Eagle Pass in 2012?",
          [n[("pv", "Eagle Pass", 2012)]], src)  # fmt: skip
    q.add("article_fact", "How many northbound passenger vehicles did Hidalgo count in 2013?",
          [n[("pv", "Hidalgo", 2013)]], src)  # fmt: skip
    q.add(
        "article_fact", "How many pedestrians crossed northbound at Laredo in 2012?", [n[("ped", "Laredo", 2012)]], src
    )
    q.add("comparison", "Which Texas port counted the most northbound pedestrians in 2012?", [ped12[0]], src)
    q.add("comparison", "Which Texas port had the second-most northbound passenger vehicles in 2013?", [pv13[1]], src)
    q.add("computed", "By how many did northbound pedestrian crossings at El Paso change from 2012 to 2013?",
          [f"{abs(c[('ped', 'El Paso', 2013)] - c[('ped', 'El Paso', 2012)]):,}"], src)  # fmt: skip
    q.add("follow_up", "And in 2013?", [n[("ped", "Roma", 2013)]], src,
          history=["How many northbound pedestrians crossed at Roma in 2012?"])  # fmt: skip
    q.add("date_definition", "Does the CBP pedestrian count at Texas ports include bicyclists?", ["includes bicyclists", "pedestrian or bicyclist"],
          src)  # fmt: skip
    q.add("unanswerable", "How many pedestrians crossed southbound into Mexico at El Paso in 2013?", [], src)
    return name, "\n".join(lines)


def fish_csv(data: Path, q: Questions) -> tuple[str, str, str]:
    """D3. CSV + sidecar: US exports of fish and seafood (HS 03) by partner, 2020-2024 (USITC)."""
    name = "us-exports-fish-and-seafood-hs03-by-partner-2020-2024.csv"
    years, lines, u, rank, partners, val = hs_partner_table(data, "03")
    side = f"""title: "US exports of fish and seafood (HS chapter 03) by partner, 2020-2024"
source: "{PUBLISHER}"
written: "{DATE_ISO}"
data_sources:
  - name: "U.S. International Trade Commission (USITC) DataWeb, Total Exports, FAS Value, HTS 2-digit, all countries (file usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv)"
    url: "https://dataweb.usitc.gov"
    vintage: "downloaded 2025-08-07"
units: "Millions of U.S. dollars, nominal, F.A.S. (free alongside ship) value; rank among all partner countries in the DataWeb query."
period: "2020-2024 (calendar years)"
notes: "HS chapter 03: fish and crustaceans, molluscs and other aquatic invertebrates (fresh, chilled, frozen, dried or salted; not canned). The ten partners that bought most in 2024; a partner's rank counts every country in the query, so it can exceed 10 in earlier years."
columns:
  us_exports_hs03_usd_millions: {{label: "US exports of HS 03", unit: "US$ m"}}
  rank_among_partners: {{label: "Rank among partners", unit: ""}}
"""
    src = [name]
    p = partners
    q.add("table_lookup", f"What were US exports of fish and seafood (HS 03) to {p[2]} in 2021?",
          money_mn(val[(p[2], 2021)]), src)  # fmt: skip
    q.add("table_lookup", f"How much HS chapter 03 product did the US export to {p[4]} in 2023?",
          money_mn(val[(p[4], 2023)]), src)  # fmt: skip
    q.add("table_lookup", f"What were US exports of HS 03 goods to {p[0]} in 2020?", money_mn(val[(p[0], 2020)]), src)
    q.add("comparison", "Which country was the largest market for US fish and seafood exports in 2022?",
          [rank[2022][0]], src)  # fmt: skip
    q.add("comparison", "Which partner ranked third for US exports of HS 03 in 2024?", [rank[2024][2]], src)
    q.add("computed", f"By what percentage did US fish and seafood exports to {p[1]} change from 2023 to 2024?",
          change_forms(pct_of(num(val[(p[1], 2024)]), num(val[(p[1], 2023)]))), src)  # fmt: skip
    q.add("date_definition", "What does HS chapter 03 cover in the US seafood export table?", ["fish and crustaceans"],
          src)  # fmt: skip
    q.add("unanswerable", f"How much fish did the US import from {p[3]} in 2022?", [], src)
    return name, "\n".join(lines) + "\n", side


def canada_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    """D4. PDF: US-Canada trade by month and mode, 2014 (BTS TransBorder monthly by mode)."""
    name = "us-canada-trade-by-month-and-mode-2014.pdf"
    modes = ["Truck", "Rail", "Pipeline", "Vessel", "Air"]
    v: dict[tuple[str, str, int], float] = {}
    for r in rows(data, "bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv"):
        if r["Country"] == "Canada" and r["Year"] == "2014" and r["Mode"] in modes:
            v[(r["Mode"], r["TradeType"], int(r["Month"]) - 1)] = float(r["TradeValue"])
    m = {k: mn1(x / 1e6) for k, x in v.items()}  # US$ million, one decimal

    def yr(mode: str, t: str) -> float:
        return sum(num(m[(mode, t, k)]) for k in range(12))

    ys = {(mode, t): mn1(yr(mode, t)) for mode in modes for t in ("Export", "Import")}
    top_imp = max(modes, key=lambda md: yr(md, "Import"))
    second_imp = sorted(modes, key=lambda md: -yr(md, "Import"))[1]
    pipe_hi = max(range(12), key=lambda k: v[("Pipeline", "Import", k)])
    title = "US–Canada trade by month and mode of transport, 2014"
    running = f"{PUBLISHER} · US–Canada trade by mode 2014 · BTS TransBorder, US$ million"
    page1 = [
        ("h", title),
        (
            "p",
            "Trucks carry most of the goods that cross the US–Canada border, but pipelines carry a large share of "
            "what the United States buys from Canada, because crude oil and natural gas move through them. This "
            "report uses the Bureau of Transportation Statistics (BTS) North American TransBorder Freight Data: US "
            "exports to and imports from Canada by mode, millions of US dollars, nominal, monthly for 2014. Annual "
            "figures by mode are our sums of the months; mail, foreign trade zones and other or unknown modes are "
            "left out.",
        ),
        ("h2", "Trucks and pipelines"),
        (
            "p",
            f"In January 2014 the United States exported US${m[('Truck', 'Export', 0)]} million of goods to Canada "
            f"by truck and US${m[('Rail', 'Export', 0)]} million by rail, while it imported "
            f"US${m[('Pipeline', 'Import', 0)]} million by pipeline and US${m[('Truck', 'Import', 0)]} million by "
            f"truck, according to BTS. Pipeline imports were highest in {MONTHS[pipe_hi]} 2014, at "
            f"US${m[('Pipeline', 'Import', pipe_hi)]} million, and US${m[('Pipeline', 'Import', 11)]} million in "
            "December.",
        ),
        (
            "p",
            f"Over the year {top_imp.lower()} was the largest mode for US imports from Canada "
            f"(US${ys[(top_imp, 'Import')]} million), ahead of {second_imp.lower()} "
            f"(US${ys[(second_imp, 'Import')]} million). US exports to Canada by truck came to "
            f"US${ys[('Truck', 'Export')]} million.",
        ),
        ("h2", "The year by mode"),
        (
            "table",
            [["Mode", "Exports", "Imports"]] + [[md, ys[(md, "Export")], ys[(md, "Import")]] for md in modes],
        ),
        (
            "table_caption",
            "Table 2. US trade with Canada by mode, 2014 (US$ million; our sums of the months in Table 1)",
        ),
    ]
    page2 = [
        ("h2", "Month by month"),
        (
            "table_caption",
            "Table 1. US imports from Canada by month and mode, 2014 (US$ million)",
        ),
        (
            "table",
            [["Month", *modes]] + [[MONTHS[k], *(m[(md, "Import", k)] for md in modes)] for k in range(12)],
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Canada trade by "
            "month and mode, January to December 2014 (raw data downloaded 2026-03-21, aggregated by the "
            f"University of North Texas for TxDOT; file bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv), "
            f"{BTS_URL}",
        ),
    ]
    src = [name]
    q.add("table_lookup", "How much did the US import from Canada by rail in May 2014?", money_mn(m[("Rail", "Import", 4)]),
          src)  # fmt: skip
    q.add("table_lookup", "What were US exports to Canada by air in 2014?", money_mn(ys[("Air", "Export")]), src)
    q.add("table_lookup", "What were US imports from Canada by vessel in August 2014?",
          money_mn(m[("Vessel", "Import", 7)]), src)  # fmt: skip
    q.add("article_fact", "How much did the US export to Canada by truck in January 2014?",
          money_mn(m[("Truck", "Export", 0)]), src)  # fmt: skip
    q.add("comparison", "Which mode of transport carried the most US imports from Canada in 2014?", [top_imp], src)
    q.add("comparison", "In which month of 2014 were US pipeline imports from Canada highest?", [MONTHS[pipe_hi]], src)
    q.add("computed", "By how much did US pipeline imports from Canada change from January to December 2014?",
          money_mn(mn1(abs(num(m[("Pipeline", "Import", 11)]) - num(m[("Pipeline", "Import", 0)])))), src)  # fmt: skip
    q.add("follow_up", "And by pipeline?", money_mn(ys[("Pipeline", "Export")]), src,
          history=["What were US exports to Canada by rail in 2014?"])  # fmt: skip
    q.add("date_definition", "When were the TransBorder raw data behind the 2014 US–Canada report downloaded?",
          ["2026-03-21", "21 March 2026"], src)  # fmt: skip
    q.add("unanswerable", "How many barrels of crude oil did the US import from Canada by pipeline in 2014?", [], src)
    return name, title, running, [page1, page2]


# =============================================================================================
# TEST documents
# =============================================================================================


def states_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    """T1. DOCX: six Mexican states' exports, real wages and FDI components, 2016-2018 (state panel)."""
    name = "mexican-border-and-bajio-states-exports-wages-fdi-2016-2018.docx"
    keys = {"Chihuahua": "Chihuahua", "Coahuila": "Coahuila", "Nuevo Leon": "Nuevo León", "Tamaulipas": "Tamaulipas",
            "Queretaro": "Querétaro", "San Luis Potosi": "San Luis Potosí"}  # fmt: skip
    years = [2016, 2017, 2018]
    p, allx = state_panel(data, keys, years)
    st = list(keys.values())

    def ex(s: str, y: int) -> str:  # thousand USD -> US$ billion
        return f"{float(p[(s, y)]['exports_thousand_usd']) / 1e6:,.2f}"

    def wage(s: str, y: int) -> str:
        return f"{float(p[(s, y)]['real_wage']):.2f}"

    def comp(s: str, y: int, k: str) -> str:
        return f"{float(p[(s, y)][k]):,.1f}"

    nat = {y: f"{allx[y] / 1e6:,.2f}" for y in years}
    top18 = max(st, key=lambda s: num(ex(s, 2018)))
    wage_hi17 = max(st, key=lambda s: float(p[(s, 2017)]["real_wage"]))
    chi_share = num(ex("Chihuahua", 2018)) / num(nat[2018]) * 100
    title = "Six Mexican states before the USMCA: exports, real wages and new investment, 2016–2018"
    paragraphs = [
        (
            "p",
            "Between the renegotiation of NAFTA, launched in August 2017, and the signing of the USMCA in November "
            "2018, the northern and Bajío states kept exporting more. This note compares six of them: Chihuahua, "
            "Coahuila, Nuevo León and Tamaulipas on the border, and Querétaro and San Luis Potosí in the centre.",
        ),
        ("h1", "Exports"),
        (
            "p",
            f"Chihuahua exported US${ex('Chihuahua', 2018)} billion of goods in 2018, Coahuila "
            f"US${ex('Coahuila', 2018)} billion and Nuevo León US${ex('Nuevo León', 2018)} billion, according to "
            f"INEGI. {top18} was the largest exporter of the six in 2018. Mexico's 32 states together exported "
            f"US${nat[2018]} billion that year (our sum of the state figures), so Chihuahua alone accounted for "
            f"{chi_share:.1f}% of the national total. In 2016 Tamaulipas exported US${ex('Tamaulipas', 2016)} billion.",
        ),
        ("h1", "Wages and investment"),
        (
            "p",
            f"Real wages were highest in {wage_hi17} in 2017 ({wage(wage_hi17, 2017)} pesos), against "
            f"{wage('Chihuahua', 2017)} pesos in Chihuahua. Reinvested profits in Nuevo León reached "
            f"US${comp('Nuevo León', 2018, 'reinv_profits')} million in 2018, while new investment in Coahuila came "
            f"to US${comp('Coahuila', 2018, 'new_fdi')} million. A real wage here is the average wage in Mexican "
            "pesos at 2018 prices; new investment is FDI that is not reinvested profits or intercompany accounts.",
        ),
        ("h1", "The figures"),
        (
            "table",
            [
                [
                    "State",
                    "Exports 2016",
                    "Exports 2017",
                    "Exports 2018",
                    "Real wage 2016",
                    "Real wage 2017",
                    "Real wage 2018",
                ]
            ]  # fmt: skip
            + [[s, ex(s, 2016), ex(s, 2017), ex(s, 2018), wage(s, 2016), wage(s, 2017), wage(s, 2018)] for s in st],
        ),
        ("table_caption", "Table 1. State exports (US$ billion) and real wages (MXN at 2018 prices), 2016–2018"),
        (
            "table",
            [
                [
                    "State",
                    "New investment 2017",
                    "Reinvested profits 2017",
                    "New investment 2018",
                    "Reinvested profits 2018",
                ]
            ]  # fmt: skip
            + [
                [
                    s,
                    comp(s, 2017, "new_fdi"),
                    comp(s, 2017, "reinv_profits"),
                    comp(s, 2018, "new_fdi"),
                    comp(s, 2018, "reinv_profits"),
                ]
                for s in st
            ],  # fmt: skip
        ),
        ("table_caption", "Table 2. FDI components by state, US$ million, 2017–2018"),
        ("h1", "Sources"),
        (
            "p",
            "State panel of FDI, exports and wages, 2006–2022 (file mx_state_panel_fdi_exports_wages_2006_2022.csv), "
            "compiled for a university nearshoring course from INEGI (BIE), INEGI (ENOE) and Banxico; FDI "
            "components as published by the Secretaría de Economía. Exports are state exports reported by INEGI.",
        ),
    ]
    src = [name]
    q.add("table_lookup", "What were San Luis Potosí's exports in 2017?", money_bn(ex("San Luis Potosí", 2017)), src)
    q.add("table_lookup", "What was the real wage in Querétaro in 2018?", [wage("Querétaro", 2018)], src)
    q.add("table_lookup", "How much new investment did Tamaulipas receive in 2017?",
          money_mn(comp("Tamaulipas", 2017, "new_fdi")), src)  # fmt: skip
    q.add("article_fact", "How much did Coahuila export in 2018?", money_bn(ex("Coahuila", 2018)), src)
    q.add("article_fact", "What were Mexico's total state exports in 2018?", money_bn(nat[2018]), src)
    q.add("comparison", "Which of the six states exported the most in 2018?", [top18], src)
    q.add("comparison", "Which of the six states had the highest real wage in 2017?", [wage_hi17], src)
    q.add("computed", "By what percentage did Nuevo León's exports change from 2016 to 2018?",
          change_forms(pct_of(num(ex("Nuevo León", 2018)), num(ex("Nuevo León", 2016)))), src)  # fmt: skip
    q.add("follow_up", "And in 2018?", [wage("Chihuahua", 2018)], src,
          history=["What was the real wage in Chihuahua in 2016?"])  # fmt: skip
    q.add("date_definition", "In what prices are the real wages of the six Mexican states expressed?", ["2018 prices"],
          src)  # fmt: skip
    q.add("unanswerable", "What was the minimum wage in Tamaulipas in 2017?", [], src)
    return name, title, paragraphs


def mideast_md(data: Path, q: Questions) -> tuple[str, str]:
    """T2. MD: US goods trade with six Middle East partners, 2011, 2013 and 2014 (Census annual)."""
    name = "us-trade-with-middle-east-partners-2011-2014.md"
    partners = ["Saudi Arabia", "United Arab Emirates", "Israel", "Turkey", "Egypt", "Qatar"]
    years = [2011, 2013, 2014]
    t: dict[tuple[str, int], dict] = {}
    world: dict[int, dict] = {}
    keys = ("exports_musd", "imports_musd", "total_trade_musd", "balance_musd")
    for r in rows(data, "census_us_goods_trade_by_country_annual_1985_2024h1.csv"):
        if int(r["year"]) in years:
            if r["country"] in partners and r["is_aggregate"] == "False":
                t[(r["country"], int(r["year"]))] = {k: float(r[k]) for k in keys}
            if r["country"] == "World, Not Seasonally Adjusted":
                world[int(r["year"])] = {k: float(r[k]) for k in keys}
    assert len(t) == len(partners) * len(years)

    def f(pn: str, y: int, k: str) -> str:
        return mn1(t[(pn, y)][k])

    rank14 = sorted(partners, key=lambda pn: -t[(pn, 2014)]["total_trade_musd"])
    surplus13 = max(partners, key=lambda pn: t[(pn, 2013)]["balance_musd"])
    exp_top11 = max(partners, key=lambda pn: t[(pn, 2011)]["exports_musd"])
    six_imp = {y: sum(num(f(pn, y, "imports_musd")) for pn in partners) for y in years}
    share14 = six_imp[2014] / world[2014]["imports_musd"] * 100
    text = (
        f"""---
title: "Saudi Arabia, the UAE, Israel, Turkey, Egypt and Qatar: US goods trade with six Middle East partners, 2011–2014"
source: "{PUBLISHER}"
written: {DATE_ISO}
data_sources:
  - name: "U.S. Census Bureau, Foreign Trade Division, Trade in Goods by Country (country.xlsx; file census_us_goods_trade_by_country_annual_1985_2024h1.csv)"
    url: "{CENSUS_URL}"
    vintage: "after the June 2024 annual revision"
period: "2011, 2013 and 2014 (calendar years)"
author: "{PUBLISHER}"
---
# US goods trade with six Middle East partners, 2011–2014

The shale boom cut US oil imports in the early 2010s, and the change shows in trade with the Gulf.
This note uses the U.S. Census Bureau's goods trade by country: US exports (total exports, F.A.S.
value) and US imports (general imports, customs value), millions of US dollars, Census basis. The
balance is exports minus imports; a positive balance is a US surplus.

## Oil and aircraft

In 2011 the United States imported US${f("Saudi Arabia", 2011, "imports_musd")} million of goods from Saudi Arabia and
exported US${f("Saudi Arabia", 2011, "exports_musd")} million to it, while exports to the United Arab Emirates reached
US${f("United Arab Emirates", 2011, "exports_musd")} million against imports of only
US${f("United Arab Emirates", 2011, "imports_musd")} million, according to the Census Bureau. {exp_top11} was the
largest market for US goods among the six that year. By 2014 imports from Saudi Arabia had fallen to
US${f("Saudi Arabia", 2014, "imports_musd")} million.

## The six and the world

Added together, US imports from the six partners came to US${mn1(six_imp[2014])} million in 2014 (our
sum), {share14:.1f}% of total US goods imports of US${mn1(world[2014]["imports_musd"])} million that year. The
largest US surplus among the six in 2013 was with {surplus13}, at US${f(surplus13, 2013, "balance_musd")} million,
while trade with Israel was in deficit by US${f("Israel", 2013, "balance_musd").lstrip("-")} million.

| Partner | 2011 | 2013 | 2014 |
|---|---:|---:|---:|
"""
        + "".join(f"| {pn} | {' | '.join(f(pn, y, 'total_trade_musd') for y in years)} |\n" for pn in partners)
        + """
*Table 1. Total US goods trade (exports plus imports) by partner, US$ million, Census basis.*

| Partner | Exports 2014 | Imports 2014 | Balance 2014 |
|---|---:|---:|---:|
"""
        + "".join(
            f"| {pn} | {f(pn, 2014, 'exports_musd')} | {f(pn, 2014, 'imports_musd')} | {f(pn, 2014, 'balance_musd')} |\n"
            for pn in partners
        )
        + f"""
*Table 2. US goods exports, imports and balance by partner, 2014, US$ million (balance = exports minus imports).*

## Sources

U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", annual totals, 2011, 2013
and 2014, {CENSUS_URL}
"""
    )
    src = [name]
    q.add("table_lookup", "What was total US goods trade with Qatar in 2013?", money_mn(f("Qatar", 2013, "total_trade_musd")),
          src)  # fmt: skip
    q.add(
        "table_lookup",
        "How much did the US export to Turkey in 2014?",
        money_mn(f("Turkey", 2014, "exports_musd")),
        src,
    )
    q.add("table_lookup", "What was the US trade balance with Egypt in 2014?", money_mn(f("Egypt", 2014, "balance_musd")),
          src)  # fmt: skip
    q.add("article_fact", "How much did the US import from Saudi Arabia in 2011?",
          money_mn(f("Saudi Arabia", 2011, "imports_musd")), src)  # fmt: skip
    q.add("comparison", "Which of the six Middle East partners had the largest total trade with the US in 2014?",
          [rank14[0]], src)  # fmt: skip
    q.add("comparison", "With which of the six partners did the US have its largest goods surplus in 2013?",
          [surplus13], src)  # fmt: skip
    q.add("computed", "By what percentage did total US trade with Israel change from 2011 to 2014?",
          change_forms(pct_of(num(f("Israel", 2014, "total_trade_musd")), num(f("Israel", 2011, "total_trade_musd")))),
          src)  # fmt: skip
    q.add("follow_up", "And imports from it?", money_mn(f("United Arab Emirates", 2014, "imports_musd")), src,
          history=["How much did the US export to the United Arab Emirates in 2014?"])  # fmt: skip
    q.add("date_definition", "What does a positive balance mean in the Census trade figures for the Middle East partners?",
          ["US surplus"], src)  # fmt: skip
    q.add("unanswerable", "How much did the US export to Kuwait in 2014?", [], src)
    return name, text


def ports_modes_txt(data: Path, q: Questions) -> tuple[str, str]:
    """T3. TXT: Texas ports' trade with Mexico by truck and rail, 2016-2017 (BTS port-level annual)."""
    name = "texas-ports-truck-and-rail-trade-2016-2017.txt"
    years = [2016, 2017]
    v: dict[tuple[str, str, str, int], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_texas_mexico_ports_annual_1993_2025.csv"):
        if int(r["Year"]) in years and r["Mode"] in ("Truck", "Rail"):
            v[(r["Port"], r["Mode"], r["TradeType"], int(r["Year"]))] += float(r["TradeValue"])
    b = {k: f"{x / 1e9:,.2f}" for k, x in v.items()}
    rail_ports = ["Laredo", "Eagle Pass", "El Paso", "Brownsville"]
    truck_ports = ["Laredo", "El Paso", "Hidalgo/Pharr", "Brownsville", "Eagle Pass", "Del Rio"]

    def g(p: str, md: str, t: str, y: int) -> str:
        return b.get((p, md, t, y), "0.00")

    rail_imp_rank = sorted(rail_ports, key=lambda p: -v[(p, "Rail", "Import", 2017)])
    truck_exp_rank = sorted(truck_ports, key=lambda p: -v[(p, "Truck", "Export", 2016)])
    lines = [
        "Trucks and trains: US trade with Mexico through Texas ports by mode, 2016-2017",
        f"Publisher: {PUBLISHER}",
        f"Date: {DATE_LONG}",
        "Data: Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data, Texas-Mexico "
        "ports of entry by mode, annual (raw data downloaded 2026-03-21, aggregated by the University of North "
        "Texas for TxDOT; file bts_transborder_texas_mexico_ports_annual_1993_2025.csv), years 2016 and 2017",
        "Units: billions of US dollars, nominal",
        "",
        "SUMMARY",
        "",
        wrap(
            "Most freight between Texas and Mexico moves by truck, but at Eagle Pass the railway carries more of "
            "the imports than the road. Values are US exports to and imports from Mexico through each port, by "
            "truck and by rail; air, vessel, pipeline and other modes are left out."
        ),
        "",
        "RAIL",
        "",
        wrap(
            f"In 2017 Eagle Pass handled US${g('Eagle Pass', 'Rail', 'Import', 2017)} billion of rail imports from "
            f"Mexico and Laredo US${g('Laredo', 'Rail', 'Import', 2017)} billion, according to BTS; by truck Eagle Pass "
            f"imported US${g('Eagle Pass', 'Truck', 'Import', 2017)} billion. {rail_imp_rank[0]} led the Texas ports for "
            f"rail imports that year. El Paso exported US${g('El Paso', 'Rail', 'Export', 2016)} billion by rail in 2016."
        ),
        "",
        "TRUCK",
        "",
        wrap(
            f"Laredo's truck exports to Mexico were US${g('Laredo', 'Truck', 'Export', 2016)} billion in 2016 and "
            f"US${g('Laredo', 'Truck', 'Export', 2017)} billion in 2017, while Hidalgo/Pharr imported "
            f"US${g('Hidalgo/Pharr', 'Truck', 'Import', 2017)} billion by truck in 2017. Hidalgo/Pharr, at the "
            "Pharr-Reynosa bridge, handles much of the produce that crosses from Mexico."
        ),
        "",
    ]
    head = f"{'Port':<15}" + "".join(f"{h:>14}" for h in ("Exp 2016", "Exp 2017", "Imp 2016", "Imp 2017"))
    lines += [head, "-" * len(head)]
    lines += [f"{p:<15}" + "".join(f"{g(p, 'Truck', t, y):>14}" for t in ("Export", "Import") for y in years)
              for p in truck_ports]  # fmt: skip
    lines += ["Table 1. US trade with Mexico by truck, by Texas port, 2016-2017 (US$ billion; exports and imports)", ""]
    lines += [head, "-" * len(head)]
    lines += [f"{p:<15}" + "".join(f"{g(p, 'Rail', t, y):>14}" for t in ("Export", "Import") for y in years)
              for p in rail_ports]  # fmt: skip
    lines += ["Table 2. US trade with Mexico by rail, by Texas port, 2016-2017 (US$ billion; exports and imports)", ""]
    lines += [
        "SOURCES",
        "",
        wrap(
            f"Bureau of Transportation Statistics, North American TransBorder Freight Data, port-level annual series, {BTS_URL}"
        ),
        "",
    ]
    src = [name]
    q.add("table_lookup", "How much did the US export to Mexico by truck through Del Rio in 2017?",
          money_bn(g("Del Rio", "Truck", "Export", 2017)), src)  # fmt: skip
    q.add("table_lookup", "What were US rail imports from Mexico through Brownsville in 2016?",
          money_bn(g("Brownsville", "Rail", "Import", 2016)), src)  # fmt: skip
    q.add("table_lookup", "What were truck imports from Mexico through El Paso in 2016?",
          money_bn(g("El Paso", "Truck", "Import", 2016)), src)  # fmt: skip
    q.add("article_fact", "How much did Eagle Pass import from Mexico by rail in 2017?",
          money_bn(g("Eagle Pass", "Rail", "Import", 2017)), src)  # fmt: skip
    q.add("comparison", "Which Texas port handled the second-largest US truck exports to Mexico in 2016?",
          [truck_exp_rank[1]], src)  # fmt: skip
    q.add("computed", "By how much did Laredo's truck exports to Mexico change from 2016 to 2017?",
          money_bn(f"{abs(num(g('Laredo', 'Truck', 'Export', 2017)) - num(g('Laredo', 'Truck', 'Export', 2016))):,.2f}"),
          src)  # fmt: skip
    q.add("follow_up", "And in 2017?", money_bn(g("Laredo", "Rail", "Export", 2017)), src,
          history=["How much did the US export to Mexico by rail through Laredo in 2016?"])  # fmt: skip
    q.add("unanswerable", "How much did the US import from Mexico by air through Laredo in 2017?", [], src)
    return name, "\n".join(lines)


def fdi_quarters_html(data: Path, q: Questions) -> tuple[str, str]:
    """T4. HTML: FDI in six Mexican states by quarter, 2001-2002 (Secretaría de Economía)."""
    name = "mexico-fdi-by-state-and-quarter-2001-2002.html"
    st = ["Ciudad de México", "Nuevo León", "Estado de México", "Chihuahua", "Baja California", "Jalisco"]
    years = [2001, 2002]
    f: dict[tuple[str, int, int], float] = {}
    nat: dict[tuple[int, int], float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        y = int(r["year"])
        if y in years:
            nat[(y, int(r["quarter"]) - 1)] += float(r["fdi_musd"])
            if r["entidad"] in st:
                f[(r["entidad"], y, int(r["quarter"]) - 1)] = float(r["fdi_musd"])
    assert len(f) == len(st) * 8
    v = {k: mn1(x) for k, x in f.items()}
    yrs = {(s, y): mn1(sum(num(v[(s, y, k)]) for k in range(4))) for s in st for y in years}
    natq = {k: mn1(x) for k, x in nat.items()}
    naty = {y: mn1(sum(nat[(y, k)] for k in range(4))) for y in years}
    top02 = sorted(st, key=lambda s: -num(yrs[(s, 2002)]))
    q3hi = max(st, key=lambda s: f[(s, 2001, 2)])
    cdmx_share = num(yrs[("Ciudad de México", 2001)]) / num(naty[2001]) * 100
    title = "Foreign direct investment in six Mexican states, quarter by quarter, 2001–2002"
    body = [
        "<p>In 2001 a single deal, Citigroup's purchase of Banamex, pushed Mexico's foreign direct investment to a "
        "record, and because the bank was headquartered in the capital the money was recorded there. This page "
        "uses the Secretaría de Economía's FDI flows by state and quarter, millions of US dollars (May 2018 "
        "vintage). FDI is recorded in the state of the investing company's head office, not where the plant is. "
        "Annual figures and the national totals are our sums of the quarters and of the 32 states.</p>",
        "<h2>The capital and the north</h2>",
        f"<p>Ciudad de México received US${v[('Ciudad de México', 2001, 2)]} million in the third quarter of 2001 "
        f"and US${yrs[('Ciudad de México', 2001)]} million over the year, {cdmx_share:.1f}% of the national total of "
        f"US${naty[2001]} million, according to the Secretaría de Economía. Nuevo León received "
        f"US${yrs[('Nuevo León', 2001)]} million in 2001 and Chihuahua US${yrs[('Chihuahua', 2001)]} million, while "
        f"Baja California's inflow in the first quarter of 2002 was US${v[('Baja California', 2002, 0)]} million.</p>",
        f"<p>In 2002 national FDI came to US${naty[2002]} million. Among the six states, {top02[0]} received the most "
        f"that year and {top02[1]} the second most.</p>",
    ]
    body += html_table(
        "Table 1. FDI by state and quarter, 2001–2002, US$ million (Secretaría de Economía; a negative figure is a "
        "net outflow).",
        ["State", *(f"{y} {k}" for y in years for k in QUARTERS)],
        [[s, *(v[(s, y, k)] for y in years for k in range(4))] for s in st]
        + [["Mexico (32 states)", *(natq[(y, k)] for y in years for k in range(4))]],
    )
    body += html_table(
        "Table 2. FDI by state, 2001 and 2002, US$ million (our sums of the quarters in Table 1).",
        ["State", "2001", "2002"],
        [[s, yrs[(s, 2001)], yrs[(s, 2002)]] for s in st] + [["Mexico (32 states)", naty[2001], naty[2002]]],
    )
    page = html_page(
        title,
        "Mexico",
        body,
        "Secretaría de Economía (DGIE), Inversión extranjera directa por entidad federativa y trimestre, "
        "1999–2017, datos.gob.mx (vintage May 2018; file se_mexico_fdi_by_state_quarterly_1999_2017.csv), "
        "first quarter 2001 to fourth quarter 2002",
    )
    src = [name]
    q.add("table_lookup", "How much FDI did Jalisco receive in the second quarter of 2002?",
          money_mn(v[("Jalisco", 2002, 1)]), src)  # fmt: skip
    q.add("table_lookup", "What was FDI in Estado de México in 2001?", money_mn(yrs[("Estado de México", 2001)]), src)
    q.add(
        "table_lookup", "What was Mexico's national FDI in the fourth quarter of 2001?", money_mn(natq[(2001, 3)]), src
    )
    q.add("article_fact", "How much FDI did Nuevo León receive in 2001?", money_mn(yrs[("Nuevo León", 2001)]), src)
    q.add("article_fact", "What was national FDI in Mexico in 2002?", money_mn(naty[2002]), src)
    q.add("comparison", "Which of the six states received the most FDI in the third quarter of 2001?", [q3hi], src)
    q.add("comparison", "Which of the six states received the second-most FDI in 2002?", [top02[1]], src)
    q.add("computed", "By how much did FDI in Chihuahua change from 2001 to 2002?",
          money_mn(mn1(abs(num(yrs[("Chihuahua", 2002)]) - num(yrs[("Chihuahua", 2001)])))), src)  # fmt: skip
    q.add("follow_up", "And in the third quarter?", money_mn(v[("Baja California", 2002, 2)]), src,
          history=["How much FDI did Baja California receive in the first quarter of 2002?"])  # fmt: skip
    q.add("date_definition", "In which state is FDI recorded in the Secretaría de Economía figures by state?",
          ["head office"], src)  # fmt: skip
    q.add("unanswerable", "How much FDI did Sonora receive from the United States in 2002?", [], src)
    return name, page


# =============================================================================================


def main() -> None:
    q = Questions("fresh2", blank_unanswerable=True)
    dev = [uk_html, crossings_txt, fish_csv, canada_pdf]
    test = [states_docx, mideast_md, ports_modes_txt, fdi_quarters_html]
    write_set(__doc__, q, OUT, PARTS, PUBLISHER, dev, test, after="fresh", others=OTHER_SETS)


if __name__ == "__main__":
    main()
