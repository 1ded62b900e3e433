"""Provenance pages: the capture with its dropped lines, the diff, and only files from the
content folder."""

from __future__ import annotations

import shutil

from gloss.site.provenance import prepare_provenance
from site_records import add, make_build, record

POST = "Title: Seed\nDate: 2022-06-16\n\nChinese President Xi Jinping spoke.\n"


def test_capture_lines_dropped_lines_and_diff(tmp_path, seed_path) -> None:
    build, settings = make_build(tmp_path)
    settings["STATIC_PATHS"] = ["sources"]
    (tmp_path / "sources").mkdir()
    shutil.copy(seed_path, tmp_path / "sources" / "seed.txt")
    article = add(build, settings, "seed", 1, record(), capture="sources/seed.txt")
    (tmp_path / "seed.md").write_text(POST, encoding="utf-8")
    article.source_path = str(tmp_path / "seed.md")
    [(item, provenance)] = prepare_provenance(build)
    assert item.gloss.provenance_url == "2024/seed/provenance/index.html"
    assert provenance.capture_url == item.gloss.capture_url == "sources/seed.txt"
    assert provenance.capture_html.count('class="hll"') == provenance.role_counts["dropped"] >= 2
    assert any(role == "title" for _, role, _ in provenance.roles)
    assert "Publicar un comentario" in provenance.diff_html  # a dropped line, removed in the diff
    assert len(provenance.sha256) == 64


def test_a_capture_outside_the_content_folder_is_never_published(tmp_path, caplog) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "secret.txt").write_text("not for the web\n", encoding="utf-8")
    build, settings = make_build(content)
    article = add(build, settings, "sneaky", 1, record(), capture="../secret.txt")
    (content / "sneaky.md").write_text(POST, encoding="utf-8")
    article.source_path = str(content / "sneaky.md")
    assert prepare_provenance(build) == []
    assert build.contents[0].gloss.provenance_url is None
    assert any("outside the content folder" in r.getMessage() for r in caplog.records)
