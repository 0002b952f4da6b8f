"""The front matter of a report: document control, scope, method and limitations, references."""

from __future__ import annotations

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
    counts = role_counts(a, content.role_ids)
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
    executives = sum(n for role, n in counts.items() if role in content.perception_roles)
    if 0 < executives <= FEW_EXECUTIVES and total > 1:
        limits.append(t("scope.few_executives", count=executives))
    if a.confidence.share < 0.9:
        limits.append(t("scope.incomplete", share=t.number(a.confidence.share * 100)))
    if a.confidence.unknown:
        limits.append(t("scope.dont_know", count=a.confidence.unknown))
    unknowns = [
        t(
            "scope.unknown_question",
            question=tr(u.text, t.lang),
            matched=u.dont_know,
            of=u.answered,
        )
        for u in a.unknowns
        if u.flagged
    ]
    return {
        "roles": [
            {
                "role": t.term("role", role),
                "count": n,
                "text": t("scope.role", role=t.term("role", role), count=n),
            }
            for role, n in counts.items()
        ],
        "respondents": total,
        "share": t.number(a.confidence.share * 100),
        "not_scored": not_scored,
        "unscored": unscored,
        "limits": limits,
        "unknowns": unknowns,
        "main": main_id,
    }
