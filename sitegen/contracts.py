"""The names Python, the theme's templates and the browser's scripts must agree on, each written once.

A name here is handed on, never copied: templates read `contracts` (a template global, see
`template_globals`); module scripts import the generated `contracts.js` from the site-wide
folder (sitegen/site_assets.py); the two service workers, classic scripts that cannot import
a module, and the clinic's embed/host.js, which lives on another site, get the same values
written in by the build as `const CONTRACTS = {…};` (`script_constants`).

tests/sitegen/test_contracts.py checks that each value below appears in no other source file.
"""

from __future__ import annotations

import json
from typing import Any

# A cache's name is CACHE_PREFIX, the worker's scope path, ":" and its kind: one site's caches
# never meet another's on the same origin, and each script finds all of this site's by prefix.
CACHE_PREFIX = "rebuilding-trust:"

# The messages between the clinic's page (embed/host.js) and an embedded guide page (embed-frame.js).
EMBED_HEIGHT = "rebuilding-trust-embed:height"  # frame → host: the content's height
EMBED_FORGET = "rebuilding-trust-embed:forget"  # host → frame: its Quick exit was used
EMBED_FORGOTTEN = "rebuilding-trust-embed:forgotten"  # frame → host: the guide's storage is cleared

# Marks the guide's iframes in a snippet: host.js sizes only those.
EMBED_FRAME_ATTRIBUTE = "data-rebuilding-trust-embed"
# The <meta> of an embed page listing the sites that may learn its height (embed.html, embed-frame.js).
EMBED_ORIGINS_META = "rebuilding-trust-embed-origins"
# An embed page's note for frames that cannot run its scripts (embed.html); embed-frame.js hides it.
EMBED_FALLBACK_ATTRIBUTE = "data-embed-fallback"
# The guide's own Quick exit link (safety-bar.html); quick-exit.js, embed-frame.js and host.js find it by it.
QUICK_EXIT_ATTRIBUTE = "data-quick-exit"

# The privacy page's offline reading control (sitegen/markers.py) and its status line; register.js sets them up.
OFFLINE_CHOICE_ATTRIBUTE = "data-offline-choice"
OFFLINE_STATE_ATTRIBUTE = "data-offline-state"

# The messages a page sends the offline service worker (register.js, offline-copy.js → service-worker.js).
OFFLINE_FORGET = "rebuilding-trust-offline:forget"  # write nothing more: the reader let the copy go
OFFLINE_CLAIM = "rebuilding-trust-offline:claim"  # serve this page too
OFFLINE_KEEP = "rebuilding-trust-offline:keep"  # keep these files, loaded before the worker served the page

# The service worker's address, at the site's root so that its scope is the whole guide.
SERVICE_WORKER = "service-worker.js"
# The clinic's script: a stable address, pasted once into each clinic page.
HOST_SCRIPT = "embed/host.js"
# Where the embeddable copies of the guide's pages live (sitegen/embed.py); embed-frame.js sends
# a link to one of them to the full page instead.
EMBED_GUIDE_PAGES = "embed/guide/"

_QUIZ_ANCHOR_PREFIX = "quiz-"


def quiz_anchor(quiz_id: str) -> str:
    """The id of a placed quiz's root element, on the web (form.html) and in the PDF (quiz.html)."""
    return _QUIZ_ANCHOR_PREFIX + quiz_id


def for_scripts() -> dict[str, str]:
    """The values the browser's scripts read, by the name they read them under."""
    return {
        "CACHE_PREFIX": CACHE_PREFIX,
        "EMBED_HEIGHT": EMBED_HEIGHT,
        "EMBED_FORGET": EMBED_FORGET,
        "EMBED_FORGOTTEN": EMBED_FORGOTTEN,
        "EMBED_FRAME_ATTRIBUTE": EMBED_FRAME_ATTRIBUTE,
        "EMBED_ORIGINS_META": EMBED_ORIGINS_META,
        "EMBED_FALLBACK_ATTRIBUTE": EMBED_FALLBACK_ATTRIBUTE,
        "QUICK_EXIT_ATTRIBUTE": QUICK_EXIT_ATTRIBUTE,
        "OFFLINE_CHOICE_ATTRIBUTE": OFFLINE_CHOICE_ATTRIBUTE,
        "OFFLINE_STATE_ATTRIBUTE": OFFLINE_STATE_ATTRIBUTE,
        "OFFLINE_FORGET": OFFLINE_FORGET,
        "OFFLINE_CLAIM": OFFLINE_CLAIM,
        "OFFLINE_KEEP": OFFLINE_KEEP,
        "SERVICE_WORKER": SERVICE_WORKER,
        "EMBED_GUIDE_PAGES": EMBED_GUIDE_PAGES,
    }


def script_module(site_root_from_module: str) -> str:
    """contracts.js: every value of `for_scripts` as a named export, and the site's root as this
    module's own address sees it (the folder it is served from is `site_root_from_module` deep)."""
    lines = ["// Written by the build from sitegen/contracts.py: edit the values there, not here."]
    lines += [f"export const {name} = {json.dumps(value)};" for name, value in for_scripts().items()]
    lines.append(f"export const siteRoot = new URL({json.dumps(site_root_from_module)}, import.meta.url).href;")
    return "\n".join(lines) + "\n"


def script_constants() -> str:
    """`const CONTRACTS = {…};` for a script that cannot import contracts.js."""
    return f"const CONTRACTS = {json.dumps(for_scripts())};"


def for_templates() -> dict[str, str]:
    """The values the templates read as `contracts.<NAME>`."""
    return {**for_scripts(), "HOST_SCRIPT": HOST_SCRIPT}


def template_globals() -> dict[str, Any]:
    """The `contracts` template global: `for_templates`, and `contracts.quiz_anchor(id)`."""
    return {"contracts": {**for_templates(), "quiz_anchor": quiz_anchor}}
