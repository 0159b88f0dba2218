"""Answers that point to danger at home are scored, but never written to the browser's storage."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.widget.quiz_reader import answer_with_mouse, checked_answers, submit_and_wait, widget

# What the widget does with a result, not Pyodide: the stand-in worker scores (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

QUIZ = "trust-signs"
KEY = f"quiz-answers:{QUIZ}"
HOPEFUL = {"hope1": "on", "hope3": "on"}
SAFETY = {"safety1": "on", "concern4": "on"}  # both lead to the safety-first result


def everything_stored(page: Page) -> str:
    """Every key and value of the origin's session and local storage, as one text."""
    return page.evaluate("JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])")


def stored_answers(page: Page) -> dict | None:
    stored = page.evaluate("(key) => sessionStorage.getItem(key)", KEY)
    return None if stored is None else json.loads(stored)


def open_quiz(page: Page) -> None:
    page.goto("signs-of-rebuilding/")
    expect(widget(page, QUIZ)).to_have_attribute("data-enhanced", "true")


def test_only_the_other_answers_are_kept_and_the_result_still_puts_safety_first(page: Page) -> None:
    open_quiz(page)
    answer_with_mouse(page, QUIZ, {**HOPEFUL, **SAFETY})
    assert checked_answers(page, QUIZ) == {**HOPEFUL, **SAFETY}
    assert stored_answers(page) == HOPEFUL
    text = everything_stored(page)
    assert not [name for name in SAFETY if name in text], text

    page.reload()
    expect(widget(page, QUIZ)).to_have_attribute("data-enhanced", "true")
    assert checked_answers(page, QUIZ) == HOPEFUL

    # Scoring still hears about danger: it is told by the form, not by storage.
    answer_with_mouse(page, QUIZ, SAFETY)
    result = submit_and_wait(page, QUIZ)
    assert result["category"]["id"] == "safety-first"
    assert not [name for name in SAFETY if name in everything_stored(page)]


def test_safety_answers_alone_leave_no_trace_of_the_quiz(page: Page) -> None:
    open_quiz(page)
    answer_with_mouse(page, QUIZ, {"safety2": "on"})
    assert checked_answers(page, QUIZ) == {"safety2": "on"}
    assert stored_answers(page) is None
    assert QUIZ not in everything_stored(page)


def test_a_safety_answer_stored_by_an_older_version_is_neither_shown_nor_kept(page: Page) -> None:
    open_quiz(page)
    page.evaluate("(key) => sessionStorage.setItem(key, JSON.stringify({hope2: 'on', safety3: 'on'}))", KEY)
    page.reload()
    expect(widget(page, QUIZ)).to_have_attribute("data-enhanced", "true")
    assert checked_answers(page, QUIZ) == {"hope2": "on"}
    assert stored_answers(page) == {"hope2": "on"}
