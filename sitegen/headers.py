"""`site/_headers`: the HTTP headers for hosts that read that file (Netlify, Cloudflare Pages).

The Content-Security-Policy allows no inline script but the theme's own, each by the sha256
of its text. Those are known before any page is written (`material.theme_inline_scripts`:
Material's few inline scripts, which differ only with a page's base URL); any other inline
script, in a page's Markdown or in a value that reached a page, stops the build, naming the
page. `frame-ancestors` comes from `extra.embed.allowed_origins`; it only works as an HTTP
header, never from a <meta> tag.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitegen import embed, material
from sitegen.errors import BuildInputError
from sitegen.settings import Origin

# What the HTML standard runs as script, or reads as the page's own instructions (import maps,
# speculation rules): no type, an empty one, a JavaScript MIME type, "module", … Any other type
# is data the browser never runs.
RUNNING_TYPES = {"", "module", "importmap", "speculationrules", "application/ecmascript", "application/javascript",
                 "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
                 "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
                 "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
                 "text/x-ecmascript", "text/x-javascript"}

# Material's templates write plain <script> tags; regular expressions read them in a fraction
# of the time an HTML parser takes over every page. Where they could read a page otherwise than
# a browser does (an unclosed tag, a `>` inside an attribute), the text they find is not a
# theme script, so the build stops rather than lets it through.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script(?=[\s/>])[^>]*>", re.DOTALL | re.IGNORECASE)
_SCRIPT_START = re.compile(r"<script\b", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
FIX = ("move the script into a file under overrides/assets/javascripts/ and load it with <script src> from a "
       "template (the policy allows the site's own files), or remove it; if it came from a value in mkdocs.yml, "
       "page meta or a quiz, a template or the build prints that value without escaping it (`| e`)")


def running_inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run in this HTML, as written.

    A `<script` the expressions cannot pair with its end is returned whole, as a script no
    theme writes.
    """
    scripts, paired = [], 0
    for match in _SCRIPT.finditer(html):
        paired += 1
        attributes = _attributes(match.group(1))
        if "src" not in attributes and attributes.get("type", "").strip().lower() in RUNNING_TYPES:
            scripts.append(match.group(2))
    starts = [match.start() for match in _SCRIPT_START.finditer(html)]
    if len(starts) != paired:
        scripts.append(html[starts[-1]:])
    return scripts


def _attributes(text: str) -> dict[str, str]:
    # As a browser does, the first of a repeated attribute counts.
    found: dict[str, str] = {}
    for name, *values in _ATTRIBUTE.findall(text):
        found.setdefault(name.lower(), next((value for value in values if value), ""))
    return found


def theme_scripts_only(html: str, where: str, bases: set[str]) -> set[str]:
    """The page's inline scripts, each one of the theme's own for the page's base URL;
    BuildInputError naming `where` for any other."""
    allowed = frozenset().union(*(material.theme_inline_scripts(base) for base in bases))
    scripts = set(running_inline_scripts(html))
    for script in scripts - allowed:
        shown = " ".join(script.split())
        raise BuildInputError(where, f"an inline <script> that is not one of the theme's own ({shown[:80]!r}); "
                                     "the Content-Security-Policy allows no other", FIX)
    return scripts


def base_urls(site_path: str, site_url: str | None) -> set[str]:
    """The base URLs a built page at site_path (`a/index.html`) may carry: relative to its
    folder, or, on an error page such as 404.html, the site's own path."""
    return {get_relative_url(".", site_path), urlsplit(site_url or "/").path or "/"}


def page_source(page: Page) -> str:
    """What an author edits to change a page: `docs/<page>.md`, or for a page the build made
    from nothing in docs/ (a quiz's embed page, the staff page), the built file."""
    source = page.meta.get(embed.SOURCE_KEY) or (page.file.src_uri if page.file.generated_by is None else None)
    return f"docs/{source}" if source else f"site/{page.file.dest_uri}"


def check_page_scripts(html: str, page: Page, site_url: str | None) -> set[str]:
    """The page's inline scripts, all the theme's own; stops the build at a page that carries
    one the theme does not write."""
    return theme_scripts_only(html, page_source(page), base_urls(page.file.dest_uri, site_url))


def inline_script_hashes(site_dir: Path, site_url: str | None,
                         checked: Mapping[str, set[str]] | None = None) -> list[str]:
    """CSP source expressions ('sha256-…') for the theme's inline scripts on the built pages;
    BuildInputError naming the built file for any other inline script.

    `checked` holds the scripts of the pages already checked as they were written, by built
    file (`check_page_scripts`); only the other HTML files (such as 404.html) are read here.
    """
    checked = checked or {}
    scripts = set().union(*checked.values())
    for page in sorted(site_dir.rglob("*.html")):
        site_path = page.relative_to(site_dir).as_posix()
        if site_path not in checked:
            scripts |= theme_scripts_only(page.read_text(encoding="utf-8"), posixpath.join("site", site_path),
                                          base_urls(site_path, site_url))
    return sorted({_sha256_source(script) for script in scripts})


def _sha256_source(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def frame_ancestors(allowed_origins: Sequence[Origin]) -> str:
    """The `frame-ancestors` sources: the site itself and the allowed origins, or `*` for none.

    The site is always allowed, for the previews on its own embed page. Each origin is
    written in its parsed, canonical form, which holds no space or line break that could
    end the source list or the header line early.
    """
    return " ".join(["'self'", *(str(origin) for origin in allowed_origins)]) if allowed_origins else "*"


def content_security_policy(script_hashes: list[str], ancestors: str) -> str:
    """The site's policy: its own origin only, Pyodide's WebAssembly, hashed theme scripts."""
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes]),
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        f"frame-ancestors {ancestors}",
    ]
    return "; ".join(directives)


def write_headers_file(site_dir: Path, allowed_origins: Sequence[Origin], site_url: str | None,
                       checked: Mapping[str, set[str]] | None = None) -> None:
    """Write `site/_headers` with the policy and a few protective headers for every path."""
    hashes = inline_script_hashes(site_dir, site_url, checked)
    policy = content_security_policy(hashes, frame_ancestors(allowed_origins))
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "",
    ]
    (site_dir / "_headers").write_text("\n".join(lines), encoding="utf-8")
