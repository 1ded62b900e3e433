"""Helpers for the site's end-to-end tests: a tiny archive in a temp folder, built for real."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from eval.corpus import CORPUS as DEFAULT_CORPUS
from eval.corpus import wikinews_repost
from tests.fixtures.paths import SEED

ROOT = Path(__file__).resolve().parents[2]
CORPUS = DEFAULT_CORPUS


def wikinews_articles(words: tuple[str, ...], count: int) -> list[dict]:
    """The first ``count`` dated articles of the corpus that mention one of ``words``."""
    chosen = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = " ".join(article["paragraphs"])
            if article.get("date") and any(w in text for w in words) and len(text) < 6000:
                chosen.append(article)
            if len(chosen) == count:
                break
    return chosen


def make_content(folder: Path, wikinews: int = 3) -> Path:
    """content/ with the seed and a few Wikinews captures, ingested into posts by gloss."""
    from gloss.cli import main as gloss

    content = folder / "content"
    sources = content / "sources"
    sources.mkdir(parents=True)
    shutil.copy(SEED, sources / SEED.name)
    for n, article in enumerate(wikinews_articles(("Putin", "Russia", "China"), wikinews), 1):
        (sources / f"wn_{n:03d}.txt").write_text(wikinews_repost(article), encoding="utf-8")
    gloss(["ingest", "--output", str(content / "articles"), str(sources)])
    return content


def build(content: Path, output: Path, cache: Path, **overrides: object) -> None:
    """One Pelican build with the project's settings, theme and plugin."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(cache / "pelican"),
            "GLOSS_CACHE_PATH": str(cache / "gloss"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            **overrides,
        },
    )
    Pelican(settings).run()
