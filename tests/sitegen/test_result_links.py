"""Every guide link a quiz result can show leads to a real page and section of the built site."""

from __future__ import annotations

from html import escape
from pathlib import Path

import quizzes
from tests.site.html import read_page


def all_result_links() -> set[str]:
    """The guide links of every category and of every knowledge-check question."""
    links = set()
    for quiz in quizzes.all_quizzes():
        for category in quiz.categories:
            links.update(link.href for link in category.links)
        for item in quiz.items:
            link = getattr(item, "link", None)  # a Question's: the section it tests
            if link is not None:
                links.add(link.href)
    return links


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
