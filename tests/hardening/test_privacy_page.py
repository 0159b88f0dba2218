"""The privacy page's lists of what is stored match what a real visit leaves in the browser, and
what choosing offline reading adds; they read at 320 px."""

from __future__ import annotations

import html
import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.hardening.pages import stored_by_the_site
from tests.offline.helpers import choose_offline_reading, kept, registrations, wait_until_kept
from tests.widget.quiz_reader import (
    SCORING_TIMEOUT_MS,
    answer_with_mouse,
    quiz_items,
    widget,
)

STORES = {"this tab's session storage": "session", "your browser's service workers": "service workers",
          "your browser's cache storage": "caches"}
SECTIONS = {"every visit": ('id="stored-every-visit"', 'id="stored-offline"'),
            "offline": ('id="stored-offline"', 'id="offline"')}


def documented_names(built_site: Path) -> dict[str, dict[str, list[str]]]:
    """{section: {store: [names]}} from the privacy page's lists of what is stored: each entry
    is `<dt><code>name</code>, in store</dt>`, under "every visit" or "offline"."""
    page = (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    documented: dict[str, dict[str, list[str]]] = {}
    for section, (start, end) in SECTIONS.items():
        part = page[page.index(start):page.index(end)]
        names: dict[str, list[str]] = {}
        for name, store in re.findall(r"<dt><code>(.*?)</code>, in (.*?)</dt>", part, re.DOTALL):
            names.setdefault(STORES[html.unescape(store)], []).append(html.unescape(name))
        assert part.count("<dt>") == sum(len(found) for found in names.values()), f"an entry of {section} unread"
        documented[section] = names
    return documented


def matches(name: str, key: str) -> bool:
    """`<…>` in a documented name stands for any quiz id, site path or version."""
    pattern = re.sub(r"<[^>]+>", "[A-Za-z0-9/._-]+", re.escape(name).replace("\\<", "<").replace("\\>", ">"))
    return re.fullmatch(pattern, key) is not None


def safety_item_ids() -> list[str]:
    return [item["id"] for item in quiz_items("trust-signs") if item.get("triggers_safety")]


def visit_both_quizzes_in_the_dark(page: Page) -> None:
    page.goto("attachment-and-trauma/")
    answer_with_mouse(page, "attachment-style", {"anx1": "3", "avo1": "5"})
    page.locator('label[title="Switch to dark mode"]').click()
    page.goto("signs-of-rebuilding/")
    answer_with_mouse(page, "trust-signs", {"hope1": "on", "safety1": "on", "concern4": "on"})
    expect(widget(page, "trust-signs")).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)


def assert_stored_as_listed(stored: dict, documented: dict[str, list[str]], stores: tuple[str, ...]) -> None:
    for store in stores:
        undocumented = [key for key in stored[store] if not any(matches(name, key) for name in documented[store])]
        assert undocumented == [], f"{store} holds names the privacy page does not list"
        assert all(any(matches(name, key) for key in stored[store]) for name in documented[store]), store


def assert_no_safety_answer(stored: dict) -> None:
    """The privacy page: "Answers to the safety questions are never stored."."""
    assert "hope1" in stored["session"]["quiz-answers:trust-signs"]
    for item_id in safety_item_ids():
        assert item_id not in " ".join(stored["session"].values()), item_id


def test_a_plain_visit_stores_exactly_what_the_privacy_page_lists(offline_reader: Page, built_site: Path) -> None:
    page = offline_reader
    documented = documented_names(built_site)
    assert documented["every visit"] == {"session": ["quiz-answers:<quiz id>", "/.__palette"]}

    visit_both_quizzes_in_the_dark(page)
    page.goto("privacy/")
    page.wait_for_timeout(1500)  # to show that no service worker registers meanwhile (it did in ~0.2 s)
    workers = registrations(page)
    stored = stored_by_the_site(page)

    assert_stored_as_listed(stored, documented["every visit"], ("session",))
    assert stored["local"] == {} and stored["caches"] == [] and workers == 0
    assert page.context.cookies() == []
    assert_no_safety_answer(stored)


def test_choosing_offline_reading_adds_exactly_what_the_privacy_page_lists(offline_reader: Page,
                                                                           built_site: Path) -> None:
    page = offline_reader
    documented = documented_names(built_site)
    assert documented["offline"] == {
        "service workers": ["service-worker.js"],
        "caches": ["rebuilding-trust:<site>:site:<version>", "rebuilding-trust:<site>:runtime:<version>"]}

    choose_offline_reading(page)
    visit_both_quizzes_in_the_dark(page)
    wait_until_kept(page, "/signs-of-rebuilding/", ".wasm")
    workers = page.evaluate("navigator.serviceWorker.getRegistrations()"
                            ".then((found) => found.map((registration) => registration.active.scriptURL))")
    kept_files = kept(page)
    stored = stored_by_the_site(page)
    # The file's name; the query only marks the registration as the reader's choice.
    stored["service workers"] = [url.rsplit("/", 1)[1].split("?")[0] for url in workers]

    assert_stored_as_listed(stored, documented["every visit"], ("session",))
    assert_stored_as_listed(stored, documented["offline"], ("service workers", "caches"))
    assert stored["local"] == {}
    assert page.context.cookies() == []
    # "Copies of the pages and files of this guide": each kept address is a file of the site.
    for url in [url for urls in kept_files.values() for url in urls]:
        path = url.split("://", 1)[1].split("/", 1)[1].split("?")[0].split("#")[0]
        assert (built_site / path).is_file() or (built_site / path / "index.html").is_file(), url
    assert_no_safety_answer(stored)


def test_the_colour_setting_is_written_for_the_tab_on_page_load_without_a_switch(page: Page) -> None:
    page.goto("./")
    stored = stored_by_the_site(page)
    assert list(stored["session"]) == ["/.__palette"] and stored["local"] == {}


def test_the_list_of_what_is_stored_fits_320_px(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto("privacy/")
    # The offline reading button shown: its words are the longest.
    page.wait_for_function("() => !document.querySelector('[data-offline-choice]')?.hidden")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    overflowing = page.evaluate("""() => [...document.querySelectorAll(
        ".md-content dl, .md-content dt, .md-content dd, .md-content table, .md-typeset__scrollwrap,"
        + " .md-typeset__table, [data-offline-choice] button")]
      .filter((element) => element.scrollWidth > element.clientWidth)
      .map((element) => element.outerHTML.slice(0, 80))""")
    assert overflowing == []
    # Every entry is readable, none in a hidden column: two lists, no table.
    assert page.locator("#stored ~ dl").count() == 2 and page.locator(".md-content table").count() == 0
    expect(page.locator("[data-offline-choice] button")).to_be_visible()
    context.close()
