"""`python -m audit`: serve site/, build into it for that address, then run vnu and Lighthouse.

The server starts before the build, as in tests/conftest.py: the build needs the server's
address (SITE_URL), since Material's instant navigation and the canonical URLs use it.
Writes audit/results.json and always exits 0; the last lines say which goals were met.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time

from audit import lighthouse, nu
from devkit.project import ROOT
from devkit.serve import SiteServer

SITE_DIR = ROOT / "site"
RESULTS = ROOT / "audit" / "results.json"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m audit", description=__doc__)
    parser.add_argument("--no-build", action="store_true",
                        help="audit site/ as it is (its URLs may then name another address)")
    parser.add_argument("--runs", type=int, default=5,
                        help="Lighthouse runs per page; the median run is reported (default 5, as Lighthouse's "
                             "docs on variability advise)")
    args = parser.parse_args()
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    SITE_DIR.mkdir(exist_ok=True)
    with SiteServer(SITE_DIR) as server:
        if not args.no_build:
            print(f"building site/ for {server.url}", flush=True)
            make = os.environ.get("MAKE", "make")
            subprocess.run([make, "--no-print-directory", "build-site"], cwd=ROOT, check=True,
                           env={**os.environ, "SITE_URL": server.url})
        server.use_gzip(True)  # after the build: it compresses (and caches) the files up front
        checked = nu.run(SITE_DIR)
        pages = lighthouse.run(server.url, args.runs)
    # Other work on the machine lengthens the observed tasks Lighthouse scales up: say how busy it was.
    load = {"before": load_before, "after": os.getloadavg()[0]}
    RESULTS.write_text(json.dumps({"site_url": server.url, "load_average": load, "lighthouse": pages, "nu": checked},
                                  indent=2) + "\n", encoding="utf-8")
    goals = nu.report(checked) + lighthouse.report(pages)
    print(f"\nwrote {RESULTS.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s "
          f"(1-minute load average {load['before']:.1f} before, {load['after']:.1f} after)\n\nGoals:")
    for line in goals:
        print("  " + line)
    return 0  # for now the audit informs; it does not fail the run


if __name__ == "__main__":
    raise SystemExit(main())
