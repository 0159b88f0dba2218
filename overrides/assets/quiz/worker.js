// The quiz worker owns Python: it starts Pyodide with the site's own trimmed standard library,
// loads the site's quiz wheel and scores answers. Every file it downloads to start (the
// runtime's modules and WebAssembly, the standard library, the lockfile, the wheel) is checked
// against the sha256 the build wrote into paths.js before Pyodide uses it.
//
// Protocol. Page -> worker:
//   {type: "start"}                          start Pyodide and load the wheel (once)
//   {type: "score", id, quiz, answers}       score one answer set; `id` is the page's
// Worker -> page:
//   {type: "progress", step, received}       while starting: step "runtime", then "quizzes";
//                                            received = bytes of the runtime's files so far
//   {type: "ready"}                          started; score requests are answered from now on
//   {type: "failed", kind, reason}           could not start: the page ends this worker; kind
//                                            "damaged" when a file's bytes are not the build's,
//                                            else "failed"
//   {type: "scored", id, result}             result: Result.to_dict()
//   {type: "rejected", id, message, items}   answers a form cannot send; message for the reader
//   {type: "error", id, message}             scoring raised: this request fails, no other
// Every "score" gets exactly one reply carrying its id: scored, rejected or error. The page
// treats this worker as dead on an error event (an error thrown here: a crash, or a fatal
// Pyodide error, thrown on after its "error" reply), a message it cannot read, "failed", no
// message at all for 20 s while starting (a stalled download) or no reply within 30 s. It
// then fails every request still waiting, ends the worker, and starts a new one on the next
// attempt.
import { lockFileURL, runtimeDigests, runtimeURL, stdLibURL } from "./paths.js";

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

// Tells the page the start failed; once started, a failed fetch is not the start's.
function failStart(kind, reason) {
  if (scorer === null) postMessage({ type: "failed", kind, reason });
}

// The sha256 (hex) of every file the start downloads, by absolute URL.
const expectedDigests = new Map(Object.entries(runtimeDigests).map(([path, sha256]) => [new URL(path, import.meta.url).href, sha256]));

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// While the start runs, every fetch Pyodide makes passes here (`withCheckedFetch`). A file of
// the start is read in full from a clone of its response, counting the bytes as they arrive
// for the progress bar, and checked against its sha256; only then does Pyodide get the
// response, untouched (the browser's compiled-wasm cache keys on it). A file whose bytes are
// not the build's fails the start at once as "damaged", not 20 s later as a stall: Pyodide
// itself waits forever for a WebAssembly module that does not compile. A file that cannot
// arrive (offline with nothing cached, a missing file) fails the start at once too.
const workerFetch = self.fetch;
const fetchUnchecked = workerFetch.bind(self);
async function checkedFetch(input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
  const expected = expectedDigests.get(url);
  // The wheel's fetch carries the same sha256 as an integrity check, whose failure the browser
  // reports like a network error: checked below instead, so damage is named as damage.
  const options = expected && init?.integrity ? { ...init, integrity: undefined } : init;
  let response;
  try {
    response = await fetchUnchecked(input, options);
  } catch (error) {
    failStart("failed", String(error));
    throw error;
  }
  if (!response.ok) {
    failStart("failed", `HTTP ${response.status}`);
    return response;
  }
  if (!response.body) return response;
  if (expected === undefined) {
    readCounted(response.clone().body, { keep: false }).catch(() => {}); // a broken download fails Pyodide's own read
    return response;
  }
  let actual;
  try {
    actual = await sha256(await readCounted(response.clone().body));
  } catch (error) {
    failStart("failed", String(error));
    throw error;
  }
  if (actual !== expected) {
    failStart("damaged", `${url}: sha256 ${actual}, expected ${expected}`);
    // The page ends this worker on that message. Rejecting instead would reach promises of
    // Pyodide's that nothing awaits yet (the lockfile's), as an unhandled rejection.
    return new Promise(() => {});
  }
  return response;
}

// Pyodide takes no fetch function of its own (loadPyodide has no such option, and handing it
// checked blob: URLs instead would need `blob:` in the CSP's connect-src), so the check stands
// in for the worker's fetch, but only until the start has ended: scoring fetches nothing, and
// nothing after the start goes through it.
async function withCheckedFetch(run) {
  self.fetch = checkedFetch;
  try {
    return await run();
  } finally {
    self.fetch = workerFetch;
  }
}

// A body's bytes, counted as they arrive; only counted, not kept, with `keep: false`.
async function readCounted(body, { keep = true } = {}) {
  const reader = body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return keep ? new Blob(chunks).arrayBuffer() : undefined;
    if (keep) chunks.push(value);
    received += value.byteLength;
    report();
  }
}

// Modules come through import(), which no fetch sees and no sha256 guards: each is fetched and
// checked first, and imported once it passed, from the browser's cache where it allows. Both
// download at once; Pyodide's own import of pyodide.asm.mjs later finds the same module loaded.
async function importChecked(name) {
  const url = new URL(name, runtimeURL).href;
  const response = await checkedFetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  await response.body?.cancel(); // read and checked through its clone: the bytes come from import()
  const module = await import(url);
  report(true);
  return module;
}

let scorer = null;
let PythonError = null; // what a Python exception is in JS; Pyodide stays usable after one
let starting = null;

async function start() {
  report(true);
  const [{ loadPyodide }] = await Promise.all([importChecked("pyodide.mjs"), importChecked("pyodide.asm.mjs")]);
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
  // The lockfile's sha256 of the wheel is the one paths.js gives: self.fetch checks it.
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
    starting ??= withCheckedFetch(start).catch((error) => failStart("failed", String(error)));
  } else if (data.type === "score") {
    score(data);
  }
});
