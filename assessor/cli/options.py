"""Options shared by the commands that score an assessment: score, roadmap, report."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from assessor.cli.state import CliState
from assessor.domain.results import Assessment
from assessor.services.assessments import score
from assessor.services.files import answer_files, read_responses, read_targets

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class AssessmentInput:
    """What the scoring commands were asked to assess: questionnaire, answers, targets, language."""

    questionnaire_id: str
    answer_paths: list[Path]
    targets_path: Path | None
    lang: str

    def assess(self, state: CliState) -> Assessment:
        """Read the answers and targets files and score them; nothing is scored if any is bad."""
        ws = state.workspace()
        responses = read_responses(ws, self.questionnaire_id, self.answer_paths)
        return score(ws, self.questionnaire_id, responses, read_targets(ws, self.targets_path))


def day(value: dt.datetime | None) -> dt.date | None:
    """The date of a click DateTime option, if given."""
    return value.date() if value else None


def assessment_options(command: F) -> F:
    """Add --questionnaire, --answers (files, folders or a shell glob), --targets and --lang.

    The command receives them as one `AssessmentInput` named `assessment_input`.
    """
    decorators = [
        click.option(
            "--questionnaire", "questionnaire_id", required=True, help="Questionnaire id."
        ),
        click.option(
            "--answers",
            "answer_paths",
            required=True,
            multiple=True,
            type=click.Path(exists=True, path_type=Path),
            help="An answers file (YAML or JSON), or a folder of them; repeat for every "
            "respondent of a workshop. Files listed after it (a shell glob) count too.",
        ),
        click.argument("more_answers", nargs=-1, type=click.Path(exists=True, path_type=Path)),
        click.option(
            "--targets",
            "targets_path",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Target scores per dimension (YAML or JSON).",
        ),
        click.option(
            "--lang",
            default="en",
            show_default=True,
            help="Language of texts (falls back to English).",
        ),
    ]

    @functools.wraps(command)
    def gather(*args: Any, **kwargs: Any) -> Any:
        """Fold the five options into one AssessmentInput."""
        kwargs["assessment_input"] = AssessmentInput(
            questionnaire_id=kwargs.pop("questionnaire_id"),
            answer_paths=answer_files(kwargs.pop("answer_paths"), kwargs.pop("more_answers")),
            targets_path=kwargs.pop("targets_path"),
            lang=kwargs.pop("lang"),
        )
        return command(*args, **kwargs)

    wrapped: Any = gather
    for decorator in reversed(decorators):
        wrapped = decorator(wrapped)
    return wrapped  # type: ignore[no-any-return]
