"""The self-hosted Pyodide runtime: found in node_modules (npm, pinned), copied into the site."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sitegen.errors import BuildInputError

# The core runtime only: no console pages, source maps or type declarations. The site serves
# its own standard library instead of npm's (see stdlib.py), built from this one.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STOCK_STDLIB = "python_stdlib.zip"


@dataclass(frozen=True)
class Runtime:
    """The vendored Pyodide package and where its files go in the built site."""

    package_dir: Path
    version: str

    @property
    def site_path(self) -> str:
        """Folder of the runtime inside the site; versioned, so caches never mix releases."""
        return f"assets/pyodide/{self.version}"

    def lockfile(self) -> dict[str, Any]:
        return _read_json(self.package_dir / "pyodide-lock.json")

    def digests(self) -> dict[str, str]:
        """The sha256 of each file the build reads or serves of the runtime, by file name."""
        return dict(self._digests)

    @cached_property
    def _digests(self) -> dict[str, str]:
        # Read once per build: about 12 MB, in some 30 ms.
        names = (*CORE_FILES, STOCK_STDLIB, "pyodide-lock.json")
        return {name: hashlib.sha256((self.package_dir / name).read_bytes()).hexdigest() for name in names}


def find_runtime(project: Path) -> Runtime:
    """The pinned `pyodide` npm package, or an error that names the make target to run."""
    package_dir = project / "node_modules" / "pyodide"
    missing = [name for name in (*CORE_FILES, STOCK_STDLIB, "pyodide-lock.json", "package.json")
               if not (package_dir / name).is_file()]
    if missing:
        raise BuildInputError(
            "package.json",
            f"the Pyodide runtime is missing from node_modules/pyodide ({', '.join(missing)})",
            "run `make install` (it runs `npm ci` for the pinned version)",
        )
    runtime = Runtime(package_dir=package_dir, version=_read_json(package_dir / "package.json")["version"])
    _check_pinned(project, runtime)
    return runtime


def _check_pinned(project: Path, runtime: Runtime) -> None:
    """Stop when the installed runtime is not the one the project pins.

    npm's `package-lock.json` pins it; a node_modules left from another checkout would
    otherwise build the site with, and prove the quizzes against, some other Pyodide.
    """
    lockfile = project / "package-lock.json"
    if not lockfile.is_file():
        raise BuildInputError("package-lock.json", "the file is missing, so the pinned runtime is unknown",
                              "restore package-lock.json from the repository, then run `make install`")
    locked = _read_json(lockfile).get("packages", {}).get("node_modules/pyodide", {})
    pins: dict[str, str | None] = {"package-lock.json": locked.get("version")}
    # Pyodide 314's own lockfile has no info.version; one that has it must agree.
    runtime_info = runtime.lockfile()["info"]
    pins["node_modules/pyodide/pyodide-lock.json"] = runtime_info.get("version", runtime.version)
    for where, pinned in pins.items():
        if pinned != runtime.version:
            raise BuildInputError(
                "package-lock.json",
                f"node_modules/pyodide is version {runtime.version}, but {where} pins {pinned}",
                "run `make install` (npm ci installs the pinned runtime)",
            )


def _read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
