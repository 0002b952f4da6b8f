"""The roadmap planner on hand-made assessments: what is chosen, why, in which order, and when."""

from __future__ import annotations

import datetime as dt

import pytest

from assessor.domain.content import Content
from assessor.domain.results import Roadmap, ScheduledAction
from assessor.domain.roadmap import plan_roadmap
from assessor.domain.schema import QuickWinRule
from assessor.services.results import describe_rationale, describe_skip, roadmap_json
from tests.fixtures.roadmap.builders import build_assessment, fixture_content


@pytest.fixture(scope="module")
def content() -> Content:
    return fixture_content()


def by_id(roadmap: Roadmap) -> dict[str, ScheduledAction]:
    return {a.id: a for a in roadmap.actions}


def test_a_poorly_prepared_company_starts_with_sponsorship_vision_and_strategy(
    content: Content,
) -> None:
    roadmap = plan_roadmap(content, build_assessment(content, default=20))
    actions = by_id(roadmap)
    first_weeks = sorted(roadmap.actions, key=lambda a: a.start_week)
    assert [a.id for a in first_weeks if a.start_week == 1] == ["appoint-sponsor", "monthly-review"]
    assert [p.id for p in roadmap.phases] == [
        "mobilise",
        "vision",
        "strategy",
        "organisation",
        "information",
        "technology",
        "monitoring",
    ]
    technology_start = min(a.start_week for a in roadmap.actions if a.phase == "technology")
    groundwork_end = max(
        a.end_week for a in roadmap.actions if a.phase in {"strategy", "organisation"}
    )
    assert technology_start == groundwork_end + 1 == 25
    assert actions["crm-pilot"].end_week < actions["crm-rollout"].start_week


def test_the_schedule_in_weeks_and_the_critical_path(content: Content) -> None:
    roadmap = plan_roadmap(content, build_assessment(content, default=20))
    weeks = {a.id: (a.start_week, a.end_week) for a in roadmap.actions}
    assert weeks == {
        "appoint-sponsor": (1, 2),
        "name-owner-and-team": (3, 4),
        "define-vision": (5, 7),
        "set-objectives": (8, 9),
        "segment-customers": (10, 13),
        "value-propositions": (14, 16),
        "train-team": (17, 22),
        "redesign-processes": (17, 24),
        "clean-data": (17, 20),
        "crm-pilot": (25, 30),
        "pilot-review": (31, 31),
        "crm-rollout": (32, 41),
        "kpi-dashboard": (10, 11),
        "monthly-review": (1, 1),
    }
    assert roadmap.total_weeks == 41
    assert roadmap.critical_path == [
        "appoint-sponsor",
        "name-owner-and-team",
        "define-vision",
        "set-objectives",
        "segment-customers",
        "value-propositions",
        "redesign-processes",
        "crm-pilot",
        "pilot-review",
        "crm-rollout",
    ]
    assert not by_id(roadmap)["train-team"].critical


def test_a_well_prepared_company_gets_nothing_to_do(content: Content) -> None:
    roadmap = plan_roadmap(content, build_assessment(content, default=85))
    assert roadmap.actions == []
    assert roadmap.total_weeks == 0
    assert all(p.skipped for p in roadmap.phases)
    vision = next(p for p in roadmap.phases if p.id == "vision")
    assert (
        describe_skip(vision.skip)
        == "Nothing to do: demo/vision is at target, and no risk calls for action here."
    )
    assert (vision.start_week, vision.end_week) == (None, None)


def test_only_the_dimensions_below_target_get_actions(content: Content) -> None:
    assessment = build_assessment(content, {"demo/strategy": 45}, default=80)
    roadmap = plan_roadmap(content, assessment)
    assert [a.id for a in roadmap.actions] == ["segment-customers", "value-propositions"]
    segment = by_id(roadmap)["segment-customers"]
    assert [(r.kind, r.ref, describe_rationale(r, content)) for r in segment.rationale] == [
        ("gap", "demo/strategy", "demo/strategy is 45 against a target of 70")
    ]
    assert (segment.start_week, segment.prerequisites, segment.assumed_in_place) == (
        1,
        [],
        ["set-objectives"],
    )
    assert by_id(roadmap)["value-propositions"].prerequisites == ["segment-customers"]
    mobilise = next(p for p in roadmap.phases if p.id == "mobilise")
    assert describe_skip(mobilise.skip) == (
        "Nothing to do: demo/sponsorship and demo/organisation are at target, and no risk calls for action here."
    )


def test_targets_decide_what_is_a_gap(content: Content) -> None:
    assessment = build_assessment(
        content, {"demo/strategy": 45}, default=80, targets={"demo/strategy": 40}
    )
    assert plan_roadmap(content, assessment).actions == []
    raised = build_assessment(content, default=80, targets={"demo/vision": 90})
    assert [a.id for a in plan_roadmap(content, raised).actions] == [
        "define-vision",
        "set-objectives",
    ]


def test_an_unassessed_dimension_gets_no_action_and_is_named(content: Content) -> None:
    assessment = build_assessment(content, {"demo/information": None}, default=80)
    roadmap = plan_roadmap(content, assessment)
    assert roadmap.actions == []
    information = next(p for p in roadmap.phases if p.id == "information")
    assert (
        describe_skip(information.skip)
        == "Nothing to do: demo/information was not assessed, and no risk calls for action here."
    )


def test_a_triggered_risk_brings_its_mitigations_even_at_target(content: Content) -> None:
    assessment = build_assessment(content, default=80, risks=["technology-first"])
    roadmap = plan_roadmap(content, assessment)
    actions = by_id(roadmap)
    assert list(actions) == ["define-vision", "segment-customers"]
    assert [
        (r.kind, r.ref, describe_rationale(r, content)) for r in actions["define-vision"].rationale
    ] == [("risk", "technology-first", "mitigates the risk 'Technology before strategy'")]
    assert actions["segment-customers"].start_week > actions["define-vision"].end_week


def test_a_rollout_always_brings_the_way_back_to_its_pilot(content: Content) -> None:
    """Technology is at target, yet a risk calls for the rollout: pilot and review come first."""
    assessment = build_assessment(content, default=80, risks=["departmental-silos"])
    actions = by_id(plan_roadmap(content, assessment))
    assert list(actions) == ["crm-pilot", "pilot-review", "crm-rollout"]
    pilot, review, rollout = actions["crm-pilot"], actions["pilot-review"], actions["crm-rollout"]
    assert [(r.kind, r.ref, describe_rationale(r, content)) for r in pilot.rationale] == [
        ("prerequisite", "crm-rollout", "needed before 'Roll CRM out company-wide' (crm-rollout)"),
        ("prerequisite", "pilot-review", "needed before 'Review the pilot' (pilot-review)"),
    ]
    assert [(r.kind, r.ref) for r in review.rationale] == [("prerequisite", "crm-rollout")]
    assert pilot.assumed_in_place == ["redesign-processes", "clean-data"]
    assert [(a.start_week, a.end_week) for a in (pilot, review, rollout)] == [
        (1, 6),
        (7, 7),
        (8, 17),
    ]
    assert rollout.prerequisites == ["crm-pilot", "pilot-review"]


def test_other_technology_prerequisites_can_be_assumed_in_place(content: Content) -> None:
    """Only the processes are short: reviewing the pilot needs no new pilot when technology is fine."""
    assessment = build_assessment(content, {"demo/processes": 50}, default=80)
    actions = by_id(plan_roadmap(content, assessment))
    assert list(actions) == ["redesign-processes", "pilot-review"]
    assert actions["pilot-review"].assumed_in_place == ["crm-pilot"]
    assert actions["pilot-review"].start_week == actions["redesign-processes"].end_week + 1


def test_technology_waits_for_strategy_even_when_organisation_has_nothing_to_do(
    content: Content,
) -> None:
    assessment = build_assessment(content, {"demo/strategy": 30, "demo/technology": 30}, default=80)
    actions = by_id(plan_roadmap(content, assessment))
    assert set(actions) == {
        "segment-customers",
        "value-propositions",
        "crm-pilot",
        "pilot-review",
        "crm-rollout",
    }
    assert actions["value-propositions"].end_week == 7
    assert actions["crm-pilot"].start_week == 8


def test_quick_wins_are_cheap_valuable_and_early(content: Content) -> None:
    roadmap = plan_roadmap(content, build_assessment(content, default=20))
    assert roadmap.quick_wins == [
        "appoint-sponsor",
        "monthly-review",
        "name-owner-and-team",
        "set-objectives",
    ]
    assert all(a.quick_win == (a.id in roadmap.quick_wins) for a in roadmap.actions)
    assert not by_id(roadmap)["kpi-dashboard"].quick_win  # low effort but medium impact


def test_a_cheap_valuable_action_that_starts_late_is_no_quick_win(content: Content) -> None:
    model = content.roadmap.model_copy(update={"quick_wins": QuickWinRule(within_days=30)})
    stricter = Content(**{**vars(content), "roadmap_models": {model.id: model}})
    roadmap = plan_roadmap(stricter, build_assessment(content, default=20))
    assert by_id(roadmap)["set-objectives"].start_week == 8
    assert roadmap.quick_wins == ["appoint-sponsor", "monthly-review", "name-owner-and-team"]


def test_a_start_date_gives_every_action_dates(content: Content) -> None:
    monday = dt.date(2025, 1, 6)
    roadmap = plan_roadmap(content, build_assessment(content, default=20), start=monday)
    rollout = by_id(roadmap)["crm-rollout"]
    assert (rollout.start_week, rollout.end_week) == (32, 41)
    assert (rollout.start, rollout.end) == (dt.date(2025, 8, 11), dt.date(2025, 10, 17))
    assert roadmap.start == monday
    undated = plan_roadmap(content, build_assessment(content, default=20))
    assert all(a.start is None and a.end is None for a in undated.actions)


def test_the_kpi_plan_lists_what_the_planned_actions_move(content: Content) -> None:
    roadmap = plan_roadmap(content, build_assessment(content, {"demo/technology": 30}, default=80))
    plan = [(k.id, k.moved_by, k.baseline, k.target) for k in roadmap.kpi_plan]
    assert plan == [
        ("adoption", ["crm-pilot", "pilot-review", "crm-rollout"], None, None),
        ("data-quality", ["crm-rollout"], None, None),
    ]
    assert roadmap.kpi_plan[0].measures == "Share of users active weekly."


def test_the_same_input_gives_the_same_plan(content: Content) -> None:
    assessment = build_assessment(
        content, {"demo/vision": 10, "demo/technology": 35}, risks=["no-sponsor"]
    )
    first = plan_roadmap(content, assessment, start=dt.date(2025, 3, 3))
    assert plan_roadmap(content, assessment, start=dt.date(2025, 3, 3)) == first
    again = plan_roadmap(content, assessment, start=dt.date(2025, 3, 3))
    assert roadmap_json(again, content) == roadmap_json(first, content)


def test_the_json_names_every_scheduled_action_field(content: Content) -> None:
    planned = plan_roadmap(
        content, build_assessment(content, default=20), start=dt.date(2025, 1, 6)
    )
    data = roadmap_json(planned, content)
    action = next(a for a in data["actions"] if a["id"] == "crm-pilot")
    assert {
        k: action[k] for k in ("id", "phase", "start_week", "end_week", "start", "end", "quick_win")
    } == {
        "id": "crm-pilot",
        "phase": "technology",
        "start_week": 25,
        "end_week": 30,
        "start": "2025-06-23",
        "end": "2025-08-01",
        "quick_win": False,
    }
    assert action["prerequisites"] == ["redesign-processes", "clean-data"]
    assert action["rationale"] == [
        {
            "kind": "gap",
            "ref": "demo/technology",
            "score": 20,
            "target": 70,
            "text": "demo/technology is 20 against a target of 70",
        }
    ]
    assert data["critical_path"][-1] == "crm-rollout"
