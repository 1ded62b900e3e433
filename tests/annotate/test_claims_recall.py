"""Claim constructions beyond "X said C": phrases of opinion, pronoun and possessive sources
of "according to", and cue verbs in less common frames. Invented sentences, run through the
engine's public API with the real model."""

from __future__ import annotations

import pytest
from claims_helpers import claim_with, claims_of, speaker
from gloss.annotate.claims import load_lexicon
from gloss.errors import GlossError


def test_in_his_view_is_a_claim_of_the_pronoun_antecedent(annotator) -> None:
    claims = claims_of(
        annotator,
        "Maria Lopez, a surgeon from Madrid, visited the clinic on Monday. In her view, the "
        "new wing is far too small for the city.",
    )
    claim = claim_with(claims, "the new wing is far too small")
    assert speaker(claim) == ("pronoun", "Maria Lopez")
    assert claim["cue"]["lemma"] == "in her view"
    assert "In her view" not in claim["content"]["text"]


def test_opinion_of_a_named_owner(annotator) -> None:
    claims = claims_of(
        annotator,
        "The council met on Tuesday. In the opinion of Amnesty International, the new law "
        "breaks several international treaties.",
    )
    claim = claim_with(claims, "the new law breaks several international treaties")
    assert speaker(claim) == ("named", "Amnesty International")


def test_from_his_view_and_in_his_opinion_after_a_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "John Parker said the exam was hard. From his view, this is a problem across the "
        "country. In his opinion, few students can pass it without help.",
    )
    assert speaker(claim_with(claims, "this is a problem across the country")) == (
        "pronoun",
        "John Parker",
    )
    assert speaker(claim_with(claims, "few students can pass it without help")) == (
        "pronoun",
        "John Parker",
    )


def test_view_phrase_inside_a_reported_clause_is_not_a_second_claim(annotator) -> None:
    claims = claims_of(
        annotator, "John Parker said that in his view the plan would fail within a year."
    )
    assert len(claims) == 1
    assert "the plan would fail" in claims[0]["content"]["text"]


def test_writer_opinion_and_in_view_of_are_no_claims(annotator) -> None:
    claims = claims_of(
        annotator,
        "In my view, the town deserves better roads. In view of the storm, the match was "
        "moved to Sunday.",
    )
    assert claims == []


def test_according_to_a_pronoun(annotator) -> None:
    claims = claims_of(
        annotator,
        "Army spokesman Ahmed Saleh said the troops had left the city. According to him, it "
        "was the largest operation of the year.",
    )
    claim = claim_with(claims, "it was the largest operation of the year")
    assert speaker(claim) == ("pronoun", "Ahmed Saleh")


def test_according_to_a_possessive_owner_at_the_end(annotator) -> None:
    claims = claims_of(
        annotator,
        "The World Health Organization (WHO) held a meeting. Death rates averaged around 50% "
        "over the last decade according to WHO's statistics.",
    )
    claim = claim_with(claims, "Death rates averaged around 50%")
    assert speaker(claim) == ("named", "World Health Organization")


def test_quote_after_a_colon_ending_a_reported_clause_is_a_second_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "Mike Ryan of the World Health Organization told the press the new drugs were only "
        "part of the solution: \"What will stop the outbreak, under the minister's "
        'leadership, is good surveillance and good community engagement."',
    )
    reported = claim_with(claims, "the new drugs were only part of the solution")
    quoted = claim_with(claims, "What will stop the outbreak")
    assert reported is not quoted
    assert quoted["mode"] == "direct"
    assert speaker(quoted) == ("named", "Mike Ryan")
    assert "good community engagement" in quoted["content"]["text"]


def test_colon_quote_after_a_participle_keeps_the_whole_quotation(annotator) -> None:
    claims = claims_of(
        annotator,
        "Senator Mark Amodei has publicly voiced support for the inquiry, telling the Nevada "
        "Independent: \"I'm a big fan of oversight, so let's let the committees get to work "
        'and see where it goes."',
    )
    claim = claim_with(claims, "I'm a big fan of oversight")
    assert "see where it goes" in claim["content"]["text"]
    assert claim["mode"] == "direct"


def test_that_and_a_quotation_the_parser_breaks_up(annotator) -> None:
    claims = claims_of(
        annotator,
        'Mark Amodei spoke to reporters on Monday. He continued by noting that "Using '
        "government agencies to, if it's proven, to put your finger on the scale of an "
        "election, I don't think that's right.\"",
    )
    claim = claim_with(claims, "Using government agencies")
    assert "I don't think that's right" in claim["content"]["text"]
    assert speaker(claim) == ("pronoun", "Mark Amodei")


def test_went_on_to_say_is_a_statement_made(annotator) -> None:
    claims = claims_of(
        annotator,
        "Professor Jean-Jacques Muyembe spoke on Monday. He went on to say thousands of deaths "
        "could be prevented.",
    )
    claim = claim_with(claims, "thousands of deaths could be prevented")
    assert speaker(claim) == ("pronoun", "Jean-Jacques Muyembe")
    assert claim["cue"]["lemma"] == "say"


def test_going_on_to_say_not_done_is_no_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "John Parker spoke on Monday. He did not go on to say that the plan fails. He will go "
        "on to say that the vote was rigged.",
    )
    assert claims == []


def test_new_cue_verbs_with_a_clause(annotator) -> None:
    claims = claims_of(
        annotator,
        "Researchers in Britain established that poor hygiene is responsible for the spread. "
        "Stephanie Chapman visited the fair. She shared that she was prone to meltdown in suit. "
        "She also shared a photo of the costume.",
    )
    assert speaker(claim_with(claims, "poor hygiene is responsible")) == ("vague", "researchers")
    assert speaker(claim_with(claims, "she was prone to meltdown")) == (
        "pronoun",
        "Stephanie Chapman",
    )
    assert not any("photo" in c["content"]["text"] for c in claims)


def test_object_with_a_parenthesis_then_its_verb(annotator) -> None:
    claims = claims_of(
        annotator,
        "Of the 2.8 million who voted, 85% were in favour and on Friday the government "
        "announced the new region, to be called Bangsamoro, would be governing itself from "
        "2022.",
    )
    claim = claim_with(claims, "the new region, to be called Bangsamoro, would be governing")
    assert claim["cue"]["lemma"] == "announce"
    assert speaker(claim)[0] == "vague"


def test_object_with_a_parenthesis_and_no_clause_is_no_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "The government announced the new region, a large area in the south, and promised "
        "elections. The ministry reported the crash, the second this year, on Monday.",
    )
    assert claims == []


def test_denied_claims_that_c_is_the_noun_and_its_clause(annotator) -> None:
    claims = claims_of(
        annotator,
        "Saudi Arabia initially denied all claims that the journalist was slain, however, a UN "
        "report eventually concluded evidence supported his murder.",
    )
    denial = claim_with(claims, "all claims that the journalist was slain")
    assert denial["cue"]["lemma"] == "deny"
    assert "UN report" not in denial["content"]["text"]


def test_participle_with_an_infinitive_is_a_passive_not_a_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "Puerto Rico had still not fully recovered from 2017's Hurricane Maria, estimated to "
        "have done about $90 billion in property damage.",
    )
    assert claims == []


def test_according_to_a_described_source_leaves_the_statement_whole(annotator) -> None:
    claims = claims_of(
        annotator,
        "According to Professor Sergey Dydykin, who is co-chairman of the organizing "
        "committee, in the United States and Europe it is not customary to teach manual "
        "skills to undergraduates.",
    )
    claim = claim_with(claims, "in the United States and Europe it is not customary")
    assert speaker(claim) == ("named", "Sergey Dydykin")


def test_restating_cue_of_the_same_speaker_is_one_claim(annotator) -> None:
    claims = claims_of(
        annotator,
        "Donald Trump said that he did indicate to the Ukrainians that the aid was contingent "
        "on their addressing corruption.",
    )
    assert len(claims) == 1
    assert "the aid was contingent" in claims[0]["content"]["text"]


def test_with_media_reporting_a_clause(annotator) -> None:
    claims = claims_of(
        annotator,
        "All but one of the sixteen on board died; no deaths were reported on the ground, "
        "with local media reporting no-one was in the houses.",
    )
    claim = claim_with(claims, "no-one was in the houses")
    assert speaker(claim) == ("vague", "media")


def test_cited_as_stating_an_object_and_its_verb(annotator) -> None:
    claims = claims_of(
        annotator,
        "The Aviation Herald reported on the crash. It cited the Air Force as stating Saha "
        "Airlines owned the plane.",
    )
    claim = claim_with(claims, "Saha Airlines owned the plane")
    assert speaker(claim) == ("named", "Air Force")


def test_cue_the_tagger_took_for_an_adjective_after_an_apposition(annotator) -> None:
    claims = claims_of(
        annotator,
        "Agnès Callamard, a UN rapporteur for the Office of the UN High Commissioner for "
        "Human Rights who had investigated the case, cautioned justice does not come swiftly.",
    )
    claim = claim_with(claims, "justice does not come swiftly")
    assert speaker(claim) == ("named", "Agnès Callamard")
    assert not claim["content"]["text"].startswith("cautioned")


def test_a_long_quoted_speech_after_a_colon_is_its_speakers(annotator) -> None:
    claims = claims_of(
        annotator,
        "The new governor of the region, Alexander Moor, during his message to the regional "
        'parliament read out on November 22, offered to diversify the economy: "Now the '
        "annual volume of our exports has come close to a billion dollars. In the next year, "
        "this must be given priority. Here the themes of several national projects intersect "
        'at once!" Russian: the same words in the original.',
    )
    claim = claim_with(claims, "Now the annual volume of our exports")
    assert speaker(claim) == ("named", "Alexander Moor")
    assert claim["mode"] == "direct"


def test_bare_complement_opening_with_an_adverbial(annotator) -> None:
    claims = claims_of(
        annotator,
        "Qandeel Baloch was born in 1990. In an interview with Dawn, Baloch said as a teenager "
        "she was forced into an abusive marriage by her family.",
    )
    claim = claim_with(claims, "she was forced into an abusive marriage")
    assert claim["cue"]["lemma"] == "say"


def test_subordinate_clause_after_said_is_no_complement(annotator) -> None:
    claims = claims_of(annotator, "The council met. Smith said when asked he had no plans.")
    assert not any("no plans" in c["content"]["text"] for c in claims)


def test_attribution_opening_the_sentence_before_a_comma(annotator) -> None:
    claims = claims_of(
        annotator, "Al Jazeera reported on Thursday, coverage had risen to 55 percent."
    )
    claim = claim_with(claims, "coverage had risen to 55 percent")
    assert speaker(claim) == ("named", "Al Jazeera")
    assert "Thursday" not in claim["content"]["text"]


def test_colon_quote_after_an_unnamed_source(annotator) -> None:
    claims = claims_of(
        annotator,
        "The ruling came on Friday. Police issued a statement agreeing the case should be "
        'closed: "The investigation found no evidence of any crime at the house."',
    )
    claim = claim_with(claims, "The investigation found no evidence")
    assert speaker(claim) == ("vague", "police")
    assert claim["mode"] == "direct"


def test_second_verb_of_a_coordination_tagged_as_a_noun(annotator) -> None:
    claims = claims_of(
        annotator,
        "The Centre for Aviation's database of air carriers lists Saha as belonging to the Air "
        "Force and states it runs flights with Boeing 707s and Airbus A300s.",
    )
    claim = claim_with(claims, "it runs flights with Boeing 707s")
    assert claim["cue"]["lemma"] == "state"
    assert speaker(claim) == ("named", "Centre for Aviation")


def test_described_as_stops_before_a_coordinated_verb(annotator) -> None:
    claims = claims_of(
        annotator,
        'President Andrzej Duda spoke on Monday. Duda also characterised the deaths as "crushing" '
        'and wrote "May God protect their parents and loved ones."',
    )
    described = claim_with(claims, "the deaths as")
    assert "May God" not in described["content"]["text"]
    written = claim_with(claims, "May God protect their parents")
    assert written["cue"]["lemma"] == "write"


def test_according_to_a_name_then_the_statements_subject(annotator) -> None:
    claims = claims_of(
        annotator,
        "According to U.S. Attorney John Bash, the manifesto if written by the suspect could "
        'strengthen the federal case: "The key factor here is that it appears to be an intent '
        'to coerce a civilian population."',
    )
    statement = claim_with(claims, "the manifesto if written by the suspect")
    assert ":" not in statement["content"]["text"]
    quoted = claim_with(claims, "The key factor here is")
    assert quoted is not statement
    assert quoted["mode"] == "direct"
    assert speaker(quoted) == speaker(statement) == ("named", "John Bash")


def test_according_to_police_who_said_sources_the_clause_before(annotator) -> None:
    claims = claims_of(
        annotator,
        "The shooting began at 10:39 a.m. local time, according to police, who said officers "
        "arrived at the store six minutes later.",
    )
    before = claim_with(claims, "The shooting began at 10:39")
    assert before["cue"]["lemma"] == "according to"
    assert "officers arrived" not in before["content"]["text"]
    assert speaker(claim_with(claims, "officers arrived at the store")) == ("vague", "police")


def test_parenthetical_cue_after_a_fronted_adverbial(annotator) -> None:
    claims = claims_of(
        annotator,
        "Emily Spanton left the building at 2:00. In between, she testified, she was attacked "
        "by two officers.",
    )
    claim = claim_with(claims, "she was attacked by two officers")
    assert claim["cue"]["lemma"] == "testify"
    assert speaker(claim) == ("pronoun", "Emily Spanton")


def test_finding_given_as_a_noun_phrase_by_research(annotator) -> None:
    claims = claims_of(
        annotator,
        "In findings published Wednesday, researchers from the University of Colorado reported "
        "a new mechanism by which warm ocean currents erode the ice shelves. An investigation "
        "by PolitiFact found no such action on Joe Biden's part.",
    )
    mechanism = claim_with(claims, "a new mechanism by which warm ocean currents erode")
    assert speaker(mechanism) == ("vague", "researchers")
    assert speaker(claim_with(claims, "no such action on Joe Biden's part")) == (
        "named",
        "PolitiFact",
    )


def test_noun_phrase_objects_that_are_no_findings(annotator) -> None:
    claims = claims_of(
        annotator,
        "A poll by the newspaper found strong support for the mayor. Police found two bodies. "
        "Recent opinion polling by Democratic organizations indicated the senator is more "
        "popular than his rivals.",
    )
    assert claims == []


def test_a_second_cue_joined_by_and_is_kept(annotator) -> None:
    claims = claims_of(
        annotator,
        "At the dinner President Luiz Inacio Lula da Silva said South Korea is a strategic "
        "partner in Asia and he also said that business between the countries will be worth "
        "US$3 billion.",
    )
    claim_with(claims, "South Korea is a strategic partner")
    claim_with(claims, "business between the countries will be worth")


def test_described_as_stops_before_and(annotator) -> None:
    claims = claims_of(
        annotator,
        "Donald Trump described the story as possibly a hoax and the White House claimed it "
        "did not brief him on the matter.",
    )
    described = claim_with(claims, "the story as possibly a hoax")
    assert described["content"]["text"].endswith("hoax")


def test_first_person_words_woven_into_the_narration(annotator) -> None:
    claims = claims_of(
        annotator,
        'With "Abe, I wanted to go for accuracy over comfort," Stephanie Chapman told Wikinews. '
        'The costume "is very warm, so I have to stay hydrated and try to keep as calm as '
        'possible."',
    )
    claim = claim_with(claims, "so I have to stay hydrated")
    assert speaker(claim) == ("named", "Stephanie Chapman")


def test_quoted_words_after_a_verb_are_not_woven_into_the_last_speaker(annotator) -> None:
    claims = claims_of(
        annotator,
        "Army spokesman Ahmed Saleh said the troops had left. The opposition leader called it "
        '"a smash and grab on our democracy and on our whole country".',
    )
    assert not any("smash and grab" in c["content"]["text"] for c in claims)


def test_shipped_lexicon_has_the_new_lists() -> None:
    lexicon = load_lexicon()
    assert "view" in lexicon.viewpoints["in"]
    assert "go on" in lexicon.carrying_verbs
    assert "investigation" in lexicon.finding_subjects and "poll" not in lexicon.finding_subjects
    assert "finding" in lexicon.verbs["find"].frames


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ("viewpoints: [in, from]\n", "`viewpoints` must map"),
        ("viewpoints:\n  in: view\n", "`viewpoints` must map"),
        ("carrying: go on\n", "`carrying` must be a list"),
        ("finding_subjects: {study: 1}\n", "`finding_subjects` must be a list"),
    ],
)
def test_bad_new_lexicon_lists_are_one_line_gloss_errors(tmp_path, cues, message) -> None:
    (tmp_path / "cues.yml").write_text(cues, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("vague: {expert: experts}\n", encoding="utf-8")
    (tmp_path / "given_names.yml").write_text("female: []\nmale: []\n", encoding="utf-8")
    with pytest.raises(GlossError) as caught:
        load_lexicon(tmp_path)
    assert message in str(caught.value)
    assert "cues.yml" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_in_her_words_and_in_the_words_of_once(annotator) -> None:
    claims = claims_of(
        annotator,
        "Maria Lopez visited the plant. In her words, the company is doomed. In the words of "
        'the Crown prosecutor, Mark Tedeschi, QC, "Gloria spent months of her life crying."',
    )
    assert speaker(claim_with(claims, "the company is doomed")) == ("pronoun", "Maria Lopez")
    assert len([c for c in claims if "Gloria spent" in c["content"]["text"]]) == 1


def test_view_phrase_on_a_cue_verb_is_no_claim(annotator) -> None:
    claims = claims_of(annotator, "The firm's chief, John Hale, in his view, said nothing.")
    assert claims == []


def test_object_then_parenthesis_then_its_verb(annotator) -> None:
    claims = claims_of(
        annotator, "Officials announced the bridge, closed since May, would reopen on Friday."
    )
    claim = claim_with(claims, "the bridge, closed since May, would reopen on Friday")
    assert speaker(claim) == ("vague", "officials")


def test_according_to_an_organisations_press_release(annotator) -> None:
    claims = claims_of(
        annotator,
        "Trump has called for NATO members to increase military spending. According to a "
        "March 14, 2019 NATO press release, Hungary spent an estimated 1.15% of its GDP on "
        "the military. According to a Tuesday press release, the plant will close.",
    )
    assert speaker(claim_with(claims, "Hungary spent an estimated 1.15%")) == ("named", "NATO")
    assert not any("the plant will close" in c["content"]["text"] for c in claims)
