"""A kept page opens from the cache when the network does not answer at all (a connection
that hangs rather than fails): after the service worker's network timeout, not never."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, Route, expect

from tests.offline.helpers import CONTROLLED, choose_offline_reading, wait_until_kept

PAGE = "science-of-trust/"
NETWORK_TIMEOUT_S = 3.5  # service-worker.js: NETWORK_TIMEOUT_MS


def test_a_kept_page_is_served_from_the_cache_after_the_network_timeout(offline_reader: Page) -> None:
    page = offline_reader
    choose_offline_reading(page)
    page.goto(PAGE)
    heading = page.locator("h1").first.inner_text()
    wait_until_kept(page, f"/{PAGE}")

    held: list[Route] = []
    # Every request for the page hangs: the browser's navigation preload and the worker's fetch.
    page.context.route(re.compile(rf".*/{re.escape(PAGE)}(index\.html)?$"), lambda route: held.append(route))
    started = time.monotonic()
    page.goto(PAGE, timeout=15_000)
    waited = time.monotonic() - started
    expect(page.locator("h1").first).to_have_text(heading)
    assert page.evaluate(CONTROLLED)
    assert held, "the request for the page never reached the network"
    assert waited >= NETWORK_TIMEOUT_S - 0.5, f"served after {waited:.1f} s: not the network timeout"
    assert waited < NETWORK_TIMEOUT_S + 8, f"served after {waited:.1f} s"
