"""The respondent form's caches: one form class per question set and language; inputs' and
questions' markup kept, yet every page shows the answers and errors of the moment."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import Markup
from wtforms.widgets import html_params

from assessor.web.respond.fields import kept_params, section_form
from assessor.web.runtime import runtime_of
from tests.web.support import TOKEN, add_firm


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


def checked(page: str, question: str) -> list[str]:
    """The values ticked for a question on a section page."""
    return re.findall(rf'<input checked data-answer="{question}"[^>]* value="([^"]+)"', page)


def test_a_section_page_drawn_again_shows_the_answer_saved_since(
    app: Flask, client: FlaskClient
) -> None:
    path = f"/r/{add_firm(app, 'Kept').token}"
    page = client.get(f"{path}/s/1").get_data(as_text=True)
    found = TOKEN.search(page)
    assert found and checked(page, "company-size") == []
    for value, note in (("medium", ""), ("small", "Two shops & a van"), ("medium", "")):
        saved = client.post(
            f"{path}/answer",
            json={"question": "company-size", "value": value, "note": note},
            headers={"X-CSRFToken": found.group(1)},
        )
        assert saved.status_code == 200
        page = client.get(f"{path}/s/1").get_data(as_text=True)
        assert checked(page, "company-size") == [value]
        assert ("Two shops &amp; a van</textarea>" in page) == bool(note)
    client.get(f"{path}/s/1?lang=ru")
    page = client.get(f"{path}/s/1").get_data(as_text=True)
    assert checked(page, "company-size") == ["medium"] and "От 50 до 249" in page


def test_a_question_marked_wrong_is_drawn_plain_once_answered(
    app: Flask, client: FlaskClient
) -> None:
    path = f"/r/{add_firm(app, 'Marked').token}"
    found = TOKEN.search(client.get(f"{path}/s/1").get_data(as_text=True))
    assert found
    posted = {"csrf_token": found.group(1), "go": "next", "q__company-size": "huge"}
    wrong = client.post(f"{path}/s/1", data=posted).get_data(as_text=True)
    assert 'id="error-company-size"' in wrong and checked(wrong, "company-size") == []
    fixed = client.post(f"{path}/s/1", data={**posted, "q__company-size": "large"})
    assert fixed.status_code == 302
    page = client.get(f"{path}/s/1").get_data(as_text=True)
    assert 'id="error-company-size"' not in page and checked(page, "company-size") == ["large"]
    again = client.post(f"{path}/s/1", data=posted).get_data(as_text=True)
    assert 'id="error-company-size"' in again and checked(again, "company-size") == []
