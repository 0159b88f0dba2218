"""The print document: one HTML file with a cover, a table of contents and every page of the guide.

Each built page gives its article; web quiz widgets are replaced by paper forms at the same
place (a knowledge check's answers are gathered into a last part of their own), web-only
chrome is removed, and ids and links are made unique and internal (sitegen.pdf.links). The
page layout itself (running headers, page numbers, TOC page numbers) is print CSS in
overrides/pdf/style.html.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from sitegen.pdf.errors import page_error
from sitegen.pdf.guide import Chapter, Guide
from sitegen.pdf.links import LinkMap, anchor, drop_dangling, localise
from sitegen.pdf.pages import (
    quiz_widgets,
    read_article,
    resolve_images,
    strip_web_chrome,
)
from sitegen.pdf.quiz_paper import PaperQuizRenderer
from sitegen.pdf.templates import environment
from sitegen.pdf.tree import parse_fragment, replace, serialize, text_of, walk

TEMPLATE = "document.html"
APPENDIX = "Appendix"
# The knowledge checks' answers, after everything else: a reader answers first, then looks.
ANSWERS = "Answers to the knowledge checks"
ANSWERS_ANCHOR = "knowledge-check-answers"
HELP_PAGE = "/help-now/"  # the crisis resources; the cover points to them as the site's footer does
PLACEHOLDER = "data-pdf-quiz"


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


@dataclass
class ChapterView:
    """A chapter as the document template prints it."""

    anchor: str
    title: str  # for the TOC, the outline and the running header
    appendix: bool
    sections: list[Section]
    article: ET.Element

    @property
    def html(self) -> Markup:
        # Safe to mark up: written from the parsed tree, with every text and attribute escaped again.
        return Markup(serialize(self.article, outer=False))


@dataclass
class PrintDocument:
    """The HTML to render, and what rendering needs to report problems and name form fields."""

    html: str
    images: dict[str, Chapter] = field(default_factory=dict)  # file URL -> the page that shows it
    radio_groups: dict[str, str] = field(default_factory=dict)  # field name -> the question it answers
    problems: list[str] = field(default_factory=list)  # links that could not be kept


def assemble(guide: Guide, site_dir: Path) -> PrintDocument:
    """Build the print HTML of the whole guide from the built site.

    The nav's pages come first, in order; a page outside the nav becomes an appendix when the
    guide links to it (the help page, from the checklist's safety result), in the order of the
    first link. Pages only the website links to (privacy, say) stay out of the PDF. The
    knowledge checks' answers come last, after the appendices.
    """
    links = LinkMap(guide.chapters)
    paper = PaperQuizRenderer(guide.project, guide.overrides)
    document = PrintDocument(html="")
    included = [chapter for chapter in guide.chapters if not chapter.appendix]
    views = []
    answers: list[ET.Element] = []  # the knowledge checks' answers, in reading order
    for chapter in included:  # grows while links to appendices are found
        views.append(_chapter(chapter, site_dir, links, paper, document, answers))
        included += [page for page in links.linked if page.appendix and page not in included]
    wheres = [chapter.where for chapter in included]
    if answers:
        views.append(_answers(answers))
        wheres.append(ANSWERS)
    ids = {view.anchor for view in views} | {element.get("id", "") for view in views for element in view.article.iter()}
    for view, where in zip(views, wheres, strict=True):
        document.problems += [f"{where}: {problem}" for problem in drop_dangling(view.article, ids)]
    help_href, _ = links.resolve(HELP_PAGE, included[0]) if included else (None, None)
    document.html = environment(guide.overrides).get_template(TEMPLATE).render(
        guide=guide,
        chapters=views,
        edition=_edition(guide),
        created=guide.date.strftime("%Y-%m-%dT%H:%M:%SZ") if guide.date else None,
        help_href=help_href if help_href and help_href[1:] in ids else None,
    )
    return document


def _chapter(chapter: Chapter, site_dir: Path, links: LinkMap, paper: PaperQuizRenderer,
             document: PrintDocument, answers: list[ET.Element]) -> ChapterView:
    article = read_article(site_dir, chapter)
    # Widgets are set aside before the web chrome goes (their forms and buttons would go with
    # it), and the paper forms come in after, so their fields stay.
    for parent, widget, quiz_id in quiz_widgets(article):
        if quiz_id not in paper.known:
            raise page_error(chapter.where, f"the page has a quiz widget for {quiz_id!r}, which is not a quiz",
                             f"use one of: {', '.join(sorted(paper.known))} (python -m quizzes list), "
                             "then `make build`")
        replace(parent, widget, [ET.Element("div", {PLACEHOLDER: quiz_id})])
    strip_web_chrome(article)
    root = "../" * chapter.dest_uri.count("/")  # from the page's folder up to the site root
    for parent, element in list(walk(article)):
        if element.get(PLACEHOLDER):
            rendered = paper.render(element.get(PLACEHOLDER, ""), root)
            replace(parent, element, parse_fragment(rendered.html))
            document.radio_groups.update(rendered.radio_groups)
            if rendered.answers_html:
                answers.append(_answers_of(rendered.answers_html, chapter, links, document))
    document.images.update(resolve_images(article, chapter, site_dir))
    document.problems += [f"{chapter.where}: {problem}" for problem in localise(article, chapter, links)]
    heading = next(article.iter("h1"), None)
    title = chapter.title or (text_of(heading) if heading is not None else "") or chapter.slug
    if chapter.appendix:
        title = f"{APPENDIX}: {title}"
    if heading is not None:
        heading.set("data-outline", title)  # the outline shows the short nav title (print CSS)
    sections = [Section(element.get("id", ""), text_of(element)) for element in article.iter("h2") if element.get("id")]
    return ChapterView(anchor=anchor(chapter), title=title, appendix=chapter.appendix, sections=sections,
                       article=article)


def _answers_of(html: str, chapter: Chapter, links: LinkMap, document: PrintDocument) -> ET.Element:
    """A knowledge check's answers, with ids and links made the document's as its chapter's are
    (its links were written from that chapter's page)."""
    answers = ET.Element("div")
    answers.extend(node for node in parse_fragment(html) if isinstance(node, ET.Element))
    document.problems += [f"{chapter.where}: {problem}" for problem in localise(answers, chapter, links)]
    return answers


def _answers(answers: list[ET.Element]) -> ChapterView:
    """The last chapter: every knowledge check's answers, a section each."""
    article = ET.Element("div")
    heading = ET.SubElement(article, "h1", {"data-outline": ANSWERS})
    heading.text = ANSWERS
    intro = ET.SubElement(article, "p")
    intro.text = ("The guide's best answer to each question of its knowledge checks, why each answer helps "
                  "or not, and the part of the guide it comes from.")
    article.extend(answers)
    sections = [Section(element.get("id", ""), text_of(element)) for element in article.iter("h2") if element.get("id")]
    return ChapterView(anchor=ANSWERS_ANCHOR, title=ANSWERS, appendix=True, sections=sections, article=article)


def _edition(guide: Guide) -> str:
    """"Version 1.0 · November 28, 2025": whichever of the two is configured (see guide.py)."""
    parts = []
    if guide.version:
        parts.append(f"Version {guide.version}")
    if guide.date:
        parts.append(f"{guide.date:%B} {guide.date.day}, {guide.date.year}")
    return " · ".join(parts)
