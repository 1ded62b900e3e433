"""Ingest: raw captures (plain text or saved HTML pages) → clean :class:`Article` records.

Plain functions, no Pelican: ``ingest_path(path)``, ``ingest_bytes(data)``,
``ingest_text(text)``, ``ingest_html(html)``; :func:`gloss.ingest.markdown.render_post` turns
an Article into a Pelican post and :mod:`gloss.ingest.store` writes posts safely. The
``gloss ingest`` command lives in :mod:`gloss.ingest.command`. See docs/ingest.md.
"""

from gloss.ingest.article import JSON_FIELDS, LINE_ROLES, Article
from gloss.ingest.capture import ingest_bytes, ingest_html, ingest_path, ingest_text

__all__ = [
    "JSON_FIELDS",
    "LINE_ROLES",
    "Article",
    "ingest_bytes",
    "ingest_html",
    "ingest_path",
    "ingest_text",
]
