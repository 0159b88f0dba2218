"""The guide published in a folder of a host (`SITE_URL=http://127.0.0.1:<port>/guide/`), with
nothing but 404s outside it: a quiz scores, every request and link stays in the folder, the
service worker keeps only the folder, and a clinic's page embeds a quiz from it."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.conftest import ROOT, BuiltPdf, SiteServer, run_mkdocs_build, watched_page
from tests.embed.clinic import frame_of, host_page, pasted
from tests.offline.helpers import choose_offline_reading, kept, wait_until_kept
from tests.widget.quiz_reader import (
    ATTACHMENT_PAGE,
    SCORING_TIMEOUT_MS,
    answer_with_mouse,
    cli_score,
    some_answers,
    submit_and_wait,
)

FOLDER = "/guide/"
QUIZ = "attachment-style"
# Every address a page names: links, stylesheets, scripts, images, frames.
NAMING = "a[href], link[href], script[src], img[src], iframe[src]"


@pytest.fixture(scope="module")
def folder_site(tmp_path_factory: pytest.TempPathFactory, pdf_build: BuiltPdf) -> Iterator[SiteServer]:
    """The site built for the folder's address and served only there.

    After the session's build, whose build cache it reuses; and with the session's PDF, which
    every page links to (its links are checked here, not its contents: tests/pdf/ reads it)."""
    with SiteServer(tmp_path_factory.mktemp("host") / "site", prefix=FOLDER) as server:
        run_mkdocs_build(ROOT, server.site_dir, site_url=server.url).check()
        (server.site_dir / "downloads").mkdir(exist_ok=True)
        shutil.copy2(pdf_build.path, server.site_dir / "downloads" / "guide.pdf")
        yield server


@pytest.fixture
def reader(browser: Browser, folder_site: SiteServer) -> Iterator[tuple[Page, list[str]]]:
    """A watched page on the folder's address (service workers blocked), with every URL its
    context requests, workers' included."""
    for page in watched_page(browser, folder_site.url, service_workers="block"):
        yield page, record_requests(page)


def record_requests(page: Page) -> list[str]:
    """Every URL the page's context requests from now on; a failed response is recorded as `<status> url`."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.context.on("response", lambda response: requested.append(f"{response.status} {response.url}")
                    if response.status >= 400 else None)
    return requested


def origin_of(url: str) -> str:
    """`http://127.0.0.1:<port>/` of any address there."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def own_addresses(scope: Page | Locator, site_url: str) -> list[str]:
    """The addresses a page (or a part of it) names on the site's origin, without fragments."""
    addresses = scope.locator(NAMING).evaluate_all("(elements) => elements.map((each) => each.href || each.src)")
    return sorted({address.split("#")[0] for address in addresses if address.startswith(origin_of(site_url))})


def answers_200(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


def test_a_quiz_scores_and_every_request_and_link_stays_in_the_folder(reader: tuple[Page, list[str]],
                                                                       folder_site: SiteServer) -> None:
    page, requested = reader
    site_url = folder_site.url
    # From the home page to the quiz's chapter as a reader goes, by instant navigation: the
    # chapter's relative addresses must resolve from its own address, not the home page's.
    page.goto(site_url)
    page.locator(f'article a[href$="{ATTACHMENT_PAGE}#quiz-{QUIZ}"]').click()  # the home page's list of quizzes
    # Material's navigation.tracking may have put the section in view in the fragment since.
    expect(page).to_have_url(re.compile(re.escape(site_url + ATTACHMENT_PAGE) + "(#.*)?$"))
    answers = some_answers(QUIZ, seed=21)
    answer_with_mouse(page, QUIZ, answers)
    assert submit_and_wait(page, QUIZ) == cli_score(QUIZ, answers)
    result = page.locator(f'[data-quiz="{QUIZ}"] .quiz__result')
    expect(result.locator("svg")).to_be_visible()

    # As the build wrote them, the form's own addresses are relative: they hold in any folder.
    # (Read from the file: in the browser, Material's instant navigation writes links whole.)
    built = (folder_site.site_dir / ATTACHMENT_PAGE / "index.html").read_text(encoding="utf-8")
    form = built[built.index('<article class="quiz"'):built.index("</article>")]
    written = re.findall(r'(?:href|src|data-assets)="([^"]*)"', form)
    assert "../privacy/" in written
    assert [address for address in written if address.startswith(("/", origin_of(site_url)))] == []
    quiz_addresses = own_addresses(page.locator(f'[data-quiz="{QUIZ}"]'), site_url)
    result_addresses = own_addresses(result, site_url)
    assert any(address.endswith("/widget.js") for address in quiz_addresses)
    assert f"{site_url}privacy/" in quiz_addresses and f"{site_url}help-now/" in quiz_addresses
    assert result_addresses  # the result sends the reader on to sections of the guide
    page_addresses = own_addresses(page, site_url)
    assert set(quiz_addresses) <= set(page_addresses)
    outside = [address for address in page_addresses if not address.startswith(site_url)]
    assert outside == [], "addresses outside the folder"
    assert [address for address in page_addresses if not answers_200(address)] == []

    # A result's link, followed as a reader does (instant navigation), stays in the folder.
    link = result.locator("a[href]").first
    target = link.evaluate("(link) => link.href").split("#")[0]
    assert target.startswith(site_url)
    link.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "(#.*)?$"))  # with the section Material tracks

    assert any(url.endswith(".whl") for url in requested)  # the worker loaded Pyodide and the quiz wheel
    assert [url for url in requested if not url.startswith(site_url)] == [], "requests outside the folder, or failed"


def test_offline_reading_registers_the_worker_for_the_folder_only(browser: Browser, folder_site: SiteServer) -> None:
    site_url = folder_site.url
    for page in watched_page(browser, site_url):
        requested = record_requests(page)
        choose_offline_reading(page)
        registration = page.evaluate("""() => navigator.serviceWorker.getRegistration()
          .then((found) => ({scope: found.scope, script: found.active.scriptURL}))""")
        assert registration == {"scope": site_url, "script": f"{site_url}service-worker.js?chosen"}
        wait_until_kept(page, f"{FOLDER}privacy/")
        caches = kept(page)
        assert caches and all(name.startswith(f"rebuilding-trust:{FOLDER}:") for name in caches)
        assert all(url.startswith(site_url) for urls in caches.values() for url in urls)
        assert [url for url in requested if not url.startswith(site_url)] == []


def test_a_clinics_page_embeds_a_quiz_from_the_folder(browser: Browser, folder_site: SiteServer,
                                                      tmp_path: Path) -> None:
    site_url = folder_site.url
    with SiteServer(tmp_path) as clinic:
        for visitor in watched_page(browser, clinic.url, service_workers="block"):
            requested = record_requests(visitor)
            snippet = pasted(folder_site.site_dir, site_url, f"embed/{QUIZ}/")
            assert f'src="{site_url}embed/host.js"' in snippet
            visitor.goto(clinic.url + host_page(tmp_path, "quiz.html", snippet))
            frame = frame_of(visitor)
            expect(frame.locator(f'[data-quiz="{QUIZ}"]')).to_have_attribute("data-state", "ready",
                                                                               timeout=SCORING_TIMEOUT_MS)
            # host.js sized the frame to its content: it loaded, and the frame's messages reached it.
            visitor.wait_for_function("document.querySelector('iframe').style.height !== '640px'")
            assert visitor.locator("[data-rebuilding-trust-quick-exit]").count() == 1  # host.js's own Quick exit
            from_the_guide = [url for url in requested if not url.startswith(clinic.url)]
            assert from_the_guide and all(url.startswith(site_url) for url in from_the_guide)


def test_a_build_for_one_folder_published_in_another_still_scores(browser: Browser, folder_site: SiteServer) -> None:
    # Staff may publish a build somewhere else than SITE_URL said (a preview, a moved folder):
    # the canonical links and the embed snippets are then wrong, but pages and quizzes work.
    with SiteServer(folder_site.site_dir, prefix="/elsewhere/") as elsewhere:
        for page in watched_page(browser, elsewhere.url, service_workers="block"):
            requested = record_requests(page)
            page.goto(ATTACHMENT_PAGE)
            answers = some_answers(QUIZ, seed=22)
            answer_with_mouse(page, QUIZ, answers)
            assert submit_and_wait(page, QUIZ) == cli_score(QUIZ, answers)
            assert [url for url in requested if not url.startswith(elsewhere.url)] == []
