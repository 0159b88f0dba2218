"""A build names the site's public address (SITE_URL): `make build` and `mkdocs build` stop
without one, before building anything; a bad one stops the build naming SITE_URL."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config

from sitegen.address import public_address
from sitegen.errors import BuildInputError
from tests.conftest import ROOT, copy_project, run_mkdocs_build

MAKE_TARGETS = ("build", "build-site", "pdf")


def test_no_address_stops_with_the_command_that_gives_one() -> None:
    for missing in (None, ""):
        with pytest.raises(BuildInputError) as stopped:
            public_address(missing)
        message = str(stopped.value)
        assert message.startswith("mkdocs.yml: site_url (from SITE_URL): ")
        assert "SITE_URL is not set" in message
        assert "How to fix: build with the address the site will be published at: " \
               "SITE_URL=https://clinic.example/guide/ make build" in message


@pytest.mark.parametrize(("site_url", "problem"), [
    ("ftp://clinic.example/guide/", "is not an http(s) address with a host"),
    ("https:///guide/", "is not an http(s) address with a host"),
    ("https://staff:secret@clinic.example/", "carries a user name or password"),
    ("https://clinic.example/guide/?from=newsletter", "has a query or a fragment"),
    ("https://clinic.example/guide/#top", "has a query or a fragment"),
    ("https://clinic.example/guide", "does not end with '/'"),
])
def test_a_bad_address_stops_naming_site_url_and_the_problem(site_url: str, problem: str) -> None:
    with pytest.raises(BuildInputError, match=r"^mkdocs\.yml: site_url \(from SITE_URL\): ") as stopped:
        public_address(site_url)
    assert problem in str(stopped.value)
    assert "How to fix: set SITE_URL to the folder the site is published in" in str(stopped.value)


def test_a_good_address_is_kept() -> None:
    for site_url in ("https://clinic.example/guide/", "http://127.0.0.1:8000/"):
        assert public_address(site_url) == site_url


def test_mkdocs_yml_has_no_default_address_and_gives_site_url_its_slash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert load_config(str(ROOT / "mkdocs.yml")).site_url is None
    monkeypatch.setenv("SITE_URL", "https://clinic.example/guide")
    assert load_config(str(ROOT / "mkdocs.yml")).site_url == "https://clinic.example/guide/"


def test_mkdocs_build_without_site_url_stops_before_writing_anything(tmp_path: Path) -> None:
    done = run_mkdocs_build(ROOT, tmp_path / "site", site_url=None)
    assert done.returncode != 0
    assert "mkdocs.yml: site_url (from SITE_URL): the build was not told the site's public address" in done.stderr
    assert not (tmp_path / "site").exists()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy to run make in: were the check missing, the build would write its site/ there."""
    return copy_project(tmp_path_factory.mktemp("make") / "project")


@pytest.mark.parametrize("target", MAKE_TARGETS)
def test_make_without_site_url_stops_at_once_saying_how_to_give_it(project: Path, target: str) -> None:
    environment = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    started = time.monotonic()
    done = subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(project),
                           "-o", "install", f"VENV={ROOT / '.venv'}", target], env=environment,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert done.stderr.startswith(f"make {target} needs the site's public address, the folder it will be "
                                  f"published in:\n  SITE_URL=https://clinic.example/guide/ make {target}\n")
    assert "mkdocs" not in done.stdout + done.stderr  # stopped before mkdocs ran
    assert not (project / "site").exists()
    assert time.monotonic() - started < 10
