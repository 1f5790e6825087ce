"""Write the tenth fresh evaluation set (eval/documents-fresh10/) and its questions (eval/parts/fresh10.jsonl).

    python scripts/make_fresh10_documents.py [--data ../shared/data/trade]

A prose set, "set": "fresh10", written like fresh9 (articles asked text questions in an analyst's
own words, several entities and measures to a paragraph, comparisons said in words, some questions
typed tersely in lower case), with one small table inside each document and some answers stated
only in a table, in four formats: an HTML page, a PDF report, a plain-text agency report with its
header lines and a Markdown article. It is on facts no other set or the corpus uses, written blind
to how the answerer behaves. Split BY DOCUMENT: the first two documents are the dev part, the last
two the test part (report only). Dev: US imports from China, Mexico and Canada month by month,
2015-2016 (Census; the corpus has only the calendar-year totals of these years, which this set
never states); US-Canada trade by mode of transport, 2011-2013 (BTS; other sets' Canada modes are
2004-2006, 2009-2010, 2014, 2016-2018, 2020 and 2023-2024, the corpus has only all-mode totals).
Test: US surface exports to Coahuila, Sonora, Jalisco, Guanajuato and Durango, 2012-2014 (BTS; the
state-of-destination years of the other sets are 2007-2010, 2015-2021 and, in the corpus, 2022-2025);
US exports of pulp and recovered paper (HS 47) to China, India, Thailand, Indonesia and Malaysia,
2020-2024 (USITC; no other set names the chapter).

The traps of a real reader are written in on purpose: a national total beside the state figures, a
paragraph giving two years of the same entity, rankings stated in prose, a percentage and an amount
in one sentence, and figures stated only relatively ("in the final month of the period", "the same
month a year earlier", "in the last year covered") for questions that name the month or year.

Each part has its answered questions (ids fresh10-NN), some answered only by a table (kind
article_fact, with a ``note`` saying so; the script checks the prose does not state them), and six
near misses written with the documents (ids fresh10-uNN, a ``near`` document and the kind of
``miss``, encoded like fresh9's): an entity and a year both in the document but never paired,
another entity, flow, measure or breakdown, or a why the text never states; the script checks that
the figure each near miss asks for is not stated.

Every figure is computed here from ../shared/data/trade/*.csv when the documents are written,
never typed; sums, shares, ranks and changes are derived and the articles say so. The documents
state no fact beyond the data and its sources: no law, treaty or announcement, no date other than
the periods of the data (and when they were downloaded), and no cause of a change. The checks and
writers are those of eval_documents.py (finish) and make_eval_documents.py (reproducible PDF); the
near misses and the part file are written as fresh7, fresh8 and fresh9 write them.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from eval_documents import (  # noqa: E402
    MON,
    MONTHS,
    QUARTERS,
    mn1,
    mn_forms,
    num,
    pct,
    pct_forms,
    rows,
    wrap_keeping_hyphens,
)
from make_fresh2_documents import html_table  # noqa: E402
from make_fresh3_documents import USITC_URL, byline_page  # noqa: E402
from make_fresh6_documents import growth  # noqa: E402
from make_fresh7_documents import write_split_set  # noqa: E402
from make_fresh9_documents import TableQuestions, falls  # noqa: E402
from make_fresh_documents import BTS_URL, CENSUS_URL  # noqa: E402

from nearshore_qa.evaluation import states  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh10"
PARTS = ROOT / "eval" / "parts" / "fresh10.jsonl"
PUBLISHER = "nearshore-qa"
# This set's publication date (the PDF writer keeps its own fixed metadata date).
DATE_ISO = "2026-12-02"
DATE_LONG = "2 December 2026"
FRED_URL = "https://fred.stlouisfed.org/series/IMPCH"
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]  # fmt: skip


def para(text: str) -> str:
    return wrap_keeping_hyphens(text)


def unstated(text: str, figures: list[str], what: str) -> None:
    """A near miss's figure (or a table-only figure) is stated nowhere in ``text``."""
    said = [f for f in figures if states(text, f)]
    assert not said, f"{what}: {said} stated"


# =============================================================================================
# DEV documents
# =============================================================================================


def three_suppliers_html(data: Path, q: TableQuestions) -> tuple[str, str]:
    """D1. HTML: US imports from China, Mexico and Canada month by month, 2015-2016 (Census monthly, FRED IMPCH)."""
    name = "us-imports-from-china-mexico-and-canada-month-by-month-2015-2016.html"
    years = [2015, 2016]
    cn, mx, ca = three = ["China", "Mexico", "Canada"]
    world = "World, Not Seasonally Adjusted"
    v: dict[tuple[str, int, int], float] = {}
    others: dict[tuple[int, int], float] = defaultdict(float)  # the largest other country, by month
    for r in rows(data, "census_us_goods_trade_by_country_monthly_1985_2024jun.csv"):
        y = int(r["year"])
        if y not in years:
            continue
        c = r["CTYNAME"]
        if c in three or c == world:
            for k, m in enumerate(MON):
                v[(c, y, k)] = float(r["I" + m])
        elif int(r["CTY_CODE"]) >= 1000:  # a country, not an aggregate
            for k, m in enumerate(MON):
                others[(y, k)] = max(others[(y, k)], float(r["I" + m]))
    assert len(v) == 4 * len(years) * 12
    # the Census China row is FRED's IMPCH series, month for month
    fred = {}
    for r in rows(data, "fred_IMPCH_us_imports_from_china_monthly_1985_2025.csv"):
        y, m, _ = r["observation_date"].split("-")
        if int(y) in years:
            fred[(cn, int(y), int(m) - 1)] = float(r["IMPCH"])
    assert all(abs(fred[k] - v[k]) < 0.01 for k in fred) and len(fred) == 24
    m = {k: mn1(x) for k, x in v.items()}
    months = [(y, k) for y in years for k in range(12)]

    def when(y: int, k: int) -> str:
        return f"{MONTHS[k]} {y}"

    # China the largest supplier of any country in every month
    assert all(v[(cn, y, k)] > others[(y, k)] for y, k in months)
    # China: September 2015 the peak of the 24 months, then October and August 2015; March 2016 the low
    top = sorted(months, key=lambda t: -v[(cn, *t)])
    assert top[:3] == [(2015, 8), (2015, 9), (2015, 7)]
    assert min(months, key=lambda t: v[(cn, *t)]) == (2016, 2)
    mar_fall = falls(m[(cn, 2016, 2)], m[(cn, 2015, 2)])
    below = [k for k in range(12) if v[(cn, 2016, k)] < v[(cn, 2015, k)]]
    above = [MONTHS[k] for k in range(12) if k not in below]
    assert len(below) == 9 and above == ["February", "November", "December"]
    half = {(c, y, h): sum(num(m[(c, y, k)]) for k in range(6 * h, 6 * h + 6)) for c in three for y in years
            for h in (0, 1)}  # fmt: skip
    h1_fall = pct((half[(cn, 2015, 0)] - half[(cn, 2016, 0)]) / half[(cn, 2015, 0)] * 100)
    h2_fall = pct((half[(cn, 2015, 1)] - half[(cn, 2016, 1)]) / half[(cn, 2015, 1)] * 100)
    assert float(h2_fall) < float(h1_fall)
    share = {t: pct(num(m[(cn, *t)]) / num(m[(world, *t)]) * 100) for t in [(2015, 8), (2016, 2)]}
    # Mexico and Canada: Canada ahead in seven months of 2015, Mexico in every month of 2016
    mx_ahead = {y: [k for k in range(12) if v[(mx, y, k)] > v[(ca, y, k)]] for y in years}
    assert len(mx_ahead[2015]) == 5 and len(mx_ahead[2016]) == 12
    # Mexico's October 2015 the most either neighbour sold in any month; Canada's best June 2015
    assert max(((c, *t) for c in (mx, ca) for t in months), key=v.get) == (mx, 2015, 9)
    assert max(months, key=lambda t: v[(ca, *t)]) == (2015, 5)
    assert min(months, key=lambda t: v[(ca, *t)]) == (2016, 6)
    qs = {(c, y, k): mn1(sum(num(m[(c, y, 3 * k + i)]) for i in range(3))) for c in three for y in years
          for k in range(4)}  # fmt: skip
    title = "Month by month: US imports from China, Mexico and Canada, 2015–2016"
    prose = [
        "<p>China was the largest single supplier of goods to the United States in every month of 2015 and "
        "2016, but its shipments swung widely from one month to the next, while the two North American "
        "neighbours ran almost level with each other. This article follows US imports from China, Mexico and "
        "Canada month by month through the two years, using the U.S. Census Bureau's figures for general "
        "imports at customs value, in millions of US dollars and not seasonally adjusted. The China series is "
        "the one the Federal Reserve Bank of St. Louis republishes in its FRED database under the code IMPCH. "
        "Quarterly and half-year sums, shares and rates of change are our own calculations from the monthly "
        "figures.</p>",
        "<h2>China: a peak in the autumn, a trough in the spring</h2>",
        f"<p>Imports from China peaked at US${m[(cn, 2015, 8)]} million in September 2015, the largest monthly "
        f"figure of the 24, ahead of October 2015 (US${m[(cn, 2015, 9)]} million) and August 2015 "
        f"(US${m[(cn, 2015, 7)]} million). The low came six months later: in March 2016 the United States "
        f"bought US${m[(cn, 2016, 2)]} million of Chinese goods, {mar_fall} percent less than in March 2015, "
        f"when it had bought US${m[(cn, 2015, 2)]} million (our calculation). In September 2015 China "
        f"supplied {share[(2015, 8)]} percent of the US${m[(world, 2015, 8)]} million of goods the United "
        f"States imported from all countries; in March 2016 its share was {share[(2016, 2)]} percent of "
        f"US${m[(world, 2016, 2)]} million (our shares).</p>",
        f"<p>The weakness lasted most of 2016. Imports from China were lower than in the same month a year "
        f"earlier in nine of the twelve months; only {above[0]}, {above[1]} and {above[2]} beat their 2015 "
        f"level. Over the first half of 2016 they came to US${mn1(half[(cn, 2016, 0)])} million, "
        f"{h1_fall} percent less than the US${mn1(half[(cn, 2015, 0)])} million of the first half of 2015, "
        f"while the second half fell only {h2_fall} percent, to US${mn1(half[(cn, 2016, 1)])} million (our "
        f"sums). In the final month of the period, imports from China stood at US${m[(cn, 2016, 11)]} "
        "million.</p>",
        "<h2>Mexico edges ahead of Canada</h2>",
        f"<p>In 2015 the two neighbours took turns: Canada sold the United States more than Mexico did in "
        f"seven months of the year, Mexico in five. Mexico's best month was October 2015, at "
        f"US${m[(mx, 2015, 9)]} million, the most either neighbour shipped in any month of the two years; in "
        f"October 2016 it sold US${m[(mx, 2016, 9)]} million. In 2016 Mexico was ahead of Canada in every "
        f"single month. Canada's shipments fell back: in June 2016 they came to US${m[(ca, 2016, 5)]} million, "
        f"down from US${m[(ca, 2015, 5)]} million in the same month a year earlier, Canada's highest monthly "
        f"figure of the 24, and in July 2016 they dropped to US${m[(ca, 2016, 6)]} million, its lowest. "
        f"Imports from Mexico that July were US${m[(mx, 2016, 6)]} million.</p>",
    ]
    table = html_table(
        "Table 1. US imports by quarter, 2015–2016, US$ million (our sums of the Census monthly figures).",
        ["Supplier", *(f"{y} {k}" for y in years for k in QUARTERS)],
        [[c, *(qs[(c, y, k)] for y in years for k in range(4))] for c in three],
    )
    page = byline_page(
        title,
        "Trade",
        f"the {PUBLISHER} desk",
        prose + table,
        'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country", monthly imports 2015–2016 '
        "(country.xlsx after the June 2024 annual revision; file census_us_goods_trade_by_country_monthly_1985_"
        f'2024jun.csv), <a href="{CENSUS_URL}">{CENSUS_URL}</a>. The China series as republished by the '
        "Federal Reserve Bank of St. Louis, FRED series IMPCH (file fred_IMPCH_us_imports_from_china_monthly_"
        f'1985_2025.csv), <a href="{FRED_URL}">{FRED_URL}</a>.',
        date_long=DATE_LONG,
        date_iso=DATE_ISO,
    )
    prose_text = "\n".join(prose)
    text = "\n".join(prose + table)
    # near misses: Canada in January 2016 and US exports to China are stated nowhere
    unstated(text, [m[(ca, 2016, 0)]], "Canada January 2016")
    src = [name]
    q.add("article_fact", "What were US imports from China in December 2016?", mn_forms(m[(cn, 2016, 11)]), src)
    q.add("comparison", "which month of 2015-2016 had the biggest imports from china?", ["September 2015"], src)
    q.add("article_fact", "In percentage terms, how far below the March 2015 level were Chinese shipments to the "
          "US in March 2016?", pct_forms(mar_fall), src)  # fmt: skip
    q.add("article_fact", "In how many months of 2016 did America buy less from China than in the same month of "
          "2015?", ["nine", "9"], src)  # fmt: skip
    q.add("comparison", "Which neighbour out-sold the other in the US market in every month of 2016?", [mx], src)
    q.add("article_fact", "What share of total US goods imports did China account for in September 2015?",
          pct_forms(share[(2015, 8)]), src)  # fmt: skip
    q.add("article_fact", "How much did Canada ship to the United States in June 2015?", mn_forms(m[(ca, 2015, 5)]),
          src)  # fmt: skip
    q.table_fact("us imports from canada q2 2016?", mn_forms(qs[(ca, 2016, 1)]), src, prose_text)
    q.add("follow_up", "And a year later?", mn_forms(m[(mx, 2016, 9)]), src,
          history=["How much did the United States import from Mexico in October 2015?"])  # fmt: skip
    q.add("date_definition", "Under which FRED code is the series of US imports from China published?", ["IMPCH"],
          src)  # fmt: skip
    q.miss("How much did the US import from Canada in January 2016?", name, "year")
    q.miss("What were US exports to China in September 2015?", name, "flow")
    q.miss("Why did imports from China slump in March 2016?", name, "words")
    return name, page


def canada_modes_pdf(data: Path, q: TableQuestions) -> tuple[str, str, str, list]:
    """D2. PDF: US-Canada trade by mode of transport, 2011-2013 (BTS TransBorder annual by mode)."""
    name = "us-canada-trade-by-road-rail-pipeline-sea-and-air-2011-2013.pdf"
    years = [2011, 2012, 2013]
    TR, RL, PL, VS, AR = modes = ["Truck", "Rail", "Pipeline", "Vessel", "Air"]
    X, M = "Export", "Import"
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    allm: dict[tuple[str, int], float] = defaultdict(float)
    kinds = set()
    for r in rows(data, "bts_transborder_us_mexico_canada_annual_by_mode_1993_2025.csv"):
        y = int(r["Year"])
        if r["Country"] == "Canada" and y in years:
            allm[(r["TradeType"], y)] += float(r["TradeValue"])
            kinds.add(r["Mode"])
            if r["Mode"] in modes:
                v[(r["Mode"], r["TradeType"], y)] += float(r["TradeValue"])
    # what "all modes" holds besides the five (the article names them)
    assert kinds - set(modes) == {"Mail (U.S. Postal Service)", "Foreign Trade Zones (FTZs)", "Other/Unknown"}
    mm = {k: mn1(x / 1e6) for k, x in v.items()}

    def f(mode: str, flow: str, y: int) -> str:
        return mm[(mode, flow, y)]

    def val(mode: str, flow: str, y: int) -> float:
        return num(f(mode, flow, y))

    # most of the trade by road; trucks first both ways every year; truck exports and imports up every year,
    # exports faster
    assert all(v[(TR, X, y)] + v[(TR, M, y)] > (allm[(X, y)] + allm[(M, y)]) / 2 for y in years)
    assert all(max(modes, key=lambda md: v[(md, fl, y)]) == TR for fl in (X, M) for y in years)
    assert all(v[(TR, fl, y)] < v[(TR, fl, y + 1)] for fl in (X, M) for y in years[:-1])
    assert v[(TR, X, 2013)] / v[(TR, X, 2011)] > v[(TR, M, 2013)] / v[(TR, M, 2011)]
    truck_share = pct(val(TR, X, 2013) / (allm[(X, 2013)] / 1e6) * 100)
    truck_surplus = mn1(val(TR, X, 2013) - val(TR, M, 2013))
    # imports: pipeline second in 2011 and 2013, rail second in 2012
    second = {y: sorted(modes, key=lambda md: -v[(md, M, y)])[1] for y in years}
    assert second == {2011: PL, 2012: RL, 2013: PL}
    assert all(set(sorted(modes, key=lambda md: -v[(md, M, y)])[1:3]) == {RL, PL} for y in years)
    assert v[(PL, M, 2012)] < v[(PL, M, 2011)]
    # the pipeline deficit the largest of any mode's; rail exports up every year, rail second for exports
    gap = {md: v[(md, X, 2013)] - v[(md, M, 2013)] for md in modes}
    assert min(gap, key=gap.get) == PL
    pl_deficit = mn1(val(PL, M, 2013) - val(PL, X, 2013))
    assert all(v[(RL, X, y)] < v[(RL, X, y + 1)] for y in years[:-1])
    assert all(sorted(modes, key=lambda md: -v[(md, X, y)])[1] == RL for y in years)
    # vessel: exports jumped in 2013, imports fell every year; air: exports fell, imports rose every year
    vs_jump = growth(f(VS, X, 2013), f(VS, X, 2012))
    assert v[(VS, X, 2012)] < v[(VS, X, 2011)]
    change13 = {(md, fl): abs(v[(md, fl, 2013)] / v[(md, fl, 2012)] - 1) for md in modes for fl in (X, M)}
    assert max(change13, key=change13.get) == (VS, X)  # "the sharpest change"
    assert all(v[(VS, M, y)] > v[(VS, M, y + 1)] for y in years[:-1])
    shrank = [md for md in modes if all(v[(md, X, y)] > v[(md, X, y + 1)] for y in years[:-1])]
    assert shrank == [AR]
    assert all(v[(AR, M, y)] < v[(AR, M, y + 1)] for y in years[:-1])
    assert gap[AR] > 0 and gap[AR] < v[(AR, X, 2011)] - v[(AR, M, 2011)]  # the air surplus narrowed
    title = "Roads, rails and pipelines: US–Canada trade by mode of transport, 2011–2013"
    running = f"{PUBLISHER} · US–Canada trade by mode, 2011–2013 · BTS TransBorder"
    page1 = [
        ("h", title),
        ("p", f"{PUBLISHER} · {DATE_LONG}"),
        (
            "p",
            "Most of the goods that cross the border between the United States and Canada travel by road, but "
            "railways, pipelines, ships and aircraft each carry a distinct part of the trade, and the mix "
            "shifted between 2011 and 2013. This report uses the Bureau of Transportation Statistics' "
            "TransBorder Freight Data on US trade with Canada by mode of transport, converted to millions of US "
            "dollars. Shares, balances (exports less imports) and rates of change are our own calculations. "
            "The all-modes totals behind the shares also count mail, foreign trade zones and other or unknown "
            "modes, which this report does not discuss separately.",
        ),
        ("h2", "Trucks"),
        (
            "p",
            f"Trucks carried more of the trade than any other mode in both directions in every year. US exports "
            f"to Canada by truck rose from US${f(TR, X, 2011)} million in 2011 to US${f(TR, X, 2012)} million in "
            f"2012 and US${f(TR, X, 2013)} million in 2013, when trucks moved {truck_share} percent of all US "
            f"exports to Canada (our calculation). Truck imports from Canada grew more slowly over the period, to "
            f"US${f(TR, M, 2013)} million in 2013, so the United States ran a surplus of US${truck_surplus} "
            "million in truck freight that year.",
        ),
        ("h2", "Railways and pipelines"),
        (
            "p",
            f"For imports, the contest for second place was between the railways and the pipelines. Pipelines "
            f"brought in US${f(PL, M, 2011)} million of Canadian goods in 2011, more than the "
            f"US${f(RL, M, 2011)} million that came by rail. In 2012 rail imports rose to US${f(RL, M, 2012)} "
            f"million while pipeline imports slipped to US${f(PL, M, 2012)} million, so rail overtook the "
            f"pipelines as the second-largest mode for US imports from Canada. In 2013 the pipelines took second "
            f"place back, narrowly, with US${f(PL, M, 2013)} million against US${f(RL, M, 2013)} million by "
            f"rail. The pipeline trade ran mostly one way: with US exports of only US${f(PL, X, 2013)} million "
            f"by pipeline in 2013, the US deficit in pipeline trade with Canada came to US${pl_deficit} million "
            "that year (our calculation), the largest of any mode. For US exports, rail was the second-largest "
            "mode in every year, and rail exports to Canada grew in each of them.",
        ),
    ]
    page2 = [
        ("h2", "Ships and aircraft"),
        (
            "p",
            f"The sharpest change came at sea. US exports to Canada by vessel, US${f(VS, X, 2011)} million in "
            f"2011 and US${f(VS, X, 2012)} million in 2012, jumped {vs_jump} percent to US${f(VS, X, 2013)} "
            f"million in 2013 (our calculation), while vessel imports from Canada fell in every year, to "
            f"US${f(VS, M, 2013)} million in 2013. Air freight moved the other way: US exports to Canada by air "
            f"shrank in every year, from US${f(AR, X, 2011)} million in 2011 to US${f(AR, X, 2013)} million in "
            f"2013, while imports by air grew in every year, to US${f(AR, M, 2013)} million in 2013, so the US "
            "surplus in air freight narrowed.",
        ),
        ("table_caption", "Table 1. US trade with Canada by mode, 2011 and 2013 (US$ million)"),
        (
            "table",
            [
                ["Mode", "Exports 2011", "Exports 2013", "Imports 2011", "Imports 2013"],
                *([md, f(md, X, 2011), f(md, X, 2013), f(md, M, 2011), f(md, M, 2013)] for md in modes),
            ],
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US trade with Canada "
            "by mode of transport, annual 2011–2013 (raw data downloaded 2026-03-21 and aggregated by the "
            "University of North Texas for TxDOT; file bts_transborder_us_mexico_canada_annual_by_mode_1993_"
            f"2025.csv), {BTS_URL}.",
        ),
    ]
    blocks = page1 + page2
    prose_text = "\n".join(c for k, c in blocks if k in ("p", "h", "h2"))
    text = "\n".join(c if k != "table" else "\n".join(" ".join(r) for r in c) for k, c in blocks)
    # near miss: US exports by air in 2012 are stated nowhere
    unstated(text, [f(AR, X, 2012)], "air exports 2012")
    src = [name]
    q.add("article_fact", "What was the value of US exports hauled to Canada by truck in 2013?",
          mn_forms(f(TR, X, 2013)), src)  # fmt: skip
    q.add("comparison", "Which mode overtook pipelines in 2012 as the second-biggest carrier of Canadian goods into "
          "the US?", ["rail"], src)  # fmt: skip
    q.add("article_fact", "By what percentage did American shipments to Canada by sea climb in 2013?",
          pct_forms(vs_jump), src)  # fmt: skip
    q.add("comparison", "which mode's exports to canada declined every year from 2011 to 2013?", ["air"], src)
    q.table_fact("How much did rail carry from the United States into Canada in 2011?", mn_forms(f(RL, X, 2011)),
                 src, prose_text)  # fmt: skip
    q.add("follow_up", "And two years later?", mn_forms(f(PL, M, 2013)), src,
          history=["What were US pipeline imports from Canada in 2011?"])  # fmt: skip
    q.add("date_definition", "Besides trucks, trains, pipelines, ships and planes, what else is counted in the "
          "all-modes totals of the Canada report?", ["mail", "foreign trade zones"], src)  # fmt: skip
    q.add("article_fact", "what share of american exports to canada went by truck in 2013?", pct_forms(truck_share),
          src)  # fmt: skip
    q.add("article_fact", "How big was the US deficit with Canada in pipeline trade in 2013?", mn_forms(pl_deficit),
          src)  # fmt: skip
    q.miss("What were US exports to Canada by air in 2012?", name, "year")
    q.miss("How much of the US truck freight to Canada in 2013 crossed at Detroit?", name, "breakdown")
    q.miss("Why did US exports to Canada by ship jump in 2013?", name, "words")
    return name, title, running, [page1, page2]


# =============================================================================================
# TEST documents
# =============================================================================================


def five_states_txt(data: Path, q: TableQuestions) -> tuple[str, str]:
    """T1. TXT: US surface exports to Coahuila, Sonora, Jalisco, Guanajuato and Durango, 2012-2014 (BTS)."""
    name = "us-surface-exports-to-coahuila-sonora-jalisco-guanajuato-and-durango-2012-2014.txt"
    years = [2012, 2013, 2014]
    coa, son, jal, gto, dgo = st = ["Coahuila", "Sonora", "Jalisco", "Guanajuato", "Durango"]
    v: dict[tuple[str, str, int], float] = defaultdict(float)
    for r in rows(data, "bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv"):
        y = int(r["Year"])
        if y in years and r["TradeType"] == "Export":
            v[(r["MexState"], "all", y)] += float(r["TradeValue"])
            v[(r["MexState"], r["Mode"], y)] += float(r["TradeValue"])
    every = sorted({s for s, md, _ in v if md == "all"})
    assert len(every) == 31 and "Nayarit" not in every and set(st) <= set(every)  # none recorded for Nayarit
    nat = {y: sum(v[(s, "all", y)] for s in every) for y in years}
    mm = {k: mn1(x / 1e6) for k, x in v.items()}

    def f(s: str, mode: str, y: int) -> str:
        return mm[(s, mode, y)]

    rank = {y: sorted(every, key=lambda s: -v[(s, "all", y)]) for y in years}
    nat_m = {y: mn1(nat[y] / 1e6) for y in years}
    # Chihuahua first every year; Coahuila sixth every year and the largest of the five
    assert all(rank[y][0] == "Chihuahua" for y in years)
    assert all(rank[y].index(coa) == 5 for y in years)
    assert all(max(st, key=lambda s: v[(s, "all", y)]) == coa for y in years)
    assert all(max(st, key=lambda s: v[(s, "Rail", y)]) == coa for y in years)
    # Sonora: rail nearly tripled, trucks dipped in 2013; passed Jalisco in 2014
    assert 2.8 < v[(son, "Rail", 2014)] / v[(son, "Rail", 2012)] < 3
    rail_rise = {s: v[(s, "Rail", 2014)] / v[(s, "Rail", 2012)] for s in st}
    assert max(rail_rise, key=rail_rise.get) == son
    assert v[(son, "Truck", 2013)] < v[(son, "Truck", 2012)] < v[(son, "Truck", 2014)]
    by = {y: sorted(st, key=lambda s: -v[(s, "all", y)]) for y in years}
    assert by[2012][1] == by[2013][1] == jal and by[2014][1] == son
    # Jalisco the only one to fall in 2014, its rail down every year; Guanajuato the fastest riser
    assert [s for s in st if v[(s, "all", 2014)] < v[(s, "all", 2013)]] == [jal]
    assert all(v[(jal, "Rail", y)] > v[(jal, "Rail", y + 1)] for y in years[:-1])
    jal_fall = falls(f(jal, "all", 2014), f(jal, "all", 2013))
    rise = {s: v[(s, "all", 2014)] / v[(s, "all", 2012)] for s in st}
    assert max(rise, key=rise.get) == gto
    gto_rise = growth(f(gto, "all", 2014), f(gto, "all", 2012))
    assert [rank[2014].index(s) + 1 for s in (son, jal, gto)] == [8, 9, 10]
    # Durango the smallest of the five every year and the only one with more by rail than by truck
    assert all(min(st, key=lambda s: v[(s, "all", y)]) == dgo for y in years)
    assert [s for s in st if all(v[(s, "Rail", y)] > v[(s, "Truck", y)] for y in years)] == [dgo]
    assert all(v[(s, "Rail", y)] < v[(s, "Truck", y)] for s in st if s != dgo for y in years)
    assert v[(dgo, "all", 2013)] < v[(dgo, "all", 2012)] < v[(dgo, "all", 2014)]
    five = {y: sum(num(f(s, "all", y)) for s in st) for y in years}
    share14 = pct(five[2014] / num(nat_m[2014]) * 100)
    header = [
        "US SURFACE EXPORTS TO FIVE MEXICAN STATES: COAHUILA, SONORA, JALISCO, GUANAJUATO AND DURANGO, 2012-2014",
        "Source: Bureau of Transportation Statistics (BTS), North American TransBorder Freight Data, US exports to "
        "Mexico by Mexican state of destination",
        f"Date: {DATE_LONG}",
        f"Publisher: {PUBLISHER}",
        "Units: millions of US dollars (nominal)",
    ]
    prose = [
        para(
            "This note follows US exports to five Mexican states from 2012 to 2014: Coahuila, Sonora, Jalisco, "
            "Guanajuato and Durango. BTS records the Mexican state a shipment is bound for only for surface "
            "freight (truck, rail, pipeline, mail and other or unknown surface modes), so the figures leave out "
            "air and vessel freight. A state's total includes every surface mode. Five-state totals, shares, "
            "ranks among all Mexican states and rates of change are our own calculations."
        ),
        "THE FIVE AND THE NATION",
        para(
            f"US surface exports bound for all Mexican states came to US${nat_m[2012]} million in 2012 and "
            f"US${nat_m[2014]} million in 2014 (our sums; BTS records none for Nayarit in these years), and "
            f"Chihuahua was the largest destination in each year. Coahuila received US${f(coa, 'all', 2012)} million in 2012 and US${f(coa, 'all', 2013)} "
            f"million in 2013; in the last year covered its total climbed to US${f(coa, 'all', 2014)} million. "
            f"It was the largest of the five and the sixth-largest destination among all Mexican states in each "
            f"of the three years. The five states together took US${mn1(five[2014])} million of US surface "
            f"exports in 2014, {share14} percent of the national total (our sum and share)."
        ),
        "RAIL GAINS IN COAHUILA AND SONORA",
        para(
            f"Rail carried US${f(coa, 'Rail', 2012)} million of the US goods bound for Coahuila in 2012 and "
            f"US${f(coa, 'Rail', 2014)} million in 2014, more than it carried to any other of the five. "
            f"Sonora's rail freight grew fastest: from US${f(son, 'Rail', 2012)} million in 2012 to "
            f"US${f(son, 'Rail', 2013)} million in 2013 and US${f(son, 'Rail', 2014)} million in 2014, nearly "
            f"three times as much, while its truck freight dipped from US${f(son, 'Truck', 2012)} million to "
            f"US${f(son, 'Truck', 2013)} million in 2013 before recovering to US${f(son, 'Truck', 2014)} million. "
            f"Sonora's total reached US${f(son, 'all', 2014)} million in 2014, up from "
            f"US${f(son, 'all', 2013)} million the year before, and it moved past Jalisco to become the "
            "second-largest of the five."
        ),
        "JALISCO SLIPS, GUANAJUATO CLIMBS",
        para(
            f"Jalisco was second among the five in 2012 and 2013, with US${f(jal, 'all', 2012)} million and "
            f"US${f(jal, 'all', 2013)} million, but in 2014 US shipments there fell {jal_fall} percent to "
            f"US${f(jal, 'all', 2014)} million (our calculation), the only decline among the five that year, "
            f"and its rail freight shrank in every year, to US${f(jal, 'Rail', 2014)} million in 2014. "
            f"Guanajuato grew fastest: US exports bound for the state rose from US${f(gto, 'all', 2012)} million "
            f"in 2012 to US${f(gto, 'all', 2013)} million in 2013 and US${f(gto, 'all', 2014)} million in 2014, "
            f"{gto_rise} percent more in two years by our calculation, and trucks carried "
            f"US${f(gto, 'Truck', 2014)} million of it in 2014, against US${f(gto, 'Truck', 2012)} million in "
            "2012. Among all Mexican states, Sonora ranked eighth in 2014, Jalisco ninth and Guanajuato tenth."
        ),
        "DURANGO, THE RAIL STATE",
        para(
            f"Durango was the smallest of the five in every year, and the only one where the railways carried "
            f"more US goods than trucks: US${f(dgo, 'Rail', 2012)} million by rail against "
            f"US${f(dgo, 'Truck', 2012)} million by truck in 2012, and US${f(dgo, 'Rail', 2014)} million against "
            f"US${f(dgo, 'Truck', 2014)} million in 2014. Its total dipped from US${f(dgo, 'all', 2012)} million "
            f"in 2012 to US${f(dgo, 'all', 2013)} million in 2013 before rising to US${f(dgo, 'all', 2014)} "
            "million in 2014."
        ),
    ]
    head = f"{'State':<14}" + "".join(f"{h:>14}" for h in ("Truck 2012", "Rail 2012", "Truck 2014", "Rail 2014"))
    table = [
        "Table 1. US surface exports by truck and by rail to the five states, 2012 and 2014 (US$ million)",
        "",
        head,
        "-" * len(head),
        *(f"{s:<14}" + "".join(f"{f(s, md, y):>14}" for y in (2012, 2014) for md in ("Truck", "Rail")) for s in st),
    ]
    sources = [
        "SOURCES",
        para(
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, US exports to Mexico "
            "by Mexican state of destination and mode, surface modes, annual 2012-2014 (raw data downloaded "
            "2026-03-21, aggregated by the University of North Texas for TxDOT; file "
            f"bts_transborder_us_exports_to_mexico_by_mexican_state_1993_2025.csv), {BTS_URL}."
        ),
    ]
    prose_text = "\n\n".join(prose)
    text = "\n\n".join(["\n".join(header), *prose, "\n".join(table), *sources]) + "\n"
    # near misses: Jalisco by truck in 2013 and Chihuahua's figures are stated nowhere
    unstated(text, [f(jal, "Truck", 2013)], "Jalisco trucks 2013")
    unstated(text, [f("Chihuahua", "all", y) for y in years], "Chihuahua")
    src = [name]
    q.add("article_fact", "How much did the US send overland to Coahuila in 2014?", mn_forms(f(coa, "all", 2014)),
          src)  # fmt: skip
    q.add("comparison", "In which of the five states did trains deliver more American goods than trucks?", [dgo],
          src)  # fmt: skip
    q.add("article_fact", "By what percentage did US shipments to Guanajuato grow from 2012 to 2014?",
          pct_forms(gto_rise), src)  # fmt: skip
    q.add("comparison", "Which state lost second place among the five to Sonora in 2014?", [jal], src)
    q.add("comparison", "Which of the five states took the least US freight in 2013?", [dgo], src)
    q.table_fact("guanajuato rail 2014?", mn_forms(f(gto, "Rail", 2014)), src, prose_text)
    q.add("follow_up", "And two years later?", mn_forms(f(son, "Rail", 2014)), src,
          history=["How much did US rail exports to Sonora come to in 2012?"])  # fmt: skip
    q.add("article_fact", "Where did Coahuila rank among all Mexican states as a destination for US surface exports "
          "in 2014?", ["sixth", "6th"], src)  # fmt: skip
    q.add("date_definition", "Which kinds of freight does the BTS state-of-destination series leave out?",
          ["air and vessel"], src)  # fmt: skip
    q.miss("How much did trucks carry from the US to Jalisco in 2013?", name, "year")
    q.miss("What were US surface exports to Chihuahua in 2014?", name, "entity")
    q.miss("How much did Coahuila sell to the United States in 2014?", name, "flow")
    return name, text


def pulp_md(data: Path, q: TableQuestions) -> tuple[str, str]:
    """T2. MD: US exports of pulp and recovered paper (HS 47) to China, India, Thailand, Indonesia and Malaysia, 2020-2024 (USITC)."""
    name = "us-pulp-and-recovered-paper-exports-to-five-asian-markets-2020-2024.md"
    years = [2020, 2021, 2022, 2023, 2024]
    cn, ind, th, idn, my = five = ["China", "India", "Thailand", "Indonesia", "Malaysia"]
    u: dict[str, dict[int, float]] = {}
    described = set()
    for r in rows(data, "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv"):
        if r["hs2"].zfill(2) == "47":
            u[r["country"]] = {y: float(r[f"fas_usd_{y}"]) for y in years}
            described.add(r["hs2_description"])
    (chapter,) = described
    assert chapter == ("PULP OF WOOD OR OTHER FIBROUS CELLULOSIC MATERIAL; RECOVERED (WASTE AND SCRAP) PAPER AND "
                       "PAPERBOARD")  # fmt: skip
    assert set(five) <= set(u)
    world = {y: sum(c[y] for c in u.values()) for y in years}
    rank = {y: sorted(u, key=lambda c: -u[c][y]) for y in years}
    mm = {(c, y): mn1(u[c][y] / 1e6) for c in five for y in years}
    wm = {y: mn1(world[y] / 1e6) for y in years}

    def r(c: str, y: int) -> int:
        return rank[y].index(c) + 1

    def val(c: str, y: int) -> float:
        return num(mm[(c, y)])

    # China the largest buyer of all every year, shrinking; its share of the chapter falling
    assert all(r(cn, y) == 1 for y in years)
    cn_fall = falls(mm[(cn, 2024)], mm[(cn, 2020)])
    cn_share = {y: pct(val(cn, y) / num(wm[y]) * 100) for y in (2020, 2024)}
    # India more than doubled in 2021, second of all that year (ahead of Mexico), its peak in 2022, third in 2024
    assert 2 < u[ind][2021] / u[ind][2020] < 2.2 and r(ind, 2021) == 2 and rank[2021][2] == "Mexico"
    assert max(years, key=lambda y: u[ind][y]) == 2022 and r(ind, 2024) == 3
    # Thailand more than tripled in 2021, twelfth in 2020, fifth in 2024
    assert 3 < u[th][2021] / u[th][2020] < 3.3 and r(th, 2020) == 12 and r(th, 2024) == 5
    # Indonesia's best year 2022; Malaysia the smallest in 2020, the only one up every year, past Indonesia in 2024
    assert max(years, key=lambda y: u[idn][y]) == 2022
    assert min(five, key=lambda c: u[c][2020]) == my and r(my, 2020) == 16 and r(my, 2024) == 7
    risers = [c for c in five if all(u[c][y] < u[c][y + 1] for y in years[:-1])]
    assert risers == [my]
    assert u[my][2024] > u[idn][2024] and all(u[my][y] < u[idn][y] for y in years[:-1])
    # from 2021 on the other four together bought more than China; Mexico second of all but in 2021
    four = {y: sum(val(c, y) for c in five[1:]) for y in years}
    assert four[2020] < val(cn, 2020) and all(four[y] > val(cn, y) for y in years[1:])
    assert [y for y in years if rank[y][1] == "Mexico"] == [2020, 2022, 2023, 2024]
    assert max(years, key=lambda y: world[y]) == 2022
    assert four[2024] > 1.5 * four[2020]  # "far more"
    ordinal = {(c, y): ORDINALS[r(c, y) - 1] for c in (th, my) for y in (2020, 2024)}
    head = f"""---
title: "Fibre for Asia: US exports of pulp and recovered paper to China, India, Thailand, Indonesia and Malaysia, 2020–2024"
source: "{PUBLISHER}"
written: {DATE_ISO}
author: "{PUBLISHER}"
data_sources:
  - name: "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and country (downloaded 2025-08-07; file usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv)"
    url: "{USITC_URL}"
period: "2020–2024 (calendar years)"
---
# Fibre for Asia: US exports of pulp and recovered paper to five Asian markets, 2020–2024
"""
    prose = [
        para(
            "China was the biggest foreign buyer of American pulp and recovered paper in every year from 2020 to "
            "2024, but four other Asian markets bought far more of it in 2024 than in 2020. This article compares US "
            "exports in "
            "chapter 47 of the Harmonized System, which covers pulp of wood or of other fibrous cellulosic "
            "material and recovered (waste and scrap) paper and paperboard, to China, India, Thailand, Indonesia "
            "and Malaysia. Values are total US exports at F.A.S. value from the US International Trade "
            "Commission's DataWeb, converted to millions of US dollars. Totals for all countries are our sums "
            "across every partner; ranks among all partners, shares and rates of change are our own calculations."
        ),
        "## China buys less",
        para(
            f"China bought more American pulp and recovered paper than any other country in each of the five "
            f"years, but its purchases shrank, from US${mm[(cn, 2020)]} million in 2020 to US${mm[(cn, 2022)]} "
            f"million in 2022 and US${mm[(cn, 2024)]} million in 2024, {cn_fall} percent less than in 2020 by our "
            f"calculation. Its share of all US exports in the chapter fell from {cn_share[2020]} percent in 2020 "
            f"to {cn_share[2024]} percent in 2024."
        ),
        "## India and Thailand surge",
        para(
            f"India's purchases more than doubled in 2021, from US${mm[(ind, 2020)]} million to "
            f"US${mm[(ind, 2021)]} million, which made it the second-largest market for the chapter that year, "
            f"behind China and ahead of Mexico. They peaked at US${mm[(ind, 2022)]} million in 2022 and came to "
            f"US${mm[(ind, 2024)]} million in 2024, when India ranked third among all partners. Thailand's rise "
            f"was steeper still: it bought US${mm[(th, 2020)]} million in 2020, when it was the "
            f"{ordinal[(th, 2020)]}-largest buyer, then US${mm[(th, 2021)]} million in 2021, more than three "
            f"times as much, and US${mm[(th, 2022)]} million in 2022; in 2024, with US${mm[(th, 2024)]} million, "
            f"it was the {ordinal[(th, 2024)]}-largest."
        ),
        "## Indonesia and Malaysia trade places",
        para(
            f"Indonesia bought US${mm[(idn, 2020)]} million in 2020 and US${mm[(idn, 2022)]} million in 2022, its "
            f"best year, but only US${mm[(idn, 2024)]} million in 2024. Malaysia, the smallest of the five buyers "
            f"in 2020 with US${mm[(my, 2020)]} million and only {ordinal[(my, 2020)]} among all partners, was the "
            f"only one whose purchases rose in every year: to US${mm[(my, 2022)]} million in 2022 and "
            f"US${mm[(my, 2024)]} million in 2024, when it passed Indonesia and ranked {ordinal[(my, 2024)]}."
        ),
    ]
    table = [
        "| Market | 2021 | 2023 | Rank 2021 | Rank 2023 |",
        "|---|---:|---:|---:|---:|",
        *(f"| {c} | {mm[(c, 2021)]} | {mm[(c, 2023)]} | {r(c, 2021)} | {r(c, 2023)} |" for c in five),
        "",
        "*Table 1. US exports of pulp and recovered paper (HS 47), 2021 and 2023 (US$ million, F.A.S. value), "
        "and each market's rank among all partners (our ranking). Source: USITC DataWeb.*",
    ]
    prose2 = [
        "## The five and the world",
        para(
            f"From 2021 on, India, Thailand, Indonesia and Malaysia together bought more from the United States in "
            f"this chapter than China did: US${mn1(four[2024])} million against China's US${mm[(cn, 2024)]} "
            f"million in 2024 (our sums). US exports of pulp and recovered paper to all countries came to "
            f"US${wm[2022]} million in 2022, the highest of the five years, and US${wm[2024]} million in 2024 "
            "(our sums across all partners). Mexico, outside the scope of this article, was the second-largest "
            "buyer of all in every year except 2021."
        ),
        "## Sources",
        para(
            "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter "
            "and country, 2020–2024, chapter 47 (downloaded 2025-08-07; file "
            f"usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), {USITC_URL}."
        ),
    ]
    prose_text = "\n\n".join(prose + prose2)
    text = head + "\n" + "\n\n".join(prose) + "\n\n" + "\n".join(table) + "\n\n" + "\n\n".join(prose2) + "\n"
    # near misses: Mexico's figures are stated nowhere
    unstated(text, [mn1(u["Mexico"][y] / 1e6) for y in years], "Mexico")
    src = [name]
    q.add("article_fact", "What did Thailand spend on American pulp and recovered paper in 2024?",
          mn_forms(mm[(th, 2024)]), src)  # fmt: skip
    q.add("comparison", "Which of the five Asian buyers increased its purchases in every year?", [my], src)
    q.add("article_fact", "By how many percent did China's purchases drop between 2020 and 2024?", pct_forms(cn_fall),
          src)  # fmt: skip
    q.add("comparison", "Which country was the number two buyer of US pulp and waste paper in 2021?", [ind], src)
    q.table_fact("indonesia us pulp purchases 2023?", mn_forms(mm[(idn, 2023)]), src, prose_text)
    q.add("follow_up", "what about 2024?", mn_forms(mm[(ind, 2024)]), src,
          history=["How much US pulp and recovered paper did India import in 2020?"])  # fmt: skip
    q.add("article_fact", "What slice of US chapter 47 exports went to China in 2024?", pct_forms(cn_share[2024]), src)
    q.add("article_fact", "How much pulp and recovered paper did the US export worldwide in 2022?", mn_forms(wm[2022]),
          src)  # fmt: skip
    q.add("date_definition", "What kinds of goods fall under HS chapter 47?",
          ["pulp of wood", "recovered (waste and scrap) paper"], src)  # fmt: skip
    q.miss("How much US pulp did Mexico buy in 2022?", name, "entity")
    q.miss("How much pulp did the United States import from Indonesia in 2023?", name, "flow")
    q.miss("How much of the US pulp and paper sold to China in 2020 was recovered paper?", name, "breakdown")
    return name, text


# =============================================================================================


def main() -> None:
    write_split_set(
        TableQuestions("fresh10"),
        [three_suppliers_html, canada_modes_pdf],
        [five_states_txt, pulp_md],
        OUT,
        PARTS,
        __doc__.splitlines()[0],
        10,
    )


if __name__ == "__main__":
    main()
