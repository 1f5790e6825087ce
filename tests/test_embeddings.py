"""The encoder: the NumPy reader for questions and sentences gives sentence-transformers' vectors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import numpy as np

from nearshore_qa import bert_numpy
from nearshore_qa.embeddings import MiniLMEmbeddings, bundled_model_path

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


def test_numpy_reader_matches_sentence_transformers(embedder):
    reader = embedder.reader
    assert reader is not None, "the bundled model should be read by the NumPy encoder"
    ours = reader.encode(TEXTS)
    theirs = embedder.encode(TEXTS)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    assert ours.dtype == np.float32
    assert np.abs(ours - theirs).max() < 1e-5
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_packing_does_not_change_vectors(embedder):
    reader = embedder.reader
    together = reader.encode(TEXTS)
    alone = np.stack([reader.encode([t])[0] for t in TEXTS])
    assert np.abs(together - alone).max() < 1e-5
    small = bert_numpy.NumpyMiniLM(bundled_model_path(), max_tokens_per_pass=16)  # one text per pass
    assert np.abs(small.encode(TEXTS) - together).max() < 1e-5
    assert reader.encode([]).shape == (0, 384)


def test_questions_and_candidates_go_through_the_reader_and_the_cache(embedder):
    emb = MiniLMEmbeddings()
    emb.__dict__["reader"] = embedder.reader  # share the loaded weights
    calls = []
    emb.encode = lambda texts: calls.append(texts)  # sentence-transformers must not be used
    first = emb.embed_cached(["a question about trade?", "a sentence."])
    again = emb.embed_cached(["a sentence.", "a question about trade?"])
    assert calls == []
    assert again == first[::-1]
    assert emb.embed_query("a question about trade?") == first[0]


def test_unsupported_model_folder_falls_back_to_sentence_transformers(tmp_path):
    src = bundled_model_path()
    for name in ("config.json", "modules.json", "tokenizer.json"):
        shutil.copy(f"{src}/{name}", tmp_path / name)
    (tmp_path / "1_Pooling").mkdir()
    pooling = json.loads(open(f"{src}/1_Pooling/config.json").read())
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({**pooling, "pooling_mode_cls_token": True}))
    assert not bert_numpy.supported(tmp_path)  # CLS pooling (and no weights) here
    emb = MiniLMEmbeddings(model_path=str(tmp_path))
    assert emb.reader is None
    emb.encode = lambda texts: np.zeros((len(texts), 384), dtype=np.float32)
    assert emb.embed_query("q") == [0.0] * 384


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
