"""Readiness reports: charts (matplotlib) -> HTML (Jinja2, reports/ templates) -> PDF (WeasyPrint)."""

from __future__ import annotations

from assessor.domain.errors import InputError


class ReportError(InputError):
    """A report cannot be made: bad branding or translation file, template or output."""
