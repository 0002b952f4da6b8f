"""`GET /healthz`: whether the database and the report queue answer, as JSON."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from assessor.web.extensions import limiter
from assessor.web.runtime import runtime_of

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
def healthz() -> tuple[dict[str, Any], int]:
    """200 with the database and queue state when both answer, else 503 saying which does not."""
    runtime = runtime_of()
    problem = runtime.database.check()
    database: dict[str, Any] = {"backend": runtime.database.backend, "ok": problem is None}
    if problem:
        database["problem"] = problem
    try:
        queue: dict[str, Any] = {**runtime.queue.state(), "ok": True}
    except Exception as exc:  # a queue that does not answer is reported, not raised
        queue = {"backend": runtime.queue.backend, "ok": False, "problem": type(exc).__name__}
    healthy = database["ok"] and queue["ok"]
    return {"status": "ok" if healthy else "failing", "database": database, "queue": queue}, (
        200 if healthy else 503
    )
