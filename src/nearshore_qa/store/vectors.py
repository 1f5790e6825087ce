"""The chunk vectors: one Chroma collection, in the store folder (``PersistentClient`` under
``chroma/``) or on a Chroma server. Writes, deletes, dense search and similarities; which
vectors are *live* is the record's business (registry.py), not Chroma's."""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NearshoreQAError, StoreError
from .registry import Version, version_where

logger = logging.getLogger(__name__)

# How many candidates Chroma's HNSW search keeps while walking the graph (Chroma's default: 100).
# Table rows make tight clusters of near-identical vectors, and Chroma rebuilds the part of the
# index it has not yet persisted each time a process opens it, so at 100 a query's nearest
# passage was missed in about 2 % of questions, and a different 2 % in each process. At 400 the
# top 50 are all but exact (measured in the README) for well under a millisecond more per query.
EF_SEARCH = 400


def connect(folder: Path, url: str | None, timeout: float):
    """A Chroma client: embedded in ``folder``, or for the server at ``url`` (checked to answer
    within ``timeout`` seconds: Chroma's own HTTP client waits without a limit)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if not url:
        return chromadb.PersistentClient(path=str(folder), settings=settings)
    from urllib.parse import urlparse

    parsed = urlparse(url if "//" in url else f"http://{url}")
    try:
        port = parsed.port
    except ValueError:
        port = -1
    if parsed.scheme not in ("http", "https") or not parsed.hostname or port == -1:
        raise StoreError(f"the Chroma URL {url} is not of the form http(s)://host:port")
    port = port or (443 if parsed.scheme == "https" else 8000)
    try:
        socket.create_connection((parsed.hostname, port), timeout=timeout).close()
    except OSError as exc:
        reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or type(exc).__name__)
        raise StoreError(f"cannot reach the Chroma server at {url} ({reason})") from None
    try:
        client = chromadb.HttpClient(host=parsed.hostname, port=port, ssl=parsed.scheme == "https", settings=settings)
        client.heartbeat()
    except Exception as exc:
        logger.debug("the Chroma server at %s refused this client", url, exc_info=True)
        detail = str(exc).splitlines()[0][:200] if str(exc).strip() else "no detail"
        raise StoreError(
            f"cannot use the Chroma server at {url} ({type(exc).__name__}: {detail}; "
            f"is it a Chroma 1.x server that accepts this client?)"
        ) from None
    return client


_LOCKED_RETRIES = 5


def _search_deep_enough(collection, where: str) -> None:
    """Raise the collection's ``ef_search`` to ``EF_SEARCH`` (stores made before it was set, and
    new ones); a higher value someone chose is kept."""
    for attempt in range(_LOCKED_RETRIES + 1):
        try:
            hnsw = (collection.configuration_json or {}).get("hnsw") or {}
            if int(hnsw.get("ef_search") or 0) < EF_SEARCH:
                collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
            return
        except Exception as exc:  # a server that cannot change it still answers, only less exactly
            # another process writing the same embedded store holds SQLite's lock for a moment
            if "locked" in str(exc) and attempt < _LOCKED_RETRIES:
                logger.info("store at %s busy; setting ef_search again (attempt %d)", where, attempt + 2)
                time.sleep(0.2 * (attempt + 1))
                continue
            logger.warning("cannot set ef_search=%d on the collection at %s", EF_SEARCH, where, exc_info=True)
            return


class Vectors:
    """The collection of chunk vectors, opened on first use (``open()`` to open it now). A
    collection built with another embedding model is refused: its vectors would not compare."""

    def __init__(self, folder: Path, embedder, name: str, url: str | None = None, connect_timeout: float = 5.0):
        self.folder = folder  # the store folder (embedded: Chroma lives in folder/chroma)
        self.embedder = embedder
        self.name = name
        self.url = url
        self.connect_timeout = connect_timeout
        self.client: Any = None  # a chromadb client, once opened
        self._vectorstore = None
        self._max_batch: int | None = None

    @property
    def where(self) -> str:
        return self.url or str(self.folder)

    def open(self):
        """The LangChain ``Chroma`` vector store over the collection."""
        if self._vectorstore is None:
            self._vectorstore = self._open()
        return self._vectorstore

    def _open(self):
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        from langchain_chroma import Chroma

        client = connect(self.folder / "chroma", self.url, self.connect_timeout)
        self.client = client
        model = {"embedding_model": self.embedder.name, "embedding_dim": self.embedder.dimension}
        try:
            existing = client.get_collection(self.name)
        except Exception:  # none yet (Chroma's error type for it varies between versions)
            logger.debug("no collection %s at %s yet", self.name, self.where, exc_info=True)
            existing = None
        if existing is not None:
            meta = existing.metadata or {}
            if meta.get("embedding_model") not in (None, self.embedder.name) or meta.get("embedding_dim") not in (
                None,
                self.embedder.dimension,
            ):
                raise StoreError(
                    f"the store at {self.where} was built with the embedding model "
                    f"{meta.get('embedding_model')} ({meta.get('embedding_dim')} dimensions); this "
                    f"version uses {self.embedder.name} ({self.embedder.dimension}). Use another store "
                    f"or re-ingest into a new one."
                )
        try:
            store = Chroma(
                client=client,
                collection_name=self.name,
                embedding_function=self.embedder,
                collection_metadata={"hnsw:space": "cosine", **model},
            )
        except Exception as exc:
            logger.debug("cannot open the collection %s at %s", self.name, self.where, exc_info=True)
            raise StoreError(f"cannot open the collection {self.name} at {self.where}: {exc}") from None
        _search_deep_enough(store._collection, self.where)
        return store

    @property
    def collection(self):
        """The raw Chroma collection."""
        return self.open()._collection

    # --- writing ---------------------------------------------------------------------------
    def max_batch(self) -> int:
        """The most vectors one ``upsert`` may carry (Chroma's limit, at most 5,000)."""
        if self._max_batch is None:
            self.open()
            try:
                self._max_batch = max(1, min(5000, int(self.client.get_max_batch_size())))
            except NearshoreQAError:
                raise
            except Exception:  # a server without the pre-flight call
                logger.debug("%s tells no max batch size: using 1000", self.where, exc_info=True)
                self._max_batch = 1000
        return self._max_batch

    def upsert(self, ids: list[str], vectors: list[list[float]], texts: list[str], metadatas: list[dict]) -> None:
        """Write vectors in as few upserts as Chroma takes."""
        coll = self.collection
        step = self.max_batch()
        for i in range(0, len(ids), step):
            coll.upsert(
                ids=ids[i : i + step],
                embeddings=vectors[i : i + step],
                documents=texts[i : i + step],
                metadatas=metadatas[i : i + step],
            )

    def delete_version(self, version: Version) -> None:
        self.collection.delete(where=version_where(version))

    def delete_ids(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[i : i + 5000])

    # --- reading ---------------------------------------------------------------------------
    def search(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest vectors (any version, live or not): (id, cosine similarity)."""
        if self.collection.count() == 0:
            return []
        result = self.collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=False)]

    def similarities(self, vector: list[float], ids: list[str]) -> dict[str, float]:
        """Cosine similarity of the given vectors to ``vector``."""
        if not ids:
            return {}
        from chromadb.errors import ChromaError

        try:
            got = self.collection.get(ids=list(ids), include=["embeddings"])
        except ChromaError:
            # An embedded store another process is writing to: its newest vectors may not be
            # visible here yet. The chunks are still ranked, on their words alone.
            logger.debug("vectors not readable yet at %s; ranking on words alone", self.where, exc_info=True)
            return {}
        if got["embeddings"] is None or not len(got["embeddings"]):
            return {}
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        return dict(zip(got["ids"], sims.tolist(), strict=False))
