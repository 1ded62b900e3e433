"""The one error type for user-facing failures: it carries the file and line concerned."""

from __future__ import annotations

from pathlib import Path


class GlossError(Exception):
    """A problem with the user's input (a capture, a curation file, a setting).

    Printed by the CLI and the build as one line, ``path:line: message``, never as a
    traceback. ``path`` and ``line`` are optional: not every problem has a place.
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = " ".join(str(message).split())  # always one line
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
