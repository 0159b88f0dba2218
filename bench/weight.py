"""Figure group 4, weight: bytes a reader downloads, counted by the bench's server.

The server counts every byte it writes (status line, headers, body), so requests made by
the quiz's worker and by the service worker are counted too (a page's CDP session sees
neither). Every visit starts in a fresh browser context (empty cache, no service worker)
and is served with gzip on, as hosts serve the site; each note gives the same responses
uncompressed (computed from the files).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from bench.browser import (
    BARE_PAGE,
    WARM_PAGE,
    WARM_QUIZ,
    answer_quiz,
    fresh_page,
    quiz_root,
    scroll_to_quiz,
    wait_until_scored,
)
from bench.report import Figure
from bench.throttle import BenchServer
from devkit.serve import COMPRESSIBLE

GROUP = "Weight"
NO_QUIZ_PAGE = "why-trust-matters/"
QUIZ_PAGE_GOAL_KB = 5_600  # issue 13: the quiz page after scoring, gzip, at most 5.6 MB (was 6.5 MB)
SW_CONTROL_MS = 20_000

# Every URL in this origin's Cache Storage.
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""

# Scroll to the bottom a screen at a time, as a reader reading the whole page.
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo({ top: y, behavior: "instant" });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" });
}"""


def is_pyodide(path: str) -> bool:
    """The runtime, its stdlib, the lockfile and the quiz wheel: what only a started quiz may fetch."""
    return "/assets/pyodide/" in path or path.endswith((".whl", "pyodide-lock.json", "python_stdlib.zip"))


def pages_without_quiz(site_dir: Path) -> list[str]:
    """Site paths of every built page that has no quiz (the bench's own pages excluded)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        path = html.parent.relative_to(site_dir).as_posix()
        path = "" if path == "." else f"{path}/"
        if not path.startswith(BARE_PAGE) and "data-quiz=" not in html.read_text(encoding="utf-8"):
            pages.append(path)
    return pages


def served_file(server: BenchServer, path: str) -> Path:
    file = server.site_dir / path.lstrip("/")
    return file / "index.html" if file.is_dir() else file


def uncompressed_total(server: BenchServer, sent: Counter[str]) -> int:
    """The same responses as sent with gzip on, had the bodies gone out uncompressed."""
    total = 0
    for path, size in sent.items():
        file = served_file(server, path)
        if file.is_file() and file.suffix in COMPRESSIBLE:
            size += file.stat().st_size - len(server.compressed(file))
        total += size
    return total


def with_zip_gzipped(server: BenchServer, sent: Counter[str]) -> int:
    """The same responses had the host gzipped `.zip` files too (most hosts do not: they
    compress by content type, and application/zip is not among the types they compress)."""
    total = 0
    for path, size in sent.items():
        file = served_file(server, path)
        if file.is_file() and file.suffix == ".zip" and file.suffix not in COMPRESSIBLE:
            size += len(server.compressed(file)) - file.stat().st_size
        total += size
    return total


def visit(browser: Browser, server: BenchServer, path: str) -> Counter[str]:
    """Bytes sent while a fresh context loads one page until the network is idle."""
    with fresh_page(browser, server.url) as page:
        server.take_counts()
        page.goto(path, wait_until="networkidle")
        return server.take_counts()


def quiz_page_visit(browser: Browser, server: BenchServer) -> tuple[Counter[str], Counter[str]]:
    """The quiz page opened and left unscrolled until the network is idle, then scrolled to the
    quiz, answered and scored: the bytes before any interaction, and in all."""
    with fresh_page(browser, server.url) as page:
        server.take_counts()
        page.goto(WARM_PAGE, wait_until="networkidle")
        before = server.take_counts()
        scroll_to_quiz(page, WARM_QUIZ)
        answer_quiz(page, WARM_QUIZ)
        page.locator(f"{quiz_root(WARM_QUIZ)} button[type=submit]").click()
        wait_until_scored(page, WARM_QUIZ)
        page.wait_for_timeout(1_000)  # what the service worker fetches to keep, if anything
        return before, before + server.take_counts()


def walk_without_quiz(browser: Browser, server: BenchServer, paths: list[str]) -> tuple[Counter[str], list[str], bool]:
    """One context opens every page without a quiz, scrolled through to the end, once the
    service worker controls the pages: the bytes sent, the URLs in Cache Storage afterwards,
    and whether the service worker did control them."""
    with fresh_page(browser, server.url) as page:
        server.take_counts()
        page.goto(paths[0], wait_until="networkidle")
        controlled = wait_for_control(page)
        for path in paths:
            page.goto(path, wait_until="networkidle")
            page.evaluate(SCROLL_THROUGH)
            page.wait_for_timeout(300)
        controlled = controlled and page.evaluate("navigator.serviceWorker.controller !== null")
        return server.take_counts(), page.evaluate(CACHED_URLS), controlled


def wait_for_control(page: Page) -> bool:
    try:
        page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                               timeout=SW_CONTROL_MS)
        return True
    except PlaywrightError:
        return False


def measure(browser: Browser, server: BenchServer, runs: int) -> list[Figure]:
    """Home, a page without a quiz and the quiz page in fresh contexts, `runs` times; every
    page without a quiz walked once for Pyodide bytes. Gzip on throughout."""
    others = [path for path in pages_without_quiz(server.site_dir) if path not in {"", NO_QUIZ_PAGE}]
    sent: dict[str, list[Counter[str]]] = {"home": [], "no quiz": [], "before": [], "after": []}
    with server.gzipped():
        for _ in range(runs):
            sent["home"].append(visit(browser, server, ""))
            sent["no quiz"].append(visit(browser, server, NO_QUIZ_PAGE))
            before, after = quiz_page_visit(browser, server)
            sent["before"].append(before)
            sent["after"].append(after)
        walked, cached, controlled = walk_without_quiz(browser, server, ["", NO_QUIZ_PAGE, *others])

    def kilobytes(key: str, name: str, limit: float | None = None, note: str = "") -> Figure:
        totals = [sum(counts.values()) / 1000 for counts in sent[key]]
        raw = f"uncompressed ≈ {uncompressed_total(server, sent[key][0]) / 1000:,.0f} kB" if sent[key] else ""
        return Figure(GROUP, name, "kB", totals, limit=limit, note="; ".join(filter(None, [raw, note])))

    def pyodide_note(key: str) -> str:
        counts = sent[key][0] if sent[key] else Counter()
        runtime = sum(size for path, size in counts.items() if is_pyodide(path))
        return f"Pyodide files {runtime / 1000:,.0f} kB of it" if runtime else "no Pyodide bytes"

    zip_note = ""
    if sent["after"]:
        zipped = with_zip_gzipped(server, sent["after"][0])
        if sum(sent["after"][0].values()) - zipped > 50_000:
            zip_note = f"the stdlib .zip goes uncompressed: ≈ {zipped / 1000:,.0f} kB if the host gzipped it too"
    pyodide_sent = sum(size for path, size in walked.items() if is_pyodide(path))
    runtime_cached = [url for url in cached if is_pyodide(url)]
    walk_failure = None if controlled else "no service worker controlled the pages: the check proves less"
    count = len(others) + 2
    return [
        kilobytes("home", "home page, gzip"),
        kilobytes("no quiz", f"page without a quiz, gzip ({NO_QUIZ_PAGE})"),
        kilobytes("before", f"quiz page before interaction, not scrolled, gzip ({WARM_PAGE})",
                  note=pyodide_note("before")),
        kilobytes("after", f"quiz page after scoring, gzip bytes ({WARM_PAGE})", limit=QUIZ_PAGE_GOAL_KB,
                  note="; ".join(filter(None, [pyodide_note("after"), "runtime, stdlib, lockfile and wheel included",
                                               zip_note]))),
        Figure(GROUP, f"Pyodide bytes on pages without a quiz (all {count}, each scrolled through)", "B",
               [float(pyodide_sent)], limit=0, failure=walk_failure,
               note="one visit, service worker active; must be 0"),
        Figure(GROUP, "Pyodide files in Cache Storage after that visit", "files", [float(len(runtime_cached))],
               limit=0, note="; ".join(url.rsplit("/", 1)[-1] for url in runtime_cached[:4])
               or "the service worker keeps no runtime for pages without a quiz"),
    ]
