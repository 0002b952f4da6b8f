"""Branding: a consultant's firm, logo and colours, from YAML, checked with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assessor.reporting import ReportError
from assessor.reporting.branding import load_branding, with_people
from assessor.reporting.settings import Layout, load_layout
from tests.reporting.support import FIXTURE_ROOT, ROOT

SHIPPED = [ROOT / "reports"]


def test_shipped_branding_embeds_its_logo() -> None:
    branding = load_branding(SHIPPED)
    assert branding.logo_uri.startswith("data:image/svg+xml;base64,")
    assert branding.colours.primary == "#004488"
    assert branding.palette.secondary == branding.colours.accent


def test_an_override_file_changes_only_what_it_names(tmp_path: Path) -> None:
    Image.new("RGB", (30, 10), "#112233").save(tmp_path / "brand.png")
    override = tmp_path / "harbour.yaml"
    override.write_text(
        "firm: Harbour Consulting\nlogo: brand.png\ncolours:\n  primary: '#112233'\n"
    )
    branding = load_branding(SHIPPED, override)
    assert branding.firm == "Harbour Consulting"
    assert branding.colours.primary == "#112233"
    assert branding.colours.accent == "#DDAA33", "colours it leaves out keep the shipped value"
    assert branding.logo_uri.startswith("data:image/png;base64,"), (
        "the logo is found beside the file naming it"
    )


def test_command_line_names_win_over_the_file() -> None:
    branding = with_people(load_branding(SHIPPED), "Northwind", None)
    assert (branding.firm, branding.consultant) == ("Northwind", "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "colours:\n  primary: blue\n",
            r"harbour\.yaml:2: colours\.primary: String should match pattern",
        ),
        ("firm: X\nslogan: Y\n", r"harbour\.yaml:2: slogan: unknown key"),
        ("logo_uri: 'file:///etc/passwd'\n", r"harbour\.yaml:1: logo_uri: unknown key"),
        ("colormap: rainbowish\n", r"harbour\.yaml:1: colormap: unknown matplotlib colormap"),
        ("font: 'x; } body { color: red'\n", r"harbour\.yaml:1: font: String should match pattern"),
        ("logo: missing.svg\n", r"missing\.svg: cannot read the logo"),
        ("logo: harbour.yaml\n", r"a logo must be one of \.svg, \.png, \.jpg, \.jpeg"),
        ("- a list\n", r"harbour\.yaml:1: expected a mapping"),
        ("firm: [unclosed\n", r"harbour\.yaml:\d+: invalid YAML"),
    ],
)
def test_a_bad_branding_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    override = tmp_path / "harbour.yaml"
    override.write_text(text)
    with pytest.raises(ReportError, match=message):
        load_branding(SHIPPED, override)


def test_a_missing_branding_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"nowhere\.yaml: no such branding file"):
        load_branding(SHIPPED, tmp_path / "nowhere.yaml")


def test_layout_comes_from_the_first_reports_folder_that_has_one(tmp_path: Path) -> None:
    parts = load_layout([FIXTURE_ROOT / "reports", *SHIPPED]).framework_parts
    assert parts is not None and (parts[0].id, parts[0].part) == ("blocks", "main")
    assert load_layout(SHIPPED) == Layout()
    assert load_layout([tmp_path]) == Layout(), "no layout file: the defaults"
    (tmp_path / "layout.yaml").write_text("top_risks: 0\n")
    with pytest.raises(
        ReportError, match=r"layout\.yaml:1: top_risks: Input should be greater than or equal to 1"
    ):
        load_layout([tmp_path])
