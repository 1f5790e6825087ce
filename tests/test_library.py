"""Library: ingest progress (files and the embedding stage), and the default store seeded from the
shipped vectors answering exactly as a store built from scratch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS_DIR

from nearshore_qa.embeddings import VECTORS_FILE, MiniLMEmbeddings
from nearshore_qa.errors import DocumentNotFound
from nearshore_qa.library import Library
from nearshore_qa.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_progress_reports_files_and_the_embedding_stage(make_library):
    lib = make_library()
    events = []
    results = lib.add([CORPUS_DIR], progress=lambda done, total, name, stage: events.append((stage, done, total)))
    chunks = sum(r.chunks for r in results if r.status == "added")
    files = [e for e in events if e[0] == "files"]
    embedding = [e for e in events if e[0] == "embedding"]
    assert files[0] == ("files", 0, len(results)) and files[-1] == ("files", len(results), len(results))
    assert embedding and embedding[-1][1] == embedding[-1][2] == chunks  # every chunk, and no more
    assert [d for _, d, _ in embedding] == sorted(d for _, d, _ in embedding)
    assert all(0 < d <= t for _, d, t in embedding)


def test_a_three_argument_progress_hears_the_files_only(make_library):
    lib = make_library()
    calls = []
    results = lib.add([CORPUS_DIR], progress=lambda i, n, name: calls.append((i, n)))
    assert calls[0] == (0, len(results)) and calls[-1] == (len(results), len(results))
    assert all(n == len(results) for _, n in calls)


SEED_FILES = [
    "articles/us-exports-to-mexican-states-2024.md",
    "articles/us-mexico-trade-by-transport-mode-2024.md",
    "articles/usmca-overview-signing-and-entry-into-force.md",
    "tables/us_exports_to_mexican_states.csv",
    "tables/us_exports_to_mexican_states.meta.yaml",
    "tables/us_mexico_trade_by_mode_annual.csv",
    "tables/us_mexico_trade_by_mode_annual.meta.yaml",
]


def _answers(lib: Library, questions: list[str]) -> list[dict]:
    out = []
    for q in questions:
        a = lib.ask(q)
        out.append(
            {
                "answer": a.answer,
                "abstained": a.abstained,
                "citations": [(c.doc_id, c.start, c.end) for c in a.citations],
            }
        )
    return out


@pytest.mark.slow
def test_a_store_seeded_from_the_shipped_vectors_answers_as_one_built_from_scratch(embedder, tmp_path):
    corpus = tmp_path / "corpus"
    for name in SEED_FILES + [VECTORS_FILE]:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "corpus" / name, corpus / name)
    questions = [
        q["question"]
        for q in map(json.loads, (REPO / "eval" / "questions.jsonl").read_text().splitlines())
        if q.get("sources") and q["sources"][0] in SEED_FILES
    ]
    assert len(questions) >= 5

    def counting() -> tuple[MiniLMEmbeddings, list[str]]:
        emb, encoded = MiniLMEmbeddings(), []
        emb.__dict__["onnx"] = embedder.onnx  # share the loaded session

        def encode(texts, on_batch=None):
            encoded.extend(texts)
            return MiniLMEmbeddings.encode(emb, texts, on_batch)

        emb.encode = encode
        return emb, encoded

    seeded_emb, seeded_encoded = counting()
    seeded = Library(Settings(store_dir=tmp_path / "seeded", seed_corpus=corpus), embedder=seeded_emb)
    results = seeded.ensure_seeded()
    assert {r.status for r in results} == {"added"}
    assert seeded_encoded == []  # every chunk's vector came from the shipped file

    scratch_emb, scratch_encoded = counting()
    scratch = Library(Settings.from_env(store=tmp_path / "scratch"), embedder=scratch_emb)
    assert {r.status for r in scratch.add([corpus])} == {"added"}
    assert len(scratch_encoded) == sum(r.chunks for r in results)

    before = len(seeded_encoded), len(scratch_encoded)
    assert _answers(seeded, questions) == _answers(scratch, questions)
    assert len(seeded_encoded) > before[0]  # questions are encoded, not looked up
    seeded.close()
    scratch.close()


def test_a_question_asked_of_chosen_documents_is_answered_from_them_alone(loaded_library):
    lib = loaded_library
    question = "What were US exports to Jalisco in 2024?"
    table = "tables/us_exports_to_mexican_states.csv"
    whole = lib.ask(question)
    assert "US$11.42 billion" in whole.answer and whole.scope == []
    article = "articles/us-mexico-trade-2024.md"
    elsewhere = lib.ask(question, documents=[article])
    assert elsewhere.abstained and elsewhere.answer.startswith("The chosen document does not say")
    assert {c.doc_id for c in elsewhere.closest} == {article} and elsewhere.scope == [article]
    both = lib.ask(question, documents=[article, table])
    assert "US$11.42 billion" in both.answer and {c.doc_id for c in both.citations} == {table}
    assert lib.ask(question, documents=[]).scope == []  # nothing picked: the whole library


def test_an_unknown_document_in_the_scope_is_named(loaded_library):
    with pytest.raises(DocumentNotFound, match="articles/nope.md"):
        loaded_library.ask("What were US exports to Jalisco in 2024?", documents=["articles/nope.md"])


def test_documents_are_named_by_id_file_name_or_title(loaded_library):
    resolve = loaded_library.resolve_documents
    article = "articles/us-mexico-trade-2024.md"
    assert resolve(["us-mexico-trade-2024.md"]) == [article]
    assert resolve(["US-Mexico-Trade-2024"]) == [article]  # the stem, case ignored
    assert resolve(["Trade with Mexico set a record in 2024", article]) == [article]  # once
    with pytest.raises(ValueError, match="no document called 'nowhere'"):
        resolve(["nowhere"])


def test_a_question_about_the_table_asked_of_the_whole_library_says_which_document_answered(loaded_library):
    lib = loaded_library
    answer = lib.ask("What does the table show about US exports to Jalisco in 2024?")
    assert answer.hint.startswith("The question speaks of “the table” without saying which document")
    if answer.citations:
        assert f"this answer comes from “{answer.citations[0].title}”" in answer.hint
    assert "--doc" in answer.hint and answer.to_json()["hint"] == answer.hint
    table = "tables/us_exports_to_mexican_states.csv"
    assert lib.ask("What does the table show about US exports to Jalisco in 2024?", documents=[table]).hint == ""
    assert lib.ask("What were US exports to Jalisco in 2024?").hint == ""  # it names what it asks


def test_a_follow_up_typed_in_lower_case_names_the_place_the_passages_write(loaded_library):
    """ "and nuevo leon?" is read as the passages write the state ("Nuevo Leon" in the table), so
    the rewrite swaps the place instead of reading the words as a new measure."""
    history = ["What were US exports to Jalisco in 2023?"]
    answer = loaded_library.ask("and nuevo leon?", history=history)
    assert answer.standalone_question == "What were US exports to Nuevo Leon in 2023?"
    assert "29.25" in answer.answer
    assert loaded_library.ask("and in 2024?", history=history).standalone_question == (
        "What were US exports to Jalisco in 2024?"
    )
