"""Security headers on every answer, and plain error pages: no traceback ever reaches a user."""

from __future__ import annotations

import logging

from flask import Flask, Response, has_request_context, render_template, request
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from assessor.services.database import DatabaseUnavailable

LOG = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
HANDLED = (400, 401, 403, 404, 405, 410, 413, 422, 429, 500, 503)


def add_headers(response: Response) -> Response:
    """Set the security headers; pages that carry a respondent's link are never cached."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.blueprint in ("respond", "consult", "auth"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def messages() -> dict[int, tuple[str, str]]:
    """The title and explanation of each error page, in the visitor's language."""
    return {
        400: (_("Bad request"), _("The page could not understand what was sent.")),
        401: (_("Sign in needed"), _("Sign in to see this page.")),
        403: (_("Not allowed"), _("Your account may not do this.")),
        404: (_("Not found"), _("There is no such page, or it is not yours to see.")),
        405: (_("Not allowed"), _("This page cannot be used that way.")),
        410: (_("Gone"), _("This page is no longer available.")),
        413: (_("Too large"), _("What was sent is too large.")),
        422: (_("Check your input"), _("Some of what was sent could not be used.")),
        429: (_("Too many attempts"), _("Wait a minute, then try again.")),
        500: (_("Something went wrong"), _("The problem was logged. Try again in a moment.")),
        503: (_("Not saved"), unavailable_text("unreachable")),
    }


def unavailable_text(reason: str) -> str:
    """Why nothing was saved when the database could not be used, and what to do."""
    if reason == "full":
        text = _(
            "The server has no room left to save: what you sent was not saved. "
            "Try again later; the problem was logged."
        )
    elif reason == "busy":
        text = _("The database is busy: what you sent was not saved. Try again in a moment.")
    else:
        text = _(
            "The database is not reachable: what you sent was not saved. Try again in a moment."
        )
    return str(text)


def error_page(code: int, detail: str | None = None) -> tuple[str | dict[str, str], int]:
    """A plain error page (or JSON for JSON requests) for an HTTP status."""
    title, text = messages().get(code, messages()[500])
    if _wants_json():
        return {"error": title, "detail": detail or text}, code
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def _wants_json() -> bool:
    return (
        request.is_json
        or request.path.startswith("/api/")
        or (request.accept_mimetypes.best == "application/json")
    )


class SessionInterface(SecureCookieSessionInterface):
    """Signed cookie sessions whose cookie is Secure whenever the page came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        """Secure when configured so, or when this request came over HTTPS."""
        configured = bool(app.config["SESSION_COOKIE_SECURE"])
        return configured or (has_request_context() and request.is_secure)


def install(app: Flask) -> None:
    """Register the headers, the session cookie and the error pages on the app."""
    app.session_interface = SessionInterface()
    app.after_request(add_headers)

    @app.errorhandler(CSRFError)
    def csrf_failed(error: CSRFError) -> tuple[str | dict[str, str], int]:
        return error_page(
            400,
            _(
                "The form has expired or was not sent from this site. Reload the page and try again."
            ),
        )

    @app.errorhandler(DatabaseUnavailable)
    def database_unavailable(error: DatabaseUnavailable) -> tuple[str | dict[str, str], int]:
        LOG.error("%s %s not saved: %s", request.method, request.path, error)
        return error_page(503, unavailable_text(error.reason))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str | dict[str, str], int]:
        code = error.code or 500
        return error_page(code if code in HANDLED else 400)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[str | dict[str, str], int]:
        LOG.exception("unexpected failure on %s %s", request.method, request.path)
        return error_page(500)
