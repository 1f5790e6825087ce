"""Writes eval/documents-fresh15/us-fertilizer-exports-to-six-markets-2020-2024.pdf
(figures from scripts/fresh15_figures.py, doc 4) with the reproducible PDF writer of
scripts/make_eval_documents.py, laid out as fresh14's PDF (a title, a byline line, h2 sections, one table).
Run:  python scripts/make_fresh15_pdf.py"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_eval_documents import make_pdf  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh15" / "us-fertilizer-exports-to-six-markets-2020-2024.pdf"
PUBLISHER = "nearshore-qa"
DATE_LONG = "2 December 2026"
USITC_URL = "https://dataweb.usitc.gov"
TITLE = "Boom and bust: US exports of fertilizers to six markets, 2020–2024"
RUNNING = f"{PUBLISHER} · US exports of HS 31 fertilizers, 2020–2024 · USITC DataWeb"

page1 = [
    ("h", TITLE),
    ("p", f"{PUBLISHER} · {DATE_LONG}"),
    (
        "p",
        "Chapter 31 of the Harmonized System is fertilizers: nitrogen, phosphate and potash fertilizers, "
        "mixtures of them, and fertilizers of animal or vegetable origin. This report follows US exports in "
        "that chapter to Canada, Brazil, Mexico, Australia, China and Argentina from 2020 to 2024, a period "
        "in which the trade nearly doubled in a single year and then gave most of the gain back.",
    ),
    ("h2", "A one-year spike"),
    (
        "p",
        "US fertilizer exports to all countries rose from US$3,547.8 million in 2020 to US$4,604.2 million "
        "in 2021 and then nearly doubled, up 95.8 percent, to US$9,014.8 million in 2022. The peak did not "
        "last: shipments fell 40.1 percent in 2023, to US$5,401.1 million, and eased to US$5,195.1 million "
        "in 2024, which was still 46.4 percent above 2020. Fertilizers climbed from forty-ninth of the 97 "
        "chapters of US exports in 2020 to thirty-third in 2022, then slipped back to forty-fourth in 2024, "
        "and the number of countries buying them moved between 125 and 130.",
    ),
    ("h2", "Canada and Brazil"),
    (
        "p",
        "Canada was the largest market in every year: US$1,166.3 million in 2020, US$2,513.4 million in 2022 "
        "after a jump of 60.5 percent, and US$2,050.6 million in 2024, 75.8 percent more than in 2020. Its "
        "share of the chapter dipped to 27.9 percent in the boom year but rose to 39.5 percent in 2024, up "
        "from 32.9 percent in 2020. Brazil, second throughout, had the bigger swing. Its purchases rose 83.9 "
        "percent in 2021, to US$1,264.8 million, and 87.4 percent in 2022, to US$2,370.3 million, only "
        "US$143.1 million less than Canada's; that year fertilizers were the sixth-largest chapter of US "
        "exports to Brazil, 4.4 percent of the total. In 2023 they collapsed 59.7 percent, to US$955.4 "
        "million, before recovering 8.0 percent to US$1,031.4 million in 2024. Together, Canada and Brazil "
        "took 59.3 percent of US fertilizer exports in 2024.",
    ),
    ("h2", "Mexico in third place"),
    (
        "p",
        "Mexico held third place in every year. It bought US$230.1 million in 2020 and US$246.8 million in "
        "2021, then 141.1 percent more, US$595.1 million, in 2022; after US$385.4 million in 2023 it took "
        "US$409.0 million in 2024, 77.8 percent above 2020, though Canada still bought 5.0 times as much.",
    ),
]
page2 = [
    ("h2", "Australia, China and Argentina"),
    (
        "p",
        "Australia was fifth in 2020 with US$158.2 million and fourth in 2021, 2023 and 2024; its best year "
        "was 2022, with US$316.1 million, yet it ranked only sixth then. A fall of 15.9 percent took it to "
        "US$254.8 million in 2024. China was the fourth-largest market in 2020, with US$205.7 million, but "
        "its purchases dropped 34.2 percent in 2021, to US$135.3 million, before rebounding 143.2 percent to "
        "US$329.0 million in 2022. It bought US$224.2 million in 2024, fifth place and only 9.0 percent more "
        "than in 2020. Argentina, whose purchases had also fallen in 2021, by 20.4 percent to US$124.7 "
        "million and eighth place, had the sharpest spike: US$378.7 million in 2022, a rise of 203.6 percent, "
        "the largest of the six, which briefly made it the fourth-largest market. It fell back to US$143.2 "
        "million in 2023 and US$99.9 million in 2024, eighth again and 36.2 percent below 2020, the only one "
        "of the six that bought less in 2024 than in 2020. Outside the six, France, which had bought just "
        "US$2.7 million in 2021, took US$229.0 million in 2022 and ranked eighth.",
    ),
    ("h2", "The six together"),
    (
        "p",
        "The six markets bought US$2,604.7 million of US fertilizers in 2020, US$6,502.6 million in 2022 and "
        "US$4,069.8 million in 2024. Their share of the chapter dipped from 73.4 percent to 72.1 percent in "
        "2022, when buyers such as France joined the boom, and then rose to 78.3 percent in 2024 (our sums).",
    ),
    (
        "table_caption",
        "Table 1. US exports of fertilizers (HS 31), US$ million, F.A.S. value. Source: USITC DataWeb.",
    ),
    (
        "table",
        [
            ["Market", "2020", "2021", "2022", "2023", "2024"],
            ["Canada", "1,166.3", "1,566.4", "2,513.4", "2,063.7", "2,050.6"],
            ["Brazil", "687.7", "1,264.8", "2,370.3", "955.4", "1,031.4"],
            ["Mexico", "230.1", "246.8", "595.1", "385.4", "409.0"],
            ["Australia", "158.2", "187.4", "316.1", "302.9", "254.8"],
            ["China", "205.7", "135.3", "329.0", "198.0", "224.2"],
            ["Argentina", "156.7", "124.7", "378.7", "143.2", "99.9"],
            ["All countries", "3,547.8", "4,604.2", "9,014.8", "5,401.1", "5,195.1"],
        ],
    ),
    ("h2", "Notes on method"),
    (
        "p",
        "Values are total US exports at F.A.S. (free alongside ship) value in US dollars, shown in millions "
        "with one decimal. Totals for all countries are our sums across every partner; ranks among partners "
        "and among the 97 HS chapters, shares and rates of change are our own calculations from the "
        "unrounded values.",
    ),
    ("h2", "Sources"),
    (
        "p",
        "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and "
        "country, 2020–2024, chapter 31 and all chapters (downloaded 2025-08-07; file "
        f"usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), {USITC_URL}.",
    ),
]

make_pdf(OUT, TITLE, RUNNING, [page1, page2], publisher=PUBLISHER)
print(f"{OUT}  {OUT.stat().st_size:,} bytes")
