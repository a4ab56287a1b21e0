"""The seed corpus's HTML report in a real browser: headless Chromium, when installed.

Chromium renders `newscli analyze seeds/ --format html` from a file and is asked for three
things: the DOM after load (the text a reader sees), a screenshot, and a PDF (the print
stylesheet). No request may leave the page. Every host name resolves to nothing
(`--host-resolver-rules`), so nothing could reach the network anyway, and Chromium's
NetLog records each request that is started: a request from the page is one whose
network partition is the page's (`file://`), which tells it from Chromium's own
background traffic. A page built to fetch two things proves the check sees them.
Chromium is a test-time tool only: newscli never needs a browser to write a page.
"""

import json
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_html import Page, assert_inert

BROWSER = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        if (found := shutil.which(name))
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="Chromium is not installed (apt-get install chromium; .ci/run does it as root)",
)
NEWSCLI = Path(sys.executable).with_name("newscli")
WIDTH, HEIGHT = 1000, 1400


def chromium(page: Path, profile: Path, *action: str) -> subprocess.CompletedProcess:
    """Headless Chromium on a local file, every host unresolvable, its requests logged."""
    return subprocess.run(
        [
            str(BROWSER),
            "--headless",
            # tests run as root in CI, where Chromium's sandbox cannot start
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--log-net-log={profile / 'netlog.json'}",
            f"--window-size={WIDTH},{HEIGHT}",
            *action,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=profile,
    )


def page_requests(netlog: Path) -> list[str]:
    """The URLs the page itself asked for: requests in the file:// page's partition."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return sorted(
        {
            event["params"]["url"]
            for event in log["events"]
            if event["type"] == start_job
            and "file://" in event["params"].get("network_isolation_key", "")
            and not event["params"]["url"].startswith(("file:", "data:"))
        }
    )


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, width, height, chunks = 8, 0, 0, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            chunks += body
        position += 12 + length
    return width, height, zlib.decompress(chunks)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("report") / "report.html"
    command = [str(NEWSCLI)] if NEWSCLI.exists() else [sys.executable, "-m", "newscli"]
    result = subprocess.run(
        [*command, "analyze", "seeds/", "--format", "html"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    page.write_text(result.stdout, encoding="utf-8")
    return page


def test_the_report_names_nothing_outside_itself(report):
    assert_inert(report.read_text(encoding="utf-8"))


def test_the_browser_shows_the_report_and_nothing_leaves_the_page(report, tmp_path):
    result = chromium(report, tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = Page(result.stdout)
    assert "script" not in dom.tags()
    text = dom.visible()
    for seen in (
        "newscli report: 5 articles",
        "Most quoted: quotations per speaker",
        "Most salient entities",
        "Readability: consensus grade of 5 articles",
        "All Eyes On Trump After Iran Fires Missiles",
        "Fishermen warn harbor closure",
        "— Ali Khamenei",
        "Mohammad Javad Zarif",
    ):
        assert seen in text, seen
    assert dom.attrs("id").count("overview") == 1
    assert len([i for i in dom.attrs("id") if i.startswith("a-")]) == 5
    assert page_requests(tmp_path / "netlog.json") == []


def test_the_screenshot_is_the_rendered_page(report, tmp_path):
    result = chromium(report, tmp_path, f"--screenshot={tmp_path / 'report.png'}")
    assert result.returncode == 0, result.stderr[-2000:]
    width, height, pixels = png_pixels(tmp_path / "report.png")
    assert (width, height) == (WIDTH, HEIGHT)
    # a blank or unstyled page has few distinct bytes; charts, marks and text have many
    assert len(set(pixels)) > 64
    assert page_requests(tmp_path / "netlog.json") == []


def test_the_page_prints_an_article_a_page(report, tmp_path):
    pdf = tmp_path / "report.pdf"
    result = chromium(report, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0, result.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
    # the overview, then each of the five articles from a page of its own
    assert pdf.read_bytes().count(b"/Type /Page\n") + pdf.read_bytes().count(b"/Type/Page") > 5


def test_the_request_check_sees_a_page_that_fetches(tmp_path):
    page = tmp_path / "fetches.html"
    page.write_text(
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="https://fonts.newscli.invalid/a.css">'
        '</head><body><p>fetches</p><img src="http://newscli.invalid/pixel.png"></body></html>',
        encoding="utf-8",
    )
    result = chromium(page, tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert page_requests(tmp_path / "netlog.json") == [
        "http://newscli.invalid/pixel.png",
        "https://fonts.newscli.invalid/a.css",
    ]
