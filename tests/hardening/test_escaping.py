"""Nothing the build is given runs as script: every value from mkdocs.yml, page meta or a quiz
is escaped where it lands, and the CSP allows no inline script but the theme's own.

The theme's templates are read as Jinja reads them, so a new `{{ value }}` without an escaping
filter fails here; one build of a copy of the project with hostile values in every setting
that reaches a page (and a quiz title) is served with its `_headers` and read in chromium;
one build with a raw <script> in a page shows that the build stops naming it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes
from playwright.sync_api import Browser, Page

from sitegen import headers, material
from sitegen.errors import BuildInputError
from sitegen.pdf.templates import environment as pdf_environment
from tests.conftest import ROOT, SiteServer, copy_project, read_headers_file, run_mkdocs_build, watched_page

OVERRIDES = ROOT / "overrides"

# ---------------------------------------------------------------------------------------------
# Every value a template prints is escaped
# ---------------------------------------------------------------------------------------------

# Folders rendered by the build's own autoescaping environments (sitegen/quiz/fence.py,
# sitegen/pdf/templates.py); every other template is MkDocs', which escapes nothing itself.
AUTOESCAPED = ("partials/quiz/", "pdf/")
# Filters whose output is safe in HTML: `e` escapes, `tojson` escapes <, >, & and quotes,
# MkDocs' `script_tag` formats the tag through Markup, which escapes the address.
ESCAPING_FILTERS = {"e", "escape", "tojson", "script_tag"}
# Printed as they are, each for its reason:
ALLOWED_RAW = {
    "super()",  # the parent template's block: Material's own markup
    "inline_styles",  # the site's stylesheets from overrides/assets/stylesheets (sitegen/styles.py)
}


@dataclass(frozen=True)
class Printed:
    template: str
    line: int
    source: str  # the expression as Jinja reads it back


def printed_values(template: Path) -> list[tuple[int, nodes.Expr]]:
    """Every expression a template prints (`{{ … }}`), with its line."""
    tree = jinja2.Environment().parse(template.read_text(encoding="utf-8"))
    return [(child.lineno, child) for output in tree.find_all(nodes.Output) for child in output.nodes
            if not isinstance(child, nodes.TemplateData)]


def describe(expression: nodes.Expr) -> str:
    if isinstance(expression, nodes.Name):
        return expression.name
    if isinstance(expression, nodes.Getattr):
        return f"{describe(expression.node)}.{expression.attr}"
    if isinstance(expression, nodes.Call) and isinstance(expression.node, nodes.Name):
        return f"{expression.node.name}()"
    if isinstance(expression, nodes.Filter):
        return f"… | {expression.name}"
    return type(expression).__name__


def is_escaped(expression: nodes.Expr) -> bool:
    # The outermost operation decides: `a ~ b | e` escapes only b.
    return (isinstance(expression, nodes.Filter) and expression.name in ESCAPING_FILTERS) \
        or describe(expression) in ALLOWED_RAW


def unescaped_values(templates: list[Path], root: Path = OVERRIDES) -> list[Printed]:
    return [Printed(template.relative_to(root).as_posix(), line, describe(expression))
            for template in templates for line, expression in printed_values(template)
            if not is_escaped(expression)]


def theme_templates() -> list[Path]:
    every = sorted(OVERRIDES.rglob("*.html"))
    return [path for path in every if not path.relative_to(OVERRIDES).as_posix().startswith(AUTOESCAPED)]


def test_every_value_the_theme_prints_ends_in_an_escaping_filter() -> None:
    templates = theme_templates()
    assert {"main.html", "embed.html", "partials/copyright.html", "partials/safety-bar.html"} <= \
        {path.relative_to(OVERRIDES).as_posix() for path in templates}
    assert unescaped_values(templates) == []


def test_the_structural_check_finds_a_value_printed_raw(tmp_path: Path) -> None:
    template = tmp_path / "footer.html"
    template.write_text('<p>{{ clinic.name }}</p><a href="{{ site ~ path | e }}">{{ label | e }}</a>{{ super() }}',
                        encoding="utf-8")
    assert [found.source for found in unescaped_values([template], tmp_path)] == ["clinic.name", "Concat"]


def test_the_autoescaped_folders_are_rendered_escaped_and_never_marked_safe() -> None:
    # The quiz form's escaping is shown by test_security.py with a hostile item; the PDF's here.
    rendered = pdf_environment(OVERRIDES).from_string("{{ value }}").render(value='<b title="x">&')
    assert rendered == "&lt;b title=&#34;x&#34;&gt;&amp;"
    for folder in AUTOESCAPED:
        for template in sorted((OVERRIDES / folder).rglob("*.html")):
            text = template.read_text(encoding="utf-8")
            assert "autoescape" not in text, template
            marked = [line for line, expression in printed_values(template)
                      if any(node.name == "safe" for node in expression.find_all(nodes.Filter))
                      or (isinstance(expression, nodes.Filter) and expression.name == "safe")]
            assert marked == [], template


# ---------------------------------------------------------------------------------------------
# The CSP allows the theme's inline scripts, and the build refuses any other
# ---------------------------------------------------------------------------------------------

def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_hashes_only_material_s_inline_scripts(built_site: Path) -> None:
    policy = dict(read_headers_file(built_site))["Content-Security-Policy"]
    (script_src,) = [part.split()[1:] for part in policy.split(";") if part.split()[0] == "script-src"]
    depths = {len(page.relative_to(built_site).parts) - 1 for page in built_site.rglob("*.html")}
    bases = {"/"} | {"/".join([".."] * depth) or "." for depth in depths}
    theme = {sha256_source(script) for base in bases for script in material.theme_inline_scripts(base)}
    assert set(script_src[2:]) <= theme and len(script_src) > 2


def test_a_release_whose_inline_scripts_carry_other_template_values_stops_the_build(tmp_path: Path) -> None:
    scripts = Path("partials") / "javascripts"
    for release in ("same", "changed"):
        shutil.copytree(material.TEMPLATES / scripts, tmp_path / release / scripts)
    assert material.theme_inline_scripts(".", tmp_path / "same") == material.theme_inline_scripts(".")
    palette = tmp_path / "changed" / scripts / "palette.html"
    palette.write_text(palette.read_text(encoding="utf-8").replace("__palette", "{{ palette_key }}"), encoding="utf-8")
    with pytest.raises(RuntimeError, match="update sitegen/material.py"):
        material.theme_inline_scripts(".", tmp_path / "changed")


THEME_HELPERS = next(script for script in material.theme_inline_scripts("..") if script.startswith("__md_scope"))


@pytest.mark.parametrize("html", [
    "<p>Hi</p><script>window.__pwned = 1</script>",
    "<script type='text/ecmascript'>window.__pwned = 1</script>",
    '<script data-type="application/json">window.__pwned = 1</script>',  # not the type attribute
    "<SCRIPT TYPE=' Module '>window.__pwned = 1</SCRIPT >",
    '<script type="text/javascript" type="application/json">window.__pwned = 1</script>',  # the first counts
    f"<script>{THEME_HELPERS.replace('..', '.')}</script>",  # the theme's script for another depth
    f"<p><script>{THEME_HELPERS}",  # never closed: not read as the theme's
    f'<script title=">">{THEME_HELPERS}</script>',  # a ">" the expression stops at
])
def test_an_inline_script_the_theme_does_not_write_stops_the_build_naming_the_page(html: str) -> None:
    with pytest.raises(BuildInputError) as caught:
        headers.theme_scripts_only(html, "docs/x.md", {"..", "/"})
    message = str(caught.value)
    assert message.startswith("docs/x.md: an inline <script> that is not one of the theme's own"), message
    assert "overrides/assets/javascripts/" in message and "or remove it" in message


def test_the_theme_s_scripts_and_scripts_that_never_run_pass() -> None:
    html = (f"<script>{THEME_HELPERS}</script><script src='a.js'>ignored</script>"
            '<script id="__config" type="application/json">{"a": "<b>"}</script>'
            "<script type=text/plain>not run</script>")
    assert headers.theme_scripts_only(html, "docs/x.md", {".."}) == {THEME_HELPERS}


def test_a_raw_script_in_a_page_stops_the_build_naming_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "science-of-trust.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>window.__pwned = 1</script>\n", encoding="utf-8")
    result = run_mkdocs_build(project, project / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0, "the build should have stopped"
    assert "docs/science-of-trust.md: an inline <script> that is not one of the theme's own" in result.stderr
    assert "window.__pwned = 1" in result.stderr and "move the script into a file under overrides/assets/" \
        in result.stderr


# ---------------------------------------------------------------------------------------------
# A build with hostile values: each shows as text, none runs
# ---------------------------------------------------------------------------------------------

PAYLOAD = "<script>window.__pwned = 1</script>"
CLINIC = f'Calm & "Quiet" {PAYLOAD}'
LOCATIONS = [f"online & {PAYLOAD}", 'in person in "San Francisco"']
PHONE = f"555 0100 & {PAYLOAD}"
EMAIL = f'"help"{PAYLOAD}@clinic.example'
WEBSITE = "https://clinic.example/?a=1&b=2"
LABEL = f'Leave & "go" {PAYLOAD}'
QUIZ_TITLE = f'Attachment & "style" {PAYLOAD}'
DESCRIPTION = f'How "we" help & {PAYLOAD}'  # a page's own, in its front matter


def yaml_text(value: object) -> str:
    return json.dumps(value)  # a JSON string or list is YAML too


def with_hostile_values(project: Path) -> None:
    """mkdocs.yml's clinic, contact and quick exit, and the attachment quiz's title, made hostile."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in [
        ("    name: Calm Again Counseling\n", f"    name: {yaml_text(CLINIC)}\n"),
        ("    locations:\n      - online throughout California\n      - in person in San Francisco\n",
         f"    locations: {yaml_text(LOCATIONS)}\n"),
        ("      phone: null", f"      phone: {yaml_text(PHONE)}"),
        ("      email: null", f"      email: {yaml_text(EMAIL)}"),
        ("      website: null", f"      website: {yaml_text(WEBSITE)}"),
        ("    label: Quick exit\n", f"    label: {yaml_text(LABEL)}\n"),
        ("  - Getting support: getting-support.md\n", "  - getting-support.md\n"),  # its title: see below
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    # Without a title in the nav or its front matter, the page takes its title from its heading,
    # which names the clinic: the theme writes it into <title> (Material's way unescaped `&lt;`).
    page = project / "docs" / "getting-support.md"
    text = page.read_text(encoding="utf-8")
    assert text.count("title: Getting support\n") == 1 and text.count("description: >-\n") == 1
    page.write_text(text.replace("title: Getting support\n", "", 1)
                    .replace("description: >-\n", f"description: {yaml_text(DESCRIPTION)}\nold_description: >-\n"),
                    encoding="utf-8")
    quiz = project / "quizzes" / "attachment_style.py"
    source = quiz.read_text(encoding="utf-8")
    assert source.count('title="Attachment style self-assessment",') == 1
    quiz.write_text(source.replace('title="Attachment style self-assessment",', f"title={QUIZ_TITLE!r},"),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile copy, built for and served at its own loopback address with its `_headers`."""
    folder = tmp_path_factory.mktemp("hostile")
    project = copy_project(folder / "project")
    with_hostile_values(project)
    (folder / "site").mkdir()
    with SiteServer(folder / "site") as server:
        run_mkdocs_build(project, server.site_dir, server.url).check()
        yield server.url


@pytest.fixture
def reader(browser: Browser, hostile_site: str) -> Iterator[Page]:
    """A page of the hostile site that fails the test on any error or CSP violation."""
    yield from watched_page(browser, hostile_site, service_workers="block")


def nothing_ran(page: Page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_settings_with_markup_show_as_text_on_every_full_page(reader: Page) -> None:
    reader.goto("getting-support/")
    nothing_ran(reader)
    footer = reader.locator(".clinic-footer")
    assert f"© {CLINIC}" in footer.inner_text()
    assert f"Sessions {' · '.join(LOCATIONS)}." in footer.inner_text()
    assert footer.get_by_role("link", name=WEBSITE).get_attribute("href") == WEBSITE
    assert footer.get_by_role("link", name=PHONE).get_attribute("href") == "tel:" + PHONE.replace(" ", "")
    assert footer.get_by_role("link", name=EMAIL).get_attribute("href") == "mailto:" + EMAIL
    assert reader.locator(".quick-exit").inner_text() == LABEL
    # In the page's Markdown through markers, in its heading, and so in its title.
    assert reader.locator("h1").inner_text().startswith(f"How {CLINIC} Helps Couples Rebuild Trust?")
    assert reader.title().startswith(f"How {CLINIC} Helps Couples Rebuild Trust?")
    assert f"Whether you join us {LOCATIONS[0]} or {LOCATIONS[1]}," in reader.locator("article").inner_text()
    assert reader.locator('meta[name="description"]').get_attribute("content") == DESCRIPTION


def test_a_quiz_title_with_markup_shows_as_text_where_quizzes_are_listed(reader: Page) -> None:
    reader.goto("./")
    nothing_ran(reader)
    assert reader.get_by_role("link", name=QUIZ_TITLE).count() == 1  # {{ quizzes.self_checks }}
    reader.goto("attachment-and-trauma/")
    nothing_ran(reader)
    assert reader.locator(".quiz__title").inner_text() == QUIZ_TITLE


def test_the_embed_page_of_a_quiz_keeps_its_title_and_description_intact(reader: Page) -> None:
    reader.goto("embed/attachment-style/")
    nothing_ran(reader)
    description = reader.locator('meta[name="description"]')
    assert description.count() == 1
    assert description.get_attribute("content") == f"{QUIZ_TITLE}, to embed in another website."
    assert reader.title().startswith(f"{QUIZ_TITLE} - ")
    assert reader.locator("h1").inner_text() == QUIZ_TITLE
    assert reader.locator(".embed-credit").get_by_role("link", name=CLINIC).count() == 1
    assert reader.locator(".quick-exit").inner_text() == LABEL


def test_the_staff_page_names_each_quiz_as_text(reader: Page) -> None:
    reader.goto("embed/")
    nothing_ran(reader)
    assert reader.get_by_role("heading", name=QUIZ_TITLE, level=3).count() == 1
    frames = reader.locator("iframe").evaluate_all("frames => frames.map(frame => frame.title)")
    assert frames.count(QUIZ_TITLE) == 1  # the preview; the snippets are text
    snippets = reader.locator("pre").all_inner_texts()
    assert sum(f'title="{html.escape(QUIZ_TITLE, quote=True)}"' in snippet for snippet in snippets) == 2
