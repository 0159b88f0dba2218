"""The static host the browser tests and the bench use: it must behave as the real host would."""

from __future__ import annotations

import gzip
import os
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from devkit.serve import SiteServer, read_headers_file

HEADERS = "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n"


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<p>home</p>" * 50, encoding="utf-8")
    (tmp_path / "runtime.wasm").write_bytes(b"\0asm" + bytes(100))
    (tmp_path / "main.mjs").write_text("export {};", encoding="utf-8")
    return tmp_path


def test_every_response_carries_the_headers_file_read_again_when_it_changes(site: Path) -> None:
    with SiteServer(site) as server:
        assert "Content-Security-Policy" not in fetch(server.url)[1]  # no _headers yet: none
        (site / "_headers").write_text(HEADERS, encoding="utf-8")
        for path in ("", "runtime.wasm", "no-such-file"):
            _, headers, _ = fetch(server.url + path)
            assert headers["Content-Security-Policy"] == "default-src 'self'"
            assert headers["X-Content-Type-Options"] == "nosniff"


def test_webassembly_and_modules_get_the_types_browsers_insist_on(site: Path) -> None:
    with SiteServer(site) as server:
        assert fetch(server.url + "runtime.wasm")[1]["Content-Type"] == "application/wasm"
        assert fetch(server.url + "main.mjs")[1]["Content-Type"] == "text/javascript"


def test_gzip_is_sent_only_when_on_and_accepted_and_bytes_are_counted(site: Path) -> None:
    with SiteServer(site) as server:
        server.take_counts()
        _, headers, body = fetch(server.url, gzip_ok=True)
        assert "Content-Encoding" not in headers and body == (site / "index.html").read_bytes()
        plain = server.take_counts()["/"]
        assert plain > len(body)  # headers included
        server.use_gzip(True)
        _, headers, body = fetch(server.url, gzip_ok=True)
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == (site / "index.html").read_bytes()
        assert server.take_counts()["/"] < plain
        assert "Content-Encoding" not in fetch(server.url)[1]  # not accepted: sent as it is


def test_headers_can_be_rewritten_to_play_another_host(site: Path) -> None:
    (site / "_headers").write_text(HEADERS, encoding="utf-8")
    with SiteServer(site, rewrite_headers=lambda headers: headers[1:]) as server:
        assert "Content-Security-Policy" not in fetch(server.url)[1]


def test_a_headers_block_for_other_paths_is_refused(tmp_path: Path) -> None:
    (tmp_path / "_headers").write_text(HEADERS + "/embed/*\n  X-Frame-Options: DENY\n", encoding="utf-8")
    with pytest.raises(ValueError, match="only a `/\\*` block"):
        read_headers_file(tmp_path)


def test_a_gzip_response_can_be_revalidated_as_a_plain_one_can(site: Path) -> None:
    with SiteServer(site) as server:
        server.use_gzip(True)
        status, headers, _ = fetch(server.url + "runtime.wasm", gzip_ok=True)
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        request = urllib.request.Request(server.url + "runtime.wasm", headers={
            "Accept-Encoding": "gzip", "If-Modified-Since": headers["Last-Modified"]})
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            urllib.request.urlopen(request, timeout=10)
        assert not_modified.value.code == 304
        os.utime(site / "runtime.wasm", (2_000_000_000, 2_000_000_000))  # changed since then
        with urllib.request.urlopen(request, timeout=10) as changed:
            assert changed.status == 200 and changed.headers["Last-Modified"] != headers["Last-Modified"]


def test_a_prefix_publishes_the_site_in_a_folder_with_nothing_outside_it(site: Path) -> None:
    (site / "privacy").mkdir()
    (site / "privacy" / "index.html").write_text("<p>privacy</p>", encoding="utf-8")
    (site / "_headers").write_text(HEADERS, encoding="utf-8")
    with SiteServer(site, prefix="/guide/") as server:
        assert server.url.endswith("/guide/")
        origin = server.url.removesuffix("guide/")
        assert fetch(server.url)[2] == (site / "index.html").read_bytes()
        assert fetch(server.url + "privacy/")[2] == b"<p>privacy</p>"
        assert fetch(server.url + "main.mjs")[1]["Content-Type"] == "text/javascript"
        for outside in ("", "index.html", "privacy/", "main.mjs", "guide"):
            status, headers, _ = fetch(origin + outside)
            assert status == 404, outside
            assert headers["Content-Security-Policy"] == "default-src 'self'"  # a 404 of the same host
        assert fetch(server.url + "privacy")[2] == b"<p>privacy</p>"  # redirected to its folder, in the prefix


def test_a_prefix_must_be_a_folder() -> None:
    with pytest.raises(ValueError, match="prefix"):
        SiteServer(Path("."), prefix="/guide")
