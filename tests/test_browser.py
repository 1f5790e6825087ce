"""The app in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)
against ``streamlit run app.py`` on a temporary store seeded from a tiny corpus.

Screenshots go to $NEARSHORE_QA_SCREENSHOTS or a temporary folder; the test prints where.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import free_port, make_tiny_corpus

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
XSS_DOC = """---
title: 'Widget trade <script>window.__xss=1</script> report'
source: 'Widget Council <img src=x onerror="window.__xss=2">'
published: 2025-01-15
---
# Widget trade report

Widget trade between Ohio and Mexico reached US$12.34 billion in 2024 <script>window.__xss=1</script> according to the Widget Council <img src=x onerror="window.__xss=2"> and its annual survey.

The council counted 41 widget plants in Ohio.
"""
NOTE_DOC = "Nogales crossings note\n\nA total of 4,321 trucks crossed at Nogales in March 2024, according to the port office.\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    tmp = tmp_path_factory.mktemp("browser")
    env = {**os.environ, "NEARSHORE_QA_HOME": str(tmp / "store"),
           "NEARSHORE_QA_CORPUS": str(make_tiny_corpus(tmp / "corpus")),
           "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    for name in ("NEARSHORE_QA_CHROMA_URL", "NEARSHORE_QA_ANSWERER", "NEARSHORE_QA_TOP_K"):
        env.pop(name, None)
    port = free_port()
    log = open(tmp / "streamlit.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                    if resp.read() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not start:\n" + (tmp / "streamlit.log").read_text(errors="replace"))
            time.sleep(0.3)
        yield SimpleServer(url, tmp)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


class SimpleServer:
    def __init__(self, url: str, tmp: Path):
        self.url = url
        self.tmp = tmp


def _screenshots_setting() -> str:
    """$NEARSHORE_QA_SCREENSHOTS as the shell gave it: tests/conftest.py clears every
    NEARSHORE_QA_* variable for hermetic runs, so fall back to this process's start-up
    environment."""
    value = os.environ.get("NEARSHORE_QA_SCREENSHOTS", "")
    if not value:
        try:
            for item in Path("/proc/self/environ").read_bytes().split(b"\0"):
                if item.startswith(b"NEARSHORE_QA_SCREENSHOTS="):
                    value = item.split(b"=", 1)[1].decode(errors="replace")
        except OSError:
            pass
    return value


@pytest.fixture(scope="module")
def shots(server):
    folder = Path(_screenshots_setting() or server.tmp / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(60_000)
        yield page
        browser.close()


def ask(page, question: str, expect: str):
    """Ask in the chat box; the answer's message once its stream ended."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.get_by_test_id("stChatInputTextArea")
    # A question typed while the previous answer's rerun finishes can be dropped: send it
    # again until the chat shows it.
    for attempt in range(3):
        box.wait_for()
        box.fill(question)
        box.press("Enter")
        try:
            page.get_by_test_id("stChatMessage").filter(has_text=question).last.wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:
            page.wait_for_timeout(1000)
    message = page.get_by_test_id("stChatMessage").filter(has_text=expect).last
    message.wait_for()
    # The answer's download buttons come after the streamed text and its sources.
    message.get_by_role("button", name=re.compile("JSON")).wait_for()
    return message


def view(page, label: str) -> None:
    # Streamlit shows a label's leading emoji as an icon: match the words after it.
    page.get_by_test_id("stButtonGroup").get_by_role("radio", name=label.split(" ", 1)[1]).click()


def test_ask_read_sources_upload_and_stay_safe(server, page, shots, capsys):
    with capsys.disabled():
        print(f"\nbrowser screenshots: {shots}")
    page.goto(server.url)
    # The first session loads the model and seeds the tiny corpus (a progress bar, then the chat).
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
    page.get_by_text("Ask a question about nearshoring").wait_for()
    page.screenshot(path=str(shots / "01-start.png"))

    answer = ask(page, "What was US goods trade with Mexico in 2023?", "797.96 billion")
    assert "[1]" in answer.inner_text()
    expanders = answer.get_by_test_id("stExpander")
    assert expanders.count() >= 1
    assert "Mexico was the top US goods trading partner" in expanders.first.inner_text()
    expanders.first.locator("summary").click()
    mark = expanders.first.locator("mark").first
    mark.wait_for(state="visible")
    page.wait_for_timeout(400)  # the expander's opening animation
    marked = " ".join(expanders.first.locator("mark").all_inner_texts())
    assert "US$797.96 billion" in marked
    assert "US$797.96 billion · ✅ verified" in answer.inner_text()
    page.screenshot(path=str(shots / "02-answer-with-source.png"), full_page=True)

    # A table citation: the whole table with the cited row highlighted.
    answer = ask(page, "What were US imports from China in 2019?", "449110.7")
    source = answer.get_by_test_id("stExpander").first
    source.locator("summary").click()
    source.get_by_test_id("stDataFrame").wait_for()
    page.wait_for_timeout(800)
    assert "Units: Millions of U.S. dollars" in source.inner_text()
    source.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "03-table-citation.png"))

    # Upload two files through the real uploader: one carries script and onerror markup.
    files = server.tmp / "uploads"
    files.mkdir(exist_ok=True)
    (files / "widget-trade.md").write_text(XSS_DOC, encoding="utf-8")
    (files / "nogales-note.txt").write_text(NOTE_DOC, encoding="utf-8")
    view(page, "➕ Add articles")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(files / "widget-trade.md"), str(files / "nogales-note.txt")])
    page.get_by_text("nogales-note.txt").first.wait_for()
    page.get_by_role("button", name="Add the uploaded files").click()
    page.get_by_text("added: 2").wait_for()  # the ✅ is shown as an icon
    page.get_by_text("New documents are answerable right away").wait_for()  # rendered after the table
    page.screenshot(path=str(shots / "04-upload-result.png"), full_page=True)

    view(page, "💬 Chat")
    ask(page, "How many trucks crossed at Nogales in March 2024?", "4,321 trucks")
    answer = ask(page, "What was widget trade between Ohio and Mexico in 2024?", "12.34 billion")
    assert "<script>window.__xss=1</script>" in answer.inner_text()  # shown as text
    source = answer.get_by_test_id("stExpander").first
    source.locator("summary").click()
    source.locator("mark").first.wait_for(state="visible")
    page.wait_for_timeout(400)
    body = source.inner_text()
    assert 'onerror="window.__xss=2"' in body and "Widget Council" in body
    page.wait_for_timeout(500)  # give any injected handler the chance to run
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.locator("script:has-text('__xss')").count() == 0
    assert page.locator("img[onerror]").count() == 0
    page.screenshot(path=str(shots / "05-untrusted-markup-escaped.png"), full_page=True)

    # The library shows the uploaded document's text, escaped.
    view(page, "📚 Library")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # The page may still be re-running when the list opens (the option detaches under the
    # pointer): open it and pick the document again until the document view shows.
    for attempt in range(4):
        try:
            page.get_by_test_id("stMainBlockContainer").get_by_test_id("stSelectbox").click()
            page.get_by_role("option", name="Widget trade <script>window.__xss=1</script> report").click(timeout=15_000)
            page.get_by_text("Remove from the library").wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            page.wait_for_timeout(1000)
    else:
        raise AssertionError("could not open the uploaded document in the library")
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    page.screenshot(path=str(shots / "06-library-document.png"), full_page=True)

    view(page, "🔎 Figure look-up")
    box = page.get_by_label("Figure to look up")
    box.fill("609.01 billion dollars")
    box.press("Enter")
    page.locator("mark", has_text="US$609.01 billion").first.wait_for()
    page.screenshot(path=str(shots / "07-figure-look-up.png"), full_page=True)
    assert page.evaluate("() => typeof window.__xss") == "undefined"
