"""Writes eval/documents-fresh16/foreign-investment-in-five-northern-border-states-2011-2012.docx
(figures from scripts/fresh16_figures.py, doc 4), structured like scripts/make_fresh13_docx.py. Deterministic:
fixed core properties and text kept here. Run:  python scripts/make_fresh16_docx.py"""

from pathlib import Path

from eval_documents import write_docx

OUT = str(
    Path(__file__).resolve().parent.parent
    / "eval/documents-fresh16/foreign-investment-in-five-northern-border-states-2011-2012.docx"
)
TITLE = "After the boom year: foreign investment in Nuevo León, Chihuahua, Baja California, Tamaulipas and Coahuila, 2011–2012"

BODY = [
    (
        "p",
        "In 2010 the border state of Nuevo León had drawn more foreign direct investment (FDI) than any "
        "other Mexican state. This report follows five of the six states along the US border, Nuevo León, "
        "Chihuahua, Baja California, Tamaulipas and Coahuila, quarter by quarter through 2011 and 2012, "
        "when inflows to the north cooled. The figures are the Secretaría de Economía's FDI flows by "
        "federal entity, reported quarterly in millions of US dollars, in the May 2018 vintage of the "
        "series.",
    ),
    ("h", "Nuevo León: from first to fourth"),
    (
        "p",
        "Nuevo León, which had led all 32 states in 2010 with US$4,811.7 million, received US$1,860.1 "
        "million in 2011, 61.3 percent less, and ranked third nationally, behind Ciudad de México and the "
        "Estado de México. Its inflow dipped to US$240.1 million in the third quarter before a fourth "
        "quarter of US$686.4 million, the largest quarter of any of the five states in the two years. In "
        "2012 the state drew US$1,327.9 million, down 28.6 percent, and slipped to fourth place; its fourth "
        "quarter of that year brought only US$41.9 million.",
    ),
    ("h", "Chihuahua: the steadiest"),
    (
        "p",
        "Chihuahua held almost level, with US$1,270.6 million in 2011 and US$1,253.0 million in 2012, a "
        "decline of just 1.4 percent, ranking fifth and then sixth among the states. In both years its "
        "first quarter was its strongest, US$506.2 million in 2011 and US$555.5 million in 2012. With 24.5 "
        "percent of the five states' FDI in 2012, Chihuahua came second only to Nuevo León, whose share "
        "had shrunk to 26.0 percent from 33.7 percent in 2011.",
    ),
    ("h", "Baja California and Tamaulipas: back up in 2012"),
    (
        "p",
        "Baja California and Tamaulipas both received more in 2012. Baja California's inflow rose 22.9 "
        "percent, from US$820.4 million to US$1,008.1 million, despite a second quarter of only US$66.9 "
        "million, and the state ranked tenth in both years. Tamaulipas went from US$897.0 million to "
        "US$1,037.7 million, up 15.7 percent, and held ninth place; a strong second quarter in 2011, "
        "US$499.3 million, was followed by just US$23.4 million in the third, and its best quarter of 2012 "
        "was the fourth, at US$368.1 million.",
    ),
    ("h", "Coahuila: the smallest of the five"),
    (
        "p",
        "Coahuila received the least of the five in both years: US$672.8 million in 2011, twelfth among "
        "the states, and US$478.8 million in 2012, a fall of 28.8 percent that dropped it to sixteenth. "
        "Its fourth quarter of 2012, US$74.1 million, was its weakest of the eight quarters.",
    ),
    ("h", "The five together"),
    (
        "p",
        "The five states together drew US$5,520.9 million in 2011, 44.2 percent less than the US$9,897.8 "
        "million of 2010, and US$5,105.5 million in 2012, down 7.5 percent, a milder fall than the 13.8 "
        "percent recorded for Mexico as a whole, from US$25,221.4 million to US$21,730.3 million. Their "
        "share of national FDI therefore rose from 21.9 percent to 23.5 percent. None of the five had a "
        "quarter of net outflow in 2011 or 2012. Their best quarter together was the first quarter of 2012, with "
        "US$1,764.2 million, and the weakest the third quarter of 2011, with US$886.8 million.",
    ),
    ("h", "Method and notes"),
    (
        "p",
        "FDI figures are net flows as recorded by the Secretaría de Economía: a negative quarter would "
        "mean that disinvestment exceeded new investment. Annual totals are our sums of the unrounded "
        "quarterly figures, so they can differ by 0.1 from the sum of the rounded quarters. Five-state "
        "totals, shares, ranks among the 32 federal entities and rates of change are our own calculations. "
        "Sonora, the sixth border state, is not covered. Later vintages of the series revise these years.",
    ),
    ("h", "Sources"),
    (
        "p",
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        "se_mexico_fdi_by_state_quarterly_1999_2017.csv), 2010–2012, https://datos.gob.mx.",
    ),
]

write_docx(OUT, TITLE, ["nearshore-qa · 2 December 2026"], BODY)
