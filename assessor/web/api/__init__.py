"""The JSON API under /api/v1: token authentication, JSON bodies, JSON errors, no cookies.

A consultant sends `Authorization: Bearer <token>`; a respondent's routes are reached by
their link token. Every look-up goes through the same firm-scoped services as the pages,
so another firm's record is not found (404). Every 4xx is JSON with a message.
"""

from __future__ import annotations

from typing import Any, TypeVar

from flask import Blueprint, Response, abort, g, request, session
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from assessor.services.accounts import UserRecord, user_by_api_token
from assessor.web.api import models
from assessor.web.api.spec import operation_of
from assessor.web.converters import NO_ID
from assessor.web.extensions import csrf
from assessor.web.runtime import unit_of_work

bp = Blueprint("api", __name__)
csrf.exempt(bp)
Body = TypeVar("Body", bound=models.Request)
MAX_TOKEN = 200
TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    410: "Gone",
    413: "Too large",
    415: "Unsupported media type",
    422: "Unprocessable",
}


def problem(status: int, detail: str, **extra: Any) -> tuple[dict[str, Any], int]:
    """A JSON error answer: a title, the message, and anything else (e.g. problems)."""
    body = models.Error(error=TITLES.get(status, "Error"), detail=detail, **extra)
    return body.model_dump(mode="json"), status


class ApiError(HTTPException):
    """An error a view raises to answer with a JSON message."""

    def __init__(self, status: int, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.code = status
        self.reply = problem(status, detail, **extra)


@bp.before_request
def authenticate() -> None:
    """Let through a consultant with a valid bearer token (or a route that needs none)."""
    found = operation_of(request.endpoint or "")
    if found is None or found.auth != "consultant":
        return None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    user = None
    if scheme.lower() == "bearer" and 0 < len(token.strip()) <= MAX_TOKEN:
        with unit_of_work() as db:
            user = user_by_api_token(db, token.strip())
    if user is None:
        raise ApiError(401, "send Authorization: Bearer <token> with a valid API token")
    g.api_user = user
    _check_ids()
    return None


def _check_ids() -> None:
    """An id no record has (0, or one past what the database holds) is simply not found."""
    for value in (request.view_args or {}).values():
        if isinstance(value, int) and value == NO_ID:
            raise ApiError(404, "no such record")


@bp.after_request
def no_cookies(response: Response) -> Response:
    """Never set a cookie or let an answer be cached: the API is token-authenticated."""
    session.modified = False
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(ApiError)
def api_error(error: ApiError) -> Any:
    """The JSON answer an ApiError carries."""
    body, status = error.reply
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    return body, status, headers


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException) -> Any:
    """Any other HTTP error of an API route, as JSON."""
    status = error.code or 400
    return problem(status, error.description or TITLES.get(status, "Error"))


def consultant() -> UserRecord:
    """The consultant the request's token belongs to."""
    user: UserRecord | None = g.get("api_user")
    if user is None:
        abort(401)
    return user


def lang() -> str:
    """The language asked for with `?lang=` (English when absent); 400 for any other."""
    asked = request.args.get("lang", "en")
    if asked not in ("en", "ru"):
        raise ApiError(400, "lang must be en or ru")
    return asked


def body_of(model: type[Body]) -> Body:
    """The request's JSON body checked against its model; 415, 400 or 422 when it is not."""
    if not request.is_json:
        raise ApiError(415, "send the body as application/json")
    try:
        return model.model_validate_json(request.get_data(cache=False) or b"null")
    except ValidationError as exc:
        problems = [_problem(e) for e in exc.errors(include_url=False)[:50]]
        if any(p.kind == "json_invalid" for p in problems):
            raise ApiError(400, "the body is not valid JSON") from None
        raise ApiError(422, "the body does not match its schema", problems=problems) from None


def _problem(error: Any) -> models.Problem:
    where = ".".join(str(part) for part in error["loc"])
    return models.Problem(
        question=None, kind=str(error["type"]), message=f"{where}: {error['msg']}"
    )


from assessor.web.api import (  # noqa: E402,F401
    answers,
    clients,
    exchange,
    imports,
    mappings,
    openapi,
    progress,
    reports,
    workshops,
)
