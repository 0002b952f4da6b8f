"""What every command shares: where the content is, and the workspace loaded from it once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assessor.config import shipped_content_dir
from assessor.services.workspace import Workspace, open_workspace


@dataclass
class CliState:
    """The content folder chosen (--content or ASSESSOR_CONTENT_DIR) and the working folder."""

    content: Path | None
    base: Path
    _workspace: Workspace | None = field(default=None, repr=False)

    @property
    def root(self) -> Path:
        """The content folder in force: the one chosen, else the shipped content."""
        return self.content or shipped_content_dir()

    def workspace(self) -> Workspace:
        """The content loaded and validated (once per run); ContentInvalid lists every error."""
        if self._workspace is None:
            self._workspace = open_workspace(self.root, self.base)
        return self._workspace
