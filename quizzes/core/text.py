"""Small wording helpers shared by messages, results and scoring keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def item_name(item: Any, capital: bool = False) -> str:
    """How sentences name an item: `item 7 ("I often ask my partner if we are okay.")`, or
    `question 2 ("…")` for an item whose `noun` is "question"."""
    noun = getattr(item, "noun", "item")
    return f'{noun.capitalize() if capital else noun} {item.number} ("{item.text}")'


def plural(count: int, noun: str, nouns: str = "") -> str:
    """`1 item`, `2 items`; irregular plurals are given: plural(2, "quiz", "quizzes")."""
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def number(value: float) -> str:
    """4.0 → "4", 3.5 → "3.5", 4.2222 → "4.22"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def numbers(values: Iterable[int]) -> str:
    """[1, 3, 5] → "1, 3, 5"."""
    return ", ".join(str(value) for value in values)


def joined(parts: list[str]) -> str:
    """["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
