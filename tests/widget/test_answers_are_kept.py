"""When things go wrong the reader keeps the answers and gets a kind message and the paper key."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SCORING_TIMEOUT_MS,
    SIGNS_PAGE,
    answer,
    answer_and_expect_failure,
    answer_with_mouse,
    checked_answers,
    cli_score,
    some_answers,
    submit_and_wait,
    widget,
)


def test_blocked_pyodide_shows_a_message_and_the_paper_key_and_keeps_the_answers(page: Page) -> None:
    page.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.abort())
    answers = some_answers("attachment-style", seed=4)
    page.goto(ATTACHMENT_PAGE)
    answer(page, "attachment-style", answers)
    root = widget(page, "attachment-style")
    root.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", "error", timeout=60_000)
    expect(root.locator(".quiz__status")).to_contain_text("score them by hand with the scoring key")
    expect(root.locator("details.quiz__key")).to_have_attribute("open", "")
    expect(root.locator(".quiz__key")).to_contain_text("8 −")  # the reverse-keying rule is printed
    assert checked_answers(page, "attachment-style") == answers


def test_a_crashing_worker_shows_a_message_and_keeps_the_answers(page: Page) -> None:
    page.route(re.compile(r".*/assets/quiz/.*/worker\.js$"),
               lambda route: route.fulfill(status=200, content_type="text/javascript",
                                           body='throw new Error("worker crashed");'))
    page.goto(SIGNS_PAGE)
    answer_and_expect_failure(page, "trust-signs", {"hope3": "on"})


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_a_tampered_answer_gets_a_kind_message_and_nothing_is_lost(page: Page) -> None:
    page.goto(ATTACHMENT_PAGE)
    answers = some_answers("attachment-style", seed=5)
    answer(page, "attachment-style", answers)
    # What devtools could do: change the value of the checked option of item 1.
    page.evaluate("""() => { document.querySelector('[data-quiz="attachment-style"] input[name="anx1"]:checked').value = "9"; }""")
    root = widget(page, "attachment-style")
    root.locator("button[type=submit]").click()
    expect(root.locator(".quiz__status")).to_contain_text(re.compile(r"[Ii]tem 1\b"), timeout=90_000)
    expect(root).to_have_attribute("data-state", "ready")
    assert root.get_attribute("data-result") is None
    assert len(checked_answers(page, "attachment-style")) == len(answers)


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_double_submit_gives_one_result(page: Page) -> None:
    page.goto(SIGNS_PAGE)
    answer(page, "trust-signs", {"concern1": "on"})
    root = widget(page, "trust-signs")
    root.locator("button[type=submit]").dblclick()
    expect(root).to_have_attribute("data-state", "scored", timeout=90_000)
    root.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", "scored", timeout=90_000)
    expect(root.locator(".quiz__result .quiz__headline")).to_have_count(1)
    assert root.get_attribute("data-result") is not None


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_answers_survive_a_reload_and_clear_removes_them_everywhere(page: Page) -> None:
    answers = {"anx1": "2", "avo1": "6", "anx2": "4"}
    page.goto(ATTACHMENT_PAGE)
    answer_with_mouse(page, "attachment-style", answers)  # scrolls to the quiz: in view after the reload, it starts
    page.reload()
    assert checked_answers(page, "attachment-style") == answers
    # Nothing goes to localStorage: not the answers, not Material's colour scheme.
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert "anx1" in page.evaluate("JSON.stringify(Object.assign({}, sessionStorage))")
    assert "anx1" not in page.url
    # Ready first: while the scoring tool loads, its progress takes over the status line.
    expect(widget(page, "attachment-style")).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    widget(page, "attachment-style").locator("[data-action=clear]").click()
    assert checked_answers(page, "attachment-style") == {}
    expect(widget(page, "attachment-style").locator(".quiz__status")).to_have_text("Your answers were cleared.")
    page.reload()
    assert checked_answers(page, "attachment-style") == {}
    # Only Material's colour scheme, for the tab, which every page load writes.
    assert page.evaluate("Object.keys(sessionStorage)") == ["/.__palette"]


@pytest.mark.usefixtures("stub_worker")  # scored by the stand-in: tests/widget/stub_worker.py
def test_an_incomplete_quiz_names_the_items_to_answer(page: Page) -> None:
    answers = some_answers("attachment-style", seed=6)
    for name in ("anx1", "anx2"):
        del answers[name]
    page.goto(ATTACHMENT_PAGE)
    answer(page, "attachment-style", answers)
    result = submit_and_wait(page, "attachment-style")
    assert result == cli_score("attachment-style", answers) and result["complete"] is False
    missing = widget(page, "attachment-style").locator(".quiz__missing a")
    expect(missing).to_have_count(2)
    missing.first.click()
    first_option = page.locator('[data-quiz="attachment-style"] input[name="anx1"]').first
    expect(first_option).to_be_focused()
    expect(first_option).to_be_in_viewport()
