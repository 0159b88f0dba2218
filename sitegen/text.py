"""Text from settings, page meta and quizzes, escaped for where the build writes it.

MkDocs' Jinja has no autoescape (it would escape Material's `page.content`, the page itself),
so every value is escaped where it lands: the theme's templates with explicit filters
(`| e`, `| tojson`), the build's Python with these helpers and `html.escape`.
"""

from __future__ import annotations

import html
import re


def title_html(text: str) -> str:
    """Plain text as a generated page's title, which MkDocs and Material treat as HTML.

    A page's title from its heading is HTML, and Material prints `page.title` as it is (the
    heading of a page without one, the navigation); the theme's <title> reduces it to text
    and escapes it again. A page's description is text: the theme escapes it.
    """
    return html.escape(text, quote=True)


# Python-Markdown's own escapable characters: a backslash before any other stays visible.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_text(text: str) -> str:
    """An author's text as literal Markdown: HTML-escaped (as the forms escape it) and with
    Markdown's punctuation escaped, so a bracket or an asterisk stays a character."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))
