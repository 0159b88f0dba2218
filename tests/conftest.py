"""Shared fixtures: a real strict build of the site with its PDF, served over loopback as a
static host would serve it, and Debian's chromium.

The helpers live in `devkit/`, shared with the bench; the names tests import from here
(ROOT, copy_project, run_mkdocs_build, …) are re-exported.

Under pytest-xdist (`make test` runs three workers) the site is built once for all workers:
the controller serves one folder at one address, and the first test process whose tests need
the site starts the build there in the background (tests/session_build.py) as soon as it has
collected them. Files that need neither the site nor the build cache it fills run first, so
both workers have work while it builds; a test that needs only the pages waits for them, not
for the PDF.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from devkit import project
from devkit.browser import HEADLESS_SHELL, TEST_ARGS, launch_chromium
from devkit.build import QUIET, TIMEOUT_S, run_mkdocs_build, run_pdf_export, run_properdocs_build
from devkit.project import ROOT
from devkit.serve import SiteServer, read_headers_file
from tests.session_build import PDF_RECORD, SITE_RECORD

__all__ = ["ROOT", "BuiltPdf", "BuiltSite", "SiteServer", "copy_project",
           "read_headers_file", "run_mkdocs_build", "run_pdf_export", "run_properdocs_build"]

# Material's end-of-life notice is for staff running `make build` / `make serve`, once each; any
# build or serve a test starts keeps quiet (tests/platform/test_end_of_life_notice.py).
os.environ.update(QUIET)

_SERVER = pytest.StashKey[SiteServer]()
_BUILDER = pytest.StashKey[subprocess.Popen[bytes]]()
STARTED = "build.started"  # created by the one test process that starts the session's build
BUILD_FIRST = 10  # the niceness the test processes take once the session's build is started
# The folder the session's site is built in, as this process knows it (set by pytest_configure).
_session: dict[str, Path] = {}


@dataclass(frozen=True)
class BuiltSite:
    """The session's site as `mkdocs build` makes it, and how long that took."""

    site_dir: Path
    url: str
    build_seconds: float


@dataclass(frozen=True)
class BuiltPdf:
    """The session's PDF as `python -m sitegen.pdf` exports it after the build."""

    path: Path
    seconds: float
    source_date_epoch: str | None  # as the export saw it (a test may set it later in a process)


def pytest_configure(config: pytest.Config) -> None:
    """The controller (or the only process) serves the folder the site will be built into.

    The server starts before the build because the build needs its address: Material's
    instant navigation only intercepts links of the origin in `site_url`, and the embed
    snippets carry it. Every response carries the headers of `site/_headers`, the strict CSP
    included, so every browser test runs under the policy a real host would send.
    """
    if not hasattr(config, "workerinput"):
        folder = Path(tempfile.mkdtemp(prefix="pytest-site-"))
        (folder / "site").mkdir()
        config.stash[_SERVER] = SiteServer(folder / "site")
    _session["folder"] = session_site(config)[0].parent


def pytest_unconfigure(config: pytest.Config) -> None:
    builder = config.stash.get(_BUILDER, None)
    if builder is not None:
        builder.wait(timeout=2 * TIMEOUT_S)
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


def session_site(config: pytest.Config) -> tuple[Path, str]:
    """The folder the session's site is built into, and the address it is served at."""
    if hasattr(config, "workerinput"):
        return Path(config.workerinput["site_dir"]), config.workerinput["site_url"]
    server = config.stash[_SERVER]
    return server.site_dir, server.url


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark every test that drives chromium `browser`, so `make test-fast` can leave out all
    but the `smoke` ones (`-m "not browser or smoke"`)."""
    if "browser" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.browser)


def needs_the_site(item: pytest.Item) -> bool:
    return "site_build" in getattr(item, "fixturenames", ())


def needs_the_pdf(item: pytest.Item) -> bool:
    return "pdf_build" in getattr(item, "fixturenames", ())


def copies_the_project(item: pytest.Item) -> bool:
    """A test file that builds a copy of the project, which copies the build cache the session's
    build fills (`copy_project` below waits for it)."""
    module = getattr(item, "module", None)
    return getattr(module, "copy_project", None) is copy_project


@pytest.hookimpl(trylast=True)  # after `-m` has deselected: these are the tests that run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the session's build in the background if a test needs it, and order the files by
    how long they wait for it (`waits_for`): first those that need neither it nor the build
    cache it fills, so they run while it builds; those that need the PDF last.

    Whole files move, in their own order: a module's fixtures are set up once. Under xdist,
    worksteal hands each worker a contiguous share of this order: the first starts on files
    that need no build, and the build runs beside it. Not run for `--collect-only`.
    """
    if config.option.collectonly or not any(needs_the_site(item) for item in items):
        return
    start_session_build(config)
    # The build is what every worker ends up waiting for, and it runs on one core: the test
    # processes (and what they start) yield to it, so it ends seconds sooner.
    os.nice(BUILD_FIRST)
    waits = dict.fromkeys((item.path for item in items), 0)
    for item in items:
        waits[item.path] = max(waits[item.path], waits_for(item))
    items.sort(key=lambda item: waits[item.path])  # stable: the order within each group is kept


def waits_for(item: pytest.Item) -> int:
    """How long a test waits for the session's build: 0 not at all, 1 for the build cache or the
    site, 2 for the PDF, which the build exports after the site."""
    if needs_the_pdf(item):
        return 2
    return 1 if needs_the_site(item) or copies_the_project(item) else 0


def start_session_build(config: pytest.Config) -> None:
    """Start tests/session_build.py, unless another test process of this run did."""
    site_dir, url = session_site(config)
    folder = site_dir.parent
    try:
        os.close(os.open(folder / STARTED, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return
    with open(folder / "build.log", "wb") as log:
        config.stash[_BUILDER] = subprocess.Popen([sys.executable, "-m", "tests.session_build", str(folder), url],
                                                  cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def wait_for_record(folder: Path, name: str) -> dict[str, Any]:
    """A step's record of the session's build, once it is written; fails the test if it never is."""
    record = folder / name
    deadline = time.monotonic() + 2 * TIMEOUT_S
    while not record.exists():
        if time.monotonic() > deadline:
            log = folder / "build.log"
            pytest.fail(f"the session's build wrote no {name}: {log.read_text() if log.exists() else 'no log'}")
        time.sleep(0.1)
    step: dict[str, Any] = json.loads(record.read_text(encoding="utf-8"))
    assert step["error"] is None, step["error"]
    return step


def copy_project(destination: Path, *, docs: bool = True, cache: bool = True) -> Path:
    """devkit's `copy_project`; with the cache, once the session's build (if this run started
    one) has filled it, so the copy's build reuses its wheel and stdlib instead of running Node."""
    folder = _session.get("folder")
    if cache and folder is not None and (folder / STARTED).exists():
        try:
            wait_for_record(folder, SITE_RECORD)
        except AssertionError:
            pass  # a failed session build fills no cache; the tests that need the site say why
    return project.copy_project(destination, docs=docs, cache=cache)


@pytest.fixture(scope="session")
def site_build(request: pytest.FixtureRequest) -> BuiltSite:
    """`mkdocs build --strict` into the served folder, once per test run (the background build)."""
    site_dir, url = session_site(request.config)
    start_session_build(request.config)  # a test that asked for it only as it ran
    return BuiltSite(site_dir, url, wait_for_record(site_dir.parent, SITE_RECORD)["seconds"])


@pytest.fixture(scope="session")
def pdf_build(site_build: BuiltSite) -> BuiltPdf:
    """The PDF export the session's build runs after the site, as `make build` does."""
    step = wait_for_record(site_build.site_dir.parent, PDF_RECORD)
    return BuiltPdf(site_build.site_dir / "downloads" / "guide.pdf", step["seconds"], step["source_date_epoch"])


@pytest.fixture(scope="session")
def built_site(site_build: BuiltSite, pdf_build: BuiltPdf) -> Path:
    """The folder of the site as `make build` makes it (the offline PDF included)."""
    return site_build.site_dir


@pytest.fixture(scope="session")
def site_url(site_build: BuiltSite) -> str:
    """Base URL of the built site, served over HTTP on loopback."""
    return site_build.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium headless shell driven by Playwright, as Playwright runs its own headless
    tests (it cannot download its own browsers here; devkit/browser.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            launched = launch_chromium(playwright, executable=HEADLESS_SHELL, args=TEST_ARGS)
        except FileNotFoundError as missing:
            pytest.fail(str(missing))
        yield launched
        launched.close()


def watched_page(browser: Any, site_url: str, **options: Any) -> Iterator[Any]:
    """A page in a fresh context that fails the test on an uncaught error or a CSP violation
    in any page of the context (a test may open more tabs with `page.context.new_page()`)."""
    context = browser.new_context(base_url=site_url, **options)
    errors: list[str] = []
    watch(context, errors)
    yield context.new_page()
    context.close()
    assert not errors, f"uncaught errors or CSP violations in the page: {errors}"


class SharedContext:
    """The one browser context of this test process's `page` tests, and what it saw.

    A fresh context costs a page about 0.5 CPU-s more than a new tab in a context that has
    loaded the site before (measured on this 2-core machine: 0.85-1.1 against 0.4-0.6 for a
    chapter): the tab reuses the context's HTTP cache and the code compiled from it. What a
    test leaves is undone by `forget`, all but that cache, which holds the site's own
    unchanging files.
    """

    def __init__(self, browser: Any, site_url: str) -> None:
        self.context = browser.new_context(base_url=site_url, service_workers="block")
        self.errors: list[str] = []
        self.origins: set[str] = set()  # every origin a test's pages reached: their storage is cleared
        watch(self.context, self.errors)
        self.context.on("request", lambda request: self.origins.add(origin_of(request.url)))

    def forget(self) -> None:
        """Close every tab and clear what the test stored, routed or switched off."""
        context = self.context
        context.unroute_all(behavior="ignoreErrors")
        context.set_offline(False)
        tab = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(tab)
        for origin in sorted(self.origins - {"null"}):
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        cdp.detach()
        for open_tab in context.pages:
            open_tab.close()
        context.clear_cookies()
        context.clear_permissions()
        self.origins.clear()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"http", "https"} else "null"


def watch(context: Any, errors: list[str]) -> None:
    """Note every uncaught error and CSP violation in any page of `context` into `errors`."""
    context.on("weberror", lambda web_error: errors.append(str(web_error.error)))
    context.on("console", lambda message: errors.append(message.text)
               if "Content Security Policy" in message.text else None)


@pytest.fixture(scope="session")
def shared_context(browser: Any, site_url: str) -> Iterator[SharedContext]:
    """The `page` fixture's context for this test process, closed when the process ends."""
    shared = SharedContext(browser, site_url)
    yield shared
    shared.context.close()


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    """A new tab, watched for errors and CSP violations, in a context that blocks service
    workers: requests a test routes or counts are seen as the page makes them, never answered
    by the site's service worker. Its own tests (tests/offline/) use `offline_reader`.

    The tab opens in this process's shared context (`SharedContext`), cleared after each test
    but for its HTTP cache. A test marked `fresh_context` gets a context of its own, as a
    first-time reader's browser: one that needs a cold cache (a download's progress), or that
    changes the context in a way `forget` cannot undo (an init script for every page, a clock).
    """
    if request.node.get_closest_marker("fresh_context"):
        yield from watched_page(browser, site_url, service_workers="block")
        return
    shared: SharedContext = request.getfixturevalue("shared_context")
    shared.errors.clear()
    yield shared.context.new_page()
    shared.forget()
    assert not shared.errors, f"uncaught errors or CSP violations in the page: {shared.errors}"


@pytest.fixture
def stub_worker(page: Any) -> Iterator[Any]:
    """The stand-in worker (tests/widget/stub_worker.py) serving `page`, and what it was asked:
    for tests about what the page does, where the runtime would only start on the way.

    The test fails if the page fetched Pyodide all the same: the stand-in was not what ran."""
    from tests.widget.stub_worker import use_stub_worker

    stub = use_stub_worker(page.context)
    yield stub
    assert not stub.runtime_fetched, f"the real runtime was fetched: {stub.runtime_fetched[:3]}"


@pytest.fixture
def offline_reader(browser: Any, site_url: str) -> Iterator[Any]:
    """Like `page`, but the site's service worker registers and serves, as in a reader's browser."""
    yield from watched_page(browser, site_url)
