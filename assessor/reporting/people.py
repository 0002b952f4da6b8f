"""Who answered, shown as the consultant chose: by role with a minimum group size (the default),
or by name; comments and evidence never attributed to a person unless named reporting is chosen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assessor.domain.results import Assessment, DimensionScore
from assessor.domain.stats import mean
from assessor.reporting.i18n import Translator

OTHER_ROLES = "other"
View = dict[str, Any]


@dataclass(frozen=True)
class Group:
    """Respondents reported together: a role (or the other roles pooled), or one named person."""

    key: str
    label: str
    ids: tuple[str, ...]


def role_order(role: str, order: Sequence[str]) -> tuple[int, str]:
    """A role's place in the content's order of roles; roles it does not name last, by id."""
    return (order.index(role), "") if role in order else (len(order), role)


def role_counts(a: Assessment, order: Sequence[str]) -> dict[str, int]:
    """How many respondents have each role, roles in the content's order (`order`)."""
    counts = Counter(p.role for p in a.respondents)
    return {role: counts[role] for role in sorted(counts, key=lambda r: role_order(r, order))}


def role_groups(a: Assessment, t: Translator, min_group: int, order: Sequence[str]) -> list[Group]:
    """The roles at least `min_group` people share, then the other roles pooled when they are
    `min_group` or more together; smaller groups are not shown on their own. Roles come in the
    content's order (`order`)."""
    members: dict[str, list[str]] = {}
    for person in a.respondents:
        members.setdefault(person.role, []).append(person.id)
    groups, rest = [], []
    for role in sorted(members, key=lambda r: role_order(r, order)):
        if len(members[role]) >= min_group:
            label = t("people.group", role=t.term("role", role), count=len(members[role]))
            groups.append(Group(role, label, tuple(members[role])))
        else:
            rest.extend(members[role])
    if len(rest) >= min_group and groups:
        groups.append(Group(OTHER_ROLES, t("people.other_roles", count=len(rest)), tuple(rest)))
    return groups


def person_groups(a: Assessment, t: Translator, order: Sequence[str]) -> list[Group]:
    """Every respondent by name and role, for a named report, roles in the content's order."""
    return [
        Group(p.id, t("people.person", name=p.name, role=t.term("role", p.role)), (p.id,))
        for p in sorted(a.respondents, key=lambda p: (role_order(p.role, order), p.name))
    ]


def group_score(dim: DimensionScore, group: Group) -> float | None:
    """A group's mean of its members' own scores of a dimension."""
    scores = [dim.by_respondent[i] for i in group.ids if i in dim.by_respondent]
    return mean(scores) if scores else None


def unattributed(note: str, names: Sequence[str]) -> str:
    """A respondent's note without the name it starts with ('Name: text' -> 'text')."""
    for name in names:
        if note.startswith(f"{name}: "):
            return note[len(name) + 2 :]
    return note


def shown_notes(notes: Sequence[str], a: Assessment, named: bool) -> list[str]:
    """Notes as a report shows them: with names when named reporting is chosen, else without."""
    if named:
        return list(notes)
    names = sorted({p.name for p in a.respondents}, key=len, reverse=True)
    return [unattributed(n, names) for n in notes]


def themes(sections: Sequence[View], shown: int = 4) -> list[View]:
    """What respondents wrote, by theme (the questionnaire's section), most remarks first: the
    count, and the remarks said most often with how many said each."""
    found = []
    for section in sections:
        remarks = [r for q in section["questions"] for r in (*q["texts"], *q["notes"])]
        if not remarks:
            continue
        counted = Counter(remarks).most_common()
        found.append(
            {
                "title": section["title"],
                "count": len(remarks),
                "quotes": [{"text": text, "times": n} for text, n in counted[:shown]],
                "more": max(0, len(counted) - shown),
            }
        )
    return sorted(found, key=lambda th: -th["count"])
