"""all-MiniLM-L6-v2 as an ONNX graph, written straight from the packaged safetensors weights, run by
ONNX Runtime: the one inference runtime for every encoding (ingest, the question, candidate
sentences), without torch.

The graph is the BERT forward pass, mean pooling and normalisation of sentence-transformers, in
ONNX operators (opset 17) and ONNX Runtime's fused BERT operators (Attention, SkipLayerNormalization,
BiasGelu). It is serialised here with a few lines of protobuf encoding,
so building it needs neither torch nor the ``onnx`` package and takes well under a second; the
file is cached in the user cache folder under a key made of the weights' and config's hashes and
``GRAPH_VERSION``, and rebuilt when any of them changes. Tokenization is the model's own
``tokenizer.json`` through the ``tokenizers`` package, truncated at ``max_seq_length`` and padded
per batch, as sentence-transformers does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import tempfile
import threading
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

GRAPH_VERSION = 1  # bump when the graph written below changes: cached files are then rebuilt
OPSET = 17

# ---------------------------------------------------------------------------------------------
# protobuf wire format (only what an ONNX ModelProto needs)
# ---------------------------------------------------------------------------------------------
_FLOAT, _INT64 = 1, 7  # TensorProto.DataType
_ATTR_FLOAT, _ATTR_INT, _ATTR_INTS = 1, 2, 7  # AttributeProto.AttributeType
_MS = "com.microsoft"  # ONNX Runtime's fused operators


def _varint(n: int) -> bytes:
    if n < 0:
        n += 1 << 64
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _int(field: int, n: int) -> bytes:
    return _key(field, 0) + _varint(n)


def _bytes(field: int, data: bytes | str) -> bytes:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return _key(field, 2) + _varint(len(data)) + data


def _attr(name: str, value) -> bytes:
    if isinstance(value, float):
        return _bytes(1, name) + _key(2, 5) + struct.pack("<f", value) + _int(20, _ATTR_FLOAT)
    if isinstance(value, int):
        return _bytes(1, name) + _int(3, value) + _int(20, _ATTR_INT)
    return _bytes(1, name) + b"".join(_int(8, v) for v in value) + _int(20, _ATTR_INTS)


def _tensor(name: str, array: np.ndarray) -> bytes:
    array = np.ascontiguousarray(array)
    kind = {np.dtype(np.float32): _FLOAT, np.dtype(np.int64): _INT64}[array.dtype]
    return (
        b"".join(_int(1, d) for d in array.shape)
        + _int(2, kind)
        + _bytes(8, name)
        + _bytes(9, array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes())
    )


def _value_info(name: str, elem: int, dims: list[int | str]) -> bytes:
    shape = b"".join(_bytes(1, _int(1, d) if isinstance(d, int) else _bytes(2, d)) for d in dims)
    tensor_type = _int(1, elem) + _bytes(2, shape)
    return _bytes(1, name) + _bytes(2, _bytes(1, tensor_type))


class _Graph:
    """Nodes and initializers, named in order; ``op`` returns its output's name."""

    def __init__(self):
        self.nodes: list[bytes] = []
        self.inits: list[bytes] = []
        self._n = 0

    def const(self, array, name: str | None = None) -> str:
        self._n += 1
        name = name or f"c{self._n}"
        self.inits.append(_tensor(name, np.asarray(array)))
        return name

    def op(self, op_type: str, *inputs: str, domain: str = "", **attrs) -> str:
        self._n += 1
        out = f"t{self._n}"
        node = (
            b"".join(_bytes(1, i) for i in inputs)
            + _bytes(2, out)
            + _bytes(3, f"n{self._n}")
            + _bytes(4, op_type)
            + b"".join(_bytes(5, _attr(k, v)) for k, v in attrs.items())
            + (_bytes(7, domain) if domain else b"")
        )
        self.nodes.append(node)
        return out

    def model(self, inputs: list[bytes], outputs: list[bytes]) -> bytes:
        graph = (
            b"".join(_bytes(1, n) for n in self.nodes)
            + _bytes(2, "minilm")
            + b"".join(_bytes(5, t) for t in self.inits)
            + b"".join(_bytes(11, v) for v in inputs)
            + b"".join(_bytes(12, v) for v in outputs)
        )
        return (
            _int(1, 8)
            + _bytes(2, "nearshore-qa")
            + _bytes(7, graph)
            + _bytes(8, _bytes(1, "") + _int(2, OPSET))
            + _bytes(8, _bytes(1, _MS) + _int(2, 1))
        )


# ---------------------------------------------------------------------------------------------
# the model
# ---------------------------------------------------------------------------------------------
def supported(path: Path) -> bool:
    """A sentence-transformers folder this module reproduces: a BERT with absolute positions and
    GELU, mean pooling, then normalisation."""
    try:
        cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
        modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((path / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, IndexError):
        return False
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    return (
        cfg.get("model_type") == "bert"
        and cfg.get("hidden_act") == "gelu"
        and cfg.get("position_embedding_type", "absolute") == "absolute"
        and kinds == ["Transformer", "Pooling", "Normalize"]
        and modes == {"pooling_mode_mean_tokens"}
        and (path / "model.safetensors").is_file()
        and (path / "tokenizer.json").is_file()
    )


def max_seq_length(path: Path) -> int:
    cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
    try:
        st_cfg = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except OSError:
        st_cfg = {}
    return int(st_cfg.get("max_seq_length") or cfg.get("max_position_embeddings", 512))


def build_graph(path: Path) -> bytes:
    """The serialised ONNX model: ids and mask (batch × tokens, int64) -> normalised mean-pooled
    vectors (batch × hidden, float32)."""
    from safetensors.numpy import load_file

    cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
    w = load_file(str(path / "model.safetensors"))
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in w else ""
    W = lambda name: w[prefix + name]  # noqa: E731
    d, heads = int(cfg["hidden_size"]), int(cfg["num_attention_heads"])
    eps = float(cfg.get("layer_norm_eps", 1e-12))
    g = _Graph()

    ids, mask = "input_ids", "attention_mask"
    axis0, axis1 = g.const(np.array([0], dtype=np.int64)), g.const(np.array([1], dtype=np.int64))
    seq = g.op("Slice", g.op("Shape", ids), axis1, g.const(np.array([2], dtype=np.int64)))  # [tokens]
    positions = g.op("Slice", g.const(W("embeddings.position_embeddings.weight")), axis0, seq, axis0)
    x = g.op("Add", g.op("Gather", g.const(W("embeddings.word_embeddings.weight")), ids), positions)
    x = g.op("Add", x, g.const(W("embeddings.token_type_embeddings.weight")[0].copy()))  # token type 0
    x = g.op(
        "LayerNormalization",
        x,
        g.const(W("embeddings.LayerNorm.weight")),
        g.const(W("embeddings.LayerNorm.bias")),
        axis=-1,
        epsilon=eps,
    )

    maskf = g.op("Cast", mask, to=_FLOAT)  # batch × seq
    mask32 = g.op("Cast", mask, to=6)  # int32, as Attention takes it (a padded key is left out)
    for i in range(int(cfg["num_hidden_layers"])):
        # ONNX Runtime's own BERT operators (what its transformer optimizer makes of an exported
        # BERT): the same arithmetic as torch in fewer kernels; exact (erf) GELU.
        p, att, out = (
            f"encoder.layer.{i}.",
            f"encoder.layer.{i}.attention.self.",
            f"encoder.layer.{i}.attention.output.",
        )
        qkv_w = np.concatenate([W(att + f"{n}.weight") for n in ("query", "key", "value")]).T.copy()
        qkv_b = np.concatenate([W(att + f"{n}.bias") for n in ("query", "key", "value")])
        ctx = g.op("Attention", x, g.const(qkv_w), g.const(qkv_b), mask32, domain=_MS, num_heads=heads)
        x = g.op(
            "SkipLayerNormalization",
            g.op("MatMul", ctx, g.const(W(out + "dense.weight").T.copy())),
            x,
            g.const(W(out + "LayerNorm.weight")),
            g.const(W(out + "LayerNorm.bias")),
            g.const(W(out + "dense.bias")),
            domain=_MS,
            epsilon=eps,
        )
        h = g.op(
            "BiasGelu",
            g.op("MatMul", x, g.const(W(p + "intermediate.dense.weight").T.copy())),
            g.const(W(p + "intermediate.dense.bias")),
            domain=_MS,
        )
        x = g.op(
            "SkipLayerNormalization",
            g.op("MatMul", h, g.const(W(p + "output.dense.weight").T.copy())),
            x,
            g.const(W(p + "output.LayerNorm.weight")),
            g.const(W(p + "output.LayerNorm.bias")),
            g.const(W(p + "output.dense.bias")),
            domain=_MS,
            epsilon=eps,
        )

    m3 = g.op("Unsqueeze", maskf, g.const(np.array([2], dtype=np.int64)))
    summed = g.op("ReduceSum", g.op("Mul", x, m3), axis1, keepdims=0)
    count = g.op("Max", g.op("ReduceSum", m3, axis1, keepdims=0), g.const(np.array(1e-9, np.float32)))
    pooled = g.op("Div", summed, count)
    norm = g.op("Max", g.op("ReduceL2", pooled, axes=[1], keepdims=1), g.const(np.array(1e-12, np.float32)))
    out = g.op("Div", pooled, norm)
    g.nodes.append(_bytes(1, out) + _bytes(2, "embedding") + _bytes(3, "out") + _bytes(4, "Identity"))
    return g.model(
        [_value_info(ids, _INT64, ["batch", "seq"]), _value_info(mask, _INT64, ["batch", "seq"])],
        [_value_info("embedding", _FLOAT, ["batch", d])],
    )


_KEYED = ("config.json", "model.safetensors")


def model_key(path: Path, cache_dir: Path | None = None) -> str:
    """What the cached graph (and vectors made with it) depend on: the hashes of the weights and
    the config, and this module's graph version. Hashing 90 MB takes a few tenths of a second,
    so the key is remembered in ``cache_dir`` under the files' path, size and modification time."""
    path = Path(path).resolve()
    stamp = [[str(path / n), (path / n).stat().st_size, (path / n).stat().st_mtime_ns] for n in _KEYED]
    memo = cache_dir / "model-keys.json" if cache_dir is not None else None
    known: dict = {}
    if memo is not None:
        try:
            known = json.loads(memo.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        entry = known.get(str(path))
        if isinstance(entry, dict) and entry.get("stamp") == stamp and entry.get("graph") == GRAPH_VERSION:
            return str(entry["key"])
    h = hashlib.sha256(f"graph {GRAPH_VERSION}\n".encode())
    for name in _KEYED:
        with open(path / name, "rb") as f:
            h.update(hashlib.file_digest(f, "sha256").digest())
    key = h.hexdigest()[:24]
    if memo is not None and cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            known[str(path)] = {"stamp": stamp, "graph": GRAPH_VERSION, "key": key}
            _write_atomic(memo, json.dumps(known, indent=1).encode())
        except OSError as exc:  # a read-only cache only costs the hashing next time
            logger.info("could not remember the model key in %s: %s", memo, exc)
    return key


def _write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file and rename, so concurrent readers never see half a file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cached_graph(path: Path, cache_dir: Path) -> Path:
    """The ONNX file for the model folder ``path``, built into ``cache_dir`` when absent or
    stale (other weights or graph version)."""
    target = cache_dir / f"minilm-{model_key(path, cache_dir)}.onnx"
    if target.is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(target, build_graph(path))
    for old in cache_dir.glob("minilm-*.onnx"):  # earlier weights or graph versions
        if old != target:
            old.unlink(missing_ok=True)
    logger.info("built the ONNX encoder %s", target)
    return target


# Padded word pieces per batch. Measured on the corpus chunks (benchmarks/RESULTS.md, issue 16):
# batches of ~1,000 tokens took 10-16 % less CPU than batches of 32 chunks (~3,600 tokens), whose
# activations (32 x 114 tokens x 1,536 floats = 22 MB in the feed-forward layer) overflow the
# caches; single texts were no better.
TOKEN_BUDGET = 1024


def batches(lengths: list[int], batch_size: int, token_budget: int = TOKEN_BUDGET) -> list[list[int]]:
    """Indices into ``lengths``, longest first, cut into batches of at most ``batch_size`` texts
    and ``token_budget`` padded tokens (a batch pads to its first, longest text; a text longer
    than the budget goes alone)."""
    if batch_size < 1 or token_budget < 1:
        raise ValueError(f"batch_size and token_budget must be >= 1, got {batch_size} and {token_budget}")
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    out: list[list[int]] = []
    for i in order:
        if out and len(out[-1]) < batch_size and (len(out[-1]) + 1) * lengths[out[-1][0]] <= token_budget:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def cores() -> int:
    return (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()) or 1


class OnnxMiniLM:
    """``encode(texts) -> float32 array (n, hidden)``, normalised, as ``SentenceTransformer.encode``.

    Texts are tokenized once, sorted by length in word pieces and cut into batches of about
    ``TOKEN_BUDGET`` padded tokens (``batches``); the vectors come back in the callers' order.
    One session with one intra-op thread runs a batch per core at once (``workers`` Python
    threads; ONNX Runtime releases the GIL): the batches share no work, so no thread waits on
    another inside an operator, as intra-op threads do at every one of the graph's ~50 kernels
    (and longer when the other core is busy).
    """

    def __init__(self, path: str | Path, cache_dir: Path, threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = Path(path)
        self.max_len = max_seq_length(path)
        try:
            self.file: Path | None = cached_graph(path, cache_dir)
            model: str | bytes = str(self.file)
        except OSError as exc:  # an unwritable cache folder: build the graph in memory each time
            logger.warning("cannot cache the ONNX encoder in %s (%s): building it in memory", cache_dir, exc)
            self.file, model = None, build_graph(path)
        options = ort.SessionOptions()
        # Workers follow the machine's cores, one intra-op thread each; no spinning: on a shared
        # machine a spinning thread takes a core from the process it waits for.
        self.workers = max(1, threads or cores())
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self.dimension = int(self.session.get_outputs()[0].shape[1])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # tokenizer.json carries a fixed padding to 128; sentence-transformers truncates at
        # max_seq_length and pads per batch, as done here.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_len)
        self._pool = None
        self._pool_lock = threading.Lock()

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def _run(self, ids: list[list[int]], part: list[int]) -> np.ndarray:
        width = len(ids[part[0]])
        tokens = np.zeros((len(part), width), dtype=np.int64)
        mask = np.zeros((len(part), width), dtype=np.int64)
        for row, i in enumerate(part):
            tokens[row, : len(ids[i])] = ids[i]
            mask[row, : len(ids[i])] = 1
        return self.session.run(None, {"input_ids": tokens, "attention_mask": mask})[0]

    def _executor(self):
        with self._pool_lock:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="onnx-encoder")
            return self._pool

    def encode(
        self,
        texts: list[str],
        batch_size: int = 32,
        ids: list[list[int]] | None = None,
        on_batch=None,
        token_budget: int = TOKEN_BUDGET,
    ) -> np.ndarray:
        """``on_batch(n)`` is called (in the caller's thread) after each batch of ``n`` texts."""
        ids = self.token_ids(texts) if ids is None else ids
        out = np.empty((len(ids), self.dimension), dtype=np.float32)
        parts = batches([len(x) for x in ids], batch_size, token_budget)
        if self.workers == 1 or len(parts) == 1:
            results = (self._run(ids, part) for part in parts)
        else:  # in order, longest first: the workers finish together
            results = self._executor().map(lambda part: self._run(ids, part), parts)
        for part, vectors in zip(parts, results, strict=True):
            out[part] = vectors
            if on_batch is not None:
                on_batch(len(part))
        return out
