"""A stand-in for the quiz worker, for tests about what the widget does WITH a result.

The real worker (overrides/assets/quiz/worker.js) spends seconds starting Pyodide before its
first reply; the widget cannot tell the stand-in from it: the stand-in speaks the same
messages (the protocol at the top of worker.js) and answers each "score" with what CPython's
`quizzes.core.browser.score_json` says, the function the real worker calls in Pyodide. It asks
for that over a test-only address that the test's own route answers in this process.

Pyodide giving the same results as CPython is proven by the build (under Node, on every
sample) and in the browser by the real-worker tests that remain: scoring in the browser, the
start-up and stall tests, the offline second visit, the walk.

A test opts in with one line: `@pytest.mark.usefixtures("stub_worker")` (the fixture is in
tests/conftest.py and fails the test if Pyodide was fetched all the same), or
`use_stub_worker(context)` on a context of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Route

from quizzes.core.browser import score_json

WORKER_SCRIPT = re.compile(r".*/assets/quiz/[^/]+/worker\.js(\?.*)?$")
SCORING_ADDRESS = re.compile(r".*/assets/quiz/[^/]+/__score$")

# Starts at once (no runtime to fetch), then posts each answer set to __score beside itself.
STUB_WORKER_JS = """
const scorer = new URL("__score", self.location.href).href;
self.addEventListener("message", async ({ data }) => {
  if (data.type === "start") {
    postMessage({ type: "ready" });
    return;
  }
  if (data.type !== "score") return;
  const { id, quiz, answers } = data;
  let reply;
  try {
    const response = await fetch(scorer, { method: "POST", body: JSON.stringify({ quiz, answers }) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    reply = await response.json();
  } catch (error) {
    postMessage({ type: "error", id, message: String(error) });
    return;
  }
  if (reply.ok) postMessage({ type: "scored", id, result: reply.result });
  else postMessage({ type: "rejected", id, message: reply.message, items: reply.items });
});
"""


@dataclass
class StubWorker:
    """What the stand-in was asked: one (quiz id, answers) per scoring request."""

    asked: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    runtime_fetched: list[str] = field(default_factory=list)  # Pyodide's files: none, if the stand-in served

    def serve_script(self, route: Route) -> None:
        route.fulfill(status=200, content_type="text/javascript", body=STUB_WORKER_JS)

    def answer_scoring(self, route: Route) -> None:
        request = json.loads(route.request.post_data or "{}")
        self.asked.append((request["quiz"], request["answers"]))
        try:
            reply = score_json(request["quiz"], json.dumps(request["answers"]))
        except Exception as error:  # the real worker replies "error" when score_json raises
            route.fulfill(status=500, body=repr(error))
            return
        route.fulfill(status=200, content_type="application/json", body=reply)


def use_stub_worker(context: BrowserContext) -> StubWorker:
    """Serve the stand-in in place of worker.js to every page of `context`."""
    stub = StubWorker()
    context.on("request", lambda request: stub.runtime_fetched.append(request.url)
               if "/assets/pyodide/" in request.url else None)
    context.route(WORKER_SCRIPT, stub.serve_script)
    context.route(SCORING_ADDRESS, stub.answer_scoring)
    return stub
