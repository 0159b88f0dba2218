"""The home page's "Check in with yourself" and "Check what you learned" blocks: built from the
quizzes' own titles and intros and the pages that place them, with links MkDocs checks; the
self-checks (about the reader) in the first, the knowledge checks (about the guide) in the second."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page

import quizzes
from sitegen import markers
from sitegen.errors import BuildInputError
from sitegen.navigation import guide_pages
from sitegen.quiz.fence import FenceLog, plug_in
from sitegen.settings import read
from tests.conftest import ROOT
from tests.site.html import read_page

HOMES = {"attachment-style": "attachment-and-trauma", "trust-signs": "signs-of-rebuilding"}
CHECK_HOMES = {"step-by-step-check": "step-by-step", "what-not-to-do-check": "what-not-to-do"}  # reading order


@functools.cache
def project() -> tuple[MkDocsConfig, Files]:
    """mkdocs.yml and docs/ as MkDocs reads them (no hook runs)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config, get_files(config)


def home_page() -> tuple[str, Page]:
    config, files = project()
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.read_source(config)
    return page.markdown or "", page


def placed_homes(with_pages: bool = True) -> dict[str, File]:
    """Each quiz's page as the build's survey finds it in the guide's pages (or in none)."""
    config, files = project()
    log = FenceLog({quiz.id: quiz for quiz in quizzes.all_quizzes()})
    plug_in(config, lambda fence: "<form></form>", log)
    return log.survey(guide_pages(files, config.nav) if with_pages else [], config)


def expand_home(quiz_set: dict, with_pages: bool = True) -> str:
    """The home page's Markdown expanded, with the guide's pages (or none, so no quiz is placed)."""
    config, _ = project()
    markdown, page = home_page()
    return markers.expand(markdown, page, read(config.extra), markers.Site(quiz_set, placed_homes(with_pages)))


def test_the_home_page_lists_both_quizzes_linked_to_their_place(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    block = html[html.index('id="check-in-with-yourself"'):]
    assert "not a diagnosis" in block and "stay on your device" in block
    for quiz_id, page in HOMES.items():
        quiz = quizzes.get_quiz(quiz_id)
        link = f'<a href="{page}/#quiz-{quiz_id}">{quiz.title}</a>'
        assert link in block, link
        assert f'quiz-{quiz_id}' in read_page(built_site / page / "index.html").ids
    # The embedded copy of the home page links to the embedded copies of those pages.
    embedded = (built_site / "embed" / "guide" / "index.html").read_text(encoding="utf-8")
    for quiz_id, page in HOMES.items():
        assert f'<a href="{page}/#quiz-{quiz_id}">' in embedded
        assert f'quiz-{quiz_id}' in read_page(built_site / "embed" / "guide" / page / "index.html").ids


def test_the_home_page_lists_the_knowledge_checks_apart_from_the_self_checks(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    self_checks, knowledge_checks = html.split('id="check-what-you-learned"')
    self_checks = self_checks[self_checks.index('id="check-in-with-yourself"'):]
    links = re.findall(r'<a href="([^"]+/#quiz-[^"]+)">', knowledge_checks)
    assert links == [f"{page}/#quiz-{quiz_id}" for quiz_id, page in CHECK_HOMES.items()]
    for quiz_id, page in CHECK_HOMES.items():
        assert f'<a href="{page}/#quiz-{quiz_id}">{quizzes.get_quiz(quiz_id).title}</a>' in knowledge_checks
        assert f"#quiz-{quiz_id}" not in self_checks
        assert f'quiz-{quiz_id}' in read_page(built_site / page / "index.html").ids
    assert re.findall(r'<a href="([^"]+/#quiz-[^"]+)">', self_checks) == [
        f"{page}/#quiz-{quiz_id}" for quiz_id, page in HOMES.items()]


def test_the_list_takes_each_quiz_s_title_and_first_sentence() -> None:
    real = {quiz.id: quiz for quiz in quizzes.all_quizzes()}
    renamed = SimpleNamespace(title="How do I [really] attach? *Find out*", intro=("First, a sentence. Then more.",),
                              teaches=False)
    expanded = expand_home({**real, "attachment-style": renamed})
    assert "{{" not in expanded
    entry = (r"- [How do I \[really\] attach? \*Find out\*](attachment-and-trauma.md#quiz-attachment-style): "
             r"First, a sentence\.")
    assert entry in expanded
    trust = real["trust-signs"]
    assert f"[{markers.markdown_text(trust.title)}](signs-of-rebuilding.md#quiz-trust-signs)" in expanded
    assert re.search(r"Then more", expanded) is None


def test_without_the_placed_quizzes_the_marker_stops_the_build() -> None:
    with pytest.raises(BuildInputError) as caught:
        expand_home({}, with_pages=False)
    message = str(caught.value)
    assert message.startswith("docs/index.md:") and "no page of the guide places a self-check" in message


def test_without_a_placed_knowledge_check_its_marker_stops_the_build() -> None:
    self_checks_only = {quiz.id: quiz for quiz in quizzes.all_quizzes() if not quiz.teaches}
    config, files = project()
    log = FenceLog(self_checks_only)
    plug_in(config, lambda fence: "<form></form>", log)
    pages = [file for file in guide_pages(files, config.nav)
             if file.src_uri not in ("step-by-step.md", "what-not-to-do.md")]
    homes = log.survey(pages, config)
    markdown, page = home_page()
    with pytest.raises(BuildInputError) as caught:
        markers.expand(markdown, page, read(config.extra), markers.Site(self_checks_only, homes))
    message = str(caught.value)
    assert message.startswith("docs/index.md:") and "no page of the guide places a knowledge check" in message
    assert "quizzes.knowledge_checks" not in message  # the marker is known: only nothing is placed


def test_an_unknown_marker_still_stops_the_build() -> None:
    config, _ = project()
    markdown, page = home_page()
    with pytest.raises(BuildInputError, match=r"unknown marker '\{\{ quizzes\.everything \}\}'"):
        markers.expand(markdown + "\n{{ quizzes.everything }}\n", page, read(config.extra),
                       markers.Site({quiz.id: quiz for quiz in quizzes.all_quizzes()}, placed_homes()))
