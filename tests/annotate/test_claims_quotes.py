"""Quotation-mark pairing and the claim lexicons: plain text and YAML, no model needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from gloss.annotate.claims import find_quotes, load_lexicon, paragraph_spans
from gloss.annotate.claims.quotes import chain_quotations
from gloss.errors import GlossError
from hypothesis import given, settings
from hypothesis import strategies as st


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_paragraph_spans_skip_blank_lines_and_edges():
    text = "  One.\n\nTwo.\n   \n\nThree.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two.", "Three."]


def test_straight_quotes_pair_in_order():
    assert quoted('He said "one two" and "three".') == ["one two", "three"]


def test_curly_quotes():
    assert quoted("“We will win,” she said. “Soon.”") == ["We will win,", "Soon."]


def test_quote_never_crosses_a_paragraph_without_the_continuation_convention():
    text = 'She said "it is over.\n\nThe next day was calm.\n'
    [segment] = find_quotes(text)
    assert text[segment.start : segment.end] == "it is over."
    assert segment.close is None and not segment.continues


def test_missing_closing_mark_continues_into_a_paragraph_opening_with_a_quote():
    text = 'He said: "The first part.\n\n"The second part."\n'
    segments = find_quotes(text)
    assert [text[s.start : s.end] for s in segments] == ["The first part.", "The second part."]
    assert segments[0].continues and segments[0].close is None
    [chain] = chain_quotations(segments)
    assert [s.paragraph for s in chain] == [0, 1]


def test_separate_quotes_are_separate_chains():
    text = '"One quote here," he said.\n\n"Another one there," she said.\n'
    assert len(chain_quotations(find_quotes(text))) == 2


def test_stray_unclosed_mark_is_dropped():
    # An inch sign or a typo at the end of a paragraph is no quote.
    assert quoted('The screen measures 12" across.\n') == []


def test_default_lexicon_loads_with_cues_and_sources():
    lexicon = load_lexicon()
    assert lexicon.verbs["say"].strong
    assert "quote" in lexicon.verbs["say"].frames
    assert not lexicon.verbs["suggest"].strong
    assert lexicon.verbs["point"].particle == "out"
    assert "think" not in lexicon.verbs and "believe" not in lexicon.verbs
    assert lexicon.prepositions["according to"] == "according to"
    assert lexicon.vague_name("", "experts", "expert") == "experts"
    assert lexicon.vague_name("internet", "posting", "posting") == "internet postings"
    assert lexicon.given_names["sarah"] == "f"


def _write_lexicon(folder: Path, cues: str) -> Path:
    (folder / "cues.yml").write_text(cues, encoding="utf-8")
    (folder / "sources.yml").write_text("vague: {expert: experts}\n", encoding="utf-8")
    (folder / "given_names.yml").write_text("female: []\nmale: []\n", encoding="utf-8")
    return folder


def test_custom_lexicon_directory(tmp_path):
    folder = _write_lexicon(tmp_path, "verbs:\n  mumble: {frames: [that], strength: weak}\n")
    lexicon = load_lexicon(folder)
    assert list(lexicon.verbs) == ["mumble"]


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ("verbs: [say, tell]\n", "must map"),
        ("verbs:\n  say: {frames: [shout]}\n", "frames must be among"),
        ("verbs:\n  say: {strength: loud}\n", "strength one of"),
        ("verbs:\n  say: {frames: [that]\n", "not valid YAML"),
    ],
)
def test_bad_lexicon_is_a_one_line_gloss_error(tmp_path, cues, message):
    folder = _write_lexicon(tmp_path, cues)
    with pytest.raises(GlossError) as caught:
        load_lexicon(folder)
    assert message in str(caught.value)
    assert "cues.yml" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_duplicate_key_in_a_lexicon_is_reported_with_its_line(tmp_path):
    folder = _write_lexicon(tmp_path, "verbs:\n  say: {}\n  tell: {}\n  say: {}\n")
    with pytest.raises(GlossError) as caught:
        load_lexicon(folder)
    assert "duplicate key 'say'" in str(caught.value)
    assert caught.value.line == 4


def test_british_single_quotes_without_apostrophe_confusion():
    text = "‘We don’t know yet,’ the minister said. ‘It’s the players’ decision.’"
    assert quoted(text) == ["We don’t know yet,", "It’s the players’ decision."]


def test_single_quotes_inside_double_quotes_are_not_separate_quotes():
    text = 'He said: "The word ‘forced’ is wrong."'
    assert quoted(text) == ["The word ‘forced’ is wrong."]


_PIECES = st.sampled_from(
    ['"', "“", "”", "‘", "’", " ", "\n\n", "a", "Word", ".", ",", "don’t", "s’ x"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_quote_segments_are_ordered_disjoint_and_inside_their_paragraph(text):
    paragraphs = paragraph_spans(text)
    previous_end = -1
    for segment in find_quotes(text):
        p_start, p_end = paragraphs[segment.paragraph]
        assert p_start <= segment.open < segment.start < segment.end <= p_end
        assert segment.open > previous_end
        assert text[segment.start : segment.end].strip() == text[segment.start : segment.end]
        previous_end = segment.close if segment.close is not None else segment.end


def test_inch_sign_does_not_unbalance_later_quotes():
    text = 'The 12" screen was praised. Smith said "it is the best one" on Monday.'
    assert quoted(text) == ["it is the best one"]
