"""Fixtures of the widget tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.widget.stub_worker import StubWorker, use_stub_worker


@pytest.fixture
def stub_worker(page: Page) -> Iterator[StubWorker]:
    """The stand-in worker (tests/widget/stub_worker.py) serving `page`, and what it was asked.

    The test fails if the page fetched Pyodide all the same: the stand-in was not what ran."""
    stub = use_stub_worker(page.context)
    yield stub
    assert not stub.runtime_fetched, f"the real runtime was fetched: {stub.runtime_fetched[:3]}"

