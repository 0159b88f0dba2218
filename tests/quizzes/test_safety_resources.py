"""Safety resources: one place, the right numbers, plain data the site and the PDF can reuse."""

from __future__ import annotations

import json

from quizzes.core import safety


def digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit())


def test_the_safety_first_list_has_emergency_hotline_and_988() -> None:
    names = [resource.name for resource in safety.SAFETY_FIRST]
    assert names == ["Emergency services", "National Domestic Violence Hotline",
                     "988 Suicide & Crisis Lifeline"]
    hotline = safety.DOMESTIC_VIOLENCE_HOTLINE
    assert [contact.label for contact in hotline.contacts] == [
        "Call 1-800-799-7233", "TTY 1-800-787-3224", "Text START to 88788"]
    assert "call 911" in hotline.note.lower() and "safety plan" in hotline.note


def test_the_help_page_list_adds_the_text_line_and_the_warm_line() -> None:
    assert safety.ALL_RESOURCES[:3] == safety.SAFETY_FIRST
    labels = [contact.label for resource in safety.ALL_RESOURCES for contact in resource.contacts]
    assert "Text HOME to 741741" in labels and "Call 1-855-845-7415" in labels


def test_every_contact_links_to_the_number_it_shows() -> None:
    for resource in safety.ALL_RESOURCES:
        for contact in resource.contacts:
            assert contact.href.startswith(("tel:", "sms:")), contact
            assert digits(contact.href) == digits(contact.label), contact


def test_every_text_line_with_a_keyword_has_it_typed_in_already() -> None:
    lines = {contact.label: contact.href for resource in safety.ALL_RESOURCES for contact in resource.contacts
             if contact.href.startswith("sms:")}
    assert lines["Text START to 88788"] == "sms:88788?&body=START"
    assert lines["Text HOME to 741741"] == "sms:741741?&body=HOME"
    for label, href in lines.items():
        words = label.split()
        keyword = words[1] if len(words) == 4 and words[2] == "to" else ""
        assert href.endswith(f"?&body={keyword}") if keyword else "body" not in href, (label, href)


def test_resources_are_plain_json() -> None:
    notice = safety.SAFETY_FIRST_NOTICE.to_dict()
    assert json.loads(json.dumps(notice)) == notice
    assert notice["resources"][0]["contacts"] == [{"label": "Call 911", "href": "tel:911"}]
