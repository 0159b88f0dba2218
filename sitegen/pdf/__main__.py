"""`python -m sitegen.pdf --site-dir site --output site/downloads/guide.pdf`: the offline PDF.

A step after `mkdocs build` (not a hook, so `mkdocs serve` stays fast): reads mkdocs.yml
for the page order and the cover, the built pages for their content, and writes one PDF.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sitegen.errors import BuildInputError

PROJECT = Path(__file__).resolve().parents[2]  # the folder with mkdocs.yml, quizzes/ and sitegen/


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen.pdf", description="Export the built guide as one PDF.")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--output", type=Path, default=Path("site/downloads/guide.pdf"),
                        help="the PDF to write (default: site/downloads/guide.pdf)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        pages, warnings = export(args.site_dir, args.output)
    except BuildInputError as error:
        print(f"PDF export failed: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"PDF export warning: {warning}", file=sys.stderr)
    print(f"Wrote {args.output} ({pages} pages) in {time.perf_counter() - started:.1f} s")
    return 0


def export(site_dir: Path, output: Path) -> tuple[int, list[str]]:
    """Export the guide built in site_dir to output; returns the page count and the warnings."""
    # Imported here so that a missing library is reported by BuildInputError, not at import.
    from sitegen.pdf.document import assemble
    from sitegen.pdf.guide import load_guide
    from sitegen.pdf.pages import missing_site
    from sitegen.pdf.render import write_pdf

    if not site_dir.is_dir():
        raise missing_site(site_dir)
    guide = load_guide(PROJECT / "mkdocs.yml")
    document = assemble(guide, site_dir)
    pages, warnings = write_pdf(document, site_dir, output)
    return pages, [*document.problems, *warnings]


if __name__ == "__main__":
    sys.exit(main())
