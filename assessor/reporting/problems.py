"""Problems met while drawing and printing a report, told in this project's words.

Libraries report trouble as Python warnings (matplotlib, Pillow, numpy) or through `logging`
(WeasyPrint, fontTools), which a user either never sees or sees as a raw warning with source
paths. While a report is made, both are caught and each is logged once on the `assessor` logger
as a plain sentence. With no logging set up (the command line), Python prints it on stderr.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

LOG = logging.getLogger("assessor")
WATCHED_LOGGERS = ("weasyprint", "fontTools")
"""Loggers whose warnings mean a report did not render as designed."""

_GLYPH = re.compile(r"Glyph (\d+) .*missing from font\(s\) (.+?)\.?$")
_FAILED_LOAD = re.compile(r"Failed to load (\w+)(?: at)?\s*'?([^'\s]*)'?\s*:?\s*(.*)$", re.S)
_ERROR_NAMES = re.compile(r"^(?:\w+(?:Error|Refused): )+")


class Collected(logging.Handler):
    """The messages of the warnings and errors logged where it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message of a warning or error."""
        self.messages.append(record.getMessage())


def warning_in_words(category: type[Warning], message: str) -> str:
    """A Python warning from a library as a sentence a report's reader can act on."""
    glyph = _GLYPH.search(message)
    if glyph:
        char = chr(int(glyph.group(1)))
        return (
            f"the font {glyph.group(2)} has no character {char!r} (U+{ord(char):04X}); "
            "it shows as an empty box in the charts"
        )
    if category.__name__ == "DecompressionBombWarning":
        return "an image has too many pixels to be shown safely"
    if issubclass(category, RuntimeWarning):
        return f"a chart was drawn from a number that is not valid ({message})"
    return f"the report may not look as designed: {message}"


def log_in_words(message: str) -> str:
    """A WeasyPrint or fontTools log message as a sentence a report's reader can act on."""
    failed = _FAILED_LOAD.match(message)
    if failed:
        kind, url, reason = failed.groups()
        reason = _ERROR_NAMES.sub("", reason.strip())
        return f"the PDF leaves out the {kind} {url}: {reason}".replace("  ", " ").strip()
    return f"the PDF may not look as designed: {message}"


@contextmanager
def collected_problems() -> Iterator[list[str]]:
    """Catch library warnings and logged problems meanwhile, in plain words and each once; the
    list is filled when the block ends (a worker process sends it to the one that logs)."""
    handler = Collected()
    loggers = [logging.getLogger(name) for name in WATCHED_LOGGERS]
    for logger in loggers:
        logger.addHandler(handler)
    problems: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield problems
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
        found = [warning_in_words(w.category, str(w.message)) for w in caught]
        found += [log_in_words(message) for message in handler.messages]
        problems += dict.fromkeys(found)


def log_problems(problems: Iterable[str]) -> None:
    """Log each problem once on the `assessor` logger."""
    for problem in dict.fromkeys(problems):
        LOG.warning("warning: %s", problem)


@contextmanager
def reported_problems() -> Iterator[list[str]]:
    """Catch library warnings and logged problems meanwhile; log each once, in plain words."""
    problems: list[str] = []
    try:
        with collected_problems() as problems:
            yield problems
    finally:
        log_problems(problems)
