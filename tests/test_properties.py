"""Property tests (hypothesis) over the loaders and the chunker: arbitrary bytes and text — raw,
shaped like each format, or a valid file of the test corpus damaged at random — never raise
anything but ``IngestError``, and every chunk of what loads points at its own text."""

from __future__ import annotations

import csv
import io
import os

from helpers import CORPUS_DIR
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearshore_qa.chunking import chunk_document
from nearshore_qa.errors import IngestError
from nearshore_qa.ingest import SUPPORTED, load_bytes, load_pasted, render_row
from nearshore_qa.records import LoadedDocument

FORMATS = sorted(set(SUPPORTED.values()))
SUFFIX = {"md": ".md", "txt": ".txt", "html": ".html", "pdf": ".pdf", "docx": ".docx", "csv": ".csv", "xlsx": ".xlsx"}
SAMPLES = {p.suffix[1:]: p.read_bytes() for p in CORPUS_DIR.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx")}
# PROPERTY_EXAMPLES=3000 pytest tests/test_properties.py searches harder than the default run.
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "100"))
FAST = settings(deadline=None, database=None, max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, fmt: str) -> None:
    """Load and chunk; only IngestError may come out, and the chunks must be coherent."""
    try:
        doc = load_bytes(data, name=f"x{SUFFIX[fmt]}", original_name=f"x{SUFFIX[fmt]}", fmt=fmt)
    except IngestError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    check_chunks(doc)


def check_chunks(doc: LoadedDocument) -> None:
    assert doc.text.strip() and doc.meta.title
    chunks = chunk_document(doc)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    for c in chunks:
        assert c.text.strip() and doc.text[c.start : c.end] == c.text
        if c.row is not None:
            assert c.text == render_row(c.columns, c.values)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(FORMATS))
def test_arbitrary_bytes(data, fmt):
    check(data, fmt)


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
MD_PARTS = st.sampled_from(
    [
        "---\n",
        "title: T\n",
        "title: [a, [b]]\n",
        "source: &x s\n",
        "url: *x\n",
        "...\n",
        "# Heading\n",
        "## Sub\n",
        "\n\n",
        "| a | b |\n",
        "|---|---|\n",
        "| 1 | 2 |\n",
        "[link](http://x)",
        "![img](a.png)",
        "U.S. trade rose 4.5%. ",
        "no. 5. ",
        "e.g. it. ",
    ]
)
HTML_PARTS = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<title>T</title>",
        "<meta name='date' content='2024-01-02'>",
        "<body>",
        "<article>",
        "<h1>H</h1>",
        "<p>",
        "</p>",
        "<script>x()</script>",
        "<table>",
        "<tr><td>1</td><td>2</td></tr>",
        "</table>",
        "<iframe>",
        "<!--",
        "-->",
        "&amp;",
        "\x00",
        "<img onerror='a()'>",
        "Text about trade. ",
        "</div>" * 3,
        "<div>" * 3,
    ]
)
CSV_CELL = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ['"', '""', ",", ";", "\t", "\n", "\r"]
)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@FAST
@given(st.text(max_size=2000), ENCODINGS, st.sampled_from(["md", "txt", "html", "csv"]))
def test_arbitrary_text(text, encoding, fmt):
    check(encode(text, encoding), fmt)


@FAST
@given(st.lists(MD_PARTS | st.text(max_size=40), max_size=40), ENCODINGS)
def test_markdown_shaped_text(parts, encoding):
    check(encode("".join(parts), encoding), "md")


@FAST
@given(st.lists(HTML_PARTS | st.text(max_size=30), max_size=40), ENCODINGS)
def test_html_shaped_text(parts, encoding):
    check(encode("".join(parts), encoding), "html")


@FAST
@given(
    st.lists(st.lists(CSV_CELL, min_size=1, max_size=6), min_size=1, max_size=12),
    st.sampled_from([",", ";", "\t", "|"]),
    ENCODINGS,
)
def test_csv_shaped_text(rows, sep, encoding):
    check(encode("\n".join(sep.join(r) for r in rows) + "\n", encoding), "csv")


@FAST
@given(st.lists(st.lists(st.text(max_size=15), min_size=2, max_size=5), min_size=2, max_size=10), ENCODINGS)
def test_csv_written_properly(rows, encoding):
    # quoted cells with commas, quotes and line breaks, as a spreadsheet exports them
    width = len(rows[0])
    buf = io.StringIO()
    csv.writer(buf).writerows([(r + [""] * width)[:width] for r in rows])
    check(encode(buf.getvalue(), encoding), "csv")


@FAST
@given(st.text(max_size=200), st.text(max_size=3000))
def test_pasted_text(title, text):
    try:
        doc = load_pasted(title, text, source="s", url="u", published="p")
    except IngestError:
        return
    check_chunks(doc)


def damage(data: bytes, cuts: list[tuple[int, int, int]], truncate: int | None) -> bytes:
    out = bytearray(data)
    for kind, pos, value in cuts:
        pos %= max(len(out), 1)
        if kind == 0:
            out[pos] = value
        elif kind == 1:
            out[pos:pos] = bytes([value]) * (value % 7 + 1)
        else:
            del out[pos : pos + value % 64 + 1]
    return bytes(out[:truncate] if truncate is not None else out)


@settings(FAST, max_examples=max(EXAMPLES * 3 // 5, 1))
@given(
    st.sampled_from(sorted(SAMPLES)),
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=8),
    st.none() | st.integers(0, 40000),
)
def test_damaged_binary_files(fmt, cuts, truncate):
    check(damage(SAMPLES[fmt], cuts, truncate), fmt)


def test_samples_load():
    assert sorted(SAMPLES) == ["docx", "pdf", "xlsx"]
    for fmt, data in SAMPLES.items():
        check(data, fmt)
