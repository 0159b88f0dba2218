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
