"""Pilots and rollouts are declared (`step:`, `rollout_path:`), never inferred from ids or phase names."""

from __future__ import annotations

import dataclasses

from assessor.domain.roadmap import plan_roadmap
from tests.fixtures.roadmap.builders import build_assessment, fixture_content


def test_a_rollout_named_so_but_not_declared_is_an_ordinary_action() -> None:
    """A "training-rollout" in the technology phase, without `step`, brings no pilot."""
    content = fixture_content()
    rollout = content.actions["crm-rollout"]
    renamed = rollout.model_copy(update={"id": "training-rollout", "step": None})
    library = {k: v for k, v in content.actions.items() if k != "crm-rollout"}
    library["training-rollout"] = renamed
    plain = dataclasses.replace(content, actions=library, plans={})
    risk = plain.risks["departmental-silos"]
    plain = dataclasses.replace(
        plain,
        risks={
            **plain.risks,
            risk.id: risk.model_copy(update={"mitigations": ["training-rollout"]}),
        },
    )
    assessment = build_assessment(plain, default=80, risks=["departmental-silos"])
    actions = [a.id for a in plan_roadmap(plain, assessment).actions]
    assert actions == ["training-rollout"]


def test_a_declared_rollout_brings_its_pilot_whatever_its_id() -> None:
    """An action declared `step: rollout`, named anything, brings back the way to its pilot."""
    content = fixture_content()
    rollout = content.actions["crm-rollout"].model_copy(update={"id": "phase-two"})
    library = {k: v for k, v in content.actions.items() if k != "crm-rollout"}
    library["phase-two"] = rollout
    named = dataclasses.replace(content, actions=library, plans={})
    risk = named.risks["departmental-silos"]
    named = dataclasses.replace(
        named,
        risks={**named.risks, risk.id: risk.model_copy(update={"mitigations": ["phase-two"]})},
    )
    assessment = build_assessment(named, default=80, risks=["departmental-silos"])
    actions = [a.id for a in plan_roadmap(named, assessment).actions]
    assert actions == ["crm-pilot", "pilot-review", "phase-two"]


def test_the_way_back_to_the_pilot_runs_through_declared_phases_only() -> None:
    """Without `rollout_path`, a phase called `technology` is not on the way back to the pilot."""
    content = fixture_content()
    roadmap = content.roadmap.model_copy(update={"rollout_path": []})
    plain = dataclasses.replace(content, roadmap_models={roadmap.id: roadmap}, plans={})
    assessment = build_assessment(plain, default=80, risks=["departmental-silos"])
    actions = [a.id for a in plan_roadmap(plain, assessment).actions]
    assert actions == ["crm-pilot", "crm-rollout"]
