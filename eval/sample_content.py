"""``python -m eval.sample_content``: the archive's default content, from Wikinews.

For each article listed in ``eval/sample_articles.txt`` this writes a realistic raw capture
``content/sources/wikinews-<id>.txt`` (the site's header line, title, date, URL, the text
hard-wrapped at a fixed width, the licence notice at the foot: what copying the page as text
gives) and then ingests it exactly as ``gloss ingest content/sources`` would, so the post in
``content/articles/<yyyy>/`` carries ``Source_url`` (the Wikinews page), ``Publisher:
Wikinews`` and ``License: CC BY 2.5`` (from the notice, which is dropped from the body) for
the site's credit line.

Re-runnable: an existing capture with the same text and an existing post are left alone
(``--force`` rewrites posts nobody edited). Each capture's wrap width is the first, in a
fixed seeded order, at which ingest gives back the article's paragraphs exactly; the
demo archive should not start with a mis-split article. The figures for imperfect captures
are what ``python -m eval.ingest`` is for.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from datetime import date as Date
from pathlib import Path

from gloss.ingest import ingest_text
from gloss.ingest.store import PostStore

from eval.corpus import ROOT, CorpusArticle, load_corpus

LIST = Path(__file__).with_name("sample_articles.txt")
SITE_LINE = "From Wikinews, the free news source you can write!"
NOTICES = {
    "CC BY 2.5": "This text is available under the Creative Commons Attribution 2.5 License.",
    "Public domain": "This article is in the public domain.",
}


def chosen_ids(path: Path = LIST) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def capture_text(article: CorpusArticle, width: int) -> str:
    lines = [article.title, SITE_LINE]
    if article.date:
        day = Date.fromisoformat(article.date)
        lines.append(day.strftime("%A, %B ") + f"{day.day}, {day.year}")
    lines.append(article.url)
    for paragraph in article.paragraphs:
        lines.extend(
            textwrap.wrap(paragraph, width=width, break_long_words=False, break_on_hyphens=False)
        )
    lines.extend(["", NOTICES[article.license]])
    return "\n".join(lines) + "\n"


def faithful_capture(article: CorpusArticle) -> tuple[str, int | None]:
    """A capture whose ingest gives back the article exactly; (text, width or None when
    only blank-line paragraphs do)."""
    widths = list(range(68, 89))
    random.Random(article.id).shuffle(widths)
    for width in widths:
        text = capture_text(article, width)
        result = ingest_text(text, source=article.id)
        expected = (list(article.paragraphs), article.title, None, article.date, article.url)
        if (result.paragraphs, result.title, result.subtitle, result.date, result.url) == expected:
            return text, width
    blank = capture_text(article, 76).split("\n")
    # Fall back to blank lines between paragraphs (also a common shape of capture).
    body = "\n\n".join(
        "\n".join(textwrap.wrap(p, 76, break_on_hyphens=False)) for p in article.paragraphs
    )
    text = "\n".join(blank[:4]) + "\n" + body + "\n\n" + NOTICES[article.license] + "\n"
    return text, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.sample_content",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=ROOT / "content",
        help="content folder (default: the project's)",
    )
    parser.add_argument("--force", action="store_true", help="rewrite posts nobody edited")
    args = parser.parse_args(argv)
    corpus = {article.id: article for article in load_corpus()}
    sources = args.content / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    store = PostStore(args.content / "articles", args.content)
    failed = 0
    for article_id in chosen_ids():
        article = corpus.get(article_id)
        if article is None:
            print(f"{article_id}: not in the corpus", file=sys.stderr)
            failed += 1
            continue
        text, width = faithful_capture(article)
        path = sources / f"wikinews-{article_id}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        from gloss.ingest import ingest_path

        outcome = store.save(ingest_path(path), path, force=args.force)
        shape = f"wrapped at {width}" if width else "blank-line paragraphs"
        print(f"{path.relative_to(args.content)} ({shape}): {outcome.status}: {outcome.message}")
        failed += outcome.failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
