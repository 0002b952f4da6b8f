"""Score an assessment: dimensions, frameworks, readiness, risks, disagreement, confidence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import fsum

from assessor.domain.conditions import done_actions, triggered_risks
from assessor.domain.content import Content
from assessor.domain.disagreement import find_disagreement, find_unknowns, measure_confidence
from assessor.domain.errors import InputError
from assessor.domain.readiness import assess_readiness, maturity
from assessor.domain.responses import ROLES, Response
from assessor.domain.results import (
    Assessment,
    DimensionScore,
    Driver,
    FrameworkScore,
    Spread,
)
from assessor.domain.schema import Dimension, Framework
from assessor.domain.sheet import AnswerSheet, build_sheet, scoring_plan
from assessor.domain.stats import mean, population_sd, weighted_mean
from assessor.domain.summary import summarise_questions

PerRespondent = dict[str, dict[int, float]]
"""Per dimension ref: each respondent's (by sheet index) own score of that dimension."""


def spread(values: Sequence[float]) -> Spread:
    """Population standard deviation, minimum and maximum of some scores."""
    if not values:
        return Spread(sd=None, min=None, max=None)
    return Spread(sd=population_sd(values), min=min(values), max=max(values))


def score_assessment(
    content: Content,
    questionnaire_id: str,
    responses: Sequence[Response],
    targets: Mapping[str, float] | None = None,
) -> Assessment:
    """Score respondents' answers to a questionnaire against the content's frameworks."""
    questionnaire = content.questionnaires.get(questionnaire_id)
    if questionnaire is None:
        known = ", ".join(content.questionnaires) or "none"
        raise InputError(f"unknown questionnaire '{questionnaire_id}'; known: {known}")
    sheet = build_sheet(scoring_plan(content, questionnaire_id), responses)
    scorer = _DimensionScorer(
        sheet, content.readiness.default_target, targets or {}, content.role_ids
    )
    frameworks = {f.id: scorer.framework(f) for f in reported_frameworks(content, questionnaire_id)}
    scores = {
        d.ref: d.score for framework in frameworks.values() for d in framework.dimensions.values()
    }
    risks = triggered_risks(content, sheet, scores)
    return Assessment(
        questionnaire=questionnaire_id,
        questionnaire_title=questionnaire.title,
        respondents=[r.respondent for r in sheet.responses],
        readiness=assess_readiness(content.readiness, frameworks, [r.id for r in risks]),
        frameworks=frameworks,
        risks=risks,
        disagreement=find_disagreement(
            content.readiness.disagreement,
            sheet,
            scorer.per_respondent,
            content.perception_roles,
        ),
        confidence=measure_confidence(sheet),
        questions=summarise_questions(sheet),
        content_fingerprint=content.fingerprint,
        done_actions=done_actions(content, sheet, scores),
        unknowns=find_unknowns(content.readiness.disagreement.dont_know_share, sheet),
    )


def reported_frameworks(content: Content, questionnaire_id: str) -> list[Framework]:
    """The questionnaire's frameworks, then any others its questions or readiness draw on."""
    plan = scoring_plan(content, questionnaire_id)
    wanted = list(content.questionnaires[questionnaire_id].frameworks)
    drawn_on = {entry.framework for entry in content.readiness.overall}
    drawn_on.update(ref.partition("/")[0] for ref in plan.dimensions)
    wanted.extend(fid for fid in content.frameworks if fid in drawn_on and fid not in wanted)
    return [content.frameworks[fid] for fid in wanted if fid in content.frameworks]


@dataclass
class _DimensionScorer:
    """Scores dimensions from one answer sheet, keeping each respondent's own scores."""

    sheet: AnswerSheet
    default_target: float
    targets: Mapping[str, float]
    roles: Sequence[str] = ROLES
    """The content's role ids, in order: by-role means are kept for these."""

    def __post_init__(self) -> None:
        self.per_respondent: PerRespondent = {}
        self.means = [self.sheet.question_mean(q.index) for q in self.sheet.plan.questions]
        self.role_means = [self._role_means(scores) for scores in self.sheet.scores]

    def _role_means(self, scores: Mapping[int, float]) -> dict[str, float]:
        roles = self.sheet.roles
        grouped: dict[str, list[float]] = {}
        for respondent, score in scores.items():
            grouped.setdefault(roles[respondent], []).append(score)
        return {role: mean(values) or 0.0 for role, values in grouped.items()}

    def framework(self, framework: Framework) -> FrameworkScore:
        """A framework's dimensions and its weighted score over the scored ones."""
        dimensions = {d.id: self.dimension(framework, d) for d in framework.dimensions}
        pairs = [
            (scored.score, d.weight)
            for d in framework.dimensions
            if (scored := dimensions[d.id]).score is not None
        ]
        return FrameworkScore(
            id=framework.id,
            title=framework.title,
            source=framework.source,
            score=weighted_mean(pairs),
            dimensions=dimensions,
        )

    def dimension(self, framework: Framework, dimension: Dimension) -> DimensionScore:
        """One dimension: score, maturity, target, gap, spread, role means and drivers."""
        ref = f"{framework.id}/{dimension.id}"
        items = self.sheet.plan.dimensions.get(ref, ())
        scored = [(q, w) for q, w in items if self.means[q] is not None]
        score = weighted_mean([(self.means[q] or 0.0, w) for q, w in scored])
        own = self._per_respondent(scored)
        self.per_respondent[ref] = own
        level = maturity(framework, dimension.id, score)
        target = self.targets.get(ref, self.default_target)
        return DimensionScore(
            framework=framework.id,
            id=dimension.id,
            title=dimension.title,
            score=score,
            level=level.level if level else None,
            level_name=level.name if level else None,
            descriptor=level.descriptors.get(dimension.id) if level else None,
            target=target,
            gap=None if score is None else max(0.0, target - score),
            answers=sum(len(self.sheet.scores[q]) for q, _ in scored),
            coverage=len(scored) / len(items) if items else 0.0,
            spread=spread(sorted(own.values())),
            by_role=self._by_role(scored),
            drivers=self._drivers(items),
            by_respondent={
                self.sheet.responses[i].respondent.id: value for i, value in sorted(own.items())
            },
        )

    def _per_respondent(self, scored: Sequence[tuple[int, float]]) -> dict[int, float]:
        earned: dict[int, list[float]] = {}
        weights: dict[int, list[float]] = {}
        for question, weight in scored:
            for respondent, value in self.sheet.scores[question].items():
                if respondent in weights:
                    earned[respondent].append(value * weight)
                    weights[respondent].append(weight)
                else:
                    earned[respondent] = [value * weight]
                    weights[respondent] = [weight]
        result: dict[int, float] = {}
        for respondent in sorted(weights):
            total = fsum(weights[respondent])
            if total > 0:
                result[respondent] = fsum(earned[respondent]) / total
        return result

    def _by_role(self, scored: Sequence[tuple[int, float]]) -> dict[str, float]:
        result: dict[str, float] = {}
        for role in self.roles:
            pairs = [(self.role_means[q][role], w) for q, w in scored if role in self.role_means[q]]
            mean = weighted_mean(pairs)
            if mean is not None:
                result[role] = mean
        return result

    def _drivers(self, items: Sequence[tuple[int, float]]) -> list[Driver]:
        total = fsum(w for q, w in items if self.means[q] is not None)
        plans = self.sheet.plan.questions
        return [
            Driver(
                question=plans[q].id,
                text=plans[q].question.text,
                score=self.means[q],
                weight=w,
                share=w / total if total > 0 and self.means[q] is not None else 0.0,
                answers=len(self.sheet.scores[q]),
            )
            for q, w in items
        ]
