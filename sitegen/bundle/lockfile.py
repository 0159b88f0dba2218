"""The pyodide-lock.json the site serves: the runtime's own, plus the quiz wheel and its sha256.

Written as plain JSON rather than with the `pyodide-lock` package: its releases that read
Pyodide 314's lockfile need Python >= 3.12, and on Python 3.11 pip only offers 0.1.x, which
rejects that file. The entry's fields are the ones the runtime's own entries have.
"""

from __future__ import annotations

import json

from sitegen.bundle.runtime import Runtime
from sitegen.bundle.wheel import Wheel
from sitegen.errors import InternalError

PACKAGE_NAME = "quizzes"


def site_lockfile(runtime: Runtime, wheel: Wheel) -> str:
    """The lockfile text: the runtime's `info`, and one package, the quiz wheel beside it.

    The runtime's other packages are left out: the site ships only the core runtime, so
    their files do not exist, and a smaller lockfile loads faster.
    """
    name, version = wheel.file_name.split("-")[:2]
    entry = {
        "name": PACKAGE_NAME,
        "version": version,
        "file_name": wheel.file_name,
        "install_dir": "site",
        "sha256": wheel.sha256,
        "package_type": "package",
        "imports": ["quizzes"],
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }
    if name != PACKAGE_NAME:
        raise InternalError(f"the quiz wheel {wheel.file_name} is not named {PACKAGE_NAME!r}")
    lock = {"info": runtime.lockfile()["info"], "packages": {PACKAGE_NAME: entry}}
    return json.dumps(lock, indent=1, sort_keys=True)
