"""What a reader is shown and where it leads: safety results lead only to help, and answers
that do not point to a style are not given one."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.widget.quiz_reader import answer, cli_score, quiz_items, submit_and_wait, widget

# What the widget does with a result, not Pyodide: the stand-in worker scores (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

STYLE_WORDS = ("secure", "anxious", "preoccupied", "avoidant", "dismissive", "fearful", "disorganized")


def result_links(page: Page, quiz_id: str, region: str = ".quiz__result") -> list[str]:
    """Every address the shown result links to, resolved as the browser resolves it."""
    return widget(page, quiz_id).locator(f"{region} a[href]").evaluate_all(
        "(links) => links.map((link) => link.href)")


def test_a_safety_result_links_only_to_crisis_and_safety_help(page: Page, site_url: str) -> None:
    answers = {"hope1": "on", "safety2": "on"}
    page.goto("signs-of-rebuilding/")
    answer(page, "trust-signs", answers)
    result = submit_and_wait(page, "trust-signs")
    assert result == cli_score("trust-signs", answers)
    assert result["category"]["id"] == "safety-first"

    # The safety result is the help the tick already showed, the only result on screen.
    expect(widget(page, "trust-signs").locator(".quiz__result")).to_be_hidden()
    region = widget(page, "trust-signs").locator(".quiz__safety-now")
    expect(region).to_contain_text("Your safety comes first")
    assert "rebuilt" not in region.inner_text()
    links = result_links(page, "trust-signs", ".quiz__safety-now")
    pages = [link for link in links if not link.startswith(("tel:", "sms:"))]
    assert pages == [f"{site_url}help-now/"], links
    assert "tel:911" in links and "tel:+18007997233" in links

    # Followed, the link reaches the help page and its resources.
    region.locator(f'a[href="{site_url}help-now/"]').click()
    # Material's section tracking may add a #fragment once the page scrolls.
    expect(page).to_have_url(re.compile(rf"^{re.escape(site_url)}help-now/(#.*)?$"))
    expect(page.locator("h1")).to_contain_text("Need help now?")
    expect(page.locator('article a[href="tel:+18007997233"]')).to_be_visible()


@pytest.mark.parametrize("raw", ["4", "7"])
def test_the_same_answer_to_every_statement_names_no_style(page: Page, raw: str) -> None:
    answers = {item["id"]: raw for item in quiz_items("attachment-style")}
    page.goto("attachment-and-trauma/")
    answer(page, "attachment-style", answers)
    result = submit_and_wait(page, "attachment-style")
    assert result == cli_score("attachment-style", answers)
    assert result["category"]["id"] == "same-answer" and result["between"] == []

    region = widget(page, "attachment-style").locator(".quiz__result")
    expect(region).to_contain_text("most useful when each one is weighed on its own")
    shown = region.inner_text().lower()
    assert not [word for word in STYLE_WORDS if word in shown]
    links = result_links(page, "attachment-style")
    assert links and not [link for link in links if "trauma-history" in link]
