"""A reader in Chromium: instant navigation to the next page, and search."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_next_page_loads_through_instant_navigation(page: Page) -> None:
    page.goto("./")
    expect(page.locator("h1")).to_have_text(re.compile("Rebuilding Trust in a Relationship"))
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    # A full page load would wipe this; instant navigation swaps the content in place.
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(re.compile(r"/why-trust-matters/(#[\w-]+)?$"))  # section tracking may add a #fragment
    expect(page.locator("h1")).to_have_text(re.compile(r"^Why Trust Matters And Why It Hurts When It Breaks\?"))
    assert page.evaluate("window.__sameDocument === true")
    # "Where am I": the nav marks the current page.
    expect(page.locator(".md-nav__link--active").first).to_have_text(re.compile("Why trust matters"))


def test_search_finds_boundaries(page: Page) -> None:
    page.goto("./")
    page.keyboard.press("/")  # Material's search shortcut
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("boundaries")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text("Step 4: Create New Boundaries and Agreements")
    page.locator(".md-search-result__link", has_text="Boundaries").first.click()
    expect(page).to_have_url(re.compile(r"/step-by-step/"))


def test_only_the_sites_own_origin_is_contacted(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("./")
    page.locator("a.md-footer__link--next").click()
    page.keyboard.press("/")
    page.keyboard.type("trust")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents")
    assert requests and all(url.startswith(site_url) for url in requests), requests
