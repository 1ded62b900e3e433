"""Captures are published for provenance, never as pages a browser would run."""

from __future__ import annotations

import pytest
from gloss.site.provenance import published_name


@pytest.mark.parametrize(
    "name",
    ["page.html", "page.HTM", "x.xhtm", "x.shtm", "feed.rss", "feed.atom", "a.svg", "a.svgz",
     "a.xbl", "doc.mhtml", "capture", "weird.unknownsuffix"],
)  # fmt: skip
def test_anything_a_browser_might_run_gets_a_txt_suffix(name: str) -> None:
    assert published_name(f"sources/{name}") == f"sources/{name}.txt"


@pytest.mark.parametrize("name", ["seed.txt", "scan.pdf", "photo.JPG", "data.csv", "notes.md"])
def test_inert_files_keep_their_name(name: str) -> None:
    assert published_name(f"sources/{name}") == f"sources/{name}"


def test_windows_separators_become_slashes() -> None:
    assert published_name("sources\\sub\\page.html") == "sources/sub/page.html.txt"
