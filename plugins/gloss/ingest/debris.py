"""Debris lines inside the body of a text capture: what a copy of a news page or a PDF drags
along between paragraphs ("Advertisement", "Read more: ...", "Photo: Jane Doe/Reuters",
"Page 2 of 5", a running head on every page).

Cues live in ``data/ingest_debris.yml``. A line is debris only when the WHOLE line is, so a
sentence that merely mentions an advertisement stays. Two kinds, with different evidence:

* **blocks** (advertising slots, links to other stories, image credits, captions ending in a
  credit) sit between paragraphs: the line above ends a sentence (or is blank) and the line
  below starts one (or is blank). A wrapped sentence that happens to leave "advertisement"
  alone on a line fails that test. Where a block stood, a paragraph ends.
* **page furniture** (page markers, page numbers, running heads and feet) falls wherever the
  PDF's page broke, often inside a sentence, so it needs no context; instead a bare number
  counts only as one of an increasing run of them, and a running head only when the same
  line recurs, at least once inside a sentence (a transcript's speaker labels and a live
  blog's crossheads recur too, but always between paragraphs). Around page furniture the
  text simply goes on: the unwrapper decides as if the lines were adjacent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from gloss.ingest.boilerplate import normalise
from gloss.ingest.data import load_yaml
from gloss.ingest.unwrap import ends_sentence, estimate_wrap_width, starts_sentence

# A line ending like this closes a block of text: what may stand right above a debris block.
_ENDS_BLOCK = re.compile(r"[.!?…:;)\]\"'”’»।。*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]$")
_BARE_NUMBER = re.compile(r"\d{1,4}")
_INNER_SENTENCE_END = re.compile(r"[.!?;][\"'”’)\]]*\s")
# Page markers are short ("Página 12 de 20").
_MARKER_CHARS = 30
# A caption with its credit wraps over a few lines at most.
CAPTION_LINES = 3
CAPTION_WORDS = 60


@dataclass
class Debris:
    """Debris found among body lines; all values are raw line indices."""

    dropped: set[int] = field(default_factory=set)
    # Blank lines next to debris: the text goes on across them (a PDF page break).
    skipped_blanks: set[int] = field(default_factory=set)
    # A paragraph ends after these lines: a debris block stood between two paragraphs.
    breaks_after: set[int] = field(default_factory=set)


@cache
def _cues() -> dict:
    data = load_yaml("ingest_debris.yml")
    labels = sorted((str(label) for label in data["link_labels"]), key=len, reverse=True)
    label_group = "|".join(re.escape(label) for label in labels)
    return {
        "phrases": {normalise(str(p)) for p in data["phrases"]},
        "link": re.compile(
            rf"(?i:{label_group})\s*(?:[:|»›>]|[-–—]\s)\s*[A-Z0-9\"“‘'«¿¡].*(?<!\.)"
            rf"|(?i:{label_group})\s*:?"
        ),
        "credit": re.compile("|".join(f"(?:{p})" for p in data["credit_patterns"])),
        "trailing_credit": re.compile(
            "|".join(f"(?:{p})" for p in data["trailing_credit_patterns"])
        ),
        "page": re.compile("|".join(f"(?:{p})" for p in data["page_patterns"]), re.I),
        "heads": data["running_heads"],
    }


def is_page_marker(line: str) -> bool:
    """ "Page 2 of 5", "- 3 -", "Seite 2 von 5": the whole line marks a page."""
    return bool(_cues()["page"].fullmatch(line.strip()))


def is_block_debris(line: str) -> bool:
    """An advertising slot, a link to another story or an image credit: the whole line.
    (Whether it stands as a block of its own is for :func:`find_debris` to check.)"""
    stripped = line.strip()
    if not stripped or not (stripped[0].isupper() or stripped[0] in "([«\"“'‘"):
        return False  # debris lines are capitalised; "advertisement" alone is a wrapped word
    cues = _cues()
    if normalise(stripped) in cues["phrases"]:
        return True
    if cues["link"].fullmatch(stripped) and not _INNER_SENTENCE_END.search(stripped):
        # A headline after the label: capitalised, no full stop at its end (it may end with
        # "?"), one sentence; "Related: the decision follows..." is body text.
        return True
    return bool(cues["credit"].fullmatch(stripped))


def is_debris_line(line: str) -> bool:
    """A whole line of in-body debris, whatever its context (for the tail pass, which
    already knows nothing but debris follows)."""
    return is_page_marker(line) or is_block_debris(line)


def _ends_with_credit(line: str) -> bool:
    line = line.strip()
    # Every trailing credit ends with ")" or names an agency after a "/" (a cheap test first).
    if not (line.endswith(")") or "/" in line):
        return False
    return bool(_cues()["trailing_credit"].search(line))


def _running_head_key(line: str, width: int) -> str | None:
    """The line with its numbers left out, if it can be a running head: short (a wrapped
    body line repeated word for word, a question asked twice, is nearly as wide as the
    capture), capitalised, not a sentence."""
    limits = _cues()["heads"]
    if not line or len(line) > min(limits["max_chars"], limits["max_share_of_width"] * width):
        return None
    if not (line[0].isupper() or line[0].isdigit()):
        return None  # most body lines fail here, cheaply
    if len(line.split()) > limits["max_words"] or _INNER_SENTENCE_END.search(line):
        return None
    if ends_sentence(line) or line.rstrip().endswith((":", ",")):
        return None
    key = " ".join(re.sub(r"\d+", " ", line.lower()).split())
    if sum(c.isalpha() for c in key) < limits["min_letters"]:
        return None
    return key


def find_debris(lines: list[str], indices: list[int]) -> Debris:
    """Debris among the body lines ``indices`` (raw line indices into ``lines``, blanks
    included, in order)."""
    debris = Debris()
    body = [i for i in indices if lines[i].strip()]
    if not body:
        return debris
    text = {i: " ".join(lines[i].split()) for i in body}
    position = {index: n for n, index in enumerate(body)}

    def inside_sentence(n: int) -> bool:
        """Does body line ``n`` fall inside a sentence (the text around it runs on)?"""
        before = text[body[n - 1]] if n > 0 else None
        after = text[body[n + 1]] if n + 1 < len(body) else None
        return bool(
            (before and not ends_sentence(before) and not before.endswith(":"))
            or (after and after[:1].islower())
        )

    # Page furniture: markers, an increasing run of bare numbers, recurring running heads.
    page = {i for i in body if len(text[i]) <= _MARKER_CHARS and is_page_marker(text[i])}
    numbers = [i for i in body if _BARE_NUMBER.fullmatch(text[i])]
    values = [int(text[i]) for i in numbers]
    if len(numbers) >= 2 and all(a < b for a, b in zip(values, values[1:], strict=False)):
        page.update(numbers)
    elif len(numbers) == 1 and len(text[numbers[0]]) <= 3:
        # One page number, where a page broke a sentence or with text right above and below:
        # wrapping cannot leave a number alone on a line with more text below it (the next
        # word would have fitted), and a paragraph of a bare number is no news text.
        number = numbers[0]
        n = position[number]
        between = 0 < n < len(body) - 1 and _adjacent(lines, body[n - 1], body[n + 1])
        if between or inside_sentence(n):
            page.add(number)
    occurrences: dict[str, list[int]] = {}
    width = estimate_wrap_width([len(text[i]) for i in body])
    head_keys = {i: _running_head_key(text[i], width) for i in body}
    for i in body:
        key = head_keys[i]
        if key:
            occurrences.setdefault(key, []).append(i)
    limits = _cues()["heads"]
    # A short line between the two halves of a word split at a line end ("sta-" / "The
    # Evening Courier 2" / "tions"): page furniture, even if seen only once.
    rest = [i for i in body if i not in page]
    for n in range(1, len(rest) - 1):
        if (
            head_keys[rest[n]]
            and re.search(r"[^\W\d_]-$", text[rest[n - 1]])
            and text[rest[n + 1]][:1].islower()
        ):
            page.add(rest[n])
    markers = set(page)  # page markers and numbers: a running head often sits next to one

    def runs_on(index: int) -> bool:
        """Does the text go on across this line (and the page furniture next to it)?"""
        n = position[index]
        before = next((body[m] for m in range(n - 1, -1, -1) if body[m] not in markers), None)
        after = next((body[m] for m in range(n + 1, len(body)) if body[m] not in markers), None)
        return bool(
            (
                before is not None
                and not ends_sentence(text[before])
                and not text[before].endswith(":")
            )
            or (after is not None and text[after][:1].islower())
        )

    def touches_marker(index: int) -> bool:
        n = position[index]
        return any(0 <= m < len(body) and body[m] in markers for m in (n - 1, n + 1))

    for found in occurrences.values():
        gaps = [position[b] - position[a] for a, b in zip(found, found[1:], strict=False)]
        if min(gaps, default=0) < limits["min_lines_apart"]:
            continue  # pages are longer than that
        inside = sum(1 for i in found if runs_on(i))
        touching = sum(1 for i in found if touches_marker(i))
        if len(found) >= limits["min_count"] and inside + touching >= limits["min_inside"]:
            # Recurring, and once where a page broke a sentence or next to a page number (a
            # transcript's speaker labels and a live blog's crossheads do neither).
            page.update(found)
        elif len(found) == 1 and inside and touching:
            page.update(found)  # seen once, but next to a page number inside a sentence
    debris.dropped |= page

    # Blocks: whole debris lines, and captions that end with a credit, between paragraphs.
    kept = [i for i in body if i not in page]
    candidates: set[int] = set()
    slots: set[int] = set()  # advertising slots: too short to be a wrapped piece of a sentence
    for n, index in enumerate(kept):
        if is_block_debris(text[index]):
            candidates.add(index)
            if normalise(text[index]) in _cues()["phrases"]:
                slots.add(index)
        elif _ends_with_credit(text[index]):
            # The caption's earlier lines: those it continues, up to a sentence end above.
            block = [index]
            while n - len(block) >= 0 and len(block) < CAPTION_LINES:
                above = text[kept[n - len(block)]]
                if _ENDS_BLOCK.search(above) or not _adjacent(
                    lines, kept[n - len(block)], block[-1]
                ):
                    break
                block.append(kept[n - len(block)])
            if sum(len(text[i].split()) for i in block) <= CAPTION_WORDS:
                candidates.update(block)
    n = 0
    while n < len(kept):
        if kept[n] not in candidates:
            n += 1
            continue
        end = n
        while end + 1 < len(kept) and kept[end + 1] in candidates:
            end += 1
        run = kept[n : end + 1]
        before = kept[n - 1] if n > 0 else None
        after = kept[end + 1] if end + 1 < len(kept) else None
        opens = (
            all(i in slots for i in run)
            or before is None
            or not _adjacent(lines, before, run[0])
            or bool(_ENDS_BLOCK.search(text[before]))
        )
        closes = (
            after is None or not _adjacent(lines, run[-1], after) or starts_sentence(text[after])
        )
        if opens and closes:
            debris.dropped.update(run)
            if (
                before is not None
                and after is not None
                and starts_sentence(text[after])
                and _ENDS_BLOCK.search(text[before])
            ):
                debris.breaks_after.add(before)
        n = end + 1

    # Blank lines next to dropped lines go with them: across a page break the text goes on.
    near_debris = set()
    for n, index in enumerate(indices):
        if not lines[index].strip():
            near = [indices[m] for m in (n - 1, n + 1) if 0 <= m < len(indices)]
            if any(i in debris.dropped for i in near):
                near_debris.add(index)
    debris.skipped_blanks = near_debris
    # In a capture whose paragraphs are separated by blank lines, page furniture between a
    # sentence end and a sentence start, with a blank line next to it, stood between two
    # paragraphs: keep that break (the unwrapper trusts blank lines only, in such captures).
    blank_style = sum(1 for i in indices if not lines[i].strip() and i not in near_debris) >= 2
    if blank_style:
        remaining = [i for i in body if i not in debris.dropped]
        for index, after in zip(remaining, remaining[1:], strict=False):
            gap = range(index + 1, after)
            if (
                any(i in debris.dropped for i in gap)
                and any(i in near_debris for i in gap)
                and _ENDS_BLOCK.search(text[index])
                and starts_sentence(text[after])
            ):
                debris.breaks_after.add(index)
    return debris


def _adjacent(lines: list[str], upper: int, lower: int) -> bool:
    """No blank line between raw lines ``upper`` and ``lower`` (debris in between aside)."""
    return all(lines[i].strip() for i in range(upper + 1, lower))
