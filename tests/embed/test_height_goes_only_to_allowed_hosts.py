"""With `extra.embed.allowed_origins` set, a frame tells its height to the listed sites only."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitegen.settings import origin as parsed_origin
from tests.conftest import SiteServer, copy_project, read_headers_file, run_mkdocs_build
from tests.embed.clinic import frame_of, host_page, iframe_height, pasted
from tests.widget.stub_worker import use_stub_worker

SNIPPET_HEIGHT = 640  # what the pasted iframe says before the frame reports its height
WILDCARD_TYPED, WILDCARD = "https://*.Clinic.Example:443/", "https://*.clinic.example"


def without_frame_ancestors(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The site's headers without `frame-ancestors`, as from a host that ignores `_headers`:
    any site can then frame the guide, and only the page's own allowlist guards the height."""
    return [(name, "; ".join(part for part in value.split("; ") if not part.startswith("frame-ancestors"))
             if name == "Content-Security-Policy" else value) for name, value in headers]


@dataclass(frozen=True)
class Setup:
    site: Path
    site_url: str
    hosts: Path  # the clinic's pages, served under two origins by one server
    listed_url: str
    unlisted_url: str


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    """The guide built with the clinic's origin on its allowlist; the clinic's server answers as
    127.0.0.1 (listed) and as localhost (another origin, not listed)."""
    root = tmp_path_factory.mktemp("allowlist")
    site, hosts = root / "site", root / "hosts"
    site.mkdir()
    hosts.mkdir()
    with SiteServer(site, rewrite_headers=without_frame_ancestors) as site_server, SiteServer(hosts) as host_server:
        listed_url = host_server.url
        project = copy_project(root / "project")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "allowed_origins: []" in text
        # A second entry as a clinic might type it: written everywhere in its canonical form.
        config.write_text(text.replace("allowed_origins: []", f'allowed_origins: ["{listed_url}", "{WILDCARD_TYPED}"]'),
                          encoding="utf-8")
        result = run_mkdocs_build(project, site, site_url=site_server.url)
        assert result.returncode == 0, result.stderr
        yield Setup(site, site_server.url, hosts, listed_url, listed_url.replace("127.0.0.1", "localhost"))


def test_the_staff_page_and_the_embed_pages_name_the_allowed_sites(setup: Setup) -> None:
    origin = setup.listed_url.rstrip("/")
    staff = (setup.site / "embed" / "index.html").read_text(encoding="utf-8")
    staff_text = html.unescape(re.sub(r"<[^>]+>", "", staff))
    assert (f"Only these websites may show these frames, and only they receive that height: {origin}, {WILDCARD} "
            in staff_text)
    assert "any page that frames the guide" not in staff_text
    # "*." is shown as typed, not taken for the start of italics.
    assert f"{origin}, {WILDCARD} (and this site itself" in re.sub(r"<(?!/?em\b)[^>]+>", "", staff)
    embed = (setup.site / "embed" / "trust-signs" / "index.html").read_text(encoding="utf-8")
    # For embed-frame.js, each origin as the fields it compares with the framing page's URL.
    (content,) = re.findall(r'<meta name="rebuilding-trust-embed-origins" content="([^"]*)">', embed)
    expected = [parsed_origin(origin).for_script(), parsed_origin(WILDCARD).for_script()]
    assert json.loads(html.unescape(content)) == expected


def test_the_headers_let_the_allowed_sites_frame_the_guide(setup: Setup) -> None:
    policy = dict(read_headers_file(setup.site))["Content-Security-Policy"]
    directives = {name: sources for name, *sources in (part.split() for part in policy.split(";"))}
    assert directives["frame-ancestors"] == ["'self'", setup.listed_url.rstrip("/"), WILDCARD]


def test_a_listed_site_receives_the_height(visitor: Page, setup: Setup) -> None:
    page = host_page(setup.hosts, "listed.html", pasted(setup.site, setup.site_url, "embed/trust-signs/"))
    visitor.goto(setup.listed_url + page)
    frame_of(visitor)
    visitor.wait_for_function(f"document.querySelector('iframe').getBoundingClientRect().height !== {SNIPPET_HEIGHT}")
    messages = visitor.evaluate("window.__messages")
    assert messages and all(set(m["data"]) == {"type", "height"} for m in messages)
    assert all(m["origin"] == setup.site_url.rstrip("/") for m in messages)


def test_a_site_not_on_the_list_receives_nothing(visitor: Page, setup: Setup) -> None:
    use_stub_worker(visitor.context)  # heights only: the runtime is no part of this test
    # ?scheme=dark shows that the frame's script ran: it chose to send nothing.
    snippet = pasted(setup.site, setup.site_url, "embed/trust-signs/").replace(
        "embed/trust-signs/", "embed/trust-signs/?scheme=dark")
    page = host_page(setup.hosts, "unlisted.html", snippet)
    visitor.goto(setup.unlisted_url + page)
    frame = frame_of(visitor)
    expect(frame.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert frame.evaluate("location.ancestorOrigins[0]") == setup.unlisted_url.rstrip("/")
    visitor.wait_for_timeout(1500)  # the listed site has its first height well within this
    assert visitor.evaluate("window.__messages") == []
    assert iframe_height(visitor) == SNIPPET_HEIGHT


def test_the_staff_pages_own_previews_are_still_sized(visitor: Page, setup: Setup) -> None:
    visitor.goto(setup.site_url + "embed/")
    visitor.locator("details.embed-preview summary").first.click()
    preview = visitor.locator("details.embed-preview iframe").first
    expect(preview).to_be_visible()
    # host.js replaces the preview's 480px with the height the frame reports.
    expect(preview).not_to_have_attribute("style", re.compile(r"height: 480px"))
