"""The respondent form's caches: one form class per question set and language; inputs' markup kept."""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup
from wtforms.widgets import html_params

from assessor.web.respond.fields import kept_params, section_form
from assessor.web.runtime import runtime_of


def test_kept_params_render_as_wtforms_and_never_mix_markup_with_text() -> None:
    attrs = {"id": "q-1", "name": "q", "type": "radio", "value": "a&b", "checked": True}
    assert kept_params(**attrs) == html_params(**attrs)
    assert kept_params(value="&amp;") == html_params(value="&amp;") == 'value="&amp;amp;"'
    assert kept_params(value=Markup("&amp;")) == 'value="&amp;"'
    assert kept_params(checked=True) == "checked" and kept_params(checked=1) == 'checked="1"'
    assert kept_params(data_answer=["unhashable"]) == html_params(data_answer=["unhashable"])


def test_one_form_class_per_question_set_and_language(app: Flask) -> None:
    ws = runtime_of(app).workspace
    questions = [ws.content.questions["company-size"], ws.content.questions["crm-vision-written"]]
    with app.test_request_context():
        first = section_form(ws, questions, "en", None, {})
        again = section_form(ws, questions, "en", None, {"q__company-size": "medium"})
        russian = section_form(ws, questions, "ru", None, {})
        fewer = section_form(ws, questions[:1], "en", None, {})
    assert type(first) is type(again) and type(first) is not type(russian)
    assert type(fewer) is not type(first) and "e__crm-vision-written" not in fewer
    assert again["q__company-size"].data == "medium" and first["q__company-size"].data is None
