"""The archive's default content: the Wikinews captures and their posts (eval/sample_content.py)."""

from __future__ import annotations

import pytest
from gloss.ingest import ingest_path
from gloss.ingest.markdown import is_hand_edited, read_metadata
from gloss.ingest.store import PostStore

# These check the shipped sample content itself: skipped once it has been removed.
pytestmark = pytest.mark.usefixtures("sample_content")


def _wikinews_posts(root):
    posts = {}
    for path in sorted((root / "content" / "articles").rglob("*.md")):
        meta = read_metadata(path.read_text(encoding="utf-8"))
        if meta.get("capture", "").startswith("sources/wikinews-"):
            posts[meta["capture"]] = (path, meta)
    return posts


def test_every_wikinews_capture_has_a_credited_post(root):
    captures = sorted((root / "content" / "sources").glob("wikinews-*.txt"))
    posts = _wikinews_posts(root)
    assert len(captures) >= 25
    assert sorted(posts) == [f"sources/{c.name}" for c in captures]
    for path, meta in posts.values():
        assert meta["publisher"] == "Wikinews"
        assert meta["license"] in ("CC BY 2.5", "Public domain")
        assert meta["source_url"].startswith("https://en.wikinews.org/wiki/")
        assert "subtitle" not in meta
        assert not is_hand_edited(path.read_text(encoding="utf-8")), path


def test_posts_are_what_ingest_gives_today(root, tmp_path):
    """Re-ingesting every capture into an empty archive gives the committed posts, byte for byte."""
    store = PostStore(tmp_path / "articles", root / "content")
    for capture in sorted((root / "content" / "sources").glob("*.txt")):
        outcome = store.save(ingest_path(capture), capture)
        assert outcome.status == "written", outcome.message
        committed = root / "content" / "articles" / outcome.post.relative_to(tmp_path / "articles")
        assert committed.read_text(encoding="utf-8") == outcome.post.read_text(encoding="utf-8")


def test_credit_line_is_not_in_the_body(root):
    for path, _ in _wikinews_posts(root).values():
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
        assert "Creative Commons" not in body and "free news source" not in body


def test_posts_match_the_corpus(root):
    from eval.corpus import CORPUS, load_corpus

    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    corpus = {a.url: a for a in load_corpus()}
    for capture in sorted((root / "content" / "sources").glob("wikinews-*.txt")):
        article = ingest_path(capture)
        original = corpus[article.url]
        assert article.paragraphs == list(original.paragraphs)
        assert (article.title, article.date, article.license) == (
            original.title,
            original.date,
            original.license,
        )


def test_pelican_reads_every_committed_post(root):
    """Pelican's own Markdown reader, with the project's settings, reads each post back: its
    metadata, and its paragraphs exactly as ingest produced them."""
    from bs4 import BeautifulSoup
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    settings = read_settings(str(root / "pelicanconf.py"), override={"PATH": str(root / "content")})
    reader = MarkdownReader(settings)
    store = PostStore(root / "content" / "articles", root / "content")
    for path in sorted((root / "content" / "articles").rglob("*.md")):
        content, meta = reader.read(str(path))
        capture = root / "content" / read_metadata(path.read_text(encoding="utf-8"))["capture"]
        article = ingest_path(capture)
        assert meta["title"] == article.title
        assert [str(a) for a in meta.get("authors", [])] == article.authors
        if article.date:
            assert meta["date"].strftime("%Y-%m-%d") == article.date[:10]
        paragraphs = [
            p.get_text()
            for p in BeautifulSoup(content, "html.parser").find_all("p", recursive=False)
        ]
        assert paragraphs == article.paragraphs, path
        assert store.capture_name(capture) == meta["capture"]
