"""The site links every page to the PDF, the PDF is the same for the same sources, the export
is quick, and the PDF's templates never end up in the site."""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.conftest import run_pdf_export
from tests.pdf.helpers import ExportedPdf

SECONDS_BUDGET = 10  # the whole guide, on the project's 2-core machine


def test_every_page_offers_the_pdf_for_download(built_site: Path) -> None:
    pages = [path for path in built_site.rglob("index.html") if "assets" not in path.parts]
    embedded = [path for path in pages if "embed" in path.relative_to(built_site).parts[:1] and path.parent.name != "embed"]
    pages = [path for path in pages if path not in embedded]
    assert len(pages) >= 10 and len(embedded) >= 10
    # Inside another site's frame, the guide's own download link is left out.
    assert not [path for path in embedded if "Download PDF" in path.read_text(encoding="utf-8")]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]*downloads/guide\.pdf)" download>Download PDF</a>', html)
        assert link, f"{path.relative_to(built_site)} has no Download PDF link"
        assert (path.parent / link.group(1)).resolve() == (built_site / "downloads" / "guide.pdf").resolve()
    assert (built_site / "downloads" / "guide.pdf").read_bytes().startswith(b"%PDF-")


def test_the_same_sources_give_the_same_pdf(built_site: Path, guide_pdf: ExportedPdf, tmp_path: Path) -> None:
    # A second export on purpose: the session's own PDF is the first.
    env = {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}
    if guide_pdf.source_date_epoch:
        env["SOURCE_DATE_EPOCH"] = guide_pdf.source_date_epoch
    again = tmp_path / "again.pdf"
    result = run_pdf_export(built_site, again, env=env)
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == guide_pdf.path.read_bytes()


def test_the_pdf_templates_are_not_copied_into_the_site(built_site: Path) -> None:
    assert not (built_site / "pdf").exists()
    for name in ("document.html", "quiz.html", "style.html"):
        assert not list(built_site.rglob(name)), name


def test_the_export_is_quick(guide_pdf: ExportedPdf) -> None:
    # Measured including Python's start-up; a loaded machine gets three times the budget.
    assert guide_pdf.seconds < 3 * SECONDS_BUDGET, f"the export took {guide_pdf.seconds:.1f} s"
