"""Writes eval/documents-fresh19/us-exports-of-articles-of-iron-or-steel-to-six-markets-2020-2024.docx for the
fresh19 evaluation set; every figure is printed by scripts/fresh19_figures.py (doc D). Deterministic
(eval_documents.write_docx: fixed core properties and zip member times). Run:  python scripts/make_fresh19_docx.py"""

from pathlib import Path

from eval_documents import write_docx

OUT = (
    Path(__file__).resolve().parent.parent
    / "eval"
    / "documents-fresh19"
    / "us-exports-of-articles-of-iron-or-steel-to-six-markets-2020-2024.docx"
)
TITLE = (
    "Pipes, bolts and towers: US exports of articles of iron or steel (HS 73) to Mexico, Canada, China, "
    "the United Kingdom, Germany and Japan, 2020–2024"
)
BYLINES = [
    "nearshore-qa · 2 December 2026",
    "Data source: U.S. International Trade Commission (USITC), DataWeb, total exports at F.A.S. value by "
    "HTS chapter and partner country (underlying data: U.S. Census Bureau).",
]
TABLE_CAPTION = "Table 1. US exports of articles of iron or steel (HS 73) by market, 2020–2024 (US$ million, F.A.S.)"
TABLE = [
    ["Market", "2020", "2021", "2022", "2023", "2024"],
    ["Mexico", "4,656.6", "5,974.1", "7,049.3", "7,508.4", "7,954.9"],
    ["Canada", "5,212.9", "6,656.5", "7,597.2", "7,521.4", "6,920.3"],
    ["China", "581.1", "719.3", "672.0", "697.3", "697.3"],
    ["United Kingdom", "422.1", "420.1", "471.0", "489.6", "545.8"],
    ["Germany", "365.8", "426.0", "423.6", "465.1", "453.4"],
    ["Japan", "373.4", "443.9", "420.5", "409.1", "440.6"],
    ["Six markets together", "11,611.8", "14,640.0", "16,633.6", "17,090.9", "17,012.2"],
    ["All partners", "16,060.6", "19,338.0", "22,086.4", "22,757.3", "23,220.8"],
]
BODY = [
    (
        "p",
        "Chapter 73 of the Harmonized System covers goods made of iron or steel rather than the metal itself: "
        "tubes and pipes, structural parts such as towers, bridge sections and scaffolding, tanks and containers, "
        "screws, bolts, nuts and springs, and household articles. This report looks at US exports of the chapter "
        "over 2020–2024 to its six largest buyers in 2024: the two USMCA neighbours, Mexico and Canada, and four "
        "overseas markets, China, the United Kingdom, Germany and Japan. Values are total exports at F.A.S. value "
        "in millions of US dollars.",
    ),
    ("h", "Steady growth for the chapter"),
    (
        "p",
        "US exports of articles of iron or steel to all partners rose from US$16,060.6 million in 2020 to "
        "US$23,220.8 million in 2024, an increase of 44.6 percent by our calculations. The sharpest gains came "
        "early, 20.4 percent in 2021 and 14.2 percent in 2022; growth then slowed to 3.0 percent in 2023 and "
        "2.0 percent in 2024, a year in which total US goods exports also grew 2.0 percent. The chapter accounted "
        "for 1.1 percent of all US goods exports in every year and ranked 16th of the 97 chapters from 2020 to "
        "2022 and 15th in 2023 and 2024. The six markets covered here took US$11,611.8 million, or 72.3 percent "
        "of the chapter, in 2020; their purchases peaked at US$17,090.9 million in 2023 and stood at "
        "US$17,012.2 million, or 73.3 percent, in 2024.",
    ),
    ("h", "Mexico overtakes Canada"),
    (
        "p",
        "Canada was the largest buyer of American steel articles from 2020 to 2023. Its purchases jumped "
        "27.7 percent in 2021 and peaked at US$7,597.2 million in 2022, then declined twice, by 1.0 percent in "
        "2023 and by 8.0 percent in 2024, to US$6,920.3 million, or 29.8 percent of the chapter. Mexico kept "
        "growing throughout: by 28.3 percent in 2021, 18.0 percent in 2022, 6.5 percent in 2023 and 5.9 percent "
        "in 2024, when it reached US$7,954.9 million, 70.8 percent more than in 2020. In 2023 Canada's lead had "
        "shrunk to just US$13.0 million, and in 2024 Mexico became the top market, ahead of Canada by "
        "US$1,034.6 million and with 34.3 percent of the chapter. Over the five years together the two were "
        "almost level: Canada bought US$33,908.3 million and Mexico US$33,143.2 million. The neighbours' "
        "combined share peaked at 66.3 percent in 2022 and was 64.1 percent in 2024, when they took "
        "US$14,875.1 million between them.",
    ),
    ("h", "The overseas buyers"),
    (
        "p",
        "China ranked third in every year, a long way behind the neighbours. Its purchases reached a high of "
        "US$719.3 million in 2021, 23.8 percent more than in 2020, fell 6.6 percent in 2022 and were "
        "US$697.3 million in both 2023 and 2024, 20.0 percent above the 2020 level. China's lead over the "
        "fourth-placed United Kingdom narrowed to US$151.5 million in 2024.",
    ),
    (
        "p",
        "The United Kingdom was the only one of the six to buy less in 2021 than in 2020, by 0.5 percent, and it "
        "dropped from fourth to sixth place that year. It then grew for three years running, including "
        "11.5 percent in 2024, to a peak of US$545.8 million, and held fourth place from 2022 on. Japan rose "
        "18.9 percent in 2021, to US$443.9 million, and briefly ranked fourth, but two declines followed, and "
        "despite a 7.7 percent rebound in 2024 its purchases of US$440.6 million were only 18.0 percent above "
        "2020, the smallest gain of the six. Germany, sixth in 2020 with US$365.8 million, passed Japan in 2022 "
        "and peaked at US$465.1 million in 2023, 9.8 percent more than a year earlier, before slipping "
        "2.5 percent in 2024. Together the four overseas markets bought US$2,137.1 million in 2024.",
    ),
    ("table_caption", TABLE_CAPTION),
    ("table", TABLE),
    ("h", "Method and notes"),
    (
        "p",
        "The figures are total US exports at F.A.S. (free alongside ship) value under HTS chapter 73 from a "
        "USITC DataWeb query covering every partner country, in US dollars, converted to millions and rounded "
        "half up to one decimal. 'All partners' is the sum over all countries in the query; the chapter's share "
        "and rank are measured against the total of all 97 chapters. Sums, shares, ranks among partner countries "
        "and growth rates were computed from the unrounded values, so rows of the table may not add exactly. "
        "Imports of these goods, tonnages and the raw metal of chapter 72 are outside the scope of this report.",
    ),
    ("h", "Sources"),
    (
        "p",
        "U.S. International Trade Commission, DataWeb, Total Exports, FAS Value, HTS 2-digit, all countries, "
        "annual 2020–2024 (downloaded 2025-08-07; underlying data U.S. Census Bureau; file "
        "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), https://dataweb.usitc.gov.",
    ),
]


def main() -> None:
    write_docx(str(OUT), TITLE, BYLINES, BODY)


if __name__ == "__main__":
    main()
