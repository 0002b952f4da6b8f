"""The report queue's consumer: `python -m assessor.web.worker` (started by `assessor serve`)."""

from __future__ import annotations

import logging

from assessor.web import create_app
from assessor.web.runtime import runtime_of

WORKERS = 1
"""Reports rendered at once (rendering is CPU-bound; the machine's other cores serve pages)."""


def main() -> None:
    """Build the app (same settings as the web workers) and consume its report queue."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker %(levelname)s %(message)s")
    queue = runtime_of(create_app()).queue
    queue.huey.create_consumer(workers=WORKERS, worker_type="process").run()


if __name__ == "__main__":
    main()
