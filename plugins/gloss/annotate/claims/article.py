"""The parsed article as the claim finder sees it: paragraphs, sentences that never cross a
paragraph break, quotation segments, entity mentions; and the claim being built (Draft)
with the helpers that shape its content span (trim, mode).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon
from .quotes import QUOTE_MARKS, QuoteSegment, find_quotes, paragraph_spans
from .speakers import EntityIndex, Source

Span = tuple[int, int]  # (start, end) character offsets, end exclusive

# A paragraph this short without final punctuation is a headline or a caption.
HEADLINE_MAX_WORDS = 20
SENTENCE_END = re.compile(r"[.!?]")
# Trimmed from both ends of a content span.
EDGE_PUNCTUATION = " \t\n,;:.–—-"
# 'wrote that "C"': a quotation after "that" is reported speech that quotes (mixed).
THAT_BEFORE = re.compile(r"\bthat\s*[\"“‘]?\s*$", re.IGNORECASE)


@dataclass
class Draft:
    """A claim being built: spans are (start, end) character offsets."""

    content: tuple[int, int]
    cue_lemma: str
    cue: tuple[int, int] | None
    source: Source
    mode: str
    anchor: int  # where the speaker is looked for (pronoun resolution order)
    speaker_token: Any = None
    floating: bool = False
    cue_token: int | None = None


class Article:
    """The parsed text with the lookups every rule needs."""

    def __init__(self, doc: Any, entities: list[Any], lexicon: Lexicon):
        self.doc = doc
        self.text: str = doc.text
        self.lexicon = lexicon
        self.index = EntityIndex(entities, self.text)
        self.index.learn_gender(lexicon.given_names)
        self.paragraphs = paragraph_spans(self.text)
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self.segments = find_quotes(self.text)
        self._segment_opens = [seg.open for seg in self.segments]
        self._token_starts = [t.idx for t in doc]
        self.sentences = _paragraph_sentences(doc)
        self._sentence_of = {i: n for n, (a, b) in enumerate(self.sentences) for i in range(a, b)}
        # Paragraphs whose statements are not attributed claims: headlines and captions, and
        # the turns of an interview transcript (kept under the old name used by the rules).
        self.headline_paragraphs = {
            i for i, (s, e) in enumerate(self.paragraphs) if _looks_like_headline(self.text[s:e])
        } | _transcript_paragraphs([self.text[s:e] for s, e in self.paragraphs])

    def sentence(self, token: Any) -> Any:
        """The sentence of ``token`` as a Span, never crossing a paragraph break."""
        n = self._sentence_of.get(token.i)
        if n is None:
            return token.sent
        start, end = self.sentences[n]
        return self.doc[start:end]

    def previous_sentences(self, token: Any, limit: int) -> list[Any]:
        """Up to ``limit`` sentences before the one of ``token``, nearest first."""
        n = self._sentence_of.get(token.i)
        if n is None:
            return []
        return [self.doc[a:b] for a, b in reversed(self.sentences[max(0, n - limit) : n])]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def token_at(self, offset: int) -> Any:
        """The token covering ``offset``, or the next one."""
        i = bisect.bisect_right(self._token_starts, offset) - 1
        i = max(0, i)
        token = self.doc[i]
        if token.idx + len(token.text) <= offset and i + 1 < len(self.doc):
            token = self.doc[i + 1]
        return token

    def inside_quote(self, offset: int) -> bool:
        """True when ``offset`` lies between a quote's marks (segments do not overlap)."""
        i = bisect.bisect_left(self._segment_opens, offset) - 1
        if i < 0:
            return False
        seg = self.segments[i]
        end = seg.close if seg.close is not None else seg.end
        return seg.open < offset < end

    def quotes_within(self, start: int, end: int) -> list[QuoteSegment]:
        return [s for s in self.segments if s.start < end and s.end > start]


def _paragraph_sentences(doc: Any) -> list[tuple[int, int]]:
    """spaCy's sentences, cut again at paragraph breaks (the parser sometimes runs a sentence
    over a blank line), as (first token, end token) pairs without the blank-line tokens."""
    sentences: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and token.text.count("\n") >= 2:
                end = token.i if token.is_space else token.i + 1
                if end > start:
                    sentences.append((start, end))
                start = token.i + 1
        if sent.end > start:
            sentences.append((start, sent.end))
    return [(a, b) for a, b in sentences if not all(t.is_space for t in doc[a:b])]


# "Nick Bos: ...", "Wikinews: ...": a turn of an interview transcript opens with its speaker.
TURN_LABEL = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:\s")
# A transcript has at least this many labelled turns, and some speaker speaks twice.
TRANSCRIPT_MIN_TURNS = 3


def _transcript_paragraphs(paragraphs: list[str]) -> set[int]:
    """The paragraphs of an interview transcript ("Name: answer" turns), from its first turn
    to its last, unlabelled continuation paragraphs included. A turn is the labelled
    speaker's own words, not reported speech: the transcript has no claims (speech reported
    inside a turn is inside someone's words, as inside a quotation)."""
    labels = {i: m.group(0)[:-2] for i, p in enumerate(paragraphs) if (m := TURN_LABEL.match(p))}
    if len(labels) < TRANSCRIPT_MIN_TURNS or len(set(labels.values())) == len(labels):
        return set()
    return set(range(min(labels), max(labels) + 1))


def _looks_like_headline(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    return (
        bool(stripped)
        and stripped[-1] not in '.!?"”’)…'
        and len(stripped.split()) <= HEADLINE_MAX_WORDS
    )


def span_of(tokens_start: Any, tokens_end: Any) -> tuple[int, int]:
    return tokens_start.idx, tokens_end.idx + len(tokens_end.text)


def trim(text: str, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Drop spaces and punctuation at both ends, a leading "that", unbalanced quote marks."""
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        # (lower case only: a sentence-initial "That is wrong, he said" keeps its word)
        if text[start : start + 5] == "that " and end - start > 5:
            start += 5
        if text[start:end].count('"') % 2 == 1 or not keep_quotes:
            if end > start and text[end - 1] in QUOTE_MARKS and text[start] not in QUOTE_MARKS:
                end -= 1
            elif end > start and text[start] in QUOTE_MARKS:
                start += 1
        if (start, end) == before:
            return start, end


def unquote(article: Article, span: tuple[int, int]) -> tuple[int, int]:
    """A content that is exactly one quotation, marks included, without its marks."""
    start, end = span
    if THAT_BEFORE.search(article.text[max(0, start - 8) : start]):
        return span  # 'wrote that "C"': reported speech that quotes, a mixed claim
    for seg in article.quotes_within(start, end):
        if seg.open == start and seg.close is not None and seg.close in (end - 1, end - 2):
            return trim(article.text, seg.start, seg.end, keep_quotes=False)
    return span


def mode_of(article: Article, start: int, end: int) -> str:
    """ "direct" when the content is all quoted, "mixed" when it contains quoted words."""
    text = article.text[start:end]
    segments = article.quotes_within(start, end)
    after_that = THAT_BEFORE.search(article.text[max(0, start - 8) : start])
    if not after_that and any(seg.start <= start and end <= seg.end for seg in segments):
        return "direct"  # '"C," according to X': the content is the quotation itself
    quoted = any(mark in text for mark in QUOTE_MARKS) or segments
    return "mixed" if quoted else "indirect"
