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


SHIPPED_OWN_REPORTS = "crm"
"""The shipped CRM content's own report files (wording, layout, findings), a folder of reports/:
the engine's templates and neutral wording in reports/ serve every content folder, the CRM
content's overrides only the shipped content."""


def reports_dirs(root: Path) -> list[Path]:
    """Report folders: the content's own first, then the engine's (templates, neutral wording)."""
    engine = shipped_content_dir() / REPORTS_FOLDER
    own = root / REPORTS_FOLDER
    if own.resolve() == engine.resolve():  # the shipped content: its overrides are declared apart
        own = engine / SHIPPED_OWN_REPORTS
    dirs = [own, engine]
    unique: list[Path] = []
    for folder in dirs:
        if folder.is_dir() and folder.resolve() not in [d.resolve() for d in unique]:
            unique.append(folder)
    return unique
