"""The consultant's forms (Flask-WTF, CSRF on every post)."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp

from assessor.services.accounts import MIN_PASSWORD


class ClientForm(FlaskForm):  # type: ignore[misc]
    """A new client: organisation, sector, size."""

    organisation = StringField(_l("Organisation"), validators=[InputRequired(), Length(max=200)])
    sector = StringField(_l("Sector"), validators=[Optional(), Length(max=100)])
    size = IntegerField(
        _l("Employees"), validators=[Optional(), NumberRange(min=1, max=10_000_000)]
    )


class AssessmentForm(FlaskForm):  # type: ignore[misc]
    """A new assessment: which questionnaire, a title and its date."""

    questionnaire = SelectField(_l("Questionnaire"), validators=[InputRequired()])
    title = StringField(_l("Title"), validators=[InputRequired(), Length(max=200)])
    assessed_on = DateField(_l("Date"), default=dt.date.today, validators=[InputRequired()])
    target = IntegerField(
        _l("Target for every area (0 to 100)"),
        validators=[Optional(), NumberRange(min=0, max=100)],
    )


class InviteForm(FlaskForm):  # type: ignore[misc]
    """A respondent to invite: name (optional), role and how long the link works."""

    name = StringField(_l("Name (optional)"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), validators=[InputRequired()])
    valid_days = IntegerField(
        _l("Link valid for (days)"), default=30, validators=[InputRequired(), NumberRange(1, 365)]
    )


class ReportForm(FlaskForm):  # type: ignore[misc]
    """Which report, in which format."""

    template = SelectField(_l("Report"), validators=[InputRequired()])
    format = SelectField(_l("Format"), validators=[InputRequired()])


class ConsultantForm(FlaskForm):  # type: ignore[misc]
    """A new consultant of the firm."""

    email = EmailField(
        _l("E-mail"),
        validators=[
            InputRequired(),
            Regexp(r"^[^@\s]+@[^@\s]+$", message=_l("Enter an e-mail address.")),
            Length(max=320),
        ],
    )
    name = StringField(_l("Name"), validators=[InputRequired(), Length(max=200)])
    password = PasswordField(
        _l("Password"), validators=[InputRequired(), Length(min=MIN_PASSWORD, max=200)]
    )
    is_admin = BooleanField(_l("Administrator"))


class EmptyForm(FlaskForm):  # type: ignore[misc]
    """A button that posts (its CSRF token only)."""


class ImportForm(FlaskForm):  # type: ignore[misc]
    """A form's export to import: the file, and a saved mapping or one written here."""

    table = FileField(
        _l("The form's export (CSV or XLSX)"),
        validators=[FileRequired(), FileAllowed(["csv", "xlsx"], _l("Send a .csv or .xlsx file."))],
    )
    saved = SelectField(_l("Saved mapping"), validators=[Optional()])
    mapping = TextAreaField(
        _l("Or a mapping (YAML, as assessor import-answers reads it)"),
        validators=[Optional(), Length(max=20_000)],
    )
    save_as = StringField(
        _l("Save this mapping as (optional)"), validators=[Optional(), Length(max=200)]
    )
