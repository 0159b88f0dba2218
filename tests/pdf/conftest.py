"""The offline PDF, exported once per test run from the session's built site."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import run_pdf_export
from tests.pdf.helpers import ExportedPdf, pdftotext


@pytest.fixture(scope="session")
def guide_pdf(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> ExportedPdf:
    """`python -m sitegen.pdf --site-dir <built site> --output <tmp>/guide.pdf`, as `make pdf` runs it."""
    output = tmp_path_factory.mktemp("pdf") / "guide.pdf"
    started = time.perf_counter()
    result = run_pdf_export(built_site, output)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    return ExportedPdf(path=output, seconds=seconds, pages=pdftotext(output),
                       source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"))


@pytest.fixture(scope="session")
def reader(guide_pdf: ExportedPdf) -> object:
    from pypdf import PdfReader

    return PdfReader(guide_pdf.path)


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """The built pages (without the heavy quiz runtime) in a folder a test may break."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("assets", "search", "*.pdf", "*.gz"))
    return copy
