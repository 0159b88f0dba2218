"""A scored result: its plot marks the scale, the quiz's note shows once, and "Print my result"
puts that result alone on paper, dated, with the disclaimer and the links' addresses (but a
safety-first result, whose answers are never stored either, offers no printout)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

import quizzes
from tests.conftest import ROOT
from tests.quizzes.helpers import keyed_answers
from tests.widget.quiz_reader import answer, quiz_items, some_answers, submit_and_wait, widget

# What the widget does with a result, not Pyodide: the stand-in worker scores (tests/widget/stub_worker.py).
pytestmark = pytest.mark.usefixtures("stub_worker")

STRINGS = json.loads((ROOT / "overrides" / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))
QUIZ = "attachment-style"
PATH = "attachment-and-trauma/"
CHAPTER_TEXT = "Your past shapes how you experience trust breaches today."  # the page's first paragraph


def score(page: Page) -> dict:
    page.goto(PATH)
    answer(page, QUIZ, some_answers(QUIZ, seed=7))
    return submit_and_wait(page, QUIZ)


def flat(text: str) -> str:
    """Text with all white space removed: a PDF breaks lines, and long addresses, anywhere."""
    return "".join(text.split())


def test_the_plot_marks_1_4_and_7_on_both_axes(page: Page) -> None:
    result = score(page)
    plot = result["plot"]
    marks = widget(page, QUIZ).locator(".quiz__plot .quiz__plot-mark")
    expected = sorted(str(value) for value in [plot["min"], plot["cut"], plot["max"]] * 2)
    assert sorted(marks.all_text_contents()) == expected == ["1", "1", "4", "4", "7", "7"]
    area = widget(page, QUIZ).locator(".quiz__plot-area").bounding_box()
    boxes = [marks.nth(index).bounding_box() for index in range(marks.count())]
    below = [box for box in boxes if box["y"] >= area["y"] + area["height"]]  # the x axis
    left = [box for box in boxes if box["x"] + box["width"] <= area["x"]]  # the y axis
    assert len(below) == 3 and len(left) == 3, boxes


def test_the_quiz_note_shows_once_under_the_result(page: Page) -> None:
    result = score(page)
    quiz = widget(page, QUIZ)
    assert result["note"] and quiz.inner_text().count(result["note"]) == 1
    expect(quiz.locator(".quiz__note")).to_have_count(1)
    assert result["note"] not in quiz.locator(".quiz__result").inner_text()


def test_print_my_result_prints_that_result_alone(page: Page, site_url: str) -> None:
    result = score(page)
    page.evaluate("window.print = () => { window.__printed = true }")
    widget(page, QUIZ).get_by_role("button", name=STRINGS["printResult"], exact=True).click()
    assert page.evaluate("window.__printed") is True
    assert page.evaluate("document.documentElement.classList.contains('printing-result')")

    page.emulate_media(media="print")
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf())).pages)
    printed = flat(text)
    scores = [paragraph for paragraph in result["paragraphs"] if paragraph.startswith(("Anxiety:", "Avoidance:"))]
    assert len(scores) == 2
    for paragraph in scores + [result["headline"], STRINGS["disclaimer"], result["links"][0]["text"]]:
        assert flat(paragraph) in printed, paragraph
    today = date.today()
    # The reader's date, as the page's language (English) writes it.
    assert flat(f"{today:%B} {today.day}, {today.year}") in printed
    assert flat(f"{site_url}{result['links'][0]['href']}") in printed  # a link's plain address
    for item in quiz_items(QUIZ):
        assert flat(item["text"]) not in printed, item["text"]
    assert flat(CHAPTER_TEXT) not in printed
    assert flat(STRINGS["submit"]) not in printed and flat(STRINGS["printResult"]) not in printed

    # Once the print dialog closes, the page prints whole again.
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('printing-result')")
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf())).pages)
    assert flat(CHAPTER_TEXT) in flat(text)


def test_a_safety_first_result_offers_no_printout(page: Page) -> None:
    page.goto("signs-of-rebuilding/")
    answer(page, "trust-signs", {"hope1": "on", "safety2": "on"})
    assert submit_and_wait(page, "trust-signs")["category"]["id"] == "safety-first"
    # The safety result is the help the tick already showed (test_help_that_never_waits.py).
    result = widget(page, "trust-signs").locator(".quiz__safety-now")
    expect(result).to_contain_text("Your safety comes first")
    expect(widget(page, "trust-signs").get_by_role("button", name=STRINGS["printResult"])).to_have_count(0)


@pytest.mark.parametrize("answers", [{}, {"anx1": "4"}], ids=["nothing answered", "one answer"])
def test_a_result_that_is_not_complete_offers_no_printout(page: Page, answers: dict[str, str]) -> None:
    page.goto("attachment-and-trauma/")
    answer(page, "attachment-style", answers)
    result = submit_and_wait(page, "attachment-style")
    assert result["complete"] is False
    region = widget(page, "attachment-style").locator(".quiz__result")
    expect(region.locator(".quiz__headline")).to_have_text(result["headline"])
    expect(region.get_by_role("button", name=STRINGS["printResult"])).to_have_count(0)
    expect(region.locator(".quiz__missing li")).to_have_count(len(result["missing"]))


def keyed(anxiety: int, avoidance: int) -> dict[str, str]:
    """Every attachment item answered so that its keyed value is the score given."""
    return keyed_answers(quizzes.get_quiz(QUIZ), anxiety=[anxiety] * 9, avoidance=[avoidance] * 9)


RESULT_KINDS = {
    "attachment-style": {"a style": keyed(7, 1), "between two styles": keyed(4, 1),
                         "the middle": keyed(4, 4), "the same answer": {item["id"]: "7" for item in quiz_items(QUIZ)},
                         "a skipped item": {name: value for name, value in keyed(7, 1).items() if name != "anx1"}},
    "trust-signs": {"a first sign": {"hope1": "on"}, "signs of healing": {f"hope{n}": "on" for n in range(1, 8)},
                    "mixed signs": {**{f"hope{n}": "on" for n in range(1, 8)}, "concern1": "on", "concern2": "on"},
                    "concerns": {"concern1": "on", "concern2": "on", "concern3": "on", "concern5": "on"}},
}


@pytest.mark.parametrize("quiz_id", sorted(RESULT_KINDS))
def test_a_printed_result_fits_one_sheet_of_letter_or_a4(page: Page, quiz_id: str) -> None:
    page.goto(PATH if quiz_id == QUIZ else "signs-of-rebuilding/")
    page.evaluate("window.print = () => {}")
    root = widget(page, quiz_id)
    for kind, answers in RESULT_KINDS[quiz_id].items():
        page.emulate_media(media="screen")
        root.locator("[data-action=clear]").click()
        answer(page, quiz_id, answers)
        assert submit_and_wait(page, quiz_id)["complete"], kind
        for sheet in ("Letter", "A4"):
            page.emulate_media(media="screen")
            root.get_by_role("button", name=STRINGS["printResult"], exact=True).click()  # each print ends with afterprint
            page.emulate_media(media="print")
            printed = page.pdf(format=sheet, margin=dict.fromkeys(("top", "right", "bottom", "left"), "0.5in"))
            assert len(PdfReader(io.BytesIO(printed)).pages) == 1, (kind, sheet)
