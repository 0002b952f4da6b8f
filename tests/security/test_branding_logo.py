"""A branding logo is an image file in the branding file's folder, of bounded size, or an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assessor.config import shipped_content_dir
from assessor.reporting import ReportError
from assessor.reporting.branding import load_branding

SHIPPED = [shipped_content_dir() / "reports"]


def _branding(folder: Path, logo: str) -> Path:
    path = folder / "brand.yaml"
    path.write_text(f"firm: Northwind\nlogo: {logo}\n")
    return path


@pytest.fixture
def brand(tmp_path: Path) -> Path:
    folder = tmp_path / "brand"
    folder.mkdir()
    (tmp_path / "secret.svg").write_text("root:*:20228:0:99999:7:::\n")
    Image.new("RGB", (8, 8), "red").save(tmp_path / "outside.png")
    return folder


@pytest.mark.parametrize(
    ("logo", "problem"),
    [
        ("link.svg", "outside"),
        ("../outside.png", "outside"),
        ("text.png", "not a PNG image"),
        ("text.svg", "not an SVG image"),
        ("huge.png", "pixels"),
    ],
)
def test_m1_logo_outside_its_folder_or_not_an_image_is_an_error(
    brand: Path, logo: str, problem: str
) -> None:
    (brand / "link.svg").symlink_to(brand.parent / "secret.svg")
    (brand / "text.png").write_text("not an image")
    (brand / "text.svg").write_text("root:*:20228:0:99999:7:::\n")
    Image.new("1", (5000, 5000)).save(brand / "huge.png")
    path = _branding(brand, logo)
    with pytest.raises(ReportError) as caught:
        load_branding(SHIPPED, path)
    assert str(caught.value).startswith(f"{path}:2: logo: ")
    assert problem in str(caught.value)


def test_m1_logo_inside_its_folder_is_embedded(brand: Path) -> None:
    Image.new("RGB", (40, 20), "blue").save(brand / "logo.png")
    branding = load_branding(SHIPPED, _branding(brand, "logo.png"))
    assert branding.logo_uri.startswith("data:image/png;base64,")
