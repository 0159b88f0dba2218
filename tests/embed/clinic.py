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
