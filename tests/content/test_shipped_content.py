"""The shipped content: stable ids, questionnaire sizes, coverage and sources."""

from __future__ import annotations

from collections import Counter

import pytest

from assessor.domain.content import Content
from assessor.domain.text import tr
from tests.helpers import workspace

FRAMEWORKS = {
    "gartner-8": [
        "vision",
        "strategy",
        "customer-experience",
        "organisational-collaboration",
        "processes",
        "information",
        "technology",
        "metrics",
    ],
    "kale-10": [
        "executive-engagement",
        "why-and-where",
        "clear-objectives",
        "short-term-goals",
        "incremental-rollout",
        "team-and-training",
        "change-management",
        "external-review",
        "feedback-mechanisms",
        "customer-monitoring",
    ],
    "methodology": ["vision", "strategy", "organisation", "information", "technology", "kpis"],
}

REQUIRED_RISKS = [
    "tech-before-strategy",
    "tech-before-org-change",
    "over-engineering",
    "guess-not-ask",
    "no-value-proposition",
    "tech-process-mismatch",
    "one-size-fits-all",
    "no-executive-sponsor",
    "no-change-management",
    "big-bang-rollout",
    "no-training",
    "no-measurable-objectives",
    "no-kpis",
    "poor-data-quality",
    "no-owner",
    "no-feedback-loop",
    "scope-creep",
]

PHASES = [
    "mobilise",
    "vision",
    "strategy",
    "organisation",
    "information",
    "technology",
    "monitoring",
]


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace().content


def test_frameworks_have_the_stable_dimension_ids_in_order(content: Content) -> None:
    for framework_id, dimensions in FRAMEWORKS.items():
        assert [d.id for d in content.frameworks[framework_id].dimensions] == dimensions


def test_technology_is_only_the_seventh_gartner_block_and_depends_on_direction(
    content: Content,
) -> None:
    gartner = content.frameworks["gartner-8"]
    technology = gartner.dimensions[6]
    assert technology.id == "technology"
    assert "strategy" in technology.depends_on or "processes" in technology.depends_on


def test_every_maturity_level_describes_every_dimension(content: Content) -> None:
    for framework in content.frameworks.values():
        assert len(framework.maturity) == 6
        for level in framework.maturity:
            assert set(level.descriptors) == {d.id for d in framework.dimensions}


def test_required_risks_exist_with_sources_and_mitigations(content: Content) -> None:
    for risk_id in REQUIRED_RISKS:
        risk = content.risks[risk_id]
        assert tr(risk.source).strip()
        assert all(action in content.actions for action in risk.mitigations)
    assert len(content.risks) >= len(REQUIRED_RISKS) + 3, (
        "Kale's deadly sins add risks of their own"
    )


def test_kale_deadly_sins_are_covered(content: Content) -> None:
    """Each of Kale's (2004) seven deadly sins is the cited source of at least one risk."""
    cited = {
        number
        for risk in content.risks.values()
        for number in range(1, 8)
        if f"deadly sin {number}" in " ".join(tr(risk.source).split())
    }
    assert sorted(set(range(1, 8)) - cited) == [], "deadly sins no risk cites"


def test_executive_self_assessment_is_short_and_covers_every_dimension(content: Content) -> None:
    questionnaire = content.questionnaires["executive-self-assessment"]
    questions = content.questionnaire_questions("executive-self-assessment")
    assert questionnaire.audience == "executive"
    # 38 questions: the review's budget, past-attempt, privacy, vendor and adoption questions
    # were added so that an executive alone can raise every severe risk an executive can know
    # about; the stated duration became a realistic 25 minutes (review (c)).
    assert 20 <= len(questions) <= 40
    assert questionnaire.duration_minutes <= 25
    fed = {m.dimension for q in questions for m in q.maps_to}
    assert set(content.dimension_refs()) <= fed


def test_consultant_workshop_asks_at_least_four_questions_per_dimension(content: Content) -> None:
    questions = content.questionnaire_questions("consultant-workshop")
    assert 80 <= len(questions) <= 150
    per_dimension = Counter(m.dimension for q in questions for m in q.maps_to)
    thin = {ref: per_dimension[ref] for ref in content.dimension_refs() if per_dimension[ref] < 4}
    assert not thin


def test_every_dimension_can_be_raised_by_an_action(content: Content) -> None:
    raised = Counter(ref for a in content.actions.values() for ref in a.raises)
    assert {ref for ref in content.dimension_refs() if raised[ref] < 2} == set()


def test_roadmap_phases_follow_the_methodology(content: Content) -> None:
    assert [p.id for p in content.roadmap.phases] == PHASES
    technology = next(p for p in content.roadmap.phases if p.id == "technology")
    assert {"strategy", "organisation"} <= set(technology.starts_after)
    phases_used = {a.phase for a in content.actions.values()}
    assert phases_used == set(PHASES)


def test_pilot_comes_before_rollout_in_the_action_library(content: Content) -> None:
    rollouts = [a for a in content.actions.values() if a.step == "rollout"]
    assert [a.id for a in rollouts] == ["crm-rollout"]
    assert [a.id for a in content.actions.values() if a.step == "pilot"] == ["crm-pilot"]
    for rollout in rollouts:
        assert any(content.actions[p].step == "pilot" for p in rollout.prerequisites), rollout.id


def test_readiness_gates_protect_direction_and_sponsorship(content: Content) -> None:
    gates = {g.id: g for g in content.readiness.gates}
    direction = gates["direction"].dimensions
    assert "gartner-8/vision" in direction and "gartner-8/strategy" in direction
    assert "kale-10/executive-engagement" in gates["sponsorship"].dimensions
    top = content.readiness.bands[-1].id
    assert all(g.cap != top for g in gates.values())


def test_kpis_cover_the_programme_measures(content: Content) -> None:
    for kpi in (
        "user-adoption-rate",
        "customer-satisfaction",
        "nps",
        "churn-rate",
        "customer-lifetime-value",
    ):
        assert kpi in content.kpis


def test_titles_have_russian_translations(content: Content) -> None:
    for framework in content.frameworks.values():
        assert tr(framework.title, "ru") != tr(framework.title, "en")
        for dimension in framework.dimensions:
            assert isinstance(dimension.title, dict) and "ru" in dimension.title, dimension.id


def test_sources_cite_the_source_articles(content: Content) -> None:
    cited = " ".join(
        tr(item.source)
        for collection in (content.frameworks, content.risks, content.actions)
        for item in collection.values()
    )
    for ref in ("artbmx-methodology", "th-crm-strategy", "yihai-2016"):
        assert f"[{ref}]" in cited
