"""Help that never waits: a safety answer shows the crisis help inside the quiz at once, with
no runtime and with no JavaScript; a shown result never outlives a change to the answers; a
safety tick never comes back, on screen or on paper."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SCORING_TIMEOUT_MS,
    SIGNS_PAGE,
    answer_with_mouse,
    checked_answers,
    cli_score,
    count_worker_replies,
    replies_handled,
    some_answers,
    submit_and_wait,
    widget,
)
from tests.widget.test_no_request_is_stranded import RUNTIME_WASM, SETTLED, Held

AT_ONCE_MS = 1_000
RUNTIME = re.compile(r".*/assets/pyodide/.*")
HELP_NUMBERS = ("911", "1-800-799-7233", "Text START to 88788", "988")


def safety_now(page: Page, quiz_id: str = "trust-signs") -> Locator:
    return widget(page, quiz_id).locator(".quiz__safety-now")


def tick(page: Page, *item_ids: str, quiz_id: str = "trust-signs") -> None:
    answer_with_mouse(page, quiz_id, dict.fromkeys(item_ids, "on"))


def expect_help_at_once(page: Page) -> None:
    help_now = safety_now(page)
    expect(help_now).to_be_visible(timeout=AT_ONCE_MS)
    for number in HELP_NUMBERS:
        expect(help_now).to_contain_text(number)
    expect(help_now.locator('a[href="tel:911"]')).to_be_visible()
    expect(help_now.locator('a[href="sms:88788?&body=START"]')).to_be_visible()
    expect(help_now).not_to_contain_text("can be rebuilt")


@pytest.fixture
def reader_without_javascript(browser: Any, site_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_with_the_runtime_blocked_a_safety_tick_shows_the_hotline_at_once(page: Page) -> None:
    blocked: list[str] = []
    page.route(RUNTIME, lambda route: (blocked.append(route.request.url), route.abort()))
    page.goto(SIGNS_PAGE)
    expect(safety_now(page)).to_be_hidden()
    tick(page, "safety1")
    expect_help_at_once(page)
    # The runtime was asked for and refused: the help did not wait on it, and the failure's
    # message still points to it.
    root = widget(page, "trust-signs")
    expect(root).to_have_attribute("data-state", "error", timeout=SCORING_TIMEOUT_MS)
    assert blocked
    expect(safety_now(page)).to_be_visible()
    expect(root.locator(".quiz__status")).to_contain_text("Places to get help right now are shown")
    expect(root.locator(".quiz__status")).to_contain_text("score them by hand")


def test_without_javascript_a_safety_tick_shows_the_hotline_at_once(reader_without_javascript: Page) -> None:
    page = reader_without_javascript
    page.goto(SIGNS_PAGE)
    expect(safety_now(page)).to_be_hidden()
    tick(page, "concern4")  # "Emotional or physical safety is compromised." counts as safety too
    expect_help_at_once(page)
    tick(page, "concern4")  # unticked: the help goes with the answer that called for it
    expect(safety_now(page)).to_be_hidden(timeout=AT_ONCE_MS)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_the_help_shown_at_once_is_the_scored_safety_result_and_its_link_leads_to_help(page: Page) -> None:
    page.goto(SIGNS_PAGE)
    tick(page, "hope1", "safety2")
    expect_help_at_once(page)
    scored = submit_and_wait(page, "trust-signs")
    assert scored == cli_score("trust-signs", {"hope1": "on", "safety2": "on"})
    assert scored["category"]["id"] == "safety-first"
    help_now = safety_now(page)
    # One copy on the page: the scored result is the help already shown, word for word.
    expect(widget(page, "trust-signs").locator(".quiz__result")).to_be_hidden()
    expect(help_now).to_be_focused()
    expect(help_now.locator(".quiz__headline")).to_have_text(scored["headline"])
    expect(help_now.locator(".quiz__safety-message")).to_have_text(scored["safety"]["message"])
    for paragraph in scored["paragraphs"]:
        expect(help_now).to_contain_text(paragraph)
    shown = help_now.locator("a[href]").evaluate_all("(links) => links.map((link) => link.getAttribute('href'))")
    expected = [contact["href"] for resource in scored["safety"]["resources"] for contact in resource["contacts"]]
    assert [href for href in shown if href.startswith(("tel:", "sms:"))] == expected
    help_link = help_now.locator(".quiz__links a")
    expect(help_link).to_have_text(scored["links"][0]["text"])
    help_link.click()
    # Material's section tracking may add a #fragment as it follows the scroll position.
    expect(page).to_have_url(re.compile(r"/help-now/(#.*)?$"))
    expect(page.locator("h1")).to_contain_text("Need help now?")
    expect(page.locator("article")).to_contain_text("1-800-799-7233")


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_a_shown_hopeful_result_goes_the_moment_a_safety_item_is_ticked(page: Page) -> None:
    page.goto(SIGNS_PAGE)
    tick(page, "hope1", "hope2")
    assert submit_and_wait(page, "trust-signs")["headline"] == "Signs of healing"
    root = widget(page, "trust-signs")
    expect(root.locator(".quiz__result")).to_contain_text("Healing is happening")
    tick(page, "safety1")
    expect(root.locator(".quiz__result")).to_be_hidden(timeout=AT_ONCE_MS)
    expect(root.locator(".quiz__result")).to_be_empty()
    assert root.get_attribute("data-result") is None
    expect(root).to_have_attribute("data-state", "ready")
    expect_help_at_once(page)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_any_change_takes_a_shown_result_away(page: Page) -> None:
    page.goto(ATTACHMENT_PAGE)
    answers = some_answers("attachment-style", seed=4)
    answer_with_mouse(page, "attachment-style", answers)
    submit_and_wait(page, "attachment-style")
    root = widget(page, "attachment-style")
    expect(root.locator(".quiz__result")).to_be_visible()
    changed = {"anx1": "1" if answers["anx1"] != "1" else "2"}
    answer_with_mouse(page, "attachment-style", changed)
    expect(root.locator(".quiz__result")).to_be_hidden(timeout=AT_ONCE_MS)
    expect(root.locator(".quiz__status")).to_contain_text("Your answers changed")
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", {**answers, **changed})


@pytest.mark.parametrize(("first", "then"), [
    ({"hope1": "on"}, {"safety1": "on"}),   # a hopeful request on its way, then a safety answer
    ({"safety1": "on"}, {"safety1": "on"}),  # a safety request on its way, then the tick taken back
])
def test_answers_changed_while_a_request_is_pending_never_show_the_old_result(
        page: Page, first: dict[str, str], then: dict[str, str]) -> None:
    runtime = Held(page, RUNTIME_WASM)
    count_worker_replies(page)
    page.goto(SIGNS_PAGE)
    root = widget(page, "trust-signs")
    answer_with_mouse(page, "trust-signs", first)
    root.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", "scoring")
    answer_with_mouse(page, "trust-signs", then)  # while the runtime is still on its way
    now = checked_answers(page, "trust-signs")
    runtime.release()

    expect(root).to_have_attribute("data-state", SETTLED, timeout=SCORING_TIMEOUT_MS)
    replies_handled(page, 1)  # the late reply to the old answers came, and was dropped
    expect(root).to_have_attribute("data-state", "ready")
    assert root.get_attribute("data-result") is None
    expect(root.locator(".quiz__result")).to_be_hidden()
    if "safety1" in now:
        expect(safety_now(page)).to_be_visible()
    else:
        expect(safety_now(page)).to_be_hidden()
    # The next result is for the answers in the form.
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", now)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_back_after_leaving_the_page_brings_no_safety_tick_back(page: Page) -> None:
    page.goto(SIGNS_PAGE)
    tick(page, "hope1", "safety1", "concern4")
    expect_help_at_once(page)
    page.goto("getting-support/")  # a full navigation, not instant navigation
    page.go_back()
    expect(page).to_have_url(re.compile(SIGNS_PAGE))
    expect(widget(page, "trust-signs")).to_have_attribute("data-enhanced", "true")
    assert checked_answers(page, "trust-signs") == {"hope1": "on"}  # kept for the tab, safety never
    expect(safety_now(page)).to_be_hidden()
    page.reload()
    assert checked_answers(page, "trust-signs") == {"hope1": "on"}


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_a_page_back_from_the_back_forward_cache_loses_its_safety_ticks(page: Page) -> None:
    # Playwright runs Chromium without the back-forward cache (with it, Back crashed the page
    # here), so the cache's own event is sent as the browser sends it on such a return.
    page.goto(SIGNS_PAGE)
    tick(page, "hope1", "safety4")
    expect_help_at_once(page)
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    assert checked_answers(page, "trust-signs") == {"hope1": "on"}
    expect(safety_now(page)).to_be_hidden()
    tick(page, "safety4")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }))")
    assert checked_answers(page, "trust-signs") == {"hope1": "on", "safety4": "on"}  # only a return


def test_back_without_javascript_brings_no_safety_tick_back(reader_without_javascript: Page) -> None:
    page = reader_without_javascript
    page.goto(SIGNS_PAGE)
    tick(page, "safety3")
    expect_help_at_once(page)
    page.goto("getting-support/")
    page.go_back()
    expect(page).to_have_url(re.compile(SIGNS_PAGE))
    assert checked_answers(page, "trust-signs") == {}
    expect(safety_now(page)).to_be_hidden()


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_printing_the_page_puts_no_safety_answer_on_paper(page: Page) -> None:
    page.goto(SIGNS_PAGE)
    statement = widget(page, "trust-signs").locator("#quiz-trust-signs-safety1")
    page.emulate_media(media="print")
    unticked = statement.screenshot()
    page.emulate_media(media="screen")
    tick(page, "hope1", "safety1")
    submit_and_wait(page, "trust-signs")
    page.emulate_media(media="print")
    expect(safety_now(page)).to_be_hidden()
    expect(widget(page, "trust-signs").locator(".quiz__result")).to_be_hidden()
    assert checked_answers(page, "trust-signs")["safety1"] == "on"  # ticked on screen …
    assert statement.screenshot() == unticked  # … and blank on paper
    hopeful = widget(page, "trust-signs").locator("#quiz-trust-signs-hope1")
    hopeful_ticked = hopeful.screenshot()
    page.emulate_media(media="screen")
    tick(page, "hope1")
    page.emulate_media(media="print")
    assert hopeful.screenshot() != hopeful_ticked  # the comparison can tell ticked from blank


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_in_an_embed_page_a_change_takes_the_result_away_too(page: Page) -> None:
    page.goto("embed/trust-signs/")
    tick(page, "hope3")
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", {"hope3": "on"})
    tick(page, "safety4")
    root = widget(page, "trust-signs")
    expect(root.locator(".quiz__result")).to_be_hidden(timeout=AT_ONCE_MS)
    expect_help_at_once(page)
