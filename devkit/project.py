"""The project's root, and a copy of what a build reads, for a test or the bench to change."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitegen.bundle.cache import FOLDER as CACHE_FOLDER
from sitegen.bundle.cache import STAGING_PREFIX

ROOT = Path(__file__).resolve().parents[1]
BUILD_FILES = ("mkdocs.yml", "hooks.py", "pyproject.toml", "package.json", "package-lock.json")
BUILD_FOLDERS = ("overrides", "quizzes", "sitegen")


def copy_project(destination: Path, *, docs: bool = True, cache: bool = True) -> Path:
    """Copy the sources a build needs into destination, so they may be broken or varied safely.

    node_modules (the Pyodide runtime) is linked, not copied: a build only reads it. Without
    `docs`, the caller writes its own docs/. With `cache`, the project's build cache is copied
    too, so the copy's build reuses the wheel and site stdlib the entries still fit (every entry
    is verified before use, so a copy caught half-written is only rebuilt).
    """
    destination.mkdir(parents=True, exist_ok=True)
    for name in BUILD_FILES:
        shutil.copy2(ROOT / name, destination / name)
    for name in (*BUILD_FOLDERS, *(("docs",) if docs else ())):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    if cache and (ROOT / CACHE_FOLDER).is_dir():
        _copy_cache(ROOT / CACHE_FOLDER, destination / CACHE_FOLDER)
    if (ROOT / "node_modules").exists():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def _copy_cache(source: Path, destination: Path) -> None:
    """Copy what a build running meanwhile (the test session's) does not remove under our feet."""
    try:
        shutil.copytree(source, destination, ignore=shutil.ignore_patterns(STAGING_PREFIX + "*"), dirs_exist_ok=True)
    except (shutil.Error, FileNotFoundError):
        pass  # an entry pruned while copied: whatever half of it came is found damaged and rebuilt
