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
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
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
    env = {
        **os.environ,
        "NEARSHORE_QA_HOME": str(tmp / "store"),
        "NEARSHORE_QA_CORPUS": str(make_tiny_corpus(tmp / "corpus")),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    for name in ("NEARSHORE_QA_CHROMA_URL", "NEARSHORE_QA_ANSWERER", "NEARSHORE_QA_TOP_K"):
        env.pop(name, None)
    port = free_port()
    log = open(tmp / "streamlit.log", "wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
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
    for _attempt in range(3):
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


def chat_box_after_view_switch(page, shots) -> None:
    """The chat box, once a button's callback switched the view to the chat. CI once saw the
    chat's caption drawn and then no chat box for a minute (not reproduced here, under load
    either): keep a screenshot and the view the tabs show, and if the tabs fell back to another
    view, choose the chat again, as a user would, where the scope must still hold."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.get_by_test_id("stChatInputTextArea")
    try:
        box.wait_for(timeout=20_000)
        return
    except PlaywrightTimeout:
        page.screenshot(path=str(shots / "07a-chat-box-missing.png"), full_page=True)
        checked = page.get_by_test_id("stButtonGroup").locator("[aria-checked=true]").all_inner_texts()
        print(f"\nno chat box 20 s after the switch; the tabs show {checked}")
    view(page, "Chat")
    box.wait_for()
    page.get_by_text(re.compile("Answers come from")).wait_for()


def look_up(page, figure: str) -> None:
    """Type a figure in the look-up box; like `ask`, send it again if a rerun still under way
    (the view switch, the button before it) redrew the box and dropped it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _attempt in range(3):
        box = page.get_by_label("Figure to look up")
        box.wait_for()
        box.fill(figure)
        box.press("Enter")
        try:
            page.get_by_text(re.compile(r"passage\(s\) state")).first.wait_for(timeout=20_000)
            return
        except PlaywrightTimeout:
            page.wait_for_timeout(1000)
    raise AssertionError(f"the look-up never answered {figure!r}")


def view(page, label: str) -> None:
    # The tabs carry Material icons (a ligature name inside the button): match by the label's words.
    page.get_by_test_id("stButtonGroup").get_by_role("radio", name=re.compile(label + "$")).click()


EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\U0001f000-\U0001f2ff]")


def emoji_in_page(page) -> list[str]:
    """Emoji characters in what the page shows (they need an emoji font, else empty boxes)."""
    return EMOJI.findall(page.get_by_test_id("stApp").inner_text())


def in_view(page, locator, container=None) -> bool:
    """The element lies within the window (and within its scrolling container, if given)."""
    box = locator.bounding_box()
    size = page.viewport_size
    if not box or box["y"] < 0 or box["y"] + min(box["height"], 40) > size["height"]:
        return False
    if container is not None:
        outer = container.bounding_box()
        return outer["y"] <= box["y"] and box["y"] + min(box["height"], 40) <= outer["y"] + outer["height"]
    return True


def test_ask_read_sources_upload_and_stay_safe(server, page, shots, capsys):
    with capsys.disabled():
        print(f"\nbrowser screenshots: {shots}")
    page.goto(server.url)
    # The first session loads the model and seeds the tiny corpus (a progress bar, then the chat).
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
    page.get_by_text("Ask a question about nearshoring").wait_for()
    page.wait_for_timeout(500)
    assert emoji_in_page(page) == []
    page.screenshot(path=str(shots / "01-start.png"))

    # An example question is a button: a click asks it, and the answer comes whole.
    page.get_by_role("button", name="What was US goods trade with Mexico in 2023?").click()
    answer = page.get_by_test_id("stChatMessage").filter(has_text="797.96 billion").last
    answer.get_by_role("button", name=re.compile("JSON")).wait_for()
    assert "[1]" in answer.inner_text()
    card = page.locator(".st-key-nsq-c-0-1")
    assert "Mexico was the top US goods trading partner" in card.inner_text()
    assert "§ The three largest partners in 2023 › paragraph 1" in card.inner_text()
    assert "chars" not in card.inner_text()
    # The inline [1] is a link that opens its card.
    assert card.locator("details").get_attribute("open") is None
    answer.locator('a[href="#nsq-c-0-1"]').click()
    mark = card.locator("mark").first
    mark.wait_for(state="visible")
    page.wait_for_timeout(600)  # the expander's opening animation and the scroll
    assert card.locator("details").get_attribute("open") is not None
    marked = " ".join(card.locator("mark").all_inner_texts())
    assert "US$797.96 billion" in marked
    assert "US$797.96 billion · verified" in answer.inner_text()
    assert emoji_in_page(page) == []
    page.screenshot(path=str(shots / "02-answer-with-source.png"))

    # The card opens the whole document in a reader, scrolled to the cited passage, marked.
    card.get_by_role("button", name=re.compile("Open the document")).click()
    dialog = page.get_by_role("dialog")
    cited = dialog.locator("#nsq-cited")
    cited.wait_for()
    page.wait_for_timeout(1200)
    assert "US$797.96 billion" in " ".join(cited.locator("mark").all_inner_texts())
    assert dialog.locator("h1").first.inner_text().startswith("Mexico was the top US goods trading partner")
    assert in_view(page, cited)
    page.screenshot(path=str(shots / "03-reader-at-passage.png"))
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached")

    # A table citation: the cited row with its neighbours, in view, and a whole-table toggle.
    answer = ask(page, "What were US imports from China in 2019?", "449,110.7")
    assert "US imports from China (US$ m): 449,110.7" in answer.inner_text()
    source = answer.get_by_test_id("stExpander").first
    assert "row 2019 · column US imports from China (US$ m)" in source.inner_text()
    source.locator("summary").click()
    grid = source.get_by_test_id("stDataFrame").first
    grid.wait_for()
    page.wait_for_timeout(800)
    assert "Units: Millions of U.S. dollars" in source.inner_text()
    assert "Show the whole table (11 rows)" in source.inner_text()
    cells = grid.locator("[role=gridcell]").all_inner_texts()
    assert "449110.7" in cells and len(cells) <= 5 * 5  # five rows: 2017-2021
    source.scroll_into_view_if_needed()
    assert in_view(page, grid)
    page.screenshot(path=str(shots / "04-table-citation.png"))

    # Upload two files through the real uploader: one carries script and onerror markup.
    files = server.tmp / "uploads"
    files.mkdir(exist_ok=True)
    (files / "widget-trade.md").write_text(XSS_DOC, encoding="utf-8")
    (files / "nogales-note.txt").write_text(NOTE_DOC, encoding="utf-8")
    view(page, "Add")
    # the uploader of the Add view, rendered (not a stale one from the rerun before it)
    page.get_by_test_id("stFileUploaderDropzone").wait_for()
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(files / "widget-trade.md"), str(files / "nogales-note.txt")]
    )
    page.get_by_text("nogales-note.txt").first.wait_for(timeout=120_000)  # a busy machine uploads slowly
    page.get_by_role("button", name="Add the uploaded files").click()
    page.get_by_text("added: 2").wait_for()
    page.get_by_text("New documents are answerable right away").wait_for()  # rendered after the table
    page.screenshot(path=str(shots / "05-upload-result.png"), full_page=True)

    view(page, "Chat")
    ask(page, "How many trucks crossed at Nogales in March 2024?", "4,321 trucks")
    answer = ask(page, "What was widget trade between Ohio and Mexico in 2024?", "12.34 billion")
    assert "<script>window.__xss=1</script>" in answer.inner_text()  # shown as text
    source = answer.get_by_test_id("stExpander").first
    source.locator("summary").click()
    source.locator("mark").first.wait_for(state="visible")
    page.wait_for_timeout(400)
    body = source.inner_text()
    assert 'onerror="window.__xss=2"' in body and "Widget Council" in body
    assert "added by you on " in body
    # Its reader renders the Markdown with the markup as text.
    source.get_by_role("button", name=re.compile("Open the document")).click()
    page.get_by_role("dialog").locator("#nsq-cited").wait_for()
    page.wait_for_timeout(800)
    assert "<script>window.__xss=1</script>" in page.get_by_role("dialog").inner_text()
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)  # give any injected handler the chance to run
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.locator("script:has-text('__xss')").count() == 0
    assert page.locator("img[onerror]").count() == 0
    page.screenshot(path=str(shots / "06-untrusted-markup-escaped.png"), full_page=True)

    # The library: a click on a row opens the document below the list.
    view(page, "Library")
    listing = page.get_by_test_id("stDataFrame").first
    listing.wait_for()
    page.wait_for_timeout(800)
    listing.locator("[role=gridcell]", has_text="Widget trade <script>").first.wait_for(state="attached")
    titles = [t for t in listing.locator("[role=gridcell]").all_inner_texts()]
    assert any(t.startswith("Widget trade <script>") for t in titles)
    box = listing.bounding_box()
    ids = sorted(
        [
            "articles/mexico-top-us-goods-trading-partner-2023.md",
            "articles/us-mexico-trade-by-transport-mode-2024.md",
            "tables/us_imports_from_china_annual.csv",
            "widget-trade.md",
            "nogales-note.txt",
        ]
    )
    row = ids.index("widget-trade.md")
    page.mouse.click(box["x"] + 12, box["y"] + 35 * (row + 1) + 17)  # the row's selection box
    page.get_by_text("Remove from the library").wait_for(timeout=30_000)
    reader = page.get_by_test_id("stMainBlockContainer").locator(".nsq-doc")
    assert "<script>window.__xss=1</script>" in reader.inner_text()
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    page.screenshot(path=str(shots / "07-library-document.png"), full_page=True)

    # Asking about that document alone: the chat says so, answers from it, and abstains on the rest.
    page.get_by_role("button", name=re.compile("Ask about this document")).click()
    page.get_by_text(re.compile("Answers come from “Widget trade")).wait_for()
    chat_box_after_view_switch(page, shots)
    ask(page, "How many widget plants did the council count in Ohio?", "41")
    answer = ask(page, "What was US goods trade with Mexico in 2023?", "The chosen document does not say")
    assert "797.96" not in answer.inner_text()
    page.screenshot(path=str(shots / "07b-ask-about-one-document.png"), full_page=True)
    page.get_by_role("button", name="Ask the whole library").click()
    page.get_by_text(re.compile("Answers come from")).wait_for(state="detached")

    view(page, "Look up")
    look_up(page, "609.01 billion dollars")
    page.locator("mark", has_text="US$609.01 billion").first.wait_for()
    page.screenshot(path=str(shots / "08-figure-look-up.png"), full_page=True)
    assert page.evaluate("() => typeof window.__xss") == "undefined"

    # Pasting a title already in the library asks; keeping both is the default.
    view(page, "Add")
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add the text"))
    for text in ("Gadget output in Sonora was 120 units in 2024.", "Gadget output in Sonora was 150 units in 2025."):
        form.get_by_label("Title").fill("Gadget note")
        form.get_by_label("Text").fill(text)
        form.get_by_role("button", name="Add the text").click()
        if "120" in text:  # the first is added and the form clears
            page.get_by_text("added: 1").wait_for(timeout=120_000)
            page.wait_for_function("() => [...document.querySelectorAll('textarea')].every(t => t.value === '')")
    prompt = page.locator(".st-key-paste-clash")
    # the container can be attached a moment before its text is drawn: wait for the text
    prompt.get_by_text("already has a document titled").wait_for(timeout=60_000)
    assert "already has a document titled “Gadget note”" in prompt.inner_text()
    assert prompt.get_by_role("radio", name="Keep both").is_checked()
    prompt.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "09-paste-same-title.png"))


def test_phone_width_fits(server, page, shots):
    """On a 390 px phone the view tabs stay on one line and the chat placeholder is not cut."""
    context = page.context.browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(server.url)
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for(timeout=180_000)
        page.get_by_text("Ask a question about nearshoring").wait_for()
        page.wait_for_timeout(500)
        page.screenshot(path=str(shots / "10-phone.png"))
        tabs = page.get_by_test_id("stButtonGroup").get_by_role("radio")
        tops = {round(tabs.nth(i).bounding_box()["y"]) for i in range(tabs.count())}
        assert len(tops) == 1, tops  # one row
        fits = page.evaluate(
            """(el) => {
            const s = getComputedStyle(el), c = document.createElement('canvas').getContext('2d');
            c.font = s.font;
            const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            return c.measureText(el.placeholder).width <= room;
        }""",
            box.element_handle(),
        )
        assert fits
        assert emoji_in_page(page) == []
    finally:
        context.close()


def test_trend_question_draws_a_chart_whose_points_name_their_sources(server, page, shots):
    """A trend question: the first-to-last line and the chart come first; hovering a point shows
    its period, value, row, column and source, and the cited point says it is cited."""
    page.goto(server.url)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
    answer = ask(page, "How have US imports from China changed since 2015?", "fell from 483,201.7 in 2015")
    # The first-to-last line comes first, from the table's 2015 and 2025 rows (the corpus CSV).
    summary = answer.locator("strong").first
    line = "US imports from China (US$ m) fell from 483,201.7 in 2015 to 308,379.7 in 2025 (−36.2 %)."
    assert summary.inner_text() == line
    chart = answer.get_by_test_id("stVegaLiteChart").first
    # Vega's SVG renderer (Streamlit's choice for small data): one path per point, its
    # aria-label listing the point's fields.
    points = chart.locator('g.mark-symbol path[aria-roledescription="point"]')
    points.first.wait_for()
    assert points.count() == 11  # 2015-2025: every year of the table from the one asked about
    cited = chart.locator('g.mark-symbol path[aria-roledescription="point"][aria-label*="Cited: cited"]')
    assert cited.count() == 2  # the first and the last year, the answer's two operands
    summary.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    tooltip = page.locator("#vg-tooltip-element")
    cited.first.hover(force=True)
    tooltip.wait_for(state="visible", timeout=15_000)
    text = " ".join(tooltip.inner_text().split())
    assert "Period 2015" in text and "Row 2015 (row 1)" in text, text
    assert "Column US imports from China (US$ m)" in text, text
    assert "Source U.S. Census Bureau via FRED" in text and "table U.S. imports of goods from China" in text, text
    assert "Cited cited" in text and "483,201.7" in text, text
    page.screenshot(path=str(shots / "11-chart.png"))
    # A point the answer does not cite says so in its tooltip. (Leave the cited point first:
    # its tooltip covers the points to its right.)
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=15_000)
    points.nth(4).hover(force=True)
    page.wait_for_function("() => (document.querySelector('#vg-tooltip-element') || {}).innerText?.includes('2019')")
    text = " ".join(tooltip.inner_text().split())
    assert "Row 2019 (row 5)" in text and "Cited not cited" in text and "449,110.7" in text, text


def test_table_with_sidecar_computed_figure_and_conflicting_sources(server, page, shots):
    """Two shipped tables uploaded with their sidecars through the real uploader; a computed
    answer over them: its formula line, operands that open the cards of their cells, and the two
    publishers' differing 2019 values as cards side by side with their as-of dates."""
    from helpers import SHIPPED_CORPUS
    from playwright.sync_api import expect

    page.goto(server.url)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=180_000)
    files = server.tmp / "tables"
    files.mkdir(exist_ok=True)
    names = []
    for table in ("us_mexico_canada_trade_annual_bts", "us_goods_trade_top_partners_annual"):
        for suffix in (".csv", ".meta.yaml"):
            (files / (table + suffix)).write_bytes((SHIPPED_CORPUS / "tables" / (table + suffix)).read_bytes())
            names.append(str(files / (table + suffix)))
    view(page, "Add")
    page.get_by_test_id("stFileUploaderDropzone").wait_for()
    page.wait_for_timeout(1000)  # the view's rerun done: files chosen in a replaced uploader are lost
    # the uploader cuts long names in the middle: wait for four chips, each with its size (uploaded)
    chips = page.get_by_test_id("stFileChip")
    for attempt in range(3):
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(names)
        try:
            expect(chips).to_have_count(4, timeout=30_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    for k in range(4):
        expect(chips.nth(k)).to_contain_text(re.compile(r"\d(\.\d)?\s?[KM]?B"), timeout=120_000)
    expect(page.get_by_role("button", name="Add the uploaded files")).to_be_enabled()
    page.get_by_role("button", name="Add the uploaded files").click()
    page.get_by_text("added: 2").wait_for(timeout=180_000)  # two tables, each with its sidecar
    listing = page.get_by_test_id("stDataFrame").last
    listing.locator("[role=gridcell]", has_text="us_mexico_canada_trade_annual_bts.csv").first.wait_for(
        state="attached"
    )
    results = listing.locator("[role=gridcell]").all_inner_texts()
    assert "us_mexico_canada_trade_annual_bts.csv" in results and not any(r.endswith(".yaml") for r in results)
    # The library lists each by its sidecar's title and publisher.
    view(page, "Library")
    search = page.get_by_placeholder("title, publisher or file name")
    search.fill("BTS TransBorder")
    search.press("Enter")
    page.get_by_text(re.compile(r"^1 of \d+ documents")).wait_for()
    listing = page.get_by_test_id("stDataFrame").first
    listing.locator("[role=gridcell]", has_text="nearshore-qa corpus").first.wait_for(state="attached")
    cells = listing.locator("[role=gridcell]").all_inner_texts()
    assert any(c.startswith("U.S. trade with Mexico and with Canada, all modes") for c in cells), cells
    assert "nearshore-qa corpus" in cells
    # Title, publisher, date, kind, chunks and who added it fit a 1280 px window: no sideways scrolling.
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.wait_for_timeout(800)
    scroller = listing.locator(".dvn-scroller").first
    assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), scroller.evaluate(
        "el => [el.scrollWidth, el.clientWidth]"
    )
    page.set_viewport_size({"width": 1400, "height": 1000})

    # Ten sources per answer, so both tables' 2019 rows are in the evidence.
    view(page, "Chat")
    slider = page.get_by_test_id("stSidebar").get_by_role("slider")
    for _ in range(5):
        slider.press("ArrowRight")
    expect(slider).to_have_value("10")
    page.wait_for_timeout(1000)  # the rerun that takes the new value
    answer = ask(page, "What was the percentage change in US trade with Mexico from 2019 to 2023?", "grew 30.0%")
    text = answer.inner_text()
    assert text.startswith("Total trade for Mexico grew 30.0% from 2019 to 2023") or "grew 30.0%" in text
    assert "Sources differ on" not in text  # the conflict is cards, not a sentence

    # The computed-figure box: result = formula, the check, and operands that link to their cells.
    box = page.locator(".st-key-nsq-computed-0-0")
    box_text = box.inner_text()
    assert "30.0% = (798.83 − 614.50) ÷ 614.50" in box_text, box_text
    assert "Operands: US$614.50 billion (2019) [1] · US$798.83 billion (2023) [2]" in box_text, box_text
    card = page.locator(".st-key-nsq-c-0-2")
    assert card.locator("details").get_attribute("open") is None
    box.locator('a[href="#nsq-c-0-2"]').click()
    grid = card.get_by_test_id("stDataFrame").first
    grid.wait_for(state="visible")
    page.wait_for_timeout(1000)  # the expander's animation and the scroll
    assert card.locator("details").get_attribute("open") is not None
    assert in_view(page, grid)
    assert "798.83" in grid.locator("[role=gridcell]").all_inner_texts()  # the operand's cell, in its row window
    page.screenshot(path=str(shots / "12-computed-operand-card.png"))

    # Sources that differ: one card per publisher, side by side, each with its as-of date and [n].
    group = page.locator(".st-key-nsq-conflict-0-0")
    group.scroll_into_view_if_needed()
    assert "Sources differ · Total trade · Mexico · 2019" in " ".join(group.inner_text().split())
    bts = page.locator("[class*='st-key-nsq-conflict-0-0-']").filter(has_text="US$614.50 billion")
    census = page.locator("[class*='st-key-nsq-conflict-0-0-']").filter(has_text="US$612,770.1 million")
    assert "Bureau of Transportation Statistics" in bts.inner_text()
    assert "raw data downloaded 2026-03-21" in bts.inner_text()
    assert "U.S. Census Bureau, Foreign Trade Division" in census.inner_text()
    assert "country.xlsx of 2024-11-01" in census.inner_text()
    page.wait_for_timeout(800)  # a smooth scroll from the [n] click above may still run: measure both at once
    boxes = page.evaluate(
        """() => [...document.querySelectorAll("[class*='st-key-nsq-conflict-0-0-']")].map(e => {
            const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, text: e.innerText};
        })"""
    )
    a = next(x for x in boxes if "US$614.50 billion" in x["text"])
    b = next(x for x in boxes if "US$612,770.1 million" in x["text"])
    assert abs(a["y"] - b["y"]) < 2 and a["x"] + a["width"] <= b["x"] + 1, boxes  # side by side
    assert emoji_in_page(page) == []
    group.screenshot(path=str(shots / "13-conflicting-sources.png"))
    # A value's [n] opens the card of the cell it comes from.
    marker = re.search(r"\[(\d+)\]", census.inner_text()).group(1)
    census.locator(f'a[href="#nsq-c-0-{marker}"]').click()
    census_card = page.locator(f".st-key-nsq-c-0-{marker}")
    census_card.get_by_test_id("stDataFrame").first.wait_for(state="visible")
    assert "top partners" in census_card.inner_text() and "row Mexico, 2019" in census_card.inner_text()
