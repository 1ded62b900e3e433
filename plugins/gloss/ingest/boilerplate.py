"""Blog and repost debris at the head and tail of a capture ("Share this:", "No hay
comentarios:", "Publicar un comentario", comment sections, licence notices).

The phrase lists are data, one file per language in ``data/boilerplate/<lang>.txt`` (format in
that folder's README). Only the head block (lines before the header) and the tail block
(lines after the last body line) are ever searched: a body sentence that happens to say
"Share this" stays. Every language's list is used for every capture, because reposts mix
languages (the seed is an English article on a Spanish Blogger page).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from gloss.ingest.data import DATA_DIR, load_lines, load_yaml

# A comment-section heading is looked for this many lines above the current tail line (a long
# thread of comments), and only in the last 40 % of the capture's characters, so that it
# never reaches into the body.
SECTION_REACH = 400
SECTION_ZONE = 0.4

_TRAILING = " \t:.…!·|»›>-–—"


@dataclass
class PhraseList:
    phrases: set[str] = field(default_factory=set)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    section_phrases: set[str] = field(default_factory=set)
    section_patterns: list[re.Pattern[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.compile()

    def compile(self) -> None:
        """One alternation per kind: a single regex call per line instead of one per entry."""
        self.any_pattern = _alternation(self.patterns)
        self.any_section = _alternation(self.section_patterns)


def _alternation(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def normalise(line: str) -> str:
    """Lower case, spaces collapsed, trailing punctuation and widget arrows removed."""
    return " ".join(line.split()).lower().rstrip(_TRAILING).lstrip(" •·|-–—»›>")


@cache
def phrase_list() -> PhraseList:
    """All languages' lists merged (``data/boilerplate/*.txt``)."""
    merged = PhraseList()
    for path in sorted((DATA_DIR / "boilerplate").glob("*.txt")):
        for entry in load_lines(f"boilerplate/{path.name}"):
            section = entry.startswith("!")
            entry = entry.lstrip("!").strip()
            if entry.startswith("re:"):
                pattern = re.compile(entry[3:].strip(), re.IGNORECASE)
                (merged.section_patterns if section else merged.patterns).append(pattern)
            else:
                (merged.section_phrases if section else merged.phrases).add(normalise(entry))
    merged.compile()
    return merged


@cache
def _licences() -> tuple[list[tuple[re.Pattern[str], str]], tuple[str, ...]]:
    data = load_yaml("ingest_licenses.yml")
    rules = [(re.compile(r["pattern"], re.IGNORECASE), r["name"]) for r in data["licenses"]]
    return rules, tuple(w.lower() for w in data["notice_words"])


def licence_of(line: str) -> str | None:
    """The licence a notice line names ("CC BY 2.5"), or None if it is not such a notice."""
    rules, notice_words = _licences()
    lower = line.lower()
    for pattern, name in rules:
        match = pattern.search(line)
        if match and (len(line) < 120 or any(w in lower for w in notice_words)):
            return name.format(*match.groups())
    return None


def is_section_heading(line: str) -> bool:
    lists = phrase_list()
    norm = normalise(line)
    if norm in lists.section_phrases:
        return True
    return bool(lists.any_section.fullmatch(norm) or lists.any_section.fullmatch(line.strip()))


def is_site_chrome(line: str) -> bool:
    """A whole line from the phrase lists (not a licence notice, not a section heading)."""
    norm = normalise(line)
    lists = phrase_list()
    return bool(norm) and (
        norm in lists.phrases
        or bool(lists.any_pattern.fullmatch(norm) or lists.any_pattern.fullmatch(line.strip()))
    )


def is_boilerplate(line: str) -> bool:
    """Is this whole line a widget/blog phrase (any language) or a licence notice?"""
    norm = normalise(line)
    if not norm:
        return False
    lists = phrase_list()
    if norm in lists.phrases or is_section_heading(line):
        return True
    stripped = line.strip()
    if lists.any_pattern.fullmatch(norm) or lists.any_pattern.fullmatch(stripped):
        return True
    return licence_of(stripped) is not None


# A sentence end (footnote markers after it allowed: "said.[3]", "said.*").
_ENDS_BLOCK = re.compile(r"[.!?…:;)\]\"'”’»।。*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]$")


def _opens_block(lines: list[str], index: int, start: int) -> bool:
    """Is line ``index`` a block of its own, not the wrapped end of the sentence above it
    ("...sent by" / "email.")? The line above is blank, ends a sentence, or is boilerplate."""
    for above in range(index - 1, start - 1, -1):
        previous = lines[above].strip()
        if previous:
            return bool(_ENDS_BLOCK.search(previous)) or is_boilerplate(previous)
        return True
    return True


def _starts_section(lines: list[str], index: int, start: int) -> bool:
    """A section heading that opens a block of its own: the line is a heading phrase (not a
    wrapped word such as "recommended." that ends a sentence), and the line above it is
    blank, ends a sentence, or is boilerplate itself."""
    line = lines[index].strip()
    if not line or line.endswith(".") or not is_section_heading(line):
        return False
    return _opens_block(lines, index, start)


@dataclass
class Trim:
    """Result of trimming: the body is ``lines[start:end]``; ``dropped`` are line indices."""

    start: int
    end: int
    dropped: list[int]
    licence: str | None = None


def trim_head(lines: list[str], start: int = 0) -> Trim:
    """Drop boilerplate lines from the top until the first line that is not boilerplate."""
    dropped: list[int] = []
    licence = None
    index = start
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if not is_boilerplate(line):
            break
        licence = licence or licence_of(line.strip())
        dropped.append(index)
        index += 1
    return Trim(index, len(lines), dropped, licence)


def trim_tail(
    lines: list[str],
    start: int,
    end: int | None = None,
    also: Callable[[str], bool] | None = None,
) -> Trim:
    """Drop boilerplate lines (and whole comment sections) from the bottom of ``lines``;
    ``also`` names more whole lines to drop there (the in-body debris: "Read more: ...")."""
    end = len(lines) if end is None else end
    dropped: list[int] = []
    licence = None
    index = end - 1
    # The comment-section zone: the lines after the first (1 - SECTION_ZONE) of the text,
    # counted in characters (a short unwrapped article has few, long lines).
    total = sum(len(lines[i]) for i in range(start, end))
    seen, zone_top = 0, end
    for i in range(start, end):
        if seen >= total * (1 - SECTION_ZONE):
            zone_top = i
            break
        seen += len(lines[i])
    while index >= start:
        line = lines[index]
        if not line.strip():
            index -= 1
            continue
        # A phrase line ending with a full stop may be the wrapped end of the body's last
        # sentence ("...sent by" / "email."): then it must open a block of its own.
        if (is_boilerplate(line) or (also is not None and also(line))) and (
            not line.rstrip().endswith(".") or _opens_block(lines, index, start)
        ):
            licence = licence or licence_of(line.strip())
            dropped.append(index)
            index -= 1
            continue
        # Not a phrase: it may be inside a comment section whose heading is further up.
        heading = None
        for above in range(index - 1, max(zone_top, index - SECTION_REACH) - 1, -1):
            if _starts_section(lines, above, start):
                heading = above
                break
        if heading is None or heading <= start:
            break
        dropped.extend(range(index, heading - 1, -1))
        index = heading - 1
    body_end = index + 1
    return Trim(start, body_end, sorted(dropped), licence)
