"""The PDF holds the guide: cover, a table of contents whose page numbers are right, every
chapter in nav order with a running header and "Page n of N", bookmarks, working links."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.pdf.helpers import ExportedPdf, flat, link_annotations, outline
from tests.site.html import read_page

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
NAV = [next(iter(entry.items())) for entry in CONFIG["nav"]]  # (title, source)
APPENDIX = "Appendix: Need help now?"
ANSWERS = "Answers to the knowledge checks"  # the last part, after the appendix
TOC_ENTRY = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")


def built_file(site: Path, source: str) -> Path:
    return site / ("index.html" if source == "index.md" else f"{source[:-3]}/index.html")


def h2s(path: Path) -> list[str]:
    """The text of the page's h2 headings, without their permalink."""
    article = path.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
    found = []
    for inner in re.findall(r"<h2\b[^>]*>(.*?)</h2>", article, re.DOTALL):
        inner = re.sub(r'<a class="headerlink".*?</a>', "", inner, flags=re.DOTALL)
        found.append(" ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split()))
    return found


def chapters(site: Path) -> list[tuple[str, str, list[str]]]:
    """(nav title, the page's h1, its h2s) of every chapter, then of the help page (an appendix)."""
    found = []
    for title, source in [*NAV, (APPENDIX, "help-now.md")]:
        path = built_file(site, source)
        found.append((title, read_page(path).headings[0], h2s(path)))
    return found


def toc(guide_pdf: ExportedPdf, reader: Any) -> dict[str, int]:
    """Title -> page number, as printed in the table of contents (the pages before the first chapter)."""
    first_chapter = next(page for level, title, page in outline(reader) if title == NAV[0][0])
    entries: dict[str, int] = {}
    pending = ""
    for page in guide_pdf.pages[1:first_chapter - 1]:
        for line in page.splitlines():
            match = TOC_ENTRY.match((pending + " " + line).strip())
            if match:
                entries.setdefault(" ".join(match.group("title").split()), int(match.group("page")))
                pending = ""
            elif line.strip() and not line.startswith(("Contents", "Page ")):
                pending += " " + line.strip()  # an entry wrapped onto the next line
    return entries


def chapter_pages(reader: Any) -> dict[str, range]:
    """Nav title -> the pages the chapter spans (from its bookmark to the next chapter's)."""
    starts = [(title, page) for level, title, page in outline(reader) if level == 1 and title != "Contents"]
    ends = [page for _, page in starts[1:]] + [len(reader.pages) + 1]
    return {title: range(page, end) for (title, page), end in zip(starts, ends, strict=True)}


def test_the_cover_names_the_guide_the_clinic_and_the_edition_date(guide_pdf: ExportedPdf) -> None:
    cover = flat(guide_pdf.pages[0])
    assert CONFIG["site_name"] in cover
    assert CONFIG["extra"]["clinic"]["name"] in cover
    epoch = guide_pdf.source_date_epoch or subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    date = datetime.fromtimestamp(int(epoch), tz=UTC)
    assert f"{date:%B} {date.day}, {date.year}" in cover  # the last commit's date, not the export's


def test_every_chapter_has_a_bookmark_in_nav_order_then_the_help_appendix_and_the_answers(reader: Any) -> None:
    top = [title for level, title, _ in outline(reader) if level == 1]
    assert top == ["Contents", *(title for title, _ in NAV), APPENDIX, ANSWERS]


def test_each_chapters_sections_are_bookmarks_under_it(reader: Any, built_site: Path) -> None:
    entries = outline(reader)
    for title, _, sections in chapters(built_site):
        start = next(index for index, (level, name, _) in enumerate(entries) if level == 1 and name == title)
        end = next((index for index, (level, _, _) in enumerate(entries) if index > start and level == 1), len(entries))
        below = [name for level, name, _ in entries[start + 1:end] if level == 2]
        assert [section for section in sections if section in below] == sections, title


def test_toc_lists_every_chapter_with_the_page_it_really_starts_on(guide_pdf: ExportedPdf, reader: Any,
                                                                   built_site: Path) -> None:
    entries = toc(guide_pdf, reader)
    spans = chapter_pages(reader)
    for title, heading, _ in chapters(built_site):
        assert title in entries, f"{title!r} is not in the table of contents: {sorted(entries)}"
        page = entries[title]
        assert page == spans[title].start, f"TOC says {title!r} starts on page {page}, its bookmark says {spans[title].start}"
        assert heading in flat(guide_pdf.pages[page - 1]), f"{heading!r} is not on page {page}"
        assert heading not in flat(guide_pdf.pages[page - 2]), f"{heading!r} is already on page {page - 1}"


def test_toc_page_numbers_of_sections_point_at_their_headings(guide_pdf: ExportedPdf, reader: Any,
                                                              built_site: Path) -> None:
    entries = toc(guide_pdf, reader)
    checked = 0
    for _, _, sections in chapters(built_site):
        for section in sections:
            assert section in entries, f"section {section!r} is not in the table of contents"
            assert section in flat(guide_pdf.pages[entries[section] - 1]), f"{section!r} is not on page {entries[section]}"
            checked += 1
    assert checked > 20


def test_every_page_after_the_cover_is_numbered_n_of_total(guide_pdf: ExportedPdf) -> None:
    total = len(guide_pdf.pages)
    assert not re.search(r"Page \d+ of", guide_pdf.pages[0])
    for number, page in enumerate(guide_pdf.pages[1:], start=2):
        assert f"Page {number} of {total}" in page


def test_every_chapter_page_has_the_chapter_title_as_running_header(guide_pdf: ExportedPdf, reader: Any) -> None:
    for title, pages in chapter_pages(reader).items():
        for number in pages:
            first_line = next(line for line in guide_pdf.pages[number - 1].splitlines() if line.strip())
            assert first_line.strip() == title, f"page {number} is headed {first_line!r}, not {title!r}"


def test_internal_links_resolve_to_pages_inside_the_document(reader: Any) -> None:
    internal = 0
    for page, annotation in link_annotations(reader):
        action = annotation.get("/A", {})
        destination = annotation.get("/Dest", action.get("/D"))
        if destination is None:
            assert action.get("/S") == "/URI", annotation
            continue
        internal += 1
        target = reader.named_destinations[destination] if isinstance(destination, str) else None
        number = reader.get_destination_page_number(target) if target is not None else \
            reader.get_page_number(destination[0].get_object())
        assert 0 <= number < len(reader.pages), f"a link on page {page} points outside the document"
    assert internal > 60  # the table of contents alone has one per chapter and section


def test_the_toc_links_go_to_the_chapters(reader: Any) -> None:
    spans = chapter_pages(reader)
    first_chapter = spans[NAV[0][0]].start
    targets = set()
    for page, annotation in link_annotations(reader):
        destination = annotation.get("/Dest")
        if 2 <= page < first_chapter and isinstance(destination, str):  # the contents' pages
            targets.add(reader.get_destination_page_number(reader.named_destinations[destination]) + 1)
    assert {span.start for span in spans.values()} <= targets


def test_links_to_other_pages_of_the_site_became_links_inside_the_pdf(reader: Any) -> None:
    uris = [annotation["/A"]["/URI"] for _, annotation in link_annotations(reader) if "/URI" in annotation.get("/A", {})]
    assert uris, "the crisis lines should stay clickable"
    for uri in uris:
        assert re.match(r"(tel|sms|mailto|https?):", uri), uri
        assert not re.match(r"https?://(127\.0\.0\.1|localhost)", uri), f"a link still points at the local site: {uri}"


@pytest.mark.parametrize("web_only", ["Download PDF", "Link to this section", "¶", "JavaScript", "Quick exit"])
def test_web_chrome_stays_out_of_the_pdf(guide_pdf: ExportedPdf, web_only: str) -> None:
    assert web_only not in guide_pdf.text


def test_the_cover_links_to_the_crisis_resources_appendix(reader: Any) -> None:
    appendix = chapter_pages(reader)[APPENDIX].start
    targets = [reader.get_destination_page_number(reader.named_destinations[annotation["/Dest"]]) + 1
               for page, annotation in link_annotations(reader) if page == 1 and isinstance(annotation.get("/Dest"), str)]
    assert targets and set(targets) == {appendix}  # the link, and its "(page n)"
