"""The build's caches: one folder per project, every entry checked before it is used.

A cache lives in the project itself, `<project>/.build-cache/<kind>/` (git-ignored, removed by
`make clean`), so two checkouts never share one and a deleted checkout leaves nothing behind.
Each entry is a folder named by the digest of everything it was made from, holding its files
and `entry.json`: every file's sha256 and size, and what else the kind keeps. An entry is used
only when every file still matches; one that does not (truncated, edited, half-copied) is
removed and built again, and the build log says so. Only the newest entries of a kind are kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = ".build-cache"  # in the project's root; .gitignore lists it
RECORD = "entry.json"
KEEP = 3  # entries per kind: the current one and a couple to switch back to (a reverted edit)
STAGING_PREFIX = ".staging-"
STALE_STAGING_S = 3600  # a staging folder this old was left by a build that died

log = logging.getLogger("mkdocs.plugins.sitegen.cache")


@dataclass(frozen=True)
class Entry:
    """A verified entry: its folder, and what its kind recorded besides the files."""

    folder: Path
    data: dict[str, Any]

    def file(self, name: str) -> Path:
        return self.folder / name

    def sha256(self, name: str) -> str:
        """The file's sha256, as recorded and just checked."""
        return str(self.data["files"][name]["sha256"])


@dataclass(frozen=True)
class Cache:
    """The entries of one kind (the quiz wheel, the site stdlib) in one folder."""

    folder: Path
    kind: str  # for the build log: "quiz wheel", "site stdlib"
    keep: int = KEEP

    def load(self, key: str) -> Entry | None:
        """The entry for `key` if it is there and intact; None (and nothing left) otherwise."""
        folder = self.folder / key
        if not folder.exists():
            return None
        record, damage = _verify(folder)
        if damage:
            log.info("The cached %s %s is damaged (%s): building it again.", self.kind, key, damage)
            shutil.rmtree(folder, ignore_errors=True)
            return None
        os.utime(folder)  # used now: the newest are kept
        return Entry(folder, record)

    def store(self, key: str, files: list[Path], data: dict[str, Any] | None = None) -> Entry:
        """Move `files` into a new entry for `key`, record their digests, prune old entries.

        Built in a staging folder and renamed into place: builds running at once (test
        workers) never see half an entry. If another build stored the same key first, that
        entry is used.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.folder))
        try:
            for path in files:
                shutil.move(str(path), staging / path.name)
            described = {path.name: _describe(staging / path.name) for path in files}
            record = {**(data or {}), "files": described}
            (staging / RECORD).write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
            try:
                staging.rename(self.folder / key)
            except OSError:  # already there: stored meanwhile by another build
                pass
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.prune()
        entry = self.load(key)
        if entry is None:
            raise RuntimeError(f"the {self.kind} just stored in {self.folder / key} does not verify")
        return entry

    def prune(self) -> None:
        """Keep the `keep` most recently used entries, and no staging folder a dead build left."""
        entries, now = [], time.time()
        for path in self.folder.iterdir():
            if path.name.startswith(STAGING_PREFIX):
                if now - path.stat().st_mtime > STALE_STAGING_S:
                    shutil.rmtree(path, ignore_errors=True)
            elif path.is_dir():
                entries.append(path)
        entries.sort(key=lambda path: path.stat().st_mtime, reverse=True)
        for path in entries[self.keep:]:
            shutil.rmtree(path, ignore_errors=True)


def project_cache(project: Path, kind: str, name: str) -> Cache:
    """The cache of one kind for this project: `<project>/.build-cache/<name>/`."""
    return Cache(project / FOLDER / name, kind)


def _describe(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _verify(folder: Path) -> tuple[dict[str, Any], str | None]:
    """The entry's record, and what is wrong with the entry (None when every file matches)."""
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        files = record["files"]
        if not isinstance(files, dict) or not all(isinstance(value, dict) for value in files.values()):
            raise TypeError(files)
    except (OSError, ValueError, KeyError, TypeError):
        return {}, f"{RECORD} is missing or unreadable"
    for name, expected in files.items():
        path = folder / name
        if not path.is_file():
            return record, f"{name} is missing"
        actual = _describe(path)
        if actual != expected:
            return record, (f"{name} has {actual['size']} bytes with sha256 {actual['sha256'][:12]}…, "
                            f"not the {expected.get('size')} bytes with sha256 {str(expected.get('sha256'))[:12]}… "
                            "it was stored with")
    return record, None
