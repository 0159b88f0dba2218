"""Figure (e): the second visit to a quiz page, offline, with what the service worker kept.

One browser context per run and quiz, gzip on as hosts serve: a first visit online chooses
offline reading on the privacy page (the service worker exists only once a reader presses
"Keep this guide on this device for offline reading"), then opens the quiz page, answers and
scores (which is when the service worker keeps the runtime);
the bench waits until the service worker controls the page and every runtime file is in
Cache Storage, checked in the page, then takes the context offline (Playwright's offline
switch, for the page, its workers and the service worker) and the host down too (it hangs up
on every request: see bench/throttle.py), opens the page again in a new tab, answers and
submits. The figure is first interaction → scored on that second visit.

A run fails, and with it the figure, when the page does not open from the cache, the quiz
ends in `data-state="error"`, or any request but the browser's own service-worker update
check reaches the host while offline.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from bench.browser import (
    PROBE,
    QUIZ_PAGES,
    answer_at_once,
    new_page,
    quiz_root,
    read_probe,
    status_text,
    wait_for_outcome,
    wait_until_scored,
)
from bench.report import Figure
from bench.throttle import BenchServer

GROUP = "Reader's wait"
# The browser's own update check of the registered service worker, which Playwright's
# offline switch lets through: refused by the host like everything else, and no failure.
UPDATE_CHECK = "/service-worker.js"
KEPT_WITHIN_MS = 60_000  # after the first visit's result, for the runtime to reach Cache Storage
PRIVACY_PAGE = "privacy/"
KEEP, STOP = "Keep this guide on this device for offline reading", "Stop keeping this guide on this device"

# Every URL in this origin's Cache Storage, and the runtime files (paths.js's runtimeFiles,
# resolved as the worker resolves them) that are not among them.
CACHE_CONTENTS = """async () => {
  const widget = document.querySelector('script[src*="/widget.js"]');
  const pathsURL = new URL("paths.js", widget.src);
  const { runtimeFiles } = await import(pathsURL.href);
  const wanted = Object.keys(runtimeFiles).map((path) => new URL(path, pathsURL).href);
  const cached = new Set();
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) cached.add(request.url);
  }
  return { wanted, missing: wanted.filter((url) => !cached.has(url)), cached: [...cached] };
}"""


class OfflineFailure(Exception):
    """A run whose check did not hold: the reason is the figure's failure."""


@dataclass
class OfflineRun:
    first_input_to_scored: float
    started_early: bool  # the worker started before the first click (the quiz was near the screen)
    update_check: bool = False  # the browser asked the host for service-worker.js meanwhile (refused)


def offline_visit(browser: Browser, server: BenchServer, quiz: str) -> OfflineRun:
    """One run: online first visit, then the same page offline in a new tab of the same context."""
    path = QUIZ_PAGES[quiz]
    context = browser.new_context(base_url=server.url)
    try:
        context.add_init_script(PROBE)
        first = new_page(context)
        choose_offline_reading(first)
        first.goto(path, wait_until="load")
        answer_at_once(first, quiz)
        wait_until_scored(first, quiz)
        wait_until_kept(first)
        context.set_offline(True)
        with server.unreachable() as refused:
            second = new_page(context)
            try:
                response = second.goto(path, wait_until="load")
            except PlaywrightError as error:
                raise OfflineFailure(f"the page did not open from the cache offline: "
                                     f"{str(error).strip().splitlines()[0]}") from None
            if response is None or not response.from_service_worker:
                raise OfflineFailure("the page opened offline, but not from the service worker")
            second.wait_for_selector(f"{quiz_root(quiz)}[data-enhanced]", state="attached")
            answer_at_once(second, quiz)
            if wait_for_outcome(second, quiz) == "error":
                raise OfflineFailure(f'the quiz ended in data-state="error" offline: '
                                     f"{status_text(second, quiz)!r}{missing_note(second)}")
            probe = read_probe(second)
        leaked = [asked for asked in refused if asked != UPDATE_CHECK]
        if leaked:
            raise OfflineFailure(f"requests reached the host while the context was offline: {', '.join(leaked)}")
        scored = probe.first("scored", probe.submits[-1])
        if scored is None or probe.first_input is None:
            raise RuntimeError("no first input or no scored state on the offline visit")
        started = probe.first("loading")
        return OfflineRun(scored - probe.first_input, started is not None and started < probe.first_input,
                          UPDATE_CHECK in refused)
    finally:
        context.close()


def choose_offline_reading(page: Page) -> None:
    """Press the privacy page's button, as a reader does; wait until the worker serves the page."""
    page.goto(PRIVACY_PAGE, wait_until="load")
    page.get_by_role("button", name=KEEP).click()
    try:
        page.get_by_role("button", name=STOP).wait_for(timeout=KEPT_WITHIN_MS)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=KEPT_WITHIN_MS)
    except PlaywrightError:
        raise OfflineFailure("choosing offline reading on the privacy page registered no service worker") from None


def wait_until_kept(page: Page) -> None:
    """Until the service worker controls the page and every runtime file is in Cache Storage."""
    try:
        page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                               timeout=KEPT_WITHIN_MS)
    except PlaywrightError:
        raise OfflineFailure(f"no service worker controlled the page {KEPT_WITHIN_MS // 1000} s "
                             "after the first result") from None
    waited = 0
    while True:
        contents = page.evaluate(CACHE_CONTENTS)
        if not contents["missing"]:
            return
        if waited >= KEPT_WITHIN_MS:
            names = ", ".join(url.rsplit("/", 1)[-1] for url in contents["missing"])
            raise OfflineFailure(f"runtime files not in Cache Storage {KEPT_WITHIN_MS // 1000} s after "
                                 f"the first result: {names}")
        page.wait_for_timeout(250)
        waited += 250


def missing_note(page: Page) -> str:
    """For a failure's reason: what of the quiz bundle the caches lack (the wheel, the lockfile…)."""
    try:
        contents = page.evaluate(CACHE_CONTENTS)
        bundle = page.evaluate("""() => new URL(".", document.querySelector('script[src*="/widget.js"]').src).href""")
    except PlaywrightError:
        return ""
    cached_bundle = sorted(url.rsplit("/", 1)[-1] for url in contents["cached"] if url.startswith(bundle))
    return f" (quiz bundle files in Cache Storage: {', '.join(cached_bundle) or 'none'})"


def measure(browser: Browser, server: BenchServer, runs: int) -> list[Figure]:
    """Runs alternate between the two quizzes; gzip on throughout."""
    results: dict[str, list[OfflineRun]] = {quiz: [] for quiz in QUIZ_PAGES}
    failures: dict[str, list[str]] = {quiz: [] for quiz in QUIZ_PAGES}
    with server.gzipped():
        for _ in range(runs):
            for quiz in QUIZ_PAGES:
                try:
                    results[quiz].append(offline_visit(browser, server, quiz))
                except OfflineFailure as failure:
                    failures[quiz].append(str(failure))
    return [offline_figure(quiz, page, results[quiz], failures[quiz]) for quiz, page in QUIZ_PAGES.items()]


def offline_figure(quiz: str, page: str, results: list[OfflineRun], failures: list[str]) -> Figure:
    """One quiz's figure: the runs that worked, failed as a whole if any run failed."""
    failure = None
    if failures:
        runs = len(results) + len(failures)
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        failure = f"{len(failures)} of {runs} runs: {failures[0]}{more}"
    early = sum(run.started_early for run in results)
    checks = sum(run.update_check for run in results)
    note = (f"the reader clicks one answer and submits; worker started before that click in "
            f"{early} of {len(results)} runs") if results else ""
    if checks:
        note += (f"; in {checks} of {len(results)} runs the browser's update check of {UPDATE_CHECK} went out anyway "
                 "(Playwright's offline switch misses it) and the host refused it")
    return Figure(GROUP, f"(e) offline second visit: first interaction → scored ({quiz}, {page})", "ms",
                  [run.first_input_to_scored for run in results], failure=failure, note=note)
