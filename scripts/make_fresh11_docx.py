"""Writes eval/documents-fresh11/foreign-investment-in-puebla-hidalgo-morelos-and-tlaxcala-2008-2010.docx
(figures from scripts/fresh11_figures.py), structured like the earlier sets' .docx files."""

from pathlib import Path

from eval_documents import write_docx

OUT = str(
    Path(__file__).resolve().parent.parent
    / "eval/documents-fresh11/foreign-investment-in-puebla-hidalgo-morelos-and-tlaxcala-2008-2010.docx"
)
TITLE = "Around the capital: foreign investment in Puebla, Hidalgo, Morelos and Tlaxcala, 2008–2010"

BODY = [
    (
        "p",
        "Mexico City and the State of Mexico draw most of the attention when foreign direct investment (FDI) "
        "in central Mexico is counted, but four neighbouring states, Puebla, Hidalgo, Morelos and Tlaxcala, "
        "rode the 2009 slump and the 2010 recovery in their own ways. This report follows FDI in the four "
        "states from 2008 to 2010. The figures are the Secretaría de Economía's FDI flows by federal entity, "
        "reported quarterly in millions of US dollars, in the May 2018 vintage of the series. They are net "
        "flows: a negative quarter means that outflows, such as disinvestment, exceeded new investment in "
        "that state. Annual totals are our sums of the unrounded quarterly figures, so they can differ by "
        "0.1 from the sum of the rounded quarters; four-state totals, shares of the national total, ranks "
        "among the 32 federal entities and rates of change are our own calculations.",
    ),
    ("h", "Puebla, the leader"),
    (
        "p",
        "Puebla received more foreign investment than any of the other three in each of the three years. "
        "Its inflow fell from US$380.9 million in 2008 to US$191.3 million in 2009, 49.8 percent less by our "
        "calculation, and the fourth quarter of 2009 was a net outflow of US$8.7 million, Puebla's only "
        "negative quarter of the period. Then it rebounded: US$784.1 million in 2010, more than four times "
        "the 2009 figure, which lifted Puebla from eighteenth place among the 32 states in 2008 and 2009 to "
        "eleventh. The fourth quarter of 2010 alone brought US$335.3 million, the largest quarterly inflow "
        "of any of the four states in the three years.",
    ),
    ("h", "Hidalgo's jump"),
    (
        "p",
        "Hidalgo was among the smallest recipients in the country in 2008, thirty-first of 32 states with "
        "US$121.7 million. Its inflow slipped only 8.5 percent in 2009, to US$111.5 million, the mildest "
        "decline of the four (our calculation), and in 2010 it reached US$380.3 million, more than three "
        "times the 2008 level, with US$265.8 million arriving in the second quarter of 2010. That put "
        "Hidalgo eighteenth among the states in 2010. Like Tlaxcala, it did not record a single quarter "
        "of net outflow in the three years.",
    ),
    ("h", "Morelos swings"),
    (
        "p",
        "Morelos was the most volatile of the four. A first quarter of US$285.8 million in 2008 was followed "
        "by a net outflow of US$39.4 million in the second, and the year ended at US$284.8 million, the "
        "second-largest total of the four. In 2009 it received US$121.7 million, 57.3 percent less, the "
        "steepest fall of the four, and its fourth quarter, minus US$64.4 million, was the largest net "
        "outflow any of the four states recorded in any quarter of the period. The recovery of 2010, to "
        "US$199.4 million, left Morelos 30.0 percent below its 2008 inflow (our calculation).",
    ),
    ("h", "Tlaxcala, the smallest"),
    (
        "p",
        "Tlaxcala received US$123.7 million in 2008, slightly more than Hidalgo that year, then US$72.2 "
        "million in 2009 and US$91.2 million in 2010, the smallest of the four in both of the later years. "
        "It ranked thirtieth among the 32 states in 2008 and thirty-first in 2009 and 2010. Its weakest "
        "quarter was the second of 2009, when it took in just US$0.5 million.",
    ),
    ("h", "The four together"),
    (
        "p",
        "Taken together, the four states received US$911.1 million of FDI in 2008, US$496.6 million in 2009 "
        "and US$1,455.0 million in 2010 (our sums). Their 2009 decline, 45.5 percent, was steeper than the "
        "38.3 percent fall in FDI for Mexico as a whole, from US$29,420.0 million in 2008 to US$18,165.2 "
        "million in 2009, and their recovery was stronger: the national total rose to US$27,319.0 million in "
        "2010, while the four states' share of it went from 3.1 percent in 2008 and 2.7 percent in 2009 to "
        "5.3 percent (our calculations).",
    ),
    ("h", "Sources"),
    (
        "p",
        "Secretaría de Economía (DGIE), Inversión extranjera directa by federal entity, quarterly 1999–2017, "
        "vintage May 2018 (datos.gob.mx resource caca107b-ad92-4e2e-b862-3d9b3e4050eb; file "
        "se_mexico_fdi_by_state_quarterly_1999_2017.csv), 2008–2010, https://datos.gob.mx.",
    ),
]

write_docx(OUT, TITLE, ["nearshore-qa · written 2 December 2026", "nearshore-qa · 2 December 2026"], BODY)
