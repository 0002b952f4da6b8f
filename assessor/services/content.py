"""Loading and describing content, for the CLI and the web app."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assessor.config import CONTENT_FOLDERS, REPORTS_FOLDER, content_paths
from assessor.domain.content import Content
from assessor.domain.errors import ContentError
from assessor.domain.loader import discover, load
from assessor.domain.responses import DONT_KNOW, NOT_APPLICABLE
from assessor.domain.schema import Question
from assessor.domain.text import is_translated, tr
from assessor.domain.translations import missing_translations
from assessor.reporting.checks import report_folder_errors

CATALOGUES = ("frameworks", "risks", "actions", "kpis")
"""The kinds of content `describe_catalogue` lists."""


def validate(
    paths: Sequence[Path], base: Path | None = None, lang: str | None = None
) -> tuple[int, list[ContentError]]:
    """Validate the content files under `paths` and their reports/ templates: every error.

    With `lang`, every text without a version in that language is an error too.
    """
    content, errors = load(paths, base)
    errors.extend(report_errors(paths, content.frameworks, base))
    if lang is not None:
        errors.extend(missing_translations(content, lang))
    return len(discover(paths, base)), sorted(set(errors))


def report_errors(
    paths: Sequence[Path], frameworks: Collection[str], base: Path | None = None
) -> list[ContentError]:
    """Every problem of the reports/ folder beside the content folders given."""
    folders = {
        (path.parent if path.name in CONTENT_FOLDERS else path) / REPORTS_FOLDER
        for path in paths
        if path.is_dir()
    }
    return [
        error
        for folder in sorted(folders)
        if folder.is_dir()
        for error in report_folder_errors(folder, frameworks, base)
    ]


def validation_targets(root: Path) -> list[Path]:
    """The folders of a content directory that `validate` checks when given no paths."""
    return content_paths(root)


def describe_catalogue(content: Content, what: str, lang: str = "en") -> list[dict[str, Any]]:
    """Every framework, risk, action or KPI as plain data, its texts in one language; the
    frameworks in the order the readiness model weighs them, then the others in file order."""
    weighed = [e.framework for e in content.readiness.overall] if content.readiness_models else []
    ordered = sorted(
        content.frameworks,
        key=lambda fid: weighed.index(fid) if fid in weighed else len(weighed),
    )
    collections: dict[str, Mapping[str, BaseModel]] = {
        "frameworks": {fid: content.frameworks[fid] for fid in ordered},
        "risks": content.risks,
        "actions": content.actions,
        "kpis": content.kpis,
    }
    return [
        localise(item.model_dump(by_alias=True, exclude_none=True), lang)
        for item in collections[what].values()
    ]


def describe_questionnaires(content: Content, lang: str = "en") -> list[dict[str, Any]]:
    """Every questionnaire: id, title, audience and how many questions it asks."""
    return [
        {
            "id": q.id,
            "title": tr(q.title, lang),
            "audience": q.audience,
            "questions": len(q.question_ids()),
        }
        for q in content.questionnaires.values()
    ]


def localise(value: Any, lang: str) -> Any:
    """Plain data with every translated text replaced by its text in one language."""
    if is_translated(value):
        return tr(value, lang)
    if isinstance(value, dict):
        return {k: localise(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, lang) for v in value]
    return value


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
    if question.dont_know:
        options.append({"value": DONT_KNOW, "label": "Don't know", "score": None})
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
