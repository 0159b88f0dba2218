"""What the browser needs for quizzes: the runtime, the quiz wheel, its lockfile and the widget.

One job per module: runtime (the pinned Pyodide from npm), wheel (`quizzes/` as a wheel),
lockfile (the pyodide-lock.json that pins the wheel), stdlib (the precompiled standard library
the quizzes need, proven under Node), and here the content-hashed folder.

The files the browser needs for quizzes sit under one content-hashed folder of the site.

`assets/quiz/<hash>/` holds the widget's scripts and styles, the quiz wheel and the
lockfile that pins its sha256. Any change to any of them gives a new folder name, so a
browser cache can never mix old and new quiz code. The Pyodide runtime sits apart, in a
folder named by its version, and is downloaded once per release.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sitegen.bundle.lockfile import site_lockfile
from sitegen.bundle.runtime import CORE_FILES, Runtime
from sitegen.bundle.stdlib import SiteStdlib
from sitegen.bundle.wheel import Wheel
from sitegen.site_assets import SITE_ROOT_FROM_FOLDER, HashedFolder, hashed_folder

SOURCE_FOLDER = "assets/quiz"  # in overrides/: the widget's sources, never served as they are
SITE_ROOT_FROM_BUNDLE = SITE_ROOT_FROM_FOLDER  # from assets/quiz/<hash>/ up to the site's root
SOURCES = ("widget.js", "render.js", "worker.js", "quiz.css")


def make_bundle(overrides: Path, runtime: Runtime, wheel: Wheel, stdlib: SiteStdlib,
                strings: dict[str, object]) -> HashedFolder:
    """Collect the widget's files, the generated modules, the wheel and the lockfile."""
    sources = overrides / SOURCE_FOLDER
    files = {name: (sources / name).read_bytes() for name in SOURCES}
    files["strings.js"] = f"export default {json.dumps(strings, ensure_ascii=False, indent=1)};\n".encode()
    files["pyodide-lock.json"] = site_lockfile(runtime, wheel).encode()
    files[wheel.file_name] = wheel.path.read_bytes()
    files["paths.js"] = _paths_module(runtime, stdlib, files["pyodide-lock.json"], wheel)
    return hashed_folder(SOURCE_FOLDER, files)


def _paths_module(runtime: Runtime, stdlib: SiteStdlib, lockfile: bytes, wheel: Wheel) -> bytes:
    """paths.js: where the worker finds the runtime, and what it downloads at start with each
    size and sha256.

    The sizes are the files' own, before any compression by the host; the worker checks every
    file it downloads against its sha256 before Pyodide uses it (worker.js).
    """
    runtime_url = f"{SITE_ROOT_FROM_BUNDLE}{runtime.site_path}/"
    runtime_digests = runtime.digests()
    files = {runtime_url + name: (runtime.package_dir / name, runtime_digests[name]) for name in CORE_FILES}
    files[runtime_url + stdlib.file_name] = (stdlib.path, stdlib.sha256)
    files[f"./{wheel.file_name}"] = (wheel.path, wheel.sha256)
    sizes = {url: path.stat().st_size for url, (path, _) in files.items()}
    digests = {url: sha256 for url, (_, sha256) in files.items()}
    sizes["./pyodide-lock.json"] = len(lockfile)
    digests["./pyodide-lock.json"] = hashlib.sha256(lockfile).hexdigest()
    return (
        "// The site's root, whatever address and folder it is published at: the page's own idea of\n"
        "// it (Material's config) stays that of the first page after instant navigation.\n"
        f'export const siteRoot = new URL("{SITE_ROOT_FROM_BUNDLE}", import.meta.url).href;\n'
        f'export const runtimeURL = new URL("{runtime_url}", import.meta.url).href;\n'
        f'export const stdLibURL = new URL("{runtime_url}{stdlib.file_name}", import.meta.url).href;\n'
        'export const lockFileURL = new URL("./pyodide-lock.json", import.meta.url).href;\n'
        f"export const runtimeDigests = {json.dumps(digests, indent=1)};\n"
        f"export const runtimeFiles = {json.dumps(sizes, indent=1)};\n"
    ).encode()
