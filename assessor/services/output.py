"""Writing a report file: atomically, never over an input, keeping the permissions it replaces."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assessor.reporting import ReportError


def write_output(path: Path, data: bytes, *, inputs: Sequence[Path]) -> None:
    """Write `data` to `path` through a temporary file; a ReportError if `path` is an input."""
    for source in inputs:
        if _same_file(path, source):
            raise ReportError(f"{path}: the output would overwrite the input file {source}")
    mode = _mode_to_keep(path)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise ReportError(f"{path}: cannot write the report: {exc.strerror}") from exc


def _same_file(output: Path, source: Path) -> bool:
    """Whether writing `output` would replace `source` (the same path, or a link to it)."""
    try:
        return output.resolve() == source.resolve() or os.path.samefile(output, source)
    except OSError:
        return False


def _mode_to_keep(path: Path) -> int:
    """The permissions of the file being replaced, else those a new file gets from the umask."""
    try:
        info = os.stat(path)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    return stat.S_IMODE(info.st_mode)
