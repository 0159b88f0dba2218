"""Bad input fails with the file, the line and a fix; at run time the reader keeps the answers.

An author's slips in a quiz module are checked where they are found: by the quiz checker
that every build runs (`quizzes.core.check`, also `python -m quizzes check FILE`), on the
real module's source. That the build stops on any problem the checker finds is shown end to
end once, by tests/sitegen/test_bundle.py::test_a_broken_quiz_module_fails_the_build_with_file_and_line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quizzes.core.check import check_paths
from tests.conftest import ROOT
from tests.widget.quiz_reader import answer_and_expect_failure, answer_with_mouse, checked_answers, widget

QUIZ_FILE = ROOT / "quizzes" / "trust_signs.py"


def changed_quiz(folder: Path, old: str, new: str) -> tuple[Path, int]:
    """trust_signs.py with `old` replaced, written into folder; the file and the line of `old`."""
    source = QUIZ_FILE.read_text(encoding="utf-8")
    assert old in source
    folder.mkdir(parents=True, exist_ok=True)
    changed = folder / QUIZ_FILE.name
    changed.write_text(source.replace(old, new, 1), encoding="utf-8")
    return changed, source[: source.index(old)].count("\n") + 1


def check_problems(path: Path) -> str:
    problems, _ = check_paths([str(path)])
    assert problems, "the check should have found a problem"
    return "\n".join(map(str, problems))


def test_a_quiz_with_a_syntax_error(tmp_path: Path) -> None:
    changed, line = changed_quiz(tmp_path, 'ChecklistItem("hope2"', 'ChecklistItem("hope2" "')
    error = check_problems(changed)
    assert re.search(rf"trust_signs\.py:{line}: .*(syntax|never closed|unterminated)", error, re.IGNORECASE), error


def test_a_quiz_with_a_duplicate_item_id(tmp_path: Path) -> None:
    changed, line = changed_quiz(tmp_path, 'ChecklistItem("hope2"', 'ChecklistItem("hope1"')
    error = check_problems(changed)
    assert f"trust_signs.py:{line}:" in error and "hope1" in error


def test_a_safety_result_that_links_to_couples_work_is_refused(tmp_path: Path) -> None:
    changed, _ = changed_quiz(tmp_path, "(guide.HELP_NOW,),", "(guide.HELP_NOW, guide.GETTING_SUPPORT),")
    source = changed.read_text(encoding="utf-8").splitlines()
    category_line = next(number for number, text in enumerate(source, start=1) if '"safety-first", "Your' in text)
    assert re.search(rf"trust_signs\.py:{category_line - 1}: category 'safety-first' shows safety resources, "
                     r"so it may link only to crisis and safety help; remove the link to 'getting-support/'",
                     check_problems(changed))


@pytest.mark.parametrize("status", [404, 500])
def test_missing_pyodide_files_keep_the_answers(page: Page, status: int) -> None:
    page.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.fulfill(status=status, body="gone"))
    page.goto("signs-of-rebuilding/")
    answer_and_expect_failure(page, "trust-signs", {"concern4": "on"})


@pytest.mark.usefixtures("stub_worker")  # the answers kept, not their scoring: a tick starts the runtime
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
