"""Every file the worker downloads to start is checked against the sha256 the build wrote: a
damaged one fails the start within seconds, named as damage, with the answers kept and the
paper key open."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.widget.quiz_reader import SIGNS_PAGE, answer_with_mouse, checked_answers, widget

DAMAGED = "the scoring tool's files are damaged"
# Each file as the build names it in the site: the runtime's, the site stdlib, the bundle's.
FILES = {
    "pyodide.asm.wasm": r"assets/pyodide/[^/]+/pyodide\.asm\.wasm",
    "pyodide.mjs": r"assets/pyodide/[^/]+/pyodide\.mjs",
    "pyodide.asm.mjs": r"assets/pyodide/[^/]+/pyodide\.asm\.mjs",
    "site stdlib": r"assets/pyodide/[^/]+/stdlib-[0-9a-f]{12}\.zip",
    "lockfile": r"assets/quiz/[0-9a-f]{12}/pyodide-lock\.json",
    "quiz wheel": r"assets/quiz/[0-9a-f]{12}/quizzes-[^/]+\.whl",
}


def served_file(site: Path, pattern: str) -> Path:
    (path,) = [path for path in site.rglob("*") if re.fullmatch(pattern, path.relative_to(site).as_posix())]
    return path


def serve_damaged(page: Page, site: Path, pattern: str) -> bytes:
    """Route the file to a copy of itself with a few bytes changed, sent with 200 OK."""
    intact = served_file(site, pattern).read_bytes()
    middle = len(intact) // 2
    damaged = intact[:middle] + bytes(byte ^ 0xFF for byte in intact[middle:middle + 16]) + intact[middle + 16:]

    def fulfil(route: Route) -> None:
        route.fulfill(status=200, body=damaged, headers={"Content-Type": _content_type(pattern)})

    page.route(re.compile(rf".*/{pattern}$"), fulfil)
    return damaged


def _content_type(pattern: str) -> str:
    for ending, kind in ((r"\.wasm", "application/wasm"), (r"\.mjs", "text/javascript"),
                         (r"\.json", "application/json")):
        if pattern.endswith(ending):
            return kind
    return "application/octet-stream"


def test_a_corrupted_wasm_fails_within_ten_seconds_as_damaged_files(page: Page, built_site: Path) -> None:
    serve_damaged(page, built_site, FILES["pyodide.asm.wasm"])
    page.goto(SIGNS_PAGE)
    root = widget(page, "trust-signs")
    answers = {"hope1": "on", "hope3": "on", "concern2": "on"}
    answer_with_mouse(page, "trust-signs", answers)
    pressed = time.monotonic()
    root.locator("button[type=submit]").click()
    expect(root.locator(".quiz__status")).to_contain_text(DAMAGED, timeout=10_000)
    assert time.monotonic() - pressed < 10
    expect(root).to_have_attribute("data-state", "error")
    expect(root.locator(".quiz__status")).to_contain_text("Your answers are still here")
    expect(root.locator("details.quiz__key")).to_have_attribute("open", "")
    assert checked_answers(page, "trust-signs") == answers
    assert root.get_attribute("data-result") is None


@pytest.mark.parametrize("file", [name for name in FILES if name != "pyodide.asm.wasm"])
def test_every_other_runtime_file_is_checked_too(page: Page, built_site: Path, file: str) -> None:
    serve_damaged(page, built_site, FILES[file])
    page.goto(SIGNS_PAGE)
    root = widget(page, "trust-signs")
    answer_with_mouse(page, "trust-signs", {"hope2": "on"})
    root.locator("button[type=submit]").click()
    expect(root.locator(".quiz__status")).to_contain_text(DAMAGED, timeout=30_000)
    expect(root.locator("details.quiz__key")).to_have_attribute("open", "")
    assert checked_answers(page, "trust-signs") == {"hope2": "on"}

