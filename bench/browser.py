"""Figure groups 3 and 5: the reader's wait, and the main thread's longest task, in headless Chromium.

Every time is `performance.now()` taken in the page (0 = navigation start), recorded by a
probe installed before any page script: a MutationObserver on `data-state`, capture
listeners for the first pointer-down on a quiz and each click on its submit button, and a
Long Tasks PerformanceObserver. Playwright's round trips are never part of a figure.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from playwright.sync_api import Browser, Page

from bench.report import Figure
from devkit.serve import SiteServer

COLD_PAGE, COLD_QUIZ, COLD_ITEM = "signs-of-rebuilding/", "trust-signs", "hope1"
WARM_PAGE, WARM_QUIZ = "attachment-and-trauma/", "attachment-style"
BARE_PAGE = "bench-blank/"
ANSWERING_MS = 5_000
SETTLE_MS = 50  # the scoring window runs on past "scored" to take in layout and paint of the result
TIMEOUT_MS = 150_000
# Chrome DevTools' "slow 4G"-like profile: 150 ms latency, 1.6 Mbps down, 750 kbps up.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
SLOW_4G_TEXT = "150 ms, 1.6 Mbps down, 750 kbps up"

PROBE = """(() => {
  const bench = (window.__bench = { states: [], longTasks: [], firstInput: null, submits: [] });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) { bench.longTasks = null; }
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) bench.states.push([record.target.dataset.state, now]);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  addEventListener("pointerdown", (event) => {
    if (bench.firstInput === null && event.target.closest && event.target.closest("[data-quiz]"))
      bench.firstInput = performance.now();
  }, true);
  addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("[data-quiz] button[type=submit]"))
      bench.submits.push(performance.now());
  }, true);
})();"""

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide load</title>
<script type="module" src="./main.mjs"></script></head>
<body data-state="loading"><p>Loading Pyodide in a module worker, as the quiz widget does.</p></body></html>
"""
BARE_MAIN = """// Starts the worker at once and records when Pyodide is ready (performance.now(), 0 = navigation).
const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
worker.addEventListener("message", ({ data }) => {
  window.__bare = { ...data, at: performance.now() };
  document.body.dataset.state = data.type;
});
"""
BARE_WORKER = """// loadPyodide() alone, with the site's runtime and lockfile, as worker.js calls it.
import { loadPyodide } from "/{runtime}/pyodide.mjs";

const indexURL = new URL("/{runtime}/", location.href).href;
const lockFileURL = new URL("/{bundle}/pyodide-lock.json", location.href).href;
try {
  await loadPyodide({ indexURL, lockFileURL, packageBaseUrl: new URL("./", lockFileURL).href,
                      stdout: () => {}, stderr: () => {} });
  postMessage({ type: "ready" });
} catch (error) {
  postMessage({ type: "failed", reason: String(error) });
}
"""


def write_bare_page(site_dir: Path) -> None:
    """The baseline page: `bench-blank/` in the served site, loading the site's own runtime."""
    runtime = next(site_dir.glob("assets/pyodide/*/pyodide.mjs")).parent.relative_to(site_dir).as_posix()
    bundle = next(site_dir.glob("assets/quiz/*/pyodide-lock.json")).parent.relative_to(site_dir).as_posix()
    folder = site_dir / BARE_PAGE
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(BARE_HTML, encoding="utf-8")
    (folder / "main.mjs").write_text(BARE_MAIN, encoding="utf-8")
    worker = BARE_WORKER.replace("{runtime}", runtime).replace("{bundle}", bundle)
    (folder / "worker.mjs").write_text(worker, encoding="utf-8")


@dataclass
class Probe:
    """What the page's probe recorded (ms since navigation start)."""

    states: list[tuple[str, float]]
    long_tasks: list[tuple[float, float]] | None
    first_input: float | None
    submits: list[float]
    sent_before: Counter[str] = field(default_factory=Counter)  # bytes per path, before the first click
    sent_after: Counter[str] = field(default_factory=Counter)  # … and in all once scored

    def first(self, state: str, after: float = 0.0) -> float | None:
        return next((at for name, at in self.states if name == state and at >= after), None)

    def longest_task(self, start: float, end: float) -> float:
        """The longest long task (> 50 ms by definition) overlapping [start, end]; 0 if none."""
        if self.long_tasks is None:
            raise RuntimeError("this Chromium does not support the Long Tasks API")
        return max((duration for begin, duration in self.long_tasks
                    if begin <= end and begin + duration >= start), default=0.0)


@contextmanager
def fresh_page(browser: Browser, base_url: str, throttle: dict | None = None) -> Iterator[Page]:
    """A page in a new browser context (empty cache), with the probe installed before load."""
    context = browser.new_context(base_url=base_url)
    try:
        context.add_init_script(PROBE)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        if throttle:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", throttle)
        yield page
    finally:
        context.close()


def read_probe(page: Page) -> Probe:
    data = page.evaluate("JSON.stringify(window.__bench)")
    raw = json.loads(data)
    return Probe([tuple(state) for state in raw["states"]],
                 None if raw["longTasks"] is None else [tuple(task) for task in raw["longTasks"]],
                 raw["firstInput"], raw["submits"])


def wait_until_scored(page: Page, quiz: str) -> None:
    """Wait for `data-state="scored"`; an `error` state raises with the widget's message."""
    root = f'[data-quiz="{quiz}"]'
    page.wait_for_selector(f'{root}[data-state="scored"], {root}[data-state="error"]', state="attached")
    if page.get_attribute(root, "data-state") == "error":
        raise RuntimeError(f"the {quiz} quiz failed: {page.inner_text(f'{root} .quiz__status')}")
    page.wait_for_timeout(200)  # long-task entries are delivered after their task ends


def bare_load(browser: Browser, base_url: str) -> float:
    """(a) Navigation start → `loadPyodide()` resolved in a module worker, on a blank page."""
    with fresh_page(browser, base_url) as page:
        page.goto(BARE_PAGE)
        page.wait_for_selector("body:not([data-state=loading])", state="attached")
        bare = page.evaluate("window.__bare")
        if bare["type"] != "ready":
            raise RuntimeError(f"bare Pyodide load failed: {bare.get('reason')}")
        return bare["at"]


def cold_result(browser: Browser, base_url: str) -> Probe:
    """(b) The reader ticks one box as soon as it can be clicked and submits at once."""
    with fresh_page(browser, base_url) as page:
        page.goto(COLD_PAGE, wait_until="commit")
        root = f'[data-quiz="{COLD_QUIZ}"]'
        page.locator(f'{root} input[name="{COLD_ITEM}"]').locator("xpath=..").click()
        page.locator(f"{root} button[type=submit]").click()
        wait_until_scored(page, COLD_QUIZ)
        return read_probe(page)


def item_names(page: Page, quiz: str) -> list[str]:
    """The quiz's item ids, in form order."""
    return page.evaluate("(root) => [...new Set([...document.querySelectorAll(`${root} input`)]"
                         ".map((input) => input.name))]", f'[data-quiz="{quiz}"]')


def answer_quiz(page: Page, quiz: str) -> None:
    """Answer every item of a scale quiz with the mouse (a fixed spread of answers)."""
    for index, name in enumerate(item_names(page, quiz)):
        radio = page.locator(f'[data-quiz="{quiz}"] input[name="{name}"][value="{index % 7 + 1}"]')
        radio.locator("xpath=..").click()  # the label, as a reader clicks it


def warm_result(browser: Browser, base_url: str, take_counts: Callable[[], Counter[str]],
                throttle: dict | None = None) -> Probe:
    """(c)/(d) The reader answers for 5 s from the first click (which starts Pyodide), then submits.

    Also the bytes the server sent for the page before the first click and in all.
    """
    with fresh_page(browser, base_url, throttle) as page:
        take_counts()
        page.goto(WARM_PAGE, wait_until="networkidle")
        root = f'[data-quiz="{WARM_QUIZ}"]'
        page.wait_for_selector(f"{root}[data-enhanced]", state="attached")
        before = take_counts()
        answer_quiz(page, WARM_QUIZ)
        spent = page.evaluate("performance.now() - window.__bench.firstInput")
        page.wait_for_timeout(max(0.0, ANSWERING_MS - spent))
        page.locator(f"{root} button[type=submit]").click()
        wait_until_scored(page, WARM_QUIZ)
        probe = read_probe(page)
        probe.sent_before, probe.sent_after = before, before + take_counts()
        return probe


def quiet_reader(browser: Browser, base_url: str) -> Probe:
    """For the main-thread figures: answers already on the form (as when the tab kept them),
    one click starts the quiz, nothing else happens until it is ready, then one submit.

    Only the reader's two clicks fall in the measured windows: the harness's own work
    (scrolling, hit tests for many clicks) would otherwise count as the page's long tasks.
    """
    with fresh_page(browser, base_url) as page:
        page.goto(WARM_PAGE)
        root = f'[data-quiz="{WARM_QUIZ}"]'
        page.wait_for_selector(f"{root}[data-enhanced]", state="attached")
        names = item_names(page, WARM_QUIZ)
        page.evaluate("""([root, names]) => names.forEach((name, index) => {
            const radio = `${root} input[name="${name}"][value="${index % 7 + 1}"]`;
            if (index > 0) document.querySelector(radio).checked = true; })""", [root, names])
        page.wait_for_timeout(500)
        page.locator(f'{root} input[name="{names[0]}"][value="1"]').locator("xpath=..").click()
        page.wait_for_selector(f'{root}[data-state="ready"]', state="attached")
        page.locator(f"{root} button[type=submit]").click()
        wait_until_scored(page, WARM_QUIZ)
        return read_probe(page)


def measure(browser: Browser, server: SiteServer, runs: int,
            slow_runs: int) -> tuple[list[Figure], list[Probe]]:
    """Figures (a)–(d) and the main-thread figures, and the warm runs' probes (for their bytes).

    Bare, cold and quiet runs alternate, so a change in the machine's load hits them alike.
    """
    base_url = server.url
    bare_load(browser, base_url)  # warm-up: OS file cache, server threads, Chromium's first start
    bare, cold, quiet = [], [], []
    for _ in range(runs):
        bare.append(bare_load(browser, base_url))
        cold.append(cold_result(browser, base_url))
        quiet.append(quiet_reader(browser, base_url))
    warm = [warm_result(browser, base_url, server.take_counts) for _ in range(runs)]
    server.use_gzip(True)
    try:
        slow = [warm_result(browser, base_url, server.take_counts, SLOW_4G) for _ in range(slow_runs)]
    finally:
        server.use_gzip(False)

    cold_ms = [probe.first("scored") for probe in cold]
    warm_ms = [_click_to_scored(probe) for probe in warm]
    wait = "Reader's wait"
    figures = [
        Figure(wait, "(a) bare Pyodide load, blank page: navigation → loadPyodide() done in a module worker",
               "ms", bare, note="baseline"),
        Figure(wait, f"(b) cold result: navigation → tick one box → submit → scored ({COLD_QUIZ})", "ms",
               cold_ms, note="reader clicks as soon as the form is clickable, at "
                             f"{median(probe.first_input for probe in cold):,.0f} ms (median)"),
        Figure(wait, "(b) cold result / bare Pyodide load", "×", [c / b for c, b in zip(cold_ms, bare)],
               limit=1.2, note="per-run pairs"),
        Figure(wait, f"(c) warm result: final click → scored ({WARM_QUIZ}, 18 answers in 5 s)", "ms", warm_ms,
               limit=100),
        Figure(wait, "(c) warm runs: first interaction → quiz ready (hidden by answering)", "ms",
               [_ready(probe) - probe.first_input for probe in warm]),
        Figure(wait, f"(d) slow 4G warm result: final click → scored ({WARM_QUIZ})", "ms",
               [_click_to_scored(probe) for probe in slow],
               note=f"{SLOW_4G_TEXT}; gzip on, as hosts do; fewer runs (~40 s each)"),
        Figure(wait, "(d) slow 4G: navigation → scored (5 s answering included)", "ms",
               [probe.first("scored", probe.submits[-1]) for probe in slow], note="same runs"),
    ]
    main = "Main thread"
    figures += [
        Figure(main, f"longest task, quiz start: first interaction → ready ({WARM_QUIZ})", "ms",
               [probe.longest_task(probe.first_input, probe.first("ready")) for probe in quiet], limit=50,
               note="0 = no task over 50 ms (Long Tasks API)"),
        Figure(main, f"longest task, scoring: click → scored, result and plot drawn ({WARM_QUIZ})", "ms",
               [probe.longest_task(probe.submits[-1], _scored_after_click(probe) + SETTLE_MS) for probe in quiet],
               limit=50),
        Figure(main, "longest task, cold reader: first interaction → scored (page still loading)", "ms",
               [probe.longest_task(probe.first_input, probe.first("scored")) for probe in cold], limit=50,
               note=f"{COLD_QUIZ}; includes the theme's start-up if it overlaps"),
    ]
    return figures, warm


def _ready(probe: Probe) -> float:
    """When the quiz became ready; the scored time if the reader submitted before that."""
    ready = probe.first("ready")
    return ready if ready is not None else _scored_after_click(probe)


def _scored_after_click(probe: Probe) -> float:
    scored = probe.first("scored", probe.submits[-1])
    if scored is None:
        raise RuntimeError("no scored state after the final click")
    return scored


def _click_to_scored(probe: Probe) -> float:
    return _scored_after_click(probe) - probe.submits[-1]
