"""Embed variants of every page and quiz, and the staff page with ready-to-paste snippets."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from quizzes import get_quiz

QUIZZES = ["attachment-style", "trust-signs", "what-not-to-do-check", "step-by-step-check"]
GUIDE = ["", "why-trust-matters/", "step-by-step/", "attachment-and-trauma/", "help-now/", "privacy/"]


def code_blocks(page: Path) -> list[str]:
    """The text of each code block of a built page, as a reader would copy it."""
    blocks = re.findall(r"<code>(.*?)</code>", page.read_text(encoding="utf-8"), re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


def test_every_quiz_and_page_has_a_content_only_embed_page(built_site: Path, site_url: str) -> None:
    pages = [f"embed/{quiz}/" for quiz in QUIZZES] + [f"embed/guide/{path}" for path in GUIDE]
    for path in pages:
        text = (built_site / path / "index.html").read_text(encoding="utf-8")
        markup = re.sub(r"<style>.*?</style>", "", text, flags=re.DOTALL)  # the site's CSS names the header's classes
        for chrome in ('class="md-header"', 'md-header__', 'class="md-sidebar md-sidebar--primary', 'class="md-search"',
                       'class="md-footer"', 'class="md-tabs'):
            assert chrome not in markup, (path, chrome)
        assert "data-quick-exit" in text and '<meta name="robots" content="noindex">' in text
        assert re.search(rf'From <a href="{re.escape(site_url)}[^"]*" target="_blank" rel="noopener">Calm Again Counseling</a>', text)
    quiz_page = (built_site / "embed" / "attachment-style" / "index.html").read_text(encoding="utf-8")
    assert 'data-quiz="attachment-style"' in quiz_page
    assert f'href="{site_url}attachment-and-trauma/"' in quiz_page  # back to where the quiz lives
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in search["docs"] if doc["location"].startswith("embed/")]


def test_the_staff_page_has_a_snippet_a_preview_and_a_plain_fallback_for_each(built_site: Path, site_url: str) -> None:
    staff = built_site / "embed" / "index.html"
    text = staff.read_text(encoding="utf-8")
    blocks = code_blocks(staff)
    for path in [f"embed/{quiz}/" for quiz in QUIZZES] + [f"embed/guide/{page}" for page in GUIDE]:
        with_script = [block for block in blocks if f'src="{site_url}{path}"' in block and "host.js" in block]
        plain = [block for block in blocks if f'src="{site_url}{path}"' in block and "<script" not in block]
        assert len(with_script) == 1 and len(plain) == 1, path
        assert f'<script src="{site_url}embed/host.js" defer></script>' in with_script[0]
    assert text.count('class="embed-preview"') == len(blocks) // 2
    assert "Custom HTML" in text and "WordPress" in text
    # Quizzes about the reader and quizzes about the guide, each under its own heading.
    before, knowledge_checks = text.split('<h2 id="knowledge-checks"')
    self_checks = before.split('<h2 id="self-checks"')[1]
    for quiz in QUIZZES:
        under = knowledge_checks if get_quiz(quiz).teaches else self_checks
        assert f'src="{site_url}embed/{quiz}/"' in html.unescape(under.split("<h2")[0]), quiz
    assert '<script src="host.js" defer></script>' in text  # sizes the previews
    # No allowlist: staff are told that any framing page learns the height, and only that.
    assert "any page that frames the guide receives that height (and nothing else)" in text

