"""Text from settings, page meta and quizzes, escaped for where the build writes it.

MkDocs' Jinja has no autoescape (it would escape Material's `page.content`, the page itself),
so every value is escaped where it lands: the theme's templates with explicit filters
(`| e`, `| tojson`), the build's Python with these helpers and `html.escape`.
"""

from __future__ import annotations

import html
import re


def page_meta_text(text: str) -> str:
    """Plain text for a generated page's title or description.

    Material writes `page.meta.title` and `page.meta.description` into its pages as they
    are (as HTML: a page's title from its heading is HTML too), so plain text goes in
    escaped, quotes included: the description lands in an attribute.
    """
    return html.escape(text, quote=True)


# Python-Markdown's own escapable characters: a backslash before any other stays visible.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_text(text: str) -> str:
    """An author's text as literal Markdown: HTML-escaped (as the forms escape it) and with
    Markdown's punctuation escaped, so a bracket or an asterisk stays a character."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))
