"""`mkdocs build` and `python -m sitegen.pdf` in subprocesses, as `make build` runs them, timed;
and `properdocs build` from its own venv (`.venv-properdocs/`, made by `make install-test`).

Neither runner raises when the command fails: bad-input tests want the failure to read.
`Finished.check()` raises for callers that need the command to have worked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from devkit.project import ROOT

TIMEOUT_S = 300
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"  # handbook/platform.md
# Material prints its end-of-life notice once per `mkdocs` process unless this is set. `make build`
# and `make serve` show it to staff; the tests' many builds keep quiet (tests/conftest.py sets
# it for the whole run too).
QUIET = {"NO_MKDOCS_2_WARNING": "1"}
# A build must name the site's address (sitegen/address.py). A test that does not care which
# gets the one `make serve` uses, said here rather than left to a default in mkdocs.yml.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"


class BuildError(RuntimeError):
    """A command that had to work failed; the message ends with its last lines of output."""


@dataclass(frozen=True)
class Finished:
    """A command that ran to its end: exit code, output and wall time."""

    what: str  # for messages: "mkdocs build of /tmp/x"
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def check(self) -> Finished:
        """This result, or BuildError if the command failed."""
        if self.returncode != 0:
            tail = " / ".join((self.stderr or self.stdout).strip().splitlines()[-3:])
            raise BuildError(f"{self.what} failed (exit {self.returncode}): {tail}")
        return self


def run(what: str, args: list[str], cwd: Path, env: Mapping[str, str], timeout: float) -> Finished:
    """Run a command to its end and time it; raises only on a time-out."""
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=timeout, check=False)
    return Finished(what, args, done.returncode, done.stdout, done.stderr, time.perf_counter() - started)


def run_mkdocs_build(project: Path, site_dir: Path, site_url: str | None = LOCAL_SITE_URL, *, strict: bool = True,
                     quiet: bool = False, timeout: float = TIMEOUT_S) -> Finished:
    """`mkdocs build` of a project folder into site_dir (`--strict` unless told otherwise).

    site_url sets SITE_URL, which mkdocs.yml reads for the site's public address; None leaves
    SITE_URL unset, even if this process has it, as a build that was not told the address.
    """
    env = _with_site_url({**os.environ, **QUIET}, site_url)
    flags = [*(["--strict"] if strict else []), *(["--quiet"] if quiet else [])]
    return run(f"mkdocs build of {project}",
               [sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(site_dir)], project, env, timeout)


def run_pdf_export(site_dir: Path, output: Path, *, env: Mapping[str, str] | None = None,
                   timeout: float = TIMEOUT_S) -> Finished:
    """`python -m sitegen.pdf`, the step `make build` runs after mkdocs, from the project root."""
    return run(f"PDF export of {site_dir}",
               [sys.executable, "-m", "sitegen.pdf", "--site-dir", str(site_dir), "--output", str(output)],
               ROOT, os.environ if env is None else env, timeout)


def run_properdocs_build(project: Path, site_dir: Path, site_url: str | None = LOCAL_SITE_URL, *,
                         timeout: float = TIMEOUT_S) -> Finished:
    """`properdocs build --strict` of a project folder into site_dir, from `.venv-properdocs/`.

    It reads the same mkdocs.yml (named with `-f`: ProperDocs looks for properdocs.yml first and
    calls the old name a fallback it will drop) and runs the same hooks.py. site_url as for
    `run_mkdocs_build`.
    """
    env = _with_site_url({**os.environ, **QUIET}, site_url)
    return run(f"properdocs build of {project}",
               [str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir)],
               project, env, timeout)


def _with_site_url(env: dict[str, str], site_url: str | None) -> dict[str, str]:
    """env with SITE_URL set to site_url, or without SITE_URL for None."""
    env.pop("SITE_URL", None)
    return env if site_url is None else {**env, "SITE_URL": site_url}
