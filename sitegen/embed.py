"""Embeddable variants of every guide page and quiz, and the staff page with the snippets.

They are ordinary MkDocs pages generated from the same Markdown, rendered with the
`embed.html` template (content only: no header, navigation, search or footer), so a page's
links stay inside the embedded variants and nothing is copied by hand.

    embed/               the staff page: a snippet, a preview and a plain fallback per item
    embed/<quiz id>/     one quiz
    embed/guide/<page>/  one guide page
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import meta

from sitegen.address import public_address
from sitegen.contracts import EMBED_FRAME_ATTRIBUTE, EMBED_GUIDE_PAGES, HOST_SCRIPT, script_constants
from sitegen.errors import InternalError
from sitegen.quiz.surface import QuizSurface
from sitegen.settings import Origin
from sitegen.text import markdown_text, title_html

FOLDER = "embed"  # HOST_SCRIPT (sitegen/contracts.py) sits here too, at a stable address: clinics paste it once
# The lines of the theme's host.js the build fills in.
HOST_QUICK_EXIT = "const QUICK_EXIT = null;"
HOST_CONTRACTS = "const CONTRACTS = null;"
TEMPLATE = "embed.html"
SOURCE_KEY = "embed_source"  # a guide page's copy names its source: its links are written from there


@dataclass(frozen=True)
class Embeddable:
    """One thing a clinic can embed: its title, its embed page and the full page it comes from."""

    title: str
    embed_url: str
    full_url: str


def add_embed_pages(files: Files, config: MkDocsConfig, guide: Sequence[File], quizzes: Mapping[str, QuizSurface],
                    quiz_homes: Mapping[str, File], allowed_origins: Sequence[Origin]) -> None:
    """Generate the embed variants and the staff page as documentation files.

    `guide` is the guide's pages in reading order (`navigation.guide_pages`); `quiz_homes` the
    page each placed quiz lives on (`FenceLog.survey`).
    """
    site_url = public_address(config.site_url)  # checked by `sitegen.prepare` already; the snippets carry it
    homes = {quiz_id: file.url for quiz_id, file in quiz_homes.items()}
    pages: list[Embeddable] = []
    quiz_items: dict[bool, list[Embeddable]] = {False: [], True: []}  # by whether the quiz teaches
    for file in guide:
        body, front_matter = meta.get_data(file.content_string)
        embedded = _add(files, config, f"{EMBED_GUIDE_PAGES}{file.src_uri}", body,
                        {**front_matter, "embed_of": file.url, SOURCE_KEY: file.src_uri})
        pages.append(Embeddable(front_matter.get("title", file.name), embedded.url, file.url))
    for quiz_id, quiz in sorted(quizzes.items()):
        home = homes.get(quiz_id, "")
        body = f"```quiz\n{quiz_id}\n```\n"
        embedded = _add(files, config, f"{FOLDER}/{quiz_id}.md", body,
                        {"title": title_html(quiz.title), "description": f"{quiz.title}, to embed in another website.",
                         "embed_of": home})
        quiz_items[quiz.teaches].append(Embeddable(quiz.title, embedded.url, home))
    staff = staff_page(site_url, quiz_items[False], quiz_items[True], pages, allowed_origins)
    _add(files, config, f"{FOLDER}/index.md", staff,
         {"title": "Embed the guide in your website", "description": "Snippets for clinic staff.", "staff_page": True},
         template="main.html")


def add_host_script(files: Files, config: MkDocsConfig, quick_exit: Any) -> None:
    """embed/host.js with the guide's Quick exit (`extra.quick_exit`) written in, so the button it
    shows on a clinic's page goes where the guide's own does, and the names it shares with the
    guide's pages (sitegen/contracts.py); the theme's copy is the source."""
    theme_copy = files.get_file_from_path(HOST_SCRIPT)
    if theme_copy is None:
        raise InternalError(f"overrides/{HOST_SCRIPT} is missing: the embed snippets load it")
    setting = json.dumps({"url": quick_exit.url, "label": quick_exit.label})
    source = _fill_in(theme_copy.content_string, HOST_QUICK_EXIT, f"const QUICK_EXIT = {setting};")
    source = _fill_in(source, HOST_CONTRACTS, script_constants())
    files.remove(theme_copy)
    files.append(File.generated(config, HOST_SCRIPT, content=source))


def _fill_in(source: str, line: str, replacement: str) -> str:
    if source.count(line) != 1:
        raise InternalError(f"overrides/{HOST_SCRIPT} must contain the line {line!r} once: the build fills it in")
    return source.replace(line, replacement)


def _add(files: Files, config: MkDocsConfig, src_uri: str, body: str, front_matter: dict[str, Any],
         template: str = TEMPLATE) -> File:
    front_matter = {**front_matter, "template": template, "search": {"exclude": True}}
    content = f"---\n{yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=True)}---\n\n{body}"
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(file)
    return file


def snippet(site_url: str, item: Embeddable) -> str:
    """What a clinic pastes: the iframe, then the script that sizes it to its content."""
    return (f'<iframe src="{site_url}{item.embed_url}" title="{html.escape(item.title, quote=True)}" '
            f'{EMBED_FRAME_ATTRIBUTE} loading="lazy" style="width: 100%; height: 640px; border: 0;"></iframe>\n'
            f'<script src="{site_url}{HOST_SCRIPT}" defer></script>')


def plain_snippet(site_url: str, item: Embeddable) -> str:
    """For hosts that strip scripts: a fixed-height iframe that scrolls inside."""
    return (f'<iframe src="{site_url}{item.embed_url}" title="{html.escape(item.title, quote=True)}" '
            f'loading="lazy" style="width: 100%; height: 900px; border: 0;"></iframe>')


def staff_page(site_url: str, self_checks: list[Embeddable], knowledge_checks: list[Embeddable],
               pages: list[Embeddable], origins: Sequence[Origin]) -> str:
    """The Markdown of the staff page: how to embed, then a section per quiz (the self-checks,
    about the reader, then the knowledge checks, about the guide) and per page.

    `origins` is `extra.embed.allowed_origins`: the page says who may frame the guide and so
    who learns the one thing a frame tells its host, its height.
    """
    parts = [
        "# Embed the guide in your website",
        "Paste a snippet where the quiz or page should appear. The frame sizes itself to its "
        "content while it loads. Nothing a reader answers ever leaves the frame: the one thing it "
        "tells the page around it is its height in pixels, and it stops telling even that as soon "
        "as the reader starts on a quiz, so your page, and any script on it (analytics, a chat "
        "widget), learns nothing from the answers or the result. What grows after that, such as "
        "the result, scrolls inside the frame. Links to other pages open in a new tab.",
        _who_learns_the_height(origins),
        "**Quick exit**: while a guide frame is on your page, the script puts a *Quick exit* "
        "button in the top corner of your page, on screen at every scroll position. It leaves "
        "your website for a neutral one and clears what the guide kept in the frame.",
        "**WordPress**: add a *Custom HTML* block and paste the snippet into it (not an *Embed* "
        "block, which would wrap the page in a sandbox where the quiz cannot keep answers). "
        "**Squarespace**: use a *Code* block. If your site builder removes `<script>` tags, use "
        "the plain version: it works the same, at a fixed height with its own scroll bar, and "
        "its Quick exit stays at the top of the frame.",
        # Plain text, not code spans: the page's code blocks are the snippets, and only them.
        "**Sandboxed frames**: if your site builder adds a *sandbox* attribute, it must allow "
        "*allow-scripts allow-same-origin* (the quiz's scripts and its answers for the tab), "
        "*allow-popups allow-popups-to-escape-sandbox* (links open in a new tab) and "
        "*allow-top-navigation-by-user-activation* (Quick exit leaves your page too). A frame "
        "without the first two shows a note with a link to the page on the guide's own website.",
    ]
    for heading, quizzes in (("Self-checks", self_checks), ("Knowledge checks", knowledge_checks)):
        if quizzes:
            parts.append(f"## {heading}")
            parts += [_section(site_url, item) for item in quizzes]
    parts.append("## Guide pages")
    parts += [_section(site_url, item) for item in pages]
    return "\n\n".join(parts) + "\n"


def _who_learns_the_height(origins: Sequence[Origin]) -> str:
    if not origins:
        return ("Any website may show these frames, so any page that frames the guide receives "
                "that height (and nothing else). To allow only your own websites, list them as "
                "*allowed_origins* under *extra: embed* in mkdocs.yml.")
    # Plain text, not code spans: the page's code blocks are the snippets, and only them. Each
    # origin is escaped so that its "*." stays a star, not the start of italics.
    listed = ", ".join(markdown_text(str(origin)) for origin in origins)
    return (f"Only these websites may show these frames, and only they receive that height: {listed} "
            "(and this site itself, for the previews below). Other websites cannot show them.")


def _section(site_url: str, item: Embeddable) -> str:
    # The preview frames the embed page by a relative address, so it works wherever the site is served.
    address = html.escape(item.embed_url.removeprefix(FOLDER + "/"), quote=True)
    preview = (f'<iframe src="{address}" title="{html.escape(item.title, quote=True)}" '
               f'{EMBED_FRAME_ATTRIBUTE} loading="lazy" style="width: 100%; height: 480px; border: 0;"></iframe>')
    # Plain text, not highlighted HTML: the theme's syntax colours fall short of AA contrast.
    return "\n\n".join([
        f"### {markdown_text(item.title)}",
        f"```text\n{snippet(site_url, item)}\n```",
        f'<details class="embed-preview" markdown="1"><summary>Preview</summary>\n\n{preview}\n\n</details>',
        f"Plain version, for hosts that remove scripts:\n\n```text\n{plain_snippet(site_url, item)}\n```",
    ])
