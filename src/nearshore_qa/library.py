"""The core API the CLI and the app share: add documents, ask, list and remove sources."""

from __future__ import annotations

import hashlib
import inspect
import logging
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from .answerers import Answerer, build_chain, make_answerer, standalone_question
from .chunking import chunk_document
from .embeddings import MiniLMEmbeddings
from .errors import AnswererError, DocumentNotFound, IngestError, NearshoreQAError
from .ingest import (
    SIDECAR_SUFFIXES,
    doc_id_for,
    file_format,
    iter_files,
    load_bytes,
    load_file,
    load_pasted,
    parse_sidecar,
)
from .kinds import IngestStatus
from .records import Answer, Hit, IngestResult, LoadedDocument, SourceInfo
from .retrieval import HybridRetriever
from .settings import Settings
from .store import Deferred, PendingDocument, Store
from .text import scoped_abstention, truecased, undotted, unnamed_document_hint

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
"""``progress(done, total, name)``: files read (``name`` the file). A callback that also takes a
``stage`` keyword hears the embedding stage too: ``progress(chunks_done, chunks_total, "",
stage="embedding")``, where the total grows as files are read; files come with ``stage="files"``."""


def _with_stage(progress: Progress | None) -> Callable[[int, int, str, str], None] | None:
    """``progress`` called as (done, total, name, stage): a three-argument callback gets the
    files only, so callers that know nothing of stages keep working."""
    if progress is None:
        return None
    import inspect

    staged: Any = progress  # a callback that also takes ``stage`` (checked below)
    try:
        params = list(inspect.signature(progress).parameters.values())
    except (TypeError, ValueError):
        params = []
    if any(p.name == "stage" or p.kind is p.VAR_KEYWORD for p in params):
        return lambda done, total, name, stage: staged(done, total, name, stage=stage)
    return lambda done, total, name, stage: progress(done, total, name) if stage == "files" else None


class Library:
    """A store plus the models that read it. Heavy parts load on first use."""

    def __init__(self, settings: Settings, embedder: MiniLMEmbeddings | None = None, answerer: Answerer | None = None):
        self.settings = settings
        self.embedder = embedder or MiniLMEmbeddings()
        self._store: Store | None = None
        self._answerer = answerer

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(
                self.settings.store_dir, self.embedder, self.settings.collection, self.settings.chroma_url
            )
        return self._store

    @property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(store=self.store, k=self.settings.top_k)

    @property
    def answerer(self) -> Answerer:
        if self._answerer is None:
            s = self.settings
            self._answerer = make_answerer(
                s.answerer,
                llm_model=s.llm_model,
                llm_url=s.llm_base_url,
                llm_timeout_s=s.llm_timeout_s,
                unverified=s.unverified,
                embedder=self.embedder,
                table_rows=self.table_rows,
                tables_for=self.tables,
                table_catalogue=self.table_catalogue,
            )
        return self._answerer

    def tables(self, doc_id: str):
        """A document's tables as data (tables.Table), for cell answers."""
        return self.store.tables(doc_id)

    def table_rows(self, doc_id: str):
        """A document's chunks (a table's rows), for the extractive answerer's table scans."""
        return self.store.document_chunks(doc_id)

    def table_catalogue(self) -> list[list[Hit]]:
        """Every data table of the store (CSV/XLSX documents) as its rows, each a ``Hit`` with its
        document's metadata: where a computed answer looks for operands the retrieved passages
        lack. Cached until the store changes."""
        generation = self.store.generation()
        cached = getattr(self, "_catalogue", None)
        if cached is not None and cached[0] == generation:
            return cached[1]
        tables: list[list[Hit]] = []
        for source in self.store.sources():
            if source.kind != "table":
                continue
            rows = [c for c in self.store.document_chunks(source.doc_id) if c.row is not None]
            if not rows:
                continue
            found = self.store.chunks([rows[0].chunk_id])
            if rows[0].chunk_id not in found:
                continue
            meta = found[rows[0].chunk_id][1]
            tables.append([Hit(chunk=c, doc=meta, score=0.0) for c in sorted(rows, key=lambda c: c.row or 0)])
        self._catalogue = (generation, tables)
        return tables

    # --- adding ----------------------------------------------------------------------------
    def add(self, paths: Iterable[str | Path], progress: Progress | None = None) -> list[IngestResult]:
        """Ingest files and folders (recursively). Failures are reported, never raised."""
        results: list[IngestResult] = []
        entries: list[tuple[Path, Path]] = []
        for raw in paths:
            path = Path(raw)
            if not path.exists() and not path.is_symlink():
                results.append(IngestResult(str(raw), IngestStatus.FAILED, reason="no such file or folder"))
                continue
            for file, root in iter_files([path]):
                if path.is_dir() and (file.is_dir() or file_format(file.name) is None):
                    # A folder may hold other files (scripts, images) and links to folders;
                    # they are listed, not failed.
                    reason = (
                        "a link to a folder (not followed)"
                        if file.is_dir()
                        else f"unsupported file type {file.suffix or '(none)'}"
                    )
                    results.append(IngestResult(doc_id_for(file, root), IngestStatus.SKIPPED, reason=reason))
                    continue
                entries.append((file, root))
        limit = self.settings.max_file_bytes
        loaders = [
            (
                doc_id_for(f, root),
                (lambda f=f, root=root: load_file(f, doc_id_for(f, root), limit)),
                (lambda f=f: _file_hash(f, limit)),
            )
            for f, root in entries
        ]
        return results + self._ingest(loaders, progress)

    def add_bytes(
        self, files: list[tuple[str, bytes]], progress: Progress | None = None, table_fields: dict | None = None
    ) -> list[IngestResult]:
        """Uploaded files: (file name, content). Names are reduced to their last part. A table
        (.csv/.xlsx) takes its metadata from an uploaded sidecar of the same stem
        (``trade.meta.yaml`` next to ``trade.csv``), else from ``table_fields`` (title, source,
        units, period… as a sidecar would give them)."""
        named = [(Path(name.replace("\\", "/")).name or "upload", data) for name, data in files]
        sidecars = {
            safe[: -len(suffix)]: data
            for safe, data in named
            for suffix in SIDECAR_SUFFIXES
            if safe.lower().endswith(suffix)
        }
        tables = {Path(safe).stem for safe, _ in named if file_format(safe) in ("csv", "xlsx")}
        results: list[IngestResult] = []
        loaders = []
        added_on = date.today().isoformat()
        for safe, data in named:
            if any(safe.lower().endswith(suffix) for suffix in SIDECAR_SUFFIXES):
                if safe[: safe.lower().rindex(".meta.")] not in tables:
                    results.append(
                        IngestResult(
                            safe,
                            IngestStatus.FAILED,
                            doc_id=safe,
                            reason="a sidecar needs its table (.csv or .xlsx) uploaded with it",
                        )
                    )
                continue
            raw_side = sidecars.get(Path(safe).stem, b"") if file_format(safe) in ("csv", "xlsx") else b""
            fields = dict(table_fields or {}) if file_format(safe) in ("csv", "xlsx") and not raw_side else {}

            def load(safe=safe, data=data, raw_side=raw_side, fields=fields):
                if len(data) > self.settings.max_file_bytes:
                    raise IngestError(
                        safe, f"file is {len(data) / 2**20:.1f} MB; the limit is {self.settings.max_file_mb} MB"
                    )
                fmt = file_format(safe)
                if fmt is None:
                    raise IngestError(safe, f"unsupported file type {Path(safe).suffix or '(none)'}")
                side = (parse_sidecar(raw_side, safe), raw_side) if raw_side else (fields, _fields_bytes(fields))
                doc = load_bytes(data, name=safe, original_name=safe, fmt=fmt, sidecar=side)
                return replace(doc, meta=replace(doc.meta, added_on=added_on))

            def content_hash(safe=safe, data=data, raw_side=raw_side, fields=fields):
                if len(data) > self.settings.max_file_bytes or file_format(safe) is None:
                    return None
                return hashlib.sha256(data + (raw_side or _fields_bytes(fields))).hexdigest()  # as load_bytes

            loaders.append((safe, load, content_hash))
        return results + self._ingest(loaders, progress)

    def add_text(
        self, title: str, text: str, source: str = "", url: str = "", published: str = "", doc_id: str = ""
    ) -> IngestResult:
        """Pasted text; ``doc_id`` (see ``ingest.pasted_doc_id``) keeps it apart from an earlier
        paste of the same title, which it would replace otherwise."""

        def load():
            doc = load_pasted(title, text, source, url, published, doc_id=doc_id)
            return replace(doc, meta=replace(doc.meta, added_on=date.today().isoformat()))

        return self._ingest([(doc_id or title or "(pasted text)", load)])[0]

    def add_loaded(self, docs: list[LoadedDocument], progress: Progress | None = None) -> list[IngestResult]:
        return self._ingest([(d.meta.doc_id, (lambda d=d: d)) for d in docs], progress)

    # Documents are loaded and chunked a window at a time (until it holds WINDOW_CHUNKS chunks),
    # the window's chunks encoded together, sorted by length in word pieces (see _encode: batches
    # pad less than per-document calls), and written in as few Chroma upserts as it takes; then
    # each document goes live on its own, in file order.
    WINDOW_CHUNKS = 2048

    def _ingest(self, loaders: list[tuple], progress: Progress | None = None) -> list[IngestResult]:
        """``loaders``: (name, load) or (name, load, content_hash), where ``content_hash()`` gives
        the hash ``load()`` would give the document, without parsing (None when it cannot tell):
        a document whose live version has that hash is ``unchanged`` and is not loaded at all."""
        results: list[IngestResult | None] = [None] * len(loaders)
        window: list[tuple[int, PendingDocument]] = []
        store = self.store
        report = _with_stage(progress)
        encoded = {"done": 0, "total": 0}  # the embedding stage's progress, in chunks

        def embedded(n: int) -> None:
            encoded["done"] += n
            if report:
                report(encoded["done"], encoded["total"], "", "embedding")

        warned: dict[int, tuple[str, ...]] = {}

        def failed(i: int, name: str, reason: str) -> None:
            results[i] = IngestResult(name, IngestStatus.FAILED, doc_id=name, reason=reason)

        with store.writing():
            for i, (name, load, *peek) in enumerate(loaders):
                if report:
                    report(i, len(loaders), name, "files")
                try:
                    if peek and name not in {p.version[0] for _, p in window}:
                        sha = peek[0]()
                        known = store.unchanged(name, sha, name) if sha else None
                        if known:
                            results[i] = known
                            continue
                    doc = load()
                    if doc.warnings:
                        warned[i] = doc.warnings
                    chunks = chunk_document(doc)
                    if not chunks:
                        raise IngestError(name, "no text found in file")
                    prepared = store.prepare(doc, chunks, name=name, pending=[p for _, p in window])
                    if isinstance(prepared, Deferred):  # it depends on the window: store the window first
                        self._store_window(window, results, embedded)
                        prepared = store.prepare(doc, chunks, name=name)
                except IngestError as exc:
                    failed(i, name, exc.reason)
                    continue
                except NearshoreQAError:
                    raise
                except Exception as exc:  # a loader bug must not lose the rest of the batch
                    failed(i, name, f"unexpected {type(exc).__name__}: {exc}")
                    continue
                if isinstance(prepared, IngestResult):
                    results[i] = prepared
                    continue
                window.append((i, prepared))
                encoded["total"] += len(prepared.texts)
                if sum(len(p.chunks) for _, p in window) >= self.WINDOW_CHUNKS:
                    self._store_window(window, results, embedded)
            self._store_window(window, results, embedded)
            if report:
                report(len(loaders), len(loaders), "", "files")
            store.refresh_lexical()
        for i, caveats in warned.items():
            result = results[i]
            if result is not None and result.status != IngestStatus.FAILED:
                results[i] = replace(result, warnings=caveats)
        return results  # type: ignore[return-value]

    def _store_window(
        self, window: list[tuple[int, PendingDocument]], results: list, embedded: Callable[[int], None] | None = None
    ) -> None:
        """Encode and write the window's prepared documents, then make each live in turn (its
        result goes to ``results[i]``). If the window's encoding or writing fails on something
        other than the store, the documents are retried one by one so only the culprit fails.
        ``embedded(n)`` is told of each batch of n chunks encoded."""
        if not window:
            return
        store = self.store
        ready: list[tuple[int, PendingDocument]] = []
        try:
            vectors = self._encode([t for _, p in window for t in p.texts], embedded)
            store.write_vectors([p for _, p in window], vectors)
            ready = list(window)
        except NearshoreQAError:
            raise
        except Exception:
            for i, p in window:
                try:
                    store.write_vectors([p], self._encode(p.texts))
                    ready.append((i, p))
                except NearshoreQAError:
                    raise
                except Exception as exc:
                    results[i] = IngestResult(
                        p.name, IngestStatus.FAILED, doc_id=p.name, reason=f"unexpected {type(exc).__name__}: {exc}"
                    )
                    try:
                        store.abandon(p)
                    except NearshoreQAError:
                        raise
                    except Exception:  # still pending: the next writer's recovery removes it
                        logger.warning(
                            "could not abandon %s; the next writer's recovery removes it", p.name, exc_info=True
                        )
        window.clear()
        for i, p in ready:
            try:
                results[i] = store.commit(p)
            except NearshoreQAError:
                raise
            except Exception as exc:
                results[i] = IngestResult(
                    p.name, IngestStatus.FAILED, doc_id=p.name, reason=f"unexpected {type(exc).__name__}: {exc}"
                )

    def _encode(self, texts: list[str], embedded: Callable[[int], None] | None = None) -> list[list[float]]:
        """Vectors for a window's texts. The ONNX encoder gets the whole window in one call
        (it sorts and batches by length itself, ``embedded(n)`` after each batch); any other is
        given it sorted by real length in word pieces, one batch per ``embed_documents`` call
        (``embedded(n)`` after each). (sentence-transformers sorts a call's texts by character
        count, then pads each batch to its longest text in word pieces; table rows, dense with
        numbers, have far more word pieces per character than prose, so its batches mix
        lengths: 3 % more padded word pieces on the shipped corpus and on the 10k store.) An
        encoder that cannot count word pieces gets the window in one call."""
        if _reports_batches(self.embedder):
            # One call for the window: the encoder sorts and batches it itself and keeps both
            # cores busy to the end (a call per 32 texts left one idle for part of each call).
            return self.embedder.embed_documents(texts, on_batch=embedded)
        token_lengths = getattr(self.embedder, "token_lengths", None)
        batch = int(getattr(self.embedder, "batch_size", 0) or 0)
        if token_lengths is None or batch <= 0 or len(texts) <= batch:
            whole = self.embedder.embed_documents(texts)
            if embedded:
                embedded(len(texts))
            return whole
        lengths = token_lengths(texts)
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        vectors: list = [None] * len(texts)
        for start in range(0, len(order), batch):
            part = order[start : start + batch]
            for i, vector in zip(part, self.embedder.embed_documents([texts[i] for i in part]), strict=False):
                vectors[i] = vector
            if embedded:
                embedded(len(part))
        return vectors

    def ensure_seeded(self, progress: Progress | None = None) -> list[IngestResult]:
        """The default store follows the shipped corpus: ingest it when it changed (cheap when not)."""
        corpus = self.settings.seed_corpus
        if corpus is None or not corpus.is_dir():
            return []
        fingerprint = _fingerprint(corpus)
        if self.store.get_state("seed_fingerprint") == fingerprint:
            return []
        load_vectors = getattr(self.embedder, "load_vectors_file", None)
        if load_vectors is not None:  # the shipped corpus's vectors, computed at build time
            from .embeddings import VECTORS_FILE

            load_vectors(corpus / VECTORS_FILE)
        results = self.add([corpus], progress)
        self.store.set_state("seed_fingerprint", fingerprint)
        return results

    # --- reading ---------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        k: int | None = None,
        history: list[str] | None = None,
        answerer: Answerer | None = None,
        documents: Iterable[str] | None = None,
    ) -> Answer:
        """``answerer`` overrides the configured one for this question (the app's sidebar choice);
        ``documents`` (doc ids) limits the answer to those documents (None: the whole library)."""
        answer = None
        for piece in self.ask_stream(question, k, history, answerer, documents):
            if isinstance(piece, Answer):
                answer = piece
        if answer is None:  # every answerer's stream ends with its Answer
            raise AnswererError("the answerer finished without an answer")
        return answer

    def ask_stream(
        self,
        question: str,
        k: int | None = None,
        history: list[str] | None = None,
        answerer: Answerer | None = None,
        documents: Iterable[str] | None = None,
    ) -> Iterator[str | Answer]:
        """Like ``ask``, but yields the answer's text as an LLM writes it, then the checked ``Answer``.

        The one path from a question to its answer: the follow-up rewritten, then the chain
        (retrieval → answerer). An answerer that does not stream (the extractive one) yields
        only the ``Answer``.
        """
        question = question.strip()
        if not question:
            raise ValueError("the question is empty")
        answerer = answerer or self.answerer
        scope = self._scope(documents)
        retriever = HybridRetriever(store=self.store, k=k or self.settings.top_k, documents=scope)
        asked = question
        if question == question.lower():
            # "and nuevo leon?", "us imports from china in december 2016": a question typed in
            # lower case names its places as the passages found for it write them ("Nuevo León",
            # "US", "China"), so the rewrite reads them as places and retrieval as names, not as
            # the pronoun "us"
            asked = truecased(question, [h.chunk.text for h in retriever.search(question)])
        standalone = self.standalone(asked, history or [], answerer)
        standalone = undotted(standalone)  # "U.S. imports" searched and read as "US imports"
        within = getattr(answerer, "within", None)  # an answerer that reads beyond the hits
        if scope is not None and within is not None:
            answerer = within(scope)
        for piece in build_chain(retriever, answerer).stream(standalone):
            if isinstance(piece, Answer):
                piece.question = question
                piece.standalone_question = standalone
                piece.scope = sorted(scope or ())
                if piece.abstained and scope:
                    piece.answer = scoped_abstention(piece.answer, len(scope))
                if scope is None:
                    hint = unnamed_document_hint(question, piece.citations[0].title if piece.citations else "")
                    # counted only for the few questions that speak of "the table": not on every ask
                    piece.hint = hint if hint and self.store.count_documents() > 1 else ""
            yield piece

    def _scope(self, documents: Iterable[str] | None) -> frozenset[str] | None:
        if documents is None:
            return None
        scope = frozenset(documents)
        if not scope:
            return None  # nothing picked: the whole library, as the app's empty picker says
        for doc_id in sorted(scope):
            if not self.store.find_ready(doc_id):
                raise DocumentNotFound(doc_id)
        return scope

    def resolve_documents(self, names: Iterable[str]) -> list[str]:
        """Doc ids for what a user typed: a doc id, a file name (with or without its suffix) or
        a title, case ignored. A name that matches no document, or several, is a ``ValueError``
        that says which."""
        sources = self.sources()
        chosen: list[str] = []
        for name in names:
            wanted = name.strip().casefold()
            exact = [s.doc_id for s in sources if s.doc_id.casefold() == wanted]
            matches = exact or [
                s.doc_id
                for s in sources
                if wanted
                in {
                    s.title.strip().casefold(),
                    Path(s.doc_id).name.casefold(),
                    Path(s.doc_id).stem.casefold(),
                }
            ]
            if not matches:
                raise ValueError(f"no document called {name!r} in the library (see `nearshore-qa sources`)")
            if len(matches) > 1:
                raise ValueError(f"{name!r} names {len(matches)} documents: {', '.join(matches[:5])}; use a doc id")
            chosen += [m for m in matches if m not in chosen]
        return chosen

    def standalone(self, question: str, history: list[str], answerer: Answerer | None = None) -> str:
        """A follow-up rewritten from the history: by the LLM when the answerer has one (it falls
        back to the rule-based rewrite itself), else by rule."""
        return standalone_question(answerer or self.answerer, question, history)

    def sources(self) -> list[SourceInfo]:
        return self.store.sources()

    def remove(self, doc_id: str) -> IngestResult:
        with self.store.writing():
            result = self.store.remove(doc_id)
            self.store.refresh_lexical()
        return result

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _fields_bytes(fields: dict) -> bytes:
    """Metadata typed in a form, as the bytes that version the document (like a sidecar's)."""
    import json

    return json.dumps(fields, sort_keys=True).encode() if fields else b""


def _fingerprint(folder: Path) -> str:
    h = hashlib.sha256()
    for path, root in iter_files([folder]):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{doc_id_for(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        for side in (path.with_suffix(".meta.yaml"),):
            if side.exists():
                h.update(f"{side.name}\0{side.stat().st_mtime_ns}\n".encode())
    return h.hexdigest()


def _file_hash(path: Path, max_bytes: int) -> str | None:
    """The content hash ``load_file`` gives a file — ``ingest.load_bytes``: SHA-256 of its bytes
    followed by its sidecar's bytes (tables only; the first of ``SIDECAR_SUFFIXES`` that is a
    file, as ``ingest._read_sidecar`` finds it) — read without parsing. None when ``load_file``
    would refuse the file before hashing it (unsupported, not a regular file, over the size
    limit, unreadable): it is then loaded, and refused, as usual."""
    fmt = file_format(path.name)
    if fmt is None:
        return None
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return None
        h = hashlib.sha256(path.read_bytes())
        if fmt in ("csv", "xlsx"):
            stem = path.name[: -len(path.suffix)] if path.suffix else path.name
            for suffix in SIDECAR_SUFFIXES:
                side = path.with_name(stem + suffix)
                if side.is_file():
                    h.update(side.read_bytes())
                    break
    except OSError:
        return None
    return h.hexdigest()


def _reports_batches(embedder: Any) -> bool:
    """Whether ``embedder`` encodes on ONNX Runtime and its ``embed_documents`` takes
    ``on_batch`` (LangChain's ``Embeddings`` do not; the torch fallback reports once per call)."""
    if getattr(embedder, "onnx", None) is None:
        return False
    try:
        return "on_batch" in inspect.signature(embedder.embed_documents).parameters
    except (TypeError, ValueError):
        return False
