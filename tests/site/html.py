"""A small HTML reader for tests: headings, links, asset references and ids of a built page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class PageFacts:
    headings: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    assets: list[tuple[str, str]] = field(default_factory=list)  # (tag, url) of scripts, styles, images, fonts
    ids: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._heading: list[str] | None = None
        self._skip_depth = 0  # inside a heading's permalink anchor

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.facts.ids.add(values["id"])
        if tag in HEADINGS:
            self._heading = []
        if tag == "a":
            if "headerlink" in values.get("class", ""):
                self._skip_depth += 1
            if "href" in values:
                self.facts.links.append(values["href"])
        if tag in {"script", "img", "source", "iframe", "audio", "video"} and values.get("src"):
            self.facts.assets.append((tag, values["src"]))
        if tag == "link" and values.get("href"):
            self.facts.assets.append((f"link[{values.get('rel', '')}]", values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip_depth:
            self._skip_depth -= 1
        if tag in HEADINGS and self._heading is not None:
            self.facts.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None and not self._skip_depth:
            self._heading.append(data)


def read_page(path: Path) -> PageFacts:
    """Parse one built HTML file."""
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.facts
