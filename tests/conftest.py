"""Shared fixtures: a real strict build of the site with its PDF, served over loopback as a
static host would serve it, and Debian's chromium.

The helpers live in `devkit/`, shared with the bench; the names tests import from here
(ROOT, copy_project, run_mkdocs_build, …) are re-exported.

Under pytest-xdist (`make test` runs two workers) the site is built once for all workers:
the controller serves one folder at one address, and the first worker to need the site
builds it there while the others wait on a file lock.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devkit.browser import CHROMIUM, CHROMIUM_ARGS, launch_chromium
from devkit.build import QUIET, run_mkdocs_build, run_pdf_export, run_properdocs_build
from devkit.project import ROOT, copy_project
from devkit.serve import SiteServer, read_headers_file

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "BuiltSite", "SiteServer", "copy_project", "read_headers_file",
           "run_mkdocs_build", "run_pdf_export", "run_properdocs_build"]

# Material's end-of-life notice is for staff running `make build` / `make serve`, once each; any
# build or serve a test starts keeps quiet (tests/platform/test_end_of_life_notice.py).
os.environ.update(QUIET)

_SERVER = pytest.StashKey[SiteServer]()


@dataclass(frozen=True)
class BuiltSite:
    """The session's site as `make build` makes it, and how long its two steps took."""

    site_dir: Path
    url: str
    build_seconds: float
    pdf_seconds: float
    source_date_epoch: str | None  # as the export saw it (a test may set it later in a process)

    @property
    def pdf(self) -> Path:
        return self.site_dir / "downloads" / "guide.pdf"


def pytest_configure(config: pytest.Config) -> None:
    """The controller (or the only process) serves the folder the site will be built into.

    The server starts before the build because the build needs its address: Material's
    instant navigation only intercepts links of the origin in `site_url`, and the embed
    snippets carry it. Every response carries the headers of `site/_headers`, the strict CSP
    included, so every browser test runs under the policy a real host would send.
    """
    if hasattr(config, "workerinput"):
        return
    folder = Path(tempfile.mkdtemp(prefix="pytest-site-"))
    (folder / "site").mkdir()
    config.stash[_SERVER] = SiteServer(folder / "site")


def pytest_unconfigure(config: pytest.Config) -> None:
    server = config.stash.get(_SERVER, None)
    if server is not None:
        server.close()
        shutil.rmtree(server.site_dir.parent, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: absent without the plugin
def pytest_configure_node(node: Any) -> None:
    """Tell each worker where the controller serves the site."""
    server = node.config.stash[_SERVER]
    node.workerinput["site_dir"], node.workerinput["site_url"] = str(server.site_dir), server.url


@pytest.fixture
def quiz_modules_kept() -> Iterator[None]:
    """For a test that runs a build's quiz loading in this process, which imports `quizzes`
    afresh: the modules the other tests of this process hold are put back afterwards (their
    classes would otherwise no longer match the fresh ones)."""
    kept = {name: module for name, module in sys.modules.items() if name.partition(".")[0] == "quizzes"}
    path = sys.path[:]  # the load puts the project it reads first on it
    yield
    for name in [name for name in sys.modules if name.partition(".")[0] == "quizzes"]:
        del sys.modules[name]
    sys.modules.update(kept)
    sys.path[:] = path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives chromium `browser`, so `make test-fast` can leave out all
    but the `smoke` ones (`-m "not browser or smoke"`)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_build(request: pytest.FixtureRequest) -> BuiltSite:
    """`mkdocs build --strict` and the PDF export into the served folder, once per test run.

    The steps' times are kept beside the site, so every worker reads the same ones.
    """
    config = request.config
    if hasattr(config, "workerinput"):
        site_dir, url = Path(config.workerinput["site_dir"]), config.workerinput["site_url"]
    else:
        server = config.stash[_SERVER]
        site_dir, url = server.site_dir, server.url
    record = site_dir.parent / "build.json"
    with open(site_dir.parent / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other workers wait here while one builds
        if not record.exists():
            build = run_mkdocs_build(ROOT, site_dir, site_url=url)
            pdf = run_pdf_export(site_dir, site_dir / "downloads" / "guide.pdf") if build.returncode == 0 else None
            failed = build if build.returncode else pdf if pdf and pdf.returncode else None
            record.write_text(json.dumps({"error": failed.stderr if failed else None,
                                          "build_seconds": build.seconds,
                                          "pdf_seconds": pdf.seconds if pdf else None,
                                          "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH")}),
                              encoding="utf-8")
    built = json.loads(record.read_text(encoding="utf-8"))
    assert built["error"] is None, built["error"]
    return BuiltSite(site_dir, url, built["build_seconds"], built["pdf_seconds"], built["source_date_epoch"])


@pytest.fixture(scope="session")
def built_site(site_build: BuiltSite) -> Path:
    """The folder of the site as `make build` makes it (the offline PDF included)."""
    return site_build.site_dir


@pytest.fixture(scope="session")
def site_url(site_build: BuiltSite) -> str:
    """Base URL of the built site, served over HTTP on loopback."""
    return site_build.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (Playwright cannot download its own browsers here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            launched = launch_chromium(playwright)
        except FileNotFoundError as missing:
            pytest.fail(str(missing))
        yield launched
        launched.close()


def watched_page(browser: Any, site_url: str, **options: Any) -> Iterator[Any]:
    """A page in a fresh context that fails the test on an uncaught error or a CSP violation
    in any page of the context (a test may open more tabs with `page.context.new_page()`)."""
    context = browser.new_context(base_url=site_url, **options)
    errors: list[str] = []
    context.on("weberror", lambda web_error: errors.append(str(web_error.error)))
    context.on("console", lambda message: errors.append(message.text)
               if "Content Security Policy" in message.text else None)
    yield context.new_page()
    context.close()
    assert not errors, f"uncaught errors or CSP violations in the page: {errors}"


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    """A fresh browser page, watched for errors and CSP violations.

    Its context blocks service workers: requests a test routes or counts then reach the
    network as the page makes them, not a cache. The service worker's own tests (tests/offline/)
    use `offline_reader`, which allows it.
    """
    yield from watched_page(browser, site_url, service_workers="block")


@pytest.fixture
def offline_reader(browser: Any, site_url: str) -> Iterator[Any]:
    """Like `page`, but the site's service worker registers and serves, as in a reader's browser."""
    yield from watched_page(browser, site_url)
