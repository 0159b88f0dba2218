// The quiz worker owns Python: it starts Pyodide with the site's own trimmed standard library,
// loads the site's quiz wheel (checked against its sha256 in the lockfile) and scores answers.
//
// Protocol. Page -> worker:
//   {type: "start"}                          start Pyodide and load the wheel (once)
//   {type: "score", id, quiz, answers}       score one answer set; `id` is the page's
// Worker -> page:
//   {type: "progress", step, received}       while starting: step "runtime", then "quizzes";
//                                            received = bytes of the runtime's files so far
//   {type: "ready"}                          started; score requests are answered from now on
//   {type: "failed", reason}                 could not start: the page ends this worker
//   {type: "scored", id, result}             result: Result.to_dict()
//   {type: "rejected", id, message, items}   answers a form cannot send; message for the reader
//   {type: "error", id, message}             scoring raised: this request fails, no other
// Every "score" gets exactly one reply carrying its id: scored, rejected or error. The page
// treats this worker as dead on an error event (an error thrown here: a crash, or a fatal
// Pyodide error, thrown on after its "error" reply), a message it cannot read, "failed", no
// message at all for 20 s while starting (a stalled download) or no reply within 30 s. It
// then fails every request still waiting, ends the worker, and starts a new one on the next
// attempt.
import { lockFileURL, runtimeFiles, runtimeURL, stdLibURL } from "./paths.js";

// Progress is reported at most this often: a message per network chunk would flood the page.
const PROGRESS_EVERY_MS = 250;
let received = 0;
let step = "runtime";
let lastReport = 0;

function report(force = false) {
  const now = performance.now();
  if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
  lastReport = now;
  postMessage({ type: "progress", step, received });
}

// Pyodide has no progress callback, so the worker counts what its fetches receive: each
// response is handed on untouched (the browser's compiled-wasm cache keys on it) while a
// clone of its body is read only to count the bytes as they arrive.
//
// A file that cannot arrive (offline with nothing cached, a missing file) ends the start at
// once: Pyodide itself would wait forever for a WebAssembly module that never came.
const fetchUncounted = self.fetch.bind(self);
self.fetch = async (...args) => {
  let response;
  try {
    response = await fetchUncounted(...args);
  } catch (error) {
    if (scorer === null) postMessage({ type: "failed", reason: String(error) });
    throw error;
  }
  if (!response.ok && scorer === null) postMessage({ type: "failed", reason: `HTTP ${response.status}` });
  else if (response.body) countBody(response.clone().body);
  return response;
};

async function countBody(body) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      report();
    }
  } catch {
    // A broken download fails Pyodide's own read of the same response: reported there.
  }
}

// Modules come through import(), which no fetch sees: counted whole once they arrive.
// Importing pyodide.asm.mjs here too lets it download beside pyodide.mjs; Pyodide's own
// import of it later finds the same module already loaded.
const moduleSizes = new Map(Object.entries(runtimeFiles).map(([path, size]) => [new URL(path, import.meta.url).href, size]));

async function importCounted(name) {
  const url = new URL(name, runtimeURL).href;
  const module = await import(url);
  received += moduleSizes.get(url) ?? 0;
  report(true);
  return module;
}

let scorer = null;
let PythonError = null; // what a Python exception is in JS; Pyodide stays usable after one
let starting = null;

async function start() {
  report(true);
  const [{ loadPyodide }] = await Promise.all([importCounted("pyodide.mjs"), importCounted("pyodide.asm.mjs")]);
  const pyodide = await loadPyodide({
    indexURL: runtimeURL,
    stdLibURL,
    lockFileURL,
    // Set explicitly: without it Pyodide falls back to a CDN address for packages.
    packageBaseUrl: new URL("./", lockFileURL).href,
    stdout: () => {},
    stderr: () => {},
  });
  step = "quizzes";
  report(true);
  await pyodide.loadPackage("quizzes", { messageCallback: () => {}, checkIntegrity: true });
  PythonError = pyodide.ffi.PythonError;
  scorer = pyodide.pyimport("quizzes.core.browser").score_json;
  postMessage({ type: "ready" });
}

function score({ id, quiz, answers }) {
  if (scorer === null) {
    postMessage({ type: "error", id, message: "not started" });
    return;
  }
  let reply;
  try {
    reply = JSON.parse(scorer(quiz, JSON.stringify(answers)));
  } catch (error) {
    postMessage({ type: "error", id, message: String(error) });
    // Anything but a Python exception (a fatal Pyodide error) leaves Python unusable: thrown
    // on, it reaches the page as this worker's error event, and the page replaces the worker.
    if (!(error instanceof PythonError)) throw error;
    return;
  }
  if (reply.ok) {
    postMessage({ type: "scored", id, result: reply.result });
  } else {
    postMessage({ type: "rejected", id, message: reply.message, items: reply.items });
  }
}

self.addEventListener("message", ({ data }) => {
  if (data.type === "start") {
    starting ??= start().catch((error) => postMessage({ type: "failed", reason: String(error) }));
  } else if (data.type === "score") {
    score(data);
  }
});
