"""What every template may call: the interface language, content translations, statuses, now."""

from __future__ import annotations

import datetime as dt

from babel.support import NullTranslations
from flask import Flask, g
from flask_babel import get_locale, get_translations
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


def page_translations() -> NullTranslations:
    """This request's interface translations, looked up once a request. A page calls `_()` for
    each of its interface texts; Flask-Babel's own template functions found the locale and
    the translations again for every one of them."""
    found: NullTranslations | None = g.get("page_translations")
    if found is None:
        found = g.page_translations = get_translations()
    return found


def install(app: Flask) -> None:
    """Register the helpers on the app's templates."""
    app.jinja_env.globals.update(current_lang=current_lang, status_name=status_name, now=now)
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: page_translations().ugettext(s),
        ngettext=lambda s, p, n: page_translations().ungettext(s, p, n),
        pgettext=lambda c, s: page_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: page_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.filters["tr"] = tr
