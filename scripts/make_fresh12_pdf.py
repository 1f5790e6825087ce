"""Writes eval/documents-fresh12/us-canada-trade-by-mode-month-by-month-2008.pdf (figures from
scripts/fresh12_figures.py, doc 4) with the reproducible PDF writer of scripts/make_eval_documents.py,
laid out as fresh10's PDF (scripts/make_fresh10_documents.py: a title, a byline line, h2 sections, one table).
Run:  python scripts/make_fresh12_pdf.py"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from make_eval_documents import make_pdf  # noqa: E402

from nearshore_qa.ingest import load_file  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh12" / "us-canada-trade-by-mode-month-by-month-2008.pdf"
PUBLISHER = "nearshore-qa"
DATE_LONG = "2 December 2026"
BTS_URL = "https://www.bts.gov/topics/transborder-raw-data"
TITLE = "Peak and slump: US–Canada trade by mode of transport, month by month, 2008"
RUNNING = f"{PUBLISHER} · US–Canada trade by mode, monthly 2008 · BTS TransBorder"

page1 = [
    ("h", TITLE),
    ("p", f"{PUBLISHER} · {DATE_LONG}"),
    (
        "p",
        "Trade between the United States and Canada climbed in the first months of 2008 and fell away in its "
        "last months, but the five modes of transport that carry it did not move together. This report "
        "follows US trade with Canada month by month through 2008 by mode: truck, rail, pipeline, vessel and "
        "air. The figures are the Bureau of Transportation Statistics' TransBorder Freight Data, monthly "
        "values converted to millions of US dollars; exports are US exports to Canada and imports are US "
        "imports from Canada. The monthly all-mode totals also count mail, foreign trade zones and other or "
        "unknown modes, which are not discussed separately. Annual and quarterly sums, shares, gaps between "
        "modes, comparisons with the same month of 2007 and rates of change are our own calculations from the "
        "monthly values.",
    ),
    ("h2", "Trucks"),
    (
        "p",
        "Trucks carried more of the trade than any other mode in both directions in every month. US exports "
        "to Canada by truck climbed from US$13,922.3 million in January to a peak of US$16,649.2 million in "
        "May, then slid to US$11,488.0 million in December, the lowest of the year and 31.0 percent below the "
        "May peak (our calculation). Truck imports from Canada peaked earlier, at US$12,858.2 million in "
        "April, and fell to US$9,046.5 million in December. Over the year trucks moved US$178,593.0 million "
        "of US exports and US$141,352.5 million of imports (our sums), and their share of all US exports to "
        "Canada stayed between 66.9 percent (July) and 69.3 percent (September).",
    ),
    ("h2", "Pipelines"),
    (
        "p",
        "Pipelines were the second-largest carrier of US imports from Canada in every month, ahead of the "
        "railways. They brought in US$5,983.9 million of goods in January and US$8,526.9 million in July, the "
        "peak of the year and 80.0 percent more than in July 2007 (our calculation). In that month pipeline "
        "imports came within US$3,095.7 million of truck imports, the narrowest gap of the year, and made up "
        "27.8 percent of all US imports from Canada. By December they had dropped to US$4,377.7 million, 48.7 "
        "percent below the July peak. For the year as a whole, pipeline imports totalled US$82,018.5 million, "
        "while US exports to Canada by pipeline came to only US$4,313.2 million (our sums), March "
        "(US$586.1 million) being their strongest month.",
    ),
]
page2 = [
    ("h2", "Railways"),
    (
        "p",
        "Rail was the second-largest mode for US exports to Canada in every month and the third-largest for "
        "imports. Both directions peaked in August, with US$2,856.1 million of exports and US$6,053.6 million "
        "of imports, and both hit their low in December: US$1,678.7 million and US$3,483.6 million, the "
        "latter 42.5 percent below August (our calculation). December's rail exports were 26.9 percent lower "
        "than those of December 2007.",
    ),
    ("h2", "Ships and aircraft"),
    (
        "p",
        "Ships were the only mode whose exports to Canada were larger in the second half of the year than in "
        "the first, by 28.2 percent (our calculation); vessel exports were lowest in February, at US$327.3 "
        "million, and highest in October, at US$859.3 million. Vessel imports, by contrast, peaked in July, "
        "at US$2,977.7 million, and then dropped 62.9 percent to US$1,104.0 million in December, the sharpest "
        "fall from the year's peak of any import mode. Air freight was the steadiest. Exports by air ranged "
        "from US$1,669.5 million in May down to US$1,293.1 million in November, and imports by air in December "
        "(US$770.6 million) were only 5.1 percent below January's, the smallest January-to-December decline "
        "of any mode of import.",
    ),
    ("h2", "The whole border"),
    (
        "p",
        "Counting every mode, US exports to Canada were largest in May, at US$24,479.4 million, and US imports "
        "from Canada in April, at US$31,031.2 million. In December the two stood at US$16,909.1 million and "
        "US$19,695.8 million.",
    ),
    (
        "table_caption",
        "Table 1. US exports to Canada by mode and quarter, 2008 (US$ million; our sums of the monthly values)",
    ),
    (
        "table",
        [
            ["Mode", "Q1", "Q2", "Q3", "Q4"],
            ["Truck", "44,203.3", "49,270.5", "45,265.4", "39,853.7"],
            ["Rail", "7,113.6", "7,680.9", "8,244.4", "6,398.9"],
            ["Pipeline", "1,211.9", "1,438.1", "973.9", "689.2"],
            ["Vessel", "1,395.2", "1,895.9", "2,251.5", "1,967.0"],
            ["Air", "4,611.8", "4,762.1", "4,305.4", "4,043.9"],
        ],
    ),
    ("h2", "Sources"),
    (
        "p",
        "Bureau of Transportation Statistics, North American TransBorder Freight Data, US trade with Canada "
        "by mode of transport, monthly, January–December 2008 (with 2007 for comparison; raw data downloaded "
        "2026-03-21 and aggregated by the University of North Texas for TxDOT; file "
        f"bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv), {BTS_URL}.",
    ),
]

make_pdf(OUT, TITLE, RUNNING, [page1, page2], publisher=PUBLISHER)
text = load_file(OUT, OUT.name, 2**24).text
print(f"{OUT}  {OUT.stat().st_size:,} bytes, {len(text.split())} words loaded")
print(text)
