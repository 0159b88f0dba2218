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
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitegen.errors import BuildInputError

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
FIX = "list origins such as https://clinic.example under `extra: embed: allowed_origins:` in mkdocs.yml"


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


def allowed_origins(extra: dict[str, Any]) -> list[str]:
    """The checked origins of `extra.embed.allowed_origins`, without a trailing slash; empty means any site."""
    origins = (extra.get("embed") or {}).get("allowed_origins") or []
    if not isinstance(origins, list):
        raise BuildInputError("mkdocs.yml", "extra.embed.allowed_origins must be a list of origins", FIX)
    for origin in origins:
        parts = urlsplit(origin) if isinstance(origin, str) else None
        if (parts is None or parts.scheme not in {"https", "http"} or not parts.hostname
                or parts.path not in {"", "/"} or parts.query or parts.fragment
                or not re.fullmatch(r"[A-Za-z0-9.*-]+", parts.hostname)):
            raise BuildInputError("mkdocs.yml", f"extra.embed.allowed_origins has {origin!r}, which is not an origin",
                                  FIX + " (scheme and host, optional port; no path)")
    return [origin.rstrip("/") for origin in origins]


def frame_ancestors(extra: dict[str, Any]) -> str:
    """The `frame-ancestors` sources: the site itself and the configured origins, or `*`.

    The site is always allowed, for the previews on its own embed page.
    """
    origins = allowed_origins(extra)
    return " ".join(["'self'", *origins]) if origins else "*"


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


def write_headers_file(site_dir: Path, extra: dict[str, Any]) -> None:
    """Write `site/_headers` with the policy and a few protective headers for every path."""
    policy = content_security_policy(inline_script_hashes(site_dir), frame_ancestors(extra))
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "",
    ]
    (site_dir / "_headers").write_text("\n".join(lines), encoding="utf-8")
