"""The site-wide scripts and styles, in a content-hashed folder of their own.

`assets/site/<hash>/` holds what every page or every embed page loads and that has nothing to
do with quizzes: Quick exit, offline reading's page script (register.js, or release.js with
offline reading off), the embed frame's script and stylesheet, and the generated
`contracts.js` they import (sitegen/contracts.py). Its name changes only when one of these
files does, so editing a quiz, which renames the quiz bundle's folder, leaves the address of
quick-exit.js alone and a reader's browser keeps its copy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sitegen.contracts import script_module

SOURCE_FOLDER = "assets/site"  # in overrides/: the sources, never served as they are
SITE_ROOT_FROM_FOLDER = "../../../"  # from assets/<kind>/<hash>/ up to the site's root
SOURCES = ("quick-exit.js", "register.js", "release.js", "offline-copy.js", "embed-frame.js", "embed.css")


@dataclass(frozen=True)
class HashedFolder:
    """A site folder named by its files' content (e.g. `assets/site/3f2a…`) and its files by name."""

    path: str
    files: dict[str, bytes]


def hashed_folder(prefix: str, files: dict[str, bytes]) -> HashedFolder:
    """`files` under `<prefix>/<12 hex>`, the hex digesting every file's name and content."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return HashedFolder(path=f"{prefix}/{digest.hexdigest()[:12]}", files=files)


def make_site_assets(overrides: Path) -> HashedFolder:
    """The site-wide sources and contracts.js, in their hashed folder."""
    files = {name: (overrides / SOURCE_FOLDER / name).read_bytes() for name in SOURCES}
    files["contracts.js"] = script_module(SITE_ROOT_FROM_FOLDER).encode()
    return hashed_folder(SOURCE_FOLDER, files)


def add_site_assets(files: Files, assets: HashedFolder, config: MkDocsConfig) -> None:
    """Serve the hashed folder; drop its unhashed sources."""
    for file in [file for file in files if file.src_uri.startswith(f"{SOURCE_FOLDER}/")]:
        files.remove(file)
    for name, content in assets.files.items():
        files.append(File.generated(config, f"{assets.path}/{name}", content=content))
