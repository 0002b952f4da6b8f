"""The report's fixed wording, from reports/i18n/<lang>.yaml, with English as the fallback."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

from assessor.domain.content import Content
from assessor.domain.text import DEFAULT_LANGUAGE, tr
from assessor.reporting import ReportError
from assessor.reporting.settings import read_report_yaml

I18N_FOLDER = "i18n"
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
"""The CLDR plural categories a text may give forms for (`other` is always required)."""


def is_plural(value: Any) -> bool:
    """Whether a text is a set of plural forms: a mapping of CLDR categories with `other`."""
    return (
        isinstance(value, Mapping)
        and "other" in value
        and set(value) <= PLURAL_FORMS
        and all(isinstance(v, str) for v in value.values())
    )


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings as dotted keys: {'cover': {'title': 'x'}} -> {'cover.title': 'x'};
    a mapping of plural forms ({one: ..., other: ...}) stays one text."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not is_plural(value):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = dict(value) if is_plural(value) else value
    return flat


@lru_cache(maxsize=16)
def locale(lang: str) -> Locale:
    """Babel's locale of a report language (English where Babel does not know it)."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def plural_category(lang: str, count: float) -> str:
    """The CLDR plural category of a number in a language: 'one', 'few', 'many' or 'other'."""
    return str(locale(lang).plural_form(count))


@dataclass(frozen=True)
class Translator:
    """Looks up report wording by key in one language, falling back to English."""

    lang: str
    strings: Mapping[str, Any]
    terms: Mapping[str, str] = field(default_factory=dict)
    """Titles the content defines, e.g. `role.executive`, in this language."""

    def term(self, kind: str, ident: str) -> str:
        """A role's or a risk pillar's title as the content defines it (its id if it has none)."""
        return self.terms.get(f"{kind}.{ident}") or ident

    def __call__(self, key: str, **values: Any) -> str:
        """The text of `key`, with `{name}` placeholders filled from `values`; a text with
        plural forms takes the form Babel's rules give for the language and `count`."""
        text = self.strings.get(key)
        if isinstance(text, Mapping) and is_plural(text):
            if "count" not in values:
                raise ReportError(f"report text '{key}' has plural forms and needs a count")
            text = text.get(plural_category(self.lang, values["count"]), text["other"])
        if not isinstance(text, str):
            raise ReportError(f"no report text '{key}' in reports/{I18N_FOLDER}/{self.lang}.yaml")
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError) as exc:
            raise ReportError(f"report text '{key}' ({self.lang}): bad placeholder: {exc}") from exc

    def has(self, key: str) -> bool:
        """Whether there is text for `key`."""
        value = self.strings.get(key)
        return isinstance(value, str) or is_plural(value)

    def date(self, day: dt.date, key: str = "date.format") -> str:
        """A date written out in this language, e.g. '5 March 2025' (or '5 March' by `key`)."""
        months = self.strings.get("date.months")
        if not isinstance(months, list) or len(months) != 12:
            raise ReportError(f"reports/{I18N_FOLDER}/{self.lang}.yaml: date.months needs 12 names")
        return self(key, day=day.day, month=months[day.month - 1], year=day.year)

    def dates(self, start: dt.date, end: dt.date) -> str:
        """A span of dates, the year written once when both share it: '4 May – 15 May 2026'."""
        first = self.date(start, "date.short_format" if start.year == end.year else "date.format")
        return self("date.range", start=first, end=self.date(end))

    def number(self, value: float | None, digits: int = 0) -> str:
        """A score or share for print; a dash when there is none."""
        if value is None:
            return self("common.none")
        pattern = "0." + "0" * digits if digits else "0"
        return str(format_decimal(round(value, digits), format=pattern, locale=locale(self.lang)))

    def score(self, value: float | None, thresholds: Sequence[float] = ()) -> str:
        """A score rounded for print, but never across a threshold it has not reached (59.7
        against a band from 60 reads 59), nor below one it has (60.0 stays 60)."""
        shown = self.shown_score(value, thresholds)
        return self("common.none") if shown is None else self.number(shown)

    def shown_score(self, value: float | None, thresholds: Sequence[float] = ()) -> int | None:
        """The whole number `score` prints; differences between printed scores are taken
        between these, so that "45 to 59" never reads "+15"."""
        if value is None:
            return None
        shown = round(value)
        for threshold in thresholds:
            if value < threshold <= shown:
                shown = math.ceil(threshold) - 1
        return shown

    def score_change(
        self, before: float | None, after: float | None, thresholds: Sequence[float] = ()
    ) -> int | None:
        """The change between two scores as printed (each rounded as `score` rounds it)."""
        first, last = self.shown_score(before, thresholds), self.shown_score(after, thresholds)
        return None if first is None or last is None else last - first


def language_files(dirs: Sequence[Path], lang: str) -> list[Path]:
    """The translation files for a language, most specific first."""
    return [
        folder / I18N_FOLDER / f"{lang}.yaml"
        for folder in dirs
        if (folder / I18N_FOLDER / f"{lang}.yaml").is_file()
    ]


def load_translator(dirs: Sequence[Path], lang: str = DEFAULT_LANGUAGE) -> Translator:
    """The wording for a language: a consultant's own files over the shipped ones, English below."""
    languages = [DEFAULT_LANGUAGE] if lang == DEFAULT_LANGUAGE else [DEFAULT_LANGUAGE, lang]
    if lang != DEFAULT_LANGUAGE and not language_files(dirs, lang):
        raise ReportError(f"no report translation for language '{lang}' ({available(dirs)})")
    strings: dict[str, Any] = {}
    for language in languages:
        for path in reversed(language_files(dirs, language)):
            strings.update(flatten(read_report_yaml(path).data))
    if not strings:
        raise ReportError(f"no reports/{I18N_FOLDER}/{DEFAULT_LANGUAGE}.yaml found")
    return Translator(lang, strings)


def available(dirs: Sequence[Path]) -> str:
    """The languages reports can be written in, for messages."""
    found = sorted({p.stem for folder in dirs for p in (folder / I18N_FOLDER).glob("*.yaml")})
    return "available: " + ", ".join(found) if found else "none available"


def with_content_terms(t: Translator, content: Content) -> Translator:
    """The translator with the content's role and pillar titles in its language."""
    terms = {f"role.{r.id}": tr(r.title, t.lang) for r in content.roles}
    terms.update({f"pillar.{p.id}": tr(p.title, t.lang) for p in content.pillars})
    return replace(t, terms=terms)
