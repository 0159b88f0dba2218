// The guide's service worker, registered only once a reader chooses offline reading on the
// privacy page (register.js): pages and files a reader has opened stay readable offline, and
// a quiz used once keeps scoring offline. It never sees or keeps answers: they are never sent
// anywhere, so no request carries them.
//
//   pages and other files   network first; the cached copy only when the network fails
//   content-hashed files    cache first: a changed file gets a new name, so a copy is never stale
//   the Pyodide runtime     cache first, in its own cache per runtime; kept when a quiz first
//                           starts it (the page says so), never fetched for a page without a quiz
//
// Every cache's name starts with this site's scope; activation deletes this site's caches of
// other builds. The build puts `CONTRACTS` (sitegen/contracts.py) and `BUILD` above this comment:
// { version, runtime, runtimeKey, bundle, siteAssets } (the runtime's, the quiz bundle's and the
// site-wide files' folders, relative to the scope).

const scope = new URL(self.registration.scope);
const PREFIX = `${CONTRACTS.CACHE_PREFIX}${scope.pathname}:`;
const SITE_CACHE = `${PREFIX}site:${BUILD.version}`;
const RUNTIME_CACHE = `${PREFIX}runtime:${BUILD.runtimeKey}`;
// Material names its bundles `name.<8 hex>.min.js|css`; the build names the quiz and site-wide folders by hash.
const HASHED = [/\.[0-9a-f]{8}\.min\.(?:js|css)$/, new RegExp(`^${BUILD.bundle}/`), new RegExp(`^${BUILD.siteAssets}/`)];

// The site cache is made at install, before any page can be served, and is this worker's
// licence to keep: once "Stop keeping this guide" or Quick exit deleted it, nothing is kept
// again, even by this worker started anew for a page it still serves (it serves open pages
// until they close, and a restarted worker has forgotten the "forget" message).
self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(SITE_CACHE));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const current = new Set([SITE_CACHE, RUNTIME_CACHE]);
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && !current.has(name))
      .map((name) => caches.delete(name)));
    // The page that registered this worker is served by it from now on, so a quiz it starts
    // later is kept for offline use on the first visit already.
    await self.clients.claim();
  })());
});

// Which rule a URL falls under: null for what this worker leaves to the browser.
function ruleFor(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith(`${BUILD.runtime}/`)) return RUNTIME_CACHE;
  if (HASHED.some((pattern) => pattern.test(path))) return SITE_CACHE + "|hashed";
  return SITE_CACHE + "|latest";
}

function keepable(response) {
  return response.ok && response.type === "basic" && response.status === 200;
}

// Set by Quick exit and by "Stop keeping this guide" ({type: "forget"}): from then on this
// worker writes nothing, and a write already under way when the message came is undone, so
// no cache outlives the exit.
let forgotten = false;

async function deleteOwnCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
}

async function keep(cacheName, key, response) {
  if (forgotten || !(await caches.has(SITE_CACHE))) return;
  await (await caches.open(cacheName)).put(key, response);
  if (forgotten) await deleteOwnCaches();
}

// Every copy is kept, and looked up, under its file's address: without the query, because
// Material's search puts the reader's search words in a result's address (`?h=…`) and those
// must not be written down here; without the fragment (`#trauma-history`), which names a place
// in the same file. One file, one entry.
function fileAddress(address) {
  const url = new URL(address, scope);
  url.search = "";
  url.hash = "";
  return url.href;
}

// `andThen` is the fetch event's waitUntil: the copy is written while the response already
// streams to the page (a WebAssembly module compiles as it arrives).
async function networkFirst(request, cacheName, andThen) {
  try {
    const response = await fetch(request);
    if (keepable(response)) andThen(keep(cacheName, fileAddress(request.url), response.clone()));
    return response;
  } catch (offline) {
    const cached = await caches.match(fileAddress(request.url), { cacheName }); // opens no cache
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request, cacheName, andThen) {
  const cached = await caches.match(fileAddress(request.url), { cacheName });
  if (cached) return cached;
  const response = await fetch(request);
  if (keepable(response)) andThen(keep(cacheName, fileAddress(request.url), response.clone()));
  return response;
}

function respond(event) {
  const rule = ruleFor(new URL(event.request.url));
  if (rule === null) return null;
  const [cacheName, how] = rule.split("|");
  const andThen = (promise) => event.waitUntil(promise.catch(() => {}));
  return (how === "latest" ? networkFirst : cacheFirst)(event.request, cacheName, andThen);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  // Range requests get partial answers a cache cannot serve whole.
  if (request.method !== "GET" || request.headers.has("range")) return;
  const response = respond(event);
  if (response) event.respondWith(response);
});

// {type: "forget"}: Quick exit, or the reader stops offline reading; see `forgotten`.
// {type: "claim"}: a page this worker does not serve yet (one that was loading while the worker
// activated, which activation's own claim can miss) asks to be served.
// {type: "keep", urls}: a page lists what it has loaded before this worker served it (the
// first page of a visit, a quiz's runtime started early), so those work offline too. The
// browser's HTTP cache usually has them: nothing is downloaded twice.
self.addEventListener("message", (event) => {
  if (event.data?.type === "forget") {
    forgotten = true;
    event.waitUntil(deleteOwnCaches());
    return;
  }
  if (event.data?.type === "claim") {
    event.waitUntil(self.clients.claim());
    return;
  }
  if (event.data?.type !== "keep" || !Array.isArray(event.data.urls) || forgotten) return;
  event.waitUntil(Promise.all(event.data.urls.map(async (address) => {
    const url = new URL(fileAddress(address));
    const rule = ruleFor(url);
    if (rule === null) return;
    const cacheName = rule.split("|")[0];
    if (await caches.match(url.href, { cacheName })) return;
    try {
      const response = await fetch(url.href, { cache: "force-cache" });
      if (keepable(response)) await keep(cacheName, url.href, response);
    } catch {
      /* offline now: kept the next time it is fetched */
    }
  })));
});
