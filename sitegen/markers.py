"""`{{ name }}` markers in pages, filled in from mkdocs.yml and the quizzes' shared data.

One marker syntax, one flat table of renderers; an unknown marker stops the build.
"""

from __future__ import annotations

import html
import importlib
import re
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from sitegen import clinic
from sitegen.errors import BuildInputError
from sitegen.locate import page_line

MARKER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")


def expand(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Replace every marker of a page; errors name the page, the line and the markers that exist."""

    def replace(match: re.Match[str]) -> str:
        render = RENDERERS.get(match.group(1))
        if render is None:
            raise BuildInputError(
                page_line(page, markdown, match.start()),
                f"unknown marker '{{{{ {match.group(1)} }}}}'",
                "use one of " + ", ".join(f"{{{{ {name} }}}}" for name in RENDERERS),
            )
        return render(config)

    return MARKER.sub(replace, markdown)


def render_safety_resources(config: MkDocsConfig) -> str:
    """The crisis resources, from the same data the quizzes' safety-first result uses."""
    safety = importlib.import_module("quizzes.core.safety")
    entries = []
    for resource in safety.ALL_RESOURCES:
        contacts = " · ".join(f'<a href="{html.escape(contact.href, quote=True)}">{html.escape(contact.label)}</a>'
                              for contact in resource.contacts)
        entries.append(f"<li><strong>{html.escape(resource.name)}</strong><br>{contacts}<br>"
                       f"{html.escape(resource.note)}</li>")
    return '<ul class="safety-resources">\n' + "\n".join(entries) + "\n</ul>"


RENDERERS: dict[str, Callable[[MkDocsConfig], str]] = {
    "clinic.name": lambda config: clinic.render_name(config.extra["clinic"]),
    "clinic.locations": lambda config: clinic.render_locations(config.extra["clinic"]),
    "clinic.consultation": lambda config: clinic.render_consultation(config.extra["clinic"]),
    "safety.resources": render_safety_resources,
    "safety.browsing_note": lambda config: html.escape(importlib.import_module("quizzes.core.safety").BROWSING_NOTE),
}
