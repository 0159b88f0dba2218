"""The clinic's colours from mkdocs.yml reach full and embedded pages, and must stay readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.brand import contrast, from_extra
from sitegen.errors import BuildInputError


def test_contrast_matches_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("brand, message", [
    ({"primary": "#80cbc4", "accent": "#8a4b1c"}, "extra.brand.primary #80cbc4 has a contrast of 1.9:1 with white"),
    ({"primary": "teal", "accent": "#8a4b1c"}, 'extra.brand.primary must be a colour like "#1f5f5b"'),
    ({"primary": "#1f5f5b"}, "extra.brand must have exactly the keys primary and accent"),
])
def test_unreadable_or_malformed_colours_are_refused(brand: dict, message: str) -> None:
    with pytest.raises(BuildInputError, match=message):
        from_extra({"brand": brand})


def test_full_and_embedded_pages_carry_the_brand(built_site: Path) -> None:
    for page in ["index.html", "embed/trust-signs/index.html", "embed/guide/step-by-step/index.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert "--brand-primary: #1f5f5b; --brand-accent: #8a4b1c;" in html, page
