"""The language of an article's body, from its commonest function words.

Good enough to tell the languages of ``data/ingest_languages.yml`` apart on a news article
(hundreds of words); it answers None for text too short or too unlike any of them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from gloss.ingest.data import load_yaml

MIN_WORDS = 20
MIN_SHARE = 0.12  # the winner's function words must be at least this share of all words


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    return {
        lang: frozenset(str(w) for w in words)
        for lang, words in load_yaml("ingest_languages.yml").items()
    }


def detect_language(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in vocab) for lang, vocab in _lexicon().items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= MIN_SHARE * len(words) else None
