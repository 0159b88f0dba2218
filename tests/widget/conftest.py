"""Fixtures of the widget tests."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.widget.stub_worker import StubWorker, use_stub_worker


@pytest.fixture
def stub_worker(page: Page) -> StubWorker:
    """The stand-in worker (tests/widget/stub_worker.py) serving `page`, and what it was asked."""
    return use_stub_worker(page.context)


@pytest.fixture
def scoring_page(page: Page, stub_worker: StubWorker) -> Page:
    """`page`, whose quizzes are scored by the stand-in worker: for tests about what the widget
    does with a result (rendering, focus, status, print…), not about Pyodide."""
    return page
