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
