"""Every link a quiz shows into the guide leads to a page of this build, and to its section.

MkDocs checks the links written in Markdown. A quiz's links reach readers another way (its form,
its paper key and its results, written by the build and the widget), where MkDocs does not look:
so each page's ids are noted as the page renders (`PageTargets.note`), and the quizzes' links
are checked against them once every page has (`check_links`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs.structure.pages import Page

from quizzes.core.links import SCHEME
from sitegen.errors import BuildInputError, BuildInputErrors
from sitegen.quiz.surface import QuizSurface

ID_ATTRIBUTE = re.compile(r"""\sid=["']([^"']*)["']""")


@dataclass
class PageTargets:
    """The ids of each rendered page's content, by the page's address from the site root
    ("" for the home page, "step-by-step/" for a chapter)."""

    ids: dict[str, set[str]] = field(default_factory=dict)

    def note(self, page: Page, content: str) -> None:
        self.ids[page.url] = {html.unescape(value) for value in ID_ATTRIBUTE.findall(content)}


def check_links(quizzes: Mapping[str, QuizSurface], targets: PageTargets) -> None:
    """Raise one BuildInputError naming every quiz link, at the line that wrote it, that leads to
    no page of this build or to no section of its page."""
    errors = [BuildInputError(f"{owner.file}:{owner.line}", f"quiz {quiz.id!r}: the link {link.href!r} "
                              f"({link.text!r}) {problem}", _fix(targets))
              for quiz in quizzes.values() for owner, link in quiz.guide_links()
              if (problem := link_problem(link.href, targets))]
    if errors:
        raise BuildInputErrors(errors)


def link_problem(href: str, targets: PageTargets) -> str | None:
    """What is wrong with a link to a page of the site (relative to its root); None when it leads
    somewhere, or leaves the site (tel:, sms:, https://: not this build's to check)."""
    if SCHEME.match(href):
        return None
    path, _, section = href.partition("#")
    ids = targets.ids.get(path)
    if ids is None:
        return "leads to no page of this guide"
    if section and section not in ids:
        return f"leads to no section {section!r} on that page"
    return None


def _fix(targets: PageTargets) -> str:
    pages = ", ".join(repr(address) for address in sorted(targets.ids) if address and not address.startswith("embed/"))
    return (f"link to a page's address from the site root ({pages}), with '#' and the id of one of its "
            "headings for a section (the id MkDocs gives the heading, or the one its '{ #id }' sets); "
            "guide links live in quizzes/core/guide.py")
