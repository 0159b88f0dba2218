"""Material's search dialog has an accessible name (overrides/partials/search.html)."""

from __future__ import annotations

import re
from pathlib import Path



DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"([^>]*)>')


def test_every_built_search_dialog_is_named(built_site: Path) -> None:
    pages = [path for path in built_site.rglob("*.html")
             if 'data-md-component="search"' in path.read_text(encoding="utf-8")]
    assert (built_site / "index.html") in pages and len(pages) >= 10
    for path in pages:
        dialogs = DIALOG.findall(path.read_text(encoding="utf-8"))
        assert dialogs == [' aria-label="Search"'], f"{path}: {dialogs}"
