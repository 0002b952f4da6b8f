"""The assessment's import page: a form's export imports through a mapping written there or
saved before; a mapping saved on the page is offered next time; a file with errors imports
nothing and each error is listed; another firm's assessment is not found."""

from __future__ import annotations

import io
import re

from flask import Flask
from flask.testing import FlaskClient

from tests.web.support import add_firm, sign_in

MAPPING = """\
questionnaire: executive-self-assessment
name: Name
role: {value: executive}
columns: {Size: company-size, Sponsor: executive-sponsor-named}
values:
  executive-sponsor-named: {"Yes, named": "yes"}
"""
GOOD = b'Name,Size,Sponsor\nAnn,medium,"Yes, named"\nBob,small,no\n'
BAD = b"Name,Size,Sponsor\nCid,<b>gigantic</b>,yes\nDee,small,perhaps\n"


def post(browser: FlaskClient, url: str, token: str, data: bytes, **fields: str) -> object:
    """The import form posted with a CSV file."""
    form = {"csrf_token": token, "table": (io.BytesIO(data), "export.csv"), **fields}
    return browser.post(url, data=form, content_type="multipart/form-data")


def page_token(browser: FlaskClient, url: str) -> tuple[str, str]:
    """The import page and its CSRF token."""
    page = browser.get(url).get_data(as_text=True)
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert found, page[:500]
    return page, found[1]


def test_a_written_mapping_imports_is_saved_and_is_offered_next_time(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    browser = app.test_client()
    sign_in(browser, acme.email)
    url = f"/assessments/{acme.assessment_id}/import"
    page, token = page_token(browser, url)
    assert "No mapping is saved for this questionnaire yet" in page
    done = post(browser, url, token, GOOD, mapping=MAPPING, save_as="Spring form")
    assert done.status_code == 201, done.get_data(as_text=True)[:2000]  # type: ignore[attr-defined]
    assert "Respondents imported, with their answers submitted: 2." in done.get_data(as_text=True)  # type: ignore[attr-defined]
    people = browser.get(f"/assessments/{acme.assessment_id}").get_data(as_text=True)
    assert "Ann" in people and "Bob" in people and "Import answers" in people

    page, token = page_token(browser, url)
    offered = re.search(r'<option value="(\d+)">Spring form</option>', page)
    assert offered, "the saved mapping is offered"
    again = post(browser, url, token, GOOD.replace(b"Ann", b"Eve"), saved=offered[1])
    assert again.status_code == 201  # type: ignore[attr-defined]
    assert "Eve" in browser.get(f"/assessments/{acme.assessment_id}").get_data(as_text=True)

    taken = post(browser, url, token, GOOD, mapping=MAPPING, save_as="Spring form")
    assert taken.status_code == 422  # type: ignore[attr-defined]
    assert "A mapping named Spring form exists already" in taken.get_data(as_text=True)  # type: ignore[attr-defined]


def test_a_file_with_errors_imports_nothing_and_lists_each(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    browser = app.test_client()
    sign_in(browser, acme.email)
    url = f"/assessments/{acme.assessment_id}/import"
    _, token = page_token(browser, url)
    refused = post(browser, url, token, BAD, mapping=MAPPING)
    text = refused.get_data(as_text=True)  # type: ignore[attr-defined]
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert "Nothing was imported. Problems found: 2." in text
    assert "export.csv:2" in text and "export.csv:3" in text
    assert "&#39;&lt;b&gt;gigantic&lt;/b&gt;&#39; is not one of the options" in text
    assert "<b>gigantic</b>" not in text, "a value from the file shows as text, not markup"
    people = browser.get(f"/assessments/{acme.assessment_id}").get_data(as_text=True)
    assert "Dee" not in people

    for fields, message in (
        ({}, "Choose a saved mapping or write one."),
        ({"mapping": "questionnaire: [unclosed"}, "invalid YAML"),
        ({"mapping": "questionnaire: executive-self-assessment\nroles: [a]\ncolumns: {}"}, "roles"),
    ):
        answer = post(browser, url, token, GOOD, **fields)
        assert answer.status_code == 422, fields  # type: ignore[attr-defined]
        assert message in answer.get_data(as_text=True), fields  # type: ignore[attr-defined]
    wrong_type = browser.post(
        url,
        data={"csrf_token": token, "table": (io.BytesIO(b"x"), "export.exe"), "mapping": MAPPING},
        content_type="multipart/form-data",
    )
    assert wrong_type.status_code == 422
    assert "Send a .csv or .xlsx file." in wrong_type.get_data(as_text=True)


def test_the_page_is_the_firms_own_and_speaks_russian(app: Flask) -> None:
    acme, rival = add_firm(app, "Acme"), add_firm(app, "Rival")
    url = f"/assessments/{acme.assessment_id}/import"
    assert app.test_client().get(url).status_code == 302, "anonymous: sent to sign in"
    outsider = app.test_client()
    sign_in(outsider, rival.email)
    assert outsider.get(url).status_code == 404
    owner = app.test_client()
    sign_in(owner, acme.email)
    page = owner.get(f"{url}?lang=ru").get_data(as_text=True)
    assert "Импорт ответов" in page and "Import answers" not in page
