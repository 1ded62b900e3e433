"""HTML captures: main text and metadata with trafilatura; no markup carried over."""

from __future__ import annotations

import pytest
from gloss.errors import GlossError
from gloss.ingest import ingest_bytes, ingest_path
from gloss.ingest.markdown import render_post
from ingest_helpers import PAGE


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_main_text_and_metadata(page):
    article = ingest_path(page)
    assert article.kind == "html"
    assert article.title == "Council votes to close old bridge"
    assert article.authors == ["Jane Doe", "John Smith"]
    assert article.date == "2022-06-16"
    assert article.url == "https://citynews.example/2022/06/bridge"
    assert article.publisher == "City News"
    assert article.lang == "en"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("The city council voted on Tuesday")
    assert article.paragraphs[1] == (
        "Mayor Ana Lopez said the decision was painful but necessary. Traffic will be diverted "
        "over the northern ring road while a new crossing is designed."
    )


def test_no_script_style_handler_or_comment_is_carried(page):
    article = ingest_path(page)
    text = "\n".join(article.paragraphs)
    for leaked in (
        "SECRET-SCRIPT",
        "INLINE-SCRIPT",
        "HANDLER",
        "stealCookies",
        "color: red",
        "COMMENT-TEXT",
        "Share this",
    ):
        assert leaked not in text
    assert "a <script> tag would be only text" in article.paragraphs[2]
    post = render_post(article, "sources/bridge.html", "council-votes-to-close-old-bridge")
    assert "<script" not in post and "onclick" not in post


def test_html_is_recognised_by_content(tmp_path):
    article = ingest_bytes(PAGE.encode("utf-8"), "saved-page.txt")
    assert article.kind == "html"


def test_html_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>x</title></head><body><script>1</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(GlossError, match="no article text"):
        ingest_path(path)


def test_declared_charset_is_used(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-15">').replace(
        "Mayor Ana Lopez", "Mayor Ana López €"
    )
    path = tmp_path / "latin9.html"
    path.write_bytes(page.encode("iso-8859-15"))
    article = ingest_path(path)
    assert article.encoding == "iso8859-15"
    assert "Mayor Ana López €" in article.paragraphs[1]


def test_no_date_is_invented_and_url_is_kept_as_spelled(tmp_path):
    page = PAGE.replace(
        '<meta property="article:published_time" content="2022-06-16T10:22:00+00:00">', ""
    )
    page = page.replace("https://citynews.example/2022/06/bridge", "https://citynews.example/a;b$c")
    page = page.replace("</article>", "</article><footer>© 2020 City News</footer>")
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    article = ingest_path(path)
    assert article.date is None
    assert article.url == "https://citynews.example/a;b$c"


def test_only_web_urls_are_taken(tmp_path):
    page = PAGE.replace("https://citynews.example/2022/06/bridge", "javascript:alert(1)")
    path = tmp_path / "js.html"
    path.write_text(page, encoding="utf-8")
    assert ingest_path(path).url is None
