"""`make lint`'s budget of silenced findings: at most five `type: ignore`, `noqa` or
`eslint-disable` comments in the project's own code, each saying why on its line or the one above."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

SILENCERS = re.compile(r"#\s*(type:\s*ignore|noqa)\b|eslint-disable")
BUDGET = 5


def silenced_lines() -> list[tuple[str, int, str, str]]:
    """(file, line number, the line, the line above) of every silencing comment in tracked code."""
    listed = subprocess.run(["git", "ls-files", "*.py", "*.js", "*.mjs"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    found = []
    for name in listed:
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if SILENCERS.search(line) and name != "tests/platform/test_lint.py":
                found.append((name, number, line, lines[number - 2] if number > 1 else ""))
    return found


def says_why(line: str, above: str) -> bool:
    """A reason: prose after the silencer on its line, or a comment line right above it."""
    after = SILENCERS.split(line)[-1]
    return bool(re.search(r"[A-Za-z]{3,}.*[A-Za-z]{3,}", after.split("]", 1)[-1])) or above.strip().startswith(
        ("#", "//"))


def test_at_most_five_findings_are_silenced() -> None:
    found = silenced_lines()
    assert len(found) <= BUDGET, "\n".join(f"{name}:{number}: {line.strip()}" for name, number, line, _ in found)


def test_every_silenced_finding_says_why() -> None:
    silent = [f"{name}:{number}" for name, number, line, above in silenced_lines() if not says_why(line, above)]
    assert silent == []
