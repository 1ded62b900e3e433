"""Constructions found missing or wrong in the claims audit on unseen articles
(eval/claims_audit.md), one per test, on short invented sentences."""

from __future__ import annotations


def claims_of(annotator, text: str) -> list[dict]:
    return annotator.annotate_text(text)["claims"]


def claim_with(claims: list[dict], anchor: str) -> dict:
    found = [c for c in claims if anchor in c["content"]["text"]]
    assert found, f"no claim contains {anchor!r}: {[c['content']['text'] for c in claims]}"
    return found[0]


def speaker(claim: dict) -> tuple[str, str | None]:
    return claim["speaker"]["kind"], claim["speaker"]["name"]


# --- speakers --------------------------------------------------------------------------------


def test_participle_then_title_then_name_in_apposition(annotator):
    text = (
        "Speaking to Reuters, the chairman of the Dockers' Union, Peter Lindqvist, said, "
        '"We will strike on Monday if the port does not listen to us."'
    )
    claim = claim_with(claims_of(annotator, text), "We will strike on Monday")
    assert speaker(claim) == ("named", "Peter Lindqvist")


def test_unmarked_name_with_a_description_in_apposition(annotator):
    text = (
        "Karim Oduya, a spokesperson for the harbour authority, told the press two ferries "
        "had been damaged."
    )
    claim = claim_with(claims_of(annotator, text), "two ferries had been damaged")
    assert claim["speaker"]["kind"] == "named"
    assert claim["speaker"]["name"].endswith("Oduya")


# --- content spans ---------------------------------------------------------------------------


def test_clause_subject_taken_for_the_cue_object(annotator):
    text = "Rescue workers have indicated a criminal probe is ongoing."
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"] == "a criminal probe is ongoing"


def test_object_then_verb_is_a_clause(annotator):
    text = "Scientists report spiky shells evolved at least nine separate times in snails."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "scientists")
    assert claim["content"]["text"].startswith("spiky shells evolved")


def test_object_with_no_clause_is_no_claim(annotator):
    assert claims_of(annotator, "The mayor announced the new budget on Monday.") == []
