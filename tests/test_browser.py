"""End to end in a real browser: Debian's Chromium, driven by Playwright, against `streamlit run app.py`.

CI installs Chromium with apt (no browser is downloaded at run time) and sets
DRAFTWISE_REQUIRE_BROWSER=1, so there a missing browser fails the test instead of
skipping it. The screenshot is kept as an artefact (DRAFTWISE_ARTIFACTS, default
the test's temporary folder).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    if CHROMIUM is None:
        if os.environ.get("DRAFTWISE_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed (CI installs it with apt-get install chromium)")
        pytest.skip("chromium is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_paste_a_draft_and_see_it_highlighted(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    artefacts = Path(os.environ.get("DRAFTWISE_ARTIFACTS") or tmp_path)
    artefacts.mkdir(parents=True, exist_ok=True)
    draft = "You ALWAYS do this!! Call me tonight or don't bother calling ever again. <img src=x onerror=alert(1)>"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)  # a fresh profile each launch
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(app_url, wait_until="domcontentloaded")
        box = page.get_by_label("Your draft")
        box.wait_for(timeout=90_000)
        box.fill(draft)
        box.press("Control+Enter")
        highlighted = page.locator(".dw-draft")
        highlighted.wait_for(timeout=90_000)
        page.locator(".dw-cue").first.wait_for(timeout=30_000)
        page.get_by_text("Ultimatum").first.wait_for(timeout=30_000)
        time.sleep(1)
        page.screenshot(path=str(artefacts / "check-a-draft.png"), full_page=True)
        text = highlighted.inner_text()
        # the sentence shows as text, the tag stays text, no script ran
        assert "don't bother calling ever again" in text
        assert "<img src=x onerror=alert(1)>" in text
        assert page.locator(".dw-draft img").count() == 0
        assert page.locator(".dw-blame").count() >= 1
        assert not dialogs
        browser.close()
    assert (artefacts / "check-a-draft.png").stat().st_size > 10_000
