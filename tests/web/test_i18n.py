"""The interface speaks English and Russian; the questions come in the content's own Russian."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.pofile import read_po
from flask import Flask

from assessor.web.runtime import runtime_of
from tests.web.support import add_firm

CATALOGUE = Path(__file__).resolve().parents[2] / "assessor/web/translations/ru/LC_MESSAGES"


def test_the_visitor_chooses_russian_and_keeps_it(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    browser = app.test_client()
    page = browser.get(f"/r/{firm.token}/s/1?lang=ru").get_data(as_text=True)
    question = runtime_of(app).workspace.content.questions["executive-sponsor-named"]
    assert isinstance(question.text, dict)
    assert question.text["ru"] in page
    assert "Сохранить и дальше" in page and '<html lang="ru">' in page
    assert "Войти" in browser.get("/signin").get_data(as_text=True)  # kept for the session


def test_the_browser_language_is_the_default(client: object) -> None:
    answer = client.get("/signin", headers={"Accept-Language": "ru-RU,ru;q=0.9"})  # type: ignore[attr-defined]
    assert "Оценка готовности к CRM" in answer.get_data(as_text=True)


def test_every_message_is_translated_and_compiled() -> None:
    with (CATALOGUE / "messages.po").open("rb") as handle:
        catalogue = read_po(handle, locale="ru")
    with (CATALOGUE / "messages.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalogue:
        if message.id:
            assert message.string, f"untranslated: {message.id}"
            assert compiled.gettext(str(message.id)) == message.string, message.id
