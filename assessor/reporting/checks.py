"""Check a consultant's reports/ folder as `assessor validate` checks content: every error at
its file and line. Templates must compile, wording keys must be ones the reports use, and the
layout must name frameworks the content has."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from assessor.config import shipped_content_dir
from assessor.domain.errors import ContentError
from assessor.domain.loader import display_name
from assessor.domain.yamlsrc import SourceError, read_yaml
from assessor.reporting.i18n import I18N_FOLDER, flatten
from assessor.reporting.render import template_errors
from assessor.reporting.settings import LAYOUT_FILE, Layout, problems_of

ENGLISH = f"{I18N_FOLDER}/en.yaml"
"""The wording file whose keys every other language's file may override, and no others."""


def report_folder_errors(
    folder: Path, frameworks: Collection[str], base: Path | None = None
) -> list[ContentError]:
    """Every problem of a reports/ folder: templates, wording files and the layout."""
    errors = template_errors(folder, base)
    known = _english_keys()
    for path in sorted((folder / I18N_FOLDER).glob("*.yaml")):
        errors.extend(_wording_errors(path, known, base))
    layout = folder / LAYOUT_FILE
    if layout.is_file():
        errors.extend(_layout_errors(layout, frameworks, base))
    return errors


def _english_keys() -> set[str]:
    """Every wording key of the shipped English file."""
    doc = read_yaml(shipped_content_dir() / "reports" / ENGLISH)
    return set(flatten(doc.data))


def _wording_errors(path: Path, known: set[str], base: Path | None) -> list[ContentError]:
    name = display_name(path.resolve(), base)
    try:
        doc = read_yaml(path, name)
    except SourceError as exc:
        return [ContentError(exc.file, exc.line, "", exc.message)]
    if not isinstance(doc.data, dict):
        return [ContentError(name, 1, "", "a wording file maps keys to texts")]
    errors = []
    for key in sorted(set(flatten(doc.data)) - known):
        parts = tuple(key.split("."))
        errors.append(ContentError(name, doc.line_of(parts), key, f"unknown wording key '{key}'"))
    return errors


def _layout_errors(
    path: Path, frameworks: Collection[str], base: Path | None
) -> list[ContentError]:
    name = display_name(path.resolve(), base)
    try:
        doc = read_yaml(path, name)
    except SourceError as exc:
        return [ContentError(exc.file, exc.line, "", exc.message)]
    problems = problems_of(Layout, doc)
    if problems:
        return [ContentError(name, line, where, message) for line, where, message in problems]
    data = doc.data if isinstance(doc.data, dict) else {}
    errors = [
        ContentError(name, doc.line_of((key,)), key, f"unknown framework '{value}'")
        for key, value in data.items()
        if key.endswith("_framework") and isinstance(value, str) and value not in frameworks
    ]
    for number, entry in enumerate(data.get("frameworks") or []):
        framework_id = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(framework_id, str) and framework_id not in frameworks:
            where = ("frameworks", number, "id")
            errors.append(
                ContentError(
                    name,
                    doc.line_of(where),
                    f"frameworks[{number}].id",
                    f"unknown framework '{framework_id}'",
                )
            )
    return errors
