"""axe-core (WCAG 2.2 AA rules) finds nothing on any page, in either colour scheme, in any quiz state."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import ROOT
from tests.hardening.pages import site_pages
from tests.widget.quiz_reader import answer_with_mouse, some_answers, submit_and_wait, widget

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Iterator[Page]:
    """A page whose browser prefers one colour scheme, with axe-core injected on every load."""
    assert AXE.exists(), "axe-core is missing: run `make install-test`"
    # Reduced motion: axe must see settled colours, not a button halfway through a transition.
    context = browser.new_context(base_url=site_url, color_scheme=request.param, reduced_motion="reduce")
    # An init script is not subject to the page's CSP, unlike an added <script> tag.
    context.add_init_script(path=str(AXE))
    yield context.new_page()
    context.close()


def violations(page: Page) -> list[str]:
    found = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
             .violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3)
               .map((n) => n.target.join(" ")).join(" | ")}`)""",
        WCAG_AA,
    )
    return found


def test_every_page_passes_in_both_schemes(scheme_page: Page, built_site: Path) -> None:
    problems = {}
    for path in site_pages(built_site):
        scheme_page.goto(path)
        scheme_page.wait_for_load_state("networkidle")
        found = violations(scheme_page)
        if found:
            problems[path] = found
    assert not problems, "\n".join(f"{path}: {line}" for path, lines in problems.items() for line in lines)


@pytest.mark.parametrize("quiz_id, path", [("attachment-style", "attachment-and-trauma/"),
                                           ("trust-signs", "signs-of-rebuilding/")])
def test_each_quiz_passes_when_idle_failed_and_scored(scheme_page: Page, quiz_id: str, path: str) -> None:
    page = scheme_page
    page.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.abort())
    page.goto(path)
    assert violations(page) == [], "idle"
    answers = some_answers(quiz_id, seed=7) if quiz_id == "attachment-style" else {"hope1": "on", "safety1": "on"}
    answer_with_mouse(page, quiz_id, answers)
    widget(page, quiz_id).locator("button[type=submit]").click()
    expect(widget(page, quiz_id)).to_have_attribute("data-state", "error", timeout=60_000)
    assert violations(page) == [], "error"
    page.unroute(re.compile(r".*/assets/pyodide/.*"))
    page.reload()
    submit_and_wait(page, quiz_id)
    assert violations(page) == [], "scored"


def test_quiz_pages_fit_a_320_pixel_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["attachment-and-trauma/", "signs-of-rebuilding/", "help-now/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
