"""Debian's chromium for Playwright, which cannot download its own browsers on this machine.

Two builds of the same Chromium release, both from Debian's `chromium` source package:
- `chromium`, the browser readers run: the bench's reader's wait and Lighthouse use it;
- `chromium-headless-shell`, the browser without its user interface, which is what Playwright
  itself runs for headless tests. The tests use it: a page costs about a third of the CPU
  (0.5 against 1.5 CPU-s for a page load on this machine; handbook/tests.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the signature: the bench's report runs without Playwright
    from playwright.sync_api import Browser, Playwright

CHROMIUM = "/usr/bin/chromium"
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# For the tests' short-lived pages. V8 first runs WebAssembly as its baseline compiler (Liftoff)
# compiled it, then compiles again with its optimizing one (TurboFan) each function that has run
# for a while; a Pyodide start spends about 1 CPU-s of its 2.5 on that, for pages a test closes
# seconds later. A budget this large (bytes of code a function runs before it is optimized)
# leaves almost all of them to Liftoff: a start costs about 1.6 CPU-s. What the code does is
# the same in either tier; the bench and Lighthouse keep V8's own budget, as readers' browsers
# do. Chromium ignores a flag its V8 does not know, so a later one without it only costs time.
TEST_ARGS = ["--js-flags=--wasm-tiering-budget=2000000000"]


def launch_chromium(playwright: Playwright, *, executable: str = CHROMIUM, args: Sequence[str] = ()) -> Browser:
    """Start headless chromium (or the headless shell), with `args` after ours; FileNotFoundError
    naming the install command if it is missing."""
    if not Path(executable).exists():
        raise FileNotFoundError(f"{executable} is missing: run `make install-test` "
                                "(it installs Debian's chromium and chromium-headless-shell)")
    return playwright.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, *args])
