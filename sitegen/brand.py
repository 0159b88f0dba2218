"""The clinic's colours (`extra.brand` in mkdocs.yml), checked for WCAG AA contrast.

Full and embedded pages take them from one inline <style> in main.html, so a clinic
re-brands the site and its embeds in one place.
"""

from __future__ import annotations

import re
from typing import Any

from sitegen.errors import BuildInputError

AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"
HEX = re.compile(r"#[0-9a-fA-F]{6}")


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def from_extra(extra: dict[str, Any]) -> dict[str, str]:
    """The brand colours, each readable on white and under white text (AA, 4.5:1)."""
    brand = extra.get("brand")
    if not isinstance(brand, dict) or set(brand) != {"primary", "accent"}:
        raise BuildInputError("mkdocs.yml", "extra.brand must have exactly the keys primary and accent",
                              'set e.g. primary: "#1f5f5b" and accent: "#8a4b1c" under extra: brand:')
    for key, colour in brand.items():
        if not isinstance(colour, str) or not HEX.fullmatch(colour):
            raise BuildInputError("mkdocs.yml", f"extra.brand.{key} must be a colour like \"#1f5f5b\", got {colour!r}",
                                  "write the colour as # and six hex digits, in quotes")
        ratio = contrast(colour, WHITE)
        if ratio < AA_NORMAL_TEXT:
            raise BuildInputError("mkdocs.yml", f"extra.brand.{key} {colour} has a contrast of {ratio:.1f}:1 with white; "
                                  f"text needs {AA_NORMAL_TEXT}:1", "choose a darker shade")
    return dict(brand)
