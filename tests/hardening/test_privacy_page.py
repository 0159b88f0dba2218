"""The privacy page's table of what is stored matches what a real visit leaves in the browser."""

from __future__ import annotations

import html
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.hardening.pages import stored_by_the_site
from tests.offline.helpers import kept, wait_until_kept
from tests.widget.quiz_reader import (
    SCORING_TIMEOUT_MS,
    answer_with_mouse,
    quiz_items,
    widget,
)

STORES = {"This tab's session storage": "session", "Your browser's local storage": "local",
          "Your browser's service workers": "service workers", "Your browser's cache storage": "caches"}


def documented_names(built_site: Path) -> dict[str, list[str]]:
    """{store: [names]} from the rows of the privacy page's storage table."""
    page = (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="stored"'):page.index('id="quick-exit"')]
    names: dict[str, list[str]] = {store: [] for store in STORES.values()}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                 for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
        if cells:
            names[STORES[cells[0]]].append(cells[1])
    return names


def matches(name: str, key: str) -> bool:
    """`<…>` in a documented name stands for any quiz id, site path or version."""
    pattern = re.sub(r"<[^>]+>", "[A-Za-z0-9/._-]+", re.escape(name).replace("\\<", "<").replace("\\>", ">"))
    return re.fullmatch(pattern, key) is not None


def safety_item_ids() -> list[str]:
    return [item["id"] for item in quiz_items("trust-signs") if item.get("triggers_safety")]


def test_a_visit_stores_exactly_what_the_privacy_page_lists(offline_reader: Page, built_site: Path) -> None:
    page = offline_reader
    documented = documented_names(built_site)
    assert documented == {"session": ["quiz-answers:<quiz id>"], "local": ["/.__palette"],
                          "service workers": ["service-worker.js"],
                          "caches": ["rebuilding-trust:<site>:site:<version>", "rebuilding-trust:<site>:runtime:<version>"]}

    page.goto("attachment-and-trauma/")
    answer_with_mouse(page, "attachment-style", {"anx1": "3", "avo1": "5"})
    page.locator('label[title="Switch to dark mode"]').click()
    page.goto("signs-of-rebuilding/")
    answer_with_mouse(page, "trust-signs", {"hope1": "on", "safety1": "on", "concern4": "on"})
    expect(widget(page, "trust-signs")).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    wait_until_kept(page, "/signs-of-rebuilding/", ".wasm")
    workers = page.evaluate("navigator.serviceWorker.getRegistrations()"
                            ".then((found) => found.map((registration) => registration.active.scriptURL))")
    kept_files = kept(page)
    stored = stored_by_the_site(page)
    stored["service workers"] = [url.rsplit("/", 1)[1] for url in workers]

    for store in ("session", "local", "service workers", "caches"):
        undocumented = [key for key in stored[store] if not any(matches(name, key) for name in documented[store])]
        assert undocumented == [], f"{store} holds names the privacy page does not list"
        assert all(any(matches(name, key) for key in stored[store]) for name in documented[store])
    assert page.context.cookies() == []
    # "Copies of the pages and files of this guide": each kept address is a file of the site.
    for url in [url for urls in kept_files.values() for url in urls]:
        path = url.split("://", 1)[1].split("/", 1)[1].split("?")[0].split("#")[0]
        assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), url
    # "Answers to the safety questions are never stored."
    assert "hope1" in stored["session"]["quiz-answers:trust-signs"]
    for item_id in safety_item_ids():
        assert item_id not in " ".join(stored["session"].values()), item_id


def test_the_colour_setting_is_written_on_page_load_without_a_switch(page: Page) -> None:
    page.goto("./")
    assert list(stored_by_the_site(page)["local"]) == ["/.__palette"]
