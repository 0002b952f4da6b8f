"""Form fields built from the questionnaire's YAML: one builder per question type.

`BUILDERS` maps a question type to the function that makes its field (the registry CTFd uses
for challenge types); `section_form` attaches a field per question, an evidence note, and a
"not applicable" box where the question allows one, to a form class kept per set of questions
and language (content never changes in a process), and fills an instance per request.
The inputs' attributes are rendered through a bounded cache: a section page draws dozens of
radio buttons whose markup repeats from one request to the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import (
    BooleanField,
    Field,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import Optional
from wtforms.widgets import (
    CheckboxInput,
    ListWidget,
    NumberInput,
    RadioInput,
    TextArea,
    html_params,
)

from assessor.domain.responses import NOT_APPLICABLE, AnswerValue, value_key
from assessor.domain.schema import Question
from assessor.domain.text import tr
from assessor.services.workspace import Workspace

FieldBuilder = Callable[[Question, str], Field]
BUILDERS: dict[str, FieldBuilder] = {}
CHOICE_WIDGETS = {"scale": "radio", "single": "radio", "yesno": "radio", "multiple": "checkbox"}
"""How each question type is drawn (the template's macro); other types are single inputs."""


PARAMS_KEPT = 8192
"""How many distinct attribute sets of inputs are kept rendered."""


@lru_cache(maxsize=PARAMS_KEPT)
def _kept_params(items: tuple[tuple[str, type, Any], ...]) -> Markup:
    return Markup(html_params(**{key: value for key, _, value in items}))


def kept_params(**kwargs: Any) -> Markup:
    """`html_params`, kept per attribute set (the type is part of the key: Markup is not str)."""
    try:
        return _kept_params(tuple((k, type(v), v) for k, v in sorted(kwargs.items())))
    except TypeError:  # an unhashable value: render it afresh
        return Markup(html_params(**kwargs))


class KeptRadio(RadioInput):
    """A radio button whose attributes are rendered through the cache."""

    html_params = staticmethod(kept_params)


class KeptCheckbox(CheckboxInput):
    """A check box whose attributes are rendered through the cache."""

    html_params = staticmethod(kept_params)


class KeptNumber(NumberInput):
    """A number input whose attributes are rendered through the cache."""

    html_params = staticmethod(kept_params)


class KeptTextArea(TextArea):
    """A text area whose attributes are rendered through the cache (its text never is)."""

    def __call__(self, field: StringField, **kwargs: object) -> Markup:
        """The text area's markup, as WTForms draws it."""
        kwargs.setdefault("id", field.id)
        flags = getattr(field, "flags", {})
        for key in dir(flags):
            if key in self.validation_attrs and key not in kwargs:
                kwargs[key] = getattr(flags, key)
        params = kept_params(name=field.name, **kwargs)
        text = escape(field._value())  # type: ignore[attr-defined]
        return Markup(f"<textarea {params}>\r\n{text}</textarea>")


def builds(*types: str) -> Callable[[FieldBuilder], FieldBuilder]:
    """Register a field builder for question types."""

    def register(builder: FieldBuilder) -> FieldBuilder:
        for name in types:
            BUILDERS[name] = builder
        return builder

    return register


def answer_name(question_id: str) -> str:
    """The form field of a question's answer."""
    return f"q__{question_id}"


def note_name(question_id: str) -> str:
    """The form field of a question's evidence note."""
    return f"e__{question_id}"


def na_name(question_id: str) -> str:
    """The "not applicable" box of a number or text question."""
    return f"na__{question_id}"


def as_choices(pairs: Iterable[tuple[str, str]]) -> list[Any]:
    """(value, label) pairs as the choices of a select, radio or check-box field."""
    return [SelectChoice(value, label) for value, label in pairs]


def choices(question: Question, lang: str) -> list[tuple[str, str]]:
    """A choice question's options as (value, label), with "not applicable" where allowed."""
    found = [(value_key(o.value), tr(o.label, lang)) for o in question.options or []]
    if question.not_applicable:
        found.append((NOT_APPLICABLE, str(_("Not applicable"))))
    return found


@builds("scale", "single", "yesno")
def radio_field(question: Question, lang: str) -> Field:
    """One choice of several: radio buttons."""
    return RadioField(
        tr(question.text, lang),
        choices=as_choices(choices(question, lang)),
        option_widget=KeptRadio(),
        validators=[Optional()],
    )


@builds("multiple")
def checkbox_field(question: Question, lang: str) -> Field:
    """Several choices: check boxes."""
    return SelectMultipleField(
        tr(question.text, lang),
        choices=as_choices(choices(question, lang)),
        widget=ListWidget(prefix_label=False),
        option_widget=KeptCheckbox(),
        validators=[Optional()],
    )


@builds("number")
def number_field(question: Question, lang: str) -> Field:
    """A number, within the question's range."""
    bounds = {
        k: value_key(v) for k, v in (("min", question.min), ("max", question.max)) if v is not None
    }
    return StringField(
        tr(question.text, lang),
        widget=KeptNumber(step="any", **bounds),
        validators=[Optional()],
    )


@builds("text")
def text_field(question: Question, lang: str) -> Field:
    """Free text."""
    return TextAreaField(tr(question.text, lang), widget=KeptTextArea(), validators=[Optional()])


def section_form(
    ws: Workspace, questions: Iterable[Question], lang: str, formdata: Any, data: Mapping[str, Any]
) -> FlaskForm:
    """A form for these questions, filled from a post (`formdata`) or saved `data`."""
    asked = tuple(questions)
    key = ("section-form", tuple(q.id for q in asked), lang)
    form_class = ws.kept.get(key)
    if form_class is None:
        form_class = ws.kept[key] = _form_class(asked, lang)
    form: FlaskForm = form_class(formdata=formdata, data=dict(data))
    return form


def _form_class(questions: Iterable[Question], lang: str) -> type[FlaskForm]:
    """A form class with a field, a note and, where allowed, a "not applicable" box per question."""

    class SectionForm(FlaskForm):  # type: ignore[misc]
        """The questions of one section in one language."""

    for question in questions:
        setattr(SectionForm, answer_name(question.id), BUILDERS[question.type](question, lang))
        note = tr(question.evidence, lang) or _("Evidence or comment (optional)")
        setattr(
            SectionForm,
            note_name(question.id),
            TextAreaField(note, widget=KeptTextArea(), validators=[Optional()]),
        )
        if question.not_applicable and question.type not in CHOICE_WIDGETS:
            setattr(SectionForm, na_name(question.id), BooleanField(_("Not applicable")))
    return SectionForm


def form_data(
    questions: Iterable[Question], answers: Mapping[str, tuple[AnswerValue, str | None]]
) -> dict[str, Any]:
    """Saved answers and notes as the form's initial data."""
    data: dict[str, Any] = {}
    boxed = {q.id for q in questions if q.type not in CHOICE_WIDGETS}
    for qid, (value, note) in answers.items():
        if value == NOT_APPLICABLE and qid in boxed:
            data[na_name(qid)] = True
            data[note_name(qid)] = note or ""
            continue
        if isinstance(value, tuple):
            data[answer_name(qid)] = list(value)
        elif isinstance(value, float):
            data[answer_name(qid)] = value_key(value)
        else:
            data[answer_name(qid)] = value
        data[note_name(qid)] = note or ""
    return data


def posted_answers(
    questions: Iterable[Question], posted: Any
) -> tuple[dict[str, Any], dict[str, str]]:
    """The raw answers and notes of a posted section form, by question id."""
    given: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for question in questions:
        name = answer_name(question.id)
        if question.type == "multiple":
            values = posted.getlist(name)
            given[question.id] = NOT_APPLICABLE if NOT_APPLICABLE in values else values
        else:
            given[question.id] = posted.get(name, "")
        if posted.get(na_name(question.id)):
            given[question.id] = NOT_APPLICABLE
        notes[question.id] = posted.get(note_name(question.id), "")
    return given, notes
