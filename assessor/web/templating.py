"""What every template may call: the interface language, content translations, statuses, now."""

from __future__ import annotations

import datetime as dt

from flask import Flask
from flask_babel import get_locale
from flask_babel import gettext as _

from assessor.domain.text import tr


def current_lang() -> str:
    """The language of the page being rendered."""
    return str(get_locale() or "en")


def status_name(status: str) -> str:
    """An assessment's status in words."""
    words = {"draft": _("Draft"), "collecting": _("Collecting answers"), "closed": _("Closed")}
    return str(words.get(status, status))


def now() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


def install(app: Flask) -> None:
    """Register the helpers on the app's templates."""
    app.jinja_env.globals.update(current_lang=current_lang, status_name=status_name, now=now)
    app.jinja_env.filters["tr"] = tr
