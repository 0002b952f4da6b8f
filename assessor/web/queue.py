"""The report queue: Huey on SQLite in the instance folder by default, on Redis when configured.

The web app puts a `ReportOrder` on the queue; a consumer process (started beside gunicorn by
`assessor serve`, or `python -m assessor.web.worker`) renders it. In tests the queue runs each
task at once, in the request (`QUEUE_IMMEDIATE`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from huey import MemoryHuey, RedisHuey, SqliteHuey
from huey.api import Huey

from assessor.services.database import Database
from assessor.services.report_jobs import ReportOrder, run_report_order

LOG = logging.getLogger(__name__)
QUEUE_NAME = "assessor-reports"
QUEUE_FILE = "queue.sqlite3"


@dataclass
class ReportQueue:
    """A Huey queue with the report task registered on it."""

    huey: Huey
    backend: str
    enqueue: Callable[[ReportOrder], Any]

    def submit(self, order: ReportOrder) -> bool:
        """Put an order on the queue; False (and logged) when the queue refused it."""
        try:
            self.enqueue(order)
        except Exception:  # a queue on a full disk or an unreachable Redis: the job says so
            LOG.exception("report job %s could not be queued", order.job_id)
            return False
        return True

    def state(self) -> dict[str, Any]:
        """The backend and how many reports wait (for /healthz); raises if the queue is down."""
        return {"backend": self.backend, "pending": self.huey.pending_count()}


def make_queue(config: Mapping[str, Any], instance_path: str, database: Database) -> ReportQueue:
    """The queue the configuration asks for, with the report task bound to the database."""
    if config.get("QUEUE_IMMEDIATE"):
        huey: Huey = MemoryHuey(QUEUE_NAME, immediate=True)
        backend = "immediate"
    elif config.get("REDIS_URL"):
        huey = RedisHuey(QUEUE_NAME, url=config["REDIS_URL"])
        backend = "redis"
    else:
        Path(instance_path).mkdir(parents=True, exist_ok=True)
        huey = SqliteHuey(QUEUE_NAME, filename=str(Path(instance_path) / QUEUE_FILE))
        backend = "sqlite"

    @huey.task(name="render_report", retries=0)  # type: ignore[untyped-decorator]
    def render_report_task(order: ReportOrder) -> None:
        run_report_order(database, order)

    return ReportQueue(huey=huey, backend=backend, enqueue=render_report_task)
