"""The pip locks: requirements*.txt (written by `make lock`) hold exactly the pins of
requirements*.in, each with the sha256 of its files, and the venv holds what the lock says."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ["requirements.txt", "requirements-test.txt", "requirements-properdocs.txt"]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)
_HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def pins_in(source: Path) -> dict[str, str]:
    """Name → version of every `name==version` in a requirements file and the files it includes."""
    text = source.read_text(encoding="utf-8")
    pins = {canonicalize_name(name): version for name, version in _PIN.findall(text)}
    for included in re.findall(r"^-r\s+(\S+)", text, re.MULTILINE):
        pins |= pins_in(source.parent / included)
    return pins


def lock_entries(lock: Path) -> dict[str, str]:
    """Each requirement of a lock, joined across its continuation lines."""
    entries = lock.read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
    return {canonicalize_name(match.group(1)): line for line in entries if (match := _PIN.match(line))}


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_holds_exactly_the_hand_written_pins(lock: str) -> None:
    wanted = pins_in(ROOT / lock.replace(".txt", ".in"))
    locked = {name: _PIN.match(line).group(2) for name, line in lock_entries(ROOT / lock).items()}
    assert locked == wanted, f"{lock} is out of date with its .in (or a dependency is unpinned): run `make lock`"


@pytest.mark.parametrize("lock", LOCKS)
def test_every_locked_package_carries_its_files_hashes(lock: str) -> None:
    unhashed = [name for name, line in lock_entries(ROOT / lock).items() if not _HASH.search(line)]
    assert not unhashed, f"{lock}: no --hash for {unhashed}; run `make lock`"


def test_the_venv_holds_what_the_test_lock_says() -> None:
    locked = {name: _PIN.match(line).group(2) for name, line in lock_entries(ROOT / "requirements-test.txt").items()}
    installed = {canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}
    different = {name: (version, installed.get(name)) for name, version in locked.items() if installed.get(name) != version}
    assert not different, f"locked vs installed: {different}"
