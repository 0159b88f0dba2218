"""Lighthouse (npm `lighthouse`, pinned in package.json) on a few pages of the served site.

Each page runs in its own Lighthouse process with Debian's chromium, flags that keep it
off the network, and error reporting off (the CLI would otherwise offer to send to Sentry).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from devkit.browser import CHROMIUM, CHROMIUM_ARGS
from devkit.project import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]
CHROME_FLAGS = [*CHROMIUM_ARGS, "--headless=new"]
# Skipped when listing failing audits: they carry no pass/fail score.
UNSCORED = {"informative", "notApplicable", "manual", "error"}
TIMEOUT_S = 240


@dataclass(frozen=True)
class Page:
    path: str  # below the site's root, "" for the home page
    performance_goal: float  # every other category's goal is 1.00

    def goal(self, category: str) -> float:
        return self.performance_goal if category == "performance" else 1.0


# Quiz pages carry the form and its scripts (Pyodide waits for the reader), hence the lower goal.
PAGES = [Page("", 1.0), Page("why-trust-matters/", 1.0),
         Page("attachment-and-trauma/", 0.98), Page("signs-of-rebuilding/", 0.98),
         Page("what-not-to-do/", 0.98)]  # a knowledge check


def run_page(url: str) -> dict:
    """The Lighthouse JSON report (LHR) of one URL, default (mobile, simulated) settings."""
    with tempfile.TemporaryDirectory(prefix="audit-lh-") as tmp:
        out = Path(tmp) / "report.json"
        args = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
                f"--only-categories={','.join(CATEGORIES)}", "--no-enable-error-reporting",
                f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse {url} failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def summarize(page: Page, lhr: dict) -> dict:
    """Scores per category and, for categories under their goal, the audits that lost points."""
    result: dict = {"url": lhr["finalDisplayedUrl"], "scores": {}, "failing": {},
                    "runtime_error": (lhr.get("runtimeError") or {}).get("message")}
    for name in CATEGORIES:
        category = lhr["categories"][name]
        result["scores"][name] = category["score"]
        if category["score"] is not None and category["score"] >= page.goal(name):
            continue
        failing = []
        for ref in category["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if audit["scoreDisplayMode"] in UNSCORED or audit["score"] is None or audit["score"] >= 1:
                continue
            failing.append({"id": audit["id"], "title": audit["title"], "score": audit["score"],
                            "weight": ref.get("weight", 0), "display": audit.get("displayValue")})
        result["failing"][name] = failing
    return result


def median_run(reports: list[dict]) -> dict:
    """The run with the median performance score, as Lighthouse's docs advise for a noisy machine:
    one run's total blocking time alone moves the score by several hundredths."""
    ranked = sorted(reports, key=lambda lhr: lhr["categories"]["performance"]["score"] or 0)
    return ranked[len(ranked) // 2]


def run(base_url: str, runs: int) -> list[dict]:
    """Run every page `runs` times in turn (one at a time: the machine is shared); summarize the median run."""
    results = []
    for page in PAGES:
        url = base_url + page.path
        print(f"lighthouse: {url} × {runs}", flush=True)
        reports = [run_page(url) for _ in range(runs)]
        summary = summarize(page, median_run(reports))
        summary["performance_runs"] = [lhr["categories"]["performance"]["score"] for lhr in reports]
        # Lighthouse's own measure of this machine's speed in each run; it falls when the machine is busy.
        summary["benchmark_index"] = [round(lhr["environment"]["benchmarkIndex"]) for lhr in reports]
        summary["path"] = "/" + page.path
        summary["goals"] = {name: page.goal(name) for name in CATEGORIES}
        results.append(summary)
    return results


def report(results: list[dict]) -> list[str]:
    """Print the score table and the failing audits; return one goal line per page."""
    print(f"\n{'page':<28}" + "".join(f"{name:>16}" for name in CATEGORIES))
    for r in results:
        cells = "".join(f"{'-' if r['scores'][n] is None else format(r['scores'][n], '.2f'):>16}" for n in CATEGORIES)
        print(f"{r['path']:<28}{cells}")
    for r in results:
        print(f"{r['path']} performance, each run: {', '.join(f'{score:.2f}' for score in r['performance_runs'])} "
              f"(benchmark index {', '.join(map(str, r['benchmark_index']))})")
    for r in results:
        for name, audits in r["failing"].items():
            print(f"\n{r['path']} {name} {r['scores'][name]} (goal {r['goals'][name]:.2f}); audits that lost points:")
            for a in audits:
                extra = f" [{a['display']}]" if a["display"] else ""
                print(f"  - {a['id']}: {a['title']} (score {a['score']}, weight {a['weight']}){extra}")
            if not audits:
                print("  (no single scored audit below 1)")
    lines = []
    for r in results:
        missed = [n for n in CATEGORIES if r["scores"][n] is None or r["scores"][n] < r["goals"][n]]
        state = "MET" if not missed else "MISSED (" + ", ".join(missed) + ")"
        lines.append(f"Lighthouse {r['path']}: {state}")
    return lines
