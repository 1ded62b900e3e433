"""HTML captures (saved web pages) → Article, with trafilatura.

trafilatura finds the main text (navigation, comments, share widgets and related-article
boxes left out; ``include_comments=False``) and the page's metadata (title, authors, date,
canonical URL, site name). Its output is plain text, so no script, style, event handler or
any other markup is ever carried into a post. The extracted paragraphs then go through the
same header and boilerplate steps as a text capture (a byline or "Share this:" line that
survived extraction is handled the same way); the page's own metadata wins where it has any.

A page with very many blocks (``FAST_FROM_BLOCKS``) is extracted in trafilatura's fast mode,
without its fallback extractors: the jusText fallback's time grows with the square of a run
of short blocks (a page of 20,000 short ``<p>`` took minutes), and on large pages the main
extractor alone gives the same text (docs/ingest.md has the figures).
"""

from __future__ import annotations

import re

from gloss.errors import GlossError
from gloss.ingest.article import Article
from gloss.ingest.header import publisher_of, split_names

# Block elements, roughly the units jusText classifies one by one. Above this many, the fallback
# extractors are skipped: at 3,000 short blocks in one run jusText alone costs about a second
# here (5,000: 3 s, 20,000: about a minute), and no page measured so far, from a news page to
# a 4 MB book of 21,800 blocks, extracts differently without them.
FAST_FROM_BLOCKS = 3000
_BLOCK_TAG = re.compile(
    r"<(?:p|div|li|dd|dt|h[1-6]|tr|td|th|br|blockquote|pre|section|article|ul|ol|table)\b",
    re.IGNORECASE,
)


def _many_blocks(html: str) -> bool:
    """Does the page have at least FAST_FROM_BLOCKS block elements? (Stops counting there.)"""
    for count, _match in enumerate(_BLOCK_TAG.finditer(html), start=1):
        if count >= FAST_FROM_BLOCKS:
            return True
    return False


_LANG_ATTRIBUTE = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def _authors(value: str | None) -> list[str]:
    """trafilatura joins authors with "; "; each part may itself be "A and B"."""
    names: list[str] = []
    for part in (value or "").split(";"):
        part = " ".join(part.split())
        if part:
            names.extend(split_names(part) or [part])
    return names


_CANONICAL = re.compile(
    r"""<link\b(?=[^>]*\brel\s*=\s*["']?canonical)[^>]*\bhref\s*=\s*["']([^"'\s>]+)"""
    r"""|<meta\b(?=[^>]*\bproperty\s*=\s*["']og:url)[^>]*\bcontent\s*=\s*["']([^"'\s>]+)""",
    re.IGNORECASE,
)


def _declared_url(html: str) -> str | None:
    """The page's canonical URL (or og:url) as the page spells it: trafilatura re-encodes
    characters such as ';' and '$', which would make the same article look like another."""
    from html import unescape

    match = _CANONICAL.search(html[:65536])
    if not match:
        return None
    url = unescape(match.group(1) or match.group(2))
    return url if url.lower().startswith(("http://", "https://")) else None


def extract_article(html: str, source: str = "<html>") -> Article:
    """Main text and metadata of a saved page (raises GlossError if there is no text)."""
    import trafilatura  # lazy: slow to import, and text captures never need it

    from gloss.ingest.capture import ingest_text

    document = trafilatura.bare_extraction(
        html,
        fast=_many_blocks(html),  # the fallbacks' time grows with the square of the page
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        # Dates from the page's metadata and markup only: the extensive search would take a
        # "© 2020" in the footer for the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        raise GlossError("no article text found in the HTML page", path=source)
    lines = [" ".join(line.split()) for line in document.text.split("\n") if line.strip()]
    title = " ".join((document.title or "").split()) or None
    if title and lines[0] != title:
        lines.insert(0, title)
    # Blank lines between paragraphs: the text pipeline keeps each one as it is.
    article = ingest_text("\n\n".join(lines), source=source)
    article.kind = "html"
    article.line_roles = []
    article.line_paragraphs = []
    if title:
        article.title = title
    authors = _authors(document.author)
    if authors:
        article.authors = authors
    if document.date:
        article.date = document.date
    page_url = _declared_url(html) or document.url
    if page_url and page_url.lower().startswith(("http://", "https://")):  # never javascript:
        article.url = page_url
    article.publisher = document.sitename or publisher_of(article.url)
    if article.lang is None:
        match = _LANG_ATTRIBUTE.search(html[:4096])
        article.lang = match.group(1).lower() if match else None
    return article
