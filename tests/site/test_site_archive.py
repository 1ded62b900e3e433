"""The archive across articles: entities merged by id, co-occurrence, speakers, claims."""

from __future__ import annotations

from gloss.site.archive import build_archive, drop_links_to_unwritten_pages
from site_records import add, make_build, record


def test_entities_speakers_and_claims_across_articles(tmp_path) -> None:
    build, settings = make_build(tmp_path)
    add(build, settings, "first", 1, record())
    second = record()
    second["entities"][0]["name"] = "Xi"  # a shorter name in one article only
    add(build, settings, "second", 2, second)
    archive = build_archive(build)

    xi = archive.entities["xi-jinping"]
    assert xi.name == "Xi Jinping"  # a tie (each name once): the fuller name
    assert xi.article_count == 2 and xi.mention_count == 4
    assert [a.article.slug for a in xi.articles] == ["second", "first"]  # newest first
    assert xi.articles[0].mentions[0].text == "Xi Jinping"
    assert dict((other.id, n) for other, n in xi.cooccurring) == {"vladimir-putin": 2, "chinese": 2}

    experts = [s for s in archive.speakers.values() if s.is_unnamed]
    assert [s.name for s in experts] == ["experts"] and len(experts[0].claims) == 2
    assert experts[0].url == "speaker/experts/index.html"
    named = archive.speakers["speaker/xi-jinping/index.html"]
    assert named.entity is xi and len(xi.claims) == 2
    assert len(archive.claims) == 4 and archive.unattributed == []
    assert [g.label for g in archive.by_label()] == ["PERSON", "NORP"]


def test_drafts_stay_out_of_the_archive_and_lose_links_to_pages_not_written(tmp_path) -> None:
    build, settings = make_build(tmp_path)
    add(build, settings, "published", 1, record())
    draft = record()
    draft["entities"].append(
        {"id": "only-in-draft", "name": "Draft", "label": "ORG", "mentions": []}
    )
    add(build, settings, "draft", 2, draft, listed=False)
    archive = build_archive(build)
    drop_links_to_unwritten_pages(build, archive)
    assert "only-in-draft" not in archive.entities
    assert [c.info.slug for c in archive.contents] == ["published"]
    draft_views = {e.id: e.url for e in build.contents[1].gloss.entities}
    assert draft_views["only-in-draft"] is None
    assert draft_views["xi-jinping"] == "entity/xi-jinping/index.html"
    assert build.contents[1].gloss.data_url is None
