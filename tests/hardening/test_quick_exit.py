"""Quick exit: a visible link and Escape twice replace the page and forget all the site stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.hardening.pages import site_pages, stored_by_the_site
from tests.offline.helpers import CONTROLLED, choose_offline_reading, registrations, wait_until_kept
from tests.widget.quiz_reader import answer_with_mouse, checked_answers

NEUTRAL = "https://www.weather.gov/"


def answer_the_neutral_site(context: BrowserContext) -> None:
    """The neutral site is answered here: nothing leaves this machine."""
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=site_url)
    answer_the_neutral_site(context)
    yield context.new_page()
    context.close()


def start_a_quiz(page: Page) -> None:
    page.goto("./")
    page.goto("attachment-and-trauma/")
    answer_with_mouse(page, "attachment-style", {"anx1": "3", "avo1": "5"})
    assert "quiz-answers:attachment-style" in page.evaluate("Object.keys(sessionStorage).join()")


def test_every_page_has_a_visible_quick_exit_and_help_link(reader: Page, built_site: Path) -> None:
    for path in site_pages(built_site):
        reader.goto(path)
        exit_link = reader.locator("[data-quick-exit]")
        expect(exit_link).to_be_visible()
        expect(exit_link).to_have_attribute("href", NEUTRAL)
        expect(reader.locator(".safety-bar__help")).to_be_visible()
        reader.mouse.wheel(0, 3000)
        expect(exit_link).to_be_in_viewport()  # stays on screen while reading


def test_the_quick_exit_link_replaces_the_page_and_clears_the_answers(reader: Page, site_url: str) -> None:
    start_a_quiz(reader)
    reader.locator("[data-quick-exit]").click()
    expect(reader).to_have_url(NEUTRAL)
    # location.replace: Back skips the quiz page.
    reader.go_back()
    expect(reader).to_have_url(site_url)
    # The answers are gone; the page wrote only its colour setting again, for this tab.
    assert reader.evaluate("Object.keys(sessionStorage)") == ["/.__palette"]
    reader.goto("attachment-and-trauma/")
    assert checked_answers(reader, "attachment-style") == {}


def test_quick_exit_clears_session_local_and_cache_storage(reader: Page) -> None:
    start_a_quiz(reader)
    reader.evaluate("async () => (await caches.open('reader-cache')).put('/kept', new Response('kept'))")
    reader.evaluate("localStorage.setItem('kept-by-an-older-version', '1')")
    # The probe sees what a visit leaves: answers, Material's colour scheme, the cache.
    before = stored_by_the_site(reader)
    assert "quiz-answers:attachment-style" in before["session"]
    assert [key for key in before["session"] if key.endswith(".__palette")]
    assert list(before["local"]) == ["kept-by-an-older-version"]
    assert "reader-cache" in before["caches"]
    reader.go_back()
    expect(reader.locator("[data-quick-exit]")).to_be_visible()
    reader.locator("[data-quick-exit]").click()
    expect(reader).to_have_url(NEUTRAL)
    assert stored_by_the_site(reader) == {"session": {}, "local": {}, "caches": []}


def test_quick_exit_removes_the_offline_copies_and_the_service_worker(offline_reader: Page) -> None:
    choose_offline_reading(offline_reader)
    start_a_quiz(offline_reader)
    offline_reader.wait_for_function(CONTROLLED)
    wait_until_kept(offline_reader, "/attachment-and-trauma/")
    assert registrations(offline_reader) == 1
    # Only now: Playwright's routes make Chromium bypass service workers.
    answer_the_neutral_site(offline_reader.context)
    offline_reader.locator("[data-quick-exit]").click()
    expect(offline_reader).to_have_url(NEUTRAL)
    assert stored_by_the_site(offline_reader) == {"session": {}, "local": {}, "caches": []}
    assert registrations(offline_reader) == 0  # read on the site's own origin, where the probe left the tab


def test_escape_twice_exits_and_once_does_not(reader: Page) -> None:
    start_a_quiz(reader)
    reader.keyboard.press("Escape")
    reader.wait_for_timeout(1200)
    reader.keyboard.press("Escape")  # two presses, but too far apart
    reader.wait_for_timeout(600)  # an exit would have started by now
    assert "attachment-and-trauma" in reader.url
    reader.keyboard.press("Escape")
    reader.keyboard.press("Escape")
    expect(reader).to_have_url(NEUTRAL)


def test_holding_escape_down_is_one_press(reader: Page) -> None:
    start_a_quiz(reader)
    reader.evaluate("window.__repeats = 0; addEventListener('keydown', (e) => { if (e.repeat) window.__repeats++; })")
    reader.keyboard.down("Escape")
    reader.keyboard.down("Escape")  # the key is still down: the browser repeats it
    reader.keyboard.down("Escape")
    reader.keyboard.up("Escape")
    assert reader.evaluate("window.__repeats") == 2  # real repeats reached the page
    reader.wait_for_timeout(600)
    assert "attachment-and-trauma" in reader.url
    assert "quiz-answers:attachment-style" in reader.evaluate("Object.keys(sessionStorage).join()")
