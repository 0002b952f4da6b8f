"""Load a folder of content files into one validated, cross-referenced `Content`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from assessor.domain.errors import ContentError, ContentInvalid
from assessor.domain.schema import (
    KINDS,
    Action,
    ContentFile,
    ContentModel,
    Dimension,
    Framework,
    Kpi,
    Question,
    QuestionBank,
    Questionnaire,
    ReadinessModel,
    Risk,
    RoadmapModel,
)
from assessor.domain.yamlsrc import SourceDoc, SourceError, YamlPath, format_path, read_yaml

CONTENT_SUFFIXES = (".yaml", ".yml")
NOT_APPLICABLE = "n/a"

_FILE_ADAPTER: TypeAdapter[ContentModel] = TypeAdapter(ContentFile)


@dataclass(frozen=True)
class LoadedFile:
    """A content file's model together with where it came from."""

    doc: SourceDoc
    model: ContentModel

    def at(self, *path: str | int) -> tuple[str, int, str]:
        """The file, line and printable path of a location inside this file."""
        return self.doc.file, self.doc.line_of(path), format_path(path)


@dataclass
class Content:
    """Every framework, question, questionnaire, risk, action and KPI, by id."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    risks: dict[str, Risk] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    kpis: dict[str, Kpi] = field(default_factory=dict)
    readiness_models: dict[str, ReadinessModel] = field(default_factory=dict)
    roadmap_models: dict[str, RoadmapModel] = field(default_factory=dict)
    files: list[LoadedFile] = field(default_factory=list)
    unverified: dict[str, set[str]] = field(default_factory=dict)
    """Ids defined in files that failed their schema check, so references to them are not
    reported a second time as unknown."""

    @property
    def readiness(self) -> ReadinessModel:
        """The readiness model in force (the first one loaded)."""
        return next(iter(self.readiness_models.values()))

    @property
    def roadmap(self) -> RoadmapModel:
        """The roadmap model in force (the first one loaded)."""
        return next(iter(self.roadmap_models.values()))

    def dimension(self, ref: str) -> Dimension | None:
        """The dimension named `framework/dimension`, or None."""
        framework_id, _, dimension_id = ref.partition("/")
        framework = self.frameworks.get(framework_id)
        if framework is None:
            return None
        return next((d for d in framework.dimensions if d.id == dimension_id), None)

    def dimension_refs(self) -> list[str]:
        """Every dimension as `framework/dimension`, in framework order."""
        return [f"{f.id}/{d.id}" for f in self.frameworks.values() for d in f.dimensions]

    def questionnaire_questions(self, questionnaire_id: str) -> list[Question]:
        """The questions of a questionnaire, in asking order."""
        questionnaire = self.questionnaires[questionnaire_id]
        return [self.questions[qid] for qid in questionnaire.question_ids()]


def discover(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Every content file under the given files and folders, with its display name."""
    found: list[tuple[Path, str]] = []
    for root in paths:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix in CONTENT_SUFFIXES and path.is_file() and not _hidden(path, root):
                    found.append((path, display_name(path)))
        else:
            found.append((root, display_name(root)))
    return found


def display_name(path: Path) -> str:
    """A path as a user reads it: relative to the working directory when inside it."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)
    return str(path)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


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
}


def _collect_ids(data: Any, found: dict[str, set[str]]) -> None:
    """Best-effort ids of a file that failed its schema check."""
    if not isinstance(data, dict):
        return
    if data.get("kind") == "framework" and isinstance(data.get("id"), str):
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
        return None, [_schema_error(doc, error) for error in exc.errors()]


def _schema_error(doc: SourceDoc, error: Any) -> ContentError:
    path = _data_path(doc.data, tuple(error["loc"]))
    kind = error["type"]
    if kind == "missing":
        field_name = error["loc"][-1]
        message = f"missing required key '{field_name}'"
        path = _data_path(doc.data, tuple(error["loc"][:-1]))
    elif kind == "extra_forbidden":
        message = f"unknown key '{path[-1]}'"
    else:
        message = error["msg"].removeprefix("Value error, ")
    return ContentError(doc.file, doc.line_of(path), format_path(path), message)


def _data_path(data: Any, loc: tuple[Any, ...]) -> YamlPath:
    """Map a pydantic error location onto the YAML path, skipping union tags."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
            path.append(part)
    return tuple(path)


def assemble(
    loaded: Sequence[LoadedFile], unverified: dict[str, set[str]] | None = None
) -> Content:
    """Put parsed files together, resolving answer sets into question options."""
    content = Content(files=list(loaded), unverified=unverified or {})
    answer_sets = {
        answer_set.id: answer_set
        for item in reversed(loaded)
        if isinstance(item.model, QuestionBank)
        for answer_set in item.model.answer_sets
    }
    for item in loaded:
        model = item.model
        if isinstance(model, Framework):
            content.frameworks.setdefault(model.id, model)
        elif isinstance(model, QuestionBank):
            for question in model.questions:
                if question.answers is not None and question.answers in answer_sets:
                    options = answer_sets[question.answers].options
                    question = question.model_copy(update={"options": options})
                content.questions.setdefault(question.id, question)
        elif isinstance(model, Questionnaire):
            content.questionnaires.setdefault(model.id, model)
        elif isinstance(model, ReadinessModel):
            content.readiness_models.setdefault(model.id, model)
        elif isinstance(model, RoadmapModel):
            content.roadmap_models.setdefault(model.id, model)
        else:
            for entry in getattr(model, _COLLECTION[type(model).__name__]):
                getattr(content, _COLLECTION[type(model).__name__]).setdefault(entry.id, entry)
    return content


_COLLECTION = {"RiskCatalogue": "risks", "ActionLibrary": "actions", "KpiCatalogue": "kpis"}


def load_content(paths: Sequence[Path]) -> Content:
    """Load and fully validate content; raise ContentInvalid listing every error."""
    from assessor.domain.crossref import check_content

    unverified: dict[str, set[str]] = {}
    loaded, errors = parse_files(discover(paths), unverified)
    content = assemble(loaded, unverified)
    errors.extend(check_content(content, roots=paths))
    if errors:
        raise ContentInvalid(errors)
    return content
