"""Safe YAML reading that remembers the line of every key and item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 2_000_000
"""Content and answer files larger than this are refused before parsing."""

YamlPath = tuple[str | int, ...]


class StrictSafeLoader(yaml.SafeLoader):
    """A safe loader where only true/false are booleans (no 'Norway problem')."""


StrictSafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    StrictSafeLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0,
        (
            "tag:yaml.org,2002:bool",
            re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        ),
    )

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = StrictSafeLoader
if yaml.__with_libyaml__:  # the C parser composes the same nodes, about ten times faster

    class StrictCSafeLoader(yaml.CSafeLoader):
        """StrictSafeLoader's rules on libyaml's parser."""

        yaml_implicit_resolvers = StrictSafeLoader.yaml_implicit_resolvers

    _Loader = StrictCSafeLoader


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


class SourceError(Exception):
    """A file that cannot be read as YAML: carries file, line and message."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message


@dataclass(frozen=True)
class SourceDoc:
    """A parsed YAML document with the line of every path in it."""

    file: str
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)

    def line_of(self, path: YamlPath) -> int:
        """Return the line of a path, or of its closest existing parent."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def format_path(path: YamlPath) -> str:
    """Render a YAML path as dotted keys with [index] for list items."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(document)"


def read_yaml(path: Path, display: str | None = None) -> SourceDoc:
    """Read one YAML file safely, refusing oversized, empty or malformed files."""
    name = display or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(name, 1, f"cannot read file: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise SourceError(name, 1, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(name, 1, "file is not UTF-8 text") from exc
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> SourceDoc:
    """Parse YAML text into plain data and a path-to-line map."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceError(name, line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise SourceError(name, 1, f"invalid YAML: {exc}") from exc
    if node is None:
        raise SourceError(name, 1, "file is empty")
    lines: dict[YamlPath, int] = {}
    loader = _Loader("")
    try:
        data = _construct(node, (), lines, name, loader)
    finally:
        loader.dispose()
    return SourceDoc(file=name, data=data, lines=lines)


def _construct(
    node: Node, path: YamlPath, lines: dict[YamlPath, int], name: str, loader: Any
) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode | SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise SourceError(name, node.start_mark.line + 1, f"unsupported YAML tag '{node.tag}'")
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError(
                    name, key_node.start_mark.line + 1, "merge keys (<<) are not supported"
                )
            key = _scalar(key_node, name, loader)
            if not isinstance(key, str | int):
                raise SourceError(name, key_node.start_mark.line + 1, f"key {key!r} must be text")
            key = str(key)
            if key in result:
                raise SourceError(
                    name,
                    key_node.start_mark.line + 1,
                    f"{format_path((*path, key))}: duplicate key '{key}'",
                )
            child = (*path, key)
            result[key] = _construct(value_node, child, lines, name, loader)
            lines[child] = key_node.start_mark.line + 1
        return result
    if isinstance(node, SequenceNode):
        return [
            _construct(item, (*path, i), lines, name, loader) for i, item in enumerate(node.value)
        ]
    return _scalar(node, name, loader)


def _scalar(node: Node, name: str, loader: Any) -> Any:
    if not isinstance(node, ScalarNode):
        raise SourceError(name, node.start_mark.line + 1, "a key must be a plain value")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise SourceError(name, node.start_mark.line + 1, f"invalid value: {exc}") from exc
