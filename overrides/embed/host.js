// For the clinic's own pages: sizes each guide iframe (marked as the embed snippets mark it) to the
// height its page reports, and keeps a Quick exit on screen while such a frame is on the page.
// Only a height ever crosses the frame boundary from the guide, and only from the frame it
// claims to come from; the guide stops sending it once the reader starts on a quiz. Pasting
// this script twice, or on a page with no such iframe, does nothing more.
(() => {
  if (window.rebuildingTrustEmbedHost) return;
  window.rebuildingTrustEmbedHost = true;

  // The names the guide's pages use too: the build writes them here from sitegen/contracts.py.
  const CONTRACTS = null;
  const HEIGHT = CONTRACTS.EMBED_HEIGHT;
  const FORGET = CONTRACTS.EMBED_FORGET; // to a frame: clear what the guide keeps
  const FORGOTTEN = CONTRACTS.EMBED_FORGOTTEN; // its answer
  const MIN_HEIGHT = 50;
  const MAX_HEIGHT = 20000;
  // A reader in danger must not wait for the frames: they get this long to clear their storage.
  const FORGET_WAIT_MS = 300;
  // The guide's Quick exit, {url, label}: the build writes it here from mkdocs.yml (sitegen/embed.py).
  const QUICK_EXIT = null;

  const guideFrames = () => [...document.querySelectorAll(`iframe[${CONTRACTS.EMBED_FRAME_ATTRIBUTE}]`)];
  const frameOf = (source) => guideFrames().find((frame) => frame.contentWindow === source);
  const originOf = (frame) => new URL(frame.src, location.href).origin;
  let waitingFor = null; // the frames still clearing, while leaving

  function leave() {
    if (waitingFor) return;
    waitingFor = new Set();
    for (const frame of guideFrames()) {
      if (!frame.contentWindow) continue;
      waitingFor.add(frame.contentWindow);
      frame.contentWindow.postMessage({ type: FORGET }, originOf(frame));
    }
    if (waitingFor.size === 0) go();
    else setTimeout(go, FORGET_WAIT_MS);
  }

  // `replace`: Back does not return to this page and its frame. Once: the last answer and the
  // time limit may both come.
  let gone = false;
  const go = () => {
    if (gone) return;
    gone = true;
    location.replace(QUICK_EXIT.url);
  };

  window.addEventListener("message", (event) => {
    const data = event.data;
    const frame = data && frameOf(event.source);
    if (!frame || originOf(frame) !== event.origin) return;
    if (data.type === FORGOTTEN && waitingFor?.delete(event.source) && waitingFor.size === 0) go();
    if (data.type !== HEIGHT || !Number.isFinite(data.height)) return;
    const height = Math.min(Math.max(Math.ceil(data.height), MIN_HEIGHT), MAX_HEIGHT);
    frame.style.height = `${height}px`;
  });

  // The frame's own Quick exit sits at the frame's top, which scrolls away on a long page: this
  // one stays in the corner of the reader's screen. Styles are set one by one (a page's CSP may
  // forbid style attributes, never these) and marked important against the page's own rules.
  const LOOK = {
    position: "fixed", top: "max(0.5rem, env(safe-area-inset-top))", right: "max(0.5rem, env(safe-area-inset-right))",
    "z-index": "2147483647", display: "block", "min-height": "44px", "box-sizing": "border-box", margin: "0",
    padding: "0.7rem 1rem", border: "2px solid #ffffff", "border-radius": "0.3rem", background: "#b3261e",
    color: "#ffffff", font: "700 16px/1.2 system-ui, sans-serif", "text-decoration": "none",
    "box-shadow": "0 1px 4px rgba(0, 0, 0, 0.4)",
  };

  function showQuickExit() {
    // Not on the guide's own pages (the staff page's previews), which have their own.
    if (!QUICK_EXIT || guideFrames().length === 0 || document.querySelector(`[${CONTRACTS.QUICK_EXIT_ATTRIBUTE}]`)) return;
    const link = document.createElement("a");
    link.href = QUICK_EXIT.url;
    link.rel = "noreferrer";
    link.textContent = QUICK_EXIT.label;
    link.setAttribute("data-rebuilding-trust-quick-exit", "");
    for (const [name, value] of Object.entries(LOOK)) link.style.setProperty(name, value, "important");
    link.addEventListener("click", (event) => {
      event.preventDefault();
      leave();
    });
    document.body.prepend(link); // first in the tab order, as a way out should be
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showQuickExit, { once: true });
  else showQuickExit();
})();
