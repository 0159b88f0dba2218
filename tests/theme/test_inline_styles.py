"""Styles that do not hold back the first paint: the site's inline in every page, the quiz
form's linked by each form, so only quiz pages fetch it."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import ROOT


def test_every_page_carries_the_site_styles_inline_and_fetches_no_copy(built_site: Path) -> None:
    styles = (ROOT / "overrides" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for page in ["index.html", "signs-of-rebuilding/index.html", "embed/trust-signs/index.html", "404.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert f"<style>{styles}</style>" in html, page
        assert "site.css" not in html, page
    assert not list(built_site.rglob("site.css"))


def test_only_pages_with_a_quiz_link_the_quiz_styles_inside_the_quiz(built_site: Path) -> None:
    (quiz_css,) = built_site.glob("assets/quiz/*/quiz.css")
    for page in ["signs-of-rebuilding/index.html", "attachment-and-trauma/index.html", "embed/trust-signs/index.html"]:
        # Relative to the page, as every address a quiz form writes, so the site works in any folder.
        href = posixpath.relpath(quiz_css.relative_to(built_site).as_posix(), posixpath.dirname(page))
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.search(rf'<article class="quiz"[^>]*>\s*<link rel="stylesheet" href="{re.escape(href)}">', html), page
        assert html[:html.index("<body")].count("quiz.css") == 0, page  # nothing in <head> waits for it
    for page in ["index.html", "science-of-trust/index.html", "privacy/index.html"]:
        assert "quiz.css" not in (built_site / page).read_text(encoding="utf-8"), page


def test_footer_links_look_like_links(page: Page) -> None:
    page.goto("./")
    footer = page.locator(".clinic-footer")
    text_colour = footer.evaluate("element => getComputedStyle(element).color")
    for name in ("Need help now? Crisis and safety resources", "Your privacy"):
        link = footer.get_by_role("link", name=name)
        assert link.evaluate("element => getComputedStyle(element).textDecorationLine") == "underline", name
        assert link.evaluate("element => getComputedStyle(element).color") != text_colour, name
