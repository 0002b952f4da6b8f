"""A PDF report loads nothing but data: URIs and files inside its reports folder."""

from __future__ import annotations

import base64
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PIL import Image
from pypdf import PdfReader

from assessor.reporting.pdf import html_to_pdf


class _Recorder(http.server.BaseHTTPRequestHandler):
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        """Record the request and answer with nothing."""
        self.paths.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server of the test's own on 127.0.0.1, and the paths it was asked for."""
    handler = type("Recorder", (_Recorder,), {"paths": []})
    httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.paths
    finally:
        httpd.shutdown()
        httpd.server_close()


def _png(path: Path) -> Path:
    Image.new("RGB", (64, 64), "red").save(path)
    return path


def _pdf(html: str, reports: Path) -> PdfReader:
    return PdfReader(io.BytesIO(html_to_pdf(html, base_url=reports.as_uri() + "/")))


def _images(reader: PdfReader) -> int:
    return sum(len(page.images) for page in reader.pages)


def test_h3_pdf_makes_no_network_request(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    url, requests = server
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="{url}/svg.png" width="10" height="10"/></svg>'
    logo = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    html = (
        f'<html><head><link rel="stylesheet" href="{url}/style.css"></head><body>'
        f'<img src="{url}/img.png"><img src="{logo}"><link rel="attachment" href="{url}/a.txt">'
        "</body></html>"
    )
    _pdf(html, tmp_path)
    assert requests == []


def test_h3_pdf_embeds_no_file_outside_the_reports_folder(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    outside = _png(tmp_path / "outside.png")
    (reports / "link.png").symlink_to(outside)
    html = (
        f'<html><body><link rel="attachment" href="{secret.as_uri()}">'
        f'<img src="{outside.as_uri()}"><img src="link.png"><img src="../outside.png">'
        "</body></html>"
    )
    reader = _pdf(html, reports)
    assert reader.attachments == {}
    assert _images(reader) == 0
    (reports / "zero.png").symlink_to("/dev/zero")
    device = '<html><body><img src="file:///dev/zero"><img src="zero.png"></body></html>'
    assert _images(_pdf(device, reports)) == 0
    _png(reports / "inside.png")
    assert _images(_pdf('<html><body><img src="inside.png"></body></html>', reports)) == 1
