"""Request bodies read defensively: a JSON body that cannot be read is None, never an error."""

from __future__ import annotations

from flask import request


def json_body() -> object | None:
    """The request's JSON body; None when it is not JSON, not UTF-8, or nested too deep to read.

    Python's JSON reader raises RecursionError (not ValueError) on about 1,000 nested
    brackets, which `get_json(silent=True)` lets through as a server error.
    """
    try:
        return request.get_json(silent=True)
    except RecursionError:
        return None
