"""Every quiz offers the way to crisis help right at its top, beside the disclaimer."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.widget.quiz_reader import widget

# What the widget does with a result, not Pyodide: the stand-in worker scores (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

STRINGS = json.loads((ROOT / "overrides" / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("quiz_id, path", [("attachment-style", "attachment-and-trauma/"),
                                           ("trust-signs", "signs-of-rebuilding/")])
def test_the_quiz_links_to_help_now_beside_its_disclaimer(page: Page, site_url: str, quiz_id: str, path: str) -> None:
    page.goto(path)
    link = widget(page, quiz_id).locator(".quiz__disclaimer").get_by_role("link", name=STRINGS["helpLink"], exact=True)
    expect(link).to_be_visible()
    expect(link).to_have_text("Need help now?")
    link.click()
    # Material's section tracking may add a #fragment once the page scrolls.
    expect(page).to_have_url(re.compile(rf"^{re.escape(site_url)}help-now/(#.*)?$"))
    expect(page.locator("h1")).to_contain_text("Need help now?")
