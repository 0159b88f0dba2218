// Material's search highlighting (`search.highlight`) opens a result at an address that
// carries the reader's search words (`?h=word`). Material reads them when it shows the page;
// right after that, they are taken out of the address, so this tab's history entry does not
// keep them (the path and the fragment stay). sitegen/material.py checks the parameter's name.
const parameter = document.currentScript.dataset.parameter;

function forgetSearchWords() {
  const address = new URL(location.href);
  if (!address.searchParams.has(parameter)) return;
  address.searchParams.delete(parameter);
  // Material's own state for this entry (its scroll position) stays.
  history.replaceState(history.state, "", address.href);
}

// Material shows each page through `document$` (on a full load and after each instant
// navigation): it reads the words as it shows the page, and this script subscribes after it.
if (window.document$) {
  window.document$.subscribe(forgetSearchWords);
} else {
  forgetSearchWords(); // without Material's script nothing highlights: nothing to wait for
}
