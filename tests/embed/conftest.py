"""The visitor of a clinic's page: a browser page that logs every message the page receives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import SiteServer
from tests.embed.clinic import MESSAGE_LOG, NEUTRAL


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    """A fresh page; the neutral site Quick exit opens is answered here, nothing leaves the machine."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    context.add_init_script(MESSAGE_LOG)
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Weather</h1>"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path, site_url: str) -> Iterator[tuple[Path, str]]:
    """A second origin, the clinic's website, where staff paste snippets from the staff page."""
    with SiteServer(tmp_path_factory.mktemp("clinic")) as server:
        yield server.site_dir, server.url
