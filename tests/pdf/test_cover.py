"""The cover prints whole: every line of text within the printable area, at least 0.25 in from
each edge of the page, read back from the PDF's own text boxes (poppler's pdftotext -bbox)."""

from __future__ import annotations

import re
import subprocess

from tests.pdf.helpers import ExportedPdf

MARGIN_PT = 18  # 0.25 in: most printers print nothing nearer the edge


def text_boxes(guide_pdf: ExportedPdf, page: int) -> tuple[tuple[float, float], list[tuple[str, float, float, float, float]]]:
    """(page width, height) and (word, xMin, yMin, xMax, yMax) of every word on the page, in points."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(guide_pdf.path), "-"],
                          capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html).groups())
    words = [(word, *map(float, box)) for *box, word in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    return (width, height), words


def test_every_line_of_the_cover_is_inside_the_printable_area(guide_pdf: ExportedPdf) -> None:
    (width, height), words = text_boxes(guide_pdf, 1)
    text = " ".join(word for word, *_ in words)
    assert "call 911" in text and "The offline edition of the website" in text
    outside = [(word, round(y_max, 1)) for word, x_min, y_min, x_max, y_max in words
               if x_min < MARGIN_PT or y_min < MARGIN_PT or x_max > width - MARGIN_PT or y_max > height - MARGIN_PT]
    assert outside == [], f"on a {width} x {height} pt page"
