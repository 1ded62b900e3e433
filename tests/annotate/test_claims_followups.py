"""Speakers the claim finder used to drop or misname: legal papers as unnamed sources, a name
the tagger took for a common noun, the actor of a "by saying" participle, and a cue
coordinated with a verb that has no subject. Invented sentences, run through the engine's
public API with the real model."""

from __future__ import annotations

import pytest
from claims_helpers import claim_with, claims_of, speaker


@pytest.mark.parametrize(
    ("text", "anchor", "name"),
    [
        (
            "The agency was sued in March. According to a whistle-blower complaint, the "
            "director hid the losses from the board.",
            "the director hid the losses from the board",
            "complaints",
        ),
        (
            "According to the lawsuit, the company knew about the defect for years.",
            "the company knew about the defect for years",
            "lawsuits",
        ),
        (
            "According to court filings, the firm owed millions to its suppliers.",
            "the firm owed millions to its suppliers",
            "filings",
        ),
        (
            "The affidavit states the officers entered the house without a warrant.",
            "the officers entered the house without a warrant",
            "affidavits",
        ),
    ],
)
def test_a_legal_paper_is_an_unnamed_source(annotator, text, anchor, name) -> None:
    claim = claim_with(claims_of(annotator, text), anchor)
    assert speaker(claim) == ("vague", name)


def test_a_legal_paper_is_not_he_or_she(annotator) -> None:
    claims = claims_of(
        annotator,
        "According to the indictment, the two men laundered money through a bakery. She "
        "said the bakery had closed in 2015.",
    )
    assert speaker(claim_with(claims, "laundered money")) == ("vague", "indictments")
    assert speaker(claim_with(claims, "the bakery had closed")) != ("vague", "indictments")


def test_name_tagged_as_a_noun_with_a_description_in_apposition(annotator) -> None:
    claims = claims_of(
        annotator,
        "The jet had flown for ten years. Skyledgers, a database detailing aircraft, "
        "states the jet was built in 2004.",
    )
    assert speaker(claim_with(claims, "the jet was built in 2004")) == ("named", "Skyledgers")


def test_unnamed_source_noun_with_an_apposition_stays_unnamed(annotator) -> None:
    claims = claims_of(annotator, "Officials, a group of ten men, said the bridge was unsafe.")
    assert speaker(claim_with(claims, "the bridge was unsafe")) == ("vague", "officials")


def test_by_saying_belongs_to_the_actor_not_the_small_clause_subject(annotator) -> None:
    claims = claims_of(
        annotator,
        "Tomas Reyes was jailed in May. In August, the parents tried to have Reyes "
        "released by saying they forgave him for the theft.",
    )
    assert speaker(claim_with(claims, "they forgave him for the theft")) == (
        "vague",
        "parents",
    )


def test_cue_coordinated_with_a_subjectless_clause_takes_the_main_subject(annotator) -> None:
    claims = claims_of(
        annotator,
        "Baloch and Waseem's mother, Anwar, wept upon hearing her son had been convicted "
        "and said she believed he was innocent.",
    )
    assert speaker(claim_with(claims, "she believed he was innocent")) == ("named", "Anwar")


def test_cue_coordinated_with_a_passive_takes_its_subject(annotator) -> None:
    claims = claims_of(
        annotator,
        "Peter Novak was praised by critics and said the film was his best.",
    )
    assert speaker(claim_with(claims, "the film was his best")) == ("named", "Peter Novak")
