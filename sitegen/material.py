"""What this site relies on of Material's internals, each checked where it is used.

Its bundle script, which the theme loads deferred rather than as Material writes it (below);
the helpers its inline script defines, whose default store becomes sessionStorage
(`tab_only_helpers`); the name of the address parameter its search highlighting reads
(`search_words_parameter`); the colour scheme radios, named by their scheme
(`name_scheme_choices`); the inline scripts its templates write, the only ones the
Content-Security-Policy allows (`theme_inline_scripts`).

Material ends each page with a plain `<script>` for its bundle. The browser then waits for
that script before the first paint, and Lighthouse counts it as render-blocking (0.3 s of
first paint on its simulated phone: 1.5 s before, 1.2 s after). Deferred, it still runs
before DOMContentLoaded and before the site's scripts that follow it at the end of the page.
A quiz's widget.js comes earlier, with its form, and waits for DOMContentLoaded itself.

Also relied on, in templates rather than here: Material's search plugin leaves an element with
`data-search-exclude` out of its index, but ends the exclusion at the first closing tag of the
same name, so each quiz form is an `<article>`, a tag it holds no other of
(overrides/partials/quiz/form.html; tests/site/test_search_index.py checks the index).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import material
from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig

from sitegen.errors import BuildInputError, InternalError

TEMPLATES = Path(material.__file__).parent / "templates"
BUNDLES = "assets/javascripts"  # in Material's templates folder, as the pages address it


@functools.cache  # Material's files do not change while a process runs (`mkdocs serve`)
def bundle_path(templates: Path = TEMPLATES) -> str:
    """The site path of Material's bundle script (its name carries a content hash)."""
    folder = templates / BUNDLES
    found = sorted(path.name for path in folder.glob("bundle.*.min.js"))
    if len(found) != 1:
        # A Material release that names its script differently must not leave pages without it.
        raise InternalError(f"expected one bundle.*.min.js in {folder}, found {found or 'none'}: "
                           "update sitegen/material.py for this mkdocs-material version")
    return f"{BUNDLES}/{found[0]}"


# Material's inline <head> script (partials/javascripts/base.html) defines the helpers its
# templates and bundle read and write their settings with, `__md_get` and `__md_set`, with
# `localStorage` as the default store: the colour scheme (`/.__palette`, written on every page
# load), and the tabs and announcement a reader picked. A page of this guide keeps nothing
# beyond the tab (handbook/privacy-and-safety.md), so the theme gets Material's own script with
# `sessionStorage` as that default; everything else of it stays as Material writes it.
HELPERS = "partials/javascripts/base.html"
STORE_DEFAULTS = ("__md_get=(e,_=localStorage,", "__md_set=(e,_,t=localStorage,")


@functools.cache  # Material's files do not change while a process runs (`mkdocs serve`)
def tab_only_helpers(templates: Path = TEMPLATES) -> str:
    """Material's helpers template, with `sessionStorage` where it defaults to `localStorage`."""
    source = (templates / HELPERS).read_text(encoding="utf-8")
    for default in STORE_DEFAULTS:
        if source.count(default) != 1:
            # Left as it is, a release that writes these helpers differently would put the
            # palette back in localStorage, where it outlives the tab.
            raise InternalError(f"expected {default!r} once in {templates / HELPERS}: "
                               "update sitegen/material.py for this mkdocs-material version")
        source = source.replace(default, default.replace("localStorage", "sessionStorage"))
    if "localStorage" in source:
        raise InternalError(f"{templates / HELPERS} still names localStorage after the change: "
                           "update sitegen/material.py for this mkdocs-material version")
    if source.count("</script>") != 1:
        raise InternalError(f"expected one <script> in {templates / HELPERS}: "
                           "update sitegen/material.py for this mkdocs-material version")
    return source.replace("</script>", FORGET_OLDER_SETTINGS + "</script>")


# What versions of this site before the change left in localStorage (the palette, at least):
# let go on the next visit, as the removing service worker lets go of an older worker. Keys
# of another site on the same origin, under another base path, have another prefix.
FORGET_OLDER_SETTINGS = (
    ';try{for(var __md_key of Object.keys(localStorage))'
    '__md_key.startsWith(__md_scope.pathname+".__")&&localStorage.removeItem(__md_key)}catch(e){}'
)


def keep_settings_for_the_tab(env: Environment, templates: Path = TEMPLATES) -> None:
    """Make the theme render `tab_only_helpers` wherever Material includes its helpers."""
    if env.loader is None:
        raise InternalError("Material's environment has no template loader: update sitegen/material.py")
    env.loader = ChoiceLoader([DictLoader({HELPERS: tab_only_helpers(templates)}), env.loader])


# Material's templates write a few inline scripts: the helpers above (as the theme renders
# them), the colour scheme restored before the first paint (palette.html) and the content tab
# a fragment names (content.html). These, and only these, may run inline: the CSP carries
# their hashes (sitegen/headers.py), and any other inline script stops the build. Their text
# differs between pages only in the base URL the helpers scope the settings to.
THEME_SCRIPT_TEMPLATES = (HELPERS, "partials/javascripts/palette.html", "partials/javascripts/content.html")
# The site leaves Material's `extra.scope` unset; set, it would change the helpers' text, and
# every page would stop the build until this module knew it.
BASE_URL = "{{ config.extra.scope | d(base_url) }}"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@functools.cache
def theme_inline_scripts(base_url: str, templates: Path = TEMPLATES) -> frozenset[str]:
    """The text of each inline script Material's templates, as the theme renders them, write
    into a page whose base URL (`.`, `../..`, or the site's path on error pages) is base_url."""
    scripts: set[str] = set()
    for name in THEME_SCRIPT_TEMPLATES:
        source = tab_only_helpers(templates) if name == HELPERS else (templates / name).read_text(encoding="utf-8")
        found = _INLINE_SCRIPT.findall(source)
        if not found or any(_jinja_beyond_base_url(text) for text in found):
            # A script whose text depends on anything else would not match what the pages carry.
            raise InternalError("expected inline scripts with no template code but the base URL in "
                                f"{templates / name}: update sitegen/material.py for this mkdocs-material version")
        scripts.update(text.replace(BASE_URL, base_url) for text in found)
    return frozenset(scripts)


def _jinja_beyond_base_url(script: str) -> bool:
    rest = script.replace(BASE_URL, "")
    return any(mark in rest for mark in ("{{", "{%", "{#"))


# With `search.highlight`, Material puts the reader's search words in each result's address
# (`?h=word`) and highlights them on the page it opens, reading them when it shows the page.
# overrides/assets/javascripts/search-words.js then takes them out of the address.
_SEARCH_WORDS = ('.searchParams.set("{}",', '.searchParams.get("{}")')


@functools.cache  # Material's files do not change while a process runs (`mkdocs serve`)
def search_words_parameter(templates: Path = TEMPLATES, name: str = "h") -> str:
    """The query parameter Material's search results carry the search words in."""
    bundle = (templates / bundle_path(templates)).read_text(encoding="utf-8")
    missing = [pattern.format(name) for pattern in _SEARCH_WORDS if pattern.format(name) not in bundle]
    if missing:
        # Under another name, the words would stay in the address and in the browser's history.
        raise InternalError(f"Material's bundle no longer carries search words as ?{name}= ({missing} not found): "
                           "update sitegen/material.py for this mkdocs-material version")
    return name


# Material labels each colour scheme's radio button with its toggle's action ("Switch to dark
# mode"), so the checked button of a dark page is announced as "Switch to light mode" and the
# other one, while the page is dark, as "Switch to dark mode". Named by what they are, the
# radios read as a choice of scheme; the visible toggle keeps its action as its title.
SCHEME_NAMES = {"default": "Light colours", "slate": "Dark colours"}
_SCHEME_RADIO = re.compile(r'(<input class="md-option"[^>]*? data-md-color-scheme="([^"]*)"[^>]*?) aria-label="[^"]*"')


def name_scheme_choices(html: str) -> str:
    """A page with Material's colour toggle, its scheme radios named after the schemes."""
    if 'name="__palette"' not in html:
        return html

    def named(match: re.Match[str]) -> str:
        scheme = match.group(2)
        if scheme not in SCHEME_NAMES:
            raise InternalError(f"no name for the colour scheme {scheme!r}: "
                                "add it to SCHEME_NAMES in sitegen/material.py")
        return f'{match.group(1)} aria-label="{SCHEME_NAMES[scheme]}"'

    renamed, count = _SCHEME_RADIO.subn(named, html)
    if count != html.count('name="__palette"'):
        raise InternalError("Material's colour toggle changed: "
                            "update sitegen/material.py for this mkdocs-material version")
    return renamed


def overrides_dir(config: MkDocsConfig) -> Path:
    """The theme's `custom_dir` (overrides/): the templates, assets and strings the build reads."""
    if not config.theme.custom_dir:
        raise BuildInputError("mkdocs.yml: theme.custom_dir", "is not set, and the build reads its templates there",
                              "set `custom_dir: overrides` under theme")
    return Path(config.theme.custom_dir)
