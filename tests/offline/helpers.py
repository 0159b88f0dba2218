"""Choosing offline reading as a reader does, and reading what the service worker keeps,
from the page it serves."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

PRIVACY_PAGE = "privacy/"
KEEP = "Keep this guide on this device for offline reading"
STOP = "Stop keeping this guide on this device"

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
_KEPT = """async () => {
  const kept = {};
  for (const name of await caches.keys()) {
    kept[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
  }
  return kept;
}"""


def kept(page: Page) -> dict[str, list[str]]:
    """{cache name: [URLs]} of every cache of the page's origin."""
    return page.evaluate(_KEPT)


def kept_urls(page: Page) -> list[str]:
    return [url for urls in kept(page).values() for url in urls]


def wait_until_kept(page: Page, *endings: str, timeout_s: float = 30) -> None:
    """Wait until a kept URL ends with each of `endings` (the keeping happens in the background)."""
    missing: list[str] = list(endings)
    for _ in range(int(timeout_s * 10)):
        urls = kept_urls(page)
        missing = [ending for ending in endings if not any(url.endswith(ending) for url in urls)]
        if not missing:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never kept: {missing}")


def wait_until_true(page: Page, script: str, arg: object = None, timeout_s: float = 30) -> None:
    """Poll `script` (which may return a promise) until it is true. Playwright's
    `wait_for_function` does not wait for a promise: a pending one counts as true at once."""
    for _ in range(int(timeout_s * 10)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true within {timeout_s} s: {script}")


def registrations(page: Page) -> int:
    return page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)")


def offline_button(page: Page) -> Locator:
    """The privacy page's offline reading button, whatever it says now."""
    return page.locator("[data-offline-choice] button")


def choose_offline_reading(page: Page) -> None:
    """Press "Keep this guide on this device for offline reading" on the privacy page, as a
    reader does, and wait until the service worker serves that page."""
    page.goto(PRIVACY_PAGE)
    page.get_by_role("button", name=KEEP).click()
    expect(page.get_by_role("button", name=STOP)).to_be_visible()
    page.wait_for_function(CONTROLLED)
