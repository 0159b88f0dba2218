"""Material's search dialog has an accessible name (overrides/partials/search.html)."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"([^>]*)>')


def test_every_built_search_dialog_is_named(built_site: Path) -> None:
    pages = [path for path in built_site.rglob("*.html")
             if 'data-md-component="search"' in path.read_text(encoding="utf-8")]
    assert (built_site / "index.html") in pages and len(pages) >= 10
    for path in pages:
        dialogs = DIALOG.findall(path.read_text(encoding="utf-8"))
        assert dialogs == [' aria-label="Search"'], f"{path}: {dialogs}"


def test_axe_finds_the_search_dialog_named(page: Page) -> None:
    assert AXE.exists(), "axe-core is missing: run `make install-test`"
    page.add_init_script(path=str(AXE))  # an init script is not subject to the page's CSP
    page.goto("./")
    found = page.evaluate("""async () => {
      const {passes, violations} = await axe.run(document, {runOnly: {type: "rule", values: ["aria-dialog-name"]}});
      return {passes: passes.flatMap((rule) => rule.nodes.map((node) => node.target.join(" "))),
              violations: violations.flatMap((rule) => rule.nodes.map((node) => node.target.join(" ")))};
    }""")
    assert found["violations"] == [] and ".md-search" in found["passes"], found
