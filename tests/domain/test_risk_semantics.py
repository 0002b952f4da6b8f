"""What a risk's condition means: an `all:` is about one respondent, group tests stay group-level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assessor.domain.answers import parse_response
from assessor.domain.content import Content
from assessor.domain.responses import Response
from assessor.domain.results import Assessment
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc
from tests.helpers import workspace

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = "consultant-workshop"
EXECUTIVE = "executive-self-assessment"


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace(ROOT).content


def respondent(
    content: Content, name: str, answers: dict[str, Any], questionnaire: str = WORKSHOP
) -> Response:
    data = {"respondent": {"name": name, "role": "staff"}, "answers": answers}
    return parse_response(SourceDoc(file=f"{name}.yaml", data=data), content, questionnaire)


def assess(content: Content, people: dict[str, dict[str, Any]], q: str = WORKSHOP) -> Assessment:
    responses = [respondent(content, name, answers, q) for name, answers in people.items()]
    return score_assessment(content, q, responses)


def risk_ids(result: Assessment) -> list[str]:
    return [r.id for r in result.risks]


def test_two_content_and_two_discontent_respondents_are_no_intention_reality_gap(
    content: Content,
) -> None:
    """docs/scoring.md, section "What a risk's condition means", first worked example."""
    result = assess(
        content,
        {
            "Ann": {"plans-intention": 5, "plans-reality": 5},
            "Ben": {"plans-intention": 5, "plans-reality": 5},
            "Cat": {"plans-intention": 1, "plans-reality": 2},
            "Dan": {"plans-intention": 2, "plans-reality": 1},
        },
    )
    assert "intention-reality-gap" not in risk_ids(result)


def test_respondents_who_each_see_a_gap_raise_the_intention_reality_risk(content: Content) -> None:
    """The same worked example, when Cat and Dan each rate the plans high and practice low."""
    result = assess(
        content,
        {
            "Ann": {"plans-intention": 5, "plans-reality": 5},
            "Ben": {"plans-intention": 5, "plans-reality": 5},
            "Cat": {"plans-intention": 5, "plans-reality": 2},
            "Dan": {"plans-intention": 4, "plans-reality": 1},
        },
    )
    risk = next(r for r in result.risks if r.id == "intention-reality-gap")
    together = risk.evidence[0]
    assert (together.kind, together.matched, together.of) == ("together", 2, 4)
    assert together.values == ("plans-intention", "plans-reality")


def test_scope_creep_needs_one_respondent_to_see_both_a_missing_owner_and_split_design(
    content: Content,
) -> None:
    people = {
        "Ann": {
            "single-owner-named": "none",
            "process-definition-approach": "owner-and-design-team",
        },
        "Ben": {
            "single-owner-named": "none",
            "process-definition-approach": "owner-and-design-team",
        },
        "Cat": {
            "single-owner-named": "owner-with-authority",
            "process-definition-approach": "each-department",
        },
        "Dan": {
            "single-owner-named": "owner-with-authority",
            "process-definition-approach": "each-department",
        },
    }
    assert "scope-creep" not in risk_ids(assess(content, people))


# --- technology-first risks are about software bought, chosen or being chosen -------------------

TECH_FIRST = {"tech-before-strategy", "tech-before-org-change", "tech-process-mismatch"}


def example(content: Content, folder: str) -> Assessment:
    from tests.helpers import assess as assess_files

    files = sorted((ROOT / "examples" / folder).glob("*.yaml"))
    questionnaire = EXECUTIVE if folder in ("careful", "executive") else WORKSHOP
    return assess_files(workspace(ROOT), questionnaire, files)


def test_a_careful_company_with_no_software_reaches_the_top_band_with_no_tech_first_risk(
    content: Content,
) -> None:
    result = example(content, "careful")
    assert TECH_FIRST.isdisjoint(risk_ids(result)), risk_ids(result)
    assert result.readiness.band == content.readiness.bands[-1].id


def test_a_company_that_bought_software_first_still_gets_every_tech_first_risk(
    content: Content,
) -> None:
    assert set(risk_ids(example(content, "tech-first"))) >= TECH_FIRST


# --- nothing planned is not a plan gone wrong ---------------------------------------------------


def test_an_undecided_rollout_with_no_software_is_neither_big_bang_nor_oversized(
    content: Content,
) -> None:
    result = assess(
        content,
        {"Ann": {"crm-software-status": "none-yet", "rollout-plan": "not-decided"}},
        EXECUTIVE,
    )
    assert {"big-bang-rollout", "over-engineering", "rollout-not-planned"}.isdisjoint(
        risk_ids(result)
    )
    shopping = assess(
        content,
        {"Ann": {"crm-software-status": "shortlisting", "rollout-plan": "not-decided"}},
        EXECUTIVE,
    )
    assert "rollout-not-planned" in risk_ids(shopping)
    assert "big-bang-rollout" not in risk_ids(shopping)


def test_informal_change_intentions_are_high_before_software_and_critical_once_bought(
    content: Content,
) -> None:
    before = assess(
        content,
        {"Ann": {"crm-software-status": "none-yet", "change-management-plan": "informal"}},
        EXECUTIVE,
    )
    assert "change-not-yet-planned" in risk_ids(before)
    assert "no-change-management" not in risk_ids(before)
    bought = assess(
        content,
        {"Ann": {"crm-software-status": "live", "change-management-plan": "informal"}},
        EXECUTIVE,
    )
    assert "no-change-management" in risk_ids(bought)
    assert "change-not-yet-planned" not in risk_ids(bought)


def test_no_timetable_and_no_adviser_raise_no_second_finding(content: Content) -> None:
    result = assess(
        content,
        {
            "Ann": {
                "strategy-timetable": "approved",
                "timeline-realistic": 4,
                "advice-independent": "none",
            }
        },
    )
    assert {"poor-time-management", "no-external-review"}.isdisjoint(risk_ids(result))
    vendor_advice = assess(content, {"Ann": {"advice-independent": "vendor-only"}})
    assert "no-external-review" in risk_ids(vendor_advice)


def test_a_stated_intent_to_automate_todays_processes_counts_before_purchase(
    content: Content,
) -> None:
    result = assess(
        content,
        {"Ann": {"crm-software-status": "none-yet", "processes-redesigned": "automate-as-is"}},
    )
    assert "processes-not-reengineered" in risk_ids(result)


def test_adopting_the_vendors_standard_process_is_not_a_technology_mismatch(
    content: Content,
) -> None:
    result = assess(
        content,
        {
            "Ann": {
                "crm-software-status": "shortlisting",
                "process-definition-approach": "vendor-default",
            }
        },
    )
    assert {"tech-process-mismatch", "customisation-debt"}.isdisjoint(risk_ids(result))


# --- the risks the review found missing ----------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "risk"),
    [
        ({"crm-budget-approved": "software-only"}, "budget-not-secured"),
        ({"data-privacy-consent": 2}, "customer-data-unprotected"),
        ({"adoption-tracking-planned": "no"}, "low-user-adoption"),
        (
            {"crm-software-status": "shortlisting", "vendor-selection-method": "incumbent"},
            "vendor-lock-in",
        ),
        (
            {"crm-software-status": "shortlisting", "requirements-from-processes": "feature-list"},
            "customisation-debt",
        ),
        ({"past-crm-attempt": "abandoned"}, "previous-attempt-failed"),
        ({"single-owner-named": "owner-without-authority"}, "owner-without-authority"),
        (
            {"crm-software-status": "live", "advice-independent": "vendor-only", "team-skills": 2},
            "no-admin-or-partner-capability",
        ),
        (
            {"team-lead-named": "no", "executive-time-commitment": "no-forum-yet"},
            "key-person-dependence",
        ),
        (
            {"crm-software-status": "shortlisting", "customer-data-location": "spreadsheets"},
            "legacy-never-retired",
        ),
        (
            {"solution-sizing": "undersized", "crm-software-status": "shortlisting"},
            "undersized-solution",
        ),
        ({"customer-intelligence": 0}, "no-analytics-capability"),
    ],
)
def test_each_missing_risk_now_fires_on_its_trigger(
    content: Content, answers: dict[str, Any], risk: str
) -> None:
    assert risk in risk_ids(assess(content, {"Ann": answers}))


def test_the_acme_owner_without_authority_is_now_a_finding(content: Content) -> None:
    assert "owner-without-authority" in risk_ids(example(content, "acme-workshop"))


# --- what the executive self-assessment alone can raise -----------------------------------------

EXECUTIVE_CANNOT_KNOW = {
    # docs/scoring.md, section 5, lists each with the reason; keep the two in step.
    "people-not-integrated",
    "scope-creep",
    "no-admin-or-partner-capability",
    "customisation-debt",
    "undersized-solution",
    "no-analytics-capability",
    "key-person-dependence",
}


def test_the_executive_self_assessment_alone_can_raise_every_critical_and_high_risk(
    content: Content,
) -> None:
    worst = {
        q.id: answer
        for q in content.questionnaire_questions(EXECUTIVE)
        if (answer := _worst(content, q.id)) is not None
    }
    raised: set[str] = set()
    for status in ("none-yet", "shortlisting", "live"):
        for extra in (
            {"past-crm-attempt": "abandoned"},
            {
                "org-change-before-tech": "software-first",
                "single-owner-named": "owner-without-authority",
            },
        ):
            answers = {**worst, "crm-software-status": status, **extra}
            raised |= set(risk_ids(assess(content, {"Ann": answers}, EXECUTIVE)))
    severe = {r.id for r in content.risks.values() if r.severity in ("critical", "high")}
    assert severe - EXECUTIVE_CANNOT_KNOW <= raised, sorted(severe - raised)


def _worst(content: Content, question_id: str) -> Any:
    from tests.domain.test_scoring_scenarios import extreme_answer

    question = content.questions[question_id]
    if question.type in ("text", "number"):
        return None
    if question.answers:
        sets = [s for f in content.files for s in getattr(f.model, "answer_sets", [])]
        options = next(s for s in sets if s.id == question.answers).options
        question = question.model_copy(update={"options": options, "answers": None})
    return extreme_answer(question, best=False)


def test_patchy_data_or_a_rough_guess_is_not_read_as_fine(content: Content) -> None:
    """content.md (d) 9: 'patchy' quality with an unknown duplicate rate, and a rough guess at
    integration once a product is being chosen, raised nothing; not knowing precedes
    underestimation."""
    # Otherwise sound information, so the area's floor (below 35) does not decide it.
    sound = {"data-completeness": 5, "information-right-hands": 5, "data-owner": "yes"}
    patchy = {**sound, "data-quality-rating": "patchy", "data-duplicates": "unknown"}
    assert "poor-data-quality" in risk_ids(assess(content, {"Ann": patchy}))
    clean = {**sound, "data-quality-rating": "patchy", "data-duplicates": "under-1"}
    assert "poor-data-quality" not in risk_ids(assess(content, {"Ann": clean}))
    guess = {"data-integration-assessed": "rough-guess", "crm-software-status": "shortlisting"}
    assert "data-integration-underestimated" in risk_ids(assess(content, {"Ann": guess}))
    early = {"data-integration-assessed": "rough-guess", "crm-software-status": "none-yet"}
    assert "data-integration-underestimated" not in risk_ids(assess(content, {"Ann": early}))
