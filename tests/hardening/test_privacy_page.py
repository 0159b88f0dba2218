"""The privacy page's table of what is stored matches what a real visit leaves in the browser."""

from __future__ import annotations

import html
import re
from pathlib import Path

from playwright.sync_api import Page

from tests.hardening.pages import stored_by_the_site
from tests.widget.quiz_reader import answer_with_mouse, quiz_items

STORES = {"This tab's session storage": "session", "Your browser's local storage": "local"}


def documented_names(built_site: Path) -> dict[str, list[str]]:
    """{"session" | "local": [names]} from the rows of the privacy page's storage table."""
    page = (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="stored"'):page.index('id="quick-exit"')]
    names: dict[str, list[str]] = {"session": [], "local": []}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                 for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
        if cells:
            names[STORES[cells[0]]].append(cells[1])
    return names


def matches(name: str, key: str) -> bool:
    """`quiz-answers:<quiz id>` stands for any quiz id."""
    return re.fullmatch(re.escape(name).replace(re.escape("<quiz id>"), "[a-z0-9-]+"), key) is not None


def safety_item_ids() -> list[str]:
    return [item["id"] for item in quiz_items("trust-signs") if item.get("triggers_safety")]


def test_a_visit_stores_exactly_what_the_privacy_page_lists(page: Page, built_site: Path) -> None:
    documented = documented_names(built_site)
    assert documented == {"session": ["quiz-answers:<quiz id>"], "local": ["/.__palette"]}

    page.goto("attachment-and-trauma/")
    answer_with_mouse(page, "attachment-style", {"anx1": "3", "avo1": "5"})
    page.locator('label[title="Switch to dark mode"]').click()
    page.goto("signs-of-rebuilding/")
    answer_with_mouse(page, "trust-signs", {"hope1": "on", "safety1": "on", "concern4": "on"})
    stored = stored_by_the_site(page)

    for store in ("session", "local"):
        undocumented = [key for key in stored[store] if not any(matches(name, key) for name in documented[store])]
        assert undocumented == [], f"{store} storage holds keys the privacy page does not list"
        assert all(any(matches(name, key) for key in stored[store]) for name in documented[store])
    assert stored["caches"] == [] and page.context.cookies() == []
    # "Answers to the safety questions are never stored."
    assert "hope1" in stored["session"]["quiz-answers:trust-signs"]
    for item_id in safety_item_ids():
        assert item_id not in " ".join(stored["session"].values()), item_id


def test_the_colour_setting_is_written_on_page_load_without_a_switch(page: Page) -> None:
    page.goto("./")
    assert list(stored_by_the_site(page)["local"]) == ["/.__palette"]
