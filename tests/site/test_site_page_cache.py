"""The page cache: a page's key covers what its templates read, and only that."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from gloss.site.archive import DESCRIBERS, ArchiveEntity, ArchiveSpeaker, build_archive
from gloss.site.page_cache import Digester, PageCache, template_tree
from jinja2 import DictLoader, Environment
from site_build import build, make_content
from site_records import add, make_build, record

TEMPLATES = {
    "base.html": "<title>{{ SITENAME }}</title>{% block content %}{% endblock %}",
    "entity.html": '{% extends "base.html" %}{% block content %}{{ entity.name }}{% endblock %}',
    "index.html": '{% extends "base.html" %}{% block content %}{{ archive }}{% endblock %}',
    "dynamic.html": "{% include name %}",
}


def env() -> Environment:
    return Environment(loader=DictLoader(TEMPLATES))


def test_template_tree_follows_extends_and_collects_the_names_read() -> None:
    tree = template_tree(env(), "entity.html")
    assert tree is not None and tree.names == {"SITENAME", "entity"}
    assert template_tree(env(), "dynamic.html") is None  # the included template is unknown


def keys(tmp_path: Path, archive, site: dict) -> dict[str, str | None]:
    cache = PageCache(tmp_path, str(tmp_path / "out"), "site")
    digester = Digester((ArchiveEntity, ArchiveSpeaker), DESCRIBERS)
    tree = template_tree(env(), "entity.html")
    assert tree is not None
    return {
        e.id: cache.key(e.url, tree, {"entity": e}, site, digester)
        for e in archive.entities.values()
    }


def test_a_key_changes_with_the_page_and_the_site_but_not_with_other_pages(tmp_path) -> None:
    build_, settings = make_build(tmp_path)
    add(build_, settings, "first", 1, record())
    before = keys(tmp_path, build_archive(build_), {"SITENAME": "A"})
    assert None not in before.values()
    assert keys(tmp_path, build_archive(build_), {"SITENAME": "A"}) == before
    assert (
        keys(tmp_path, build_archive(build_), {"SITENAME": "B"})["xi-jinping"]
        != before["xi-jinping"]
    )

    build2, settings2 = make_build(tmp_path / "2")
    changed = record()
    changed["entities"][0]["name"] = "Xi"  # Xi Jinping's page shows another name
    add(build2, settings2, "first", 1, changed)
    after = keys(tmp_path, build_archive(build2), {"SITENAME": "A"})
    assert after["xi-jinping"] != before["xi-jinping"]


def test_pages_reading_the_whole_archive_are_always_rendered(tmp_path) -> None:
    cache = PageCache(tmp_path, str(tmp_path / "out"), "site")
    tree = template_tree(env(), "index.html")
    assert tree is not None
    assert cache.key("entities/index.html", tree, {"archive": []}, {}, Digester()) is None


def test_a_value_without_stable_description_disables_the_cache(tmp_path) -> None:
    cache = PageCache(tmp_path, str(tmp_path / "out"), "site")
    tree = template_tree(env(), "entity.html")
    assert tree is not None
    assert cache.key("e.html", tree, {"entity": object()}, {}, Digester()) is None


def test_unchanged_needs_the_same_key_and_the_file(tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "e.html").write_text("page", encoding="utf-8")
    first = PageCache(tmp_path, str(out), "site")
    assert not first.unchanged("e.html", "k1", str(out / "e.html"))
    first.save()
    again = PageCache(tmp_path, str(out), "site")
    assert again.unchanged("e.html", "k1", str(out / "e.html"))
    assert not again.unchanged("e.html", "k2", str(out / "e.html"))
    (out / "e.html").unlink()
    assert not again.unchanged("e.html", "k1", str(out / "e.html"))


@pytest.mark.slow
def test_a_cached_rebuild_after_an_edit_writes_what_a_fresh_build_writes(tmp_path, caplog) -> None:
    content = make_content(tmp_path, wikinews=2)
    cache, out, fresh = tmp_path / "cache", tmp_path / "out", tmp_path / "fresh"
    build(content, out, cache)
    post = sorted((content / "articles").rglob("*.md"))[0]
    text = post.read_text(encoding="utf-8")
    post.write_text(text.rstrip("\n") + " Officials in Paris said talks would resume.\n", "utf-8")
    with caplog.at_level(logging.DEBUG, logger="gloss.site"):
        build(content, out, cache)  # the page caches answer for the unchanged pages
    kept = [r.getMessage() for r in caplog.records if "not rendered" in r.getMessage()]
    assert {m.split(" ", 2)[1] for m in kept} == {"archive", "article"}
    assert all(not m.startswith("0 ") for m in kept)
    build(content, fresh, cache)  # another output folder: every page rendered

    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    assert files(out) == files(fresh)
    build(content, out, cache)  # nothing changed: every page keeps its stored key
    assert files(out) == files(fresh)
