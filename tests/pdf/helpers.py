"""Reading the exported PDF in tests: its text (poppler's pdftotext) and its structure (pypdf)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass(frozen=True)
class ExportedPdf:
    path: Path
    seconds: float
    pages: list[str]  # pdftotext's text of each page, NFKC-normalised
    source_date_epoch: str | None  # as the export saw it (other tests may set it in this process)

    @property
    def text(self) -> str:
        """All the text with whitespace collapsed, for "is this sentence in the PDF" checks."""
        return flat("\n".join(self.pages))


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdftotext(path: Path, *options: str) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils")
    result = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True)
    return [unicodedata.normalize("NFKC", page) for page in result.stdout.split("\f")[:-1]]


def outline(reader: Any) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every bookmark, in order."""
    entries: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return entries


def link_annotations(reader: Any) -> list[tuple[int, dict[str, Any]]]:
    """(1-based page, annotation) of every link annotation."""
    return [(number, annotation.get_object())
            for number, page in enumerate(reader.pages, start=1)
            for annotation in page.get("/Annots", [])
            if annotation.get_object().get("/Subtype") == "/Link"]


def structure_elements(reader: Any) -> list[dict[str, Any]]:
    """Every element of the tag tree below the StructTreeRoot."""
    found: list[dict[str, Any]] = []
    todo: list[Any] = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            todo.extend(node)
        elif isinstance(node, dict):  # not a marked-content id (an integer)
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                todo.append(node["/K"])
    return found
