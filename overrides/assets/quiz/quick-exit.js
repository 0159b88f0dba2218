// Quick exit: the "Quick exit" link, or Escape pressed twice, replaces this page (and any
// page framing it) with a neutral site and forgets this tab's quiz answers. `location.replace`
// keeps this page out of the Back button's reach; it cannot erase the browser's history (the
// help page says so).
const DOUBLE_PRESS_MS = 1000;
let lastEscape = -Infinity;

function leave() {
  const link = document.querySelector("[data-quick-exit]");
  try {
    sessionStorage.clear();
  } catch {
    /* storage blocked: nothing was kept */
  }
  const destination = link ? link.href : "about:blank";
  try {
    // Embedded in another site, leave that site too (allowed after a click or key press).
    window.top.location.replace(destination);
  } catch {
    location.replace(destination);
  }
}

// Capture phase, so no other click handler (such as instant navigation) runs first.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-quick-exit]")) {
    event.preventDefault();
    leave();
  }
}, true);

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  if (event.timeStamp - lastEscape < DOUBLE_PRESS_MS) leave();
  lastEscape = event.timeStamp;
}, true);
