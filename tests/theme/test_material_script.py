"""Material's script is deferred (overrides/main.html, sitegen/material.py): the page paints
without waiting for it, and it still runs first, before the site's own scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sitegen import material

SCRIPT = re.compile(r"<script\b([^>]*)>")


def external_scripts(html: str) -> list[str]:
    """The attributes of each <script src=…> of a page, in document order."""
    return [attributes for attributes in SCRIPT.findall(html) if " src=" in attributes]


@pytest.mark.parametrize("page_path", ["index.html", "attachment-and-trauma/index.html",
                                       "embed/trust-signs/index.html", "embed/index.html", "404.html"])
def test_materials_script_is_deferred_and_runs_before_the_sites_scripts(built_site: Path, page_path: str) -> None:
    scripts = external_scripts((built_site / page_path).read_text(encoding="utf-8"))
    bundle = material.bundle_path()
    assert bundle.endswith(".min.js") and (built_site / bundle).is_file()
    assert bundle in scripts[0] and " defer" in scripts[0], scripts
    # Deferred and module scripts run in document order; every other one must wait for its turn too.
    assert all(" defer" in attributes or 'type="module"' in attributes for attributes in scripts), scripts
    assert sum(bundle in attributes for attributes in scripts) == 1


def test_a_release_without_one_bundle_stops_the_build(tmp_path: Path) -> None:
    folder = tmp_path / material.BUNDLES
    folder.mkdir(parents=True)
    with pytest.raises(RuntimeError, match=r"found none: update sitegen/material\.py"):
        material.bundle_path(tmp_path)
    (folder / "bundle.aaaa.min.js").write_text("", encoding="utf-8")
    (folder / "bundle.bbbb.min.js").write_text("", encoding="utf-8")
    with pytest.raises(RuntimeError, match="bundle.aaaa.min.js"):
        material.bundle_path(tmp_path)


def test_material_works_once_the_page_has_painted(page: Page) -> None:
    """What Material's script does still happens: its classes, the palette toggle, search."""
    page.goto("./")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") != before
    page.locator(".md-search__input").click()
    page.keyboard.type("trust")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
