"""The content model: every framework, question, risk, action and KPI, by id, unchanging."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assessor.domain.schema import (
    CITATION,
    DEFAULT_AUDIENCES,
    DEFAULT_PILLARS,
    DEFAULT_ROLES,
    Action,
    ContentModel,
    Dimension,
    Framework,
    Kpi,
    Question,
    Questionnaire,
    ReadinessModel,
    Reference,
    Risk,
    RoadmapModel,
    RoleTerm,
    Term,
)
from assessor.domain.yamlsrc import SourceDoc, format_path


@dataclass(frozen=True)
class LoadedFile:
    """A content file's model together with where it came from."""

    doc: SourceDoc
    model: ContentModel

    def at(self, *path: str | int) -> tuple[str, int, str]:
        """The file, line and printable path of a location inside this file."""
        return self.doc.file, self.doc.line_of(path), format_path(path)


@dataclass(frozen=True, eq=False)
class Content:
    """Every framework, question, questionnaire, risk, action and KPI, by id.

    Built once by the loader and never changed afterwards: the scoring plans compiled from
    it are kept on it (`plans`), and its `fingerprint` (a hash of every content file) stamps
    every result scored with it.
    """

    frameworks: Mapping[str, Framework] = field(default_factory=dict)
    questions: Mapping[str, Question] = field(default_factory=dict)
    questionnaires: Mapping[str, Questionnaire] = field(default_factory=dict)
    risks: Mapping[str, Risk] = field(default_factory=dict)
    actions: Mapping[str, Action] = field(default_factory=dict)
    kpis: Mapping[str, Kpi] = field(default_factory=dict)
    readiness_models: Mapping[str, ReadinessModel] = field(default_factory=dict)
    roadmap_models: Mapping[str, RoadmapModel] = field(default_factory=dict)
    references: Mapping[str, Reference] = field(default_factory=dict)
    """Publications the `source:` fields cite as `[id]`, in file order (see cited_references)."""
    files: Sequence[LoadedFile] = ()
    unverified: Mapping[str, set[str]] = field(default_factory=dict)
    """Ids defined in files that failed their schema check, so references to them are not
    reported a second time as unknown."""
    fingerprint: str = ""
    """A hash of every content file's name and bytes: equal fingerprints, equal content."""
    plans: dict[str, Any] = field(default_factory=dict, repr=False)
    """Scoring plans compiled from this content, by questionnaire id (see sheet.scoring_plan)."""

    @property
    def readiness(self) -> ReadinessModel:
        """The readiness model in force (the first one loaded)."""
        return next(iter(self.readiness_models.values()))

    @property
    def roadmap(self) -> RoadmapModel:
        """The roadmap model in force (the first one loaded)."""
        return next(iter(self.roadmap_models.values()))

    @property
    def roles(self) -> list[RoleTerm]:
        """The respondent roles the readiness model defines (today's five by default)."""
        return list(self.readiness.roles) if self.readiness_models else list(DEFAULT_ROLES)

    @property
    def role_ids(self) -> tuple[str, ...]:
        """The respondent role ids, in content order."""
        return tuple(role.id for role in self.roles)

    @property
    def perception_roles(self) -> frozenset[str]:
        """The roles the perception gap compares with everyone else (`perception: true`)."""
        return frozenset(role.id for role in self.roles if role.perception)

    @property
    def audiences(self) -> list[Term]:
        """The questionnaire audiences the readiness model defines."""
        return list(self.readiness.audiences) if self.readiness_models else list(DEFAULT_AUDIENCES)

    @property
    def pillars(self) -> list[Term]:
        """The risk pillars the readiness model defines."""
        return list(self.readiness.pillars) if self.readiness_models else list(DEFAULT_PILLARS)

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


def citations(text: object) -> list[str]:
    """The reference ids a `source:` text (or translated text) cites, in order."""
    if isinstance(text, Mapping):
        return [ref for value in text.values() for ref in citations(value)]
    return re.findall(CITATION, text) if isinstance(text, str) else []


def cited_sources(data: object) -> list[tuple[tuple[str | int, ...], object]]:
    """Every `source:` value inside a content file's data, with its path, in file order."""
    found: list[tuple[tuple[str | int, ...], object]] = []

    def walk(node: object, path: tuple[str | int, ...]) -> None:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "source":
                    found.append(((*path, key), value))
                else:
                    walk(value, (*path, str(key)))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*path, i))

    walk(data, ())
    return found


def cited_references(content: Content) -> list[Reference]:
    """The references the content cites, each once, numbered by order of first citation.

    For a report's reference list: entry i is printed as [i + 1]. Citations of unknown ids
    are left out (`assessor validate` reports them).
    """
    order: dict[str, None] = {}
    for item in content.files:
        for _, text in cited_sources(item.doc.data):
            for ref in citations(text):
                if ref in content.references:
                    order.setdefault(ref)
    return [content.references[ref] for ref in order]
