"""Ingest quality on synthetic captures of Wikinews articles (eval/): issue 2's targets.

A smaller deterministic run than `python -m eval.ingest` (which reports both splits): the
held-out split only (a quarter of the corpus, never used for tuning), three fixed seeds
pooled (one seed's F1 varies by about ±0.005 around the pooled figure). The
scorer itself is checked on a deliberately bad ingest, so that this test can fail.
"""

from __future__ import annotations

import pytest

from eval.corpus import CORPUS, load_corpus
from eval.ingest import evaluate
from eval.score import Scores, misses

pytestmark = pytest.mark.skipif(
    not CORPUS.exists(), reason=f"corpus not found at {CORPUS} (set GLOSS_CORPUS)"
)


@pytest.fixture(scope="module")
def held_out():
    return [a for a in load_corpus() if a.held_out]


def test_targets_on_held_out_subset(held_out):
    scores = evaluate(held_out, seed=(1, 2, 3))
    assert scores.captures == 3 * len(held_out) > 240
    assert misses(scores) == [], (
        scores.report("held-out subset") + "\n" + "\n".join(scores.mistakes[:20])
    )


def test_scorer_catches_a_bad_ingest(held_out):
    """One paragraph per line, footer kept, no metadata: every target must be missed."""
    from gloss.ingest import Article
    from gloss.ingest.decode import decode_bytes

    from eval.captures import make_captures

    scores = Scores()
    for capture in make_captures(held_out[:20], seed=7):
        text, _ = decode_bytes(capture.data)
        scores.add(
            capture,
            Article(source="x", paragraphs=[line for line in text.splitlines() if line.strip()]),
        )
    missed = " ".join(misses(scores))
    for target in ("break F1", "title", "authors", "date", "url", "debris"):
        assert target in missed
