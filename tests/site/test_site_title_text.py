"""The text of a Pelican title: plain titles skip BeautifulSoup, and must come out the same."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from gloss.site.annotation import title_text


@pytest.mark.parametrize(
    "title",
    [
        "Hotel fire kills at least seventeen in Karol Bagh, New Delhi",
        "AT&amp;T buys Time Warner",
        "A <em>very</em> short title",
        "Café “quoted” — dash",
        "  spaced   title  ",
        "",
    ],
)
def test_title_text_is_the_text_beautifulsoup_gives(title: str) -> None:
    assert title_text(title) == BeautifulSoup(title, "html.parser").get_text()


def test_entities_and_tags_become_text() -> None:
    assert title_text("AT&amp;T <em>wins</em>") == "AT&T wins"
