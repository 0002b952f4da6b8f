"""The shared sign-in counters: one window per key, kept in a file every worker opens."""

from __future__ import annotations

import time
from pathlib import Path

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from assessor.web.config import limits_uri
from assessor.web.limits_store import SqliteLimitStorage


def test_two_workers_opening_the_same_file_share_one_count(tmp_path: Path) -> None:
    uri = limits_uri(str(tmp_path / "instance folder"), None)
    first, second = storage_from_string(uri), storage_from_string(uri)
    assert isinstance(first, SqliteLimitStorage) and first.check()
    limit = parse("3 per minute")
    workers = [FixedWindowRateLimiter(first), FixedWindowRateLimiter(second)]  # type: ignore[arg-type]
    allowed = [workers[n % 2].hit(limit, "127.0.0.1") for n in range(4)]
    assert allowed == [True, True, True, False]
    assert first.get(limit.key_for("127.0.0.1")) == 4  # the refused attempt counts too
    assert first.get_expiry(limit.key_for("127.0.0.1")) > time.time()
    second.clear(limit.key_for("127.0.0.1"))
    assert workers[0].hit(limit, "127.0.0.1")
    assert first.reset() == 1 and first.get("nothing") == 0


def test_a_window_that_ended_starts_again(tmp_path: Path) -> None:
    storage = SqliteLimitStorage(limits_uri(str(tmp_path), None))
    assert storage.incr("k", expiry=0) == 1
    assert storage.incr("k", expiry=60) == 1  # the zero-second window had ended
    assert storage.incr("k", expiry=60) == 2


def test_with_redis_the_counters_are_on_redis() -> None:
    assert limits_uri("/unused", "redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"
