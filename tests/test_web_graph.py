"""Web UI Graph and Insights pages: AppTest for the Streamlit side, headless Chromium for the graph view."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from browser import browser_on_ui, require_browser
from fixture_paths import REPO
from live_server import indexed_sample

streamlit_testing = pytest.importorskip("streamlit.testing.v1", reason="the web UI needs streamlit (pip install '.[ui]')")
AppTest = streamlit_testing.AppTest
SCRIPT = REPO / "src" / "memex" / "interfaces" / "web" / "app.py"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return indexed_sample(tmp_path_factory.mktemp("webgraph"))


def _app(home: Path, monkeypatch: pytest.MonkeyPatch, page: str) -> AppTest:
    monkeypatch.setenv("MEMEX_HOME", str(home))
    at = AppTest.from_file(str(SCRIPT), default_timeout=60).run()
    at.sidebar.radio[0].set_value(page).run()
    assert not at.exception, at.exception
    return at


def test_insights_page_lists_dismisses_and_opens(indexed, monkeypatch):
    at = _app(indexed["home"], monkeypatch, "Insights")
    at.button(key="insights_refresh").click().run()
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "weekly sync" in text and "Tuesday at 10:00" in text and "Friday at 14:00" in text
    assert any("(stale)" in c.value for c in at.caption)
    at.selectbox(key="insights_kind").set_value("contradiction").run()
    dismiss = [b for b in at.button if b.key and b.key.startswith("dismiss-")]
    n = len(dismiss)
    assert n >= 1
    dismiss[0].click().run()
    assert len([b for b in at.button if b.key and b.key.startswith("dismiss-")]) == n - 1
    opener = next(b for b in at.button if b.key and b.key.startswith("ins-"))
    opener.click().run()
    assert at.session_state["page"] == "Browse" and at.session_state["open_doc"]["path"]


def test_graph_page_renders_without_errors(indexed, monkeypatch):
    at = _app(indexed["home"], monkeypatch, "Graph")
    assert any("17 notes" in c.value for c in at.caption)
    at.text_input(key="graph_around").set_value("Tom Becker").run()
    assert not at.exception, at.exception
    assert not any("17 notes" in c.value for c in at.caption)
    at.text_input(key="graph_around").set_value("no such note").run()
    assert "no indexed note" in at.error[0].value


# ---- the graph view in headless Chromium ---------------------------------------------------------------
def _enter_graph_frame(driver, tmp_path: Path, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Switch into the graph component once it has drawn (Streamlit may replace the iframe while loading)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        driver.switch_to.default_content()
        try:
            frame = driver.find_element(By.CSS_SELECTOR, 'iframe[title*="memex_graph"]')
            driver.switch_to.frame(frame)
            if driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1":
                return
        except WebDriverException:
            pass
        time.sleep(0.5)
    driver.switch_to.default_content()
    driver.save_screenshot(str(tmp_path / "graph-timeout.png"))
    logs = driver.get_log("browser") if hasattr(driver, "get_log") else []
    pytest.fail(f"the graph view did not draw; browser log: {logs}")


@pytest.mark.timeout(180)
def test_graph_view_in_headless_chromium_click_opens_the_note(indexed, tmp_path):
    require_browser()
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    with browser_on_ui(tmp_path, indexed["home"], size="1400,1000") as driver:
        wait = WebDriverWait(driver, 40)
        wait.until(ec.element_to_be_clickable(
            (By.XPATH, '//section[@data-testid="stSidebar"]//label[.//p[text()="Graph"]]'))).click()
        _enter_graph_frame(driver, tmp_path)
        stats = driver.find_element(By.ID, "stats").text
        assert stats.startswith("17 notes")
        # a real click on the canvas, where the note "Tom Becker" is drawn
        node, x, y = driver.execute_script(
            "var s = window.memexGraph, id = null;"
            "s.data.nodes.forEach(function (n) { if (n.title === 'Tom Becker') id = n.id; });"
            "s.network.focus(id, {scale: 1.5}); var p = s.network.getPositions([id])[id];"
            "var d = s.network.canvasToDOM(p); return [id, d.x, d.y];")
        canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
        ActionChains(driver).move_to_element_with_offset(
            canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)).click().perform()
        title = wait.until(ec.visibility_of_element_located((By.ID, "panel-title")))
        assert title.text == "Tom Becker"
        related = driver.find_element(By.ID, "related-list").text
        assert "Heron project overview" in related and "link" in related
        # colour by folder, then open the note: the Browse page shows it
        driver.find_element(By.CSS_SELECTOR, "#colour-by option[value=folder]").click()
        shot = tmp_path / "graph.png"
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("UPDATE_SCREENSHOTS"):
            shutil.copyfile(shot, REPO / "docs" / "screenshot-graph.png")
        driver.find_element(By.ID, "open-note").click()
        driver.switch_to.default_content()
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), "Based in Hamburg"))
        assert "Tom Becker" in driver.find_element(By.TAG_NAME, "h2").text  # the Browse page's note view
        assert node is not None
