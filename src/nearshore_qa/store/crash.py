"""The crash-test hook: a writer can be SIGKILLed at a named step, so tests can check that a
killed writer leaves nothing half-visible and that the next writer cleans up after it."""

from __future__ import annotations

import os
import signal

KILL_ENV = "NEARSHORE_QA_TEST_KILL_AT"
_reached: dict[str, int] = {}


def crash_point(stage: str) -> None:
    """Tests only: ``NEARSHORE_QA_TEST_KILL_AT=stage[:n]`` SIGKILLs this process the n-th time a
    writer reaches ``stage`` (pending, vectors, replacing (server), committed, collected, retired)."""
    spec = os.environ.get(KILL_ENV)
    if not spec or spec.partition(":")[0] != stage:
        return
    _reached[stage] = _reached.get(stage, 0) + 1
    if _reached[stage] >= int(spec.partition(":")[2] or 1):
        os.kill(os.getpid(), signal.SIGKILL)
