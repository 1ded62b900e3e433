"""A content-addressed cache of the model's output, so unchanged text is never parsed twice.

Entries live in ``<cache_dir>/<key[:2]>/<key>.json``. The key is the SHA-256 of the text, the
pipeline (name, version, components) and the engine fingerprint (version and a hash of the
engine's code and word lists). Curation is applied after the cache (see docs/annotate.md), so
editing a curation file never forces a new parse. Writes are atomic (temporary file, then
``os.replace``); an unreadable or corrupt entry counts as missing and is rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from gloss import __version__

DEFAULT_CACHE_DIR = Path(".cache/gloss/annotations")

# Folders of the gloss package whose files make the engine's output.
ENGINE_FOLDERS = ("annotate", "data/entities", "data/claims")


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Version plus a hash of the engine's code and data: any change invalidates the cache.

    Only what shapes the output counts (the annotate package, the entity and claim word
    lists), so that editing, say, the ingest's boilerplate list keeps the cache.
    """
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("gloss")
    for folder in ENGINE_FOLDERS:
        root = Path(str(package.joinpath(folder)))
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yml", ".yaml", ".txt", ".json"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def cache_key(text_sha256: str, pipeline: str, variant: str = "") -> str:
    parts = "\0".join([text_sha256, pipeline, engine_fingerprint(), variant])
    return hashlib.sha256(parts.encode()).hexdigest()


class AnnotationCache:
    """JSON entries keyed by :func:`cache_key`; ``None`` directory means no caching."""

    def __init__(self, directory: Path | str | None):
        self.directory = Path(directory) if directory is not None else None

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if self.directory is None:
            return None
        try:
            with open(self._path(key), encoding="utf-8") as f:
                value = json.load(f)
        except (OSError, ValueError):
            return None  # missing or corrupt: recompute
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        if self.directory is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only or full disk costs speed, never the result
