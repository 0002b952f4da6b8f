"""Schemathesis against /api/v1/openapi.json on the app (WSGI): every route answers as the
document says (status, content type, body schema) and never with a server error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from assessor.web.api.spec import OPERATIONS, PREFIX, Operation
from tests.web.api.support import token_for
from tests.web.conftest import make_app
from tests.web.support import add_firm

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 12
"""Examples per route: bounded, so the whole run takes seconds."""


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One app for every route's examples, with a firm whose records the examples may hit."""
    yield from make_app(
        tmp_path_factory.mktemp("schema"),
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'api.sqlite3'}",
    )


@pytest.fixture(scope="module")
def auth(fuzzed_app: Flask) -> dict[str, str]:
    """A valid API token of the firm's consultant."""
    return token_for(fuzzed_app, add_firm(fuzzed_app, "Acme").user)


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: Flask) -> schemathesis.BaseSchema:
    """The API's own document, loaded through the app."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzzed_app)


def cases() -> list[tuple[Operation, GenerationMode]]:
    """Each route with valid data, and with invalid data where it takes any."""
    found = [(o, GenerationMode.POSITIVE) for o in OPERATIONS]
    found += [(o, GenerationMode.NEGATIVE) for o in OPERATIONS if o.body or "{" in o.path]
    return found


@pytest.mark.parametrize(
    ("operation", "mode"),
    cases(),
    ids=lambda c: c.value if isinstance(c, GenerationMode) else f"{c.method} {c.path}",
)
def test_every_route_answers_as_documented(
    api_schema: schemathesis.BaseSchema,
    auth: dict[str, str],
    operation: Operation,
    mode: GenerationMode,
) -> None:
    found = api_schema.find_operation_by_label(f"{operation.method} {PREFIX}{operation.path}")
    assert found is not None

    @given(case=found.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def answers_as_documented(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=auth, checks=CHECKS)

    answers_as_documented()


def test_the_document_is_valid_openapi(fuzzed_app: Flask, tmp_path: Path) -> None:
    document = fuzzed_app.test_client().get("/api/v1/openapi.json")
    assert document.status_code == 200 and document.get_json()["openapi"].startswith("3.1")
    loaded = schemathesis.openapi.from_dict(document.get_json())
    assert len(list(loaded.get_all_operations())) == len(OPERATIONS)
