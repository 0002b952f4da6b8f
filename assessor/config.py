"""Where content lives: the shipped folders, or a consultant's own via ASSESSOR_CONTENT_DIR."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_ENV = "ASSESSOR_CONTENT_DIR"
CONTENT_FOLDERS = ("frameworks", "questionnaires")
"""The folders of a content directory that hold content files (reports/ holds templates)."""


def shipped_content_dir() -> Path:
    """The content shipped with the package (inside a wheel) or beside it (in a checkout)."""
    package = Path(__file__).resolve().parent
    bundled = package / "_content"
    return bundled if bundled.is_dir() else package.parent


def content_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The content directory in force: the option, else the environment, else the shipped one."""
    chosen = option or os.environ.get(CONTENT_ENV)
    return Path(chosen) if chosen else shipped_content_dir()


def content_paths(root: Path) -> list[Path]:
    """The folders of a content directory to load content files from."""
    found = [root / name for name in CONTENT_FOLDERS if (root / name).is_dir()]
    return found or [root]


def reports_dirs(root: Path) -> list[Path]:
    """Report template folders, the consultant's own first, then the shipped ones."""
    dirs = [root / "reports", shipped_content_dir() / "reports"]
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and folder.resolve() not in [d.resolve() for d in unique]:
            unique.append(folder)
    return unique
