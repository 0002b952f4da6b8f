"""Errors that name the file, line and place of what is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in a content file, printed as `file:line: path: message`."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path and self.path != "(document)" else ""
        place = f"{self.file}:{self.line}" if self.line > 0 else self.file
        return f"{place}: {where}{self.message}"


class ContentInvalid(Exception):
    """Content that failed validation, with every error found."""

    def __init__(self, errors: Sequence[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


ProblemKind = Literal[
    "invalid",
    "syntax",
    "unknown-key",
    "missing",
    "unknown-questionnaire",
    "unknown-question",
    "unknown-dimension",
    "not-an-option",
    "not-a-number",
    "out-of-range",
    "not-applicable",
    "dont-know",
    "not-text",
    "bad-role",
    "duplicate",
]
"""What kind of problem an input has: a form shows each beside its field, by kind and place."""


@dataclass(frozen=True)
class AnswerProblem:
    """One problem in answers or targets: where (file, line, respondent, question) and what."""

    message: str
    kind: ProblemKind = "invalid"
    respondent: str | None = None
    question: str | None = None
    value: Any = None
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = [f"respondent '{self.respondent}'"] if self.respondent else []
        if self.question:
            where.append(f"question '{self.question}'")
        prefix = ", ".join(where)
        text = f"{prefix}: {self.message}" if prefix else self.message
        if self.file is None:
            return text
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{place}: {text}"


class InputError(Exception):
    """Bad user input (answers, targets, options), with every problem found.

    Printed, one problem a line, each naming its file, line, respondent and question.
    """

    def __init__(self, problems: str | Sequence[AnswerProblem]) -> None:
        if isinstance(problems, str):
            problems = [AnswerProblem(problems)]
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
