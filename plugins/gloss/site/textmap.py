"""Plain text out of article HTML, with a map back from text offsets to HTML text nodes.

The engine annotates plain text (paragraphs separated by a blank line); the plugin must put
its answers back into the HTML. :func:`text_of_html` walks the HTML text nodes in document
order, joins the text of each block (paragraph, heading, list item...) and separates blocks
with ``"\\n\\n"``. Each text node keeps its offset in that text, so an annotation span
``[start, end)`` can be found again among the nodes (see :mod:`gloss.site.wrapping`).

The text is the nodes' own characters, one for one: newlines and tabs inside a block become
spaces (same length) so that a soft line break is not read as a paragraph break. No other
normalisation happens, which keeps offsets trivially exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from gloss.site import blocks

PARAGRAPH_SEPARATOR = "\n\n"

# Elements that start a new paragraph of text (in their own module: see there).
BLOCK_ELEMENTS = blocks.BLOCK_ELEMENTS
# Text inside these is not prose: never annotated, never part of the text.
SKIPPED_ELEMENTS = frozenset(
    ["script", "style", "template", "pre", "code", "kbd", "samp", "var", "math", "svg"]
)
_NOT_TEXT = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_SOFT_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


@dataclass
class TextNode:
    """One HTML text node and where its characters sit in the plain text."""

    start: int
    node: NavigableString

    @property
    def end(self) -> int:
        return self.start + len(self.node)


@dataclass
class HtmlText:
    """The plain text of an HTML fragment, and its text nodes in order."""

    soup: BeautifulSoup
    text: str
    nodes: list[TextNode] = field(default_factory=list)


def parse_fragment(html: str) -> BeautifulSoup:
    # html.parser keeps the fragment as it is (lxml would add <html><body>).
    return BeautifulSoup(html, "html.parser")


def _block_of(node: NavigableString) -> Tag | None:
    """The nearest block ancestor of a text node, or None at the top level."""
    for parent in node.parents:
        if parent.name in BLOCK_ELEMENTS:
            return parent
    return None


def _is_skipped(node: NavigableString) -> bool:
    return any(parent.name in SKIPPED_ELEMENTS for parent in node.parents)


def prose_nodes(soup: BeautifulSoup) -> Iterator[NavigableString]:
    """Text nodes that carry prose, in document order."""
    for node in soup.find_all(string=True):
        if isinstance(node, _NOT_TEXT) or _is_skipped(node):
            continue
        yield node


def text_of_html(html: str | BeautifulSoup) -> HtmlText:
    """The plain text of ``html``: blocks joined by a blank line, with the node map.

    Consecutive text nodes with the same nearest block ancestor form one paragraph. A
    paragraph of nothing but whitespace (the newlines between ``<li>`` elements, say) is not
    text; any other paragraph keeps all its characters, so splitting a node in two (as
    wrapping does) never changes the text.
    """
    soup = parse_fragment(html) if isinstance(html, str) else html
    runs: list[list[NavigableString]] = []
    current_block: object = object()
    for node in prose_nodes(soup):
        block = _block_of(node)
        if block is not current_block:
            current_block = block
            runs.append([])
        runs[-1].append(node)

    parts: list[str] = []
    nodes: list[TextNode] = []
    length = 0
    for run in runs:
        if not any(node.strip() for node in run):
            continue
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            length += len(PARAGRAPH_SEPARATOR)
        for node in run:
            piece = str(node).translate(_SOFT_BREAKS)
            nodes.append(TextNode(length, node))
            parts.append(piece)
            length += len(piece)
    return HtmlText(soup=soup, text="".join(parts), nodes=nodes)
