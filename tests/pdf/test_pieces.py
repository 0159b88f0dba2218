"""The export's parts on their own: links and ids, the HTML tree, the edition, the paper key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sitegen.errors import BuildInputError
from sitegen.pdf.guide import Chapter, edition_date
from sitegen.pdf.links import LinkMap, drop_dangling, localise
from sitegen.pdf.pages import strip_web_chrome
from sitegen.pdf.templates import environment
from sitegen.pdf.tree import parse_fragment, replace, serialize
from sitegen.quiz.key import grouped_steps
from tests.conftest import ROOT

HOME = Chapter("Introduction", "index.md", "index.html", "./")
STEPS = Chapter("Step-by-step guide", "step-by-step.md", "step-by-step/index.html", "step-by-step/")
HELP = Chapter("", "help-now.md", "help-now/index.html", "help-now/", appendix=True)
LINKS = LinkMap((HOME, STEPS, HELP))


@pytest.mark.parametrize(
    ("href", "page", "expected"),
    [
        ("../step-by-step/#step-5", HELP, "#step-by-step--step-5"),
        ("step-by-step/#step-5", HOME, "#step-by-step--step-5"),
        ("../help-now/", STEPS, "#help-now"),
        ("../help-now/index.html#browsing-safely", STEPS, "#help-now--browsing-safely"),
        ("#step-2", STEPS, "#step-by-step--step-2"),
        ("..", STEPS, "#index"),
        ("./", HOME, "#index"),
        ("https://www.example.org/a?b=c", STEPS, "https://www.example.org/a?b=c"),
        ("tel:988", HELP, "tel:988"),
        ("sms:88788", HELP, "sms:88788"),
    ],
)
def test_links_to_pages_of_the_guide_become_anchors_and_other_sites_stay(href: str, page: Chapter, expected: str) -> None:
    assert LINKS.resolve(href, page) == (expected, None)


@pytest.mark.parametrize("href", ["../downloads/guide.pdf", "../no-such-page/", "javascript:alert(1)"])
def test_links_a_pdf_cannot_follow_are_dropped_with_a_reason(href: str) -> None:
    target, problem = LINKS.resolve(href, STEPS)
    assert target is None and problem and href in problem


def test_ids_get_the_page_prefix_and_links_and_labels_follow() -> None:
    [article] = parse_fragment('<article><h2 id="step-5">Step 5</h2><label for="x">X</label><input id="x">'
                               '<p aria-labelledby="step-5 x"><a href="#step-5">here</a> '
                               '<a href="../help-now/">help</a> <a href="../gone/">gone</a></p></article>')
    problems = localise(article, STEPS, LINKS)
    html = serialize(article)
    assert 'id="step-by-step--step-5"' in html and 'for="step-by-step--x"' in html
    assert 'aria-labelledby="step-by-step--step-5 step-by-step--x"' in html
    assert 'href="#step-by-step--step-5"' in html and 'href="#help-now"' in html
    assert "<a>gone</a>" in html and len(problems) == 1 and "../gone/" in problems[0]
    assert drop_dangling(article, {"step-by-step--step-5"}) == ["link 'help' points at a missing anchor (#help-now)"]


def test_a_block_marked_web_only_stays_out_with_its_links() -> None:
    [article] = parse_fragment('<article><p>On paper.</p><p class="web-only">Use the <strong>Quick exit</strong> '
                               'button. <a href="../privacy/#quick-exit">More</a></p></article>')
    strip_web_chrome(article)
    assert serialize(article) == "<article><p>On paper.</p></article>"
    assert localise(article, HELP, LINKS) == []  # no link is left to bring a page in


def test_the_html_writer_keeps_svg_void_elements_and_escapes_text() -> None:
    nodes = parse_fragment('<p>a &lt;b&gt; &amp; "c"<br><svg viewBox="0 0 1 1"><title>T &amp; U</title></svg></p>tail')
    html = "".join(node if isinstance(node, str) else serialize(node) for node in nodes)
    assert html == '<p>a &lt;b&gt; &amp; "c"<br><svg viewBox="0 0 1 1"><title>T &amp; U</title></svg></p>tail'


def test_replacing_an_element_keeps_the_text_around_it() -> None:
    [paragraph] = parse_fragment("<p>before <b>old</b> after</p>")
    replace(paragraph, paragraph[0], parse_fragment("<i>new</i> and more"))
    assert serialize(paragraph) == "<p>before <i>new</i> and more after</p>"


def test_the_edition_date_is_source_date_epoch_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert edition_date(ROOT) == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_the_edition_date_is_never_the_time_of_the_export(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert edition_date(tmp_path) is None  # not a git checkout: no date rather than today's


def test_a_bad_source_date_epoch_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(BuildInputError, match="SOURCE_DATE_EPOCH"):
        edition_date(ROOT)


def test_numbered_rules_of_the_key_nest_under_the_step_that_introduces_them() -> None:
    steps = grouped_steps(["Count.", "Go through these rules:", "1. If a → A.", "2. If b → B.", "Done."])
    assert steps == [{"text": "Count.", "rules": []},
                     {"text": "Go through these rules:", "rules": ["1. If a → A.", "2. If b → B."]},
                     {"text": "Done.", "rules": []}]


def test_the_pdf_templates_escape_what_they_print() -> None:
    template = environment(ROOT / "overrides").from_string("<p>{{ text }}</p>")
    assert template.render(text="<script>x</script>") == "<p>&lt;script&gt;x&lt;/script&gt;</p>"
