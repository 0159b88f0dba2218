"""The home page's "Check in with yourself" block: built from the quizzes' own titles and
intros and the pages that place them, with links MkDocs checks."""

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


def test_the_list_takes_each_quiz_s_title_and_first_sentence() -> None:
    real = {quiz.id: quiz for quiz in quizzes.all_quizzes()}
    renamed = SimpleNamespace(title="How do I [really] attach? *Find out*", intro=("First, a sentence. Then more.",))
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
    assert str(caught.value).startswith("docs/index.md:") and "no page of the guide places a quiz" in str(caught.value)


def test_an_unknown_marker_still_stops_the_build() -> None:
    config, _ = project()
    markdown, page = home_page()
    with pytest.raises(BuildInputError, match=r"unknown marker '\{\{ quizzes\.everything \}\}'"):
        markers.expand(markdown + "\n{{ quizzes.everything }}\n", page, read(config.extra),
                       markers.Site({quiz.id: quiz for quiz in quizzes.all_quizzes()}, placed_homes()))
