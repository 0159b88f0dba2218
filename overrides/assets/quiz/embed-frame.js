// Inside an embedded page: report the content's height to the framing page until the reader
// starts on a quiz, open every link out of the page outside the frame, forget what the guide
// keeps when the clinic's page is left by its Quick exit, and honour ?scheme=light|dark|auto
// from the snippet. Only a height, and the word that the forgetting is done, ever go out.
//
// Once the reader starts on a quiz, the height could tell the page around the frame what was
// answered (the help a safety answer shows, a longer or shorter result): from then on nothing
// more is sent, and a page that grows scrolls inside the frame.
//
// When mkdocs.yml lists the sites allowed to frame the guide (extra.embed.allowed_origins,
// handed over in a <meta> because the CSP forbids inline scripts), only those sites learn
// the height: it is posted to the framing page's exact origin, so the browser itself drops
// it if that page is not the one we think. With no list, any site may frame the guide and
// any site may learn its height.
import { siteRoot } from "./paths.js";
import { forget } from "./quick-exit.js";

const MESSAGE_TYPE = "rebuilding-trust-embed:height";
const FORGET = "rebuilding-trust-embed:forget"; // from embed/host.js, when its Quick exit is used
const FORGOTTEN = "rebuilding-trust-embed:forgotten";
const SCHEMES = { light: "default", dark: "slate" };
const DEFAULT_PORTS = { "http:": "80", "https:": "443" };
const requested = new URLSearchParams(location.search).get("scheme");
const allowed = (document.querySelector('meta[name="rebuilding-trust-embed-origins"]')?.content ?? "")
  .split(/\s+/).filter(Boolean);

function applyScheme() {
  if (!requested || !(requested in SCHEMES || requested === "auto")) return;
  const dark = requested === "dark" || (requested === "auto" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.body.setAttribute("data-md-color-scheme", dark ? SCHEMES.dark : SCHEMES.light);
}

function parentOrigin() {
  // ancestorOrigins (Chromium, Safari) is right even when the host sends no referrer.
  if (location.ancestorOrigins?.length) return location.ancestorOrigins[0];
  try {
    return new URL(document.referrer).origin;
  } catch {
    return null; // no referrer: unknown, so told nothing
  }
}

// Read the way CSP reads frame-ancestors, so the list means the same to both: "*." before
// a host covers its subdomains, ":*" any port, no port the scheme's default.
function listed(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null": a sandboxed or otherwise opaque host
  }
  const port = url.port || DEFAULT_PORTS[url.protocol];
  return allowed.some((entry) => {
    // The build writes each entry canonical: scheme, host (an IPv6 one in brackets), optional port.
    const parts = /^([a-z]+):\/\/(\[[0-9a-f:.]+\]|[^/:[\]]+)(?::(\d+|\*))?$/i.exec(entry);
    if (!parts || `${parts[1].toLowerCase()}:` !== url.protocol) return false;
    const host = parts[2].toLowerCase();
    const hostMatches = host.startsWith("*.") ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
    return hostMatches && (parts[3] === "*" || (parts[3] || DEFAULT_PORTS[url.protocol]) === port);
  });
}

// "*" when any site may frame this page; else the host's origin if listed (or this site
// itself, as CSP's 'self' allows, for the previews on the staff page); else nowhere.
function heightTarget() {
  if (allowed.length === 0) return "*";
  const origin = parentOrigin();
  return origin && (origin === location.origin || listed(origin)) ? origin : null;
}

const target = window.parent !== window ? heightTarget() : null;
let reported = 0;
let answering = false;
function reportHeight() {
  if (!target || answering) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === reported) return;
  reported = height;
  window.parent.postMessage({ type: MESSAGE_TYPE, height }, target);
}

// The first touch, click, key or focus inside a quiz, before any answer can change the page.
function startAnswering(event) {
  if (event.target instanceof Element && event.target.closest("[data-quiz]")) answering = true;
}
for (const type of ["pointerdown", "keydown", "focusin"]) document.addEventListener(type, startAnswering, true);

// Inside the frame, a help page or a chapter would take the quiz's place in a box sized for the
// quiz: every link to another page opens in a new tab, at the full guide (not its embed copy).
// Places in this page, phone and text links, and Quick exit (which leaves the top page) stay.
function linksLeaveTheFrame() {
  const root = new URL(siteRoot);
  const embedCopies = new URL("embed/guide/", root).href;
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.href);
    if (link.hasAttribute("data-quick-exit") || !url.protocol.startsWith("http")) continue;
    if (url.origin === location.origin && url.pathname === location.pathname) continue;
    if (url.href.startsWith(embedCopies)) link.href = root.href + url.href.slice(embedCopies.length);
    Object.assign(link, { target: "_blank", rel: "noopener" });
  }
}

// The clinic's page is being left by its own Quick exit (embed/host.js): forget what the guide
// keeps in this frame, then say so. That page leaves whether or not the answer comes in time.
window.addEventListener("message", (event) => {
  if (event.source !== window.parent || event.data?.type !== FORGET) return;
  forget().then(() => window.parent.postMessage({ type: FORGOTTEN }, event.origin));
});

// Scripts run here: the note for frames that cannot run them is not needed.
document.querySelector("[data-embed-fallback]")?.setAttribute("hidden", "");
applyScheme();
linksLeaveTheFrame();
if (target) {
  new ResizeObserver(reportHeight).observe(document.body);
  reportHeight();
}
// Instant navigation inside the frame swaps the content: keep the scheme and the height.
if (window.document$) window.document$.subscribe(() => { applyScheme(); linksLeaveTheFrame(); reportHeight(); });
