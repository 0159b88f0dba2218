"""Material's end-of-life notice: staff see it once per `make build` and once per `make serve`
(not once per rebuild); the tests' builds print nothing of it.

Material 9.8.2 prints it from `material/templates/__init__.py` when that module is imported in a
process started as `mkdocs` and NO_MKDOCS_2_WARNING is unset, then sets the variable so that the
process never prints it again. The Makefile no longer exports the variable; tests/conftest.py
and devkit/build.py set it for the test run. `make` runs here on a copy of the project, with the
project's .venv and `-o install` (the test run has just installed everything).
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from devkit.build import LOCAL_SITE_URL
from tests.conftest import ROOT, copy_project, run_mkdocs_build
from tests.sitegen.test_serve import free_port, stop_with_ctrl_c

NOTICE = "Material for MkDocs reaches end of life on May 5, 2027."


def make(project: Path, *targets: str) -> list[str]:
    """The command line of `make <targets>` for a project copy, as staff would run it."""
    return ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(project), "-o", "install",
            f"VENV={ROOT / '.venv'}", *targets]


def staff_env() -> dict[str, str]:
    """A shell as staff have it: nothing silences the notice."""
    return {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}


@pytest.fixture
def project(tmp_path: Path, built_site: Path) -> Path:
    """A copy to run make in, once the session's build and PDF are done: this test's export must
    not compete for the CPU with the one tests/pdf/test_site.py times."""
    return copy_project(tmp_path / "project")


def test_make_build_prints_the_notice_once(project: Path, tmp_path: Path) -> None:
    done = subprocess.run(make(project, "build", f"SITE_DIR={tmp_path / 'site'}", f"SITE_URL={LOCAL_SITE_URL}"),
                          env=staff_env(),
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert (done.stdout + done.stderr).count(NOTICE) == 1
    assert (tmp_path / "site" / "downloads" / "guide.pdf").is_file()  # the whole of `make build` ran


def test_make_serve_prints_the_notice_once_across_rebuilds(project: Path, tmp_path: Path) -> None:
    address = f"127.0.0.1:{free_port()}"
    log = tmp_path / "serve.log"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with open(log, "w") as output:
        server = subprocess.Popen(make(project, "serve", f"DEV_ADDR={address}"),
                                  env={**staff_env(), "TMPDIR": str(temporary)},
                                  stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: answers(f"http://{address}/"), server, log, "the dev server to start")
        page = project / "docs" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        # Not a second "Documentation built in … seconds": MkDocs drops a build log line that
        # repeats the one before it word for word (its DuplicateFilter), as it does when the
        # rebuild takes as long as the first build. The live-reload server says this once a
        # rebuild has succeeded.
        wait_for(lambda: "Reloading browsers" in log.read_text(), server, log, "a rebuild")
    finally:
        stop_with_ctrl_c(server, group=True)  # to make and the mkdocs it started, nothing else
    assert log.read_text().count(NOTICE) == 1
    assert not list(temporary.iterdir()), "Ctrl-C leaves the served site behind in the temporary folder"


def test_the_tests_builds_print_nothing_of_it(project: Path, tmp_path: Path) -> None:
    assert os.environ.get("NO_MKDOCS_2_WARNING")  # set by tests/conftest.py for the whole run
    done = run_mkdocs_build(project, tmp_path / "site").check()
    assert NOTICE not in done.stdout + done.stderr and "NO_MKDOCS_2_WARNING" not in done.stderr
    assert done.stdout == ""
    assert [line for line in done.stderr.splitlines() if not line.startswith("INFO    -  ")] == []


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()
        return True
    except OSError:
        return False


def wait_for(condition: Callable[[], bool], server: subprocess.Popen[bytes], log: Path, what: str,
             timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"waited in vain for {what}: {log.read_text()[-2000:]}")
        time.sleep(0.3)
