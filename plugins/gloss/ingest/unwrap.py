"""Hard-wrapped body lines → paragraphs.

Captures copied from web pages are wrapped at some width (which differs between captures)
with no blank line between paragraphs. A line ends a paragraph when three things agree:

* geometry: the next line's first word would have fitted at the end of this line, so the
  wrapper did not push it down, something else ended the line;
* punctuation: this line ends a sentence (not an abbreviation such as "Mr.");
* capitalisation: the next line starts like a sentence (capital, digit, quote, bracket).

A line that ends a sentence and whose successor's first word would *not* have fitted is
ambiguous: a full last line of a paragraph and a sentence that happens to end at a wrap look
the same. The capture itself tells which is likelier (:func:`ambiguous_breaks_are_ends`): a
sentence ending inside a paragraph falls at a wrap about once per line's worth of words, so
the sentence ends we see *inside* lines predict how many ambiguous lines are mere wraps; the
paragraph ends we are sure of predict how many full last lines to expect. Captures written
one sentence per paragraph (like the seed) break there; captures of long paragraphs do not.

In interview transcripts, a line starting with a speaker label that recurs ("Wikinews:",
"Jane Doe:") starts a paragraph; in captures that indent first lines, an indented line does.

Blank lines always end a paragraph, so captures with blank-line paragraphs keep them. Words
hyphenated across lines are joined; the hyphen stays for real compounds (see
``data/ingest_text.yml``), and, when nothing explains it, unless the capture was hyphenated
by a typesetter (a PDF: :func:`is_typeset`).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cache

from gloss.ingest.data import load_yaml

# Lines this long on average were not wrapped at all: one line is one paragraph.
UNWRAPPED_LINE_LENGTH = 160
# How many times likelier a paragraph end must be than a wrap before an ambiguous line is
# read as a paragraph end. Above 1 because the expected counts are rough (tuned on the
# evaluation set's tuning split; see docs/ingest.md).
AMBIGUOUS_ODDS = 2.0

_CLOSERS = "\"'”’»)]›"
_SENTENCE_END = re.compile(r"[.!?…।][" + re.escape(_CLOSERS) + r"]*$|[.!?…]\s*[”\"»]$")
# "Jane Doe:" or "Q:" at the start of a line: a speaker's turn in an interview transcript.
_SPEAKER = re.compile(r"^((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s")
_LAST_WORD_HYPHEN = re.compile(r"(\w+)-$")
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
        "syllable_prefixes": {p.lower() for p in data["syllable_prefixes"]},
        "endings": {e.lower() for e in data["split_endings"]},
        "continuation": {str(w).lower() for w in data["continuation_words"]},
    }


# Footnote markers after a sentence's full stop: "said.[3]", "said.²", "said.*".
_FOOTNOTE_MARK = re.compile(
    r"(?<=[.!?…\"'”’)])(?:\[\d{1,3}\]|\[[a-z]\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡])+$"
)


_FOOTNOTE_ENDS = set("]*†‡¹²³⁴⁵⁶⁷⁸⁹⁰")


def ends_sentence(line: str) -> bool:
    line = line.rstrip()
    if line[-1:] in _FOOTNOTE_ENDS:
        line = _FOOTNOTE_MARK.sub("", line)
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


def ends_open(line: str) -> bool:
    """Does the line end with a word that needs more ("the", "of", "and")?"""
    words = line.split()
    return bool(words) and words[-1].lower().strip("\"'“”‘’()") in _text_cues()["continuation"]


def is_deck_line(line: str, following: str | None, width: int) -> bool:
    """The first body line as a deck: no sentence end and no comma, ends on a lower-case
    content word, the next line starts a sentence and would have fitted after it."""
    words = line.split()
    if not words or following is None or len(words) > 30 or _SPEAKER.match(line):
        return False
    if "," in line:
        return False  # "On Monday, the agency": a sentence cut short, not a headline-like deck
    if line.rstrip()[-1:] in ".,;:!?…" + _CLOSERS or not line[:1].isupper():
        return False
    last = words[-1]
    if not last[:1].islower() or ends_open(line):
        return False
    return starts_sentence(following) and len(line) + 1 + len(_first_word(following)) <= width


# A line that ends without punctuation ends a paragraph when the next line starts a sentence
# and its first word would have fitted with room to spare (this share of the width).
UNPUNCTUATED_ROOM = 0.85


def _unpunctuated_end(line: str, following: str, width: int) -> bool:
    """A paragraph that ends without punctuation (an attribution, a list item, a truncated
    repost): short line, last word a lower-case content word, next line starts a sentence.
    Stray short lines inside a sentence end on a function word or before lower case."""
    if line.rstrip()[-1:] in ".,;:!?…" + _CLOSERS or ends_sentence(line) or ends_open(line):
        return False
    last = line.split()[-1]
    if not last[:1].islower() or not starts_sentence(following):
        return False
    return len(line) + 1 + len(_first_word(following)) <= UNPUNCTUATED_ROOM * width


def _is_subheading(line: str, previous: str | None, following: str | None, width: int) -> bool:
    """A short title-like line between two sentences (a crosshead inside the article)."""
    words = line.split()
    if not words or len(words) > 8 or len(line) > 0.6 * width:
        return False
    if ends_open(line) or _SPEAKER.match(line):
        return False
    if line.rstrip()[-1:] in ".,;:!?…" + _CLOSERS or not line.lstrip()[:1].isupper():
        return False
    if previous is not None and not ends_sentence(previous):
        return False
    return following is not None and starts_sentence(following)


def join_lines(left: str, right: str, vocabulary: set[str], typeset: bool = False) -> str:
    """Join two wrapped lines, deciding what a hyphen at the end of ``left`` means.
    ``typeset``: the capture was hyphenated by a typesetter (a PDF), so a hyphen that
    nothing explains is a split, not a compound's."""
    left = left.rstrip()
    right = right.lstrip()
    if left.endswith("\u00ad"):  # a soft hyphen: always a typesetting split
        return left[:-1] + right
    if not left.endswith("-") or left.endswith("--"):
        return f"{left} {right}"
    match = _LAST_WORD_HYPHEN.search(left[-64:])
    if not match:
        return f"{left} {right}"
    head = match.group(1)
    tail_word = re.match(r"[\w'’]+", right)
    if not tail_word or not right[:1].islower():
        return left + right  # "China-" + "Russia": a compound, keep the hyphen
    tail = tail_word.group(0)
    joined = (head + tail).lower()
    hyphenated = f"{head}-{tail}".lower()
    cues = _text_cues()
    # "25-" / "year-old", "denial-of-" / "service", "without-" / "any-soul": a number, or a
    # chain of hyphens, is a compound; typesetters split plain words only.
    chained = left[: -len(head) - 1].endswith("-") or right[len(tail) : len(tail) + 1] == "-"
    if hyphenated in vocabulary or chained or any(c.isdigit() for c in head):
        keep = True
    elif joined in vocabulary:
        keep = False
    elif typeset and head.lower() in cues["syllable_prefixes"]:
        keep = False  # "pro-" / "vides": in a typeset text, a first syllable like any other
    elif head.lower() in cues["prefixes"]:
        keep = True
    elif tail.lower() in cues["endings"]:
        keep = False
    else:
        keep = not typeset  # browsers break lines only at real hyphens; typesetters anywhere
    return left + right if keep else left[:-1] + right


# A capture is typeset (hyphenated by a PDF's typesetter) when at least this many line-end
# splits are fragments (see :func:`is_typeset`), and at least this share of all of them.
TYPESET_MIN_FRAGMENTS = 2
TYPESET_FRAGMENT_SHARE = 0.5
_SPLIT_HEAD = re.compile(r"(\w+)-$")
_SPLIT_TAIL = re.compile(r"[\w'’]+")


def is_typeset(stripped: list[str]) -> bool:
    """Was this capture hyphenated by a typesetter (a PDF), not wrapped by a browser?

    A browser breaks a line only after a real hyphen, so both halves of a split are words
    ("well-" / "known"); a typesetter splits long words anywhere ("infor-" / "mation"), and
    its halves are fragments: neither is used as a word anywhere else in the capture. A
    capture with several such fragment splits, making up most of its splits, was typeset.
    """
    splits: list[tuple[str, str]] = []
    edges: set[int] = set()  # lines whose first word continues a split
    for position, (line, following) in enumerate(zip(stripped, stripped[1:], strict=False)):
        if not line.endswith("-"):
            continue
        head = _SPLIT_HEAD.search(line)
        tail = _SPLIT_TAIL.match(following)
        if head and tail and not line.endswith("--") and following[:1].islower():
            splits.append((head.group(1).lower(), tail.group(0).lower()))
            edges.add(position + 1)
    if len(splits) < TYPESET_MIN_FRAGMENTS:
        return False
    words: set[str] = set()
    for position, line in enumerate(stripped):
        found = [w.lower() for w in re.findall(r"\w+", line)]
        if line.endswith("-") and found:
            found = found[:-1]
        if position in edges and found:
            found = found[1:]
        words.update(found)
    prefixes = _text_cues()["prefixes"]
    fragments = sum(
        1
        for head, tail in splits
        if head not in words and tail not in words and head not in prefixes
    )
    return fragments >= TYPESET_MIN_FRAGMENTS and fragments >= TYPESET_FRAGMENT_SHARE * len(splits)


def _vocabulary(lines: list[str]) -> set[str]:
    """Words used in the capture (to tell "co-operate" from "cooper-ate")."""
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", line))
    return words


def estimate_slack(stripped: list[str], width: int) -> int:
    """How much narrower than ``width`` a line may be wrapped in this capture.

    Text copied from a page in a proportional font wraps at a width that varies a little from
    line to line. On the lines that certainly go on (no sentence end, the next line starts in
    lower case) the wrapper pushed the next word down, so ``len + 1 + next word`` exceeds the
    width; by how much it falls short of the width on the tightest of them (ignoring the few
    stray short lines) is the slack we must allow before believing that a word "would have
    fitted".
    """
    shortfalls: list[int] = []
    for text, following in zip(stripped, stripped[1:], strict=False):
        if text and following and not ends_sentence(text) and following[:1].islower():
            shortfalls.append(width - (len(text) + 1 + len(_first_word(following))))
    if len(shortfalls) < 10:
        return 0
    # Stray short lines fall far short of the width: leave out every shortfall beyond the
    # most slack we accept (an eighth of the width), then the largest one left, in case it is
    # a stray line that happened to be nearly full.
    cap = width // 8
    small = sorted((s for s in shortfalls if s <= cap), reverse=True)
    if not small:
        return 0
    slack = small[min(1, len(small) - 1)]
    return max(0, min(slack + 1, cap))


_INNER_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]?[A-Z0-9]")


def ambiguous_breaks_are_ends(
    stripped: list[str], sure: int, width: int, slack: int, first_words: list[int]
) -> bool:
    """Is an ambiguous line (sentence end, next word would not have fitted) more likely a
    paragraph end than a wrap, in this capture? Compares the expected counts of both."""
    words = sum(len(line.split()) for line in stripped)
    lines = sum(1 for line in stripped if line)
    if not words or not lines or width <= 0:
        return False
    inner = 0
    for line in stripped:
        for match in _INNER_SENTENCE_END.finditer(line):
            if ends_sentence(line[: match.start() + 1]):
                inner += 1
    wrap_rate = min(0.5, lines / words)  # share of word gaps that are line ends
    expected_wraps = inner * wrap_rate / (1 - wrap_rate)
    mean_word = statistics.mean(first_words) if first_words else 5.0
    full_last_line = min(0.5, (mean_word + 1 + slack) / width)
    expected_ends = sure * full_last_line / (1 - full_last_line)
    return expected_ends > AMBIGUOUS_ODDS * expected_wraps


def speaker_labels(lines: list[str]) -> set[str]:
    """Labels that start two or more lines ("Wikinews:", "Jane Doe:"): a transcript's
    speakers. Each of their turns is a paragraph, whatever the geometry says."""
    counts: dict[str, int] = {}
    for line in lines:
        match = _SPEAKER.match(line)
        if match:
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return {label for label, count in counts.items() if count >= 2}


def unwrap(
    lines: list[str], indices: list[int], breaks_after: set[int] | None = None
) -> Paragraphs:
    """Paragraphs of body ``lines`` (raw text; ``indices`` are their raw line numbers).
    A paragraph ends after the lines whose raw numbers are in ``breaks_after`` (a debris
    block stood there), whatever the geometry says."""
    stripped = [" ".join(line.split()) for line in lines]
    present = [s for s in stripped if s]
    if not present:
        return Paragraphs([], {}, 0)
    # First-line indents (typewriter style): when some lines but not most are indented, an
    # indented line starts a paragraph.
    indented = [bool(line.strip()) and line[:1] in " \t\u3000" for line in lines]
    indents_mark_paragraphs = 2 <= sum(indented) <= 0.6 * len(present)
    lengths = [len(s) for s in present]
    width = estimate_wrap_width(lengths)
    unwrapped = statistics.median(lengths) > UNWRAPPED_LINE_LENGTH
    slack = estimate_slack(stripped, width)
    # The capture's words, for dehyphenation; only built if a line ends with a hyphen.
    hyphenated = any(line.endswith(("-", "\u00ad")) for line in stripped)
    vocabulary = _vocabulary(stripped) if hyphenated else set()
    typeset = hyphenated and is_typeset(stripped)
    speakers = speaker_labels(stripped)
    count = len(stripped)

    def at(position: int) -> str | None:
        return stripped[position] if 0 <= position < count and stripped[position] else None

    first_line = next(i for i, text in enumerate(stripped) if text)
    # Paragraph ends between non-blank lines (position p: a paragraph ends after line p).
    sure: set[int] = set()
    ambiguous: set[int] = set()
    first_words: list[int] = []  # first-word lengths of lines that start a paragraph
    blank_breaks = 0
    for position in range(count):
        text, following = at(position), at(position + 1)
        if text is None:
            continue
        if following is None:
            if position + 1 < count:
                blank_breaks += 1
            continue
        if unwrapped:
            sure.add(position)
            continue
        room = width - slack - len(text) - 1
        fits = len(_first_word(following)) <= room
        turn = _SPEAKER.match(following)
        if position == first_line and is_deck_line(text, following, width - slack):
            sure.add(position)  # a deck under the title (the capture makes it the subtitle)
        elif indents_mark_paragraphs and indented[position + 1]:
            sure.add(position)
        elif turn and turn.group(1) in speakers:
            sure.add(position)  # a new speaker's turn
        elif ends_sentence(text) and starts_sentence(following):
            if fits:
                sure.add(position)
                first_words.append(len(_first_word(following)))
            else:
                ambiguous.add(position)
        elif text.endswith(":") and starts_sentence(following) and fits:
            sure.add(position)  # "...as recorded in the Congressional Record:" then a quote
        elif (
            _unpunctuated_end(text, following, width - slack)
            or _is_subheading(text, at(position - 1), following, width)
            or (_is_subheading(following, text, at(position + 2), width) and ends_sentence(text))
        ):
            sure.add(position)
    # Captures with blank lines between paragraphs: trust the blank lines, not the geometry.
    if blank_breaks >= 2 and blank_breaks >= len(sure):
        sure, ambiguous = set(), set()
    if ambiguous and ambiguous_breaks_are_ends(stripped, len(sure), width, slack, first_words):
        sure |= ambiguous
    if breaks_after:
        sure |= {p for p in range(count) if indices[p] in breaks_after and stripped[p]}

    groups: list[list[tuple[int, str]]] = [[]]
    for position in range(count):
        text = stripped[position]
        if not text:
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append((indices[position], text))
        if position in sure:
            groups.append([])
    groups = [g for g in groups if g]

    paragraphs: list[str] = []
    line_paragraph: dict[int, int] = {}
    for group in groups:
        text = group[0][1]
        for _, line in group[1:]:
            text = join_lines(text, line, vocabulary, typeset)
        line_paragraph.update({index: len(paragraphs) for index, _ in group})
        paragraphs.append(" ".join(text.split()))
    return Paragraphs(paragraphs, line_paragraph, width)
