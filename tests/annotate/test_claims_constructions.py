"""Claim constructions of quick news copy: a quotation with its cue and no comma between
("C" tweeted X), and a quotation after a verb of reaction on a channel ("reacted on
Twitter, "C""). Invented sentences, run through the engine's public API with the real
model."""

from __future__ import annotations

from claims_helpers import claim_with, claims_of, speaker


def test_quotation_then_inverted_cue_with_no_comma(annotator) -> None:
    claims = claims_of(
        annotator,
        '"We will rebuild the bridge within a year" tweeted Mayor Jane Roe. "The city owes '
        'it to its people."',
    )
    first = claim_with(claims, "We will rebuild the bridge within a year")
    assert speaker(first) == ("named", "Jane Roe")
    assert first["cue"]["lemma"] == "tweet"
    assert first["mode"] == "direct"
    floating = claim_with(claims, "The city owes it to its people")
    assert speaker(floating) == ("named", "Jane Roe")
    assert len(claims) == 2


def test_name_then_cue_with_no_comma(annotator) -> None:
    claims = claims_of(
        annotator,
        'Jane Roe visited the site on Monday. "The road is closed" Roe told reporters.',
    )
    claim = claim_with(claims, "The road is closed")
    assert speaker(claim)[1] == "Jane Roe"
    assert claim["cue"]["lemma"] == "tell"


def test_quotation_split_around_a_cue_with_no_commas_is_one_claim(annotator) -> None:
    claims = claims_of(annotator, '"We stand ready" tweeted Roe "to help in any way we can."')
    assert len(claims) == 1
    claim = claims[0]
    assert claim["content"]["text"].startswith("We stand ready")
    assert claim["content"]["text"].endswith("to help in any way we can")
    assert speaker(claim) == ("named", "Roe")


def test_quoted_title_before_a_verb_is_no_claim(annotator) -> None:
    for text in (
        '"Red Storm" premiered on Friday in London.',
        '"Honest Abe" Lincoln signed the order.',
        'The film is called "Red River" and it opens in May.',
    ):
        assert claims_of(annotator, text) == [], text


def test_reaction_on_a_channel_introduces_a_quotation(annotator) -> None:
    claims = claims_of(
        annotator,
        "Jane Roe, a singer from Memphis, played with the band for ten years. The singer "
        'also reacted on Twitter, "Sad news today, I remember playing with him in 1962."',
    )
    claim = claim_with(claims, "Sad news today")
    assert speaker(claim)[1] == "Jane Roe"
    assert claim["cue"]["lemma"] == "react"
    assert claim["mode"] == "direct"


def test_writing_or_posting_on_a_channel_introduces_a_quotation(annotator) -> None:
    claims = claims_of(
        annotator,
        'Jane Roe played with the band for ten years. She wrote on Facebook: "We lost a '
        'friend and a great musician today." John Smith, the drummer, was there too. He '
        'posted on Instagram, "Thank you all for the kind words and the support."',
    )
    assert speaker(claim_with(claims, "We lost a friend"))[1] == "Jane Roe"
    assert speaker(claim_with(claims, "Thank you all"))[1] == "John Smith"


def test_reacting_without_words_is_no_claim(annotator) -> None:
    assert (
        claims_of(annotator, "Fans reacted angrily to the news, and the club lost members.") == []
    )
    # A belief on a channel stays out: "hope" is no cue.
    assert claims_of(annotator, 'John Smith hoped on Twitter, "We will win the next match."') == []


def test_cue_taken_for_an_adjective_of_a_title_names_the_person(annotator) -> None:
    claims = claims_of(
        annotator,
        '"I am proud of the people who ran to help the injured" tweeted Mayor of Springfield '
        'Jane Roe. "Their courage is an example to us all."',
    )
    assert speaker(claim_with(claims, "I am proud of the people"))[1] == "Jane Roe"
    assert speaker(claim_with(claims, "Their courage is an example"))[1] == "Jane Roe"


def test_quoted_title_then_speaker_with_a_clause_keeps_the_clause(annotator) -> None:
    claims = claims_of(
        annotator, '"Red Storm" director Jane Roe said the film would open in cinemas in May.'
    )
    claim = claim_with(claims, "the film would open in cinemas in May")
    assert claim["mode"] == "indirect"
    assert speaker(claim) == ("named", "Jane Roe")


def test_subject_with_acronym_and_past_tense_taken_for_a_participle(annotator) -> None:
    claims = claims_of(
        annotator,
        "The Northern Forestry and Fire Agency (NorFire) said several acres burned before "
        "the flames were put out.",
    )
    claim = claim_with(claims, "several acres burned before the flames were put out")
    assert speaker(claim) == ("named", "Northern Forestry and Fire Agency")
    assert claim["cue"]["lemma"] == "say"


def test_participle_with_a_phrase_after_an_object_is_no_clause(annotator) -> None:
    for text in (
        "The minister announced new measures aimed at cutting costs.",
        "The company confirmed the deal signed in May.",
        "The council announced a plan backed by the mayor.",
    ):
        assert claims_of(annotator, text) == [], text


def test_participle_on_a_channel_with_its_clause_hung_on_the_main_verb(annotator) -> None:
    claims = claims_of(
        annotator,
        "The club said the trip was cancelled, with the board confirming on Twitter they "
        'were "not travelling to the site."',
    )
    board = claim_with(claims, "they were")
    assert speaker(board) == ("vague", "board")
    assert board["cue"]["lemma"] == "confirm"
    assert board["mode"] == "mixed"
    assert "Twitter" not in board["content"]["text"]
    club = claim_with(claims, "the trip was cancelled")
    assert club["content"]["text"] == "the trip was cancelled"


def test_participle_phrase_on_a_channel_is_not_content(annotator) -> None:
    claims = claims_of(
        annotator,
        "The club cancelled the trip on Monday, with the board saying on Facebook it would "
        "appeal the decision.",
    )
    assert claim_with(claims, "it would appeal")["content"]["text"] == (
        "it would appeal the decision"
    )


def test_participle_with_a_reason_clause_is_no_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "The club cancelled the trip on Monday, with the board confirming on Twitter "
        "because they were worried.",
    )
    assert claims == []
