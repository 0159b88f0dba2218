"""Bad input fails with the file, the line and a fix; at run time the reader keeps the answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import copy_project, run_mkdocs_build
from tests.widget.quiz_reader import answer_and_expect_failure, answer_with_mouse, checked_answers, widget


def break_quiz(tmp_path: Path, old: str, new: str) -> tuple[str, int]:
    """Build a copy of the project whose trust_signs.py has `old` replaced; return stderr and the line."""
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes" / "trust_signs.py"
    source = quiz.read_text(encoding="utf-8")
    assert old in source
    line = source[: source.index(old)].count("\n") + 1
    quiz.write_text(source.replace(old, new, 1), encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stderr, line


def test_a_quiz_with_a_syntax_error(tmp_path: Path) -> None:
    error, line = break_quiz(tmp_path, 'ChecklistItem("hope2"', 'ChecklistItem("hope2" "')
    assert re.search(rf"trust_signs\.py:{line}: .*(syntax|never closed|unterminated)", error, re.IGNORECASE)
    assert "How to fix" in error


def test_a_quiz_with_a_duplicate_item_id(tmp_path: Path) -> None:
    error, line = break_quiz(tmp_path, 'ChecklistItem("hope2"', 'ChecklistItem("hope1"')
    assert f"trust_signs.py:{line}:" in error and "hope1" in error


def test_a_quiz_whose_score_raises_on_valid_answers(tmp_path: Path) -> None:
    # A slip an author could make: score() fails once three boxes are ticked.
    error, _ = break_quiz(
        tmp_path,
        "    return score_checklist_quiz(QUIZ, answers)",
        "    assert len(answers) < 3, 'too many'\n    return score_checklist_quiz(QUIZ, answers)",
    )
    assert re.search(r"trust_signs\.py:\d+: .*score\(\)", error), error
    assert "AssertionError" in error or "too many" in error


def test_a_safety_result_that_links_to_couples_work_stops_the_build(tmp_path: Path) -> None:
    error, _ = break_quiz(tmp_path, "(guide.HELP_NOW,),", "(guide.HELP_NOW, guide.GETTING_SUPPORT),")
    source = (tmp_path / "project" / "quizzes" / "trust_signs.py").read_text(encoding="utf-8").splitlines()
    category_line = next(number for number, text in enumerate(source, start=1) if '"safety-first", "Your' in text)
    assert re.search(rf"trust_signs\.py:{category_line - 1}: category 'safety-first' shows safety resources, "
                     r"so it may link only to crisis and safety help; remove the link to 'getting-support/'",
                     error), error


@pytest.mark.parametrize("status", [404, 500])
def test_missing_pyodide_files_keep_the_answers(page: Page, status: int) -> None:
    page.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.fulfill(status=status, body="gone"))
    page.goto("signs-of-rebuilding/")
    answer_and_expect_failure(page, "trust-signs", {"concern4": "on"})


def test_leaving_in_the_middle_of_a_quiz_keeps_the_answers(page: Page) -> None:
    page.goto("attachment-and-trauma/")
    page.wait_for_load_state("networkidle")
    answer_with_mouse(page, "attachment-style", {"anx1": "6", "avo2": "2"})
    page.locator("a.md-footer__link--next").click()  # instant navigation away …
    expect(page).to_have_url(re.compile("signs-of-rebuilding/"))
    page.go_back()  # … and back
    expect(page).to_have_url(re.compile("attachment-and-trauma/"))
    expect(widget(page, "attachment-style").locator('input[name="anx1"][value="6"]')).to_be_checked()
    assert checked_answers(page, "attachment-style") == {"anx1": "6", "avo2": "2"}
