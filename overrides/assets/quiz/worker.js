// The quiz worker owns Python: it starts Pyodide with the site's own trimmed standard library,
// loads the site's quiz wheel and scores answers. Every file it downloads to start (the
// runtime's modules and WebAssembly, the standard library, the lockfile, the wheel) it first
// fetches itself and checks against the sha256 the build wrote into paths.js, before Pyodide
// starts (see fetchChecked).
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

// Why a start failed, as the "failed" message's `kind` names it to the page.
class StartFailure extends Error {
  kind = "failed";
}

/** A file's bytes are not the build's. */
class DamagedFile extends StartFailure {
  kind = "damaged";
}

// The sha256 (hex) of every file the start downloads, by absolute URL.
const expectedDigests = new Map(Object.entries(runtimeDigests).map(([path, sha256]) => [new URL(path, import.meta.url).href, sha256]));

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// A body's bytes, counted as they arrive for the progress bar.
async function readCounted(body) {
  const reader = body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks).arrayBuffer();
    chunks.push(value);
    received += value.byteLength;
    report();
  }
}

// Every file of the start is fetched here first, read in full (counted) and checked against
// its sha256; nothing else in this worker is wrapped (no global fetch patch). A file that
// cannot arrive (offline with nothing cached, a missing file) fails the start at once, and
// one whose bytes are not the build's fails it as "damaged", not 20 s later as a stall:
// Pyodide itself waits forever for a WebAssembly module that does not compile. The bytes of
// the lockfile go to Pyodide as they are; the wasm, the stdlib and the wheel Pyodide fetches
// again, from the HTTP cache (or the service worker's) this download filled, and the wheel
// with the lockfile's sha256 as its integrity, which the browser checks.
async function fetchChecked(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new StartFailure(`${url}: ${error}`);
  }
  if (!response.ok) throw new StartFailure(`${url}: HTTP ${response.status}`);
  let bytes;
  try {
    bytes = await readCounted(response.body);
  } catch (error) {
    throw new StartFailure(`${url}: ${error}`);
  }
  const expected = expectedDigests.get(url);
  const actual = await sha256(bytes);
  if (actual !== expected) throw new DamagedFile(`${url}: sha256 ${actual}, expected ${expected}`);
  return bytes;
}

// Modules come through import(), which no fetch sees and no sha256 guards: each is fetched and
// checked first, and imported once it passed, from the browser's cache where it allows.
// Pyodide's own import of pyodide.asm.mjs later finds the same module loaded.
async function importChecked(url) {
  await fetchChecked(url);
  return import(url);
}

// Every file of the start (those paths.js gives a sha256), downloaded at once and checked;
// the two modules imported, the lockfile's text kept for Pyodide.
async function downloadChecked() {
  const [main, asm] = ["pyodide.mjs", "pyodide.asm.mjs"].map((name) => new URL(name, runtimeURL).href);
  const lockFile = new URL(lockFileURL).href;
  const done = new Map(await Promise.all([...expectedDigests.keys()].map(async (url) => {
    const modules = url === main || url === asm;
    return [url, await (modules ? importChecked(url) : fetchChecked(url))];
  })));
  report(true);
  return { loadPyodide: done.get(main).loadPyodide, lockFileContents: new TextDecoder().decode(done.get(lockFile)) };
}

let scorer = null;
let PythonError = null; // what a Python exception is in JS; Pyodide stays usable after one
let starting = null;

async function start() {
  report(true);
  const { loadPyodide, lockFileContents } = await downloadChecked();
  const pyodide = await loadPyodide({
    indexURL: runtimeURL,
    stdLibURL,
    lockFileContents,
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
    starting ??= start().catch((error) => {
      const kind = error instanceof StartFailure ? error.kind : "failed";
      postMessage({ type: "failed", kind, reason: String(error.message ?? error) });
    });
  } else if (data.type === "score") {
    score(data);
  }
});
