"""Finds the printable title of anything a result refers to by id, in the report's language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from assessor.domain.content import Content
from assessor.domain.responses import value_key
from assessor.domain.results import Assessment
from assessor.domain.schema import DisplayScale
from assessor.domain.text import tr
from assessor.domain.units import gap_in_units, in_units, level_reached
from assessor.reporting.citations import Citations
from assessor.reporting.i18n import Translator


@dataclass(frozen=True)
class Lookup:
    """Finds the printable title of anything a result refers to by id, in the report's language,
    and carries how the report shows people (named or by role) and grades gaps."""

    content: Content
    assessment: Assessment
    t: Translator
    named: bool = False
    amber_gap: float = 15.0

    def thresholds(self, ref: str) -> list[float]:
        """The scores that mean something for a dimension: its target, its maturity levels'
        thresholds and the gates' floors (a shown score must not cross one)."""
        found = [g.floor for g in self.content.readiness.gates if g.floor]
        scored = self.assessment.dimension(ref)
        if scored is not None:
            found.append(scored.target)
        framework = self.content.frameworks.get(ref.partition("/")[0])
        if framework is not None:
            found.extend(m.min_score for m in framework.maturity)
        return found

    def display(self, framework_id: str) -> DisplayScale | None:
        """The scale a framework declares for display, or None (shown 0 to 100)."""
        framework = self.content.frameworks.get(framework_id)
        return framework.display if framework else None

    def units(self, framework_id: str, value: float | None, thresholds: list[float]) -> str:
        """A 0-100 score as a number on the framework's scale (0 to 100 when it has none)."""
        display = self.display(framework_id)
        if display is None:
            return self.t.score(value, thresholds)
        return self.t.number(in_units(value, display), display.decimals)

    def score(self, framework_id: str, value: float | None, thresholds: list[float]) -> str:
        """A score as the framework shows it: `62` on 0 to 100, else `2.1 of 3`, with the name
        of the scale's level it reaches beside it (`2.1 of 3 (Defined)`)."""
        display = self.display(framework_id)
        if display is None or value is None:
            return self.units(framework_id, value, thresholds)
        shown = in_units(value, display)
        top = self.t.number(display.max, 0 if display.max == int(display.max) else display.decimals)
        text = self.t("units.of", value=self.t.number(shown, display.decimals), max=top)
        level = level_reached(shown, display)
        return (
            self.t("units.level", score=text, level=tr(level.name, self.t.lang)) if level else text
        )

    def gap(self, framework_id: str, gap: float | None) -> str:
        """A distance to target in the framework's units (points of 100 when it has none)."""
        display = self.display(framework_id)
        if display is None:
            return self.t.number(gap)
        return self.t.number(gap_in_units(gap, display), display.decimals)

    def dimension(self, ref: str) -> str:
        """A dimension's title from its `framework/dimension` ref."""
        scored = self.assessment.dimension(ref)
        found = scored.title if scored else (d.title if (d := self.content.dimension(ref)) else ref)
        return tr(found, self.t.lang)

    def action(self, action_id: str) -> str:
        """An action's title."""
        action = self.content.actions.get(action_id)
        return tr(action.title, self.t.lang) if action else action_id

    def risk(self, risk_id: str) -> str:
        """A risk's title."""
        risk = self.content.risks.get(risk_id)
        return tr(risk.title, self.t.lang) if risk else risk_id

    def kpi(self, kpi_id: str) -> str:
        """A KPI's title."""
        kpi = self.content.kpis.get(kpi_id)
        return tr(kpi.title, self.t.lang) if kpi else kpi_id

    @cached_property
    def citations(self) -> Citations:
        """The content's references, numbered as the report's reference list numbers them."""
        return Citations.of(self.content)

    def source(self, source: str | dict[str, str] | None) -> str:
        """A `source:` text with its citations as the reference list's numbers."""
        return self.citations.cite(source, self.t.lang)

    def question(self, question_id: str) -> str:
        """A question's text."""
        question = self.content.questions.get(question_id)
        return tr(question.text, self.t.lang) if question else question_id

    def option(self, question_id: str, value: str) -> str:
        """The label of one of a question's options, by its value."""
        return option_labels(question_id, self.content, self.t.lang).get(value, value)


def option_labels(question_id: str, content: Content, lang: str) -> dict[str, str]:
    """Each option's label by its value, in one language."""
    question = content.questions.get(question_id)
    if question is None or not question.options:
        return {}
    return {value_key(o.value): tr(o.label, lang) for o in question.options}
