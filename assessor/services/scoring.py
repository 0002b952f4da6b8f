"""Score answers files: read and check them, then score the assessment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assessor.domain import yamlsrc
from assessor.domain.answers import parse_response, parse_targets
from assessor.domain.content import Content
from assessor.domain.errors import InputError
from assessor.domain.results import Assessment, Response
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc, SourceError


def read_document(path: Path) -> SourceDoc:
    """Read a YAML or JSON input file; InputError names the file and line of any problem."""
    try:
        return yamlsrc.read_document(path, str(path))
    except SourceError as exc:
        raise InputError(str(exc)) from exc


def read_responses(
    content: Content, questionnaire_id: str, answer_paths: Sequence[Path]
) -> list[Response]:
    """Every answers file checked; InputError on any bad file or a respondent named twice."""
    if questionnaire_id not in content.questionnaires:
        known = ", ".join(content.questionnaires) or "none"
        raise InputError(f"unknown questionnaire '{questionnaire_id}'; known: {known}")
    if not answer_paths:
        raise InputError("give at least one answers file")
    responses: list[Response] = []
    problems: list[str] = []
    for path in answer_paths:
        try:
            responses.append(parse_response(read_document(path), content, questionnaire_id))
        except InputError as exc:
            problems.append(str(exc))
    seen: dict[str, str] = {}
    for response in responses:
        name, source = response.respondent.name, response.respondent.source
        if name.casefold() in seen:
            first = seen[name.casefold()]
            problems.append(f"{source}: respondent '{name}' already answered in {first}")
        seen.setdefault(name.casefold(), source)
    if problems:
        raise InputError("\n".join(problems))
    return responses


def assess(
    content: Content,
    questionnaire_id: str,
    answer_paths: Sequence[Path | str],
    targets_path: Path | str | None = None,
) -> Assessment:
    """Read answers (and targets) files and score them; nothing is scored if any is bad."""
    paths = [Path(p) for p in answer_paths]
    responses = read_responses(content, questionnaire_id, paths)
    targets = None
    if targets_path is not None:
        targets = parse_targets(read_document(Path(targets_path)), content)
    return score_assessment(content, questionnaire_id, responses, targets)
