"""Bad input to the site build fails loudly, naming the file and what to do.

One real `mkdocs build` shows that a bad page stops the strict build; the markers are
checked where they are expanded, with the pages as MkDocs reads them.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from sitegen import markers
from sitegen.errors import BuildInputError
from sitegen.settings import Settings, read
from tests.conftest import ROOT, copy_project, run_mkdocs_build

NO_QUIZZES = markers.Site(quizzes={}, quiz_homes={})  # these pages' markers are the clinic's


@functools.cache
def project_config() -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it (no hook runs)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def settings(**clinic_changes: object) -> Settings:
    """The project's checked `extra:` settings, with changes to `extra.clinic`."""
    extra = dict(project_config().extra)
    extra["clinic"] = {**extra["clinic"], **clinic_changes}
    return read(extra)


def page_markdown(docs: Path, name: str) -> tuple[str, Page]:
    """A page of docs/ and its Markdown as on_page_markdown receives it (front matter read off)."""
    config = project_config()
    page = Page(None, File(name, src_dir=str(docs), dest_dir=str(docs.parent / "site"), use_directory_urls=True),
                config)
    page.read_source(config)
    return page.markdown or "", page


def test_a_link_to_a_missing_page_fails_the_strict_build_naming_the_page(tmp_path: Path) -> None:
    # End to end: the strict build and mkdocs.yml's link validation are MkDocs' own.
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "science-of-trust.md"
    text = page.read_text(encoding="utf-8")
    assert "Research in" in text
    page.write_text(text.replace("Research in", "See [the old page](no-such-page.md). Research in", 1),
                    encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    assert "science-of-trust.md" in result.stderr and "no-such-page.md" in result.stderr


def test_an_unknown_marker_names_the_page_and_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = (ROOT / "docs" / "what-not-to-do.md").read_text(encoding="utf-8").splitlines()
    lines.insert(11, "Call {{ clinic.phone_number }} today.")
    (docs / "what-not-to-do.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    markdown, page = page_markdown(docs, "what-not-to-do.md")
    with pytest.raises(BuildInputError) as caught:
        markers.expand(markdown, page, settings(), NO_QUIZZES)
    error = str(caught.value)
    # Line 12 of the file: the front matter MkDocs read off is counted.
    assert error.startswith("docs/what-not-to-do.md:12: unknown marker '{{ clinic.phone_number }}'"), error
    assert "{{ clinic.name }}" in error  # the hint lists the markers that exist


def test_a_configured_booking_link_becomes_a_button() -> None:
    markdown, page = page_markdown(ROOT / "docs", "getting-support.md")
    assert "{{ clinic.consultation }}" in markdown
    consultation = project_config().extra["clinic"]["consultation"]
    assert consultation["url"] is None  # the client gave none: the session's build shows the offer unlinked
    booking = settings(consultation={**consultation, "url": "https://booking.invalid/calm"})
    expanded = markers.expand(markdown, page, booking, NO_QUIZZES)
    assert ('<a class="md-button md-button--primary" href="https://booking.invalid/calm">'
            "Book a FREE 15-Minute Consultation</a>") in expanded


def test_a_booking_path_inside_the_site_is_linked_from_the_page() -> None:
    # Written from the site's root in mkdocs.yml, linked relatively: it works under any sub-path.
    markdown, page = page_markdown(ROOT / "docs", "getting-support.md")
    consultation = project_config().extra["clinic"]["consultation"]
    booking = settings(consultation={**consultation, "url": "contact/#book"})
    expanded = markers.expand(markdown, page, booking, NO_QUIZZES)
    assert page.url == "getting-support/"
    assert '<a class="md-button md-button--primary" href="../contact/#book">' in expanded
