"""Pick the held-out articles from the shared Wikinews corpus by a fixed rule (see README.md).

Rule: sort the corpus by sha256(id); skip the dev gold articles (same title), the archive's
sample content (id in content/sources/), interviews; keep 4-12 paragraphs and >= 3 occurrences
of said/says/told/according to; take the first 15 (or COUNT).  Prints one line per pick: id, url.

Usage: python3 eval/heldout/pick_articles.py [COUNT]
"""

import hashlib
import json
import re
import sys
from pathlib import Path

CORPUS = Path("/work/shared/corpus/wikinews.jsonl")
DEV_GOLD = Path("/work/shared/dev/wikinews-gold")
SOURCES = Path(__file__).resolve().parents[2] / "content" / "sources"
ATTRIBUTION = re.compile(r"\b(said|says|told|according to)\b")


def pick(count: int = 15) -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    dev_titles = {json.loads(p.read_text())["title"].lower() for p in DEV_GOLD.glob("*.json")}
    # archive files are named wikinews-<id>.txt, with the id cut at 80 characters
    sample_ids = [p.stem.removeprefix("wikinews-") for p in SOURCES.glob("wikinews-*.txt")]
    chosen = []
    for row in sorted(rows, key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest()):
        if row["title"].lower() in dev_titles or "interview" in row["id"]:
            continue
        if any(row["id"].startswith(s) or s.startswith(row["id"]) for s in sample_ids):
            continue
        if not 4 <= len(row["paragraphs"]) <= 12:
            continue
        if len(ATTRIBUTION.findall(" ".join(row["paragraphs"]))) < 3:
            continue
        chosen.append(row)
        if len(chosen) == count:
            break
    return chosen


if __name__ == "__main__":
    # an optional count: `pick_articles.py 30 | tail -n 15` gives the next set in the same order
    for row in pick(int(sys.argv[1]) if len(sys.argv) > 1 else 15):
        print(row["id"], row["url"])
