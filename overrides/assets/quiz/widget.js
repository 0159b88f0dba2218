// Enhances every server-rendered quiz form ([data-quiz]) on the page: answers are kept in
// sessionStorage (except those marked data-safety), and the first interaction starts one
// module worker per tab that scores them with the quiz's own Python code. Without this
// script the form and the paper key still work on their own.
import { renderResult } from "./render.js";
import strings from "./strings.js";

const START_TIMEOUT_MS = 60_000;
const STORAGE_PREFIX = "quiz-answers:";

// One worker per tab: Material's instant navigation keeps this module alive between pages.
let scoring = null;

function startScoring(onProgress) {
  if (scoring) return scoring;
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 0;
  const progressListeners = new Set([onProgress]);
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), START_TIMEOUT_MS);
    const fail = (reason) => {
      clearTimeout(timer);
      reject(new Error(reason));
      for (const { reject: rejectScore } of pending.values()) rejectScore(new Error("failed"));
      pending.clear();
    };
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail("worker-error");
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "progress") progressListeners.forEach((listener) => listener(data.step));
      else if (data.type === "ready") {
        clearTimeout(timer);
        resolve();
      } else if (data.type === "failed") fail(data.reason);
      else if (pending.has(data.id)) {
        pending.get(data.id).resolve(data);
        pending.delete(data.id);
      }
    });
  });
  ready.catch(() => worker.terminate());
  worker.postMessage({ type: "start" });
  scoring = {
    ready,
    addProgressListener: (listener) => progressListeners.add(listener),
    async score(quiz, answers) {
      await ready;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "score", id, quiz, answers });
      });
    },
  };
  return scoring;
}

function readAnswers(form) {
  const answers = {};
  for (const [name, value] of new FormData(form)) answers[name] = String(value);
  return answers;
}

// An answer that points to danger at home is never written down, not even for the session:
// whoever picks up this device next could read it. It is scored, then forgotten with the page.
function storableAnswers(form, answers) {
  const unsafe = new Set([...form.querySelectorAll("input[data-safety]")].map((input) => input.name));
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !unsafe.has(name)));
}

function restoreAnswers(form, answers) {
  for (const [name, value] of Object.entries(answers)) {
    for (const input of form.querySelectorAll("input")) {
      if (input.name === name && input.value === value) input.checked = true;
    }
  }
}

// sessionStorage can be missing or blocked (a sandboxed frame, strict privacy settings).
const storage = {
  load(key) {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_PREFIX + key) || "{}");
    } catch {
      return {};
    }
  },
  save(key, answers) {
    // Nothing to keep leaves no key behind: even a quiz's name says something.
    if (Object.keys(answers).length === 0) return this.clear(key);
    try {
      sessionStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(answers));
    } catch {
      /* answers then last as long as the page */
    }
  },
  clear(key) {
    try {
      sessionStorage.removeItem(STORAGE_PREFIX + key);
    } catch {
      /* nothing stored */
    }
  },
};

function siteBase() {
  const config = document.getElementById("__config");
  const base = config ? JSON.parse(config.textContent).base : ".";
  return new URL(`${base}/`, location.href);
}

function enhance(root) {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const quizId = root.dataset.quiz;
  const form = root.querySelector("form");
  const status = root.querySelector(".quiz__status");
  const result = root.querySelector(".quiz__result");
  const key = root.querySelector(".quiz__key");
  const submit = form.querySelector("button[type=submit]");
  const clear = root.querySelector("[data-action=clear]");

  const setState = (state, message) => {
    root.dataset.state = state;
    if (message !== undefined) status.textContent = message;
  };
  const showPaperKey = (message) => {
    setState("error", message);
    if (key) key.open = true;
  };
  const onProgress = (step) => {
    if (root.dataset.state === "loading") status.textContent = strings.progress[step] || strings.loading;
  };
  const start = () => {
    if (root.dataset.state !== "idle") return;
    setState("loading", strings.loading);
    const service = startScoring(onProgress);
    service.addProgressListener(onProgress);
    service.ready.then(
      () => root.dataset.state === "loading" && setState("ready", strings.ready),
      (error) => showPaperKey(error.message === "timeout" ? strings.timeout : strings.failed),
    );
  };

  // A value stored before safety answers were left out loses them here, on screen and in storage.
  const kept = storableAnswers(form, storage.load(quizId));
  restoreAnswers(form, kept);
  storage.save(quizId, kept);
  submit.disabled = false;
  clear.disabled = false;
  // A worker already running (from an earlier page of this tab) makes the quiz ready at once.
  if (scoring) start();

  // Any interaction with the questions starts Python; clearing the answers does not.
  const startUnlessClearing = (event) => event.target !== clear && start();
  form.addEventListener("focusin", startUnlessClearing);
  form.addEventListener("pointerdown", startUnlessClearing);
  form.addEventListener("change", () => {
    start();
    storage.save(quizId, storableAnswers(form, readAnswers(form)));
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (root.dataset.state === "scoring" || root.dataset.state === "error") return;
    start();
    const answers = readAnswers(form);
    submit.setAttribute("aria-disabled", "true");
    setState("scoring", strings.scoring);
    try {
      const reply = await scoring.score(quizId, answers);
      if (reply.type === "scored") {
        renderResult(result, reply.result, { strings, base: siteBase(), rootId: root.id });
        result.hidden = false;
        root.dataset.result = JSON.stringify(reply.result);
        setState("scored", strings.scored);
        result.focus();
      } else {
        setState("ready", reply.message);
        const first = reply.items && form.querySelector(`[name="${CSS.escape(reply.items[0])}"]`);
        if (first) first.focus();
      }
    } catch (error) {
      showPaperKey(error.message === "timeout" ? strings.timeout : strings.failed);
    } finally {
      submit.removeAttribute("aria-disabled");
    }
  });

  clear.addEventListener("click", () => {
    storage.clear(quizId);
    form.reset();
    result.hidden = true;
    result.replaceChildren();
    delete root.dataset.result;
    if (root.dataset.state === "scored") setState("ready");
    status.textContent = strings.cleared;
  });
}

function enhanceAll() {
  document.querySelectorAll("[data-quiz]").forEach(enhance);
}

// Material's instant navigation swaps pages without reloading: its document$ observable
// fires for every page shown, including the first.
if (window.document$) window.document$.subscribe(enhanceAll);
else enhanceAll();
