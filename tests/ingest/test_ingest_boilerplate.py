"""Head and tail debris in several languages; the body is never touched."""

from __future__ import annotations

import pytest
from gloss.ingest import ingest_text
from gloss.ingest.boilerplate import is_boilerplate
from ingest_helpers import BODY, capture

HEADER = ["Council votes to close old bridge", "By Jane Doe", "16 June 2022"]

FOOTERS = {
    "es": [
        "No hay comentarios:",
        "Publicar un comentario",
        "Entrada más reciente Entrada antigua Página principal",
    ],
    "en": ["Share this:", "Twitter", "Facebook", "Like this:", "Like Loading...", "Related"],
    "fr": ["Partager cet article", "Aucun commentaire:", "Publier un commentaire"],
    "it": ["Condividi", "Nessun commento:", "Posta un commento"],
    "de": ["Teilen mit:", "Gefällt mir:", "Gefällt mir Wird geladen …"],
    "pt": ["Compartilhe isso:", "Curtir isso:", "Nenhum comentário:", "Postar um comentário"],
    "nl": ["Delen:", "Vind ik leuk:", "Geen opmerkingen:", "Een reactie posten"],
    "blogger": [
        "Posted by Jane Doe at 10:22 PM",
        "Labels: bridges, council",
        "3 comments:",
        "Anonymous said...",
        "Great article, thanks!",
        "Reply",
    ],
    "wordpress": ["Leave a Reply", "Cancel reply", "You must be logged in to post a comment."],
}


@pytest.mark.parametrize("name", sorted(FOOTERS))
def test_footers_are_dropped(name):
    footer = FOOTERS[name]
    article = ingest_text(capture(HEADER, footer=["", *footer]))
    assert article.paragraphs == BODY
    assert article.dropped == footer


def test_header_debris_is_dropped():
    article = ingest_text(capture(["Skip to content", "Menu", *HEADER]))
    assert article.title == HEADER[0]
    assert article.dropped == ["Skip to content", "Menu"]


def test_phrases_in_the_body_stay():
    body = [*BODY[:2], "Share this:", "Twitter", *BODY[2:]]
    article = ingest_text(capture(HEADER, body))
    assert "Share this: Twitter" in " ".join(article.paragraphs) or any(
        "Share this" in p for p in article.paragraphs
    )
    assert article.dropped == []


def test_licence_notice_is_dropped_and_recorded():
    article = ingest_text(
        capture(
            HEADER, footer=["Text available under the Creative Commons Attribution 2.5 License."]
        )
    )
    assert article.license == "CC BY 2.5"
    assert article.paragraphs == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "  LIKE THIS:  ",
        "Publicar un comentario",
        "12 Kommentare:",
        "Etiquetas: política",
    ],
)
def test_is_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line", ["He said he would share this with the press.", "Comments were made by the mayor.", ""]
)
def test_is_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_a_long_comment_thread_is_dropped_whole():
    thread = ["30 comments:"]
    for number in range(30):
        thread += [
            f"Reader{number} said...",
            "I disagree with the council about this bridge.",
            "June 17, 2022 at 9:15 AM",
        ]
    long_body = BODY * 12  # the article is longer than its comments, as usual
    article = ingest_text(capture(HEADER, long_body, footer=["", *thread, "Post a Comment"]))
    assert article.dropped == [*thread, "Post a Comment"]
    assert " ".join(article.paragraphs).split() == " ".join(long_body).split()


def test_a_wrapped_last_word_that_looks_like_a_widget_stays():
    body = [*BODY[:-1], "Residents can send their views to the council by"]
    text = capture(HEADER, body, width=200).rstrip("\n") + "\nemail.\nShare this:\nTwitter\n"
    article = ingest_text(text)
    assert article.paragraphs[-1].endswith("to the council by email.")
    assert article.dropped == ["Share this:", "Twitter"]
