"""The project's root, and a copy of what a build reads, for a test or the bench to change."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_FILES = ("mkdocs.yml", "hooks.py", "pyproject.toml", "package.json", "package-lock.json")
BUILD_FOLDERS = ("overrides", "quizzes", "sitegen")


def copy_project(destination: Path, *, docs: bool = True) -> Path:
    """Copy the sources a build needs into destination, so they may be broken or varied safely.

    node_modules (the Pyodide runtime) is linked, not copied: a build only reads it. Without
    `docs`, the caller writes its own docs/.
    """
    destination.mkdir(parents=True, exist_ok=True)
    for name in BUILD_FILES:
        shutil.copy2(ROOT / name, destination / name)
    for name in (*BUILD_FOLDERS, *(("docs",) if docs else ())):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    if (ROOT / "node_modules").exists():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination
