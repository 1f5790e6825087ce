"""Writes eval/documents-fresh13/foreign-investment-in-veracruz-tabasco-campeche-chiapas-and-oaxaca-2005-2006.docx
(figures from scripts/fresh13_figures.py, doc 4), structured like scripts/make_fresh11_docx.py. Deterministic:
fixed core properties and text kept here. Run:  python scripts/make_fresh13_docx.py"""

from pathlib import Path

from eval_documents import write_docx

OUT = str(
    Path(__file__).resolve().parent.parent
    / "eval/documents-fresh13/foreign-investment-in-veracruz-tabasco-campeche-chiapas-and-oaxaca-2005-2006.docx"
)
TITLE = "Oil coast and the south: foreign investment in Veracruz, Tabasco, Campeche, Chiapas and Oaxaca, 2005–2006"

BODY = [
    (
        "p",
        "This report looks at foreign investment in five states of Mexico's Gulf coast and south, "
        "Veracruz, Tabasco and Campeche on the oil coast and Chiapas and Oaxaca on the Pacific side, quarter "
        "by quarter through 2005 and 2006. The figures are the Secretaría de Economía's foreign direct investment (FDI) "
        "flows by federal entity, reported quarterly in millions of US dollars, in the May 2018 vintage of "
        "the series. They are net flows: a negative quarter means that outflows, such as disinvestment, "
        "exceeded new investment in that state. Annual totals are our sums of the unrounded quarterly "
        "figures, so they can differ by 0.1 from the sum of the rounded quarters; five-state totals, shares "
        "of the national total, ranks among the 32 federal entities and rates of change are our own "
        "calculations.",
    ),
    ("h", "Veracruz, the largest"),
    (
        "p",
        "Veracruz received US$484.7 million of FDI in 2005, more than any of the other four and the "
        "fourteenth-largest amount among the 32 states. Nearly all of it came in the first half: US$208.5 "
        "million in the first quarter and US$222.3 million in the second, the biggest quarterly inflow of "
        "any of the five states in the two years, against just US$3.6 million in the third. In 2006 the "
        "state took in US$252.7 million and ranked fifteenth, and its third quarter of 2006 was a net "
        "outflow of US$16.3 million, the deepest negative quarter among the five. Veracruz alone accounted for 46.6 percent of the five states' FDI in 2005 and 44.7 percent in 2006 (our shares).",
    ),
    ("h", "Tabasco and Campeche"),
    (
        "p",
        "Tabasco drew US$158.1 million in 2005, second among the five and twenty-first nationally, with its "
        "best quarter, US$63.7 million, in the second. In 2006 it received only US$82.4 million and fell to "
        "twenty-ninth place; the year opened with a net outflow of US$2.0 million in the first quarter, and "
        "its strongest quarter was the third, at US$41.5 million. Veracruz and Tabasco both lost 47.9 "
        "percent of their inflow between the two years (our calculation). Campeche "
        "received US$129.3 million in 2005, of which US$103.2 million arrived in the first quarter, "
        "followed by a small net outflow of US$1.5 million in the third. Its 2006 total was just US$30.2 "
        "million, 76.7 percent less, the steepest fall of the five, leaving it thirty-first of the 32 states, "
        "and its fourth quarter of 2006 was again negative, minus US$3.9 million.",
    ),
    ("h", "Chiapas and Oaxaca"),
    (
        "p",
        "Chiapas took in US$142.1 million in 2005, twenty-third among the states, peaking at US$58.8 million "
        "in the second quarter, and US$89.3 million in 2006, a decline of 37.2 percent that dropped it to "
        "twenty-eighth. Oaxaca, the smallest of the five in 2005 with US$126.6 million, held up best: its "
        "inflow slipped only 12.9 percent, to US$110.3 million, the mildest fall of the five, and it rose "
        "from twenty-sixth to twenty-fourth place. That made Oaxaca the second-largest recipient of the five "
        "in 2006, helped by US$58.1 million in the second quarter.",
    ),
    ("h", "The five together"),
    (
        "p",
        "Taken together, the five states received US$1,040.8 million of FDI in 2005 and US$564.9 million in "
        "2006 (our sums), a fall of 45.7 percent, far steeper than the 18.9 percent decline for Mexico as a "
        "whole, from US$26,023.1 million to US$21,098.1 million. Their share of the national total went from "
        "4.0 percent to 2.7 percent. The five took in "
        "US$438.6 million in the first quarter of 2005 and US$432.4 million in the second, but only US$47.2 "
        "million in the third; in 2006 their best quarter was the second, with US$238.8 million. Over the "
        "eight quarters there were four of net outflow, two of them in Campeche.",
    ),
    ("h", "Sources"),
    (
        "p",
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        "se_mexico_fdi_by_state_quarterly_1999_2017.csv), 2005–2006, https://datos.gob.mx.",
    ),
]

write_docx(OUT, TITLE, ["nearshore-qa · 2 December 2026"], BODY)
