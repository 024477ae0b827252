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


HEATED = (
    "You ALWAYS do this!! You left Biscuit out in the rain on Sunday. Call me tonight or don't bother calling ever "
    "again. <img src=x onerror=alert(1)>"
)
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}


def _artefacts(tmp_path: Path) -> Path:
    out = Path(os.environ.get("DRAFTWISE_ARTIFACTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def _shot(page, folder: Path, name: str) -> None:
    time.sleep(0.8)
    page.screenshot(path=str(folder / f"{name}.png"))  # the first screen, as a person sees it
    page.screenshot(path=str(folder / f"{name}-full.png"), full_page=True)
    assert (folder / f"{name}.png").stat().st_size > 5_000


def _browser(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)  # a fresh profile each launch


def _check(page, app_url: str, draft: str) -> None:
    page.goto(app_url, wait_until="domcontentloaded")
    box = page.get_by_label("Your draft")
    box.wait_for(timeout=90_000)
    box.fill(draft)
    page.get_by_role("button", name="Check my draft").click()
    page.locator(".dw-verdict").wait_for(timeout=90_000)


def _batch_file(tmp_path: Path, n: int = 30) -> Path:
    lines = ["id,to,message"]
    msgs = ["we need to talk", "you never listen to me!!", "thanks for dinner, it was lovely", "can you call me?"]
    lines += [f"d{i:02d},friend {i},{msgs[i % 4]} (note {i})" for i in range(1, n + 1)]
    lines.append("d99,ragged,row,with,too,many,fields")
    f = tmp_path / "drafts.csv"
    f.write_text("\n".join(lines) + "\n")
    return f


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_check_view_verdict_and_sentences(app_url: str, tmp_path: Path, size: str) -> None:
    from playwright.sync_api import sync_playwright

    art = _artefacts(tmp_path)
    with sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport=DESKTOP if size == "desktop" else PHONE)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(app_url, wait_until="domcontentloaded")
        box = page.get_by_label("Your draft")
        box.wait_for(timeout=90_000)
        # the draft box and the Check button are in the first screen (no scrolling), examples folded
        fold = page.viewport_size["height"]
        for el in (box, page.get_by_role("button", name="Check my draft")):
            bb = el.bounding_box()
            assert bb is not None and bb["y"] + bb["height"] <= fold, (size, bb)
        assert not page.get_by_role("button", name="We need to talk").is_visible()
        _shot(page, art, f"check-empty-{size}")
        box.fill(HEATED)
        page.get_by_role("button", name="Check my draft").click()
        verdict = page.locator(".dw-verdict")
        verdict.wait_for(timeout=90_000)
        words = verdict.inner_text()
        assert "heard as blame" in words and "ultimatum" in words
        tag = page.locator(".dw-sentence .dw-tag").nth(2).inner_text()  # the third sentence holds the ultimatum
        assert "Pressure" in tag and "Ultimatum" in tag
        # tap a sentence to see what it shows
        page.locator(".dw-sentence summary").nth(2).click()
        notes = page.locator(".dw-sentence").nth(2).locator(".dw-notes")
        notes.wait_for(timeout=10_000)
        assert "The ask itself is fine" in notes.inner_text()
        # the verdict comes before the tactics, and both before the DEAR MAN checklist
        v_y = verdict.bounding_box()["y"]
        t_y = page.get_by_text("Pressure tactics", exact=True).bounding_box()["y"]
        d_y = page.get_by_role("heading", name="DEAR MAN").bounding_box()["y"]
        assert v_y < t_y < d_y
        if size == "phone":
            assert v_y < 2 * fold  # the verdict is close to the top on a phone too
        text = page.locator(".dw-draft").inner_text()
        assert "don't bother calling ever again" in text and "<img src=x onerror=alert(1)>" in text
        assert page.locator(".dw-draft img").count() == 0 and not dialogs
        page.evaluate("window.scrollTo(0, 0)")
        _shot(page, art, f"check-{size}")
        browser.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_rewrites_clean_text_changes_blanks_and_copy(app_url: str, tmp_path: Path, size: str) -> None:
    from playwright.sync_api import sync_playwright

    art = _artefacts(tmp_path)
    with sync_playwright() as p:
        browser = _browser(p)
        ctx = browser.new_context(viewport=DESKTOP if size == "desktop" else PHONE)
        ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
        page = ctx.new_page()
        _check(page, app_url, HEATED)
        page.get_by_test_id("stRadioGroup").get_by_text("Compare rewrites").click()
        page.locator(".dw-clean").nth(1).wait_for(timeout=90_000)
        assert page.locator(".dw-diff del:visible").count() == 0  # clean text until asked
        first = page.locator(".dw-clean").nth(1).inner_text()
        assert "~~" not in first and "[" not in first and "Sunday" in first  # the writer's message, no blanks
        _shot(page, art, f"rewrites-{size}")
        page.get_by_text("Show changes", exact=True).click()
        page.locator(".dw-diff del:visible").first.wait_for(timeout=30_000)
        _shot(page, art, f"rewrites-changes-{size}")
        page.get_by_role("button", name="Use this one").nth(1).click()  # the DEAR MAN order, with a blank
        page.get_by_text("still to fill").first.wait_for(timeout=30_000)
        copy = page.frame_locator("iframe").first.get_by_role("button", name="Copy")
        copy.wait_for(timeout=30_000)
        assert copy.is_visible()
        copy.click()
        page.frame_locator("iframe").first.get_by_text("Copied").wait_for(timeout=10_000)
        edited = page.get_by_label("Your version").input_value()
        assert page.evaluate("navigator.clipboard.readText()") == edited
        page.locator("iframe").first.scroll_into_view_if_needed()
        _shot(page, art, f"rewrites-copy-{size}")
        browser.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_batch_default_column_preview_and_progress(app_url: str, tmp_path: Path, size: str) -> None:
    from playwright.sync_api import sync_playwright

    art = _artefacts(tmp_path)
    upload = _batch_file(tmp_path)
    with sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport=DESKTOP if size == "desktop" else PHONE)
        page.goto(app_url, wait_until="domcontentloaded")
        page.get_by_test_id("stRadioGroup").get_by_text("Batch a file").click()
        page.locator("input[type=file]").set_input_files(str(upload))
        page.get_by_text("The first rows of your file").wait_for(timeout=60_000)
        picker = page.locator("[data-testid=stSelectbox]").first
        picker.wait_for(timeout=30_000)
        assert 'combobox "Column holding the drafts": message' in picker.aria_snapshot()  # the longest, not `id`
        _shot(page, art, f"batch-preview-{size}")
        page.get_by_role("button", name="Analyse the file").click()
        page.get_by_text("Done: 31 / 31 drafts").wait_for(timeout=120_000)
        page.get_by_text("Row warnings").wait_for(timeout=10_000)
        page.evaluate("window.scrollTo(0, 0)")
        _shot(page, art, f"batch-{size}")
        browser.close()


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


def test_typed_draft_gets_phrase_evidence_and_safety_mode_comes_first(app_url: str, tmp_path: Path) -> None:
    """A typed draft's tactic is quoted as the phrase that carries it; a flagged draft leads with support."""
    from playwright.sync_api import sync_playwright

    art = _artefacts(tmp_path)
    with sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport=DESKTOP)
        _check(page, app_url, "Pay it by tonight or I'm telling the landlord you're moving out.")
        page.locator(".dw-verdict").wait_for(timeout=90_000)
        quote = page.get_by_text("Pay it by tonight or I'm telling the landlord you're moving out").first
        quote.wait_for(timeout=30_000)
        _shot(page, art, "check-phrase-evidence-desktop")
        phone = browser.new_page(viewport=PHONE)
        phone.goto(app_url, wait_until="domcontentloaded")
        box = phone.get_by_label("Your draft")
        box.wait_for(timeout=90_000)
        box.fill("i don't really see the point anymore. everyone would be better off without me")
        phone.get_by_role("button", name="Check my draft").click()
        title = phone.get_by_text("Before anything about wording")
        title.wait_for(timeout=90_000)
        assert title.bounding_box()["y"] < box.bounding_box()["y"]  # the support comes before the draft box
        assert phone.get_by_text("116 123").first.is_visible()
        assert phone.locator(".dw-verdict").count() == 0  # no coaching until asked
        _shot(phone, art, "check-safety-phone")
        browser.close()
