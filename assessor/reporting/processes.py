"""How many processors a report may use, and whether this process may fork a helper."""

from __future__ import annotations

import os
import threading


def processors() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may fork a helper: it can, and runs one thread only (a fork copies
    no other thread, and a lock another thread held would stay held in the copy)."""
    return hasattr(os, "fork") and threading.active_count() == 1
