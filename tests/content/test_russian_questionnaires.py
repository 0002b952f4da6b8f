"""Every text a respondent reads in the shipped questionnaires has a Russian version."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from assessor.domain.content import Content
from assessor.domain.schema import Question, QuestionBank, Questionnaire
from assessor.domain.text import Text
from tests.helpers import workspace

NOT_TRANSLATED = {"source"}
"""Text fields left in English: sources are replaced by a reference list."""

_TEXT_VALIDATORS = {id(m) for m in getattr(Text, "__metadata__", ())}


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    """Whether a field is declared as `Text` or `Text | None`."""
    if any(id(m) in _TEXT_VALIDATORS for m in metadata):
        return True
    return any(arg is Text or _is_text(arg, []) for arg in get_args(annotation))


def _texts(model: BaseModel, where: str) -> Iterator[tuple[str, Any]]:
    """Every translatable text inside a model, with where it is."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if name not in NOT_TRANSLATED and _is_text(field.annotation, field.metadata):
            if value is not None:
                yield f"{where}.{name}", value
            continue
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, BaseModel):
                label = next(
                    (getattr(item, key) for key in ("id", "value") if hasattr(item, key)), index
                )
                suffix = f"[{label}]" if isinstance(value, list) else ""
                yield from _texts(item, f"{where}.{name}{suffix}")


def _missing_russian(text: Any) -> bool:
    if not isinstance(text, dict):
        return True
    russian = (text.get("ru") or "").strip()
    return not russian or russian == text.get("en", "").strip()


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace().content


def test_the_text_fields_are_found() -> None:
    names = {name for name, _ in _texts(_sample_question(), "q")}
    assert names == {
        "q.text",
        "q.help",
        "q.evidence",
        "q.unit",
        "q.options[a].label",
        "q.options[b].label",
    }


def _sample_question() -> BaseModel:
    return Question(
        id="q",
        text="Question?",
        help="Help.",
        type="single",
        options=[
            {"value": "a", "label": "A", "score": 1},
            {"value": "b", "label": "B", "score": 0},
        ],
        audience=["workshop"],
        evidence="Evidence.",
        unit="people",
        source="Not translated",
    )


def test_every_questionnaire_text_has_a_russian_version(content: Content) -> None:
    models = [
        (item.doc.file, item.model)
        for item in content.files
        if isinstance(item.model, QuestionBank | Questionnaire)
    ]
    assert len(models) >= 8
    missing = [
        f"{file}: {where}"
        for file, model in models
        for where, text in _texts(model, model.id)
        if _missing_russian(text)
    ]
    assert not missing, f"{len(missing)} texts lack a Russian version:\n" + "\n".join(missing)
