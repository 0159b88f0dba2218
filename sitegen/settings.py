"""The one schema for every key this project reads under `extra:` in mkdocs.yml.

Written with MkDocs' own `config_options`, read once per build by `hooks.py` and by the PDF
command, and never written back: `read(config.extra)` returns the checked values, and any
malformed key stops the build naming `extra.<key>` and how to fix it. Keys of Material's own
(such as `extra.social`) are left to Material.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c

from sitegen.errors import BuildInputError

AA_NORMAL_TEXT = 4.5
WHITE = "#ffffff"


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


# -----------------------------------------------------------------------------
# Values
# -----------------------------------------------------------------------------

class Text(c.BaseConfigOption[str]):
    """Non-empty text, trimmed."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise c.ValidationError(f"must be non-empty text, got {value!r}")
        return value.strip()


class Address(c.BaseConfigOption[str]):
    """A web address; `secure=True` accepts https only."""

    def __init__(self, *, secure: bool = False) -> None:
        super().__init__()
        self.schemes = ("https",) if secure else ("https", "http")

    def run_validation(self, value: object) -> str:
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme not in self.schemes or not parts.netloc:
            raise c.ValidationError(f"must be an {' or '.join(self.schemes)}:// address, got {value!r}")
        return value


class Origin(c.BaseConfigOption[str]):
    """`scheme://host[:port]`, no path; a leading `*.` in the host covers its subdomains."""

    def run_validation(self, value: object) -> str:
        parts = urlsplit(value) if isinstance(value, str) else None
        if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname
                or parts.path not in ("", "/") or parts.query or parts.fragment
                or not re.fullmatch(r"[A-Za-z0-9.*-]+", parts.hostname)):
            raise c.ValidationError(f"has {value!r}, which is not an origin (scheme and host, optional port; no path)")
        return value.rstrip("/")


class ReadableColour(c.BaseConfigOption[str]):
    """`#rrggbb` that white text can sit on, and that reads on white (WCAG AA, 4.5:1)."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            raise c.ValidationError(f'must be a colour like "#1f5f5b", got {value!r}')
        ratio = contrast(value, WHITE)
        if ratio < AA_NORMAL_TEXT:
            raise c.ValidationError(f"{value} has a contrast of {ratio:.1f}:1 with white; text needs {AA_NORMAL_TEXT}:1")
        return value


class Version(c.BaseConfigOption[str]):
    """Text or a number, printed as text."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
            raise c.ValidationError(f"must be text, got {value!r}")
        return str(value).strip()


# -----------------------------------------------------------------------------
# Blocks
# -----------------------------------------------------------------------------

class Consultation(base.Config):
    label = Text()
    url = c.Optional(Address())


class Contact(base.Config):
    phone = c.Optional(Text())
    email = c.Optional(Text())
    website = c.Optional(Address())


class Places(c.ListOfItems[str]):
    """At least one place, each as text."""

    def __init__(self) -> None:
        super().__init__(Text())

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list) or not value:
            raise c.ValidationError("must be a list of at least one place, e.g. '- in person in San Francisco'")
        return super().run_validation(value)


class Clinic(base.Config):
    """Clinic details; a null value means the client has not given one (no link is shown)."""

    name = Text()
    locations = Places()
    consultation = c.SubConfig(Consultation)
    contact = c.SubConfig(Contact)


class Brand(base.Config):
    primary = ReadableColour()
    accent = ReadableColour()


class QuickExit(base.Config):
    url = Address(secure=True)
    label = Text()


class Embed(base.Config):
    allowed_origins = c.ListOfItems(Origin(), default=[])


class Pdf(base.Config):
    version = c.Optional(Version())


class Settings(base.Config):
    """Everything under `extra:` that this project reads."""

    generator = c.Type(bool, default=True)  # Material's "Made with Material" footer link
    clinic = c.SubConfig(Clinic)
    brand = c.SubConfig(Brand)
    quick_exit = c.SubConfig(QuickExit)
    embed = c.SubConfig(Embed)
    pdf = c.SubConfig(Pdf)
    offline = c.Type(bool, default=True)  # a service worker keeps what a reader opened, for offline use


HOW_TO_FIX = {
    "generator": "write `generator: false` (or true)",
    "clinic": "edit the `extra: clinic:` block in mkdocs.yml (see handbook/editing.md, 'Clinic details')",
    "brand": 'set e.g. primary: "#1f5f5b" and accent: "#8a4b1c" under `extra: brand:`; each must be dark '
             "enough for white text (4.5:1)",
    "quick_exit": "set url to a neutral https:// page (e.g. https://www.weather.gov/) and label to what "
                  "the button says, under `extra: quick_exit:`",
    "embed": "list origins such as https://clinic.example under `extra: embed: allowed_origins:`, or leave "
             "the list empty to let any site frame the pages",
    "pdf": 'write e.g. `extra: pdf: version: "1.0"`, or remove extra.pdf',
    "offline": "write `offline: true` (keep pages and quizzes for offline reading) or `offline: false`",
}
_SUB_OPTION = re.compile(r"^Sub-option '([^']+)': (.*)$", re.DOTALL)


def read(extra: Mapping[str, Any]) -> Settings:
    """The checked `extra:` settings; BuildInputError naming `extra.<key>` and the fix otherwise."""
    settings = Settings()
    settings.load_dict({key: value for key, value in extra.items() if key in settings})
    failed, warnings = settings.validate()
    for key, problem in [*failed, *warnings]:  # a warning is an unknown key: most likely a typo
        raise BuildInputError("mkdocs.yml", f"extra.{_where(key, str(problem))}", HOW_TO_FIX[key])
    return settings


def _where(key: str, message: str) -> str:
    """Turn MkDocs' "Sub-option 'a': Sub-option 'b': problem" into "key.a.b problem"."""
    path = key
    while match := _SUB_OPTION.match(message):
        path, message = f"{path}.{match.group(1)}", match.group(2)
    if message.startswith("Unrecognised configuration name: "):
        name = message.rsplit(": ", 1)[1]
        return f"{path.rsplit('.', 1)[0] if path.endswith('.' + name) else path} has an unknown key {name!r}"
    # Our own messages continue the key ("extra.x must be …"); MkDocs' are sentences of their own.
    return f"{path}: {message}" if message[:1].isupper() else f"{path} {message}"
