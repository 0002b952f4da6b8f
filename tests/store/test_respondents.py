"""Invitation links: the raw token opens the respondent's page; wrong or expired ones do not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from assessor.store.base import Base, utcnow
from assessor.store.engine import session_scope
from assessor.store.repositories import RespondentRepository
from tests.store.support import FirmData


def test_the_raw_token_finds_the_respondent_and_a_wrong_one_does_not(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        invitation = RespondentRepository(session).invite(
            acme.firm.id, acme.assessment.id, role="executive"
        )
    assert invitation is not None
    assert invitation.respondent.name is None  # anonymous unless named
    assert len(invitation.token) >= 40
    with session_scope(sessions) as session:
        respondents = RespondentRepository(session)
        assert respondents.find_by_token(invitation.token) == invitation.respondent
        assert respondents.find_by_token(invitation.token[:-1]) is None
        assert respondents.find_by_token("") is None
        assert respondents.find_by_token(invitation.respondent.public_id) is None


def test_an_expired_link_no_longer_opens(sessions: sessionmaker[Session], acme: FirmData) -> None:
    with session_scope(sessions) as session:
        invitation = RespondentRepository(session).invite(
            acme.firm.id, acme.assessment.id, role="staff", valid_for=dt.timedelta(days=7)
        )
    assert invitation is not None
    with session_scope(sessions) as session:
        respondents = RespondentRepository(session)
        assert respondents.find_by_token(invitation.token, now=utcnow() + dt.timedelta(days=6))
        assert (
            respondents.find_by_token(invitation.token, now=utcnow() + dt.timedelta(days=8)) is None
        )


def test_a_reissued_link_replaces_the_old_one(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        first = RespondentRepository(session).invite(acme.firm.id, acme.assessment.id, role="it")
        assert first is not None
        second = RespondentRepository(session).reissue(acme.firm.id, first.respondent.id)
    assert second is not None
    with session_scope(sessions) as session:
        respondents = RespondentRepository(session)
        assert respondents.find_by_token(first.token) is None
        found = respondents.find_by_token(second.token)
    assert found is not None
    assert found.public_id == first.respondent.public_id


def test_the_raw_token_is_stored_nowhere(
    sessions: sessionmaker[Session], acme: FirmData, migrated_url: str
) -> None:
    with session_scope(sessions) as session:
        invitation = RespondentRepository(session).invite(
            acme.firm.id, acme.assessment.id, role="manager", name="Jane Doe"
        )
    assert invitation is not None
    with session_scope(sessions) as session:
        everything = [
            repr(row)
            for table in Base.metadata.sorted_tables
            for row in session.execute(select(table)).all()
        ]
    assert any("Jane Doe" in row for row in everything)
    assert not any(invitation.token in row for row in everything)
    url = make_url(migrated_url)
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        files = Path(url.database).parent.glob(Path(url.database).name + "*")
        raw = b"".join(path.read_bytes() for path in files)
        assert b"Jane Doe" in raw
        assert invitation.token.encode() not in raw


def test_submitting_is_recorded_once(sessions: sessionmaker[Session], acme: FirmData) -> None:
    with session_scope(sessions) as session:
        invitation = RespondentRepository(session).invite(
            acme.firm.id, acme.assessment.id, role="staff"
        )
        assert invitation is not None
        first = RespondentRepository(session).mark_submitted(invitation.respondent.id)
        again = RespondentRepository(session).mark_submitted(invitation.respondent.id)
    assert first.submitted_at is not None
    assert again.submitted_at == first.submitted_at
    with session_scope(sessions) as session:
        (listed,) = RespondentRepository(session).list_for_assessment(
            acme.firm.id, acme.assessment.id
        )
    assert listed.submitted_at == first.submitted_at
