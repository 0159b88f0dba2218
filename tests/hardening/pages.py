"""The pages of the built site, as URLs relative to its root, and what the site stores."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

# Not a page of the site: the test server's plain 404 page, which runs no script, so it reads
# the origin's storage as a visit left it (a page of the site would write Material's palette).
STORAGE_PROBE = "storage-probe.txt"
_READ_STORAGE = """async () => ({
  session: Object.fromEntries(Object.entries(sessionStorage)),
  local: Object.fromEntries(Object.entries(localStorage)),
  caches: await caches.keys(),
})"""


def site_pages(site: Path) -> list[str]:
    """Every page a reader can reach: each folder's index.html (the 404 page excluded)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        if not folder.startswith("assets"):
            pages.append("./" if folder == "." else f"{folder}/")
    return pages


def stored_by_the_site(page: Page) -> dict:
    """What the origin keeps for this tab: {"session": {key: value}, "local": {...}, "caches": [names]}.

    Read from a page of the origin that runs no script; the tab is left on that page.
    """
    page.goto(STORAGE_PROBE)
    assert page.locator("script").count() == 0
    return page.evaluate(_READ_STORAGE)
