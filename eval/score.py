"""Scoring ingest results against the truth of synthetic captures."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from gloss.ingest import Article

from eval.captures import Capture

FIELDS = ("title", "authors", "date", "url", "subtitle")


def _words(paragraphs: list[str]) -> tuple[list[str], set[int]]:
    """All words, and the word positions after which a paragraph ends (not the last)."""
    words: list[str] = []
    breaks: set[int] = set()
    for paragraph in paragraphs:
        words.extend(paragraph.split())
        breaks.add(len(words))
    breaks.discard(len(words))
    return words, breaks


@dataclass
class Scores:
    captures: int = 0
    true_breaks: int = 0
    found_breaks: int = 0
    right_breaks: int = 0
    truth_words: int = 0
    lost_words: int = 0
    debris_lines: int = 0
    debris_left: int = 0
    failed: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mistakes: list[str] = field(default_factory=list)

    def add(self, capture: Capture, article: Article | None, error: str | None = None) -> None:
        self.captures += 1
        truth_words, truth_breaks = _words(capture.paragraphs)
        self.true_breaks += len(truth_breaks)
        self.truth_words += len(truth_words)
        self.debris_lines += len(capture.debris)
        if article is None:
            self.failed += 1
            self.lost_words += len(truth_words)
            self.mistakes.append(f"{capture.article.id}: failed: {error}")
            return
        words, breaks = _words(article.paragraphs)
        # Align the two word sequences (dehyphenation or losses may shift positions) and map
        # each found break to a truth position.
        matcher = difflib.SequenceMatcher(None, truth_words, words, autojunk=False)
        mapped: set[int] = set()
        lost = 0
        for tag, t1, t2, w1, w2 in matcher.get_opcodes():
            if tag == "equal":
                mapped.update(t1 + (b - w1) for b in breaks if w1 < b <= w2)
            else:
                lost += t2 - t1
                mapped.update(t2 for b in breaks if w1 < b <= w2)
        self.lost_words += lost
        if lost:
            self.mistakes.append(
                f"{capture.article.id}: {lost} words lost ({' '.join(capture.traits)})"
            )
        self.found_breaks += len(breaks)
        right = len(mapped & truth_breaks)
        self.right_breaks += right
        if right != len(truth_breaks) or len(breaks) != len(truth_breaks):
            self.mistakes.append(
                f"{capture.article.id}: breaks {len(breaks)} found, {len(truth_breaks)} true, {right} right ({' '.join(capture.traits)})"
            )
        # A debris line is left over when the output contains it more often than the truth
        # does (a footer's "Twitter" may also be a word of the article).
        body = "\n".join(article.paragraphs + [article.title or "", article.subtitle or ""])
        truth = "\n".join([*capture.paragraphs, capture.title])
        left = [line for line in set(capture.debris) if body.count(line) > truth.count(line)]
        self.debris_left += len(left)
        if left:
            self.mistakes.append(f"{capture.article.id}: debris left: {left}")
        got = {
            "title": article.title,
            "authors": article.authors,
            "date": article.date[:10] if article.date else None,
            "url": article.url,
            "subtitle": article.subtitle,
        }
        want = {
            "title": capture.title,
            "authors": capture.authors,
            "date": capture.date,
            "url": capture.url,
            "subtitle": None,
        }
        for name in FIELDS:
            if got[name] == want[name]:
                self.field_right[name] += 1
            else:
                self.mistakes.append(
                    f"{capture.article.id}: {name}: got {got[name]!r}, want {want[name]!r} ({' '.join(capture.traits)})"
                )

    @property
    def precision(self) -> float:
        return self.right_breaks / self.found_breaks if self.found_breaks else 1.0

    @property
    def recall(self) -> float:
        return self.right_breaks / self.true_breaks if self.true_breaks else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_right[name] / self.captures if self.captures else 0.0

    @property
    def words_lost(self) -> float:
        return self.lost_words / self.truth_words if self.truth_words else 0.0

    def report(self, label: str) -> str:
        fields = "  ".join(f"{name} {100 * self.accuracy(name):.1f}%" for name in FIELDS)
        return (
            f"{label}: {self.captures} captures, {self.failed} failed\n"
            f"  paragraph breaks: precision {self.precision:.4f}  recall {self.recall:.4f}  F1 {self.f1:.4f}"
            f"  ({self.right_breaks} right of {self.true_breaks} true, {self.found_breaks} found)\n"
            f"  metadata: {fields}\n"
            f"  debris lines left: {self.debris_left} of {self.debris_lines}\n"
            f"  body words lost: {100 * self.words_lost:.3f}% ({self.lost_words} of {self.truth_words})"
        )


# Targets from issue 2.
TARGETS = {"f1": 0.97, "field": 0.95, "debris_left": 0, "words_lost": 0.005}


def misses(scores: Scores) -> list[str]:
    """The targets this run misses (empty when all are met)."""
    missed = []
    if scores.f1 < TARGETS["f1"]:
        missed.append(f"break F1 {scores.f1:.4f} < {TARGETS['f1']}")
    for name in FIELDS:
        if scores.accuracy(name) < TARGETS["field"]:
            missed.append(f"{name} accuracy {scores.accuracy(name):.3f} < {TARGETS['field']}")
    if scores.debris_left > TARGETS["debris_left"]:
        missed.append(f"{scores.debris_left} debris lines left")
    if scores.words_lost > TARGETS["words_lost"]:
        missed.append(f"words lost {scores.words_lost:.4f} > {TARGETS['words_lost']}")
    return missed
