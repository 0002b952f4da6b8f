"""What a PDF report may load besides its own HTML: `data:` URIs and files in the reports folders.

WeasyPrint's own fetcher follows any `file:`, `http:` or `https:` URL that reaches the HTML or
an SVG image, so a content folder's template or a branding logo could read local files into the
PDF, make network requests, or hang on a slow server. This fetcher does none of that.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from assessor.domain.yamlsrc import SourceError, read_limited

MAX_RESOURCE_BYTES = 5_000_000
"""A file a report refers to (an image, a font) may be at most this large."""
ALLOWED = "only data: URIs and files inside the reports folder may be used"


class ResourceRefused(ValueError):
    """A URL the report may not load, with the reason."""


class ConfinedFetcher(URLFetcher):  # type: ignore[misc]
    """A WeasyPrint URL fetcher for `data:` URIs and regular files inside the given folders."""

    def __init__(self, folders: Sequence[Path]) -> None:
        super().__init__(timeout=1, allowed_protocols=("data", "file"), allow_redirects=False)
        self.folders = [Path(folder).resolve() for folder in folders]

    def fetch(self, url: str, headers: Any = None) -> Any:
        """The resource at a URL, or ResourceRefused for anything this report may not load."""
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise ResourceRefused(f"not loaded ({ALLOWED})")
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise ResourceRefused(f"not loaded ({ALLOWED})")
        try:
            data = read_limited(path, str(path), MAX_RESOURCE_BYTES)
        except SourceError as exc:
            raise ResourceRefused(f"not loaded ({exc.message})") from exc
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), data, {"Content-Type": mime})
