// Inside an embedded page: report the content's height to the framing page (nothing else
// is ever sent), and honour ?scheme=light|dark|auto from the snippet.
//
// When mkdocs.yml lists the sites allowed to frame the guide (extra.embed.allowed_origins,
// handed over in a <meta> because the CSP forbids inline scripts), only those sites learn
// the height: it is posted to the framing page's exact origin, so the browser itself drops
// it if that page is not the one we think. With no list, any site may frame the guide and
// any site may learn its height.
const MESSAGE_TYPE = "rebuilding-trust-embed:height";
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
    const parts = /^([a-z]+):\/\/([^/:]+)(?::(\d+|\*))?$/i.exec(entry);
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
function reportHeight() {
  if (!target) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === reported) return;
  reported = height;
  window.parent.postMessage({ type: MESSAGE_TYPE, height }, target);
}

applyScheme();
if (target) {
  new ResizeObserver(reportHeight).observe(document.body);
  reportHeight();
}
// Instant navigation inside the frame swaps the content: keep the scheme and the height.
if (window.document$) window.document$.subscribe(() => { applyScheme(); reportHeight(); });
