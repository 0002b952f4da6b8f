"""Translatable text: a plain string (English) or a map of language code to text."""

from __future__ import annotations

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
