"""Figure groups 3 and 5: the reader's wait, and the main thread's longest task, in headless Chromium.

Every time is `performance.now()` taken in the page (0 = navigation start), recorded by a
probe installed before any page script: a MutationObserver on `data-state`, capture
listeners for the first pointer-down on a quiz and each click on its submit button, and a
Long Tasks PerformanceObserver. Playwright's round trips are never part of a figure.

The baselines are bare pages the bench adds to the served site, `bench-blank/<variant>/`:
`loadPyodide()` alone in a module worker, as the widget calls it, with the site's runtime and
lockfile and either npm's stock `python_stdlib.zip` (copied beside the page: the site no
longer serves it) or the site's trimmed, precompiled `stdlib-<hash>.zip`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from playwright.sync_api import Browser, BrowserContext, Page

from bench.report import Figure, ratios
from bench.throttle import SLOW_4G, BenchServer
from devkit.browser import CHROMIUM, CHROMIUM_ARGS
from devkit.project import ROOT

COLD_PAGE, COLD_QUIZ, COLD_ITEM = "signs-of-rebuilding/", "trust-signs", "hope1"
WARM_PAGE, WARM_QUIZ = "attachment-and-trauma/", "attachment-style"
QUIZ_PAGES = {COLD_QUIZ: COLD_PAGE, WARM_QUIZ: WARM_PAGE}
BARE_PAGE = "bench-blank/"
STOCK, SITE = "stock", "site"  # the bare page's variants: which stdlib loadPyodide() gets
STOCK_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
ANSWERING_MS = 5_000
SLOW_ANSWERING_MS = 60_000  # slow 4G: the reader answers for a minute from the moment the quiz is in view
# Between the two loads of the cached figure: Chromium writes a WebAssembly module to its code
# cache some time after compiling it (once enough of it is optimised, or after a timeout).
CODE_CACHE_SETTLE_MS = 3_000
CACHED_LOAD_MAX_BYTES = 50_000  # a second load sends 304s (a few hundred bytes each), not the runtime
SETTLE_MS = 50  # the scoring window runs on past "scored" to take in layout and paint of the result
TIMEOUT_MS = 150_000

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
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide load ({variant} stdlib)</title>
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
BARE_WORKER = """// loadPyodide() alone, with the site's runtime and lockfile, as worker.js calls it;
// loadMs is the call itself (the import of pyodide.mjs before it is not in it).
import { loadPyodide } from "/{runtime}/pyodide.mjs";

const indexURL = new URL("/{runtime}/", location.href).href;
const lockFileURL = new URL("/{bundle}/pyodide-lock.json", location.href).href;
const stdLibURL = new URL("{stdlib}", location.href).href;
try {
  const begin = performance.now();
  await loadPyodide({ indexURL, stdLibURL, lockFileURL, packageBaseUrl: new URL("./", lockFileURL).href,
                      stdout: () => {}, stderr: () => {} });
  postMessage({ type: "ready", loadMs: performance.now() - begin });
} catch (error) {
  postMessage({ type: "failed", reason: String(error) });
}
"""


def site_stdlib(site_dir: Path) -> Path:
    """The site's trimmed standard library: the one `stdlib-*.zip` beside the runtime."""
    runtime = next(site_dir.glob("assets/pyodide/*/pyodide.mjs")).parent
    found = sorted(runtime.glob("stdlib-*.zip"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one stdlib-*.zip in {runtime.relative_to(site_dir)}/, "
                                f"found {[path.name for path in found]}")
    return found[0]


def stdlib_files(site_dir: Path) -> dict[str, Path]:
    """Each bare variant's stdlib zip as served."""
    return {STOCK: site_dir / BARE_PAGE / STOCK / STOCK_STDLIB.name, SITE: site_stdlib(site_dir)}


def write_bare_pages(site_dir: Path) -> None:
    """The baselines, `bench-blank/stock/` and `bench-blank/site/` in the served site."""
    runtime = next(site_dir.glob("assets/pyodide/*/pyodide.mjs")).parent.relative_to(site_dir).as_posix()
    bundle = next(site_dir.glob("assets/quiz/*/pyodide-lock.json")).parent.relative_to(site_dir).as_posix()
    stdlibs = {STOCK: f"./{STOCK_STDLIB.name}", SITE: f"/{runtime}/{site_stdlib(site_dir).name}"}
    for variant, stdlib in stdlibs.items():
        folder = site_dir / BARE_PAGE / variant
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(BARE_HTML.replace("{variant}", variant), encoding="utf-8")
        (folder / "main.mjs").write_text(BARE_MAIN, encoding="utf-8")
        worker = BARE_WORKER.replace("{runtime}", runtime).replace("{bundle}", bundle).replace("{stdlib}", stdlib)
        (folder / "worker.mjs").write_text(worker, encoding="utf-8")
    shutil.copy2(STOCK_STDLIB, site_dir / BARE_PAGE / STOCK / STOCK_STDLIB.name)


@dataclass
class Probe:
    """What the page's probe recorded (ms since navigation start)."""

    states: list[tuple[str, float]]
    long_tasks: list[tuple[float, float]] | None
    first_input: float | None
    submits: list[float]
    in_view: float | None = None  # when the harness scrolled the quiz into view, if it did

    def first(self, state: str, after: float = 0.0) -> float | None:
        return next((at for name, at in self.states if name == state and at >= after), None)

    def longest_task(self, start: float, end: float) -> float:
        """The longest long task (> 50 ms by definition) overlapping [start, end]; 0 if none."""
        if self.long_tasks is None:
            raise RuntimeError("this Chromium does not support the Long Tasks API")
        return max((duration for begin, duration in self.long_tasks
                    if begin <= end and begin + duration >= start), default=0.0)


@dataclass
class Bare:
    """One bare load: navigation → ready on the page's clock, and the `loadPyodide()` call alone."""

    at: float
    load_ms: float
    sent: int = 0  # bytes the host sent for the load, where counted


def new_page(context: BrowserContext) -> Page:
    """A page of the context, with the bench's timeout."""
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


@contextmanager
def fresh_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page in a new browser context (empty cache, no service worker), with the probe installed before load."""
    context = browser.new_context(base_url=base_url)
    try:
        context.add_init_script(PROBE)
        yield new_page(context)
    finally:
        context.close()


def read_probe(page: Page) -> Probe:
    data = page.evaluate("JSON.stringify(window.__bench)")
    raw = json.loads(data)
    return Probe([tuple(state) for state in raw["states"]],
                 None if raw["longTasks"] is None else [tuple(task) for task in raw["longTasks"]],
                 raw["firstInput"], raw["submits"])


def quiz_root(quiz: str) -> str:
    return f'[data-quiz="{quiz}"]'


def wait_for_outcome(page: Page, quiz: str) -> str:
    """Wait for `data-state="scored"` or `"error"`; returns which."""
    root = quiz_root(quiz)
    page.wait_for_selector(f'{root}[data-state="scored"], {root}[data-state="error"]', state="attached")
    return page.get_attribute(root, "data-state") or ""


def wait_until_scored(page: Page, quiz: str) -> None:
    """Wait for `data-state="scored"`; an `error` state raises with the widget's message."""
    if wait_for_outcome(page, quiz) == "error":
        raise RuntimeError(f"the {quiz} quiz failed: {status_text(page, quiz)}")
    page.wait_for_timeout(200)  # long-task entries are delivered after their task ends


def status_text(page: Page, quiz: str) -> str:
    return page.inner_text(f"{quiz_root(quiz)} .quiz__status").strip()


def open_bare(page: Page, variant: str) -> Bare:
    page.goto(f"{BARE_PAGE}{variant}/")
    page.wait_for_selector("body:not([data-state=loading])", state="attached")
    bare = page.evaluate("window.__bare")
    if bare["type"] != "ready":
        raise RuntimeError(f"bare Pyodide load ({variant} stdlib) failed: {bare.get('reason')}")
    return Bare(bare["at"], bare["loadMs"])


def bare_load(browser: Browser, base_url: str, variant: str) -> Bare:
    """(a) Navigation start → `loadPyodide()` resolved in a module worker, on a blank page, cold."""
    with fresh_page(browser, base_url) as page:
        return open_bare(page, variant)


def cached_start(browser: Browser, server: BenchServer, variant: str) -> Bare:
    """The bare page twice in one context: the first load fills the HTTP cache and Chromium's
    compiled-wasm cache, the second is the one returned, with the bytes the host sent for it.

    The context is a persistent one, on a new profile folder: Chromium keeps compiled code
    only for profiles on disk, so `browser.new_context()` (in memory, like a private window)
    would never reuse the compiled WebAssembly. Served with gzip and validators, as hosts do:
    the second load revalidates every file and gets 304s.
    """
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile, server.gzipped():
        context = browser.browser_type.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, base_url=server.url)
        try:
            page = new_page(context)
            open_bare(page, variant)
            page.wait_for_timeout(CODE_CACHE_SETTLE_MS)
            server.take_counts()
            second = open_bare(page, variant)
            second.sent = sum(server.take_counts().values())
            return second
        finally:
            context.close()


def cold_result(browser: Browser, base_url: str) -> Probe:
    """(b) The reader ticks one box as soon as it can be clicked and submits at once."""
    with fresh_page(browser, base_url) as page:
        page.goto(COLD_PAGE, wait_until="commit")
        root = quiz_root(COLD_QUIZ)
        page.locator(f'{root} input[name="{COLD_ITEM}"]').locator("xpath=..").click()
        page.locator(f"{root} button[type=submit]").click()
        wait_until_scored(page, COLD_QUIZ)
        return read_probe(page)


def item_names(page: Page, quiz: str) -> list[str]:
    """The quiz's item ids, in form order."""
    return page.evaluate("(root) => [...new Set([...document.querySelectorAll(`${root} input`)]"
                         ".map((input) => input.name))]", quiz_root(quiz))


def click_answer(page: Page, quiz: str, name: str, index: int) -> None:
    """One answer with the mouse, on its label as a reader clicks it (a fixed spread of answers)."""
    radio = page.locator(f'{quiz_root(quiz)} input[name="{name}"][value="{index % 7 + 1}"]')
    radio.locator("xpath=..").click()


def answer_quiz(page: Page, quiz: str) -> None:
    """Answer every item of a scale quiz with the mouse."""
    for index, name in enumerate(item_names(page, quiz)):
        click_answer(page, quiz, name, index)


def answer_at_once(page: Page, quiz: str) -> None:
    """A reader whose answers are already on the form (as when the tab kept them) gives one
    more with the mouse and submits at once: the first interaction is one click, and the
    harness's own clicking is not part of the time to the result."""
    root = quiz_root(quiz)
    if quiz == COLD_QUIZ:  # the checklist: one ticked box is an answer
        page.locator(f'{root} input[name="{COLD_ITEM}"]').locator("xpath=..").click()
    else:
        names = item_names(page, quiz)
        page.evaluate("""([root, names]) => names.forEach((name, index) => {
            const radio = `${root} input[name="${name}"][value="${index % 7 + 1}"]`;
            if (index > 0) document.querySelector(radio).checked = true; })""", [root, names])
        click_answer(page, quiz, names[0], 0)
    page.locator(f"{root} button[type=submit]").click()


def scroll_to_quiz(page: Page, quiz: str) -> float:
    """Bring the quiz's top to the top of the screen, as a reader scrolling to it; returns when (page clock)."""
    return page.evaluate("""(root) => {
        document.querySelector(root).scrollIntoView({ block: "start", behavior: "instant" });
        return performance.now(); }""", quiz_root(quiz))


def wait_until(page: Page, at: float) -> None:
    """Sleep until the page's clock reads `at` (ms)."""
    now = page.evaluate("performance.now()")
    if at > now:
        page.wait_for_timeout(at - now)


def warm_result(browser: Browser, base_url: str) -> Probe:
    """(c) The reader answers for 5 s from the first click, then submits."""
    with fresh_page(browser, base_url) as page:
        page.goto(WARM_PAGE, wait_until="networkidle")
        root = quiz_root(WARM_QUIZ)
        page.wait_for_selector(f"{root}[data-enhanced]", state="attached")
        answer_quiz(page, WARM_QUIZ)
        spent = page.evaluate("performance.now() - window.__bench.firstInput")
        page.wait_for_timeout(max(0.0, ANSWERING_MS - spent))
        page.locator(f"{root} button[type=submit]").click()
        wait_until_scored(page, WARM_QUIZ)
        return read_probe(page)


def slow_result(browser: Browser, server: BenchServer) -> Probe:
    """(d) Slow 4G, gzip on: the page loads, the reader scrolls to the quiz, answers its items
    spread over 60 s from then and submits at 60 s."""
    with server.slowed(SLOW_4G), fresh_page(browser, server.url) as page:
        page.goto(WARM_PAGE, wait_until="load")
        root = quiz_root(WARM_QUIZ)
        page.wait_for_selector(f"{root}[data-enhanced]", state="attached")
        in_view = scroll_to_quiz(page, WARM_QUIZ)
        names = item_names(page, WARM_QUIZ)
        for index, name in enumerate(names):
            wait_until(page, in_view + SLOW_ANSWERING_MS * (index + 1) / (len(names) + 1))
            click_answer(page, WARM_QUIZ, name, index)
        wait_until(page, in_view + SLOW_ANSWERING_MS)
        page.locator(f"{root} button[type=submit]").click()
        wait_until_scored(page, WARM_QUIZ)
        probe = read_probe(page)
        probe.in_view = in_view
        return probe


def quiet_reader(browser: Browser, base_url: str) -> Probe:
    """For the main-thread figures: answers already on the form (as when the tab kept them),
    the quiz starts (near the screen, or at the first click), nothing else happens until it
    is ready, then one submit.

    Only the reader's two clicks fall in the measured windows: the harness's own work
    (scrolling, hit tests for many clicks) would otherwise count as the page's long tasks.
    """
    with fresh_page(browser, base_url) as page:
        page.goto(WARM_PAGE)
        root = quiz_root(WARM_QUIZ)
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


def alternate(variants: tuple[str, ...], run: int) -> tuple[str, ...]:
    """Run by run, the variants in turn first: a drift in the machine's load hits them alike."""
    shift = run % len(variants)
    return variants[shift:] + variants[:shift]


def measure(browser: Browser, server: BenchServer, runs: int, slow_runs: int) -> list[Figure]:
    """Figures (a)–(d), the HTTP-cached start and the main-thread figures.

    Bare, cold, quiet and cached runs alternate, so a change in the machine's load hits them alike.
    """
    base_url = server.url
    variants = (STOCK, SITE)
    for variant in variants:  # warm-up: OS file cache, server threads, Chromium's first start
        bare_load(browser, base_url, variant)
    bare: dict[str, list[Bare]] = {variant: [] for variant in variants}
    cached: dict[str, list[Bare]] = {variant: [] for variant in variants}
    cold, quiet = [], []
    for run in range(runs):
        for variant in alternate(variants, run):
            bare[variant].append(bare_load(browser, base_url, variant))
        cold.append(cold_result(browser, base_url))
        quiet.append(quiet_reader(browser, base_url))
        for variant in alternate(variants, run):
            cached[variant].append(cached_start(browser, server, variant))
    warm = [warm_result(browser, base_url) for _ in range(runs)]
    with server.gzipped():
        slow = [slow_result(browser, server) for _ in range(slow_runs)]

    sizes = {variant: path.stat().st_size / 1e6 for variant, path in stdlib_files(server.site_dir).items()}
    site_name = stdlib_files(server.site_dir)[SITE].name
    bare_ms = {variant: [load.at for load in loads] for variant, loads in bare.items()}
    cached_ms = {variant: [load.load_ms for load in loads] for variant, loads in cached.items()}
    cold_ms = [probe.first("scored") for probe in cold]
    wait = "Reader's wait"

    def call_ms(variant: str) -> str:
        return f"loadPyodide() call itself {median(load.load_ms for load in bare[variant]):,.0f} ms"

    figures = [
        Figure(wait, "(a) bare stock Pyodide load: navigation → loadPyodide() done in a module worker", "ms",
               bare_ms[STOCK], note=f"baseline: npm's python_stdlib.zip ({sizes[STOCK]:.2f} MB); {call_ms(STOCK)}"),
        Figure(wait, "(a) bare Pyodide load, site stdlib: the same page", "ms", bare_ms[SITE],
               note=f"{site_name} ({sizes[SITE]:.2f} MB raw); {call_ms(SITE)}"),
        Figure(wait, "(a) bare load, site stdlib / stock", "×", ratios(bare_ms[SITE], bare_ms[STOCK]),
               note="per-run pairs"),
        Figure(wait, f"(b) cold result: navigation → tick one box → submit → scored ({COLD_QUIZ})", "ms",
               cold_ms, note="reader clicks as soon as the form is clickable, at "
                             f"{median(probe.first_input for probe in cold):,.0f} ms (median)"),
        Figure(wait, "(b) cold result / bare stock Pyodide load", "×", ratios(cold_ms, bare_ms[STOCK]),
               limit=0.8, note="per-run pairs"),
        Figure(wait, "HTTP-cached runtime start, stock: second loadPyodide() in one context", "ms",
               cached_ms[STOCK], failure=_downloaded_again(cached[STOCK]),
               note="the call alone; a first load filled the HTTP cache and compiled-wasm cache "
                    "(persistent profile; gzip and 304s, as hosts serve)"),
        Figure(wait, "HTTP-cached runtime start, site stdlib: the same", "ms", cached_ms[SITE],
               failure=_downloaded_again(cached[SITE])),
        Figure(wait, "HTTP-cached runtime start, site stdlib / stock", "×", ratios(cached_ms[SITE], cached_ms[STOCK]),
               limit=0.5, note="per-run pairs"),
        Figure(wait, f"(c) warm result: final click → scored ({WARM_QUIZ}, 18 answers in 5 s)", "ms",
               [_click_to_scored(probe) for probe in warm], limit=100),
        Figure(wait, "(c) warm runs: quiz start → ready (data-state loading → ready)", "ms",
               [_ready(probe) - _started(probe) for probe in warm], note=_start_cause(warm)),
        Figure(wait, f"(d) slow 4G: final click → scored ({WARM_QUIZ}, 18 answers over 60 s in view)", "ms",
               [_click_to_scored(probe) for probe in slow], limit=1000,
               note=f"{SLOW_4G.describe()}, throttled at the server; gzip on, as hosts do"),
        Figure(wait, "(d) slow 4G: navigation → scored (60 s answering included)", "ms",
               [_scored_after_click(probe) for probe in slow], note="same runs"),
        Figure(wait, "(d) slow 4G: navigation → quiz ready", "ms", [_ready(probe) for probe in slow],
               note=(f"quiz scrolled into view at {median(probe.in_view or 0.0 for probe in slow):,.0f} ms; "
                     f"{_start_cause(slow)}") if slow else ""),
    ]
    main = "Main thread"
    figures += [
        Figure(main, f"longest task, quiz start: start → ready ({WARM_QUIZ})", "ms",
               [probe.longest_task(_started(probe), _ready(probe)) for probe in quiet], limit=50,
               note="0 = no task over 50 ms (Long Tasks API); a quiz near the screen starts while the "
                    "page itself starts up, whose tasks then count too"),
        Figure(main, f"longest task, scoring: click → scored, result and plot drawn ({WARM_QUIZ})", "ms",
               [probe.longest_task(probe.submits[-1], _scored_after_click(probe) + SETTLE_MS) for probe in quiet],
               limit=50),
        Figure(main, "longest task, cold reader: first interaction → scored (page still loading)", "ms",
               [probe.longest_task(probe.first_input, probe.first("scored")) for probe in cold], limit=50,
               note=f"{COLD_QUIZ}; includes the theme's start-up if it overlaps"),
    ]
    return figures


def _downloaded_again(loads: list[Bare]) -> str | None:
    """A failure when a second load fetched more than revalidations: then nothing was cached."""
    worst = max((load.sent for load in loads), default=0)
    if worst <= CACHED_LOAD_MAX_BYTES:
        return None
    return f"the second load downloaded {worst / 1000:,.0f} kB: the runtime was not taken from the HTTP cache"


def _started(probe: Probe) -> float:
    """When the quiz's worker started (data-state loading)."""
    started = probe.first("loading")
    if started is None:
        raise RuntimeError("the quiz never went to data-state=loading")
    return started


def _start_cause(probes: list[Probe]) -> str:
    """How many of these runs started the worker before the reader's first click (near the screen)."""
    early = sum(1 for probe in probes if probe.first_input is None or _started(probe) < probe.first_input)
    return f"worker started before the first click (quiz near the screen) in {early} of {len(probes)} runs"


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
