"""Each API route defined once, as data: its Flask rule, its view and its OpenAPI operation.

`operation` registers a view on the blueprint and records it in `OPERATIONS`; `document`
writes the OpenAPI 3.1 document from that record and the pydantic models, so the two
cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from flask import Blueprint
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from assessor.web.api import models
from assessor.web.converters import MAX_ID

PREFIX = "/api/v1"
Auth = Literal["consultant", "link", "none"]
ReplySpec = tuple[str, type[BaseModel] | tuple[str, ...] | None]
"""(description, JSON model, or media types of a file, or None for no body)."""
PARAMETER = re.compile(r"{(\w+)}")
TOKEN_PATTERN = r"^[A-Za-z0-9_-]{1,100}$"


@dataclass(frozen=True)
class Operation:
    """One route: method, OpenAPI path, who may call it, its body and its answers."""

    method: str
    path: str
    endpoint: str
    summary: str
    auth: Auth
    body: type[models.Request] | None = None
    replies: Mapping[int, ReplySpec] = field(default_factory=dict)
    lang: bool = False

    @property
    def rule(self) -> str:
        """The Flask rule: `{client_id}` becomes `<int:client_id>`, `{token}` stays a string."""
        return PREFIX + PARAMETER.sub(
            lambda m: f"<int:{m[1]}>" if m[1].endswith("_id") else f"<{m[1]}>", self.path
        )


OPERATIONS: list[Operation] = []


def operation(
    bp: Blueprint,
    method: str,
    path: str,
    summary: str,
    *,
    auth: Auth = "consultant",
    body: type[models.Request] | None = None,
    replies: Mapping[int, ReplySpec],
    lang: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view under `path` (OpenAPI style) and record it for the document."""

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        found = Operation(method, path, view.__name__, summary, auth, body, replies, lang)
        OPERATIONS.append(found)
        bp.add_url_rule(found.rule, found.endpoint, view, methods=[method])
        return view

    return register


def operation_of(endpoint: str) -> Operation | None:
    """The operation of a blueprint endpoint (`api.name`), if it is one."""
    name = endpoint.split(".", 1)[-1]
    return next((o for o in OPERATIONS if o.endpoint == name), None)


def document() -> dict[str, Any]:
    """The OpenAPI 3.1 document of every recorded operation."""
    used: list[type[BaseModel]] = [models.Error]
    for found in OPERATIONS:
        used += [found.body] if found.body else []
        used += [m for _, m in found.replies.values() if isinstance(m, type)]
    unique = list(dict.fromkeys(used))
    _, schemas = models_json_schema(
        [(m, "validation" if issubclass(m, models.Request) else "serialization") for m in unique],
        ref_template="#/components/schemas/{model}",
    )
    paths: dict[str, dict[str, Any]] = {}
    for found in OPERATIONS:
        paths.setdefault(PREFIX + found.path, {})[found.method.lower()] = _operation(found)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "CRM Readiness Assessor API",
            "version": "1",
            "description": "Clients, assessments, invitations, answers by link, results, "
            "roadmaps and reports. Consultants authenticate with `Authorization: Bearer "
            "<token>` (the *API token* page, or `assessor user token --email E`); respondents by "
            "their link token.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def _operation(found: Operation) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "operationId": found.endpoint,
        "summary": found.summary,
        "security": [{"bearer": []}] if found.auth == "consultant" else [],
        "parameters": _parameters(found),
        "responses": _responses(found),
    }
    if found.body is not None:
        spec["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(found.body)}},
        }
    return spec


def _parameters(found: Operation) -> list[dict[str, Any]]:
    params = []
    for name in PARAMETER.findall(found.path):
        schema = (
            {"type": "integer", "minimum": 1, "maximum": MAX_ID}
            if name.endswith("_id")
            else {"type": "string", "pattern": TOKEN_PATTERN}
        )
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    if found.lang:
        params.append(
            {"name": "lang", "in": "query", "required": False, "schema": {"enum": ["en", "ru"]}}
        )
    return params


def _responses(found: Operation) -> dict[str, Any]:
    errors: dict[int, str] = {400: "The request could not be understood."}
    if found.auth == "consultant":
        errors[401] = "No valid API token."
    if PARAMETER.search(found.path):
        errors[404] = "No such record, or it is another firm's."
    if found.body is not None:
        errors |= {413: "The body is too large.", 415: "The body is not JSON.", 422: "Bad input."}
    replies: dict[str, Any] = {}
    for status, (description, model) in sorted(found.replies.items()):
        replies[str(status)] = {"description": description} | _content(model)
    for status, description in errors.items():
        replies.setdefault(str(status), {"description": description} | _content(models.Error))
    return replies


def _content(model: type[BaseModel] | tuple[str, ...] | None) -> dict[str, Any]:
    if model is None:
        return {}
    if isinstance(model, tuple):
        binary = {"schema": {"type": "string", "format": "binary"}}
        return {"content": {media: binary for media in model}}
    return {"content": {"application/json": {"schema": _ref(model)}}}


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}
