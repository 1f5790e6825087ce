"""Grid over the fusion weights on a store built by tatqa_retrieval.py --store DIR.

    python benchmarks/tatqa_retrieval.py --store /tmp/tatqa   # builds the store
    python benchmarks/tune_fusion.py --store /tmp/tatqa --data ../shared/eval/tatqa/dev

The same ``HybridRetriever.search`` as ``ask``; the store's searches are memoised so each
setting only re-does the fusion.
"""

import argparse
import functools
import itertools
import os
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from tatqa_retrieval import load_questions, scores, summary  # noqa: E402  (benchmarks/, next to this file)

from nearshore_qa import Settings  # noqa: E402
from nearshore_qa.library import Library  # noqa: E402
from nearshore_qa.retrieval import FusionWeights, HybridRetriever  # noqa: E402


def memoise(obj, name):
    method = getattr(obj, name)
    cache = {}

    @functools.wraps(method)
    def wrapper(*args):
        key = tuple(tuple(a) if isinstance(a, (list, dict)) else a for a in args)
        if key not in cache:
            cache[key] = method(*args)
        return cache[key]

    setattr(obj, name, wrapper)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--data", default="../shared/eval/tatqa/dev")
    ap.add_argument(
        "grid",
        nargs="*",
        default=["dense=0.5,0.75,1.0,1.25", "document=0,0.25,0.5,0.75"],
        help="FusionWeights field=value,value,... (default: dense and document)",
    )
    args = ap.parse_args()
    questions = load_questions(Path(args.data))
    if questions is None:
        return 0
    lib = Library(Settings.from_env(store=args.store))
    index = lib.store.refresh_lexical()
    lib.store.refresh_lexical = lambda: index
    for obj, name in (
        (index, "search"),
        (index, "search_documents"),
        (lib.store, "dense_search"),
        (lib.store, "chunks"),
        (lib.store, "similarities"),
        (index, "scores"),
    ):
        memoise(obj, name)
    retriever = HybridRetriever(store=lib.store, k=30)
    fields = [g.split("=", 1)[0] for g in args.grid]
    values = [
        [type(getattr(FusionWeights(), f))(v) for v in g.split("=", 1)[1].split(",")]
        for f, g in zip(fields, args.grid, strict=False)
    ]
    for combo in itertools.product(*values):
        setting = dict(zip(fields, combo, strict=False))
        retriever.weights = replace(FusionWeights(), **setting)
        rows = [
            scores([h.chunk.doc_id for h in retriever.search(q["question"], k=30)], q["gold_doc"]) for q in questions
        ]
        print(f"{' '.join(f'{k} {v:<5}' for k, v in setting.items())} {summary(rows)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
