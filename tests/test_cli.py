"""The command line, run as a user runs it: a subprocess with its own store — embedded, and on a
real Chroma server (`--chroma-url`, conftest.chroma_server).

Each command that embeds text loads the model (several seconds), so the store is ingested once
per backend and the ask commands are few.
"""

from __future__ import annotations

import json
import re

import pytest
from helpers import CORPUS_DIR, EXPECTED_DOCS, run_cli

pytestmark = pytest.mark.model  # every test runs the real CLI, which loads the encoder


run = run_cli


@pytest.fixture(scope="module", params=["embedded", "server"])
def store(request, tmp_path_factory) -> list:
    """The store arguments every command of a test gets: ``--store DIR`` (and ``--chroma-url``)."""
    args = ["--store", tmp_path_factory.mktemp("cli") / "store"]
    if request.param == "server":
        args += ["--chroma-url", request.getfixturevalue("chroma_server")]
    return args


@pytest.fixture(scope="module")
def ingested(store):
    return run(*store, "ingest", CORPUS_DIR)


@pytest.fixture(scope="module")
def ingested_with_bad_file(store, ingested, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "ragged.csv").write_text("year,port,trucks\n2025,Laredo,2945393\n2025,Eagle Pass\n")
    (folder / "eagle-pass.md").write_text(
        "# Eagle Pass\n\nNorthbound commercial trucks at Eagle Pass jumped 44.0% in 2025, from 256,225 to 368,986.\n"
    )
    return run(*store, "ingest", folder / "ragged.csv", folder / "eagle-pass.md")


def sources(store) -> list[dict]:
    proc = run(*store, "sources", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_ingest_folder_reports_each_file(ingested):
    assert ingested.returncode == 0, ingested.stderr
    lines = ingested.stdout.strip().split("\n")
    assert len(lines) == len(EXPECTED_DOCS)
    reported = {}
    for line in lines:
        status, name, detail = line.split(maxsplit=2)
        reported[name] = (status, detail)
    assert sorted(reported) == sorted(EXPECTED_DOCS)
    assert all(status == "added" and detail.endswith("chunks)") for status, detail in reported.values())
    assert reported["tables/us_exports_to_mexican_states.csv"][1] == "(16 chunks)"
    assert f"-- {len(EXPECTED_DOCS)} added" in ingested.stderr
    # the progress shows the embedding stage (chunks done / total, with a rate), not only files
    chunks = sum(int(detail.strip("()").split()[0]) for _, detail in reported.values())
    assert re.search(rf"embedding: *100%.*\b{chunks}/{chunks} \[.*chunk/s", ingested.stderr), ingested.stderr[-500:]


def test_ingest_with_a_bad_file_exits_1_and_stores_the_rest(store, ingested_with_bad_file):
    proc = ingested_with_bad_file
    assert proc.returncode == 1
    assert "failed     ragged.csv  (ragged rows: line 3 has 2 fields, the header has 3)" in proc.stdout
    assert "added      eagle-pass.md  (1 chunks)" in proc.stdout
    assert "1 failed" in proc.stderr and "1 added" in proc.stderr
    ids = [s["doc_id"] for s in sources(store)]
    assert "eagle-pass.md" in ids and "ragged.csv" not in ids


@pytest.mark.parametrize(
    "args,message",
    [
        ([], "the following arguments are required: command"),
        (["ingest"], "the following arguments are required: paths"),
        (["ask", "-k", "0", "What was US trade with Mexico in 2024?"], "-k must be between 1 and 50"),
        (["ingest", "--max-file-mb", "0", "x.md"], "max_file_mb must be positive"),
        (["frobnicate"], "invalid choice"),
        (["eval", "--set", "bogus"], "no questions of set 'bogus'"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    proc = run("--store", tmp_path / "store", *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr


def test_ask_json(store, ingested):
    proc = run(*store, "ask", "--json", "What were US exports to Jalisco in 2024?")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"question", "answer", "abstained", "citations", "figures"} <= set(data)
    assert data["question"] == "What were US exports to Jalisco in 2024?"
    assert data["abstained"] is False and "11.42" in data["answer"]
    cit = data["citations"][0]
    assert {"marker", "doc_id", "title", "source", "published", "locator", "text", "highlights"} <= set(cit)
    assert (cit["marker"], cit["doc_id"], cit["published"]) == (
        1,
        "tables/us_exports_to_mexican_states.csv",
        "2026-03-21",
    )
    assert cit["source"] == "https://www.bts.gov/topics/transborder-raw-data"
    assert (
        cit["locator"] == "row Jalisco, 2024 · column US exports (US$ bn)"
        and cit["row"] == 13
        and cit["kind"] == "table"
    )
    assert all(isinstance(h, list) and len(h) == 2 for h in cit["highlights"])
    fig = data["figures"][0]
    assert {"text", "value", "citation", "verified"} <= set(fig)
    # the cell in words with its unit (issue 12: tables as data), and where it stands
    assert (fig["text"], fig["value"], fig["citation"], fig["verified"]) == ("US$11.42 billion", 11.42e9, 1, True)
    assert (cit["row_label"], cit["column_label"], cit["table_index"]) == ("2024 Jalisco", "us_exports_usd_billions", 0)


def test_ask_reads_questions_from_stdin(store, ingested):
    if "--chroma-url" in store:
        pytest.skip("the question loop does not depend on the store backend; test_ask_json asks a server")
    questions = "What were US exports to Jalisco in 2024?\nAnd in 2023?\n\nWhat is the minimum wage in Guatemala?\n"
    proc = run(*store, "ask", stdin=questions)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    # three answers, in order; the follow-up is understood from the previous question
    assert out.count("Sources:") == 2 and out.count("Closest sources:") == 1
    assert (
        out.index("11.42") < out.index("(understood as: What were US exports to Jalisco in 2023?)") < out.index("10.59")
    )
    assert (
        "figure US$11.42 billion: verified against [1]" in out
        and "figure US$10.59 billion: verified against [1]" in out
    )
    assert "[1] US exports to Mexican states, 2023-2024 (test extract)" in out
    tail = out[out.index("10.59") :]
    assert "The corpus does not say" in tail and "Guatemala" in tail


def test_sources_json(store, ingested):
    items = {s["doc_id"]: s for s in sources(store)}
    assert set(EXPECTED_DOCS) <= set(items)
    for doc_id, want in EXPECTED_DOCS.items():
        s = items[doc_id]
        assert (s["title"], s["publisher"], s["published"], s["kind"], s["fmt"]) == (
            want["title"],
            want["publisher"],
            want["published"],
            want["kind"],
            want["fmt"],
        )
        assert s["chunks"] > 0 and len(s["sha256"]) == 64


def test_remove(store, ingested_with_bad_file):
    proc = run(*store, "remove", "eagle-pass.md")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "removed    eagle-pass.md  (1 chunks)"
    ids = [s["doc_id"] for s in sources(store)]
    assert "eagle-pass.md" not in ids and set(EXPECTED_DOCS) <= set(ids)

    again = run(*store, "remove", "eagle-pass.md")
    assert again.returncode == 1
    assert "no document 'eagle-pass.md' in the store" in again.stderr


def test_eval_of_documents_not_in_the_store_names_the_ingest_command(tmp_path):
    store = tmp_path / "store"
    proc = run("--store", store, "eval", "--set", "heldout")
    assert proc.returncode == 1 and proc.stdout == ""
    assert "heldout questions cite 11 documents not in the store" in proc.stderr
    assert f"add them with `nearshore-qa --store {store} ingest " in proc.stderr
    assert "eval/documents`" in proc.stderr and "Traceback" not in proc.stderr


def test_version_is_the_package_metadata():
    from importlib.metadata import version

    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"nearshore-qa {version('nearshore-qa')}"


def test_ask_about_one_document_by_its_file_name(store, ingested):
    if "--chroma-url" in store:
        pytest.skip("the scope is the store's own filter; test_library tests it, here the flag once")
    proc = run(*store, "ask", "What were US exports to Jalisco in 2024?", "--doc", "us-mexico-trade-2024.md")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("(from articles/us-mexico-trade-2024.md only)\nThe chosen document does not say")
    proc = run(*store, "ask", "What were US exports to Jalisco in 2024?", "--doc", "no-such-file.md")
    assert proc.returncode != 0 and "no document called 'no-such-file.md'" in proc.stderr
