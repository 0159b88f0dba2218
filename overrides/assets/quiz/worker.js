// The quiz worker owns Python: it starts Pyodide, loads the site's quiz wheel (checked
// against its sha256 in the lockfile) and scores answers. Messages, page -> worker:
//   {type: "start"}                                  start Pyodide (sent once)
//   {type: "score", id, quiz, answers}               score one answer set
// worker -> page:
//   {type: "progress", step}                         "runtime" | "quizzes"
//   {type: "ready"}
//   {type: "scored", id, result}                     result: Result.to_dict()
//   {type: "rejected", id, message, items}           answers a form cannot send
//   {type: "failed", reason}                         Pyodide or the wheel could not load
import { lockFileURL, runtimeURL } from "./paths.js";

let scorer = null;

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
  scorer = pyodide.pyimport("quizzes.core.browser").score_json;
  postMessage({ type: "ready" });
}

function score({ id, quiz, answers }) {
  const reply = JSON.parse(scorer(quiz, JSON.stringify(answers)));
  if (reply.ok) {
    postMessage({ type: "scored", id, result: reply.result });
  } else {
    postMessage({ type: "rejected", id, message: reply.message, items: reply.items });
  }
}

self.addEventListener("message", ({ data }) => {
  if (data.type === "start" && scorer === null) {
    start().catch((error) => postMessage({ type: "failed", reason: String(error) }));
  } else if (data.type === "score" && scorer !== null) {
    try {
      score(data);
    } catch (error) {
      postMessage({ type: "failed", reason: String(error) });
    }
  }
});
