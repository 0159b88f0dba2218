"""A quiz whose widget.js cannot load or run says so within seconds, with no script, and leads
to the paper key; a widget that runs never shows that note. What the tab's storage holds for a
quiz is used only if it is this form's answers."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.widget.quiz_reader import SIGNS_PAGE, checked_answers, css_animations, finish_css_animations, widget

UNAVAILABLE = "Scoring on screen is not available right now"
KEY_SUMMARY = "Scoring key: score your answers by hand"
NOTE_REVEAL = "quiz-unavailable-shows"  # site.css: the animation whose delay shows the note
NOTE_DELAY_MS = 5_000  # its delay
STORAGE_KEY = "quiz-answers:trust-signs"


@pytest.mark.parametrize("broken", [
    "widget.js aborted",  # blocked, offline
    "render.js missing",  # one of its imports 404s: widget.js never runs
])
def test_a_widget_that_cannot_run_says_so_and_leads_to_the_paper_key(page: Page, broken: str) -> None:
    name, how = broken.split()
    page.route(re.compile(rf".*/assets/quiz/[0-9a-f]{{12}}/{re.escape(name)}$"),
               lambda route: route.abort() if how == "aborted" else route.fulfill(status=404, body="Not found"))
    page.goto(SIGNS_PAGE)
    root = widget(page, "trust-signs")
    note = root.locator(".quiz__unavailable")
    root.scroll_into_view_if_needed()
    expect(note).to_be_hidden()  # not at once: a slow widget.js gets its few seconds
    # The note's CSS shows it after a delay, with no script; the delay is read, then jumped.
    assert [reveal["delay"] for reveal in css_animations(page, NOTE_REVEAL)] == [NOTE_DELAY_MS]
    finish_css_animations(page, NOTE_REVEAL)
    expect(note).to_be_visible()
    expect(note).to_contain_text(UNAVAILABLE)
    expect(root.locator("button[type=submit]")).to_be_disabled()
    # The paper key is one click away, on the summary the note names.
    key = root.locator("details.quiz__key")
    expect(note).to_contain_text(f"open “{KEY_SUMMARY}” below")
    expect(key).not_to_have_attribute("open", "")
    root.locator("input[name=hope1]").locator("xpath=..").click()  # answering still works
    key.locator("summary", has_text=KEY_SUMMARY).click()
    expect(key).to_have_attribute("open", "")
    expect(key.locator(".quiz__key-steps")).to_be_visible()
    assert checked_answers(page, "trust-signs") == {"hope1": "on"}


def test_a_working_widget_never_shows_the_note(page: Page) -> None:
    page.goto(SIGNS_PAGE)
    root = widget(page, "trust-signs")
    expect(root).to_have_attribute("data-widget-ready", "")
    root.scroll_into_view_if_needed()
    # Marked ready, the form no longer matches the rule that times the note (site.css): nothing
    # is left counting down to show it, so no later moment would.
    assert css_animations(page, NOTE_REVEAL) == []
    expect(root.locator(".quiz__unavailable")).to_be_hidden()


@pytest.mark.parametrize(("stored", "kept"), [
    ("null", {}),
    ('["hope1", "on"]', {}),
    ('"hope1"', {}),
    ("42", {}),
    ('{"nobody": "on", "hope1": "maybe", "hope2": 1}', {}),  # unknown items, values and types
    ('{"hope1": "on", "nobody": "on"}', {"hope1": "on"}),  # what is known is kept
    ("{not json", {}),
])
@pytest.mark.usefixtures("stub_worker")  # what is kept, not how it is scored: the tick starts the runtime
def test_a_stored_value_that_is_not_this_forms_answers_is_ignored(page: Page, stored: str, kept: dict) -> None:
    page.goto(SIGNS_PAGE)
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [STORAGE_KEY, stored])
    page.reload()
    root = widget(page, "trust-signs")
    expect(root.locator("button[type=submit]")).to_be_enabled()
    assert checked_answers(page, "trust-signs") == kept
    left = page.evaluate("(key) => sessionStorage.getItem(key)", STORAGE_KEY)
    assert (json.loads(left) if left else {}) == kept  # nothing else stays stored
    expect(root).to_have_attribute("data-widget-ready", "")  # the widget ran to its end
    root.locator("input[name=hope3]").locator("xpath=..").click()
    assert json.loads(page.evaluate("(key) => sessionStorage.getItem(key)", STORAGE_KEY)) == {**kept, "hope3": "on"}
