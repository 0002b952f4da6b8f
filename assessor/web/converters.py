"""URL converters: an id past what the database can hold is not found (404, never 500)."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1
"""The largest id any table holds (a 32-bit signed integer on PostgreSQL; SQLite's are smaller)."""
NO_ID = 0
"""What an id past MAX_ID reads as: no record has it (ids start at 1), so the view says 404."""


class BoundedInt(IntegerConverter):
    """`<int:...>` whose values past MAX_ID read as NO_ID before any view or query sees them.

    Failing the match instead would answer 405 where another method's rule shares the path,
    and would skip the sign-in check; reading as an id nobody has keeps both as they are.
    """

    def to_python(self, value: str) -> int:
        """The id, or NO_ID when it is past what the database holds."""
        number = int(super().to_python(value))
        return NO_ID if number > MAX_ID else number


def install(app: Flask) -> None:
    """Make every `<int:...>` of the app's routes bounded; call before the blueprints register."""
    app.url_map.converters["int"] = BoundedInt
