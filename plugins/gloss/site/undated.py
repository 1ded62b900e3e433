"""Posts without a date are still built, and shown as undated.

Pelican skips an article that has no date. A capture often has none (ingest then writes a
post without ``Date``), and losing the article would be worse than not knowing its date. So,
while Pelican reads each article, a post without a date gets a placeholder date (the Unix
epoch: undated posts sort after every dated one), ``undated: True`` (the theme shows
"Undated", the exports a null date: never a publication date) and, when it has a slug, the
address ``undated/<slug>/index.html`` instead of a year folder.
"""

from __future__ import annotations

import datetime
from typing import Any

from pelican import signals

PLACEHOLDER_DATE = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def mark_undated(generator: Any, metadata: dict[str, Any]) -> None:
    if metadata.get("date"):
        return
    metadata["date"] = PLACEHOLDER_DATE
    metadata["undated"] = True
    slug = metadata.get("slug")
    if slug and "save_as" not in metadata:
        metadata["url"] = metadata["save_as"] = f"undated/{slug}/index.html"


def register() -> None:
    signals.article_generator_context.connect(mark_undated)
