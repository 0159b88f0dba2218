"""`extra.offline: false` ships a service worker that removes itself: a browser that kept the
guide before is left with no service worker and no caches of the site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import SiteServer, copy_project, run_mkdocs_build
from tests.offline.helpers import CONTROLLED, kept, registrations, wait_until_kept
from tests.widget.quiz_reader import SIGNS_PAGE, widget


@pytest.fixture
def host(tmp_path: Path) -> Iterator[SiteServer]:
    (tmp_path / "served").mkdir()
    with SiteServer(tmp_path / "served") as server:
        yield server


def build(tmp_path: Path, url: str, *, offline: bool) -> Path:
    project = copy_project(tmp_path / f"project-{offline}")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n  offline: {str(offline).lower()}\n", encoding="utf-8")
    site = tmp_path / f"site-{offline}"
    run_mkdocs_build(project, site, url).check()
    return site


def publish(site: Path, host: SiteServer) -> None:
    shutil.rmtree(host.site_dir)
    shutil.copytree(site, host.site_dir)


def test_switching_offline_off_leaves_no_service_worker_and_no_caches(browser: Browser, host: SiteServer,
                                                                      tmp_path: Path) -> None:
    keeping, removing = build(tmp_path, host.url, offline=True), build(tmp_path, host.url, offline=False)
    assert "register.js" not in (removing / "signs-of-rebuilding" / "index.html").read_text(encoding="utf-8")
    publish(keeping, host)
    context = browser.new_context(base_url=host.url)
    reader = context.new_page()
    reader.goto(SIGNS_PAGE)
    widget(reader, "trust-signs").locator('input[name="hope1"]').locator("xpath=..").click()
    expect(widget(reader, "trust-signs")).to_have_attribute("data-state", "ready", timeout=90_000)
    reader.wait_for_function(CONTROLLED)
    wait_until_kept(reader, "/signs-of-rebuilding/", ".wasm")
    assert registrations(reader) == 1

    publish(removing, host)
    reader.goto("./")  # the next visit: the page has the worker update, and it finds the removing one
    for _ in range(300):
        if registrations(reader) == 0 and kept(reader) == {}:
            break
        reader.wait_for_timeout(100)
    assert registrations(reader) == 0
    assert kept(reader) == {}
    # And it stays so: pages of the switched-off site register nothing.
    reader.goto(SIGNS_PAGE)
    reader.wait_for_timeout(1000)
    assert registrations(reader) == 0 and kept(reader) == {}
    context.close()
