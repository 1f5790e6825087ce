"""Document-level retrieval on TAT-QA dev with the project's own ingest and retriever.

    python benchmarks/tatqa_retrieval.py --data ../shared/eval/tatqa/dev [--tables]

Needs ../shared (not shipped with the project); skips cleanly when the folder is absent.
Prints breakdowns by answer source and, last, `hit@1 X hit@5 Y mrr@10 Z`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def doc_key(doc_id: str) -> str:
    return Path(doc_id).stem


def scores(doc_ids: list[str], gold: str) -> tuple[int, int, float]:
    """(hit@1, hit@5, reciprocal rank within 10) of the gold document in a ranking of chunks'
    documents (a document ranks where its best chunk does)."""
    ranking: list[str] = []
    for doc_id in doc_ids:
        key = doc_key(doc_id)
        if key not in ranking:
            ranking.append(key)
    rank = ranking.index(gold) + 1 if gold in ranking else 0
    return int(rank == 1), int(0 < rank <= 5), 1.0 / rank if 0 < rank <= 10 else 0.0


def load_questions(data: Path) -> list[dict] | None:
    """TAT-QA's questions, or None (after saying SKIP) when ../shared is not beside the project."""
    if not (data / "questions.jsonl").is_file():
        print(f"SKIP: {data} not found (TAT-QA dev lives in ../shared/eval/tatqa/dev)")
        return None
    return [json.loads(line) for line in open(data / "questions.jsonl", encoding="utf-8")]


def summary(rows: list[tuple[int, int, float]]) -> str:
    n = max(1, len(rows))
    return (
        f"hit@1 {sum(r[0] for r in rows) / n:.3f} hit@5 {sum(r[1] for r in rows) / n:.3f} "
        f"mrr@10 {sum(r[2] for r in rows) / n:.3f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/eval/tatqa/dev")
    ap.add_argument("--tables", action="store_true", help="also ingest DIR/tables/*.csv (rows as records)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N questions")
    ap.add_argument("--store", help="reuse this store folder (default: a temporary one)")
    ap.add_argument(
        "--baseline",
        action="store_true",
        help="also score plain LangChain (langchain_chroma similarity_search) on the same store",
    )
    args = ap.parse_args()
    data = Path(args.data)
    questions = load_questions(data)
    if questions is None:
        return 0
    from nearshore_qa import Settings
    from nearshore_qa.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Settings.from_env(store=args.store or tmp))
        t0 = time.perf_counter()
        paths = [data / "corpus"] + ([data / "tables"] if args.tables else [])
        results = lib.add(paths)
        failed = [r for r in results if r.status == "failed"]
        print(
            f"ingested {len(results)} files ({len(failed)} failed) in {time.perf_counter() - t0:.1f} s, "
            f"{lib.store.count_chunks()} chunks"
        )
        if args.limit:
            questions = questions[: args.limit]
        retriever = lib.retriever
        search = lambda q: [h.chunk.doc_id for h in retriever.search(q, k=30)]  # noqa: E731
        if args.baseline:
            sys.path.insert(0, str(Path(__file__).parent))
            from speed import _baseline

            base = _baseline(lib)
            search = lambda q: [d.metadata.get("doc_id", "") for d in base.similarity_search(q, k=30)]  # noqa: E731
            print("baseline: langchain_chroma.Chroma.similarity_search(question, k=30), same collection and model")
        by_source: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
        t0 = time.perf_counter()
        for q in questions:
            by_source[q.get("answer_from", "?")].append(scores(search(q["question"]), q["gold_doc"]))
        elapsed = time.perf_counter() - t0
        print(f"{len(questions)} questions in {elapsed:.1f} s ({1000 * elapsed / max(1, len(questions)):.0f} ms each)")
        every = []
        for source, rows in sorted(by_source.items()):
            every += rows
            print(f"  {source:<11} n={len(rows):<5} {summary(rows)}")
        print(summary(every))
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
