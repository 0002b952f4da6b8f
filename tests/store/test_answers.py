"""Answers are saved one question at a time: one row per question, the last value wins, none lost."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from assessor.domain.responses import NOT_APPLICABLE, Respondent, Response
from assessor.store.engine import session_scope
from assessor.store.mapping import to_response
from assessor.store.models import Answer
from assessor.store.records import RespondentRecord
from assessor.store.repositories import AnswerRepository, RespondentRepository
from tests.store.support import FirmData

THREADS = 8
SAVES = 25


def invite(
    sessions: sessionmaker[Session], work: FirmData, name: str | None = None
) -> RespondentRecord:
    """A new respondent of the firm's assessment."""
    with session_scope(sessions) as session:
        invitation = RespondentRepository(session).invite(
            work.firm.id, work.assessment.id, role="manager", name=name
        )
    assert invitation is not None
    return invitation.respondent


def rows(sessions: sessionmaker[Session], respondent_id: int) -> int:
    """How many answer rows a respondent has."""
    with session_scope(sessions) as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(Answer)
                .where(Answer.respondent_id == respondent_id)
            )
            or 0
        )


def test_saving_again_keeps_one_row_and_the_last_value(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    respondent = invite(sessions, acme)
    for value in ("2", "3", "4"):
        with session_scope(sessions) as session:
            AnswerRepository(session).save_answer(
                respondent.id, "strategy-documented", value, comment=f"said {value}"
            )
    with session_scope(sessions) as session:
        AnswerRepository(session).save_answer(respondent.id, "strategy-documented", "4")
        (answer,) = AnswerRepository(session).of_respondent(respondent.id)
    assert (answer.question_id, answer.value, answer.comment) == ("strategy-documented", "4", None)
    assert rows(sessions, respondent.id) == 1


def test_a_cleared_answer_is_gone(sessions: sessionmaker[Session], acme: FirmData) -> None:
    respondent = invite(sessions, acme)
    with session_scope(sessions) as session:
        answers = AnswerRepository(session)
        answers.save_answer(respondent.id, "a", "yes")
        answers.save_answer(respondent.id, "b", 12)
        assert answers.clear_answer(respondent.id, "a")
        assert not answers.clear_answer(respondent.id, "a")
        assert [a.question_id for a in answers.of_respondent(respondent.id)] == ["b"]


def test_an_answer_of_the_wrong_kind_is_refused(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    respondent = invite(sessions, acme)
    with session_scope(sessions) as session:
        answers = AnswerRepository(session)
        with pytest.raises(TypeError):
            answers.save_answer(respondent.id, "a", True)
        with pytest.raises(TypeError):
            answers.save_answer(respondent.id, "a", ["ok", 3])  # type: ignore[list-item]
        with pytest.raises(ValueError):
            answers.save_answer(respondent.id, "a", float("nan"))


def test_concurrent_saves_lose_nothing_and_duplicate_nothing(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        invitation = RespondentRepository(session).invite(
            acme.firm.id, acme.assessment.id, role="staff"
        )
    assert invitation is not None
    respondent = invitation.respondent
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def answer_questions(thread: int) -> None:
        try:
            start.wait()
            for i in range(SAVES):
                with session_scope(sessions) as session:  # one request: open the link, save
                    found = RespondentRepository(session).find_by_token(invitation.token)
                    assert found == respondent
                    answers = AnswerRepository(session)
                    answers.save_answer(found.id, f"own-{thread}-{i}", float(i))
                    answers.save_answer(found.id, "shared", f"thread-{thread}-save-{i}")
        except BaseException as exc:
            failures.append(exc)

    workers = [threading.Thread(target=answer_questions, args=(t,)) for t in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert failures == []
    with session_scope(sessions) as session:
        saved = {
            a.question_id: a.value for a in AnswerRepository(session).of_respondent(respondent.id)
        }
    assert rows(sessions, respondent.id) == THREADS * SAVES + 1
    assert {q: v for q, v in saved.items() if q != "shared"} == {
        f"own-{t}-{i}": float(i) for t in range(THREADS) for i in range(SAVES)
    }
    assert saved["shared"] in {f"thread-{t}-save-{SAVES - 1}" for t in range(THREADS)}


def test_answers_come_back_as_the_domains_response(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    respondent = invite(sessions, acme, name="Jane Doe")
    with session_scope(sessions) as session:
        answers = AnswerRepository(session)
        answers.save_answer(respondent.id, "channels", ("email", "phone"))
        answers.save_answer(respondent.id, "staff-count", 120)
        answers.save_answer(respondent.id, "budget", 2.5, evidence="Board minutes")
        answers.save_answer(respondent.id, "sponsor", NOT_APPLICABLE, comment="No board yet")
        answers.save_answer(respondent.id, "crm-software-status", "bought-not-live")
        answers.save_answer(respondent.id, "empty-choice", [])
        RespondentRepository(session).mark_submitted(respondent.id)
    with session_scope(sessions) as session:
        ((submitted, saved),) = AnswerRepository(session).of_assessment(
            acme.firm.id, acme.assessment.id
        )

    response = to_response(submitted, saved)

    assert response == Response(
        respondent=Respondent(id=respondent.public_id, name="Jane Doe", role="manager"),
        answers={
            "channels": ("email", "phone"),
            "staff-count": 120.0,
            "budget": 2.5,
            "sponsor": "n/a",
            "crm-software-status": "bought-not-live",
            "empty-choice": (),
        },
        evidence={"budget": "Board minutes"},
        comments={"sponsor": "No board yet"},
    )
    assert isinstance(response.answers["staff-count"], float)


def test_an_anonymous_respondent_has_an_empty_name_and_only_submitted_ones_are_scored(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    anonymous = invite(sessions, acme)
    invite(sessions, acme, name="Still answering")
    with session_scope(sessions) as session:
        RespondentRepository(session).mark_submitted(anonymous.id)
        scored = AnswerRepository(session).of_assessment(acme.firm.id, acme.assessment.id)
        everyone = AnswerRepository(session).of_assessment(
            acme.firm.id, acme.assessment.id, submitted_only=False
        )
    assert [r.id for r, _ in scored] == [anonymous.id]
    assert len(everyone) == 2
    assert to_response(*scored[0]).respondent.name == ""
