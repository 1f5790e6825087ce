"""The record-of-documents protocol (nearshore_qa.store.registry.Registry), one class of tests
run against each implementation: the SQLite record of an embedded store and the record kept on
a real Chroma server (`chroma run`). A new implementation subclasses ``RegistryContract`` and
provides the ``harness`` fixture.

The documents are real test files, parsed and chunked (no encoder: the record never reads
vectors, and the server record only reads the chunk data stored beside them)."""

from __future__ import annotations

import shutil
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import CORPUS_DIR

from nearshore_qa.chunking import chunk_document
from nearshore_qa.ingest import load_file
from nearshore_qa.records import Chunk, LoadedDocument
from nearshore_qa.store import Registry, ServerRegistry, SQLiteRegistry
from nearshore_qa.store.registry import version_where
from nearshore_qa.store.server_registry import records_collection

ARTICLE = CORPUS_DIR / "articles" / "us-mexico-trade-2024.md"
TABLE = CORPUS_DIR / "tables" / "us_exports_to_mexican_states.csv"


class Harness:
    """A registry plus what the store would do around it: write and delete the vectors of a
    version (the server record reads chunk data from them) and open the same record again (a
    second client of the same store)."""

    registry: Registry

    def write_vectors(self, doc: LoadedDocument, chunks: list[Chunk], texts: list[str]) -> None:
        pass

    def delete_vectors(self, version: tuple[str, str]) -> None:
        pass

    def reopen(self) -> Registry:
        raise NotImplementedError

    def begin(self, doc: LoadedDocument) -> tuple[tuple[str, str], list[Chunk], list[str]]:
        """Record ``doc`` as pending and write its vectors, as ``Store.prepare`` and
        ``Store.write_vectors`` do; (version, chunks, texts)."""
        chunks = chunk_document(doc)
        texts = [c.embed_text(doc.meta) for c in chunks]
        self.registry.begin(doc, chunks, texts, f"{doc.sha256}.{doc.meta.fmt}")
        self.write_vectors(doc, chunks, texts)
        return (doc.meta.doc_id, doc.sha256), chunks, texts


class SQLiteHarness(Harness):
    def __init__(self, path: Path):
        self.path = path
        self.registry = SQLiteRegistry(path)
        self.opened = [self.registry]

    def reopen(self) -> Registry:
        other = SQLiteRegistry(self.path)
        self.opened.append(other)
        return other

    def close(self) -> None:
        for reg in self.opened:
            reg.close()


class ServerHarness(Harness):
    def __init__(self, url: str):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        host, port = url.rsplit("/", 1)[1].split(":")
        self.client = chromadb.HttpClient(
            host=host, port=int(port), settings=ChromaSettings(anonymized_telemetry=False)
        )
        self.name = f"contract-{uuid.uuid4().hex[:12]}"
        self.vectors = self.client.get_or_create_collection(self.name)
        self.registry = ServerRegistry(records_collection(self.client, self.name), self.vectors)

    def write_vectors(self, doc, chunks, texts) -> None:
        self.vectors.upsert(
            ids=[c.chunk_id for c in chunks],
            embeddings=[[1.0, float(c.ordinal)] for c in chunks],
            documents=texts,
            metadatas=[self.registry.vector_metadata(doc.sha256, c) for c in chunks],
        )

    def delete_vectors(self, version) -> None:
        self.vectors.delete(where=version_where(version))

    def reopen(self) -> Registry:
        return ServerRegistry(records_collection(self.client, self.name), self.client.get_collection(self.name))

    def close(self) -> None:
        for name in (self.name, f"{self.name}__records"):
            self.client.delete_collection(name)


def revised(doc: LoadedDocument, text: str) -> LoadedDocument:
    """The same document with other content (and so another content hash)."""
    import hashlib

    body = doc.text + text
    return replace(doc, text=body, sha256=hashlib.sha256(body.encode()).hexdigest(), original=body.encode())


class RegistryContract:
    """What ``Store`` relies on from any record of documents."""

    @pytest.fixture
    def harness(self) -> Harness:
        raise NotImplementedError

    @pytest.fixture
    def article(self) -> LoadedDocument:
        return load_file(ARTICLE, "articles/us-mexico-trade-2024.md", 10_000_000)

    @pytest.fixture
    def table(self) -> LoadedDocument:
        return load_file(TABLE, "tables/us_exports_to_mexican_states.csv", 10_000_000)

    def test_it_follows_the_protocol(self, harness):
        assert isinstance(harness.registry, Registry)

    def test_an_empty_record(self, harness):
        reg = harness.registry
        assert (reg.sources(), reg.count_documents(), reg.count_chunks()) == ([], 0, 0)
        assert reg.find_ready("articles/us-mexico-trade-2024.md") is None
        assert reg.find_by_hash("0" * 64) is None
        assert reg.document("articles/us-mexico-trade-2024.md") is None
        assert reg.leftovers() == [] and reg.lexical_rows() == [] and list(reg.all_chunks()) == []
        assert reg.chunks([]) == {} and reg.chunks(["no-such-chunk"]) == {}
        assert reg.count(("articles/us-mexico-trade-2024.md", "0" * 64)) == 0

    def test_a_pending_version_is_invisible_until_committed(self, harness, article):
        reg = harness.registry
        before = reg.generation()
        version, chunks, _ = harness.begin(article)
        assert reg.count(version) == len(chunks) > 0
        assert reg.find_ready(article.meta.doc_id) is None and reg.find_by_hash(article.sha256) is None
        assert reg.sources() == [] and reg.count_chunks() == 0 and reg.document(article.meta.doc_id) is None
        assert reg.chunks([c.chunk_id for c in chunks]) == {} and reg.lexical_rows() == []
        assert reg.leftovers() == [version]  # what recovery would delete if the writer died now
        assert reg.generation() == before

    def test_commit_makes_a_version_live(self, harness, article):
        reg = harness.registry
        before = reg.generation()
        version, chunks, texts = harness.begin(article)
        reg.commit(version, None)
        assert reg.generation() != before and isinstance(reg.generation(), str)
        assert reg.find_ready(article.meta.doc_id) == version
        assert reg.find_by_hash(article.sha256) == article.meta.doc_id
        assert reg.leftovers() == []
        (src,) = reg.sources()
        assert (src.doc_id, src.sha256, src.title, src.chunks) == (
            article.meta.doc_id,
            article.sha256,
            "Trade with Mexico set a record in 2024",
            len(chunks),
        )
        assert (reg.count_documents(), reg.count_chunks()) == (1, len(chunks))
        meta, text, original = reg.document(article.meta.doc_id)
        assert (meta, text, original) == (article.meta, article.text, f"{article.sha256}.md")
        assert reg.document_chunks(version) == chunks
        found = reg.chunks([c.chunk_id for c in chunks] + ["no-such-chunk"])
        assert found == {c.chunk_id: (c, article.meta) for c in chunks}
        assert list(reg.all_chunks()) == [(c, article.meta) for c in chunks]
        assert reg.lexical_rows() == [(c.chunk_id, t) for c, t in zip(chunks, texts, strict=False)]

    def test_a_replacement_retires_the_previous_version(self, harness, article):
        reg = harness.registry
        old, old_chunks, _ = harness.begin(article)
        reg.commit(old, None)
        new_doc = revised(article, "\n\nA revision added this sentence about Laredo.\n")
        new, new_chunks, _ = harness.begin(new_doc)
        assert reg.find_ready(article.meta.doc_id) == old  # still the old one while the new is pending
        before = reg.generation()
        reg.commit(new, old)
        assert reg.generation() != before
        assert reg.find_ready(article.meta.doc_id) == new and reg.find_by_hash(article.sha256) is None
        assert reg.leftovers() == [old]  # retired: its vectors and record are still to delete
        assert [s.sha256 for s in reg.sources()] == [new_doc.sha256]
        assert reg.document(article.meta.doc_id)[1] == new_doc.text
        assert reg.chunks([c.chunk_id for c in old_chunks if c.chunk_id not in {n.chunk_id for n in new_chunks}]) == {}
        harness.delete_vectors(old)
        reg.forget(old)
        assert reg.leftovers() == [] and reg.count(old) == 0
        assert reg.count_chunks() == len(new_chunks) == len(list(reg.all_chunks()))

    def test_retire_and_forget_remove_a_document(self, harness, article, table):
        reg = harness.registry
        for doc in (article, table):
            version, _, _ = harness.begin(doc)
            reg.commit(version, None)
        gone = (table.meta.doc_id, table.sha256)
        before = reg.generation()
        reg.retire(gone)
        assert reg.generation() != before
        assert reg.find_ready(table.meta.doc_id) is None and [s.doc_id for s in reg.sources()] == [article.meta.doc_id]
        assert {c.doc_id for c, _ in reg.all_chunks()} == {article.meta.doc_id}
        assert reg.leftovers() == [gone]
        harness.delete_vectors(gone)
        reg.forget(gone)
        assert reg.leftovers() == [] and reg.count_documents() == 1

    def test_a_pending_new_version_leaves_the_live_one_alone(self, harness, article):
        """A writer killed while re-ingesting a document: recovery deletes only the new version."""
        reg = harness.registry
        old, _, _ = harness.begin(article)
        reg.commit(old, None)
        new, _, _ = harness.begin(revised(article, "\n\nMore.\n"))
        assert reg.leftovers() == [new]
        assert reg.find_ready(article.meta.doc_id) == old

    def test_state_and_generation_are_shared_with_another_client(self, harness, article):
        reg = harness.registry
        assert reg.get_state("seed_fingerprint") == "" and reg.get_state("seed_fingerprint", "none") == "none"
        reg.set_state("seed_fingerprint", "abc")
        reg.set_state("seed_fingerprint", "def")
        other = harness.reopen()
        assert other.get_state("seed_fingerprint") == "def"
        assert other.generation() == reg.generation()
        version, _, _ = harness.begin(article)
        reg.commit(version, None)
        assert other.generation() == reg.generation() and other.find_ready(article.meta.doc_id) == version

    def test_bump_changes_the_generation_and_reads_do_not(self, harness, article):
        reg = harness.registry
        first = reg.generation()
        reg.sources(), reg.leftovers(), reg.get_state("x")
        assert reg.generation() == first
        reg.bump()
        second = reg.generation()
        reg.bump()
        assert len({first, second, reg.generation()}) == 3


class TestSQLiteRegistry(RegistryContract):
    @pytest.fixture
    def harness(self, tmp_path):
        h = SQLiteHarness(tmp_path / "library.sqlite")
        yield h
        h.close()


CHROMA = Path(sys.executable).with_name("chroma")


@pytest.mark.skipif(shutil.which(str(CHROMA)) is None, reason="no `chroma` command (chromadb's CLI) beside Python")
class TestServerRegistry(RegistryContract):
    @pytest.fixture
    def harness(self, chroma_server):
        h = ServerHarness(chroma_server)
        yield h
        h.close()
