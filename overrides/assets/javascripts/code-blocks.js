// Material wraps the copy button of every code block in a <nav> of its own. With several code
// blocks on a page (the staff page has one per snippet) those are landmarks no screen reader
// user can tell apart, so each gets a name after its block's place on the page.
function nameCodeBlockNavs() {
  document.querySelectorAll(".md-code__nav").forEach((nav, index) => {
    const name = `Code block ${index + 1}`;
    if (nav.getAttribute("aria-label") !== name) nav.setAttribute("aria-label", name);
  });
}

// Material adds the navs after load and again after each instant navigation.
new MutationObserver(nameCodeBlockNavs).observe(document.body, { childList: true, subtree: true });
nameCodeBlockNavs();
