// Offline reading is off (`extra.offline: false`, or `mkdocs serve`): a service worker this
// browser kept from an earlier version of the site is let go now, with the site's caches.
// The worker at its address (remove-service-worker.js) does the same for a browser that
// checks it before running this page; this page does not wait for that check, which a
// browser may make only later.
import { CACHE_PREFIX, siteRoot } from "./contracts.js";

const root = new URL(siteRoot);
const PREFIX = `${CACHE_PREFIX}${root.pathname}:`; // the names the service worker gives its caches

async function release() {
  const registration = await navigator.serviceWorker?.getRegistration(root.href);
  if (!registration) return;
  registration.active?.postMessage({ type: "forget" }); // it writes nothing more from now on
  await registration.unregister();
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
}

release().catch(() => {
  /* blocked storage or no service workers here: nothing was kept */
});
