"""Shared fixtures: a real strict build of the site, an HTTP server for it, and Debian's chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def run_mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` of a project folder into site_dir; never raises on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def run_pdf_export(site_dir: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m sitegen.pdf` (the step `make build` runs after mkdocs); never raises on failure."""
    return subprocess.run(
        [sys.executable, "-m", "sitegen.pdf", "--site-dir", str(site_dir), "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """Copy the sources a build needs into destination, so a test may break them safely."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, destination / name)
    for name in ("docs", "overrides", "quizzes", "sitegen"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    if (ROOT / "node_modules").exists():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def read_headers_file(site_dir: Path) -> list[tuple[str, str]]:
    """The headers `site/_headers` gives every path (the build writes one `/*` block)."""
    lines = (site_dir / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*", "tests expect one block for every path"
    return [tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:] if line.strip()]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as a static host would: right MIME types, and the `_headers` file."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript"}

    def end_headers(self) -> None:
        headers_file = Path(self.directory) / "_headers"
        if headers_file.exists():
            for name, value in read_headers_file(Path(self.directory)):
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A loopback HTTP server for the folder the site is built into, started before the build.

    Every response carries the headers of `site/_headers`, the strict CSP included, so every
    browser test runs under the policy a real host would send.

    The build needs the server's address first: Material's instant navigation only
    intercepts links of the origin in `site_url`.
    """
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_dir, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[Path, str]) -> Path:
    """The site as `make build` makes it (the offline PDF included), built once per test run."""
    site_dir, url = _site_server
    result = run_mkdocs_build(ROOT, site_dir, site_url=url)
    assert result.returncode == 0, result.stderr
    result = run_pdf_export(site_dir, site_dir / "downloads" / "guide.pdf")
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path, _site_server: tuple[Path, str]) -> str:
    """Base URL of the built site, served over HTTP on loopback."""
    return _site_server[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (Playwright cannot download its own browsers here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make install-test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, site_url: str) -> Iterator[object]:
    """A fresh browser page; fails the test on an uncaught error or a CSP violation."""
    context = browser.new_context(base_url=site_url)  # type: ignore[attr-defined]
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    new_page.on("console", lambda message: errors.append(message.text)
                if "Content Security Policy" in message.text else None)
    yield new_page
    context.close()
    assert not errors, f"uncaught errors or CSP violations in the page: {errors}"
