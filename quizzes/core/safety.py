"""Crisis and safety resources: the one place the quizzes, the help page and the PDF read them.

United States numbers. Re-check every entry before each release.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .links import Href

REGION = "United States"


@dataclass(frozen=True)
class Contact:
    """One way to reach a resource, e.g. ``Contact("Call 988", "tel:988")``."""

    label: str
    href: Href

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "href": self.href}


def text_message(number: str, keyword: str = "") -> str:
    """An `sms:` link to `number` with `keyword` already typed as the message.

    `?&body=` is the one form that both iOS (which reads `&body`) and Android (which reads
    `?body`) fill in, so a reader in a hurry only presses Send.
    """
    return f"sms:{number}?&body={keyword}" if keyword else f"sms:{number}"


@dataclass(frozen=True)
class Resource:
    """A service a reader can reach: its name, how to reach it, and a note on what it offers."""

    name: str
    contacts: tuple[Contact, ...]
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "contacts": [contact.to_dict() for contact in self.contacts],
            "note": self.note,
        }


@dataclass(frozen=True)
class SafetyNotice:
    """The block a safety-first result leads with."""

    message: str
    resources: tuple[Resource, ...]
    browsing_note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "resources": [resource.to_dict() for resource in self.resources],
            "browsing_note": self.browsing_note,
        }


EMERGENCY = Resource(
    name="Emergency services",
    contacts=(Contact("Call 911", "tel:911"),),
    note="Police, fire or an ambulance, any time.",
)

DOMESTIC_VIOLENCE_HOTLINE = Resource(
    name="National Domestic Violence Hotline",
    contacts=(
        Contact("Call 1-800-799-7233", "tel:+18007997233"),
        Contact("TTY 1-800-787-3224", "tel:+18007873224"),
        Contact("Text START to 88788", text_message("88788", "START")),
    ),
    note=(
        "Free, private, and open all day, every day. An advocate can help you make a safety plan "
        "and find support just for you. The Hotline cannot send help to you: call 911 in an emergency."
    ),
)

SUICIDE_AND_CRISIS_LIFELINE = Resource(
    name="988 Suicide & Crisis Lifeline",
    contacts=(Contact("Call 988", "tel:988"), Contact("Text 988", text_message("988"))),
    note=(
        "For anyone in emotional distress or thinking about suicide, any time. "
        "When you call, press 1 for the Veterans Crisis Line or 2 for Spanish."
    ),
)

CRISIS_TEXT_LINE = Resource(
    name="Crisis Text Line",
    contacts=(Contact("Text HOME to 741741", text_message("741741", "HOME")),),
    note="Free support by text from a trained volunteer, any time.",
)

CALIFORNIA_WARM_LINE = Resource(
    name="California Peer-Run Warm Line",
    contacts=(
        Contact("Call 1-855-845-7415", "tel:+18558457415"),
        Contact("Text 1-855-845-7415", text_message("+18558457415")),
    ),
    note="Someone to talk to when it is hard but not a crisis, any time.",
)

BROWSING_NOTE = (
    "If someone checks your phone or computer, a private browsing window is safer. "
    "The quick-exit button leaves this page fast, but it does not erase your browsing history."
)

# The short list a safety-first quiz result leads with: emergency first, then safety planning.
SAFETY_FIRST = (EMERGENCY, DOMESTIC_VIOLENCE_HOTLINE, SUICIDE_AND_CRISIS_LIFELINE)

# Everything the help page lists.
ALL_RESOURCES = SAFETY_FIRST + (CRISIS_TEXT_LINE, CALIFORNIA_WARM_LINE)

SAFETY_FIRST_NOTICE = SafetyNotice(
    message="If you are in danger right now, call 911.",
    resources=SAFETY_FIRST,
    browsing_note=BROWSING_NOTE,
)
