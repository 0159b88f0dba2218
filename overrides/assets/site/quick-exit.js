// Quick exit: the "Quick exit" link, or the Shift key pressed three times in a row, replaces
// this page (and any page framing it) with a neutral site and forgets everything the site keeps
// on this device for its origin: session and local storage, Cache Storage (the pages kept for
// offline reading) and the service worker that keeps them. `location.replace` keeps this
// page out of the Back button's reach; it cannot erase the browser's history (the help page
// says so).
//
// Why Shift and not Escape: Escape is the key that closes things (Material's search, a dialog),
// so a reader closing search would be thrown off the site by one more press. Shift does nothing
// alone, and GOV.UK's "Exit this page" component uses three presses of it.
import { QUICK_EXIT_ATTRIBUTE } from "./contracts.js";
import { deleteCaches, letGo } from "./offline-copy.js";

const QUICK_EXIT = `[${QUICK_EXIT_ATTRIBUTE}]`; // the guide's own Quick exit link (safety-bar.html)
const PRESSES_TO_LEAVE = 3;
// The presses count only within this time of the first one; a slower reader starts again.
const PRESS_WINDOW_MS = 5000;
// Clearing caches is asynchronous; a reader in danger must not wait for it. A key press or
// click stays usable for the top navigation for seconds, far longer than this.
const CACHE_WAIT_MS = 300;
let shiftPresses = 0;
let firstShiftAt = -Infinity;
let leaving = false;

// Each store can be missing or blocked (a sandboxed frame, strict privacy settings), and
// one failing must not stop the others or the exit.
function clearStorage() {
  for (const name of ["sessionStorage", "localStorage"]) {
    try {
      window[name].clear();
    } catch {
      /* blocked: nothing was kept there */
    }
  }
}

function clearCaches() {
  try {
    // `caches` only exists in secure contexts.
    if (typeof caches === "undefined") return Promise.resolve();
    return deleteCaches("").catch(() => {});
  } catch {
    return Promise.resolve();
  }
}

// Every service worker of the origin is let go, so it serves and keeps nothing more.
function forgetOfflineReading() {
  try {
    if (!navigator.serviceWorker) return Promise.resolve();
    return navigator.serviceWorker.getRegistrations()
      .then((registrations) => Promise.all(registrations.map(letGo)))
      .catch(() => {});
  } catch {
    return Promise.resolve();
  }
}

/** Forget everything the site keeps on this device; settles when done, or after CACHE_WAIT_MS.
    Also what an embedded page does when the clinic's page around it is left (embed-frame.js). */
export function forget() {
  clearStorage();
  const forgotten = Promise.all([forgetOfflineReading(), clearCaches()]);
  return Promise.race([forgotten, new Promise((resolve) => setTimeout(resolve, CACHE_WAIT_MS))]);
}

async function leave() {
  if (leaving) return;
  leaving = true;
  const link = document.querySelector(QUICK_EXIT);
  const destination = link ? link.href : "about:blank";
  await forget();
  try {
    // Embedded in another site, leave that site too (allowed after a click or key press).
    window.top.location.replace(destination);
  } catch {
    location.replace(destination);
  }
}

// Capture phase, so no other click handler (such as instant navigation) runs first.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest(QUICK_EXIT)) {
    event.preventDefault();
    leave();
  }
}, true);

// Shift pressed three times in a row leaves. Any other key in between starts the count again,
// so typing capitals, a Shift before each letter, never adds up to an exit.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Shift") {
    shiftPresses = 0;
    return;
  }
  // Holding Shift down repeats the key: that is one press, however long it is held.
  if (event.repeat) return;
  if (event.timeStamp - firstShiftAt > PRESS_WINDOW_MS) shiftPresses = 0;
  if (shiftPresses === 0) firstShiftAt = event.timeStamp;
  shiftPresses += 1;
  if (shiftPresses >= PRESSES_TO_LEAVE) leave();
}, true);

// The header keeps the button's room free at its right end (site.css), but the button only
// reaches the header once the page has scrolled the header up under it. Until then the room
// goes to the title, which a phone would otherwise cut to a few letters. Without this script
// the room stays kept: the title is shorter, never covered.
const header = document.querySelector(".md-header");
const exitLink = document.querySelector(QUICK_EXIT);

function giveTheRoomWhileClear() {
  const clear = header.getBoundingClientRect().top >= exitLink.getBoundingClientRect().bottom;
  document.documentElement.toggleAttribute("data-header-below-quick-exit", clear);
}

if (header && exitLink) {
  let pending = false;
  const measureNextFrame = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      giveTheRoomWhileClear();
    });
  };
  addEventListener("scroll", measureNextFrame, { passive: true });
  addEventListener("resize", measureNextFrame);
  giveTheRoomWhileClear();
}
