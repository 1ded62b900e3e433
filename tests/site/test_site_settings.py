"""End to end: settings change what is shown, and mistakes in curation files are reported
with file and line without stopping the build."""

from __future__ import annotations

import logging
import shutil

import pytest
from bs4 import BeautifulSoup
from site_build import SEED, build

pytestmark = pytest.mark.slow


def seed_site(tmp_path):
    from gloss.cli import main as gloss

    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    shutil.copy(SEED, content / "sources" / SEED.name)
    gloss(["ingest", "--output", str(content / "articles"), str(content / "sources")])
    return content


def test_labels_claims_and_curation_mistakes(tmp_path, caplog) -> None:
    content = seed_site(tmp_path)
    (content / "entities.yml").write_text(
        "entities:\n  - name: Xi Jinping\n    label: PERSON\n  - name: Nowhere\n    label: PLANET\n",
        encoding="utf-8",
    )
    slug = next((content / "articles").rglob("*.md")).stem
    (content / "annotations").mkdir()
    (content / "annotations" / f"{slug}.yml").write_text(
        "mentions:\n  drop:\n    - text: Atlantis\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING):
        build(
            content,
            out,
            tmp_path / "cache",
            GLOSS_LABELS=["PERSON"],
            GLOSS_SHOW_CLAIMS=False,
        )
    mistakes = [r.getMessage() for r in caplog.records if "entities.yml" in r.getMessage()]
    assert mistakes and all(":5:" in m or ":4:" in m for m in mistakes), mistakes
    unmatched = [r.getMessage() for r in caplog.records if f"{slug}.yml:3:" in r.getMessage()]
    assert unmatched and "no mention of 'Atlantis'" in unmatched[0], unmatched
    assert (out / "index.html").is_file()

    page = next(out.glob("2022/*/index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    labels = {m["data-label"] for m in soup.select(".gl-text .gl-mention")}
    assert labels == {"PERSON"}
    assert soup.select(".gl-text .gl-claim") == []
    assert not (out / "speaker").exists()
    assert "not marked" in (out / "claims" / "index.html").read_text(encoding="utf-8")
    assert (out / "entity" / "xi-jinping" / "index.html").is_file()
    assert not (out / "entity" / "china").exists()
    # Exports keep everything the engine found, whatever is shown.
    data = (out / "data" / "articles").glob("*.json")
    assert '"label":"GPE"' in next(data).read_text(encoding="utf-8")


def test_feeds_without_markup_pages_annotated_absolute_urls(tmp_path) -> None:
    content = seed_site(tmp_path)
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text(
        "Title: About\n\nThis archive follows Vladimir Putin and the United Nations.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build(
        content,
        out,
        tmp_path / "cache",
        SITEURL="https://archive.example.org",
        RELATIVE_URLS=False,
        FEED_ALL_ATOM="feeds/all.atom.xml",
    )
    feed = (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "Vladimir Putin" in feed
    assert "gl-mention" not in feed and "gl-claim" not in feed
    page = next(out.glob("2022/*/index.html")).read_text(encoding="utf-8")
    assert "gl-mention" in page  # the page itself stays annotated
    data = next((out / "data" / "articles").glob("xi-*.json")).read_text(encoding="utf-8")
    assert '"url":"https://archive.example.org/2022/' in data  # absolute with a SITEURL
    about = (out / "pages" / "about.html").read_text(encoding="utf-8")
    assert 'data-entity="vladimir-putin"' in about  # pages are annotated too
