"""The interface language: English or Russian, chosen by the visitor or their browser."""

from __future__ import annotations

from flask import current_app, request, session

LANGUAGE_KEY = "lang"


def languages() -> tuple[str, ...]:
    """The languages the interface speaks."""
    return tuple(current_app.config["LANGUAGES"])


def select_locale() -> str:
    """The language of this request: `?lang=`, else the one chosen before, else the browser's."""
    asked = request.args.get(LANGUAGE_KEY)
    if asked in languages():
        session[LANGUAGE_KEY] = asked
        return asked
    chosen = session.get(LANGUAGE_KEY)
    if chosen in languages():
        return str(chosen)
    return request.accept_languages.best_match(languages()) or languages()[0]
