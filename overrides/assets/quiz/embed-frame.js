// Inside an embedded page: report the content's height to the framing page (nothing else
// is ever sent), and honour ?scheme=light|dark|auto from the snippet.
const MESSAGE_TYPE = "rebuilding-trust-embed:height";
const SCHEMES = { light: "default", dark: "slate" };
const requested = new URLSearchParams(location.search).get("scheme");

function applyScheme() {
  if (!requested || !(requested in SCHEMES || requested === "auto")) return;
  const dark = requested === "dark" || (requested === "auto" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.body.setAttribute("data-md-color-scheme", dark ? SCHEMES.dark : SCHEMES.light);
}

let reported = 0;
function reportHeight() {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === reported) return;
  reported = height;
  window.parent.postMessage({ type: MESSAGE_TYPE, height }, "*");
}

applyScheme();
if (window.parent !== window) {
  new ResizeObserver(reportHeight).observe(document.body);
  reportHeight();
}
// Instant navigation inside the frame swaps the content: keep the scheme and the height.
if (window.document$) window.document$.subscribe(() => { applyScheme(); reportHeight(); });
