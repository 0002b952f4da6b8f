"""A consultant of one firm can never see another firm's clients, assessments or respondents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from assessor.store.engine import session_scope
from assessor.store.models import AssessmentStatus
from assessor.store.repositories import (
    AnswerRepository,
    AssessmentRepository,
    ClientRepository,
    RespondentRepository,
)
from tests.store.support import FirmData


def test_another_firms_client_is_invisible(
    sessions: sessionmaker[Session], acme: FirmData, rival: FirmData
) -> None:
    with session_scope(sessions) as session:
        clients = ClientRepository(session)
        assert clients.get(acme.firm.id, acme.client.id) == acme.client
        assert clients.get(acme.firm.id, rival.client.id) is None
        assert clients.list_for_firm(acme.firm.id) == [acme.client]
        assert clients.list_for_firm(rival.firm.id) == [rival.client]


def test_another_firms_assessment_is_invisible_and_unchangeable(
    sessions: sessionmaker[Session], acme: FirmData, rival: FirmData
) -> None:
    with session_scope(sessions) as session:
        assessments = AssessmentRepository(session)
        assert assessments.get(acme.firm.id, acme.assessment.id) == acme.assessment
        assert assessments.get(acme.firm.id, rival.assessment.id) is None
        assert assessments.list_for_client(acme.firm.id, rival.client.id) == []
        assert not assessments.set_status(
            acme.firm.id, rival.assessment.id, AssessmentStatus.CLOSED
        )
        assert not assessments.store_result(acme.firm.id, rival.assessment.id, {"x": 1}, "f")
        assert assessments.result(acme.firm.id, rival.assessment.id) is None
        assert (
            assessments.create(
                acme.firm.id,
                rival.client.id,
                questionnaire_id="consultant-workshop",
                title="sneaky",
                assessed_on=dt.date(2026, 5, 4),
                content_fingerprint="c" * 64,
            )
            is None
        )
    with session_scope(sessions) as session:
        unchanged = AssessmentRepository(session).get(rival.firm.id, rival.assessment.id)
        assert unchanged is not None
        assert unchanged.status is AssessmentStatus.DRAFT
        assert AssessmentRepository(session).list_for_client(rival.firm.id, rival.client.id) == [
            unchanged
        ]


def test_another_firms_respondents_and_answers_are_invisible(
    sessions: sessionmaker[Session], acme: FirmData, rival: FirmData
) -> None:
    with session_scope(sessions) as session:
        respondents = RespondentRepository(session)
        invitation = respondents.invite(rival.firm.id, rival.assessment.id, role="staff")
        assert invitation is not None
        AnswerRepository(session).save_answer(invitation.respondent.id, "q1", "yes")
        respondents.mark_submitted(invitation.respondent.id)
        assert respondents.invite(acme.firm.id, rival.assessment.id, role="staff") is None
        assert respondents.reissue(acme.firm.id, invitation.respondent.id) is None
        assert respondents.get(acme.firm.id, invitation.respondent.id) is None
        assert respondents.list_for_assessment(acme.firm.id, rival.assessment.id) == []
        assert AnswerRepository(session).of_assessment(acme.firm.id, rival.assessment.id) == []
        assert len(AnswerRepository(session).of_assessment(rival.firm.id, rival.assessment.id)) == 1


def test_assessment_targets_status_and_timestamps_read_back(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    assert acme.assessment.targets == {"gartner-8/strategy": 70.0}
    assert acme.assessment.status is AssessmentStatus.DRAFT
    assert acme.assessment.created_at.tzinfo is not None
    with session_scope(sessions) as session:
        AssessmentRepository(session).set_status(
            acme.firm.id, acme.assessment.id, AssessmentStatus.COLLECTING
        )
    with session_scope(sessions) as session:
        found = AssessmentRepository(session).get(acme.firm.id, acme.assessment.id)
    assert found is not None
    assert found.status is AssessmentStatus.COLLECTING
    assert found.assessed_on == dt.date(2026, 5, 4)
    assert found.created_at == acme.assessment.created_at
    assert found.updated_at >= acme.assessment.updated_at
    assert found.updated_at.utcoffset() == dt.timedelta(0)
