"""Every client-facing text of the framework, risk, action, KPI, readiness and roadmap files
has a Russian version (the questionnaires are checked elsewhere)."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import pytest
from pydantic import BaseModel

from assessor.domain.content import Content
from assessor.domain.schema import (
    ActionLibrary,
    Framework,
    KpiCatalogue,
    ReadinessModel,
    RiskCatalogue,
    RoadmapModel,
)
from assessor.domain.text import Text
from tests.helpers import workspace

TRANSLATED_KINDS = (
    Framework,
    RiskCatalogue,
    ActionLibrary,
    KpiCatalogue,
    ReadinessModel,
    RoadmapModel,
)
NOT_TRANSLATED = frozenset({"source"})
"""Fields of type Text that stay in English (sources are replaced by a reference list)."""


def _is_text(hint: Any) -> bool:
    return hint == Text


def _alternatives(hint: Any) -> tuple[Any, ...]:
    """The types a hint allows: the members of a union, else the hint itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return get_args(hint)
    return (hint,)


def _unwrap(hint: Any) -> Any:
    """The hint without constraints such as `Field(min_length=1)` (Text itself is kept)."""
    while get_origin(hint) is Annotated and not _is_text(hint):
        hint = get_args(hint)[0]
    return hint


def _texts(value: Any, hint: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every (path, text) inside `value`, whose declared type is `hint`."""
    if value is None:
        return
    if isinstance(value, BaseModel):
        hints = get_type_hints(type(value), include_extras=True)
        for name in type(value).model_fields:
            if name not in NOT_TRANSLATED:
                yield from _texts(getattr(value, name), hints[name], f"{path}.{name}")
        return
    alternatives = [_unwrap(h) for h in _alternatives(_unwrap(hint))]
    if any(_is_text(h) for h in alternatives) and isinstance(value, str | dict):
        yield path, value
        return
    for alternative in alternatives:
        origin = get_origin(alternative)
        if origin is list and isinstance(value, list):
            (item_hint,) = get_args(alternative)
            for index, item in enumerate(value):
                yield from _texts(item, item_hint, f"{path}[{index}]")
            return
        if origin is dict and isinstance(value, dict):
            _, item_hint = get_args(alternative)
            for key, item in value.items():
                yield from _texts(item, item_hint, f"{path}.{key}")
            return


def _untranslated(content: Content) -> tuple[int, list[str]]:
    checked, missing = 0, []
    for loaded in content.files:
        if not isinstance(loaded.model, TRANSLATED_KINDS):
            continue
        name = "/".join(loaded.doc.file.replace("\\", "/").rsplit("/", 2)[-2:])
        for path, text in _texts(loaded.model, type(loaded.model), ""):
            path = f"{name}: {path.lstrip('.')}"
            checked += 1
            russian = text.get("ru", "").strip() if isinstance(text, dict) else ""
            english = text.get("en", "") if isinstance(text, dict) else text
            if not russian:
                missing.append(f"{path}: no Russian for {english[:60]!r}")
            elif russian == english.strip():
                missing.append(f"{path}: Russian is the English {english[:60]!r}")
    return checked, missing


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace().content


def test_the_walk_finds_texts_at_every_depth(content: Content) -> None:
    paths = {path for loaded in content.files for path, _ in _texts(loaded.model, None, "")}
    assert ".title" in paths
    assert ".maturity[0].descriptors.vision" in paths
    assert ".actions[0].deliverables[0]" in paths
    assert ".bands[0].verdict" in paths
    assert not any(path.endswith(".source") for path in paths)


def test_every_framework_risk_action_kpi_readiness_and_roadmap_text_has_russian(
    content: Content,
) -> None:
    checked, missing = _untranslated(content)
    assert checked > 500
    assert not missing, f"{len(missing)} of {checked} texts lack Russian:\n" + "\n".join(missing)
