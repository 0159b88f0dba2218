"""The links a quiz may show: pages of this site, phone calls and texts, and https:// addresses.

A link is written into a page as it is, so a scheme a browser runs (`javascript:`, `data:`) or a
form it reads as another site (`//host`, `https:host`) would reach readers unchanged. `Href`
marks the fields that hold such a link: a `str` to Python, which the author checks (driven by
the annotations, see `fieldtypes`) test with `href_problem`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated
from urllib.parse import urlsplit

ALLOWED = "a page of this site relative to the site root (like 'help-now/'), tel:, sms: or https://"
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # as browsers read one, before any '/', '?' or '#'
PHONE_NUMBER = re.compile(r"\+?[0-9][0-9().-]*")
# An sms: link may carry the message already typed (`?&body=…`, see safety.text_message).
TEXT_MESSAGE = re.compile(rf"{PHONE_NUMBER.pattern}(?:\?[^#]*)?")
HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


def from_root(href: str, root: str) -> str:
    """`href` as a page writes it: a page of this site after `root`, the page's way up to the
    site's root (e.g. "../"); a tel:, sms: or https:// link as it is."""
    return href if SCHEME.match(href) else root + href


def href_problem(href: str) -> str | None:
    """Why `href` may not be shown to a reader, with the fix; None when it may."""
    if not href:
        return f"is empty; write {ALLOWED}"
    hidden = _hidden_character(href)
    if hidden:
        return f"contains {hidden}, which browsers drop or misread; remove it"
    if "\\" in href:
        return "contains a backslash, which browsers read as '/'; write '/' instead"
    scheme = SCHEME.match(href)
    if scheme:
        return _scheme_problem(scheme.group()[:-1].lower(), href[scheme.end():])
    if href.startswith("//"):
        return f"leads to another site with no scheme; write 'https:{href}' for another site, or {ALLOWED}"
    if href.startswith("/"):
        return ("must be relative to the site root, like 'step-by-step/#step-1': a leading '/' "
                "leaves the site when it is published under a sub-path")
    return None


def _scheme_problem(scheme: str, rest: str) -> str | None:
    if scheme == "tel":
        return None if PHONE_NUMBER.fullmatch(rest) else "needs a phone number after 'tel:', like 'tel:+18007997233'"
    if scheme == "sms":
        return None if TEXT_MESSAGE.fullmatch(rest) else "needs a phone number after 'sms:', like 'sms:988'"
    if scheme == "https":
        return _https_problem(rest)
    if scheme == "http":
        return "uses http:, which travels unencrypted; use https://"
    return f"uses {scheme}:, but a quiz may link only to {ALLOWED}"


def _https_problem(rest: str) -> str | None:
    if not rest.startswith("//"):
        return ("has no '//' after 'https:', so it names no host; write 'https://' and the host, "
                "like 'https://example.org/page'")
    try:
        parts = urlsplit("https:" + rest)
        _ = parts.port  # raises ValueError on a port that is not a number
    except ValueError:
        return "is not a valid https:// address; write it like 'https://example.org/page'"
    if "@" in parts.netloc:
        return "names a user before '@', which hides the real host from readers; remove it"
    host = parts.hostname or ""
    if not host or not all(HOST_LABEL.fullmatch(label) for label in host.split(".")):
        return "needs a host name after 'https://', like 'https://example.org/page'"
    return None


def _hidden_character(href: str) -> str:
    """'a space', 'the character U+200B (ZERO WIDTH SPACE)'…: the first whitespace or invisible
    character, else ''."""
    for character in href:
        if character == " ":
            return "a space"
        if character.isspace() or unicodedata.category(character).startswith("C"):
            name = unicodedata.name(character, "")
            return f"the character U+{ord(character):04X}" + (f" ({name})" if name else "")
    return ""


# A link a reader can follow: `help-now/`, `../what-not-to-do/#x`, `tel:988`, `sms:988`, `https://host/…`.
Href = Annotated[str, href_problem]
