"""Which HTML elements start a block of text, apart from :mod:`gloss.site.textmap`.

Kept in a module of its own so that code needing only the list (the search index) does not
import BeautifulSoup: a warm build, answered from the caches, then never imports it.
"""

from __future__ import annotations

# Elements that start a new paragraph of text. Anything else is inline.
BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
