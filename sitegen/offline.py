"""Reading offline: the service worker at the root of the site, or the one that removes it.

With `extra.offline` on, a built site serves the keeping worker at `contracts.SERVICE_WORKER`
(its source in `overrides/assets/offline/` bears that name), and every page loads
`register.js` (from the site-wide folder, sitegen/site_assets.py), which registers it only
once the reader presses the privacy page's button (the `{{ offline.choice }}` marker,
rendered in sitegen/markers.py only with `offline` on): the registration is the remembered
choice. With `extra.offline: false`, and always under `mkdocs serve`, the same address serves
the removing worker (`remove-service-worker.js`), which deletes the site's caches and
unregisters itself; no page registers one, and every page loads `release.js`, which lets a
worker kept from before go at once, with its caches (the browser's own check of the worker's
address may come later): a browser that kept the guide lets it go on its next visit.

The worker's caches are named by this build (`version`), so a new build's worker deletes the
old build's caches when it takes over. Both workers are classic scripts, which cannot import
contracts.js: the build writes `CONTRACTS` (the cache names' prefix) above each.
"""

from __future__ import annotations

import hashlib
import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sitegen.contracts import SERVICE_WORKER, script_constants
from sitegen.errors import InternalError
from sitegen.quiz import QuizBuild
from sitegen.site_assets import HashedFolder

SOURCE_FOLDER = "assets/offline"  # in overrides/: the two workers' sources, either served at SERVICE_WORKER
KEEPING = SERVICE_WORKER  # the keeping worker's source is named as the address it is served at
REMOVING = "remove-service-worker.js"  # served at that address instead when nothing may be kept


def registers(offline: bool, serving: bool) -> bool:
    """Whether pages offer (and, once chosen, keep) the service worker: offline on, and a build,
    not `mkdocs serve`."""
    return offline and not serving


def add_service_worker(files: Files, config: MkDocsConfig, quiz: QuizBuild, site_assets: HashedFolder, *,
                       keeping: bool) -> None:
    """Serve the keeping or the removing worker at the site's root; drop both sources."""
    sources = {name: files.get_file_from_path(f"{SOURCE_FOLDER}/{name}") for name in (KEEPING, REMOVING)}
    for file in sources.values():
        if file is not None:
            files.remove(file)
    chosen = sources[KEEPING if keeping else REMOVING]
    if chosen is None:
        raise InternalError(f"overrides/{SOURCE_FOLDER}/ lacks its service worker sources")
    text = chosen.content_string
    if keeping:
        text = f"const BUILD = {json.dumps(_build_facts(files, quiz, site_assets, text))};\n\n{text}"
    text = f"{script_constants()}\n{text}"
    files.append(File.generated(config, SERVICE_WORKER, content=text))


def _build_facts(files: Files, quiz: QuizBuild, site_assets: HashedFolder, source: str) -> dict[str, str]:
    """What the keeping worker needs to know of this build (see service-worker.js)."""
    assets = sorted(file.dest_uri for file in files if file.dest_uri.startswith("assets/"))
    version = hashlib.sha256("\n".join([source, *assets]).encode()).hexdigest()[:12]
    stdlib = quiz.stdlib.sha256[:12]
    return {
        "version": version,
        "runtime": quiz.runtime.site_path,
        "runtimeKey": f"{quiz.runtime.version}-{stdlib}",
        "bundle": quiz.bundle.path,
        "siteAssets": site_assets.path,
    }
