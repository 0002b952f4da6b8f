"""The roadmap contradictions of the 2026-12 reviews, each a scenario that failed before."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from assessor.domain.content import Content
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.roadmap import plan_roadmap
from assessor.services.results import describe_skip
from tests.fixtures.roadmap.builders import shipped_content
from tests.helpers import assess, workspace

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TARGETS = EXAMPLES / "targets.yaml"


@pytest.fixture(scope="module")
def content() -> Content:
    return shipped_content()


def assessed(folder: str) -> Assessment:
    answers = sorted((EXAMPLES / folder).glob("*.yaml"))
    return assess(workspace(), "consultant-workshop", answers, TARGETS)


@pytest.fixture(scope="module")
def acme(content: Content) -> tuple[Assessment, Roadmap]:
    assessment = assessed("acme-workshop")
    return assessment, plan_roadmap(content, assessment)


def test_a_sponsor_confirmed_by_most_respondents_is_not_recommended_again(
    acme: tuple[Assessment, Roadmap],
) -> None:
    """reports.md #5: 8 of 12 say the sponsor is named; 'Appoint a sponsor' came first."""
    assessment, roadmap = acme
    assert "appoint-executive-sponsor" in assessment.done_actions
    assert "appoint-executive-sponsor" not in [a.id for a in roadmap.actions]
    assert "appoint-executive-sponsor" in roadmap.done


def test_a_company_without_a_sponsor_still_gets_one(content: Content) -> None:
    roadmap = plan_roadmap(content, assessed("tech-first"))
    assert "appoint-executive-sponsor" in [a.id for a in roadmap.actions]


def test_prerequisites_the_answers_show_missing_are_planned_not_assumed(
    content: Content, acme: tuple[Assessment, Roadmap]
) -> None:
    """content.md (e) 3: redesign, process mapping and the business case were 'assumed in place'."""
    assessment, roadmap = acme
    for action in roadmap.actions:
        for prerequisite in action.assumed_in_place:
            raised = content.actions[prerequisite].raises
            missing = [
                ref
                for ref in raised
                if (d := assessment.dimension(ref)) is not None and (d.gap or 0) > 0
            ]
            assert prerequisite in assessment.done_actions or not missing, (action.id, missing)
    planned = {a.id for a in roadmap.actions}
    assert {"redesign-priority-processes", "map-customer-processes", "crm-business-case"} <= planned


def test_a_phase_is_not_nothing_to_do_while_an_area_it_covers_is_below_target(
    content: Content,
) -> None:
    """reports.md #1: a strategy at 49 against 70 was printed 'at target'."""
    for folder in ("acme-workshop", "tech-first", "well-prepared"):
        assessment = assessed(folder)
        for phase in plan_roadmap(content, assessment).phases:
            if not phase.skipped or phase.skip is None:
                continue
            for ref in phase.skip.at_target:
                dimension = assessment.dimension(ref)
                assert dimension is not None and (dimension.gap or 0) == 0, (folder, ref)
            if phase.skip.below_target:
                assert not describe_skip(phase.skip).startswith("Nothing to do")


def test_the_only_critical_risk_gets_an_action_in_the_first_90_days(
    acme: tuple[Assessment, Roadmap],
) -> None:
    """reports.md #7: the change plan of the only critical risk started in week 15."""
    assessment, roadmap = acme
    placed = {a.id: a for a in roadmap.actions}
    for risk in (r for r in assessment.risks if r.severity == "critical"):
        first = next(placed[a] for a in risk.mitigations if a in placed)
        assert 7 * (first.start_week - 1) < 90, (risk.id, first.id, first.start_week)
    assert not [left for left in roadmap.left_out if left.reason == "late"]


def test_every_listed_mitigation_is_planned_or_the_plan_says_why_not(
    acme: tuple[Assessment, Roadmap],
) -> None:
    """reports.md #7: seven mitigations were silently 'not in this plan'."""
    assessment, roadmap = acme
    placed = {a.id for a in roadmap.actions}
    explained = {(left.risk, left.action) for left in roadmap.left_out}
    for risk in assessment.risks:
        for action in risk.mitigations:
            assert action in placed or (risk.id, action) in explained


def test_recurring_work_has_a_cadence_not_a_one_off_bar(content: Content) -> None:
    """content.md (e) 8: reviews and KPI cycles ended by week 8-10."""
    assert content.actions["kpi-review-cycle"].recurring is not None
    assert content.actions["external-programme-review"].recurring is not None
    roadmap = plan_roadmap(content, assessed("tech-first"))
    recurring = [a for a in roadmap.actions if a.every_weeks is not None]
    assert recurring
    assert all(
        a.id in {"kpi-review-cycle", "external-programme-review", "customer-intelligence-routine"}
        for a in recurring
    )


def test_durations_scale_with_the_company_size(content: Content) -> None:
    """docs/roadmap.md, "Durations follow the company's size": rollout of 24 weeks at 50-249."""
    rule = content.roadmap.duration_scale
    assert rule is not None and rule.question == "company-size"
    assessment = assessed("tech-first")
    roadmap = plan_roadmap(content, assessment)
    size = max((n, v) for v, n in assessment.questions["company-size"].counts.items() if n)[1]
    factor = rule.factors[size]
    assert roadmap.scale == factor
    library = content.actions["crm-rollout"].duration_weeks
    rollout = next(a for a in roadmap.actions if a.id == "crm-rollout")
    assert rollout.duration_weeks == max(1, round(library * factor))
    assert (library, rule.factors["micro"], rule.factors["enterprise"]) == (24, 0.5, 2.0)
    assert max(1, round(library * rule.factors["micro"])) == 12
    assert max(1, round(library * rule.factors["enterprise"])) == 48


def _is_chain(roadmap: Roadmap) -> None:
    """Each critical-path action starts the week after the one before it ends, and waits for it."""
    placed = {a.id: a for a in roadmap.actions}
    path = [placed[a] for a in roadmap.critical_path]
    assert path and path[0].start_week == 1 and path[-1].end_week == roadmap.total_weeks
    for before, after in itertools.pairwise(path):
        assert after.start_week == before.end_week + 1, (before.id, after.id)
        assert before.id in after.prerequisites or before.phase != after.phase, (
            before.id,
            after.id,
        )
        assert before.critical and after.critical


def test_the_critical_path_is_one_chain_not_every_critical_action(content: Content) -> None:
    """reports.md #8(c): 12 critical actions, some in parallel, were drawn as one arrow chain."""
    for folder in ("acme-workshop", "tech-first", "well-prepared"):
        roadmap = plan_roadmap(content, assessed(folder))
        if roadmap.actions:
            _is_chain(roadmap)


def test_side_work_does_not_hold_the_next_phase(
    content: Content, acme: tuple[Assessment, Roadmap]
) -> None:
    """content.md (e) 4: the 3-week reviewer appointment delayed the whole vision phase."""
    assert content.actions["appoint-external-reviewer"].side_work
    _, roadmap = acme
    placed = {a.id: a for a in roadmap.actions}
    side = {a.id for a in content.actions.values() if a.side_work or a.recurring}
    assert not side & set(roadmap.critical_path)
    if "appoint-external-reviewer" in placed:
        reviewer = placed["appoint-external-reviewer"]
        vision = min(a.start_week for a in roadmap.actions if a.phase == "vision")
        assert vision <= reviewer.end_week


def test_no_screens_or_early_access_before_a_system_is_chosen(content: Content) -> None:
    """content.md (e) 7: users reviewed 'each screen' and champions got 'early access' before
    any product was chosen."""
    words = ("screen", "early access", "экранн", "ранний доступ")
    early = [a for a in content.actions.values() if a.phase != "technology"]
    for action in early:
        text = " ".join(str(action.description.get(lang, "")) for lang in ("en", "ru")).lower()
        assert not any(word in text for word in words), action.id


def test_the_data_quality_baseline_comes_from_the_audit_not_before_it(content: Content) -> None:
    """content.md (e) 11: the KPI baseline (vision phase) measured data quality before the audit."""
    assert "data-quality" not in content.actions["kpi-baseline"].kpis
    assert "data-quality" in content.actions["data-quality-audit"].kpis
    roadmap = plan_roadmap(content, assessed("acme-workshop"))
    placed = {a.id: a for a in roadmap.actions}
    audit = placed.get("data-quality-audit")
    for action in roadmap.actions:
        if "data-quality" in action.kpis and audit is not None and action.id != audit.id:
            assert action.start_week > audit.end_week or action.phase == "information", action.id


def _with_scale(tmp_path: Path, users: str, records: str) -> Assessment:
    """The tech-first company, with its people answering how many users and records."""
    files = []
    for source in sorted((EXAMPLES / "tech-first").glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  crm-users: .*$", f"  crm-users: {users}", text)
        text = re.sub(r"(?m)^  customer-records: .*$", f"  customer-records: {records}", text)
        target = tmp_path / source.name
        target.write_text(text, encoding="utf-8")
        files.append(target)
    return assess(workspace(), "consultant-workshop", files, TARGETS)


def test_durations_scale_with_users_and_data_volume_not_only_size(
    content: Content, tmp_path: Path
) -> None:
    """issue 9 / content.md (e) 9: a 24-week rollout whether 10 users or 10,000, 8 weeks of
    cleansing whatever the volume; docs/roadmap.md's worked example."""
    roadmap = plan_roadmap(content, _with_scale(tmp_path, "over-2000", "under-10k"))
    weeks = {a.id: a.duration_weeks for a in roadmap.actions}
    assert roadmap.scale == 1.0 and roadmap.scales == {"users": 3.0, "data": 0.5}
    assert weeks["crm-rollout"] == 72  # 24 weeks x 3 for more than 2,000 users
    by = {a.id: a.scaled_by for a in roadmap.actions}
    assert by["crm-rollout"] == "users"
    if "data-cleansing" in weeks:
        assert weeks["data-cleansing"] == 4  # 8 weeks x 0.5 for fewer than 10,000 records
        assert by["data-cleansing"] == "data"
    if "configure-crm" in weeks:
        assert weeks["configure-crm"] == 6  # size-scaled only: a 50-249 company, factor 1
    plain = plan_roadmap(content, assessed("tech-first"))
    assert plain.scales == {"users": 1.0, "data": 1.0}  # 21-100 users, 10,000-100,000 records
    assert {a.id: a.duration_weeks for a in plain.actions}["crm-rollout"] == 24


@pytest.fixture(scope="module")
def tech_first(content: Content) -> tuple[Assessment, Roadmap]:
    assessment = assessed("tech-first")
    return assessment, plan_roadmap(content, assessment)


def _most_said(assessment: Assessment, question: str) -> str:
    counts = assessment.questions[question].counts
    return str(max(counts, key=lambda value: counts[value]))


def test_a_pilot_after_software_was_bought_waits_for_requirements_sizing_and_cleansing(
    tech_first: tuple[Assessment, Roadmap],
) -> None:
    """content.md (e) 2: with software bought, the pilot ran alongside
    requirements-from-processes, before size-to-absorption-capacity, and assumed data cleansing
    done although data quality is 'patchy'."""
    assessment, roadmap = tech_first
    assert _most_said(assessment, "crm-software-status") == "live"
    assert _most_said(assessment, "data-quality-rating") == "patchy"
    placed = {a.id: a for a in roadmap.actions}
    pilot = placed["crm-pilot"]
    for before in ("requirements-from-processes", "size-to-absorption-capacity", "data-cleansing"):
        assert before in placed, before
        assert placed[before].end_week < pilot.start_week, before
    assert not any("data-cleansing" in a.assumed_in_place for a in roadmap.actions)


def test_the_delivery_middle_runs_from_configuration_to_support_after_go_live(
    content: Content, tech_first: tuple[Assessment, Roadmap]
) -> None:
    """content.md (e) 1: the pilot went from vendor selection straight to 'go live', with no
    configuration, testing, migration, cutover, support model, hypercare or retirement."""
    _, roadmap = tech_first
    placed = {a.id: a for a in roadmap.actions}
    delivery = (
        "vendor-selection",
        "configure-crm",
        "data-migration",
        "acceptance-testing",
        "cutover-plan",
        "crm-pilot",
    )
    for before, after in itertools.pairwise(delivery):
        assert placed[before].end_week < placed[after].start_week, (before, after)
    assert placed["admin-and-support-model"].end_week < placed["cutover-plan"].start_week
    assert "go/no-go" in str(content.actions["cutover-plan"].title.get("en", ""))
    hypercare = placed["hypercare"]
    assert placed["cutover-plan"].end_week < hypercare.start_week
    assert hypercare.end_week < placed["pilot-evaluation"].start_week
    assert "retire-legacy-systems" in placed


def test_ways_of_working_training_comes_first_and_system_training_just_in_time(
    content: Content, tech_first: tuple[Assessment, Roadmap]
) -> None:
    """content.md (e) 5: one 8-week training before any system existed promised 'then the tools'."""
    _, roadmap = tech_first
    placed = {a.id: a for a in roadmap.actions}
    assert content.actions["training-programme"].phase == "organisation"
    assert "configure-crm" in content.actions["system-training"].prerequisites
    system = placed["system-training"]
    assert placed["training-programme"].end_week < placed["configure-crm"].start_week
    assert placed["configure-crm"].end_week < system.start_week
    assert system.end_week < placed["crm-pilot"].start_week


def test_communication_starts_at_mobilisation(
    content: Content, tech_first: tuple[Assessment, Roadmap]
) -> None:
    """content.md (e) 6: the communication plan waited for the change plan, until week 17."""
    plan = content.actions["communication-plan"]
    assert plan.phase == "mobilise"
    assert "change-management-plan" not in plan.prerequisites
    _, roadmap = tech_first
    placed = {a.id: a for a in roadmap.actions}
    assert placed["communication-plan"].start_week <= 4
    assert placed["communication-plan"].start_week < placed["change-management-plan"].start_week


def test_vendor_selection_covers_exit_data_and_ownership_and_privacy_has_an_action(
    content: Content, tech_first: tuple[Assessment, Roadmap]
) -> None:
    """content.md (e) 10: vendor selection covered five-year cost but not exit terms, data
    portability, customisation ownership or partner due diligence; no privacy action."""
    selection = content.actions["vendor-selection"]
    for lang, words in {
        "en": ("exit", "data is exported", "customisations", "partner will assign"),
        "ru": ("выхода", "выгрузку данных", "доработки", "партнёр выделит"),
    }.items():
        text = " ".join(str(selection.description.get(lang, "")).split())
        assert all(word in text for word in words), (lang, [w for w in words if w not in text])
    privacy = content.actions["data-protection-assessment"]
    text = str(privacy.description.get("en", ""))
    assert "impact assessment" in text and "consent" in text and "access roles" in text
    assert "data-protection-assessment" in content.risks["customer-data-unprotected"].mitigations
    assert "data-protection-assessment" in content.actions["configure-crm"].prerequisites
    _, roadmap = tech_first
    placed = {a.id: a for a in roadmap.actions}
    assert placed["data-protection-assessment"].end_week < placed["configure-crm"].start_week
