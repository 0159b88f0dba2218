"""Clinic details from `extra.clinic` in mkdocs.yml, and how pages show them."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from sitegen.errors import BuildInputError

CONFIG_FILE = "mkdocs.yml"
FIX = "edit the `extra: clinic:` block in mkdocs.yml (see the README, 'Clinic details')"


@dataclass(frozen=True)
class Clinic:
    """Validated clinic details; a None value means the client has not given one."""

    name: str
    locations: tuple[str, ...]
    consultation_label: str
    consultation_url: str | None
    phone: str | None
    email: str | None
    website: str | None


def from_extra(extra: dict[str, Any]) -> Clinic:
    """Validate `extra.clinic`, raising BuildInputError that names the bad key."""
    block = _mapping(extra.get("clinic"), "extra.clinic", {"name", "locations", "consultation", "contact"})
    consultation = _mapping(block.get("consultation"), "extra.clinic.consultation", {"label", "url"})
    contact = _mapping(block.get("contact", {}), "extra.clinic.contact", {"phone", "email", "website"})
    locations = block.get("locations")
    if not isinstance(locations, list) or not locations:
        _fail("extra.clinic.locations", "must be a list of at least one place, e.g. '- in person in San Francisco'")
    return Clinic(
        name=_text(block.get("name"), "extra.clinic.name"),
        locations=tuple(_text(place, f"extra.clinic.locations[{i}]") for i, place in enumerate(locations)),
        consultation_label=_text(consultation.get("label"), "extra.clinic.consultation.label"),
        consultation_url=_url(consultation.get("url"), "extra.clinic.consultation.url"),
        phone=_optional_text(contact.get("phone"), "extra.clinic.contact.phone"),
        email=_optional_text(contact.get("email"), "extra.clinic.contact.email"),
        website=_url(contact.get("website"), "extra.clinic.contact.website"),
    )


def render_name(clinic: Clinic) -> str:
    """The clinic's name, escaped for a page."""
    return html.escape(clinic.name)


def render_locations(clinic: Clinic) -> str:
    """The locations as prose: "online throughout California or in person in San Francisco"."""
    places = [html.escape(place) for place in clinic.locations]
    return places[0] if len(places) == 1 else ", ".join(places[:-1]) + " or " + places[-1]


def render_consultation(clinic: Clinic) -> str:
    """The booking button, or the offer as plain text while no booking link is configured."""
    label = html.escape(clinic.consultation_label)
    if clinic.consultation_url is None:
        return f'<p class="clinic-consultation"><strong>{label}</strong></p>'
    url = html.escape(clinic.consultation_url, quote=True)
    return f'<p class="clinic-consultation"><a class="md-button md-button--primary" href="{url}">{label}</a></p>'


def _mapping(value: Any, key: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(key, f"must be a mapping with the keys {', '.join(sorted(allowed))}")
    unknown = set(value) - allowed
    if unknown:
        _fail(key, f"has unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}")
    return value


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(key, f"must be non-empty text, got {value!r}")
    return value.strip()


def _optional_text(value: Any, key: str) -> str | None:
    return None if value is None else _text(value, key)


def _url(value: Any, key: str) -> str | None:
    url = _optional_text(value, key)
    if url is not None and not url.startswith(("https://", "http://")):
        _fail(key, f"must be an http(s) address or null, got {url!r}")
    return url


def _fail(key: str, problem: str) -> None:
    raise BuildInputError(CONFIG_FILE, f"{key} {problem}", FIX)
