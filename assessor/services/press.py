"""The report's helper processes, for a command to start before its heavy imports.

`assessor.services.reports` imports the whole reporting layer; this module imports only what
starts the press, so that matplotlib and WeasyPrint load in the helpers while the command goes on.
"""

from __future__ import annotations

from assessor.reporting.press import Press
from assessor.reporting.processes import processors

__all__ = ["Press", "processors"]
