"""Two quizzes on one page share the tab's worker; when it dies after a result, each widget
stays usable: Clear on the scored quiz brings it back to idle (never a spinner waiting for a
worker that is gone), and both quizzes score again with a new worker.

The page is the attachment chapter as built, with the signs chapter's quiz (as built too)
placed after its own: no page of the guide holds both, and a second build for one would cost
a minute.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, Route, expect

from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SCORING_TIMEOUT_MS,
    SIGNS_PAGE,
    answer_with_mouse,
    checked_answers,
    cli_score,
    some_answers,
    submit_and_wait,
    widget,
)
from tests.widget.test_no_request_is_stranded import QUIZ_WORKER, QuizWorkers

QUIZ_ARTICLE = re.compile(r'<article class="quiz".*?</article>', re.S)

# The real worker, except that it dies (an uncaught error: the page's error event) just after
# it answered its first request.
DIES_AFTER_FIRST_RESULT = """let answered = 0;
self.addEventListener("message", (event) => {
  if (event.data.type !== "score" || ++answered > 1) return;
  setTimeout(() => { throw new Error("the worker died after its first result"); });
});
"""


def with_the_signs_quiz_too(route: Route) -> None:
    """The attachment chapter with the signs chapter's quiz after its own."""
    own = route.fetch()
    other = route.fetch(url=route.request.url.replace(ATTACHMENT_PAGE, SIGNS_PAGE))
    signs_quiz = QUIZ_ARTICLE.search(other.text())
    assert signs_quiz, "the signs chapter has no quiz"
    # The first </article> closes the attachment quiz (Material's own <article> holds it).
    body = own.text().replace("</article>", "</article>\n" + signs_quiz.group(0), 1)
    route.fulfill(response=own, body=body)


def dying_worker(route: Route) -> None:
    response = route.fetch()
    route.fulfill(response=response, body=DIES_AFTER_FIRST_RESULT + response.text())


def wait_for_ended(page: Page, workers: QuizWorkers, count: int) -> None:
    for _ in range(100):
        if len(workers.ended) >= count:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{len(workers.ended)} quiz workers ended, expected {count}")


def test_clear_after_the_shared_worker_died_leaves_both_quizzes_usable(page: Page) -> None:
    workers = QuizWorkers(page)
    page.route(re.compile(rf".*/{ATTACHMENT_PAGE}(index\.html)?$"), with_the_signs_quiz_too)
    page.route(QUIZ_WORKER, dying_worker, times=1)  # only the first worker dies
    page.goto(ATTACHMENT_PAGE)
    attachment, signs = widget(page, "attachment-style"), widget(page, "trust-signs")
    expect(signs).to_have_attribute("data-widget-ready", "")

    answers = some_answers("attachment-style", seed=21)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    wait_for_ended(page, workers, 1)  # the shared worker is gone; the result stays on screen
    expect(attachment).to_have_attribute("data-state", "scored")

    attachment.locator("[data-action=clear]").click()
    expect(attachment).to_have_attribute("data-state", "idle")  # not "loading" for a dead worker
    expect(attachment.locator(".quiz__status")).to_have_text("Your answers were cleared.")
    expect(attachment.locator(".quiz__progress")).to_be_hidden()
    expect(attachment.locator(".quiz__result")).to_be_hidden()
    assert attachment.get_attribute("data-result") is None
    assert checked_answers(page, "attachment-style") == {}
    assert len(workers.started) == 1  # clearing starts nothing
    # The other quiz does not claim to be ready with a worker that is gone.
    expect(signs).not_to_have_attribute("data-state", re.compile("^(loading|ready|scoring)$"))

    # Both quizzes score again, with one new worker.
    answers = some_answers("attachment-style", seed=22)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    signs_answers = {"hope1": "on", "concern2": "on"}
    answer_with_mouse(page, "trust-signs", signs_answers)
    signs.locator("button[type=submit]").click()
    expect(signs).to_have_attribute("data-state", "scored", timeout=SCORING_TIMEOUT_MS)
    assert json.loads(signs.get_attribute("data-result") or "null") == cli_score("trust-signs", signs_answers)
    assert len(workers.started) == 2 and workers.ended == workers.started[:1]
