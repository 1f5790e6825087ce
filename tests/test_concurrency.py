"""Concurrency: two ingest processes started at once on the same store take turns (the file lock
on an embedded store; the lease record on a shared server, where the two writers are two
"machines" with store folders of their own) and both succeed, while a reader — this test
process, as the app would — keeps answering throughout."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
from helpers import CORPUS_DIR, article, assert_consistent, server_settings, start, stderr_of

from nearshore_qa.library import Library
from nearshore_qa.settings import Settings
from nearshore_qa.store import Store

QUESTION = "What were US exports to Jalisco in 2024?"
PER_WRITER = 10  # enough work that the reader answers several times while the writers write


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    out = []
    for w in range(2):
        folder = tmp_path_factory.mktemp(f"writer{w}")
        for i in range(w * PER_WRITER, (w + 1) * PER_WRITER):
            (folder / f"report-{i:02d}.md").write_text(article(i))
        out.append(folder)
    return out


def run_concurrently(reader: Library, jobs: list[dict]) -> tuple[list[dict], list[tuple[float, bool]]]:
    """Start the writers together; ask questions until both are done. Returns each writer's
    (start, end, results) and each answer's (time, correct)."""
    procs = [start(job) for job in jobs]
    answers: list[tuple[float, bool]] = []
    settings = reader.settings
    while any(p.poll() is None for p in procs) or not answers:
        answer = reader.ask(QUESTION)  # any exception fails the test
        answers.append((time.time(), not answer.abstained and "11.42" in answer.answer))
        # opening the store never waits for a writer (it only cleans up when no one writes)
        opened = time.monotonic()
        fresh = Store(settings.store_dir, reader.embedder, settings.collection, settings.chroma_url)
        assert fresh.count_documents() >= 7 and time.monotonic() - opened < 10
        fresh.close()
        time.sleep(0.3)  # a person reading, and CPU left for the writers
    runs = []
    for proc in procs:
        out, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr_of(proc)
        lines = [json.loads(line) for line in out.splitlines()]
        stamps = [line["t"] for line in lines]
        runs.append({"start": min(stamps), "end": max(stamps), "results": lines[-1]["results"]})
    return runs, answers


def check_runs(runs: list[dict], answers: list[tuple[float, bool]]) -> None:
    for run in runs:
        assert Counter(status for _, status, _ in run["results"]) == Counter({"added": PER_WRITER})
    a, b = sorted(runs, key=lambda r: r["start"])
    assert a["end"] <= b["start"], "the two ingests wrote at the same time"
    assert all(ok for _, ok in answers), "a question failed during the ingests"
    during = [t for t, _ in answers if a["start"] <= t <= b["end"]]
    assert len(during) >= 2, f"only {len(during)} answers while the ingests ran"


def test_two_ingests_take_turns_while_a_reader_answers(folders, tmp_path, embedder):
    settings = Settings.from_env(store=tmp_path / "store")
    reader = Library(settings, embedder=embedder)
    reader.add([CORPUS_DIR])
    jobs = [{"cmd": "ingest", "store": str(settings.store_dir), "paths": [str(f)]} for f in folders]
    runs, answers = run_concurrently(reader, jobs)
    check_runs(runs, answers)
    assert len(assert_consistent(reader.store)) == 7 + 2 * PER_WRITER
    reader.close()


def test_two_machines_ingest_into_one_server_while_a_third_answers(folders, tmp_path, embedder, chroma_server):
    shared = server_settings(chroma_server)
    reader = Library(Settings.from_env(store=tmp_path / "reader", **shared), embedder=embedder)
    reader.add([CORPUS_DIR])
    jobs = [
        {"cmd": "ingest", "store": str(tmp_path / f"machine{w}"), "paths": [str(f)], "settings": shared}
        for w, f in enumerate(folders)
    ]
    runs, answers = run_concurrently(reader, jobs)
    check_runs(runs, answers)
    assert len(assert_consistent(reader.store)) == 7 + 2 * PER_WRITER
    reader.close()
