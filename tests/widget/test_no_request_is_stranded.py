"""Every scoring request ends: cleared, failed in Python, or lost with its worker, never stuck.

The runtime is slowed, broken or crashed from outside, with page.route, as a slow network, a
broken host or a crashing worker would: the widget's code runs unchanged.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import Locator, Page, Route, Worker, expect

from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SCORING_TIMEOUT_MS,
    SIGNS_PAGE,
    answer_and_expect_failure,
    answer_with_mouse,
    checked_answers,
    cli_score,
    count_worker_replies,
    replies_handled,
    some_answers,
    submit_and_wait,
    widget,
)

RUNTIME_WASM = re.compile(r".*/assets/pyodide/[^/]+/pyodide\.asm\.wasm$")
QUIZ_WORKER = re.compile(r".*/assets/quiz/[^/]+/worker\.js$")
SETTLED = re.compile(r"^(ready|scored|error)$")  # anything but idle, loading or scoring


class Held:
    """Requests for `pattern` held back (a very slow network) until `release()`."""

    def __init__(self, page: Page, pattern: re.Pattern[str]) -> None:
        self.page, self.routes, self.released = page, [], False
        page.route(pattern, self.hold)

    def hold(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)  # answered in release()

    def release(self) -> None:
        """Wait for the held request to be made, then let it, and every later one, through."""
        for _ in range(300):
            if self.routes:
                break
            self.page.wait_for_timeout(100)
        assert self.routes, "the held request was never made"
        self.released = True
        for route in self.routes:
            route.continue_()


def submit_and_settle(root: Locator) -> str:
    """Submit and wait until the widget is done with the request; its data-state then."""
    root.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", SETTLED, timeout=SCORING_TIMEOUT_MS)
    return root.get_attribute("data-state") or ""


class QuizWorkers:
    """The quiz workers the page starts, and those that ended (a dead one is terminated)."""

    def __init__(self, page: Page) -> None:
        self.started: list[Worker] = []
        self.ended: list[Worker] = []
        page.on("worker", self.on_worker)

    def on_worker(self, worker: Worker) -> None:
        if "/assets/quiz/" in worker.url:
            self.started.append(worker)
            worker.on("close", self.on_close)

    def on_close(self, worker: Worker) -> None:
        self.ended.append(worker)


def test_clear_during_a_cold_start_leaves_no_result(page: Page) -> None:
    runtime = Held(page, RUNTIME_WASM)
    count_worker_replies(page)
    page.goto(ATTACHMENT_PAGE)
    root = widget(page, "attachment-style")
    answer_with_mouse(page, "attachment-style", some_answers("attachment-style", seed=7))
    root.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", "scoring")
    root.locator("[data-action=clear]").click()  # while the runtime is still on its way
    assert checked_answers(page, "attachment-style") == {}
    runtime.release()

    expect(root).to_have_attribute("data-state", SETTLED, timeout=SCORING_TIMEOUT_MS)
    replies_handled(page, 1)  # the late reply to the cleared answers came, and was dropped
    expect(root).to_have_attribute("data-state", "ready")
    assert root.get_attribute("data-result") is None
    expect(root.locator(".quiz__result")).to_be_hidden()
    expect(root.locator(".quiz__result")).to_be_empty()
    assert checked_answers(page, "attachment-style") == {}

    # The widget is usable: new answers get their own result.
    answers = some_answers("attachment-style", seed=8)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_settle(root) == "scored"
    assert json.loads(root.get_attribute("data-result")) == cli_score("attachment-style", answers)


def serve_with_an_unknown_quiz(route: Route) -> None:
    """The signs page as a build whose quiz the wheel does not know: score_json raises KeyError."""
    response = route.fetch()
    body = response.text().replace('data-quiz="trust-signs"', 'data-quiz="no-such-quiz"')
    route.fulfill(response=response, body=body)


def test_a_python_error_fails_only_its_own_request(page: Page) -> None:
    workers = QuizWorkers(page)
    page.route(re.compile(r".*/signs-of-rebuilding/(index\.html)?$"), serve_with_an_unknown_quiz)
    runtime = Held(page, RUNTIME_WASM)
    page.goto(SIGNS_PAGE)
    page.wait_for_load_state("networkidle")
    # While the runtime loads: a request Python will fail on this page …
    answer_with_mouse(page, "no-such-quiz", {"hope1": "on"})
    widget(page, "no-such-quiz").locator("button[type=submit]").click()
    expect(widget(page, "no-such-quiz")).to_have_attribute("data-state", "scoring")
    # … and a good one on the next page (instant navigation), both waiting for the same worker.
    page.locator("a.md-footer__link--prev").click()
    expect(page).to_have_url(re.compile(ATTACHMENT_PAGE))
    answers = some_answers("attachment-style", seed=9)
    answer_with_mouse(page, "attachment-style", answers)
    root = widget(page, "attachment-style")
    root.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", "scoring")
    runtime.release()

    expect(root).to_have_attribute("data-state", SETTLED, timeout=SCORING_TIMEOUT_MS)
    assert root.get_attribute("data-state") == "scored", root.locator(".quiz__status").inner_text()
    assert json.loads(root.get_attribute("data-result")) == cli_score("attachment-style", answers)

    # The failing quiz, on its own, fails kindly and keeps its answers (those kept from before) …
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(re.compile(SIGNS_PAGE))
    failing = widget(page, "no-such-quiz")
    expect(failing).to_have_attribute("data-state", "ready")  # joined the running worker
    answer_with_mouse(page, "no-such-quiz", {"concern1": "on"})
    assert submit_and_settle(failing) == "error"
    expect(failing.locator(".quiz__status")).to_contain_text("Your answers are still here")
    assert failing.get_attribute("data-result") is None
    assert checked_answers(page, "no-such-quiz") == {"hope1": "on", "concern1": "on"}
    # … and the same worker still scores the next good request.
    page.locator("a.md-footer__link--prev").click()
    expect(page).to_have_url(re.compile(ATTACHMENT_PAGE))
    answers = some_answers("attachment-style", seed=10)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    assert len(workers.started) == 1 and not workers.ended


def test_a_failed_start_is_tried_again_with_a_new_worker(page: Page) -> None:
    workers = QuizWorkers(page)
    broken = re.compile(r".*/assets/pyodide/.*")
    page.route(broken, lambda route: route.fulfill(status=500, body="gone"))
    page.goto(SIGNS_PAGE)
    answers = {"hope2": "on", "concern3": "on"}
    answer_and_expect_failure(page, "trust-signs", answers)
    expect(widget(page, "trust-signs").locator("details.quiz__key")).to_have_attribute("open", "")
    failed = len(workers.started)  # the start failed while answering, and again on "See my result"

    page.unroute(broken)  # the host is back: the reader's next click tries again
    root = widget(page, "trust-signs")
    assert submit_and_settle(root) == "scored", root.locator(".quiz__status").inner_text()
    assert json.loads(root.get_attribute("data-result")) == cli_score("trust-signs", answers)
    assert len(workers.started) == failed + 1
    assert workers.ended == workers.started[:-1]  # every failed one was ended


def crashing_worker(route: Route) -> None:
    """The real worker, except that a score request crashes it: an error event after "ready"."""
    response = route.fetch()
    crash = ('self.addEventListener("message", (event) => {\n'
             '  if (event.data.type !== "score") return;\n'
             '  event.stopImmediatePropagation();\n'
             '  throw new Error("the worker crashed while scoring");\n'
             '});\n')
    route.fulfill(response=response, body=crash + response.text())


def test_a_worker_that_dies_while_scoring_is_replaced_on_the_next_attempt(page: Page) -> None:
    workers = QuizWorkers(page)
    page.route(QUIZ_WORKER, crashing_worker, times=1)  # only the first worker crashes
    page.goto(SIGNS_PAGE)
    answers = {"hope3": "on"}
    answer_and_expect_failure(page, "trust-signs", answers)

    root = widget(page, "trust-signs")
    assert submit_and_settle(root) == "scored", root.locator(".quiz__status").inner_text()
    assert json.loads(root.get_attribute("data-result")) == cli_score("trust-signs", answers)
    assert len(workers.started) == 2
    assert workers.ended == workers.started[:1]  # the crashed one was ended

