"""After the site is published again, a tab that kept the old widget alive through instant
navigation never scores the new build's form with the old code: the page is handed over."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import SiteServer, copy_project, run_mkdocs_build
from tests.widget.quiz_reader import ATTACHMENT_PAGE, SIGNS_PAGE, answer_with_mouse, submit_and_wait, widget

NEW_HEADLINE = "Mixed signs, in the new build"


@pytest.fixture
def host(tmp_path: Path) -> Iterator[SiteServer]:
    (tmp_path / "served").mkdir()
    with SiteServer(tmp_path / "served") as server:
        yield server


def build(tmp_path: Path, url: str, name: str, *, new_headline: bool) -> Path:
    project = copy_project(tmp_path / f"project-{name}")
    if new_headline:
        quiz = project / "quizzes" / "trust_signs.py"
        quiz.write_text(quiz.read_text(encoding="utf-8").replace('"Mixed signs"', f'"{NEW_HEADLINE}"'), encoding="utf-8")
    site = tmp_path / f"site-{name}"
    run_mkdocs_build(project, site, url).check()
    return site


def test_a_tab_with_the_old_widget_hands_a_new_form_to_the_new_code(browser: Browser, host: SiteServer,
                                                                    tmp_path: Path) -> None:
    old, new = (build(tmp_path, host.url, "old", new_headline=False),
                build(tmp_path, host.url, "new", new_headline=True))
    bundle = re.compile(r"assets/quiz/([0-9a-f]{12})/widget\.js")
    old_bundle = bundle.search((old / SIGNS_PAGE / "index.html").read_text(encoding="utf-8"))
    new_bundle = bundle.search((new / SIGNS_PAGE / "index.html").read_text(encoding="utf-8"))
    assert old_bundle and new_bundle and old_bundle.group(1) != new_bundle.group(1)

    host.publish(old)
    context = browser.new_context(base_url=host.url, service_workers="block")
    reader = context.new_page()
    reader.goto(ATTACHMENT_PAGE)
    answer_with_mouse(reader, "attachment-style", {"anx1": "2", "avo1": "5", "anx2": "3"})
    expect(widget(reader, "attachment-style")).to_have_attribute("data-state", "ready", timeout=90_000)
    reader.evaluate("window.__oldTab = true")

    host.publish(new)  # a deploy while the tab is open
    reader.locator("a.md-footer__link--next").click()  # instant navigation to the new build's page
    expect(reader).to_have_url(re.compile(re.escape(SIGNS_PAGE)))
    expect(widget(reader, "trust-signs")).to_have_attribute("data-enhanced", "true")
    answer_with_mouse(reader, "trust-signs", {"hope1": "on", "concern1": "on"})
    assert submit_and_wait(reader, "trust-signs")["headline"] == NEW_HEADLINE
    assert reader.evaluate("window.__oldTab === undefined")  # a full load, not the old page's state
    context.close()
