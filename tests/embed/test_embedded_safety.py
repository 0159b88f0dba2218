"""A quiz inside a clinic's page on another origin: the page around it learns nothing from the
answers, every link out opens outside the frame, and a frame that cannot run scripts says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.embed.clinic import frame_of, host_page, iframe_height, pasted
from tests.widget.quiz_reader import SCORING_TIMEOUT_MS, SIGNS_PAGE

QUIZ = "embed/trust-signs/"
# Each kind of result the checklist gives, and the ticks that lead to it.
RESULT_KINDS = {
    "nothing ticked": {},
    "healing": {"hope1": "on", "hope2": "on"},
    "concerns": {"concern1": "on", "concern2": "on", "concern3": "on"},
    "safety first": {"safety1": "on"},
}


def what_the_host_learns(visitor: Page, clinic_url: str, page: str, ticks: dict[str, str]) -> dict:
    """Every message the clinic's page received once the reader started, and the frame's height."""
    visitor.goto(clinic_url + page)
    frame = frame_of(visitor)
    root = frame.locator('[data-quiz="trust-signs"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    content = frame.locator("html").evaluate("html => html.scrollHeight")
    visitor.wait_for_function(f"Math.round(document.querySelector('iframe').getBoundingClientRect().height) === {content}")
    before = len(visitor.evaluate("window.__messages"))
    for name in ticks:
        frame.locator(f'input[name="{name}"]').locator("xpath=..").click()
    frame.locator("button[type=submit]").click()
    expect(root).to_have_attribute("data-state", "scored", timeout=SCORING_TIMEOUT_MS)
    visitor.wait_for_timeout(1000)  # a negative: room for a height message, were one still sent
    return {"messages": visitor.evaluate("window.__messages")[before:], "height": iframe_height(visitor),
            "frame scrolls": frame.evaluate("document.documentElement.scrollHeight > innerHeight")}


def test_the_clinics_page_learns_the_same_whatever_the_result(visitor: Page, clinic_site: tuple[Path, str],
                                                               built_site: Path, site_url: str) -> None:
    folder, clinic_url = clinic_site
    page = host_page(folder, "results.html", pasted(built_site, site_url, QUIZ))
    learned = {kind: what_the_host_learns(visitor, clinic_url, page, ticks) for kind, ticks in RESULT_KINDS.items()}
    assert all(seen["messages"] == [] for seen in learned.values()), learned
    assert len({seen["height"] for seen in learned.values()}) == 1, learned
    assert learned["safety first"]["frame scrolls"]  # what grew after the reader started scrolls inside


def test_help_and_privacy_open_outside_the_frame(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                 site_url: str) -> None:
    folder, clinic_url = clinic_site
    visitor.goto(clinic_url + host_page(folder, "links.html", pasted(built_site, site_url, QUIZ)))
    frame = frame_of(visitor)
    for link, lands_on in [(".quiz__help", "help-now/"), (".quiz__disclaimer a[href$='privacy/']", "privacy/"),
                           (".safety-bar__help", "help-now/")]:
        with visitor.context.expect_page() as opened:
            frame.locator(link).first.click()
        tab = opened.value
        expect(tab).to_have_url(f"{site_url}{lands_on}")
        expect(tab.locator("h1")).to_be_visible()
        tab.close()
    assert frame.url == f"{site_url}{QUIZ}"  # the quiz stayed where it was


def test_a_guide_page_links_to_the_full_guide_outside_the_frame(visitor: Page, clinic_site: tuple[Path, str],
                                                                built_site: Path, site_url: str) -> None:
    folder, clinic_url = clinic_site
    visitor.goto(clinic_url + host_page(folder, "chapter.html", pasted(built_site, site_url, "embed/guide/privacy/")))
    expect(visitor.frame_locator("iframe[data-rebuilding-trust-embed]").locator("article h1")).to_be_visible()
    frame = next(frame for frame in visitor.frames if "/embed/" in frame.url)
    frame.wait_for_load_state("load")
    # Written as a link to the help page's embed copy (../help-now/ from embed/guide/privacy/).
    chapter_link = frame.locator("article a[href$='help-now/']").first
    expect(chapter_link).to_have_attribute("target", "_blank")
    with visitor.context.expect_page() as opened:
        chapter_link.click()
    expect(opened.value).to_have_url(f"{site_url}help-now/")  # the full guide's page, not its embed copy


@pytest.mark.parametrize("sandbox", ["allow-scripts", ""])
def test_a_frame_that_cannot_run_scripts_says_so_and_links_to_the_site(visitor: Page, clinic_site: tuple[Path, str],
                                                                       site_url: str, sandbox: str) -> None:
    folder, clinic_url = clinic_site
    frame_html = f'<iframe src="{site_url}{QUIZ}" title="Trust signs" sandbox="{sandbox}" style="width: 100%; height: 900px"></iframe>'
    visitor.goto(clinic_url + host_page(folder, f"sandboxed-{bool(sandbox)}.html", frame_html))
    note = visitor.frame_locator("iframe").locator("[data-embed-fallback]")
    expect(note).to_be_visible(timeout=10_000)
    expect(note).to_contain_text("cannot run the guide's scripts")
    expect(note.locator("a")).to_have_attribute("href", f"{site_url}{SIGNS_PAGE}")
    expect(note.locator("a")).to_have_attribute("target", "_blank")


def test_a_frame_that_runs_scripts_never_shows_the_note(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                        site_url: str) -> None:
    folder, clinic_url = clinic_site
    flags = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
    snippet = pasted(built_site, site_url, QUIZ).replace("data-rebuilding-trust-embed", f'data-rebuilding-trust-embed sandbox="{flags}"')
    visitor.goto(clinic_url + host_page(folder, "flags.html", snippet))
    frame = frame_of(visitor)
    expect(frame.locator('[data-quiz="trust-signs"]')).to_have_attribute("data-enhanced", "true")
    visitor.wait_for_timeout(4000)  # a negative: past the moment the note would show
    expect(frame.locator("[data-embed-fallback]")).to_be_hidden()
