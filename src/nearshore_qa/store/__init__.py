"""The store: Chroma vectors, the record of documents, copies of originals, and the BM25 index,
kept in step.

Two modes, one protocol:

* **Embedded** (default): everything lives in the store folder — Chroma's ``PersistentClient``
  under ``chroma/``, the record of documents and chunks in ``library.sqlite`` (WAL), the BM25
  index under ``lexical/``. Writers on one machine are serialised by a file lock.
* **Server** (``chroma_url``): a team shares one Chroma server, so everything the team must agree
  on lives *on the server*: the vectors, with each chunk's data in their metadata, and the record
  of documents as a second collection ``<name>__records`` (one record per document version: its
  metadata, status, content hash and text, plus one ``state`` record holding the generation
  counter and one ``lock`` record, the writers' lease). The BM25 index is derived data: each
  client rebuilds it from the server's chunks and caches it on disk keyed by the server's
  generation, so no client serves a stale lexical index after someone else's ingest. The
  store folder then holds only that cache, the local lock file and copies of the originals this
  machine ingested.

Crash safety comes from ordering. A document version is recorded as ``pending`` first, its
vectors are written second, and then a single atomic step makes it live (embedded: one SQLite
transaction that flips it to ``ready``, retires the previous version and bumps the generation;
server: one record update to ``ready`` with a higher sequence number, the previous version having
been marked ``replacing`` just before — readers take the live version with the highest sequence).
Only then are the previous version's vectors deleted, and its record last. An ingest runs these
steps over a window of documents: all recorded pending, all their vectors written (one encoder
call, few upserts), then each made live in turn. Readers only see live
versions, so a killed writer leaves nothing half-visible. Every writer session starts by undoing
what a killed writer left (pending versions, retired ones, a superseded ``replacing`` one) —
vectors first, record last — and a re-run completes the ingest (chunk ids are derived from the
document id and content hash, so re-written vectors replace themselves: no duplicates).

Modules: ``facade`` (``Store``, the one entry point: callers use its methods only),
``registry`` (the record protocol and the helpers both records share), ``sqlite_registry``
(embedded record, with numbered schema migrations), ``server_registry`` and ``lease`` (the
record and the writers' lock on a Chroma server), ``vectors`` (the Chroma collection), ``crash``
(the crash-test hook).
"""

from .crash import KILL_ENV
from .facade import Deferred, PendingDocument, Prepared, Store
from .lease import ServerLease
from .registry import Registry, Version
from .server_registry import LOCK_ID, STATE_ID, ServerRegistry
from .sqlite_registry import SQLiteRegistry

__all__ = [
    "KILL_ENV",
    "LOCK_ID",
    "STATE_ID",
    "Deferred",
    "PendingDocument",
    "Prepared",
    "Registry",
    "SQLiteRegistry",
    "ServerLease",
    "ServerRegistry",
    "Store",
    "Version",
]
