"""The Wikinews corpus (CC BY 2.5 / public domain) and its fixed tuning / held-out split."""

from __future__ import annotations

import hashlib
import json
import os
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A copy of the shared Wikinews corpus lives in the repository (eval/data/README.md), so the
# tests and benchmarks that use it run on a fresh clone; GLOSS_CORPUS points elsewhere.
CORPUS = Path(os.environ.get("GLOSS_CORPUS", ROOT / "eval" / "data" / "wikinews.jsonl"))

# A quarter of the articles never looked at while tuning the ingest rules: chosen by a hash of
# the article id, so the split does not depend on the corpus order.
HELD_OUT_SHARE = 4  # one in four


@dataclass(frozen=True)
class CorpusArticle:
    id: str
    title: str
    date: str | None
    url: str
    paragraphs: tuple[str, ...]
    license: str

    @property
    def held_out(self) -> bool:
        return int(hashlib.sha256(self.id.encode()).hexdigest(), 16) % HELD_OUT_SHARE == 0


def load_corpus(path: Path = CORPUS) -> list[CorpusArticle]:
    articles = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            paragraphs = tuple(" ".join(p.split()) for p in row["paragraphs"] if p.strip())
            if paragraphs:
                articles.append(
                    CorpusArticle(
                        row["id"],
                        " ".join(row["title"].split()),
                        row["date"],
                        row["url"],
                        paragraphs,
                        row["license"],
                    )
                )
    return articles


def wikinews_repost(article: dict) -> str:
    """A plain raw capture of a corpus article (a record of wikinews.jsonl), laid out like a
    scraped repost: title, date line, URL, body wrapped at 78 columns, a licence footer."""
    published = date.fromisoformat(article["date"])
    body = "\n".join(textwrap.fill(p, 78) for p in article["paragraphs"])
    return (
        f"{article['title']}\nPublished: {published:%b} {published.day}, {published.year}\n"
        f"{article['url']}\n{body}\n"
        "This article is from Wikinews, licensed under CC BY 2.5.\n"
    )
