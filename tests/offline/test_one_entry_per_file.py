"""The service worker keeps one copy per file: an address's query and fragment are not part
of what it keeps, so a page opened at `…/#a-heading` or from a search result is kept once."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.offline.helpers import CONTROLLED, choose_offline_reading, kept_urls, wait_until_true
from tests.widget.quiz_reader import ATTACHMENT_PAGE, SIGNS_PAGE


def test_a_page_opened_at_a_fragment_is_kept_once_under_its_file_address(offline_reader: Page) -> None:
    reader = offline_reader
    choose_offline_reading(reader)
    reader.goto(SIGNS_PAGE)
    reader.wait_for_function(CONTROLLED)  # so that the next load goes through the worker's fetch path
    # A full load (not a same-page jump) of an address with a fragment, and one with search words.
    reader.goto(f"{ATTACHMENT_PAGE}?h=trust#trauma-history")
    reader.goto(SIGNS_PAGE)
    reader.goto(f"{ATTACHMENT_PAGE}#trauma-history")
    wait_until_true(reader, """async (path) => {
      for (const name of await caches.keys()) {
        const urls = (await (await caches.open(name)).keys()).map((request) => new URL(request.url));
        if (urls.some((url) => url.pathname === path)) return true;
      }
      return false;
    }""", f"/{ATTACHMENT_PAGE}")

    urls = kept_urls(reader)
    assert [url for url in urls if urlsplit(url).fragment or urlsplit(url).query] == []
    assert [url for url in urls if urlsplit(url).path == f"/{ATTACHMENT_PAGE}"] == [
        reader.evaluate("location.origin") + f"/{ATTACHMENT_PAGE}"]
