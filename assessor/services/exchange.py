"""Exchange an assessment with the tools consultants already use: XLSX to read, JSON to move.

The XLSX workbook has one sheet each for answers, scores, risks, roadmap and progress,
formatted for reading. The JSON document carries the respondents' answers, the targets and the
scored result; importing it scores the same answers again, so export then import gives
identical scores. Free text never runs as a spreadsheet formula (`neutral`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from assessor.domain.answers import Problems, check_answers
from assessor.domain.errors import AnswerProblem, InputError
from assessor.domain.responses import AnswerValue, Respondent, Response, value_key
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.text import tr
from assessor.services.results import describe_evidence, describe_rationale
from assessor.services.workspace import Workspace

EXPORT_KIND = "assessment-export"
EXPORT_VERSION = 1
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these may run as a formula in a spreadsheet."""
STATUSES = ("not started", "in progress", "done", "blocked")


def neutral(text: str) -> str:
    """Text a spreadsheet shows as text: a leading = + - @ tab or return gets a ' before it."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


# --- JSON ----------------------------------------------------------------------------------------


def export_document(
    questionnaire_id: str,
    responses: Sequence[Response],
    targets: Mapping[str, float] | None,
    assessment: Assessment,
    roadmap: Roadmap | None = None,
) -> dict[str, Any]:
    """An assessment as one JSON document: answers, targets, and the scored result."""
    return {
        "kind": EXPORT_KIND,
        "version": EXPORT_VERSION,
        "questionnaire": questionnaire_id,
        "content_fingerprint": assessment.content_fingerprint,
        "engine_version": assessment.engine_version,
        "targets": dict(targets or {}),
        "respondents": [_respondent_entry(r) for r in responses],
        "result": assessment.dump(),
        "roadmap": roadmap.dump() if roadmap is not None else None,
    }


def _respondent_entry(response: Response) -> dict[str, Any]:
    who = response.respondent
    return {
        "id": who.id,
        "name": who.name,
        "role": who.role,
        "answers": {q: list(v) if isinstance(v, tuple) else v for q, v in response.answers.items()},
        "evidence": dict(response.evidence),
        "comments": dict(response.comments),
    }


def import_document(
    ws: Workspace, data: Any, file: str
) -> tuple[str, list[Response], dict[str, float] | None]:
    """The questionnaire, responses and targets of an exported document, every answer checked."""
    if not isinstance(data, dict) or data.get("kind") != EXPORT_KIND:
        raise InputError(f"{file}: not an assessment export (kind: {EXPORT_KIND})")
    questionnaire_id = data.get("questionnaire")
    if not isinstance(questionnaire_id, str):
        raise InputError(f"{file}: the export names no questionnaire")
    ws.questionnaire(questionnaire_id)
    asked = {q.id: q for q in ws.content.questionnaire_questions(questionnaire_id)}
    entries = data.get("respondents")
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{file}: the export has no respondents")
    responses, found = [], []
    for number, entry in enumerate(entries, start=1):
        problems = Problems(respondent=f"#{number}")
        response = _response(entry, asked, questionnaire_id, ws.content.role_ids, problems)
        found.extend(problems.found)
        if response is not None:
            responses.append(response)
    targets = data.get("targets") or None
    if found:
        raise InputError([_placed(p, file) for p in found])
    return questionnaire_id, responses, dict(targets) if targets else None


def _response(
    entry: Any,
    asked: Mapping[str, Any],
    questionnaire_id: str,
    roles: Sequence[str],
    problems: Problems,
) -> Response | None:
    if not isinstance(entry, dict):
        problems.add((), "a respondent is a mapping with id, name, role and answers")
        return None
    identity, name, role = entry.get("id"), entry.get("name", ""), entry.get("role")
    if not isinstance(identity, str) or not identity:
        problems.add((), "the respondent has no id", kind="missing")
    if role not in roles:
        problems.add((), f"role '{role}' is not one of: {', '.join(roles)}", kind="bad-role")
    given = entry.get("answers")
    if not isinstance(given, dict):
        problems.add((), "'answers' must map question ids to answers", kind="missing")
        return None
    answers: dict[str, AnswerValue] = check_answers(given, asked, questionnaire_id, problems)
    notes = {
        kind: {str(q): str(t) for q, t in (entry.get(kind) or {}).items() if q in asked}
        for kind in ("evidence", "comments")
    }
    return Response(
        Respondent(id=str(identity), name=str(name or ""), role=str(role)),
        answers,
        notes["evidence"],
        notes["comments"],
    )


def _placed(problem: AnswerProblem, file: str) -> AnswerProblem:
    return dataclasses.replace(problem, file=file)


# --- XLSX ----------------------------------------------------------------------------------------


def assessment_workbook(
    ws: Workspace,
    responses: Sequence[Response],
    assessment: Assessment,
    roadmap: Roadmap,
    progress: Mapping[str, str] | None = None,
    lang: str = "en",
) -> bytes:
    """The assessment as an XLSX workbook: answers, scores, risks, roadmap and progress."""
    from assessor.services.workbook import Sheet, workbook

    sheets = [
        Sheet(
            "Answers",
            _answer_rows(ws, assessment.questionnaire, responses, lang),
            wide=(3, 4, 5, 6),
        ),
        Sheet("Scores", _score_rows(assessment, lang), numbers=(2, 4, 5, 6, 7)),
        Sheet("Risks", _risk_rows(ws, assessment, lang), wide=(3, 4, 5)),
        Sheet("Roadmap", _roadmap_rows(ws, roadmap, lang), wide=(1, 10)),
        Sheet("Progress", _progress_rows(roadmap, progress or {}, lang), numbers=(2, 3, 4)),
    ]
    return workbook(sheets)


def _answer_rows(
    ws: Workspace, questionnaire_id: str, responses: Sequence[Response], lang: str
) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Respondent", "Role", "Question id", "Question", "Answer", "Evidence", "Comment"]
    ]
    for response in responses:
        for question in ws.content.questionnaire_questions(questionnaire_id):
            value = response.answers.get(question.id)
            if value is None:
                continue
            labels = {value_key(o.value): tr(o.label, lang) for o in question.options or []}
            chosen = value if isinstance(value, tuple) else (value,)
            shown = [labels.get(value_key(v), value_key(v)) for v in chosen]
            rows.append(
                [
                    response.respondent.name,
                    response.respondent.role,
                    question.id,
                    tr(question.text, lang),
                    "; ".join(str(s) for s in shown),
                    response.evidence.get(question.id, ""),
                    response.comments.get(question.id, ""),
                ]
            )
    return rows


def _score_rows(assessment: Assessment, lang: str) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Framework", "Dimension", "Score", "Level", "Target", "Gap", "Coverage %", "Spread (SD)"]
    ]
    for framework in assessment.frameworks.values():
        for d in framework.dimensions.values():
            rows.append(
                [
                    tr(framework.title, lang),
                    tr(d.title, lang),
                    _rounded(d.score),
                    tr(d.level_name, lang) if d.level_name else "",
                    _rounded(d.target),
                    _rounded(d.gap),
                    _rounded(d.coverage * 100),
                    _rounded(d.spread.sd),
                ]
            )
    return rows


def _risk_rows(ws: Workspace, assessment: Assessment, lang: str) -> list[list[Any]]:
    rows: list[list[Any]] = [["Severity", "Pillar", "Risk", "Why", "Mitigated by"]]
    for risk in assessment.risks:
        actions = [ws.content.actions.get(a) for a in risk.mitigations]
        rows.append(
            [
                risk.severity,
                risk.pillar,
                tr(risk.title, lang),
                "\n".join(describe_evidence(fact) for fact in risk.evidence),
                "\n".join(tr(a.title, lang) for a in actions if a is not None),
            ]
        )
    return rows


def _roadmap_rows(ws: Workspace, roadmap: Roadmap, lang: str) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Phase", "Action", "Start week", "End week", "Start", "End", "Effort", "Impact",
         "Quick win", "Critical path", "Why"],
    ]  # fmt: skip
    for phase in roadmap.phases:
        for action in phase.actions:
            rows.append(
                [
                    tr(phase.title, lang),
                    tr(action.title, lang),
                    action.start_week,
                    action.end_week,
                    action.start.isoformat() if action.start else "",
                    action.end.isoformat() if action.end else "",
                    action.effort,
                    action.impact,
                    "yes" if action.quick_win else "",
                    "yes" if action.critical else "",
                    "\n".join(describe_rationale(w, ws.content) for w in action.rationale),
                ]
            )
    return rows


def _progress_rows(roadmap: Roadmap, progress: Mapping[str, str], lang: str) -> list[list[Any]]:
    rows: list[list[Any]] = [["Phase", "Actions", "Done", "Progress %", *STATUSES]]
    for phase in roadmap.phases:
        if not phase.actions:
            continue
        states = [progress.get(a.id, "not started") for a in phase.actions]
        done = states.count("done")
        rows.append(
            [
                tr(phase.title, lang),
                len(states),
                done,
                round(100 * done / len(states)),
                *(states.count(status) for status in STATUSES),
            ]
        )
    return rows


def _rounded(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)
