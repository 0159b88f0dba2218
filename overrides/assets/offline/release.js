// Offline reading is off (`extra.offline: false`, or `mkdocs serve`): a service worker this
// browser kept from an earlier version of the site is asked to update now, rather than at
// some later visit. What it finds at its address (remove-service-worker.js) deletes the
// site's caches and unregisters itself.
const root = new URL("../../", import.meta.url);

navigator.serviceWorker?.getRegistration(root.href)
  .then((registration) => registration?.update())
  .catch(() => {
    /* nothing kept, or offline now: the browser's own next check does it */
  });
