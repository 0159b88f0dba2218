"""Placing quizzes with the ```quiz fence, and the build errors for bad fences."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.quiz_fences import QuizFence, parse
from tests.conftest import copy_project, run_mkdocs_build


def test_a_fence_names_a_quiz_and_may_open_its_key() -> None:
    assert parse("attachment-style\n") == QuizFence("attachment-style", key_open=False)
    assert parse("\n  trust-signs\nkey: open\n") == QuizFence("trust-signs", key_open=True)


@pytest.mark.parametrize(("body", "message"), [
    ("", "the fence is empty"),
    ("trust-signs\ncolour: blue", "unknown option 'colour: blue'"),
    ("trust-signs\nkey: wide", "option 'key' must be one of closed, open"),
    ("trust-signs\nkey open", "unknown option 'key open'"),
])
def test_bad_fences_are_explained(body: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse(body)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def add_lines(page: Path, after_line: int, lines: list[str]) -> None:
    text = page.read_text(encoding="utf-8").splitlines()
    text[after_line:after_line] = lines
    page.write_text("\n".join(text) + "\n", encoding="utf-8")


def failed_build(project: Path) -> str:
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stderr


def test_an_unknown_quiz_id_fails_the_build_with_page_and_line(project: Path) -> None:
    add_lines(project / "docs" / "science-of-trust.md", 9, ["", "```quiz", "love-languages", "```", ""])
    error = failed_build(project)
    assert "docs/science-of-trust.md:11: unknown quiz 'love-languages'" in error
    assert "use one of: attachment-style, trust-signs" in error


def test_a_bad_option_fails_the_build_with_page_and_line(project: Path) -> None:
    add_lines(project / "docs" / "what-not-to-do.md", 8, ["", "~~~~quiz", "trust-signs", "key: shut", "~~~~", ""])
    error = failed_build(project)
    assert "docs/what-not-to-do.md:10: bad quiz fence: option 'key' must be one of closed, open" in error


def test_a_fence_that_cannot_be_rendered_fails_the_build_instead_of_becoming_code(project: Path) -> None:
    template = project / "overrides" / "partials" / "quiz" / "form.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ quiz.title }}", "{{ quiz.no_such_field }}"))
    error = failed_build(project)
    assert "docs/attachment-and-trauma.md: a quiz could not be rendered" in error


def test_a_placed_quiz_is_a_real_form_with_its_paper_key(built_site: Path) -> None:
    html = (built_site / "attachment-and-trauma" / "index.html").read_text(encoding="utf-8")
    assert '<div class="quiz" id="quiz-attachment-style" data-quiz="attachment-style" data-state="idle">' in html
    assert html.count('<fieldset class="quiz__item"') == 18
    assert html.count('type="radio" name="anx1"') == 7
    assert '<span>Neither agree nor disagree</span>' in html
    assert '<details class="quiz__key">' in html and "<noscript>" in html
    assert ">See my result</button>" in html and ">Clear my answers</button>" in html
    checklist = (built_site / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    assert checklist.count('type="checkbox" name=') == 18
    assert 'name="safety1" value="on"' in checklist
