"""A clinic's own page on another origin, with a snippet from the staff page pasted in."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Frame, Page, expect

from tests.embed.test_embed_pages import code_blocks

NEUTRAL = "https://www.weather.gov/"
MESSAGE_LOG = """
  window.__messages = [];
  window.addEventListener("message", (event) => window.__messages.push({origin: event.origin, data: event.data}));
"""


def pasted(built_site: Path, site_url: str, embed_path: str) -> str:
    (block,) = [block for block in code_blocks(built_site / "embed" / "index.html")
                if f'src="{site_url}{embed_path}"' in block and "<script" in block]
    return block


def host_page(folder: Path, name: str, body: str) -> str:
    (folder / name).write_text("<!doctype html><html lang=en><meta name=viewport content='width=device-width, "
                               f"initial-scale=1'><title>Clinic</title><h1>Our clinic</h1>{body}"
                               "<p>Contact us.</p></html>", encoding="utf-8")
    return name


def frame_of(page: Page) -> Frame:
    """The embedded frame, once its scripts have run (quick exit listens from then on)."""
    frame = page.frame_locator("iframe[data-rebuilding-trust-embed]")
    expect(frame.locator(".quiz")).to_be_visible()
    embedded = next(f for f in page.frames if "/embed/" in f.url)
    embedded.wait_for_load_state("load")
    return embedded


def iframe_height(page: Page) -> float:
    return page.locator("iframe[data-rebuilding-trust-embed]").bounding_box()["height"]


# After two of the frame's animation frames (its ResizeObserver, which sends the height, runs in
# the rendering step between them), the frame posts a marker; a frame's messages arrive in order.
_MARK_AFTER_A_RENDERING_STEP = """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  parent.postMessage({type: "test-marker"}, "*");
  done();
})))"""


def messages_settled(visitor: Page, frame: Frame) -> None:
    """Wait until any height message the frame sends for what it shows now has arrived, and
    take the marker that proves it out of the log: a negative that waits on an event."""
    count = visitor.evaluate("window.__messages.length")
    frame.evaluate(_MARK_AFTER_A_RENDERING_STEP)
    visitor.wait_for_function("(count) => window.__messages.slice(count).some((m) => m.data.type === 'test-marker')",
                              arg=count)
    visitor.evaluate("window.__messages = window.__messages.filter((m) => m.data.type !== 'test-marker')")
