// The quiz worker owns Python: it starts Pyodide, loads the site's quiz wheel (checked
// against its sha256 in the lockfile) and scores answers.
//
// Protocol. Page -> worker:
//   {type: "start"}                          start Pyodide and load the wheel (once)
//   {type: "score", id, quiz, answers}       score one answer set; `id` is the page's
// Worker -> page:
//   {type: "progress", step}                 while starting: "runtime", then "quizzes"
//   {type: "ready"}                          started; score requests are answered from now on
//   {type: "failed", reason}                 could not start: the page ends this worker
//   {type: "scored", id, result}             result: Result.to_dict()
//   {type: "rejected", id, message, items}   answers a form cannot send; message for the reader
//   {type: "error", id, message}             scoring raised: this request fails, no other
// Every "score" gets exactly one reply carrying its id: scored, rejected or error. The page
// treats this worker as dead on an error event (an error thrown here: a crash, or a fatal
// Pyodide error, thrown on after its "error" reply), a message it cannot read, "failed", no
// "ready" within 60 s or no reply within 30 s. It then fails every request still waiting,
// ends the worker, and starts a new one on the next attempt.
import { lockFileURL, runtimeURL } from "./paths.js";

let scorer = null;
let PythonError = null; // what a Python exception is in JS; Pyodide stays usable after one
let starting = null;

async function start() {
  postMessage({ type: "progress", step: "runtime" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeURL).href);
  const pyodide = await loadPyodide({
    indexURL: runtimeURL,
    lockFileURL,
    // Set explicitly: without it Pyodide falls back to a CDN address for packages.
    packageBaseUrl: new URL("./", lockFileURL).href,
    stdout: () => {},
    stderr: () => {},
  });
  postMessage({ type: "progress", step: "quizzes" });
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
