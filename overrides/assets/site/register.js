// Offline reading, only for a reader who chose it: the privacy page's button "Keep this guide
// on this device for offline reading" registers the service worker, and that registration IS
// the remembered choice (nothing else is written). "Stop keeping this guide on this device",
// Quick exit and clearing the site's data forget it. Every page asks whether the worker is
// registered; only then does it keep going (the worker checked for a new build, the page
// served and its files kept). Loaded only on the built site with `extra.offline` on, never
// under `mkdocs serve`; nothing happens inside another site's frame.
import { OFFLINE_CHOICE_ATTRIBUTE, OFFLINE_CLAIM, OFFLINE_KEEP, OFFLINE_STATE_ATTRIBUTE, SERVICE_WORKER, siteRoot } from "./contracts.js";
import { deleteCaches, letGo, siteCachePrefix } from "./offline-copy.js";

const root = new URL(siteRoot);
// The query marks a worker registered by the reader's choice: earlier versions of this site
// registered the same file on every visit, without asking, and such a registration is let go
// here. A host serves the file whatever the query, so a build with `offline: false` replaces
// this one with its removing worker as before.
const WORKER = new URL(`${SERVICE_WORKER}?chosen`, root);
const offered = "serviceWorker" in navigator && typeof caches !== "undefined" && window.top === window;

// What this tab has loaded before the service worker served it: kept too, so that the page
// where the reader chose, the page this tab first opened and the pages instant navigation
// fetched since, with their files, also open offline.
function loadedSoFar() {
  return [location.href, ...["navigation", "resource"].flatMap((type) => performance.getEntriesByType(type))
    .map((entry) => entry.name)];
}

function scriptOf(registration) {
  return (registration.installing || registration.waiting || registration.active)?.scriptURL;
}

async function forget(registration) {
  await letGo(registration);
  await deleteCaches(siteCachePrefix);
}

// This guide's registration if the reader chose offline reading, else null. One that an
// earlier version registered without asking is let go on the way, with its caches.
async function chosen() {
  const registration = await navigator.serviceWorker.getRegistration(root.href);
  if (!registration || registration.scope !== root.href) return null;
  if (scriptOf(registration) === WORKER.href) return registration;
  await forget(registration);
  return null;
}

// Once the worker is active: it serves this page, and keeps what the page loaded before.
async function keepThisPage() {
  const registration = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) registration.active?.postMessage({ type: OFFLINE_CLAIM });
  registration.active?.postMessage({ type: OFFLINE_KEEP, urls: loadedSoFar() });
}

// No check for a new build from here: the browser makes its own after each page it loads
// through the worker. One from here would also hold up, for a second or more, the
// unregistering Quick exit asks for (the browser runs them in turn).
async function keepGoing() {
  if (await chosen()) await keepThisPage();
}

// The privacy page's control: hidden in the HTML (without JavaScript there is nothing to
// choose), shown here with the button that fits the current choice. Material's instant
// navigation brings new page content without loading this script again: each page's
// control is set up as Material shows the page.
const controls = new WeakSet();

function offerTheChoice() {
  const control = document.querySelector(`[${OFFLINE_CHOICE_ATTRIBUTE}]`);
  if (!control || controls.has(control)) return;
  controls.add(control);
  const button = control.querySelector("button");
  const state = control.querySelector(`[${OFFLINE_STATE_ATTRIBUTE}]`);
  let busy = false;

  function show(registration) {
    const kept = Boolean(registration);
    button.dataset.action = kept ? "stop" : "keep";
    button.textContent = kept ? control.dataset.stopLabel : control.dataset.keepLabel;
    state.textContent = kept ? control.dataset.keptText : control.dataset.notKeptText;
    control.hidden = false;
  }

  // One button whose words change: a keyboard reader's focus stays on it.
  button.addEventListener("click", async () => {
    if (busy) return;
    busy = true;
    button.setAttribute("aria-disabled", "true");
    let failed = false;
    try {
      if (button.dataset.action === "keep") {
        await navigator.serviceWorker.register(WORKER, { scope: root.pathname });
        await keepThisPage();
      } else {
        const registration = await chosen();
        if (registration) await forget(registration);
      }
    } catch {
      failed = true; // blocked by the browser or its settings: pages work as before
    }
    const registration = await chosen().catch(() => null);
    show(registration);
    if (failed) state.textContent = control.dataset.failedText;
    button.removeAttribute("aria-disabled");
    busy = false;
  });

  chosen().then(show, () => { /* no service workers here after all: the control stays hidden */ });
}

if (offered) {
  keepGoing().catch(() => {
    /* blocked by the browser or its settings: pages work as before */
  });
  if (window.document$) window.document$.subscribe(offerTheChoice);
  else document.addEventListener("DOMContentLoaded", offerTheChoice);
}
