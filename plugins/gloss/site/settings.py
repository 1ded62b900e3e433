"""Gloss's Pelican settings (all start with ``GLOSS_``) and their defaults.

Set any of them in ``pelicanconf.py``; ``docs/site.md`` describes each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gloss.annotate.model import LABELS_IN_ORDER

# OntoNotes name labels, in the order the legend lists them.
ALL_LABELS: tuple[str, ...] = LABELS_IN_ORDER

DEFAULTS: dict[str, Any] = {
    # Labels whose mentions are marked in articles and get entity pages.
    "GLOSS_LABELS": list(ALL_LABELS),
    # Mark claims (content, cue, speaker) in articles and build speaker and claims pages.
    "GLOSS_SHOW_CLAIMS": True,
    # The spaCy pipeline the engine loads (an installed package name or a path).
    "GLOSS_MODEL": "en_core_web_sm",
    # Processes the engine may use to parse; None lets the engine decide (up to the machine's
    # cores, and only for batches large enough to repay starting processes).
    "GLOSS_WORKERS": None,
    # Where the engine caches annotations by text hash (relative to the project folder).
    "GLOSS_CACHE_PATH": ".cache/gloss",
    # Annotate Pelican pages (content/pages/) as well as articles.
    "GLOSS_ANNOTATE_PAGES": True,
    # Folder (relative to PATH) with entities.yml and annotations/<slug>.yml.
    "GLOSS_CURATION_PATH": "",
}


@dataclass(frozen=True)
class GlossSettings:
    labels: tuple[str, ...]
    show_claims: bool
    model: str
    workers: int | None
    cache_path: Path
    annotate_pages: bool
    content_path: Path
    curation_path: Path


def gloss_settings(settings: dict[str, Any]) -> GlossSettings:
    """Gloss's settings from Pelican's, defaults filled in, paths made absolute."""

    def get(key: str) -> Any:
        return settings.get(key, DEFAULTS[key])

    content = Path(settings.get("PATH", "content")).resolve()
    cache = Path(get("GLOSS_CACHE_PATH"))
    if not cache.is_absolute():
        # Like Pelican's CACHE_PATH: relative to where the build runs.
        cache = Path.cwd() / cache
    curation = content / get("GLOSS_CURATION_PATH")
    labels = get("GLOSS_LABELS")
    return GlossSettings(
        labels=tuple(str(label).upper() for label in labels),
        show_claims=bool(get("GLOSS_SHOW_CLAIMS")),
        model=str(get("GLOSS_MODEL")),
        workers=None if get("GLOSS_WORKERS") is None else max(1, int(get("GLOSS_WORKERS"))),
        cache_path=cache,
        annotate_pages=bool(get("GLOSS_ANNOTATE_PAGES")),
        content_path=content,
        curation_path=curation,
    )
