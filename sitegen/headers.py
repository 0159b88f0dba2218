"""`site/_headers`: the HTTP headers for hosts that read that file (Netlify, Cloudflare Pages).

The Content-Security-Policy allows no inline script but the theme's own, each by the sha256
of its text: those are collected from the built pages, since Material's inline scripts
differ with page depth. `frame-ancestors` comes from `extra.embed.allowed_origins`; it only
works as an HTTP header, never from a <meta> tag.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from sitegen.settings import Origin

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


# Material's templates write plain <script> tags; a regular expression reads them in a
# fraction of the time an HTML parser takes over every page.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions ('sha256-…') for every distinct inline script of the site."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for attributes, text in _SCRIPT.findall(page.read_text(encoding="utf-8")):
            script_type = _TYPE.search(attributes)
            if _SRC.search(attributes) or (script_type and script_type.group(1).lower() not in EXECUTABLE_TYPES):
                continue
            digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


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


def write_headers_file(site_dir: Path, allowed_origins: Sequence[Origin]) -> None:
    """Write `site/_headers` with the policy and a few protective headers for every path."""
    policy = content_security_policy(inline_script_hashes(site_dir), frame_ancestors(allowed_origins))
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "",
    ]
    (site_dir / "_headers").write_text("\n".join(lines), encoding="utf-8")
