"""Header shapes: bylines, dates in several formats and languages, URL, any order."""

from __future__ import annotations

import pytest
from gloss.ingest import ingest_text
from gloss.ingest.header import split_names
from ingest_helpers import BODY, capture

TITLE = "Council votes to close old bridge"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            ["By Jane Doe, John Smith and Ana de la Cruz"],
            ["Jane Doe", "John Smith", "Ana de la Cruz"],
        ),
        (["By Jane Doe & John Smith"], ["Jane Doe", "John Smith"]),
        (["Author: Jane Doe"], ["Jane Doe"]),
        (["Authors: Jane Doe; Mary O'Neil"], ["Jane Doe", "Mary O'Neil"]),
        (
            ["By", "Jane Doe,", "John Smith and", "Mary O'Neil"],
            ["Jane Doe", "John Smith", "Mary O'Neil"],
        ),
        (["By", "Jane Doe", "John Smith"], ["Jane Doe", "John Smith"]),
        (["Por María José Pérez y Luis Gómez"], ["María José Pérez", "Luis Gómez"]),
        (["Par Jean-Luc Martin et Claire Dubois"], ["Jean-Luc Martin", "Claire Dubois"]),
        (["Von Hans Müller und Eva Schmidt"], ["Hans Müller", "Eva Schmidt"]),
        (["By Jane Doe | Staff Reporter"], ["Jane Doe"]),
        ([], []),
    ],
)
def test_bylines(byline, authors):
    article = ingest_text(capture([TITLE, *byline, "Published: Jun 16, 2022"]))
    assert article.authors == authors
    assert article.title == TITLE
    assert article.date == "2022-06-16"
    assert len(article.paragraphs) == len(BODY)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published: Jun 16, 2022", "2022-06-16"),
        ("16 June 2022", "2022-06-16"),
        ("2022-06-16 10:22 GMT", "2022-06-16T10:22+00:00"),
        ("Publicado el 16 de junio de 2022", "2022-06-16"),
        ("Updated: June 17, 2022 at 3:05 p.m. EDT", "2022-06-17T15:05-04:00"),
        ("Publié le 16 juin 2022 à 10h22", "2022-06-16T10:22"),
        ("Pubblicato il 16 giugno 2022", "2022-06-16"),
        ("Veröffentlicht am 16. Juni 2022", "2022-06-16"),
        ("Gepubliceerd op 16 juni 2022", "2022-06-16"),
        ("Wednesday, June 16, 2022", "2022-06-16"),
        ("16/06/2022", "2022-06-16"),
    ],
)
def test_date_lines(line, iso):
    article = ingest_text(capture([TITLE, "By Jane Doe", line]))
    assert article.date == iso
    assert article.authors == ["Jane Doe"]
    assert article.paragraphs[0].startswith("The city council")


def test_published_wins_over_updated():
    article = ingest_text(capture([TITLE, "Updated: June 20, 2022", "Published: June 16, 2022"]))
    assert article.date == "2022-06-16"


def test_any_order_and_url_first():
    url = "https://example.org/news/2022/bridge"
    article = ingest_text(capture([url, TITLE, "16 June 2022", "By Jane Doe"]))
    assert (article.url, article.title, article.date, article.authors) == (
        url,
        TITLE,
        "2022-06-16",
        ["Jane Doe"],
    )
    assert article.publisher == "example.org"


def test_labelled_url_and_multi_line_subtitle():
    article = ingest_text(
        capture(
            [
                TITLE,
                "Engineers found the supports corroded;",
                "traffic moves north",
                "Source: https://example.org/a",
                "By Jane Doe",
            ]
        )
    )
    assert article.subtitle == "Engineers found the supports corroded; traffic moves north"
    assert article.url == "https://example.org/a"


def test_title_only():
    article = ingest_text(capture([TITLE]))
    assert article.title == TITLE
    assert article.subtitle is None and article.date is None and article.url is None
    assert article.authors == []
    assert len(article.paragraphs) == len(BODY)


def test_a_body_sentence_with_a_date_is_not_a_date_line():
    text = capture(
        [TITLE],
        [
            "On 16 June 2022 the council met in the town hall to vote on the bridge, which has been closed before.",
            *BODY,
        ],
    )
    article = ingest_text(text)
    assert article.date is None
    assert article.paragraphs[0].startswith("On 16 June 2022")


def test_by_in_a_sentence_is_not_a_byline():
    article = ingest_text(
        capture([TITLE], ["By the end of the year the bridge will be closed to cars.", *BODY])
    )
    assert article.authors == []
    assert article.paragraphs[0].startswith("By the end")


def test_split_names_rejects_sentences():
    assert split_names("the end of the year") is None
    assert split_names("A. B. Carter and Mary-Jane Watson") == ["A. B. Carter", "Mary-Jane Watson"]


def test_url_alone_before_the_title():
    article = ingest_text(capture(["https://example.org/bridge", TITLE]))
    assert article.url == "https://example.org/bridge"
    assert article.title == TITLE
    assert article.paragraphs == BODY


def test_site_chrome_between_header_fields_is_dropped():
    article = ingest_text(
        capture(
            [
                TITLE,
                "From Wikinews, the free news source you can write!",
                "Wednesday, June 15, 2022",
                "https://en.wikinews.org/wiki/X",
            ]
        )
    )
    assert article.subtitle is None
    assert article.date == "2022-06-15"
    assert article.dropped == ["From Wikinews, the free news source you can write!"]
    assert article.line_roles[:4] == ["title", "dropped", "date", "url"]


@pytest.mark.parametrize(
    ("byline", "authors", "publisher"),
    [
        ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        (
            "By Jane Doe and John Smith, Associated Press",
            ["Jane Doe", "John Smith"],
            "Associated Press",
        ),
        ("BY ANA DE LA CRUZ AND JOHN O'NEIL", ["Ana de la Cruz", "John O'Neil"], None),
        ("Written by Jane Doe", ["Jane Doe"], None),
    ],
)
def test_agency_credits_and_capitals(byline, authors, publisher):
    article = ingest_text(capture([TITLE, byline, "16 June 2022"]))
    assert article.authors == authors
    assert article.publisher == publisher


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("June 16, 2022 / 10:22 AM / Updated 2 hours ago", "2022-06-16T10:22"),
        ("Thu 16 Jun 2022 10.22 BST", "2022-06-16T10:22+01:00"),
        ("16.06.2022 10:22", "2022-06-16T10:22"),
        ("Last updated on 16 June 2022", "2022-06-16"),
    ],
)
def test_more_date_shapes(line, iso):
    assert ingest_text(capture([TITLE, line])).date == iso


def test_a_date_that_starts_the_body_is_body():
    # The first body line starts with a date and goes on on the next line.
    body = [
        "Monday, August 3, 2020 On Thursday, the council",
        "met to vote on the bridge, which had been closed before.",
    ]
    article = ingest_text("\n".join([TITLE, "Published: Aug 4, 2020", *body, *BODY]) + "\n")
    assert article.date == "2020-08-04"
    assert article.paragraphs[0].startswith("Monday, August 3, 2020 On Thursday, the council met")


def test_public_domain_sentence_in_the_body_stays():
    body = [
        "The recordings are in the public domain",
        "and free for anyone to use, the founder said.",
        *BODY,
    ]
    article = ingest_text("\n".join([TITLE, "By Jane Doe", "16 June 2022", *body]) + "\n")
    assert (
        article.paragraphs[0]
        == "The recordings are in the public domain and free for anyone to use, the founder said."
    )
    assert article.license is None


def test_deck_without_header_fields_is_the_subtitle():
    deck = "Engineers found the steel supports corroded beyond repair"
    article = ingest_text(capture([TITLE, deck]))
    assert article.subtitle == deck
    assert article.paragraphs == BODY
    assert article.line_roles[:2] == ["title", "subtitle"]
    assert article.line_paragraphs[2] == 0


@pytest.mark.parametrize(
    ("line", "authors", "iso"),
    [
        ("By Jane Doe | June 16, 2022", ["Jane Doe"], "2022-06-16"),
        ("By Jane Doe - 16 June 2022 10:22 GMT", ["Jane Doe"], "2022-06-16T10:22+00:00"),
        ("Posted by Jane Doe on June 16, 2022", ["Jane Doe"], "2022-06-16"),
        ("Published June 16, 2022 by Jane Doe", ["Jane Doe"], "2022-06-16"),
        ("Por María Pérez, 16 de junio de 2022", ["María Pérez"], "2022-06-16"),
        (
            "By Jane Doe and John Smith, Last updated on 7 June 2022",
            ["Jane Doe", "John Smith"],
            "2022-06-07",
        ),
    ],
)
def test_byline_and_date_on_one_line(line, authors, iso):
    article = ingest_text(capture([TITLE, line]))
    assert (article.authors, article.date, article.subtitle) == (authors, iso, None)
    assert article.paragraphs == BODY


def test_a_sentence_with_by_and_a_date_is_body():
    line = "Signed by President Biden on June 16, 2022 in Washington, the law takes effect"
    article = ingest_text(capture([TITLE], [line + " next year.", *BODY]))
    assert article.authors == [] and article.date is None
    assert article.paragraphs[0].startswith("Signed by President Biden")


def test_a_brand_name_after_the_date_line_does_not_make_it_body():
    article = ingest_text(
        capture(
            [TITLE, "June 16, 2022 / 10:22 AM"],
            ["wikiHow published its 50,000th article on Tuesday.", *BODY],
        )
    )
    assert article.date == "2022-06-16T10:22"
    assert article.paragraphs[0].startswith("wikiHow published")
