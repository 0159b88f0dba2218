"""A reader answering quizzes in the browser, and the CLI's verdict on the same answers."""

from __future__ import annotations

import json
import random

from playwright.sync_api import Frame, Page, expect

from quizzes import get_quiz
from tests.quizzes.helpers import run_cli

ATTACHMENT_PAGE = "attachment-and-trauma/"  # where each quiz is placed in the guide
SIGNS_PAGE = "signs-of-rebuilding/"
SCORING_TIMEOUT_MS = 90_000  # a cold Pyodide start on a busy 2-core machine


def cli_score(quiz_id: str, answers: dict[str, str]) -> dict:
    """The result `python -m quizzes score` prints for these answers (its `main`, in process)."""
    done = run_cli("score", quiz_id, "-", stdin=json.dumps(answers))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def quiz_items(quiz_id: str) -> list[dict]:
    """The quiz's items as the form shows them (id, number, text, …)."""
    return get_quiz(quiz_id).to_dict()["items"]


def some_answers(quiz_id: str, seed: int) -> dict[str, str]:
    """A reproducible answer set: every scale item answered, about half the boxes ticked."""
    chooser = random.Random(seed)
    answers = {}
    for item in quiz_items(quiz_id):
        if "dimension" in item:
            answers[item["id"]] = str(chooser.randint(1, 7))
        elif chooser.random() < 0.5:
            answers[item["id"]] = "on"
    return answers


# Counts the replies quiz workers send (scored, rejected, error: the messages that carry a
# request's id), before the widget reads them: a test waits for a late reply to arrive and be
# handled instead of waiting a fixed time for it. Not subject to the page's CSP (an init script).
_COUNT_REPLIES = """
window.__workerReplies = 0;
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => { if (data && "id" in data) window.__workerReplies++; });
  }
};
"""


def count_worker_replies(page: Page) -> None:
    """From the next load on, count the replies of the page's quiz workers (see `replies_handled`)."""
    page.add_init_script(_COUNT_REPLIES)


def replies_handled(page: Page, count: int) -> None:
    """Wait until the page's workers have sent `count` replies; the widget handles each one in
    the same event, so once counted it has been handled."""
    page.wait_for_function("(count) => window.__workerReplies >= count", arg=count, timeout=SCORING_TIMEOUT_MS)


def widget(page: Page, quiz_id: str):
    return page.locator(f'[data-quiz="{quiz_id}"]')


def answer_with_mouse(page: Page, quiz_id: str, answers: dict[str, str]) -> None:
    """Click each answer's label, as a reader does: for tests about reaching and touching the form."""
    for name, value in answers.items():
        page.locator(f'[data-quiz="{quiz_id}"] input[name="{name}"][value="{value}"]').locator("xpath=..").click()


def answer(page: Page, quiz_id: str, answers: dict[str, str]) -> None:
    """Click each answer's input from inside the page, all in one call: the form gets the click,
    input and change events a reader's click gives, but not the pointer and focus events that
    start the runtime early. For tests about what follows the answers (the result, what is kept,
    print), where Playwright's mouse, one round trip and about 25 ms of CPU a click, is not the
    subject; it is in test_scoring_in_the_browser.py and the walk."""
    missing = widget(page, quiz_id).evaluate(
        """(root, answers) => Object.entries(answers).filter(([name, value]) => {
             const input = root.querySelector(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
             input?.click();
             return !input;
           })""",
        answers,
    )
    assert not missing, f"{quiz_id} has no such answers: {missing}"


def submit_and_wait(page: Page, quiz_id: str) -> dict:
    widget(page, quiz_id).locator("button[type=submit]").click()
    expect(widget(page, quiz_id)).to_have_attribute("data-state", "scored", timeout=SCORING_TIMEOUT_MS)
    return json.loads(widget(page, quiz_id).get_attribute("data-result"))


def checked_answers(page: Page, quiz_id: str) -> dict[str, str]:
    return page.evaluate(
        """(quizId) => Object.fromEntries(
             [...document.querySelectorAll(`[data-quiz="${quizId}"] input:checked`)]
               .map((input) => [input.name, input.value]))""",
        quiz_id,
    )


def answer_and_expect_failure(page: Page, quiz_id: str, answers: dict[str, str]) -> None:
    """Answer, submit, and see the widget fail kindly with every answer still in the form."""
    answer_with_mouse(page, quiz_id, answers)
    widget(page, quiz_id).locator("button[type=submit]").click()
    expect(widget(page, quiz_id)).to_have_attribute("data-state", "error", timeout=SCORING_TIMEOUT_MS)
    expect(widget(page, quiz_id).locator(".quiz__status")).to_contain_text("Your answers are still here")
    assert widget(page, quiz_id).get_attribute("data-result") is None
    assert checked_answers(page, quiz_id) == answers


# Notes revealed by a CSS animation's delay, with no script (site.css, embed.css): a test reads
# the delay and jumps the animation to its end through the Web Animations API instead of waiting.
_CSS_ANIMATIONS = """(name) => document.getAnimations()
  .filter((animation) => animation.animationName === name)
  .map((animation) => ({delay: animation.effect.getTiming().delay, state: animation.playState}))"""
_FINISH_CSS_ANIMATIONS = """(name) => document.getAnimations()
  .filter((animation) => animation.animationName === name)
  .forEach((animation) => animation.finish())"""


def css_animations(scope: Page | Frame, name: str) -> list[dict]:
    """The CSS animations called `name` in the document (running or waiting), each with its
    delay in ms and its play state; none for an element the animation's rule no longer matches."""
    return scope.evaluate(_CSS_ANIMATIONS, name)


def finish_css_animations(scope: Page | Frame, name: str) -> None:
    """Jump the CSS animations called `name` to their end, as if their time had passed."""
    scope.evaluate(_FINISH_CSS_ANIMATIONS, name)
