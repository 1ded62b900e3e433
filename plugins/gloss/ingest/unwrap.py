"""Hard-wrapped body lines → paragraphs.

Captures copied from web pages are wrapped at some width (which differs between captures)
with no blank line between paragraphs. A line ends a paragraph when three things agree:

* geometry: the next line's first word would have fitted at the end of this line, so the
  wrapper did not push it down, something else ended the line;
* punctuation: this line ends a sentence (not an abbreviation such as "Mr.");
* capitalisation: the next line starts like a sentence (capital, digit, quote, bracket).

A line that ends a sentence and whose successor's first word would *not* have fitted is
ambiguous: a full last line of a paragraph and a sentence that happens to end at a wrap look
the same. There the paragraph's length decides: news paragraphs are short, so if going on
would make the paragraph much longer than this capture's typical paragraph, we break.

Blank lines always end a paragraph, so captures with blank-line paragraphs keep them. Words
hyphenated across lines are joined; the hyphen stays for real compounds (see
``data/ingest_text.yml``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cache

from gloss.ingest.data import load_yaml

# Lines this long on average were not wrapped at all: one line is one paragraph.
UNWRAPPED_LINE_LENGTH = 160

_CLOSERS = "\"'”’»)]›"
_SENTENCE_END = re.compile(r"[.!?…][" + re.escape(_CLOSERS) + r"]*$|[.!?…]\s*[”\"»]$")
_OPENERS = "\"'“‘«([¿¡—–-"


@dataclass
class Paragraphs:
    paragraphs: list[str]
    line_paragraph: dict[int, int]  # raw line index → paragraph index
    wrap_width: int


@cache
def _text_cues() -> dict:
    data = load_yaml("ingest_text.yml")
    return {
        "abbreviations": {a.lower() for a in data["abbreviations"]},
        "prefixes": {p.lower() for p in data["compound_prefixes"]},
        "endings": {e.lower() for e in data["split_endings"]},
    }


def ends_sentence(line: str) -> bool:
    line = line.rstrip()
    if not _SENTENCE_END.search(line):
        return False
    last = line.split()[-1].lower().rstrip(_CLOSERS)
    # "Mr." ends no sentence; a single capital and a dot ("John F.") neither.
    return last not in _text_cues()["abbreviations"] and not re.fullmatch(r"[a-z]\.", last)


def starts_sentence(line: str) -> bool:
    first = line.lstrip()[:1]
    return bool(first) and (first.isupper() or first.isdigit() or first in _OPENERS)


def estimate_wrap_width(lengths: list[int]) -> int:
    """The width the capture was wrapped at: its longest lines, ignoring a rare outlier."""
    if not lengths:
        return 0
    ordered = sorted(lengths)
    longest = ordered[-1]
    high = ordered[int(0.9 * (len(ordered) - 1))]
    # A lone line much longer than the rest (a URL, an unwrapped quote) is not the width.
    return high if longest > high * 1.25 and len(ordered) >= 5 else longest


def _first_word(line: str) -> str:
    words = line.split()
    return words[0] if words else ""


def _is_subheading(line: str, previous: str | None, following: str | None, width: int) -> bool:
    """A short title-like line between two sentences (a crosshead inside the article)."""
    words = line.split()
    if not words or len(words) > 8 or len(line) > 0.6 * width:
        return False
    if line.rstrip()[-1:] in ".,;:!?…" + _CLOSERS or not line.lstrip()[:1].isupper():
        return False
    if previous is not None and not ends_sentence(previous):
        return False
    return following is not None and starts_sentence(following)


def join_lines(left: str, right: str, vocabulary: set[str]) -> str:
    """Join two wrapped lines, deciding what a hyphen at the end of ``left`` means."""
    left = left.rstrip()
    right = right.lstrip()
    if left.endswith("\u00ad"):  # a soft hyphen: always a typesetting split
        return left[:-1] + right
    match = re.search(r"(\w+)-$", left)
    if not match or left.endswith("--"):
        return f"{left} {right}"
    head = match.group(1)
    tail_word = re.match(r"[\w'’]+", right)
    if not tail_word or not right[:1].islower():
        return left + right  # "China-" + "Russia": a compound, keep the hyphen
    tail = tail_word.group(0)
    joined = (head + tail).lower()
    hyphenated = f"{head}-{tail}".lower()
    cues = _text_cues()
    if hyphenated in vocabulary:
        keep = True
    elif joined in vocabulary:
        keep = False
    elif head.lower() in cues["prefixes"]:
        keep = True
    elif tail.lower() in cues["endings"]:
        keep = False
    else:
        keep = True
    return left + right if keep else left[:-1] + right


def _vocabulary(lines: list[str]) -> set[str]:
    """Words used in the capture (to tell "co-operate" from "cooper-ate")."""
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", line))
    return words


def unwrap(lines: list[str], indices: list[int]) -> Paragraphs:
    """Paragraphs of body ``lines`` (raw text; ``indices`` are their raw line numbers)."""
    stripped = [line.strip() for line in lines]
    present = [(i, s) for i, s in zip(indices, stripped, strict=True) if s]
    if not present:
        return Paragraphs([], {}, 0)
    lengths = [len(s) for _, s in present]
    width = estimate_wrap_width(lengths)
    unwrapped = statistics.median(lengths) > UNWRAPPED_LINE_LENGTH
    vocabulary = _vocabulary(stripped)

    # Group lines: hard breaks (blank lines, certain paragraph ends) and soft ones (the
    # ambiguous case, settled below).
    groups: list[list[tuple[int, str]]] = [[]]
    ambiguous_after: set[int] = set()  # group indices that may end in an ambiguous break
    previous_blank = True
    count = len(stripped)
    for position in range(count):
        text = stripped[position]
        if not text:
            if groups[-1]:
                groups.append([])
            previous_blank = True
            continue
        groups[-1].append((indices[position], text))
        following = stripped[position + 1] if position + 1 < count else None
        previous = None if previous_blank else (stripped[position - 1] or None)
        previous_blank = False
        if not following:
            continue
        if unwrapped:
            groups.append([])
            continue
        fits = len(text) + 1 + len(_first_word(following)) <= width
        if ends_sentence(text) and starts_sentence(following):
            groups.append([])
            if not fits:
                ambiguous_after.add(len(groups) - 2)
        elif _is_subheading(
            text, previous, stripped[position + 2] if position + 2 < count else None, width
        ) or (
            _is_subheading(
                following, text, stripped[position + 2] if position + 2 < count else None, width
            )
            and ends_sentence(text)
        ):
            groups.append([])
    groups = [g for g in groups if g] if groups[-1] == [] else groups

    merged = _settle_ambiguous(groups, ambiguous_after)
    paragraphs: list[str] = []
    line_paragraph: dict[int, int] = {}
    for group in merged:
        text = group[0][1]
        for _, line in group[1:]:
            text = join_lines(text, line, vocabulary)
        line_paragraph.update({index: len(paragraphs) for index, _ in group})
        paragraphs.append(" ".join(text.split()))
    return Paragraphs(paragraphs, line_paragraph, width)


def _settle_ambiguous(
    groups: list[list[tuple[int, str]]], ambiguous_after: set[int]
) -> list[list[tuple[int, str]]]:
    """Merge each ambiguous break back unless the paragraph would grow unusually long."""
    if not ambiguous_after:
        return groups
    sure_lengths = [
        sum(len(t) for _, t in g)
        for k, g in enumerate(groups)
        if k not in ambiguous_after and (k - 1) not in ambiguous_after
    ]
    typical = statistics.median(sure_lengths) if sure_lengths else None
    merged: list[list[tuple[int, str]]] = []
    for k, group in enumerate(groups):
        if merged and (k - 1) in ambiguous_after:
            current = sum(len(t) for _, t in merged[-1])
            incoming = sum(len(t) for _, t in group)
            if typical is None or current + incoming <= LONG_PARAGRAPH * typical:
                merged[-1] = merged[-1] + group
                continue
        merged.append(list(group))
    return merged


# An ambiguous break is kept when merging would make the paragraph this many times longer
# than the capture's typical (median) paragraph.
LONG_PARAGRAPH = 2.0
