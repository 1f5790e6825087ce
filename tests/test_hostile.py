"""Hostile and broken input: a folder of 45 bad files (generated here; the large ones at test
time) ingested into a store that already holds the test corpus. Every file gets a clear result
of its own, the good ones among them go in, and nothing already stored is lost or altered."""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from helpers import CORPUS_DIR, assert_consistent
from pypdf import PdfReader, PdfWriter

from nearshore_qa.chunking import chunk_document
from nearshore_qa.errors import IngestError
from nearshore_qa.ingest import load_bytes, load_file

MB = 1024 * 1024
PDF = (CORPUS_DIR / "articles/usmca-joint-review.pdf").read_bytes()
ARTICLE = (CORPUS_DIR / "articles/us-mexico-trade-2024.md").read_bytes()
rng = random.Random(5)


def noise(n: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(n))


def rezip(data: bytes, edit) -> bytes:
    """The same zip with each member passed through ``edit(name, bytes)``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, edit(info.filename, src.read(info.filename)))
    return out.getvalue()


def workbook() -> bytes:
    """Merged header cells, and formulas with the cached values Excel saves beside them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Crossings"
    ws.append(["Port and mode", None, "Trucks", "Trains", "Total"])
    ws.merge_cells("A1:B1")
    ws.append(["Laredo", "road", 100, 20, "=C2+D2"])
    ws.append(["El Paso", "rail", 50, 30, "=C3+D3"])
    buf = io.BytesIO()
    wb.save(buf)
    cached = {b"C2+D2": b"120", b"C3+D3": b"80"}
    return rezip(
        buf.getvalue(),
        lambda name, d: (
            re.sub(
                rb"<f>([^<]+)</f><v\s*/?>(?:</v>)?",
                lambda m: b"<f>" + m.group(1) + b"</f><v>" + cached[m.group(1)] + b"</v>",
                d,
            )
            if "sheet1" in name
            else d
        ),
    )


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(PDF)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def corrupt_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed")
    return buf.getvalue()


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(600):
                f.write(b" " * MB)
    return buf.getvalue()


LAUGHS = (
    "---\na: &a [x,x,x,x,x,x,x,x,x,x]\n"
    + "".join(f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=False))
    + "title: *h\n---\n# Laughs\n\nBody text.\n"
)

# file name -> (content (or what makes it), expected status, expected words in the reason)
BAD: dict[str, tuple] = {
    "empty.md": (b"", "failed", "empty file"),
    "empty.txt": (b"", "failed", "empty file"),
    "blank.txt": (b"  \n\n \t\n", "failed", "empty file"),
    "zero.pdf": (b"", "failed", "empty file"),
    "truncated.pdf": (PDF[: len(PDF) // 2], "failed", "corrupt or truncated PDF"),
    "header-only.pdf": (b"%PDF-1.7\n", "failed", "corrupt or truncated PDF"),
    "not-a-pdf.pdf": ("Just text pretending to be a PDF.\n", "failed", "not a PDF file"),
    "encrypted.pdf": (encrypted_pdf, "failed", "encrypted PDF (a password is needed)"),
    "binary.md": (noise(4000), "failed", "binary content under a text extension"),
    "png.txt": (b"\x89PNG\r\n\x1a\n" + noise(2000), "failed", "binary content under a text extension"),
    "binary.csv": (noise(3000), "failed", "binary content under a text extension"),
    "elf.md": (b"\x7fELF\x02\x01\x01" + bytes(200), "failed", "binary content under a text extension"),
    "controls.txt": (bytes(range(1, 9)) * 200, "failed", "binary content under a text extension (control bytes)"),
    "nul.csv": (b"year,port\n2024,Lar\x00edo\n", "failed", "binary content under a text extension"),
    "mixed-encoding.txt": (
        "Café trade note\n\nUTF-8: São Paulo shipped 12% more. ".encode()
        + "Latin-1: Monterrey año 2024 creció 7%.".encode("latin-1"),
        "added",
        "",
    ),
    "utf16.txt": (
        "Informe de comercio\n\nNuevo León recibió US$9.2 mil millones en 2024.\n".encode("utf-16"),
        "added",
        "",
    ),
    "ragged.csv": ("year,port,trucks\n2024,Laredo,1\n2024,El Paso\n", "failed", "ragged rows: line 3 has 2 fields"),
    "header-only.csv": ("year,port,trucks\n", "failed", "CSV has a header but no data rows"),
    "empty-header.csv": (",,\n1,2,3\n", "failed", "CSV header row is empty"),
    "newline-cells.csv": ('year,note\n2024,"line one\nline two"\n2023,plain\n', "added", ""),
    "formulas.xlsx": (workbook, "added", ""),
    "forged-dimension.xlsx": (
        lambda: rezip(
            workbook(),
            lambda n, d: (
                re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:XFD1048576"/>', d) if "sheet1" in n else d
            ),
        ),
        "added",
        "",
    ),
    "corrupt.xlsx": (b"PK\x03\x04" + noise(500), "failed", "XLSX"),
    "not-zip.docx": ("hello", "failed", "not a DOCX file (not a zip container)"),
    "corrupt.docx": (corrupt_docx, "failed", "corrupt DOCX"),
    "zip-bomb.docx": (zip_bomb, "failed", "DOCX would inflate to"),
    "hostile.html": (
        "<html><head><title>Border wait times</title><script>alert('x')</script></head><body>"
        "<iframe src='javascript:alert(1)'></iframe><img src=x onerror=\"alert('pwned')\">"
        '<p onclick="steal()">Wait times at Otay Mesa averaged 52 minutes in 2024.</p>'
        "<script>document.cookie</script><style>p{}</style></body></html>",
        "added",
        "",
    ),
    "script-only.html": (
        "<html><body><script>alert(1)</script><iframe src='x'></iframe><img src=x onerror='alert(2)'></body></html>",
        "failed",
        "no text found",
    ),
    "deep.html": ("<div>" * 20000 + "<p>Deeply nested note on freight rates.</p>" + "</div>" * 20000, "added", ""),
    # Broken front matter costs the metadata, not the document (see FRONT_MATTER_WARNINGS).
    "broken-front-matter.md": ("---\ntitle: [unclosed\nsource: x\n---\n# T\n\nBody.\n", "added", ""),
    "unclosed-front-matter.md": ("---\ntitle: x\n# T\n\nBody.\n", "added", ""),
    "list-front-matter.md": ("---\n- a\n- b\n---\n# T\n\nBody.\n", "added", ""),
    "only-front-matter.md": ("---\ntitle: Nothing else\n---\n", "failed", "no text found"),
    "yaml-alias-bomb.md": (LAUGHS, "added", ""),
    "name with spaces.md": ("# Spaces\n\nA note about the Ysleta bridge in 2023.\n", "added", ""),
    "análisis-comercio-日本語.md": ("# Unicode\n\nNota sobre Querétaro y Aguascalientes.\n", "added", ""),
    "report..final.md": ("# Dots\n\nA note about the Pharr bridge in 2024.\n", "added", ""),
    "l" * 240 + ".md": ("# Long\n\nA note about the Calexico East port.\n", "added", ""),
    "é" * 120 + ".txt": ("Long unicode name\n\nA note about Mexicali.\n", "added", ""),
    "copy-of-an-article.md": (ARTICLE, "duplicate", "same content as articles/us-mexico-trade-2024.md"),
    "twin-a.md": ("# Twins\n\nTwin notes about Nogales rail.\n", "added", ""),
    "twin-b.md": ("# Twins\n\nTwin notes about Nogales rail.\n", "duplicate", "same content as twin-a.md"),
    "script.sh": ("#!/bin/sh\nrm -rf /\n", "skipped", "unsupported file type .sh"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    for name, (content, _, _) in BAD.items():
        content = content() if callable(content) else content
        (folder / name).write_bytes(content.encode() if isinstance(content, str) else content)
    with open(folder / "huge.txt", "wb") as fh:  # 60 MB: over the 50 MB limit, refused by its size
        fh.write(b"Northbound trucks crossed the border. " * (MB // 38))
        fh.truncate(60 * MB)  # the rest a hole: the size counts, not the disk it takes
    with open(folder / "million.csv", "w") as fh:  # about 20 MB: under the size limit, over the row limit
        fh.write("year,port,trucks\n")
        for chunk in range(100):
            fh.write("".join(f"{2000 + i % 25},P{i % 50},{i}\n" for i in range(chunk * 10000, (chunk + 1) * 10000)))
    os.symlink(folder, folder / "loop")  # a folder that contains itself
    os.symlink(folder / "gone.md", folder / "dangling.md")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)  # 20 MB of csv: not kept for the rest of the run


EXTRA = {
    "huge.txt": ("failed", "the limit is"),
    "million.csv": ("failed", "table has more than 20,000 rows"),
    "loop": ("skipped", "a link to a folder (not followed)"),
    "dangling.md": ("failed", "broken symbolic link"),
}


def stored(lib) -> dict[str, tuple]:
    """Everything a user can see of each document: record, text and chunks."""
    out = {}
    for s in lib.sources():
        meta, text, original = lib.store.document(s.doc_id)
        chunks = tuple((c.chunk_id, c.text, c.start, c.end) for c in lib.store.document_chunks(s.doc_id))
        out[s.doc_id] = (s, meta, text, original.read_bytes(), chunks)
    return out


FRONT_MATTER_WARNINGS = {
    "broken-front-matter.md": "front matter is not valid YAML at line",
    "unclosed-front-matter.md": "has no closing '---' line",
    "list-front-matter.md": "front matter is not a YAML mapping",
}


def test_every_bad_file_gets_a_clear_result_and_nothing_stored_changes(library, hostile):
    assert len(BAD) + len(EXTRA) >= 45
    library.add([CORPUS_DIR])
    before = stored(library)

    start = time.monotonic()
    results = {r.name: r for r in library.add([hostile])}
    elapsed = time.monotonic() - start
    assert sorted(results) == sorted([*BAD, *EXTRA])
    for name, (status, words) in {**{n: (s, w) for n, (_, s, w) in BAD.items()}, **EXTRA}.items():
        r = results[name]
        assert r.status == status and words in r.reason, (name, r)
        expected_warning = FRONT_MATTER_WARNINGS.get(name)
        assert bool(r.warnings) == bool(expected_warning) and all(expected_warning in w for w in r.warnings), (name, r)
        if status == "failed":
            assert r.reason and "\n" not in r.reason and "Traceback" not in r.reason
            assert not r.reason.startswith("unexpected"), (name, r.reason)
    assert elapsed < 120

    # nothing already stored was lost or altered; the store is consistent
    after = stored(library)
    assert {k: after[k] for k in before} == before
    added = {n for n, (_, s, _) in BAD.items() if s == "added"}
    assert set(after) == set(before) | added
    assert_consistent(library.store)

    # what went in went in right
    def text(doc_id):
        return library.store.document(doc_id)[1]

    assert "São Paulo" in text("mixed-encoding.txt") and "Monterrey año 2024 creció 7%" in text("mixed-encoding.txt")
    assert "Nuevo León recibió" in text("utf16.txt")
    html = text("hostile.html")
    assert "Otay Mesa averaged 52 minutes" in html
    assert not any(bad in html for bad in ("alert", "cookie", "steal", "onerror", "javascript", "<"))
    rows = [c.text for c in library.store.document_chunks("formulas.xlsx")]
    assert rows == [
        "Port and mode: Laredo; column 2: road; Trucks: 100; Trains: 20; Total: 120",
        "Port and mode: El Paso; column 2: rail; Trucks: 50; Trains: 30; Total: 80",
    ]
    assert [c.text for c in library.store.document_chunks("newline-cells.csv")] == [
        "year: 2024; note: line one line two",
        "year: 2023; note: plain",
    ]
    assert library.store.document("yaml-alias-bomb.md")[0].title == "Laughs"
    assert "Ysleta" in library.ask("What is the note about the Ysleta bridge?").answer

    # a second run changes nothing
    again = {r.name: r.status for r in library.add([hostile])}
    assert {n for n, s in again.items() if s == "unchanged"} == added
    assert stored(library) == after


def test_large_inputs_are_refused_quickly(hostile):
    start = time.monotonic()
    with pytest.raises(IngestError, match="the limit is"):
        load_file(hostile / "huge.txt", "huge.txt", 50 * MB)
    assert time.monotonic() - start < 1.0  # refused by its size, unread
    start = time.monotonic()
    with pytest.raises(IngestError, match="more than 20,000 rows"):
        load_file(hostile / "million.csv", "million.csv", 50 * MB)
    assert time.monotonic() - start < 30


def test_uploads_with_hostile_names_cannot_escape(library):
    results = library.add_bytes(
        [
            ("../../etc/passwd.md", b"# Passwd\n\nA note on the Tijuana crossing.\n"),
            ("C:\\Windows\\system32\\evil.md", b"# Evil\n\nA note on the Tecate crossing.\n"),
            ("..", b"# Dots\n\nA note.\n"),
            ("", b"# Nameless\n\nA note.\n"),
        ]
    )
    assert [(r.name, r.status) for r in results] == [
        ("passwd.md", "added"),
        ("evil.md", "added"),
        ("..", "failed"),
        ("upload", "failed"),
    ]
    assert all(r.reason.startswith("unsupported file type") for r in results[2:])
    originals = library.settings.store_dir / "originals"
    assert all(p.parent == originals for p in originals.iterdir())


def test_chunking_a_pathological_paragraph_is_linear():
    # One 1 MB paragraph whose periods never end a sentence (each is followed by lowercase).
    doc = load_bytes(b"Notes\n\n" + b"trade grew. " * 90_000, name="p.txt", original_name="p.txt", fmt="txt")
    start = time.monotonic()
    chunks = chunk_document(doc)
    assert time.monotonic() - start < 10
    assert all(doc.text[c.start : c.end] == c.text and len(c.text) <= 700 for c in chunks)
