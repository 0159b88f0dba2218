// For the clinic's own pages: sizes each guide iframe (data-rebuilding-trust-embed) to the
// height its page reports. Only a height ever crosses the frame boundary, and only from the
// frame it claims to come from. Pasting this script twice, or on a page with no such iframe,
// does nothing more.
(() => {
  if (window.rebuildingTrustEmbedHost) return;
  window.rebuildingTrustEmbedHost = true;

  const MESSAGE_TYPE = "rebuilding-trust-embed:height";
  const MIN_HEIGHT = 50;
  const MAX_HEIGHT = 20000;

  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== MESSAGE_TYPE || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll("iframe[data-rebuilding-trust-embed]")) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      const height = Math.min(Math.max(Math.ceil(data.height), MIN_HEIGHT), MAX_HEIGHT);
      frame.style.height = `${height}px`;
      return;
    }
  });
})();
