"""What goes wrong in a PDF export, as the build's own BuildInputError: where, what, and the fix."""

from __future__ import annotations

import contextlib
import importlib
import io
import re
from types import ModuleType

from sitegen.errors import BuildInputError

# The shared libraries WeasyPrint opens, and the Debian package that has each. Longer names
# first: "pangoft2" must not be taken for "pango".
DEBIAN_PACKAGES = (
    ("pangoft2", "libpangoft2-1.0-0"),
    ("pango", "libpango-1.0-0"),
    ("harfbuzz-subset", "libharfbuzz-subset0"),
    ("harfbuzz", "libharfbuzz0b"),
    ("fontconfig", "libfontconfig1"),
    ("gobject", "libglib2.0-0"),
)
ALL_PACKAGES = " ".join(sorted({package for _, package in DEBIAN_PACKAGES}))


def page_error(page: str, problem: str, fix: str) -> BuildInputError:
    """An error about one page of the guide, e.g. page_error("docs/index.md (site/index.html)", …)."""
    return BuildInputError(f"page {page}", problem, fix)


def missing_library_error(error: OSError) -> BuildInputError:
    """Turn the OSError of a library WeasyPrint could not open into the apt-get line that mends it."""
    message = str(error)
    match = re.search(r"cannot load library '([^']+)'", message)
    library = match.group(1) if match else message
    package = next((package for needle, package in DEBIAN_PACKAGES if needle in library.lower()), None)
    if package is None:
        return BuildInputError(
            "WeasyPrint", f"a system library could not be loaded: {message}",
            f"install WeasyPrint's system libraries: apt-get install {ALL_PACKAGES}")
    return BuildInputError(
        "WeasyPrint", f"the system library {library!r} is missing",
        f"apt-get install {package} (as root; WeasyPrint needs all of: {ALL_PACKAGES})")


def load_weasyprint() -> ModuleType:
    """Import WeasyPrint, or raise BuildInputError naming the Debian package to install.

    WeasyPrint prints a banner to stdout before it re-raises a library error; it is kept
    out of the way so that the one message a reader sees is ours.
    """
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return importlib.import_module("weasyprint")
    except OSError as error:
        raise missing_library_error(error) from None
    except ImportError as error:
        raise BuildInputError("requirements.txt", f"WeasyPrint is not installed ({error})",
                             "run `make install`") from None
