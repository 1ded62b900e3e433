"""End to end: build a tiny archive (the seed and a few Wikinews articles) with the real theme,
plugin, engine and spaCy, then check pages, links, exports and that rebuilding is stable."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup
from site_build import ROOT, build, make_content

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("site")
    content = make_content(folder)
    # Two posts tagged g7 and one g72, one article per page: page 2 of "g7" must not be "g72".
    posts = sorted((content / "articles").rglob("*.md"))
    assert len(posts) >= 3
    for post, tag in zip(posts, ["g7", "g7", "g72"], strict=False):
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("\nDate:", f"\nTags: {tag}\nDate:", 1), encoding="utf-8")
    # A draft: annotated in its own page, listed and exported nowhere.
    draft = (
        posts[-1]
        .read_text(encoding="utf-8")
        .replace("\nSlug: ", "\nStatus: draft\nSlug: draft-", 1)
    )
    (posts[-1].parent / "draft-copy.md").write_text(draft, encoding="utf-8")
    cache = folder / "cache"
    first, second = folder / "out1", folder / "out2"
    build(content, first, cache, DEFAULT_PAGINATION=1)
    build(content, second, cache, DEFAULT_PAGINATION=1)  # warm: both caches answer
    return {"content": content, "out": first, "again": second}


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def article_pages(out: Path) -> list[Path]:
    return [p for p in out.glob("[0-9][0-9][0-9][0-9]/*/index.html")]


def test_rebuild_is_stable(site) -> None:
    first, second = files(site["out"]), files(site["again"])
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []


def test_every_internal_link_points_at_a_file(site) -> None:
    out = site["out"]
    pages = list(out.rglob("*.html"))
    assert len(pages) > 20
    checked = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            url = element.get("href") or element.get("src")
            if not url or url.startswith("#"):
                continue
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                assert parts.scheme in ("http", "https", "mailto"), url
                continue
            assert not parts.path.endswith("/"), f"{page}: {url} is a folder"
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{page.relative_to(out)}: {url} does not exist"
            if parts.fragment and target.suffix == ".html":
                html = target.read_text(encoding="utf-8")
                assert f'id="{parts.fragment}"' in html, (
                    f"{page}: #{parts.fragment} not in {target}"
                )
            checked += 1
    assert checked > 100


def test_articles_are_annotated_and_listings_are_not(site) -> None:
    out = site["out"]
    for page in article_pages(out):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        mentions = soup.select(".gl-text button.gl-mention[data-entity][data-label]")
        assert mentions, page
        for button in mentions:
            assert (out / "entity" / button["data-entity"] / "index.html").is_file()
            assert soup.find(id=button["popovertarget"]) is not None
        ids = [e["id"] for e in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), "duplicate ids"
        head = soup.find("script", type="application/ld+json")
        assert json.loads(head.string)["@type"] == "NewsArticle"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "gl-mention" not in index and "gl-claim" not in index


def test_seed_claims_and_speakers(site) -> None:
    out = site["out"]
    seed = next(p for p in article_pages(out) if "xi-putin" in str(p))
    soup = BeautifulSoup(seed.read_text(encoding="utf-8"), "html.parser")
    claims = soup.select(".gl-text .gl-claim[data-claim][data-speaker][data-mode][data-kind]")
    assert len({c["data-claim"] for c in claims}) >= 10
    assert (out / "entity" / "vladimir-putin" / "index.html").is_file()
    assert (out / "speaker" / "xi-jinping" / "index.html").is_file()
    assert any(p.name == "index.html" for p in (out / "speaker").glob("*/index.html"))
    for index in ("entities", "speakers", "claims"):
        assert (out / index / "index.html").is_file()


def test_exports_validate_and_match_the_pages(site) -> None:
    out = site["out"]
    schema = json.loads((ROOT / "plugins/gloss/data/schema/gloss.annotations-1.json").read_text())
    exports = sorted((out / "data" / "articles").glob("*.json"))
    assert len(exports) == len(article_pages(out))
    for path in exports:
        data = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert (out / data["article"]["url"]).is_file()
        for entity in data["entities"]:
            for m in entity["mentions"]:
                assert data["text"][m["start"] : m["end"]] == m["text"]
        jsonld = json.loads(path.with_suffix(".jsonld").read_text(encoding="utf-8"))
        assert jsonld["type"] == "AnnotationCollection"
        for item in jsonld["first"]["items"]:
            _, position = item["target"]["selector"]
            assert position["end"] <= len(data["text"])
    entities_csv = (out / "data" / "entities.csv").read_text(encoding="utf-8").splitlines()
    assert entities_csv[0].startswith("id,name,label")
    assert len(entities_csv) - 1 == len(list((out / "entity").glob("*/index.html")))
    assert (out / "data" / "claims.csv").read_text(encoding="utf-8").startswith("article,")


def test_provenance_pages_show_capture_and_diff(site) -> None:
    out = site["out"]
    seed = next(p for p in article_pages(out) if "xi-putin" in str(p))
    provenance = seed.parent / "provenance" / "index.html"
    html = provenance.read_text(encoding="utf-8")
    assert 'class="hll"' in html  # the dropped lines ("No hay comentarios")
    assert "No hay comentarios" in html
    assert re.search(r'class="gd"|class="gi"', html)  # the diff's removed / inserted lines
    assert (out / "theme/css/gloss-pygments.css").is_file()
    assert (out / "sources" / "000_8877f4eaf635df03.txt").is_file()


def test_tags_ending_in_digits_do_not_collide_with_pages(site) -> None:
    out = site["out"]
    assert (out / "tag/g7/index.html").is_file()
    assert (out / "tag/g7/page/2/index.html").is_file()
    g72 = (out / "tag/g72/index.html").read_text(encoding="utf-8")
    g7_page2 = (out / "tag/g7/page/2/index.html").read_text(encoding="utf-8")
    assert g72 != g7_page2


def test_drafts_are_annotated_but_not_listed_or_exported(site) -> None:
    out = site["out"]
    drafts = list((out / "drafts").rglob("*.html"))
    assert drafts
    html = drafts[0].read_text(encoding="utf-8")
    assert "gl-mention" in html
    assert not list((out / "data" / "articles").glob("draft-*"))
    for page in (out / "entity").glob("*/index.html"):
        assert "draft-" not in page.read_text(encoding="utf-8")
