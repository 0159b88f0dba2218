"""Links and ids of the site's pages, made to work inside one PDF.

Every page's ids get the page's slug as a prefix (`step-by-step--step-5`), so ids stay unique
once all pages share one document, and a link to another page of the guide
(`../step-by-step/#step-5`) becomes a link inside the PDF (`#step-by-step--step-5`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin, urlsplit

from sitegen.pdf.guide import Chapter
from sitegen.pdf.tree import walk

BASE = "http://site.invalid/"  # a stand-in origin to resolve relative links against
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "sms"}
# Attributes that hold ids of the same page (space-separated lists for the aria ones).
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list")


def anchor(chapter: Chapter, fragment: str = "") -> str:
    """The document-wide id of a page (no fragment) or of an id inside it."""
    return f"{chapter.slug}--{fragment}" if fragment else chapter.slug


class LinkMap:
    """Finds the chapter a site-relative address points at."""

    def __init__(self, chapters: tuple[Chapter, ...]) -> None:
        self.linked: list[Chapter] = []  # pages links pointed at, in order of first link
        self._chapters: dict[str, Chapter] = {}
        for chapter in chapters:
            folder = chapter.dest_uri.removesuffix("index.html")
            for key in (chapter.dest_uri, folder, folder.rstrip("/")):
                self._chapters.setdefault(key, chapter)

    def resolve(self, href: str, chapter: Chapter) -> tuple[str | None, str | None]:
        """(the href to print, or None to drop the link; a problem to report, or None).

        Pages of the guide give `#anchor`; other sites keep their address; files of the
        site that are not pages (and unknown schemes) cannot be reached from a PDF.
        """
        target = urlsplit(urljoin(BASE + chapter.dest_uri, href.strip()))
        if target.scheme in EXTERNAL_SCHEMES and target.netloc != urlsplit(BASE).netloc:
            return href.strip(), None
        if target.netloc != urlsplit(BASE).netloc:
            return None, f"link {href!r} uses a scheme a PDF reader cannot follow"
        path = unquote(target.path).lstrip("/")
        page = self._chapters.get(path)
        if page is None:
            return None, f"link {href!r} points at {path or '/'!r}, which is not a page of the guide"
        if page not in self.linked:
            self.linked.append(page)
        return "#" + anchor(page, unquote(target.fragment)), None


def localise(article: ET.Element, chapter: Chapter, links: LinkMap) -> list[str]:
    """Prefix the ids of one page and rewrite its links; returns the problems (links dropped)."""
    problems = []
    for _, element in walk(article):
        if "id" in element.attrib:
            element.set("id", anchor(chapter, element.get("id", "")))
        for name in ID_REFERENCES:
            if name in element.attrib:
                element.set(name, " ".join(anchor(chapter, ref) for ref in element.get(name, "").split()))
        if element.tag == "a" and "href" in element.attrib:
            href, problem = links.resolve(element.get("href", ""), chapter)
            if problem:
                problems.append(problem)
            if href is None:
                del element.attrib["href"]
            else:
                element.set("href", href)
    return problems


def drop_dangling(article: ET.Element, ids: set[str]) -> list[str]:
    """Unlink the in-document links of one page whose target is not in `ids`; one problem per link."""
    problems = []
    for element in article.iter("a"):
        href = element.get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            text = " ".join("".join(element.itertext()).split())
            problems.append(f"link {text!r} points at a missing anchor ({href})")
            del element.attrib["href"]
    return problems
