"""Paragraph breaks from line geometry, punctuation and capitalisation; dehyphenation."""

from __future__ import annotations

import textwrap

import pytest
from gloss.ingest.unwrap import estimate_wrap_width, join_lines, unwrap
from ingest_helpers import BODY, wrap


def _paragraphs(lines: list[str]) -> list[str]:
    return unwrap(lines, list(range(len(lines)))).paragraphs


def _unambiguous(paragraphs: list[str], width: int) -> bool:
    """No paragraph's last line is so full that the next paragraph's first word would not
    have fitted, and no sentence ends at a wrap inside a paragraph: both are the ambiguous
    case, which has its own tests below."""
    # The reader can only know the width from the longest line it sees.
    seen_width = estimate_wrap_width([len(line) for line in wrap(paragraphs, width)])
    for paragraph, following in zip(paragraphs, paragraphs[1:], strict=False):
        lines = textwrap.wrap(paragraph, width)
        if len(lines[-1]) + 1 + len(following.split()[0]) > seen_width:
            return False
        if any(line.endswith(".") for line in lines[:-1]):
            return False
    return True


def test_wrapped_paragraphs_come_back_at_every_width():
    widths = [w for w in range(60, 91) if _unambiguous(BODY, w)]
    assert len(widths) >= 10
    for width in widths:
        assert _paragraphs(wrap(BODY, width)) == BODY, width


def test_stray_short_line_inside_a_sentence_is_a_wrap():
    # Like lines 9 and 62 of the seed: a line cut short mid-sentence, then normal wrapping.
    lines = [
        "The city council voted on Tuesday",
        "to close the old bridge to cars from next spring, after engineers warned",
        "that its steel supports had corroded beyond repair.",
        "Mayor Ana Lopez said the decision was painful but necessary. Traffic will",
        "be diverted over the northern ring road while a new",
        "crossing is designed.",
        '"We cannot gamble with people\'s lives," she told reporters outside the',
        "town hall.",
    ]
    assert _paragraphs(lines) == BODY[:3]


def test_blank_line_paragraphs_are_kept():
    lines: list[str] = []
    for paragraph in BODY:
        lines.extend([*textwrap.wrap(paragraph, 70), ""])
    assert _paragraphs(lines) == BODY


def test_unwrapped_lines_are_paragraphs():
    long_paragraphs = [p * 3 for p in BODY]
    assert _paragraphs(long_paragraphs) == [" ".join(p.split()) for p in long_paragraphs]


LONG_PARAGRAPHS = [
    "The council met on Tuesday. It voted to close the bridge. Engineers had warned about "
    "the supports. The mayor agreed with them. Traffic will move to the ring road. A new "
    "crossing will be designed next year.",
    "Shop owners are angry. They fear losing trade. A petition has 4,000 names. The council "
    "will read it in May. No change is expected. The bridge will close in spring.",
    "Cyclists may still use it. So may people on foot. Buses will take the long way. The "
    "work will cost four million. The state will pay half. The city will pay the rest.",
]


def _wrapped_with_sentence_end_at_a_wrap(paragraphs: list[str]) -> tuple[list[str], int]:
    """A wrap width at which some line inside a paragraph ends with a sentence."""
    for width in range(50, 80):
        lines = wrap(paragraphs, width)
        for number, line in enumerate(lines[:-1]):
            inside = not any(p.endswith(line) for p in paragraphs)
            if line.endswith(".") and inside:
                return lines, number
    raise AssertionError("no such width")


def test_sentence_ending_at_a_wrap_stays_in_its_paragraph():
    # Paragraphs of many sentences: a sentence ending at a full line is a wrap.
    lines, _ = _wrapped_with_sentence_end_at_a_wrap(LONG_PARAGRAPHS)
    assert _paragraphs(lines) == LONG_PARAGRAPHS


def test_full_last_line_is_a_break_when_paragraphs_are_single_sentences():
    # One sentence per paragraph (the seed's style): a full last line still ends a paragraph.
    paragraphs = [
        "The council voted on Tuesday to close the old bridge to cars from next spring.",
        "Engineers had warned that the steel supports were corroded beyond any repair.",
        "Traffic will be diverted over the northern ring road while a crossing is built.",
        "Shop owners fear the closure will cut their trade by a third over the winter.",
        "A petition against the closure has gathered more than 4,000 signatures so far.",
    ]
    width = max(len(p) for p in paragraphs) + 2  # every paragraph is one full line
    assert _paragraphs(wrap(paragraphs, width)) == paragraphs


def test_abbreviation_at_line_end_is_not_a_sentence_end():
    lines = ["The talks were led by Mr.", "Smith, who arrived late.", *wrap(BODY, 40)]
    assert _paragraphs(lines)[0] == "The talks were led by Mr. Smith, who arrived late."


def test_wrap_width_ignores_one_outlier():
    assert estimate_wrap_width([70, 72, 69, 71, 65, 200]) == 72
    assert estimate_wrap_width([70, 72, 69]) == 72


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        (
            "relations between China-",
            "Russia are solid",
            "relations between China-Russia are solid",
        ),
        ("a well-", "known figure", "a well-known figure"),
        ("the govern-", "ment said", "the government said"),
        ("a self-", "made man", "a self-made man"),
        ("a soft\u00ad", "hyphen", "a softhyphen"),
        ("no hyphen", "here", "no hyphen here"),
    ],
)
def test_dehyphenation(left, right, joined):
    assert join_lines(left, right, set()) == joined


def test_dehyphenation_uses_the_capture_own_spelling():
    assert join_lines("co-", "operate", {"cooperate"}) == "cooperate"
    assert join_lines("long-", "standing", {"long-standing"}) == "long-standing"


def test_first_line_indents_start_paragraphs():
    lines: list[str] = []
    for paragraph in LONG_PARAGRAPHS:
        wrapped = textwrap.wrap(paragraph, 60, initial_indent="    ")
        lines.extend(wrapped)
    assert _paragraphs(lines) == LONG_PARAGRAPHS
