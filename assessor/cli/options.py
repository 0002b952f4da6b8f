"""Options shared by the commands that score an assessment: score, roadmap, report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")


def assessment_options(command: F) -> F:
    """Add --questionnaire, --answers (files, folders or a shell glob), --targets and --lang."""
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
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def answer_files(*groups: Iterable[Path]) -> list[Path]:
    """The answers files named, with each folder replaced by its answers files in name order."""
    files: list[Path] = []
    for group in groups:
        for path in group:
            if path.is_dir():
                files.extend(
                    sorted(p for p in path.iterdir() if p.suffix in ANSWER_SUFFIXES and p.is_file())
                )
            else:
                files.append(path)
    return files
