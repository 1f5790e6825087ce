"""Writes eval/documents-fresh17/us-railway-equipment-exports-to-six-markets-2020-2024.docx
for the fresh17 evaluation set; the figures are printed by scripts/fresh17_figures.py (doc 4).
Deterministic (eval_documents.write_docx): fixed core properties, text kept here, and the zip members
rewritten with a fixed time and mode, so every run gives the same bytes. Run:  python scripts/make_fresh17_docx.py"""

from pathlib import Path

from eval_documents import write_docx

OUT = (
    Path(__file__).resolve().parent.parent
    / "eval"
    / "documents-fresh17"
    / "us-railway-equipment-exports-to-six-markets-2020-2024.docx"
)
TITLE = (
    "Rails to the south: US exports of railway equipment (HS 86) to Mexico, Canada, Australia, "
    "Kazakhstan, Brazil and Egypt, 2020–2024"
)
BYLINES = ["nearshore-qa · 2 December 2026"]

TABLE_CAPTION = "Table 1. US exports of railway equipment (HS 86) by market, 2020–2024 (US$ million)"
TABLE = [
    ["Market", "2020", "2021", "2022", "2023", "2024"],
    ["Mexico", "628.5", "758.9", "1,215.7", "1,281.2", "1,387.6"],
    ["Canada", "1,003.2", "1,054.0", "1,226.2", "1,131.5", "1,154.4"],
    ["Australia", "59.4", "70.9", "138.3", "126.2", "117.5"],
    ["Kazakhstan", "17.1", "33.8", "43.4", "68.6", "68.7"],
    ["Brazil", "52.9", "69.9", "63.4", "57.7", "65.7"],
    ["Egypt", "237.3", "43.3", "36.6", "183.9", "53.2"],
    ["Six markets together", "1,998.3", "2,030.7", "2,723.5", "2,849.1", "2,847.1"],
    ["All partners", "2,717.4", "2,780.8", "3,533.1", "3,652.9", "3,645.0"],
]

BODY = [
    (
        "p",
        "Chapter 86 of the Harmonized System groups railway and tramway locomotives, rolling stock, "
        "track fixtures and fittings, their parts, and mechanical traffic-signalling equipment. This "
        "report follows US exports of the chapter from 2020 to 2024 to six markets: the two North "
        "American neighbours, Mexico and Canada, and four more distant buyers, Australia, Kazakhstan, "
        "Brazil and Egypt. Values are total exports at F.A.S. value from the U.S. International Trade "
        "Commission's DataWeb, written in millions of US dollars.",
    ),
    ("h", "A chapter near its peak"),
    (
        "p",
        "US exports of railway equipment to all partners totalled US$2,717.4 million in 2020 and "
        "US$2,780.8 million in 2021, then jumped 27.1 percent to US$3,533.1 million in 2022. They "
        "peaked at US$3,652.9 million in 2023 and held almost level in 2024, at US$3,645.0 million, "
        "0.2 percent less than a year earlier but 34.1 percent above 2020 (our calculations). The "
        "chapter is a small one: it made up 0.2 percent of all US goods exports in each of those years "
        "and ranked 52nd of the 97 chapters in 2024. The six markets covered here took 73.5 percent of "
        "it in 2020 and 78.1 percent in 2024, when they bought US$2,847.1 million, 42.5 percent more "
        "than the US$1,998.3 million of 2020.",
    ),
    ("h", "Mexico overtakes Canada"),
    (
        "p",
        "Canada was the largest buyer in 2020, with US$1,003.2 million, or 36.9 percent of the "
        "chapter, while Mexico came second with US$628.5 million. Mexican purchases then rose 20.7 "
        "percent in 2021 and 60.2 percent in 2022, to US$1,215.7 million, only US$10.4 million short "
        "of Canada's US$1,226.2 million. In 2023 the order flipped: Mexico took US$1,281.2 million "
        "while Canadian purchases fell 7.7 percent, to US$1,131.5 million. In 2024 Mexico bought "
        "US$1,387.6 million, 38.1 percent of all US railway-equipment exports and 120.8 percent more "
        "than in 2020, and Canada US$1,154.4 million, 15.1 percent above its 2020 level. Over the five "
        "years together, however, Canada still came first, with US$5,569.2 million against Mexico's "
        "US$5,271.9 million, by our sums. The two neighbours took 60.0 percent of the chapter in 2020 "
        "and 69.7 percent in 2024.",
    ),
    ("h", "Australia, Kazakhstan and Brazil"),
    (
        "p",
        "Australia, the eighth-largest market in 2020 with US$59.4 million, nearly doubled its "
        "purchases in 2022, up 95.1 percent to US$138.3 million, which made it third behind the two "
        "North American neighbours. Its purchases slipped in each of the next two years, but it was "
        "third again in 2024, with US$117.5 million. Kazakhstan grew fastest: from US$17.1 million in "
        "2020, when it ranked seventeenth among partners, its purchases rose every year, to US$68.7 "
        "million in 2024, 302.4 percent more, and it ranked fourth. Railway equipment made up 6.4 "
        "percent of all US exports to the Central Asian country in 2024, against 0.4 percent for "
        "Mexico. Brazil bought US$52.9 million in 2020 and US$69.9 million in 2021, its best year, "
        "before two years of decline; with US$65.7 million in 2024, up 13.9 percent, it was fifth.",
    ),
    ("h", "Egypt: orders that come and go"),
    (
        "p",
        "Egypt's purchases moved with large, irregular orders. At US$237.3 million in 2020 the North "
        "African country was the third-largest market for American railway goods, which accounted for "
        "5.0 percent of all US exports to Egypt that year. The next year they fell 81.8 percent, to "
        "US$43.3 million, and in 2022 Egypt ranked only fifteenth among partners. In 2023 it was third "
        "again, with US$183.9 million, 403.2 percent more than a year before, but a fall of 71.1 "
        "percent in 2024, to US$53.2 million, left it sixth among all partners and last of the six "
        "markets covered here.",
    ),
    ("table_caption", TABLE_CAPTION),
    ("table", TABLE),
    ("h", "Method and notes"),
    (
        "p",
        "Values are total US exports valued F.A.S. (free alongside ship) under HTS chapter 86, from a "
        "USITC DataWeb query of all countries, in US dollars, converted here to millions and rounded "
        "half up to one decimal. The all-partner total is the sum over the countries in the query. "
        "Sums, shares, ranks among partner countries and among the 97 chapters, and rates of change "
        "are our own calculations from the unrounded values, so table rows may not add up exactly. "
        "Imports of railway equipment and quantities such as units or tonnes are not covered.",
    ),
    ("h", "Sources"),
    (
        "p",
        "U.S. International Trade Commission, DataWeb, Total Exports, FAS Value, HTS 2-digit, all "
        "countries, annual 2020–2024 (downloaded 2025-08-07; underlying data U.S. Census Bureau; file "
        "usitc_dataweb_us_total_exports_fas_by_hs2_country_2020_2024.csv), https://dataweb.usitc.gov.",
    ),
]


def main() -> None:
    write_docx(str(OUT), TITLE, BYLINES, BODY)


if __name__ == "__main__":
    main()
