"""A quiz inside a clinic's page on another origin: the page around it learns nothing from the
answers, every link out opens outside the frame, and a frame that cannot run scripts says so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.embed.clinic import NEUTRAL, frame_of, host_page, iframe_height, messages_settled, pasted
from tests.hardening.test_quick_exit import answer_the_neutral_site
from tests.widget.quiz_reader import SCORING_TIMEOUT_MS, SIGNS_PAGE, css_animations
from tests.widget.stub_worker import use_stub_worker

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
    messages_settled(visitor, frame)
    return {"messages": visitor.evaluate("window.__messages")[before:], "height": iframe_height(visitor),
            "frame scrolls": frame.evaluate("document.documentElement.scrollHeight > innerHeight")}


def test_the_clinics_page_learns_the_same_whatever_the_result(visitor: Page, clinic_site: tuple[Path, str],
                                                               built_site: Path, site_url: str) -> None:
    folder, clinic_url = clinic_site
    # What could leak is what the widget renders for each result: the stand-in worker gives it
    # (CPython's score_json) without four Pyodide starts; embedded scoring on the real runtime
    # is test_embedding_in_another_site.py's.
    stub = use_stub_worker(visitor.context)
    page = host_page(folder, "results.html", pasted(built_site, site_url, QUIZ))
    learned = {kind: what_the_host_learns(visitor, clinic_url, page, ticks) for kind, ticks in RESULT_KINDS.items()}
    assert len(stub.asked) == len(RESULT_KINDS) and not stub.runtime_fetched
    assert all(seen["messages"] == [] for seen in learned.values()), learned
    assert len({seen["height"] for seen in learned.values()}) == 1, learned
    assert learned["safety first"]["frame scrolls"]  # what grew after the reader started scrolls inside


def test_help_and_privacy_open_outside_the_frame(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                 site_url: str) -> None:
    folder, clinic_url = clinic_site
    use_stub_worker(visitor.context)  # links only: the quiz's runtime is no part of this test
    visitor.goto(clinic_url + host_page(folder, "links.html", pasted(built_site, site_url, QUIZ)))
    frame = frame_of(visitor)
    for link, lands_on in [(".quiz__help", "help-now/"), (".quiz__disclaimer a[href$='privacy/']", "privacy/"),
                           (".safety-bar__help", "help-now/")]:
        with visitor.context.expect_page() as opened:
            frame.locator(link).first.click()
        tab = opened.value
        expect(tab).to_have_url(re.compile(rf"^{re.escape(site_url + lands_on)}(#.*)?$"))  # Material may track a section
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
    # The full guide's page, not its embed copy (Material may add the section it tracks).
    expect(opened.value).to_have_url(re.compile(rf"^{re.escape(site_url)}help-now/(#.*)?$"))


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
    use_stub_worker(visitor.context)  # the note, not the quiz's runtime
    flags = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
    snippet = pasted(built_site, site_url, QUIZ).replace("data-rebuilding-trust-embed", f'data-rebuilding-trust-embed sandbox="{flags}"')
    visitor.goto(clinic_url + host_page(folder, "flags.html", snippet))
    frame = frame_of(visitor)
    expect(frame.locator('[data-quiz="trust-signs"]')).to_have_attribute("data-enhanced", "true")
    # The note's CSS would show it after a delay (embed.css); the frame's script hid it, so
    # nothing is left counting down to show it.
    expect(frame.locator("[data-embed-fallback]")).to_have_attribute("hidden", "")
    assert css_animations(frame, "embed-fallback-shows") == []
    expect(frame.locator("[data-embed-fallback]")).to_be_hidden()


def fully_on_screen(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    view = page.viewport_size
    return bool(box and view and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= view["width"]
                and box["y"] + box["height"] <= view["height"])


HOST_EXIT = "[data-rebuilding-trust-quick-exit]"


def scroll_to(page: Page, target: Locator) -> None:
    """Scroll the clinic's page until `target`, inside the frame, is mid-screen. (Playwright's own
    scrolling waits for animation frames that an off-screen cross-origin frame does not run.)"""
    box = target.bounding_box()
    assert box is not None
    page.evaluate("(by) => window.scrollBy(0, by)", box["y"] - 300)
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= 844 - box["height"], box


def test_quick_exit_stays_on_a_phone_screen_and_leaves_with_nothing_kept(browser: Browser, clinic_site: tuple[Path, str],
                                                                         built_site: Path, site_url: str) -> None:
    folder, clinic_url = clinic_site
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    answer_the_neutral_site(context)
    use_stub_worker(context)  # the result's place on screen, not how it was scored
    visitor = context.new_page()
    long_page = "<p>Our services.</p>" * 40 + pasted(built_site, site_url, QUIZ) + "<p>Our team.</p>" * 40
    visitor.goto(clinic_url + host_page(folder, "phone.html", long_page))
    frame = frame_of(visitor)
    expect(visitor.locator(HOST_EXIT)).to_have_text("Quick exit")
    expect(visitor.locator(HOST_EXIT)).to_have_attribute("href", NEUTRAL)
    for where in ['input[name="hope1"]', 'input[name="safety5"]']:
        scroll_to(visitor, frame.locator(where).locator("xpath=.."))
        assert fully_on_screen(visitor, HOST_EXIT), where
    frame.locator('input[name="hope1"]').locator("xpath=..").tap()
    frame.locator("button[type=submit]").tap()
    root = frame.locator('[data-quiz="trust-signs"]')
    expect(root).to_have_attribute("data-state", "scored", timeout=SCORING_TIMEOUT_MS)
    scroll_to(visitor, frame.locator(".quiz__result .quiz__headline"))
    assert fully_on_screen(visitor, HOST_EXIT), "the result"
    assert "quiz-answers:trust-signs" in frame.evaluate("Object.keys(sessionStorage).join()")

    visitor.locator(HOST_EXIT).tap()
    expect(visitor).to_have_url(NEUTRAL)
    visitor.go_back()  # location.replace: Back skips the clinic's page
    expect(visitor).not_to_have_url(re.compile("phone.html"))
    visitor.goto(clinic_url + "phone.html")  # the reader (or someone else) opens it again
    frame = frame_of(visitor)
    assert frame.evaluate("sessionStorage.length") == 0  # the answers kept for the tab are gone
    context.close()


def test_the_staff_pages_previews_get_no_second_quick_exit(page: Page) -> None:
    use_stub_worker(page.context)  # the previews' quick exit, not their quizzes' runtime
    page.goto("embed/")
    page.locator("details.embed-preview summary").first.click()
    expect(page.locator("details.embed-preview iframe").first).to_be_visible()
    expect(page.locator("[data-quick-exit]")).to_have_count(1)
    expect(page.locator(HOST_EXIT)).to_have_count(0)
