"""A kept page opens from the cache when the network does not answer at all (a connection
that hangs rather than fails): after the service worker's network timeout, not never."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Page, Route, expect

from tests.offline.helpers import CONTROLLED, PRIVACY_PAGE, choose_offline_reading, wait_until_kept

PAGE = "science-of-trust/"
NETWORK_TIMEOUT_S = 3.5  # service-worker.js: NETWORK_TIMEOUT_MS


def test_a_kept_page_is_served_from_the_cache_after_the_network_timeout(offline_reader: Page) -> None:
    page = offline_reader
    choose_offline_reading(page)
    page.goto(PAGE)
    heading = page.locator("h1").first.inner_text()
    wait_until_kept(page, f"/{PAGE}")
    page.goto(PRIVACY_PAGE)
    page.wait_for_function(CONTROLLED)

    held: list[Route] = []
    # The service worker's fetch of the page hangs, never answered. (Instant navigation's
    # fetch, which the worker makes again: a full load's navigation preload is the browser's
    # own request, which Playwright cannot hold.)
    page.context.route(re.compile(rf".*/{re.escape(PAGE)}(index\.html)?$"), lambda route: held.append(route))
    started = time.monotonic()
    page.locator(f'a.md-nav__link[href$="{PAGE}"]').first.click()
    expect(page.locator("h1").first).to_have_text(heading, timeout=15_000)
    waited = time.monotonic() - started
    assert held, "the request for the page never reached the network"
    assert waited >= NETWORK_TIMEOUT_S - 0.5, f"served after {waited:.1f} s: not the network timeout"
    assert waited < NETWORK_TIMEOUT_S + 8, f"served after {waited:.1f} s"
