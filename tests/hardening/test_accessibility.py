"""axe-core (WCAG 2.2 AA rules) finds nothing on any page, in either colour scheme, in any quiz state.

Every page is checked by the one walk of all pages (test_walk.py); this file holds how axe
runs there, and checks each quiz when idle, failed and scored, and the 320 px screen.

Each page is loaded once and checked in both schemes: the scheme is switched in the loaded
page the way the site switches it (Material's toggle; on embed pages, which have none, the
attribute Material's stored palette sets), since the site's colours follow that attribute
only. The quiz widget's result is drawn by CSS alone, so a switch after scoring shows what
a reader who scored in that scheme sees. (The staff page's preview frames keep the scheme
they loaded in; each embed page is also checked on its own, in both.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import ROOT
from tests.widget.quiz_reader import answer_with_mouse, some_answers, submit_and_wait, widget
from tests.widget.stub_worker import use_stub_worker

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA, plus axe's best practices (unique landmarks, one h1, …), which Lighthouse also applies.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
TABS = 8  # pages loading at once: on a busy 2-core machine, 25 s one by one, 19 s eight at once
# Instead of waiting for an idle network: what must be done before the page is as a reader sees it.
SETTLED = """async () => {
  await document.fonts.ready;
  return [...document.querySelectorAll("[data-quiz]")].every((quiz) => quiz.dataset.enhanced === "true");
}"""
# Started in every tab at once, awaited one by one: axe in the page's scheme, then in the other.
# The scheme switches as the reader's toggle switches it (a click on its label, which Material
# answers), or on embed pages, which have no toggle, as Material applies a stored palette.
START_CHECK = """(tags) => {
  const body = document.body;
  const axeFindings = async () => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
    .violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3)
      .map((n) => n.target.join(" ")).join(" | ")}`);
  const switchScheme = async () => {
    const other = body.dataset.mdColorScheme === "slate" ? "default" : "slate";
    const toggle = document.querySelector('form[data-md-component="palette"] label:not([hidden])');
    if (toggle) toggle.click();
    else body.setAttribute("data-md-color-scheme", other);
    // Material marks the body while it switches and unmarks it on a later animation frame.
    for (let frame = 0; frame < 120; frame++) {
      if (body.dataset.mdColorScheme === other && !body.hasAttribute("data-md-color-switching")) return;
      await new Promise(requestAnimationFrame);
    }
    throw new Error(`the colour scheme did not switch to ${other}`);
  };
  window.__axeInBothSchemes = (async () => {
    const found = {};
    for (let check = 0; check < 2; check++) {
      found[body.dataset.mdColorScheme] = await axeFindings();
      await switchScheme();
    }
    return found;
  })();
}"""
SCHEMES = {"default": "light", "slate": "dark"}  # Material's names, the reader's


@pytest.fixture
def axe_context(browser: Browser, site_url: str) -> Iterator[BrowserContext]:
    """A context whose pages have axe-core injected on every load, preferring the light scheme."""
    assert AXE.exists(), "axe-core is missing: run `make install-test`"
    # Reduced motion: axe must see settled colours, not a button halfway through a transition.
    # No service worker: a test that blocks the runtime must block it, not find it kept.
    context = browser.new_context(base_url=site_url, color_scheme="light", reduced_motion="reduce",
                                  service_workers="block")
    # An init script is not subject to the page's CSP, unlike an added <script> tag.
    context.add_init_script(path=str(AXE))
    yield context
    context.close()


def violations_in_both_schemes(pages: list[Page]) -> list[dict[str, list[str]]]:
    """For each loaded page: {"light": [...], "dark": [...]}, axe's findings in each scheme;
    the pages end in the scheme they started in."""
    for tab in pages:
        tab.evaluate(START_CHECK, AXE_TAGS)
    found = [tab.evaluate("() => window.__axeInBothSchemes") for tab in pages]
    assert all(set(by_scheme) == set(SCHEMES) for by_scheme in found), found
    return [{SCHEMES[name]: lines for name, lines in by_scheme.items()} for by_scheme in found]


@pytest.mark.parametrize("quiz_id, path", [("attachment-style", "attachment-and-trauma/"),
                                           ("trust-signs", "signs-of-rebuilding/")])
def test_each_quiz_passes_when_idle_failed_and_scored(axe_context: BrowserContext, quiz_id: str, path: str) -> None:
    page = axe_context.new_page()
    page.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.abort())
    page.goto(path)
    assert violations_in_both_schemes([page]) == [{"light": [], "dark": []}], "idle"
    answers = some_answers(quiz_id, seed=7) if quiz_id == "attachment-style" else {"hope1": "on", "safety1": "on"}
    answer_with_mouse(page, quiz_id, answers)
    widget(page, quiz_id).locator("button[type=submit]").click()
    expect(widget(page, quiz_id)).to_have_attribute("data-state", "error", timeout=60_000)
    assert violations_in_both_schemes([page]) == [{"light": [], "dark": []}], "error"
    page.unroute(re.compile(r".*/assets/pyodide/.*"))
    # What axe reads is the result the widget renders: the stand-in worker gives it (CPython's
    # score_json) without a Pyodide start; the walk scores both quizzes on the real runtime.
    stub = use_stub_worker(axe_context)
    page.reload()
    submit_and_wait(page, quiz_id)
    assert violations_in_both_schemes([page]) == [{"light": [], "dark": []}], "scored"
    assert stub.asked and not stub.runtime_fetched


def test_quiz_pages_fit_a_320_pixel_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["attachment-and-trauma/", "signs-of-rebuilding/", "step-by-step/", "what-not-to-do/", "help-now/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
