"""Honest waiting: a progress bar driven by the bytes that arrive, and a start that fails only
when the download stalls (nothing for 20 s), however slow it is otherwise."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.widget.quiz_reader import SIGNS_PAGE, checked_answers, widget

# A first-time reader's browser: the runtime in no cache (its bytes are what the progress bar
# counts), and a clock for the page's context alone.
pytestmark = pytest.mark.fresh_context

STALL_S = 20  # widget.js: STALL_TIMEOUT_MS
# What Pyodide's loader downloads once the runtime's modules are in: the lockfile, the standard
# library and the WebAssembly, all at once.
LOADER_DOWNLOADS = re.compile(r".*/(pyodide-lock\.json|[^/]+\.zip|pyodide\.asm\.wasm)$")


def runtime_bytes(site: Path) -> int:
    """What the worker downloads from the runtime folder, uncompressed (the test server sends it so)."""
    (folder,) = (site / "assets" / "pyodide").iterdir()
    return sum(path.stat().st_size for path in folder.iterdir())


def test_a_stalled_download_fails_within_the_stall_timeout_and_keeps_the_answers(page: Page) -> None:
    # The page's clock is Playwright's: the stall timer runs in the page, so jumping its clock
    # forward shows when it fires without waiting 20 s (the worker's own clock is untouched).
    page.clock.install()
    held: list[Route] = []
    # Every one of them hangs, never answered: were one to go on arriving, each of its progress
    # reports would restart the stall timer, and the jumps below would measure from the wrong time.
    page.route(LOADER_DOWNLOADS, lambda route: held.append(route))
    page.goto(SIGNS_PAGE)
    root = widget(page, "trust-signs")
    answers = {"hope1": "on", "hope2": "on", "concern1": "on"}
    for name in answers:
        root.locator(f'input[name="{name}"]').locator("xpath=..").click()
    expect(root).to_have_attribute("data-state", "loading")
    for _ in range(600):  # the route handler runs on this thread, between these short waits
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the runtime was never requested"

    page.clock.fast_forward((STALL_S - 1) * 1000)
    expect(root).to_have_attribute("data-state", "loading")  # a second before the stall timeout
    page.clock.fast_forward(2000)
    expect(root).to_have_attribute("data-state", "error")  # and a second after it
    expect(root.locator(".quiz__status")).to_contain_text("Your answers are still here")
    expect(root.locator("details.quiz__key")).to_have_attribute("open", "")
    expect(root.locator(".quiz__progress")).to_be_hidden()
    assert checked_answers(page, "trust-signs") == answers


def test_a_slow_download_that_keeps_going_finishes_and_shows_its_progress(page: Page, built_site: Path) -> None:
    # The download is throttled to about 8 s, and the page's clock (Playwright's) is jumped
    # ahead as it goes, so that in the page's time it takes several times the stall timeout,
    # with bytes arriving all the while (the worker reports them in its own, real, time).
    seconds = 8
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 100, "downloadThroughput": runtime_bytes(built_site) / seconds,
        "uploadThroughput": 100_000})
    page.clock.install()
    # Up to the parsed page and its scripts (the widget among them), not its load event: once in a
    # CI run under the throttle, `load` never came within 60 s, and nothing here needs it.
    page.goto(SIGNS_PAGE, wait_until="domcontentloaded", timeout=60_000)
    root = widget(page, "trust-signs")
    root.locator('input[name="hope1"]').locator("xpath=..").click()
    started_real, started_page = time.monotonic(), page.evaluate("Date.now()")
    bar = root.locator(".quiz__progress")
    expect(bar).to_be_visible(timeout=10_000)

    seen: list[float] = []
    announced: set[str] = set()
    while root.get_attribute("data-state") == "loading" and time.monotonic() - started_real < 120:
        value, maximum = bar.evaluate("(bar) => [bar.value, bar.max]")
        seen.append(value / maximum)
        announced.add(root.locator(".quiz__status").inner_text())
        page.wait_for_timeout(250)
        page.clock.fast_forward(1500)  # the page's time runs about seven times as fast as ours
    assert root.get_attribute("data-state") == "ready", root.locator(".quiz__status").inner_text()
    took = (page.evaluate("Date.now()") - started_page) / 1000
    assert took > 2 * STALL_S, f"the download took {took:.0f} s of the page's time: too fast to prove anything"
    # The bar moved forward many times, never back, from near 0 to near the end.
    assert seen == sorted(seen) and len(set(seen)) >= 10 and seen[0] < 0.3 and seen[-1] > 0.7, seen
    percents = {int(match) for text in announced for match in re.findall(r"(\d+)%", text)}
    assert {0, 25, 50, 75} <= percents, announced  # announced every quarter, not every chunk
    expect(bar).to_be_hidden()
    expect(root.locator(".quiz__status")).to_contain_text("Ready")
