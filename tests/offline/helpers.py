"""Reading what the service worker keeps, from the page it serves."""

from __future__ import annotations

from playwright.sync_api import Page

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


def registrations(page: Page) -> int:
    return page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)")
