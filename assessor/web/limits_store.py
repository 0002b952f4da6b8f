"""Rate-limit counters every gunicorn worker shares: an SQLite file in the instance folder.

Flask-Limiter's memory storage counts per process, so two workers would allow twice the
sign-in attempts. This storage (`assessor-sqlite:///path`) keeps fixed-window counters in one
small SQLite file; with `ASSESSOR_REDIS_URL` the app uses Redis instead (`config.limits_uri`).
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from urllib.parse import quote, unquote, urlsplit

from limits.storage import Storage

SCHEME = "assessor-sqlite"
WAIT_SECONDS = 5.0
"""How long a worker waits for another one holding the counters before failing."""
TABLE = (
    "CREATE TABLE IF NOT EXISTS counters "
    "(key TEXT PRIMARY KEY, hits INTEGER NOT NULL, expires REAL NOT NULL)"
)


def sqlite_limits_uri(path: str) -> str:
    """The storage URI of a counters file."""
    return f"{SCHEME}://{quote(path)}"


class SqliteLimitStorage(Storage):
    """Fixed-window counters in an SQLite file, safe across processes (one writer at a time)."""

    STORAGE_SCHEME = [SCHEME]  # noqa: RUF012  (the base class declares it so)

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **_: object) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self.path = unquote(urlsplit(uri or "").path)
        if not self.path:
            raise ValueError(f"{SCHEME} needs a file: {SCHEME}:///path/to/limits.sqlite3")
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(TABLE)

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        """The errors this storage can raise."""
        return sqlite3.Error

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=WAIT_SECONDS, isolation_level=None)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add to a key's counter (a new window when the last one ended); the new count."""
        now = time.time()
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute(
                    "SELECT hits, expires FROM counters WHERE key = ?", (key,)
                ).fetchone()
                if row is None or row[1] <= now:
                    hits, expires = amount, now + expiry
                else:
                    hits, expires = row[0] + amount, row[1]
                db.execute(
                    "INSERT INTO counters (key, hits, expires) VALUES (?, ?, ?) ON CONFLICT (key)"
                    " DO UPDATE SET hits = excluded.hits, expires = excluded.expires",
                    (key, hits, expires),
                )
                db.execute("DELETE FROM counters WHERE expires <= ?", (now,))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return int(hits)

    def _row(self, key: str) -> tuple[int, float] | None:
        with closing(self._connect()) as db:
            row = db.execute("SELECT hits, expires FROM counters WHERE key = ?", (key,)).fetchone()
        if row is None or row[1] <= time.time():
            return None
        return int(row[0]), float(row[1])

    def get(self, key: str) -> int:
        """The count of a key's current window (0 when none)."""
        row = self._row(key)
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        """When a key's current window ends (now when there is none)."""
        row = self._row(key)
        return row[1] if row else time.time()

    def check(self) -> bool:
        """Whether the counters file answers."""
        try:
            with closing(self._connect()) as db:
                db.execute("SELECT 1 FROM counters LIMIT 1")
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every counter; how many there were."""
        with closing(self._connect()) as db:
            return int(db.execute("DELETE FROM counters").rowcount)

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        with closing(self._connect()) as db:
            db.execute("DELETE FROM counters WHERE key = ?", (key,))
