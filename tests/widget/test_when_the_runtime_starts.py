"""When Pyodide is fetched: once a quiz comes near the screen, or on the first interaction when
the browser asks to save data; never for a page without a quiz."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.widget.quiz_reader import SCORING_TIMEOUT_MS, SIGNS_PAGE, widget

VIEWPORT = {"width": 1280, "height": 720}
# What a phone with "Data Saver" (Lite mode) reports: navigator.connection.saveData.
SAVE_DATA = "Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });"


def runtime_requests(page: Page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if "/assets/pyodide/" in request.url else None)
    return requests


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=site_url, viewport=VIEWPORT, service_workers="block")
    yield context.new_page()
    context.close()


@pytest.fixture
def saving_reader(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=site_url, viewport=VIEWPORT, service_workers="block")
    context.add_init_script(SAVE_DATA)
    yield context.new_page()
    context.close()


def screens_below(page: Page, quiz_id: str) -> float:
    """How far below the bottom of the screen the quiz starts, in screen heights."""
    return page.evaluate("""(selector) => {
        const top = document.querySelector(selector).getBoundingClientRect().top;
        return (top - innerHeight) / innerHeight; }""", f'[data-quiz="{quiz_id}"]')


def scroll_to_screens_below(page: Page, quiz_id: str, screens: float) -> None:
    page.evaluate("""([selector, screens]) => {
        const top = document.querySelector(selector).getBoundingClientRect().top + scrollY;
        scrollTo(0, top - innerHeight - screens * innerHeight); }""", [f'[data-quiz="{quiz_id}"]', screens])


def test_the_runtime_starts_when_the_quiz_comes_near_the_screen_without_a_click(reader: Page) -> None:
    requests = runtime_requests(reader)
    reader.goto(SIGNS_PAGE)
    expect(widget(reader, "trust-signs")).to_have_attribute("data-enhanced", "true")
    assert screens_below(reader, "trust-signs") > 0.35, "the test needs the quiz well below the first screen"
    reader.mouse.wheel(0, 100)  # reading the top of the page starts nothing
    reader.wait_for_timeout(1000)
    expect(widget(reader, "trust-signs")).to_have_attribute("data-state", "idle")
    assert requests == []

    scroll_to_screens_below(reader, "trust-signs", 0.15)  # near it (a quarter screen), not yet on it
    expect(widget(reader, "trust-signs")).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    assert any(url.endswith(".wasm") for url in requests)


def test_a_browser_saving_data_fetches_the_runtime_only_when_the_reader_starts_the_quiz(saving_reader: Page) -> None:
    requests = runtime_requests(saving_reader)
    saving_reader.goto(SIGNS_PAGE)
    assert saving_reader.evaluate("navigator.connection.saveData") is True
    root = widget(saving_reader, "trust-signs")
    root.scroll_into_view_if_needed()
    saving_reader.wait_for_timeout(1500)
    expect(root).to_have_attribute("data-state", "idle")
    assert requests == []

    root.locator('input[name="hope1"]').locator("xpath=..").click()
    expect(root).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    assert any(url.endswith(".wasm") for url in requests)
