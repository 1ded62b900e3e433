"""Paragraph breaks from line geometry, punctuation and capitalisation; dehyphenation."""

from __future__ import annotations

import textwrap

import pytest
from gloss.ingest.unwrap import estimate_wrap_width, join_lines, unwrap
from ingest_helpers import BODY, wrap


def _paragraphs(lines: list[str]) -> list[str]:
    return unwrap(lines, list(range(len(lines)))).paragraphs


@pytest.mark.parametrize("width", [60, 68, 71, 90])
def test_wrapped_paragraphs_come_back(width):
    assert _paragraphs(wrap(BODY, width)) == BODY


def test_stray_short_line_inside_a_sentence_is_a_wrap():
    lines = wrap(BODY, 72)
    # Cut the second line short, the way copied web text sometimes is; re-wrap the rest.
    first = lines[0]
    short, rest = first[: first.index(" ", 20)], first[first.index(" ", 20) + 1 :]
    paragraph_one = textwrap.wrap(rest + " " + " ".join(BODY[0].split()[len(first.split()) :]), 72)
    assert _paragraphs([short, *paragraph_one, *wrap(BODY[1:], 72)]) == BODY


def test_blank_line_paragraphs_are_kept():
    lines: list[str] = []
    for paragraph in BODY:
        lines.extend([*textwrap.wrap(paragraph, 70), ""])
    assert _paragraphs(lines) == BODY


def test_unwrapped_lines_are_paragraphs():
    long_paragraphs = [p * 3 for p in BODY]
    assert _paragraphs(long_paragraphs) == [" ".join(p.split()) for p in long_paragraphs]


def test_sentence_ending_at_a_wrap_stays_in_its_paragraph():
    # "necessary." ends the line because "Traffic" did not fit: not a paragraph break.
    paragraph = "Mayor Ana Lopez said the decision was painful but necessary. Traffic will be diverted over the road."
    width = len("Mayor Ana Lopez said the decision was painful but necessary.") + 4
    lines = textwrap.wrap(paragraph, width)
    assert lines[0].endswith("necessary.")
    assert _paragraphs([*lines, *wrap(BODY, width)]) == [paragraph, *BODY]


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
