"""The guide's reading order, from mkdocs.yml's nav, for the embed pages, the markers and the PDF."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.structure.files import File, Files

_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:")  # "https://…", "mailto:…"


def nav_pages(nav: list[Any]) -> list[tuple[str, str]]:
    """(title, src_uri) of every page in a nav, in order; sections flattened, other sites left out."""
    found: list[tuple[str, str]] = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else ("", entry)
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str) and not _EXTERNAL.match(value):
            found.append((title or "", value))
    return found


def reading_order(nav: list[Any] | None) -> Callable[[File], tuple[int, str]]:
    """A sort key for files: the nav's order first, then pages outside the nav by name."""
    order = [src_uri for _, src_uri in nav_pages(nav or [])]
    return lambda file: (order.index(file.src_uri) if file.src_uri in order else len(order), file.src_uri)


def guide_pages(files: Files, nav: list[Any] | None) -> list[File]:
    """The guide's own pages in reading order: those read from docs/, not the ones the build
    generates (the embed variants and the staff page)."""
    return sorted((file for file in files.documentation_pages() if file.generated_by is None),
                  key=reading_order(nav))
