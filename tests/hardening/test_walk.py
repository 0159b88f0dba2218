"""One walk of every page, each loaded once, checks what every page owes the reader:

- it contacts no one but the site itself, and arrives with the strict policy (no CSP
  violation: the `page` fixture's watch fails the test on one);
- axe-core finds nothing in either colour scheme (test_accessibility.py checks each quiz's
  idle, failed and scored states, and the 320 px screen);
- a visible quick exit to the neutral site and a help link, still on screen after scrolling;
- a page without a quiz fetches no runtime and starts no worker, even scrolled to its end.

Then both quizzes are scored on the real runtime, the second one on the worker the first one
started (instant navigation), with the command line's results.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.conftest import BuiltSite
from tests.hardening.pages import site_pages
from tests.hardening.test_accessibility import AXE, SETTLED, violations_in_both_schemes
from tests.hardening.test_quick_exit import NEUTRAL
from tests.widget.quiz_reader import answer_with_mouse, cli_score, some_answers, submit_and_wait
from tests.widget.test_when_the_runtime_starts import SAVE_DATA

# Pages loading at once, each in its own tab: their waits overlap. Measured on 2 cores:
# 20 s one by one, 8 s eight at once (the walk alone, before axe joined it).
TABS = 8
# The walk in parts that xdist can run side by side, each part one batch of tabs.
PARTS = 4
STRICT_POLICY = "script-src 'self' 'wasm-unsafe-eval'"


@pytest.fixture
def walker(page: Page) -> Iterator[BrowserContext]:
    """The `page` fixture's context (watched for errors and CSP violations): the walk's tabs
    open in it."""
    assert AXE.exists(), "axe-core is missing: run `make install-test`"
    yield page.context


class Tab:
    """One page of the walk in its own tab, and what it fetched and started."""

    def __init__(self, context: BrowserContext, path: str) -> None:
        self.path, self.page = path, context.new_page()
        # Reduced motion: axe must see settled colours, not a button halfway through a transition.
        self.page.emulate_media(color_scheme="light", reduced_motion="reduce")
        self.requests: list[str] = []
        self.workers: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("worker", lambda worker: self.workers.append(worker.url))
        # As a browser saving data: a quiz starts its runtime only when touched, never here (the
        # quizzes are scored at the end of the walk, once), so eight tabs do not start eight runtimes.
        self.page.add_init_script(SAVE_DATA)
        self.page.add_init_script(path=str(AXE))  # an init script is not subject to the page's CSP
        self.page.goto(path, wait_until="commit")

    def problems(self) -> list[str]:
        """What this page owes the reader and does not do (axe is checked separately)."""
        page, found = self.page, []
        # The front tab: Chromium gives a background tab's scrolling and frames about one turn
        # a second, which made these checks take seconds per page.
        page.bring_to_front()
        exit_link = page.locator("[data-quick-exit]")
        expect(exit_link).to_be_visible()
        expect(exit_link).to_have_attribute("href", NEUTRAL)
        expect(page.locator(".safety-bar__help")).to_be_visible()
        page.mouse.wheel(0, 3000)
        expect(exit_link).to_be_in_viewport()  # stays on screen while reading
        page.mouse.wheel(0, 20_000)  # to the end: a page without a quiz must still start nothing
        if page.locator("[data-quiz]").count() == 0:
            # Without the widget's script nothing on the page can start the runtime.
            runtime = [url for url in self.requests
                       if "/assets/pyodide/" in url or url.endswith((".whl", "/widget.js", "/worker.js"))]
            found += [f"{self.path}: fetched {url} without a quiz" for url in runtime]
            found += [f"{self.path}: started {url} without a quiz" for url in self.workers if "/assets/quiz/" in url]
        return found


def watch_documents(context: BrowserContext) -> tuple[list[str], list[str | None]]:
    """Every request the context makes, and the CSP header of every document it loads."""
    requests: list[str] = []
    csp_headers: list[str | None] = []
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: csp_headers.append(response.headers.get("content-security-policy"))
               if response.request.resource_type == "document" else None)
    return requests, csp_headers


def assert_own_origin_and_strict_policy(requests: list[str], csp_headers: list[str | None], site_url: str) -> None:
    outside = sorted({url for url in requests if not url.startswith(site_url)})
    assert not outside
    assert csp_headers and all(header and STRICT_POLICY in header for header in csp_headers)


@pytest.mark.smoke  # in `make test-fast`: every page, both schemes
@pytest.mark.parametrize("part", range(PARTS))
def test_a_walk_of_every_page(part: int, walker: BrowserContext, site_build: BuiltSite, site_url: str) -> None:
    requests, csp_headers = watch_documents(walker)
    problems: list[str] = []
    # The built pages, not `built_site`: the walk need not wait for the PDF the session's build
    # exports after them (no page loads it).
    paths = site_pages(site_build.site_dir)[part::PARTS]
    for start in range(0, len(paths), TABS):
        tabs = [Tab(walker, path) for path in paths[start:start + TABS]]
        for tab in tabs:
            # Late requests (sitemap, search index) count too; a generous wait on a busy machine.
            tab.page.wait_for_load_state("networkidle", timeout=90_000)
            assert tab.page.evaluate(SETTLED), f"{tab.path}: a quiz was not enhanced"
        for tab, by_scheme in zip(tabs, violations_in_both_schemes([tab.page for tab in tabs]), strict=True):
            problems += [f"{tab.path} ({name}): {line}" for name, lines in by_scheme.items() for line in lines]
        for tab in tabs:
            problems += tab.problems()
            tab.page.close()
    assert not problems, "\n".join(problems)
    assert len(csp_headers) >= len(paths)  # the staff page frames embed pages too
    assert_own_origin_and_strict_policy(requests, csp_headers, site_url)


@pytest.mark.smoke  # in `make test-fast`: both quizzes on the real runtime
def test_both_quizzes_score_on_the_real_runtime_under_the_policy(page: Page, site_url: str) -> None:
    requests, csp_headers = watch_documents(page.context)
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto("attachment-and-trauma/")
    answers = some_answers("attachment-style", seed=8)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    # On to the next chapter as a reader goes (instant navigation): the second quiz runs on the
    # worker the first one started, so the runtime and the wheel are fetched once.
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(re.compile(r"/signs-of-rebuilding/(#.*)?$"))  # navigation.tracking may add a hash
    answer_with_mouse(page, "trust-signs", {"hope5": "on", "safety3": "on"})
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", {"hope5": "on", "safety3": "on"})
    assert len([url for url in workers if "/assets/quiz/" in url]) == 1
    # The worker checks the runtime's files through its own fetch only while it starts.
    (quiz_worker,) = [worker for worker in page.workers if "/assets/quiz/" in worker.url]
    assert quiz_worker.evaluate("[self.fetch.name, String(self.fetch).includes('[native code]')]") == ["fetch", True]
    assert any(url.endswith(".wasm") for url in requests) and any(url.endswith(".whl") for url in requests)
    # Every page arrived with the strict policy, and the quizzes scored under it.
    assert_own_origin_and_strict_policy(requests, csp_headers, site_url)
