"""Offline after the first visit (offline reading chosen on the privacy page): the pages and
quizzes a reader used open and score with no network, under the site's CSP, through instant
navigation too; with nothing kept, a quiz keeps the answers and offers the paper key."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.offline.helpers import CONTROLLED, choose_offline_reading, kept, kept_urls, wait_until_kept
from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SIGNS_PAGE,
    answer_with_mouse,
    checked_answers,
    cli_score,
    some_answers,
    submit_and_wait,
    widget,
)
from tests.widget.test_when_the_runtime_starts import SAVE_DATA

CHECK_PAGE = "what-not-to-do/"


@pytest.mark.smoke  # in `make test-fast`
def test_a_second_visit_without_a_network_scores_the_quizzes(offline_reader: Page) -> None:
    first = offline_reader
    choose_offline_reading(first)
    first.goto(ATTACHMENT_PAGE)
    answer_with_mouse(first, "attachment-style", some_answers("attachment-style", seed=1))
    submit_and_wait(first, "attachment-style")
    # On to the next chapter by instant navigation: the worker that just started scores here too
    # (a full load would start the runtime a second time, and the runtime is what this visit keeps).
    first.locator("a.md-footer__link--next").click()
    expect(first).to_have_url(re.compile(rf"/{re.escape(SIGNS_PAGE)}(#.*)?$"))
    answer_with_mouse(first, "trust-signs", {"hope1": "on"})
    submit_and_wait(first, "trust-signs")
    # A chapter with a knowledge check, read but not answered: kept as read, it scores offline too.
    first.locator(f'a.md-nav__link[href$="{CHECK_PAGE}"]').first.click()
    expect(first).to_have_url(re.compile(re.escape(CHECK_PAGE)))
    first.wait_for_function(CONTROLLED)
    wait_until_kept(first, "/attachment-and-trauma/", "/signs-of-rebuilding/", f"/{CHECK_PAGE}", ".wasm",
                    "pyodide.asm.mjs", ".zip", ".whl", "pyodide-lock.json", "/worker.js")
    caches = kept(first)
    assert all(re.fullmatch(r"rebuilding-trust:/:(site|runtime):[\w.-]+", name) for name in caches), list(caches)
    # Kept addresses carry no query: neither answers (never in a request) nor search words.
    assert not [url for urls in caches.values() for url in urls if "?" in url]

    first.context.set_offline(True)
    second = first.context.new_page()  # a new tab: nothing of the first visit's session
    second.goto(ATTACHMENT_PAGE)
    assert checked_answers(second, "attachment-style") == {}
    answers = some_answers("attachment-style", seed=2)
    answer_with_mouse(second, "attachment-style", answers)
    assert submit_and_wait(second, "attachment-style") == cli_score("attachment-style", answers)

    # Instant navigation fetches the next page, which the service worker answers from the cache.
    second.evaluate("window.__sameDocument = true")
    second.locator(f'a.md-nav__link[href$="{SIGNS_PAGE}"]').first.click()
    expect(second).to_have_url(re.compile(re.escape(SIGNS_PAGE)))
    assert second.evaluate("window.__sameDocument === true")
    signs = {"hope1": "on", "hope4": "on", "concern2": "on"}
    answer_with_mouse(second, "trust-signs", signs)
    assert submit_and_wait(second, "trust-signs") == cli_score("trust-signs", signs)

    second.locator(f'a.md-nav__link[href$="{CHECK_PAGE}"]').first.click()
    expect(second).to_have_url(re.compile(re.escape(CHECK_PAGE)))
    check = {"checking": "survival", "instant": "deadline"}
    answer_with_mouse(second, "what-not-to-do-check", check)
    assert submit_and_wait(second, "what-not-to-do-check") == cli_score("what-not-to-do-check", check)


def test_offline_with_nothing_kept_the_quiz_keeps_the_answers_and_offers_the_paper_key(offline_reader: Page) -> None:
    offline_reader.context.add_init_script(SAVE_DATA)  # so that nothing starts before the reader does
    choose_offline_reading(offline_reader)
    offline_reader.goto(SIGNS_PAGE)
    offline_reader.wait_for_function(CONTROLLED)
    assert not [url for url in kept_urls(offline_reader) if "/assets/pyodide/" in url]

    offline_reader.context.set_offline(True)
    answers = {"hope2": "on", "concern3": "on"}
    started = time.monotonic()
    answer_with_mouse(offline_reader, "trust-signs", answers)
    root = widget(offline_reader, "trust-signs")
    expect(root).to_have_attribute("data-state", "error", timeout=15_000)
    assert time.monotonic() - started < 15, "no network fails at once, not after the stall timeout"
    expect(root.locator("details.quiz__key")).to_have_attribute("open", "")
    assert checked_answers(offline_reader, "trust-signs") == answers
