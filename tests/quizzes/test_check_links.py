"""Links a quiz shows: only pages of the site (relative to its root), tel:, sms: and https://host.

Each refused link is put into the toy quiz, on a line of its own, and checked through
`check_paths`, the entry point of `python -m quizzes check PATH`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizzes.core import guide, safety
from quizzes.core.check import check_paths
from quizzes.core.links import ALLOWED, href_problem

from .helpers import line_of, toy_with

ONLY = f"a quiz may link only to {ALLOWED}"


def toy_linking_to(folder: Path, href: str) -> Path:
    """The toy quiz with its 'tired' category linking to a page of the site and to `href`."""
    return toy_with(folder, 'Category("tired", "Tired", ("You may need more rest.",), when={"rest": LOW}),',
                    'Category("tired", "Tired", ("You may need more rest.",), when={"rest": LOW},\n'
                    '             links=(Link("Rest", "getting-support/"),\n'
                    f'                    Link("Sleep", {href!r}))),',
                    imports="from quizzes.core.model import Link\n")


@pytest.mark.parametrize(("href", "problem"), [
    ("javascript:alert(1)", f"uses javascript:, but {ONLY}"),
    ("JavaScript:alert(1)", f"uses javascript:, but {ONLY}"),
    ("https:evil.example/x", "has no '//' after 'https:', so it names no host; write 'https://' and the "
                             "host, like 'https://example.org/page'"),
    ("//evil.example", f"leads to another site with no scheme; write 'https://evil.example' for another "
                       f"site, or {ALLOWED}"),
    ("data:text/html,<script>alert(1)</script>", f"uses data:, but {ONLY}"),
    ("http://example.org/", "uses http:, which travels unencrypted; use https://"),
    ("java\tscript:alert(1)", "contains the character U+0009, which browsers drop or misread; remove it"),
    ("help-now/\u200b", "contains the character U+200B (ZERO WIDTH SPACE), which browsers drop or misread; "
                        "remove it"),
    ("\\\\evil.example/x", "contains a backslash, which browsers read as '/'; write '/' instead"),
    ("/help-now/", "must be relative to the site root, like 'step-by-step/#step-1': a leading '/' leaves "
                   "the site when it is published under a sub-path"),
    ("https://trusted.example@evil.example/", "names a user before '@', which hides the real host from "
                                              "readers; remove it"),
    ("tel:call-me", "needs a phone number after 'tel:', like 'tel:+18007997233'"),
])
def test_a_link_a_quiz_may_not_show_is_named_at_its_line(tmp_path: Path, href: str, problem: str) -> None:
    path = toy_linking_to(tmp_path, href)
    problems, _ = check_paths([str(path)])
    assert [str(found) for found in problems] == [
        f"{path}:{line_of(path, 'Sleep')}: category 'tired': links[1].href {href!r} {problem}"]


@pytest.mark.parametrize("href", [
    "help-now/", "../what-not-to-do/#x", "#top", "step-by-step/?print#step-1", "tel:988", "tel:+18007997233",
    "sms:988", "sms:88788?&body=START", "https://example.org", "https://www.example.org:8443/a/b?c=d#e",
])
def test_site_pages_phone_calls_texts_and_https_addresses_pass(tmp_path: Path, href: str) -> None:
    problems, quizzes = check_paths([str(toy_linking_to(tmp_path, href))])
    assert problems == [] and [quiz.id for quiz in quizzes] == ["toy-rest"]


def test_every_guide_and_help_link_the_engine_offers_may_be_shown() -> None:
    guide_links = [value for value in vars(guide).values() if isinstance(value, guide.Link)]
    guide_links += guide.STEPS.values()
    contacts = [contact for resource in safety.ALL_RESOURCES for contact in resource.contacts]
    hrefs = [link.href for link in guide_links] + [contact.href for contact in contacts]
    assert len(hrefs) > 20 and any(href.startswith("sms:") for href in hrefs)
    assert {href: href_problem(href) for href in hrefs} == dict.fromkeys(hrefs)
