"""The session's build, as `make build` runs it, in a process of its own that the first test
process needing the site starts right after collection (tests/conftest.py), so the build
overlaps the tests that need none.

    python -m tests.session_build FOLDER URL

builds the project into FOLDER/site for the address URL, then exports the PDF there. Each step
writes its record (FOLDER/site.json, then FOLDER/pdf.json) as it ends, so a test that needs
only the pages starts before the PDF is written. Records are written whole (a temporary name,
then renamed): a test process waiting for one never reads half of it.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

from devkit.build import run_mkdocs_build, run_pdf_export
from devkit.project import ROOT

SITE_RECORD = "site.json"
PDF_RECORD = "pdf.json"


def write_record(path: Path, record: dict[str, object]) -> None:
    """Write a step's record under its final name at once."""
    staging = path.with_name(f".{path.name}.partial")
    staging.write_text(json.dumps(record), encoding="utf-8")
    staging.replace(path)


def build(folder: Path, url: str) -> None:
    """The site, then its PDF, each step's record written as it ends."""
    site_dir = folder / "site"
    site = run_mkdocs_build(ROOT, site_dir, site_url=url)
    write_record(folder / SITE_RECORD, {"error": site.stderr if site.returncode else None, "seconds": site.seconds})
    if site.returncode:
        write_record(folder / PDF_RECORD, {"error": "the site build before it failed", "seconds": None})
        return
    pdf = run_pdf_export(site_dir, site_dir / "downloads" / "guide.pdf")
    write_record(folder / PDF_RECORD, {"error": pdf.stderr if pdf.returncode else None, "seconds": pdf.seconds,
                                       "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH")})


def main(folder: Path, url: str) -> None:
    """Build; whatever stops it early still leaves both records, naming what went wrong."""
    try:
        build(folder, url)
    except BaseException:
        error = traceback.format_exc()
        for name in (SITE_RECORD, PDF_RECORD):
            if not (folder / name).exists():
                write_record(folder / name, {"error": error, "seconds": None})
        raise


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
