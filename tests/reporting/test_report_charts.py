"""Charts: readable labels that neither overlap nor fall off the figure, grey-safe colours, text as text."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from assessor.config import reports_dirs
from assessor.domain.text import tr
from assessor.reporting import charts
from assessor.reporting.branding import load_branding
from assessor.reporting.charts import Palette
from assessor.reporting.gantt import GanttBar, draw_gantt, split_gantt
from tests.helpers import workspace
from tests.reporting.support import ROOT

LONG = [
    "CRM vision",
    "Organisational collaboration and culture across every department of the company",
    "Valued customer experience",
    "Processes for the customer life cycle, knowledge management and analysis",
    "CRM information",
    "Technology",
    "Metrics",
    "Strategy: objectives, segments and effective interaction",
]


def t(key: str, **_: object) -> str:
    return f"[{key}]"


def _renderer(fig: Figure):  # type: ignore[no-untyped-def]
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # legends and ticks take their places when drawn
    return canvas.get_renderer()


def _undrawn_ticks(fig: Figure) -> set[int]:
    """Tick labels matplotlib keeps but does not draw, for ticks outside the axis range."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def _texts(fig: Figure) -> list[tuple[Text, Bbox]]:
    renderer = _renderer(fig)
    hidden = _undrawn_ticks(fig)
    found = []
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip() and id(text) not in hidden:
            found.append((text, text.get_window_extent(renderer)))
    return found


def _overlaps(boxes: list[tuple[Text, Bbox]]) -> list[tuple[str, str]]:
    return [
        (a.get_text(), b.get_text())
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2)
        if box_a.overlaps(box_b) and box_a.intersection(box_a, box_b).width > 1
    ]


def _outside(fig: Figure) -> list[str]:
    width, height = fig.bbox.width, fig.bbox.height
    return [
        text.get_text()
        for text, box in _texts(fig)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1
    ]


def _labels(fig: Figure, axis: str) -> list[tuple[Text, Bbox]]:
    renderer = _renderer(fig)
    ticks = [
        lab for ax in fig.axes for lab in getattr(ax, f"get_{axis}ticklabels")() if lab.get_text()
    ]
    return [(tick, tick.get_window_extent(renderer)) for tick in ticks]


def test_radar_labels_stay_on_the_figure_and_apart() -> None:
    fig = charts.draw_radar(LONG, [40, 55, None, 30, 70, 80, 20, 65], [70] * 8, t)
    assert _outside(fig) == []
    labels = [(text, box) for text, box in _texts(fig) if "(" in text.get_text()]
    assert len(labels) == 8
    assert _overlaps(labels) == []


RINGS = {"20", "40", "60", "80", "100"}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_shipped_radar_names_print_at_seven_points_or_more(lang: str) -> None:
    """The radar shares its page with the heat map at 60% of the text width (170 mm): its names
    must still print at 7 pt or more, whole, inside the figure and apart, with clear rings."""
    framework = workspace(ROOT).content.frameworks["gartner-8"]
    names = [tr(d.title, lang) for d in framework.dimensions]
    fig = charts.draw_radar(
        names, [55, 48, 40, 39, 41, 38, 53, 33], [75, 75, 70, 70, 70, 70, 60, 70], t
    )
    printed = 0.60 * 170 / 25.4 / fig.get_figwidth()
    labels = [text for text, _ in _texts(fig) if "(" in text.get_text()]
    assert len(labels) == len(names)
    assert min(text.get_fontsize() for text in labels) * printed >= 7.0
    assert _outside(fig) == []
    named = [(text, box) for text, box in _texts(fig) if "(" in text.get_text()]
    assert _overlaps(named) == []
    rings = [(text, box) for text, box in _texts(fig) if text.get_text() in RINGS]
    assert sorted(text.get_text() for text, _ in rings) == sorted(RINGS)
    lines = [line.get_transform().transform_path(line.get_path()) for line in fig.axes[0].lines]
    for text, box in rings:
        assert not any(path.intersects_bbox(box, filled=False) for path in lines), text.get_text()


@pytest.mark.parametrize(
    ("scores", "targets"),
    [
        ([55, 48, 40, 39, 41, 38, 53, 33], [75, 75, 70, 70, 70, 70, 60, 70]),  # the Acme workshop
        ([40, 55, None, 30, 70, 80, 20, 65], [70] * 8),
    ],
)
def test_radar_ring_numbers_are_crossed_by_no_line_or_label(
    scores: list[float | None], targets: list[float]
) -> None:
    fig = charts.draw_radar(LONG, scores, targets, t)
    texts = _texts(fig)
    rings = [(text, box) for text, box in texts if text.get_text() in RINGS]
    names = [(text, box) for text, box in texts if "(" in text.get_text()]
    assert sorted(text.get_text() for text, _ in rings) == sorted(RINGS)
    lines = [line.get_transform().transform_path(line.get_path()) for line in fig.axes[0].lines]
    assert len(lines) == 2, "target and current"
    for text, box in rings:
        assert not any(path.intersects_bbox(box, filled=False) for path in lines), text.get_text()
    crossed = [(a, b) for a, b in _overlaps(rings + names) if a in RINGS or b in RINGS]
    assert crossed == []


def test_bar_charts_wrap_long_names_without_overlap() -> None:
    gap = charts.draw_gap(
        LONG, [70, 60, 50, 40, 30, None, 55, 45], [50, 50, 50, 50, 50, 50, 50, 50], t
    )
    bars = charts.draw_score_bars(LONG[:6], [10, 90, None, 60, 70, 75], [70] * 6, t)
    for fig in (gap, bars):
        assert _outside(fig) == []
        assert _overlaps(_labels(fig, "y")) == []
        assert any("\n" in text.get_text() for text, _ in _labels(fig, "y")), "long names wrap"


def test_heatmap_names_every_respondent_and_dimension_legibly() -> None:
    people = [f"Respondent number {i} with a long name (Manager)" for i in range(12)]
    values = [
        [(i * 7 + j * 13) % 100 if (i + j) % 5 else None for j in range(8)] for i in range(12)
    ]
    fig = charts.draw_heatmap(people, LONG, values, t)
    assert _outside(fig) == []
    assert _overlaps(_labels(fig, "y")) == []
    assert _overlaps(_labels(fig, "x")) == []
    cells = [
        text.get_text()
        for text, _ in _texts(fig)
        if text.get_text().isdigit() or text.get_text() == "–"
    ]
    assert len(cells) >= 96


def test_heatmap_numbers_stand_out_and_column_names_take_two_lines_at_most() -> None:
    rows = [f"Group {r}" for r in range(6)]
    values: list[list[float | None]] = [
        [round((r * 8 + c) * 100 / 47) for c in range(8)] for r in range(6)
    ]
    values[0][0] = None
    fig = charts.draw_heatmap(rows, LONG, values, t)
    ax = fig.axes[0]
    cmap = ax.images[0].get_cmap()
    for text in ax.texts:
        column, row = (round(v) for v in text.get_position())
        value = values[row][column]
        cell = cmap(math.nan if value is None else value / 100)
        assert charts.contrast(cell, to_rgba(text.get_color())) >= 4.5, (value, text.get_color())
    assert len(ax.texts) == 48
    names = [label.get_text() for label in ax.get_xticklabels()]
    assert [name.replace("\n", " ") for name in names] == LONG
    assert all(name.count("\n") <= 1 for name in names)


@pytest.mark.parametrize("rows", [7, 70])
def test_gantt_parts_fit_their_heights_and_keep_whole_labels_apart(rows: int) -> None:
    bars = [
        GanttBar(
            f"Action {i}: agree who designs the customer processes and who signs them off",
            i,
            i + 3,
            ["phase", "action", "critical", "quick-win"][i % 4],
        )
        for i in range(1, rows + 1)
    ]
    parts = split_gantt(bars, 7.0, 9.2)
    assert [bar for part in parts for bar in part if bar.kind != "phase"] == [
        bar for bar in bars if bar.kind != "phase"
    ]
    legend: set[str] = set()
    for number, part in enumerate(parts):
        height = 7.0 if number == 0 else 9.2
        fig = draw_gantt(part, rows + 3, t, max_height=height)
        assert fig.get_figheight() <= height
        assert _outside(fig) == []
        assert _overlaps(_labels(fig, "y")) == []
        labels = [text.get_text() for text, _ in _labels(fig, "y")]
        assert all(label.count("\n") <= 1 and "…" not in label for label in labels)
        legend |= {text.get_text() for text, _ in _texts(fig)}
    assert {"[chart.gantt_critical]", "[chart.gantt_quick_win]", "[chart.weeks]"} <= legend


def test_a_phase_cut_between_two_gantt_charts_is_named_again() -> None:
    bars = [GanttBar("Phase one", 1, 9, "phase")]
    bars += [GanttBar(f"Step {i}", i, i + 1, "action") for i in range(1, 40)]
    first, second = split_gantt(bars, 7.0, 9.2)
    assert first[0] == second[0] == bars[0]
    assert len(first) + len(second) == len(bars) + 1


def test_score_bars_key_only_what_they_draw() -> None:
    def key(scores: list[float | None]) -> set[str]:
        fig = charts.draw_score_bars(LONG[: len(scores)], scores, [70.0] * len(scores), t)
        return {text.get_text() for text in fig.legends[0].get_texts()}

    assert key([40.0, 50.0, None]) == {"[chart.below_target]", "[chart.target]"}
    assert key([70.0, 90.0]) == {"[chart.on_target]", "[chart.target]"}
    assert key([10.0, 90.0]) == {"[chart.on_target]", "[chart.below_target]", "[chart.target]"}


def test_svg_keeps_text_as_text_and_png_is_a_png() -> None:
    fig = charts.draw_radar(LONG[:5], [10, 20, 30, 40, 50], [70] * 5, t)
    svg = charts.render(fig, "chart-x", "alt", "svg")
    assert svg.mime == "image/svg+xml"
    body = svg.data.decode()
    assert "<text" in body and "[chart.target]" in body and "CRM vision" in body
    assert 'id="DejaVuSans-' not in body, "no glyphs drawn as paths"
    assert svg.uri.startswith("data:image/svg+xml;base64,")
    png = charts.render(fig, "chart-x", "alt", "png")
    assert png.data.startswith(b"\x89PNG") and png.mime == "image/png"
    with pytest.raises(ValueError, match="unknown chart format"):
        charts.render(fig, "chart-x", "alt", "gif")


def test_the_same_data_gives_the_same_svg() -> None:
    draw = lambda: charts.render(charts.draw_gap(LONG[:3], [1, 2, 3], [3, 2, 1], t), "c", "a")  # noqa: E731
    assert draw().data == draw().data


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


@pytest.mark.parametrize(
    "palette",
    [Palette(), load_branding(reports_dirs(ROOT)).palette],
    ids=["default", "shipped-branding"],
)
def test_series_colours_stay_apart_in_grey(palette: Palette) -> None:
    """Series told apart by colour alone must differ in lightness (ink pairs differ in line or size)."""
    greys = sorted(_luminance(c) for c in (palette.primary, palette.secondary, palette.alert))
    greys.append(1.0)  # the white page
    assert all(b - a >= 0.2 for a, b in itertools.pairwise(greys)), greys


def test_charts_never_load_pyplot() -> None:
    code = (
        "import sys; from assessor.reporting import charts;"
        "charts.render(charts.draw_radar(['a','b','c'], [1,2,3], [4,5,6], lambda k, **_: k), 'x', 'y');"
        "print('matplotlib.pyplot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_wrap_and_shorten_keep_words_whole() -> None:
    assert (
        charts.wrap("Organisational collaboration and culture", 14)
        == "Organisational\ncollaboration\nand culture"
    )
    assert (
        charts.shorten("Write the customer-centred vision statement", 20) == "Write the customer-…"
    )
    assert charts.shorten("Short", 20) == "Short"


WIDE_LABELS = [
    "Walton's test workshop: what would we do next week without technology?",
    "WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM WWWW",
    "Measure the KPI baseline",
]


def test_labels_with_wide_letters_stay_on_the_figure() -> None:
    bars = [GanttBar(label, i + 1, i + 3, "action") for i, label in enumerate(WIDE_LABELS)]
    gantt = draw_gantt(bars, 8, t)
    bars_chart = charts.draw_score_bars(WIDE_LABELS, [40.0, 80.0, None], [70.0, 70.0, 70.0], t)
    heatmap = charts.draw_heatmap(
        WIDE_LABELS, ["Vision", "Strategy"], [[10, 20], [30, 40], [50, None]], t
    )
    for fig in (gantt, bars_chart, heatmap):
        assert _outside(fig) == []


def _leftmost_text_in_pdf(fig: Figure) -> float:
    """Where the leftmost glyph of the chart lands when WeasyPrint draws it 1 inch from the edge."""
    from io import BytesIO

    from pypdf import PdfReader
    from weasyprint import HTML

    chart = charts.render(fig, "chart", "alt", "svg")
    page = "@page { size: 9in 10in; margin: 1in } body { margin: 0 }"
    html = (
        f"<html><head><style>{page}</style></head><body>"
        f'<img style="width: {fig.get_figwidth()}in" src="{chart.uri}"></body></html>'
    )
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            starts.append(tm[4] * cm[0] + cm[4])

    PdfReader(BytesIO(HTML(string=html).write_pdf())).pages[0].extract_text(visitor_text=visit)
    return min(starts)


@pytest.mark.parametrize("rows", [8, 60])
def test_real_action_titles_are_not_clipped_in_the_pdf(rows: int) -> None:
    titles = [tr(action.title) for action in workspace().content.actions.values()][:rows]
    bars = [GanttBar(title, i % 20 + 1, i % 20 + 3, "action") for i, title in enumerate(titles)]
    fig = draw_gantt(bars, 24, t)
    assert _leftmost_text_in_pdf(fig) >= 72 - 0.5  # the image starts 72 pt from the page edge
