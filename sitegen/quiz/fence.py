"""The ```quiz fence that places a quiz in a page: its options, its checks and its form.

    ```quiz
    attachment-style
    key: open
    ```

The first line is the quiz id; `key: open` shows the paper scoring key expanded. Fences are
checked in `on_page_markdown`, where the page and line are known; the form is rendered by
SuperFences, which lets a `FenceError` through instead of falling back to a code block.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, meta

from quizzes.core.links import from_root
from sitegen.contracts import quiz_anchor, template_globals
from sitegen.errors import BuildInputError, FenceError, page_line
from sitegen.quiz.key import grouped_steps

FENCE_NAME = "quiz"
# A fence is rendered without its page, so a form's links and assets start from this stand-in
# for the site's root; `place_site_root` (on_page_content) writes the page's own way up to the
# root in its place ("../"). Relative like MkDocs' own links, they then work at whatever
# address, and in whatever folder, the site is published.
SITE_ROOT = "rebuilding-trust:site-root/"
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


def declare_anchors(page: Page) -> None:
    """Tell MkDocs' link check that each quiz a rendered page places has its anchor there.

    SuperFences stashes a form's HTML before MkDocs looks for ids in a page's raw HTML, so a
    link to `page.md#quiz-<id>` would otherwise count as broken.
    """
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(quiz_anchor(quiz_id) for quiz_id in placed_quiz_ids(page.markdown or ""))


def quiz_homes(pages: Iterable[File]) -> dict[str, File]:
    """Where each placed quiz lives: the first of `pages` whose Markdown places it.

    Give the guide's pages in reading order (`navigation.guide_pages`): links to a quiz, from
    the embed snippets and the home page, lead to the page found here.
    """
    homes: dict[str, File] = {}
    for file in pages:
        body, _ = meta.get_data(file.content_string)
        for quiz_id in placed_quiz_ids(body):
            homes.setdefault(quiz_id, file)
    return homes


def check_page(markdown: str, page: Page, known: dict[str, Any]) -> None:
    """Check every quiz fence of a page; errors name the page and line."""
    for match in _FENCE.finditer(markdown):
        where = page_line(page, markdown, match.start())
        try:
            fence = parse(match.group("body"))
        except ValueError as error:
            raise BuildInputError(where, f"bad quiz fence: {error}", "see 'Placing a quiz in a page' in handbook/quizzes.md") from None
        if fence.quiz_id not in known:
            raise BuildInputError(where, f"unknown quiz {fence.quiz_id!r}",
                                  f"use one of: {', '.join(sorted(known))} (python -m quizzes list)")


def place_site_root(html: str, page: Page) -> str:
    """A rendered page with its forms' stand-in for the site's root replaced by the way up to
    it from the page: `./` on the home page, `../../` on `embed/<quiz id>/`."""
    return html.replace(SITE_ROOT, get_relative_url(".", page.url) + "/")


def load_strings(overrides: Path) -> dict[str, Any]:
    """The widget's reader-facing strings, kept in one file for translation."""
    strings = json.loads((overrides / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))
    strings.pop("_comment", None)
    return strings


class FormRenderer:
    """Renders quiz fences as forms with their paper key; every quiz text is HTML-escaped.

    Made once per build, so its memo of rendered forms goes with the build.
    """

    def __init__(self, overrides: Path, quizzes: dict[str, Any], strings: dict[str, Any], assets: str) -> None:
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(overrides / "partials" / "quiz"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
        )
        # A site page's link starts from the page's way up to the root; another link stays as it is.
        self._env.filters["from_root"] = lambda href: from_root(href, SITE_ROOT)
        self._env.globals.update(template_globals())
        self._quizzes = quizzes
        self._strings = strings
        self._assets = assets  # the quiz bundle's folder (quiz.css, widget.js), from the site's root
        self._rendered: dict[QuizFence, str] = {}  # a quiz shows on its page and its embed variants

    def __call__(self, fence: QuizFence) -> str:
        if fence not in self._rendered:
            quiz = self._quizzes[fence.quiz_id]
            safety, key = quiz.safety_result(), quiz.scoring_key()
            self._rendered[fence] = self._env.get_template("form.html").render(
                quiz=quiz.to_dict(), key=key, steps=grouped_steps(key["steps"]), key_open=fence.key_open,
                strings=self._strings,
                site_root=SITE_ROOT, assets=self._assets, safety=safety.to_dict() if safety else None,
            )
        return self._rendered[fence]


def plug_in(config: MkDocsConfig, render: Callable[[QuizFence], str]) -> None:
    """Register the quiz fence with pymdownx.superfences, replacing an earlier build's entry."""
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    fences[:] = [entry for entry in fences if entry.get("name") != FENCE_NAME]
    fences.append({"name": FENCE_NAME, "class": FENCE_NAME, "format": _formatter(render)})


def _formatter(render: Callable[[QuizFence], str]) -> Callable[..., str]:
    def format_quiz(source: str, language: str, css_class: str, options: dict[str, Any], md: Any,
                    **kwargs: Any) -> str:
        try:
            return render(parse(source))
        except Exception as error:
            quiz_id = source.strip().partition("\n")[0]
            raise FenceError(f"quiz fence {quiz_id!r}", f"could not be rendered: {error!r}",
                             "check overrides/partials/quiz/ and the quiz's definition") from error

    return format_quiz
