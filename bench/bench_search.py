"""Offline search: index size per 1,000 articles and time to first results at 10,000.

Targets (issue 4): the index is at most 1.5 MB per 1,000 articles; the first results show at
most 100 ms after load with 10,000 articles, in headless Chromium, from file://.

Articles come from the Wikinews corpus (``../shared/corpus/wikinews.jsonl``, or the path in
``GLOSS_BENCH_CORPUS``), else from the posts in ``content/articles``. Synthetic archives of
1,000 and 10,000 articles are made from them by mixing paragraphs of three articles and, to
keep the vocabulary growing as a real archive's does (new names in every article), replacing
ten words of each synthetic article with words never seen before. Entity names and speakers
are stood in for by capitalised phrases of the text (no spaCy here: this measures the index,
not the annotator).

Run alone: ``.venv/bin/python -m bench search``.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import tempfile
from pathlib import Path

from gloss.site.search import SearchDocument, build_index, index_script, load_stopwords

from eval.chromium import CHROMIUM, CHROMIUM_ARGS
from eval.corpus import CORPUS as DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("GLOSS_BENCH_CORPUS", DEFAULT_CORPUS))
SIZE_TARGET_PER_1000 = 1.5e6  # bytes
TIME_TARGET_MS = 100.0
QUERIES = ["Putin", "president", "climate change", "elect", "Ukraine war", "xyzzyplugh"]
RUNS = 3
NOVEL_WORDS_PER_ARTICLE = 10
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")
_METADATA = re.compile(r"^(\w+):\s*(.*)$")


def load_articles() -> list[dict]:
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines if line.strip()]
        return [
            {"title": r["title"], "date": r.get("date") or "", "paragraphs": r["paragraphs"]}
            for r in records
            if r.get("paragraphs")
        ]
    articles = []
    for post in sorted((ROOT / "content" / "articles").rglob("*.md")):
        head, _, body = post.read_text("utf-8").partition("\n\n")
        meta = {
            m.group(1).lower(): m.group(2) for m in map(_METADATA.match, head.splitlines()) if m
        }
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        articles.append(
            {
                "title": meta.get("title", post.stem),
                "date": meta.get("date", ""),
                "paragraphs": paragraphs,
            }
        )
    return articles


def names_in(text: str) -> list[str]:
    """Capitalised phrases: a stand-in for entity names (what the index stores per article)."""
    seen = dict.fromkeys(m.group(0) for m in _CAPITALISED.finditer(text) if " " in m.group(0))
    return list(seen)[:15]


def document(number: int, title: str, date: str, text: str) -> SearchDocument:
    names = names_in(text)
    return SearchDocument(
        title=title,
        url=f"{date[:4] or '2000'}/a{number}/index.html",
        date=date,
        text=text,
        entities=names,
        speakers=names[:3],
    )


def real_documents(articles: list[dict]) -> list[SearchDocument]:
    return [
        document(i, a["title"], a["date"], "\n\n".join(a["paragraphs"]))
        for i, a in enumerate(articles)
    ]


def synthetic_documents(articles: list[dict], count: int, seed: int = 4) -> list[SearchDocument]:
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        picked = [articles[(number + k * 7919) % len(articles)] for k in range(3)]
        paragraphs = [
            p for a in picked for p in rng.sample(a["paragraphs"], min(2, len(a["paragraphs"])))
        ]
        tokens = "\n\n".join(paragraphs).split(" ")
        for k in range(NOVEL_WORDS_PER_ARTICLE):
            at = rng.randrange(len(tokens))
            tokens[at] = f"Novel{number:x}w{k}"
        title = picked[0]["title"] + ("" if number < len(articles) else f" ({number})")
        docs.append(document(number, title, picked[0]["date"], " ".join(tokens)))
    return docs


def index_bytes(docs: list[SearchDocument], stop: frozenset[str]) -> tuple[int, str]:
    script = index_script(build_index(docs, stop))
    return len(script.encode("utf-8")), script


def measure_in_chromium(script: str) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    search_js = ROOT / "theme" / "static" / "js" / "search.js"
    figures: dict[str, list[float]] = {"query_ms": [], "first_results_ms": [], "load_ms": []}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        site = Path(folder)
        (site / "search-index.js").write_text(script, "utf-8")
        (site / "search.js").write_text(search_js.read_text("utf-8"), "utf-8")
        # The same elements and scripts as the theme's search.html.
        (site / "search.html").write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            '<script src="search-index.js" defer></script><script src="search.js" defer></script>'
            '</head><body><input id="gl-search-q"><div id="gl-search-results" data-siteurl=".">'
            "</div><script>window.addEventListener('load', () => {"
            "window.GLOSS_LOADED = performance.now();});</script></body></html>",
            "utf-8",
        )
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for _ in range(RUNS):
            for query in QUERIES:
                page.goto((site / "search.html").as_uri() + "?q=" + query)
                page.wait_for_function("window.GLOSS_LOADED !== undefined")
                timing = page.evaluate("window.GLOSS_SEARCH_TIMING")
                loaded = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                )
                figures["query_ms"].append(timing["sinceIndex"])
                figures["first_results_ms"].append(loaded)
                figures["load_ms"].append(page.evaluate("window.GLOSS_LOADED"))
        browser.close()
    return figures


def main() -> None:
    articles = load_articles()
    stop = load_stopwords()
    source = CORPUS.name if CORPUS.is_file() else "content/articles"
    print(f"search: {len(articles)} articles from {source}")
    if not articles:
        print("search: no articles to measure")
        return

    raw_text = sum(len(" ".join(a["paragraphs"]).encode("utf-8")) for a in articles)
    real_size, _ = index_bytes(real_documents(articles), stop)
    per_1000 = real_size / len(articles) * 1000
    print(
        f"  index, real articles      {real_size / 1e6:7.3f} MB for {len(articles)}"
        f" = {per_1000 / 1e6:.3f} MB per 1,000 (target 1.5: ratio {per_1000 / SIZE_TARGET_PER_1000:.2f});"
        f" their text alone is {raw_text / len(articles) * 1000 / 1e6:.2f} MB per 1,000"
    )
    for count in (1000, 10000):
        size, script = index_bytes(synthetic_documents(articles, count), stop)
        per = size / count * 1000
        print(
            f"  index, synthetic {count:>6,}  {size / 1e6:7.3f} MB"
            f" = {per / 1e6:.3f} MB per 1,000 (ratio {per / SIZE_TARGET_PER_1000:.2f})"
        )

    if not CHROMIUM.exists():
        print(f"  timing skipped: no {CHROMIUM}")
        return
    figures = measure_in_chromium(script)
    query = statistics.median(figures["query_ms"])
    worst = max(figures["query_ms"])
    print(f"  10,000 articles in Chromium, {len(QUERIES)} queries x {RUNS} page loads:")
    print(
        f"    first results after the index is loaded (index set-up, query, rendering): median {query:.1f} ms, worst {worst:.1f} ms"
        f" (target 100: ratio {worst / TIME_TARGET_MS:.2f})"
    )
    print(
        f"    from navigation to results on screen:    median"
        f" {statistics.median(figures['first_results_ms']):.0f} ms (includes parsing the index);"
        f" load event {statistics.median(figures['load_ms']):.0f} ms"
    )


if __name__ == "__main__":
    main()
