"""The strict build: every section of the client's guide on exactly one page, in order, with sound links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml

from tests.conftest import ROOT
from tests.site.html import read_page

# The client's text of the guide, copied into the repo as given.
SOURCE = Path(__file__).parent / "client-text" / "rebuilding-trust-guide.txt"
CLINIC = "Calm Again Counseling"

# The section headings of the client's text, in its order. Each must be a line of the source.
SOURCE_HEADINGS = [
    "Rebuilding Trust in a Relationship: A Couple Guide to Healing Together",
    "Why Trust Matters And Why It Hurts When It Breaks?",
    "Understanding What Broke the Trust",
    "Betrayal or Infidelity",
    "Dishonesty or Withholding Information",
    "Emotional Abandonment",
    "Repeated Broken Promises",
    "Unresolved trauma",
    "The Science of Trust: Why Rebuilding Feels Hard",
    "Step-by-Step Guide to Rebuilding Trust",
    "Step 1: Acknowledge the Hurt Fully and Honestly",
    "Step 2: Create Space for Honest, Compassionate Conversations",
    "Step 3: Rebuild Through Consistent Actions, Not Promises",
    "Step 4: Create New Boundaries and Agreements",
    "Step 5: Practice Emotional Regulation as a Team",
    "Step 6: Rebuild Connection Through Moments of Repair",
    "Step 7: Get Support When You Need It",
    "What NOT to Do When Rebuilding Trust?",
    "Punishing or “checking up on” your partner indefinitely",
    "Using the breach of trust as ammunition in future conflicts",
    "Expecting trust to return instantly",
    "Pretending everything is fine to avoid conflict",
    "Pressuring yourself to trust before you feel ready",
    "How Attachment Styles and Trauma Influence Trust Repair?",
    "Secure attachment",
    "Anxious attachment",
    "Avoidant attachment",
    "Disorganized attachment",
    "Trauma history",
    "Signs That Trust Can Be Rebuilt",
    "When Trust Cannot Be Rebuilt?",
    "How Calm Again Counseling Helps Couples Rebuild Trust?",
    "Frequently Asked Questions",
    "A Gentle, Hopeful Closing",
]
# The blog's links to other posts are not part of the guide.
NOT_IN_GUIDE = [
    "Attachment Styles and How They Affect Adult Relationships",
    "The Psychological Benefits of Gratitude",
]


def guide_pages(site: Path) -> list[Path]:
    """The built HTML of every page in the nav, in nav order."""
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    sources = [next(iter(entry.values())) for entry in nav]
    return [site / ("index.html" if src == "index.md" else f"{src[:-3]}/index.html") for src in sources]


def test_source_headings_are_lines_of_the_client_text() -> None:
    lines = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    missing = [heading for heading in SOURCE_HEADINGS if heading not in lines]
    assert not missing


def test_every_source_heading_is_on_exactly_one_page(built_site: Path) -> None:
    headings_by_page = {path: read_page(path).headings for path in guide_pages(built_site)}
    for heading in SOURCE_HEADINGS:
        pages = [path for path, headings in headings_by_page.items() if heading in headings]
        assert len(pages) == 1, f"{heading!r} is on {len(pages)} pages: {pages}"


def test_nav_follows_the_order_of_the_guide(built_site: Path) -> None:
    order = []
    for path in guide_pages(built_site):
        first = read_page(path).headings[0]
        order.append(SOURCE_HEADINGS.index(first))
    assert order == sorted(order) and len(order) == 9


def test_extraction_damage_is_mended_and_the_blog_footer_left_out(built_site: Path) -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in guide_pages(built_site))
    assert "•" not in text
    assert "approaches including:" not in text
    assert "Our therapists support couples using integrative, trauma-informed approaches." in text
    for title in NOT_IN_GUIDE:
        assert title not in text


def test_clinic_details_come_from_the_config(built_site: Path) -> None:
    support = (built_site / "getting-support" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in support
    assert f"How {CLINIC} Helps Couples Rebuild Trust?" in support
    assert "online throughout California or in person in San Francisco" in support
    # The client gave no booking link: the offer is shown, with no link and no invented address.
    assert '<p class="clinic-consultation"><strong>Book a FREE 15-Minute Consultation</strong></p>' in support


def test_every_page_has_its_own_meta_description_and_canonical_link(built_site: Path) -> None:
    descriptions = set()
    for path in guide_pages(built_site):
        html = path.read_text(encoding="utf-8")
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert description, path
        descriptions.add(description.group(1))
        assert re.search(r'<link rel="canonical" href="http[^"]+/">', html), path
    assert len(descriptions) == 9
    assert "<loc>" in (built_site / "sitemap.xml").read_text()


def built_html_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html"))


def test_no_internal_link_is_broken(built_site: Path) -> None:
    broken = []
    for path in built_html_files(built_site):
        page_url = "http://site/" + path.relative_to(built_site).as_posix()
        for href in read_page(path).links:
            target = urlparse(urljoin(page_url, href))
            if target.scheme in {"mailto", "tel"} or target.netloc != "site":
                continue
            file = built_site / unquote(target.path.lstrip("/"))
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{path.relative_to(built_site)} -> {href}")
            elif target.fragment and file.suffix == ".html" and target.fragment not in read_page(file).ids:
                broken.append(f"{path.relative_to(built_site)} -> {href} (no such anchor)")
    assert not broken


def test_no_asset_comes_from_another_site(built_site: Path) -> None:
    external = []
    for path in built_html_files(built_site):
        for tag, url in read_page(path).assets:
            if tag.startswith("link[") and not re.search(r"stylesheet|preload|modulepreload|icon|manifest|font", tag):
                continue  # canonical, prev/next, alternate: addresses, not downloads
            if urlparse(url).scheme or url.startswith("//"):
                external.append(f"{path.relative_to(built_site)}: <{tag}> {url}")
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if re.match(r"(https?:)?//", url):
                external.append(f"{css.relative_to(built_site)}: url({url})")
        if "@import" in css.read_text(encoding="utf-8"):
            external.append(f"{css.relative_to(built_site)}: @import")
    assert not external


@pytest.mark.parametrize("feature", ["navigation.instant", "navigation.footer", "search.highlight"])
def test_reading_features_are_on(feature: str) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert feature in config["theme"]["features"]
