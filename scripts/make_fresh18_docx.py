"""Writes eval/documents-fresh18/us-toys-games-and-sports-equipment-exports-to-six-markets-2020-2024.docx for the fresh18
evaluation set; the figures are printed by scripts/fresh18_figures.py (doc 4). Deterministic
(eval_documents.write_docx): fixed core properties, the text kept here, and the zip members rewritten with
a fixed time and mode, so every run gives the same bytes. Run:  python scripts/make_fresh18_docx.py"""

from pathlib import Path

from eval_documents import write_docx

OUT = (
    Path(__file__).resolve().parent.parent
    / "eval"
    / "documents-fresh18"
    / "us-toys-games-and-sports-equipment-exports-to-six-markets-2020-2024.docx"
)
TITLE = (
    "Play and sport across borders: US exports of toys, games and sports equipment (HS 95) to Canada, "
    "Mexico, the United Kingdom, Australia, Japan and the Netherlands, 2020–2024"
)
BYLINES = ["nearshore-qa · 2 December 2026"]

TABLE_CAPTION = (
    "Table 1. US exports of toys, games and sports equipment (HS 95) by market, 2020–2024 (US$ million, F.A.S.)"
)
TABLE = [
    ["Market", "2020", "2021", "2022", "2023", "2024"],
    ["Canada", "2,186.6", "2,736.9", "2,813.8", "2,777.0", "2,727.9"],
    ["Mexico", "702.2", "947.0", "1,104.0", "1,280.9", "1,211.1"],
    ["United Kingdom", "260.3", "317.3", "348.4", "309.2", "273.2"],
    ["Australia", "193.2", "278.9", "258.9", "219.1", "227.5"],
    ["Japan", "244.1", "291.2", "306.2", "209.1", "208.0"],
    ["Netherlands", "129.8", "160.5", "183.2", "194.6", "194.1"],
    ["Six markets together", "3,716.2", "4,731.8", "5,014.5", "4,989.9", "4,841.8"],
    ["All partners", "5,360.6", "6,781.9", "7,415.9", "7,620.4", "7,102.9"],
]

BODY = [
    (
        "p",
        "Chapter 95 of the Harmonized System covers toys, dolls and puzzles, video game consoles, festive and "
        "carnival articles, and equipment for sport, gymnastics and fishing, together with their parts. We look "
        "at US exports of the chapter over 2020–2024 to six destinations: Canada and Mexico, the closest and "
        "largest, and four buyers overseas, the United Kingdom, Australia, Japan and the Netherlands. The values, "
        "total exports at F.A.S. value, come from the DataWeb service of the U.S. International Trade Commission "
        "and are shown in millions of US dollars.",
    ),
    ("h", "Three years up, one down"),
    (
        "p",
        "US exports of toys, games and sports equipment to all partners totalled US$5,360.6 million in 2020. "
        "They jumped 26.5 percent in 2021, to US$6,781.9 million, grew more slowly in the next two years and "
        "peaked at US$7,620.4 million in 2023, before falling 6.8 percent in 2024, to US$7,102.9 million, which "
        "was still 32.5 percent above the 2020 level (by our arithmetic). These goods are a small line in the US "
        "export account, about 0.2 percent of the total in each year; it ranked 35th of the 97 chapters in 2023 and 2024, up "
        "from 37th in 2020. The six markets covered here bought US$3,716.2 million, or 69.3 percent of the "
        "chapter, in 2020 and US$4,841.8 million, or 68.2 percent, in 2024, 30.3 percent more.",
    ),
    ("h", "Canada first, Mexico closing in"),
    (
        "p",
        "Canada was by far the largest buyer in every year. It took US$2,186.6 million in 2020, 40.8 percent of "
        "the chapter, and after a rise of 25.2 percent in 2021 its purchases peaked at US$2,813.8 million in "
        "2022. Two small declines followed, to US$2,727.9 million in 2024, when Canada's share stood at 38.4 "
        "percent. Over the five years together Canada bought US$13,242.2 million of American toys and sporting "
        "goods, by our sums, against US$5,245.3 million for Mexico.",
    ),
    (
        "p",
        "Mexico came second throughout and grew fastest of the six. Its purchases rose 34.9 percent in 2021, to "
        "US$947.0 million, and 16.6 percent in 2022, to US$1,104.0 million, and they reached a peak of "
        "US$1,280.9 million in 2023, 16.0 percent more than a year earlier. A fall of 5.5 percent left them at "
        "US$1,211.1 million in 2024, 72.5 percent above 2020, and Mexico's share of the chapter climbed from "
        "13.1 percent to 17.1 percent over the period. Canada bought about 3.1 times as much as Mexico in 2020 "
        "but only 2.3 times as much in 2024, when the gap between the two was US$1,516.9 million. Together the "
        "neighbours took US$3,939.0 million that year, or 55.5 percent of the chapter.",
    ),
    ("h", "The overseas buyers"),
    (
        "p",
        "The United Kingdom ranked third among all partners in every year except 2023, when China, with "
        "US$320.2 million, pushed it into fourth place. British purchases peaked at US$348.4 million in 2022 "
        "and then fell 11.2 percent and 11.7 percent in the next two years, to US$273.2 million in 2024, only "
        "4.9 percent above their 2020 level. Japan was the fourth-largest market from 2020 to 2022, with a high "
        "of US$306.2 million in the latter year, but its purchases dropped 31.7 percent in 2023, to US$209.1 "
        "million, and it fell to sixth place. At US$208.0 million in 2024, Japan alone among the six markets "
        "bought less than in 2020, by 14.8 percent.",
    ),
    (
        "p",
        "Australia recorded the sharpest one-year jump of the six, 44.3 percent in 2021, to US$278.9 million, "
        "its best year. Two years of decline followed, but a rise of 3.8 percent in 2024, to US$227.5 million, "
        "lifted it to fourth place among all partners, ahead of Japan. The Netherlands, the ninth-largest "
        "market in 2020 with US$129.8 million, increased its purchases in three of the four following years and "
        "bought US$194.1 million in 2024, 49.6 percent more, when it ranked sixth; by then it trailed Japan by "
        "just US$13.9 million.",
    ),
    ("table_caption", TABLE_CAPTION),
    ("table", TABLE),
    ("h", "Method and notes"),
    (
        "p",
        "The figures are total US exports at F.A.S. (free alongside ship) value under HTS chapter 95, taken from "
        "a USITC DataWeb query covering every country, in US dollars; we converted them to millions and rounded "
        "half up to one decimal. 'All partners' adds up every country in the query, and the chapter's share of "
        "US goods exports and its rank are measured against the total of all 97 chapters. We computed the sums, "
        "shares, ratios, ranks among partner countries and growth rates from the unrounded values, so the rows "
        "of the table may not sum exactly. Imports of these goods and physical quantities are outside the scope "
        "of this report.",
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
