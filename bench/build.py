"""Figure group 1, build: this site vs plain Material, and a synthetic site of 20/100/200 pages."""

from __future__ import annotations

import tempfile
from pathlib import Path
from statistics import median

from bench.report import Figure
from bench.sites import plain_project, synthetic_project
from devkit.build import run_mkdocs_build
from devkit.project import ROOT

GROUP = "Build"
SIZES = (20, 100, 200)
FENCES_PER_PAGE = 50 / 200  # the 200-page site has 50 quiz fences; smaller ones keep the density


def measure(runs: int, site_url: str) -> list[Figure]:
    """Builds run in subprocesses, interleaved run by run, after one untimed warm-up each."""
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        plain = plain_project(work / "plain")
        projects: dict[str | int, Path] = {"site": ROOT, "plain": plain}
        for size in SIZES:
            projects[size] = synthetic_project(work / f"synthetic-{size}", size, round(size * FENCES_PER_PAGE))
        times: dict[str | int, list[float]] = {key: [] for key in projects}
        for key, project in projects.items():  # warm-up: quiz wheel cache, file cache, bytecode
            timed_build(project, work / f"out-{key}", site_url)
        for _ in range(runs):
            for key, project in projects.items():
                times[key].append(timed_build(project, work / f"out-{key}", site_url))
        pages = {key: len(list((work / f"out-{key}").rglob("*.html"))) for key in ("site", "plain")}
    ratios = [site / plain for site, plain in zip(times["site"], times["plain"], strict=True)]
    figures = [
        Figure(GROUP, "mkdocs build, this site", "s", times["site"], note=f"{pages['site']} HTML files written"),
        Figure(GROUP, "mkdocs build, plain Material (same docs/, none of the build hooks)", "s", times["plain"],
               note=f"{pages['plain']} HTML files written"),
        Figure(GROUP, "this site / plain Material", "×", ratios, limit=1.3, note="per-run ratio"),
    ]
    for size in SIZES:
        per_page = [seconds * 1000 / size for seconds in times[size]]
        figures.append(Figure(GROUP, f"synthetic {size} pages, {round(size * FENCES_PER_PAGE)} quiz fences: "
                                     "time per page", "ms", per_page,
                              note=f"whole build {median(times[size]):.2f} s"))
    slopes, intercepts = zip(*(_fit(SIZES, [times[size][run] for size in SIZES]) for run in range(runs)), strict=True)
    figures.append(Figure(GROUP, "synthetic: cost of one more page (least-squares slope, 20–200)", "ms",
                          [slope * 1000 for slope in slopes],
                          note=f"fixed cost {median(list(intercepts)):.2f} s; {_linearity(times)}"))
    return figures


def timed_build(project: Path, site_dir: Path, site_url: str) -> float:
    """Wall time of `mkdocs build --quiet` in a subprocess; BuildError if it fails.

    Not strict: plain Material builds the same pages without the hooks, and the figure is
    about time, not warnings.
    """
    return run_mkdocs_build(project, site_dir, site_url, strict=False, quiet=True).check().seconds


def _fit(xs: tuple[int, ...], ys: list[float]) -> tuple[float, float]:
    """Least-squares line y = a + b·x; returns (b, a)."""
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
             / sum((x - mean_x) ** 2 for x in xs))
    return slope, mean_y - slope * mean_x


def _linearity(times: dict[str | int, list[float]]) -> str:
    """How far the medians stray from their straight line, as a share of the 200-page build."""
    medians = [median(times[size]) for size in SIZES]
    slope, intercept = _fit(SIZES, medians)
    worst = max(abs(intercept + slope * size - value) for size, value in zip(SIZES, medians, strict=True))
    return f"medians within {worst / medians[-1]:.0%} of the line"
