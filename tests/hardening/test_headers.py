"""site/_headers: a strict Content-Security-Policy that the whole site lives within."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import BuildInputError
from sitegen.headers import frame_ancestors, inline_script_hashes
from tests.conftest import copy_project, read_headers_file, run_mkdocs_build


def policy(site: Path) -> dict[str, list[str]]:
    value = dict(read_headers_file(site))["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in value.split(";"))}


def test_the_policy_allows_no_inline_script_but_the_hashed_theme_scripts(built_site: Path) -> None:
    csp = policy(built_site)
    scripts = csp["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert set(scripts[2:]) == set(inline_script_hashes(built_site)) and len(scripts) > 3
    assert csp["worker-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'none'"]
    assert csp["default-src"] == ["'self'"] and csp["frame-ancestors"] == ["*"]


def test_theme_scripts_of_pages_at_every_depth_are_hashed(tmp_path: Path, built_site: Path) -> None:
    # Material's inline scripts embed a path that depends on the page's depth.
    top = inline_script_hashes_of(built_site / "index.html", tmp_path / "top")
    deep = inline_script_hashes_of(built_site / "step-by-step" / "index.html", tmp_path / "deep")
    assert top != deep
    assert set(top) | set(deep) <= set(policy(built_site)["script-src"])


def inline_script_hashes_of(page: Path, folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "index.html").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    return inline_script_hashes(folder)


@pytest.mark.parametrize("origins, expected", [
    ([], "*"),
    (["https://clinic.example"], "'self' https://clinic.example"),
    (["https://clinic.example/", "http://localhost:8080"], "'self' https://clinic.example http://localhost:8080"),
])
def test_frame_ancestors_come_from_the_allowlist(origins: list[str], expected: str) -> None:
    assert frame_ancestors({"embed": {"allowed_origins": origins}}) == expected


@pytest.mark.parametrize("origin", ["clinic.example", "https://clinic.example/embed", "ftp://clinic.example",
                                    "https://clinic example", 42, "https://x.example?a=1"])
def test_a_malformed_allowlist_entry_is_refused(origin: object) -> None:
    with pytest.raises(BuildInputError, match="allowed_origins"):
        frame_ancestors({"embed": {"allowed_origins": [origin]}})


def test_a_malformed_allowlist_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "allowed_origins: []", "allowed_origins: [clinic.example]"), encoding="utf-8")
    result = run_mkdocs_build(project, project / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.embed.allowed_origins has 'clinic.example', which is not an origin" in result.stderr
