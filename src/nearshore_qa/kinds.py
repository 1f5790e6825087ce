"""The closed sets of names the pipeline passes around, as ``StrEnum``s.

Each member compares equal to its old bare string (``IngestStatus.ADDED == "added"``) and
prints, formats and serialises to JSON as that string, so stores, JSON output and callers
that still pass strings keep working.
"""

from __future__ import annotations

from enum import StrEnum


class IngestStatus(StrEnum):
    """What happened to one file, URL or pasted text given to ``Library.add*`` or ``remove``."""

    ADDED = "added"
    UNCHANGED = "unchanged"  # its live version has the same content hash
    REPLACED = "replaced"  # a new version of a document already in the store
    DUPLICATE = "duplicate"  # the same content is in the store under another id
    FAILED = "failed"
    REMOVED = "removed"
    SKIPPED = "skipped"  # in a folder, but not a document (unsupported type, link to a folder)


class DocumentKind(StrEnum):
    ARTICLE = "article"  # prose: md, txt, html, pdf, docx, pasted text
    TABLE = "table"  # csv, xlsx: one chunk per row


class AnswererName(StrEnum):
    """Who writes the answer (``Settings.answerer``, ``ask --answerer``)."""

    EXTRACTIVE = "extractive"
    OPENAI = "openai"
    OLLAMA = "ollama"
    LLAMACPP = "llamacpp"


class UnverifiedMode(StrEnum):
    """What an LLM answerer does with a sentence whose figure or claim no passage supports."""

    FLAG = "flag"  # keep it, tagged [unverified] / [unsupported]
    REMOVE = "remove"  # drop it, with a note that sentences were removed
