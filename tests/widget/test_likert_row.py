"""A scale statement's seven options read as one row, in order, at every width a reader uses,
and stay native radios: named by their labels, moved with the arrow keys, with a focus ring."""

from __future__ import annotations

from itertools import pairwise

import pytest
from playwright.sync_api import Page, expect

from tests.widget.quiz_reader import widget

# What the widget does with a result, not Pyodide: the stand-in worker scores (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

QUIZ = "attachment-style"
PATH = "attachment-and-trauma/"
LABELS = ["Strongly disagree", "Disagree", "Slightly disagree", "Neither agree nor disagree",
          "Slightly agree", "Agree", "Strongly agree"]
STATEMENTS = 18
HEIGHT_GOALS = {1280: 2600, 390: 3600}  # the whole quiz, in CSS pixels
TARGET = 44  # the least width and height of an option's clickable box

# Each statement's options as laid out: value and the box of its clickable <label>.
OPTION_BOXES = """(quiz) => [...quiz.querySelectorAll(".quiz__item")].map((item) =>
  [...item.querySelectorAll(".quiz__option")].map((label) => {
    const box = label.getBoundingClientRect();
    return {value: label.querySelector("input").value, top: box.top, left: box.left,
            width: box.width, height: box.height};
  }))"""


def open_quiz(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(PATH)


def option_boxes(page: Page) -> list[list[dict]]:
    return widget(page, QUIZ).evaluate(OPTION_BOXES)


def assert_targets_fit(page: Page, width: int, statements: list[list[dict]]) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    for options in statements:
        assert [option["value"] for option in options] == [str(value) for value in range(1, 8)]
        for option in options:
            assert option["width"] >= TARGET and option["height"] >= TARGET, option


@pytest.mark.parametrize("width", sorted(HEIGHT_GOALS))
def test_each_statement_is_one_row_of_seven_and_the_quiz_is_shorter(page: Page, width: int) -> None:
    open_quiz(page, width)
    statements = option_boxes(page)
    assert len(statements) == STATEMENTS
    assert_targets_fit(page, width, statements)
    for options in statements:
        tops = [option["top"] for option in options]
        assert max(tops) - min(tops) <= 2, f"not one row: {options}"
        lefts = [option["left"] for option in options]
        assert lefts == sorted(lefts) and len(set(lefts)) == 7, f"not in scale order: {options}"
    height = widget(page, QUIZ).bounding_box()["height"]
    assert height <= HEIGHT_GOALS[width], f"the quiz is {height:.0f} px tall at {width} px"


def test_a_320_pixel_screen_keeps_the_order_and_does_not_scroll_sideways(page: Page) -> None:
    open_quiz(page, 320)
    statements = option_boxes(page)
    assert_targets_fit(page, 320, statements)
    for options in statements:
        # Reading order: each option is right of the one before on its line, or below it.
        for before, after in pairwise(options):
            same_line = abs(after["top"] - before["top"]) <= 2
            assert (same_line and after["left"] > before["left"]) or after["top"] > before["top"] + 2, options


@pytest.mark.parametrize("width", [1280, 390, 320])
def test_every_radio_is_named_by_its_full_label(page: Page, width: int) -> None:
    open_quiz(page, width)
    quiz = widget(page, QUIZ)
    for label in LABELS:
        expect(quiz.get_by_role("radio", name=label, exact=True)).to_have_count(STATEMENTS)
    first = page.locator(f"#quiz-{QUIZ}-anx1")
    expect(first.get_by_role("radio", name="Slightly agree", exact=True)).to_have_attribute("value", "5")


@pytest.mark.parametrize("width", [1280, 390])
def test_arrow_keys_move_the_choice_within_a_statement_with_a_focus_ring(page: Page, width: int) -> None:
    open_quiz(page, width)
    statement = page.locator(f"#quiz-{QUIZ}-anx1")
    neighbour = page.locator(f"#quiz-{QUIZ}-avo1")
    statement.get_by_role("radio", name="Neither agree nor disagree", exact=True).focus()
    page.keyboard.press("ArrowRight")
    expect(statement.get_by_role("radio", name="Slightly agree", exact=True)).to_be_checked()
    expect(statement.get_by_role("radio", name="Slightly agree", exact=True)).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(statement.get_by_role("radio", name="Slightly disagree", exact=True)).to_be_checked()
    expect(statement.locator("input:checked")).to_have_count(1)
    expect(neighbour.locator("input:checked")).to_have_count(0)
    ring = page.evaluate("""() => {
      const style = getComputedStyle(document.activeElement.closest(".quiz__option"));
      return {outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow};
    }""")
    assert not ring["outline"].startswith("none") or ring["shadow"] != "none", ring


def test_on_a_phone_the_end_labels_and_the_chosen_label_show(page: Page) -> None:
    open_quiz(page, 390)
    statement = page.locator(f"#quiz-{QUIZ}-anx1")
    labels = statement.locator(".quiz__option > span")

    def shown(index: int) -> bool:
        box = labels.nth(index).bounding_box()
        return box is not None and box["width"] > 20 and box["height"] > 5

    assert [shown(index) for index in range(7)] == [True, False, False, False, False, False, True]
    statement.locator(".quiz__option").nth(4).click()
    assert [shown(index) for index in range(7)] == [True, False, False, False, True, False, True]
    row = statement.locator(".quiz__option").nth(4).bounding_box()
    end = labels.nth(0).bounding_box()
    chosen = labels.nth(4).bounding_box()
    assert end["y"] >= row["y"] + row["height"], "the end labels sit under the row"
    assert chosen["y"] >= end["y"] + end["height"], "the chosen label sits under the end labels"
