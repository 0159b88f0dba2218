"""Quick exit: a visible link and Shift pressed three times replace the page and forget all the site stored."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.hardening.pages import stored_by_the_site
from tests.offline.helpers import CONTROLLED, choose_offline_reading, registrations, wait_until_kept
from tests.widget.quiz_reader import answer_with_mouse, checked_answers
from tests.widget.stub_worker import use_stub_worker

NEUTRAL = "https://www.weather.gov/"
PRESS_WINDOW_MS = 5_000  # quick-exit.js


def answer_the_neutral_site(context: BrowserContext) -> None:
    """The neutral site is answered here: nothing leaves this machine."""
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))


@pytest.fixture
def reader(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=site_url)
    answer_the_neutral_site(context)
    use_stub_worker(context)  # the quiz pages' runtime is no part of quick exit
    yield context.new_page()
    context.close()


def start_a_quiz(page: Page) -> None:
    page.goto("./")
    page.goto("attachment-and-trauma/")
    answer_with_mouse(page, "attachment-style", {"anx1": "3", "avo1": "5"})
    assert "quiz-answers:attachment-style" in page.evaluate("Object.keys(sessionStorage).join()")


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


def assert_still_reading(page: Page) -> None:
    """Quick exit did not start: the reader is on the quiz page and the answers are kept."""
    # An exit clears the storage as it starts, in the key's own handler, before it replaces the
    # page (quick-exit.js: leave()). A key press returns once the page has handled it; the
    # animation frame lets anything that handling queued run too. Answers still kept after it
    # mean no exit started, without waiting out the 300 ms an exit may take (CACHE_WAIT_MS).
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
    # Material may add the heading in view as a fragment (navigation.tracking): the page is the same.
    assert urlsplit(page.url).path == "/attachment-and-trauma/", page.url
    assert "quiz-answers:attachment-style" in page.evaluate("Object.keys(sessionStorage).join()")


def test_shift_three_times_exits_and_forgets_what_the_site_kept(reader: Page) -> None:
    start_a_quiz(reader)
    for _ in range(3):
        reader.keyboard.press("Shift")
    expect(reader).to_have_url(NEUTRAL)
    assert stored_by_the_site(reader) == {"session": {}, "local": {}, "caches": []}


def test_shift_twice_does_not_exit_and_a_third_press_does(reader: Page) -> None:
    start_a_quiz(reader)
    reader.keyboard.press("Shift")
    reader.keyboard.press("Shift")
    assert_still_reading(reader)
    reader.keyboard.press("Shift")  # the count was kept: this is the third press
    expect(reader).to_have_url(NEUTRAL)


def test_another_key_between_the_presses_starts_the_count_again(reader: Page) -> None:
    start_a_quiz(reader)
    for key in ["Shift", "Shift", "a", "Shift"]:
        reader.keyboard.press(key)
    assert_still_reading(reader)
    reader.keyboard.press("Shift")  # two since the "a"
    assert_still_reading(reader)
    reader.keyboard.press("Shift")  # three since the "a"
    expect(reader).to_have_url(NEUTRAL)


def test_presses_more_than_five_seconds_apart_start_the_count_again(reader: Page) -> None:
    # The page's clock is Playwright's, so the count's window is jumped, not waited out.
    reader.clock.install()
    start_a_quiz(reader)
    reader.keyboard.press("Shift")
    reader.keyboard.press("Shift")
    reader.clock.fast_forward(PRESS_WINDOW_MS + 200)  # the count lasts 5 s from its first press
    reader.keyboard.press("Shift")  # the first press of a new count
    assert_still_reading(reader)
    reader.keyboard.press("Shift")
    reader.keyboard.press("Shift")
    expect(reader).to_have_url(NEUTRAL)


def test_holding_shift_down_is_one_press(reader: Page) -> None:
    start_a_quiz(reader)
    reader.evaluate("window.__repeats = 0; addEventListener('keydown', (e) => { if (e.repeat) window.__repeats++; })")
    reader.keyboard.down("Shift")
    reader.keyboard.down("Shift")  # the key is still down: the browser repeats it
    reader.keyboard.down("Shift")
    reader.keyboard.up("Shift")
    assert reader.evaluate("window.__repeats") == 2  # real repeats reached the page
    assert_still_reading(reader)
    reader.keyboard.press("Shift")
    reader.keyboard.press("Shift")  # with the held press, three
    expect(reader).to_have_url(NEUTRAL)


def test_closing_search_with_escape_and_pressing_escape_again_stays_on_the_site(reader: Page) -> None:
    start_a_quiz(reader)
    search_open = reader.locator("#__search")  # Material's search toggle
    reader.locator(".md-search__input").click()
    expect(search_open).to_be_checked()
    reader.keyboard.type("trust")
    expect(reader.locator(".md-search-result__item").first).to_be_visible()
    reader.keyboard.press("Escape")
    expect(search_open).not_to_be_checked()
    reader.keyboard.press("Escape")  # the reader presses it once more, to be sure
    assert_still_reading(reader)


def test_the_help_page_names_the_quick_exit_button_and_the_shift_shortcut(built_site: Path) -> None:
    page = (built_site / "help-now" / "index.html").read_text(encoding="utf-8")
    label = re.search(r'<a class="quick-exit"[^>]*>([^<]+)</a>', page)
    article = re.search(r"<article\b.*?</article>", page, re.DOTALL)
    assert label and article
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article.group(0))).split())
    section = text[text.index("Browsing safely"):]
    # The button by the label it carries on this very page, and the shortcut in plain words.
    assert f"{label.group(1).strip()} button" in section, section
    assert "press the Shift key 3 times" in section, section
    assert "cannot erase your browser history" in section, section
