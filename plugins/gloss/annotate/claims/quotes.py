"""Quotation marks: where direct quotes start and end in a text, paragraph by paragraph.

Curly marks (“ ”) pair unambiguously; a straight mark (") opens when no quote is open and
closes otherwise. Quotes never cross a paragraph break, except by the journalistic
convention: a quote still open at the end of a paragraph whose next paragraph opens with a
quotation mark continues there (the closing mark is left off on purpose).

Curly single quotes (‘ ’), the British style, are read in paragraphs that have no double
quotation marks (elsewhere they are quotes inside quotes): ‘ opens after a space or an opening
punctuation, and the first ’ not followed by a letter closes (so "don’t" and "it’s" do not, nor the
plural possessive in "the players’ decision").
Straight single quotes are never read: they cannot be told from apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_MARKS = "“«„"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
SINGLE_OPENING = "‘"
SINGLE_CLOSING = "’"
QUOTE_MARKS = OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class QuoteSegment:
    """The part of one quotation that lies in one paragraph.

    ``open`` is the offset of the opening mark, ``close`` that of the closing mark (None when
    the quote runs to the end of the paragraph); ``start``/``end`` bound the quoted words
    (without marks and surrounding spaces). ``continues`` is True when the quotation goes on
    in the next paragraph.
    """

    open: int
    close: int | None
    start: int
    end: int
    paragraph: int
    continues: bool = False


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, surrounding space excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_with_quote(text: str, span: tuple[int, int]) -> bool:
    return text[span[0] : span[0] + 1] in (OPENING_MARKS + STRAIGHT_MARK) and span[1] > span[0]


def find_quotes(text: str) -> list[QuoteSegment]:
    """Every quote segment in ``text``, in order (see the module docstring for the rules)."""
    paragraphs = paragraph_spans(text)
    segments: list[QuoteSegment] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        paragraph = text[p_start:p_end]
        if SINGLE_OPENING in paragraph and not any(m in paragraph for m in QUOTE_MARKS):
            segments.extend(_single_quotes(text, paragraphs, number))
            continue
        open_at: int | None = None
        for i in range(p_start, p_end):
            char = text[i]
            if char in OPENING_MARKS:
                if open_at is None:
                    open_at = i
            elif char in CLOSING_MARKS or char == STRAIGHT_MARK:
                if open_at is not None:
                    start, end = _inner(text, open_at + 1, i)
                    if end > start:
                        segments.append(QuoteSegment(open_at, i, start, end, number))
                    open_at = None
                elif char == STRAIGHT_MARK and not (i > p_start and text[i - 1].isdigit()):
                    open_at = i  # (after a digit it is an inch or seconds sign: 12" screen)
        if open_at is not None:
            start, end = _inner(text, open_at + 1, p_end)
            continues = number + 1 < len(paragraphs) and _opens_with_quote(
                text, paragraphs[number + 1]
            )
            # An unclosed mark that does not start a real quote (a stray inch sign, a typo at
            # the end) is dropped unless the quote visibly goes on in the next paragraph.
            if end > start and (continues or _looks_like_quote_start(text, open_at)):
                segments.append(QuoteSegment(open_at, None, start, end, number, continues))
    return segments


def _single_quotes(text: str, paragraphs: list[tuple[int, int]], number: int) -> list[QuoteSegment]:
    """‘British-style’ quotes in one paragraph (see the module docstring)."""
    p_start, p_end = paragraphs[number]
    found: list[QuoteSegment] = []
    open_at: int | None = None
    for i in range(p_start, p_end):
        char = text[i]
        if char == SINGLE_OPENING and open_at is None:
            before = text[i - 1] if i > p_start else " "
            if before.isspace() or before in "(:,—–-":
                open_at = i
        elif char == SINGLE_CLOSING and open_at is not None:
            after = text[i + 1] if i + 1 < len(text) else " "
            rest = text[i + 1 : i + 3].lstrip()
            # "the players’ decision": a plural possessive, not a closing quote.
            possessive = text[i - 1] == "s" and after.isspace() and rest[:1].islower()
            if not after.isalpha() and not possessive:
                start, end = _inner(text, open_at + 1, i)
                if end > start:
                    found.append(QuoteSegment(open_at, i, start, end, number))
                open_at = None
    if open_at is not None:
        start, end = _inner(text, open_at + 1, p_end)
        nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        continues = nxt is not None and text[nxt[0] : nxt[0] + 1] == SINGLE_OPENING
        if end > start and continues:
            found.append(QuoteSegment(open_at, None, start, end, number, True))
    return found


def _looks_like_quote_start(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "(:,—–-") and (after.isalnum() or after in ".[")


def chain_quotations(segments: list[QuoteSegment]) -> list[list[QuoteSegment]]:
    """Group segments into quotations: a segment that ``continues`` joins the next one."""
    chains: list[list[QuoteSegment]] = []
    current: list[QuoteSegment] = []
    for segment in segments:
        if current and current[-1].continues and segment.paragraph == current[-1].paragraph + 1:
            current.append(segment)
        else:
            if current:
                chains.append(current)
            current = [segment]
    if current:
        chains.append(current)
    return chains
