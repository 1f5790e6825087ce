"""all-MiniLM-L6-v2 in plain NumPy, for the short texts of an ask (the question, candidate
sentences): the same vectors as sentence-transformers (float32 rounding apart), without importing
torch and transformers, which is most of a cold start.

The texts of one call are packed into one token matrix (no padding): the per-token layers run as
a few large matrix products, attention runs per text. BLAS runs on one thread here: these
products are small, and two BLAS threads on a shared 2-core machine wait on each other (a
20×384×1536 product took 14 ms on 2 threads against 0.4 ms on 1, at load 3).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

_INV_SQRT2 = np.float32(0.7071067811865476)
_FFN_ROWS = 128


def _gelu_(h: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU in place: 0.5·(x + |x|·erf(|x|/√2)), erf by Abramowitz & Stegun 7.1.26
    (|error| < 1.5e-7, below float32's resolution here); in-place steps keep it in cache."""
    a = np.abs(h)
    a *= _INV_SQRT2
    t = a * np.float32(0.3275911)
    t += 1
    np.reciprocal(t, out=t)
    p = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        p += np.float32(c)
        p *= t
    a *= a
    np.negative(a, out=a)
    np.exp(a, out=a)
    p *= a  # 1 - erf(|x|/√2)
    np.subtract(1, p, out=p)
    p *= np.abs(h)
    h += p
    h *= 0.5
    return h


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
    return (cfg.get("model_type") == "bert" and cfg.get("hidden_act") == "gelu"
            and cfg.get("position_embedding_type", "absolute") == "absolute"
            and kinds == ["Transformer", "Pooling", "Normalize"] and modes == {"pooling_mode_mean_tokens"}
            and (path / "model.safetensors").is_file() and (path / "tokenizer.json").is_file())


class _OneBlasThread:
    """BLAS limited to one thread while any encode runs (several sessions may encode at once)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._users = 0
        self._limit = None
        try:
            from threadpoolctl import ThreadpoolController

            self._controller = ThreadpoolController()
        except Exception:  # threadpoolctl comes with scikit-learn; without it BLAS keeps its threads
            self._controller = None

    def __enter__(self):
        with self._lock:
            if self._users == 0 and self._controller is not None:
                self._limit = self._controller.limit(limits=1, user_api="blas")
            self._users += 1

    def __exit__(self, *exc):
        with self._lock:
            self._users -= 1
            if self._users == 0 and self._limit is not None:
                self._limit.restore_original_limits()
                self._limit = None


class NumpyMiniLM:
    """``encode(texts) -> float32 array (n, 384)``, normalised, as ``SentenceTransformer.encode``."""

    def __init__(self, path: str | Path, max_tokens_per_pass: int = 2048):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = Path(path)
        cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
        try:
            st_cfg = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        except OSError:
            st_cfg = {}
        self.max_len = int(st_cfg.get("max_seq_length") or cfg.get("max_position_embeddings", 512))
        self.heads = int(cfg["num_attention_heads"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.max_tokens_per_pass = max_tokens_per_pass
        w = load_file(str(path / "model.safetensors"))
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in w else ""
        g = lambda name: w[prefix + name]  # noqa: E731
        self.word = g("embeddings.word_embeddings.weight")
        self.pos = g("embeddings.position_embeddings.weight")
        self.type0 = g("embeddings.token_type_embeddings.weight")[0]
        self.ln0 = (g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(int(cfg["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self.layers.append({
                "qkv_w": np.ascontiguousarray(np.concatenate(
                    [g(att + f"self.{n}.weight") for n in ("query", "key", "value")]).T),
                "qkv_b": np.concatenate([g(att + f"self.{n}.bias") for n in ("query", "key", "value")]),
                "o_w": np.ascontiguousarray(g(att + "output.dense.weight").T), "o_b": g(att + "output.dense.bias"),
                "ln1": (g(att + "output.LayerNorm.weight"), g(att + "output.LayerNorm.bias")),
                "i_w": np.ascontiguousarray(g(p + "intermediate.dense.weight").T), "i_b": g(p + "intermediate.dense.bias"),
                "f_w": np.ascontiguousarray(g(p + "output.dense.weight").T), "f_b": g(p + "output.dense.bias"),
                "ln2": (g(p + "output.LayerNorm.weight"), g(p + "output.LayerNorm.bias")),
            })
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # tokenizer.json carries a fixed padding to 128; sentence-transformers truncates at
        # max_seq_length and pads per batch, which packing makes unnecessary.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_len)
        self._blas = _OneBlasThread()

    def _ln(self, x: np.ndarray, params) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        centred = x - mean
        var = (centred * centred).mean(-1, keepdims=True)
        return centred / np.sqrt(var + self.eps) * params[0] + params[1]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.word.shape[1]), dtype=np.float32)
        ids = [np.asarray(e.ids, dtype=np.int64) for e in self.tokenizer.encode_batch(list(texts))]
        out = np.empty((len(ids), self.word.shape[1]), dtype=np.float32)
        with self._blas:
            start = 0
            while start < len(ids):  # passes of a bounded token count keep the activations in cache
                end, tokens = start, 0
                while end < len(ids) and (end == start or tokens + len(ids[end]) <= self.max_tokens_per_pass):
                    tokens += len(ids[end])
                    end += 1
                out[start:end] = self._packed(ids[start:end])
                start = end
        return out

    def _packed(self, ids: list[np.ndarray]) -> np.ndarray:
        lens = [len(i) for i in ids]
        bounds = np.cumsum([0] + lens)
        x = self.word[np.concatenate(ids)] + np.concatenate([self.pos[:n] for n in lens]) + self.type0
        x = self._ln(x, self.ln0)
        d = x.shape[1]
        hd = d // self.heads
        scale = np.float32(1.0 / np.sqrt(hd))
        for L in self.layers:
            qkv = x @ L["qkv_w"] + L["qkv_b"]
            att = np.empty_like(x)
            for j, n in enumerate(lens):
                s0 = bounds[j]
                block = qkv[s0:s0 + n].reshape(n, 3, self.heads, hd)
                q = block[:, 0].transpose(1, 0, 2)
                k = block[:, 1].transpose(1, 2, 0)
                v = block[:, 2].transpose(1, 0, 2)
                s = (q @ k) * scale
                s = np.exp(s - s.max(-1, keepdims=True))
                s /= s.sum(-1, keepdims=True)
                att[s0:s0 + n] = (s @ v).transpose(1, 0, 2).reshape(n, d)
            x = self._ln(att @ L["o_w"] + L["o_b"] + x, L["ln1"])
            out = np.empty_like(x)
            for r in range(0, len(x), _FFN_ROWS):  # the 4× wider activations stay in cache
                h = x[r:r + _FFN_ROWS] @ L["i_w"]
                h += L["i_b"]
                out[r:r + _FFN_ROWS] = _gelu_(h) @ L["f_w"]
            out += L["f_b"]
            out += x
            x = self._ln(out, L["ln2"])
        pooled = np.add.reduceat(x, bounds[:-1], axis=0) / np.asarray(lens, dtype=np.float32)[:, None]
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
