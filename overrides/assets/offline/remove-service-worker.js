// Offline reading is switched off (`extra.offline: false`), or this is `mkdocs serve`: this
// worker replaces any earlier one at the same address, deletes the caches that one kept and
// unregisters itself, so a reader's browser keeps nothing from this site for offline use.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // The names the keeping worker gives its caches: the build writes CONTRACTS above this
    // script (a classic service worker cannot import contracts.js).
    const prefix = `${CONTRACTS.CACHE_PREFIX}${new URL(self.registration.scope).pathname}:`;
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => caches.delete(name)));
    // Pages open now are not reloaded (a reader may be answering a quiz): having no fetch
    // handler, this worker already leaves their requests to the network.
    await self.registration.unregister();
  })());
});
