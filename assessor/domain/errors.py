"""Errors that name the file, line and place of what is wrong."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


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


class InputError(Exception):
    """Bad user input (answers, targets, options): a message naming file, respondent and question."""
