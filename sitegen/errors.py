"""The one error type the build raises for bad input."""

from mkdocs.exceptions import PluginError


class BuildInputError(PluginError):
    """Bad input found while building: the message names the file (and line) and the fix."""

    def __init__(self, where: str, problem: str, fix: str) -> None:
        super().__init__(f"{where}: {problem}\n  How to fix: {fix}")
