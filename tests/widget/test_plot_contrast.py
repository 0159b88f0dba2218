"""The attachment result's plot can be read in both colour schemes: the reader's point and every
other mark stand out at least 3:1 from what is behind them (WCAG 1.4.11, non-text contrast),
computed from the styles the browser applies. axe does not check SVG fills."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from sitegen import settings
from tests.widget.quiz_reader import ATTACHMENT_PAGE, answer, some_answers, submit_and_wait, widget

# What the widget does with a result, not Pyodide: the stand-in worker scores (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

COLOURS = """() => {
  const style = (selector) => getComputedStyle(document.querySelector(selector));
  const result = document.querySelector('[data-quiz="attachment-style"] .quiz__result');
  return {
    page: getComputedStyle(document.body).backgroundColor,
    result: getComputedStyle(result).backgroundColor,
    point: style(".quiz__plot-point").fill,
    pointRing: style(".quiz__plot-point").stroke,
    area: style(".quiz__plot-area").stroke,
    cut: style(".quiz__plot-cut").stroke,
    tick: style(".quiz__plot-tick").stroke,
  };
}"""


def rgba(colour: str) -> tuple[float, float, float, float]:
    """A computed colour: `rgb(…)`, `rgba(…)`, or `color(srgb r g b / a)` with 0–1 channels
    (what Chromium gives for a color-mix())."""
    numbers = [float(number) for number in re.findall(r"[\d.]+", colour)]
    assert len(numbers) in (3, 4), colour
    alpha = numbers[3] if len(numbers) == 4 else 1.0
    if colour.startswith("color(srgb"):
        return (*(channel * 255 for channel in numbers[:3]), alpha)
    assert colour.startswith("rgb"), colour
    return (*numbers[:3], alpha)


def over(top: str, below: tuple[float, float, float]) -> tuple[float, float, float]:
    red, green, blue, alpha = rgba(top)
    return tuple(alpha * channel + (1 - alpha) * under for channel, under in zip((red, green, blue), below, strict=True))


def contrast(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """The WCAG ratio, by the formula the build checks the brand colours with."""
    return settings.contrast(*("#{:02x}{:02x}{:02x}".format(*(round(c) for c in rgb)) for rgb in (first, second)))


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_mark_of_the_plot_keeps_3_to_1_in_both_schemes(page: Page, scheme: str) -> None:
    page.goto(ATTACHMENT_PAGE)
    answer(page, "attachment-style", some_answers("attachment-style", seed=5))
    result = submit_and_wait(page, "attachment-style")
    assert result["plot"] is not None
    expect(widget(page, "attachment-style").locator(".quiz__plot-point")).to_be_visible()
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    colours = page.evaluate(COLOURS)
    page_colour = over(colours["page"], (255, 255, 255))
    behind = over(colours["result"], page_colour)  # the plot sits in the tinted result box
    point = over(colours["point"], behind)
    assert contrast(point, behind) >= 3, ("point", scheme, colours)
    assert contrast(point, page_colour) >= 3, ("point against the page", scheme, colours)
    for mark in ("area", "cut", "tick"):
        assert contrast(over(colours[mark], behind), behind) >= 3, (mark, scheme, colours)
