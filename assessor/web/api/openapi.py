"""The OpenAPI document of the API, open to anyone (it holds no data)."""

from __future__ import annotations

from typing import Any

from assessor.web.api import bp, models
from assessor.web.api.spec import document, operation


@operation(
    bp,
    "GET",
    "/openapi.json",
    "This document",
    auth="none",
    replies={200: ("The OpenAPI 3.1 document", models.Document)},
)
def openapi() -> tuple[dict[str, Any], int]:
    """The OpenAPI 3.1 document of every route of the API."""
    return document(), 200
