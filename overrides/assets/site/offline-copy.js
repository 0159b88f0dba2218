// Letting go of the guide's offline copy: its service worker and its caches. Used when the
// reader stops offline reading (register.js), when offline reading is off in this build
// (release.js) and by Quick exit (quick-exit.js), which lets go of every worker and cache of
// the origin, not only this guide's.
import { CACHE_PREFIX, OFFLINE_FORGET, siteRoot } from "./contracts.js";

/** The start of the names the service worker gives this guide's caches. */
export const siteCachePrefix = `${CACHE_PREFIX}${new URL(siteRoot).pathname}:`;

/** Tell each of the registration's workers to write nothing more, then unregister it. The
    message comes first: a copy a worker is writing would otherwise bring a deleted cache back. */
export function letGo(registration) {
  for (const worker of [registration.installing, registration.waiting, registration.active]) {
    worker?.postMessage({ type: OFFLINE_FORGET });
  }
  return registration.unregister();
}

/** Delete the caches whose names start with `prefix` ("" for all of the origin's). */
export async function deleteCaches(prefix) {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => caches.delete(name)));
}
