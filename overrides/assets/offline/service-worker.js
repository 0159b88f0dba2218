// The guide's service worker, registered only once a reader chooses offline reading on the
// privacy page (register.js): pages and files a reader has opened stay readable offline, and
// a quiz used once keeps scoring offline. It never sees or keeps answers: they are never sent
// anywhere, so no request carries them.
//
//   pages and other files   network first; the cached copy when the network fails, or has not
//                           answered within NETWORK_TIMEOUT_MS (then the network's answer,
//                           when it comes, is still kept for next time). A page's own request
//                           is the browser's navigation preload where it has one.
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

// A network that has not answered a network-first request in this time is treated as gone
// when a kept copy exists: a reader on a dead connection (a "lie-fi" hotspot) waits seconds,
// not the minutes a browser gives a request before it fails.
const NETWORK_TIMEOUT_MS = 3_500;

// The licence to keep is the site cache itself, made at install: Cache Storage, not this
// worker's memory, so a worker the browser started anew knows it too. "Stop keeping this
// guide" and Quick exit (CONTRACTS.OFFLINE_FORGET) delete it with the other caches; from then on
// nothing is kept again, even by this worker still serving an open page (it does until the
// page closes). Every check of the licence that leads to a write, and every forgetting, runs
// in turn through `underLicence`, so a write cannot reopen a cache between a forget message and
// its deletion.
let licenceQueue = Promise.resolve();

function underLicence(task) {
  const turn = licenceQueue.then(task);
  licenceQueue = turn.catch(() => {});
  return turn;
}

function licensed() {
  return caches.has(SITE_CACHE); // has() opens nothing
}

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
    // The browser asks for a page while this worker starts, instead of after: a page comes as
    // fast as without a worker (where the browser supports it).
    await self.registration.navigationPreload?.enable();
    // The page that registered this worker is served by it from now on, so a quiz it starts
    // later is kept for offline use on the first visit already.
    await self.clients.claim();
  })());
});

function keepable(response) {
  return response.ok && response.type === "basic" && response.status === 200;
}

async function deleteOwnCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
}

// A cache opened while the licence holds is written to even if a forget message comes meanwhile:
// the deletion then detaches it, and what is written goes with it.
async function keep(cacheName, key, response) {
  const cache = await underLicence(async () => ((await licensed()) ? caches.open(cacheName) : null));
  await cache?.put(key, response);
}

function forget() {
  return underLicence(deleteOwnCaches);
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

function keptCopy(request, cacheName) {
  return caches.match(fileAddress(request.url), { cacheName }); // opens no cache
}

const TIMED_OUT = Symbol("timed out");

function timeout(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms, TIMED_OUT));
}

// How a request is answered. Each strategy gets the fetch event's request, the cache of its
// rule, what it fetches with (`fromNetwork`: the navigation preload or a fetch), and
// `andThen`, the event's waitUntil: a copy is written while the response already streams to
// the page (a WebAssembly module compiles as it arrives).
const strategies = {
  async networkFirst({ request, cacheName, fromNetwork, andThen }) {
    const network = fromNetwork().then((response) => {
      if (keepable(response)) andThen(keep(cacheName, fileAddress(request.url), response.clone()));
      return response;
    });
    andThen(network); // a late answer is still kept, after a kept copy was served
    try {
      const first = await Promise.race([network, timeout(NETWORK_TIMEOUT_MS)]);
      if (first !== TIMED_OUT) return first;
    } catch (offline) {
      const cached = await keptCopy(request, cacheName);
      if (cached) return cached;
      throw offline;
    }
    return (await keptCopy(request, cacheName)) ?? network; // nothing kept: wait for the network
  },

  async cacheFirst({ request, cacheName, fromNetwork, andThen }) {
    const cached = await keptCopy(request, cacheName);
    if (cached) return cached;
    const response = await fromNetwork();
    if (keepable(response)) andThen(keep(cacheName, fileAddress(request.url), response.clone()));
    return response;
  },
};

// Which rule a URL falls under, {cacheName, strategy}: null for what this worker leaves to
// the browser.
function ruleFor(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith(`${BUILD.runtime}/`)) return { cacheName: RUNTIME_CACHE, strategy: strategies.cacheFirst };
  if (HASHED.some((pattern) => pattern.test(path))) return { cacheName: SITE_CACHE, strategy: strategies.cacheFirst };
  return { cacheName: SITE_CACHE, strategy: strategies.networkFirst };
}

// The network's answer to a fetch event: the navigation preload's where the browser made one.
function fetcher(event) {
  return async () => (await event.preloadResponse) ?? fetch(event.request);
}

function respond(event) {
  const rule = ruleFor(new URL(event.request.url));
  if (rule === null) return null;
  const andThen = (promise) => event.waitUntil(promise.catch(() => {}));
  return rule.strategy({ request: event.request, cacheName: rule.cacheName, fromNetwork: fetcher(event), andThen });
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  // Range requests get partial answers a cache cannot serve whole.
  if (request.method !== "GET" || request.headers.has("range")) return;
  const response = respond(event);
  if (response) event.respondWith(response);
});

// One kept file of a keep message, unless it is kept already.
async function keepListed(address) {
  const url = new URL(fileAddress(address));
  const rule = ruleFor(url);
  if (rule === null || !(await licensed()) || (await caches.match(url.href, { cacheName: rule.cacheName }))) return;
  try {
    const response = await fetch(url.href, { cache: "force-cache" });
    if (keepable(response)) await keep(rule.cacheName, url.href, response);
  } catch {
    /* offline now: kept the next time it is fetched */
  }
}

// OFFLINE_FORGET: Quick exit, or the reader stops offline reading; see the licence above.
// OFFLINE_CLAIM: a page this worker does not serve yet (one that was loading while the worker
// activated, which activation's own claim can miss) asks to be served.
// OFFLINE_KEEP, with `urls`: a page lists what it has loaded before this worker served it (the
// first page of a visit, a quiz's runtime started early), so those work offline too. The
// browser's HTTP cache usually has them: nothing is downloaded twice.
const messages = {
  [CONTRACTS.OFFLINE_FORGET]: () => forget(),
  [CONTRACTS.OFFLINE_CLAIM]: () => self.clients.claim(),
  [CONTRACTS.OFFLINE_KEEP]: ({ urls }) => (Array.isArray(urls) ? Promise.all(urls.map(keepListed)) : null),
};

self.addEventListener("message", (event) => {
  const handle = Object.hasOwn(messages, event.data?.type) ? messages[event.data.type] : null;
  const done = handle?.(event.data);
  if (done) event.waitUntil(done);
});
