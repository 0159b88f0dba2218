"""`{{ name }}` markers in pages, filled in from mkdocs.yml's settings and the quizzes' data.

One marker syntax, one flat table of renderers; an unknown marker stops the build.
"""

from __future__ import annotations

import html
import importlib
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from sitegen import embed
from sitegen.contracts import OFFLINE_CHOICE_ATTRIBUTE, OFFLINE_STATE_ATTRIBUTE, quiz_anchor
from sitegen.errors import BuildInputError, page_line
from sitegen.quiz.surface import QuizSurface
from sitegen.settings import Clinic, Settings
from sitegen.text import markdown_text

MARKER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")


@dataclass(frozen=True)
class Site:
    """The build's quizzes (id -> quiz) and the page each placed quiz lives on, for markers
    that point into the site."""

    quizzes: Mapping[str, QuizSurface]
    quiz_homes: Mapping[str, File]


@dataclass(frozen=True)
class Context:
    """What a renderer may read: the page, where the marker is in it, the settings and the site."""

    page: Page
    where: str
    settings: Settings
    site: Site


def expand(markdown: str, page: Page, settings: Settings, site: Site) -> str:
    """Replace every marker of a page; errors name the page, the line and the markers that exist."""

    def replace(match: re.Match[str]) -> str:
        where = page_line(page, markdown, match.start())
        render = RENDERERS.get(match.group(1))
        if render is None:
            raise BuildInputError(
                where,
                f"unknown marker '{{{{ {match.group(1)} }}}}'",
                "use one of " + ", ".join(f"{{{{ {name} }}}}" for name in RENDERERS),
            )
        return render(Context(page, where, settings, site))

    return MARKER.sub(replace, markdown)


def render_clinic_name(clinic: Clinic) -> str:
    """The clinic's name as literal text in a page's Markdown (no markup, no emphasis)."""
    return markdown_text(clinic.name)


def render_locations(clinic: Clinic) -> str:
    """The locations as prose: "online throughout California or in person in San Francisco"."""
    places = [markdown_text(place) for place in clinic.locations]
    return places[0] if len(places) == 1 else ", ".join(places[:-1]) + " or " + places[-1]


def render_consultation(clinic: Clinic, page: Page) -> str:
    """The booking button, or the offer as plain text while no booking link is configured."""
    label = html.escape(clinic.consultation.label)
    if clinic.consultation.url is None:
        return f'<p class="clinic-consultation"><strong>{label}</strong></p>'
    # A path inside the site is written from the site's root: here it becomes relative to
    # the page, so it works wherever the site is published.
    url = html.escape(normalize_url(clinic.consultation.url, page), quote=True)
    return f'<p class="clinic-consultation"><a class="md-button md-button--primary" href="{url}">{label}</a></p>'


def render_safety_resources() -> str:
    """The crisis resources, from the same data the quizzes' safety-first result uses."""
    safety = importlib.import_module("quizzes.core.safety")
    entries = []
    for resource in safety.ALL_RESOURCES:
        contacts = " · ".join(f'<a href="{html.escape(contact.href, quote=True)}">{html.escape(contact.label)}</a>'
                              for contact in resource.contacts)
        entries.append(f"<li><strong>{html.escape(resource.name)}</strong><br>{contacts}<br>"
                       f"{html.escape(resource.note)}</li>")
    return '<ul class="safety-resources">\n' + "\n".join(entries) + "\n</ul>"


def render_self_checks(context: Context) -> str:
    """"Check in with yourself": the placed quizzes about the reader (a kind that does not `teach`)."""
    return placed_quizzes(context, teaching=False, noun="self-check")


def render_knowledge_checks(context: Context) -> str:
    """"Check what you learned": the placed knowledge checks (a kind that `teaches`)."""
    return placed_quizzes(context, teaching=True, noun="knowledge check")


def placed_quizzes(context: Context, *, teaching: bool, noun: str) -> str:
    """The placed quizzes that teach, or not, as a Markdown list in reading order: each one's
    title, linked to the quiz on its page (a relative link MkDocs checks), and the first
    sentence of its intro. `noun` names them in the message when the guide places none."""
    quizzes = context.site.quizzes
    # A home's fence was checked: its id is a quiz.
    homes = {quiz_id: home for quiz_id, home in context.site.quiz_homes.items()
             if quizzes[quiz_id].teaches == teaching}
    if not homes:
        raise BuildInputError(context.where, f"no page of the guide places a {noun}, so there is nothing to list",
                              f"place a {noun} with a ```quiz fence, or remove the marker")
    # Links are written from the page whose Markdown this is: a copy of it among the embed
    # pages then links to the copies of the quizzes' pages, as its other links do.
    here = posixpath.dirname(context.page.meta.get(embed.SOURCE_KEY, context.page.file.src_uri))
    entries = []
    for quiz_id, home in homes.items():
        quiz = quizzes[quiz_id]
        link = posixpath.relpath(home.src_uri, here or ".")
        entry = f"- [{markdown_text(quiz.title)}]({link}#{quiz_anchor(quiz_id)})"
        if quiz.intro:
            entry += f": {markdown_text(first_sentence(quiz.intro[0]))}"
        entries.append(entry)
    return "\n".join(entries)


def first_sentence(text: str) -> str:
    """Up to the first full stop, question or exclamation mark that ends a sentence."""
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


# The privacy page's offline reading control; register.js shows it, and swaps its words.
OFFLINE_CHOICE = {
    "keep-label": "Keep this guide on this device for offline reading",
    "stop-label": "Stop keeping this guide on this device",
    "not-kept-text": "This guide is not kept on this device.",
    "kept-text": "This guide is kept on this device for offline reading: the pages you open are copied "
                 "as you read them.",
    "failed-text": "This browser did not allow it: nothing was changed.",
}


def render_offline_choice(settings: Settings) -> str:
    """The button that keeps the guide for offline reading (or stops), hidden until its script
    runs; nothing when offline reading is switched off."""
    if not settings.offline:
        return ""
    data = " ".join(f'data-{name}="{html.escape(text, quote=True)}"' for name, text in OFFLINE_CHOICE.items())
    return (f'<div class="offline-choice" {OFFLINE_CHOICE_ATTRIBUTE} {data} hidden>\n'
            f'<p {OFFLINE_STATE_ATTRIBUTE} role="status"></p>\n'
            f'<p><button type="button" class="md-button md-button--primary">'
            f'{html.escape(OFFLINE_CHOICE["keep-label"])}</button></p>\n'
            "</div>")


RENDERERS: dict[str, Callable[[Context], str]] = {
    "clinic.name": lambda context: render_clinic_name(context.settings.clinic),
    "clinic.locations": lambda context: render_locations(context.settings.clinic),
    "clinic.consultation": lambda context: render_consultation(context.settings.clinic, context.page),
    "safety.resources": lambda _: render_safety_resources(),
    "safety.browsing_note": lambda _: html.escape(importlib.import_module("quizzes.core.safety").BROWSING_NOTE),
    "quizzes.self_checks": render_self_checks,
    "quizzes.knowledge_checks": render_knowledge_checks,
    "offline.choice": lambda context: render_offline_choice(context.settings),
}
