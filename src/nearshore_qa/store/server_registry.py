"""The record of documents of a store on a Chroma server: a second collection ``<name>__records``
beside the vectors, so every client of the server sees the same documents.

One record per document version (id ``doc:<hash>``): metadata ``kind, doc_id, sha256, status,
seq, n_chunks, added_at, meta, original`` and the document text as the record's document;
chunk data lives in the vectors' metadata. One ``state`` record holds the generation counter,
the store's random id and shared state (``state.<key>``); the ``lock`` record is the writers'
lease (lease.py). A version goes live by one record update (status ``ready`` with a ``seq``
higher than its predecessor's): readers take the live version with the highest ``seq``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import asdict

from ..records import Chunk, DocumentMeta, LoadedDocument, SourceInfo
from ..tables import tables_to_json
from .crash import crash_point
from .registry import Version, chunk_from_json, meta_from_json, now, source_info, version_where

logger = logging.getLogger(__name__)

STATE_ID = "state"
LOCK_ID = "lock"
LIVE = ["ready", "replacing"]  # statuses readers see; the highest ``seq`` per document wins
PAGE = 1000
DUMMY = [0.0]  # records are found by id and metadata, never by similarity


def get_all(collection, **kwargs) -> tuple[list[str], list[dict], list]:
    """Every match of a ``get``, a page at a time."""
    ids: list[str] = []
    metas: list[dict] = []
    docs: list = []
    offset = 0
    while True:
        got = collection.get(limit=PAGE, offset=offset, **kwargs)
        ids += got["ids"]
        metas += got["metadatas"] or [{}] * len(got["ids"])
        docs += got["documents"] or [None] * len(got["ids"])
        if len(got["ids"]) < PAGE:
            return ids, metas, docs
        offset += PAGE


def records_collection(client, name: str):
    """The ``<name>__records`` collection, with its state record (created once: ``add`` never
    overwrites)."""
    records = client.get_or_create_collection(f"{name}__records", metadata={"nearshore_qa": "record of documents"})
    records.add(
        ids=[STATE_ID], embeddings=[DUMMY], metadatas=[{"kind": "state", "generation": 0, "store_id": uuid.uuid4().hex}]
    )
    return records


class ServerRegistry:
    """The record of documents on the server. ``records``: the ``<name>__records`` collection
    (see ``records_collection``); ``vectors``: the collection of chunk vectors, whose metadata
    holds the chunks."""

    def __init__(self, records, vectors):
        self.records = records
        self.vectors = vectors

    @staticmethod
    def record_id(version: Version) -> str:
        return "doc:" + hashlib.sha256(f"{version[0]}\0{version[1]}".encode()).hexdigest()

    # state
    def _state(self) -> dict:
        got = self.records.get(ids=[STATE_ID], include=["metadatas"])
        return got["metadatas"][0] if got["ids"] else {}

    def generation(self) -> str:
        """``<store id>-<counter>``: a server collection recreated under the same name does not
        reuse an old generation (so a client's cache of the old one is never read)."""
        state = self._state()
        return f"{state.get('store_id', '')}-{state.get('generation', 0)}"

    def _next_generation(self) -> int:
        return int(self._state().get("generation", 0)) + 1

    def bump(self) -> None:
        self.records.update(ids=[STATE_ID], metadatas=[{"generation": self._next_generation()}])

    def get_state(self, key: str, default: str = "") -> str:
        return str(self._state().get(f"state.{key}", default))

    def set_state(self, key: str, value: str) -> None:
        self.records.update(ids=[STATE_ID], metadatas=[{f"state.{key}": value}])  # one atomic update

    # versions
    def _winners(self, where: dict | None = None) -> dict[str, tuple[str, dict]]:
        """The live version of each document: doc_id -> (record id, metadata)."""
        clauses = [{"kind": "doc"}, {"status": {"$in": LIVE}}] + ([where] if where else [])
        ids, metas, _ = get_all(self.records, where={"$and": clauses}, include=["metadatas"])
        best: dict[str, tuple[str, dict]] = {}
        for rid, m in zip(ids, metas, strict=False):
            cur = best.get(m["doc_id"])
            if cur is None or m.get("seq", 0) > cur[1].get("seq", 0):
                best[m["doc_id"]] = (rid, m)
        return best

    def find_ready(self, doc_id: str) -> Version | None:
        hit = self._winners({"doc_id": doc_id}).get(doc_id)
        return (doc_id, hit[1]["sha256"]) if hit else None

    def find_by_hash(self, sha: str) -> str | None:
        for doc_id, (_, _m) in sorted(self._winners({"sha256": sha}).items()):
            if self.find_ready(doc_id) == (doc_id, sha):
                return doc_id
        return None

    def _record(self, version: Version, documents: bool = False) -> tuple[dict, str | None] | None:
        got = self.records.get(
            ids=[self.record_id(version)], include=["metadatas", "documents"] if documents else ["metadatas"]
        )
        if not got["ids"]:
            return None
        return got["metadatas"][0], (got["documents"][0] if documents else None)

    def count(self, version: Version) -> int:
        rec = self._record(version)
        return int(rec[0]["n_chunks"]) if rec else 0

    def vector_metadata(self, sha256: str, chunk: Chunk) -> dict:
        return {"doc_id": chunk.doc_id, "sha256": sha256, "ordinal": chunk.ordinal, "chunk": json.dumps(asdict(chunk))}

    def begin(self, doc: LoadedDocument, chunks: list[Chunk], texts: list[str], original: str) -> None:
        version = (doc.meta.doc_id, doc.sha256)
        self.records.upsert(
            ids=[self.record_id(version)],
            embeddings=[DUMMY],
            documents=[doc.text],
            metadatas=[
                {
                    "kind": "doc",
                    "doc_id": version[0],
                    "sha256": version[1],
                    "status": "pending",
                    "seq": 0,
                    "n_chunks": len(chunks),
                    "added_at": now(),
                    "meta": json.dumps(asdict(doc.meta)),
                    "original": original,
                    "tables": tables_to_json(doc.data_tables),
                }
            ],
        )

    def commit(self, version: Version, previous: Version | None) -> None:
        generation = self._next_generation()
        if previous:  # still live, but a recovery can tell it was being replaced
            self.records.update(ids=[self.record_id(previous)], metadatas=[{"status": "replacing"}])
            crash_point("replacing")
        # The commit point: one record update. The new version outranks the previous by seq.
        self.records.update(ids=[self.record_id(version)], metadatas=[{"status": "ready", "seq": generation}])
        if previous:
            self.records.update(ids=[self.record_id(previous)], metadatas=[{"status": "retired"}])
        self.records.update(ids=[STATE_ID], metadatas=[{"generation": generation}])

    def retire(self, version: Version) -> None:
        self.records.update(ids=[self.record_id(version)], metadatas=[{"status": "retired"}])
        self.bump()

    def forget(self, version: Version) -> None:
        self.records.delete(ids=[self.record_id(version)])

    def leftovers(self) -> list[Version]:
        """Pending and retired versions, and a ``replacing`` one whose successor went live; a
        ``replacing`` one whose successor never went live is live again (status ``ready``)."""
        ids, metas, _ = get_all(
            self.records,
            where={"$and": [{"kind": "doc"}, {"status": {"$in": ["pending", "retired", "replacing"]}}]},
            include=["metadatas"],
        )
        versions: list[Version] = []
        for rid, m in zip(ids, metas, strict=False):
            version = (m["doc_id"], m["sha256"])
            if m["status"] == "replacing":
                if self.find_ready(version[0]) == version:  # its successor never went live
                    self.records.update(ids=[rid], metadatas=[{"status": "ready"}])
                    logger.info(
                        "recovery: %s@%s is ready again (its replacement never went live)", version[0], version[1][:12]
                    )
                    continue
            versions.append(version)
        return versions

    # reading
    def _chunk_rows(self, where: dict | None, documents: bool) -> list[tuple[str, dict, str | None]]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        kwargs = {"where": where} if where else {}
        ids, metas, docs = get_all(self.vectors, include=include, **kwargs)
        return list(zip(ids, metas, docs, strict=False))

    def chunks(self, ids: list[str]) -> dict[str, tuple[Chunk, DocumentMeta]]:
        if not ids:
            return {}
        got = self.vectors.get(ids=ids, include=["metadatas"])
        rows = [(cid, m) for cid, m in zip(got["ids"], got["metadatas"], strict=False) if m and "chunk" in m]
        doc_ids = sorted({m["doc_id"] for _, m in rows})
        if not doc_ids:
            return {}
        winners = self._winners({"doc_id": {"$in": doc_ids}})
        metas = {d: meta_from_json(m["meta"]) for d, (_, m) in winners.items()}
        return {
            cid: (chunk_from_json(m["chunk"]), metas[m["doc_id"]])
            for cid, m in rows
            if m["doc_id"] in winners and winners[m["doc_id"]][1]["sha256"] == m["sha256"]
        }

    def document_chunks(self, version: Version) -> list[Chunk]:
        rows = self._chunk_rows(version_where(version), documents=False)
        return sorted((chunk_from_json(m["chunk"]) for _, m, _ in rows), key=lambda c: c.ordinal)

    def _live_rows(self, documents: bool) -> tuple[dict[str, tuple[str, dict]], list[tuple[str, dict, str | None]]]:
        winners = self._winners()
        live = {(d, m["sha256"]) for d, (_, m) in winners.items()}
        rows = [r for r in self._chunk_rows(None, documents) if (r[1].get("doc_id"), r[1].get("sha256")) in live]
        rows.sort(key=lambda r: (r[1]["doc_id"], r[1]["ordinal"]))
        return winners, rows

    def all_chunks(self) -> Iterator[tuple[Chunk, DocumentMeta]]:
        winners, rows = self._live_rows(documents=False)
        metas = {d: meta_from_json(m["meta"]) for d, (_, m) in winners.items()}
        for _, m, _ in rows:
            yield chunk_from_json(m["chunk"]), metas[m["doc_id"]]

    def lexical_rows(self) -> list[tuple[str, str]]:
        _, rows = self._live_rows(documents=True)
        return [(cid, doc or "") for cid, _, doc in rows]

    def document(self, doc_id: str) -> tuple[DocumentMeta, str, str] | None:
        version = self.find_ready(doc_id)
        rec = self._record(version, documents=True) if version else None
        if not rec:
            return None
        return meta_from_json(rec[0]["meta"]), rec[1] or "", rec[0].get("original", "")

    def tables_json(self, version: Version) -> str | None:
        rec = self._record(version)
        return rec[0].get("tables") if rec else None

    def sources(self) -> list[SourceInfo]:
        return [
            source_info(d, m["sha256"], meta_from_json(m["meta"]), int(m["n_chunks"]), m["added_at"])
            for d, (_, m) in sorted(self._winners().items())
        ]

    def count_documents(self) -> int:
        return len(self._winners())

    def count_chunks(self) -> int:
        return sum(int(m["n_chunks"]) for _, m in self._winners().values())

    def close(self) -> None:
        pass
