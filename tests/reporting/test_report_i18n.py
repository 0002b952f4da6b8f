"""Every word of the reports comes from reports/i18n/; English is complete, other languages fall back."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path
from typing import get_args

import jinja2
import pytest
from babel import Locale
from jinja2 import nodes

from assessor.domain.responses import ROLES
from assessor.domain.schema import SEVERITY_RANK, Level3, QuestionType, Risk
from assessor.reporting import ReportError
from assessor.reporting.i18n import flatten, is_plural, load_translator
from assessor.reporting.render import environment
from assessor.reporting.settings import read_report_yaml
from tests.reporting.support import ROOT

REPORTS = ROOT / "reports"
CRM = REPORTS / "crm"  # the shipped CRM content's own wording, layout and findings
FINDINGS = read_report_yaml(CRM / "findings.yaml").data
LAYOUT = read_report_yaml(CRM / "layout.yaml").data
PACKAGE = ROOT / "assessor" / "reporting"
NEUTRAL = flatten(read_report_yaml(REPORTS / "i18n" / "en.yaml").data)
ENGLISH = {**NEUTRAL, **flatten(read_report_yaml(CRM / "i18n" / "en.yaml").data)}
WORDING = sorted([*(REPORTS / "i18n").glob("*.yaml"), *(CRM / "i18n").glob("*.yaml")])


def _sections(template: str) -> list[str]:
    source = (REPORTS / template).read_text()
    found = re.search(r"set sections = \[(.*?)\]", source, re.S)
    assert found, template
    return re.findall(r'"([a-z0-9-]+)"', found.group(1))


KINDS = ["executive", "full"]
SECTIONS = sorted({s for kind in KINDS for s in _sections(f"{kind}.html.j2")})
PILLARS = get_args(Risk.model_fields["pillar"].annotation)
DYNAMIC = {  # a key built in a template or in code from a prefix, and every ending it can take
    "section.": SECTIONS,
    "status.": ["on-target", "near-target", "below-target", "unscored"],
    "likelihood.": ["high", "medium", "low"],
    "owner.": sorted({*LAYOUT["owners"].values(), LAYOUT["default_owner"]}),
    "findings.rule.": [rule["id"] for rule in FINDINGS["answers"]],
    "decisions.": [decision["id"] for decision in FINDINGS["decisions"]],
    "governance.": [
        f"{body}.{part}"
        for body in ("board", "steering", "programme")
        for part in ("name", "who", "when", "decides")
    ],
    "report.title_": KINDS,
    "dimensions.": ["evidence", "comments"],
    "role.": list(ROLES),
    "severity.": list(SEVERITY_RANK),
    "pillar.": list(PILLARS),
    "level.": list(get_args(Level3)),
    "question_type.": list(get_args(QuestionType)),
    "kpis.direction_": ["up", "down"],
    "progress.band_": ["up", "down", "same"],
    "roadmap.scaled_": [
        f"{way}{basis}"
        for way in ("longer", "shorter")
        for basis in ("", "_size", "_users", "_data")
    ],
    "chart.gantt_": ["phase", "action", "critical", "quick_win"],
    "roadmap.left_out_": ["done", "allowance", "unknown_action", "late"],
    "evidence.": [
        f"{kind}_{relation}"
        for kind, relations in (
            ("dimension", ["below", "not_below", "at_least", "under"]),
            ("answers", ["below", "at_least"]),
            ("numbers", ["below", "at_least"]),
        )
        for relation in relations
    ],
}


def _template_keys() -> tuple[set[str], set[str]]:
    """Literal keys and prefixes of built keys passed to t() in every shipped template."""
    env = environment([REPORTS])
    keys: set[str] = set()
    prefixes: set[str] = set()
    for path in REPORTS.rglob("*.html.j2"):
        tree = env.parse(path.read_text(), path.name)
        for call in tree.find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name == "t" and call.args):
                continue
            first = call.args[0]
            if isinstance(first, nodes.Const):
                keys.add(first.value)
            elif isinstance(first, nodes.Concat) and isinstance(first.nodes[0], nodes.Const):
                prefixes.add(first.nodes[0].value)
            elif isinstance(first, nodes.CondExpr):
                keys.update(
                    n.value for n in (first.expr1, first.expr2) if isinstance(n, nodes.Const)
                )
            else:
                pytest.fail(f"{path.name}:{call.lineno}: t() with a key the test cannot read")
    return keys, prefixes


def _code_keys() -> tuple[set[str], set[str]]:
    """Literal keys and f-string prefixes passed to t() in the reporting package."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        source = path.read_text()
        keys.update(re.findall(r'\bt\(\s*"([a-z0-9_.-]+)"', source))
        keys.update(re.findall(r'\bself\._t\(\s*"([a-z0-9_.-]+)"', source))
        keys.update(re.findall(r'_keep\([^)]*?"(chart\.[a-z_]+)"', source, re.S))
        prefixes.update(re.findall(r'\bt\(\s*f"([a-z0-9_.-]+)\{', source))
        prefixes.update(re.findall(r'\b_t\(\s*f"([a-z0-9_.-]+)\{', source))
    return keys, prefixes


def test_every_text_a_template_asks_for_exists_in_english() -> None:
    keys, prefixes = _template_keys()
    assert keys, "templates use t()"
    assert sorted(k for k in keys if not _is_text(ENGLISH.get(k))) == []
    assert sorted(prefixes - set(DYNAMIC)) == [], "teach DYNAMIC the endings of a new prefix"
    missing = [p + end for p in prefixes for end in DYNAMIC[p] if p + end not in ENGLISH]
    assert missing == []


def test_every_text_the_code_asks_for_exists_in_english() -> None:
    keys, prefixes = _code_keys()
    assert {"chart.weeks", "cover.no_client", "chart.radar_alt"} <= keys
    assert sorted(k for k in keys if k not in ENGLISH) == []
    assert sorted(prefixes - set(DYNAMIC)) == []
    missing = [p + end for p in prefixes for end in DYNAMIC[p] if p + end not in ENGLISH]
    assert missing == []


def test_english_holds_no_text_nothing_uses() -> None:
    template_keys, template_prefixes = _template_keys()
    code_keys, code_prefixes = _code_keys()
    used = template_keys | code_keys
    used |= {
        "date.format",
        "date.short_format",
        "date.range",
        "date.months",
    }
    for prefix in template_prefixes | code_prefixes:
        used.update(prefix + end for end in DYNAMIC[prefix])
    assert sorted(set(ENGLISH) - used) == []


def _is_text(value: object) -> bool:
    return isinstance(value, str) or is_plural(value)


def _placeholders(text: str | dict[str, str]) -> set[str]:
    forms = text.values() if isinstance(text, dict) else [text]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


@pytest.mark.parametrize("path", WORDING, ids=lambda p: f"{p.parent.parent.name}-{p.stem}")
def test_every_translation_matches_english_keys_and_placeholders(path: Path) -> None:
    other = flatten(read_report_yaml(path).data)
    assert sorted(set(other) - set(ENGLISH)) == [], "keys English does not have"
    for key, text in other.items():
        if _is_text(text):
            assert is_plural(text) == is_plural(ENGLISH[key]), f"{key}: plural in one only"
            assert _placeholders(text) <= _placeholders(ENGLISH[key]) | {"count"}, key
            assert _placeholders(ENGLISH[key]) - {"count"} <= _placeholders(text) | {"rest_text"}, (
                key
            )
    assert "date.months" not in other or len(other["date.months"]) == 12


@pytest.mark.parametrize("path", WORDING, ids=lambda p: f"{p.parent.parent.name}-{p.stem}")
def test_every_plural_text_gives_every_form_its_language_needs(path: Path) -> None:
    needed = {*Locale.parse(path.stem).plural_form.tags, "other"}
    texts = flatten(read_report_yaml(path).data)
    plural = {key: text for key, text in texts.items() if is_plural(text)}
    assert plural, "plural forms are used"
    assert sorted(k for k, text in plural.items() if needed - set(text)) == []


def test_plural_forms_follow_babel_rules() -> None:
    english, russian = load_translator([REPORTS]), load_translator([REPORTS], "ru")
    assert english("register.intro", count=1) == "The one failure risk the answers trigger."
    assert "All 3 failure risks" in english("register.intro", count=3)
    assert english("answers.texts", count=1) == "one written answer"
    assert russian("story.next_points", count=1) == "ещё 1 балл"
    assert russian("story.next_points", count=3) == "ещё 3 балла"
    assert russian("story.next_points", count=15) == "ещё 15 баллов"
    assert russian("story.next_points", count=21) == "ещё 21 балл"
    with pytest.raises(ReportError, match="needs a count"):
        english("register.intro")


def test_a_score_is_never_rounded_across_a_threshold() -> None:
    t = load_translator([REPORTS])
    assert t.score(59.67, [40, 60, 75]) == "59"
    assert t.score(39.74, [40]) == "39"
    assert t.score(45.56, [40, 60]) == "46"
    assert t.score(60.0, [60]) == "60"
    assert t.score(None) == "–"


def test_a_change_is_the_difference_of_the_printed_scores() -> None:
    t = load_translator([REPORTS])
    # 44.87 prints 45 and 59.99 under a band from 60 prints 59: the change reads 14, not 15.
    assert (t.score(44.87, [60]), t.score(59.99, [60])) == ("45", "59")
    assert t.score_change(44.87, 59.99, [60]) == 14
    assert t.score_change(59.99, 44.87, [60]) == -14
    assert t.score_change(None, 50.0) is None


def test_russian_is_complete() -> None:
    russian = flatten(read_report_yaml(REPORTS / "i18n" / "ru.yaml").data)
    assert sorted(set(NEUTRAL) - set(russian)) == []
    crm = flatten(read_report_yaml(CRM / "i18n" / "ru.yaml").data)
    assert sorted(set(ENGLISH) - set(NEUTRAL) - set(crm)) == []


def test_a_missing_translation_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "de.yaml").write_text("toc:\n  title: Inhalt\n")
    t = load_translator([tmp_path, REPORTS], "de")
    assert t("toc.title") == "Inhalt"
    assert t("section.summary") == ENGLISH["section.summary"]


def test_translator_formats_dates_numbers_and_placeholders() -> None:
    t = load_translator([REPORTS], "ru")
    assert t.date(dt.date(2026, 3, 5)) == "5 марта 2026 г."
    assert t.number(12.345, 1) == "12,3"
    assert t.number(None) == "–"
    assert t("roadmap.weeks", start=3, end=8) == "недели 3–8"
    english = load_translator([REPORTS])
    assert english.date(dt.date(2026, 3, 5)) == "5 March 2026"


def test_unknown_language_and_unknown_key_are_clear_errors() -> None:
    with pytest.raises(
        ReportError, match=r"no report translation for language 'xx' \(available: en, ru\)"
    ):
        load_translator([REPORTS], "xx")
    with pytest.raises(ReportError, match=r"no report text 'nowhere\.at-all'"):
        load_translator([REPORTS])("nowhere.at-all")
    with pytest.raises(ReportError, match="bad placeholder"):
        load_translator([REPORTS])("roadmap.weeks", start=1)


def test_russian_report_renders_in_russian(small_full, small) -> None:  # type: ignore[no-untyped-def]
    from tests.reporting.support import FIXTURE_ANSWERS, render

    rendered = render(
        small,
        questionnaire="workshop",
        answers=FIXTURE_ANSWERS,
        template="executive",
        lang="ru",
    )
    text = rendered.text()
    assert "Готовность в целом" in text and "Главные риски" in text
    assert rendered.warnings == []


def test_templates_parse(tmp_path: Path) -> None:
    env = environment([REPORTS])
    for path in REPORTS.rglob("*.html.j2"):
        env.parse(path.read_text(), path.name)
    with pytest.raises(jinja2.TemplateSyntaxError):
        env.parse("{% if %}", "broken")
