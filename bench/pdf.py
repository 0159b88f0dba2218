"""Figure group 2, PDF: `python -m sitegen.pdf` exporting the whole guide from a built site."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from bench.report import Figure, unavailable
from devkit.build import run_pdf_export
from devkit.project import ROOT

GROUP = "PDF"
NAME = "PDF export of the whole guide (python -m sitegen.pdf)"
TIMEOUT_S = 180


def measure(site_dir: Path, runs: int) -> list[Figure]:
    """Time the PDF command `runs` times; a missing or failing command gives a row with the reason."""
    if not ((ROOT / "sitegen" / "pdf" / "__main__.py").is_file() or (ROOT / "sitegen" / "pdf.py").is_file()):
        return [unavailable(GROUP, NAME, "s", "sitegen.pdf missing")]
    samples: list[float] = []
    size = 0
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        output = Path(tmp) / "guide.pdf"
        for _ in range(runs):
            try:
                done = run_pdf_export(site_dir, output, timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                return [unavailable(GROUP, NAME, "s", f"sitegen.pdf took over {TIMEOUT_S} s")]
            samples.append(done.seconds)
            if done.returncode != 0 or not output.is_file():
                tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-2:])
                return [unavailable(GROUP, NAME, "s", f"sitegen.pdf failed (exit {done.returncode}): {tail}")]
            size = output.stat().st_size
    return [Figure(GROUP, NAME, "s", samples, note=f"PDF {size / 1e6:.1f} MB")]
