"""The command line: a thin adapter over ``Library``. Exit 0 ok, 1 failures, 2 usage errors."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict

from . import __version__
from .errors import AnswererError, NearshoreQAError
from .kinds import AnswererName, IngestStatus, UnverifiedMode
from .records import Answer, IngestResult
from .settings import Settings


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nearshore-qa", description="Cited answers about nearshoring and trade.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--store",
        help="store directory (an explicit store starts empty); "
        "default $NEARSHORE_QA_HOME or a per-user data folder seeded from corpus/",
    )
    p.add_argument("--chroma-url", help="use a Chroma server (e.g. http://127.0.0.1:8000) for the vectors")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="add files or folders (recursively)")
    ing.add_argument("paths", nargs="+")
    ing.add_argument("--max-file-mb", type=int, help="size limit per file (default 50)")
    ing.add_argument("--json", action="store_true", help="one JSON object per file")
    ask = sub.add_parser("ask", help="answer a question (or one per line from standard input)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("-k", type=int, help="passages to retrieve (default 5)")
    ask.add_argument(
        "--doc",
        action="append",
        metavar="NAME",
        help="answer from this document only: a doc id, file name or title (repeat for several)",
    )
    ask.add_argument(
        "--answerer",
        choices=[str(a) for a in AnswererName],
        help="who writes the answer (default $NEARSHORE_QA_ANSWERER or extractive)",
    )
    ask.add_argument("--llm-model", help="LLM model name, or the .gguf path for llamacpp ($NEARSHORE_QA_LLM_MODEL)")
    ask.add_argument("--llm-url", help="LLM server URL ($NEARSHORE_QA_LLM_BASE_URL)")
    ask.add_argument("--llm-timeout", type=float, help="seconds to wait for the LLM ($NEARSHORE_QA_LLM_TIMEOUT, 60)")
    ask.add_argument(
        "--unverified",
        choices=[str(m) for m in UnverifiedMode],
        help="a sentence with a figure the sources do not support: shown flagged or removed",
    )
    src = sub.add_parser("sources", help="list the documents in the store")
    src.add_argument("--json", action="store_true")
    rm = sub.add_parser("remove", help="delete one document by its id (see `sources`)")
    rm.add_argument("doc")
    ev = sub.add_parser("eval", help="run an evaluation set through the pipeline")
    ev.add_argument("file", nargs="?", help="questions JSONL (default: the shipped eval/questions.jsonl)")
    ev.add_argument(
        "--split",
        choices=("dev", "test"),
        help="only the dev part (tune on it) or the test part (report only); default both, side by side",
    )
    ev.add_argument(
        "--set",
        action="append",
        dest="sets",
        metavar="NAME",
        help="only the questions of this set: corpus (the shipped corpus/), heldout (eval/documents/, test "
        "only), docdev (eval/documents-dev/, dev only, to tune on), fresh (eval/documents-fresh/), fresh2 "
        "(eval/documents-fresh2/), fresh3 … fresh19 (eval/documents-fresh3/ … -fresh19/, prose "
        "articles), chat (conversations about corpus/: follow-ups as typed), all split by document "
        "into dev and test; ingest a set's folder first; repeatable; "
        "default every set whose documents are in the store",
    )
    ev.add_argument("--json", action="store_true")
    return p


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env(
            store=args.store,
            chroma_url=args.chroma_url,
            max_file_mb=getattr(args, "max_file_mb", None),
            answerer=getattr(args, "answerer", None),
            llm_model=getattr(args, "llm_model", None),
            llm_base_url=getattr(args, "llm_url", None),
            llm_timeout_s=getattr(args, "llm_timeout", None),
            unverified=getattr(args, "unverified", None),
        )
        return _COMMANDS[args.command](args, settings)
    except ValueError as exc:
        print(f"nearshore-qa: {exc}", file=sys.stderr)
        return 2
    except NearshoreQAError as exc:
        print(f"nearshore-qa: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `nearshore-qa sources | head`: the reader has what it wanted; Python's flush at exit
        # would report the closed pipe again, so stdout goes to /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # an unexpected bug: one line, the traceback on request
        if os.environ.get("NEARSHORE_QA_DEBUG"):
            raise
        print(
            f"nearshore-qa: unexpected error: {type(exc).__name__}: {exc} (set NEARSHORE_QA_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 1


def _library(settings: Settings, seed: bool = True):
    from . import open_library

    progress = _progress_bar() if seed else None
    lib = open_library(settings, seed=seed, progress=progress)
    return lib


def _progress_bar():
    """Two bars: files read, and chunks embedded (rate and time left; its total grows as files
    are read, and the encoder is most of an ingest's time)."""
    bars: dict = {}
    files = {"n": 0}

    def update(i: int, n: int, name: str, stage: str = "files") -> None:
        if stage == "files":
            files["n"] = n
        if files["n"] < 5:  # bars only help when there are many files
            return
        bar = bars.get(stage)
        if bar is None:
            if stage == "embedding" and i >= n:
                return  # nothing left to show (all vectors were known)
            from tqdm import tqdm  # imported only when there is a bar to show (not on a plain ask)

            unit, desc = ("file", "reading") if stage == "files" else ("chunk", "embedding")
            bar = bars[stage] = tqdm(
                total=n, unit=unit, file=sys.stderr, desc=desc, leave=False, position=len(bars), dynamic_ncols=True
            )
        bar.total = n
        bar.update(i - bar.n)
        if stage == "files":
            bar.set_postfix_str(name[-40:], refresh=True)
        elif i >= n:
            bar.refresh()  # the last batches can land inside tqdm's 0.1 s redraw interval: show 100 %
        if stage == "files" and i >= n:
            for b in bars.values():
                b.close()

    return update


def cmd_ingest(args, settings: Settings) -> int:
    lib = _library(settings, seed=False)
    results = lib.add(args.paths, progress=_progress_bar())
    _print_results(results, args.json)
    return 1 if any(r.status == IngestStatus.FAILED for r in results) else 0


def _print_results(results: list[IngestResult], as_json: bool) -> None:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        if as_json:
            print(json.dumps(asdict(r), ensure_ascii=False))
            continue
        counted = r.status in (IngestStatus.ADDED, IngestStatus.REPLACED, IngestStatus.UNCHANGED)
        detail = f"{r.chunks} chunks" if counted else r.reason
        print(f"{r.status:<10} {r.name}" + (f"  ({detail})" if detail else ""))
        for warning in r.warnings:
            print(f"nearshore-qa: warning: {r.name}: {warning}", file=sys.stderr)
    if not as_json:
        summary = ", ".join(f"{n} {s}" for s, n in counts.items()) or "nothing to ingest"
        print(f"-- {summary}", file=sys.stderr)


def cmd_ask(args, settings: Settings) -> int:
    if args.k is not None and not 1 <= args.k <= 50:
        raise ValueError(f"-k must be between 1 and 50, got {args.k}")
    lib = _library(settings)
    scope = lib.resolve_documents(args.doc) if args.doc else None
    if args.question:
        _print_answer(lib.ask(args.question, k=args.k, documents=scope), args.json)
        return 0
    interactive = sys.stdin.isatty() and not args.json
    history: list[str] = []
    status = 0
    while True:
        if interactive:
            print("? ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        try:
            answer = lib.ask(question, k=args.k, history=history, documents=scope)
        except AnswererError as exc:  # a timeout on one question need not end the session
            print(f"nearshore-qa: {exc}", file=sys.stderr)
            status = 1
            continue
        history.append(answer.standalone_question or question)
        _print_answer(answer, args.json)
        sys.stdout.flush()
    return status


def _print_answer(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
        return
    if answer.standalone_question and answer.standalone_question != answer.question:
        print(f"(understood as: {answer.standalone_question})")
    if answer.scope:
        print(f"(from {', '.join(answer.scope)} only)")
    print(answer.answer)
    if answer.hint:
        print(f"(note: {answer.hint})")
    listed = answer.citations or answer.closest
    if listed:
        print("\nSources:" if answer.citations else "\nClosest sources:")
    for c in listed:
        meta = ", ".join(x for x in (c.publisher, c.published) if x)
        print(f"  [{c.marker}] {c.title}" + (f" ({meta})" if meta else "") + f" — {c.source}, {c.locator}")
    for f in answer.figures:
        if f.computed:  # the answer line holds the result, operands and formula; say how it was checked
            print(f"  computed {f.equation}: {f.check if f.verified else 'NOT VERIFIED'}")
            continue
        mark = "verified" if f.verified else "NOT VERIFIED"
        where = f" against [{f.citation}]" if f.citation else " (no source states it)"
        print(f"  figure {f.text}: {mark}{where}")
    print()


def cmd_sources(args, settings: Settings) -> int:
    lib = _library(settings)
    items = lib.sources()
    if args.json:
        print(json.dumps([asdict(s) for s in items], ensure_ascii=False, indent=1))
        return 0
    for s in items:
        meta = ", ".join(x for x in (s.publisher, s.published) if x)
        print(f"{s.doc_id}\t{s.kind}\t{s.chunks} chunks\t{s.title}" + (f" ({meta})" if meta else ""))
    print(f"-- {len(items)} documents", file=sys.stderr)
    return 0


def cmd_remove(args, settings: Settings) -> int:
    lib = _library(settings, seed=False)
    result = lib.remove(args.doc)
    print(f"removed    {result.doc_id}  ({result.chunks} chunks)")
    return 0


def cmd_eval(args, settings: Settings) -> int:
    from .evaluation import DEFAULT_EVAL, print_report, run_eval

    lib = _library(settings)
    report = run_eval(lib, args.file or DEFAULT_EVAL, split=args.split, sets=args.sets, store=args.store)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)
    return 0


_COMMANDS = {"ingest": cmd_ingest, "ask": cmd_ask, "sources": cmd_sources, "remove": cmd_remove, "eval": cmd_eval}


if __name__ == "__main__":
    sys.exit(main())
