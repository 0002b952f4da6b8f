"""Profile a live workshop in-process: a participant's save and the facilitator's poll.

Run: .venv/bin/python bench/profile_workshop.py [--participants 500] [--database-url URL] [--profile]

Builds an app on a fresh SQLite file (or the given database), opens a workshop, joins N
participants with four answers each (`--all-questions`: every question of the questionnaire,
options varied by participant), then prints the median CPU time (ms) of a save, of the
facilitator's poll just after a save (the room changed: scored again) and of a poll of an
unchanged room, each through the Flask test client. CPU time, not wall time, so a machine busy
with other work changes the figures little; `--profile` prints cProfile's top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessor.services.responding import open_link, save_answers
from assessor.services.workshops import join_workshop, open_workshop
from assessor.services.workspace import Workspace
from assessor.web.runtime import runtime_of
from tests.web.conftest import make_app
from tests.web.support import add_firm, csrf_token, sign_in

ANSWERS = [
    ("executive-sponsor-named", ["yes", "no"]),
    ("walton-test", ["some-ideas", "clear-actions", "depends-on-system"]),
    ("internal-marketing-vision", ["1", "3", "5"]),
    ("incentives-aligned", ["partly", "yes", "no"]),
]
ROLES = ["executive", "manager", "staff", "it"]
QUESTIONNAIRE = "executive-self-assessment"


def everything(ws: Workspace, n: int) -> dict[str, Any]:
    """A form value for every question of the executive self-assessment, varied by participant."""
    given: dict[str, Any] = {}
    for qid in ws.questionnaire(QUESTIONNAIRE).question_ids():
        question = ws.content.questions[qid]
        if question.type == "number":
            given[qid] = str(question.min if question.min is not None else 1)
        elif question.type == "text":
            given[qid] = "We have a written plan."
        else:
            options = question.options or []
            value = options[n % len(options)].value
            given[qid] = str(value).lower() if isinstance(value, bool) else str(value)
    return given


def median_cpu_ms(action: Callable[[int], None], times: int) -> float:
    """The median CPU time of the action, in milliseconds."""
    taken = []
    for k in range(times):
        started = time.process_time()
        action(k)
        taken.append(1000 * (time.process_time() - started))
    return statistics.median(taken)


def main() -> None:
    """Fill a room, then time and optionally profile the save and the polls."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--all-questions", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="assessor-wsprofile-"))
    url = args.database_url or f"sqlite:///{folder / 'workshop.sqlite3'}"
    app = next(make_app(folder, url, TESTING=False))
    runtime = runtime_of(app)
    acme = add_firm(app, "Acme")
    tokens = []
    with runtime.database.unit_of_work() as session:
        opened = open_workshop(session, acme.user, acme.assessment_id, prework=False, days=1)
        assert opened is not None
        for n in range(args.participants):
            role, roles = ROLES[n % len(ROLES)], runtime.workspace.content.role_ids
            tokens.append(join_workshop(session, opened.code, role=role, name=None, roles=roles))
    with runtime.database.unit_of_work() as session:
        for n, invitation in enumerate(tokens):
            given = {q: values[n % len(values)] for q, values in ANSWERS}
            if args.all_questions:
                given = everything(runtime.workspace, n) | given
            link = open_link(session, invitation.token)
            problems = save_answers(session, runtime.workspace, link, given)
            assert not problems, problems
    screen = app.test_client()
    sign_in(screen, acme.email)
    live = f"/assessments/{acme.assessment_id}/workshop/live"
    phone = app.test_client()
    csrf = csrf_token(phone, f"/r/{tokens[0].token}/s/1")

    def save(k: int) -> None:
        question, values = ANSWERS[k % len(ANSWERS)]
        body = {"question": question, "value": values[k % len(values)]}
        link = f"/r/{tokens[k % len(tokens)].token}/answer"
        assert phone.post(link, json=body, headers={"X-CSRFToken": csrf}).status_code == 200

    def poll(_: int) -> None:
        assert screen.get(live).status_code == 200

    def poll_after_save(k: int) -> None:
        save(k)
        poll(k)

    for name, action, times in [
        ("save", save, 200),
        ("poll after a save", poll_after_save, 10),
        ("poll, room unchanged", poll, 20),
    ]:
        action(0)
        print(
            f"{name}: median {median_cpu_ms(action, times):.2f} ms CPU ({len(tokens)} in the room)"
        )
        if args.profile:
            profiler = cProfile.Profile()
            for k in range(times):
                profiler.runcall(action, k)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    runtime.database.close()


if __name__ == "__main__":
    main()
