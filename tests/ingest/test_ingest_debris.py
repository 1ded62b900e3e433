"""Debris of real copies: in-body lines from news pages and PDFs ("Advertisement", "Read more:
...", image credits, page numbers, running heads), PDF hyphenation, tail links stuck to the
footer, and header shapes (a byline split over lines, "Updated 3 hours ago").

The fixtures in ``fixtures/debris_*.txt`` are made-up captures written for these tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gloss.ingest import ingest_path, ingest_text
from gloss.ingest.unwrap import is_typeset, join_lines

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]

PROBE = """Title of the thing
By Jane Doe
March 3, 2024

The govern-
ment said on Tuesday that the infor-
mation was well-
known to officials.

Advertisement

Page 2 of 5

"We will act," she said.

Share this article
Read more: Other story
"""


def test_the_probe_capture_through_the_command(tmp_path):
    capture = tmp_path / "cap.txt"
    capture.write_text(PROBE, encoding="utf-8")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gloss"), "ingest", "--json", str(capture)],
        capture_output=True,
        text=True,
        check=True,
    )
    article = json.loads(result.stdout)
    # Two of its three line-end splits are fragments ("govern-", "infor-"): hyphenated by a
    # typesetter, so they are joined; "well-" is a compound prefix and keeps its hyphen.
    assert article["paragraphs"] == [
        "The government said on Tuesday that the information was well-known to officials.",
        '"We will act," she said.',
    ]
    assert article["dropped"] == [
        "Advertisement",
        "Page 2 of 5",
        "Share this article",
        "Read more: Other story",
    ]


def test_news_page_debris_is_dropped_and_body_kept():
    article = ingest_path(FIXTURES / "debris_news_page.txt")
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.subtitle is None and article.date is None
    assert article.paragraphs[0].startswith("WASHINGTON (Reuters) - The port authority said")
    assert len(article.paragraphs) == 5
    # A sentence about an advertisement is body text.
    assert article.paragraphs[3].startswith("The authority's spokesperson said an advertisement")
    assert article.dropped == [
        "Advertisement",
        "Story continues below advertisement",
        "Read more: Storm leaves thousands without power",
        "Photo: Maria Lopez/Reuters",
        "Crews inspect a damaged crane at the container terminal. (AP Photo/Sam Reed)",
        "Share this article",
        "Read more: Five things to know about the storm",
        "RELATED: What happens next for the fishing fleet?",
    ]


def test_dropped_lines_have_the_dropped_role():
    article = ingest_path(FIXTURES / "debris_news_page.txt")
    lines = (FIXTURES / "debris_news_page.txt").read_text(encoding="utf-8").splitlines()
    roles = dict(zip(lines, article.line_roles, strict=True))
    assert roles["Advertisement"] == "dropped"
    assert roles["Photo: Maria Lopez/Reuters"] == "dropped"
    for index, role in enumerate(article.line_roles):
        assert (article.line_paragraphs[index] is not None) == (role == "body")


def test_pdf_copy_pages_and_hyphens():
    article = ingest_path(FIXTURES / "debris_pdf.txt")
    text = " ".join(article.paragraphs)
    assert len(article.paragraphs) == 3
    assert article.dropped == ["The Northern Ledger 2", "2", "The Northern Ledger 3", "3"]
    for word in ("transformer", "maintenance", "information", "running", "conditions"):
        assert f" {word}" in text
    assert "well-known" in text  # a compound prefix keeps its hyphen
    assert "-\u00a0" not in text and "- " not in text.replace(" - ", "")


def test_windows_line_ends_tabs_and_non_breaking_spaces():
    article = ingest_path(FIXTURES / "debris_crlf_nbsp.txt")
    assert article.authors == ["Jane Doe"]
    assert article.paragraphs == [
        "The port authority said on Wednesday that the harbour would stay closed for a second day.",
        "Officials said the closure would cost millions of dollars a day.[1]",
        "The authority expects to reopen the harbour on Friday.",
    ]
    assert article.dropped == ["Advertisement"]


BODY = [
    "The council voted on Tuesday to close the old library in the town centre, and to move "
    "its books to the new community hub by the end of the year.",
    "The mayor said the building was too expensive to heat and that the hub would open "
    "longer hours, though several members argued that the decision had been rushed.",
    "Residents will be able to comment on the plan until the end of next month, when the "
    "council will publish a final timetable for the move.",
]


def _capture(body: list[str], width: int = 70) -> str:
    lines = ["Council votes to close library", "By Jane Doe", "June 16, 2022", ""]
    for paragraph in body:
        lines.extend(textwrap.wrap(paragraph, width) if len(paragraph) > width else [paragraph])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Advertisement revenue fell by a third last year, the company said.",
        "Read more about the plan on the council's website, she added.",
        "Related: the decision follows a similar vote in 2019.",
        "Photo identification will be needed to borrow books at the hub.",
        "Page 2 of the report lists the costs.",
    ],
)
def test_body_sentences_with_debris_words_stay(sentence):
    body = [BODY[0], sentence, *BODY[1:]]
    article = ingest_text(_capture(body))
    assert article.dropped == []
    assert sentence in article.paragraphs


def test_a_wrapped_word_alone_on_a_line_is_not_debris():
    # A stray short line inside a sentence (text copied from a proportional font).
    text = _capture(BODY).replace("close the old", "close the\nadvertisement\nold")
    article = ingest_text(text)
    assert article.dropped == []
    assert "close the advertisement old library" in " ".join(article.paragraphs)


def test_ad_slot_between_paragraphs_without_blank_lines():
    lines = _capture(BODY).splitlines()
    cut = lines.index(textwrap.wrap(BODY[1], 70)[0])
    lines.insert(cut, "ADVERTISEMENT")
    article = ingest_text("\n".join(lines))
    assert article.paragraphs == BODY
    assert article.dropped == ["ADVERTISEMENT"]


def test_transcript_speaker_lines_that_recur_are_kept():
    turns = []
    for number in range(4):
        turns += [
            "Wikinews",
            f"What did the council decide at meeting number {number + 1}, and why?",
            "Jane Doe",
            "It decided to close the library. The building was too costly to heat.",
        ]
    article = ingest_text(_capture(turns))
    assert article.dropped == []
    assert " ".join(article.paragraphs).split().count("Wikinews") == 4


def test_live_blog_crossheads_are_kept():
    body = []
    for day in (1, 2, 3):
        body += [f"Day {day}", *BODY]
    article = ingest_text(_capture(body))
    assert article.dropped == []
    assert [p for p in article.paragraphs if p.startswith("Day ")] == ["Day 1", "Day 2", "Day 3"]


def test_bare_page_numbers_and_running_heads_inside_sentences():
    lines = _capture(BODY * 4).splitlines()
    # Page breaks inside sentences (the next line goes on in lower case), pages apart.
    inside = [i for i in range(8, len(lines) - 1) if lines[i + 1][:1].islower()]
    breaks = [inside[0], next(i for i in inside if i >= inside[0] + 12)]
    for number, index in enumerate(reversed(breaks)):
        lines[index + 1 : index + 1] = [str(3 - number), "Town Gazette"]
    article = ingest_text("\n".join(lines))
    assert article.paragraphs == BODY * 4
    assert sorted(article.dropped) == ["2", "3", "Town Gazette", "Town Gazette"]


def test_pdf_hyphenation_is_a_capture_level_decision():
    typeset = [
        "the regional assembly heard that the transfor-",
        "mer failed and that the backup line was down for mainte-",
        "nance; members asked why the infor-",
        "mation was late.",
    ]
    assert is_typeset(typeset)
    web = ["a long-", "standing row over the cease-", "fire, officials said."]
    assert not is_typeset(web)
    # Web text keeps a hyphen nothing explains; typeset text drops it.
    assert join_lines("the cease-", "fire held", set()) == "the cease-fire held"
    assert join_lines("the transfor-", "mer failed", set(), typeset=True) == (
        "the transformer failed"
    )
    # Numbers and hyphen chains are compounds even in a PDF.
    assert join_lines("a 25-", "year-old", set(), typeset=True) == "a 25-year-old"
    assert join_lines("a denial-of-", "service attack", set(), typeset=True) == (
        "a denial-of-service attack"
    )


def test_split_byline_and_relative_date_in_the_header():
    text = (
        "Council votes to close library\nBy\nJane Doe\nand John Roe\nUpdated 3 hours ago\n\n"
        + "\n".join(textwrap.wrap(BODY[0], 70))
        + "\n"
    )
    article = ingest_text(text)
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.subtitle is None
    assert article.date is None
    assert article.paragraphs == [BODY[0]]


def test_footnote_marker_ends_a_sentence():
    body = [BODY[0][:-1] + ".[1]", *BODY[1:]]
    article = ingest_text(_capture(body, width=200))
    assert article.paragraphs == body


def test_noisy_evaluation_targets_on_held_out():
    """The synthetic captures with the noise of real copies (eval/captures.py), held-out
    split, seed 1: break F1 and words lost meet issue 2's targets; debris left is small (a
    running head seen once, not next to a page number, cannot be told from text)."""
    from eval.corpus import CORPUS, load_corpus
    from eval.ingest import evaluate

    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    held_out = [a for a in load_corpus() if a.held_out]
    scores = evaluate(held_out, seed=(1,), noise=True)
    assert scores.f1 >= 0.97
    assert scores.words_lost <= 0.0005
    assert scores.debris_left <= 0.02 * scores.debris_lines


@pytest.mark.parametrize("width", [65, 100])
def test_debris_between_paragraphs_at_narrow_and_wide_wraps(width):
    long_body = [p + " " + p.lower() for p in BODY]  # several lines per paragraph
    lines = ["Council votes to close library", "By Jane Doe", "June 16, 2022", ""]
    for index, paragraph in enumerate(long_body):
        if index == 1:
            lines.append("Story continues below advertisement")
        if index == 2:
            lines.append("Read more: Libraries across the region face cuts")
        lines.extend(textwrap.wrap(paragraph, width))
    article = ingest_text("\n".join(lines) + "\n")
    assert article.paragraphs == long_body
    assert article.dropped == [
        "Story continues below advertisement",
        "Read more: Libraries across the region face cuts",
    ]
