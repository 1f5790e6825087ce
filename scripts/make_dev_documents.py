"""Write the dev evaluation documents (eval/documents-dev/) and their questions (eval/parts/docdev.jsonl).

    python scripts/make_dev_documents.py [--data ../shared/data/trade]

The held-out documents (eval/documents/) are test only; these dev documents have the same shapes
(a plain-text report with an aligned table, an HTML page with a month table, a DOCX report with a
table by mode, a PDF with a running title and a monthly table, Markdown articles where several
entities share a paragraph) but other partners, ports, states, products and years, so mechanisms
can be tuned on them. Every figure is computed here from ../shared/data/trade/*.csv (see SOURCES.md
there) at generation time, never typed; the script then checks that each expected answer of each
question is stated in the text of the document it cites. The generated files are committed; the
project does not read ../shared at run time or in tests. DOCX and PDF use the writers of
make_eval_documents.py.
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
    MONTHS,
    bn,
    exit_if_bad,
    rows,
    trade_data_argument,
    unstated,
    wrap,
    write_document,
    write_part,
)
from eval_documents import money_bn as money  # noqa: E402

OUT = ROOT / "eval" / "documents-dev"
PARTS = ROOT / "eval" / "parts" / "docdev.jsonl"
PUBLISHER = "nearshore-qa dev set"
DATE_LONG = "30 November 2026"
DATE_ISO = "2026-11-30"
BTS_URL = "https://www.bts.gov/transborder"


def pct(new: float, old: float) -> str:
    return f"{(new - old) / old * 100:.1f}"


class Questions:
    def __init__(self) -> None:
        self.items: list[dict] = []
        self.derived: set[str] = set()  # ids whose figure is computed from stated operands, not stated

    def add(
        self, kind: str, question: str, expected: list[str], sources: list[str], history=None, derived=False
    ) -> None:
        item = {
            "id": f"docdev-{len(self.items) + 1:02d}",
            "question": question,
            "expected": expected,
            "sources": sources if kind != "unanswerable" else [],
            "kind": kind,
        }
        if history:
            item["history"] = history
        item.update({"split": "dev", "set": "docdev"})
        if derived:
            self.derived.add(item["id"])
        self.items.append(item)


# ---------------------------------------------------------------------------------------------
# 1. TXT: Texas–Mexico ports in the 2009 trade collapse (BTS TransBorder, port-level annual)
# ---------------------------------------------------------------------------------------------


def ports_txt(data: Path, q: Questions) -> tuple[str, str]:
    name = "texas-mexico-ports-through-the-2009-slump-2007-2011.txt"
    years = [2007, 2008, 2009, 2010, 2011]
    total: dict[tuple[str, int], float] = defaultdict(float)
    by_mode: dict[tuple[str, int, str], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_texas_mexico_ports_annual_1993_2025.csv"):
        y = int(r["Year"])
        if y in years:
            total[(r["Port"], y)] += float(r["TradeValue"])
            by_mode[(r["Port"], y, r["Mode"])] += float(r["TradeValue"])
    ports = ["Laredo", "El Paso", "Hidalgo/Pharr", "Eagle Pass", "Brownsville", "Del Rio", "Rio Grande City",
             "Progreso", "Roma", "Presidio"]  # fmt: skip
    v = {(p, y): bn(total[(p, y)]) for p in ports for y in years}
    ranked09 = sorted(ports, key=lambda p: -total[(p, 2009)])
    assert ranked09[:2] == ["Laredo", "El Paso"], ranked09
    ep_rail = bn(by_mode[("Eagle Pass", 2009, "Rail")])
    ep_truck = bn(by_mode[("Eagle Pass", 2009, "Truck")])
    sum09 = sum(total[(p, 2009)] for p in ports)
    sum08 = sum(total[(p, 2008)] for p in ports)
    lines = [
        "Texas-Mexico ports through the 2009 slump: Laredo, El Paso, Hidalgo/Pharr and seven smaller crossings, 2007-2011",
        f"Source: {PUBLISHER}. Data: Bureau of Transportation Statistics (BTS), North American TransBorder Freight "
        f"Data, port-level annual series ({BTS_URL}), raw data downloaded 2026-03-21 and aggregated by the "
        "University of North Texas, years 2007-2011",
        f"Date: {DATE_LONG}",
        f"Prepared by: {PUBLISHER}",
        "",
        "SUMMARY",
        "",
        wrap(
            "The recession of 2009 cut US-Mexico trade at every Texas port of entry, and most of them had "
            "recovered by 2011. All values below are US trade with Mexico through each port (US exports plus "
            "US imports, all modes of transport), nominal US dollars, from the BTS TransBorder Freight Data."
        ),
        "",
        "1. THE FALL AND THE RECOVERY",
        "",
        wrap(
            f"Trade through Laredo fell from US${v[('Laredo', 2008)]} billion in 2008 to "
            f"US${v[('Laredo', 2009)]} billion in 2009, a drop of {pct(total[('Laredo', 2009)], total[('Laredo', 2008)]).lstrip('-')}%, "
            f"and climbed back to US${v[('Laredo', 2011)]} billion in 2011. El Paso, the second port, "
            f"handled US${v[('El Paso', 2009)]} billion in 2009 and US${v[('El Paso', 2011)]} billion in 2011."
        ),
        "",
        wrap(
            f"Among the mid-sized ports, Brownsville handled US${v[('Brownsville', 2009)]} billion of trade in 2009, "
            f"Hidalgo/Pharr US${v[('Hidalgo/Pharr', 2009)]} billion, Eagle Pass US${v[('Eagle Pass', 2009)]} billion "
            f"and Del Rio US${v[('Del Rio', 2009)]} billion. Taken together the ten ports in the table carried "
            f"US${bn(sum09)} billion in 2009, against US${bn(sum08)} billion in 2008."
        ),
        "",
        "2. RAIL AT EAGLE PASS",
        "",
        wrap(
            f"Eagle Pass moved more of its trade by train than by truck: in 2009 rail carried US${ep_rail} billion "
            f"of its trade and trucks US${ep_truck} billion, according to the BTS TransBorder Freight Data."
        ),
        "",
        "3. THE TABLE",
        "",
        "Table 1. US-Mexico trade by Texas port of entry, 2007-2011 (US$ billion, exports plus imports, all modes)",
        "",
    ]
    head = f"{'Port':<18}" + "".join(f"{y:>10}" for y in years)
    lines += [head, "-" * len(head)]
    for p in ports:
        lines.append(f"{p:<18}" + "".join(f"{v[(p, y)]:>10}" for y in years))
    lines += [
        "",
        wrap(
            "Note: BTS counted Ysleta as part of El Paso in these years; CBP split Ysleta from El Paso only in "
            "March 2020. Air and vessel freight are included from November 2003, so every year here covers all "
            "modes."
        ),
        "",
        "SOURCES",
        "",
        wrap(
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US-Mexico trade by "
            f"port and mode, annual 2007-2011 ({BTS_URL}; raw data downloaded 2026-03-21, aggregated by the "
            "University of North Texas for TxDOT)."
        ),
        "",
    ]
    src = [name]
    q.add("table_lookup", "How much US-Mexico trade went through Del Rio in 2008?", money(v[("Del Rio", 2008)]), src)
    q.add(
        "table_lookup", "What was the value of trade through the port of Roma in 2010?", money(v[("Roma", 2010)]), src
    )
    q.add(
        "table_lookup",
        "How much trade with Mexico passed through Progreso, Texas in 2011?",
        money(v[("Progreso", 2011)]),
        src,
    )
    q.add("table_lookup", "What was US-Mexico trade through Brownsville in 2007?", money(v[("Brownsville", 2007)]), src)
    q.add("table_lookup", "How much trade crossed at Hidalgo/Pharr in 2011?", money(v[("Hidalgo/Pharr", 2011)]), src)
    q.add(
        "table_lookup",
        "What was the value of US-Mexico trade through Presidio in 2009?",
        money(v[("Presidio", 2009)]),
        src,
    )
    q.add("article_fact", "How much trade did Eagle Pass handle in 2009?", money(v[("Eagle Pass", 2009)]), src)
    q.add("article_fact", "How much of Eagle Pass's 2009 trade was carried by trucks?", money(ep_truck), src)
    q.add("article_fact", "How much trade went through El Paso in 2011?", money(v[("El Paso", 2011)]), src)
    third = ranked09[2]
    q.add("comparison", "Which Texas port handled the third-largest trade with Mexico in 2009?", [third], src)
    q.add(
        "comparison",
        "By what percentage did trade through Laredo fall from 2008 to 2009?",
        [f"{pct(total[('Laredo', 2009)], total[('Laredo', 2008)]).lstrip('-')}%"],
        src,
    )
    smallest = min(ports, key=lambda p: total[(p, 2007)])
    q.add(
        "comparison",
        "Which of the ten Texas ports in the 2007-2011 table had the smallest trade in 2007?",
        [smallest],
        src,
    )
    q.add("date_definition", "When did CBP split Ysleta from El Paso?", ["March 2020"], src)
    q.add("unanswerable", "How much US-Mexico trade went through Nogales, Arizona in 2009?", [], src)
    q.add("unanswerable", "What was the weight of freight through Del Rio in 2010?", [], src)
    return name, "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# 2. TXT: CBP northbound commercial trucks and railcars at Texas ports, 2010–2014 (series definition)
# ---------------------------------------------------------------------------------------------


def crossings_txt(data: Path, q: Questions) -> tuple[str, str]:
    name = "texas-northbound-trucks-and-railcars-2010-2014.txt"
    years = [2010, 2012, 2014]
    c: dict[tuple[str, str, int], int] = defaultdict(int)
    for r in rows(data, "cbp_texas_mexico_northbound_crossings_yearly_2008_2025.csv"):
        y = int(r["Year"])
        if y in years:
            c[(r["POE"], r["Modes"], y)] += int(r["Northbound Crossing"])
    T, R = "Commercial Trucks", "Railcars"
    ports = ["Laredo", "Ysleta", "Hidalgo", "El Paso", "Eagle Pass", "Brownsville", "Del Rio", "Progreso"]
    ports = [p for p in ports if c[(p, T, 2014)] > 0]
    n = {(p, m, y): f"{c[(p, m, y)]:,}" for p in ports for m in (T, R) for y in years}
    rail_ports = [p for p in ports if c[(p, R, 2014)] > 0]
    rail_rank = sorted(rail_ports, key=lambda p: -c[(p, R, 2014)])
    lines = [
        "Northbound trucks and railcars at Texas border ports, 2010-2014",
        f"Source: {PUBLISHER}. Data: U.S. Customs and Border Protection (CBP) northbound crossing counts for the "
        "El Paso, Laredo and Rio Grande Valley field offices, compiled by the University of North Texas for TxDOT "
        "(https://www.cbp.gov), years 2010, 2012 and 2014",
        f"Date: {DATE_LONG}",
        f"Prepared by: {PUBLISHER}",
        "",
        "WHAT THE COUNTS MEASURE",
        "",
        wrap(
            "The series counts vehicles entering the United States from Mexico (northbound only) at Texas ports of "
            "entry, bridge by bridge, in five modes: commercial trucks, buses, passenger vehicles, pedestrians and "
            "bicyclists, and railcars. It does not include the ports of Arizona, California or New Mexico, and it "
            "counts crossings, not the value or weight of the goods carried."
        ),
        "",
        "TRUCKS",
        "",
        wrap(
            f"Laredo counted {n[('Laredo', T, 2014)]} northbound commercial trucks in 2014, up from "
            f"{n[('Laredo', T, 2010)]} in 2010, according to CBP. In the same year Hidalgo counted "
            f"{n[('Hidalgo', T, 2014)]} trucks, Ysleta {n[('Ysleta', T, 2014)]} and El Paso "
            f"{n[('El Paso', T, 2014)]}."
        ),
        "",
        "RAILCARS",
        "",
        wrap(
            f"Only {len(rail_ports)} of these {len(ports)} ports take trains. Laredo counted {n[('Laredo', R, 2014)]} northbound "
            f"railcars in 2014 and Eagle Pass {n[('Eagle Pass', R, 2014)]}; Eagle Pass had counted "
            f"{n[('Eagle Pass', R, 2010)]} in 2010."
        ),
        "",
        "Table 1. Northbound commercial trucks and railcars by Texas port of entry, 2010, 2012 and 2014 (count)",
        "",
    ]
    head = (
        f"{'Port':<13}"
        + "".join(f"{'Trucks ' + str(y):>14}" for y in years)
        + "".join(f"{'Railcars ' + str(y):>15}" for y in years)
    )
    lines += [head, "-" * len(head)]
    for p in ports:
        lines.append(
            f"{p:<13}" + "".join(f"{n[(p, T, y)]:>14}" for y in years) + "".join(f"{n[(p, R, y)]:>15}" for y in years)
        )
    lines += [
        "",
        "SOURCES",
        "",
        wrap(
            "U.S. Customs and Border Protection, northbound crossings by port of entry and mode (El Paso, Laredo "
            "and Rio Grande Valley field offices), yearly 2008-2025, as compiled by the University of North Texas "
            "(CBP-Border-Crossings), https://www.cbp.gov"
        ),
        "",
    ]
    src = [name]
    q.add(
        "table_lookup",
        "How many northbound commercial trucks crossed at Brownsville in 2012?",
        [n[("Brownsville", T, 2012)]],
        src,
    )
    q.add("table_lookup", "How many northbound railcars did El Paso count in 2012?", [n[("El Paso", R, 2012)]], src)
    q.add(
        "table_lookup",
        "How many commercial trucks crossed northbound at Del Rio in 2010?",
        [n[("Del Rio", T, 2010)]],
        src,
    )
    q.add(
        "table_lookup",
        "How many northbound railcars crossed at Brownsville in 2014?",
        [n[("Brownsville", R, 2014)]],
        src,
    )
    q.add(
        "article_fact", "How many northbound commercial trucks did Ysleta count in 2014?", [n[("Ysleta", T, 2014)]], src
    )
    q.add(
        "article_fact", "How many northbound railcars did Eagle Pass count in 2014?", [n[("Eagle Pass", R, 2014)]], src
    )
    q.add("comparison", "Which Texas port counted the second-most northbound railcars in 2014?", [rail_rank[1]], src)
    q.add(
        "comparison",
        "By how many did northbound commercial trucks at Laredo increase from 2010 to 2014?",
        [f"{c[('Laredo', T, 2014)] - c[('Laredo', T, 2010)]:,}"],
        src,
        derived=True,
    )
    q.add(
        "date_definition",
        "Which direction of border crossings do the CBP truck and railcar counts cover?",
        ["northbound"],
        src + ["articles/texas-mexico-commercial-truck-and-rail-crossings.md"],  # the corpus says it too
    )
    q.add("unanswerable", "How many northbound commercial trucks crossed at Laredo in 2013?", [], src)
    q.add("unanswerable", "How many railcars crossed at Calexico, California in 2014?", [], src)
    return name, "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# 3. HTML: US goods imports from Germany by month, 2019–2020 (Census country table)
# ---------------------------------------------------------------------------------------------


def germany_html(data: Path, q: Questions) -> tuple[str, str]:
    name = "us-imports-from-germany-month-by-month-2019-2020.html"
    imp: dict[int, list[float]] = {}
    exp: dict[int, list[float]] = {}
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        if r["CTYNAME"] == "Germany" and int(r["year"]) in (2019, 2020):
            y = int(r["year"])
            imp[y] = [float(r["I" + m[:3].upper()]) for m in MONTHS]
            exp[y] = [float(r["E" + m[:3].upper()]) for m in MONTHS]
            imp_yr, exp_yr = float(r["IYR"]), float(r["EYR"])
            if y == 2020:
                imp20, exp20 = imp_yr, exp_yr
            else:
                imp19 = imp_yr
    assert set(imp) == {2019, 2020}

    def m(x: float) -> str:
        return f"{x:,.1f}"

    def b(x: float) -> str:
        return f"{x / 1000:,.2f}"

    low = min(range(12), key=lambda i: imp[2020][i])
    apr = 3
    assert low == 4, MONTHS[low]  # the prose calls April "the month before" the low
    high_exp = max(range(12), key=lambda i: exp[2020][i])
    paras = [
        "<p>The pandemic spring of 2020 shows up sharply in US goods imports from Germany, the largest European "
        "supplier of the United States. This page uses the U.S. Census Bureau country series (goods, Census basis, "
        "general imports at customs value and total exports at F.A.S. value, not seasonally adjusted, millions of "
        "US dollars).</p>",
        "<h2>The spring drop</h2>",
        f"<p>US imports from Germany fell to US${b(imp[2020][low])} billion in {MONTHS[low]} 2020, against "
        f"US${b(imp[2019][low])} billion in {MONTHS[low]} 2019, according to the U.S. Census Bureau. In "
        f"{MONTHS[apr]} 2020, the month before, they were US${b(imp[2020][apr])} billion, "
        f"{pct(imp[2020][apr], imp[2019][apr]).lstrip('-')}% below {MONTHS[apr]} 2019.</p>",
        "<h2>The year</h2>",
        f"<p>For the whole of 2020 the United States imported US${b(imp20)} billion of goods from Germany, down "
        f"from US${b(imp19)} billion in 2019, and exported US${b(exp20)} billion to Germany.</p>",
    ]
    table1 = ["<table>", "<caption>US goods imports from Germany by month, US$ million (Census basis, not "
              "seasonally adjusted)</caption>", "<thead><tr><th>Month</th><th>2019</th><th>2020</th></tr></thead>",
              "<tbody>"]  # fmt: skip
    for i, mo in enumerate(MONTHS):
        table1.append(f"<tr><td>{mo}</td><td>{m(imp[2019][i])}</td><td>{m(imp[2020][i])}</td></tr>")
    table1 += ["</tbody>", "</table>"]
    table2 = ["<table>", "<caption>US goods exports to Germany by month in 2020, US$ million</caption>",
              "<thead><tr><th>Month</th><th>Exports</th></tr></thead>", "<tbody>"]  # fmt: skip
    for i, mo in enumerate(MONTHS):
        table2.append(f"<tr><td>{mo}</td><td>{m(exp[2020][i])}</td></tr>")
    table2 += ["</tbody>", "</table>"]
    title = "US imports from Germany, month by month, 2019–2020"
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{html.escape(title)} | {PUBLISHER}</title>",
            f'<meta property="og:title" content="{html.escape(title)}: the pandemic spring">',
            f'<meta property="og:site_name" content="{PUBLISHER}">',
            f'<meta name="author" content="{PUBLISHER}">',
            f'<meta name="date" content="{DATE_ISO}">',
            "</head>",
            "<body>",
            '<header><nav><a href="/">Home</a> · <a href="/europe">Europe</a></nav></header>',
            "<main>",
            "<article>",
            f"<h1>{html.escape(title)}: the pandemic spring</h1>",
            f'<p class="byline">By the {PUBLISHER} · Published {DATE_LONG} · 3 min read</p>',
            *paras,
            *table1,
            "<h2>Exports</h2>",
            f"<p>US exports to Germany peaked in {MONTHS[high_exp]} 2020. The table gives each month.</p>",
            *table2,
            "<h2>Sources</h2>",
            '<p>U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" (country.xlsx, vintage after '
            "the June 2024 annual revision), Germany, January 2019 to December 2020, "
            '<a href="https://www.census.gov/foreign-trade/balance/country.xlsx">'
            "https://www.census.gov/foreign-trade/balance/country.xlsx</a></p>",
            "</article>",
            "</main>",
            f"<footer>© {PUBLISHER}</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )
    src = [name]
    q.add(
        "table_lookup",
        "How much did the US import from Germany in March 2019?",
        [m(imp[2019][2])] + money(b(imp[2019][2])),
        src,
    )
    q.add(
        "table_lookup",
        "What were US goods imports from Germany in September 2020?",
        [m(imp[2020][8])] + money(b(imp[2020][8])),
        src,
    )
    q.add(
        "table_lookup",
        "What were US imports from Germany in July 2020?",
        [m(imp[2020][6])] + money(b(imp[2020][6])),
        src,
    )
    q.add(
        "table_lookup",
        "How much did the US export to Germany in November 2020?",
        [m(exp[2020][10])] + money(b(exp[2020][10])),
        src,
    )
    q.add(
        "table_lookup",
        "How much did the US export to Germany in February 2020?",
        [m(exp[2020][1])] + money(b(exp[2020][1])),
        src,
    )
    q.add(
        "article_fact",
        "What were US imports from Germany in April 2020?",
        money(b(imp[2020][apr])) + [m(imp[2020][apr])],
        src,
    )
    q.add("article_fact", "How much did the US export to Germany in 2020 as a whole?", money(b(exp20)), src)
    q.add("comparison", "In which month of 2020 were US imports from Germany lowest?", [MONTHS[low]], src)
    q.add("comparison", "In which month of 2020 did US exports to Germany peak?", [MONTHS[high_exp]], src)
    q.add(
        "follow_up",
        "And in 2019?",
        money(b(imp19)),
        src,
        history=["How much did the US import in goods from Germany in 2020?"],
    )
    q.add("unanswerable", "How much did the US import from Germany in March 2021?", [], src)
    q.add("unanswerable", "How much did the US import from France in April 2020?", [], src)
    return name, page


# ---------------------------------------------------------------------------------------------
# 4. DOCX: US–Mexico trade by mode of transport, 2008 and 2012 (BTS TransBorder, annual by mode)
# ---------------------------------------------------------------------------------------------


def modes_docx(data: Path, q: Questions) -> tuple[str, str, list]:
    name = "us-mexico-trade-by-mode-2008-and-2012.docx"
    v: dict[tuple[str, int, str], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv"):
        if r["Country"] == "Mexico" and int(r["Year"]) in (2008, 2012):
            v[(r["Mode"], int(r["Year"]), r["TradeType"])] += float(r["TradeValue"])
    modes = [("Truck", "Truck"), ("Rail", "Rail"), ("Vessel", "Vessel"), ("Air", "Air"), ("Pipeline", "Pipeline")]

    def tot(mode: str, y: int) -> float:
        return v[(mode, y, "Export")] + v[(mode, y, "Import")]

    all_total = {y: sum(val for (md, yy, _), val in v.items() if yy == y) for y in (2008, 2012)}
    by_total12 = sorted([m for m, _ in modes], key=lambda m: -tot(m, 2012))
    title = "How US–Mexico trade moved in 2008 and 2012: trucks, trains, ships, aircraft and pipelines"
    paragraphs = [
        (
            "p",
            "Before nearshoring became a slogan, trucks already carried most US–Mexico trade. This note compares "
            "2008, the year before the 2009 trade slump, with 2012, using the Bureau of Transportation Statistics "
            "(BTS) TransBorder Freight Data, which record US–Mexico goods trade by mode of transport in nominal "
            "US dollars. The TransBorder series covers trade by truck, rail, pipeline, vessel, air, mail and "
            "foreign trade zones; air and vessel shipments are included only from November 2003.",
        ),
        ("h1", "Rail"),
        (
            "p",
            f"US imports from Mexico by rail were US${bn(v[('Rail', 2012, 'Import')])} billion in 2012, up from "
            f"US${bn(v[('Rail', 2008, 'Import')])} billion in 2008, according to BTS TransBorder Freight Data; US "
            f"exports to Mexico by rail rose from US${bn(v[('Rail', 2008, 'Export')])} billion to "
            f"US${bn(v[('Rail', 2012, 'Export')])} billion.",
        ),
        ("h1", "Vessels and pipelines"),
        (
            "p",
            f"Vessels carried US${bn(tot('Vessel', 2012))} billion of US–Mexico trade in 2012, and pipelines only "
            f"US${bn(tot('Pipeline', 2012))} billion, although pipeline exports to Mexico had grown from "
            f"US${bn(v[('Pipeline', 2008, 'Export')])} billion in 2008. Total US–Mexico trade recorded by BTS was "
            f"US${bn(all_total[2012])} billion in 2012, against US${bn(all_total[2008])} billion in 2008.",
        ),
        ("table_caption", "Table 1. US–Mexico trade by mode of transport, 2008 and 2012 (US$ billion)"),
        (
            "table",
            [["Mode", "Exports 2008", "Imports 2008", "Exports 2012", "Imports 2012"]]
            + [
                [label, *(bn(v[(mode, y, t)]) for y in (2008, 2012) for t in ("Export", "Import"))]
                for mode, label in modes
            ],
        ),
        ("h1", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Mexico trade by mode, "
            f"annual 2008 and 2012 (raw data downloaded 2026-03-21, aggregated by the University of North Texas), "
            f"{BTS_URL}",
        ),
    ]
    src = [name]
    q.add(
        "table_lookup", "What were US exports to Mexico by truck in 2008?", money(bn(v[("Truck", 2008, "Export")])), src
    )
    q.add(
        "table_lookup",
        "What were US imports from Mexico by truck in 2012?",
        money(bn(v[("Truck", 2012, "Import")])),
        src,
    )
    q.add(
        "table_lookup",
        "How much did the US import from Mexico by vessel in 2008?",
        money(bn(v[("Vessel", 2008, "Import")])),
        src,
    )
    q.add("table_lookup", "What were US exports to Mexico by air in 2012?", money(bn(v[("Air", 2012, "Export")])), src)
    q.add(
        "table_lookup",
        "How much did the US import from Mexico by rail in 2008?",
        money(bn(v[("Rail", 2008, "Import")])),
        src,
    )
    q.add(
        "article_fact", "What were US exports to Mexico by rail in 2012?", money(bn(v[("Rail", 2012, "Export")])), src
    )
    q.add(
        "article_fact", "How much US–Mexico trade did pipelines carry in 2012?", money(bn(tot("Pipeline", 2012))), src
    )
    q.add("article_fact", "What was total US–Mexico trade recorded by BTS in 2008?", money(bn(all_total[2008])), src)
    q.add("comparison", "Which mode carried the second-largest share of US–Mexico trade in 2012?", [by_total12[1]], src)
    q.add(
        "comparison",
        "By what percentage did US imports from Mexico by rail grow from 2008 to 2012?",
        [f"{pct(v[('Rail', 2012, 'Import')], v[('Rail', 2008, 'Import')])}%"],
        src,
        derived=True,
    )
    q.add(
        "follow_up",
        "And in 2012?",
        money(bn(v[("Air", 2012, "Import")])),
        src,
        history=["What were US imports from Mexico by air in 2008?"],
    )
    q.add(
        "date_definition",
        "From what month are air and vessel shipments included in the BTS TransBorder data?",
        ["November 2003"],
        src
        + ["texas-mexico-ports-through-the-2009-slump-2007-2011.txt"]
        + [f"articles/{a}.md" for a in ("us-mexico-trade-by-transport-mode-2024", "us-mexico-goods-trade-since-nafta")],
    )
    q.add("unanswerable", "How much US–Mexico trade went by mail in 2010?", [], src)
    return name, title, paragraphs


# ---------------------------------------------------------------------------------------------
# 5. PDF: US–Canada trade by month and mode, 2020 (BTS TransBorder, monthly by mode)
# ---------------------------------------------------------------------------------------------


def canada_pdf(data: Path, q: Questions) -> tuple[str, str, str, list]:
    name = "us-canada-monthly-trade-by-mode-2020.pdf"
    v: dict[tuple[int, str, str], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv"):
        if r["Country"] == "Canada" and int(r["Year"]) == 2020:
            v[(int(r["Month"]), r["Mode"], r["TradeType"])] += float(r["TradeValue"])

    def agg(month: int, mode: str | None = None, trade: str | None = None) -> float:
        return sum(
            val
            for (mo, md, t), val in v.items()
            if mo == month and (mode is None or md == mode) and (trade is None or t == trade)
        )

    cols = [("Exports", None, "Export"), ("Imports", None, "Import"), ("Total", None, None), ("Truck", "Truck", None),
            ("Rail", "Rail", None), ("Pipeline", "Pipeline", None)]  # fmt: skip
    cell = {(mo, label): bn(agg(mo, mode, t)) for mo in range(1, 13) for label, mode, t in cols}
    totals = {mo: agg(mo) for mo in range(1, 13)}
    assert min(totals, key=totals.get) == 4  # the prose calls April the lowest month
    high = max(totals, key=totals.get)
    assert all(agg(mo, trade="Import") > agg(mo, trade="Export") for mo in range(1, 13))
    pipe_low = min(range(1, 13), key=lambda mo: agg(mo, "Pipeline"))
    title = "US–Canada trade month by month in 2020: the April collapse and the autumn recovery"
    running = f"{PUBLISHER} · US–Canada monthly trade 2020"
    intro = [
        ("h", title),
        (
            "p",
            "The pandemic closed the US–Canada border to non-essential travel in March 2020, but freight kept "
            "moving. The monthly BTS TransBorder Freight Data show how deep the spring fall was. Values are US "
            "exports to and imports from Canada by all modes, in nominal US dollars; the series covers truck, rail, "
            "pipeline, vessel, air, mail and foreign trade zone shipments.",
        ),
        ("h2", "April"),
        (
            "p",
            f"US–Canada trade fell to US${bn(totals[4])} billion in April 2020, the lowest month of the year, with "
            f"US exports to Canada of US${cell[(4, 'Exports')]} billion and US imports from Canada of "
            f"US${cell[(4, 'Imports')]} billion, according to BTS TransBorder Freight Data. Trucks carried "
            f"US${cell[(4, 'Truck')]} billion that month and rail US${cell[(4, 'Rail')]} billion.",
        ),
        ("h2", "Pipelines"),
        (
            "p",
            f"Pipeline trade, most of it US imports of Canadian oil and gas, was smallest in "
            f"{MONTHS[pipe_low - 1]}, at US${cell[(pipe_low, 'Pipeline')]} billion, and reached "
            f"US${cell[(12, 'Pipeline')]} billion in December.",
        ),
        ("h2", "Recovery"),
        (
            "p",
            f"The highest month of 2020 was {MONTHS[high - 1]}, at US${cell[(high, 'Total')]} billion; January had "
            f"recorded US${cell[(1, 'Total')]} billion. After the April low, trade recovered to "
            f"US${cell[(10, 'Total')]} billion in October.",
        ),
        ("h2", "Trucks and the trade balance"),
        (
            "p",
            f"Trucks carried {agg(4, 'Truck') / totals[4] * 100:.1f}% of US–Canada trade in April 2020, against "
            f"{agg(1, 'Truck') / totals[1] * 100:.1f}% in January. US imports from Canada exceeded US exports to "
            "Canada in every month of the year, but the gap stayed small beside the size of the trade.",
        ),
        ("h2", "Month by month"),
        ("table_caption", "Table 1. US–Canada trade by month, 2020 (US$ billion)"),
        (
            "table",
            [["Month", *(c[0] for c in cols)]]
            + [[MONTHS[mo - 1], *(cell[(mo, c[0])] for c in cols)] for mo in range(1, 13)],
        ),
        (
            "p",
            "Truck, rail and pipeline are three of the modes; the total also includes vessel, air, mail, foreign "
            "trade zone and other shipments.",
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Canada trade by month "
            "and mode, January–December 2020 (raw data downloaded 2026-03-21, aggregated by the University of North "
            f"Texas; October 2020 was derived by subtraction because BTS has no raw file for that month), {BTS_URL}",
        ),
    ]
    src = [name]
    q.add("table_lookup", "What were US exports to Canada in August 2020?", money(cell[(8, "Exports")]), src)
    q.add("table_lookup", "How much US–Canada trade went by rail in June 2020?", money(cell[(6, "Rail")]), src)
    q.add("table_lookup", "How much US–Canada trade did trucks carry in October 2020?", money(cell[(10, "Truck")]), src)
    q.add("table_lookup", "What were US imports from Canada in February 2020?", money(cell[(2, "Imports")]), src)
    q.add("table_lookup", "How much US–Canada trade went by pipeline in July 2020?", money(cell[(7, "Pipeline")]), src)
    q.add("article_fact", "What were US imports from Canada in April 2020?", money(cell[(4, "Imports")]), src)
    q.add("article_fact", "How much US–Canada trade did rail carry in April 2020?", money(cell[(4, "Rail")]), src)
    q.add("comparison", "In which month of 2020 was US–Canada trade highest?", [MONTHS[high - 1]], src)
    q.add(
        "comparison",
        "How much larger was US–Canada trade in January 2020 than in April 2020?",
        money(bn(totals[1] - totals[4])),
        src,
        derived=True,
    )
    q.add(
        "follow_up",
        "And by pipeline?",
        money(cell[(4, "Pipeline")]),
        src,
        history=["How much US–Canada trade did trucks carry in April 2020?"],
    )
    q.add("date_definition", "What modes of transport does the BTS US–Canada monthly series cover?", ["pipeline"], src)
    q.add("unanswerable", "How much US–Canada trade went by vessel in May 2019?", [], src)
    q.add("unanswerable", "What was the weight of US exports to Canada by truck in March 2020?", [], src)
    return name, title, running, [intro]


# ---------------------------------------------------------------------------------------------
# 6. MD: FDI in Mexico's northern border states, 2004–2006 (Secretaría de Economía)
# ---------------------------------------------------------------------------------------------


def fdi_md(data: Path, q: Questions) -> tuple[str, str]:
    name = "fdi-northern-border-states-2004-2006.md"
    years = [2004, 2005, 2006]
    f: dict[tuple[str, int], float] = defaultdict(float)
    for r in rows(data, "se_mexico_fdi_by_state_quarterly_1999_2017.csv"):
        if int(r["year"]) in years:
            f[(r["entidad"], int(r["year"]))] += float(r["fdi_musd"])
    states_ = ["Nuevo León", "Chihuahua", "Baja California", "Coahuila de Zaragoza", "Sonora", "Tamaulipas"]
    label = {"Coahuila de Zaragoza": "Coahuila"}
    national = {y: sum(val for (e, yy), val in f.items() if yy == y) for y in years}

    def mn(x: float) -> str:
        return f"{x:,.1f}"

    six = {y: sum(f[(s, y)] for s in states_) for y in years}
    rank06 = sorted(states_, key=lambda s: -f[(s, 2006)])
    text = (
        f"""---
title: "FDI in Mexico's northern border states in the mid-2000s, 2004–2006"
source: "{PUBLISHER}"
written: {DATE_ISO}
data_sources:
  - name: "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017"
    url: "https://datos.gob.mx"
    vintage: "May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb)"
period: "2004–2006 (calendar years)"
author: "{PUBLISHER}"
topics: [fdi, mexico, border states, maquiladora]
---
# FDI in Mexico's northern border states, 2004–2006

The six Mexican states on the US border were the first home of export manufacturing. This note uses
the Secretaría de Economía's state series for foreign direct investment (FDI) flows, in millions of
US dollars, as published in May 2018.

## Four states in 2006

Nuevo León received US${mn(f[("Nuevo León", 2006)])} million of FDI in 2006, Chihuahua
US${mn(f[("Chihuahua", 2006)])} million, Baja California US${mn(f[("Baja California", 2006)])} million and
Coahuila US${mn(f[("Coahuila de Zaragoza", 2006)])} million, according to the Secretaría de Economía.
Sonora took in US${mn(f[("Sonora", 2006)])} million and Tamaulipas US${mn(f[("Tamaulipas", 2006)])} million.

## Over three years

Together the six border states received US${mn(six[2004])} million in 2004, US${mn(six[2005])} million in
2005 and US${mn(six[2006])} million in 2006. The national total was US${mn(national[2006])} million in 2006,
so the border states took {six[2006] / national[2006] * 100:.1f}% of it.

| State | 2004 | 2005 | 2006 |
|---|---:|---:|---:|
"""
        + "".join(f"| {label.get(s, s)} | {' | '.join(mn(f[(s, y)]) for y in years)} |\n" for s in states_)
        + f"""| Mexico (32 states) | {" | ".join(mn(national[y]) for y in years)} |

*FDI flows by state, US$ million. Source: Secretaría de Economía, vintage May 2018.*

## Sources

- Secretaría de Economía (Dirección General de Inversión Extranjera), "Inversión extranjera directa" by
  federal entity, quarterly 1999–2017, vintage May 2018, datos.gob.mx resource
  caca107b-ad92-4e2e-b862-3d9b3e4050eb, https://datos.gob.mx
"""
    )
    src = [name]
    q.add(
        "article_fact",
        "How much FDI did Baja California receive in 2006?",
        [f"US${mn(f[('Baja California', 2006)])} million", mn(f[("Baja California", 2006)])],
        src,
    )
    q.add(
        "article_fact",
        "How much foreign direct investment went to Coahuila in 2006?",
        [f"US${mn(f[('Coahuila de Zaragoza', 2006)])} million", mn(f[("Coahuila de Zaragoza", 2006)])],
        src,
    )
    q.add(
        "article_fact",
        "How much FDI did Chihuahua receive in 2006?",
        [f"US${mn(f[('Chihuahua', 2006)])} million", mn(f[("Chihuahua", 2006)])],
        src,
    )
    q.add(
        "article_fact",
        "How much FDI did Tamaulipas receive in 2006?",
        [f"US${mn(f[('Tamaulipas', 2006)])} million", mn(f[("Tamaulipas", 2006)])],
        src,
    )
    q.add(
        "table_lookup",
        "How much FDI did Sonora receive in 2004?",
        [f"US${mn(f[('Sonora', 2004)])} million", mn(f[("Sonora", 2004)])],
        src,
    )
    q.add(
        "table_lookup",
        "What was Chihuahua's FDI in 2005?",
        [f"US${mn(f[('Chihuahua', 2005)])} million", mn(f[("Chihuahua", 2005)])],
        src,
    )
    q.add(
        "table_lookup",
        "How much FDI did Nuevo León receive in 2004?",
        [f"US${mn(f[('Nuevo León', 2004)])} million", mn(f[("Nuevo León", 2004)])],
        src,
    )
    q.add(
        "comparison",
        "Which northern border state received the second-most FDI in 2006?",
        [label.get(rank06[1], rank06[1])],
        src,
    )
    q.add(
        "comparison",
        "Which of the six border states received the least FDI in 2006?",
        [label.get(rank06[-1], rank06[-1])],
        src,
    )
    q.add(
        "follow_up",
        "And in 2005?",
        [f"US${mn(six[2005])} million", mn(six[2005])],
        src,
        history=["How much FDI did the six Mexican border states receive together in 2004?"],
    )
    q.add("unanswerable", "How much FDI did Durango receive in 2006?", [], src)
    q.add("unanswerable", "How much FDI did Sonora receive in 2003?", [], src)
    return name, text


# ---------------------------------------------------------------------------------------------
# 7. MD: US exports to China by product, 2020–2024 (USITC DataWeb, HS-2)
# ---------------------------------------------------------------------------------------------


def china_md(data: Path, q: Questions) -> tuple[str, str]:
    name = "us-exports-to-china-by-product-2020-2024.md"
    years = [2020, 2022, 2024]
    u: dict[str, dict] = {}
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["country"] == "China":
            u[r["hs2"].zfill(2)] = {y: float(r[f"fas_usd_{y}"]) for y in years}
    products = [("12", "Oilseeds (soybeans)"), ("27", "Mineral fuels"), ("85", "Electrical machinery"),
                ("84", "Machinery"), ("88", "Aircraft"), ("90", "Optical and medical instruments"),
                ("30", "Pharmaceuticals"), ("39", "Plastics")]  # fmt: skip
    total = {y: sum(row[y] for row in u.values()) for y in years}
    name_of = dict(products)
    rank24 = sorted(name_of, key=lambda h: -u[h][2024])
    t = {(h, y): bn(u[h][y]) for h, _ in products for y in years}
    text = (
        f"""---
title: "What the United States sells to China: soybeans, fuels, machinery and aircraft, 2020–2024"
source: "{PUBLISHER}"
written: {DATE_ISO}
data_sources:
  - name: "U.S. International Trade Commission (USITC) DataWeb, Total Exports, F.A.S. value, by HTS 2-digit and country"
    url: "https://dataweb.usitc.gov"
    vintage: "downloaded 2025-08-07"
period: "2020, 2022 and 2024 (calendar years)"
author: "{PUBLISHER}"
topics: [trade, china, exports, usitc]
---
# What the United States sells to China, 2020–2024

US exports to China are concentrated in a few chapters of the tariff schedule. This note uses USITC
DataWeb figures for total US exports at F.A.S. value by HS chapter, in nominal US dollars. In all,
US exports to China were US${bn(total[2020])} billion in 2020, US${bn(total[2022])} billion in 2022 and
US${bn(total[2024])} billion in 2024.

## Farm goods and fuels

US exports of oilseeds (HS chapter 12, mostly soybeans) to China were US${t[("12", 2024)]} billion in 2024,
against US${t[("12", 2022)]} billion in 2022, according to USITC DataWeb. Mineral fuels (HS 27) came to
US${t[("27", 2024)]} billion in 2024, and pharmaceuticals (HS 30) to US${t[("30", 2024)]} billion.

## Machines and aircraft

Electrical machinery (HS 85) was US${t[("85", 2024)]} billion in 2024, machinery (HS 84)
US${t[("84", 2024)]} billion, aircraft (HS 88) US${t[("88", 2024)]} billion and optical and medical
instruments (HS 90) US${t[("90", 2024)]} billion. Aircraft exports had been US${t[("88", 2020)]} billion in 2020.

| Product (HS chapter) | 2020 | 2022 | 2024 |
|---|---:|---:|---:|
"""
        + "".join(f"| {label} (HS {h}) | {' | '.join(t[(h, y)] for y in years)} |\n" for h, label in products)
        + """
*US total exports to China by HS chapter, US$ billion, F.A.S. value. Source: USITC DataWeb.*

## Sources

- U.S. International Trade Commission, DataWeb, "Total Exports, FAS Value, HTS 2-digit, all countries",
  annual 2020–2024, downloaded 2025-08-07, https://dataweb.usitc.gov
"""
    )
    src = [name]
    q.add("article_fact", "What were US exports of mineral fuels to China in 2024?", money(t[("27", 2024)]), src)
    q.add("article_fact", "How much machinery (HS 84) did the US export to China in 2024?", money(t[("84", 2024)]), src)
    q.add("article_fact", "What were US aircraft exports to China in 2024?", money(t[("88", 2024)]), src)
    q.add(
        "article_fact", "How much did US pharmaceutical exports to China come to in 2024?", money(t[("30", 2024)]), src
    )
    q.add("table_lookup", "What were US exports of plastics to China in 2022?", money(t[("39", 2022)]), src)
    q.add("table_lookup", "What were US exports of oilseeds to China in 2020?", money(t[("12", 2020)]), src)
    q.add(
        "table_lookup", "How much electrical machinery did the US export to China in 2020?", money(t[("85", 2020)]), src
    )
    q.add(
        "comparison",
        "Which product was the second-largest US export to China in 2024 among the chapters listed?",
        [name_of[rank24[1]].split(" (")[0]],
        src,
    )
    q.add(
        "comparison",
        "By what percentage did total US exports to China change from 2022 to 2024?",
        [f"{pct(total[2024], total[2022]).lstrip('-')}%"],
        src + ["tables/us_exports_top_markets_usitc.csv"],  # the corpus table holds both totals
        derived=True,
    )
    q.add(
        "date_definition",
        "When was the USITC DataWeb data used for US exports to China downloaded?",
        ["2025-08-07", "7 August 2025", "August 7, 2025"],
        src,
    )
    q.add(
        "date_definition",
        "When was the note on US exports to China by product written?",
        ["30 November 2026", "2026-11-30", "November 30, 2026"],
        src,
    )
    q.add("unanswerable", "What were US exports of cotton to China in 2024?", [], src)
    q.add("unanswerable", "How much did the US export to China in aircraft in 2025?", [], src)
    return name, text


def document_text(path: Path, fallback: str) -> str:
    """The text a reader sees: the file itself for text formats, the generator's text for binaries."""
    return path.read_text(encoding="utf-8") if path.suffix in (".md", ".txt", ".html") else fallback


def corpus_text(doc_id: str) -> str:
    """A corpus document's text with its sidecar (a table's title and notes)."""
    path = ROOT / "corpus" / doc_id
    side = path.with_name(path.stem + ".meta.yaml")
    return path.read_text(encoding="utf-8") + (side.read_text(encoding="utf-8") if side.exists() else "")


def main() -> None:
    data = trade_data_argument(__doc__.splitlines()[0])
    OUT.mkdir(parents=True, exist_ok=True)
    q = Questions()
    texts: dict[str, str] = {}
    for make in (ports_txt, crossings_txt, germany_html, fdi_md, china_md, modes_docx, canada_pdf):
        made = make(data, q)
        texts[made[0]] = write_document(OUT, made, PUBLISHER)
    bad = []
    texts_of_corpus: dict[str, str] = {}
    for item in q.items:
        if item["id"] in q.derived:
            continue
        for source in item["sources"]:
            if source not in texts:  # a corpus document stating the same fact also answers it
                texts_of_corpus.setdefault(source, corpus_text(source))
            bad.append(unstated(item, source, texts.get(source) or texts_of_corpus[source]))
    write_part(PARTS, q.items)
    counts: dict[str, int] = defaultdict(int)
    for item in q.items:
        counts[item["kind"]] += 1
    print(f"{len(q.items)} questions -> {PARTS.relative_to(ROOT)}: {dict(counts)}")
    for name in sorted(texts):
        print(f"eval/documents-dev/{name}  {(OUT / name).stat().st_size:,} bytes")
    exit_if_bad(bad)


if __name__ == "__main__":
    main()
