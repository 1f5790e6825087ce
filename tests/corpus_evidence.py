"""Evidence built from the shipped corpus (corpus/tables/*.csv and corpus/articles/*.md), so the
computation tests use real published figures, numbered like an answer's citations."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from nearshore_qa.kinds import DocumentKind
from nearshore_qa.operands import Evidence
from nearshore_qa.records import Chunk, DocumentMeta, Hit

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def table_rows(
    name: str, keep: Callable[[dict[str, str]], bool] = lambda r: True, first_marker: int = 1
) -> list[Evidence]:
    """The rows of ``corpus/tables/<name>.csv`` that ``keep`` accepts, as numbered evidence
    (text rendered as the ingester renders a row: "column: value; …")."""
    meta = yaml.safe_load((CORPUS / "tables" / f"{name}.meta.yaml").read_text(encoding="utf-8"))
    out: list[Evidence] = []
    with open(CORPUS / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        columns = tuple(next(reader))
        for i, values in enumerate(reader):
            if not keep(dict(zip(columns, values, strict=False))):
                continue
            out.append(
                Evidence(
                    marker=first_marker + len(out),
                    text="; ".join(f"{c}: {v}" for c, v in zip(columns, values, strict=False)),
                    doc_id=f"tables/{name}.csv",
                    chunk_id=f"{name}#{i}",
                    columns=columns,
                    values=tuple(values),
                    row=i,
                    table=name,
                    units=meta.get("units", ""),
                    period=meta.get("period", ""),
                    published=_vintage(meta),
                    publisher=_data_source(meta),
                    title=meta["title"],
                )
            )
    return out


def article_sentence(name: str, contains: str, marker: int = 1) -> Evidence:
    """The paragraph of ``corpus/articles/<name>.md`` that contains ``contains``."""
    text = (CORPUS / "articles" / f"{name}.md").read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    meta = yaml.safe_load(front.group(1)) if front else {}
    body = text[front.end() :] if front else text
    para = next(p.strip() for p in body.split("\n\n") if contains in p)
    return Evidence(
        marker=marker,
        text=para,
        doc_id=f"articles/{name}.md",
        chunk_id=f"{name}:{marker}",
        published=str(meta.get("published", meta.get("date", ""))),
        publisher=_data_source(meta),
        title=meta.get("title", name),
    )


def _data_source(meta: dict) -> str:
    """As ``DocumentMeta.whose_data`` reads a stored document: data sources first, else the publisher."""
    return "; ".join(d["name"] for d in meta.get("data_sources") or [] if d.get("name")) or meta.get("source", "")


def _vintage(meta: dict) -> str:
    vintages = [d["vintage"] for d in meta.get("data_sources") or [] if d.get("vintage")]
    return vintages[0] if vintages else str(meta.get("published", ""))


def table_hits(name: str, keep: Callable[[dict[str, str]], bool] = lambda r: True) -> list[Hit]:
    """The rows of ``corpus/tables/<name>.csv`` that ``keep`` accepts, as retrieved hits (text as
    the ingester renders a row, the sidecar's data sources as the document's provenance)."""
    meta = yaml.safe_load((CORPUS / "tables" / f"{name}.meta.yaml").read_text(encoding="utf-8"))
    sources = tuple((d.get("name", ""), d.get("url", ""), d.get("vintage", "")) for d in meta.get("data_sources") or [])
    doc = DocumentMeta(
        doc_id=f"tables/{name}.csv",
        title=meta["title"],
        kind=DocumentKind.TABLE,
        fmt="csv",
        source=meta.get("source", ""),
        published=str(meta.get("written", meta.get("published", ""))),
        units=meta.get("units", ""),
        period=meta.get("period", ""),
        data_sources=sources,
    )
    out = []
    with open(CORPUS / "tables" / f"{name}.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        columns = tuple(next(reader))
        for i, values in enumerate(reader):
            if keep(dict(zip(columns, values, strict=False))):
                text = "; ".join(f"{c}: {v}" for c, v in zip(columns, values, strict=False))
                chunk = Chunk(
                    f"{name}#{i}",
                    doc.doc_id,
                    i,
                    text,
                    0,
                    len(text),
                    table=name,
                    row=i,
                    columns=columns,
                    values=tuple(values),
                )
                out.append(Hit(chunk=chunk, doc=doc, score=1.0))
    return out
