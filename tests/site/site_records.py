"""Hand-made gloss.annotations/1 records for the site's unit tests (no model needed)."""

from __future__ import annotations

import copy
from datetime import datetime

from gloss.site.annotation import GlossBuild, article_info
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

TEXT = (
    "Chinese President Xi Jinping spoke with Vladimir Putin.\n\n"
    '"We stand together," Xi said. Experts said the talks went well.'
)
HTML = (
    "<p>Chinese President Xi Jinping spoke with <em>Vladimir Putin</em>.</p>\n"
    '<p>"We stand together," Xi said. Experts said the talks went well.</p>'
)


def span(text: str, needle: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def record() -> dict:
    t = TEXT
    return {
        "schema": "gloss.annotations/1",
        "source": "test.md",
        "text_sha256": "0" * 64,
        "entities": [
            {
                "id": "xi-jinping",
                "name": "Xi Jinping",
                "label": "PERSON",
                "mentions": [span(t, "Xi Jinping"), span(t, "Xi", 1)],
            },
            {
                "id": "vladimir-putin",
                "name": "Vladimir Putin",
                "label": "PERSON",
                "mentions": [span(t, "Vladimir Putin")],
            },
            {"id": "chinese", "name": "Chinese", "label": "NORP", "mentions": [span(t, "Chinese")]},
        ],
        "claims": [
            {
                "id": "c1",
                "speaker": {
                    "name": "Xi Jinping",
                    "entity": "xi-jinping",
                    "kind": "named",
                    **span(t, "Xi", 1),
                },
                "cue": {"lemma": "say", **span(t, "said")},
                "content": span(t, "We stand together,"),
                "mode": "direct",
            },
            {
                "id": "c2",
                "speaker": {
                    "name": "experts",
                    "entity": None,
                    "kind": "vague",
                    **span(t, "Experts"),
                },
                "cue": {"lemma": "say", **span(t, "said", 1)},
                "content": span(t, "the talks went well"),
                "mode": "indirect",
            },
        ],
    }


def make_build(tmp_path) -> tuple[GlossBuild, dict]:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(
        PATH=str(tmp_path),
        ARTICLE_URL="{date:%Y}/{slug}/index.html",
        ARTICLE_SAVE_AS="{date:%Y}/{slug}/index.html",
        GLOSS_CACHE_PATH=str(tmp_path / "cache"),
    )
    return GlossBuild.of({}, settings), settings


def add(
    build: GlossBuild, settings: dict, slug: str, day: int, rec: dict, listed=True, **meta
) -> Article:
    article = Article(
        HTML,
        metadata={"title": slug.title(), "date": datetime(2024, 5, day), "slug": slug, **meta},
        settings=settings,
        source_path=f"{slug}.md",
        context={},
    )
    build.name_entities([rec])
    build.name_speakers([rec])
    build.rewrite(article, "article", article_info(article, settings), TEXT, rec, listed)
    return article
