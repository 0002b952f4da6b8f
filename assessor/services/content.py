"""Loading and describing content, for the CLI and the web app."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from assessor.config import CONTENT_FOLDERS, content_dir, content_paths
from assessor.domain.content import (
    NOT_APPLICABLE,
    Content,
    assemble,
    discover,
    load_content,
    parse_files,
)
from assessor.domain.crossref import check_content
from assessor.domain.errors import ContentError
from assessor.domain.schema import Question
from assessor.domain.text import tr
from assessor.reporting.render import template_errors


def load(root: str | Path | None = None) -> Content:
    """The validated content of a content directory (cached per directory)."""
    return _load_cached(content_dir(root).resolve())


@lru_cache(maxsize=8)
def _load_cached(root: Path) -> Content:
    return load_content(content_paths(root))


def validate(paths: Sequence[Path]) -> tuple[int, list[ContentError]]:
    """Validate the content files under `paths`: how many files, and every error."""
    files = discover(paths)
    unverified: dict[str, set[str]] = {}
    loaded, errors = parse_files(files, unverified)
    errors.extend(check_content(assemble(loaded, unverified), roots=paths))
    errors.extend(report_template_errors(paths))
    return len(files), sorted(set(errors))


def report_template_errors(paths: Sequence[Path]) -> list[ContentError]:
    """Templates that do not compile in the reports/ folder beside the content folders given."""
    folders = {
        (path.parent if path.name in CONTENT_FOLDERS else path) / "reports"
        for path in paths
        if path.is_dir()
    }
    return [
        error for folder in sorted(folders) if folder.is_dir() for error in template_errors(folder)
    ]


def describe_questionnaire(
    content: Content, questionnaire_id: str, lang: str = "en"
) -> dict[str, Any]:
    """A questionnaire resolved to its questions, options, mappings and conditions."""
    questionnaire = content.questionnaires[questionnaire_id]
    sections = [
        {
            "id": section.id,
            "title": tr(section.title, lang),
            "questions": [
                describe_question(content.questions[qid], lang) for qid in section.questions
            ],
        }
        for section in questionnaire.sections
    ]
    return {
        "id": questionnaire.id,
        "title": tr(questionnaire.title, lang),
        "audience": questionnaire.audience,
        "duration_minutes": questionnaire.duration_minutes,
        "frameworks": list(questionnaire.frameworks),
        "question_count": len(questionnaire.question_ids()),
        "sections": sections,
    }


def describe_question(question: Question, lang: str = "en") -> dict[str, Any]:
    """One question with its options (value, label, score), mappings, audience and condition."""
    options: list[dict[str, Any]] = [
        {"value": o.value, "label": tr(o.label, lang), "score": o.score}
        for o in question.options or []
    ]
    if question.not_applicable:
        options.append({"value": NOT_APPLICABLE, "label": "Not applicable", "score": None})
    condition = question.condition
    return {
        "id": question.id,
        "text": tr(question.text, lang),
        "help": tr(question.help, lang) or None,
        "type": question.type,
        "options": options,
        "weight": question.weight,
        "maps_to": [{"dimension": m.dimension, "weight": m.weight} for m in question.maps_to],
        "audience": list(question.audience),
        "condition": condition.model_dump(by_alias=True, exclude_none=True) if condition else None,
        "evidence": tr(question.evidence, lang) or None,
        "range": {"min": question.min, "max": question.max} if question.type == "number" else None,
    }
