"""Where Gloss's pages and files go: one place owns the naming, like Pelican's URL wrappers.

Every path is relative to the site root and every page path ends in ``index.html`` (or is a
file), so links work from ``file://``. Entity ids come from the engine and are already slugs;
:func:`path_segment` makes any other string safe as one path segment.

Pages of one kind live in a folder per item (``entity/g7-2/index.html``) and are never
paginated, so an id ending in digits can never collide with "page 2" of another item, which is
what Pelican's default ``{name}{number}`` pagination would do to ``g7.html`` and ``g72.html``.
:class:`PathRegistry` still checks that no two items get the same folder.
"""

from __future__ import annotations

import posixpath
import re

from pelican.utils import slugify

ENTITY_PAGE = "entity/{id}/index.html"
SPEAKER_PAGE = "speaker/{id}/index.html"
ENTITIES_INDEX = "entities/index.html"
SPEAKERS_INDEX = "speakers/index.html"
CLAIMS_INDEX = "claims/index.html"
ARTICLE_JSON = "data/articles/{slug}.json"
ARTICLE_JSONLD = "data/articles/{slug}.jsonld"
ENTITIES_CSV = "data/entities.csv"
CLAIMS_CSV = "data/claims.csv"
PYGMENTS_CSS = "theme/css/pygments.css"

_SAFE_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def path_segment(value: str) -> str:
    """``value`` as a safe, lower-case path segment (slugified if it is not one already)."""
    value = str(value).strip()
    if _SAFE_SEGMENT.match(value) and value not in {".", ".."}:
        return value
    slug = slugify(value, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", "")])
    slug = re.sub(r"[\s_]+", "-", slug).strip("-.")
    return slug or "x"


def provenance_page(article_save_as: str) -> str:
    """The provenance page of an article, beside it: ``2024/slug/provenance/index.html``."""
    folder, name = posixpath.split(article_save_as)
    if name not in ("index.html", "index.htm"):
        folder = posixpath.join(folder, posixpath.splitext(name)[0])
    return posixpath.join(folder, "provenance", "index.html")


class PathRegistry:
    """Hands out one folder per item of a kind; a second item with the same name gets a
    suffix, so two things never write the same file."""

    def __init__(self) -> None:
        self._taken: dict[str, object] = {}

    def claim(self, pattern: str, segment: str, owner: object, suffix: str = "-2") -> str:
        candidate = segment
        while True:
            path = pattern.format(id=candidate)
            holder = self._taken.get(path)
            if holder is None or holder == owner:
                self._taken[path] = owner
                return path
            candidate = f"{candidate}{suffix}"
