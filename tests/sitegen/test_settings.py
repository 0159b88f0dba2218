"""mkdocs.yml's `extra:` settings: one schema, and every malformed key named with its fix."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import pytest
from mkdocs.config import load_config

from sitegen.errors import BuildInputError
from sitegen.settings import contrast, read
from tests.conftest import ROOT, copy_project, run_mkdocs_build


@functools.cache
def project_extra() -> dict:
    """The project's own `extra:` block, read as MkDocs reads mkdocs.yml."""
    return dict(load_config(str(ROOT / "mkdocs.yml")).extra)


def changed(change: dict) -> dict:
    """The project's `extra:` with `change` applied: {"a.b": value} sets, {"a.b": KeyError} removes."""
    extra = copy.deepcopy(project_extra())
    for dotted, value in change.items():
        *parents, last = dotted.split(".")
        block = extra
        for key in parents:
            block = block[key]
        if value is KeyError:
            del block[last]
        else:
            block[last] = value
    return extra


def test_contrast_matches_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_the_projects_settings_are_read_as_given() -> None:
    settings = read(changed({}))
    assert settings.clinic.name == "Calm Again Counseling"
    assert settings.clinic.consultation.url is None and settings.clinic.contact.phone is None
    assert settings.brand.primary == "#1f5f5b" and settings.quick_exit.url == "https://www.weather.gov/"
    assert settings.embed.allowed_origins == [] and settings.pdf.version is None


@pytest.mark.parametrize(("change", "message"), [
    ({"brand.primary": "#80cbc4"}, "extra.brand.primary #80cbc4 has a contrast of 1.9:1 with white"),
    ({"brand.primary": "teal"}, 'extra.brand.primary must be a colour like "#1f5f5b"'),
    ({"brand.accent": KeyError}, "extra.brand.accent must be a colour"),
    ({"brand.logo": "#000000"}, "extra.brand has an unknown key 'logo'"),
    ({"clinic.name": ""}, "extra.clinic.name must be non-empty text"),
    ({"clinic.name": KeyError}, "extra.clinic.name must be non-empty text, got None"),
    ({"clinic.location": ["here"]}, "extra.clinic has an unknown key 'location'"),
    ({"clinic.contact.phone": [1, 2]}, "extra.clinic.contact.phone must be non-empty text"),
    ({"clinic.consultation.url": "www.example.org"}, "extra.clinic.consultation.url must be an https or http://"),
    ({"clinic.locations": []}, "extra.clinic.locations must be a list of at least one place"),
    ({"clinic.consultation.url": "ftp://x.example"}, "extra.clinic.consultation.url must be an https or http://"),
    ({"clinic.contact.fax": "1"}, "extra.clinic.contact has an unknown key 'fax'"),
    ({"quick_exit.url": "http://www.weather.gov/"}, "extra.quick_exit.url must be an https:// address"),
    ({"quick_exit.label": " "}, "extra.quick_exit.label must be non-empty text"),
    ({"embed.allowed_origins": ["clinic.example"]}, "extra.embed.allowed_origins has 'clinic.example', which is not an origin"),
    ({"embed.allowed_origins": "https://clinic.example"}, "extra.embed.allowed_origins: Expected a list"),
    ({"pdf": "1.0"}, "extra.pdf: The configuration is invalid"),
    ({"pdf": {"verison": "1.0"}}, "extra.pdf has an unknown key 'verison'"),
    ({"pdf": {"version": ["1"]}}, "extra.pdf.version must be text"),
    ({"generator": "no"}, "extra.generator: Expected type"),
    ({"offline": "sometimes"}, "extra.offline: Expected type"),
])
def test_each_malformed_key_is_named_with_its_fix(change: dict, message: str) -> None:
    with pytest.raises(BuildInputError) as caught:
        read(changed(change))
    assert str(caught.value).startswith(f"mkdocs.yml: {message}"), str(caught.value)
    assert "How to fix: " in str(caught.value)


@pytest.mark.parametrize(("pdf", "version"), [(None, None), ({"version": "1.2"}, "1.2"), ({"version": 2}, "2")])
def test_the_pdf_version_is_text(pdf: dict | None, version: str | None) -> None:
    assert read(changed({"pdf": pdf} if pdf is not None else {})).pdf.version == version


@pytest.mark.parametrize("origin", ["clinic.example", "https://clinic.example/embed", "ftp://clinic.example",
                                    "https://clinic example", 42, "https://x.example?a=1"])
def test_a_malformed_allowlist_entry_is_refused(origin: object) -> None:
    with pytest.raises(BuildInputError, match=r"extra\.embed\.allowed_origins has .* which is not an origin"):
        read(changed({"embed.allowed_origins": [origin]}))


def test_offline_reading_is_on_unless_switched_off() -> None:
    assert read(changed({})).offline is True
    assert read(changed({"offline": False})).offline is False


def test_origins_lose_a_trailing_slash() -> None:
    settings = read(changed({"embed.allowed_origins": ["https://clinic.example/", "https://*.clinic.example:8443"]}))
    assert settings.embed.allowed_origins == ["https://clinic.example", "https://*.clinic.example:8443"]


def test_a_malformed_setting_stops_the_strict_build(tmp_path: Path) -> None:
    # The PDF's own key, which the site build used to pass over.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + '  pdf:\n    version: ["1"]\n', encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.pdf.version must be text" in result.stderr and "How to fix" in result.stderr


def test_full_and_embedded_pages_carry_the_brand(built_site: Path) -> None:
    for page in ["index.html", "embed/trust-signs/index.html", "embed/guide/step-by-step/index.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert "--brand-primary: #1f5f5b; --brand-accent: #8a4b1c;" in html, page
