"""Where the shipped content lives, and the folders a content directory is made of."""

from __future__ import annotations

from pathlib import Path

CONTENT_FOLDERS = ("frameworks", "questionnaires")
"""The folders of a content directory that hold content files (reports/ holds templates)."""
REPORTS_FOLDER = "reports"
"""The folder of a content directory with report templates, wording, branding and layout."""


def shipped_content_dir() -> Path:
    """The content shipped with the package (inside a wheel) or beside it (in a checkout)."""
    package = Path(__file__).resolve().parent
    bundled = package / "_content"
    return bundled if bundled.is_dir() else package.parent


def content_paths(root: Path) -> list[Path]:
    """The folders of a content directory to load content files from."""
    found = [root / name for name in CONTENT_FOLDERS if (root / name).is_dir()]
    return found or [root]


def reports_dirs(root: Path) -> list[Path]:
    """Report template folders, the consultant's own first, then the shipped ones."""
    dirs = [root / REPORTS_FOLDER, shipped_content_dir() / REPORTS_FOLDER]
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and folder.resolve() not in [d.resolve() for d in unique]:
            unique.append(folder)
    return unique
