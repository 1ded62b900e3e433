"""Constructions found missing or wrong in the claims audit on unseen articles
(eval/claims_audit.md), one per test, on short invented sentences."""

from __future__ import annotations

from claims_helpers import claim_with, claims_of, speaker

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


def test_source_of_a_report_parsed_as_its_object(annotator):
    text = "The Daily Courier further reported its source said that the tenant moved in the day before."
    [inner] = [c for c in claims_of(annotator, text) if c["cue"]["lemma"] == "say"]
    assert inner["content"]["text"] == "the tenant moved in the day before"
    assert speaker(inner) == ("vague", "sources")


def test_according_to_a_publicist(annotator):
    text = "According to her publicist, the singer will not tour this year."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "publicists")


def test_according_to_local_news(annotator):
    text = "According to local news, several schools across the county announced closures."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "news")


def test_according_to_the_research_team(annotator):
    text = "According to the research team, half of all rivers in the region are polluted."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "researchers")


# --- interview transcripts -------------------------------------------------------------------

TRANSCRIPT = """The Gazette spoke with the owner of the bakery.

Gazette: When did you open the shop?

Maria Olsen: In 2015. My husband said, "Let us try it for one year and see what happens."

Gazette: Do you ask your customers what they want?

Maria Olsen: No, because I really can't call them and tell them the bread is ready."""


def test_interview_turns_are_not_claims(annotator):
    assert claims_of(annotator, TRANSCRIPT) == []


def test_a_dateline_with_a_colon_is_no_transcript(annotator):
    text = (
        "LONDON: The minister said the talks had failed.\n\n"
        "Critics: none of them were consulted, Anna Berg said."
    )
    claims = claims_of(annotator, text)
    assert claim_with(claims, "the talks had failed")


# --- a quotation introduced by a colon -------------------------------------------------------


def test_colon_quote_after_a_sentence_about_a_named_speaker(annotator):
    text = (
        "Former minister Helen Carver praised the rescuers on Twitter: "
        '"They worked through the night and saved dozens of lives."'
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Helen Carver")
    assert claim["content"]["text"].startswith("They worked through the night")
    assert claim["mode"] == "direct" and claim["cue"]["lemma"] == "praise"


def test_colon_quote_after_a_reported_clause_is_a_second_claim(annotator):
    text = (
        "Senator Paul Ridley said he would vote against the bill: "
        '"This law takes away the right to protest from every citizen."'
    )
    claims = claims_of(annotator, text)
    assert claim_with(claims, "he would vote against the bill")["mode"] == "indirect"
    quote = claim_with(claims, "This law takes away")
    assert speaker(quote) == ("named", "Paul Ridley") and quote["mode"] == "direct"


def test_colon_quote_after_a_thing_is_no_claim(annotator):
    text = 'The sign on the door of the station read: "No entry after six in the evening."'
    assert claims_of(annotator, text) == []


def test_cue_object_followed_by_its_own_second_verb_is_no_clause(annotator):
    text = (
        "The utility announced the schedule in a press release late yesterday and followed "
        "it up with a press conference."
    )
    assert claims_of(annotator, text) == []


# --- false claims ----------------------------------------------------------------------------


def test_semicolon_clause_is_not_the_content_of_the_next_verb(annotator):
    text = (
        "That spring, the campaign launched; Ella Norberg promised protests every week "
        "until the council agreed."
    )
    assert claims_of(annotator, text) == []


def test_quoted_title_after_the_cue_object_is_no_claim(annotator):
    text = 'The magazine announced its choice of the young activist as their "Person of the Year".'
    assert claims_of(annotator, text) == []


def test_bracketed_comma_before_the_attribution(annotator):
    text = (
        "\"I think it's definitely a possibility. There's no sense in keeping two herds[,]\" "
        "said Daniel Whitehorse."
    )
    [claim] = claims_of(annotator, text)
    assert claim["mode"] == "direct"
    assert claim["content"]["text"].startswith("I think it's definitely a possibility")


def test_attribution_inside_the_clause_after_a_semicolon(annotator):
    text = (
        "A truck and a van broke through the barrier before hitting other cars; around "
        "forty litres of fuel, officials said, spilled and ignited."
    )
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"].startswith("around forty litres of fuel")
    assert "broke through" not in claim["content"]["text"]


def test_its_website_speaks_for_the_organisation_named_before(annotator):
    text = (
        "The National Transportation Safety Board was absent because of the shutdown. "
        "However, its website notes that its operations centre is still accepting reports."
    )
    claim = claim_with(claims_of(annotator, text), "still accepting reports")
    assert speaker(claim) == ("named", "National Transportation Safety Board")


# --- cues outside the first lexicon ----------------------------------------------------------


def test_researchers_found_that(annotator):
    [claim] = claims_of(annotator, "Researchers found that most of the rivers were polluted.")
    assert speaker(claim) == ("vague", "researchers") and claim["cue"]["lemma"] == "find"


def test_a_poll_finding_is_no_claim(annotator):
    assert claims_of(annotator, "A poll found that most voters oppose the new bridge.") == []


def test_conjecture_is_no_claim(annotator):
    text = "Researchers speculated that the spikes protect the frogs from predators."
    assert claims_of(annotator, text) == []


def test_in_the_words_of(annotator):
    text = (
        'In the words of the prosecutor, Mark Fenwick, "the child spent the last months of '
        'her life in pain."'
    )
    [claim] = claims_of(annotator, text)
    assert claim["cue"]["lemma"] == "in the words of"
    assert claim["speaker"]["name"] == "Mark Fenwick"


# --- content spans (continued) ---------------------------------------------------------------


def test_according_to_on_a_participle_takes_the_sentence(annotator):
    text = (
        "Rescuers, working in temperatures well below freezing, according to the ministry "
        "recovered at least ten survivors from the debris on Monday."
    )
    [claim] = claims_of(annotator, text)
    assert "recovered at least ten survivors" in claim["content"]["text"]


def test_attribution_between_commas_before_a_purpose_clause(annotator):
    text = (
        "The barrier would be examined, Troy Roberts said, to determine if it had "
        "performed as designed."
    )
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"].startswith("The barrier would be examined")


def test_according_to_source_parsed_as_subject_then_named_speaker(annotator):
    text = (
        "According to the news agency ISNA, the prosecutor general of Tehran, Ali Alghasi "
        'Mehr, said the suspects must face "murder and terrorism charges".'
    )
    claim = claim_with(claims_of(annotator, text), "the suspects must face")
    assert speaker(claim) == ("named", "Ali Alghasi Mehr")


def test_according_to_inside_a_subordinate_clause(annotator):
    text = (
        "While only 15% of fans own a costume according to a 2011 study, organizers "
        "reported this year 900 of the 2,000 visitors wore one."
    )
    claims = claims_of(annotator, text)
    study = [c for c in claims if c["cue"]["lemma"] == "according to"]
    assert study and "own a costume" in study[0]["content"]["text"]
    assert "wore one" not in study[0]["content"]["text"]


# --- "read" ----------------------------------------------------------------------------------


def test_statement_which_read_speaks_for_its_issuer(annotator):
    text = (
        'Facebook released a statement which read, in part, "This judgment raises critical '
        'questions around freedom of expression".'
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Facebook") and claim["cue"]["lemma"] == "read"


def test_a_sign_that_read_is_no_claim(annotator):
    assert (
        claims_of(annotator, 'The sign on the door read "No entry after six in the evening."') == []
    )


def test_title_noun_with_a_name_in_apposition(annotator):
    text = "The singer's mother, Anwar, said on Friday that her son was innocent."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Anwar")


# --- second quotations -----------------------------------------------------------------------


def test_second_quotation_after_a_participle_cue(annotator):
    text = (
        'Senator Patricia Spearman remarked, "It has been a long, hard fight," further '
        'remarking, "Women in Nevada have said it is time to do away with it."'
    )
    claims = claims_of(annotator, text)
    assert len(claims) == 2
    assert all(speaker(c) == ("named", "Patricia Spearman") for c in claims)


def test_second_quotation_joined_by_and(annotator):
    text = (
        'Senate leader Chuck Schumer said on Friday "We made a plea to the president once '
        'again" and "So we told the president we needed the government open."'
    )
    claims = claims_of(annotator, text)
    second = claim_with(claims, "So we told the president")
    assert speaker(second) == ("named", "Chuck Schumer") and second["mode"] == "direct"
    assert "We made a plea" not in second["content"]["text"]


def test_quotation_interrupted_by_its_own_attribution_stays_one(annotator):
    [claim] = claims_of(annotator, '"We will win," Anna Berg said, "and we will win soon."')
    assert claim["content"]["text"].endswith("we will win soon")


def test_quoted_subject_of_a_reported_clause(annotator):
    text = (
        'The Daily Courier reported its source said "three gunmen" were killed in a '
        "firefight on Monday night."
    )
    claims = claims_of(annotator, text)
    [inner] = [c for c in claims if c["cue"]["lemma"] == "say"]
    assert inner["content"]["text"] == '"three gunmen" were killed in a firefight on Monday night'
    assert inner["mode"] == "mixed"


def test_found_it_adjective_is_no_claim(annotator):
    text = "Brian Carroll found it curious he was called a socialist in one publication."
    assert claims_of(annotator, text) == []


def test_colon_then_a_quotation_with_its_own_attribution(annotator):
    text = (
        "Following the vote, a State Department spokesperson, Morgan Ortagus, indicated the "
        'United States was disappointed by the decision: "While we await clarification," '
        'she said, "we urge Iraqi leaders to reconsider."'
    )
    claims = claims_of(annotator, text)
    quote = claim_with(claims, "While we await clarification")
    assert quote["cue"]["text"] == "said"
    assert all(c["speaker"]["name"] == "Morgan Ortagus" for c in claims)


# --- title anaphors --------------------------------------------------------------------------


def test_the_minister_is_the_minister_named_before(annotator):
    text = (
        "Emergencies Minister Yevgeny Zinichev visited the site on Monday. On Tuesday the "
        "minister said six deaths were of children."
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Yevgeny Zinichev")


def test_a_title_nobody_had_stays_unresolved(annotator):
    text = "Anna Berg visited the site on Monday. The minister said six deaths were of children."
    [claim] = claims_of(annotator, text)
    assert claim["speaker"]["name"] != "Anna Berg"


def test_the_website_is_the_web_address_named_before(annotator):
    text = (
        "One news site, Znak.com, claims the explosion was terrorism. The website further "
        "reported its anonymous source claimed a fourth offender escaped."
    )
    claim = claim_with(claims_of(annotator, text), "its anonymous source claimed")
    assert speaker(claim) == ("named", "Znak.com")


def test_said_if_then_is_a_conditional_statement(annotator):
    text = (
        "President Hassan Rouhani said if the goal is peace and security, then foreign "
        "powers should leave the region."
    )
    [claim] = claims_of(annotator, text)
    assert "foreign powers should leave the region" in claim["content"]["text"]


def test_did_not_say_if_stays_an_indirect_question(annotator):
    assert claims_of(annotator, "The minister did not say if the talks had failed.") == []


def test_the_party_informed_the_press(annotator):
    text = (
        'The Thai Raksa Chart Party withdrew the nomination. "The party complies with the '
        'royal command," the party informed the press.'
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Thai Raksa Chart Party")
    assert claim["cue"]["lemma"] == "inform"


def test_a_state_government_is_the_state(annotator):
    [claim] = claims_of(
        annotator, "The United States government claims Mahan flies fighters to Syria."
    )
    assert speaker(claim) == ("named", "United States")


def test_their_statement_speaks_for_the_state_named_before(annotator):
    text = (
        "The government of American Samoa objected to the ruling on Friday. Their statement "
        'also read "imposition of citizenship violates fundamental principles of '
        'self-determination."'
    )
    claim = claim_with(claims_of(annotator, text), "imposition of citizenship violates")
    assert speaker(claim) == ("named", "American Samoa")


def test_the_pope_is_the_pope_named_before(annotator):
    text = "Pope Francis visited Iraq on Friday. The pope said the country had suffered enough."
    [claim] = claims_of(annotator, text)
    assert claim["speaker"]["kind"] == "named" and "Francis" in claim["speaker"]["name"]
