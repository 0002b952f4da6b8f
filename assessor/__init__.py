"""CRM Readiness Assessor: is a company ready to implement CRM, where it falls short, what next.

`assessor.create_app(config=None)` builds the web app; it is imported on first use, so that
`import assessor` (and every command that does not serve pages) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assessor.web import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """Import the web app factory when it is first asked for."""
    if name == "create_app":
        from assessor.web import create_app

        return create_app
    raise AttributeError(f"module 'assessor' has no attribute {name!r}")
