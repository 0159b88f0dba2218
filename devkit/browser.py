"""Debian's chromium for Playwright, which cannot download its own browsers on this machine.

Two builds of the same Chromium release, both from Debian's `chromium` source package:
- `chromium`, the browser readers run: the bench's reader's wait and Lighthouse use it;
- `chromium-headless-shell`, the browser without its user interface, which is what Playwright
  itself runs for headless tests. The tests use it: a page costs about a third of the CPU
  (0.5 against 1.5 CPU-s for a page load on this machine; handbook/tests.md).
"""

from __future__ import annotations

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


def launch_chromium(playwright: Playwright, *, executable: str = CHROMIUM) -> Browser:
    """Start headless chromium (or the headless shell); FileNotFoundError naming the install
    command if it is missing."""
    if not Path(executable).exists():
        raise FileNotFoundError(f"{executable} is missing: run `make install-test` "
                                "(it installs Debian's chromium and chromium-headless-shell)")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
