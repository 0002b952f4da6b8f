"""The front matter of a report: document control, scope, method and limitations, references."""

from __future__ import annotations

import importlib
from typing import Any

from assessor.domain.content import Content
from assessor.domain.results import Assessment
from assessor.domain.text import tr
from assessor.reporting.i18n import Translator
from assessor.reporting.people import role_counts
from assessor.reporting.views import View

FEW_EXECUTIVES = 2
"""With this many executives or fewer, the perception gap rests on few people: say so."""


def document_control(report: View, t: Translator, named: bool, min_group: int) -> View:
    """Version, date, who prepared it, for whom, and how respondents are shown."""
    prepared_by = ", ".join(x for x in (report["consultant"], report["firm"]) if x)
    return {
        "version": report["version"],
        "date": report["date"],
        "prepared_by": prepared_by or t("control.not_named"),
        "prepared_for": t("control.for", client=report["client"]),
        "people": t("control.named") if named else t("control.by_role", count=min_group),
    }


def scope(content: Content, a: Assessment, t: Translator, main_id: str) -> View:
    """Who answered (by role), how complete the answers are, what was not assessed, and the
    limitations a reader must weigh."""
    counts = role_counts(a)
    scored = set(a.frameworks)
    not_scored = [tr(f.title, t.lang) for f in content.frameworks.values() if f.id not in scored]
    unscored = [
        tr(d.title, t.lang)
        for f in a.frameworks.values()
        for d in f.dimensions.values()
        if d.score is None
    ]
    limits = []
    total = len(a.respondents)
    if total == 1:
        limits.append(t("scope.single"))
    executives = counts.get("executive", 0)
    if 0 < executives <= FEW_EXECUTIVES and total > 1:
        limits.append(t("scope.few_executives", count=executives))
    if a.confidence.share < 0.9:
        limits.append(t("scope.incomplete", share=t.number(a.confidence.share * 100)))
    return {
        "roles": [
            {
                "role": t(f"role.{role}"),
                "count": n,
                "text": t("scope.role", role=t(f"role.{role}"), count=n),
            }
            for role, n in counts.items()
        ],
        "respondents": total,
        "share": t.number(a.confidence.share * 100),
        "not_scored": not_scored,
        "unscored": unscored,
        "limits": limits,
        "main": main_id,
    }


def references(content: Content, lang: str) -> list[str]:
    """The reference list when the content has one (the content's own `references` and the
    domain's `cited_references`, where that work is in place), else an empty list."""
    found: Any = getattr(content, "references", None)
    if not found:
        return []
    try:
        module = importlib.import_module("assessor.domain.references")
        cited = getattr(module, "cited_references", None)
        if callable(cited):
            found = cited(content)
    except ImportError:
        pass
    items = found.values() if isinstance(found, dict) else found
    return [_reference(item, lang) for item in items]


def _reference(item: Any, lang: str) -> str:
    """One reference as text: author, year, title, publisher or site, where it has them."""
    if isinstance(item, str):
        return item
    parts = []
    for name in ("author", "authors", "year", "title", "publisher", "site", "url"):
        value = getattr(item, name, None)
        if value is None and isinstance(item, dict):
            value = item.get(name)
        if value:
            text = tr(value, lang) if isinstance(value, dict) else value
            parts.append(", ".join(text) if isinstance(text, list) else str(text))
    return ". ".join(parts) if parts else str(item)
