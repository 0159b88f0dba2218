"""The ```quiz fence that places a quiz in a page: its options, its checks and its form.

    ```quiz
    attachment-style
    key: open
    ```

The first line is the quiz id; `key: open` shows the paper scoring key expanded.

SuperFences alone decides what is a quiz fence: it calls this module's formatter for each
fence it renders, one in a blockquote, a list item or an admonition too, but not one shown
inside a longer fence as an example. The formatter parses the body, checks it, notes the placement
in the build's `FenceLog` and renders the form. So checks, the `quiz-<id>` anchors and the
page each quiz lives on (its home) all come from what SuperFences renders. Homes are needed
before any page is rendered (the embed pages are made in `on_files`, and the home page lists
the quizzes), so `FenceLog.survey` first runs the Markdown preprocessors, SuperFences among
them, over the guide's own pages. A bad fence raises `FenceError`, which SuperFences lets
through instead of falling back to a code block.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, meta

from quizzes.core.links import from_root
from sitegen.contracts import quiz_anchor, template_globals
from sitegen.errors import BuildInputError, FenceError, InternalError, front_matter_lines
from sitegen.quiz.key import grouped_steps
from sitegen.quiz.surface import QuizSurface

FENCE_NAME = "quiz"
# A fence is rendered without its page, so a form's links and assets start from this stand-in
# for the site's root; `place_site_root` (on_page_content) writes the page's own way up to the
# root in its place ("../"). Relative like MkDocs' own links, they then work at whatever
# address, and in whatever folder, the site is published.
SITE_ROOT = "rebuilding-trust:site-root/"
OPTIONS = {"key": ("closed", "open")}
HOW_TO_PLACE = "see 'Placing a quiz in a page' in handbook/quizzes.md"
# What may stand before a fence on its line: indentation (a list item, an admonition) and
# blockquote markers. Used only to find a rendered fence's line for a message.
_LINE_PREFIX = re.compile(r"^[ \t>]*")
_OPENING = re.compile(r"^(`{3,}|~{3,})[ \t]*" + FENCE_NAME + r"\b")


@dataclass(frozen=True)
class QuizFence:
    """A parsed fence: which quiz, and whether its paper key starts open."""

    quiz_id: str
    key_open: bool


@dataclass(frozen=True)
class Placement:
    """A quiz fence SuperFences rendered: the page's source path, the fence's line in it and the fence."""

    page: str
    line: int | None  # None only if the fence could not be found again in the source
    fence: QuizFence

    @property
    def where(self) -> str:
        """`docs/<page>:<line>`, for messages."""
        return _where(self.page, self.line)


def _where(page: str, line: int | None) -> str:
    return f"docs/{page}" + (f":{line}" if line else "")


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


def fence_index(lines: list[str], body: str, after: int) -> int | None:
    """The index in `lines` of the first quiz fence opening at or past `after` whose body is
    `body` (as SuperFences hands it to the formatter), or None.

    Only to name the line in a message: SuperFences has already decided that the fence is one,
    and `after` (where its previous block ended) skips fences shown inside longer ones.
    """
    content = [_LINE_PREFIX.sub("", line).strip() for line in lines]
    wanted = [line.strip() for line in body.splitlines()]
    for index in range(after, len(content)):
        if _OPENING.match(content[index]) and content[index + 1:index + 1 + len(wanted)] == wanted:
            return index
    return None


def superfences_position(md: markdown.Markdown) -> int:
    """The line (0-based, in the Markdown SuperFences reads) where its last finished block ended.

    SuperFences keeps `(placeholder, start, end)` for each block it has finished in `stack`; a
    fence it is formatting lies past the last one. A release that drops it stops the build.
    """
    blocks = getattr(md.preprocessors["fenced_code_block"], "stack", None)
    if not isinstance(blocks, list):
        raise InternalError("pymdownx.superfences no longer keeps its finished blocks in `stack`: "
                            "update sitegen/quiz/fence.py's superfences_position")
    return blocks[-1][2] if blocks else 0


class FenceLog:
    """The quiz fences SuperFences rendered in this build, page by page, and each quiz's home.

    Made once per build. MkDocs renders one page at a time, so the page being read is set
    (`reading`) before SuperFences converts its Markdown, and the formatter notes its fences there.
    """

    def __init__(self, quizzes: Mapping[str, QuizSurface]) -> None:
        self._quizzes = quizzes
        self._page: File | None = None
        self._lines: list[str] = []
        self._markdown = ""
        self._placed: dict[str, list[Placement]] = {}
        self._homes: dict[str, File] | None = None

    def reading(self, file: File, markdown_text: str) -> None:
        """The page whose Markdown SuperFences converts next, as it will read it (without front
        matter); forgets what that page placed before."""
        self._page = file
        self._markdown = markdown_text
        self._lines = markdown_text.split("\n")
        self._placed[file.src_uri] = []

    def placed(self, file: File) -> list[Placement]:
        """The quiz fences rendered in a page, in order."""
        return list(self._placed.get(file.src_uri, []))

    def check(self, body: str, md: markdown.Markdown) -> Placement:
        """Parse and check a fence SuperFences is rendering, and note it on the page being read.

        Raises FenceError naming the page and line (the page alone if the line cannot be found).
        """
        if self._page is None:
            raise InternalError("a quiz fence was rendered before FenceLog.reading named its page")
        index = fence_index(self._lines, body, after=superfences_position(md))
        # Lines are counted in the page's file, front matter included (read only for a page with
        # a fence). When a page is rendered, a marker filled in with several lines shifts the
        # lines after it; by then the survey, which reads the file itself, has checked the
        # guide's fences at their true lines.
        line = None if index is None else 1 + front_matter_lines(self._page, self._markdown) + index
        where = _where(self._page.src_uri, line)
        try:
            fence = parse(body)
        except ValueError as error:
            raise FenceError(where, f"bad quiz fence: {error}", HOW_TO_PLACE) from None
        if fence.quiz_id not in self._quizzes:
            raise FenceError(where, f"unknown quiz {fence.quiz_id!r}",
                             f"use one of: {', '.join(sorted(self._quizzes))} (python -m quizzes list)")
        placement = Placement(self._page.src_uri, line, fence)
        self._placed[self._page.src_uri].append(placement)
        return placement

    def survey(self, pages: Iterable[File], config: MkDocsConfig) -> dict[str, File]:
        """Find each quiz's home before any page is rendered: the first of `pages` (the guide in
        reading order) where SuperFences renders its fence. Checks those pages' fences too.

        Runs only the Markdown preprocessors, with the site's own extensions: SuperFences is
        one, and formats every fence there. (A fence a later stage puts back as code, one
        indented as a code block, stops the build in `declare_anchors`.)
        """
        md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        homes: dict[str, File] = {}
        for file in pages:
            body, _ = meta.get_data(file.content_string)
            self.reading(file, body)
            md.reset()
            lines = body.split("\n")
            for preprocessor in md.preprocessors:
                lines = preprocessor.run(lines)
            for placement in self.placed(file):
                homes.setdefault(placement.fence.quiz_id, file)
        self._homes = homes
        return homes

    @property
    def homes(self) -> dict[str, File]:
        """Each placed quiz's page, as `survey` found it."""
        if self._homes is None:
            raise InternalError("quiz homes were asked for before FenceLog.survey ran (on_files)")
        return self._homes


def declare_anchors(page: Page, html: str, log: FenceLog) -> None:
    """Tell MkDocs' link check that each quiz the page's rendering placed has its anchor there.

    SuperFences stashes a form's HTML before MkDocs looks for ids in a page's raw HTML, so a
    link to `page.md#quiz-<id>` would otherwise count as broken. A fence SuperFences formatted
    and then put back as text (one indented as a code block) stops the build instead of
    counting as placed.
    """
    anchors = []
    for placement in log.placed(page.file):
        anchor = quiz_anchor(placement.fence.quiz_id)
        if f'id="{anchor}"' not in html:  # form.html gives the form this id
            raise BuildInputError(placement.where,
                                  f"the quiz fence {placement.fence.quiz_id!r} shows as code, not as a quiz: "
                                  "it is indented as a code block",
                                  "indent a quiz fence only inside a list item, blockquote or admonition; "
                                  "to show one as an example, put it inside a longer fence")
        anchors.append(anchor)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(anchors)


def place_site_root(html: str, page: Page) -> str:
    """A rendered page with its forms' stand-in for the site's root replaced by the way up to
    it from the page: `./` on the home page, `../../` on `embed/<quiz id>/`."""
    return html.replace(SITE_ROOT, get_relative_url(".", page.url) + "/")


def load_strings(overrides: Path) -> dict[str, Any]:
    """The widget's reader-facing strings, kept in one file for translation."""
    strings: dict[str, Any] = json.loads((overrides / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))
    strings.pop("_comment", None)
    return strings


class FormRenderer:
    """Renders quiz fences as forms with their paper key; every quiz text is HTML-escaped.

    Made once per build, so its memo of rendered forms goes with the build.
    """

    def __init__(self, overrides: Path, quizzes: Mapping[str, QuizSurface], strings: dict[str, Any],
                 assets: str) -> None:
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
                teaches=quiz.teaches, strings=self._strings,
                site_root=SITE_ROOT, assets=self._assets, safety=safety.to_dict() if safety else None,
            )
        return self._rendered[fence]


def plug_in(config: MkDocsConfig, render: Callable[[QuizFence], str], log: FenceLog) -> None:
    """Register the quiz fence with pymdownx.superfences, replacing an earlier build's entry."""
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    fences[:] = [entry for entry in fences if entry.get("name") != FENCE_NAME]
    fences.append({"name": FENCE_NAME, "class": FENCE_NAME, "format": _formatter(render, log)})


def _formatter(render: Callable[[QuizFence], str], log: FenceLog) -> Callable[..., str]:
    def format_quiz(source: str, language: str, css_class: str, options: dict[str, Any], md: Any,
                    **kwargs: Any) -> str:
        placement = log.check(source, md)  # a bad fence raises FenceError, which SuperFences lets through
        try:
            return render(placement.fence)
        except Exception as error:
            raise FenceError(placement.where, f"quiz {placement.fence.quiz_id!r} could not be rendered: {error!r}",
                             "check overrides/partials/quiz/ and the quiz's definition") from error

    return format_quiz
