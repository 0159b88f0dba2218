"""What quiz authors write is text, never markup; the worker runs only the site's own wheel."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

import quizzes
from sitegen.quiz.fence import FormRenderer, QuizFence, load_strings
from tests.conftest import ROOT
from tests.widget.quiz_reader import answer_and_expect_failure

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_in_a_quiz_item_is_shown_as_text(tmp_path: Path) -> None:
    # The form is rendered where the build renders every ```quiz fence, from a quiz module
    # whose item text is an attack.
    source = (ROOT / "quizzes" / "trust_signs.py").read_text(encoding="utf-8")
    assert "My partner is consistently accountable." in source
    module = tmp_path / "trust_signs.py"
    module.write_text(source.replace("My partner is consistently accountable.", ATTACK.replace('"', '\\"')),
                      encoding="utf-8")
    quiz = quizzes.load_quiz_file(str(module))
    overrides = ROOT / "overrides"
    render = FormRenderer(overrides, {quiz.id: quiz}, load_strings(overrides), "assets/quiz/x")
    form = render(QuizFence(quiz.id, key_open=False))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in form
    assert ATTACK not in form


def test_a_tampered_wheel_is_refused_and_the_answers_stay(page: Page) -> None:
    def tampered(route):
        body = route.fetch().body()
        route.fulfill(status=200, body=body[:-8] + b"tampered", content_type="application/octet-stream")

    page.route(re.compile(r".*\.whl$"), tampered)
    page.goto("signs-of-rebuilding/")
    answer_and_expect_failure(page, "trust-signs", {"hope6": "on"})
