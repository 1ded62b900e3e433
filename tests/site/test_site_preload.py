"""The preload worker: spaCy and the model load in a second process while Pelican reads, only
when some post is new or changed, and its results are those of an in-process parse."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from gloss.site.preload import post_files, will_parse, write_manifest
from site_build import ROOT, make_content

IDENTITY = "engine-1"


def settings_for(content: Path, cache: Path) -> dict:
    return {
        "PATH": str(content),
        "ARTICLE_PATHS": ["articles"],
        "PAGE_PATHS": ["pages"],
        "IGNORE_FILES": [".#*", "*.yml"],
        "OUTPUT_PATH": str(content.parent / "out"),
        "GLOSS_CACHE_PATH": str(cache),
    }


@pytest.fixture
def posts(tmp_path: Path) -> dict:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "one.md").write_text("Title: One\n\nPutin said.\n", encoding="utf-8")
    (articles / "two.md").write_text("Title: Two\n\nXi said.\n", encoding="utf-8")
    (articles / "notes.yml").write_text("ignored: true\n", encoding="utf-8")
    return settings_for(tmp_path / "content", tmp_path / "cache")


def test_a_first_build_will_parse(posts) -> None:
    assert will_parse(posts, IDENTITY)


def test_nothing_new_since_the_last_build_means_no_parse(posts) -> None:
    write_manifest(posts, IDENTITY, post_files(posts))
    assert not will_parse(posts, IDENTITY)


def test_an_edited_or_added_post_will_parse(posts) -> None:
    write_manifest(posts, IDENTITY, post_files(posts))
    post = Path(posts["PATH"]) / "articles" / "one.md"
    post.write_text(post.read_text(encoding="utf-8") + "Lavrov agreed.\n", encoding="utf-8")
    assert will_parse(posts, IDENTITY)
    write_manifest(posts, IDENTITY, post_files(posts))
    assert not will_parse(posts, IDENTITY)
    (Path(posts["PATH"]) / "articles" / "three.md").write_text("Title: Three\n\nNew.\n", "utf-8")
    assert will_parse(posts, IDENTITY)


def test_another_engine_will_parse(posts) -> None:
    write_manifest(posts, IDENTITY, post_files(posts))
    assert will_parse(posts, "engine-2")


def test_ignored_files_are_not_posts(posts) -> None:
    names = sorted(Path(path).name for path in post_files(posts))
    assert names == ["one.md", "two.md"]


# One build in a fresh process (as `pelican` runs): prints whether the worker was started.
BUILD = """
import json, sys
sys.path.insert(0, {tests!r})
from site_build import build
from pathlib import Path
from gloss.site import preload
content, out, cache, enabled = sys.argv[1:5]
build(Path(content), Path(out), Path(cache), GLOSS_PRELOAD=enabled == "on")
print(json.dumps({{"worker": preload.worker("en_core_web_sm") is not None}}))
"""


def build_in_process(content: Path, out: Path, cache: Path, preload: bool = True) -> bool:
    script = BUILD.format(tests=str(ROOT / "tests" / "site"))
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(content),
            str(out),
            str(cache),
            "on" if preload else "off",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])["worker"]


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_the_worker_starts_only_on_a_miss_and_parses_as_in_process(tmp_path: Path) -> None:
    content = make_content(tmp_path, wikinews=2)
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build_in_process(content, out, cache)  # first build: every text is new
    assert not build_in_process(content, out, cache)  # warm: nothing to parse
    post = sorted((content / "articles").rglob("*.md"))[0]
    text = post.read_text(encoding="utf-8")
    post.write_text(text.rstrip("\n") + " Officials in Paris said talks would resume.\n", "utf-8")
    assert build_in_process(content, out, cache)  # one edit: the worker parses it
    # The same site parsed in-process from empty caches: the same files, byte for byte.
    alone = tmp_path / "alone"
    assert not build_in_process(content, alone, tmp_path / "cache-alone", preload=False)
    assert files(out) == files(alone)
