"""The answer model: who answered, what they answered, and how answer values are spelled."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from assessor.domain.schema import Scalar

NOT_APPLICABLE = "n/a"
"""The answer of a respondent for whom a question does not apply."""
DONT_KNOW = "dont-know"
"""The answer of a respondent who does not know: answered, never scored."""
DONT_KNOW_SPELLINGS = frozenset({"dont-know", "don't know", "dont know", "don't-know"})
"""How a respondent may write "don't know" in an answers file or a form (any case)."""
UNSCORED_ANSWERS = frozenset({NOT_APPLICABLE, DONT_KNOW})
"""Answers that count as given but carry no score and match no risk test by default."""

ROLES: tuple[str, ...] = ("executive", "manager", "staff", "it", "external")
"""The default roles (the readiness model's `roles:` when it names none); use `Content.role_ids`."""

AnswerValue = str | float | tuple[str, ...]
"""An answer as a `Response` holds it: option value, tuple of values, number, text or n/a."""


@dataclass(frozen=True)
class Respondent:
    """Who answered: a stable id (file or database), a display name and a role.

    Two respondents with the same name are two people: everything per respondent is keyed
    by `id`, never by `name`.
    """

    id: str
    name: str
    role: str
    source: str | None = None
    """Where the answers came from (a file), for messages; None for a database."""


@dataclass(frozen=True)
class Response:
    """One respondent's answers, already checked against the questionnaire.

    Values: an option value as text, a tuple of option values (multiple choice),
    a float (number), free text, `NOT_APPLICABLE` or `DONT_KNOW`.
    """

    respondent: Respondent
    answers: Mapping[str, AnswerValue]
    evidence: Mapping[str, str] = field(default_factory=dict)
    comments: Mapping[str, str] = field(default_factory=dict)


def value_key(value: Scalar) -> str:
    """The canonical spelling of an option value: `true`, `3`, `2.5`, `live`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def answer_keys(value: AnswerValue) -> list[str]:
    """The lower-case option keys an answer stands for (several for multiple choice)."""
    if isinstance(value, tuple):
        return [v.lower() for v in value]
    if isinstance(value, float):
        return [value_key(value).lower()]
    return [value.lower()]
