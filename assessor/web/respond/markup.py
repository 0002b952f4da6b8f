"""A question's markup on a section page, kept per question, language and state of its inputs.

Drawing a question (its radio buttons or check boxes, note and "not applicable" box) through
WTForms and the `question` macro costs most of a section page's time, yet the markup is the
same whenever the question, the language, its inputs' values and its error are: a respondent
reloads the same page with the same answers. So the macro's output is kept per those, in a
bounded table on the workspace (content never changes in a process), and drawn afresh
otherwise. The page is byte-for-byte what the macro draws.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from flask import get_template_attribute
from markupsafe import Markup
from wtforms import Field
from wtforms.form import BaseForm

from assessor.services.workspace import Workspace
from assessor.web.respond.fields import answer_name, na_name, note_name
from assessor.web.respond.pages import Asked

QUESTIONS_KEPT = 4096
"""How many drawn questions are kept (about 2 to 6 KB each); the table starts over when full."""
TEMPLATE = "respond/_question.html"


def question_markup(
    ws: Workspace, asked: Asked, form: BaseForm, errors: Mapping[str, str], lang: str
) -> Markup:
    """The `question` macro's markup for this question, drawn once per distinct state."""
    qid = asked.question.id
    names = (answer_name(qid), note_name(qid), na_name(qid))
    key = (
        qid,
        lang,
        asked.shown,
        asked.condition_here,
        errors.get(qid),
        tuple(_state(form[name]) if name in form else None for name in names),
    )
    kept: dict[Hashable, Markup] = ws.kept.setdefault("question-markup", {})
    found = kept.get(key)
    if found is None:
        macro = get_template_attribute(TEMPLATE, "question")
        found = Markup(macro(asked, form, errors, lang))
        if len(kept) >= QUESTIONS_KEPT:
            kept.clear()
        kept[key] = found
    return found


def _state(field: Field) -> Hashable:
    """What a field's markup depends on beyond the question and language: its data and raw input."""
    raw: Any = field.raw_data
    return (type(field.data), _hashable(field.data), None if raw is None else tuple(raw))


def _hashable(value: Any) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(map(_hashable, value))
    if isinstance(value, Hashable):
        return value
    return repr(value)
