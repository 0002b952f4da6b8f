"""Report templates to HTML: a sandboxed, autoescaped Jinja2 environment over the reports/ folders.

Templates may come from another consultant's content folder, so they are untrusted: they run in
Jinja2's immutable sandbox, which refuses internal attributes (`__class__`, `__globals__`) and
methods that change data, and every value is escaped unless marked safe by this code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from assessor.domain.errors import ContentError
from assessor.domain.loader import display_name
from assessor.domain.text import clean_display
from assessor.domain.yamlsrc import SourceError, read_limited
from assessor.reporting import ReportError
from assessor.reporting.problems import reported_problems

TEMPLATE_SUFFIX = ".html.j2"
MAX_TEXT_CHARS = 5_000
"""One text longer than this (a free-text answer, say) is cut in a report, with a visible mark."""
STYLES_FOLDER = "css"


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(folder)) for folder in dirs])
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_display,
    )
    env.globals["stylesheet"] = jinja2.pass_environment(_stylesheet)
    return env


def _display(value: Any) -> Any:
    """What a template prints: text without control or bidi-override characters, and cut when
    too long (the `data:` URIs of charts and logos are left whole); safe markup as it is."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return clean_display(value, None if value.startswith("data:") else MAX_TEXT_CHARS)


def environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """The template environment: a consultant's reports/ first, then the shipped templates."""
    return _environment(tuple(Path(d).resolve() for d in dirs))


def _stylesheet(env: jinja2.Environment, name: str) -> Markup:
    """A stylesheet from reports/css/, inlined as is (CSS is not HTML, so not escaped)."""
    assert env.loader is not None
    try:
        source, _, _ = env.loader.get_source(env, f"{STYLES_FOLDER}/{name}")
    except jinja2.TemplateNotFound as exc:
        raise ReportError(f"no stylesheet reports/{STYLES_FOLDER}/{name}") from exc
    return Markup(source.replace("</", "<\\/"))


def template_names(dirs: Sequence[Path]) -> list[str]:
    """The report templates on offer (executive, full, and any a consultant adds)."""
    names = {
        path.name.removesuffix(TEMPLATE_SUFFIX)
        for folder in dirs
        for path in Path(folder).glob(f"*{TEMPLATE_SUFFIX}")
    }
    return sorted(names)


def render_html(dirs: Sequence[Path], template: str, context: Mapping[str, Any]) -> str:
    """Render a report template (by name, e.g. 'executive') with its context to HTML."""
    if template not in template_names(dirs):
        known = ", ".join(template_names(dirs)) or "none"
        raise ReportError(f"unknown report template '{template}'; available: {known}")
    env = environment(dirs)
    try:
        with reported_problems():  # charts are drawn while the template renders
            return env.get_template(f"{template}{TEMPLATE_SUFFIX}").render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise ReportError(
            f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
        ) from exc
    except jinja2.TemplateError as exc:  # a SecurityError from the sandbox among them
        raise ReportError(f"report template '{template}': {exc}") from exc


def template_errors(folder: Path, base: Path | None = None) -> list[ContentError]:
    """Every template in a reports/ folder that does not compile, as a file:line error."""
    env = _environment((folder.resolve(),))
    errors: list[ContentError] = []
    for path in sorted(folder.rglob(f"*{TEMPLATE_SUFFIX}")):
        name = display_name(path.resolve(), base)
        try:
            source = read_limited(path, name).decode("utf-8")
            env.compile(source, path.relative_to(folder).as_posix(), str(path))
        except SourceError as exc:
            errors.append(ContentError(exc.file, exc.line, "", exc.message))
        except UnicodeDecodeError:
            errors.append(ContentError(name, 1, "", "file is not UTF-8 text"))
        except jinja2.TemplateSyntaxError as exc:
            errors.append(ContentError(name, exc.lineno, "", f"template error: {exc.message}"))
    return errors
