"""Every page, and both quizzes to the end, contact no one but the site itself."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.hardening.pages import site_pages
from tests.widget.quiz_reader import answer_with_mouse, cli_score, some_answers, submit_and_wait

# Pages loading at once, each in its own tab and each until its network is idle: their
# idle waits (500 ms each) overlap. Measured on 2 cores: 20 s one by one, 8 s eight at once.
TABS = 8


def test_a_full_walk_requests_only_the_sites_own_origin(page: Page, built_site: Path, site_url: str) -> None:
    requests: list[str] = []
    csp_headers: list[str | None] = []
    context = page.context
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: csp_headers.append(response.headers.get("content-security-policy"))
               if response.request.resource_type == "document" else None)
    paths = site_pages(built_site)
    for start in range(0, len(paths), TABS):
        tabs = [context.new_page() for _ in paths[start:start + TABS]]
        for tab, path in zip(tabs, paths[start:start + TABS], strict=True):
            tab.goto(path, wait_until="commit")
        for tab in tabs:
            tab.wait_for_load_state("networkidle")  # late requests (sitemap, search index) count too
            tab.close()
    assert len(csp_headers) >= len(paths)  # the staff page frames embed pages too
    page.goto("attachment-and-trauma/")
    answers = some_answers("attachment-style", seed=8)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    # On to the next chapter as a reader goes (instant navigation): the second quiz runs on the
    # worker the first one started, so the runtime and the wheel are fetched once, as above.
    page.locator("a.md-footer__link--next").click()
    expect(page).to_have_url(re.compile(r"/signs-of-rebuilding/(#.*)?$"))  # navigation.tracking may add a hash
    answer_with_mouse(page, "trust-signs", {"hope5": "on", "safety3": "on"})
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", {"hope5": "on", "safety3": "on"})
    outside = sorted({url for url in requests if not url.startswith(site_url)})
    assert not outside
    assert len(requests) > 30 and any(url.endswith(".wasm") for url in requests)
    # Every page arrived with the strict policy, and the quizzes scored under it.
    assert csp_headers and all(header and "script-src 'self' 'wasm-unsafe-eval'" in header for header in csp_headers)
