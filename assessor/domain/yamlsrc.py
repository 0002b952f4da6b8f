"""Safe YAML reading that remembers the line of every key and item."""

from __future__ import annotations

import json
import math
import os
import re
import stat
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_FILE_BYTES = 2_000_000
"""Content and answer files larger than this are refused before parsing."""
MAX_DEPTH = 64
"""Lists and mappings nested deeper than this are refused."""
MAX_ALIASES = 100
"""More aliases (`*name`) than this in one file are refused."""
MAX_ALIAS_VALUES = 10_000
"""Aliases may add at most this many values to a file once expanded (no alias bombs)."""
MAX_NUMBER_CHARS = 100
"""A number written with more characters than this is refused."""
_LARGEST_INT = 10**308  # about the largest float: every integer read can be used as one
_SURROGATE = re.compile("[\ud800-\udfff]")
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})

YamlPath = tuple[str | int, ...]


class StrictSafeLoader(yaml.SafeLoader):
    """A safe loader with YAML 1.2's plain scalars: only true/false are booleans (no 'Norway
    problem'), numbers are decimal (0x10, 010, 1_000 and 1:30 stay text) and dates stay text."""


_DROPPED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "timestamp")}
_PLAIN_SCALARS = [
    ("tag:yaml.org,2002:bool", "tTfF", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("tag:yaml.org,2002:int", "-+0123456789", r"^[-+]?(?:0|[1-9][0-9]*)$"),
    (
        "tag:yaml.org,2002:float",
        "-+0123456789.",
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    ),
]
StrictSafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _firsts, _pattern in reversed(_PLAIN_SCALARS):  # ints are tried before floats
    for _first in _firsts:
        StrictSafeLoader.yaml_implicit_resolvers.setdefault(_first, []).insert(
            0, (_tag, re.compile(_pattern))
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


def read_limited(path: Path, name: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a SourceError for anything else."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:  # non-blocking, so that opening a named pipe does not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError(name, 1, f"cannot read file: {exc.strerror}") from exc
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(name, 1, "not a regular file (a folder, device or pipe)")
        if info.st_size > limit:
            raise SourceError(
                name, 1, f"file is {info.st_size:,} bytes; the limit is {limit:,} bytes"
            )
        data = stream.read(limit + 1)  # the file may have grown since fstat
    if len(data) > limit:
        raise SourceError(name, 1, f"file is over {limit:,} bytes; the limit is {limit:,} bytes")
    return data


def _read_text(path: Path, name: str) -> str:
    try:
        return read_limited(path, name).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(name, 1, "file is not UTF-8 text") from exc


def read_yaml(path: Path, display: str | None = None) -> SourceDoc:
    """Read one YAML file safely, refusing oversized, empty or malformed files."""
    name = display or str(path)
    return parse_yaml(_read_text(path, name), name)


def read_document(path: Path, display: str | None = None) -> SourceDoc:
    """Read a YAML file, or a JSON file by its suffix, under the same limits and checks."""
    name = display or str(path)
    text = _read_text(path, name)
    if path.suffix.lower() == ".json":
        return parse_json(text, name)
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
    except RecursionError as exc:
        raise SourceError(name, 1, f"nesting is deeper than {MAX_DEPTH} levels") from exc
    if node is None:
        raise SourceError(name, 1, "file is empty")
    _check_graph(node, name)
    loader = _Loader("")
    builder = _Builder(name, loader)
    try:
        data = builder.build(node, (), 1, None)
    finally:
        loader.dispose()
    return SourceDoc(file=name, data=data, lines=builder.lines)


def _children(node: Node) -> list[tuple[Node, int]]:
    """A node's children, each with the line an alias there would be on."""
    if isinstance(node, MappingNode):
        pairs: list[tuple[Node, int]] = []
        for key, value in node.value:
            pairs += [(key, key.start_mark.line + 1), (value, key.start_mark.line + 1)]
        return pairs
    if isinstance(node, SequenceNode):
        return [(item, node.start_mark.line + 1) for item in node.value]
    return []


def _check_graph(root: Node, name: str) -> None:
    """Refuse recursive aliases, deep nesting, and aliases that expand too far (alias bombs).

    The composer shares one node between an anchor and its aliases, so a node reached twice is
    an alias. One walk over the distinct nodes sums how many values the aliases expand to.
    """
    size: dict[int, int] = {}  # values in a node once expanded, for nodes fully walked
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    aliases: list[int] = []  # the line of each alias
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, line, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            size[key] = 1 + sum(size[id(kid)] for kid, _ in kids)
            height[key] = 1 + max((height[id(kid)] for kid, _ in kids), default=0)
            open_nodes.discard(key)
            continue
        if key in open_nodes:
            raise SourceError(name, line, "recursive alias: a value contains itself")
        if key in size:
            aliases.append(line)
            if len(aliases) > MAX_ALIASES:
                raise SourceError(name, aliases[0], f"more than {MAX_ALIASES} aliases")
            continue
        if len(open_nodes) >= MAX_DEPTH:
            raise SourceError(name, line, f"nesting is deeper than {MAX_DEPTH} levels")
        open_nodes.add(key)
        stack.append((node, line, True))
        stack.extend((kid, kid_line, False) for kid, kid_line in reversed(_children(node)))
    expanded = size[id(root)] - len(size)
    if expanded > MAX_ALIAS_VALUES:
        raise SourceError(
            name,
            aliases[0],
            f"aliases expand to {expanded:,} more values; the limit is {MAX_ALIAS_VALUES:,}",
        )
    if height[id(root)] > MAX_DEPTH:
        raise SourceError(name, aliases[0], f"nesting is deeper than {MAX_DEPTH} levels")


class _Builder:
    """Builds plain data from composed nodes and records the line of every path."""

    def __init__(self, name: str, loader: Any) -> None:
        self.name = name
        self.loader = loader
        self.lines: dict[YamlPath, int] = {}
        self.built: set[int] = set()

    def build(self, node: Node, path: YamlPath, line: int, alias_line: int | None) -> Any:
        """Plain data from a node; the values an alias expands to take the alias's line."""
        if alias_line is None and id(node) in self.built:
            alias_line = line
        self.built.add(id(node))
        self.lines[path] = alias_line or node.start_mark.line + 1
        if isinstance(node, MappingNode | SequenceNode) and node.tag not in _PLAIN_TAGS:
            raise SourceError(
                self.name, node.start_mark.line + 1, f"unsupported YAML tag '{node.tag}'"
            )
        if isinstance(node, MappingNode):
            return self._mapping(node, path, alias_line)
        if isinstance(node, SequenceNode):
            item_line = alias_line or node.start_mark.line + 1
            return [
                self.build(item, (*path, i), item_line, alias_line)
                for i, item in enumerate(node.value)
            ]
        return self.scalar(node)

    def _mapping(self, node: MappingNode, path: YamlPath, alias_line: int | None) -> Any:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = alias_line or key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise SourceError(self.name, key_line, "merge keys (<<) are not supported")
            key = self.scalar(key_node)
            if not isinstance(key, str | int):
                raise SourceError(self.name, key_line, f"key {key!r} must be text")
            key = str(key)
            child = (*path, key)
            if key in result:
                raise SourceError(
                    self.name, key_line, f"{format_path(child)}: duplicate key '{key}'"
                )
            result[key] = self.build(value_node, child, key_line, alias_line)
            self.lines[child] = key_line
        return result

    def scalar(self, node: Node) -> Any:
        """The value of a scalar node; a SourceError for any value that cannot be read."""
        line = node.start_mark.line + 1
        if not isinstance(node, ScalarNode):
            raise SourceError(self.name, line, "a key must be a plain value")
        if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
            raise SourceError(
                self.name, line, f"number is longer than {MAX_NUMBER_CHARS} characters"
            )
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError) as exc:
            problem = exc.problem if isinstance(exc, yaml.MarkedYAMLError) else exc
            shown = node.value if len(node.value) <= 40 else node.value[:39] + "…"
            raise SourceError(self.name, line, f"invalid value '{shown}': {problem}") from exc
        return checked_value(value, self.name, line)


def checked_value(value: Any, name: str, line: int) -> Any:
    """A scalar as read, unless it is a number too large for a float or broken text."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _LARGEST_INT:
        raise SourceError(name, line, "number is too large")
    if isinstance(value, str) and _SURROGATE.search(value):
        raise SourceError(name, line, "text holds an invalid character (a lone surrogate)")
    return value


_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_JSON_WORDS = {"true": True, "false": False, "null": None}
_JSON_STRINGS = json.JSONDecoder()


def parse_json(text: str, name: str) -> SourceDoc:
    """Parse JSON text into plain data and a path-to-line map, with YAML's limits and checks."""
    reader = _JsonReader(text.removeprefix("\ufeff"), name)
    reader.skip_space()
    if reader.pos == len(reader.text):
        raise SourceError(name, 1, "file is empty")
    data = reader.value((), 1)
    reader.skip_space()
    if reader.pos != len(reader.text):
        raise reader.error("extra text after the JSON value")
    return SourceDoc(file=name, data=data, lines=reader.lines)


class _JsonReader:
    """A JSON parser that keeps the line of every key and item (the json module keeps none)."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.pos = 0
        self.lines: dict[YamlPath, int] = {}
        self._breaks = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int | None = None) -> int:
        """The 1-based line of a position (the current one by default)."""
        return bisect_left(self._breaks, self.pos if pos is None else pos) + 1

    def error(self, message: str, pos: int | None = None) -> SourceError:
        """A SourceError at a position (the current one by default)."""
        return SourceError(self.name, self.line(pos), f"invalid JSON: {message}")

    def skip_space(self) -> None:
        """Move past whitespace."""
        match = _JSON_SPACE.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos

    def value(self, path: YamlPath, depth: int) -> Any:
        """Read the value at the current position."""
        if depth > MAX_DEPTH:
            raise SourceError(self.name, self.line(), f"nesting is deeper than {MAX_DEPTH} levels")
        self.skip_space()
        self.lines[path] = self.line()
        char = self.text[self.pos : self.pos + 1]
        if char == "{":
            return self._object(path, depth)
        if char == "[":
            return self._array(path, depth)
        if char == '"':
            return self._string()
        number = _JSON_NUMBER.match(self.text, self.pos)
        if number:
            return self._number(number)
        for word, meaning in _JSON_WORDS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return meaning
        raise self.error("expected a value" if char else "the file ends too early")

    def _object(self, path: YamlPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        self.pos += 1
        self.skip_space()
        if self.text.startswith("}", self.pos):
            self.pos += 1
            return result
        while True:
            self.skip_space()
            if not self.text.startswith('"', self.pos):
                raise self.error("expected a key in double quotes")
            key_line = self.line()
            key = self._string()
            child = (*path, key)
            if key in result:
                raise SourceError(
                    self.name, key_line, f"{format_path(child)}: duplicate key '{key}'"
                )
            self.skip_space()
            if not self.text.startswith(":", self.pos):
                raise self.error("expected ':' after a key")
            self.pos += 1
            result[key] = self.value(child, depth + 1)
            self.lines[child] = key_line
            if self._end_of_container("}"):
                return result

    def _array(self, path: YamlPath, depth: int) -> list[Any]:
        result: list[Any] = []
        self.pos += 1
        self.skip_space()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return result
        while True:
            result.append(self.value((*path, len(result)), depth + 1))
            if self._end_of_container("]"):
                return result

    def _end_of_container(self, closing: str) -> bool:
        self.skip_space()
        char = self.text[self.pos : self.pos + 1]
        self.pos += 1
        if char == closing:
            return True
        if char != ",":
            raise self.error(f"expected ',' or '{closing}'", self.pos - 1)
        return False

    def _string(self) -> str:
        start = self.pos
        try:
            text, self.pos = _JSON_STRINGS.raw_decode(self.text, self.pos)
        except ValueError as exc:  # json.JSONDecodeError, at the character it names
            raise self.error(getattr(exc, "msg", str(exc)), getattr(exc, "pos", start)) from exc
        return str(checked_value(text, self.name, self.line(start)))

    def _number(self, match: re.Match[str]) -> float | int:
        written = match.group()
        line = self.line()
        self.pos = match.end()
        if len(written) > MAX_NUMBER_CHARS:
            raise SourceError(
                self.name, line, f"number is longer than {MAX_NUMBER_CHARS} characters"
            )
        if match.group(1) or match.group(2):
            number = float(written)
            if math.isinf(number):
                raise SourceError(self.name, line, "number is too large")
            return number
        return int(checked_value(int(written), self.name, line))
