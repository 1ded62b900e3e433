"""Wrapping spans never changes the text, never breaks the markup and covers every character."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from gloss.site.textmap import text_of_html
from gloss.site.wrapping import Span, Wrapper, wrap_spans
from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = st.text(alphabet="ab <>&\"'é\n", min_size=1, max_size=12)


@st.composite
def inline(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                ["text", "text", "em", "a", "strong", "code"] if depth < 3 else ["text"]
            )
        )
        if kind == "text":
            parts.append(_escape(draw(WORDS)))
        else:
            inner = draw(inline(depth + 1))
            attrs = ' href="x?a=1&amp;b=2"' if kind == "a" else ""
            parts.append(f"<{kind}{attrs}>{inner}</{kind}>")
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def fragment(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        tag = draw(st.sampled_from(["p", "p", "li", "h2", "blockquote"]))
        body = draw(inline())
        blocks.append(f"<ul><li>{body}</li></ul>" if tag == "li" else f"<{tag}>{body}</{tag}>")
    return "\n".join(blocks)


def mention(start: int, end: int, entity: str = 'e"1') -> Span:
    return Span(
        start,
        end,
        "button",
        {"class": "gl-mention", "data-entity": entity, "data-label": "PERSON"},
        rank=3,
        button_only={"popovertarget": f"gl-pop-{entity}"},
    )


def claim(start: int, end: int, claim_id: str) -> Span:
    return Span(start, end, "span", {"class": "gl-claim", "data-claim": claim_id}, rank=0)


def covered_offsets(wrapper: Wrapper, attr: str, value: str) -> set[int]:
    """Offsets of the text whose node sits inside an element with ``attr=value``."""
    offsets: set[int] = set()
    for entry in wrapper.nodes:
        if any(parent.get(attr) == value for parent in entry.node.parents if parent.name):
            offsets.update(range(entry.start, entry.end))
    return offsets


def well_formed(html: str) -> None:
    ElementTree.fromstring(f"<root>{html}</root>")  # raises on broken markup


def no_nested_interactive(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for button in soup.find_all("button"):
        assert button.find_parent(["a", "button"]) is None
        assert button.find(["a", "button"]) is None


def squeeze(text: str) -> str:
    # html.parser turns a whitespace-only text node into one space when it parses; wrapping
    # may create such nodes, so a re-parse is compared with whitespace runs squeezed.
    return re.sub(r"\s+", " ", text)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_wrapping_keeps_text_markup_and_covers_spans(data) -> None:
    html = data.draw(fragment())
    before = text_of_html(html)
    n = len(before.text)
    if n == 0:
        return
    bounds = (
        st.tuples(st.integers(0, n - 1), st.integers(1, n))
        .map(sorted)
        .filter(lambda b: b[0] < b[1])
    )
    mentions = data.draw(st.lists(bounds, max_size=4))
    claims = data.draw(st.lists(bounds, max_size=3))
    spans = [mention(s, e, f"e{i}") for i, (s, e) in enumerate(mentions)]
    spans += [claim(s, e, f"c{i}") for i, (s, e) in enumerate(claims)]

    original_text = before.soup.get_text()
    wrapper = Wrapper(text_of_html(html))
    wrapper.wrap_all(spans)
    after_html = wrapper.html()

    # The characters are the same ones, in the same order, in memory and after a re-parse.
    assert wrapper.soup.get_text() == original_text
    assert "".join(str(e.node) for e in wrapper.nodes) == "".join(str(e.node) for e in before.nodes)
    assert squeeze(text_of_html(after_html).text) == squeeze(before.text)
    well_formed(after_html)
    no_nested_interactive(after_html)
    for i, (s, e) in enumerate(mentions):
        wanted = {k for k in range(s, e) if _in_node(before, k)}
        assert wanted <= covered_offsets(wrapper, "data-entity", f"e{i}")
    for i, (s, e) in enumerate(claims):
        wanted = {k for k in range(s, e) if _in_node(before, k)}
        assert wanted <= covered_offsets(wrapper, "data-claim", f"c{i}")


def _in_node(html_text, offset: int) -> bool:
    """Whether a text offset is a character of some node (not a paragraph separator)."""
    return any(entry.start <= offset < entry.end for entry in html_text.nodes)


def test_span_across_em_is_split_into_wrappers() -> None:
    html = "<p>Vladimir <em>Putin</em> spoke.</p>"
    out = wrap_spans(text_of_html(html), [mention(0, 14, "putin")])
    soup = BeautifulSoup(out, "html.parser")
    buttons = soup.find_all("button", attrs={"data-entity": "putin"})
    assert [b.get_text() for b in buttons] == ["Vladimir ", "Putin"]
    assert buttons[1].parent.name == "em"


def test_mention_inside_link_is_a_span_not_a_button() -> None:
    html = '<p>See <a href="https://example.org">the Kremlin site</a>.</p>'
    out = wrap_spans(text_of_html(html), [mention(8, 15, "kremlin")])
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find("button") is None
    inner = soup.find("a").find("span", class_="gl-mention")
    assert inner is not None and inner.get_text() == "Kremlin"
    assert "popovertarget" not in inner.attrs


def test_mention_inside_claim_nests_inside_the_claim() -> None:
    html = "<p>He said Moscow agreed.</p>"
    out = wrap_spans(text_of_html(html), [claim(8, 21, "c1"), mention(8, 14, "moscow")])
    soup = BeautifulSoup(out, "html.parser")
    claims = soup.find_all(attrs={"data-claim": "c1"})
    assert len(claims) == 1
    assert claims[0].find("button", attrs={"data-entity": "moscow"}) is not None


def test_overlapping_claims_split_where_they_overlap() -> None:
    html = "<p>one two three four</p>"
    out = wrap_spans(text_of_html(html), [claim(0, 13, "c1"), claim(4, 18, "c2")])
    soup = BeautifulSoup(out, "html.parser")
    assert (
        "".join(e.get_text() for e in soup.find_all(attrs={"data-claim": "c1"})) == "one two three"
    )
    pieces = [e.get_text() for e in soup.find_all(attrs={"data-claim": "c2"})]
    assert "".join(pieces) == "two three four"
    # The longer claim wraps first; the shorter one is split where it leaves the longer.
    assert len(soup.find_all(attrs={"data-claim": "c1"})) == 2 and len(pieces) == 1
    well_formed(out)


def test_attribute_values_are_escaped() -> None:
    html = "<p>Name here</p>"
    out = wrap_spans(text_of_html(html), [mention(0, 4, 'x" onclick="alert(1)')])
    soup = BeautifulSoup(out, "html.parser")
    button = soup.find("button")
    assert button["data-entity"] == 'x" onclick="alert(1)'
    assert "onclick" not in button.attrs
