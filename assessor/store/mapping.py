"""Between stored rows and the domain: answer JSON to answer values, respondents to Responses."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from assessor.domain.responses import AnswerValue, Respondent, Response
from assessor.store.records import AnswerRecord, RespondentRecord

JsonAnswer = str | float | list[str]
"""An answer as the JSON column holds it."""


def answer_value(stored: Any) -> AnswerValue:
    """The domain value of a stored answer: a list becomes a tuple of text, a number a float."""
    if isinstance(stored, list):
        return tuple(str(item) for item in stored)
    if isinstance(stored, int | float) and not isinstance(stored, bool):
        return float(stored)
    if isinstance(stored, str):
        return stored
    raise TypeError(f"unexpected stored answer {stored!r}")


def json_answer(value: str | float | Sequence[str]) -> JsonAnswer:
    """The JSON to store for an answer: text and numbers as they are, several values as a list."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | Sequence):
        raise TypeError(f"an answer is text, a number or a list of text, not {value!r}")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"a number answer must be finite, not {value!r}")
        return float(value)
    if not all(isinstance(item, str) for item in value):
        raise TypeError(f"a multiple-choice answer is a list of text, not {value!r}")
    return list(value)


def to_response(respondent: RespondentRecord, answers: Iterable[AnswerRecord]) -> Response:
    """A respondent and their saved answers as the domain's Response, ready to score."""
    answers = list(answers)
    return Response(
        respondent=Respondent(
            id=respondent.public_id, name=respondent.name or "", role=respondent.role
        ),
        answers={a.question_id: a.value for a in answers},
        evidence={a.question_id: a.evidence for a in answers if a.evidence},
        comments={a.question_id: a.comment for a in answers if a.comment},
    )
