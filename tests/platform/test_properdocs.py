"""The site built by ProperDocs (the maintained fork of MkDocs 1.6) is the site MkDocs builds.

One extra build: `properdocs build --strict` from `.venv-properdocs/` (the site's exact pins plus
ProperDocs; `make install-test` makes it) into a folder of its own, with the same `site_url` as
the session's default build, so the two outputs can be compared file by file. Only the
differences in KNOWN_DIFFERENCES are taken out before comparing; anything else fails. Then one
quiz is scored in chromium on the ProperDocs build, served on its own address under its own
`_headers` (handbook/platform.md says why this is proven).
"""

from __future__ import annotations

import gzip
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from devkit.build import PROPERDOCS
from tests.conftest import ROOT, SiteServer, run_properdocs_build, watched_page
from tests.widget.quiz_reader import ATTACHMENT_PAGE, answer_with_mouse, cli_score, some_answers, submit_and_wait

# Harmless differences, each taken out of both builds before they are compared.
GENERATOR_TAG = re.compile(r'<meta name="generator" content="[^"]*">')
LASTMOD = re.compile(r"<lastmod>\d{4}-\d{2}-\d{2}</lastmod>")
KNOWN_DIFFERENCES = {
    # Every page names its generator: "mkdocs-1.6.1, mkdocs-material-9.8.2" against
    # "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2". Readers never see it.
    "generator tag in every page": (GENERATOR_TAG, '<meta name="generator">'),
    # sitemap.xml dates are the build's date (or SOURCE_DATE_EPOCH): two builds either side of
    # midnight differ. The gzip copy is compared decompressed (gzip stores its own time).
    "build date in sitemap.xml": (LASTMOD, "<lastmod>DATE</lastmod>"),
}
# What the default build has that a generator does not make: the offline PDF is the step after
# the build (`python -m sitegen.pdf`, the same code whichever generator ran before it).
NOT_FROM_THE_GENERATOR = ("downloads/",)
QUIZ_FORMS = {"attachment-and-trauma/index.html": 1, "signs-of-rebuilding/index.html": 1,
              "embed/attachment-style/index.html": 1, "embed/trust-signs/index.html": 1,
              "step-by-step/index.html": 1, "what-not-to-do/index.html": 1,  # the knowledge checks
              "embed/step-by-step-check/index.html": 1, "embed/what-not-to-do-check/index.html": 1}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """`properdocs build --strict` of the project, with the default build's site_url."""
    if not PROPERDOCS.exists():
        message = (f"{PROPERDOCS.relative_to(ROOT)} is missing: `make install-test` makes the ProperDocs venv "
                   "(requirements-properdocs.txt)")
        if os.environ.get("MAKELEVEL"):  # under `make test` the venv must be there
            pytest.fail(message)
        pytest.skip(message)
    site_dir = tmp_path_factory.mktemp("properdocs") / "site"
    started = time.perf_counter()
    run_properdocs_build(ROOT, site_dir, site_url=site_url).check()
    print(f"properdocs build: {time.perf_counter() - started:.1f} s")
    return site_dir


def normalised(path: Path) -> bytes:
    """The file's bytes with only the known, harmless differences taken out."""
    data = path.read_bytes()
    if path.name.endswith(".xml.gz"):
        data = gzip.decompress(data)
    if path.name.endswith((".html", ".xml", ".xml.gz")):
        text = data.decode("utf-8")
        for pattern, replacement in KNOWN_DIFFERENCES.values():
            text = pattern.sub(replacement, text)
        data = text.encode("utf-8")
    return data


def files_of(site_dir: Path) -> set[str]:
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()
            and not path.relative_to(site_dir).as_posix().startswith(NOT_FROM_THE_GENERATOR)}


def differences(default: Path, other: Path) -> list[str]:
    """Every difference that is not known to be harmless, one line each."""
    found = [f"only in the default build: {name}" for name in sorted(files_of(default) - files_of(other))]
    found += [f"only in the ProperDocs build: {name}" for name in sorted(files_of(other) - files_of(default))]
    for name in sorted(files_of(default) & files_of(other)):
        if normalised(default / name) != normalised(other / name):
            found.append(f"differs: {name}{first_difference(normalised(default / name), normalised(other / name))}")
    return found


def first_difference(one: bytes, two: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), min(len(one), len(two)))
    return f" at byte {at}: {one[max(0, at - 60):at + 60]!r} against {two[max(0, at - 60):at + 60]!r}"


def test_properdocs_builds_what_mkdocs_builds_but_the_known_differences(built_site: Path,
                                                                         properdocs_site: Path) -> None:
    """Every file of the default build (pages, embed and staff pages, quiz bundle, Pyodide,
    `_headers`, service worker, search index, sitemap) is in the ProperDocs build, the same."""
    assert differences(built_site, properdocs_site) == []


def test_the_known_differences_are_there_and_are_all_there_is(built_site: Path, properdocs_site: Path) -> None:
    """The generator tag does differ (so the build was ProperDocs'), and normalising takes out
    exactly one tag per page and only the sitemap's dates."""
    page = "attachment-and-trauma/index.html"
    ours, theirs = (GENERATOR_TAG.findall((site / page).read_text("utf-8")) for site in (built_site, properdocs_site))
    assert ours == ['<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">']
    assert theirs == ['<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2">']
    for site in (built_site, properdocs_site):
        for name in files_of(site):
            if name.endswith(".html"):
                assert len(GENERATOR_TAG.findall((site / name).read_text("utf-8"))) == 1, name
            else:
                assert not GENERATOR_TAG.search((site / name).read_bytes().decode("utf-8", "replace")), name
        sitemap = (site / "sitemap.xml").read_text("utf-8")
        assert 0 < len(LASTMOD.findall(sitemap)) == sitemap.count("<url>")


def test_quiz_forms_bundle_headers_embed_and_staff_pages(built_site: Path, properdocs_site: Path) -> None:
    """What matters most, named, so a failure says which part is missing."""
    for page, count in QUIZ_FORMS.items():
        assert (properdocs_site / page).read_text("utf-8").count("data-quiz=") == count, page
    bundles = sorted(path.name for path in (built_site / "assets" / "quiz").iterdir())
    assert bundles and sorted(path.name for path in (properdocs_site / "assets" / "quiz").iterdir()) == bundles
    for bundle in bundles:
        assert files_of(properdocs_site / "assets/quiz" / bundle) == files_of(built_site / "assets/quiz" / bundle)
    headers = (properdocs_site / "_headers").read_text("utf-8")
    assert "Content-Security-Policy: default-src 'self'" in headers
    assert headers == (built_site / "_headers").read_text("utf-8")
    embed_pages = sorted(name for name in files_of(built_site) if name.startswith("embed/"))
    assert "embed/index.html" in embed_pages and "embed/host.js" in embed_pages  # the staff page, the host script
    assert all((properdocs_site / name).is_file() for name in embed_pages)
    assert "Embed the guide in your website" in (properdocs_site / "embed/index.html").read_text("utf-8")


@pytest.fixture
def properdocs_page(browser: Any, properdocs_site: Path, site_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A watched page on the ProperDocs build, served on its own address with its own `_headers`;
    with every URL it requests."""
    with SiteServer(properdocs_site) as server:
        for page in watched_page(browser, server.url, service_workers="block"):
            requested: list[str] = []
            page.context.on("request", lambda request, into=requested: into.append(request.url))  # workers' too
            yield page, requested


def test_a_quiz_scores_in_the_browser_on_the_properdocs_build(properdocs_page: tuple[Page, list[str]],
                                                                site_url: str) -> None:
    page, requested = properdocs_page
    answers = some_answers("attachment-style", seed=26)
    page.goto(ATTACHMENT_PAGE)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    origin = page.url.split(ATTACHMENT_PAGE)[0]
    assert any("/assets/quiz/" in url and url.endswith(".whl") for url in requested)  # the quiz wheel ran
    assert [url for url in requested if not url.startswith(origin)] == []  # nothing from the default build
    assert origin != site_url
