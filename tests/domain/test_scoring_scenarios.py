"""The scoring engine on the shipped content and the example answers in examples/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.domain.answers import parse_response
from assessor.domain.content import Content
from assessor.domain.responses import Response, value_key
from assessor.domain.results import Assessment
from assessor.domain.schema import Question
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc
from assessor.services.files import read_document, read_responses
from tests.helpers import assess, workspace

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WORKSHOP = "consultant-workshop"
SEVERE = {"high", "critical"}


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace(ROOT).content


def answer_files(folder: str) -> list[Path]:
    found = sorted(
        p for p in (EXAMPLES / folder).iterdir() if p.suffix in (".yaml", ".yml", ".json")
    )
    assert found, f"no answers files in examples/{folder}"
    return found


def questionnaire_of(path: Path) -> str:
    return str(read_document(path).data.get("questionnaire", WORKSHOP))


def assess_example(content: Content, folder: str) -> Assessment:
    files = answer_files(folder)
    return assess(workspace(ROOT), questionnaire_of(files[0]), files)


def top_bands(content: Content) -> set[str]:
    return {band.id for band in content.readiness.bands[-2:]}


def test_a_company_that_bought_software_before_its_strategy_is_flagged_and_held_back(
    content: Content,
) -> None:
    result = assess_example(content, "tech-first")
    risks = {r.id: r for r in result.risks}
    assert "tech-before-strategy" in risks, f"risks triggered: {list(risks)}"
    assert risks["tech-before-strategy"].evidence
    assert result.readiness.band not in top_bands(content), (
        f"band {result.readiness.band} (score {result.readiness.score})"
    )


def test_a_well_prepared_company_reaches_the_top_band_with_no_severe_risk(content: Content) -> None:
    result = assess_example(content, "well-prepared")
    severe = [(r.id, r.evidence) for r in result.risks if r.severity in SEVERE]
    assert severe == []
    failed = [(g.id, g.failing, g.risks) for g in result.readiness.gates if not g.passed]
    assert result.readiness.band == content.readiness.bands[-1].id, (
        f"score {result.readiness.score}, uncapped {result.readiness.uncapped_band}, failed gates {failed}"
    )


def extreme_answer(question: Question, best: bool) -> Any:
    """The highest- (or lowest-) scoring answer to a question."""
    options = question.options or []
    if question.type == "multiple":
        return [value_key(o.value) for o in options if o.score > 0] if best else []
    if question.type == "number":
        bands = sorted(question.score_bands or [], key=lambda b: b.score)
        low = question.min if question.min is not None else 0
        if not bands:  # a fact, not scored: a middling value (a 0% share is no one's best)
            return (low + (question.max if question.max is not None else low)) // 2
        wanted = (bands[-1].min if best else bands[0].min) if bands else low
        high = question.max if question.max is not None else wanted
        return min(max(wanted, low), high)
    if question.type == "text":
        return "Opposite views"
    chosen = max(options, key=lambda o: o.score) if best else min(options, key=lambda o: o.score)
    return value_key(chosen.value)


def extreme_respondent(
    content: Content, questionnaire_id: str, name: str, role: str, best: bool
) -> Response:
    questions = content.questionnaire_questions(questionnaire_id)
    data = {
        "respondent": {"name": name, "role": role},
        "answers": {q.id: extreme_answer(q, best) for q in questions},
    }
    return parse_response(SourceDoc(file=f"{name}.yaml", data=data), content, questionnaire_id)


def test_two_respondents_who_answer_opposite_ways_disagree(content: Content) -> None:
    optimist = extreme_respondent(content, WORKSHOP, "Optimist", "executive", best=True)
    pessimist = extreme_respondent(content, WORKSHOP, "Pessimist", "staff", best=False)
    result = score_assessment(content, WORKSHOP, [optimist, pessimist])
    diverging = {d.dimension for d in result.disagreement.dimensions}
    assert {"gartner-8/vision", "gartner-8/strategy", "kale-10/executive-engagement"} <= diverging
    assert len(result.disagreement.questions) >= len(content.questionnaire_questions(WORKSHOP)) // 2
    assert result.disagreement.perception_gap.flagged is True
    alone = score_assessment(content, WORKSHOP, [optimist])
    assert alone.readiness.band == content.readiness.bands[-1].id
    assert [r.id for r in alone.risks if r.severity in SEVERE] == []


@pytest.mark.parametrize("folder", ["tech-first", "well-prepared", "acme-workshop", "executive"])
def test_every_example_scores_within_range_with_targets(content: Content, folder: str) -> None:
    files = answer_files(folder)
    result = assess(workspace(ROOT), questionnaire_of(files[0]), files, EXAMPLES / "targets.yaml")
    assert len(result.respondents) == len(files)
    assert result.readiness.score is not None and 0 <= result.readiness.score <= 100
    for framework in result.frameworks.values():
        for dimension in framework.dimensions.values():
            assert dimension.score is None or 0 <= dimension.score <= 100
    assert 0 < result.confidence.share <= 1


@st.composite
def real_responses(draw: st.DrawFn, content: Content, questionnaire_id: str) -> list[Response]:
    questions = content.questionnaire_questions(questionnaire_id)
    names = draw(
        st.lists(
            st.sampled_from(["Ann", "Bo", "Cy", "Di", "Ed"]), min_size=1, max_size=5, unique=True
        )
    )
    found = []
    for name in names:
        answers = {}
        for question in questions:
            best = draw(st.sampled_from([True, False, None]))
            if best is not None:
                answers[question.id] = extreme_answer(question, best)
        role = draw(st.sampled_from(["executive", "manager", "staff", "it", "external"]))
        doc = SourceDoc(
            file=f"{name}.yaml",
            data={"respondent": {"name": name, "role": role}, "answers": answers},
        )
        found.append(parse_response(doc, content, questionnaire_id))
    return found


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_real_content_scores_stay_in_range_whatever_the_order(data: st.DataObject) -> None:
    content = workspace(ROOT).content
    questionnaire_id = data.draw(st.sampled_from(sorted(content.questionnaires)))
    found = data.draw(real_responses(content, questionnaire_id))
    result = score_assessment(content, questionnaire_id, found)
    scores = [d.score for f in result.frameworks.values() for d in f.dimensions.values()]
    assert all(s is None or 0 <= s <= 100 for s in [*scores, result.readiness.score])
    assert score_assessment(content, questionnaire_id, list(reversed(found))) == result


def test_each_respondents_own_score_is_what_they_would_score_alone() -> None:
    ws = workspace(ROOT)
    content = ws.content
    folder = EXAMPLES / "acme-workshop"
    responses = read_responses(ws, "consultant-workshop", sorted(folder.glob("*.yaml")))
    together = score_assessment(content, "consultant-workshop", responses)
    for response in responses[:3]:
        alone = score_assessment(content, "consultant-workshop", [response])
        who = response.respondent.id
        for ref in content.dimension_refs():
            mine, joint = alone.dimension(ref), together.dimension(ref)
            assert mine is not None and joint is not None
            assert joint.by_respondent.get(who) == mine.score
    for framework in together.frameworks.values():
        for dimension in framework.dimensions.values():
            own = list(dimension.by_respondent.values())
            assert (min(own), max(own)) == (dimension.spread.min, dimension.spread.max)
