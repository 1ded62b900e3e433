"""A cache for the two costly steps of a warm build that do not need the model: reading the
text out of an article's HTML, and wrapping the annotations into it.

Both are pure functions of their inputs (the HTML; the HTML, the record and the settings), so
an entry is keyed by a hash of those inputs and of the code that computes them
(:mod:`gloss.site.textmap`, :mod:`gloss.site.wrapping`, :mod:`gloss.site.render`): editing
that code invalidates the cache by itself. Entries are small JSON files written atomically; a
missing or broken entry is simply recomputed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from gloss import __version__

logger = logging.getLogger(__name__)

_CODE = ("blocks.py", "textmap.py", "wrapping.py", "render.py", "views.py", "render_cache.py")


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    digest.update((here.parent / "data" / "site" / "labels.yml").read_bytes())
    return digest.hexdigest()


def key_of(*parts: Any) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        data = part if isinstance(part, str) else json.dumps(part, sort_keys=True)
        digest.update(b"\0" + data.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class RenderCache:
    """JSON entries under ``directory/<kind>/<key[:2]>/<key>.json``; None: no caching."""

    def __init__(self, directory: Path | None):
        self.directory = directory

    def _path(self, kind: str, key: str) -> Path:
        assert self.directory is not None
        return self.directory / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any:
        if self.directory is None:
            return None
        try:
            return json.loads(self._path(kind, key).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        if self.directory is None:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as error:  # a read-only cache only costs speed
            logger.debug("render cache not written: %s", error)
