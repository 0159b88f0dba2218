"""A problem the author checks found, printed as ``file:line: message``.

Its own small module because the checker and every kind of quiz report problems, and the
kinds must not import the checker (it imports them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One problem, printed as `file:line: message`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{shown(self.file)}:{self.line}: {self.message}"


def problem_at(defined: Any, message: str) -> Problem:
    """A problem at the file and line where a quiz module created `defined` (an item, a quiz…)."""
    return Problem(defined.file, defined.line, message)


def shown(path: str) -> str:
    """Paths under the current directory are shown relative to it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative
