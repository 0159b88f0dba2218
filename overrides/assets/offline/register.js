// Lets this browser keep the guide for reading offline (the privacy page says what is kept).
// Loaded only on the built site with `extra.offline` on: never under `mkdocs serve`, whose
// pages change with every edit. Not inside another site's frame either.
const root = new URL("../../", import.meta.url);

// What this page loaded before the service worker served it: kept too, so that the very
// first page a reader opens also opens offline.
function loadedSoFar() {
  return [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)];
}

if ("serviceWorker" in navigator && window.top === window) {
  navigator.serviceWorker.register(new URL("service-worker.js", root), { scope: root.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      if (!navigator.serviceWorker.controller) registration.active?.postMessage({ type: "claim" });
      registration.active?.postMessage({ type: "keep", urls: loadedSoFar() });
    })
    .catch(() => {
      /* no offline reading here (blocked by the browser or its settings): pages work as before */
    });
}
