"""The site's public address: `site_url` in mkdocs.yml, filled in from the SITE_URL variable.

Canonical links, sitemap.xml, Material's instant navigation (its origin), the embed snippets
and the embed pages' links back to the full guide are written from it. Everything else a
page links or loads is relative to the page, so the site works in any folder
(`https://clinic.example/guide/`). mkdocs.yml has no default for it: a build that does not
name its address stops here rather than wire all of that to a wrong one. `mkdocs serve` needs
nothing: MkDocs gives it the dev server's address (with SITE_URL's path) before any hook runs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from sitegen.errors import BuildInputError

WHERE = "mkdocs.yml: site_url (from SITE_URL)"
EXAMPLE = "https://clinic.example/guide/"
SCHEMES = ("https", "http")


def public_address(site_url: str | None) -> str:
    """The checked site_url; BuildInputError naming SITE_URL when a build has none or a bad one."""
    if not site_url:
        raise BuildInputError(WHERE, "the build was not told the site's public address: SITE_URL is not set",
                              f"build with the address the site will be published at: SITE_URL={EXAMPLE} "
                              "make build (make serve and the tests pass http://127.0.0.1:8000/ themselves)")
    parts = urlsplit(site_url)
    problem = _problem(parts.scheme, parts.netloc, parts.path, parts.query or parts.fragment)
    if problem:
        raise BuildInputError(WHERE, f"{site_url!r} {problem}",
                              f"set SITE_URL to the folder the site is published in, such as {EXAMPLE}")
    return site_url


def _problem(scheme: str, netloc: str, path: str, extra: str) -> str | None:
    if scheme not in SCHEMES or not netloc:
        return "is not an http(s) address with a host"
    if "@" in netloc:
        return "carries a user name or password, which every page would publish"
    if extra:
        return "has a query or a fragment, which every link built from it would carry"
    if not path.endswith("/"):
        # MkDocs adds the slash to a value it reads; this catches one set by other means.
        return "does not end with '/', so links built from it would leave its folder"
    return None
