"""Material's script is deferred (overrides/main.html, sitegen/material.py): the page paints
without waiting for it, and it still runs before the site's scripts at the end of the page."""

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
def test_materials_script_is_deferred_and_leads_the_scripts_at_the_end(built_site: Path, page_path: str) -> None:
    html = (built_site / page_path).read_text(encoding="utf-8")
    bundle = material.bundle_path()
    assert bundle.endswith(".min.js") and (built_site / bundle).is_file()
    # A quiz's widget.js comes with its form, earlier in the page; it waits for Material itself.
    in_form = [attributes for attributes in external_scripts(html) if "/widget.js" in attributes]
    at_end = [attributes for attributes in external_scripts(html) if attributes not in in_form]
    assert bundle in at_end[0] and " defer" in at_end[0], at_end
    assert sum(bundle in attributes for attributes in at_end) == 1
    # Deferred and module scripts run in document order; none may run before the page is parsed.
    assert all(" defer" in attributes or 'type="module"' in attributes for attributes in external_scripts(html))
    assert len(in_form) == html.count('<article class="quiz" ')


def test_pages_without_a_quiz_fetch_no_quiz_script(built_site: Path) -> None:
    for page_path in ["index.html", "why-trust-matters/index.html", "help-now/index.html", "embed/guide/help-now/index.html"]:
        assert "/widget.js" not in (built_site / page_path).read_text(encoding="utf-8"), page_path


def test_a_release_without_one_bundle_stops_the_build(tmp_path: Path) -> None:
    folder = tmp_path / material.BUNDLES
    folder.mkdir(parents=True)
    with pytest.raises(RuntimeError, match=r"found none: update sitegen/material\.py"):
        material.bundle_path(tmp_path)
    (folder / "bundle.aaaa.min.js").write_text("", encoding="utf-8")
    (folder / "bundle.bbbb.min.js").write_text("", encoding="utf-8")
    with pytest.raises(RuntimeError, match="bundle.aaaa.min.js"):
        material.bundle_path(tmp_path)


def test_material_still_does_its_work_when_deferred(page: Page) -> None:
    """What Material's script does still happens: its classes, the palette toggle, search."""
    page.goto("./")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("(before) => document.body.dataset.mdColorScheme !== before", arg=before)
    page.locator(".md-search__input").click()
    page.keyboard.type("trust")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
