"""Offline reading only for a reader who chose it (overrides/assets/offline/register.js): a
plain visit leaves no service worker and no cache; the privacy page's button keeps the guide,
and stops keeping it; the registration is the only record of the choice, so Quick exit forgets
it; a worker an earlier version registered without asking is let go."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.hardening.pages import stored_by_the_site
from tests.hardening.test_quick_exit import NEUTRAL, answer_the_neutral_site
from tests.offline.helpers import (
    CONTROLLED,
    KEEP,
    PRIVACY_PAGE,
    STOP,
    choose_offline_reading,
    kept,
    offline_button,
    registrations,
    wait_until_kept,
    wait_until_true,
)
from tests.widget.quiz_reader import SCORING_TIMEOUT_MS, SIGNS_PAGE, answer_with_mouse, widget

# A fixed wait only where something must NOT happen: longer than register.js takes to register
# the worker on a page load (well under a second here), had it still done so.
NOTHING_HAPPENS_MS = 1500


def test_a_plain_visit_leaves_no_service_worker_and_no_cache(offline_reader: Page) -> None:
    page = offline_reader
    page.goto("./")
    page.goto(SIGNS_PAGE)
    answer_with_mouse(page, "trust-signs", {"hope1": "on"})
    expect(widget(page, "trust-signs")).to_have_attribute("data-state", "ready", timeout=SCORING_TIMEOUT_MS)
    page.goto(PRIVACY_PAGE)
    page.wait_for_timeout(NOTHING_HAPPENS_MS)  # to show that no worker registers meanwhile
    assert registrations(page) == 0
    assert kept(page) == {}
    expect(page.get_by_role("button", name=KEEP)).to_be_visible()
    expect(page.locator("[data-offline-state]")).to_have_text("This guide is not kept on this device.")
    stored = stored_by_the_site(page)
    assert stored["local"] == {} and stored["caches"] == []


def test_the_button_keeps_the_guide_and_stops_keeping_it_from_the_keyboard(offline_reader: Page) -> None:
    page = offline_reader
    page.goto(PRIVACY_PAGE)
    button = offline_button(page)
    expect(button).to_have_text(KEEP)
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_text(STOP)
    expect(button).to_be_focused()  # the same button, its words changed: focus stays
    expect(page.locator("[data-offline-state]")).to_contain_text("is kept on this device")
    page.wait_for_function(CONTROLLED)
    assert registrations(page) == 1
    wait_until_kept(page, f"/{PRIVACY_PAGE}")  # the page where the reader chose opens offline too
    # Remembered by the registration alone: another tab of the browser finds the choice made.
    other = page.context.new_page()
    other.goto(PRIVACY_PAGE)
    expect(offline_button(other)).to_have_text(STOP)
    other.close()
    assert page.evaluate("localStorage.length") == 0

    page.keyboard.press("Space")
    expect(button).to_have_text(KEEP)
    expect(button).to_be_focused()
    assert registrations(page) == 0
    assert kept(page) == {}
    # The page stays served by the let-go worker until it closes; it keeps nothing more, even
    # started anew (as the browser does after a while idle), when it has forgotten the message.
    assert page.evaluate(CONTROLLED)
    cdp = page.context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    page.evaluate("window.__sameDocument = true")
    page.locator(f'a.md-nav__link[href$="{SIGNS_PAGE}"]').first.click()  # fetched through the worker
    expect(page).to_have_url(re.compile(re.escape(SIGNS_PAGE)))
    assert page.evaluate("window.__sameDocument === true")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(NOTHING_HAPPENS_MS)  # to show that no copy is written meanwhile
    assert kept(page) == {}
    page.goto(PRIVACY_PAGE)
    expect(offline_button(page)).to_have_text(KEEP)


def test_the_choice_is_offered_after_instant_navigation(offline_reader: Page) -> None:
    page = offline_reader
    page.goto("./")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has read sitemap.xml
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Your privacy").first.click()  # in the footer
    expect(page).to_have_url(re.compile(re.escape(PRIVACY_PAGE)))
    assert page.evaluate("window.__sameDocument === true")
    page.get_by_role("button", name=KEEP).click()
    expect(page.get_by_role("button", name=STOP)).to_be_visible()
    page.wait_for_function(CONTROLLED)
    # What the tab loaded before the choice is kept: the first page, and this one, fetched by
    # instant navigation.
    wait_until_kept(page, page.evaluate("location.origin") + "/", f"/{PRIVACY_PAGE}")
    assert page.locator("[data-offline-choice]").count() == 1


def test_quick_exit_forgets_the_choice_and_back_brings_nothing_back(offline_reader: Page) -> None:
    page = offline_reader
    choose_offline_reading(page)
    page.goto(SIGNS_PAGE)
    wait_until_kept(page, f"/{SIGNS_PAGE}")
    answer_the_neutral_site(page.context)  # only now: Playwright's routes make Chromium bypass service workers
    page.locator("[data-quick-exit]").click()
    expect(page).to_have_url(NEUTRAL)
    page.go_back()  # the page before the one left: the privacy page, which runs its scripts again
    expect(page).to_have_url(re.compile(re.escape(PRIVACY_PAGE)))
    page.wait_for_load_state("load")
    page.wait_for_timeout(NOTHING_HAPPENS_MS)  # to show that no worker registers again meanwhile
    assert registrations(page) == 0
    expect(offline_button(page)).to_have_text(KEEP)
    stored = stored_by_the_site(page)
    assert stored["local"] == {} and stored["caches"] == []
    assert list(stored["session"]) == ["/.__palette"]  # the tab's own, written again by the page


def test_a_worker_an_earlier_version_registered_without_asking_is_let_go(offline_reader: Page) -> None:
    page = offline_reader
    page.goto(PRIVACY_PAGE)
    # As every visit did before offline reading became a choice: the same file, no query.
    page.evaluate("navigator.serviceWorker.register('/service-worker.js', {scope: '/'})")
    wait_until_true(page, "navigator.serviceWorker.getRegistration().then((r) => Boolean(r && r.active))")
    page.evaluate("async () => (await caches.open('rebuilding-trust:/:site:older')).put('/', new Response('kept'))")
    assert registrations(page) == 1
    page.goto("./")
    wait_until_true(page, "navigator.serviceWorker.getRegistrations().then((found) => found.length === 0)")
    wait_until_true(page, "caches.keys().then((names) => names.length === 0)")
    page.goto(PRIVACY_PAGE)
    expect(offline_button(page)).to_have_text(KEEP)


def test_without_javascript_no_button_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(PRIVACY_PAGE)
    assert page.locator("[data-offline-choice]").count() == 1
    expect(page.locator("[data-offline-choice]")).to_be_hidden()
    expect(page.get_by_role("button", name=KEEP)).to_have_count(0)
    context.close()
