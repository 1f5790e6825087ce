"""The encoder: ONNX Runtime gives sentence-transformers' vectors, without torch; the fallback to
sentence-transformers; the cached graph; vectors computed ahead of time."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nearshore_qa import bert_onnx
from nearshore_qa.embeddings import (
    VECTORS_FILE,
    MiniLMEmbeddings,
    bundled_model_path,
    read_vectors_file,
    text_digest,
    write_vectors_file,
)

REPO = Path(__file__).resolve().parents[1]

TEXTS = [
    "What was US-Mexico trade in August 2022?",
    "Trucks carried US$642.24 billion of US–Mexico goods trade in 2025, or 73.58% of the total.",
    "Nuevo León — “quoted” text with accents, 日本 and an emoji 😀",
    "",
    "x",
    "year: 2024; partner: Mexico; port: Laredo; exports_usd_billions: 12.5",
    # longer than the model's 256 word pieces: truncated the same way
    " ".join(["The USMCA entered into force on 1 July 2020 and replaced NAFTA."] * 40),
]


def test_onnx_matches_sentence_transformers(embedder):
    assert embedder.onnx is not None, "the bundled model should run on ONNX Runtime"
    ours = embedder.encode(TEXTS)
    theirs = embedder.encode_reference(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    assert ours.dtype == np.float32
    assert np.abs(ours - theirs).max() < 1e-5
    assert (ours * theirs).sum(1).min() > 1 - 1e-5  # cosine
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_batching_does_not_change_vectors_or_their_order(embedder):
    together = embedder.encode(TEXTS)
    alone = np.stack([embedder.encode([t])[0] for t in TEXTS])
    assert np.abs(together - alone).max() < 1e-5
    small = embedder.onnx.encode(TEXTS, batch_size=2)  # padded batches of two, sorted by length
    assert np.abs(small - together).max() < 1e-5
    assert embedder.encode([]).shape == (0, 384)
    assert embedder.embed_documents([]) == []


def test_batches_are_cut_by_token_budget_longest_first():
    lengths = [5, 300, 40, 40, 12, 7, 40]
    parts = bert_onnx.batches(lengths, batch_size=3, token_budget=100)
    assert sorted(i for part in parts for i in part) == list(range(len(lengths)))  # each text once
    assert parts[0] == [1]  # longer than the budget: alone
    for part in parts:
        assert len(part) <= 3
        assert [lengths[i] for i in part] == sorted((lengths[i] for i in part), reverse=True)
        assert len(part) == 1 or len(part) * lengths[part[0]] <= 100  # padded to its longest text
    assert [[lengths[i] for i in p] for p in parts] == [[300], [40, 40], [40, 12], [7, 5]]
    with pytest.raises(ValueError, match="token_budget"):
        bert_onnx.batches(lengths, batch_size=3, token_budget=0)


def test_concurrent_batches_give_sentence_transformers_vectors_in_order(embedder, tmp_path):
    """Two workers, small batches: the vectors are the reference's, in the callers' order, and
    progress counts every text once, reported in the calling thread."""
    import threading

    texts = TEXTS + [f"row {i}: exports of {'auto parts ' * i}to Mexico" for i in range(1, 30)]
    two = bert_onnx.OnnxMiniLM(bundled_model_path(), tmp_path / "cache", threads=2)
    assert two.workers == 2
    seen = []
    ours = two.encode(texts, batch_size=4, token_budget=64, on_batch=lambda n: seen.append((n, threading.get_ident())))
    assert sum(n for n, _ in seen) == len(texts) and len(seen) > 4
    assert {ident for _, ident in seen} == {threading.get_ident()}
    theirs = embedder.encode_reference(texts)
    assert (ours * theirs).sum(1).min() > 1 - 1e-5
    assert np.abs(ours - theirs).max() < 1e-5
    one = bert_onnx.OnnxMiniLM(bundled_model_path(), tmp_path / "cache", threads=1)
    assert np.abs(one.encode(texts) - ours).max() < 1e-6


def test_questions_and_candidates_go_through_onnx_and_the_cache(embedder):
    emb = MiniLMEmbeddings()
    emb.__dict__["onnx"] = embedder.onnx  # share the loaded session
    calls = []
    emb.encode_reference = lambda texts: calls.append(texts)  # sentence-transformers must not be used
    real = emb.onnx.encode
    emb.onnx = type("Counting", (), {"encode": lambda self, t, *a, **k: calls.append(list(t)) or real(t, *a, **k)})()
    first = emb.embed_cached(["a question about trade?", "a sentence."])
    again = emb.embed_cached(["a sentence.", "a question about trade?"])
    assert calls == [["a question about trade?", "a sentence."]]  # once: then from the cache
    assert again == first[::-1]
    assert emb.embed_query("a question about trade?") == first[0]


def test_unsupported_model_folder_falls_back_to_sentence_transformers(tmp_path, caplog):
    src = bundled_model_path()
    for name in ("config.json", "modules.json", "tokenizer.json"):
        shutil.copy(f"{src}/{name}", tmp_path / name)
    (tmp_path / "1_Pooling").mkdir()
    pooling = json.loads(open(f"{src}/1_Pooling/config.json").read())
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({**pooling, "pooling_mode_cls_token": True}))
    assert not bert_onnx.supported(tmp_path)  # CLS pooling (and no weights) here
    emb = MiniLMEmbeddings(model_path=str(tmp_path), cache_dir=tmp_path / "cache")
    with caplog.at_level(logging.WARNING, logger="nearshore_qa.embeddings"):
        assert emb.onnx is None
    assert "sentence-transformers" in caplog.text
    emb.encode_reference = lambda texts: np.zeros((len(texts), 384), dtype=np.float32)
    assert emb.embed_query("q") == [0.0] * 384


def test_without_onnx_runtime_sentence_transformers_encodes(embedder, tmp_path, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime -> ImportError
    emb = MiniLMEmbeddings(cache_dir=tmp_path)
    emb.__dict__["model"] = embedder.model  # share the loaded reference
    with caplog.at_level(logging.WARNING, logger="nearshore_qa.embeddings"):
        vectors = np.asarray(emb.embed_documents(TEXTS[:3]))
    assert emb.onnx is None and "ONNX Runtime is not available" in caplog.text
    assert np.abs(vectors - embedder.encode(TEXTS[:3])).max() < 1e-5
    assert emb.token_lengths(["a b c"]) == [5]  # [CLS] a b c [SEP], by the reference tokenizer


def test_the_graph_is_cached_by_model_hash_and_rebuilt_when_the_model_changes(tmp_path):
    src = Path(bundled_model_path())
    model = tmp_path / "model"
    shutil.copytree(src, model, ignore=shutil.ignore_patterns("model.safetensors"))
    (model / "model.safetensors").symlink_to(src / "model.safetensors")
    cache = tmp_path / "cache"
    first = bert_onnx.cached_graph(model, cache)
    assert first.is_file() and first.parent == cache
    assert bert_onnx.cached_graph(model, cache) == first  # found again, not rebuilt
    stamp = first.stat().st_mtime_ns
    assert bert_onnx.cached_graph(model, cache).stat().st_mtime_ns == stamp
    cfg = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**cfg, "layer_norm_eps": 1e-6}))  # other model
    second = bert_onnx.cached_graph(model, cache)
    assert second != first and second.is_file()
    assert not first.exists()  # the stale graph is removed
    assert sorted(p.name for p in cache.glob("*.onnx")) == [second.name]


def test_the_graph_is_rebuilt_when_the_graph_version_changes(tmp_path, monkeypatch):
    """A new version of the graph written here (other operators or settings) never reuses a file
    written by an older one, even with the same weights; the model key (and so the shipped
    vectors' key) changes with it."""
    cache = tmp_path / "cache"
    model = Path(bundled_model_path())
    first = bert_onnx.cached_graph(model, cache)
    key = bert_onnx.model_key(model, cache)
    monkeypatch.setattr(bert_onnx, "GRAPH_VERSION", bert_onnx.GRAPH_VERSION + 1)
    second = bert_onnx.cached_graph(model, cache)
    assert second != first and second.is_file() and not first.exists()
    assert bert_onnx.model_key(model, cache) != key


def test_an_unwritable_cache_folder_builds_the_graph_in_memory(embedder, tmp_path, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    emb = MiniLMEmbeddings(cache_dir=blocked / "encoder")
    with caplog.at_level(logging.WARNING, logger="nearshore_qa.bert_onnx"):
        assert emb.onnx is not None and emb.onnx.file is None
    assert "building it in memory" in caplog.text
    assert np.abs(emb.encode(TEXTS[:2]) - embedder.encode(TEXTS[:2])).max() < 1e-6


def test_known_vectors_are_used_instead_of_encoding(embedder, tmp_path, caplog):
    file = tmp_path / "vectors.bin"
    vectors = embedder.encode(TEXTS[:3])
    write_vectors_file(file, embedder.model_key, TEXTS[:3], vectors)
    header, digests, read = read_vectors_file(file)
    assert header["count"] == 3 and header["model"] == embedder.model_key
    assert {bytes(d) for d in digests} == {text_digest(t) for t in TEXTS[:3]}
    order = [[bytes(d) for d in digests].index(text_digest(t)) for t in TEXTS[:3]]
    assert np.array_equal(read[order], vectors)  # float32, exact round trip

    emb = MiniLMEmbeddings()
    emb.__dict__["onnx"] = embedder.onnx
    encoded = []
    emb.encode = lambda texts, on_batch=None: encoded.append(list(texts)) or embedder.encode(texts)
    assert emb.load_vectors_file(file) == 3
    out = emb.embed_documents([TEXTS[1], TEXTS[4], TEXTS[0]])
    assert encoded == [[TEXTS[4]]]  # only the unknown text is encoded
    assert np.array_equal(np.asarray(out, dtype=np.float32)[[0, 2]], vectors[[1, 0]])

    other = tmp_path / "other.bin"
    write_vectors_file(other, "some-other-model", TEXTS[:3], vectors)
    fresh = MiniLMEmbeddings()
    fresh.__dict__["model_key"] = embedder.model_key
    with caplog.at_level(logging.WARNING, logger="nearshore_qa.embeddings"):
        assert fresh.load_vectors_file(other) == 0
        (tmp_path / "broken.bin").write_bytes(b'{"format": 1, "count": 5, "dimension": 384, "model": "x"}\n12')
        assert fresh.load_vectors_file(tmp_path / "broken.bin") == 0
        assert fresh.load_vectors_file(tmp_path / "absent.bin") == 0
    assert "some-other-model" in caplog.text and "broken.bin" in caplog.text


def test_the_shipped_vectors_cover_the_shipped_corpus(embedder):
    """Fails when the corpus (or the chunker, or the model) changed and the shipped vectors were
    not regenerated."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import ship_vectors
    finally:
        sys.path.remove(str(REPO / "scripts"))
    reason = ship_vectors.stale(REPO / "corpus", embedder)
    assert reason is None, f"{reason}: run `{ship_vectors.COMMAND}` and commit corpus/{VECTORS_FILE}"


def test_an_ask_imports_neither_torch_nor_transformers(loaded_library):
    """The cold-start path: a fresh process that asks loads no torch (most of its start-up)."""
    code = (
        "import sys\n"
        "from nearshore_qa import Settings\n"
        "from nearshore_qa.library import Library\n"
        f"lib = Library(Settings.from_env(store={str(loaded_library.settings.store_dir)!r}))\n"
        "a = lib.ask('How much did the US export to Nuevo León in 2024?')\n"
        "assert a.answer\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_an_ingest_imports_neither_torch_nor_transformers(tmp_path):
    code = (
        "import sys\n"
        "from nearshore_qa import Settings\n"
        "from nearshore_qa.library import Library\n"
        f"lib = Library(Settings.from_env(store={str(tmp_path / 'store')!r}))\n"
        f"r = lib.add([{str(REPO / 'tests' / 'data' / 'corpus' / 'articles' / 'texas-truck-crossings.txt')!r}])\n"
        "assert r[0].status == 'added', r\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"
