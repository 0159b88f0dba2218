"""The pages of the built site, as URLs relative to its root."""

from __future__ import annotations

from pathlib import Path


def site_pages(site: Path) -> list[str]:
    """Every page a reader can reach: each folder's index.html (the 404 page excluded)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        if not folder.startswith("assets"):
            pages.append("./" if folder == "." else f"{folder}/")
    return pages
