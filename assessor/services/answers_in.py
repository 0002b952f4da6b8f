"""Answers imported into an assessment: from a JSON export, or a CSV/XLSX table with a mapping.

Every response is checked before anything is stored: a file with any bad row or value is
refused whole (InputError listing each problem with its row and column).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from assessor.domain.errors import InputError
from assessor.domain.responses import Response
from assessor.services.accounts import UserRecord
from assessor.services.answer_import import responses_from_rows
from assessor.services.clients import assessment_of
from assessor.services.exchange import import_document
from assessor.services.spreadsheets import read_table
from assessor.services.workspace import Workspace
from assessor.store.repositories import AnswerRepository, RespondentRepository

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
"""The largest table accepted (the web app's body limit is smaller still)."""


def document_responses(ws: Workspace, document: Any, file: str) -> tuple[str, list[Response]]:
    """The questionnaire and responses of a JSON export document, every answer checked."""
    questionnaire_id, responses, _ = import_document(ws, document, file)
    return questionnaire_id, responses


def table_responses(
    ws: Workspace, mapping: Mapping[str, Any], data: bytes, suffix: str, file: str
) -> tuple[str, list[Response]]:
    """The responses of a CSV or XLSX table through a mapping, read with the bounded reader."""
    if suffix not in (".csv", ".xlsx"):
        raise InputError(f"{file}: a table is read from .csv or .xlsx")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(f"{file}: {len(data):,} bytes; the limit is {MAX_UPLOAD_BYTES:,} bytes")
    with tempfile.TemporaryDirectory(prefix="assessor-import-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            _, rows = read_table(path)
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), file)) from None
    if not rows:
        raise InputError(f"{file}: the table has no rows under its header")
    return responses_from_rows(ws, mapping, rows, file)


def store_responses(
    session: Session,
    user: UserRecord,
    assessment_id: int,
    questionnaire_id: str,
    responses: Sequence[Response],
) -> list[int] | None:
    """Each response as a submitted respondent of the firm's assessment; None if not the firm's."""
    record = assessment_of(session, user, assessment_id)
    if record is None:
        return None
    if questionnaire_id != record.questionnaire_id:
        raise InputError(
            f"the answers are to '{questionnaire_id}'; the assessment asks "
            f"'{record.questionnaire_id}'"
        )
    return [store_response(session, record.firm_id, record.id, response) for response in responses]


def store_response(session: Session, firm_id: int, assessment_id: int, response: Response) -> int:
    """The response as a new respondent of the firm's assessment, answers and notes saved and
    marked submitted; the respondent's id."""
    people = RespondentRepository(session)
    invitation = people.invite(
        firm_id, assessment_id, role=response.respondent.role, name=response.respondent.name
    )
    assert invitation is not None  # the assessment is the firm's
    answers = AnswerRepository(session)
    for qid, value in response.answers.items():
        answers.save_answer(
            invitation.respondent.id,
            qid,
            value,
            evidence=response.evidence.get(qid),
            comment=response.comments.get(qid),
        )
    people.mark_submitted(invitation.respondent.id)
    return invitation.respondent.id
