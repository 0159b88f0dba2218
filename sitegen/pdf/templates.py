"""The Jinja templates of the PDF (overrides/pdf/): autoescaped, and strict about missing values."""

from __future__ import annotations

from pathlib import Path

import jinja2

from sitegen.contracts import template_globals

FOLDER = "pdf"  # overrides/pdf/: .html only, so MkDocs never copies it into the site


def environment(overrides: Path) -> jinja2.Environment:
    """An environment loading overrides/pdf/; every value a template prints is HTML-escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(overrides / FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(template_globals())
    return env
