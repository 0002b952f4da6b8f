"""Progress over time: two assessments of a client compared, as stored or re-scored."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from assessor.domain.comparison import Comparison, compare
from assessor.domain.errors import InputError
from assessor.domain.results import Assessment, Roadmap
from assessor.services.assessments import score
from assessor.services.exchange import import_document
from assessor.services.workspace import Workspace


def compare_assessments(
    ws: Workspace,
    before: Assessment,
    after: Assessment,
    roadmap: Roadmap | None = None,
    done: Collection[str] = (),
) -> Comparison:
    """What moved between an earlier and a later assessment, with the workspace's bands."""
    return compare(before, after, [band.id for band in ws.content.readiness.bands], roadmap, done)


def stored_assessment(data: Mapping[str, Any], file: str) -> Assessment:
    """The scored result kept in an export document, as it was scored then."""
    try:
        return Assessment.load(data["result"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{file}: the export holds no readable result") from exc


def rescored_assessment(ws: Workspace, data: Mapping[str, Any], file: str) -> Assessment:
    """The answers of an export document scored again on the workspace's content."""
    questionnaire, responses, targets = import_document(ws, data, file)
    return score(ws, questionnaire, responses, targets)


def compare_documents(
    ws: Workspace, documents: Sequence[tuple[Mapping[str, Any], str]], rescore: bool = False
) -> Comparison:
    """Compare two export documents (earlier first): as stored, or both re-scored now.

    Exports carry no record of which actions were done, so the comparison lists none; the web
    app's tracked plan does.
    """
    if len(documents) != 2:
        raise InputError("compare takes two exports: the earlier, then the later")
    if rescore:
        before, after = (rescored_assessment(ws, data, file) for data, file in documents)
    else:
        before, after = (stored_assessment(data, file) for data, file in documents)
    return compare_assessments(ws, before, after)
