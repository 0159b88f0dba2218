"""`make bench`: measure build, PDF, reader's wait (online, slow 4G, offline), weight and main
thread; print a table and write bench/results.json.
Usage: python -m bench [--runs N] [--slow-runs N] [--only GROUP ...]"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench import browser as reader
from bench import build, offline, pdf, weight
from bench.report import Figure, format_table, unavailable, write_json
from bench.throttle import BenchServer
from devkit.browser import launch_chromium
from devkit.build import BuildError, run_mkdocs_build
from devkit.project import ROOT

RESULTS = ROOT / "bench" / "results.json"
GROUPS = ("build", "pdf", "browser", "offline", "weight")
TABLE_ORDER = ("Build", "PDF", "Reader's wait", "Weight", "Main thread")


def guarded(group: str, measure: Callable[[], list[Figure]], part: str = "(whole group)") -> list[Figure]:
    """Run one group (or part of one); if it breaks, report a row saying why and go on with the others."""
    print(f"bench: {group} {part} …", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        figures = measure()
    except Exception as error:  # any error: one broken group must not hide the others
        traceback.print_exc()
        figures = [unavailable(group, part, "", f"{type(error).__name__}: {error}")]
    print(f"bench: {group} done in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return figures


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    pyodide = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "pyodide": pyodide}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--slow-runs", type=int, default=3, help="runs on slow 4G (default 3)")
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS), help="groups to run")
    args = parser.parse_args(argv)
    start, load_at_start = time.perf_counter(), os.getloadavg()[0]
    meta: dict = {"date": datetime.datetime.now(datetime.UTC).date().isoformat(), "machine": machine(),
                  "runs": args.runs, "slow_runs": args.slow_runs, "load_average_at_start": load_at_start}
    if load_at_start > 0.5 * (os.cpu_count() or 1):
        print(f"bench: warning: load average {load_at_start:.1f}: other work is running, "
              "so the timings will be noisy", file=sys.stderr)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site_dir = Path(tmp) / "site"
        site_dir.mkdir()
        server = BenchServer(site_dir)
        try:
            if "build" in args.only:
                figures += guarded("Build", lambda: build.measure(args.runs, server.url))
            # The site the PDF and browser figures use.
            run_mkdocs_build(ROOT, site_dir, server.url, strict=False, quiet=True).check()
            if "pdf" in args.only:
                figures += guarded("PDF", lambda: pdf.measure(site_dir, args.runs))
            reader.write_bare_pages(site_dir)
            if {"browser", "offline", "weight"} & set(args.only):
                figures += browser_groups(server, args, meta)
        except BuildError as error:
            print(f"bench: {error}", file=sys.stderr)
            figures.append(unavailable("PDF", "(PDF, browser and weight groups)", "", str(error)))
        finally:
            server.close()
    meta["wall_time_s"] = round(time.perf_counter() - start, 1)
    meta["load_average_at_end"] = os.getloadavg()[0]
    figures.sort(key=lambda figure: TABLE_ORDER.index(figure.group) if figure.group in TABLE_ORDER else 0)
    print(format_table(figures))
    print(f"\n{meta['machine']['cores']} cores, {meta['machine']['cpu']}, {meta['date']}; "
          f"load average {load_at_start:.1f} at start, {meta['load_average_at_end']:.1f} at end; "
          f"wall time {meta['wall_time_s']:.0f} s; written to {RESULTS.relative_to(ROOT)}")
    write_json(RESULTS, figures, meta)
    return 0


def browser_groups(server: BenchServer, args: argparse.Namespace, meta: dict) -> list[Figure]:
    """The browser figures, all from one Chromium."""
    from playwright.sync_api import sync_playwright

    figures: list[Figure] = []
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        meta["machine"]["chromium"] = chromium.version
        try:
            if "browser" in args.only:
                figures += guarded("Reader's wait", lambda: reader.measure(chromium, server, args.runs,
                                                                          args.slow_runs))
            if "offline" in args.only:
                figures += guarded("Reader's wait", lambda: offline.measure(chromium, server, args.runs),
                                   "(e) offline second visit")
            if "weight" in args.only:
                figures += guarded("Weight", lambda: weight.measure(chromium, server, args.runs))
        finally:
            chromium.close()
    return figures


if __name__ == "__main__":
    sys.exit(main())
