"""The knowledge checks on their chapters' pages, as a reader meets them.

With the real runtime (one Pyodide start per check, one page answered three times: every best
answer, every answer another, some questions left out), what the page shows, question by
question, is the command line's result for the same answers, each question's link leads to a
section that exists, the questions left out are named with links that move to them, and axe
finds nothing in the scored state. With JavaScript off, every question's "Check your answer"
opens on the best answer, every option's feedback and the guide's section.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import Browser, Page, expect

from quizzes import get_quiz
from quizzes.core.links import from_root
from tests.conftest import ROOT
from tests.hardening.test_accessibility import AXE, violations_in_both_schemes
from tests.widget.quiz_reader import answer, cli_score, submit_and_wait, widget
from tests.widget.test_when_the_runtime_starts import SAVE_DATA

CHECKS = {"what-not-to-do-check": "what-not-to-do/", "step-by-step-check": "step-by-step/"}
STRINGS = json.loads((ROOT / "overrides" / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))

# What the result region shows, read as text from the DOM: the headline, the result's own
# paragraphs, the questions left out, and each answered question's entry.
READ_RESULT = """(region) => ({
  headline: region.querySelector(".quiz__headline")?.textContent ?? null,
  paragraphs: [...region.children].filter((node) => node.tagName === "P" && !node.className)
    .map((node) => node.textContent),
  missing: [...region.querySelectorAll(".quiz__missing a")].map((link) => link.textContent),
  answers: [...region.querySelectorAll(".quiz__answer")].map((entry) => ({
    id: entry.dataset.question,
    number: entry.value,
    question: entry.querySelector(".quiz__answer-question").textContent,
    chosen: entry.querySelector(".quiz__answer-chosen").textContent,
    verdict: entry.querySelector(".quiz__verdict").textContent,
    feedback: [...entry.querySelectorAll(".quiz__feedback")].map((line) => line.textContent),
    best: entry.querySelector(".quiz__answer-best")?.textContent ?? null,
    link: { text: entry.querySelector(".quiz__answer-link a").textContent,
            href: entry.querySelector(".quiz__answer-link a").href },
  })),
})"""


def questions(quiz_id: str) -> list[dict[str, Any]]:
    return get_quiz(quiz_id).to_dict()["items"]


def every_best_answer(quiz_id: str) -> dict[str, str]:
    return {question["id"]: next(option["id"] for option in question["options"] if option["best"])
            for question in questions(quiz_id)}


def every_answer_another(quiz_id: str) -> dict[str, str]:
    """For each question an option that is not the best one (the last such, so not always the first)."""
    return {question["id"]: [option["id"] for option in question["options"] if not option["best"]][-1]
            for question in questions(quiz_id)}


def some_left_out(quiz_id: str) -> dict[str, str]:
    """Every other question answered, the best answer and another in turn; the rest left out."""
    best, other = every_best_answer(quiz_id), every_answer_another(quiz_id)
    answered = [question["id"] for question in questions(quiz_id)][::2]
    return {question_id: (best if turn % 2 == 0 else other)[question_id] for turn, question_id in enumerate(answered)}


def expected_view(result: dict[str, Any], site_url: str) -> dict[str, Any]:
    """What the page must show for the CLI's result: every text as the result has it."""
    answered = [question for question in result["questions"] if question["answered"]]
    return {
        "headline": result["headline"],
        "paragraphs": result["paragraphs"],
        "missing": [STRINGS["missingQuestion"].format(**item) for item in result["missing"]],
        "answers": [{
            "id": question["id"],
            "number": question["number"],
            "question": question["text"],
            "chosen": f"{STRINGS['yourAnswer']} {question['chosen']['text']}",
            "verdict": STRINGS["matchesBest"] if question["best_chosen"] else STRINGS["otherThanBest"],
            "feedback": [question["chosen"]["feedback"]] + ([] if question["best_chosen"]
                                                            else [question["best"]["feedback"]]),
            "best": None if question["best_chosen"] else f"{STRINGS['bestAnswer']} {question['best']['text']}",
            "link": {"text": question["link"]["text"], "href": from_root(question["link"]["href"], site_url)},
        } for question in answered],
    }


def answer_and_compare(page: Page, quiz_id: str, answers: dict[str, str], site_url: str) -> dict[str, Any]:
    """Clear the form, answer, score, and find the page showing the CLI's result; returns it."""
    widget(page, quiz_id).locator("[data-action=clear]").click()
    answer(page, quiz_id, answers)
    result = submit_and_wait(page, quiz_id)
    expected = cli_score(quiz_id, answers)
    assert result == expected
    shown = widget(page, quiz_id).locator(".quiz__result").evaluate(READ_RESULT)
    assert shown == expected_view(expected, site_url)
    return expected


def assert_links_lead_to_their_sections(page: Page, hrefs: set[str]) -> None:
    """Each page the addresses name, loaded once in a tab of its own, has the section each
    address's fragment names (the questions of a check link sections of one chapter)."""
    fragments_by_page: dict[str, set[str]] = {}
    for href in hrefs:
        address, fragment = urldefrag(href)
        assert fragment, href
        fragments_by_page.setdefault(address, set()).add(fragment)
    reader = page.context.new_page()
    reader.add_init_script(SAVE_DATA)  # a page with a quiz: its runtime stays unstarted here
    for address, fragments in sorted(fragments_by_page.items()):
        response = reader.goto(address)
        assert response is not None and response.ok, address
        for fragment in sorted(fragments):
            section = reader.locator(f'[id="{fragment}"]')
            expect(section).to_have_count(1)
            assert section.evaluate("(node) => /^H[1-6]$/.test(node.tagName)"), f"{address}#{fragment}"
    reader.close()


@pytest.mark.parametrize("quiz_id", sorted(CHECKS))
def test_a_reader_is_shown_the_command_line_s_result_question_by_question(page: Page, site_url: str,
                                                                          quiz_id: str) -> None:
    page.add_init_script(path=str(AXE))  # not subject to the page's CSP
    page.emulate_media(reduced_motion="reduce")  # axe must see settled colours
    page.goto(CHECKS[quiz_id])
    count = len(questions(quiz_id))

    # Every best answer: each question says so, with its feedback and its section.
    result = answer_and_compare(page, quiz_id, every_best_answer(quiz_id), site_url)
    assert result["counts"] == {"best": count, "answered": count, "questions": count}
    # No safety items, so no help block and no safety in the result: nothing about safety to break.
    assert result["safety"] is None and widget(page, quiz_id).locator(".quiz__safety-now, [data-safety]").count() == 0
    region = widget(page, quiz_id).locator(".quiz__result")
    expect(region.locator(".quiz__answer")).to_have_count(count)
    expect(region.locator(".quiz__answer-best")).to_have_count(0)
    expect(region.locator(".quiz__missing")).to_have_count(0)
    assert_links_lead_to_their_sections(page, set(region.locator(".quiz__answer-link a").evaluate_all(
        "(links) => links.map((link) => link.href)")))

    # Every answer another: each question adds the guide's best answer and why.
    result = answer_and_compare(page, quiz_id, every_answer_another(quiz_id), site_url)
    assert result["counts"] == {"best": 0, "answered": count, "questions": count}
    expect(region.locator(".quiz__answer-best")).to_have_count(count)

    # Some left out: they are named, not counted, and each name moves to its question.
    answers = some_left_out(quiz_id)
    result = answer_and_compare(page, quiz_id, answers, site_url)
    left_out = [question for question in questions(quiz_id) if question["id"] not in answers]
    assert left_out and [item["id"] for item in result["missing"]] == [question["id"] for question in left_out]
    expect(region.locator(".quiz__answer")).to_have_count(len(answers))
    assert violations_in_both_schemes([page]) == [{"light": [], "dark": []}]
    first = left_out[0]
    region.locator(".quiz__missing a").first.click()
    expect(widget(page, quiz_id).locator(f'input[name="{first["id"]}"]').first).to_be_focused()


def test_without_javascript_each_question_explains_its_answers(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    for quiz_id, path in CHECKS.items():
        page.goto(path)
        root = widget(page, quiz_id)
        expect(root.locator(".quiz__noscript")).to_have_text(STRINGS["checkNoscript"])  # it points to them
        expect(root.locator("details.quiz__explain")).to_have_count(len(questions(quiz_id)))
        for question in questions(quiz_id):
            details = root.locator(f'[id="{root.get_attribute("id")}-{question["id"]}"] details.quiz__explain')
            expect(details.locator(".quiz__explain-options")).to_be_hidden()  # closed until the reader opens it
            details.locator("summary").click()
            expect(details.locator(".quiz__explain-options")).to_be_visible()
            best = next(option for option in question["options"] if option["best"])
            expect(details.locator(".quiz__explain-best")).to_have_text(f"{STRINGS['bestAnswer']} {best['text']}")
            entries = details.locator(".quiz__explain-options li")
            expect(entries).to_have_text([
                f"{option['text']}{' ' + STRINGS['bestMark'] if option['best'] else ''} {option['feedback']}"
                for option in question["options"]])
            link = details.locator(".quiz__explain-link a")
            expect(link).to_have_text(question["link"]["text"])
            assert link.evaluate("(anchor) => anchor.href") == from_root(question["link"]["href"], site_url)
    context.close()
