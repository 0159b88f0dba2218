"""Bad input to the site build fails loudly, naming the file and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_project, run_mkdocs_build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_error(project: Path) -> str:
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stderr


def test_a_link_to_a_missing_page_fails_the_strict_build_naming_the_page(project: Path) -> None:
    edit(project / "docs" / "science-of-trust.md", "Research in", "See [the old page](no-such-page.md). Research in")
    error = build_error(project)
    assert "science-of-trust.md" in error and "no-such-page.md" in error


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("    name: Calm Again Counseling\n", "", "extra.clinic.name"),
        ("      url: null        # not provided", "      url: www.example.org  # not provided", "extra.clinic.consultation.url"),
        ("    locations:\n", "    location:\n", "extra.clinic"),
        ("      phone: null", "      phone: [1, 2]", "extra.clinic.contact.phone"),
    ],
)
def test_a_malformed_clinic_block_names_mkdocs_yml_and_the_key(project: Path, old: str, new: str, named: str) -> None:
    edit(project / "mkdocs.yml", old, new)
    error = build_error(project)
    assert f"mkdocs.yml: {named}" in error
    assert "How to fix: edit the `extra: clinic:` block in mkdocs.yml" in error


def test_an_unknown_marker_names_the_page_and_line(project: Path) -> None:
    page = project / "docs" / "what-not-to-do.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(11, "Call {{ clinic.phone_number }} today.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = build_error(project)
    assert "docs/what-not-to-do.md:12: unknown marker '{{ clinic.phone_number }}'" in error
    assert "{{ clinic.name }}" in error  # the hint lists the markers that exist


def test_a_configured_booking_link_becomes_a_button(project: Path) -> None:
    edit(project / "mkdocs.yml", "      url: null        # not provided", "      url: https://booking.invalid/calm  # test")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "getting-support" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://booking.invalid/calm">Book a FREE 15-Minute Consultation</a>' in page
