"""The offline PDF: the one the session's build exported (as `make build` does), read once."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BuiltPdf
from tests.pdf.helpers import ExportedPdf, pdftotext


@pytest.fixture(scope="session")
def guide_pdf(pdf_build: BuiltPdf) -> ExportedPdf:
    """site/downloads/guide.pdf, as `python -m sitegen.pdf --site-dir site` wrote it for this run."""
    return ExportedPdf(path=pdf_build.path, seconds=pdf_build.seconds, pages=pdftotext(pdf_build.path),
                       source_date_epoch=pdf_build.source_date_epoch)


@pytest.fixture(scope="session")
def reader(guide_pdf: ExportedPdf) -> Any:
    from pypdf import PdfReader

    return PdfReader(guide_pdf.path)


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """The built pages (without the heavy quiz runtime) in a folder a test may break."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("assets", "search", "*.pdf", "*.gz"))
    return copy
