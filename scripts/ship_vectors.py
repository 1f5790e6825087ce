"""Write the shipped corpus's chunk vectors beside it (corpus/.minilm-vectors.bin), so a fresh
default store is seeded without encoding; or check that the file is current.

    python scripts/ship_vectors.py            # (re)write it: ingests corpus/ into a temporary store
    python scripts/ship_vectors.py --check    # exit 1, naming what is missing, when it is stale

The vectors are recorded as a from-scratch ingest of the corpus computes them (same encoder, same
batches), so a store seeded from the file holds the same vectors as one built from scratch. The
file is deterministic for a given corpus, model and machine: entries sorted by text digest.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
for name, value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}.items():
    os.environ.setdefault(name, value)

from nearshore_qa.embeddings import VECTORS_FILE, MiniLMEmbeddings, read_vectors_file, text_digest, write_vectors_file  # noqa: E402

COMMAND = "python scripts/ship_vectors.py"


def corpus_texts(corpus: Path) -> list[str]:
    """What the encoder reads for every chunk of the corpus (no encoding, no store)."""
    from nearshore_qa.chunking import chunk_document
    from nearshore_qa.ingest import doc_id_for, file_format, iter_files, load_file

    texts = []
    for path, root in iter_files([corpus]):
        if path.is_dir() or file_format(path.name) is None:
            continue
        doc = load_file(path, doc_id_for(path, root), 50 * 2**20)
        texts += [c.embed_text(doc.meta) for c in chunk_document(doc)]
    return texts


def stale(corpus: Path, embedder: MiniLMEmbeddings | None = None) -> str | None:
    """Why the shipped vectors do not cover the corpus for this model, or None when they do."""
    embedder = embedder or MiniLMEmbeddings()
    file = corpus / VECTORS_FILE
    if not file.is_file():
        return f"{file} is missing"
    header, digests, _ = read_vectors_file(file)
    if header["model"] != embedder.model_key:
        return f"{file} was made by model {header['model']}, the installed one is {embedder.model_key}"
    have = {bytes(d) for d in digests}
    missing = [t for t in corpus_texts(corpus) if text_digest(t) not in have]
    if missing:
        return f"{file} lacks {len(missing)} chunk texts of {corpus} (first: {missing[0][:80]!r})"
    return None


def build(corpus: Path) -> tuple[Path, int]:
    from nearshore_qa.library import Library
    from nearshore_qa.settings import Settings

    texts: list[str] = []
    vectors: list[list[float]] = []

    class Recording(MiniLMEmbeddings):
        def embed_documents(self, batch, on_batch=None):
            out = super().embed_documents(batch, on_batch)
            texts.extend(batch)
            vectors.extend(out)
            return out

    embedder = Recording()
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Settings.from_env(store=tmp), embedder=embedder)
        failed = [r for r in lib.add([corpus]) if r.status == "failed"]
        lib.close()
    if failed:
        raise SystemExit(f"ingest failed for {[r.name for r in failed]}")
    target = corpus / VECTORS_FILE
    n = write_vectors_file(target, embedder.model_key, texts, vectors)
    return target, n


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=REPO / "corpus")
    p.add_argument("--check", action="store_true", help="only check that the shipped file is current")
    a = p.parse_args()
    if a.check:
        reason = stale(a.corpus)
        if reason:
            print(f"stale: {reason}; run `{COMMAND}`", file=sys.stderr)
            return 1
        print("the shipped vectors are current")
        return 0
    target, n = build(a.corpus)
    print(f"wrote {n} vectors to {target} ({target.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
