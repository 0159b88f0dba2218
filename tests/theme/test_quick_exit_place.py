"""The fixed "Quick exit" never covers the header's title, search or buttons, at any width a
reader uses (and 200 % zoom), scrolled or not, and stays on screen; the site's title stays
whole on phones."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

# Where the quick exit sits, not the quiz: the page's quiz comes near the screen as it scrolls,
# and the stand-in worker starts in its place at no cost (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

PATH = "attachment-and-trauma/"  # long enough to scroll 2000 px at every width
WIDTHS = [320, 390, 640, 768, 1280, 1920]  # 640: a 1280 px screen at 200 % zoom

# The quick exit's box, the viewport, and the boxes of the header's visible content.
LAYOUT = """() => {
  const box = (element) => {
    const {left, top, right, bottom} = element.getBoundingClientRect();
    return {left, top, right, bottom};
  };
  const shown = (element) => {
    const style = getComputedStyle(element);
    const {width, height} = element.getBoundingClientRect();
    return style.visibility !== "hidden" && style.opacity !== "0" && width > 0 && height > 0;
  };
  const content = [...document.querySelectorAll(
    ".md-header__title, .md-header__button, .md-header__option label, .md-search__inner")].filter(shown);
  return {
    exit: box(document.querySelector("[data-quick-exit]")),
    viewport: {width: innerWidth, height: innerHeight},
    header: content.map((element) => ({name: element.className || element.tagName, ...box(element)})),
  };
}"""


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def assert_clear_of_the_header(page: Page, when: str) -> None:
    layout = page.evaluate(LAYOUT)
    exit_box, viewport = layout["exit"], layout["viewport"]
    names = [item["name"] for item in layout["header"]]
    assert any("md-header__title" in name for name in names), names
    covered = [item for item in layout["header"] if overlaps(exit_box, item)]
    assert not covered, f"{when}: the quick exit {exit_box} covers {covered}"
    assert 0 <= exit_box["left"] and exit_box["right"] <= viewport["width"], f"{when}: {exit_box}"
    assert 0 <= exit_box["top"] and exit_box["bottom"] <= viewport["height"], f"{when}: {exit_box}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_quick_exit_never_covers_the_header(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PATH)
    assert_clear_of_the_header(page, f"{width} px, at the top")
    page.evaluate("scrollTo(0, 2000)")
    # Material shows the page's title in the header once the page has scrolled.
    expect(page.locator(".md-header__title")).to_have_class(re.compile(r"md-header__title--active"))
    assert_clear_of_the_header(page, f"{width} px, scrolled 2000 px")


def settle(page: Page) -> None:
    """Let two frames pass: quick-exit.js measures the header in the frame after a scroll."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


@pytest.mark.parametrize("width", [320, 390])
def test_the_quick_exit_stays_clear_while_the_header_rises_under_it(page: Page, width: int) -> None:
    # The header gets the button's room back only while it sits below the button: every step of
    # the first scroll, where the safety bar above it leaves the screen, must stay clear.
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PATH)
    for offset in [0, 5, 10, 20, 30, 40, 50, 60, 80, 120, 40, 0]:
        page.evaluate(f"scrollTo(0, {offset})")
        settle(page)
        assert_clear_of_the_header(page, f"{width} px, scrolled {offset} px")


@pytest.mark.parametrize("width", [320, 390])
def test_a_phone_shows_the_whole_site_title(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PATH)
    settle(page)
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    expect(title).to_have_text(page.title().rsplit(" - ", 1)[-1])  # Material's "<page> - <site name>"
    size = title.evaluate("""(element) => ({wide: element.scrollWidth, shown: element.clientWidth,
                                            tall: element.scrollHeight, high: element.clientHeight,
                                            font: parseFloat(getComputedStyle(element).fontSize)})""")
    assert size["wide"] <= size["shown"] and size["tall"] <= size["high"] + 1, f"{width} px: the title is cut: {size}"
    assert size["font"] >= 16, f"{width} px: the title's type is {size['font']} px"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_open_search_field_stays_clear_of_the_quick_exit(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(reduced_motion="reduce")  # the search slides in: measure where it comes to rest
    page.goto(PATH)
    page.locator('label.md-header__button[for="__search"]').click() if width < 960 else page.locator(
        ".md-search__input").click()
    page.keyboard.type("trust")
    expect(page.locator(".md-search-result__list > li").first).to_be_visible()
    exit_box = page.evaluate(LAYOUT)["exit"]
    for part in [".md-search__input", ".md-search__options button[type=reset]"]:
        box = page.locator(part).bounding_box()
        rect = {"left": box["x"], "top": box["y"], "right": box["x"] + box["width"], "bottom": box["y"] + box["height"]}
        assert not overlaps(exit_box, rect), f"{width} px: the quick exit {exit_box} covers {part} {rect}"
