"""Speaker names: titles and post-nominals out of names, short forms linked to the full
name, unnamed sources whose noun is not listed, pronouns resolved to the right person. One
rule per test, on short invented sentences, through the engine's public API."""

from __future__ import annotations

from claims_helpers import claim_with, claims_of, speaker
from gloss.annotate import Annotator, load_curation


def entity_names(annotator, text: str) -> set[str]:
    return {e["name"] for e in annotator.annotate_text(text)["entities"]}


# --- names ---------------------------------------------------------------------------------


def test_rank_before_a_name_is_no_part_of_it(annotator):
    text = (
        "According to Chief Superintendent Ramon Castillo of the regional police, nine "
        "people were hurt. Castillo further claimed the bomb was set off by remote control."
    )
    claims = claims_of(annotator, text)
    assert speaker(claim_with(claims, "nine people were hurt")) == ("named", "Ramon Castillo")
    assert speaker(claim_with(claims, "the bomb was set off")) == ("named", "Ramon Castillo")


def test_senior_counsel_after_a_name_is_no_speaker(annotator):
    text = (
        "Speaking for the defence, Peter Halvorsen, SC, said that the couple had acted in "
        "good faith."
    )
    claim = claim_with(claims_of(annotator, text), "the couple had acted in good faith")
    assert speaker(claim) == ("named", "Peter Halvorsen")
    assert "SC" not in entity_names(annotator, text)


def test_crown_prince_is_a_title(annotator):
    text = (
        "The broadcaster said Crown Prince Faisal bin Nasser accepted the report. Faisal bin "
        "Nasser later visited the site."
    )
    assert "Faisal bin Nasser" in entity_names(annotator, text)


def test_given_name_before_a_surname_particle(annotator):
    text = "Marisol dela Cruz of the army's Southern Command said the road was closed."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Marisol dela Cruz")


def test_surname_spelt_two_ways_is_one_person(annotator):
    text = (
        "Rebel spokesperson Yahya Karimi said the group had launched the drones. "
        '"We will strike again if the raids go on," Karima said.'
    )
    claim = claim_with(claims_of(annotator, text), "We will strike again")
    assert speaker(claim) == ("named", "Yahya Karimi")


def test_wire_agency_gets_its_full_name(annotator):
    text = "According to AFP, the talks in Geneva ended without an agreement."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Agence France-Presse")


def test_department_written_the_short_way_gets_its_full_name(annotator):
    text = "The US State Department said the embassy in Bangkok would stay open."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "United States Department of State")


def test_a_republican_in_apposition_is_the_person(annotator):
    text = "A Republican, Mark Ellison, told reporters that the inquiry should go ahead."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Mark Ellison")


# --- unnamed sources -----------------------------------------------------------------------


def test_unlisted_people_noun_is_an_unnamed_source(annotator):
    text = "His roommates said they last saw him on Saturday evening after his shift."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "roommates")


def test_the_army_speaks_as_one_institution(annotator):
    text = "The army said the plane was carrying food supplies to the capital."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "army")


def test_estimates_are_no_source(annotator):
    assert claims_of(annotator, "Estimates suggest 8000 migrants may be at sea.") == []


# --- pronouns and descriptions -------------------------------------------------------------


def test_pronoun_in_a_clause_of_the_subjects_own_sentence(annotator):
    text = (
        "The festival featured Anna Kowalski and Tom Reyes. Reporter Jim Baker attended it.\n\n"
        "Tom Reyes broke news when he revealed that a sequel is being considered."
    )
    claim = claim_with(claims_of(annotator, text), "a sequel is being considered")
    assert speaker(claim) == ("pronoun", "Tom Reyes")


def test_second_subject_of_the_sentence_before(annotator):
    text = (
        "The broadcaster CBS revealed that Prince Omar Haddad accepted responsibility for "
        'the failure. Speaking to Jane Miller of CBS, he said, "It happened under my watch."'
    )
    claim = claim_with(claims_of(annotator, text), "It happened under my watch")
    assert speaker(claim) == ("pronoun", "Omar Haddad")


def test_person_introduced_by_a_copula(annotator):
    text = (
        "Several students came back this year. One is Denis Orlov, a sixth-year student. "
        "He said he had wanted to be a surgeon since his first year."
    )
    claim = claim_with(claims_of(annotator, text), "he had wanted to be a surgeon")
    assert speaker(claim) == ("pronoun", "Denis Orlov")


def test_definite_description_of_the_last_speaker(annotator):
    text = (
        '"The ice is breaking from below," said study co-author Karen Holt. The Boulder '
        'professor added, "We need to know how fast."'
    )
    claims = claims_of(annotator, text)
    assert speaker(claim_with(claims, "The ice is breaking from below")) == (
        "named",
        "Karen Holt",
    )
    assert claim_with(claims, "We need to know how fast")["speaker"]["name"] == "Karen Holt"


def test_country_edition_of_an_outlet(annotator):
    text = (
        "The quake struck Mindanao on Monday. CNN Philippines reported that residents of "
        "three towns feared to return home."
    )
    claim = claim_with(claims_of(annotator, text), "residents of three towns feared")
    assert speaker(claim) == ("named", "CNN Philippines")


def test_eyewitness_keeps_its_noun(annotator):
    text = "An eyewitness said the child and his mother were among the victims."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "eyewitnesses")


def test_the_newspaper_is_the_outlet_that_was_the_subject(annotator):
    text = (
        "The Washington Post reported that Acme Corporation had bought Globex Inc. The "
        "newspaper said the deal was worth two billion dollars."
    )
    claim = claim_with(claims_of(annotator, text), "the deal was worth")
    assert speaker(claim) == ("named", "Washington Post")


def test_government_of_a_nationality_is_the_state(annotator):
    text = (
        "Drones struck two oil plants in Saudi Arabia on Saturday. The Saudi government said "
        "the attack included cruise missiles."
    )
    claim = claim_with(claims_of(annotator, text), "the attack included cruise missiles")
    assert speaker(claim) == ("named", "Saudi Arabia")


def test_the_archive_entities_file_wins_over_the_gazetteer(tmp_path):
    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: AFP News\n    label: ORG\n    aliases: [AFP]\n", encoding="utf-8"
    )
    curated = Annotator(workers=1, cache_dir=None, curation=load_curation(tmp_path))
    text = "According to AFP, the talks in Geneva ended without an agreement."
    [claim] = curated.annotate_text(text)["claims"]
    assert claim["speaker"]["name"] == "AFP News"
