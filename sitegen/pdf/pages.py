"""A built page of the site, reduced to what belongs on paper: its article, without web chrome."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from sitegen.errors import BuildInputError
from sitegen.pdf.errors import page_error
from sitegen.pdf.guide import Chapter
from sitegen.pdf.links import BASE
from sitegen.pdf.tree import classes, local_name, parse_document, remove, walk

ARTICLE_CLASS = "md-content__inner"
# Elements that only make sense in a browser: scripts, controls, live status regions.
WEB_ONLY_TAGS = {"script", "style", "noscript", "template", "button", "input", "select", "textarea", "form",
                 "iframe", "object", "embed", "video", "audio", "source", "dialog"}
# Material's page chrome inside the article, the site's PDF link, the quiz widget's parts, and
# what an author marks `{ .web-only }` (the help page's words about the Quick exit button).
WEB_ONLY_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-tags", "md-feedback",
                    "md-comments", "pdf-download", "quiz__status", "quiz__result", "quiz__actions", "web-only"}
QUIZ_CLASS = "quiz"


def read_article(site_dir: Path, chapter: Chapter) -> ET.Element:
    """The `<article class="md-content__inner">` of a built page; errors name the page."""
    path = site_dir / chapter.dest_uri
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise page_error(chapter.where, f"{path} does not exist", "build the site first: `make build`") from None
    except (OSError, UnicodeDecodeError) as error:
        raise page_error(chapter.where, f"{path} cannot be read: {error}", "rebuild the site: `make build`") from None
    for element in parse_document(text).iter("article"):
        if ARTICLE_CLASS in classes(element):
            return element
    raise page_error(chapter.where,
                     f'{path} has no <article class="{ARTICLE_CLASS}">; '
                     "the page is broken or was not built with the theme",
                     "rebuild the site: `make build`")


def quiz_widgets(article: ET.Element) -> list[tuple[ET.Element, ET.Element, str]]:
    """(parent, widget, quiz id) of every web quiz widget (`<article class="quiz" data-quiz=…>`)."""
    return [(parent, element, element.get("data-quiz", "")) for parent, element in walk(article)
            if element.get("data-quiz") is not None and QUIZ_CLASS in classes(element)]


def strip_web_chrome(article: ET.Element) -> None:
    """Remove what cannot work on paper; FAQ `<details>` become plain blocks, always open."""
    for parent, element in list(walk(article)):
        name = local_name(element.tag)
        if (not name or name in WEB_ONLY_TAGS or classes(element) & WEB_ONLY_CLASSES
                or "hidden" in element.attrib or element.get("role") == "status" or "aria-live" in element.attrib):
            remove(parent, element)
        elif name == "details":
            element.tag = "div"
            element.set("class", " ".join(["details", *sorted(classes(element))]))
            element.attrib.pop("open", None)
        elif name == "summary":
            element.tag = "p"
            element.set("class", "details__summary")


def resolve_images(article: ET.Element, chapter: Chapter, site_dir: Path) -> dict[str, Chapter]:
    """Point every `<img>` at its file in the built site; {file URL: chapter} for later errors.

    Remote images are refused (the export must not use the network), a missing file or a
    missing alt attribute stops the export naming the page.
    """
    images: dict[str, Chapter] = {}
    root = site_dir.resolve()
    for element in article.iter("img"):
        src = element.get("src", "").strip()
        if "alt" not in element.attrib:
            raise page_error(chapter.where, f"the image {src!r} has no alt text, which an accessible PDF needs",
                             'give it one: ![what the image shows](file.png), or alt="" if it is decoration')
        for name in ("srcset", "sizes", "loading", "decoding"):
            element.attrib.pop(name, None)
        if src.startswith("data:"):
            continue
        target = urlsplit(urljoin(BASE + chapter.dest_uri, src))
        if target.netloc != urlsplit(BASE).netloc:
            raise page_error(chapter.where,
                             f"the image {src!r} is on another site; the PDF export does not use the network",
                             "save the image in docs/ and link to it there")
        file = (root / unquote(target.path).lstrip("/")).resolve()
        if not file.is_file() or root not in file.parents:
            raise page_error(chapter.where, f"the image {src!r} cannot be rendered: {file} does not exist",
                             "add the file to docs/ (next to the page) or fix the path, then `make build`")
        element.set("src", file.as_uri())
        images[file.as_uri()] = chapter
    return images


def missing_site(site_dir: Path) -> BuildInputError:
    """The error for a site folder that is not there."""
    return BuildInputError(str(site_dir), "the built site is missing",
                           "build it first: `make build` (or `mkdocs build`)")
