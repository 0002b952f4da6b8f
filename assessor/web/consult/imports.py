"""Answers imported from a form's export on the assessment's import page, through a saved
mapping or one written there (and saved under a name if asked). Nothing is imported from a
file with any error: each is listed with its row and column."""

from __future__ import annotations

from typing import Any

from flask import abort, render_template
from flask_babel import gettext as _
from pydantic import ValidationError
from sqlalchemy.orm import Session

from assessor.domain.errors import AnswerProblem, InputError
from assessor.domain.yamlsrc import SourceError, parse_yaml
from assessor.services.answers_in import store_responses, table_responses
from assessor.services.clients import assessment_of
from assessor.services.import_mappings import ImportMappingRecord, save_mapping, saved_mappings
from assessor.web.api.imports import ImportMapping
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.forms import ImportForm
from assessor.web.runtime import unit_of_work, workspace

MAX_PROBLEMS = 200
"""The most problems the page lists (it says how many there were)."""


@bp.route("/assessments/<int:assessment_id>/import", methods=["GET", "POST"])
def import_answers(assessment_id: int) -> tuple[str, int]:
    """The import form; on a good post, each row becomes a submitted respondent."""
    with unit_of_work() as session:
        record = assessment_of(session, me(), assessment_id)
        if record is None:
            abort(404)
        saved = [
            m
            for m in saved_mappings(session, me())
            if m.questionnaire_id == record.questionnaire_id
        ]
    form = ImportForm()
    form.saved.choices = [("", _("None: use the mapping written below"))] + [
        (str(m.id), m.name) for m in saved
    ]
    page = {"form": form, "assessment": record, "saved": saved}
    if not form.is_submitted():
        return render_template("consult/import.html", **page), 200
    if not form.validate():
        return render_template("consult/import.html", **page), 422
    upload = form.table.data
    name = str(upload.filename or "upload")[-100:]
    suffix = "." + name.rsplit(".", 1)[-1].lower()
    try:
        mapping = _mapping(form, saved)
        questionnaire_id, responses = table_responses(
            workspace(), mapping, upload.read(), suffix, name
        )
        with unit_of_work() as session:
            made = store_responses(session, me(), assessment_id, questionnaire_id, responses)
            if form.save_as.data:
                _keep(session, form.save_as.data.strip(), mapping)
    except InputError as exc:
        problems = [str(p) for p in exc.problems[:MAX_PROBLEMS]]
        return render_template(
            "consult/import.html", **page, problems=problems, count=len(exc.problems)
        ), 422
    return render_template("consult/imported.html", assessment=record, count=len(made or [])), 201


def _keep(session: Session, name: str, mapping: dict[str, Any]) -> None:
    """Save the mapping under the name, or refuse the whole import when the name is taken."""
    if save_mapping(session, workspace(), me(), name, mapping) is None:
        raise InputError(_("A mapping named %(name)s exists already.", name=name))


def _mapping(form: ImportForm, saved: list[ImportMappingRecord]) -> dict[str, Any]:
    """The saved mapping chosen, else the one written in the form (read as bounded YAML)."""
    if form.saved.data:
        chosen = next((m for m in saved if str(m.id) == form.saved.data), None)
        if chosen is None:
            raise InputError(_("Choose one of the saved mappings."))
        return dict(chosen.mapping)
    if not (form.mapping.data or "").strip():
        raise InputError(_("Choose a saved mapping or write one."))
    try:
        data = parse_yaml(form.mapping.data or "", "mapping").data
        return ImportMapping.model_validate(data).model_dump(exclude_none=True)
    except SourceError as exc:
        raise InputError(str(exc)) from None
    except ValidationError as exc:
        raise InputError(
            [AnswerProblem(f"mapping: {_where(e['loc'])}: {e['msg']}") for e in exc.errors()]
        ) from None


def _where(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "the whole mapping"
