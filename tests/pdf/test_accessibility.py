"""The PDF is accessible: tagged PDF/UA-1 with a language and a title, fonts embedded, and a
text alternative for every figure (the blank plot of the attachment quiz among them)."""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.pdf.helpers import ExportedPdf, structure_elements

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_the_pdf_is_tagged(reader: Any) -> None:
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    kinds = {str(element["/S"]) for element in structure_elements(reader)}
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link", "/Figure", "/Form"} <= kinds


def test_the_pdf_declares_its_language_and_shows_its_title(reader: Any) -> None:
    root = reader.trailer["/Root"]
    assert root["/Lang"] == CONFIG["theme"]["language"]
    assert reader.metadata.title == CONFIG["site_name"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_the_pdf_claims_pdf_ua_1(reader: Any) -> None:
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfuaid:part(="1"|>1<)', xmp), xmp


def test_every_font_is_embedded(guide_pdf: ExportedPdf) -> None:
    if shutil.which("pdffonts") is None:
        pytest.fail("pdffonts is missing: apt-get install poppler-utils")
    rows = subprocess.run(["pdffonts", str(guide_pdf.path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        emb = row.split()[-5]  # columns: name type encoding emb sub uni object ID
        assert emb == "yes", row


def test_every_figure_has_alternative_text(reader: Any) -> None:
    figures = [element for element in structure_elements(reader) if element["/S"] == "/Figure"]
    assert figures, "the attachment quiz's blank plot should be a figure"
    for figure in figures:
        assert str(figure.get("/Alt", "")).strip(), figure
    assert any("blank chart" in str(figure["/Alt"]) and "anxiety" in str(figure["/Alt"]) for figure in figures)


def test_form_fields_have_accessible_names(reader: Any) -> None:
    for name, field in reader.get_fields().items():
        assert str(field.get("/TU", "")).strip(), f"field {name} has no accessible name"
