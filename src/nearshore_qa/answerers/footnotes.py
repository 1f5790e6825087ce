"""A table's footnotes read with the labels that point at them.

A report's note "(1) Includes deferred initial direct costs …" says nothing of what it is about:
the table's row "Recorded investment (1)" does, through its marker. A question about what the
recorded investment includes shares no word with the note itself, so the note is scored with
the labels of the rows (and columns) that carry its marker.
"""

from __future__ import annotations

import re

from ..tables import Table

# "(1) Includes …", "(a) Excludes …": a note opens with its marker in parentheses
_NOTE = re.compile(r"^\s*\((\d{1,2}|[a-z])\)\s+\S")
MAX_LABELS = 6  # a marker on many rows says what they share; a few of them name it


def note_marker(sentence: str) -> str:
    """The marker a footnote opens with ("1" for "(1) Includes …"), or ""."""
    m = _NOTE.match(sentence)
    return m.group(1) if m else ""


_MARK = re.compile(r"\((\d{1,2}|[a-z])\)")


def line_markers(line: str) -> list[str]:
    """The footnote markers on the label of a Markdown table line ("1" for "| Recorded investment
    (1) | $22,446 |"), in order; none for a line that is not a table's."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.count("|") >= 2 else []
    label = next((c for c in cells if c), "")
    return list(dict.fromkeys(_MARK.findall(label)))


def labels_marked(marker: str, tables: list[Table]) -> list[str]:
    """The labels of the rows and columns of ``tables`` that carry ``marker`` ("Recorded
    investment (1)" for "1"), without it, in table order."""
    if not marker:
        return []
    mark = re.compile(rf"\({re.escape(marker)}\)")
    found: list[str] = []
    for table in tables:
        labelled = [c.index for c in table.label_columns]
        for column in table.columns:
            if mark.search(column.label):
                found.append(mark.sub("", column.label).strip())
        for row in table.rows:
            if any(mark.search(row.cells[i].text) for i in labelled if i < len(row.cells)):
                found.append(row.label)
    labels = list(dict.fromkeys(f for f in found if f))
    return labels[:MAX_LABELS]
