"""Writes eval/documents-fresh15/us-goods-trade-with-guatemala-honduras-el-salvador-nicaragua-costa-rica-and-panama-2019-2023.docx
(figures from scripts/fresh15_figures.py, doc 1), structured like scripts/make_fresh13_docx.py. Deterministic:
fixed core properties and text kept here. Run:  python scripts/make_fresh15_docx.py"""

from pathlib import Path

from eval_documents import write_docx

OUT = str(
    Path(__file__).resolve().parent.parent
    / "eval/documents-fresh15"
    / "us-goods-trade-with-guatemala-honduras-el-salvador-nicaragua-costa-rica-and-panama-2019-2023.docx"
)
TITLE = (
    "Surpluses on the isthmus: US goods trade with Guatemala, Honduras, El Salvador, Nicaragua, "
    "Costa Rica and Panama, 2019–2023"
)

BODY = [
    (
        "p",
        "Central America is one of the few regions where the United States sells more goods than it buys. "
        "This report follows US goods trade with Guatemala, Honduras, El Salvador, Nicaragua, Costa Rica and "
        "Panama through the pandemic slump of 2020, the rebound of 2021 and 2022 and the cooling of 2023, "
        "using the U.S. Census Bureau's annual trade by partner country, in millions of US dollars.",
    ),
    ("h", "Panama: the biggest customer, the smallest supplier"),
    (
        "p",
        "Panama bought more American goods than any of the other five in 2019, 2022 and 2023, while "
        "Guatemala led in the pandemic years 2020 and 2021. US exports to Panama were US$7,537.8 million in "
        "2019 and fell 25.0 percent to US$5,655.5 million in 2020, the steepest drop among the six. They then "
        "surged 47.4 percent in 2022, to US$11,853.1 million, which lifted Panama to thirty-first place among "
        "US export markets, up from thirty-fifth in 2019, before slipping to US$11,066.6 million in 2023. "
        "Imports from Panama stayed tiny: US$439.6 million in 2019 and US$526.3 million in 2023, when Panama "
        "ranked only ninety-fifth among suppliers to the United States; in 2022 American sales there were "
        "22.7 times purchases. The US surplus with Panama, the largest of the six in every year, went from "
        "US$7,098.3 million in 2019 to US$11,330.3 million in 2022 and US$10,540.3 million in 2023.",
    ),
    ("h", "Guatemala and Honduras"),
    (
        "p",
        "Guatemala was the second-largest buyer of US goods among the six in 2019, 2022 and 2023. Exports "
        "there went from US$6,803.1 million in 2019 to US$5,844.4 million in 2020, a fall of 14.1 percent, "
        "and then to US$10,134.9 million in 2022; in 2023 they eased 4.0 percent to US$9,725.1 million, still "
        "43.0 percent above 2019 (our calculation). Because imports from Guatemala fell faster in 2023, by "
        "8.9 percent to US$4,835.6 million from US$5,309.4 million, the US surplus kept growing, from US$2,816.7 million in 2019 to US$4,825.5 million in 2022 "
        "and US$4,889.4 million in 2023.",
    ),
    (
        "p",
        "Honduras swung harder: US exports to it dropped 22.6 percent in 2020, to US$4,192.5 million from "
        "US$5,419.6 million, recovered to US$7,827.5 million in 2022 and then lost 13.4 percent, ending 2023 "
        "at US$6,781.5 million. Honduras was the second-largest supplier of the six in 2019, 2022 and 2023, "
        "selling the United States US$4,790.6 million, US$6,053.1 million and US$5,561.0 million of goods; "
        "the US surplus with it was US$629.0 million in 2019, US$1,774.3 million in 2022 and US$1,220.5 "
        "million in 2023.",
    ),
    ("h", "Costa Rica: from surplus to deficit"),
    (
        "p",
        "Costa Rica was the largest two-way trading partner of the six in every year from 2019 to 2023. Two-way trade was "
        "US$11,372.5 million in 2019, US$17,636.3 million in 2022 and US$19,446.0 million in 2023, when Costa "
        "Rica ranked thirty-eighth among all US trading partners, up from forty-second in 2019. Imports drove "
        "the change. US purchases from Costa Rica grew 3.8 percent even in 2020, to US$5,349.3 million, while "
        "those from four of the other five fell; they reached US$8,738.4 million in 2022 and jumped another "
        "19.7 percent to US$10,464.1 million in 2023, more than double the US$5,152.9 million of 2019. US "
        "exports to Costa Rica edged up only 0.9 percent in 2023, to US$8,981.9 million. A surplus of US$1,066.7 million in 2019 "
        "thus shrank to US$159.5 million in 2022 and turned into a deficit of US$1,482.1 million in 2023, the "
        "first US goods deficit with Costa Rica since 2014. By then Costa Rica supplied 36.6 percent of "
        "everything the six sold to the United States, compared with 24.9 percent in 2019.",
    ),
    ("h", "El Salvador and Nicaragua"),
    (
        "p",
        "El Salvador's purchases of US goods fell 23.2 percent in 2020, to US$2,584.3 million from "
        "US$3,365.8 million, climbed to US$4,889.5 million in 2022 and dropped back to US$4,288.9 million in "
        "2023. Its sales to the United States were US$2,478.1 million in 2019, US$2,895.8 million in 2022 and "
        "US$2,453.8 million in 2023, which made El Salvador the only one of the six to sell less to the "
        "United States in 2023 than in 2019, by 1.0 percent. The US surplus with El Salvador roughly doubled, "
        "from US$887.7 million to US$1,835.1 million.",
    ),
    (
        "p",
        "Nicaragua is the exception in the region: the United States ran a deficit with it in every year "
        "covered here, US$2,239.6 million in 2019, US$3,042.1 million in 2022 and US$2,353.0 million in "
        "2023. Imports from Nicaragua were US$3,858.0 million, US$5,689.3 million and US$4,717.8 million in "
        "those years, about twice the US$2,364.8 million of US exports there in 2023, which left Nicaragua "
        "the smallest market of the six and sixty-third among US export destinations.",
    ),
    ("h", "The six together"),
    (
        "p",
        "Taken together, the six bought US$30,964.2 million of US goods in 2019 and US$25,373.0 million in "
        "2020, a fall of 18.1 percent, deeper than the 13.1 percent decline in all US goods exports, then "
        "rebounded by 42.5 percent in 2021 and reached US$46,250.1 million in 2022 and US$43,208.8 million in 2023, 39.5 percent above 2019 (our sums). With imports of US$28,558.6 "
        "million in 2023, the combined surplus, US$10,258.8 million in 2019 and US$17,041.2 million in 2022, "
        "narrowed to US$14,650.2 million. The six took 1.9 percent of all US goods exports in 2019, 2.2 percent in 2022 "
        "and 2.1 percent in 2023, and supplied 0.9 percent of US goods imports in each of the last two years.",
    ),
    ("h", "Notes on method"),
    (
        "p",
        "Goods only, Census basis, not seasonally adjusted: exports are total exports valued F.A.S. (free "
        "alongside ship), imports are general imports at customs value, and a positive balance is a US "
        "surplus. Ranks are among all partner countries in the Census file (233 in 2023), regional "
        "aggregates left out. Six-country sums, shares and percentage changes are our own calculations.",
    ),
    ("h", "Sources"),
    (
        "p",
        "U.S. Census Bureau, Foreign Trade Division, \u201cTrade in Goods by Country\u201d, annual exports, "
        "imports and balance by partner country, 2019–2023 (country.xlsx after the June 2024 annual revision; "
        "file census_us_goods_trade_by_country_annual_1985_2024h1.csv), "
        "https://www.census.gov/foreign-trade/balance/country.xlsx.",
    ),
]

Path(OUT).parent.mkdir(parents=True, exist_ok=True)
write_docx(OUT, TITLE, ["nearshore-qa · 2 December 2026"], BODY)
