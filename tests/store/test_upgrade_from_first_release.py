"""A database made by the first release (revision 0001) and used for a real assessment upgrades
to the newest schema keeping every row and its meaning, and goes back down and up again.

The rows are written in revision 0001's own table shapes, not through today's models, so the
test sees what a customer's database of that release holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from assessor.config import shipped_content_dir
from assessor.domain.responses import Respondent, Response
from assessor.services import accounts, clients, report_jobs, responding
from assessor.services.assessments import score
from assessor.services.files import read_responses
from assessor.services.scored import results_of
from assessor.services.workspace import Workspace, open_workspace
from assessor.store import migrate
from assessor.store.engine import make_engine, session_scope
from assessor.store.mapping import json_answer
from assessor.store.models import JobStatus, ReportJob
from assessor.store.passwords import hash_password
from assessor.store.tokens import token_digest

FIRST = "0001"
QUESTIONNAIRE = "consultant-workshop"
TARGETS = {"gartner-8/strategy": 70.0, "gartner-8/vision": 65.0}
PASSWORD = "correct horse battery staple"
LINK = "still-open-link-token-of-the-first-release"
PDF = b"%PDF-1.7\n\x00\xff a report rendered by the first release"
WHEN = dt.datetime(2026, 6, 1, 9, 30, tzinfo=dt.UTC)
FIRST_TABLES = (
    "firms",
    "users",
    "clients",
    "assessments",
    "respondents",
    "answers",
    "report_jobs",
    "rendered_reports",
)


def first_release_workshop(ws: Workspace) -> list[Response]:
    """Five participants of the Acme workshop, as a consultant typed them in (a comment too)."""
    files = sorted((shipped_content_dir() / "examples" / "acme-workshop").glob("*.yaml"))[:5]
    found = read_responses(ws, QUESTIONNAIRE, files)
    made = []
    for number, response in enumerate(found, start=1):
        who = response.respondent
        comments = {next(iter(response.answers)): "Ünïcode «quoted», <b>not markup</b>"}
        made.append(
            Response(
                respondent=Respondent(f"pub{number:029d}", who.name, who.role),
                answers=response.answers,
                evidence=response.evidence,
                comments=comments if number == 1 else {},
            )
        )
    return made


def fill_first_release(url: str, responses: Sequence[Response]) -> None:
    """A firm, a consultant, a client, an assessment with submitted and open respondents,
    a kept (stale) result, and a finished report job with its PDF, in 0001's tables."""
    engine = make_engine(url)
    try:
        tables = _reflected(engine)
        with engine.begin() as db:
            firm = _add(db, tables["firms"], name="Acme Consulting", created_at=WHEN)
            _add(
                db,
                tables["users"],
                firm_id=firm,
                email="ann@acme.example",
                display_name="Ann Consultant",
                password_hash=hash_password(PASSWORD),
                is_admin=True,
                api_token_hash=None,
                active=True,
                created_at=WHEN,
            )
            client = _add(
                db,
                tables["clients"],
                firm_id=firm,
                organisation="Nordlicht Retail GmbH",
                sector="retail",
                size=850,
                created_at=WHEN,
            )
            assessment = _add(
                db,
                tables["assessments"],
                client_id=client,
                questionnaire_id=QUESTIONNAIRE,
                title="CRM readiness, spring",
                assessed_on=dt.date(2026, 6, 1),
                targets=TARGETS,
                status="collecting",
                content_fingerprint="a" * 64,
                result_json={"readiness": {"score": 12.0}},
                result_fingerprint="0" * 64,
                created_at=WHEN,
                updated_at=WHEN,
            )
            for number, response in enumerate(responses, start=1):
                _respondent(db, tables, assessment, response, f"token-{number}", submitted=True)
            open_one = Response(Respondent("pub-open", "", "staff"), {"company-size": "large"})
            _respondent(db, tables, assessment, open_one, LINK, submitted=False)
            _add(
                db,
                tables["report_jobs"],
                assessment_id=assessment,
                kind="pdf",
                options={"template": "executive", "lang": "ru"},
                cache_key="k" * 64,
                status="done",
                error=None,
                created_at=WHEN,
                finished_at=WHEN + dt.timedelta(seconds=40),
            )
            db.execute(
                sa.insert(tables["rendered_reports"]).values(
                    cache_key="k" * 64, media_type="application/pdf", content=PDF, created_at=WHEN
                )
            )
    finally:
        engine.dispose()


def _respondent(
    db: sa.Connection,
    tables: Mapping[str, sa.Table],
    assessment: int,
    response: Response,
    token: str,
    *,
    submitted: bool,
) -> None:
    who = response.respondent
    respondent = _add(
        db,
        tables["respondents"],
        assessment_id=assessment,
        public_id=who.id,
        name=who.name or None,
        role=who.role,
        token_hash=token_digest(token),
        expires_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
        submitted_at=WHEN if submitted else None,
        created_at=WHEN,
    )
    db.execute(
        sa.insert(tables["answers"]),
        [
            {
                "respondent_id": respondent,
                "question_id": qid,
                "value": json_answer(value),  # type: ignore[arg-type]
                "evidence": response.evidence.get(qid),
                "comment": response.comments.get(qid),
                "updated_at": WHEN,
            }
            for qid, value in response.answers.items()
        ],
    )


def _add(db: sa.Connection, table: sa.Table, **values: Any) -> int:
    """Insert one row and give its id."""
    found = db.execute(sa.insert(table).values(**values).returning(table.c.id)).scalar_one()
    return int(found)


def _reflected(engine: sa.Engine) -> dict[str, sa.Table]:
    """The first release's tables as the database holds them."""
    metadata = sa.MetaData()
    metadata.reflect(engine, only=FIRST_TABLES)
    return dict(metadata.tables)


def first_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the first release's tables, in primary-key order."""
    engine = make_engine(url)
    try:
        tables = _reflected(engine)
        with engine.connect() as db:
            return {
                name: [
                    tuple(row)
                    for row in db.execute(sa.select(table).order_by(*table.primary_key.columns))
                ]
                for name, table in tables.items()
            }
    finally:
        engine.dispose()


def check_meaning(url: str, ws: Workspace, responses: Sequence[Response]) -> None:
    """Through the services: sign-in, the open link's saved answer, the scores, the report."""
    engine = make_engine(url)
    try:
        with session_scope(sessionmaker(engine)) as session:
            user = accounts.authenticate(session, "ann@acme.example", PASSWORD)
            assert user is not None and user.is_admin
            (client,) = clients.clients_of(session, user)
            assert (client.organisation, client.size) == ("Nordlicht Retail GmbH", 850)
            (record,) = clients.assessments_of(session, user, client.id)
            assert record.targets == TARGETS and record.assessed_on == dt.date(2026, 6, 1)

            link = responding.open_link(session, LINK)
            assert link.state == "open"
            saved = responding.saved_answers(session, link)
            assert {q: a.value for q, a in saved.items()} == {"company-size": "large"}

            found = results_of(session, ws, record)
            assert found is not None
            assert list(found.responses) == list(responses)
            fresh = score(ws, QUESTIONNAIRE, responses, TARGETS)
            assert found.assessment.dump() == fresh.dump()
            assert found.assessment.readiness.score != 12.0  # the stale kept result is not trusted

            (job_id,) = [j.id for j in _jobs(session, record.id)]
            download = report_jobs.download_of(session, user, job_id)
            assert download is not None
            job, report = download
            assert job.status is JobStatus.DONE and job.options == {
                "template": "executive",
                "lang": "ru",
            }
            assert report is not None and report.content == PDF
    finally:
        engine.dispose()


def _jobs(session: Session, assessment_id: int) -> list[ReportJob]:
    query = sa.select(ReportJob).where(ReportJob.assessment_id == assessment_id)
    return list(session.scalars(query))


def test_a_first_release_database_upgrades_keeping_every_row_and_its_meaning(
    database_url: str,
) -> None:
    ws = open_workspace()
    responses = first_release_workshop(ws)
    migrate.upgrade(database_url, FIRST)
    assert migrate.current(database_url) == FIRST
    fill_first_release(database_url, responses)
    before = first_rows(database_url)
    assert len(before["answers"]) == sum(len(r.answers) for r in responses) + 1

    migrate.upgrade(database_url)
    assert migrate.current(database_url) == migrate.head()
    assert first_rows(database_url) == before
    check_meaning(database_url, ws, responses)

    used = first_rows(database_url)  # scoring kept the new result with its fingerprint
    assert used["assessments"] != before["assessments"]
    migrate.downgrade(database_url, FIRST)
    assert migrate.current(database_url) == FIRST
    assert first_rows(database_url) == used

    migrate.upgrade(database_url)
    assert first_rows(database_url) == used
    check_meaning(database_url, ws, responses)
