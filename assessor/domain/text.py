"""Translatable text: a plain string (English) or a map of language code to text."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

DEFAULT_LANGUAGE = "en"

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _require_english(value: str | dict[str, str]) -> str | dict[str, str]:
    if isinstance(value, dict):
        if DEFAULT_LANGUAGE not in value:
            raise ValueError("English text ('en') is required beside any translation")
        blank = [lang for lang, text in value.items() if not text.strip()]
        if blank:
            raise ValueError(f"empty translation for {', '.join(blank)}")
    elif not value.strip():
        raise ValueError("text must not be empty")
    return value


Text = Annotated[str | dict[LanguageCode, str], AfterValidator(_require_english)]
"""A text field: `"Plain English"` or `{en: "English", ru: "Русский"}`."""


def tr(text: str | dict[str, str] | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Return the text in the given language, falling back to English."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get(lang.split("-")[0]) or text[DEFAULT_LANGUAGE]


def is_translated(value: object) -> bool:
    """Whether a value is a translated text: a mapping of language codes to strings, with English."""
    return (
        isinstance(value, dict)
        and DEFAULT_LANGUAGE in value
        and all(isinstance(k, str) and len(k) in (2, 5) for k in value)
        and all(isinstance(v, str) for v in value.values())
    )


_HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters but tab and line feed
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # bidi marks, embeddings, overrides
)
_SURROGATES = re.compile("[\ud800-\udfff]")
CUT_MARK = " […]"


def clean_display(text: str, limit: int | None = None) -> str:
    """Text safe to show: no control or bidi-override characters, at most `limit` characters
    (then cut, ending in a visible mark)."""
    cleaned = _SURROGATES.sub("\ufffd", _HIDDEN.sub("", text))
    if limit is not None and len(cleaned) > limit:
        return cleaned[:limit].rstrip() + CUT_MARK
    return cleaned
