"""Placing quizzes with the ```quiz fence, and the build errors for bad fences."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from sitegen.errors import BuildInputError, FenceError
from sitegen.quiz.fence import QuizFence, check_page, parse, plug_in
from tests.conftest import ROOT, copy_project, run_mkdocs_build


def test_a_fence_names_a_quiz_and_may_open_its_key() -> None:
    assert parse("attachment-style\n") == QuizFence("attachment-style", key_open=False)
    assert parse("\n  trust-signs\nkey: open\n") == QuizFence("trust-signs", key_open=True)


@pytest.mark.parametrize(("body", "message"), [
    ("", "the fence is empty"),
    ("trust-signs\ncolour: blue", "unknown option 'colour: blue'"),
    ("trust-signs\nkey: wide", "option 'key' must be one of closed, open"),
    ("trust-signs\nkey open", "unknown option 'key open'"),
])
def test_bad_fences_are_explained(body: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse(body)


def a_config() -> MkDocsConfig:
    """A validated MkDocs configuration with nothing of the project's in it."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(ROOT / "docs"), "markdown_extensions": ["pymdownx.superfences"]})
    failed, _ = config.validate()
    assert not failed, failed
    return config


def page_with(folder: Path, markdown_lines: list[str], front_matter: str = "") -> tuple[str, Page]:
    """A real MkDocs page, docs/guide.md, and its Markdown as on_page_markdown receives it."""
    markdown = "\n".join(markdown_lines) + "\n"
    (folder / "guide.md").write_text(front_matter + markdown, encoding="utf-8")
    config = a_config()
    file = File("guide.md", src_dir=str(folder), dest_dir=str(folder / "site"), use_directory_urls=True)
    return markdown, Page(None, file, config)


KNOWN = {"attachment-style": object(), "trust-signs": object()}


def test_an_unknown_quiz_id_is_reported_with_page_and_line(tmp_path: Path) -> None:
    markdown, page = page_with(tmp_path, ["# Guide", "", "```quiz", "love-languages", "```"], front_matter="---\ntitle: G\n---\n")
    with pytest.raises(BuildInputError) as caught:
        check_page(markdown, page, KNOWN)
    assert str(caught.value).startswith("docs/guide.md:6: unknown quiz 'love-languages'")  # front matter counted
    assert "use one of: attachment-style, trust-signs" in str(caught.value)


def test_a_bad_option_is_reported_with_page_and_line(tmp_path: Path) -> None:
    markdown, page = page_with(tmp_path, ["Intro", "", "~~~~quiz", "trust-signs", "key: shut", "~~~~"])
    with pytest.raises(BuildInputError, match=r"^docs/guide\.md:3: bad quiz fence: option 'key' must be one of closed, open"):
        check_page(markdown, page, KNOWN)


def test_a_fence_that_cannot_be_rendered_stops_markdown_instead_of_becoming_code() -> None:
    def broken(fence: QuizFence) -> str:
        raise KeyError(fence.quiz_id)

    config = a_config()
    plug_in(config, broken)
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs=config.mdx_configs)
    with pytest.raises(FenceError, match="quiz fence 'trust-signs': could not be rendered: KeyError"):
        md.convert("```quiz\ntrust-signs\n```\n")


def test_a_fence_that_cannot_be_rendered_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "partials" / "quiz" / "form.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ quiz.title }}", "{{ quiz.no_such_field }}"))
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "Error reading page 'attachment-and-trauma.md'" in result.stderr
    assert "quiz fence 'attachment-style': could not be rendered" in result.stderr


def test_a_placed_quiz_is_a_real_form_with_its_paper_key(built_site: Path) -> None:
    html = (built_site / "attachment-and-trauma" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<article class="quiz" id="quiz-attachment-style" data-quiz="attachment-style" '
                     r'data-assets="\.\./assets/quiz/[0-9a-f]{12}/" data-state="idle" data-search-exclude>', html)
    assert not re.search(r'<p>\s*<article class="quiz"', html)  # a block of its own, not wrapped in a paragraph
    assert html.count('<fieldset class="quiz__item"') == 18
    assert html.count('type="radio" name="anx1"') == 7
    assert '<span>Neither agree nor disagree</span>' in html
    assert '<details class="quiz__key">' in html and "<noscript>" in html
    assert ">See my result</button>" in html and ">Clear my answers</button>" in html
    checklist = (built_site / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    assert checklist.count('type="checkbox" name=') == 18
    assert 'name="safety1" value="on"' in checklist
    # The help a safety answer shows at once, in the form itself; the browser restores no tick.
    assert checklist.count('class="quiz__safety-now"') == 1 and 'autocomplete="off"' in checklist


def test_the_web_key_nests_the_checklists_numbered_rules_under_their_step(built_site: Path) -> None:
    checklist = (built_site / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    key = checklist[checklist.index('<details class="quiz__key">'):checklist.index("</details>", checklist.index('class="quiz__key"'))]
    steps = key[key.index('<ol class="quiz__key-steps">'):key.index('<p class="quiz__key-title">')]
    rules = re.findall(r'<ol class="quiz__key-rules">(.*?)</ol>', steps, re.DOTALL)
    assert len(rules) == 1 and re.findall(r"<li>(\d+)\. If", rules[0])[:2] == ["1", "2"]
    outside_rules = re.sub(r'<ol class="quiz__key-rules">.*?</ol>', "", steps, flags=re.DOTALL)
    assert not re.search(r"<li>\d+\. ", outside_rules)  # a rule never sits in the steps' own numbered list
    assert "Your safety: count" not in key  # a count no rule uses is not asked for
