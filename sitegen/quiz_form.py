"""A quiz as a server-rendered HTML form with its paper scoring key (overrides/partials/quiz/)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jinja2

from sitegen.quiz_fences import QuizFence


def load_strings(overrides: Path) -> dict[str, Any]:
    """The widget's reader-facing strings, kept in one file for translation."""
    strings = json.loads((overrides / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))
    strings.pop("_comment", None)
    return strings


class FormRenderer:
    """Renders quiz fences with the form template; every quiz text is HTML-escaped."""

    def __init__(self, overrides: Path, quizzes: dict[str, Any], strings: dict[str, Any], site_root: str) -> None:
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(overrides / "partials" / "quiz"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
        )
        self._quizzes = quizzes
        self._strings = strings
        # A fence does not know its page's depth, so links start from the site's root path.
        self._site_root = site_root

    @functools.lru_cache(maxsize=None)  # a quiz shows on its page and its embed variants
    def __call__(self, fence: QuizFence) -> str:
        quiz = self._quizzes[fence.quiz_id]
        return self._env.get_template("form.html").render(
            quiz=quiz.to_dict(), key=quiz.scoring_key(), key_open=fence.key_open, strings=self._strings,
            site_root=self._site_root,
        )
