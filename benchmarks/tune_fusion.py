"""Grid over the fusion weights on a store built by tatqa_retrieval.py --store DIR.

    python benchmarks/tatqa_retrieval.py --store /tmp/tatqa   # builds the store
    python benchmarks/tune_fusion.py --store /tmp/tatqa --data ../shared/eval/tatqa/dev
"""

import argparse
import json
import os
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from nearshore_qa import Settings  # noqa: E402
from nearshore_qa.library import Library  # noqa: E402
from nearshore_qa.retrieval import FusionWeights, HybridRetriever  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--store", required=True)
ap.add_argument("--data", default="../shared/eval/tatqa/dev")
args = ap.parse_args()
data = Path(args.data)
if not (data / "questions.jsonl").is_file():
    raise SystemExit(f"SKIP: {data} not found")
lib = Library(Settings.from_env(store=args.store))
questions = [json.loads(line) for line in open(data / "questions.jsonl", encoding="utf-8")]
# Cache both rankings once; fusion is then cheap to recompute for every weight pair.
cache = []
for q in questions:
    lex = lib.store.lexical_search(q["question"], 50)
    dense = lib.store.dense_search(lib.embedder.embed_query(q["question"]), 50)
    cache.append((q, lex, dense))
docs = {c.chunk_id: Path(c.doc_id).stem for c, _ in lib.store.all_chunks()}
for lw in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
    for rrf_k in (10, 30, 60):
        h1 = h5 = mrr = 0.0
        for q, lex, dense in cache:
            scores = {}
            for r, (cid, _) in enumerate(lex, 1):
                scores[cid] = scores.get(cid, 0) + lw / (rrf_k + r)
            for r, (cid, _) in enumerate(dense, 1):
                scores[cid] = scores.get(cid, 0) + (1 - lw) / (rrf_k + r)
            ranking = []
            for cid in sorted(scores, key=lambda c: -scores[c]):
                d = docs.get(cid)
                if d and d not in ranking:
                    ranking.append(d)
            rank = ranking.index(q["gold_doc"]) + 1 if q["gold_doc"] in ranking else 0
            h1 += rank == 1
            h5 += 0 < rank <= 5
            mrr += 1 / rank if 0 < rank <= 10 else 0
        n = len(cache)
        print(f"lexical {lw:.1f} rrf_k {rrf_k:<3} hit@1 {h1 / n:.3f} hit@5 {h5 / n:.3f} mrr@10 {mrr / n:.3f}", flush=True)
