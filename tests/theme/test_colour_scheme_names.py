"""The colour toggle's visible button says what it does ("Switch to light mode"), and the radio
buttons behind it are named by the scheme each one chooses ("Light colours", "Dark colours")."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from sitegen import material

SCHEMES = {"light": ("Light colours", "default"), "dark": ("Dark colours", "slate")}
TOGGLE = "label.md-header__button[for^='__palette']:visible"


@pytest.mark.parametrize(("start", "then"), [("light", "dark"), ("dark", "light")])
def test_the_scheme_choices_are_named_by_what_they_choose(page: Page, start: str, then: str) -> None:
    # Material labelled both radios by its toggle's action: on a dark page, the one that makes
    # the page light was announced "Switch to dark mode".
    page.emulate_media(color_scheme=start)
    page.goto("./")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[start][1])
    expect(page.locator(TOGGLE)).to_have_attribute("title", f"Switch to {then} mode")
    page.get_by_role("radio", name=SCHEMES[then][0]).focus()
    page.keyboard.press("Space")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[then][1])
    expect(page.locator(TOGGLE)).to_have_attribute("title", f"Switch to {start} mode")


def test_a_scheme_without_a_name_or_a_changed_toggle_stops_the_build() -> None:
    radio = ('<input class="md-option" data-md-color-scheme="{scheme}" aria-label="Switch" type="radio" '
             'name="__palette" id="__palette_0">')
    with pytest.raises(RuntimeError, match="add it to SCHEME_NAMES in sitegen/material.py"):
        material.name_scheme_choices(radio.format(scheme="sepia"))
    with pytest.raises(RuntimeError, match="update sitegen/material.py"):
        material.name_scheme_choices('<input type="radio" name="__palette" aria-label="Switch" id="__palette_0">')
    assert material.name_scheme_choices("<p>no toggle</p>") == "<p>no toggle</p>"
