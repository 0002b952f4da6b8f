"""The workshop's live radar: every dimension's name is whole and inside the picture."""

from __future__ import annotations

import re

import pytest

from assessor.domain.text import tr
from assessor.reporting.live_radar import HEIGHT, WIDTH, Spoke, radar_svg, wrap_label
from tests.helpers import ROOT, workspace

CHAR_WIDTH = 0.62 * 19
"""A generous width of one DejaVu Sans character at the radar's font size."""

TSPAN = re.compile(r'<text text-anchor="(\w+)"[^>]*>(.*?)</text>')
ROW = re.compile(r'<tspan x="([\d.]+)" y="([\d.-]+)"[^>]*>([^<]*)</tspan>')


def test_a_long_name_is_wrapped_at_spaces_not_cut() -> None:
    assert wrap_label("Valued customer experience") == ["Valued customer", "experience"]
    assert wrap_label("Processes") == ["Processes"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_framework_s_names_fit_inside_the_projector_radar(lang: str) -> None:
    content = workspace(ROOT).content
    for framework in content.frameworks.values():
        spokes = [
            Spoke(label=tr(d.title, lang), score=55.0, target=70.0) for d in framework.dimensions
        ]
        svg = radar_svg(spokes, framework.id)
        labels = TSPAN.findall(svg)
        assert len(labels) == len(spokes)
        for (anchor, body), spoke in zip(labels, spokes, strict=True):
            rows = ROW.findall(body)
            words = " ".join(text for _, _, text in rows[:-1])
            assert words == " ".join(spoke.label.split()), "the name is shown whole"
            assert rows[-1][2] == "55", "the score follows the name"
            for x, y, text in rows:
                extent = len(text) * CHAR_WIDTH
                left = {"start": float(x), "end": float(x) - extent}.get(
                    anchor, float(x) - extent / 2
                )
                assert left >= 0 and left + extent <= WIDTH, (lang, framework.id, text)
                assert 19 <= float(y) <= HEIGHT, (lang, framework.id, text)
