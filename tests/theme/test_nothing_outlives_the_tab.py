"""Material's settings are kept for the tab only (sitegen/material.py): the colour scheme a
reader picks holds across pages, in sessionStorage, and nothing is written to localStorage.
Search words leave the address once Material has highlighted them
(overrides/assets/javascripts/search-words.js)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from playwright.sync_api import Page, expect

from sitegen import material
from tests.hardening.pages import STORAGE_PROBE, stored_by_the_site

SCHEME = "document.body.dataset.mdColorScheme"


def test_the_colour_scheme_holds_across_pages_of_the_tab_and_nothing_is_in_local_storage(page: Page) -> None:
    page.goto("./")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.locator('label[title="Switch to dark mode"]').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()  # instant navigation
    expect(page).to_have_url(re.compile(r"/why-trust-matters/"))
    assert page.evaluate("window.__sameDocument === true")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto("attachment-and-trauma/")  # a full load reads it back too
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    stored = stored_by_the_site(page)
    assert stored["local"] == {}
    assert [key for key in stored["session"] if key.endswith(".__palette")] == ["/.__palette"]
    # Another tab of the same browser starts from the default: nothing was kept beyond the tab.
    other = page.context.new_page()
    other.goto("./")
    other.wait_for_function("document.documentElement.classList.contains('js')")
    assert other.evaluate(SCHEME) == "default"
    assert other.evaluate("localStorage.length") == 0


def test_materials_helpers_default_to_session_storage(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "__md_get=(e,_=sessionStorage," in html and "__md_set=(e,_,t=sessionStorage," in html
    assert html.count(material.FORGET_OLDER_SETTINGS) == 1
    assert "localStorage" not in html.replace(material.FORGET_OLDER_SETTINGS, "")


def test_what_an_older_version_left_in_local_storage_goes_on_the_next_visit(page: Page) -> None:
    page.goto(STORAGE_PROBE)  # runs no script: the storage as an older version left it
    page.evaluate("""() => {
      localStorage.setItem("/.__palette", JSON.stringify({index: 1}));
      localStorage.setItem("/.__tabs", "[]");
      localStorage.setItem("/guide/.__palette", "{}");  // another site on the same origin
      localStorage.setItem("unrelated", "1");
    }""")
    page.goto("./")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    stored = stored_by_the_site(page)
    assert sorted(stored["local"]) == ["/guide/.__palette", "unrelated"]


def test_a_release_that_writes_the_helpers_otherwise_stops_the_build(tmp_path: Path) -> None:
    helpers = tmp_path / material.HELPERS
    helpers.parent.mkdir(parents=True)
    original = (material.TEMPLATES / material.HELPERS).read_text(encoding="utf-8")
    helpers.write_text(original.replace("__md_get=(e,_=localStorage,", "__md_get=(e,s=localStorage,"), encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"__md_get=.*update sitegen/material\.py"):
        material.tab_only_helpers(tmp_path)
    helpers.write_text(original + "<script>localStorage.clear()</script>", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"still names localStorage.*update sitegen/material\.py"):
        material.tab_only_helpers(tmp_path)
    # As Material writes them, they render with sessionStorage in their place.
    env = Environment(loader=DictLoader({"page.html": '{% include "partials/javascripts/base.html" %}'}))
    material.keep_settings_for_the_tab(env)
    rendered = env.get_template("page.html").render(base_url=".", config={"extra": {}})
    assert "sessionStorage" in rendered and "localStorage" not in rendered.replace(material.FORGET_OLDER_SETTINGS, "")


def test_a_bundle_that_carries_search_words_otherwise_stops_the_build(tmp_path: Path) -> None:
    assert material.search_words_parameter() == "h"
    folder = tmp_path / material.BUNDLES
    folder.mkdir(parents=True)
    (folder / "bundle.aaaa.min.js").write_text('s.searchParams.set("q",x);n.searchParams.get("q")', encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"\?h=.*update sitegen/material\.py"):
        material.search_words_parameter(tmp_path)


HIGHLIGHTED = "mark[data-md-highlight]"


def test_search_words_leave_the_address_after_instant_navigation(page: Page) -> None:
    page.goto("./")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("boundaries")
    result = page.locator(".md-search-result__link", has_text="Boundaries").first
    expect(result).to_have_attribute("href", re.compile(r"[?&]h=boundaries"))  # the words were in the link
    result.click()
    expect(page).to_have_url(re.compile(r"/step-by-step/"))
    expect(page.locator(HIGHLIGHTED).first).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"[?&]h="))
    assert page.evaluate("window.__sameDocument === true")


def test_search_words_leave_the_address_on_a_full_load_and_the_fragment_stays(page: Page) -> None:
    page.goto("step-by-step/?h=boundaries#step-4")
    expect(page.locator(HIGHLIGHTED).first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/step-by-step/#step-4$"))
    assert "h=boundaries" in page.evaluate("performance.getEntriesByType('navigation')[0].name")  # loaded with them
