"""Material's own script, which the theme loads deferred rather than as Material writes it.

Material ends each page with a plain `<script>` for its bundle. The browser then waits for
that script before the first paint, and Lighthouse counts it as render-blocking (0.3 s of
first paint on its simulated phone: 1.5 s before, 1.2 s after). Deferred, it still runs
before DOMContentLoaded and before the site's scripts that follow it at the end of the page.
A quiz's widget.js comes earlier, with its form, and waits for DOMContentLoaded itself.

Also relied on, in templates rather than here: Material's search plugin leaves an element with
`data-search-exclude` out of its index, but ends the exclusion at the first closing tag of the
same name, so each quiz form is an `<article>`, a tag it holds no other of
(overrides/partials/quiz/form.html; tests/site/test_search_index.py checks the index).
"""

from __future__ import annotations

import re
from pathlib import Path

import material

TEMPLATES = Path(material.__file__).parent / "templates"
BUNDLES = "assets/javascripts"  # in Material's templates folder, as the pages address it


def bundle_path(templates: Path = TEMPLATES) -> str:
    """The site path of Material's bundle script (its name carries a content hash)."""
    folder = templates / BUNDLES
    found = sorted(path.name for path in folder.glob("bundle.*.min.js"))
    if len(found) != 1:
        # A Material release that names its script differently must not leave pages without it.
        raise RuntimeError(f"expected one bundle.*.min.js in {folder}, found {found or 'none'}: "
                           "update sitegen/material.py for this mkdocs-material version")
    return f"{BUNDLES}/{found[0]}"


# Material labels each colour scheme's radio button with its toggle's action ("Switch to dark
# mode"), so the checked button of a dark page is announced as "Switch to light mode" and the
# other one, while the page is dark, as "Switch to dark mode". Named by what they are, the
# radios read as a choice of scheme; the visible toggle keeps its action as its title.
SCHEME_NAMES = {"default": "Light colours", "slate": "Dark colours"}
_SCHEME_RADIO = re.compile(r'(<input class="md-option"[^>]*? data-md-color-scheme="([^"]*)"[^>]*?) aria-label="[^"]*"')


def name_scheme_choices(html: str) -> str:
    """A page with Material's colour toggle, its scheme radios named after the schemes."""
    if 'name="__palette"' not in html:
        return html

    def named(match: re.Match[str]) -> str:
        scheme = match.group(2)
        if scheme not in SCHEME_NAMES:
            raise RuntimeError(f"no name for the colour scheme {scheme!r}: add it to SCHEME_NAMES in sitegen/material.py")
        return f'{match.group(1)} aria-label="{SCHEME_NAMES[scheme]}"'

    renamed, count = _SCHEME_RADIO.subn(named, html)
    if count != html.count('name="__palette"'):
        raise RuntimeError("Material's colour toggle changed: update sitegen/material.py for this mkdocs-material version")
    return renamed
