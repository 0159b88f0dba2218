"""Figures (samples, median, min–max, goal), the printed table and bench/results.json."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Figure:
    """One measured figure: its samples (one per run) and, if any, the goal its median must meet.

    `failure` says why the figure failed outright whatever its numbers (a check that did not
    hold, such as a page that did not open offline); the samples of the runs that did work
    may still be there.
    """

    group: str
    name: str
    unit: str
    samples: list[float] = field(default_factory=list)
    limit: float | None = None  # goal: median <= limit
    note: str = ""
    failure: str | None = None

    @property
    def available(self) -> bool:
        return bool(self.samples)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def low(self) -> float | None:
        return min(self.samples) if self.samples else None

    @property
    def high(self) -> float | None:
        return max(self.samples) if self.samples else None

    @property
    def met(self) -> bool | None:
        """Whether the median meets the goal; False for a failed figure; None when there is
        no goal or no sample."""
        if self.failure is not None:
            return False
        if self.limit is None or self.median is None:
            return None
        return self.median <= self.limit

    def to_dict(self) -> dict:
        return {"group": self.group, "name": self.name, "unit": self.unit, "runs": len(self.samples),
                "median": self.median, "min": self.low, "max": self.high, "samples": self.samples,
                "goal": None if self.limit is None else f"<= {self.limit:g} {self.unit}",
                "met": self.met, "failure": self.failure, "note": self.note}


def unavailable(group: str, name: str, unit: str, reason: str, limit: float | None = None) -> Figure:
    """A figure that could not be measured: no number, and the reason in its note."""
    return Figure(group, name, unit, [], limit, f"not available: {reason}")


def ratios(numerators: list[float], denominators: list[float]) -> list[float]:
    """Per-run ratios of two figures measured side by side (run i of one over run i of the other)."""
    return [top / bottom for top, bottom in zip(numerators, denominators, strict=True)]


def decimals(values: list[float]) -> int:
    """One precision for a figure's median, min and max: fewer digits for larger numbers."""
    if not values or all(value == int(value) for value in values):
        return 0
    middle = abs(statistics.median(values))
    return 0 if middle >= 100 else 1 if middle >= 10 else 2


def fmt(value: float | None, unit: str, digits: int | None = None) -> str:
    """A value with its unit; ratios always get two decimals."""
    if value is None:
        return "–"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:,.{decimals([value]) if digits is None else digits}f} {unit}"


def verdict(figure: Figure) -> str:
    """The goal column: the goal and whether its median meets it; FAILED for a failed figure."""
    if figure.limit is None:
        return "FAILED" if figure.failure is not None else ""
    judged = "FAILED" if figure.failure is not None else {True: "met", False: "MISSED", None: "?"}[figure.met]
    return f"≤ {fmt(figure.limit, figure.unit)}: {judged}"


def table_rows(figures: list[Figure]) -> list[list[str]]:
    """Header and one row per figure: group, figure, median, min–max, runs, goal, note."""
    rows = [["group", "figure", "median", "min–max", "runs", "goal", "note"]]
    for figure in figures:
        digits = decimals(figure.samples)
        spread = (f"{fmt(figure.low, figure.unit, digits)} – {fmt(figure.high, figure.unit, digits)}"
                  if figure.available else "–")
        note = "; ".join(filter(None, [f"FAILED: {figure.failure}" if figure.failure else "", figure.note]))
        rows.append([figure.group, figure.name, fmt(figure.median, figure.unit, digits), spread,
                     str(len(figure.samples)), verdict(figure), note])
    return rows


def format_table(figures: list[Figure]) -> str:
    """A Markdown table (pipes aligned), readable in a terminal and pasteable in the README."""
    rows = table_rows(figures)
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(rows[0]), separator, *(line(row) for row in rows[1:])])


def write_json(path: Path, figures: list[Figure], meta: dict) -> None:
    """bench/results.json: the machine and date, then every figure with its samples."""
    path.write_text(json.dumps({**meta, "figures": [figure.to_dict() for figure in figures]}, indent=1,
                               ensure_ascii=False) + "\n", encoding="utf-8")
