"""Load a folder of content files into one validated, cross-referenced `Content`."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from assessor.domain.content import Content, LoadedFile
from assessor.domain.crossref import check_content
from assessor.domain.crossref.base import UNREADABLE
from assessor.domain.errors import ContentError, ContentInvalid
from assessor.domain.schema import (
    KINDS,
    ContentFile,
    ContentModel,
    Framework,
    Question,
    QuestionBank,
    Questionnaire,
    ReadinessModel,
    RoadmapModel,
)
from assessor.domain.yamlsrc import (
    MAX_FILE_BYTES,
    SourceDoc,
    SourceError,
    YamlPath,
    format_path,
    read_yaml,
)

CONTENT_SUFFIXES = (".yaml", ".yml")

_FILE_ADAPTER: TypeAdapter[ContentModel] = TypeAdapter(ContentFile)


def discover(paths: Sequence[Path], base: Path | None = None) -> list[tuple[Path, str]]:
    """Every content file under the given files and folders, with its display name."""
    found: list[tuple[Path, str]] = []
    for root in paths:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix in CONTENT_SUFFIXES and path.is_file() and not _hidden(path, root):
                    found.append((path, display_name(path, base)))
        else:
            found.append((root, display_name(root, base)))
    return found


def display_name(path: Path, base: Path | None = None) -> str:
    """A path as a user reads it: relative to `base` (the caller's working folder) when inside."""
    if path.is_absolute() and base is not None:
        try:
            return str(path.relative_to(base))
        except ValueError:
            return str(path)
    return str(path)


def _hidden(path: Path, root: Path) -> bool:
    """Hidden files, and the reports/ folder of a content folder (templates, not content)."""
    parts = path.relative_to(root).parts
    return any(part.startswith(".") for part in parts) or parts[0] == REPORTS_FOLDER


REPORTS_FOLDER = "reports"
"""A content folder's reports/ holds report templates and wording, checked as reports."""


def parse_files(
    files: Iterable[tuple[Path, str]], unverified: dict[str, set[str]] | None = None
) -> tuple[list[LoadedFile], list[ContentError]]:
    """Read and schema-check each file; return the good ones and every error found.

    Ids found in files that fail the schema check are added to `unverified`.
    """
    loaded: list[LoadedFile] = []
    errors: list[ContentError] = []
    for path, display in files:
        try:
            doc = read_yaml(path, display)
        except SourceError as exc:
            errors.append(ContentError(exc.file, exc.line, "", exc.message))
            if unverified is not None:
                unverified.setdefault(UNREADABLE, set()).update(_ids_in_text(path))
            continue
        model, file_errors = _validate_doc(doc)
        errors.extend(file_errors)
        if model is not None:
            loaded.append(LoadedFile(doc, model))
        elif unverified is not None:
            _collect_ids(doc.data, unverified)
    return loaded, errors


_LISTED_IDS = {
    "questions": "question",
    "answer_sets": "answer set",
    "risks": "risk",
    "actions": "action",
    "kpis": "KPI",
    "phases": "phase",
    "bands": "band",
    "references": "reference",
}


_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)['\"]?\s*(?:#.*)?$")


def _ids_in_text(path: Path) -> set[str]:
    """Every `id: x` line of a file that is not valid YAML, so that references to its ids are
    not reported a second time as unknown (its own syntax error says what is wrong)."""
    try:
        text = path.read_bytes()[: MAX_FILE_BYTES + 1].decode("utf-8", errors="replace")
    except OSError:
        return set()
    return {m.group(1) for line in text.splitlines() if (m := _ID_LINE.match(line))}


def _looks_like_framework(data: dict[str, Any]) -> bool:
    """A framework by its kind, or by its shape when the kind is missing or misspelt."""
    if data.get("kind") == "framework":
        return True
    return data.get("kind") not in KINDS and isinstance(data.get("dimensions"), list)


def _collect_ids(data: Any, found: dict[str, set[str]]) -> None:
    """Best-effort ids of a file that failed its schema check."""
    if not isinstance(data, dict):
        return
    if isinstance(data.get("kind"), str):
        found.setdefault("kind", set()).add(data["kind"])
    if _looks_like_framework(data) and isinstance(data.get("id"), str):
        found.setdefault("framework", set()).add(data["id"])
        for item in data.get("dimensions") or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.setdefault("dimension", set()).add(f"{data['id']}/{item['id']}")
    for key, kind in _LISTED_IDS.items():
        items = data.get(key)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    found.setdefault(kind, set()).add(item["id"])


def _validate_doc(doc: SourceDoc) -> tuple[ContentModel | None, list[ContentError]]:
    data = doc.data
    if not isinstance(data, dict):
        return None, [
            ContentError(doc.file, 1, "", "a content file must be a mapping with a 'kind'")
        ]
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        line = doc.line_of(("kind",))
        known = ", ".join(KINDS)
        what = "missing 'kind'" if kind is None else f"unknown kind {kind!r}"
        return None, [ContentError(doc.file, line, "kind", f"{what}; expected one of: {known}")]
    try:
        return _FILE_ADAPTER.validate_python(data), []
    except ValidationError as exc:
        errors = [_schema_error(doc, error) for error in exc.errors()]
        trimmed = _without_unknown_keys(data, exc)
    if trimmed is None:
        return None, errors
    try:
        return _FILE_ADAPTER.validate_python(trimmed), errors
    except ValidationError as again:  # what the unknown keys hid, e.g. a gate's unknown band
        return None, errors + [_schema_error(doc, error) for error in again.errors()]


def _without_unknown_keys(data: dict[str, Any], exc: ValidationError) -> dict[str, Any] | None:
    """The file's data without its unknown keys, when they are all its schema errors: it is
    then read (and cross-checked) in the same run. None when anything else is wrong."""
    if any(error["type"] != "extra_forbidden" for error in exc.errors()):
        return None
    trimmed = copy.deepcopy(data)
    for error in exc.errors():
        *parents, key = error["loc"]
        node: Any = trimmed
        for part in parents:
            found = (isinstance(node, dict) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            )
            if found:
                node = node[part]
            elif not isinstance(part, str):
                return None  # a location this data does not have: leave the file unread
            # else a union's tag (the file's kind, a condition's form): not a key of the data
        if not isinstance(node, dict):
            return None
        node.pop(key, None)
    return trimmed


def _schema_error(doc: SourceDoc, error: Any) -> ContentError:
    path = _data_path(doc.data, tuple(error["loc"]))
    kind = error["type"]
    if kind == "missing":
        field_name = error["loc"][-1]
        message = f"missing required key '{field_name}'"
        path = _data_path(doc.data, tuple(error["loc"][:-1]))
    elif kind == "extra_forbidden":
        key = error["loc"][-1]
        message = f"unknown key '{key}'"
        if path[-1:] != (key,):
            path = (*path, key)
    else:
        message = error["msg"].removeprefix("Value error, ")
    return ContentError(doc.file, doc.line_of(path), format_path(path), message)


def _data_path(data: Any, loc: tuple[Any, ...]) -> YamlPath:
    """Map a pydantic error location onto the YAML path, skipping union tags."""
    path: list[str | int] = []
    node = data
    for position, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            last = position == len(loc) - 1
            if not last and not isinstance(node[part], dict | list):
                continue  # a union's tag that is also a key of the data, e.g. `answer:`
            node = node[part]
            path.append(part)
    return tuple(path)


def assemble(
    loaded: Sequence[LoadedFile], unverified: dict[str, set[str]] | None = None
) -> Content:
    """Put parsed files together, resolving answer sets into question options."""
    frameworks: dict[str, Framework] = {}
    questions: dict[str, Question] = {}
    questionnaires: dict[str, Questionnaire] = {}
    readiness_models: dict[str, ReadinessModel] = {}
    roadmap_models: dict[str, RoadmapModel] = {}
    catalogues: dict[str, dict[str, Any]] = {
        "risks": {},
        "actions": {},
        "kpis": {},
        "references": {},
    }
    answer_sets = {
        answer_set.id: answer_set
        for item in reversed(loaded)
        if isinstance(item.model, QuestionBank)
        for answer_set in item.model.answer_sets
    }
    for item in loaded:
        model = item.model
        if isinstance(model, Framework):
            frameworks.setdefault(model.id, model)
        elif isinstance(model, QuestionBank):
            for question in model.questions:
                if question.answers is not None and question.answers in answer_sets:
                    options = answer_sets[question.answers].options
                    question = question.model_copy(update={"options": options})
                questions.setdefault(question.id, question)
        elif isinstance(model, Questionnaire):
            questionnaires.setdefault(model.id, model)
        elif isinstance(model, ReadinessModel):
            readiness_models.setdefault(model.id, model)
        elif isinstance(model, RoadmapModel):
            roadmap_models.setdefault(model.id, model)
        else:
            collection = _COLLECTION[type(model).__name__]
            for entry in getattr(model, collection):
                catalogues[collection].setdefault(entry.id, entry)
    return Content(
        frameworks=frameworks,
        questions=questions,
        questionnaires=questionnaires,
        risks=catalogues["risks"],
        actions=catalogues["actions"],
        kpis=catalogues["kpis"],
        references=catalogues["references"],
        readiness_models=readiness_models,
        roadmap_models=roadmap_models,
        files=tuple(loaded),
        unverified=unverified or {},
        fingerprint=fingerprint(loaded),
    )


_COLLECTION = {
    "RiskCatalogue": "risks",
    "ActionLibrary": "actions",
    "KpiCatalogue": "kpis",
    "ReferenceList": "references",
}


def fingerprint(loaded: Sequence[LoadedFile]) -> str:
    """A hash of every loaded file's name and data, in load order (comments and layout aside)."""
    digest = hashlib.sha256()
    for item in loaded:
        data = json.dumps(item.doc.data, sort_keys=True, ensure_ascii=False, default=str)
        digest.update(Path(item.doc.file).name.encode("utf-8") + b"\0")
        digest.update(data.encode("utf-8") + b"\0")
    return digest.hexdigest()


def load(paths: Sequence[Path], base: Path | None = None) -> tuple[Content, list[ContentError]]:
    """Read, schema-check, assemble and cross-check content: the content and every error."""
    files = discover(paths, base)
    unverified: dict[str, set[str]] = {}
    loaded, errors = parse_files(files, unverified)
    content = assemble(loaded, unverified)
    where = ", ".join(display_name(Path(p), base) for p in paths) or "content"
    errors.extend(check_content(content, where))
    return content, sorted(set(errors))


def load_content(paths: Sequence[Path], base: Path | None = None) -> Content:
    """Load and fully validate content; raise ContentInvalid listing every error."""
    content, errors = load(paths, base)
    if errors:
        raise ContentInvalid(errors)
    return content
