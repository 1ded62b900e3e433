"""A Pelican writer that leaves unchanged files alone.

A Gloss build writes several pages per article (entity, speaker, provenance pages) and most of
them are byte-identical from one build to the next. Writing a file costs far more than reading
and comparing it, so this writer renders as usual but only replaces a file whose bytes change.
Unchanged files also keep their modification times, which makes uploading the output cheaper.

Pelican's bookkeeping is kept exactly: a path written twice in one build is still an error
(unless ``override`` says otherwise), so collisions are caught as before.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)


class _WriteIfChanged(io.StringIO):
    """Collects the text; on close, writes it to ``path`` only if it differs."""

    def __init__(self, path: str, encoding: str):
        super().__init__()
        self.path, self.target_encoding = path, encoding

    def close(self) -> None:
        if not self.closed:
            data = self.getvalue().encode(self.target_encoding)
            target = Path(self.path)
            try:
                unchanged = target.stat().st_size == len(data) and target.read_bytes() == data
            except OSError:
                unchanged = False
            if not unchanged:
                target.write_bytes(data)
        super().close()

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None:
            self.close()
        else:  # rendering failed: leave the old file as it was
            super().close()


class UnchangedFilesWriter(Writer):
    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        # The same rules as Pelican's writer: a second write of a path is an error unless
        # one write (and only one) overrides the other.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WriteIfChanged(filename, encoding)

    def keep(self, filename: str) -> None:
        """Count ``filename`` as written by this build without rendering it (the page cache
        knows it is unchanged): writing it again in this build is still a collision."""
        if filename in self._written_files:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        self._written_files.add(filename)


def get_writer(pelican: Any) -> type[Writer]:
    return UnchangedFilesWriter


def register() -> None:
    signals.get_writer.connect(get_writer)
