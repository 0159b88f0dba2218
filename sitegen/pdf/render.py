"""Print the assembled document to PDF with WeasyPrint: tagged PDF/UA-1, fillable, offline."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sitegen.errors import BuildInputError
from sitegen.pdf.document import PrintDocument
from sitegen.pdf.errors import load_weasyprint, page_error

PDF_OPTIONS: dict[str, Any] = {
    "pdf_variant": "pdf/ua-1",  # tagged, with document title and language
    "pdf_forms": True,  # the paper quizzes' radio buttons, tick boxes and write-in lines stay fillable
    # A fixed file identifier instead of one derived from the time: same sources, same bytes.
    "pdf_identifier": b"rebuilding-trust-guide",
}
RADIO_FLAG = 1 << 15
PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]+")  # written as a PDF name as it is


class _Problems(logging.Handler):
    """Collects WeasyPrint's errors (e.g. an image that cannot be decoded) to stop the export."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(record.getMessage())


def write_pdf(document: PrintDocument, site_dir: Path, output: Path) -> tuple[int, list[str]]:
    """Render and write the PDF; returns the page count and WeasyPrint's warnings.

    Raises BuildInputError naming the page when an image cannot be fetched or rendered.
    """
    weasyprint = load_weasyprint()
    site = site_dir.resolve()
    refused: list[str] = []

    fetcher: Any = weasyprint.URLFetcher

    # WeasyPrint ships no types, so its fetcher is Any to mypy, which refuses subclassing Any.
    class SiteOnlyFetcher(fetcher):  # type: ignore[misc]
        """Serves files of the built site only: the export never uses the network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = Path(url2pathname(urlsplit(url).path)) if url.startswith("file:") else None
            if path is None or site not in path.resolve().parents:
                refused.append(url)
                raise ValueError(f"the PDF export only reads files of the built site, not {url}")
            return super().fetch(url, headers)

    problems = _Problems()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(problems)
    try:
        html = weasyprint.HTML(string=document.html, base_url=site.as_uri() + "/", url_fetcher=SiteOnlyFetcher())
        rendered = html.render(**PDF_OPTIONS)
        _raise_for(problems.errors, refused, document)
        # Written beside the target and moved in place: a failed export leaves no half PDF.
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        try:
            rendered.write_pdf(partial, finisher=lambda _, pdf: _name_radio_groups(pdf, document.radio_groups),
                               **PDF_OPTIONS)
            _raise_for(problems.errors, refused, document)
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        logger.removeHandler(problems)
    return len(rendered.pages), problems.warnings


def _raise_for(errors: list[str], refused: list[str], document: PrintDocument) -> None:
    """Stop on the first problem WeasyPrint met, naming the page it came from when known."""
    for message in [*(f"refused to fetch {url}" for url in refused), *errors]:
        page = next((chapter for url, chapter in document.images.items() if url in message), None)
        if message.rstrip().endswith(":"):  # WeasyPrint gives no reason for undecodable data
            message = message.rstrip().rstrip(":") + " (the file is damaged or not an image)"
        if page is not None:
            raise page_error(page.where, f"an image cannot be rendered: {message}",
                             "check that the file is a valid PNG, JPEG, GIF, WebP or SVG image, then `make build`")
        raise BuildInputError("the print document", message,
                             "fix what the message names in docs/ and `make build` again; "
                             "if it names nothing of the guide, it is a bug of sitegen/pdf")


def _name_radio_groups(pdf: Any, questions: dict[str, str]) -> None:
    """Give each radio group the question it answers as its accessible name, and its buttons
    the answers' own values.

    WeasyPrint names a group after its first button ("1: Strongly disagree") and gives each
    button a field name too; a button of a group should only be a widget of that group.
    """
    for reference in pdf.catalog.get("AcroForm", {}).get("Fields", []):
        group = pdf.objects[_number(reference)]
        if not isinstance(group, dict) or not int(group.get("Ff", 0)) & RADIO_FLAG:
            continue
        name = _text(group.get("T"))
        if name in questions:
            group["TU"] = type(group["T"])(questions[name])  # a pydyf.String
        for kid in group.get("Kids", []):
            pdf.objects[_number(kid)].pop("T", None)
        _export_the_values(pdf, group)


def _export_the_values(pdf: Any, group: Any) -> None:
    """Name each button's "on" state after its `value` ("1" to "7"), not its position.

    WeasyPrint names the states 0, 1, 2, … and lists the values in /Opt, which the PDF spec
    reads as "state n exports Opt[n]"; most tools that read a filled form's data show the state
    name, so a 1–7 answer came out as 0–6. Named after the value, the state is the answer.
    """
    values = [_text(value) for value in group.get("Opt", [])]
    kids = [pdf.objects[_number(kid)] for kid in group.get("Kids", [])]
    if len(values) != len(kids) or len(set(values)) != len(values) or not all(map(PLAIN_NAME.fullmatch, values)):
        return  # values a PDF name cannot carry as they are: the spec's /Opt reading stays
    for position, (kid, value) in enumerate(zip(kids, values, strict=True)):
        states = kid["AP"]["N"]
        kid["AP"]["N"] = type(states)({value if str(name) == str(position) else name: stream
                                       for name, stream in states.items()})
        if str(kid.get("AS")) == f"/{position}":
            kid["AS"] = f"/{value}"
        if str(group.get("V")) == f"/{position}":
            group["V"] = f"/{value}"
    del group["Opt"]


def _number(reference: bytes) -> int:
    """The object number of a pydyf reference, b"12 0 R"."""
    return int(reference.split()[0])


def _text(value: Any) -> str:
    return str(getattr(value, "string", value))
