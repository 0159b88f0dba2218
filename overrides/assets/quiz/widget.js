// Enhances every server-rendered quiz form ([data-quiz]) on the page: answers are kept in
// sessionStorage (except those marked data-safety), and one module worker per tab scores them
// with the quiz's own Python code. The worker starts when a quiz comes near the screen or on
// the first interaction, whichever is first; when the browser asks to save data, only on the
// first interaction. Without this script the form and the paper key still work on their own.
import { runtimeFiles, siteRoot } from "./paths.js";
import { renderResult } from "./render.js";
import strings from "./strings.js";

// A start fails when nothing has arrived for this long: a slow download that keeps going
// finishes, however long it takes, and a dead one fails in seconds, not minutes.
const STALL_TIMEOUT_MS = 20_000;
// "Near the screen": within a quarter of a screen's height of it. A reader scrolling towards
// a quiz starts the download a moment before seeing it, and one who reads only the top of
// the page downloads nothing.
const NEAR_SCREEN = "25% 0px 25% 0px";
const RUNTIME_BYTES = Object.values(runtimeFiles).reduce((sum, size) => sum + size, 0);
// Scoring takes milliseconds once Python runs, but a worker can vanish without a word (the
// browser may end it to free memory): a request left unanswered this long counts as its death.
const REPLY_TIMEOUT_MS = 30_000;
const STORAGE_PREFIX = "quiz-answers:";

// The tab's scoring worker while it lives: Material's instant navigation keeps this module,
// and so the worker, alive from page to page. One that fails or dies is dropped, so the
// next attempt starts a new one.
let current = null;

function scoringWorker() {
  current ??= startWorker();
  return current;
}

// One worker and the requests waiting on it (protocol: worker.js). Each request settles once:
// with its reply, or with the worker's death, which fails every request still waiting.
function startWorker() {
  // A worker started by a page the service worker serves has its fetches kept as they pass.
  const seenByServiceWorker = Boolean(navigator.serviceWorker?.controller);
  const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const pending = new Map(); // request id -> { resolve, reject, timer }
  const listeners = new Map(); // quiz root -> progress listener, until the start is over
  let nextId = 0;
  let settleStart;
  const ready = new Promise((resolve, reject) => (settleStart = { resolve, reject }));
  ready.catch(() => {}); // a failed start is told to those who wait on it, not reported as a page error
  let settleEnd;
  const ended = new Promise((resolve) => (settleEnd = resolve)); // with the failure that ended it
  let startTimer = null;
  const stillStarting = () => {
    clearTimeout(startTimer);
    startTimer = setTimeout(() => die(new StartStalled()), STALL_TIMEOUT_MS);
  };
  stillStarting();
  // dead: the ScoringFailure that ended this worker, null while it lives.
  const service = { ready, ended, isReady: false, dead: null, latest: null, listen, score };

  function die(failure) {
    if (service.dead) return;
    service.dead = failure;
    service.isReady = false;
    if (current === service) current = null;
    worker.terminate();
    clearTimeout(startTimer);
    settleStart.reject(failure);
    settleEnd(failure);
    for (const request of pending.values()) {
      clearTimeout(request.timer);
      request.reject(failure);
    }
    pending.clear();
    listeners.clear();
  }

  function started() {
    clearTimeout(startTimer);
    service.isReady = true;
    listeners.clear(); // progress comes only while starting
    settleStart.resolve();
    if (!seenByServiceWorker) keepForOffline();
  }

  // Widgets of a page that instant navigation replaced are out of the document: dropped.
  function progress(data) {
    service.latest = data;
    for (const [root, listener] of listeners) {
      if (root.isConnected) listener(data);
      else listeners.delete(root);
    }
  }

  function reply(data) {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    clearTimeout(request.timer);
    if (data.type === "error") request.reject(new PythonRaised(data.message));
    else request.resolve(data);
  }

  const lost = () => die(service.isReady ? new WorkerCrashed() : new StartFailed());
  worker.addEventListener("error", (event) => {
    event.preventDefault(); // handled here: the reader is told, so it is no page error
    lost();
  });
  worker.addEventListener("messageerror", lost);
  worker.addEventListener("message", ({ data }) => {
    if (!service.isReady) stillStarting();
    if (data.type === "progress") progress(data);
    else if (data.type === "ready") started();
    else if (data.type === "failed") die(startFailure(data));
    else reply(data);
  });
  worker.postMessage({ type: "start" });

  // A widget that joins late is told at once how far the start has come.
  function listen(root, listener) {
    if (service.isReady || service.dead) return;
    listeners.set(root, listener);
    if (service.latest) listener(service.latest);
  }

  async function score(quiz, answers) {
    await ready;
    if (service.dead) throw service.dead;
    return new Promise((resolve, reject) => {
      const id = nextId++;
      worker.postMessage({ type: "score", id, quiz, answers });
      pending.set(id, { resolve, reject, timer: setTimeout(lost, REPLY_TIMEOUT_MS) });
    });
  }

  return service;
}

// The runtime's files, as the worker fetches them, for a worker that started before the service
// worker served this page (a first visit): the service worker is asked to keep them now. The
// browser's HTTP cache holds them, so they are not downloaded again. Without one, nothing happens.
function keepForOffline() {
  const urls = [new URL("./worker.js", import.meta.url).href,
    ...Object.keys(runtimeFiles).map((path) => new URL(path, import.meta.url).href)];
  navigator.serviceWorker?.getRegistration()
    .then((registration) => registration && navigator.serviceWorker.ready)
    .then((registration) => registration?.active?.postMessage({ type: "keep", urls }))
    .catch(() => {});
}

// Why no result came, one class per cause: the reader is told by its `readerMessage`, the
// strings.json entry its class names; the answers always stay in the form.
class ScoringFailure extends Error {
  static messageKey = "scoreFailed";

  get readerMessage() {
    return strings[this.constructor.messageKey];
  }
}

/** The worker's start stalled: nothing arrived for STALL_TIMEOUT_MS. */
class StartStalled extends ScoringFailure {
  static messageKey = "timeout";
}

/** The worker could not start (a file could not arrive, Pyodide failed). */
class StartFailed extends ScoringFailure {
  static messageKey = "failed";
}

/** A file the worker downloaded is not the build's. */
class FileDamaged extends ScoringFailure {
  static messageKey = "damaged";
}

/** The worker died once started, or stopped answering. */
class WorkerCrashed extends ScoringFailure {}

/** Python raised while scoring this request; the worker lives on. */
class PythonRaised extends ScoringFailure {}

// The worker's {type: "failed", kind} message as a failure; an unknown kind is a failed start.
const START_FAILURES = { damaged: FileDamaged };

function startFailure({ kind, reason }) {
  return new (Object.hasOwn(START_FAILURES, kind) ? START_FAILURES[kind] : StartFailed)(reason);
}

function failureMessage(error) {
  // Anything else thrown on the way is a failed request too.
  return error instanceof ScoringFailure ? error.readerMessage : strings.scoreFailed;
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

// The answers this form can hold, from a value read back from storage: only an object's
// entries naming an input of this form with one of its values. Anything else (null, a list, a
// string, a number, unknown items or values: an older build's, or tampered) is left out.
function knownAnswers(form, value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const known = Object.entries(value).filter(([name, answer]) => typeof answer === "string"
    && [...form.elements].some((input) => input.name === name && input.value === answer));
  return Object.fromEntries(known);
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

// "Print my result": the page prints that result alone (quiz.css hides the rest on paper while
// <html> has this class), dated today in the reader's own time zone. Nothing leaves the device.
const PRINTING = "printing-result";

function printResult(region) {
  const today = new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
  region.querySelector("[data-print-date]").textContent = strings.printedOn.replace("{date}", today);
  region.dataset.printing = "";
  document.documentElement.classList.add(PRINTING);
  // Once the print dialog closes, Ctrl+P prints the whole page again.
  window.addEventListener("afterprint", () => {
    document.documentElement.classList.remove(PRINTING);
    delete region.dataset.printing;
  }, { once: true });
  window.print();
}

// One observer for every quiz of the tab: a quiz that comes near the screen starts the worker.
// A browser asked to save data downloads nothing before the reader touches a quiz.
const savingData = navigator.connection?.saveData === true;
const startWhenNear = new Map(); // quiz root -> its start()
const nearScreen = savingData || !("IntersectionObserver" in window) ? null : new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    nearScreen.unobserve(entry.target);
    startWhenNear.get(entry.target)?.();
    startWhenNear.delete(entry.target);
  }
}, { rootMargin: NEAR_SCREEN });

function watchNearScreen(root, start) {
  if (!nearScreen) return;
  // Quizzes of pages that instant navigation replaced are no longer watched.
  for (const old of startWhenNear.keys()) {
    if (!old.isConnected) {
      nearScreen.unobserve(old);
      startWhenNear.delete(old);
    }
  }
  startWhenNear.set(root, start);
  // Not before the page has loaded: the page's own files come first.
  if (document.readyState === "complete") nearScreen.observe(root);
  else window.addEventListener("load", () => root.isConnected && nearScreen.observe(root), { once: true });
}

// The download's progress: the bar moves with every report, while the status line, which
// screen readers announce, changes only every quarter, so it informs without chattering.
function showProgress(bar, status, { step, received }) {
  bar.hidden = step !== "runtime";
  bar.max = RUNTIME_BYTES;
  bar.value = Math.min(received, RUNTIME_BYTES);
  const quarter = step === "runtime" ? Math.floor((4 * bar.value) / RUNTIME_BYTES) * 25 : 100;
  const text = step === "runtime" ? strings.progress.runtime.replace("{percent}", String(quarter)) : strings.progress[step];
  if (text && status.textContent !== text) status.textContent = text;
}

// A page restored from the back-forward cache comes back as it was left, ticks included: its
// safety answers do not come back (the form's autocomplete="off" covers Back and reload).
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  for (const input of document.querySelectorAll("[data-quiz] input[data-safety]:checked")) {
    input.checked = false;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
});

// A widget's data-state, and the events that move it: every change of state goes through
// transition(event), by this table; an event its state does not list changes nothing. From
// error, "See my result" tries again, with a new worker if needed. Any change to an answer
// (Clear too) takes a shown result away and drops a reply on its way: a result on screen is
// always for the answers in the form. Where an outdated widget goes depends on its worker:
// still starting, ready, or gone (then idle, and the next interaction starts a new one).
const TRANSITIONS = {
  idle: { start: "loading", submit: "scoring" },
  loading: { started: "ready", startFailed: "error", submit: "scoring" },
  ready: { submit: "scoring", workerLost: "idle" },
  scoring: {
    scored: "scored", rejected: "ready", failed: "error",
    outdatedWhileStarting: "loading", outdatedWhileReady: "ready", outdatedWithoutWorker: "idle",
  },
  scored: { submit: "scoring", outdatedWhileReady: "ready", outdatedWithoutWorker: "idle" },
  error: { submit: "scoring" },
};

// Which "outdated" event fits the worker a widget follows.
function outdatedEvent(service) {
  if (!service || service.dead) return "outdatedWithoutWorker";
  return service.isReady ? "outdatedWhileReady" : "outdatedWhileStarting";
}

function enhance(root) {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const quizId = root.dataset.quiz;
  const form = root.querySelector("form");
  const status = root.querySelector(".quiz__status");
  const progressBar = root.querySelector(".quiz__progress");
  const result = root.querySelector(".quiz__result");
  const key = root.querySelector(".quiz__key");
  const submit = form.querySelector("button[type=submit]");
  const clear = root.querySelector("[data-action=clear]");
  const safetyNow = root.querySelector(".quiz__safety-now"); // the help a safety answer shows at once
  let followed = null; // the worker whose start this widget follows
  let generation = 0; // bumped by each submit, change and Clear: a reply to an older one is ignored

  // quiz.css shows the help from the tick itself; this flag does the same where :has() is missing.
  const markSafety = () => {
    const ticked = [...form.querySelectorAll("input[data-safety]")].some((input) => input.checked);
    if (ticked) root.dataset.safetyTicked = "";
    else delete root.dataset.safetyTicked;
    return ticked;
  };
  const hideResult = () => {
    result.hidden = true;
    result.replaceChildren();
    delete root.dataset.result;
  };
  const showResult = (data) => {
    // The safety result is the help already on screen, built from the same Python: one copy.
    const shownAlready = Boolean(data.safety && safetyNow && "safetyTicked" in root.dataset);
    if (shownAlready) {
      result.replaceChildren();
    } else {
      const title = root.querySelector(".quiz__title")?.textContent ?? "";
      const disclaimer = root.querySelector(".quiz__disclaimer-text")?.textContent ?? strings.disclaimer;
      renderResult(result, data, { strings, base: new URL(siteRoot), rootId: root.id, title, disclaimer });
    }
    result.hidden = shownAlready;
    root.dataset.result = JSON.stringify(data);
    status.textContent = shownAlready ? strings.safetyScored : strings.scored;
    (shownAlready ? safetyNow : result).focus();
  };
  const showRejection = ({ message, items }) => {
    const first = items && form.querySelector(`[name="${CSS.escape(items[0])}"]`);
    if (first) first.focus();
    return message;
  };
  const showPaperKey = (error) => {
    if (key) key.open = true;
    const message = failureMessage(error);
    // A failure's message must not take the place of the pointer to help.
    return "safetyTicked" in root.dataset ? `${strings.safetyShown} ${message}` : message;
  };

  // Joins the tab's worker, starting one if there is none (or the last one died), and follows
  // a worker's start once: its progress while loading, then "started" or "startFailed".
  const join = () => {
    const service = scoringWorker();
    if (service === followed) return service;
    followed = service;
    service.listen(root, (progress) => {
      if (root.dataset.state === "loading") showProgress(progressBar, status, progress);
    });
    // Only the worker this widget follows now moves it: not one it left for a newer one.
    const followedStill = () => service === followed;
    service.ready.then(() => followedStill() && transition("started"),
      (error) => followedStill() && transition("startFailed", { error }));
    // A ready widget whose worker died says nothing more about it; its next interaction starts another.
    service.ended.then(() => followedStill() && transition("workerLost", { message: "" }));
    return service;
  };

  // What each state does on entry, given the event's detail; returns the status line's text
  // (undefined leaves it as it is). `detail.message` overrides it.
  const enter = {
    idle: () => undefined,
    loading: () => {
      join();
      return strings.loading;
    },
    ready: ({ reply }) => (reply ? showRejection(reply) : strings.ready),
    scoring: () => {
      submit.setAttribute("aria-disabled", "true");
      return strings.scoring;
    },
    scored: ({ reply }) => {
      showResult(reply.result);
      return undefined; // showResult says which result it shows
    },
    error: ({ error }) => showPaperKey(error),
  };
  // What leaving a state undoes.
  const leave = {
    loading: () => (progressBar.hidden = true),
    scoring: () => submit.removeAttribute("aria-disabled"),
    scored: hideResult,
  };

  function transition(event, detail = {}) {
    const from = root.dataset.state;
    const to = TRANSITIONS[from]?.[event];
    if (to === undefined) return false;
    leave[from]?.();
    root.dataset.state = to;
    const text = enter[to](detail);
    const message = detail.message ?? text;
    if (message !== undefined) status.textContent = message;
    return true;
  }

  // A result, or a request, for answers that are no longer those in the form.
  const outdate = (message) => {
    if (transition(outdatedEvent(followed), { message })) generation++; // a reply on its way is for the answers before
  };

  // A value stored before safety answers were left out loses them here, on screen and in
  // storage, as does anything stored that is not this form's answers.
  const kept = storableAnswers(form, knownAnswers(form, storage.load(quizId)));
  restoreAnswers(form, kept);
  storage.save(quizId, kept);
  markSafety();
  // Inside another site's frame, the help opens in its own tab rather than in the quiz's frame.
  if (window.self !== window.top) {
    safetyNow?.querySelectorAll(".quiz__links a").forEach((link) => Object.assign(link, { target: "_blank", rel: "noopener" }));
  }
  submit.disabled = false;
  clear.disabled = false;
  const start = () => transition("start");
  // A worker already running (from an earlier page of this tab) makes the quiz ready at once.
  if (current) start();
  else watchNearScreen(root, start);

  // Any interaction with the questions starts Python; clearing the answers does not.
  const startUnlessClearing = (event) => event.target !== clear && start();
  form.addEventListener("focusin", startUnlessClearing);
  form.addEventListener("pointerdown", startUnlessClearing);
  form.addEventListener("change", () => {
    storage.save(quizId, storableAnswers(form, readAnswers(form)));
    const hadSafety = "safetyTicked" in root.dataset;
    const hasSafety = markSafety();
    outdate(strings.changed);
    start(); // after outdate: a widget whose worker died is idle now, and this is an interaction
    if (hasSafety && !hadSafety) status.textContent = strings.safetyShown;
    else if (!hasSafety && status.textContent === strings.safetyShown) status.textContent = "";
  });

  // Also the reader's way to try again after a failure: join() replaces a dead worker.
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!transition("submit")) return; // already scoring
    const service = join();
    const request = ++generation;
    const answers = readAnswers(form);
    let reply;
    try {
      reply = await service.score(quizId, answers);
    } catch (error) {
      reply = { error }; // no reply will come: failed in Python, or the worker is gone
    }
    if (request !== generation) return; // these answers were cleared, or sent again since
    if (reply.type === "scored") transition("scored", { reply });
    else if (reply.type === "rejected") transition("rejected", { reply });
    else transition("failed", { error: reply.error });
  });

  result.addEventListener("click", (event) => {
    if (event.target.closest("[data-action=print]")) printResult(result);
  });

  // Clearing is a change of every answer at once: no result or reply outlives it either.
  clear.addEventListener("click", () => {
    storage.clear(quizId);
    form.reset();
    markSafety();
    outdate(strings.cleared);
    status.textContent = strings.cleared;
  });
  // Last: site.css tells the reader scoring is unavailable on a form without it.
  root.dataset.widgetReady = "";
}

// This module's build. After the site is published again, a tab that kept this module alive
// through instant navigation can meet a form of the new build, with other items or rules: this
// code never scores it. A full load hands the page to the new build's own widget.js. Builds
// are told apart by the bundle folder's name (a hash of its files), whatever path serves it.
const bundleName = (path) => path.split("/").filter(Boolean).pop();
const OWN_BUNDLE = bundleName(new URL("./", import.meta.url).pathname);

function fromThisBuild(root) {
  return !root.dataset.assets || bundleName(root.dataset.assets) === OWN_BUNDLE;
}

function enhanceAll() {
  const roots = [...document.querySelectorAll("[data-quiz]")];
  if (!roots.every(fromThisBuild)) {
    location.reload();
    return;
  }
  roots.forEach(enhance);
}

// Material's instant navigation swaps pages without reloading: its document$ observable
// fires for every page shown, including the first. On a quiz page opened directly, this
// module (in the quiz's form) runs before Material's deferred script has made document$,
// which it does before DOMContentLoaded; without Material's script the forms still work.
function followPages() {
  if (window.document$) window.document$.subscribe(enhanceAll);
  else enhanceAll();
}

if (window.document$) followPages();
else document.addEventListener("DOMContentLoaded", followPages, { once: true });
