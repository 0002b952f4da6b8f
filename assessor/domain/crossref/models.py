"""Cross-reference checks of frameworks, the readiness model and the roadmap model."""

from __future__ import annotations

from assessor.domain.content import Content, LoadedFile
from assessor.domain.crossref.base import (
    Report,
    check_cycles,
    check_unique,
    dimension_error,
    exists,
)
from assessor.domain.schema import Framework, ReadinessModel, RoadmapModel
from assessor.domain.yamlsrc import YamlPath

# --- frameworks ----------------------------------------------------------------------------


def check_framework(model: Framework, item: LoadedFile, report: Report) -> None:
    """Check a framework's dimensions, dependencies and maturity scale."""
    ids = [d.id for d in model.dimensions]
    check_unique(ids, "dimension id", item, ("dimensions",), report)
    if sum(d.weight for d in model.dimensions) <= 0:
        report.add(item, ("dimensions",), "dimension weights sum to zero")
    graph: dict[str, list[str]] = {}
    locate: dict[str, YamlPath] = {}
    for i, dimension in enumerate(model.dimensions):
        graph[dimension.id] = list(dimension.depends_on)
        locate[dimension.id] = ("dimensions", i, "depends_on")
        for j, dep in enumerate(dimension.depends_on):
            if dep not in ids:
                report.add(
                    item,
                    ("dimensions", i, "depends_on", j),
                    f"unknown dimension '{dep}' in framework '{model.id}'",
                )
    check_cycles(graph, "depends_on", item, locate, report)
    levels = [m.level for m in model.maturity]
    if levels != list(range(levels[0], levels[0] + len(levels))):
        report.add(item, ("maturity",), "maturity levels must be numbered consecutively")
    if model.maturity[0].min_score != 0:
        report.add(item, ("maturity", 0, "min_score"), "the first maturity level must start at 0")
    for i in range(1, len(model.maturity)):
        if model.maturity[i].min_score <= model.maturity[i - 1].min_score:
            report.add(
                item, ("maturity", i, "min_score"), "min_score must rise from level to level"
            )
    for i, level in enumerate(model.maturity):
        for key in level.descriptors:
            if key not in ids:
                report.add(
                    item,
                    ("maturity", i, "descriptors", key),
                    f"unknown dimension '{key}' in framework '{model.id}'",
                )
        missing = [d for d in ids if d not in level.descriptors]
        if missing:
            report.add(
                item,
                ("maturity", i, "descriptors"),
                f"no descriptor for dimension(s): {', '.join(missing)}",
            )


def check_readiness(
    model: ReadinessModel, item: LoadedFile, content: Content, report: Report
) -> None:
    """Check the readiness model's frameworks, bands and gates."""
    for i, entry in enumerate(model.overall):
        if not exists(content, "framework", entry.framework):
            report.add(item, ("overall", i, "framework"), f"unknown framework '{entry.framework}'")
    if sum(e.weight for e in model.overall) <= 0:
        report.add(item, ("overall",), "framework weights sum to zero")
    for key, terms in (
        ("roles", model.roles),
        ("audiences", model.audiences),
        ("pillars", model.pillars),
    ):
        check_unique([t.id for t in terms], key[:-1] + " id", item, (key,), report)
    bands = [b.id for b in model.bands]
    check_unique(bands, "band id", item, ("bands",), report)
    if model.bands[0].min_score != 0:
        report.add(item, ("bands", 0, "min_score"), "the first band must start at 0")
    for i in range(1, len(model.bands)):
        if model.bands[i].min_score <= model.bands[i - 1].min_score:
            report.add(item, ("bands", i, "min_score"), "min_score must rise from band to band")
    for i, gate in enumerate(model.gates):
        if gate.cap not in bands:
            report.add(item, ("gates", i, "cap"), f"unknown band '{gate.cap}'")
        for j, risk_id in enumerate(gate.risks):
            if not exists(content, "risk", risk_id):
                report.add(item, ("gates", i, "risks", j), f"unknown risk '{risk_id}'")
        if gate.dimensions != "all":
            for j, ref in enumerate(gate.dimensions):
                problem = dimension_error(content, ref)
                if problem:
                    report.add(item, ("gates", i, "dimensions", j), problem)


def check_roadmap(model: RoadmapModel, item: LoadedFile, report: Report) -> None:
    """Check the roadmap model's phases and their order."""
    ids = [p.id for p in model.phases]
    check_unique(ids, "phase id", item, ("phases",), report)
    for i, phase in enumerate(model.phases):
        for j, before in enumerate(phase.starts_after):
            if before not in ids:
                report.add(item, ("phases", i, "starts_after", j), f"unknown phase '{before}'")
            elif ids.index(before) >= i:
                report.add(
                    item,
                    ("phases", i, "starts_after", j),
                    f"phase '{phase.id}' cannot start after '{before}', which comes later",
                )
    for i, phase_id in enumerate(model.rollout_path):
        if phase_id not in ids:
            report.add(item, ("rollout_path", i), f"unknown phase '{phase_id}'")
