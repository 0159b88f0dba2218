"""Figure group 4, weight: bytes a reader downloads, counted by the bench's server.

The server counts every byte it writes (status line, headers, body), so requests made by
the quiz's worker are counted too (a page's CDP session does not see them). Each visit is
in a fresh browser context (empty cache). The server does not compress; the note gives
what gzip, as common hosts apply it, would make of the same responses (computed).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from playwright.sync_api import Browser

from bench.browser import BARE_PAGE, WARM_PAGE, Probe, fresh_page
from bench.report import Figure
from devkit.serve import COMPRESSIBLE, SiteServer

GROUP = "Weight"
NO_QUIZ_PAGE = "why-trust-matters/"


def is_pyodide(path: str) -> bool:
    """The runtime, the lockfile and the quiz wheel: what only a started quiz may fetch."""
    return "/assets/pyodide/" in path or path.endswith((".whl", "pyodide-lock.json"))


def pages_without_quiz(site_dir: Path) -> list[str]:
    """Site paths of every built page that has no quiz (the bench's own page excluded)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        path = html.parent.relative_to(site_dir).as_posix()
        path = "" if path == "." else f"{path}/"
        if path != BARE_PAGE and "data-quiz=" not in html.read_text(encoding="utf-8"):
            pages.append(path)
    return pages


def gzip_total(server: SiteServer, sent: Counter[str]) -> int:
    """The same responses with compressible bodies gzipped."""
    total = 0
    for path, size in sent.items():
        file = server.site_dir / path.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        if file.is_file() and file.suffix in COMPRESSIBLE:
            size += len(server.compressed(file)) - file.stat().st_size
        total += size
    return total


def visit(browser: Browser, server: SiteServer, paths: list[str]) -> Counter[str]:
    """Bytes sent while one fresh context (empty cache) loads these pages in turn, each
    until the network is idle."""
    with fresh_page(browser, server.url) as page:
        server.take_counts()
        for path in paths:
            page.goto(path, wait_until="networkidle")
        return server.take_counts()


def measure(browser: Browser, server: SiteServer, warm: list[Probe], runs: int) -> list[Figure]:
    """Home and no-quiz page in fresh contexts; the quiz page from the warm runs (same visit:
    load, answer, score); every page without a quiz walked for Pyodide bytes."""
    others = [path for path in pages_without_quiz(server.site_dir) if path not in {"", NO_QUIZ_PAGE}]
    sent: dict[str, list[Counter[str]]] = {"home": [], "no quiz": [], "pyodide": [],
                                           "before": [probe.sent_before for probe in warm],
                                           "after": [probe.sent_after for probe in warm]}
    for _ in range(runs):
        sent["home"].append(visit(browser, server, [""]))
        sent["no quiz"].append(visit(browser, server, [NO_QUIZ_PAGE]))
        sent["pyodide"].append(sent["home"][-1] + sent["no quiz"][-1] + visit(browser, server, others))

    def kilobytes(key: str, name: str, note: str = "") -> Figure:
        totals = [sum(counts.values()) / 1000 for counts in sent[key]]
        gzipped = f"gzip ≈ {gzip_total(server, sent[key][0]) / 1000:,.0f} kB" if sent[key] else ""
        return Figure(GROUP, name, "kB", totals, note="; ".join(filter(None, [gzipped, note])))

    pyodide = [float(sum(size for path, size in counts.items() if is_pyodide(path))) for counts in sent["pyodide"]]
    return [
        kilobytes("home", "home page"),
        kilobytes("no quiz", f"page without a quiz ({NO_QUIZ_PAGE})"),
        kilobytes("before", f"quiz page before interaction ({WARM_PAGE})", "from the warm runs"),
        kilobytes("after", "quiz page after scoring (Pyodide, lockfile, wheel included)", "from the warm runs"),
        Figure(GROUP, f"Pyodide bytes on pages without a quiz (all {len(others) + 2})", "B", pyodide, limit=0,
               note="runtime, lockfile, wheel; must be 0"),
    ]
