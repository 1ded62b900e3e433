"""The article store: one file per output folder with what the annotation step made of each
article, so that a warm build looks each article up instead of annotating it again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gloss.site.article_store import ArticleStore
from site_build import build, make_content


def test_entries_survive_a_save_and_a_reload(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path, "out")
    entry = {"text": "Putin said.", "record": {"entities": []}, "html": "<p>x</p>"}
    store.put("k1", entry)
    store.save()
    again = ArticleStore(tmp_path, "out")
    assert again.get("k1") == entry
    assert again.get("k2") is None


def test_only_the_entries_of_the_last_build_are_kept(tmp_path: Path) -> None:
    first = ArticleStore(tmp_path, "out")
    first.put("old", {"text": "a"})
    first.put("kept", {"text": "b"})
    first.save()
    second = ArticleStore(tmp_path, "out")
    assert second.get("kept") == {"text": "b"}
    second.put("new", {"text": "c"})
    second.save()
    third = ArticleStore(tmp_path, "out")
    assert third.get("old") is None
    assert third.get("kept") == {"text": "b"}
    assert third.get("new") == {"text": "c"}


def test_each_output_folder_has_its_own_store(tmp_path: Path) -> None:
    one = ArticleStore(tmp_path, "out-one")
    one.put("k", {"text": "a"})
    one.save()
    assert ArticleStore(tmp_path, "out-two").get("k") is None


def test_a_broken_file_counts_as_empty(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path, "out")
    store.put("k", {"text": "a"})
    store.save()
    assert store.path is not None
    store.path.write_bytes(b"\x00not marshal data")
    broken = ArticleStore(tmp_path, "out")
    assert broken.get("k") is None
    broken.put("k", {"text": "b"})
    broken.save()
    assert ArticleStore(tmp_path, "out").get("k") == {"text": "b"}


def test_no_directory_stores_nothing(tmp_path: Path) -> None:
    store = ArticleStore(None, "out")
    store.put("k", {"text": "a"})
    store.save()
    assert ArticleStore(None, "out").get("k") is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_warm_build_takes_every_article_from_the_store(tmp_path: Path) -> None:
    content = make_content(tmp_path, wikinews=2)
    cache, out = tmp_path / "cache", tmp_path / "out"
    build(content, out, cache)
    first = files(out)
    # Without the engine's cache and the small render caches, only the store can answer:
    # the rebuild must parse nothing (the engine would write its cache again) and write the
    # same files.
    for folder in (cache / "gloss" / "annotations", cache / "gloss" / "site" / "html"):
        shutil.rmtree(folder)
    build(content, out, cache)
    assert not (cache / "gloss" / "annotations").exists()
    assert files(out) == first
    # An edited article misses the store: it alone goes to the engine.
    post = sorted((content / "articles").rglob("*.md"))[0]
    text = post.read_text(encoding="utf-8")
    post.write_text(text.rstrip("\n") + " Officials in Paris said talks would resume.\n", "utf-8")
    build(content, out, cache)
    assert len(list((cache / "gloss" / "annotations").glob("*/*.json"))) == 1


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
