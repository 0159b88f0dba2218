"""The bench's table and results.json (the measuring itself runs with `make bench`, not here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.report import Figure, format_table, ratios, unavailable, write_json


def test_a_figure_gives_median_min_max_and_judges_its_goal_on_the_median() -> None:
    figure = Figure("Reader's wait", "warm result", "ms", [120.0, 40.0, 60.0, 80.0, 95.0], limit=100)
    assert (figure.median, figure.low, figure.high, figure.met) == (80.0, 40.0, 120.0, True)
    assert Figure("g", "n", "ms", [101.0], limit=100).met is False
    assert Figure("g", "n", "ms", [1.0]).met is None


def test_the_table_aligns_its_columns_and_shows_missing_figures_without_a_number() -> None:
    figures = [Figure("Build", "this site / plain Material", "×", [1.2, 1.25, 1.4], limit=1.3),
               unavailable("PDF", "PDF export", "s", "sitegen.pdf missing")]
    lines = format_table(figures).splitlines()
    assert len({len(line) for line in lines}) == 1
    assert "1.25×" in lines[2] and "1.20× – 1.40×" in lines[2] and "≤ 1.30×: met" in lines[2]
    assert "not available: sitegen.pdf missing" in lines[3] and "| –" in lines[3]


def test_results_json_has_median_min_max_per_figure(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_json(path, [Figure("Weight", "home page", "kB", [3.0, 1.0, 2.0])], {"date": "2026-01-01"})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["date"] == "2026-01-01"
    assert {key: data["figures"][0][key] for key in ("median", "min", "max", "runs")} == {
        "median": 2.0, "min": 1.0, "max": 3.0, "runs": 3}


def test_a_failed_figure_says_so_in_the_goal_column_whatever_its_median() -> None:
    figures = [Figure("Reader's wait", "offline second visit", "ms", [900.0], limit=1000, failure="page not cached"),
               Figure("Reader's wait", "offline, no goal", "ms", [], failure="quiz ended in error")]
    lines = format_table(figures).splitlines()
    assert "≤ 1,000 ms: FAILED" in lines[2] and "FAILED: page not cached" in lines[2]
    assert "| FAILED " in lines[3] and "FAILED: quiz ended in error" in lines[3]
    assert [figure.met for figure in figures] == [False, False]
    assert figures[0].to_dict()["failure"] == "page not cached"


def test_ratios_pair_runs_one_to_one() -> None:
    assert ratios([2.0, 3.0], [4.0, 6.0]) == [0.5, 0.5]
    with pytest.raises(ValueError):
        ratios([1.0], [1.0, 2.0])
