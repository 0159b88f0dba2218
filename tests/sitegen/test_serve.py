"""`make serve`: editing a quiz rebuilds the site, and the open page shows the new logic."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import copy_project
from tests.widget.quiz_reader import answer_with_mouse, submit_and_wait


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_with_ctrl_c(server: subprocess.Popen[Any], *, group: bool = False) -> None:
    """Ctrl-C, as staff stop `mkdocs serve` (to the process's group when make started it); if it
    has not stopped after 30 s it is killed, and the test fails leaving no server behind."""
    def send(sig: signal.Signals) -> None:
        os.killpg(server.pid, sig) if group else server.send_signal(sig)

    send(signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        raise


@pytest.fixture(scope="module")
def served_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A project copy under `mkdocs serve`, started once for this file (each start is a build).

    Stopped as staff stop it, with Ctrl-C (SIGINT): MkDocs then removes the site it served from
    its temporary folder, which must be left empty."""
    folder = tmp_path_factory.mktemp("serve")
    project = copy_project(folder / "project")
    temporary = folder / "tmp"
    temporary.mkdir()
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address],
        # No SITE_URL: `mkdocs serve` needs none (MkDocs gives it the dev server's address).
        cwd=project, env={**{name: value for name, value in os.environ.items() if name != "SITE_URL"},
                          "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://{address}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"mkdocs serve did not start: {server.stderr.read() if server.stderr else ''}")
            time.sleep(0.3)
    yield project, url
    stop_with_ctrl_c(server)
    assert not list(temporary.iterdir()), f"mkdocs serve left {list(temporary.iterdir())} behind"


def test_editing_a_quiz_reloads_the_page_with_the_new_logic(browser: Browser, served_project: tuple[Path, str]) -> None:
    project, url = served_project
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "signs-of-rebuilding/")
    answers = {"hope1": "on", "concern1": "on"}
    answer_with_mouse(page, "trust-signs", answers)
    assert submit_and_wait(page, "trust-signs")["headline"] == "Mixed signs"

    quiz = project / "quizzes" / "trust_signs.py"
    page.evaluate("window.__beforeTheEdit = true")
    quiz.write_text(quiz.read_text(encoding="utf-8").replace('"Mixed signs"', '"Some hopeful signs, some worries"'))

    # MkDocs rebuilds and its live-reload script reloads the open page (a fresh worker);
    # the answers come back from sessionStorage.
    page.wait_for_function("() => window.__beforeTheEdit === undefined", timeout=90_000)
    expect(page.locator('[data-quiz="trust-signs"]')).to_have_attribute("data-enhanced", "true")
    assert submit_and_wait(page, "trust-signs")["headline"] == "Some hopeful signs, some worries"
    context.close()


def test_the_dev_server_keeps_nothing_for_offline_reading(browser: Browser, served_project: tuple[Path, str]) -> None:
    _, url = served_project
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "signs-of-rebuilding/")
    assert page.locator('script[src$="register.js"]').count() == 0
    assert page.locator('script[src$="release.js"]').count() == 1  # lets a worker kept before go
    # Its service-worker.js is the one that removes an earlier worker (say, of a built site
    # served at the same address before) and its caches.
    worker = page.request.get(url + "service-worker.js").text()
    assert "unregister()" in worker and "respondWith" not in worker
    page.wait_for_timeout(1000)
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)") == 0
    context.close()
