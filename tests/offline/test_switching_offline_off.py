"""`extra.offline: false` ships a service worker that removes itself: a browser that kept the
guide before is left with no service worker and no caches of the site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import SiteServer, copy_project, run_mkdocs_build
from tests.hardening.pages import STORAGE_PROBE
from tests.offline.helpers import CONTROLLED, choose_offline_reading, kept, registrations, wait_until_kept
from tests.widget.quiz_reader import SIGNS_PAGE, widget


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """One address for this file's tests; each publishes the build it starts from."""
    with SiteServer(tmp_path_factory.mktemp("served")) as server:
        yield server


def build(tmp_path: Path, url: str, *, offline: bool) -> Path:
    project = copy_project(tmp_path / f"project-{offline}")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n  offline: {str(offline).lower()}\n", encoding="utf-8")
    site = tmp_path / f"site-{offline}"
    run_mkdocs_build(project, site, url).check()
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, host: SiteServer) -> tuple[Path, Path]:
    """The site built with offline reading on, and switched off, for the same address; built
    once for this file (each test's reader has a context of its own)."""
    folder = tmp_path_factory.mktemp("builds")
    keeping, removing = build(folder, host.url, offline=True), build(folder, host.url, offline=False)
    assert "register.js" not in (removing / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    # The feature goes with its control: the privacy page offers no offline reading.
    assert "data-offline-choice" in (keeping / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "data-offline-choice" not in (removing / "privacy" / "index.html").read_text(encoding="utf-8")
    return keeping, removing


def a_reader_who_kept_the_guide(browser: Browser, host: SiteServer, keeping: Path) -> Page:
    """A reader's tab after a visit that chose offline reading and kept the quiz page and its runtime."""
    host.publish(keeping)
    reader = browser.new_context(base_url=host.url).new_page()
    choose_offline_reading(reader)
    reader.goto(SIGNS_PAGE)
    widget(reader, "trust-signs").locator('input[name="hope1"]').locator("xpath=..").click()
    expect(widget(reader, "trust-signs")).to_have_attribute("data-state", "ready", timeout=90_000)
    reader.wait_for_function(CONTROLLED)
    wait_until_kept(reader, "/signs-of-rebuilding/", ".wasm")
    assert registrations(reader) == 1
    return reader


def wait_until_let_go(reader: Page) -> None:
    for _ in range(300):
        if registrations(reader) == 0 and kept(reader) == {}:
            return
        reader.wait_for_timeout(100)
    state = reader.evaluate("""async () => (await navigator.serviceWorker.getRegistrations()).map((r) =>
        [r.installing && r.installing.scriptURL, r.waiting && r.waiting.scriptURL, r.active && [r.active.scriptURL, r.active.state]])""")
    assert registrations(reader) == 0, (state, list(kept(reader)))
    assert kept(reader) == {}


def test_switching_offline_off_leaves_no_service_worker_and_no_caches(browser: Browser, host: SiteServer,
                                                                      sites: tuple[Path, Path]) -> None:
    keeping, removing = sites
    reader = a_reader_who_kept_the_guide(browser, host, keeping)
    host.publish(removing)
    reader.goto("./")  # the next visit lets the kept worker go
    wait_until_let_go(reader)
    # And it stays so after a quiz page of the switched-off site, opened from a tab the old
    # worker still served (it serves open pages until they close).
    reader.goto(SIGNS_PAGE)
    assert reader.locator('script[src$="release.js"]').count() == 1
    wait_until_let_go(reader)
    reader.context.close()


def test_the_worker_at_the_same_address_removes_itself_and_its_caches(browser: Browser, host: SiteServer,
                                                                      sites: tuple[Path, Path]) -> None:
    # For a browser that checks the worker's address before any page of the new site runs
    # (its own periodic check): here from a file that runs no script, so only the worker acts.
    keeping, removing = sites
    reader = a_reader_who_kept_the_guide(browser, host, keeping)
    host.publish(removing)
    reader.goto(STORAGE_PROBE)
    assert reader.locator("script").count() == 0
    reader.evaluate("navigator.serviceWorker.getRegistration().then((registration) => registration.update())")
    wait_until_let_go(reader)
    reader.context.close()
