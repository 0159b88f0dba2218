"""Both quizzes answered in Chromium by mouse and by keyboard, and what the widget shows.

Scored by the stand-in worker (tests/widget/stub_worker.py), which answers with CPython's
`score_json`; real Pyodide scores both quizzes in the walk (tests/hardening/test_walk.py) and
offline (tests/offline/test_second_visit_offline.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SIGNS_PAGE,
    answer_with_mouse,
    checked_answers,
    cli_score,
    quiz_items,
    some_answers,
    submit_and_wait,
    widget,
)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_attachment_quiz_with_the_mouse_gives_the_clis_result(page: Page) -> None:
    answers = some_answers("attachment-style", seed=1)
    page.goto(ATTACHMENT_PAGE)
    answer_with_mouse(page, "attachment-style", answers)
    result = submit_and_wait(page, "attachment-style")
    assert result == cli_score("attachment-style", answers)
    region = widget(page, "attachment-style").locator(".quiz__result")
    expect(region).to_be_focused()
    expect(region).to_contain_text(result["headline"])
    expect(region.locator("svg[role=img] title")).to_have_text(re.compile(r"Anxiety score is [\d.]+"))
    expect(region.locator("svg circle")).to_have_count(1)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_checklist_with_the_mouse_gives_the_clis_result(page: Page) -> None:
    answers = {"hope1": "on", "hope4": "on", "concern2": "on"}
    page.goto(SIGNS_PAGE)
    answer_with_mouse(page, "trust-signs", answers)
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", answers)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_attachment_quiz_with_the_keyboard_alone(page: Page) -> None:
    items = quiz_items("attachment-style")
    answers = some_answers("attachment-style", seed=2)
    page.goto(ATTACHMENT_PAGE)
    page.locator(f'input[name="{items[0]["id"]}"]').first.focus()
    for item in items:
        value = int(answers[item["id"]])
        if value == 1:
            page.keyboard.press("Space")
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")  # moves along the radio group and selects
        page.keyboard.press("Tab")  # to the next item's group, and finally to the submit button
    expect(widget(page, "attachment-style").locator("button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget(page, "attachment-style")).to_have_attribute("data-state", "scored", timeout=90_000)
    assert checked_answers(page, "attachment-style") == answers
    result = widget(page, "attachment-style").get_attribute("data-result")
    assert result is not None and __import__("json").loads(result) == cli_score("attachment-style", answers)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_checklist_with_the_keyboard_alone_and_the_safety_override(page: Page) -> None:
    items = quiz_items("trust-signs")
    ticked = {item["id"] for item in items if item["group"] in {"hopeful", "safety"}}
    page.goto(SIGNS_PAGE)
    page.locator(f'input[name="{items[0]["id"]}"]').focus()
    for item in items:
        if item["id"] in ticked:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    # The help the safety ticks showed comes next in the tab order, each of its links in turn.
    submit = widget(page, "trust-signs").locator("button[type=submit]")
    help_links = widget(page, "trust-signs").locator(".quiz__safety-now a").count()
    for _ in range(help_links):
        assert page.evaluate("document.activeElement.closest('.quiz__safety-now') !== null")
        page.keyboard.press("Tab")
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget(page, "trust-signs")).to_have_attribute("data-state", "scored", timeout=90_000)
    # The safety result is the help the tick already showed; it is where focus lands.
    region = widget(page, "trust-signs").locator(".quiz__safety-now")
    expect(region).to_be_focused()
    # Safety leads: one heading, then the resources before anything else, and nothing says trust
    # can be rebuilt.
    expect(region.locator(":scope > :first-child")).to_have_text("Your safety comes first")
    expect(region.locator(":scope > :nth-child(2)")).to_have_class("quiz__safety")
    expect(region.get_by_text("Your safety comes first")).to_have_count(1)
    expect(region.locator(".quiz__links-title")).to_have_text("More places to get help:")
    expect(region).to_contain_text("1-800-799-7233")
    expect(region.locator('a[href^="tel:"]').first).to_be_visible()
    assert "can be rebuilt" not in region.inner_text()


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_instant_navigation_keeps_one_worker_for_both_quizzes(page: Page) -> None:
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto("./")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav__link", has_text="Attachment styles and trauma").first.click()
    expect(page).to_have_url(re.compile(ATTACHMENT_PAGE))
    answers = some_answers("attachment-style", seed=3)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(re.compile(SIGNS_PAGE))
    answer_with_mouse(page, "trust-signs", {"hope2": "on"})
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", {"hope2": "on"})
    assert page.evaluate("window.__sameDocument === true")
    assert len([url for url in workers if "/assets/quiz/" in url]) == 1
