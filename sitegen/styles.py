"""The site's stylesheet, carried inline in every page's <head> rather than fetched first.

As a file, `site.css` was one more render-blocking request on every page. The quiz form's
`quiz.css` is linked by each quiz form itself (partials/quiz/form.html): only pages with a
quiz fetch it, and only what follows it waits for it. (Inline, its container queries would
also meet the Nu Html Checker, whose CSS checker does not know `@container` yet.)
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.files import Files

from sitegen.errors import InternalError

INLINE = ("assets/stylesheets/site.css",)  # in overrides/, in this order


def inline_styles(overrides: Path) -> Markup:
    """The stylesheets' text, one after the other, for a <style> element of the theme."""
    texts = [(overrides / name).read_text(encoding="utf-8") for name in INLINE]
    if any("</" in text for text in texts):  # would end the <style> element early
        raise InternalError(f"a stylesheet of {INLINE} contains '</'")
    return Markup("\n".join(texts))


def drop_inlined(files: Files) -> None:
    """Serve no copy of an inlined stylesheet."""
    for name in INLINE:
        file = files.get_file_from_path(name)
        if file is not None:
            files.remove(file)
