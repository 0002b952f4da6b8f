"""A section's questions as markup, each kept per question, language and state of its inputs.

Drawing a question (its radio buttons or check boxes, note and "not applicable" box) through
WTForms and the `question` macro costs most of a section page's time, yet the markup is the
same whenever the question, the language, its inputs' values and its error are: a respondent
reloads the same page with the same answers. So the macro's output is kept per those, in a
bounded table on the workspace (content never changes in a process), and the section's form
is built only when a question has to be drawn. The page is byte-for-byte what the macro draws.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from flask import get_template_attribute
from markupsafe import Markup
from wtforms import Field
from wtforms.form import BaseForm

from assessor.services.workspace import Workspace
from assessor.web.respond.fields import answer_name, na_name, note_name, section_form
from assessor.web.respond.pages import Asked

QUESTIONS_KEPT = 4096
"""How many drawn questions are kept (about 2 to 6 KB each); the table starts over when full."""
TEMPLATE = "respond/_question.html"


def section_markup(
    ws: Workspace,
    asked: Sequence[Asked],
    lang: str,
    errors: Mapping[str, str],
    posted: Any,
    saved: Mapping[str, Any],
) -> list[Markup]:
    """Each question's markup, filled from a post with errors (`posted`) or the `saved` data."""
    questions = [a.question for a in asked]
    form = None if posted is None else section_form(ws, questions, lang, posted, saved)
    kept: dict[Hashable, Markup] = ws.kept.setdefault("question-markup", {})
    drawn = []
    for one in asked:
        state = _posted_state(form, one) if form is not None else _saved_state(saved, one)
        key = (
            one.question.id,
            lang,
            one.shown,
            one.condition_here,
            errors.get(one.question.id),
            state,
        )
        found = kept.get(key)
        if found is None:
            if form is None:
                form = section_form(ws, questions, lang, None, saved)
            found = Markup(get_template_attribute(TEMPLATE, "question")(one, form, errors, lang))
            if len(kept) >= QUESTIONS_KEPT:
                kept.clear()
            kept[key] = found
        drawn.append(found)
    return drawn


def _names(one: Asked) -> tuple[str, str, str]:
    qid = one.question.id
    return answer_name(qid), note_name(qid), na_name(qid)


def _saved_state(saved: Mapping[str, Any], one: Asked) -> Hashable:
    """What a question's markup depends on when filled from saved data: that data."""
    return ("saved", *(_hashable(saved.get(name)) for name in _names(one)))


def _posted_state(form: BaseForm, one: Asked) -> Hashable:
    """What it depends on when filled from a post: each input's data and raw input."""
    return ("posted", *(_field_state(form[name]) if name in form else None for name in _names(one)))


def _field_state(field: Field) -> Hashable:
    raw: Any = field.raw_data
    return (_hashable(field.data), None if raw is None else tuple(raw))


def _hashable(value: Any) -> Hashable:
    """A value as a key, its type kept (True is not 1, a list is not a tuple)."""
    if isinstance(value, list | tuple):
        return (type(value), tuple(map(_hashable, value)))
    if isinstance(value, Hashable):
        return (type(value), value)
    return (type(value), repr(value))
