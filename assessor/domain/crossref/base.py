"""What every cross-reference check shares: the error report, id look-ups, cycles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assessor.domain.content import Content, LoadedFile
from assessor.domain.errors import ContentError
from assessor.domain.yamlsrc import YamlPath, format_path


class Report:
    """Collects errors at locations inside loaded files."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, item: LoadedFile, path: YamlPath, message: str) -> None:
        """Record an error at a path inside a loaded file."""
        self.errors.append(
            ContentError(item.doc.file, item.doc.line_of(path), format_path(path), message)
        )


def exists(content: Content, kind: str, ident: str) -> bool:
    """Whether an id is defined, or defined in a file that already failed its schema check."""
    collections: dict[str, Mapping[str, object]] = {
        "question": content.questions,
        "action": content.actions,
        "risk": content.risks,
        "KPI": content.kpis,
        "framework": content.frameworks,
    }
    known = ident in collections.get(kind, {})
    return known or ident in content.unverified.get(kind, set()) or _unreadable(content, ident)


UNREADABLE = "*"
"""The `unverified` key of ids found in files that could not even be parsed, of any kind."""


def _unreadable(content: Content, ident: str) -> bool:
    """Whether an id appears in a file that could not be parsed (so its kind is unknown)."""
    return ident.partition("/")[0] in content.unverified.get(UNREADABLE, set())


def dimension_error(content: Content, ref: str) -> str | None:
    """Why `framework/dimension` does not resolve, or None when it does."""
    framework_id, _, dimension_id = ref.partition("/")
    if _unreadable(content, framework_id):
        return None
    if framework_id in content.unverified.get("framework", set()):
        if ref in content.unverified.get("dimension", set()):
            return None
        return f"unknown dimension '{dimension_id}' in framework '{framework_id}'"
    if framework_id not in content.frameworks:
        return f"unknown framework '{framework_id}' in '{ref}'"
    if content.dimension(ref) is None:
        return f"unknown dimension '{dimension_id}' in framework '{framework_id}'"
    return None


def check_unique(
    values: Sequence[str], what: str, item: LoadedFile, path: YamlPath, report: Report
) -> None:
    """Report every value that repeats an earlier one."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            report.add(item, (*path, i), f"duplicate {what} '{value}'")
        seen.add(value)


def check_cycles(
    graph: dict[str, list[str]],
    what: str,
    item: LoadedFile,
    locate: dict[str, YamlPath],
    report: Report,
) -> None:
    """Report each node that sits on a cycle of `graph`, once per cycle."""
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(node: str, trail: list[str]) -> None:
        """Depth-first walk that reports a cycle when it meets a node on the trail."""
        state[node] = 1
        trail.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    report.add(item, locate[cycle[0]], f"{what} cycle: {' -> '.join(cycle)}")
            elif nxt not in state:
                visit(nxt, trail)
        trail.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [])


def defined_terms(content: Content, what: str) -> list[str] | None:
    """The role, audience or pillar ids the readiness model defines; None when it cannot tell.

    With no readiness model (or one that failed its schema), nothing is checked against them.
    """
    if not content.readiness_models:
        return None
    if what == "role":
        return list(content.role_ids)
    return [t.id for t in (content.audiences if what == "audience" else content.pillars)]


def check_term(
    content: Content, what: str, value: str, item: LoadedFile, path: YamlPath, report: Report
) -> None:
    """Report a role, audience or pillar id the readiness model does not define."""
    known = defined_terms(content, what)
    if known is not None and value not in known:
        report.add(item, path, f"unknown {what} '{value}'; defined: {', '.join(known)}")
