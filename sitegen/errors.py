"""The build's two kinds of failure: bad input (BuildInputError, for the author to mend, naming
where it is and how to fix it), raised by the site build and the PDF export alike, and a broken
invariant (InternalError, a bug or an unexpected dependency release, for a developer)."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from pymdownx.superfences import SuperFencesException


class BuildInputError(PluginError):
    """Bad input found while building: the message names the file (and line) and the fix."""

    def __init__(self, where: str, problem: str, fix: str) -> None:
        super().__init__(f"{where}: {problem}\n  How to fix: {fix}")
        self.where, self.problem, self.fix = where, problem, fix


class BuildInputErrors(BuildInputError):
    """Several bad inputs found in one pass, told one after another, each with its fix, so that
    one edit mends them all. Caught as a BuildInputError; `errors` holds each one."""

    def __init__(self, errors: Sequence[BuildInputError]) -> None:
        if not errors:
            raise InternalError("BuildInputErrors needs at least one error")
        self.errors = tuple(errors)
        self.where, self.problem, self.fix = errors[0].where, errors[0].problem, errors[0].fix
        # Each error's text is already "where: problem / How to fix: fix"; not formatted again.
        PluginError.__init__(self, "\n".join(str(error) for error in self.errors))


class InternalError(RuntimeError):
    """Something the code relies on does not hold: a bug, or a release of a dependency that
    changed what `sitegen/material.py` and friends expect. Never the author's input."""


class FenceError(BuildInputError, SuperFencesException):
    """Bad input inside a custom fence: SuperFences lets this one through instead of falling
    back to a plain code block; `where` names the page and line."""


def front_matter_lines(file: File, markdown: str) -> int:
    """How many lines of the page's file come before `markdown`, the Markdown MkDocs hands to
    hooks (which lacks the front matter); reads the file."""
    source = file.content_string
    return source.count("\n") - markdown.count("\n") if source.endswith(markdown) else 0


def page_line(page: Page, markdown: str, index: int) -> str:
    """`docs/<page>:<line>` for a character index into the Markdown MkDocs hands to hooks."""
    line = front_matter_lines(page.file, markdown) + markdown.count("\n", 0, index) + 1
    return f"docs/{page.file.src_uri}:{line}"
