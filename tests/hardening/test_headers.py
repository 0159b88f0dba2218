"""site/_headers: a strict Content-Security-Policy that the whole site lives within.

The policy's script hashes are checked against the built pages read with an HTML parser
and hashed here, not with the build's own code; every browser test also fails on a CSP
violation (tests/conftest.py), which proves the policy in a real browser.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config

from sitegen.headers import frame_ancestors, write_headers_file
from sitegen.settings import read
from tests.conftest import ROOT, read_headers_file

# What the HTML standard runs as script: no type, an empty one, a JavaScript MIME type or "module".
JAVASCRIPT_TYPES = {"", "module", "application/ecmascript", "application/javascript", "application/x-ecmascript",
                    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
                    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
                    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
                    "text/x-javascript"}


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # a script's text is hashed as written
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        values = {name: (value or "") for name, value in attrs}
        runs = "src" not in values and values.get("type", "").strip().lower() in JAVASCRIPT_TYPES
        self._text = [] if runs else None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


def inline_scripts(page: Path) -> list[str]:
    parser = _InlineScripts()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser.scripts


def sha256_source(script: str) -> str:
    """The CSP source expression that allows exactly this script text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(site: Path) -> dict[str, list[str]]:
    value = dict(read_headers_file(site))["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in value.split(";"))}


def test_the_policy_allows_no_inline_script_but_the_hashed_theme_scripts(built_site: Path) -> None:
    csp = policy(built_site)
    scripts = csp["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    # Exactly the inline scripts of the built pages: none missing (it would be blocked), none extra.
    on_pages = {sha256_source(script) for page in built_site.rglob("*.html") for script in inline_scripts(page)}
    assert set(scripts[2:]) == on_pages and len(on_pages) > 1
    assert csp["worker-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'none'"]
    assert csp["default-src"] == ["'self'"] and csp["frame-ancestors"] == ["*"]


def test_theme_scripts_of_pages_at_every_depth_are_hashed(built_site: Path) -> None:
    # Material's inline scripts embed a path that depends on the page's depth.
    top = {sha256_source(script) for script in inline_scripts(built_site / "index.html")}
    deep = {sha256_source(script) for script in inline_scripts(built_site / "step-by-step" / "index.html")}
    assert top and deep and top != deep
    assert top | deep <= set(policy(built_site)["script-src"])


def test_the_script_reader_skips_data_and_external_scripts() -> None:
    # The reader above decides what the policy must cover, so it is checked too.
    parser = _InlineScripts()
    parser.feed('<script>a()</script><script type="application/json">{"b": 1}</script><script src="c.js"></script>'
                '<script type="module">d()</script><script type="Text/JavaScript ">e("&amp;")</script>')
    assert parser.scripts == ["a()", "d()", 'e("&amp;")']
    assert sha256_source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # sha256 of nothing


def allowlist(*entries: str) -> Any:
    """`extra.embed.allowed_origins` as the build reads it from mkdocs.yml."""
    extra = copy.deepcopy(dict(load_config(str(ROOT / "mkdocs.yml")).extra))
    extra["embed"] = {"allowed_origins": list(entries)}
    return read(extra).embed.allowed_origins


def header_blocks(headers_file: Path) -> dict[str, list[tuple[str, str]]]:
    """Every path of a `_headers` file and its header lines, each line checked for its form."""
    blocks: dict[str, list[tuple[str, str]]] = {}
    lines: list[tuple[str, str]] = []
    for line in headers_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if not line[:1].isspace():
            assert line.startswith("/") and line not in blocks, f"not a new path: {line!r}"
            lines = blocks.setdefault(line, [])
            continue
        name, colon, value = line.strip().partition(": ")
        assert colon and re.fullmatch(r"[A-Za-z-]+", name), f"not a header line: {line!r}"
        lines.append((name, value))
    return blocks


def test_every_path_has_exactly_one_policy(built_site: Path) -> None:
    blocks = header_blocks(built_site / "_headers")
    assert list(blocks) == ["/*"]
    for lines in blocks.values():
        assert [name for name, _ in lines].count("Content-Security-Policy") == 1, lines


@pytest.mark.parametrize("origins, expected", [
    ([], "*"),
    (["https://clinic.example"], "'self' https://clinic.example"),
    (["https://clinic.example", "http://localhost:8080"], "'self' https://clinic.example http://localhost:8080"),
])
def test_frame_ancestors_come_from_the_allowlist(origins: list[str], expected: str) -> None:
    assert frame_ancestors(allowlist(*origins)) == expected


def test_headers_list_the_allowed_origins_as_parsed(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    write_headers_file(tmp_path, allowlist("HTTPS://Clinic.Example/", "https://*.Clinic.example:443",
                                           "http://localhost:8080"), "https://clinic.example/guide/")
    blocks = header_blocks(tmp_path / "_headers")
    assert list(blocks) == ["/*"]
    policies = [value for name, value in blocks["/*"] if name == "Content-Security-Policy"]
    assert len(policies) == 1
    directives = {name: sources for name, *sources in (part.split() for part in policies[0].split(";"))}
    assert directives["frame-ancestors"] == ["'self'", "https://clinic.example", "https://*.clinic.example",
                                             "http://localhost:8080"]
