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
    assert settings.embed.allowed_origins == () and settings.pdf.version is None


@pytest.mark.parametrize(("change", "message"), [
    ({"brand.primary": "#80cbc4"}, "extra.brand.primary #80cbc4 has a contrast of 1.9:1 with white"),
    ({"brand.primary": "teal"}, 'extra.brand.primary must be a colour like "#1f5f5b"'),
    ({"brand.accent": KeyError}, "extra.brand.accent must be a colour"),
    ({"brand.logo": "#000000"}, "extra.brand has an unknown key 'logo'"),
    ({"clinic.name": ""}, "extra.clinic.name must be non-empty text"),
    ({"clinic.name": KeyError}, "extra.clinic.name must be non-empty text, got None"),
    ({"clinic.location": ["here"]}, "extra.clinic has an unknown key 'location'"),
    ({"clinic.contact.phone": [1, 2]}, "extra.clinic.contact.phone must be non-empty text"),
    ({"clinic.consultation.url": "www.example.org"},
     "extra.clinic.consultation.url must be an https:// address or a path inside this site, got 'www.example.org'"),
    ({"clinic.locations": []}, "extra.clinic.locations must be a list of at least one place"),
    ({"clinic.consultation.url": "ftp://x.example"}, "extra.clinic.consultation.url must be an https:// address"),
    ({"clinic.contact.website": "http://calmagain.example/"}, "extra.clinic.contact.website must be an https://"),
    ({"clinic.contact.fax": "1"}, "extra.clinic.contact has an unknown key 'fax'"),
    ({"quick_exit.url": "http://www.weather.gov/"}, "extra.quick_exit.url must be an https:// address"),
    ({"quick_exit.label": " "}, "extra.quick_exit.label must be non-empty text"),
    ({"embed.allowed_origins": ["clinic.example"]},
     "extra.embed.allowed_origins[0] (entry 1): 'clinic.example' does not start with a scheme such as https://"),
    ({"embed.allowed_origins": "https://clinic.example"},
     "extra.embed.allowed_origins must be a list of origins such as https://clinic.example, got 'https://clinic"),
    ({"pdf": "1.0"}, "extra.pdf must be a block of keys (version), got '1.0'"),
    ({"pdf": {"verison": "1.0"}}, "extra.pdf has an unknown key 'verison'"),
    ({"pdf": {"version": ["1"]}}, "extra.pdf.version must be text"),
    ({"generator": "no"}, "extra.generator must be true or false, got 'no'"),
    ({"offline": "sometimes"}, "extra.offline must be true or false, got 'sometimes'"),
])
def test_each_malformed_key_is_named_with_its_fix(change: dict, message: str) -> None:
    with pytest.raises(BuildInputError) as caught:
        read(changed(change))
    assert str(caught.value).startswith(f"mkdocs.yml: {message}"), str(caught.value)
    assert "How to fix: " in str(caught.value)


@pytest.mark.parametrize(("pdf", "version"), [(None, None), ({"version": "1.2"}, "1.2"), ({"version": 2}, "2")])
def test_the_pdf_version_is_text(pdf: dict | None, version: str | None) -> None:
    assert read(changed({"pdf": pdf} if pdf is not None else {})).pdf.version == version


def test_offline_reading_is_on_unless_switched_off() -> None:
    assert read(changed({})).offline is True
    assert read(changed({"offline": False})).offline is False


def origins_read(*entries: object) -> list[str]:
    """The allowed origins as read, each as the build writes it."""
    return [str(origin) for origin in read(changed({"embed.allowed_origins": list(entries)})).embed.allowed_origins]


def refusal(*entries: object) -> str:
    """The message that stops the build for these allowed origins."""
    with pytest.raises(BuildInputError) as caught:
        read(changed({"embed.allowed_origins": list(entries)}))
    return str(caught.value)


@pytest.mark.parametrize(("entry", "problem", "fix"), [
    # A line break would end the `_headers` line early and start a header of its own.
    ("https://clinic.example\nX-Injected: 1", r"'https://clinic.example\nX-Injected: 1' contains '\n'",
     "write the origin alone on its line"),
    ("https://clinic.example ", "contains ' '", "write the origin alone on its line"),
    ("https://user:pw@clinic.example", "has a user name or password before '@'", "leave out everything up to"),
    ("https://clinic.example:abc", "has the port 'abc', which is not a number from 1 to 65535",
     "write the port as a number"),
    ("https://clinic.example:70000", "has the port '70000'", "write the port as a number"),
    ("https://*", "has a '*' that is not a leading '*.' before a domain", "https://*.clinic.example"),
    ("https://*.example", "puts '*.' before 'example' alone", "https://*.clinic.example"),
    ("https://clinic.*.example", "has a '*' that is not a leading '*.'", "https://*.clinic.example"),
    ("http://clinic.example", "uses http://, which only this computer's own addresses may use", "write https://"),
    ("ftp://clinic.example", "has the scheme 'ftp'", "write https://"),
    ("clinic.example", "does not start with a scheme such as https://", "write it as https://clinic.example"),
    ("https://clinic.example/embed", "has '/embed' after the host; an origin has no path, query or fragment",
     "keep only the scheme, host and port"),
    ("https://clinic.example?a=1", "has '?a=1' after the host", "keep only the scheme, host and port"),
    ("https://clinic.example#top", "has '#top' after the host", "keep only the scheme, host and port"),
    ("https://clinic_example.org", "has the host 'clinic_example.org', which is not a domain name",
     "write the site's domain name"),
    ("https://10.0.0.7", "names the host by the address '10.0.0.7'", "only 127.0.0.1 and [::1]"),
    (42, "42 is not text", "write the origin as text"),
])
def test_a_malformed_allowlist_entry_is_named_with_its_problem_and_fix(entry: object, problem: str, fix: str) -> None:
    message = refusal("https://fine.example", entry)
    # The key says which entry, from 0 as YAML's list is indexed, and counts it from 1 for people.
    assert message.startswith(f"mkdocs.yml: extra.embed.allowed_origins[1] (entry 2): {entry!r} "), message
    headline, fix_line = message.split("\n")
    assert problem in headline and fix_line.startswith("  How to fix: ") and fix in fix_line, message


@pytest.mark.parametrize(("entry", "written"), [
    ("http://localhost:8080", "http://localhost:8080"),
    ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
    ("http://[::1]:8000", "http://[::1]:8000"),
    ("https://*.clinic.example", "https://*.clinic.example"),
    ("https://*.Clinic.EXAMPLE:8443", "https://*.clinic.example:8443"),
    ("HTTPS://Clinic.Example/", "https://clinic.example"),
    ("https://clinic.example:443", "https://clinic.example"),  # the scheme's own port is no port
    ("https://xn--bcher-kva.example", "https://xn--bcher-kva.example"),
])
def test_an_origin_is_read_in_its_canonical_form(entry: str, written: str) -> None:
    assert origins_read(entry) == [written]


def test_every_bad_entry_of_the_allowlist_is_named_at_once() -> None:
    message = refusal("https://a.example\n", "https://good.example", "https://*")
    assert "extra.embed.allowed_origins[0] (entry 1): 'https://a.example\\n'" in message
    assert "extra.embed.allowed_origins[2] (entry 3): 'https://*'" in message
    assert "[1]" not in message and message.count("How to fix: ") == 2


def test_every_bad_key_is_reported_at_once() -> None:
    with pytest.raises(BuildInputError) as caught:
        read(changed({"clinic.name": "", "brand.primary": "teal", "brand.logo": "x.png",
                      "embed.allowed_origins": ["https://clinic.example:abc"], "offline": "sometimes"}))
    lines = str(caught.value).split("\n")
    # Each problem on a line of its own, in the schema's order, each followed by its fix.
    assert lines[0::2] == [
        "mkdocs.yml: extra.clinic.name must be non-empty text, got ''",
        "mkdocs.yml: extra.brand has an unknown key 'logo'",
        'mkdocs.yml: extra.brand.primary must be a colour like "#1f5f5b", got \'teal\'',
        "mkdocs.yml: extra.embed.allowed_origins[0] (entry 1): 'https://clinic.example:abc' has the port 'abc', "
        "which is not a number from 1 to 65535",
        "mkdocs.yml: extra.offline must be true or false, got 'sometimes'",
    ], lines
    assert all(line.startswith("  How to fix: ") for line in lines[1::2]) and len(lines) == 10


@pytest.mark.parametrize("url", ["https://calmagain.example/book/", "contact/", "help-now/#call", "book/?via=guide"])
def test_a_configured_link_is_https_or_a_path_inside_the_site(url: str) -> None:
    settings = read(changed({"clinic.consultation.url": url, "clinic.contact.website": url}))
    assert settings.clinic.consultation.url == url and settings.clinic.contact.website == url


@pytest.mark.parametrize("url", ["http://calmagain.example/", "/contact/", "//evil.example/x", "https:evil.example/x",
                                 "javascript:alert(1)", "../elsewhere/", "contact\\evil", "www.calmagain.example",
                                 "https://calmagain.example/\nx", "mailto:hi@calmagain.example", ""])
def test_any_other_configured_link_is_refused_with_the_fix(url: str) -> None:
    with pytest.raises(BuildInputError) as caught:
        read(changed({"clinic.consultation.url": url, "clinic.contact.website": url}))
    message = str(caught.value)
    for key in ("clinic.consultation.url", "clinic.contact.website"):
        assert f"mkdocs.yml: extra.{key} must be an https:// address or a path inside this site, got {url!r}\n" \
               "  How to fix: write a full https:// address" in message, message


def test_malformed_settings_stop_the_strict_build_all_named(tmp_path: Path) -> None:
    # The PDF's own key, which the site build used to pass over, and an origin with a line
    # break that once reached site/_headers as a header line of its own.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "allowed_origins: []" in text
    text = text.replace("allowed_origins: []", 'allowed_origins: ["https://clinic.example\\nX-Injected: 1"]')
    config.write_text(text + '  pdf:\n    version: ["1"]\n', encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("mkdocs.yml: extra.embed.allowed_origins[0] (entry 1): 'https://clinic.example\\nX-Injected: 1' "
            "contains '\\n'") in result.stderr, result.stderr
    assert "mkdocs.yml: extra.pdf.version must be text" in result.stderr and "How to fix" in result.stderr
    assert not (tmp_path / "site" / "_headers").exists()


def test_full_and_embedded_pages_carry_the_brand(built_site: Path) -> None:
    for page in ["index.html", "embed/trust-signs/index.html", "embed/guide/step-by-step/index.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert "--brand-primary: #1f5f5b; --brand-accent: #8a4b1c;" in html, page
