"""Regenerate the binary held-out evaluation documents (DOCX, PDF) under eval/documents/.

    python scripts/make_eval_documents.py

Needs python-docx and reportlab (the ``test`` extra). The generated files are committed; run this
only after changing the text here. The output is byte-for-byte reproducible (fixed creation dates,
fixed zip member times, reportlab's invariant mode).

Every figure below was read from ../shared/data/trade/*.csv (see SOURCES.md there), never typed
from memory: the Secretaría de Economía FDI by state (quarterly, 1999–2017), BTS TransBorder
Freight Data (annual by mode; monthly by mode) and the U.S. Census Bureau country table
(January–June 2024). The prose is written by this project ("nearshore-qa eval set", 2026-11-30).
The Markdown, text and HTML documents beside these are written by hand from the same tables.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "eval" / "documents"
PUBLISHER = "nearshore-qa eval set"
WRITTEN = datetime(2026, 11, 30, 9, 0, 0)
FIXED_ZIP_TIME = (2026, 11, 30, 0, 0, 0)

# --- DOCX 1: FDI in the Bajío and western states, 2008–2012 (Secretaría de Economía) ----------

FDI_TITLE = "Foreign investment in the Bajío and Jalisco before the nearshoring boom, 2008–2012"
FDI_PARAGRAPHS = [
    ("h1", "Why look back"),
    (
        "p",
        "The Bajío states — Guanajuato, Querétaro, Aguascalientes and San Luis Potosí — and "
        "neighbouring Jalisco are now counted among Mexico's nearshoring winners. The Secretaría de "
        "Economía's state series for foreign direct investment (FDI) shows that the flows were "
        "already large, and very uneven from year to year, a decade before the term became common. "
        "Figures are FDI flows in millions of US dollars as published in May 2018; 2016–2017 were "
        "preliminary then, and these earlier years are final.",
    ),
    ("h1", "Guanajuato's jump"),
    (
        "p",
        "Guanajuato received US$401.5 million of FDI in 2010 and US$1,448.8 million in 2011, more "
        "than three times as much, according to the Secretaría de Economía. In 2012 Guanajuato took "
        "in US$1,341.4 million and ranked third among all states, behind Estado de México "
        "(US$3,095.0 million) and Jalisco (US$1,418.5 million).",
    ),
    (
        "p",
        "Jalisco was the stronger magnet in 2010, with US$2,249.8 million, the third-largest amount "
        "of any state that year after Nuevo León (US$4,811.7 million) and Mexico City "
        "(US$4,030.0 million).",
    ),
    ("h1", "Querétaro's negative quarter"),
    (
        "p",
        "Querétaro received more than US$1 billion of FDI in each of 2008, 2009 and 2011, but only "
        "US$93.7 million in 2012: a disinvestment of US$550.6 million in the fourth quarter of 2012 "
        "wiped out most of the US$644.3 million recorded in the first three quarters. San Luis "
        "Potosí moved the other way, from US$85.0 million in 2009 to US$879.7 million in 2012, while "
        "Aguascalientes stayed between US$215.1 million and US$352.3 million a year.",
    ),
    (
        "p",
        "Together the five states received US$4,085.6 million of FDI in 2012, 18.8% of the "
        "national total of US$21,730.3 million.",
    ),
    ("table_caption", "Table 1. FDI by state, 2008–2012 (US$ million)"),
    (
        "table",
        [
            ["State", "2008", "2009", "2010", "2011", "2012"],
            ["Guanajuato", "751.8", "508.7", "401.5", "1,448.8", "1,341.4"],
            ["Querétaro", "1,071.5", "1,134.3", "847.9", "1,072.4", "93.7"],
            ["Aguascalientes", "337.4", "342.1", "316.1", "215.1", "352.3"],
            ["San Luis Potosí", "460.7", "85.0", "473.5", "268.2", "879.7"],
            ["Jalisco", "1,034.9", "1,016.0", "2,249.8", "1,069.1", "1,418.5"],
            ["Mexico (32 states)", "29,420.0", "18,165.2", "27,319.0", "25,221.4", "21,730.3"],
        ],
    ),
    ("table_caption", "Table 2. FDI by quarter, 2012 (US$ million; negative flows in parentheses)"),
    (
        "table",
        [
            ["State", "Q1", "Q2", "Q3", "Q4"],
            ["Guanajuato", "286.8", "335.8", "394.4", "324.5"],
            ["Querétaro", "260.8", "131.7", "251.8", "(550.6)"],
            ["Aguascalientes", "210.3", "(31.3)", "103.4", "69.9"],
        ],
    ),
    ("h1", "Sources"),
    (
        "p",
        'Secretaría de Economía (Dirección General de Inversión Extranjera), "Inversión extranjera '
        'directa" by federal entity, quarterly 1999–2017, vintage May 2018, datos.gob.mx resource '
        "caca107b-ad92-4e2e-b862-3d9b3e4050eb, https://datos.gob.mx",
    ),
]

# --- DOCX 2: US–Canada trade by mode, 2023–2024 (BTS TransBorder) -----------------------------

MODE_TITLE = "How US–Canada trade moves: trucks, rail, pipelines and ships, 2023–2024"
MODE_PARAGRAPHS = [
    (
        "p",
        "The northern border carries a different mix of freight from the southern one. This note "
        "uses the Bureau of Transportation Statistics (BTS) TransBorder Freight Data, which record "
        "US–Canada goods trade by mode of transport, in nominal US dollars.",
    ),
    ("h1", "Trucks carry more than half"),
    (
        "p",
        "Trucks carried US$422.80 billion of US–Canada trade in 2024, 55.54% of the total, down "
        "from US$435.70 billion and 56.30% in 2023, according to BTS TransBorder Freight Data. On "
        "the Mexican border the truck share was far higher, at 72.51% in 2024.",
    ),
    (
        "p",
        "US exports to Canada by truck were US$223.09 billion in 2024 and US imports from Canada "
        "by truck US$199.71 billion.",
    ),
    ("h1", "Rail and pipelines"),
    (
        "p",
        "Rail carried US$104.84 billion of US–Canada trade in 2024, 7.9% less than the "
        "US$113.86 billion of 2023; US$66.30 billion of the 2024 rail trade was imports from Canada "
        "and US$38.54 billion exports. Pipelines carried US$100.86 billion in 2024, 13.25% of the "
        "total, so rail (13.77%) stayed just ahead of pipelines as the second mode.",
    ),
    ("h1", "Ships and aircraft"),
    (
        "p",
        "Vessels carried US$38.37 billion of US–Canada trade in 2024, up from US$34.90 billion, "
        "and overtook air freight, which fell from US$35.58 billion to US$34.62 billion. Total "
        "US–Canada trade recorded by BTS was US$761.20 billion in 2024, against US$773.94 billion "
        "in 2023.",
    ),
    ("table_caption", "US–Canada trade by mode of transport (US$ billion)"),
    (
        "table",
        [
            ["Mode", "Total 2023", "Total 2024", "Exports 2024", "Imports 2024"],
            ["Truck", "435.70", "422.80", "223.09", "199.71"],
            ["Rail", "113.86", "104.84", "38.54", "66.30"],
            ["Pipeline", "105.20", "100.86", "8.92", "91.94"],
            ["Vessel", "34.90", "38.37", "14.85", "23.51"],
            ["Air", "35.58", "34.62", "17.87", "16.75"],
            ["Other and unknown", "44.75", "55.22", "45.20", "10.02"],
            ["Foreign Trade Zones", "3.93", "4.47", "—", "4.47"],
        ],
    ),
    ("h1", "Sources"),
    (
        "p",
        "Bureau of Transportation Statistics, North American TransBorder Freight Data, US–Canada "
        "trade by mode, annual 2023–2024 (raw data downloaded 2026-03-21, aggregated by the "
        "University of North Texas), https://www.bts.gov/transborder",
    ),
]

# --- PDF 1: US–Mexico trade by month and mode, 2025 (BTS TransBorder) -------------------------

MONTHLY_TITLE = "US–Mexico trade month by month in 2025: trucks, rail and the March peak"
MONTHLY_RUNNING = "nearshore-qa eval set · US–Mexico monthly trade 2025"
MONTHLY_PAGES = [
    [
        ("h", MONTHLY_TITLE),
        (
            "p",
            "Annual figures say that US–Mexico trade kept growing in 2025. The monthly BTS "
            "TransBorder Freight Data show how uneven the year was. All values are US exports to "
            "and imports from Mexico by all modes, in nominal US dollars.",
        ),
        ("h2", "The first quarter"),
        (
            "p",
            "US–Mexico trade was US$77.34 billion in March 2025, the highest month of the first "
            "half, with US imports from Mexico of US$47.98 billion and US exports to Mexico of "
            "US$29.36 billion, according to BTS TransBorder Freight Data. February was the "
            "weakest month of the year at US$68.39 billion. The first quarter as a whole came to "
            "US$215.34 billion.",
        ),
        ("h2", "Trucks and trains"),
        (
            "p",
            "Trucks carried US$55.56 billion of US–Mexico trade in March 2025, 71.8% of the "
            "month's total, and rail US$8.69 billion, the largest monthly rail figure of the year. "
            "The smallest rail month was December, at US$6.99 billion, while the smallest truck "
            "month was April, at US$51.25 billion.",
        ),
        (
            "p",
            "US exports to Mexico were lowest in November 2025, at US$26.62 billion, and highest "
            "in October; US imports from Mexico ranged from US$41.64 billion in February to their "
            "October high.",
        ),
    ],
    [
        ("h2", "Month by month"),
        ("table_caption", "Table 1. US–Mexico trade by month, 2025 (US$ billion)"),
        (
            "table",
            [
                ["Month", "Exports", "Imports", "Total", "Truck", "Rail"],
                ["January", "27.93", "41.68", "69.61", "51.98", "7.37"],
                ["February", "26.75", "41.64", "68.39", "51.38", "7.49"],
                ["March", "29.36", "47.98", "77.34", "55.56", "8.69"],
                ["April", "27.85", "41.87", "69.71", "51.25", "7.36"],
                ["May", "28.18", "46.34", "74.52", "54.41", "8.55"],
                ["June", "28.10", "44.87", "72.98", "53.46", "8.47"],
                ["July", "28.99", "45.37", "74.36", "54.85", "7.90"],
                ["August", "29.25", "45.15", "74.40", "53.31", "8.18"],
                ["September", "27.20", "44.58", "71.77", "53.43", "7.84"],
                ["October", "29.58", "48.52", "78.10", "58.20", "8.50"],
                ["November", "26.62", "44.52", "71.13", "52.94", "7.41"],
                ["December", "28.16", "42.36", "70.52", "51.48", "6.99"],
            ],
        ),
        (
            "p",
            "Truck and rail are two of the modes; the total also includes pipeline, vessel, air and other shipments.",
        ),
        ("h2", "Sources"),
        (
            "p",
            "Bureau of Transportation Statistics, North American TransBorder Freight Data, "
            "US–Mexico trade by month and mode, January–December 2025 (raw data downloaded "
            "2026-03-21, aggregated by the University of North Texas), https://www.bts.gov/transborder",
        ),
    ],
]

# --- PDF 2: US goods trade with partners after the big three, January–June 2024 (Census) ------

H1_TITLE = "After the big three: US goods trade with Germany, Japan, Korea and others, January–June 2024"
H1_RUNNING = "nearshore-qa eval set · US partners, first half of 2024"
H1_PAGES = [
    [
        ("h", H1_TITLE),
        (
            "p",
            "Mexico, Canada and China are the three largest US goods trading partners. This note "
            "looks at the next tier of partners in the first half of 2024, the latest period in "
            "the U.S. Census Bureau country table used here (goods, Census basis, not seasonally "
            "adjusted, nominal US dollars).",
        ),
        ("h2", "Germany and Japan"),
        (
            "p",
            "Germany was the fourth-largest US goods trading partner in January–June 2024, with "
            "total trade of US$118.12 billion, ahead of Japan at US$112.33 billion and South "
            "Korea at US$100.90 billion, according to the U.S. Census Bureau. US imports from "
            "Germany were US$80.19 billion in the half year, against US$79.58 billion in "
            "January–June 2023.",
        ),
        (
            "p",
            "The US deficit with Japan was US$34.04 billion in the first half of 2024, and the "
            "deficit with South Korea US$34.08 billion, almost the same; the deficit with Germany "
            "was larger, at US$42.26 billion.",
        ),
        ("h2", "Vietnam and India"),
        (
            "p",
            "US imports from Vietnam rose to US$61.93 billion in January–June 2024, up 17.4% from "
            "US$52.74 billion a year earlier, while US exports to Vietnam were only US$5.36 "
            "billion, leaving a deficit of US$56.57 billion. India's total trade with the United "
            "States was US$65.72 billion, with US imports from India of US$44.72 billion.",
        ),
        ("h2", "The surplus partners"),
        (
            "p",
            "The Netherlands gave the United States its largest goods surplus among these "
            "partners, US$27.14 billion in the half year, and the United Kingdom a surplus of "
            "US$5.84 billion; Ireland, by contrast, produced a deficit of US$38.24 billion.",
        ),
    ],
    [
        ("h2", "Partners ranked by total trade"),
        (
            "table_caption",
            "Table 1. US goods trade by partner, January–June 2024 (US$ million; deficits in parentheses)",
        ),
        (
            "table",
            [
                ["Partner", "Exports", "Imports", "Total trade", "Balance"],
                ["Germany", "37,930.9", "80,186.3", "118,117.2", "(42,255.4)"],
                ["Japan", "39,145.8", "73,186.2", "112,332.0", "(34,040.5)"],
                ["South Korea", "33,413.5", "67,491.1", "100,904.6", "(34,077.6)"],
                ["United Kingdom", "38,976.5", "33,141.4", "72,117.9", "5,835.1"],
                ["Taiwan", "20,884.3", "50,833.2", "71,717.5", "(29,948.9)"],
                ["Vietnam", "5,357.0", "61,925.4", "67,282.5", "(56,568.4)"],
                ["India", "21,008.4", "44,715.8", "65,724.2", "(23,707.4)"],
                ["Netherlands", "44,019.0", "16,883.3", "60,902.3", "27,135.7"],
                ["Ireland", "8,338.6", "46,579.4", "54,918.0", "(38,240.8)"],
            ],
        ),
        (
            "p",
            "Figures for 2024 cover January–June only; the Census Bureau publishes monthly and "
            "revises the year in its annual revision.",
        ),
        ("h2", "Sources"),
        (
            "p",
            'U.S. Census Bureau, Foreign Trade Division, "Trade in Goods by Country" '
            "(country.xlsx, vintage after the June 2024 annual revision), January–June 2023 and "
            "2024, https://www.census.gov/foreign-trade/balance/country.xlsx",
        ),
    ],
]


def make_docx(path: Path, title: str, paragraphs: list, publisher: str = PUBLISHER) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = publisher
    props.created = WRITTEN
    props.modified = WRITTEN
    props.last_modified_by = publisher
    props.subject = "Data: see the Sources section"
    document.add_paragraph(title, style="Title")
    document.add_paragraph(f"{publisher} · written 30 November 2026")
    for kind, content in paragraphs:
        if kind == "h1":
            document.add_heading(content, level=1)
        elif kind == "table_caption":
            document.add_paragraph(content, style="Caption")
        elif kind == "table":
            add_docx_table(document, content)
        else:
            document.add_paragraph(content)
    document.save(str(path))
    _fix_zip_times(path)


def add_docx_table(document, rows: list[list[str]]) -> None:
    """``rows`` of cell strings as a Word table with grid lines (the header first)."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def make_pdf(path: Path, title: str, running: str, pages: list, publisher: str = PUBLISHER) -> None:
    """Each item of ``pages`` starts a new page; a long one flows onto further pages (a table splits
    across the break), and "Page N of M" counts the pages actually laid out."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    styles = getSampleStyleSheet()
    style_of = {
        "h": styles["Heading1"],
        "h2": styles["Heading2"],
        "p": styles["BodyText"],
        "table_caption": styles["Italic"],
    }

    def story() -> list:
        return list(_flowables(pages, style_of))

    total = len(pages)

    def furniture(canvas, doc):
        canvas.setTitle(title)
        canvas.setAuthor(publisher)
        canvas.setSubject("Data: see the Sources section")
        canvas.setDateFormatter(lambda *_: "D:20261130000000+00'00'")
        width, height = A4
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, height - 40, running)  # the running title on every page
        canvas.drawRightString(width - 72, 30, f"Page {doc.page} of {total}")

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=title, author=publisher)
    doc.build(story(), onFirstPage=furniture, onLaterPages=furniture)
    if doc.page != total:  # content flowed past its page: lay it out again with the true count
        total = doc.page
        doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=title, author=publisher)
        doc.build(story(), onFirstPage=furniture, onLaterPages=furniture)


def _flowables(pages: list, style_of: dict):
    from reportlab.lib import colors
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    for number, page in enumerate(pages):
        if number:
            yield PageBreak()
        for kind, content in page:
            if kind == "table":
                table = Table(content)
                table.setStyle(
                    TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])
                )
                yield table
            else:
                yield Paragraph(content, style_of[kind])
            yield Spacer(1, 6)


def _fix_zip_times(path: Path, when: tuple[int, ...] = FIXED_ZIP_TIME, mode: int | None = None) -> None:
    """Rewrite a zip container with fixed member times (and, given ``mode``, fixed permissions),
    so regenerating is reproducible."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr if mode is None else mode
            dst.writestr(info, src.read(item.filename))
    path.write_bytes(buf.getvalue())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    outputs = {
        "fdi-bajio-and-jalisco-2008-2012.docx": lambda p: make_docx(p, FDI_TITLE, FDI_PARAGRAPHS),
        "us-canada-trade-by-mode-2023-2024.docx": lambda p: make_docx(p, MODE_TITLE, MODE_PARAGRAPHS),
        "us-mexico-monthly-trade-by-mode-2025.pdf": lambda p: make_pdf(
            p, MONTHLY_TITLE, MONTHLY_RUNNING, MONTHLY_PAGES
        ),
        "us-partners-after-the-big-three-h1-2024.pdf": lambda p: make_pdf(p, H1_TITLE, H1_RUNNING, H1_PAGES),
    }
    for name, make in outputs.items():
        make(OUT / name)
        print(f"eval/documents/{name}  {(OUT / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
