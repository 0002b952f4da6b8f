"""Two assessments compared: the arithmetic of what moved."""

from __future__ import annotations

import dataclasses

from assessor.domain.comparison import compare
from assessor.domain.roadmap import plan_roadmap
from tests.fixtures.scoring.support import PREPARED, mini_content, respond, score

BANDS = ["not-ready", "foundations-first", "ready-to-pilot", "ready-to-scale"]


def test_changes_bands_and_risks_between_two_assessments() -> None:
    before = score(respond("Bo", sponsor="no", strategy_written="none", vision_clear="1"))
    after = score(respond("Bo", **PREPARED))
    result = compare(before, after, BANDS)
    vision = next(d for d in result.dimensions if d.ref == "mini/vision")
    assert vision.before == before.dimension("mini/vision").score  # type: ignore[union-attr]
    assert vision.change == (vision.after or 0) - (vision.before or 0)
    assert result.band_before == before.readiness.band and result.band_after == "ready-to-scale"
    assert result.band_change == 3 - BANDS.index(before.readiness.band)
    assert set(result.risks_resolved) == {r.id for r in before.risks} and result.risks_new == []
    assert result.same_content


def test_a_dimension_scored_only_once_has_no_change() -> None:
    before = score(respond("Bo", sponsor="no"))
    after = score(respond("Bo", sponsor="no", vision_clear="5"))
    vision = next(d for d in compare(before, after, BANDS).dimensions if d.ref == "mini/vision")
    assert (vision.before, vision.change) == (None, None)
    assert vision.after == 100.0


def test_new_and_remaining_risks_and_completed_actions() -> None:
    before = score(respond("Bo", sponsor="no"))
    after = score(respond("Bo", sponsor="no", crm_status="live", strategy_written="none"))
    roadmap = plan_roadmap(mini_content(), before)
    planned = [a.id for a in roadmap.actions]
    result = compare(before, after, BANDS, roadmap, done=planned[:1])
    assert "no-sponsor" in result.risks_remaining
    assert "tech-before-strategy" in result.risks_new
    assert result.actions_completed == planned[:1]
    assert result.actions_open == planned[1:]


def test_content_changed_between_the_two_is_said() -> None:
    before = score(respond("Bo", sponsor="no"))
    after = dataclasses.replace(score(respond("Bo", sponsor="yes")), content_fingerprint="other")
    assert compare(before, after, BANDS).same_content is False
