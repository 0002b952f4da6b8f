"""Malformed posts for any route: Hypothesis strategies, and the check that the answer is a clear 4xx.

A route is described by a `Route` (method, path with {placeholders}, body kind, field names);
the JSON API adds its own routes to a list and calls `check_answer` the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from hypothesis import strategies as st
from werkzeug.test import TestResponse

Body = Literal["form", "json"]
ODD_VALUES = [
    "",
    "n/a",
    "nan",
    "inf",
    "-1",
    "1e999",
    "0",
    "yes",
    "true",
    "medium",
    "\x00",
    "\u202e\u2066",
    "2026-02-30",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "9" * 5000,
    "a" * 2500,
    "%zz",
]
"""Values that have broken parsers before: numbers out of range, dates, controls, long text."""
RAW_BODIES = [
    b"{",
    b'{"question": ',
    b"\xff\xfe",
    b"[" * 5000,
    b"NaN",
    b"null",
    b'{"question": "company-size", "value": 1' + b"0" * 5000 + b"}",
    b'{"question": "company-size", "value": 1e999}',
    b'{"question": "company-size", "question": "crm-vision-written", "value": "yes"}',
]
"""Bodies no JSON encoder writes: truncated, not UTF-8, deep, huge numbers, repeated keys."""


@dataclass(frozen=True)
class Route:
    """A route that takes a body: its method, its path (with {placeholders}) and field names."""

    method: str
    path: str
    body: Body
    fields: tuple[str, ...] = ()
    examples: int = 40


def scalars(extra: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """Text values a form field might carry: odd ones, random text, numbers, the given ones."""
    pool = [*ODD_VALUES, *extra]
    return st.one_of(
        st.sampled_from(pool), st.text(max_size=60), st.integers().map(str), st.floats().map(str)
    )


def form_bodies(fields: tuple[str, ...], values: tuple[str, ...] = ()) -> st.SearchStrategy[Any]:
    """Form posts: known and unknown field names, single and repeated values."""
    names = st.one_of(st.sampled_from(fields), st.text(max_size=20)) if fields else st.text()
    value = scalars(values)
    return st.dictionaries(names, st.one_of(value, st.lists(value, max_size=3)), max_size=8)


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, NaN and huge integers included, nested a few levels."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        scalars(),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=20,
    )


def json_bodies(fields: tuple[str, ...], values: tuple[str, ...] = ()) -> st.SearchStrategy[bytes]:
    """JSON posts: objects with the known keys (real ids among the values), any JSON, or bytes."""
    known = st.one_of(st.sampled_from(fields), st.text(max_size=12)) if fields else st.text()
    member = st.one_of(json_values(), st.sampled_from(values) if values else scalars())
    objects = st.dictionaries(known, member, max_size=6)
    return st.one_of(
        objects.map(_dump),
        json_values().map(_dump),
        st.binary(max_size=200),
        st.sampled_from(RAW_BODIES),
    )


def _dump(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


def check_answer(answer: TestResponse) -> None:
    """Never a server error or a traceback; a refusal (4xx) says in words what was wrong."""
    text = answer.get_data(as_text=True)
    assert answer.status_code < 500, (answer.status_code, text[:500])
    assert "Traceback" not in text
    if answer.status_code < 400:
        return
    if answer.is_json:
        body = answer.get_json()
        assert isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"]
    else:
        assert "<h1>" in text or 'class="error' in text, text[:500]
