"""MkDocs hooks: thin entry points that hand each build step to the `sitegen` package."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitegen import clinic


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the clinic details once, before any page is read."""
    config.extra["clinic"] = clinic.from_extra(config.extra)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the clinic markers of a page."""
    return clinic.expand_markers(markdown, config.extra["clinic"], page)
