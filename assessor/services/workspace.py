"""The workspace: content loaded and validated once, with its report folders and fingerprint.

A long-lived process (the web app) builds one at start-up and passes it to every service; the
command line builds one per run. Nothing here reads the environment or the working folder:
the caller says where the content is and what paths are relative to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessor.config import content_paths, reports_dirs, shipped_content_dir
from assessor.domain.content import Content
from assessor.domain.errors import InputError
from assessor.domain.loader import load_content
from assessor.domain.schema import Questionnaire


@dataclass(frozen=True, eq=False)
class Workspace:
    """Validated content, the report folders in force, and a fingerprint of both."""

    root: Path
    content: Content
    report_dirs: tuple[Path, ...]
    fingerprint: str
    """A hash of the content and of every report template, wording and branding file."""
    base: Path | None = None
    """The folder file names in messages are relative to (the command line's working folder)."""
    kept: dict[object, Any] = field(default_factory=dict, repr=False)
    """What callers derive from the content once per process (the web app's form classes)."""

    def questionnaire(self, questionnaire_id: str) -> Questionnaire:
        """A questionnaire of the content; InputError naming the known ones if there is none."""
        found = self.content.questionnaires.get(questionnaire_id)
        if found is None:
            known = ", ".join(self.content.questionnaires) or "none"
            raise InputError(f"unknown questionnaire '{questionnaire_id}'; known: {known}")
        return found


def open_workspace(root: Path | None = None, base: Path | None = None) -> Workspace:
    """Load and validate the content under `root` (the shipped content when None).

    Raises ContentInvalid listing every error of the content.
    """
    folder = (root or shipped_content_dir()).resolve()
    content = load_content(content_paths(folder), base)
    dirs = tuple(reports_dirs(folder))
    return Workspace(
        root=folder,
        content=content,
        report_dirs=dirs,
        fingerprint=_fingerprint(content.fingerprint, dirs),
        base=base,
    )


def _fingerprint(content_fingerprint: str, report_dirs: tuple[Path, ...]) -> str:
    """The content's fingerprint combined with the bytes of every file of the report folders."""
    digest = hashlib.sha256(content_fingerprint.encode("ascii"))
    for folder in report_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
