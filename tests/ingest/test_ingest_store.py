"""Posts are never overwritten or lost: no-op re-ingest, --force only for unedited posts,
duplicates skipped, safe and unique slugs."""

from __future__ import annotations

from pathlib import Path

import pytest
from gloss.ingest import ingest_path
from gloss.ingest.markdown import read_metadata
from gloss.ingest.store import PostStore, slugify
from ingest_helpers import BODY, capture

HEADER = [
    "Council votes to close old bridge",
    "By Jane Doe",
    "16 June 2022",
    "https://example.org/bridge",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "articles").mkdir()
    return tmp_path


def _save(site: Path, name: str, text: str, force: bool = False):
    path = site / "sources" / name
    path.write_text(text, encoding="utf-8")
    return PostStore(site / "articles").save(ingest_path(path), path, force=force)


def test_new_capture_is_written_and_reingest_is_a_no_op(site):
    first = _save(site, "a.txt", capture(HEADER))
    assert first.status == "written"
    assert first.post == site / "articles" / "2022" / "council-votes-to-close-old-bridge.md"
    assert read_metadata(first.post.read_text())["capture"] == "sources/a.txt"
    before = first.post.read_bytes()
    again = _save(site, "a.txt", capture(HEADER))
    assert again.status == "unchanged"
    assert first.post.read_bytes() == before


def test_changed_capture_needs_force_and_force_spares_edited_posts(site):
    post = _save(site, "a.txt", capture(HEADER)).post
    changed = capture(HEADER, [*BODY, "A late addition to the story came on Wednesday."])
    skipped = _save(site, "a.txt", changed)
    assert skipped.status == "skipped" and "--force" in skipped.message
    assert "late addition" not in post.read_text()
    rewritten = _save(site, "a.txt", changed, force=True)
    assert rewritten.status == "rewritten"
    assert "late addition" in post.read_text()
    # Someone edits the post: --force now refuses, and the edit survives.
    post.write_text(post.read_text().replace("Mayor Ana Lopez", "Mayor Ana López"))
    refused = _save(site, "a.txt", capture(HEADER), force=True)
    assert refused.status == "refused" and "edited by hand" in refused.message
    assert "Mayor Ana López" in post.read_text()


def test_duplicates_by_url_and_by_text_are_skipped(site):
    _save(site, "a.txt", capture(HEADER))
    same_url = _save(site, "b.txt", capture([*HEADER[:3], HEADER[3]], BODY[:2]))
    assert same_url.status == "skipped" and "same URL" in same_url.message
    same_text = _save(site, "c.txt", capture(["Bridge to close", "https://mirror.example.net/x"]))
    assert same_text.status == "skipped" and "same text" in same_text.message
    same_bytes = _save(site, "d.txt", capture(HEADER))
    assert same_bytes.status == "skipped" and "same capture" in same_bytes.message
    assert len(list((site / "articles").rglob("*.md"))) == 1


def test_slug_collisions_get_a_number(site):
    first = _save(site, "a.txt", capture(HEADER))
    second = _save(
        site,
        "b.txt",
        capture(
            [HEADER[0], "17 June 2022"],
            ["Another story with the same headline, told differently.", "It has its own text."],
        ),
    )
    assert second.status == "written"
    assert second.post.name == "council-votes-to-close-old-bridge-2.md"
    assert first.post.exists()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("Café: “Ça va?”", "cafe-ca-va"),
        ("", "article"),
        ("...", "article"),
        ("x" * 200, "x" * 80),
    ],
)
def test_slugify_is_safe(title, slug):
    assert slugify(title) == slug


def test_traversal_in_a_title_stays_inside(site):
    outcome = _save(site, "a.txt", capture(["../../../outside", "16 June 2022"]))
    assert outcome.post.resolve().is_relative_to((site / "articles").resolve())
