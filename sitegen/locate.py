"""Where a piece of a page's Markdown is in its source file, for error messages."""

from __future__ import annotations

from mkdocs.structure.pages import Page


def page_line(page: Page, markdown: str, index: int) -> str:
    """`docs/<page>:<line>` for a character index into the Markdown MkDocs hands to hooks.

    That Markdown lacks the page's front matter, so lines are counted from the source file.
    """
    source = page.file.content_string
    front_matter_lines = source.count("\n") - markdown.count("\n") if source.endswith(markdown) else 0
    line = front_matter_lines + markdown.count("\n", 0, index) + 1
    return f"docs/{page.file.src_uri}:{line}"
