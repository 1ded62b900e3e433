"""General naming rules: a name written with and without its accents is one name; a
statement, report or tweet is its owner's. One rule per test, on short invented sentences,
through the engine's public API."""

from __future__ import annotations

import pytest
from claims_helpers import claim_with, claims_of, speaker
from gloss.annotate.entities import name_key, slugify


def people(annotator, text: str) -> dict[str, list[str]]:
    """Each PERSON entity's name -> the texts of its mentions."""
    record = annotator.annotate_text(text)
    return {
        e["name"]: [m["text"] for m in e["mentions"]]
        for e in record["entities"]
        if e["label"] == "PERSON"
    }


# --- 1. diacritics -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "plain"),
    [("Erdoğan", "Erdogan"), ("Vučić", "Vucic"), ("Müller", "Muller"), ("Łukasz", "Lukasz")],
)
def test_name_key_ignores_diacritics(written, plain):
    assert name_key(written) == name_key(plain)


def test_name_key_keeps_other_scripts_apart():
    # Cyrillic "й" is a letter of its own, not "и" with a mark.
    assert name_key("Мой") != name_key("Мои")


def test_ids_do_not_change_with_folding():
    assert slugify("Zoë Ünal") == "zoe-unal"
    assert slugify("Москва") != slugify("Киев")


def test_surname_without_accents_links_to_the_full_name(annotator):
    text = (
        "Serbian President Aleksandar Vučić met European leaders in Brussels on Monday.\n\n"
        '"We will not accept this," Vucic told reporters after the meeting.'
    )
    found = people(annotator, text)
    assert "Vucic" not in found
    assert "Vucic" in found["Aleksandar Vučić"]
    claim = claim_with(claims_of(annotator, text), "We will not accept this")
    assert speaker(claim) == ("named", "Aleksandar Vučić")


def test_accented_short_form_after_a_plain_full_name(annotator):
    text = (
        "The striker Thomas Muller scored twice for his club on Saturday.\n\n"
        "Müller said he was happy with the result and thanked the fans."
    )
    found = people(annotator, text)
    assert set(found) == {"Thomas Muller"}
    claim = claim_with(claims_of(annotator, text), "he was happy with the result")
    assert speaker(claim) == ("named", "Thomas Muller")


def test_pronoun_after_an_unaccented_surname_is_the_full_name(annotator):
    text = (
        "Turkish President Recep Tayyip Erdoğan met European leaders in Brussels on Monday.\n\n"
        "Erdogan said the talks had gone well. He added that more meetings would follow."
    )
    claims = claims_of(annotator, text)
    assert speaker(claim_with(claims, "the talks had gone well")) == (
        "named",
        "Recep Tayyip Erdoğan",
    )
    assert claim_with(claims, "more meetings would follow")["speaker"]["entity"] == (
        "recep-tayyip-erdogan"
    )


# --- 3. an output's owner speaks -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "name"),
    [
        (
            "In a statement, the North Harbour Fire Service said the blaze was under control.",
            "the blaze was under control",
            "North Harbour Fire Service",
        ),
        (
            "A tweet from the Oakland Harbour Police Department said two people were hurt.",
            "two people were hurt",
            "Oakland Harbour Police Department",
        ),
        (
            "The Oakland Harbour Police Department's tweet said the road was closed.",
            "the road was closed",
            "Oakland Harbour Police Department",
        ),
        (
            "A press release from Globex Corporation said the factory would close.",
            "the factory would close",
            "Globex Corporation",
        ),
    ],
)
def test_named_owner_of_a_statement_or_tweet_speaks(annotator, text, anchor, name):
    assert speaker(claim_with(claims_of(annotator, text), anchor)) == ("named", name)


def test_statement_owned_by_an_organisation_named_before(annotator):
    text = (
        "The Harbour Commission met on Friday to review the port's safety rules.\n\n"
        "The commission's statement said the rules were clear."
    )
    claim = claim_with(claims_of(annotator, text), "the rules were clear")
    assert speaker(claim) == ("named", "Harbour Commission")


# --- 2. no lower-case descriptor in a person's name; a surname particle stays -------------------


@pytest.mark.parametrize(
    "text",
    [
        '"It is a disgrace," said broadcaster Piers Morgan.',
        "Speaking on Monday, fashion designer Tim Gunn said the industry had changed.",
        "The band's drummer Mickey Hart left the stage early.",
        '"It is over," said Oscar-winning actor Lucy Brandt.',
    ],
)
def test_person_name_has_no_lower_case_descriptor(annotator, text):
    for name in people(annotator, text):
        assert not any(word[:1].islower() or "-" in word for word in name.split()), name


def test_surname_with_its_particle_is_kept_whole(annotator):
    text = (
        'The former president, de Klerk, said the talks were over.\n\n"We have won," said de Klerk.'
    )
    assert set(people(annotator, text)) == {"de Klerk"}
    claim = claim_with(claims_of(annotator, text), "We have won")
    assert speaker(claim) == ("named", "de Klerk")


def test_given_name_before_a_particle_is_still_taken_in(annotator):
    text = "Police chief Arnel dela Vega said the suspects had fled."
    assert "Arnel dela Vega" in people(annotator, text)
