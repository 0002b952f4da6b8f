"""Which texts of the content lack a version in a language: for `assessor validate --lang ru`."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from assessor.domain.content import Content
from assessor.domain.errors import ContentError
from assessor.domain.text import DEFAULT_LANGUAGE, Text
from assessor.domain.yamlsrc import YamlPath

NOT_TRANSLATED = frozenset({"source"})
"""Text fields that stay in their original language: sources cite publications as written."""


def texts(value: Any, hint: Any = None, path: YamlPath = ()) -> Iterator[tuple[YamlPath, Any]]:
    """Every (YAML path, text) inside a content model, found by the fields' declared types."""
    if value is None:
        return
    if isinstance(value, BaseModel):
        hints = get_type_hints(type(value), include_extras=True)
        for name, field in type(value).model_fields.items():
            if name not in NOT_TRANSLATED:
                key = field.alias or name
                yield from texts(getattr(value, name), hints[name], (*path, key))
        return
    alternatives = [_unwrap(h) for h in _alternatives(_unwrap(hint))]
    if any(h == Text for h in alternatives) and isinstance(value, str | dict):
        yield path, value
        return
    for alternative in alternatives:
        origin = get_origin(alternative)
        if origin is list and isinstance(value, list):
            (item_hint,) = get_args(alternative)
            for index, item in enumerate(value):
                yield from texts(item, item_hint, (*path, index))
            return
        if origin is dict and isinstance(value, dict):
            _, item_hint = get_args(alternative)
            for key, item in value.items():
                yield from texts(item, item_hint, (*path, key))
            return


def _alternatives(hint: Any) -> tuple[Any, ...]:
    """The types a hint allows: the members of a union, else the hint itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return get_args(hint)
    return (hint,)


def _unwrap(hint: Any) -> Any:
    """The hint without constraints such as `Field(min_length=1)` (Text itself is kept)."""
    while get_origin(hint) is Annotated and hint != Text:
        hint = get_args(hint)[0]
    return hint


def missing_translations(content: Content, lang: str) -> list[ContentError]:
    """Every text of the content with no version in `lang` (or one equal to the English)."""
    if lang == DEFAULT_LANGUAGE:
        return []
    found = []
    for loaded in content.files:
        for path, text in texts(loaded.model):
            english = text.get(DEFAULT_LANGUAGE, "") if isinstance(text, dict) else text
            other = text.get(lang, "").strip() if isinstance(text, dict) else ""
            if other and other != english.strip():
                continue
            what = "is the English" if other else "has no version"
            shown = " ".join(english.split())
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            file, line, where = loaded.at(*path)
            found.append(ContentError(file, line, where, f"text {what} in '{lang}': {shown!r}"))
    return found
