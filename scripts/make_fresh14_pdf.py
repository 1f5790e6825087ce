"""Writes eval/documents-fresh14/us-animal-feed-and-food-residue-exports-to-six-markets-2020-2024.pdf
(figures from scripts/fresh14_figures.py, doc 4) with the reproducible PDF writer of
scripts/make_eval_documents.py, laid out as fresh12's PDF (a title, a byline line, h2 sections, one table).
Run:  python scripts/make_fresh14_pdf.py"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_eval_documents import make_pdf  # noqa: E402

OUT = ROOT / "eval" / "documents-fresh14" / "us-animal-feed-and-food-residue-exports-to-six-markets-2020-2024.pdf"
PUBLISHER = "nearshore-qa"
DATE_LONG = "2 December 2026"
USITC_URL = "https://dataweb.usitc.gov"
TITLE = "Feeding the herds: US exports of animal feed and food-industry residues to six markets, 2020–2024"
RUNNING = f"{PUBLISHER} · US exports of HS 23 animal feed and residues, 2020–2024 · USITC DataWeb"

page1 = [
    ("h", TITLE),
    ("p", f"{PUBLISHER} · {DATE_LONG}"),
    (
        "p",
        "Soybean meal, distillers' grains, pet food and other feedstuffs make up chapter 23 of the Harmonized "
        "System: residues and waste from the food industries, and prepared animal feed. This report follows "
        "US exports in that chapter to Canada, Colombia, China, Vietnam, Indonesia and Ecuador from 2020 to "
        "2024. The values are total US exports at F.A.S. (free alongside ship) value from the US International "
        "Trade Commission's DataWeb, in millions of US dollars. Totals for all countries are our sums across "
        "every partner; ranks among partners and among the 97 chapters, shares and rates of change are our own "
        "calculations.",
    ),
    ("h2", "A chapter that peaked in 2023"),
    (
        "p",
        "US exports of chapter 23 goods to all countries rose from US$10,904.9 million in 2020 to US$14,711.3 "
        "million in 2022 and a high of US$15,195.8 million in 2023, then fell 5.7 percent to US$14,328.1 "
        "million in 2024, still 31.4 percent above 2020 (our calculation). The chapter climbed from "
        "twenty-third of the 97 in 2020 to eighteenth in 2023 before dropping to twenty-fourth in 2024. The "
        "number of countries buying it shrank from 153 to 146.",
    ),
    ("h2", "Canada first, Colombia third"),
    (
        "p",
        "Canada was the largest market in every year, ahead of Mexico in second place: US$1,728.5 million in "
        "2020, US$2,530.9 million in 2022 and US$2,551.3 million in 2024, 47.6 percent more than in 2020, "
        "lifting its share of the chapter from 15.9 percent to 17.8 percent. Colombia held third place "
        "throughout. Its purchases jumped 57.0 percent between 2020 and 2022, from US$636.7 million to "
        "US$999.7 million, then eased 6.1 percent to US$938.6 million by 2024, when Canada bought 2.7 times as "
        "much. Feed was the seventh-largest chapter of US exports to Colombia in 2024, 5.0 percent of the total "
        "(our shares).",
    ),
    ("h2", "China closes in"),
    (
        "p",
        "China grew fastest of the six. It was seventh in 2020, with US$470.1 million, and fourth from 2021 "
        "on; in 2023 it bought US$961.7 million, just US$32.6 million less than Colombia. A fall of 12.7 "
        "percent took it to US$839.4 million in 2024, still 78.5 percent more than in 2020.",
    ),
]
page2 = [
    ("h2", "South-east Asia and Ecuador"),
    (
        "p",
        "Vietnam was the only one of the six whose purchases rose every year, from US$484.3 million in 2020 "
        "to US$628.5 million in 2023 and, after a gain of 10.7 percent, to US$695.7 million in 2024, up 43.6 "
        "percent over the period and fifth among all markets. For Vietnam the chapter was the third-largest "
        "US export in 2024. Indonesia, sixth in 2020 with US$476.6 million, reached US$696.2 million in 2023 "
        "but dropped 11.4 percent to US$616.6 million in 2024, when feed made up 6.1 percent of all US goods "
        "exports to it. Ecuador had the wildest ride: US$289.6 million in 2020 and US$569.7 million in 2023, "
        "a jump of 35.8 percent in that year that made it seventh, then a collapse of 47.1 percent to "
        "US$301.3 million in 2024 and eleventh place, only 4.1 percent above 2020 (our calculations).",
    ),
    ("h2", "The six together"),
    (
        "p",
        "The six markets took US$4,085.9 million of US chapter 23 exports in 2020, US$6,373.8 million in 2023 "
        "and US$5,942.8 million in 2024, 45.4 percent more than in 2020, and their share of the chapter rose "
        "from 37.5 percent to 41.5 percent (our sums).",
    ),
    (
        "table_caption",
        "Table 1. US exports of residues from the food industries and prepared animal feed (HS 23), "
        "US$ million, F.A.S. value. Source: USITC DataWeb.",
    ),
    (
        "table",
        [
            ["Market", "2020", "2021", "2022", "2023", "2024"],
            ["Canada", "1,728.5", "2,176.1", "2,530.9", "2,523.3", "2,551.3"],
            ["Colombia", "636.7", "749.6", "999.7", "994.3", "938.6"],
            ["China", "470.1", "653.4", "758.5", "961.7", "839.4"],
            ["Vietnam", "484.3", "553.8", "597.1", "628.5", "695.7"],
            ["Indonesia", "476.6", "582.0", "605.9", "696.2", "616.6"],
            ["Ecuador", "289.6", "338.7", "419.6", "569.7", "301.3"],
            ["All countries", "10,904.9", "13,127.3", "14,711.3", "15,195.8", "14,328.1"],
        ],
    ),
    ("h2", "Sources"),
    (
        "p",
        "U.S. International Trade Commission, DataWeb, total exports at F.A.S. value by HS 2-digit chapter and "
        "country, 2020–2024, chapter 23 and all chapters (downloaded 2025-08-07; file "
        f"usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), {USITC_URL}.",
    ),
]

make_pdf(OUT, TITLE, RUNNING, [page1, page2], publisher=PUBLISHER)
print(f"{OUT}  {OUT.stat().st_size:,} bytes")
