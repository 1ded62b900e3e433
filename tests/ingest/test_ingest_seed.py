"""The seed capture: every fact issue 2 states about it."""

from __future__ import annotations

from gloss.ingest import ingest_path


def test_seed_metadata(seed_path):
    article = ingest_path(seed_path)
    assert article.title == "Xi, Putin hold phone call, vow mutual support amid global turbulence"
    assert (
        article.subtitle
        == "China-Russia strategic ties remain solid despite rising Western pressure: experts"
    )
    assert article.authors == ["Yang Sheng", "Wan Hengyi", "Cui Fandi"]
    assert article.date == "2022-06-16"
    assert article.url == "https://www.globaltimes.cn/page/202206/1268239.shtml"
    assert article.lang == "en"


def test_seed_paragraphs(seed_path):
    article = ingest_path(seed_path)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    assert len(article.paragraphs) == 26
    # Lines 9 and 62 (1-based) are stray short lines inside a sentence: wraps, not breaks.
    assert article.line_paragraphs[8] == article.line_paragraphs[9]
    assert article.line_paragraphs[61] == article.line_paragraphs[62]
    assert article.paragraphs[0].startswith(
        "Chinese President Xi Jinping on Wednesday afternoon held a phone"
    )
    # Every body line that ends a sentence ends a paragraph, and no paragraph ends elsewhere.
    body = [i for i, role in enumerate(article.line_roles) if role == "body"]
    for this, following in zip(body, body[1:], strict=False):
        ends = lines[this].rstrip().endswith((".", '."', '?"', '!"'))
        breaks = article.line_paragraphs[this] != article.line_paragraphs[following]
        assert breaks == ends, (this + 1, lines[this])
    # Nothing of the body is lost or duplicated.
    words = sum(len(lines[i].split()) for i in body)
    assert sum(len(p.split()) for p in article.paragraphs) == words


def test_seed_boilerplate(seed_path):
    article = ingest_path(seed_path)
    assert article.dropped == ["No hay comentarios:", "Publicar un comentario"]
    assert not any("comentario" in p for p in article.paragraphs)
    assert article.paragraphs[-1].endswith("he said.")


def test_seed_line_roles(seed_path):
    article = ingest_path(seed_path)
    assert article.line_roles[:8] == [
        "title",
        "subtitle",
        "subtitle",
        "byline",
        "byline",
        "byline",
        "date",
        "url",
    ]
    assert article.line_roles[-2:] == ["dropped", "dropped"]
    assert len(article.line_roles) == len(article.line_paragraphs)
    assert max(p for p in article.line_paragraphs if p is not None) == 25


def test_seed_post_is_committed(sample_content, seed_path):
    """The seed's post is in the archive and says where it came from."""
    from gloss.ingest.markdown import is_hand_edited, read_metadata

    posts = list((sample_content / "articles" / "2022").glob("*.md"))
    seeds = [
        p
        for p in posts
        if read_metadata(p.read_text(encoding="utf-8")).get("capture")
        == "sources/" + seed_path.name
    ]
    assert len(seeds) == 1
    text = seeds[0].read_text(encoding="utf-8")
    meta = read_metadata(text)
    assert meta["date"] == "2022-06-16"
    assert meta["authors"] == "Yang Sheng, Wan Hengyi, Cui Fandi"
    assert not is_hand_edited(text)
