"""Every page, and both quizzes to the end, contact no one but the site itself."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.hardening.pages import site_pages
from tests.widget.quiz_reader import answer_with_mouse, cli_score, some_answers, submit_and_wait


def test_a_full_walk_requests_only_the_sites_own_origin(page: Page, built_site: Path, site_url: str) -> None:
    requests: list[str] = []
    csp_headers: list[str | None] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: csp_headers.append(response.headers.get("content-security-policy"))
            if response.request.resource_type == "document" else None)
    for path in site_pages(built_site):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    page.goto("attachment-and-trauma/")
    answers = some_answers("attachment-style", seed=8)
    answer_with_mouse(page, "attachment-style", answers)
    assert submit_and_wait(page, "attachment-style") == cli_score("attachment-style", answers)
    page.goto("signs-of-rebuilding/")
    answer_with_mouse(page, "trust-signs", {"hope5": "on", "safety3": "on"})
    assert submit_and_wait(page, "trust-signs") == cli_score("trust-signs", {"hope5": "on", "safety3": "on"})
    outside = sorted({url for url in requests if not url.startswith(site_url)})
    assert not outside
    assert len(requests) > 30 and any(url.endswith(".wasm") for url in requests)
    # Every page arrived with the strict policy, and the quizzes scored under it.
    assert csp_headers and all(header and "script-src 'self' 'wasm-unsafe-eval'" in header for header in csp_headers)
