"""Bad input stops `make pdf` with the page and the reason, and a missing system library
names the Debian package to install, never a raw traceback.

Two runs of the real command, each a kind of failure only a real process shows: an image
WeasyPrint cannot decode (the whole export, then no PDF left behind) and a system library
that cannot be loaded at import. The other bad pages are exported in this process, by the
same `main()` the command runs.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.errors import BuildInputError
from sitegen.pdf.__main__ import main
from sitegen.pdf.errors import load_weasyprint, missing_library_error
from tests.conftest import ROOT, run_pdf_export

PAGE = "why-trust-matters/index.html"
SOURCE = "docs/why-trust-matters.md"


def add_to_article(site: Path, page: str, markup: str) -> None:
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert "</article>" in text
    path.write_text(text.replace("</article>", markup + "</article>", 1), encoding="utf-8")


@pytest.fixture
def export_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], quiz_modules_kept: None) -> Callable[[Path], str]:
    """`python -m sitegen.pdf --site-dir SITE` in this process: what it printed when it failed.

    The export imports the quizzes afresh, as every build does (`quiz_modules_kept`).
    """

    def run(site: Path) -> str:
        output = tmp_path / "out" / "guide.pdf"
        capsys.readouterr()
        assert main(["--site-dir", str(site), "--output", str(output)]) == 1, "the export should have failed"
        assert not output.exists(), "a failed export must not leave a PDF behind"
        error = capsys.readouterr().err
        assert error.startswith("PDF export failed: "), error
        return error

    return run


def test_an_image_that_cannot_be_decoded_fails_naming_the_page(site_copy: Path, tmp_path: Path) -> None:
    # End to end: the command renders the whole guide, fails, exits 1 and leaves no PDF.
    (site_copy / "why-trust-matters" / "broken.png").write_bytes(b"this is not a PNG file")
    add_to_article(site_copy, PAGE, '<p><img src="broken.png" alt="A broken picture"></p>')
    output = tmp_path / "out" / "guide.pdf"
    result = run_pdf_export(site_copy, output)
    assert result.returncode == 1, f"the export should have failed:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    assert not output.exists() and not list(output.parent.glob("*")), "a failed export must not leave a PDF behind"
    assert SOURCE in result.stderr and "broken.png" in result.stderr and "cannot be rendered" in result.stderr


def test_a_page_with_a_missing_image_fails_naming_the_page_and_the_image(site_copy: Path,
                                                                        export_error: Callable[[Path], str]) -> None:
    add_to_article(site_copy, PAGE, '<p><img src="diagram.png" alt="How trust breaks"></p>')
    error = export_error(site_copy)
    assert SOURCE in error and "diagram.png" in error and "does not exist" in error
    assert "How to fix:" in error


def test_a_remote_image_is_refused_naming_the_page(site_copy: Path, export_error: Callable[[Path], str]) -> None:
    add_to_article(site_copy, PAGE, '<p><img src="https://example.org/chart.png" alt="A chart"></p>')
    error = export_error(site_copy)
    assert SOURCE in error and "https://example.org/chart.png" in error and "network" in error


def test_an_image_without_alt_text_fails_naming_the_page(site_copy: Path, export_error: Callable[[Path], str]) -> None:
    (site_copy / "why-trust-matters" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    add_to_article(site_copy, PAGE, '<p><img src="chart.svg"></p>')
    error = export_error(site_copy)
    assert SOURCE in error and "chart.svg" in error and "alt text" in error


def test_a_broken_built_page_fails_naming_the_page(site_copy: Path, export_error: Callable[[Path], str]) -> None:
    (site_copy / "what-not-to-do" / "index.html").write_text("<html><body><p>Half a page", encoding="utf-8")
    error = export_error(site_copy)
    assert "docs/what-not-to-do.md" in error and "<article" in error and "make build" in error


def test_a_missing_built_page_fails_naming_the_page(site_copy: Path, export_error: Callable[[Path], str]) -> None:
    (site_copy / "science-of-trust" / "index.html").unlink()
    error = export_error(site_copy)
    assert "docs/science-of-trust.md" in error and "does not exist" in error and "make build" in error


def test_a_quiz_widget_for_an_unknown_quiz_fails_naming_the_page(site_copy: Path,
                                                                 export_error: Callable[[Path], str]) -> None:
    path = site_copy / "signs-of-rebuilding" / "index.html"
    path.write_text(path.read_text(encoding="utf-8").replace('data-quiz="trust-signs"', 'data-quiz="no-such-quiz"'),
                    encoding="utf-8")
    error = export_error(site_copy)
    assert "docs/signs-of-rebuilding.md" in error and "no-such-quiz" in error


def test_a_site_that_was_not_built_says_to_build_it(tmp_path: Path, export_error: Callable[[Path], str]) -> None:
    error = export_error(tmp_path / "no-site")
    assert "make build" in error


# A missing system library, simulated where WeasyPrint meets it: cffi cannot open libpango.
SIMULATE_MISSING_PANGO = """
import runpy, sys
import cffi
real_dlopen = cffi.FFI.dlopen
def dlopen(self, name, *args):
    if str(name).startswith(("libpango-1.0", "pango-1.0")):
        raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file: No such file or directory")
    return real_dlopen(self, name, *args)
cffi.FFI.dlopen = dlopen
sys.argv = ["sitegen.pdf", "--site-dir", sys.argv[1], "--output", sys.argv[2]]
runpy.run_module("sitegen.pdf", run_name="__main__", alter_sys=True)
"""


def test_a_missing_pango_is_reported_with_the_package_to_install(built_site: Path, tmp_path: Path) -> None:
    # A real process: WeasyPrint meets the missing library at import, once per process.
    result = subprocess.run([sys.executable, "-c", SIMULATE_MISSING_PANGO, str(built_site), str(tmp_path / "guide.pdf")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert "Traceback" not in result.stderr and "OSError" not in result.stderr
    assert "-----" not in result.stdout  # WeasyPrint's own banner is kept out of the way


@pytest.mark.parametrize(
    ("library", "package"),
    [
        ("libpango-1.0-0", "libpango-1.0-0"),
        ("libpangoft2-1.0-0", "libpangoft2-1.0-0"),
        ("libharfbuzz-0", "libharfbuzz0b"),
        ("libharfbuzz-subset-0", "libharfbuzz-subset0"),
        ("libfontconfig-1", "libfontconfig1"),
        ("libgobject-2.0-0", "libglib2.0-0"),
    ],
)
def test_each_library_maps_to_its_debian_package(library: str, package: str) -> None:
    error = missing_library_error(OSError(f"cannot load library '{library}': {library}: cannot open shared object file"))
    assert isinstance(error, BuildInputError)
    assert f"apt-get install {package} " in str(error) and library in str(error)


def test_an_unknown_library_error_still_gives_an_apt_get_line() -> None:
    error = missing_library_error(OSError("something else went wrong"))
    assert "apt-get install" in str(error) and "libpango-1.0-0" in str(error)


def test_loading_weasyprint_turns_an_os_error_into_the_apt_get_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.pdf import errors

    def fail(name: str) -> None:
        print("-----\nWeasyPrint could not import some external libraries.\n-----")
        raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")

    monkeypatch.setattr(errors.importlib, "import_module", fail)
    with pytest.raises(BuildInputError, match=r"apt-get install libpango-1\.0-0"):
        load_weasyprint()
