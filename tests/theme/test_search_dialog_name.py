"""Material's search dialog has an accessible name (overrides/partials/search.html).

Read from the built pages' parsed markup; axe-core's `aria-dialog-name` rule checks the same
dialog in the browser on every page (the walk, tests/hardening/test_walk.py)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _SearchDialogs(HTMLParser):
    """The attributes of every element Material marks as its search component."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("data-md-component") == "search":
            self.found.append(values)


def search_dialogs(path: Path) -> list[dict[str, str]]:
    reader = _SearchDialogs()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.found


def test_every_built_search_dialog_is_named(built_site: Path) -> None:
    pages = {path: search_dialogs(path) for path in built_site.rglob("*.html")}
    pages = {path: dialogs for path, dialogs in pages.items() if dialogs}
    assert (built_site / "index.html") in pages and len(pages) >= 10
    for path, dialogs in pages.items():
        assert [(dialog.get("role"), dialog.get("aria-label")) for dialog in dialogs] == [("dialog", "Search")], path
