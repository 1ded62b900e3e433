"""What the annotation step made of each article, in ONE file per output folder.

A warm build used to read three small cache files per article (its text, the engine's
output, its wrapped HTML) and to apply the curation again; reading one file and looking each
article up by a key is far cheaper. An entry holds an article's plain text, its record (the
engine's output with the curation applied), its annotated HTML with the problems met wrapping
it, and its plain summary. Its key is a hash of every input of those (see
:func:`gloss.site.annotation.GlossBuild.article_key`): the article's HTML, path and slug, the
engine (pipeline, version, code), the curation that applies to it, the labels and claims
settings, the summary settings and the site code that renders.

The file keeps the entries of the last build only (an article deleted or edited leaves no
dead entry behind). It is written with :mod:`marshal` (plain data only, and the fastest
format Python reads; a file from another Python version, or broken, is ignored) and
atomically, and only when an entry changed.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Stored with the entries; another value (another format, or another Python's marshal) means
# the file is ignored.
FORMAT = f"gloss-articles/1 python {sys.version_info[0]}.{sys.version_info[1]}"


class ArticleStore:
    """Entries by key, loaded from and saved to ``directory/annotated-<output hash>.bin``
    (None: nothing is stored, every article is annotated)."""

    def __init__(self, directory: Path | None, output_path: str):
        self.path: Path | None = None
        self.previous: dict[str, Any] = {}
        self.current: dict[str, Any] = {}
        if directory is None:
            return
        output = hashlib.sha256(os.path.abspath(output_path).encode()).hexdigest()[:16]
        self.path = directory / f"annotated-{output}.bin"
        kept = _KEPT.get(self.path)
        if kept is not None and kept[0] == _file_state(self.path):
            self.previous = kept[1]  # a rebuild in the same process: the file is as saved
            return
        try:
            loaded = marshal.loads(self.path.read_bytes())
            if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
                entries = loaded.get("entries")
                self.previous = entries if isinstance(entries, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            pass  # no file yet, or an unreadable one: every article is annotated
        _KEPT[self.path] = (_file_state(self.path), self.previous)

    def get(self, key: str) -> dict[str, Any] | None:
        entry = self.previous.get(key)
        if not isinstance(entry, dict):
            return None
        self.current[key] = entry
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self.current[key] = entry

    def save(self) -> None:
        """Write the entries of this build, if they differ from the file's."""
        if self.path is None:
            return
        if self.current.keys() == self.previous.keys():
            _KEPT[self.path] = (_file_state(self.path), self.current)
            return
        try:
            data = marshal.dumps({"format": FORMAT, "entries": self.current})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError) as error:  # a read-only cache only costs speed
            logger.debug("article store not written: %s", error)
        self.previous = dict(self.current)
        _KEPT[self.path] = (_file_state(self.path), self.previous)


# The entries each store file held when this process last read or wrote it, with the file's
# size and modification time then: a `pelican --autoreload` rebuild does not read the file
# again unless something else changed it.
_KEPT: dict[Path, tuple[tuple[int, int] | None, dict[str, Any]]] = {}


def _file_state(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)
