"""The claim finder on short invented sentences, one construction per test.

Everything goes through the engine's public API (``Annotator.annotate_text``), so speakers
are linked to the entities the engine really finds with en_core_web_sm.
"""

from __future__ import annotations

import pytest
from claims_helpers import claim_with, claims_of, speaker

# --- reported speech with a verb -----------------------------------------------------------


def test_x_said_that_c(annotator):
    text = "Angela Merkel said that the talks in Brussels had failed."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Angela Merkel")
    assert claim["speaker"]["entity"]
    assert claim["content"]["text"] == "the talks in Brussels had failed"
    assert claim["cue"]["lemma"] == "say" and claim["cue"]["text"] == "said"
    assert claim["mode"] == "indirect"


def test_offsets_are_code_points_into_the_text(annotator):
    text = "Ünal Öztürk — a café owner — said the rent had doubled since 2020.\n"
    [claim] = claims_of(annotator, text)
    for part in ("speaker", "cue", "content"):
        span = claim[part]
        if span["start"] is not None:
            assert text[span["start"] : span["end"]] == span["text"]


def test_x_said_c_without_that(annotator):
    [claim] = claims_of(annotator, "Mayor John Smith said the bridge would reopen in May.")
    assert speaker(claim) == ("named", "John Smith")
    assert claim["content"]["text"] == "the bridge would reopen in May"


def test_c_comma_x_said(annotator):
    [claim] = claims_of(annotator, "The economy will grow by two percent next year, Jane Doe said.")
    assert speaker(claim) == ("named", "Jane Doe")
    assert claim["content"]["text"] == "The economy will grow by two percent next year"


def test_a_short_quoted_sentence_before_its_cue_is_a_claim(annotator):
    # The comma stands for the quoted sentence's full stop; a quoted phrase is not a claim.
    claims = claims_of(annotator, 'Vladimir Putin arrived. "We are partners," Putin said.')
    assert speaker(claim_with(claims, "We are partners")) == ("named", "Vladimir Putin")
    assert claims_of(annotator, 'He told the police "everything he did" and left.') == []


def test_inverted_c_said_x(annotator):
    claims = claims_of(annotator, "Prices will keep rising through the winter, said analysts.")
    claim = claim_with(claims, "Prices will keep rising")
    assert speaker(claim) == ("vague", "analysts")
    assert "said" not in claim["content"]["text"]


def test_inverted_with_stray_comma(annotator):
    # A typo seen in real reposts: "said, analysts."
    claims = claims_of(
        annotator, "There is nothing wrong with trading with both sides, said, analysts."
    )
    claim = claim_with(claims, "nothing wrong with trading")
    assert speaker(claim) == ("vague", "analysts")


def test_x_told_someone_that_c(annotator):
    text = "Maria Lopez told the Guardian that the factory would close next month."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Maria Lopez")
    assert claim["cue"]["lemma"] == "tell"
    assert claim["content"]["text"] == "the factory would close next month"


def test_apposition_speaker_is_the_head_name(annotator):
    text = (
        "Yang Jin, an expert at the Chinese Academy of Social Sciences, told the Global Times "
        "on Wednesday that the visit shows trust between the two sides."
    )
    claim = claim_with(claims_of(annotator, text), "the visit shows trust")
    assert speaker(claim) == ("named", "Yang Jin")
    assert text[claim["speaker"]["start"] : claim["speaker"]["end"]] == "Yang Jin"


def test_title_before_a_name(annotator):
    text = "Chinese Foreign Ministry spokesperson Wang Wenbin said the meeting was a success."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Wang Wenbin")


def test_adding_that_is_a_separate_claim_with_the_same_speaker(annotator):
    text = (
        "Trade between the two countries has grown steadily, Xi Jinping said, adding that "
        "a new bridge has opened to traffic."
    )
    claims = claims_of(annotator, text)
    main = claim_with(claims, "Trade between the two countries")
    added = claim_with(claims, "a new bridge has opened")
    assert main is not added
    assert "bridge" not in main["content"]["text"]
    assert speaker(main) == speaker(added) == ("named", "Xi Jinping")
    assert added["cue"]["lemma"] == "add"


def test_noting_that(annotator):
    text = "The two sides must cooperate, Cui Heng said, noting that the summit sent a signal."
    claims = claims_of(annotator, text)
    noted = claim_with(claims, "the summit sent a signal")
    assert noted["cue"]["lemma"] == "note"
    assert speaker(noted) == ("named", "Cui Heng")


def test_participial_with_analysts_saying(annotator):
    text = (
        "The two presidents held a phone call on Wednesday, with analysts saying this is a "
        "signal to the world."
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "analysts")
    assert claim["content"]["text"] == "this is a signal to the world"


@pytest.mark.parametrize(
    ("subject", "name"),
    [
        ("Experts", "experts"),
        ("Observers", "observers"),
        ("Police", "police"),
        ("Two witnesses", "witnesses"),
        ("A spokesperson", "spokespersons"),
        ("Sources familiar with the matter", "sources"),
        ("US officials", "officials"),
        ("Critics", "critics"),
    ],
)
def test_unnamed_sources_are_vague_with_a_plural_name(annotator, subject, name):
    text = f"{subject} said the plan would cost more than expected."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", name)
    assert claim["speaker"]["entity"] is None


def test_other_cue_verbs(annotator):
    text = (
        "Anna Berg stressed that the deal was fair. Anna Berg warned that prices may rise. "
        "Anna Berg denied that the firm had broken the law."
    )
    lemmas = sorted(c["cue"]["lemma"] for c in claims_of(annotator, text))
    assert lemmas == ["deny", "stress", "warn"]


def test_point_out_needs_its_particle(annotator):
    claims = claims_of(annotator, "Ravi Patel pointed out that the figures were old.")
    assert claim_with(claims, "the figures were old")["cue"]["lemma"] == "point out"


def test_according_to_before_and_after(annotator):
    before = claims_of(annotator, "According to the Associated Press, the storm killed 12 people.")
    claim = claim_with(before, "the storm killed 12 people")
    assert claim["cue"]["lemma"] == "according to"
    assert claim["speaker"]["kind"] == "named"
    assert "Associated Press" in claim["speaker"]["name"]
    after = claims_of(annotator, "The storm killed 12 people, according to local officials.")
    claim = claim_with(after, "The storm killed 12 people")
    assert speaker(claim) == ("vague", "officials")
    assert "according" not in claim["content"]["text"]


def test_according_to_a_person_with_a_title(annotator):
    text = (
        "According to Afghan Ambassador to the United States Hamdullah Mohib, the team's "
        "participation shows progress."
    )
    claim = claim_with(claims_of(annotator, text), "shows progress")
    assert speaker(claim) == ("named", "Hamdullah Mohib")


def test_output_noun_speaks_for_its_owner(annotator):
    text = "Reuters' analysis concluded that the market had peaked."
    claim = claim_with(claims_of(annotator, text), "the market had peaked")
    assert claim["speaker"]["kind"] == "named"
    assert "Reuters" in claim["speaker"]["name"]


# --- direct quotes ---------------------------------------------------------------------------


def test_quote_with_cue_after(annotator):
    text = '"We will not give up," Maria Lopez said.'
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Maria Lopez")
    assert claim["content"]["text"] == "We will not give up"
    assert claim["mode"] == "direct"


def test_quote_with_cue_before_and_colon(annotator):
    text = 'Maria Lopez said: "The factory will stay open for another year."'
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Maria Lopez")
    assert claim["content"]["text"] == "The factory will stay open for another year"
    assert claim["mode"] == "direct"


def test_curly_quotes_and_inverted_cue(annotator):
    text = "“Seventeen years ago, this would not have been possible,” said Ambassador Mohib."
    [claim] = claims_of(annotator, text)
    assert claim["mode"] == "direct"
    assert claim["content"]["text"].startswith("Seventeen years ago")
    assert "Mohib" in claim["speaker"]["name"]


def test_quote_over_several_sentences_is_one_claim(annotator):
    text = (
        '"We came here to win. We trained for months. Nobody can stop us now," Rodaba Noori said.'
    )
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"].startswith("We came here to win.")
    assert claim["content"]["text"].endswith("Nobody can stop us now")


def test_quote_interrupted_by_its_attribution_is_one_claim(annotator):
    text = (
        '"We are so interested," team member Rodaba Noori told the press, "to show that '
        'Afghan women can make robots too."'
    )
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"].startswith("We are so interested")
    assert claim["content"]["text"].endswith("can make robots too")
    assert speaker(claim) == ("named", "Rodaba Noori")


def test_quote_over_paragraphs_without_closing_mark_gives_one_claim_per_paragraph(annotator):
    text = (
        'Mark Rathbun said: "The first part of the story is simple and short.\n\n'
        '"The second part of the story took much longer to unfold."\n'
    )
    claims = claims_of(annotator, text)
    assert len(claims) == 2
    first = claim_with(claims, "The first part")
    second = claim_with(claims, "The second part")
    assert speaker(first) == speaker(second) == ("named", "Mark Rathbun")
    assert "\n" not in first["content"]["text"]
    assert all(c["mode"] == "direct" for c in claims)


def test_floating_quote_continues_the_previous_speaker(annotator):
    text = (
        '"Had it happened an hour later it would have been much worse," Khaled Al-Maeena said. '
        '"Had it happened earlier, the toll would have been far higher."'
    )
    claims = claims_of(annotator, text)
    assert len(claims) == 2
    floating = claim_with(claims, "the toll would have been far higher")
    assert floating["cue"]["lemma"] == "say"
    assert speaker(floating) == speaker(claims[0])
    assert floating["mode"] == "direct"


def test_quote_with_no_speaker_anywhere_is_not_a_claim(annotator):
    text = 'The campaign is called "Stand Together For The Future".\n\n"Nobody knows what comes next."\n'
    assert claims_of(annotator, text) == []


def test_mixed_quote_inside_reported_speech(annotator):
    text = 'John Key said redesigning the flag now has a "strong rationale".'
    [claim] = claims_of(annotator, text)
    assert claim["mode"] == "mixed"
    assert '"strong rationale"' in claim["content"]["text"]


def test_c_with_quote_comma_x_said_is_mixed(annotator):
    text = 'The partnership is "the backbone of a multipolar world," Cui Heng said.'
    [claim] = claims_of(annotator, text)
    assert claim["mode"] == "mixed"
    assert speaker(claim) == ("named", "Cui Heng")


def test_participle_introducing_a_quote(annotator):
    text = 'Critics were unhappy, with one poster writing "How can people look at both sides?"'
    claim = claim_with(claims_of(annotator, text), "How can people look")
    assert speaker(claim) == ("vague", "posters")


# --- pronouns ---------------------------------------------------------------------------------


def test_he_added_resolves_to_the_previous_speaker(annotator):
    text = (
        "China is willing to work with Russia, Xi Jinping said.\n\n"
        "China is also willing to promote cooperation among developing nations, he added.\n"
    )
    claim = claim_with(claims_of(annotator, text), "promote cooperation")
    assert speaker(claim) == ("pronoun", "Xi Jinping")
    assert claim["speaker"]["text"] == "he"
    assert claim["speaker"]["entity"]


def test_pronoun_after_a_quote(annotator):
    text = (
        "Cui Heng, a research fellow, told reporters that the summit matters.\n\n"
        '"NATO is no longer a regional organization," he said.\n'
    )
    claim = claim_with(claims_of(annotator, text), "NATO is no longer")
    assert speaker(claim) == ("pronoun", "Cui Heng")


def test_pronoun_resolves_to_the_subject_of_the_previous_sentence(annotator):
    text = (
        "Mark Rathbun requested donations on his blog. He wrote that Daniel Montalvo was innocent."
    )
    claim = claim_with(claims_of(annotator, text), "Daniel Montalvo was innocent")
    assert speaker(claim) == ("pronoun", "Mark Rathbun")


def test_she_skips_a_man_called_mr(annotator):
    text = (
        "Mr. Tom Baker met Ms. Sarah Jones on Monday. Mr. Baker said the meeting went well. "
        "She said the talks would continue in June."
    )
    claim = claim_with(claims_of(annotator, text), "the talks would continue")
    assert speaker(claim) == ("pronoun", "Sarah Jones")


def test_unresolvable_pronoun_is_unknown(annotator):
    [claim] = claims_of(annotator, "He said the road would be closed until Friday.")
    assert claim["speaker"]["kind"] == "unknown"
    assert claim["speaker"]["name"] is None
    assert claim["speaker"]["text"] == "He"


def test_they_resolves_to_a_vague_group(annotator):
    text = (
        "Scientology officials have stated the materials never arrived. They claimed the "
        "drives were taken."
    )
    claim = claim_with(claims_of(annotator, text), "the drives were taken")
    assert claim["speaker"]["name"] == "officials"


# --- not claims ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez thinks the factory will close.",
        "Maria Lopez believes the factory will close.",
        "Maria Lopez hopes that the factory will stay open.",
        "Maria Lopez wants the factory to stay open.",
        "Did Maria Lopez say that the factory will close?",
        "Maria Lopez did not say why the factory closed.",
        "The said agreement was signed in 2019.",
        "Estimates suggest 8000 migrants may be at sea.",
        "A recent poll found only a quarter of citizens favoured a change.",
    ],
)
def test_not_claims(annotator, text):
    assert claims_of(annotator, text) == []


def test_headline_is_not_a_claim(annotator):
    text = (
        "Xi says China will support Russia\n\n"
        "Xi Jinping held a phone call with Vladimir Putin on Wednesday.\n"
    )
    assert claims_of(annotator, text) == []


def test_speech_inside_a_quote_is_not_a_separate_claim(annotator):
    text = '"My father said that we should never give up," Rodaba Noori said.'
    claims = claims_of(annotator, text)
    assert len(claims) == 1
    assert speaker(claims[0]) == ("named", "Rodaba Noori")


def test_claim_ids_follow_text_order(annotator):
    text = "Anna Berg said the plan works. Ravi Patel said the plan fails.\n"
    claims = claims_of(annotator, text)
    assert [c["id"] for c in claims] == ["c1", "c2"]
    assert claims[0]["content"]["start"] < claims[1]["content"]["start"]


def test_she_never_resolves_to_a_man_by_given_name(annotator):
    text = (
        "Antonio Guterres warned that the world was running out of time.\n\n"
        "She said the plan had not been discussed.\n"
    )
    claim = claim_with(claims_of(annotator, text), "the plan had not been discussed")
    assert claim["speaker"]["kind"] == "unknown"


def test_the_company_refers_back_to_the_organisation(annotator):
    text = (
        "Boeing delivered 40 planes in March.\n\n"
        "The company said it would cut 2,000 jobs by the end of the year.\n"
    )
    claim = claim_with(claims_of(annotator, text), "cut 2,000 jobs")
    assert speaker(claim) == ("named", "Boeing")


def test_a_definite_description_naming_an_entity(annotator):
    text = (
        "The Church of Scientology opened a new centre in Sydney on Monday. The Church said "
        "the centre would serve the whole region."
    )
    claim = claim_with(claims_of(annotator, text), "the centre would serve")
    assert speaker(claim) == ("named", "Church of Scientology")


def test_report_published_by_an_organisation(annotator):
    text = (
        "The report, published by the World Health Organization on Tuesday, said that "
        "cases had doubled."
    )
    claim = claim_with(claims_of(annotator, text), "cases had doubled")
    assert speaker(claim) == ("named", "World Health Organization")


def test_quoted_as_saying(annotator):
    text = "Finance minister Olaf Scholz was quoted as saying that the economy would recover."
    claim = claim_with(claims_of(annotator, text), "the economy would recover")
    assert speaker(claim) == ("named", "Olaf Scholz")


def test_tell_keeps_its_listener_out_of_the_speaker(annotator):
    text = 'Whitmore said the case was closed, and told the police, "everything he did".'
    for claim in claims_of(annotator, text):
        assert claim["speaker"]["name"] != "police"


def test_attribution_in_the_middle_of_the_statement(annotator):
    [claim] = claims_of(annotator, "The plan, John Smith said, would cost more than $2 billion.")
    assert speaker(claim) == ("named", "John Smith")
    assert claim["content"]["text"].startswith("The plan")
    assert claim["content"]["text"].endswith("$2 billion")


def test_according_to_in_the_middle_keeps_the_whole_statement(annotator):
    text = "The vaccine, according to Pfizer, is 95 percent effective."
    claim = claim_with(claims_of(annotator, text), "95 percent effective")
    assert claim["content"]["text"].startswith("The vaccine")


def test_participle_inside_the_reported_clause_shares_the_cue_speaker(annotator):
    text = (
        "Jane Wu, the company's chief executive, insisted on Monday that the merger would go "
        "ahead, saying shareholders had backed it."
    )
    claim = claim_with(claims_of(annotator, text), "shareholders had backed it")
    assert speaker(claim) == ("named", "Jane Wu")


def test_quote_then_attribution_sentence(annotator):
    text = 'John Smith was calm before the final.\n\n"We will win." Smith said after the match.\n'
    claim = claim_with(claims_of(annotator, text), "We will win")
    assert speaker(claim) == ("named", "John Smith")


def test_parenthetical_which_officials_say_is_not_a_claim(annotator):
    text = "Under the plan, which officials say will cost $2 billion, the city will build homes."
    assert claims_of(annotator, text) == []


def test_short_quoted_phrase_is_not_a_claim(annotator):
    text = 'Whitmore said Montalvo turned himself in and told the police, "everything he did".'
    assert not [
        c for c in claims_of(annotator, text) if c["content"]["text"] == "everything he did"
    ]


def test_doc_without_a_parse_or_text_gives_no_claims():
    import spacy
    from gloss.annotate.claims import find_claims

    blank = spacy.blank("en")
    assert find_claims(blank("Maria Lopez said the plant would close."), []) == []
    assert find_claims(blank(""), []) == []


def test_blank_and_odd_texts_do_not_break(annotator):
    for text in ("   \n\n  ", '"', '""', "said said said", '\n\n"\n\n“”\n', "According to"):
        assert isinstance(claims_of(annotator, text), list)


def test_british_single_quotes(annotator):
    text = "Football Association chairman Greg Clarke told the BBC: ‘We will review the rules.’"
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Greg Clarke")
    assert claim["content"]["text"] == "We will review the rules"


def test_describe_as_keeps_what_is_described(annotator):
    text = "Several articles described homeopathy as a form of quackery."
    claim = claim_with(claims_of(annotator, text), "homeopathy as a form of quackery")
    assert speaker(claim) == ("vague", "articles")


def test_reported_content_goes_on_after_and(annotator):
    text = (
        "Valeska Paris said her passport was taken away from her and she was forced to work "
        "on the ship."
    )
    claim = claim_with(claims_of(annotator, text), "her passport was taken")
    assert claim["content"]["text"].endswith("forced to work on the ship")


def test_quote_attributed_by_according_to_is_direct(annotator):
    text = '"The situation is under control," according to the Interior Ministry.'
    [claim] = claims_of(annotator, text)
    assert claim["mode"] == "direct"
    assert claim["content"]["text"] == "The situation is under control"


def test_that_followed_by_a_whole_quote_is_mixed(annotator):
    text = 'The poster wrote that "a new obsession is taking hold on the internet."'
    [claim] = claims_of(annotator, text)
    assert claim["mode"] == "mixed"


@pytest.mark.parametrize(
    ("text", "anchor", "name"),
    [
        (
            "A spokeswoman for the airline said the flight landed safely. She added that "
            "nobody was hurt.",
            "nobody was hurt",
            "spokespersons",
        ),
        (
            "The federal agency said it had sent rescuers. It added that more help would come.",
            "more help would come",
            "agencies",
        ),
        (
            "Analysts said demand was weak. They added that prices could fall.",
            "prices could",
            "analysts",
        ),
    ],
)
def test_pronouns_refer_back_to_unnamed_sources(annotator, text, anchor, name):
    claim = claim_with(claims_of(annotator, text), anchor)
    assert speaker(claim) == ("pronoun", name)


def test_he_does_not_refer_back_to_an_agency(annotator):
    text = "The federal agency said it had sent rescuers. He added that more help would come."
    claim = claim_with(claims_of(annotator, text), "more help would come")
    assert claim["speaker"]["kind"] == "unknown"


def test_a_quoted_question_asked_by_someone_else_is_no_claim(annotator):
    text = (
        '"We will rebuild the bridge by spring," the mayor said. "But who will pay for it?" '
        "asked one resident."
    )
    claims = claims_of(annotator, text)
    assert [c["content"]["text"] for c in claims] == ["We will rebuild the bridge by spring"]


def test_name_without_entity_is_named_but_unlinked(annotator):
    text = "The Deseret News observed that the hashtag had become an international phenomenon."
    [claim] = claims_of(annotator, text)
    assert claim["speaker"]["kind"] == "named"
    assert claim["speaker"]["name"] == "Deseret News"


def test_title_before_a_name_with_argue(annotator):
    text = "Defence barrister Tom Molomby argued that the parents should be found not guilty."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Tom Molomby")


def test_floating_quote_after_a_sentence_about_another_person(annotator):
    text = (
        "Tom Smith said the plan was flawed. Anna Jones, who chairs the committee, disagreed. "
        '"It is the best plan we have."'
    )
    claim = claim_with(claims_of(annotator, text), "the best plan we have")
    assert speaker(claim) == ("named", "Anna Jones")
    assert claim["cue"]["text"] == "disagreed"


@pytest.mark.parametrize(
    "text",
    [
        "The work on the bridge went according to plan last year.",
        "The seats were allocated according to the rules of the chamber.",
    ],
)
def test_according_to_without_a_source_is_no_claim(annotator, text):
    assert claims_of(annotator, text) == []


def test_demonstrative_that_starting_the_content_is_kept(annotator):
    [claim] = claims_of(annotator, "That is simply wrong, Maria Lopez said.")
    assert claim["content"]["text"] == "That is simply wrong"


def test_coordinated_speakers_take_the_first_name(annotator):
    text = "Xi Jinping and Vladimir Putin said their countries would deepen cooperation."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Xi Jinping")


def test_coordinated_titles_before_a_name(annotator):
    text = (
        'American academic and professor Marc Lamont Hill commented, "Hoping that the '
        'movement translates into a national conversation."'
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Marc Lamont Hill")


def test_pronoun_after_a_quote_over_paragraphs_looks_before_the_quote(annotator):
    text = (
        "Mary Jones is the head of the charity.\n\n"
        '"We started with nothing in 2010. Nobody believed in us.\n\n'
        '"Now we feed ten thousand people a week," she said.\n'
    )
    claims = claims_of(annotator, text)
    assert len(claims) == 2
    assert all(speaker(c) == ("pronoun", "Mary Jones") for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez is expected to announce that the plant will close.",
        "Maria Lopez declined to say whether the plant would close.",
        "Maria Lopez refused to confirm that the plant would close.",
        "Maria Lopez will tell the court that she was not there.",
        "If Maria Lopez says that the plant will close, workers will strike.",
    ],
)
def test_statements_not_made(annotator, text):
    assert claims_of(annotator, text) == []


def test_participle_inside_a_content_is_cut_off_from_it(annotator):
    text = (
        "Jane Wu insisted on Monday that the merger would go ahead, saying shareholders had "
        "backed it."
    )
    claims = claims_of(annotator, text)
    main = claim_with(claims, "the merger would go ahead")
    assert "shareholders" not in main["content"]["text"]
    claim_with(claims, "shareholders had backed it")


def test_group_with_a_named_example(annotator):
    text = "Other sites such as Gawker.com have stated that they will keep hosting the video."
    [claim] = claims_of(annotator, text)
    assert claim["speaker"]["kind"] == "named"
    assert claim["speaker"]["name"].startswith("Gawker")


def test_passive_without_an_agent_is_no_claim_but_with_one_is(annotator):
    assert claims_of(annotator, "It is said that the castle is haunted.") == []
    text = "Residents were told by police that the road would stay closed."
    claim = claim_with(claims_of(annotator, text), "the road would stay closed")
    assert speaker(claim) == ("vague", "police")


# --- titles: whose title is it ------------------------------------------------------------


def test_the_title_refers_to_the_person_who_carries_it_not_the_next_name(annotator):
    # "commissioner" stands before Maria Lopez; Peter Novak is merely within reach of it.
    text = (
        "Trade commissioner Maria Lopez announced that Peter Novak would lead the team. "
        "The commissioner said the rules were ready."
    )
    claim = claim_with(claims_of(annotator, text), "the rules were ready")
    assert speaker(claim) == ("named", "Maria Lopez")


def test_organisation_title_person_names_the_person(annotator):
    text = (
        "The African Export–Import Bank met in Cairo. African Export–Import Bank president "
        "Okey Oramah said the use of foreign currencies costs Africa billions."
    )
    claim = claim_with(claims_of(annotator, text), "costs Africa billions")
    assert speaker(claim) == ("named", "Okey Oramah")


def test_cited_as_saying_gives_the_one_cited(annotator):
    text = "The Daily Post cited Maria Lopez as saying the bridge would reopen in May."
    claim = claim_with(claims_of(annotator, text), "the bridge would reopen")
    assert speaker(claim) == ("named", "Maria Lopez")


def test_quoted_as_saying_with_an_unnamed_source(annotator):
    text = "Reuters quoted a police officer as saying the road was closed."
    claim = claim_with(claims_of(annotator, text), "the road was closed")
    assert speaker(claim)[0] == "vague"


def test_she_prefers_a_person_who_was_a_subject_over_one_in_a_by_phrase(annotator):
    text = (
        "Cameras filmed them after Kim Carter left the bar; she was robbed by Robin Becker "
        "near the station. She told the court she had lost her passport."
    )
    claim = claim_with(claims_of(annotator, text), "she had lost her passport")
    assert speaker(claim) == ("pronoun", "Kim Carter")


def test_who_after_a_comma_refers_to_the_noun_before_it(annotator):
    text = (
        "The fire began at 10:15 a.m. local time (1615 UTC), according to firefighters, "
        "who said crews arrived at the warehouse six minutes later."
    )
    claim = claim_with(claims_of(annotator, text), "crews arrived")
    assert speaker(claim) == ("vague", "firefighters")


def test_they_after_a_claim_takes_the_group_that_is_its_subject(annotator):
    text = (
        "Police said the driver fled.\n\n"
        "State prosecutors charged the driver with manslaughter, they said on Sunday."
    )
    claim = claim_with(claims_of(annotator, text), "charged the driver with manslaughter")
    assert speaker(claim) == ("pronoun", "prosecutors")


def test_an_unnamed_head_of_a_service_is_a_vague_source_pronouns_can_follow(annotator):
    text = (
        "Lawyer Paul Martin said the verdict was fair.\n\n"
        "The head of the city's fire brigade told the court the alarms had failed. "
        "She also said the exits were blocked."
    )
    claims = claims_of(annotator, text)
    assert speaker(claim_with(claims, "the alarms had failed")) == ("vague", "heads")
    assert speaker(claim_with(claims, "the exits were blocked"))[1] == "heads"


def test_defendants_are_an_unnamed_source(annotator):
    text = "The defendants claimed the money had been a loan."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "defendants")


def test_the_minister_refers_back_to_a_secretary_of_the_same_office(annotator):
    text = (
        "Foreign Secretary Laura Vidal said the talks had stalled. "
        "The foreign minister said a new round would start in June."
    )
    claim = claim_with(claims_of(annotator, text), "a new round would start")
    assert speaker(claim) == ("named", "Laura Vidal")


def test_according_to_data_from_an_organisation_gives_the_organisation(annotator):
    text = (
        "According to data from the Gun Violence Archive, the attack followed four "
        "other mass shootings that week."
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Gun Violence Archive")


def test_according_to_plan_is_still_no_claim(annotator):
    assert claims_of(annotator, "According to the plan of the city, the bridge opens in May.") == []


def test_quotation_right_after_told_the_listener_is_attributed(annotator):
    text = (
        "Mark Dale, a Toronto lawyer representing Kim Olsen, told the BBC after the "
        'verdict "My client is of course very relieved with the verdict."'
    )
    claim = claim_with(claims_of(annotator, text), "My client is of course very relieved")
    assert speaker(claim) == ("named", "Mark Dale")


# --- fresh batch 4 --------------------------------------------------------------------------


def test_family_member_quoted_unnamed_is_a_vague_source(annotator):
    text = 'The mother said "I want to see my son again before the winter."'
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "mothers")


def test_one_of_a_group_names_the_group(annotator):
    text = 'One of the residents said, "The water came into the houses within minutes."'
    claim = claim_with(claims_of(annotator, text), "The water came into the houses")
    assert speaker(claim) == ("vague", "residents")


def test_according_to_after_coordinated_clauses_covers_all_of_them(annotator):
    text = "Four people died and twelve were injured in the fire, according to police."
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"].startswith("Four people died and twelve were injured")
    assert speaker(claim) == ("vague", "police")


def test_relative_clause_about_the_source_is_not_content(annotator):
    text = (
        "Nine miners were trapped and two were rescued, according to officials, some of whom "
        "visited the site."
    )
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"] == "Nine miners were trapped and two were rescued"


def test_according_to_place_title_person_names_the_person(annotator):
    text = (
        "According to Ohio Senator Mary Holloway, the bridge had been closed for repairs since May."
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Mary Holloway")
    assert claim["content"]["text"] == "the bridge had been closed for repairs since May"


def test_according_to_a_description_then_the_name_in_apposition(annotator):
    text = (
        "According to the town's first selectman, Peter Walsh, there were forty people inside "
        "the hall."
    )
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "Peter Walsh")
    assert claim["content"]["text"] == "there were forty people inside the hall"


def test_according_to_police_then_a_subject_name_stays_with_police(annotator):
    text = "According to police, John Smith fled the scene before the officers arrived."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "police")
    assert claim["content"]["text"].startswith("John Smith fled")


def test_reported_object_to_be_is_a_statement(annotator):
    text = "Several newspapers reported the minister to have resigned on Friday."
    [claim] = claims_of(annotator, text)
    assert claim["content"]["text"] == "the minister to have resigned on Friday"
    assert speaker(claim) == ("vague", "newspapers")


def test_told_object_to_be_is_an_order_not_a_claim(annotator):
    text = "The mayor told the children to be quiet during the ceremony."
    assert claims_of(annotator, text) == []


def test_organisation_data_names_the_organisation(annotator):
    text = "Cases rose above two million last week, World Health Organization data indicated."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("named", "World Health Organization")
    assert claim["content"]["text"] == "Cases rose above two million last week"


def test_data_alone_is_no_source(annotator):
    text = "The data indicated that cases rose above two million last week."
    assert claims_of(annotator, text) == []


def test_this_person_refers_back_like_a_pronoun(annotator):
    text = (
        "Maria Lopez said the school was closed. This person also said that the teachers "
        "had not been paid."
    )
    claim = claim_with(claims_of(annotator, text), "the teachers had not been paid")
    assert claim["speaker"]["name"] == "Maria Lopez"


def test_this_person_sets_no_gender(annotator):
    text = (
        "Maria Lopez said the school was closed. This person also said the teachers had not "
        "been paid. She added that the roof leaked."
    )
    claim = claim_with(claims_of(annotator, text), "the roof leaked")
    assert claim["speaker"]["name"] == "Maria Lopez"


def test_one_of_them_is_one_of_the_group_just_quoted(annotator):
    text = (
        'Several residents said the flood came at night. One of them said, "We lost '
        'everything we owned in one hour."'
    )
    claim = claim_with(claims_of(annotator, text), "We lost everything")
    assert speaker(claim) == ("pronoun", "residents")


def test_a_public_service_is_an_unnamed_source(annotator):
    text = "Two of the injured were children, according to the ambulance service."
    [claim] = claims_of(annotator, text)
    assert speaker(claim) == ("vague", "ambulance services")
