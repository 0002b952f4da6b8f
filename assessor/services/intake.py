"""Take answers and targets in, from parsed documents (files) or from forms, with every problem."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assessor.domain.answers import check_targets, parse_answers, parse_response, parse_targets
from assessor.domain.errors import AnswerProblem, InputError
from assessor.domain.responses import AnswerValue, Response
from assessor.domain.sheet import scoring_plan, shown_questions
from assessor.domain.yamlsrc import SourceDoc
from assessor.services.workspace import Workspace


def responses_from_documents(
    ws: Workspace, questionnaire_id: str, docs: Sequence[SourceDoc]
) -> list[Response]:
    """Every respondent's document checked; InputError listing every problem of every one."""
    ws.questionnaire(questionnaire_id)
    if not docs:
        raise InputError("give at least one answers file")
    responses: list[Response] = []
    problems: list[AnswerProblem] = []
    for doc in docs:
        try:
            responses.append(parse_response(doc, ws.content, questionnaire_id))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return responses


def targets_from_document(ws: Workspace, doc: SourceDoc) -> dict[str, float]:
    """The target of every dimension from a targets document; InputError on any bad entry."""
    return parse_targets(doc, ws.content)


def targets_from_mapping(
    ws: Workspace, given: Mapping[str, Any], default: float | None = None
) -> dict[str, float]:
    """The target of every dimension from a mapping (a form, the API); InputError on any bad one."""
    return check_targets(ws.content, given, default)


def answers_from_form(
    ws: Workspace, questionnaire_id: str, given: Mapping[str, Any], respondent: str | None = None
) -> tuple[dict[str, AnswerValue], list[AnswerProblem]]:
    """A form's answers in stored form, and a problem for each bad one (to show beside its field)."""
    ws.questionnaire(questionnaire_id)
    return parse_answers(ws.content, questionnaire_id, given, respondent)


def shown_question_ids(
    ws: Workspace, questionnaire_id: str, answers: Mapping[str, AnswerValue]
) -> list[str]:
    """The questions a respondent is shown given their answers so far, in asking order."""
    ws.questionnaire(questionnaire_id)
    plan = scoring_plan(ws.content, questionnaire_id)
    return [question.id for question in shown_questions(plan, answers)]
