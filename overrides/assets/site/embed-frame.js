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
// handed over in a <meta> because the CSP forbids inline scripts, each already parsed by the
// build into the fields a URL has: sitegen/settings.py's Origin.for_script), only those sites learn
// the height: it is posted to the framing page's exact origin, so the browser itself drops
// it if that page is not the one we think. With no list, any site may frame the guide and
// any site may learn its height.
import {
  EMBED_FORGET as FORGET, // from embed/host.js, when its Quick exit is used
  EMBED_FALLBACK_ATTRIBUTE,
  EMBED_FORGOTTEN as FORGOTTEN,
  EMBED_GUIDE_PAGES,
  EMBED_HEIGHT as MESSAGE_TYPE,
  EMBED_ORIGINS_META,
  QUICK_EXIT_ATTRIBUTE,
  siteRoot,
} from "./contracts.js";
import { forget } from "./quick-exit.js";

const SCHEMES = { light: "default", dark: "slate" };
const requested = new URLSearchParams(location.search).get("scheme");
const allowed = JSON.parse(document.querySelector(`meta[name="${EMBED_ORIGINS_META}"]`)?.content || "[]");

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

// The build wrote each entry as CSP reads it in frame-ancestors, in the fields of a URL: the same
// list means the same to both, and only comparing is left here.
function listed(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null": a sandboxed or otherwise opaque host
  }
  return allowed.some((entry) => entry.protocol === url.protocol && entry.port === url.port
    && (entry.subdomains ? url.hostname.endsWith(`.${entry.host}`) : url.hostname === entry.host));
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
  const embedCopies = new URL(EMBED_GUIDE_PAGES, root).href;
  for (const link of document.querySelectorAll("a[href]")) {
    const url = new URL(link.href);
    if (link.hasAttribute(QUICK_EXIT_ATTRIBUTE) || !url.protocol.startsWith("http")) continue;
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
document.querySelector(`[${EMBED_FALLBACK_ATTRIBUTE}]`)?.setAttribute("hidden", "");
applyScheme();
linksLeaveTheFrame();
if (target) {
  new ResizeObserver(reportHeight).observe(document.body);
  reportHeight();
}
// Instant navigation inside the frame swaps the content: keep the scheme and the height.
if (window.document$) window.document$.subscribe(() => { applyScheme(); linksLeaveTheFrame(); reportHeight(); });
