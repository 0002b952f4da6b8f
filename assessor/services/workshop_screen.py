"""What the facilitator's screen draws: the join QR code and the live radar, both as inline SVG."""

from __future__ import annotations

import segno

from assessor.domain.results import Assessment
from assessor.domain.text import tr
from assessor.reporting.live_radar import Spoke, radar_svg
from assessor.services.workspace import Workspace


def qr_svg(url: str, title: str) -> str:
    """The join address as a QR code, an inline SVG element (no image file, no script)."""
    return str(segno.make(url, error="m").svg_inline(scale=8, title=title, border=2))


def main_framework(ws: Workspace, assessment: Assessment) -> str:
    """The framework the radar shows: the questionnaire's first that was scored."""
    wanted = ws.content.questionnaires[assessment.questionnaire].frameworks
    return next(
        (f for f in wanted if f in assessment.frameworks), next(iter(assessment.frameworks))
    )


def radar_of(ws: Workspace, assessment: Assessment | None, lang: str, title: str) -> str:
    """The radar of the main framework's dimension scores against targets, as an SVG document."""
    if assessment is None:
        return radar_svg([], title)
    framework = assessment.frameworks[main_framework(ws, assessment)]
    spokes = [
        Spoke(label=tr(d.title, lang), score=d.score, target=d.target)
        for d in framework.dimensions.values()
    ]
    return radar_svg(spokes, title)
