"""The self-hosted Pyodide runtime: found in node_modules (npm, pinned), copied into the site."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import BuildInputError

# The core runtime only: no console pages, source maps or type declarations.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")


@dataclass(frozen=True)
class Runtime:
    """The vendored Pyodide package and where its files go in the built site."""

    package_dir: Path
    version: str

    @property
    def site_path(self) -> str:
        """Folder of the runtime inside the site; versioned, so caches never mix releases."""
        return f"assets/pyodide/{self.version}"

    def lockfile(self) -> dict[str, object]:
        return json.loads((self.package_dir / "pyodide-lock.json").read_text(encoding="utf-8"))


def find_runtime(project: Path) -> Runtime:
    """The pinned `pyodide` npm package, or an error that names the make target to run."""
    package_dir = project / "node_modules" / "pyodide"
    missing = [name for name in (*CORE_FILES, "pyodide-lock.json", "package.json")
               if not (package_dir / name).is_file()]
    if missing:
        raise BuildInputError(
            "package.json",
            f"the Pyodide runtime is missing from node_modules/pyodide ({', '.join(missing)})",
            "run `make install` (it runs `npm ci` for the pinned version)",
        )
    version = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))["version"]
    return Runtime(package_dir=package_dir, version=version)
