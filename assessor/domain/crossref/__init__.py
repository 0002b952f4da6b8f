"""Cross-reference checks across content files: ids, references, cycles, ordering."""

from __future__ import annotations

from collections.abc import Iterator

from assessor.domain.content import Content, LoadedFile, citations, cited_sources
from assessor.domain.crossref.base import Report
from assessor.domain.crossref.catalogues import check_actions, check_risks
from assessor.domain.crossref.models import check_framework, check_readiness, check_roadmap
from assessor.domain.crossref.questions import check_bank, check_questionnaire
from assessor.domain.errors import ContentError
from assessor.domain.schema import (
    ActionLibrary,
    Framework,
    KpiCatalogue,
    QuestionBank,
    Questionnaire,
    ReadinessModel,
    RiskCatalogue,
    RoadmapModel,
)
from assessor.domain.yamlsrc import YamlPath


def check_content(content: Content, where: str = "content") -> list[ContentError]:
    """Every cross-reference error in the content, each at its file and line."""
    report = Report()
    _check_duplicates(content, report)
    for item in content.files:
        model = item.model
        if isinstance(model, Framework):
            check_framework(model, item, report)
        elif isinstance(model, QuestionBank):
            check_bank(model, item, content, report)
        elif isinstance(model, Questionnaire):
            check_questionnaire(model, item, content, report)
        elif isinstance(model, RiskCatalogue):
            check_risks(model, item, content, report)
        elif isinstance(model, ActionLibrary):
            check_actions(model, item, content, report)
        elif isinstance(model, ReadinessModel):
            check_readiness(model, item, content, report)
        elif isinstance(model, RoadmapModel):
            check_roadmap(model, item, report)
    _check_citations(content, report)
    for kind, found in (
        ("readiness-model", content.readiness_models),
        ("roadmap-model", content.roadmap_models),
    ):
        if not found and content.files and kind not in content.unverified.get("kind", set()):
            report.errors.append(ContentError(where, 0, "", f"no {kind} file found"))
    return report.errors


# --- citations -------------------------------------------------------------------------------


def _check_citations(content: Content, report: Report) -> None:
    """Every `[id]` a `source:` text cites names an entry of a references file."""
    known = set(content.references) | content.unverified.get("reference", set())
    for item in content.files:
        for path, text in cited_sources(item.doc.data):
            for ref in citations(text):
                if ref not in known:
                    report.add(item, path, f"unknown reference '{ref}' cited")


# --- ids -----------------------------------------------------------------------------------


def _ids(content: Content) -> Iterator[tuple[str, str, LoadedFile, YamlPath]]:
    """Every globally unique id: (kind, id, file, path)."""
    for item in content.files:
        model = item.model
        if isinstance(model, QuestionBank):
            for i, question in enumerate(model.questions):
                yield "question", question.id, item, ("questions", i, "id")
            for i, answer_set in enumerate(model.answer_sets):
                yield "answer set", answer_set.id, item, ("answer_sets", i, "id")
        elif isinstance(model, RiskCatalogue):
            for i, risk in enumerate(model.risks):
                yield "risk", risk.id, item, ("risks", i, "id")
        elif isinstance(model, ActionLibrary):
            for i, action in enumerate(model.actions):
                yield "action", action.id, item, ("actions", i, "id")
        elif isinstance(model, KpiCatalogue):
            for i, kpi in enumerate(model.kpis):
                yield "KPI", kpi.id, item, ("kpis", i, "id")
        else:
            yield model.kind.replace("-", " "), model.id, item, ("id",)


def _check_duplicates(content: Content, report: Report) -> None:
    seen: dict[tuple[str, str], tuple[LoadedFile, YamlPath]] = {}
    for kind, ident, item, path in _ids(content):
        if (kind, ident) in seen:
            first, first_path = seen[(kind, ident)]
            where = f"{first.doc.file}:{first.doc.line_of(first_path)}"
            report.add(item, path, f"duplicate {kind} id '{ident}' (first defined at {where})")
        else:
            seen[(kind, ident)] = (item, path)
