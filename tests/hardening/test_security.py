"""What quiz authors write is text, never markup; the worker runs only the site's own wheel."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import copy_project, run_mkdocs_build
from tests.widget.quiz_reader import answer_and_expect_failure

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_in_a_quiz_item_is_shown_as_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    quiz = project / "quizzes" / "trust_signs.py"
    source = quiz.read_text(encoding="utf-8")
    assert "My partner is consistently accountable." in source
    quiz.write_text(source.replace("My partner is consistently accountable.", ATTACK.replace('"', '\\"')),
                    encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert ATTACK not in html


def test_a_tampered_wheel_is_refused_and_the_answers_stay(page: Page) -> None:
    def tampered(route):
        body = route.fetch().body()
        route.fulfill(status=200, body=body[:-8] + b"tampered", content_type="application/octet-stream")

    page.route(re.compile(r".*\.whl$"), tampered)
    page.goto("signs-of-rebuilding/")
    answer_and_expect_failure(page, "trust-signs", {"hope6": "on"})
