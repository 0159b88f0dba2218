"""The quick-exit settings (`extra.quick_exit` in mkdocs.yml), checked before the build."""

from __future__ import annotations

from typing import Any

from sitegen.errors import BuildInputError


def check(extra: dict[str, Any]) -> None:
    """A quick exit must lead to a real https page and say what it does."""
    settings = extra.get("quick_exit")
    url = settings.get("url") if isinstance(settings, dict) else None
    label = settings.get("label") if isinstance(settings, dict) else None
    if not isinstance(url, str) or not url.startswith("https://"):
        raise BuildInputError("mkdocs.yml", f"extra.quick_exit.url must be an https:// address, got {url!r}",
                              "set it to a neutral page, e.g. https://www.weather.gov/")
    if not isinstance(label, str) or not label.strip():
        raise BuildInputError("mkdocs.yml", "extra.quick_exit.label must be non-empty text",
                              "set it to what the button says, e.g. Quick exit")
