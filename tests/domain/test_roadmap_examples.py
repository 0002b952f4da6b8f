"""End to end on the shipped examples: answers scored by the scoring engine, then planned."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.domain.content import Content
from assessor.domain.planning import urgent_actions
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.roadmap import plan_roadmap
from assessor.services.results import describe_skip
from tests.fixtures.roadmap.builders import shipped_content
from tests.helpers import assess, workspace

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TARGETS = EXAMPLES / "targets.yaml"
GROUNDWORK = ("mobilise", "vision", "strategy")


@pytest.fixture(scope="module")
def content() -> Content:
    return shipped_content()


def example_assessment(content: Content, folder: str) -> Assessment:
    answers = sorted(Path(EXAMPLES / folder).glob("*.yaml"))
    return assess(workspace(), "consultant-workshop", answers, TARGETS)


def example_roadmap(content: Content, folder: str) -> Roadmap:
    return plan_roadmap(content, example_assessment(content, folder))


def test_a_tech_first_company_starts_with_sponsorship_vision_and_strategy(
    content: Content,
) -> None:
    roadmap = example_roadmap(content, "tech-first")
    first = min(roadmap.actions, key=lambda a: (a.start_week, a.phase != "mobilise"))
    assert (first.id, first.start_week) == ("appoint-executive-sponsor", 1)
    assert [p.id for p in roadmap.phases if not p.skipped][:3] == list(GROUNDWORK)
    urgent = urgent_actions(
        content, example_assessment(content, "tech-first"), {a.id: [] for a in roadmap.actions}
    )
    organisation_starts = min(
        a.start_week for a in roadmap.actions if a.phase == "organisation" and a.id not in urgent
    )
    early = {
        a.phase
        for a in roadmap.actions
        if a.start_week < organisation_starts and a.id not in urgent
    }
    assert early <= {*GROUNDWORK, "monitoring"}
    assert {"mobilise", "vision", "strategy"} <= early


def test_a_tech_first_company_gets_no_software_work_until_the_groundwork_is_done(
    content: Content,
) -> None:
    roadmap = example_roadmap(content, "tech-first")
    actions = {a.id: a for a in roadmap.actions}
    technology = [a for a in roadmap.actions if a.phase == "technology"]
    groundwork_end = max(
        a.end_week for a in roadmap.actions if a.phase in {"strategy", "organisation"}
    )
    assert technology
    assert min(a.start_week for a in technology) > max(groundwork_end, 26)
    assert actions["crm-pilot"].end_week < actions["pilot-evaluation"].start_week
    assert actions["pilot-evaluation"].end_week < actions["crm-rollout"].start_week
    assert roadmap.critical_path[0] == "appoint-executive-sponsor"
    assert roadmap.critical_path[-1] == "crm-rollout"
    assert roadmap.quick_wins and all(
        actions[q].start_week <= 13 and actions[q].effort == "low" for q in roadmap.quick_wins
    )


def test_a_well_prepared_company_gets_a_short_roadmap(content: Content) -> None:
    roadmap = example_roadmap(content, "well-prepared")
    assert len(roadmap.actions) <= 3
    assert not [a for a in roadmap.actions if a.phase == "technology"]
    vision = next(p for p in roadmap.phases if p.id == "vision")
    assert vision.skipped
    assert describe_skip(vision.skip).startswith(
        "Nothing to do: methodology/vision, gartner-8/vision, "
    )
    assert describe_skip(vision.skip).endswith(
        " other areas are at target, and no risk calls for action here."
    )


def test_the_workshop_example_plans_the_same_way_twice(content: Content) -> None:
    first = example_roadmap(content, "acme-workshop")
    assert example_roadmap(content, "acme-workshop") == first
    assert first.kpi_plan and all(k.baseline is None and k.target is None for k in first.kpi_plan)
