"""Hand-computed scoring cases on the small fixture content (tests/fixtures/scoring/content).

Likert 1-5 scores 1..5, so an answer a scores (a - 1) / 4 x 100: 1 -> 0, 4 -> 75, 5 -> 100.
"""

from __future__ import annotations

import pytest

from assessor.domain.errors import InputError
from assessor.domain.loader import load_content
from assessor.domain.scoring import score_assessment
from assessor.domain.sheet import scoring_plan
from assessor.services.results import assessment_json, describe_evidence
from tests.fixtures.scoring.support import (
    CONTENT_DIR,
    PREPARED,
    QUESTIONNAIRE,
    mini_content,
    respond,
    score,
)


def test_one_well_prepared_respondent_scores_as_computed_by_hand() -> None:
    result = score(respond("Ann", "executive", **PREPARED))
    mini = result.frameworks["mini"]
    # vision: clear 5 -> 100 (weight 1), shared yes -> 100 (weight 2)
    assert mini.dimensions["vision"].score == 100.0
    # strategy: approved -> 100 (weight 1), metrics-kpis 4 -> 75 (mapping weight 0.5)
    assert mini.dimensions["strategy"].score == pytest.approx((100 + 0.5 * 75) / 1.5)
    # technology: email+crm = (1+2)/4 -> 75 (weight 1), budget 60 -> top band 100 (weight 0.5)
    assert mini.dimensions["technology"].score == pytest.approx((75 + 0.5 * 100) / 1.5)
    # people: sponsor yes -> 100, sponsor-time 4 -> 75
    assert mini.dimensions["people"].score == pytest.approx(87.5)
    # framework: vision weighs 2, the others 1
    assert mini.score == pytest.approx((2 * 100 + 91.6666667 + 83.3333333 + 87.5) / 5)
    assert result.frameworks["other"].score == pytest.approx(75.0)
    # readiness: mini weighs 3, other 1
    assert result.readiness.score == pytest.approx((3 * 92.5 + 75) / 4)
    assert result.readiness.band == "ready-to-scale"
    assert result.readiness.capped_by == []
    assert result.risks == []


def test_question_weight_counts_twice() -> None:
    result = score(respond("Ann", vision_clear="1", vision_shared="yes"))
    # clear 1 -> 0 (weight 1), shared yes -> 100 (question weight 2)
    assert result.frameworks["mini"].dimensions["vision"].score == pytest.approx(200 / 3)


def test_not_applicable_is_left_out_not_counted_as_zero() -> None:
    result = score(respond("Ann", vision_clear="n/a", vision_shared="yes"))
    vision = result.frameworks["mini"].dimensions["vision"]
    assert vision.score == 100.0
    assert vision.answers == 1
    assert vision.coverage == 0.5
    assert result.questions["vision-clear"].not_applicable == 1
    assert result.questions["vision-clear"].mean_score is None


def test_unanswered_is_left_out_and_lowers_confidence() -> None:
    result = score(respond("Ann", vision_shared="yes"))
    assert result.frameworks["mini"].dimensions["vision"].score == 100.0
    assert result.frameworks["mini"].dimensions["strategy"].score is None
    assert result.frameworks["mini"].dimensions["strategy"].gap is None
    assert result.frameworks["mini"].dimensions["strategy"].level is None
    # sponsor unanswered: sponsor-name and sponsor-time are not asked -> 8 questions expected
    assert (result.confidence.answered, result.confidence.expected) == (1, 8)
    assert result.questions["strategy-written"].unanswered == 1


def test_a_question_whose_condition_is_not_met_is_ignored_and_not_expected() -> None:
    answered_anyway = respond("Ann", sponsor="no", sponsor_time="5", sponsor_name="Nobody")
    result = score(answered_anyway)
    # sponsor-time is only asked when sponsor = yes: its 5 must not lift people above 0
    assert result.frameworks["mini"].dimensions["people"].score == 0.0
    assert result.confidence.expected == 8
    assert result.questions["sponsor-time"].unanswered == 0
    assert result.questions["sponsor-name"].texts == []


def test_a_met_condition_asks_the_follow_up_question() -> None:
    result = score(respond("Ann", sponsor="yes", sponsor_time="1", sponsor_name="Ann"))
    assert result.frameworks["mini"].dimensions["people"].score == 50.0
    assert result.confidence.expected == 10
    assert result.questions["sponsor-name"].texts == ["Ann"]


@pytest.mark.parametrize(
    ("tools", "expected"),
    [
        (("email", "crm"), 75.0),
        (("spreadsheet",), 0.0),
        ((), 0.0),
        (("email", "spreadsheet", "crm", "erp"), 100.0),
    ],
)
def test_multiple_choice_sums_chosen_scores_over_positive_scores(
    tools: tuple[str, ...], expected: float
) -> None:
    result = score(respond("Ann", tech_tools=tools))
    assert result.frameworks["mini"].dimensions["technology"].score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("budget", "expected"),
    [(0.0, 0.0), (9.99, 0.0), (10.0, 50.0), (49.0, 50.0), (50.0, 100.0), (1000.0, 100.0)],
)
def test_numbers_score_by_the_highest_band_reached(budget: float, expected: float) -> None:
    result = score(respond("Ann", tech_budget=budget))
    assert result.frameworks["mini"].dimensions["technology"].score == expected
    assert result.questions["tech-budget"].numbers == [budget]


def test_several_respondents_average_per_question_then_weight() -> None:
    ann = respond("Ann", "executive", **PREPARED)
    bo = respond(
        "Bo", "staff", vision_clear="1", vision_shared="no", strategy_written="none", sponsor="no"
    )
    result = score(ann, bo)
    strategy = result.frameworks["mini"].dimensions["strategy"]
    # strategy-written: (100 + 0) / 2 = 50 (weight 1); metrics-kpis: Ann only, 75 (weight 0.5)
    assert strategy.score == pytest.approx((50 + 0.5 * 75) / 1.5)
    assert strategy.answers == 3
    # each respondent's own strategy score: Ann (100 + 37.5) / 1.5, Bo 0
    assert strategy.spread.max == pytest.approx(137.5 / 1.5)
    assert strategy.spread.min == 0.0
    assert strategy.spread.sd == pytest.approx(137.5 / 1.5 / 2)
    assert strategy.by_role == {"executive": pytest.approx(137.5 / 1.5), "staff": 0.0}
    drivers = {d.question: d for d in strategy.drivers}
    assert drivers["strategy-written"].score == 50.0
    assert drivers["strategy-written"].share == pytest.approx(2 / 3)
    assert drivers["metrics-kpis"].answers == 1


def test_maturity_level_is_the_highest_reached() -> None:
    vision = (
        score(respond("Ann", vision_clear="2", vision_shared="no"))
        .frameworks["mini"]
        .dimensions["vision"]
    )
    assert vision.score == pytest.approx(25 / 3)
    assert (vision.level, vision.level_name, vision.descriptor) == (1, "Crawl", "No vision.")
    people = (
        score(respond("Ann", sponsor="yes", sponsor_time="1"))
        .frameworks["mini"]
        .dimensions["people"]
    )
    assert people.score == 50.0
    assert (people.level, people.level_name) == (2, "Walk")
    metrics = score(respond("Ann", metrics_kpis="3")).frameworks["other"].dimensions["metrics"]
    assert (metrics.score, metrics.level, metrics.level_name) == (50.0, 1, "Seeing")


def test_targets_set_the_gap_and_default_to_the_readiness_model() -> None:
    result = score(respond("Ann", **PREPARED), targets={"mini/people": 95.0})
    people = result.frameworks["mini"].dimensions["people"]
    assert (people.target, people.gap) == (95.0, 7.5)
    vision = result.frameworks["mini"].dimensions["vision"]
    assert (vision.target, vision.gap) == (70.0, 0.0)


def test_technology_never_compensates_for_missing_strategy() -> None:
    tech_first = dict(
        PREPARED, **{"strategy-written": "none", "metrics-kpis": "1", "crm-status": "live"}
    )
    result = score(respond("Ann", "executive", **tech_first))
    readiness = result.readiness
    # vision 100 x2, strategy 0, technology 83.3, people 87.5 -> mini 74.2; metrics 0 -> 55.6
    assert readiness.score == pytest.approx((3 * (200 + 0 + 250 / 3 + 87.5) / 5 + 0) / 4)
    assert readiness.uncapped_band == "foundations-first"
    assert readiness.band == "foundations-first"
    gates = {g.id: g for g in readiness.gates}
    assert gates["direction"].passed is False
    assert gates["direction"].failing == {"mini/strategy": 0.0}
    risks = [r.id for r in result.risks]
    assert risks == ["tech-before-strategy", "low-metrics"]
    evidence = [describe_evidence(fact) for fact in result.risks[0].evidence]
    assert "crm-status: 1 of 1 respondents answered one of 'selected', 'live'" in evidence
    assert "mini/strategy scored 0 (below 50)" in evidence


def test_a_gate_caps_a_high_score() -> None:
    strong_but_no_strategy = dict(PREPARED, **{"strategy-written": "draft", "metrics-kpis": "5"})
    result = score(respond("Ann", **strong_but_no_strategy))
    readiness = result.readiness
    # strategy: draft 1/3 -> 33.3, metrics 5 -> 100 x 0.5: (33.3 + 50) / 1.5 = 55.6 clears 50
    assert readiness.band == readiness.uncapped_band == "ready-to-scale"
    weak_strategy = dict(PREPARED, **{"strategy-written": "none", "metrics-kpis": "5"})
    result = score(respond("Ann", **weak_strategy))
    # strategy: (0 + 0.5 x 100) / 1.5 = 33.3 < 50; mini (200 + 33.3 + 83.3 + 87.5) / 5 = 80.8
    assert result.readiness.score == pytest.approx(
        (3 * (200 + 100 / 3 + 250 / 3 + 87.5) / 5 + 100) / 4
    )
    assert result.readiness.uncapped_band == "ready-to-scale"
    assert result.readiness.band == "foundations-first"
    assert result.readiness.capped_by == ["direction"]


def test_a_critical_risk_gate_caps_the_band_even_when_every_floor_is_cleared() -> None:
    tech_ahead = dict(
        PREPARED,
        **{
            "strategy-written": "draft",
            "metrics-kpis": "5",
            "crm-status": "live",
            "tech-tools": ("email", "spreadsheet", "crm", "erp"),
        },
    )
    result = score(respond("Ann", **tech_ahead))
    # strategy (33.3 + 0.5 x 100) / 1.5 = 55.6 clears the direction floor; technology 100
    assert result.frameworks["mini"].dimensions["strategy"].score == pytest.approx(500 / 9)
    assert [r.id for r in result.risks] == ["tech-before-strategy"]
    assert [describe_evidence(fact) for fact in result.risks[0].evidence] == [
        "crm-status: 1 of 1 respondents answered one of 'selected', 'live'",
        "mini/technology scored 100 against 55.6 for mini/strategy (ahead by 44.4; threshold 20)",
    ]
    readiness = result.readiness
    assert readiness.uncapped_band == "ready-to-scale"
    assert (readiness.band, readiness.capped_by) == ("foundations-first", ["critical-risk"])
    gate = next(g for g in readiness.gates if g.id == "critical-risk")
    assert (gate.passed, gate.risks, gate.failing) == (False, ["tech-before-strategy"], {})


def test_the_lowest_cap_wins_and_an_unscored_gate_dimension_fails() -> None:
    no_sponsor = {k: v for k, v in PREPARED.items() if not k.startswith("sponsor")}
    result = score(respond("Ann", **no_sponsor))
    gates = {g.id: g for g in result.readiness.gates}
    assert gates["sponsorship"].failing == {"mini/people": None}
    assert result.readiness.band == "not-ready"
    assert result.readiness.capped_by == ["sponsorship"]


def test_risks_come_most_severe_first_with_their_mitigations() -> None:
    everything_wrong = {
        "strategy-written": "none",
        "crm-status": "selected",
        "sponsor": "no",
        "metrics-kpis": "1",
    }
    result = score(respond("Ann", **everything_wrong), respond("Bo", **everything_wrong))
    assert [(r.id, r.severity) for r in result.risks] == [
        ("tech-before-strategy", "critical"),
        ("no-sponsor", "high"),
        ("low-metrics", "medium"),
    ]
    no_sponsor = result.risks[1]
    assert [describe_evidence(fact) for fact in no_sponsor.evidence] == [
        "sponsor: 2 of 2 respondents answered 'no'"
    ]
    assert no_sponsor.mitigations == ["name-sponsor"]
    assert [describe_evidence(fact) for fact in result.risks[2].evidence] == [
        "other/metrics scored 0 (below 40)"
    ]


def test_an_answer_risk_needs_its_share_of_respondents() -> None:
    one_in_three = [
        respond("Ann", sponsor="no"),
        respond("Bo", sponsor="yes"),
        respond("Cy", sponsor="yes"),
    ]
    assert [r.id for r in score(*one_in_three).risks] == []
    assert [r.id for r in score(*one_in_three[:2]).risks] == ["no-sponsor"]


def test_opposite_answers_are_reported_as_disagreement() -> None:
    high = respond("Ann", "executive", **PREPARED)
    low = respond(
        "Bo",
        "staff",
        vision_clear="1",
        vision_shared="no",
        strategy_written="none",
        crm_status="none",
        tech_tools=("spreadsheet",),
        tech_budget=0.0,
        sponsor="no",
        metrics_kpis="1",
    )
    disagreement = score(high, low).disagreement
    refs = {d.dimension: d for d in disagreement.dimensions}
    assert set(refs) == {
        "mini/vision",
        "mini/strategy",
        "mini/technology",
        "mini/people",
        "other/metrics",
    }
    assert refs["mini/vision"].sd == 50.0
    questions = {q.question for q in disagreement.questions}
    assert {"vision-clear", "vision-shared", "strategy-written", "sponsor"} <= questions
    gap = disagreement.perception_gap
    assert gap.flagged is True
    assert gap.dimensions["mini/vision"] == 100.0
    assert gap.gap == pytest.approx(gap.executive - gap.others)


def test_agreeing_respondents_do_not_disagree() -> None:
    result = score(respond("Ann", "executive", **PREPARED), respond("Bo", "manager", **PREPARED))
    assert result.disagreement.dimensions == []
    assert result.disagreement.questions == []
    assert result.disagreement.perception_gap.gap == 0.0
    assert result.disagreement.perception_gap.flagged is False


def test_no_perception_gap_without_executives_and_others() -> None:
    gap = score(respond("Ann", "staff", **PREPARED)).disagreement.perception_gap
    assert (gap.executive, gap.others, gap.gap, gap.flagged) == (None, None, None, False)


def test_confidence_counts_answers_and_n_a_per_respondent() -> None:
    result = score(respond("Ann", **PREPARED), respond("Bo", vision_clear="n/a"))
    confidence = result.confidence
    assert confidence.by_respondent == {"Ann": 1.0, "Bo": 1 / 8}
    assert (confidence.answered, confidence.expected) == (11, 18)
    assert confidence.share == pytest.approx(11 / 18)


def test_question_summaries_gather_every_answer_and_note() -> None:
    ann = respond("Ann", **PREPARED)
    ann = type(ann)(
        ann.respondent, ann.answers, {"tech-tools": "Screenshot"}, {"sponsor": "Since May"}
    )
    bo = respond("Bo", tech_tools=("email",), sponsor="no")
    summaries = score(ann, bo).questions
    assert list(summaries) == [
        "vision-clear", "vision-shared", "strategy-written", "crm-status", "tech-tools",
        "tech-budget", "sponsor", "sponsor-name", "sponsor-time", "metrics-kpis",
    ]  # fmt: skip
    tools = summaries["tech-tools"]
    assert tools.counts == {"email": 2, "spreadsheet": 0, "crm": 1, "erp": 0}
    assert tools.mean_score == pytest.approx((75 + 25) / 2)
    assert tools.evidence == ["Ann: Screenshot"]
    assert summaries["sponsor"].comments == ["Ann: Since May"]
    assert summaries["crm-status"].counts == {"none": 1, "selected": 0, "live": 0}
    assert summaries["crm-status"].unanswered == 1
    assert summaries["crm-status"].mean_score is None  # unmapped: not scored


def test_no_answers_at_all_gives_no_scores_and_the_lowest_band() -> None:
    result = score(respond("Ann"))
    assert result.readiness.score is None
    assert result.readiness.band == "not-ready"
    assert all(d.score is None for f in result.frameworks.values() for d in f.dimensions.values())
    assert result.confidence.share == 0.0


def test_json_has_the_documented_top_level_keys() -> None:
    plain = assessment_json(score(respond("Ann", **PREPARED)))
    for key in ("readiness", "frameworks", "risks", "disagreement", "confidence"):
        assert key in plain
    assert {"score", "band"} <= set(plain["readiness"])
    assert plain["frameworks"]["mini"]["dimensions"]["people"]["score"] == 87.5


def test_an_unknown_questionnaire_is_refused() -> None:
    with pytest.raises(InputError, match="unknown questionnaire 'nope'; known: mini-workshop"):
        score_assessment(mini_content(), "nope", [])


def test_the_scoring_plan_is_compiled_once_per_loaded_content() -> None:
    content = mini_content()
    plan = scoring_plan(content, QUESTIONNAIRE)
    assert scoring_plan(content, QUESTIONNAIRE) is plan
    reloaded = load_content([CONTENT_DIR / "frameworks", CONTENT_DIR / "questionnaires"])
    assert scoring_plan(reloaded, QUESTIONNAIRE) is not plan
    assert plan.dimensions["mini/technology"] == ((4, 1.0), (5, 0.5))
