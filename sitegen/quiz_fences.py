"""The ```quiz fence that places a quiz in a page, and its options.

    ```quiz
    attachment-style
    key: open
    ```

The first line is the quiz id; `key: open` shows the paper scoring key expanded. Fences are
checked in `on_page_markdown`, before SuperFences renders them, because SuperFences turns an
exception raised in a fence formatter into a plain code block instead of an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from mkdocs.structure.pages import Page

from sitegen.errors import BuildInputError
from sitegen.locate import page_line

FENCE_NAME = "quiz"
# Left in the page when rendering a fence fails, so `report_render_failures` can raise.
FAILED = "<!-- quiz fence failed: {} -->"
OPTIONS = {"key": ("closed", "open")}
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*" + FENCE_NAME + r"[ \t]*\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class QuizFence:
    """A parsed fence: which quiz, and whether its paper key starts open."""

    quiz_id: str
    key_open: bool


def parse(body: str) -> QuizFence:
    """Parse a fence body; raises ValueError with a reader-friendly message."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if not lines:
        raise ValueError("the fence is empty; write the quiz id on its first line")
    options: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = (part.strip() for part in line.partition(":"))
        if not colon or name not in OPTIONS:
            raise ValueError(f"unknown option {line!r}; options: "
                             + ", ".join(f"{key}: {'|'.join(values)}" for key, values in OPTIONS.items()))
        if value not in OPTIONS[name]:
            raise ValueError(f"option {name!r} must be one of {', '.join(OPTIONS[name])}, not {value!r}")
        options[name] = value
    return QuizFence(quiz_id=lines[0], key_open=options.get("key") == "open")


def placed_quiz_ids(markdown: str) -> list[str]:
    """The quiz ids a page's Markdown places, for linking only.

    A malformed fence is passed over here: `check_page` reports it with its page and line.
    """
    placed = []
    for match in _FENCE.finditer(markdown):
        try:
            placed.append(parse(match.group("body")).quiz_id)
        except ValueError:
            continue
    return placed


def check_page(markdown: str, page: Page, known: dict[str, Any]) -> None:
    """Check every quiz fence of a page; errors name the page and line."""
    for match in _FENCE.finditer(markdown):
        where = page_line(page, markdown, match.start())
        try:
            fence = parse(match.group("body"))
        except ValueError as error:
            raise BuildInputError(where, f"bad quiz fence: {error}", "see the quiz fence in README.md") from None
        if fence.quiz_id not in known:
            raise BuildInputError(where, f"unknown quiz {fence.quiz_id!r}",
                                  f"use one of: {', '.join(sorted(known))} (python -m quizzes list)")


def superfences_entry(render: Callable[[QuizFence], str]) -> dict[str, Any]:
    """The custom-fence entry for pymdownx.superfences; `render` turns a fence into HTML."""

    def format_quiz(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
        try:
            return render(parse(source))
        except Exception as error:  # SuperFences would swallow it; keep it for the page check
            return FAILED.format(repr(error).replace("--", "- -"))

    return {"name": FENCE_NAME, "class": FENCE_NAME, "format": format_quiz}


def report_render_failures(html: str, page: Page) -> None:
    """Raise if a quiz fence of this page failed to render (see FAILED)."""
    failure = re.search(FAILED.format("(.*?)"), html)
    if failure:
        raise BuildInputError(f"docs/{page.file.src_uri}", f"a quiz could not be rendered: {failure.group(1)}",
                              "check overrides/partials/quiz/form.html and the quiz's definition")
