"""Placing quizzes with the ```quiz fence: what SuperFences renders is what is checked, anchored and
placed; the build errors for bad fences."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitegen.errors import BuildInputError, FenceError
from sitegen.quiz.fence import FenceLog, Placement, QuizFence, declare_anchors, parse, plug_in, quiz_anchor
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
    config.load_dict({"site_name": "Test", "docs_dir": str(ROOT / "docs"),
                      "markdown_extensions": ["admonition", "pymdownx.details", "pymdownx.superfences"]})
    failed, _ = config.validate()
    assert not failed, failed
    return config


KNOWN = {"attachment-style": object(), "trust-signs": object()}


def a_form(fence: QuizFence) -> str:
    return f'<article id="{quiz_anchor(fence.quiz_id)}"></article>'


def pages_in(folder: Path, pages: dict[str, str]) -> list[File]:
    """Real MkDocs files, docs/<name>, in the order given (the reading order)."""
    files = []
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
        files.append(File(name, src_dir=str(folder), dest_dir=str(folder / "site"), use_directory_urls=True))
    return files


def survey(folder: Path, pages: dict[str, str]) -> tuple[FenceLog, list[File], dict[str, File]]:
    """What the build's survey finds in these pages: the log, the files and each quiz's home."""
    config, log = a_config(), FenceLog(KNOWN)
    plug_in(config, a_form, log)
    files = pages_in(folder, pages)
    return log, files, log.survey(files, config)


EXAMPLE = "\n".join(["# Writing a quiz fence", "", "````markdown", "```quiz", "attachment-style", "```", "````",
                     "", "````text", "```quiz", "no-such-quiz", "```", "````", ""])


def test_a_fence_shown_inside_a_longer_fence_is_not_placed_nor_checked(tmp_path: Path) -> None:
    placing = "# Attachment\n\n```quiz\nattachment-style\n```\n"
    log, (example, home), homes = survey(tmp_path, {"example.md": EXAMPLE, "home.md": placing})
    assert log.placed(example) == []  # neither the example nor the unknown id in the second one
    assert homes == {"attachment-style": home}  # the first page in reading order that renders it
    assert log.placed(home) == [Placement("home.md", 3, QuizFence("attachment-style", key_open=False))]


def test_fences_in_a_blockquote_a_list_item_and_an_admonition_are_placed_at_their_lines(tmp_path: Path) -> None:
    page = "\n".join([
        "---", "title: Nested", "---", "# Nested",                                  # 1-4
        "", "> Take this one:", ">", "> ```quiz", "> trust-signs", "> key: open", "> ```",  # 5-11
        "", "- First item", "", "    ```quiz", "    attachment-style", "    ```",            # 12-17
        "", '!!! note "Again"', "", "    ~~~quiz", "    attachment-style", "    ~~~", "",   # 18-24
    ])
    log, (file,), homes = survey(tmp_path, {"nested.md": page})
    assert [(placed.line, placed.fence) for placed in log.placed(file)] == [
        (8, QuizFence("trust-signs", key_open=True)),
        (15, QuizFence("attachment-style", key_open=False)),
        (21, QuizFence("attachment-style", key_open=False)),
    ]
    assert homes == {"trust-signs": file, "attachment-style": file}


def test_an_unknown_quiz_id_is_reported_with_page_and_line(tmp_path: Path) -> None:
    page = "---\ntitle: G\n---\n# Guide\n\n```quiz\nlove-languages\n```\n"
    with pytest.raises(BuildInputError) as caught:
        survey(tmp_path, {"guide.md": page})
    assert str(caught.value).startswith("docs/guide.md:6: unknown quiz 'love-languages'")  # front matter counted
    assert "use one of: attachment-style, trust-signs" in str(caught.value)  # the survey's known quizzes (KNOWN)


def test_an_unknown_quiz_id_in_a_blockquote_is_reported_with_page_and_line(tmp_path: Path) -> None:
    # The same fence shown earlier as an example is passed over, here and when finding the line.
    page = EXAMPLE + "\n> A quote.\n>\n> ```quiz\n> no-such-quiz\n> ```\n"
    with pytest.raises(FenceError, match=r"^docs/guide\.md:17: unknown quiz 'no-such-quiz'"):
        survey(tmp_path, {"guide.md": page})


def test_a_bad_option_is_reported_with_page_and_line(tmp_path: Path) -> None:
    page = "Intro\n\n~~~~quiz\ntrust-signs\nkey: shut\n~~~~\n"
    with pytest.raises(BuildInputError, match=r"^docs/guide\.md:3: bad quiz fence: option 'key' must be one of closed, open"):
        survey(tmp_path, {"guide.md": page})


def rendered(folder: Path, text: str) -> tuple[Page, FenceLog]:
    """docs/guide.md rendered by MkDocs with the quiz fence plugged in, as the build renders a page."""
    config, log = a_config(), FenceLog(KNOWN)
    plug_in(config, a_form, log)
    (file,) = pages_in(folder, {"guide.md": text})
    page = Page(None, file, config)
    page.read_source(config)
    log.reading(file, page.markdown or "")
    page.render(config, Files([file]))
    return page, log


def test_anchors_are_declared_for_the_quizzes_a_page_renders(tmp_path: Path) -> None:
    page, log = rendered(tmp_path, "# Guide\n\n> ```quiz\n> trust-signs\n> ```\n\n" + EXAMPLE)
    declare_anchors(page, page.content or "", log)
    assert page.present_anchor_ids is not None
    assert {"quiz-trust-signs"} <= page.present_anchor_ids and "quiz-attachment-style" not in page.present_anchor_ids


def test_a_fence_indented_as_a_code_block_stops_the_build_instead_of_counting_as_placed(tmp_path: Path) -> None:
    # SuperFences formats it, then puts it back as code: it must not count as a placed quiz.
    page, log = rendered(tmp_path, "# Guide\n\nText.\n\n    ```quiz\n    attachment-style\n    ```\n")
    assert '<article id="quiz-attachment-style">' not in (page.content or "")
    with pytest.raises(BuildInputError, match=r"^docs/guide\.md:5: the quiz fence 'attachment-style' shows as code"):
        declare_anchors(page, page.content or "", log)


def test_a_fence_that_cannot_be_rendered_stops_markdown_instead_of_becoming_code(tmp_path: Path) -> None:
    def broken(fence: QuizFence) -> str:
        raise KeyError(fence.quiz_id)

    config, log = a_config(), FenceLog(KNOWN)
    plug_in(config, broken, log)
    log.reading(*pages_in(tmp_path, {"guide.md": "```quiz\ntrust-signs\n```\n"}), "```quiz\ntrust-signs\n```\n")
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    with pytest.raises(FenceError, match=r"^docs/guide\.md:1: quiz 'trust-signs' could not be rendered: KeyError"):
        md.convert("```quiz\ntrust-signs\n```\n")


def test_a_fence_that_cannot_be_rendered_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "partials" / "quiz" / "form.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ quiz.title }}", "{{ quiz.no_such_field }}"))
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    # The survey for the quizzes' homes renders each fence first, so it stops at the first in
    # reading order: the knowledge check at the end of the step-by-step guide.
    assert "docs/step-by-step.md:124: quiz 'step-by-step-check' could not be rendered" in result.stderr


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


def place_nested_and_example_fences(project: Path) -> None:
    """Edit a project copy: an example fence on a page read before the quizzes' own pages, the
    checklist in a blockquote and the attachment quiz in an admonition, and links to both."""
    docs = project / "docs"
    with (docs / "why-trust-matters.md").open("a", encoding="utf-8") as page:
        page.write("\n" + EXAMPLE + "\nSee [the checklist](what-not-to-do.md#quiz-trust-signs) and "
                   "[the attachment quiz](getting-support.md#quiz-attachment-style).\n")
    with (docs / "what-not-to-do.md").open("a", encoding="utf-8") as page:
        page.write("\n> Where are you now?\n>\n> ```quiz\n> trust-signs\n> ```\n")
    with (docs / "getting-support.md").open("a", encoding="utf-8") as page:
        page.write('\n!!! note "Before you book"\n\n    ```quiz\n    attachment-style\n    ```\n')


def test_what_superfences_renders_is_what_is_placed_anchored_and_linked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    place_nested_and_example_fences(project)
    site = project / "site"
    # --strict: a link to a quiz anchor MkDocs cannot see fails the build.
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    def html(path: str) -> str:
        return (site / path / "index.html").read_text(encoding="utf-8")

    example = html("why-trust-matters")
    assert '<article class="quiz"' not in example and "no-such-quiz" in example  # shown as code, not placed
    assert 'href="../what-not-to-do/#quiz-trust-signs"' in example
    assert 'href="../getting-support/#quiz-attachment-style"' in example
    assert re.search(r'<blockquote>.*<article class="quiz" id="quiz-trust-signs"', html("what-not-to-do"), re.DOTALL)
    assert re.search(r'class="admonition note".*<article class="quiz" id="quiz-attachment-style"',
                     html("getting-support"), re.DOTALL)
    # Homes: the first page in reading order that renders the quiz, never the one that shows it as an example.
    home = html(".")
    assert 'href="attachment-and-trauma/#quiz-attachment-style"' in home
    assert 'href="what-not-to-do/#quiz-trust-signs"' in home
    assert 'href="http://127.0.0.1:8000/attachment-and-trauma/"' in html("embed/attachment-style")
    assert 'href="http://127.0.0.1:8000/what-not-to-do/"' in html("embed/trust-signs")
