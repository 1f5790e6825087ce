"""The writers' lock of a store on a shared Chroma server: a lease in the records collection."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid

from ..errors import StoreError
from .registry import now
from .server_registry import DUMMY, LOCK_ID

logger = logging.getLogger(__name__)


class ServerLease:
    """The ``lock`` record. ``add`` never overwrites an existing id, so of several writers adding
    it at once exactly one finds its own token there. The holder renews the lease while it
    writes; a lease whose holder died (expired, or held by a process of this host that is gone)
    is taken over, and ``took_over`` tells the store to clean up after the dead writer."""

    TTL_S = 60.0

    def __init__(self, records, url: str):
        self.records = records
        self.url = url
        self.token = ""
        self.depth = 0
        self.took_over = False  # the previous holder died while writing
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _lock(self) -> dict | None:
        got = self.records.get(ids=[LOCK_ID], include=["metadatas"])
        return got["metadatas"][0] if got["ids"] else None

    def _stale(self, lock: dict) -> bool:
        if float(lock.get("expires", 0)) < time.time():
            return True
        if lock.get("host") == socket.gethostname() and int(lock.get("pid", 0)) != os.getpid():
            try:
                os.kill(int(lock.get("pid", 0)), 0)
            except ProcessLookupError:
                return True
            except (OSError, ValueError):
                return False
        return False

    def acquire(self, timeout: float) -> None:
        if self.depth:
            self.depth += 1
            return
        token = uuid.uuid4().hex
        deadline = time.monotonic() + timeout
        while True:
            self.records.add(
                ids=[LOCK_ID],
                embeddings=[DUMMY],
                metadatas=[
                    {
                        "kind": "lock",
                        "owner": token,
                        "expires": time.time() + self.TTL_S,
                        "host": socket.gethostname(),
                        "pid": os.getpid(),
                        "since": now(),
                    }
                ],
            )
            lock = self._lock()
            if lock and lock.get("owner") == token:
                break
            if lock and self._stale(lock):
                self.records.delete(ids=[LOCK_ID], where={"owner": lock["owner"]})
                self.took_over = True
                logger.warning(
                    "taking over the store lock on %s from a dead writer (%s pid %s since %s, expires %s)",
                    self.url,
                    lock.get("host"),
                    lock.get("pid"),
                    lock.get("since"),
                    lock.get("expires"),
                )
                continue
            if time.monotonic() >= deadline:
                who = (
                    f"{lock.get('host')} pid {lock.get('pid')} since {lock.get('since')}" if lock else "another writer"
                )
                raise StoreError(f"another ingest holds the store lock on {self.url} ({who}; waited {timeout:g} s)")
            time.sleep(0.2)
        self.token, self.depth = token, 1
        self._stop.clear()
        self._thread = threading.Thread(target=self._renew, name="nearshore-qa-lease", daemon=True)
        self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.TTL_S / 4):
            try:
                lock = self._lock()
                if lock and lock.get("owner") == self.token:
                    self.records.update(ids=[LOCK_ID], metadatas=[{"expires": time.time() + self.TTL_S}])
            except Exception:  # the next write will report a lost server
                logger.warning("could not renew the store lock on %s", self.url, exc_info=True)

    def release(self) -> None:
        self.depth -= 1
        if self.depth:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            self.records.delete(ids=[LOCK_ID], where={"owner": self.token})
        except Exception:  # it expires by itself
            logger.warning(
                "could not release the store lock on %s (it expires within %g s)", self.url, self.TTL_S, exc_info=True
            )
        self.token = ""
