// Offline reading is off (`extra.offline: false`, or `mkdocs serve`): a service worker this
// browser kept from an earlier version of the site is let go now, with the site's caches.
// The worker at its address (remove-service-worker.js) does the same for a browser that
// checks it before running this page; this page does not wait for that check, which a
// browser may make only later.
import { siteRoot } from "./contracts.js";
import { deleteCaches, letGo, siteCachePrefix } from "./offline-copy.js";

async function release() {
  const registration = await navigator.serviceWorker?.getRegistration(siteRoot);
  if (!registration) return;
  await letGo(registration);
  await deleteCaches(siteCachePrefix);
}

release().catch(() => {
  /* blocked storage or no service workers here: nothing was kept */
});
