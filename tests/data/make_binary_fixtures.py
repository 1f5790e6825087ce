"""Regenerate the binary test fixtures (PDF, DOCX, XLSX) under tests/data/corpus/.

    python tests/data/make_binary_fixtures.py

Needs reportlab (the ``test`` extra), python-docx and openpyxl. The generated files are
committed, so the suite does not need reportlab; run this only after changing the text here.
Every figure below is taken from corpus/articles/*.md or corpus/tables/*.csv.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "corpus" / "articles"
TABLES = HERE / "corpus" / "tables"
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)

PDF_TITLE = "How the USMCA joint review works"
PDF_PAGES = [
    [
        ("h", PDF_TITLE),
        ("p", "NAFTA had no end date. Its successor does. Article 34.7 of the USMCA, headed "
              "Review and Term Extension, gives the agreement a 16-year term and obliges the three "
              "governments to sit down together and review it every six years."),
        ("p", "The USMCA entered into force on 1 July 2020. Its first joint review therefore falls "
              "on 1 July 2026, the sixth anniversary of entry into force. Counting 16 years from the "
              "same date, the initial term would run to 2036."),
        ("p", "At the joint review each government must say in writing, through its head of "
              "government, whether it wants to extend the agreement for another 16-year term. If all "
              "three confirm, the term is extended automatically and the next review comes six years "
              "later."),
        ("p", "If any one of them does not confirm, the agreement does not end in 2026. Instead the "
              "Free Trade Commission must meet for a joint review every year for the rest of the term, "
              "and the governments can still agree to extend at any of those meetings."),
    ],
    [
        ("h", "The consultation in the United States"),
        ("p", "Before the review, the Office of the United States Trade Representative must hear the "
              "public. Its notice opening the consultation was published in the Federal Register on "
              "17 September 2025."),
        ("p", "Written comments and requests to appear at the public hearing were due on "
              "3 November 2025. The hearing itself was first set for 17 November 2025 and was later "
              "moved to 3-5 December 2025, in a notice issued on 7 November 2025."),
        ("p", "What the governments will decide in 2026 is not written in the treaty, and this note "
              "does not guess at it."),
    ],
]
PDF_NAME = "usmca-joint-review.pdf"


def make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for number, page in enumerate(PDF_PAGES):
        if number:
            story.append(PageBreak())
        for kind, text in page:
            story.append(Paragraph(text, styles["Heading1" if kind == "h" else "BodyText"]))
            story.append(Spacer(1, 6))

    def info(canvas, _doc):
        canvas.setTitle(PDF_TITLE)
        canvas.setAuthor("nearshore-qa test suite")
        canvas.setSubject("USMCA Article 34.7")
        # A fixed creation date (the loader reads it as the published date) and invariant
        # output, so regenerating gives the same bytes.
        canvas.setDateFormatter(lambda *_: "D:20251107000000+00'00'")

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=PDF_TITLE,
                            author="nearshore-qa test suite")
    doc.build(story, onFirstPage=info, onLaterPages=info)


TABLE_PDF = HERE / "tables" / "us_goods_trade_partners.pdf"
# corpus/tables/us_goods_trade_top_partners_annual.csv (U.S. Census Bureau), millions of US$
TABLE_PDF_ROWS = [["Partner", "Exports 2023", "Imports 2023", "Balance 2023"],
                  ["Mexico", "322,742.5", "475,216.0", "(152,473.5)"],
                  ["Canada", "354,356.0", "418,618.7", "(64,262.7)"],
                  ["China", "147,777.8", "426,885.0", "(279,107.2)"]]


def make_table_pdf(path: Path) -> None:
    """A PDF whose table is ruled, as pdfplumber's line strategy reads it (issue 12)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    table = Table(TABLE_PDF_ROWS)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph("U.S. goods trade with Mexico, Canada and China, 2023", styles["Heading1"]),
             Paragraph("U.S. Census Bureau figures, in millions of U.S. dollars; a balance in "
                       "parentheses is a deficit.", styles["BodyText"]), Spacer(1, 6), table]
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="U.S. goods trade 2023",
                            author="nearshore-qa test suite")
    doc.build(story)


DOCX_NAME = "nuevo-leon-investment.docx"
DOCX_TITLE = "Nuevo León keeps drawing foreign investment"


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = DOCX_TITLE
    props.author = "nearshore-qa test suite"
    props.created = datetime(2025, 8, 21, 9, 0, 0)
    props.modified = datetime(2025, 8, 21, 9, 0, 0)
    props.last_modified_by = "nearshore-qa test suite"

    document.add_paragraph(DOCX_TITLE, style="Title")
    document.add_paragraph(
        "Monterrey, the capital of Nuevo León, is the industrial centre of north-eastern Mexico, a "
        "short drive from the Texas border. Investors looking to move production closer to US "
        "customers have long put it near the top of their lists.")
    document.add_heading("Foreign direct investment", level=1)
    document.add_paragraph(
        "Nuevo León received US$46.34 billion of foreign direct investment from 1999 to 2017, "
        "according to Secretaría de Economía data. Only Mexico City (US$105.96 billion) and the State "
        "of Mexico (US$48.34 billion) received more over the same years.")
    document.add_paragraph(
        "That total was 9.2% of the US$502.35 billion that all Mexican states received from 1999 "
        "to 2017. In 2015 alone the state took in US$3.29 billion, second only to Mexico City.")
    document.add_paragraph("The two largest annual inflows in the series were these:")
    table = document.add_table(rows=3, cols=2)
    for row, values in zip(table.rows, [("Year", "FDI inflow"), ("2005", "US$4.84 billion"),
                                        ("2010", "US$4.81 billion")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_heading("The Tesla plan", level=1)
    document.add_paragraph(
        "On 1 March 2023 Tesla said its next Gigafactory would be built in Mexico, at Santa Catarina "
        "on the western edge of the Monterrey metropolitan area. The investment was first announced "
        "at US$5 billion.")
    document.add_paragraph(
        "By July 2024 the project was on hold: Tesla said it was waiting for the outcome of the US "
        "presidential election before going ahead, and the Secretaría de Economía had no record of the "
        "investment being registered.")
    document.save(str(path))
    _fix_zip_times(path)


XLSX_NAME = "trade_by_transport_mode.xlsx"
XLSX_COLUMNS = ("mode", "exports_usd_billions", "imports_usd_billions", "total_trade_usd_billions",
                "share_of_year_total_pct")
XLSX_SHEETS = {
    "2023": [("Truck", 218.50, 342.15, 560.65, 70.18), ("Rail", 33.04, 62.33, 95.36, 11.94),
             ("Vessel", 39.17, 52.24, 91.41, 11.44), ("Air", 13.00, 8.56, 21.56, 2.70),
             ("Pipeline", 7.30, 0.07, 7.37, 0.92)],
    "2024": [("Truck", 234.00, 375.01, 609.01, 72.51), ("Rail", 34.32, 63.93, 98.25, 11.70),
             ("Vessel", 34.34, 47.39, 81.73, 9.73), ("Air", 12.66, 8.87, 21.53, 2.56),
             ("Pipeline", 5.73, 0.01, 5.74, 0.68)],
}


def make_xlsx(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in XLSX_SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(list(XLSX_COLUMNS))
        for row in rows:
            sheet.append(list(row))
    book.properties.creator = "nearshore-qa test suite"
    book.properties.created = datetime(2026, 3, 21)
    book.properties.modified = datetime(2026, 3, 21)
    book.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """Rewrite a zip container with fixed member times, so regenerating is reproducible."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            dst.writestr(info, src.read(item.filename))
    path.write_bytes(buf.getvalue())


# A report with the furniture of a printed PDF (tests/test_furniture.py): a running title at
# the top of every page, "Page N of M" at the foot, and a table caption repeated over the
# continued table. Its facts are PDF_PAGES' (Article 34.7 of the USMCA, the USTR notice).
FURNITURE_PDF = HERE / "furniture" / "usmca-review-note.pdf"
FURNITURE_RUNNING_TITLE = "USMCA review note · nearshore-qa test notes"
FURNITURE_CAPTION = "Table 1. Dates of the USMCA joint review"
FURNITURE_PAGES = [
    [
        ("p", PDF_PAGES[0][1][1]),
        ("p", PDF_PAGES[0][2][1]),
        ("p", PDF_PAGES[0][3][1]),
    ],
    [
        ("p", PDF_PAGES[0][4][1]),
        ("c", FURNITURE_CAPTION),
        ("p", "Entry into force: 1 July 2020"),
        ("p", "First joint review: 1 July 2026"),
    ],
    [
        ("c", FURNITURE_CAPTION),
        ("p", "End of the initial term: 2036"),
        ("p", PDF_PAGES[1][1][1]),
        ("p", PDF_PAGES[1][2][1]),
    ],
]


def make_furniture_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for number, page in enumerate(FURNITURE_PAGES):
        if number:
            story.append(PageBreak())
        for kind, text in page:
            story.append(Paragraph(text, styles["Heading4" if kind == "c" else "BodyText"]))
            story.append(Spacer(1, 6))
    width, height = A4

    def furniture(canvas, doc):
        canvas.setDateFormatter(lambda *_: "D:20251107000000+00'00'")
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, height - 40, FURNITURE_RUNNING_TITLE)
        canvas.drawCentredString(width / 2, 30, f"Page {doc.page} of {len(FURNITURE_PAGES)}")

    # No /Title in the file's information: the running title is the only title it has.
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="", author="nearshore-qa test suite")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


CONTINUED_PDF = HERE / "monthly" / "us_imports_from_japan_2023_continued.pdf"
# U.S. Census Bureau, Trade in Goods by Country (country.xlsx), Japan, general imports 2023,
# US$ million, rounded (../shared/data/trade/census_us_goods_trade_by_country_monthly_1985_2024jun.csv)
CONTINUED_ROWS = [["Month", "Imports"], ["January", "11,036.9"], ["February", "11,301.3"], ["March", "12,909.7"],
                  ["April", "12,854.8"], ["May", "11,290.3"], ["June", "11,756.4"], ["July", "12,610.2"],
                  ["August", "12,195.9"], ["September", "12,727.7"], ["October", "13,548.9"],
                  ["November", "13,378.9"], ["December", "11,626.9"]]


def make_continued_table_pdf(path: Path) -> None:
    """A ruled table that runs over two pages, its header only on the first."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    first, second = Table(CONTINUED_ROWS[:8]), Table(CONTINUED_ROWS[8:])
    first.setStyle(grid)
    second.setStyle(grid)
    story = [Paragraph("US goods imports from Japan in 2023", styles["Heading1"]),
             Paragraph("Census basis, general imports at customs value, not seasonally adjusted.",
                       styles["BodyText"]), Spacer(1, 6),
             Paragraph("Table 1. US goods imports from Japan by month, 2023 (US$ million)", styles["BodyText"]),
             first, PageBreak(), second,
             Paragraph("Imports were highest in October.", styles["BodyText"])]
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="US goods imports from Japan in 2023",
                            author="nearshore-qa test suite")
    doc.build(story)


MODES_PDF = HERE / "captions" / "us_exports_to_mexico_by_month_and_mode_2019q1.pdf"
# BTS North American TransBorder Freight Data, US exports to Mexico by mode, January-March 2019,
# US$ million (../shared/data/trade/bts_transborder_us_mexico_canada_monthly_by_mode_1993_2025.csv)
MODES_YEAR = [["Mode", "Exports"], ["Truck", "43,494.0"], ["Rail", "6,996.8"], ["Vessel", "8,073.4"], ["Air", "2,349.2"]]
MODES_MONTHS = [["Month", "Truck", "Rail", "Vessel", "Air"], ["January", "15,178.2", "2,373.3", "2,515.7", "838.6"],
                ["February", "13,733.1", "2,206.1", "2,520.1", "709.8"],
                ["March", "14,582.7", "2,417.4", "3,037.7", "800.8"]]


def make_modes_pdf(path: Path) -> None:
    """Two ruled tables on two pages: modes as the rows of the first, as the column heads of
    the second (month rows), so the mode names stand on both pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    year, months = Table(MODES_YEAR), Table(MODES_MONTHS)
    year.setStyle(grid)
    months.setStyle(grid)
    story = [Paragraph("US exports to Mexico by month and mode, first quarter 2019", styles["Heading1"]),
             Paragraph("BTS TransBorder Freight Data, millions of US dollars.", styles["BodyText"]), Spacer(1, 6),
             Paragraph("The quarter by mode", styles["Heading2"]), year,
             Paragraph("Table 2. US exports to Mexico by mode, January-March 2019 (US$ million)", styles["BodyText"]),
             PageBreak(),
             Paragraph("Table 1. US exports to Mexico by month and mode, 2019 (US$ million)", styles["BodyText"]),
             months, Paragraph("Source: BTS.", styles["BodyText"])]
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="US exports to Mexico by mode, 2019 Q1",
                            author="nearshore-qa test suite")
    doc.build(story)


# A report whose first page opens with its title in a large type, wrapped over two lines, and
# a byline under it, as a PDF made from a word processor does (tests/test_furniture.py): no
# /Title in the file, no running title. Its facts are PDF_PAGES' (Article 34.7 of the USMCA).
TITLED_PDF = HERE / "headers" / "usmca-review-titled.pdf"
TITLED_PDF_TITLE = "Sixteen years, reviewed every six: how the USMCA joint review works"
TITLED_PDF_BYLINE = "nearshore-qa test notes · 14 March 2026"


def make_titled_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = [Paragraph(TITLED_PDF_TITLE, styles["Title"]), Paragraph(TITLED_PDF_BYLINE, styles["BodyText"])]
    for number, page in enumerate(PDF_PAGES):
        if number:
            story.append(PageBreak())
        for kind, text in page[1:] if number == 0 else page:
            story.append(Paragraph(text, styles["Heading2" if kind == "h" else "BodyText"]))
            story.append(Spacer(1, 6))

    def info(canvas, _doc):
        canvas.setDateFormatter(lambda *_: "D:20251107000000+00'00'")

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="", author="")
    doc.build(story, onFirstPage=info, onLaterPages=info)


def main() -> None:
    ARTICLES.mkdir(parents=True, exist_ok=True)
    TABLES.mkdir(parents=True, exist_ok=True)
    make_pdf(ARTICLES / PDF_NAME)
    make_docx(ARTICLES / DOCX_NAME)
    make_xlsx(TABLES / XLSX_NAME)
    make_table_pdf(TABLE_PDF)
    FURNITURE_PDF.parent.mkdir(parents=True, exist_ok=True)
    make_furniture_pdf(FURNITURE_PDF)
    make_continued_table_pdf(CONTINUED_PDF)
    make_modes_pdf(MODES_PDF)
    TITLED_PDF.parent.mkdir(parents=True, exist_ok=True)
    make_titled_pdf(TITLED_PDF)
    for p in (TITLED_PDF, MODES_PDF, ARTICLES / PDF_NAME, ARTICLES / DOCX_NAME, TABLES / XLSX_NAME, TABLE_PDF, FURNITURE_PDF, CONTINUED_PDF):
        print(f"{p.relative_to(HERE)}  {p.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
