"""Every guide link a quiz result can show leads to a real page and section of the built site."""

from __future__ import annotations

from html import escape
from pathlib import Path

import quizzes
from sitegen.quiz.targets import PageTargets, link_problem
from tests.conftest import copy_project, run_mkdocs_build
from tests.site.html import read_page


def all_result_links() -> set[str]:
    """The guide links of every category and of every knowledge-check question."""
    return {link.href for quiz in quizzes.all_quizzes() for _, link in quiz.guide_links()}


def test_every_question_of_a_knowledge_check_gives_its_link() -> None:
    check = quizzes.get_quiz("what-not-to-do-check")
    owners = [owner for owner, _ in check.guide_links()]
    assert owners == list(check.items)  # a knowledge check has no categories, and each question one link


def test_a_link_is_checked_against_the_pages_and_sections_built() -> None:
    targets = PageTargets({"": {"check-in-with-yourself"}, "step-by-step/": {"step-1", "step-2"}})
    assert link_problem("step-by-step/#step-2", targets) is None
    assert link_problem("step-by-step/", targets) is None
    assert link_problem("", targets) is None  # the home page
    assert link_problem("step-by-step/#step-9", targets) == "leads to no section 'step-9' on that page"
    assert link_problem("steps/#step-1", targets) == "leads to no page of this guide"
    assert link_problem("step-by-step", targets) == "leads to no page of this guide"  # no trailing '/'
    for elsewhere in ("https://988lifeline.org/", "tel:988", "sms:988"):
        assert link_problem(elsewhere, targets) is None


def test_a_renamed_heading_stops_the_build_at_the_question_that_links_it(tmp_path: Path) -> None:
    # End to end: an editor renames a section of a chapter; the knowledge check that links it
    # would send readers to the top of the page. MkDocs does not see links in quiz forms.
    project = copy_project(tmp_path / "project")
    chapter = project / "docs" / "what-not-to-do.md"
    text = chapter.read_text(encoding="utf-8")
    assert "## Expecting trust to return instantly" in text
    chapter.write_text(text.replace("## Expecting trust to return instantly", "## Expecting trust back at once"),
                       encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    line = next(number for number, text in enumerate(
        (project / "quizzes" / "what_not_to_do_check.py").read_text(encoding="utf-8").splitlines(), start=1)
        if 'Question("instant"' in text)
    assert (f"what_not_to_do_check.py:{line}: quiz 'what-not-to-do-check': the link "
            "'what-not-to-do/#expecting-trust-to-return-instantly'") in result.stderr, result.stderr
    assert "leads to no section 'expecting-trust-to-return-instantly' on that page" in result.stderr
    assert "quizzes/core/guide.py" in result.stderr  # the fix says where guide links live


def test_result_links_resolve_to_pages_and_anchors(built_site: Path) -> None:
    links = all_result_links()
    assert "help-now/" in links and "step-by-step/#step-5" in links
    assert "what-not-to-do/#expecting-trust-to-return-instantly" in links  # a question's
    for href in links:
        path, _, anchor = href.partition("#")
        page = built_site / path / "index.html"
        assert page.exists(), href
        if anchor:
            assert anchor in read_page(page).ids, href


def test_the_help_page_lists_the_same_resources_as_the_safety_result(built_site: Path) -> None:
    from quizzes.core import safety

    html = (built_site / "help-now" / "index.html").read_text(encoding="utf-8")
    for resource in safety.ALL_RESOURCES:
        assert resource.name.replace("&", "&amp;") in html
        for contact in resource.contacts:
            assert f'href="{escape(contact.href, quote=True)}"' in html
    assert 'href="../help-now/"' in (built_site / "step-by-step" / "index.html").read_text(encoding="utf-8")


def test_a_safety_result_links_other_sites_and_numbers_as_written(tmp_path: Path) -> None:
    # The checker allows https://, tel: and sms: links in a result; only a page of this site
    # takes the page's way up to the site root in front of it.
    from sitegen.quiz.fence import SITE_ROOT, FormRenderer, QuizFence, load_strings
    from tests.conftest import ROOT

    source = (ROOT / "quizzes" / "trust_signs.py").read_text(encoding="utf-8")
    helpful = "(guide.HELP_NOW,),\n        safety_first=True,"
    assert helpful in source
    module = tmp_path / "trust_signs.py"
    source = source.replace("from quizzes.core.model import Category,",
                            "from quizzes.core.model import Link, Category,")
    module.write_text(source.replace(helpful, "(guide.HELP_NOW, Link('The Lifeline', 'https://988lifeline.org/'), "
                                              "Link('Call 988', 'tel:988')),\n        safety_first=True,"),
                      encoding="utf-8")
    quiz = quizzes.load_quiz_file(str(module))
    overrides = ROOT / "overrides"
    form = FormRenderer(overrides, {quiz.id: quiz}, load_strings(overrides), "assets/quiz/x")(QuizFence(quiz.id, False))
    assert f'href="{SITE_ROOT}help-now/"' in form
    assert 'href="https://988lifeline.org/"' in form and 'href="tel:988"' in form
