"""Posts render their paragraphs as the same text, whatever the text looks like."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from gloss.ingest import Article
from gloss.ingest.markdown import escape_paragraph, is_hand_edited, read_metadata, render_post
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG


def _to_html(source: str) -> str:
    """python-markdown configured exactly as Pelican configures it by default."""
    config = DEFAULT_CONFIG["MARKDOWN"]
    md = markdown.Markdown(
        extensions=list(config["extension_configs"]),
        extension_configs=config["extension_configs"],
        output_format=config["output_format"],
    )
    return md.convert(source)


def _rendered_paragraphs(post: str) -> list[str]:
    soup = BeautifulSoup(_to_html(post), "html.parser")
    return [p.get_text() for p in soup.find_all("p", recursive=False)]


def _article(paragraphs: list[str]) -> Article:
    return Article(source="x.txt", title="A title", paragraphs=paragraphs, source_sha256="0" * 64)


# Text made of the characters that mean something in Markdown or HTML, plus words.
_tricky = st.sampled_from(
    list("#*_`[](){}<>&\\!-+=~|:.;'\"1234567890 ")
    + [
        "&amp;",
        "&#35;",
        "<script>",
        "</p>",
        "1. ",
        "- ",
        "> ",
        "---",
        "```",
        "~~~",
        "    ",
        "[^1]:",
        "*[",
        "{: .x}",
        "http://x.org",
        "<b>",
        "  ",
        "\t",
        "é",
        "—",
    ]
)
_word = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=8,
)
_paragraph = (
    st.lists(st.one_of(_tricky, _word), min_size=1, max_size=30)
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(bool)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_paragraph, min_size=1, max_size=4))
def test_markdown_round_trip(paragraphs):
    post = render_post(_article(paragraphs), "sources/x.txt", "a-title")
    assert _rendered_paragraphs(post) == paragraphs


@pytest.mark.parametrize(
    "text",
    [
        "# Not a heading",
        "1. Not a list",
        "- not a list",
        "> not a quote",
        "<script>alert(1)</script>",
        "a *b* _c_ \\d",
        "&copy; AT&T",
        "---",
        "Title: not metadata",
    ],
)
def test_markdown_lookalikes(text):
    post = render_post(_article([text, "Second paragraph."]), "sources/x.txt", "a-title")
    assert _rendered_paragraphs(post) == [text, "Second paragraph."]
    assert "<script" not in _to_html(post)


def test_escape_is_one_line():
    assert "\n" not in escape_paragraph("a\nb  c")


def test_header_fields_and_hand_edit_hash():
    article = _article(["Body."])
    article.authors = ["Jane Doe", "John Smith"]
    article.date = "2022-06-16T10:22+00:00"
    article.url = "https://example.org/a"
    article.license = "CC BY 2.5"
    post = render_post(article, "sources/x.txt", "a-title")
    meta = read_metadata(post)
    assert meta["title"] == "A title"
    assert meta["authors"] == "Jane Doe, John Smith"
    assert meta["date"] == "2022-06-16 10:22+00:00"
    assert meta["slug"] == "a-title"
    assert meta["source_url"] == "https://example.org/a"
    assert meta["capture"] == "sources/x.txt"
    assert meta["license"] == "CC BY 2.5"
    assert len(meta["capture_sha256"]) == 64
    assert not is_hand_edited(post)
    assert is_hand_edited(post.replace("Body.", "Body, edited."))
    assert is_hand_edited(post.replace("Title: A title", "Title: Another title"))


def test_pelican_reads_the_post(tmp_path):
    """A real Pelican Markdown reader reads the metadata Gloss writes."""
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    article = _article(["First *paragraph*.", "Second."])
    article.authors = ["Jane Doe", "John Smith"]
    article.date = "2022-06-16"
    path = tmp_path / "a-title.md"
    path.write_text(render_post(article, "sources/x.txt", "a-title"), encoding="utf-8")
    content, meta = MarkdownReader(read_settings(override={"PATH": str(tmp_path)})).read(str(path))
    assert meta["title"] == "A title"
    assert [str(a) for a in meta["authors"]] == ["Jane Doe", "John Smith"]
    assert meta["date"].strftime("%Y-%m-%d") == "2022-06-16"
    assert "First *paragraph*." in BeautifulSoup(content, "html.parser").get_text()
