"""The record every capture becomes: :class:`Article`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Roles a raw line of a text capture can play (``Article.line_roles``).
LINE_ROLES = (
    "title",
    "subtitle",
    "byline",
    "date",
    "url",
    "body",
    "dropped",
    "blank",
)

# The fields of the ``gloss ingest --json`` contract, in order.
JSON_FIELDS = (
    "source",
    "title",
    "subtitle",
    "authors",
    "date",
    "url",
    "publisher",
    "lang",
    "paragraphs",
    "dropped",
)


@dataclass
class Article:
    """A cleaned article and where each part of it came from.

    ``date`` is ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS][±HH:MM]``) or None.
    ``paragraphs`` are plain text, whitespace-normalised, one string per paragraph.
    ``dropped`` are the raw lines removed as boilerplate: head and tail blocks, site chrome
    between header fields, and whole debris lines inside the body (ad slots, links to other
    stories, image credits, page furniture; see :mod:`gloss.ingest.debris`).

    For text captures, ``line_roles[i]`` is the role of raw line ``i`` (0-based, lines of
    the decoded text as ``str.splitlines()`` gives them; one of :data:`LINE_ROLES`) and
    ``line_paragraphs[i]`` the index into ``paragraphs`` of a body line (None otherwise).
    Both are empty for HTML captures, which have no line geometry worth showing.
    """

    source: str
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    lang: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    source_sha256: str | None = None
    license: str | None = None
    kind: str = "text"  # "text" or "html": what the capture was
    encoding: str | None = None  # the encoding the capture was decoded from
    line_roles: list[str] = field(default_factory=list)
    line_paragraphs: list[int | None] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object ``gloss ingest --json`` prints: exactly the contract's fields."""
        data = asdict(self)
        return {name: data[name] for name in JSON_FIELDS}

    @property
    def text(self) -> str:
        """The body as the annotator reads it: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)
