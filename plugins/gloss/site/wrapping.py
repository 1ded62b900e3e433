"""Wrap text spans of an HTML fragment in elements, without ever breaking its markup.

A span is ``[start, end)`` in the plain text of :mod:`gloss.site.textmap`. Wrapping happens at
the level of text nodes: the nodes a span covers are split at the span's ends and every covered
piece gets its own wrapper. So a span that crosses ``<em>`` or ``<a>`` becomes several wrappers,
one per piece, and the element structure around the text is never changed. The text itself is
never changed either: wrappers only add elements around existing characters.

Spans are applied longest first, so a mention inside a claim ends up inside the claim's wrapper;
two partly overlapping spans nest where they overlap (the later one is split in two). At equal
length the ``rank`` decides (lower wraps outside).

Mentions are ``<button>`` elements (a popover trigger), except where a button is not allowed:
inside a link or another interactive element, including another mention. There the mention is
a ``<span>`` with the same classes and data attributes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from gloss.site.textmap import HtmlText, TextNode

# Interactive content per the HTML standard: a <button> must not be inside any of these.
INTERACTIVE_ELEMENTS = frozenset(
    [
        "a",
        "button",
        "details",
        "embed",
        "iframe",
        "input",
        "label",
        "select",
        "summary",
        "textarea",
        "audio",
        "video",
        "object",
    ]
)


@dataclass(frozen=True)
class Span:
    """A wrapper to put around the characters ``[start, end)`` of the text.

    ``tag`` is the element name. When ``tag`` is ``"button"`` and a button is not allowed at
    some piece, ``inline_tag`` is used there and the ``button_only`` attributes are left off.
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict, hash=False)
    rank: int = 0
    button_only: dict[str, str] = field(default_factory=dict, hash=False)
    inline_tag: str = "span"


def _inside_interactive(node: NavigableString | Tag) -> bool:
    for parent in node.parents:
        if parent.name in INTERACTIVE_ELEMENTS:
            return True
        if parent.name == "span" and "gl-mention" in (parent.get("class") or []):
            return True  # a mention rendered as span inside a link: still no button inside
    return False


def _make_wrapper(soup: BeautifulSoup, span: Span, at: NavigableString) -> Tag:
    as_button = span.tag == "button" and not _inside_interactive(at)
    if as_button:
        wrapper = soup.new_tag("button", attrs={"type": "button", **span.attrs})
        for key, value in span.button_only.items():
            wrapper[key] = value
    else:
        tag = span.inline_tag if span.tag == "button" else span.tag
        wrapper = soup.new_tag(tag, attrs=dict(span.attrs))
    return wrapper


class Wrapper:
    """Applies spans to one parsed fragment; keeps the offset map valid across splits."""

    def __init__(self, html_text: HtmlText):
        self.soup = html_text.soup
        self.text = html_text.text
        self.nodes: list[TextNode] = list(html_text.nodes)

    def _starts(self) -> list[int]:
        return [n.start for n in self.nodes]

    def _split_at(self, offset: int) -> None:
        """Make ``offset`` fall on a text node boundary (if it falls inside a node)."""
        index = bisect_right(self._starts(), offset) - 1
        if index < 0:
            return
        entry = self.nodes[index]
        cut = offset - entry.start
        if cut <= 0 or cut >= len(entry.node):
            return
        text = str(entry.node)
        head, tail = NavigableString(text[:cut]), NavigableString(text[cut:])
        entry.node.replace_with(head, tail)
        self.nodes[index : index + 1] = [TextNode(entry.start, head), TextNode(offset, tail)]

    def wrap(self, span: Span) -> int:
        """Wrap the span; returns how many wrapper elements it took (0 if no text there)."""
        if span.end <= span.start:
            return 0
        self._split_at(span.start)
        self._split_at(span.end)
        made = 0
        for entry in self.nodes:
            if entry.start >= span.end:
                break
            if entry.end <= span.start or not len(entry.node):
                continue
            node = entry.node
            wrapper = _make_wrapper(self.soup, span, node)
            node.replace_with(wrapper)
            wrapper.append(node)  # the same node object: the map stays valid
            made += 1
        return made

    def wrap_all(self, spans: list[Span]) -> None:
        # Longest first so that contained spans end up inside; then by rank, then position.
        for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.rank, s.start)):
            self.wrap(span)

    def html(self) -> str:
        return str(self.soup)


def wrap_spans(html_text: HtmlText, spans: list[Span]) -> str:
    """The HTML of ``html_text`` with every span wrapped."""
    wrapper = Wrapper(html_text)
    wrapper.wrap_all(spans)
    return wrapper.html()
