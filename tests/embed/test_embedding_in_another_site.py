"""A clinic's page on another origin embeds a quiz with the pasted snippet."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.embed.clinic import NEUTRAL, frame_of, host_page, iframe_height, messages_settled, pasted
from tests.widget.quiz_reader import SCORING_TIMEOUT_MS, some_answers
from tests.widget.stub_worker import use_stub_worker


@pytest.mark.smoke  # in `make test-fast`
def test_the_quiz_works_and_the_frame_fits_its_content_until_the_reader_starts(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                       site_url: str) -> None:
    folder, clinic_url = clinic_site
    visitor.goto(clinic_url + host_page(folder, "quiz.html", pasted(built_site, site_url, "embed/attachment-style/")))
    frame = frame_of(visitor)
    expect(visitor.locator("iframe[data-rebuilding-trust-embed]")).not_to_have_attribute("style", "width: 100%; height: 640px; border: 0;")
    expect(frame.locator('[data-quiz="attachment-style"]')).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    # Before the reader starts, the frame is exactly as tall as its document: no scroll bar inside.
    content = frame.locator("html").evaluate("html => html.scrollHeight")
    visitor.wait_for_function(f"Math.round(document.querySelector('iframe').getBoundingClientRect().height) === {content}")
    before = iframe_height(visitor)
    for name, value in some_answers("attachment-style", seed=9).items():
        frame.locator(f'input[name="{name}"][value="{value}"]').locator("xpath=..").click()
    frame.locator("button[type=submit]").click()
    expect(frame.locator('[data-quiz="attachment-style"]')).to_have_attribute("data-state", "scored", timeout=90_000)
    expect(frame.locator(".quiz__result svg")).to_be_visible()
    # Once the reader started, the height stays: the result scrolls inside the frame.
    messages_settled(visitor, frame)  # any height message sent for the result has arrived
    assert iframe_height(visitor) == before
    assert frame.evaluate("document.documentElement.scrollHeight > document.documentElement.clientHeight")
    # Nothing but heights crossed to the clinic's page: never answers or results.
    messages = visitor.evaluate("window.__messages")
    assert messages and all(set(m["data"]) == {"type", "height"} for m in messages)
    assert all(m["origin"] == site_url.rstrip("/") for m in messages)


def test_messages_from_anywhere_else_are_ignored(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                 site_url: str) -> None:
    folder, clinic_url = clinic_site
    use_stub_worker(visitor.context)  # heights only: the runtime is no part of this test
    impostor = host_page(folder, "impostor.html", "<script>parent.postMessage("
                         "{type: 'rebuilding-trust-embed:height', height: 7}, '*')</script>")
    body = pasted(built_site, site_url, "embed/trust-signs/") + f'<iframe src="{impostor}" title="ad"></iframe>'
    visitor.goto(clinic_url + host_page(folder, "two-frames.html", body))
    frame = frame_of(visitor)
    visitor.wait_for_function("window.__messages.some((m) => m.data.height === 7)")
    # The quiz is in view, so its (stand-in) worker starts at once; while it starts, a progress line adds height.
    expect(frame.locator('[data-quiz="trust-signs"]')).to_have_attribute("data-state", "ready", timeout=90_000)
    content = frame.locator("html").evaluate("html => html.scrollHeight")
    visitor.wait_for_function(f"Math.round(document.querySelector('iframe').getBoundingClientRect().height) === {content}")
    settled = iframe_height(visitor)
    assert settled > 400
    # The host page itself (another origin than the guide) claims a tiny height: ignored.
    visitor.evaluate("window.postMessage({type: 'rebuilding-trust-embed:height', height: 9}, '*')")
    visitor.wait_for_timeout(300)
    assert iframe_height(visitor) == settled


def test_the_script_twice_or_without_a_frame_is_harmless(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                         site_url: str) -> None:
    folder, clinic_url = clinic_site
    snippet = pasted(built_site, site_url, "embed/guide/help-now/")
    script = snippet.split("\n")[1]
    visitor.goto(clinic_url + host_page(folder, "twice.html", snippet + script))
    frame_of_page = visitor.frame_locator("iframe[data-rebuilding-trust-embed]")
    expect(frame_of_page.locator("h1")).to_contain_text("Need help now?")
    visitor.wait_for_function("document.querySelector('iframe').getBoundingClientRect().height > 700")
    visitor.goto(clinic_url + host_page(folder, "no-frame.html", script))
    visitor.wait_for_load_state("load")
    assert visitor.evaluate("window.rebuildingTrustEmbedHost") is True


def test_the_snippet_can_choose_the_dark_scheme(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                site_url: str) -> None:
    folder, clinic_url = clinic_site
    snippet = pasted(built_site, site_url, "embed/trust-signs/").replace("embed/trust-signs/", "embed/trust-signs/?scheme=dark")
    visitor.goto(clinic_url + host_page(folder, "dark.html", snippet))
    frame = visitor.frame_locator("iframe[data-rebuilding-trust-embed]")
    expect(frame.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_quick_exit_in_the_frame_leaves_the_clinics_page_too(visitor: Page, clinic_site: tuple[Path, str], built_site: Path,
                                                             site_url: str) -> None:
    folder, clinic_url = clinic_site
    use_stub_worker(visitor.context)  # the quiz's runtime is no part of quick exit
    visitor.goto(clinic_url + host_page(folder, "exit.html", pasted(built_site, site_url, "embed/trust-signs/")))
    frame_of(visitor).locator("[data-quick-exit]").click()
    expect(visitor).to_have_url(NEUTRAL)


def test_shift_three_times_in_the_frame_leaves_the_clinics_page_too(visitor: Page, clinic_site: tuple[Path, str],
                                                                    built_site: Path, site_url: str) -> None:
    folder, clinic_url = clinic_site
    use_stub_worker(visitor.context)  # the quiz's runtime is no part of quick exit
    visitor.goto(clinic_url + host_page(folder, "exit-key.html", pasted(built_site, site_url, "embed/trust-signs/")))
    frame = frame_of(visitor)
    frame.locator('input[name="hope1"]').locator("xpath=..").click()  # the reader is answering: focus is in the frame
    for _ in range(3):
        visitor.keyboard.press("Shift")
    expect(visitor).to_have_url(NEUTRAL)
