"""Consensus: the answers a workshop agreed, applied to its respondents' answers before scoring.

Two ways to score a workshop: as the respondents answered, or with the room's agreement. With
consensus, each respondent's answer to an agreed question is replaced by the agreed answer, so
that question's aggregate *is* the agreed answer, and its follow-up questions are shown as the
room decided. An agreed question nobody answered is answered once by a `consensus` respondent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessor.domain.responses import AnswerValue, Respondent, Response

CONSENSUS_ID = "consensus"
CONSENSUS_ROLE = "consensus"
"""The role of the respondent who stands for the room (never one of the people's roles)."""


@dataclass(frozen=True)
class Agreement:
    """The answer the room agreed for one question, and why."""

    question: str
    value: AnswerValue
    note: str | None = None


def with_consensus(
    responses: Sequence[Response], agreed: Mapping[str, AnswerValue]
) -> list[Response]:
    """The responses with every agreed answer in place of the respondents' own."""
    if not agreed:
        return list(responses)
    replaced = [
        Response(
            respondent=r.respondent,
            answers={q: agreed.get(q, v) for q, v in r.answers.items()},
            evidence=r.evidence,
            comments=r.comments,
        )
        for r in responses
    ]
    answered = {q for r in responses for q in r.answers}
    unanswered = {q: v for q, v in agreed.items() if q not in answered}
    if unanswered:
        room = Respondent(id=CONSENSUS_ID, name="Consensus", role=CONSENSUS_ROLE)
        replaced.append(Response(respondent=room, answers=unanswered))
    return replaced
