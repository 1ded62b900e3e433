"""Entities: cleaned spans, one entity per thing, short forms linked by proximity and role.

The seed capture is a real, messy Global Times repost; the short texts are written for the
rule they exercise. Everything runs the real en_core_web_sm pipeline.
"""

from __future__ import annotations

import re

import pytest
from gloss.annotate.entities import is_acronym_of, name_key, slugify


def entity_at(record: dict, text: str, needle: str, after: int = 0) -> dict | None:
    """The entity with a mention at the first occurrence of ``needle`` (after ``after``)."""
    start = text.index(needle, after)
    for e in record["entities"]:
        for m in e["mentions"]:
            if m["start"] <= start < m["end"]:
                return e
    return None


def names(record: dict) -> set[str]:
    return {e["name"] for e in record["entities"]}


# --- the seed ------------------------------------------------------------------------------


def test_seed_titles_and_short_forms_make_one_xi_jinping(seed_record, seed_text):
    xi = next(e for e in seed_record["entities"] if e["id"] == "xi-jinping")
    assert xi["name"] == "Xi Jinping" and xi["label"] == "PERSON"
    texts = {m["text"] for m in xi["mentions"]}
    assert texts == {"Xi Jinping", "Xi"}  # "Chinese President" and "President" are not names
    assert len(xi["mentions"]) >= 10
    assert "Xi" not in names(seed_record)
    assert entity_at(seed_record, seed_text, "Xi, Putin hold")["id"] == "xi-jinping"


def test_seed_acronym_joins_its_expansion(seed_record, seed_text):
    sco = entity_at(seed_record, seed_text, "SCO")
    assert sco is not None and sco["name"] == "Shanghai Cooperation Organization"
    assert sco["label"] == "ORG"
    assert [m["text"] for m in sco["mentions"]].count("SCO") == 2
    assert all("(" not in m["text"] and ")" not in m["text"] for m in sco["mentions"])


def test_seed_surnames_go_to_the_nearest_person_not_the_byline(seed_record, seed_text):
    assert entity_at(seed_record, seed_text, "Yang stressed")["name"] == "Yang Jin"
    cui_heng = seed_text.index("Cui Heng")
    for m in re.finditer(r"\bCui\b(?! Heng| Fandi)", seed_text):
        if m.start() > cui_heng:
            assert entity_at(seed_record, seed_text, "Cui", m.start())["name"] == "Cui Heng"
    # The byline's people stay themselves.
    assert {"Yang Sheng", "Cui Fandi", "Yang Jiechi"} <= names(seed_record)


def test_seed_spans_are_clean(seed_record, seed_text):
    for e in seed_record["entities"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"])
        assert e["name"] == e["name"].strip()
        for m in e["mentions"]:
            t = m["text"]
            assert seed_text[m["start"] : m["end"]] == t
            assert not t.lower().startswith("the "), t
            assert not re.search(r"['’]s?$", t), t
            assert t.count("(") == t.count(")"), t
            assert not re.search(r"\n\s*\n", t), t
            assert any(ch.isalpha() for ch in t)


def test_seed_hyphen_pairs_are_two_places(seed_record, seed_text):
    assert entity_at(seed_record, seed_text, "China-Russia")["name"] == "China"
    assert "China-Russia" not in names(seed_record)


def test_seed_ids_are_unique(seed_record):
    ids = [e["id"] for e in seed_record["entities"]]
    assert len(ids) == len(set(ids))


# --- rules on short texts ------------------------------------------------------------------


@pytest.fixture(scope="module")
def annotate(annotator):
    def run(text: str) -> dict:
        return annotator.annotate_texts([text])[0]

    return run


def test_numbers_and_dates_are_not_entities(annotate):
    record = annotate("On Monday, 14 March 2022, 300 people met in Geneva for $5 million.")
    assert {e["label"] for e in record["entities"]} <= {"GPE", "LOC", "FAC", "ORG"}
    assert "Geneva" in names(record)


def test_apposition_makes_a_person_and_the_surname_follows(annotate):
    text = (
        "Valeska Paris, an Australian woman, has claimed that the group held her.\n\n"
        "Paris was born in Switzerland. Paris claims she was sent to the ship."
    )
    record = annotate(text)
    person = entity_at(record, text, "Paris was born")
    assert person is not None and person["name"] == "Valeska Paris"
    assert person["label"] == "PERSON"
    assert entity_at(record, text, "Switzerland")["label"] == "GPE"


def test_missed_occurrences_of_a_known_name_are_found(annotate):
    text = (
        "Steve Whitmore, a representative for the Sheriff's office, spoke on Tuesday. "
        "According to Whitmore, the inquiry is closed. Whitmore did not say more."
    )
    record = annotate(text)
    steve = next(e for e in record["entities"] if e["name"] == "Steve Whitmore")
    assert [m["text"] for m in steve["mentions"]].count("Whitmore") == 2


def test_declared_acronym_found_without_the_model(annotate):
    text = (
        "Members of the League of Social Democrats (LSD) marched. The LSD said the vote was unfair."
    )
    record = annotate(text)
    lsd = entity_at(record, text, "LSD)")
    assert lsd is not None and lsd["name"] == "League of Social Democrats"
    assert entity_at(record, text, "LSD said") is lsd


def test_the_head_word_stands_for_an_of_name(annotate):
    text = (
        "The Church of Scientology denied the report. A spokesman said the Church "
        "had always cooperated."
    )
    record = annotate(text)
    church = entity_at(record, text, "Church had")
    assert church is not None and church["name"] == "Church of Scientology"


def test_name_cut_inside_a_hyphenated_word_is_completed(annotate):
    text = "Localist Wong Yeung-tat was defeated. Wong Yeung-tat conceded on Monday."
    record = annotate(text)
    assert all(not n.endswith("Yeung") for n in names(record))


# --- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Xi Jinping", "xi-jinping"),
        ("Zoë Ünal", "zoe-unal"),
        ("U.S.", "us"),
        ("Sinn Féin", "sinn-fein"),
        ("Council on American-Islamic Relations", "council-on-american-islamic-relations"),
        ("AT&T", "at-t"),
        ("O'Neill", "oneill"),
        ("习近平", "entity-92a054e8"),  # no ASCII form: a hash keeps distinct names apart
    ],
)
def test_slugs_are_ascii_lowercase_hyphenated(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("SCO", "Shanghai Cooperation Organization", True),
        ("U.S.", "United States", True),
        ("BoE", "Bank of England", True),
        ("NATO", "North Atlantic Treaty Organization", True),
        ("UN", "European Union", False),
        ("X", "Xavier", False),
    ],
)
def test_acronyms(acronym, name, expected):
    assert is_acronym_of(acronym, name.split()) is expected


def test_name_key_ignores_case_spacing_and_apostrophe_style():
    assert name_key("Worker’s  Service\nCentre") == name_key("worker's service centre")


def test_head_noun_outvotes_the_model_label():
    from gloss.annotate.entities import head_noun_label

    assert head_noun_label(("Google", "Science", "Fair")) == "EVENT"
    assert head_noun_label(("Saudi", "Gazette")) == "ORG"
    assert head_noun_label(("Metro", "Toronto", "Convention", "Centre")) == "FAC"
    assert head_noun_label(("Center", "for", "Russian", "Studies")) == "ORG"
    assert head_noun_label(("Battle", "of", "Hastings")) == "EVENT"
    assert head_noun_label(("Xi", "Jinping")) is None
    assert head_noun_label(("Paris",)) is None


def test_given_name_left_out_by_the_model_is_taken_in_but_not_a_descriptor(annotate):
    text = "Lee lost his seat, with Junius Ho defeating him by five thousand votes."
    record = annotate(text)
    assert entity_at(record, text, "Ho defeating")["name"] in ("Junius Ho", "Ho")
    text = "Critics include Scientologist Tom Cruise. Cruise did not reply."
    record = annotate(text)
    cruise = entity_at(record, text, "Cruise did")
    assert cruise is not None and cruise["name"] == "Tom Cruise"


def test_sentence_initial_surname_is_a_mention_unless_a_common_word(annotate):
    text = (
        "The blog was written by Mark Rathbun in March. "
        "Rathbun wrote that the case was closed.\n\n"
        "The minister Theresa May spoke in May about the key issues. "
        "May said the vote would happen."
    )
    record = annotate(text)
    rathbun = next(e for e in record["entities"] if e["name"] == "Mark Rathbun")
    assert [m["text"] for m in rathbun["mentions"]].count("Rathbun") == 1
    may = next(e for e in record["entities"] if e["name"] == "Theresa May")
    assert all(m["start"] != text.index("May about") for m in may["mentions"])


def test_person_glued_to_a_place_by_the_model_is_split_off(annotate):
    text = (
        "On Wednesday, United States Senator from Vermont Bernie Sanders ended his bid.\n\n"
        "In a livestream, Sanders shared a message. Sanders said he would stay."
    )
    record = annotate(text)
    sanders = entity_at(record, text, "Sanders shared")
    assert sanders is not None and sanders["name"] == "Bernie Sanders"
    assert sanders["label"] == "PERSON"
    assert entity_at(record, text, "Bernie") is sanders


def test_label_is_the_vote_of_all_mentions_not_the_first():
    from gloss.annotate.entities import Candidate, Group

    def cand(start: int, label: str, text: str = "Georgia") -> Candidate:
        return Candidate(start, start + len(text), text, label, tuple(text.split()))

    group = Group(members=[cand(0, "PERSON"), cand(20, "GPE"), cand(40, "GPE")])
    assert group.label() == "GPE"
    # A full name counts more than a lone word; evidence in the text more than the model.
    group = Group(members=[cand(0, "ORG", "Dean Kamen"), cand(30, "PERSON", "Kamen")])
    group.members[0].person_evidence = True
    assert group.label() == "PERSON"


def test_a_name_right_after_a_title_is_a_person(annotate):
    text = "German Chancellor Olaf Scholz spoke with Secretary-General Antonio Guterres."
    record = annotate(text)
    assert entity_at(record, text, "Olaf")["label"] == "PERSON"
    assert entity_at(record, text, "Antonio")["label"] == "PERSON"


def test_shorter_form_of_a_longer_name_is_the_same_thing(annotate):
    text = (
        "The American Red Cross opened a shelter on Monday. Volunteers said the Red Cross "
        "had run out of beds."
    )
    record = annotate(text)
    cross = entity_at(record, text, "Red Cross had")
    assert cross is not None and cross["name"] == "American Red Cross"


def test_a_name_cut_at_and_is_joined_but_not_a_person_after_it(annotate):
    text = "The Department of Health and Human Services agreed on Friday."
    record = annotate(text)
    assert "Department of Health and Human Services" in names(record)
    text = "A statement from the University of Miami and Chris Fallows followed."
    record = annotate(text)
    assert "University of Miami" in names(record)


def test_an_untagged_acronym_after_of_is_an_organisation_unless_common(annotate):
    text = (
        "Leung Kwok-hung of LSD and Frederick Fung of ADPL were elected. "
        "The CEO of IBM spoke, as did the head of TV news."
    )
    record = annotate(text)
    for acronym in ("LSD", "ADPL"):
        entity = entity_at(record, text, acronym)
        assert entity is not None and entity["label"] == "ORG", acronym
    assert entity_at(record, text, "TV news") is None


def test_what_a_person_is_of_is_a_group_and_a_person_noun_makes_a_person(annotate):
    text = (
        "Localist Cheng Chung-tai of Civic Passion won a seat. "
        "The company thanked its founder Dean Kamen on Friday."
    )
    record = annotate(text)
    group = entity_at(record, text, "Civic Passion")
    assert group is None or group["label"] != "PERSON"
    assert entity_at(record, text, "Dean Kamen")["label"] == "PERSON"


def test_no_span_ends_in_a_particle_and_a_name_cut_after_of_the_is_joined(seed_record):
    for entity in seed_record["entities"]:
        for m in entity["mentions"]:
            assert m["text"].split()[-1] not in ("of", "the", "and", "for"), m
    assert "Political Bureau of the Central Committee of the CPC" in names(seed_record)


def test_currency_signs_are_not_part_of_a_name(annotate):
    text = "The deal is worth US $5 million, the US Treasury said."
    record = annotate(text)
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert "$" not in m["text"]


def test_lower_case_words_and_particles_at_the_edges_are_not_names(annotate):
    text = (
        "Officials of the ministry of Agriculture met in a united Germany. "
        "The pro-Beijing camp won, LA Weekly reported, and Lam Cheuk-ting of the "
        "Democratic Party spoke to al-Ikhbariya."
    )
    record = annotate(text)
    for entity in record["entities"]:
        for m in entity["mentions"]:
            first, last = m["text"].split()[0], m["text"].split()[-1]
            assert not first.islower() or "-" in first, m
            assert not last.islower() or "-" in m["text"], m
    assert all(e["name"] != "pro-Beijing" for e in record["entities"])
    assert any(e["name"] == "LA Weekly" for e in record["entities"])


def test_a_participle_glued_by_a_hyphen_is_not_part_of_the_name(annotate):
    text = "The US-led Iraq War ended, and Wong Yeung-tat said so."
    record = annotate(text)
    assert "US-led" not in names(record)
    assert entity_at(record, text, "US-led")["name"] in ("US", "United States")
    assert "Wong Yeung-tat" in names(record)


def test_common_abbreviations_are_never_entities(annotate):
    text = "The launch is at 14:00 UTC, the CEO said on TV. NASA confirmed it."
    record = annotate(text)
    assert not names(record) & {"UTC", "CEO", "TV"}


# --- titles, relatives (invented texts) ---------------------------------------------------


def test_a_title_inside_a_span_splits_the_place_from_the_person(annotate):
    text = (
        "Ohio Representative Marla Quince died on Monday. Quince, a Democrat, was 71. "
        "Westfield Sheriff Dale Ormsby said the roads were closed."
    )
    record = annotate(text)
    quince = entity_at(record, text, "Marla Quince")
    assert quince["name"] == "Marla Quince" and quince["label"] == "PERSON"
    assert entity_at(record, text, "Quince, a")["id"] == quince["id"]
    ormsby = entity_at(record, text, "Dale Ormsby")
    assert ormsby["name"] == "Dale Ormsby" and ormsby["label"] == "PERSON"
    assert not any(
        "Sheriff" in e["name"] or "Representative" in e["name"] for e in record["entities"]
    )


def test_a_title_word_that_is_part_of_a_name_is_not_cut(annotate):
    text = "Schools close for Martin Luther King Jr. Day in Ohio."
    record = annotate(text)
    assert not any(e["name"] == "Martin Luther" for e in record["entities"])


def test_a_name_after_an_upper_case_title_is_a_person(annotate):
    text = 'The vote was close. Early opponent MP Tanvi Rooke said, "We have moved."'
    record = annotate(text)
    assert entity_at(record, text, "Tanvi Rooke")["label"] == "PERSON"


def test_a_bare_surname_is_not_the_relative_named_last(annotate):
    text = (
        "Retired judge Harold Penwick died on Monday, aged 90. His death was announced by "
        "his son Oliver Penwick on Tuesday. Penwick had served on the bench for 40 years."
    )
    record = annotate(text)
    assert entity_at(record, text, "Penwick had")["name"] == "Harold Penwick"
    assert "Oliver Penwick" in names(record)
    text = (
        "Senator Harold Penwick died on Monday. In a statement, Ada Lane Penwick, his wife, "
        'said Penwick "worked until the end".'
    )
    record = annotate(text)
    assert entity_at(record, text, 'Penwick "worked')["name"] == "Harold Penwick"


def test_time_zone_abbreviations_are_not_entities(annotate):
    text = "The plane landed at 9:54 a.m. ET (1354 UTC) in Hartford, officials said."
    record = annotate(text)
    assert not names(record) & {"ET", "UTC"}


# --- labels from context (invented texts) ---------------------------------------------------


def test_a_one_word_name_seen_only_after_in_is_a_place_when_the_model_says_person(annotate):
    from gloss.annotate.labels import context_label
    from gloss.annotate.nlp import load_pipeline

    nlp = load_pipeline()
    text = "The festival in Tarvos drew crowds. Later, visitors met in Tarvos again."
    doc = nlp(text)
    spans = [(i, i + len("Tarvos")) for i in (text.index("Tarvos"), text.rindex("Tarvos"))]
    assert context_label(doc, spans, "PERSON") == "GPE"
    assert context_label(doc, spans, "ORG") is None  # "at Google": organisations stay
    subject = "Tarvos said the festival in Tarvos was fine."
    doc = nlp(subject)
    spans = [(0, 6), (subject.rindex("Tarvos"), subject.rindex("Tarvos") + 6)]
    assert context_label(doc, spans, "PERSON") is None  # the subject of a verb: a person


def test_a_one_word_name_modifying_a_place_noun_is_a_place(annotate):
    from gloss.annotate.labels import context_label
    from gloss.annotate.nlp import load_pipeline

    text = "Scientists studied the eruption of the Karvelo volcano last year."
    doc = load_pipeline()(text)
    start = text.index("Karvelo")
    assert context_label(doc, [(start, start + 7)], "PERSON") == "LOC"


def test_a_medium_posted_on_is_an_organisation(annotate):
    text = 'Runner Ada Kimani won the race. She posted on Twitter, "We went to the Moon!"'
    record = annotate(text)
    twitter = entity_at(record, text, "Twitter")
    assert twitter is None or twitter["label"] == "ORG"
    assert entity_at(record, text, "Ada Kimani")["label"] == "PERSON"


def test_person_of_an_acronym_is_split_and_a_hyphenated_acronym_joins_its_expansion(annotate):
    text = (
        "Co-author Tom Brisk of the Institute for Coastal Ecology: Research and Training "
        "(I-CERT) said the water was warm.\n\n"
        "The study's lead authors, Brisk of I-CERT and Nell Faro of MIT, had hoped for more."
    )
    record = annotate(text)
    brisk = entity_at(record, text, "Brisk of")
    assert brisk is not None and brisk["name"] == "Tom Brisk"
    assert all(" of " not in m["text"] for m in brisk["mentions"])
    body = entity_at(record, text, "I-CERT and")
    assert body is not None and body["label"] == "ORG"
    assert body["name"] == "Institute for Coastal Ecology: Research and Training"
    assert entity_at(record, text, "I-CERT)")["id"] == body["id"]


def test_a_name_with_of_and_no_institution_stays_whole(annotate):
    text = "The University of Tarvos hired Nell Faro. The Bank of Tarvos agreed."
    record = annotate(text)
    assert "University of Tarvos" in names(record)


def test_a_class_noun_before_a_name_decides_its_kind(annotate):
    text = (
        "On Thursday, the journal Science published a report. Fans of the rock band Velvet "
        "Orchid cheered in Tarvos, and the party Smith founded won."
    )
    record = annotate(text)
    assert entity_at(record, text, "Science")["label"] == "ORG"
    orchid = entity_at(record, text, "Velvet Orchid")
    assert orchid is None or orchid["label"] == "ORG"
    smith = entity_at(record, text, "Smith")
    assert smith is None or smith["label"] == "PERSON"  # subject of "founded": no apposition


def test_office_of_place_then_person_is_split(annotate):
    text = (
        'Current Prime Minister of Nepal Ravi Sharma wrote, "India grieves." Sharma spoke '
        "later. She ran for District Attorney of San Bernardino County."
    )
    record = annotate(text)
    sharma = entity_at(record, text, "Ravi Sharma")
    assert sharma is not None and sharma["name"] == "Ravi Sharma" and sharma["label"] == "PERSON"
    nepal = entity_at(record, text, "Nepal")
    assert nepal is not None and nepal["name"] == "Nepal" and nepal["label"] == "GPE"
    assert "San Bernardino County" in names(record)


def test_a_name_ending_in_act_or_bill_is_a_law(annotate):
    text = "Governor Jo Marr signed the Tarvos Clean Rivers Act on Monday in Tarvos."
    record = annotate(text)
    law = entity_at(record, text, "Clean Rivers Act")
    assert law is not None and law["label"] == "LAW"


def test_a_name_coordinated_with_places_or_persons_takes_their_kind(annotate):
    from gloss.annotate.entities import Group, _align_coordinated_labels
    from gloss.annotate.nlp import load_pipeline
    from gloss.annotate.spans import Candidate

    text = "Mummies were found in Cairo, Luxor and Tuna Marsh by the team."
    doc = load_pipeline()(text)

    def group(name: str, label: str) -> Group:
        start = text.index(name)
        tokens = tuple(name.split())
        return Group([Candidate(start, start + len(name), name, label, tokens)])

    cairo, luxor, tuna = group("Cairo", "GPE"), group("Luxor", "GPE"), group("Tuna Marsh", "PERSON")
    _align_coordinated_labels(doc, [cairo, luxor, tuna])
    assert tuna.label() == "GPE"
    assert cairo.label() == "GPE"


def test_an_organisation_beside_places_keeps_its_label(annotate):
    text = "Shares of Microsoft rose in Germany, and Microsoft and Germany agreed on Monday."
    record = annotate(text)
    microsoft = entity_at(record, text, "Microsoft")
    assert microsoft is not None and microsoft["label"] == "ORG"


def test_an_adjective_opening_a_quoted_paragraph_is_no_name(annotate):
    text = (
        "The community reacted with grief.\n\n"
        '"Heartbroken and numb," writes his partner Erick Rowan on Instagram.'
    )
    record = annotate(text)
    assert "Heartbroken" not in names(record)
    assert "Erick Rowan" in names(record)


def test_post_nominal_letters_are_dropped_and_mark_a_person(annotate):
    text = 'The court heard the case. Prosecutor Kama Melly QC said the victims "suffered".'
    record = annotate(text)
    melly = entity_at(record, text, "Kama Melly")
    assert melly is not None and melly["name"] == "Kama Melly" and melly["label"] == "PERSON"


def test_a_guard_is_an_organisation(annotate):
    text = "The Tarvos Coast Guard called off its search late on Tuesday."
    record = annotate(text)
    guard = entity_at(record, text, "Coast Guard")
    assert guard is not None and guard["label"] == "ORG"


def test_a_name_after_of_in_a_longer_name_is_another_thing(annotate):
    text = (
        "The Parliament of South Australia voted on Tuesday. South Australia is the driest "
        "state, and the American Red Cross said the Red Cross would help."
    )
    record = annotate(text)
    parliament = entity_at(record, text, "Parliament of South Australia")
    state = entity_at(record, text, "South Australia is")
    assert parliament is not None and state is not None and parliament["id"] != state["id"]
    assert entity_at(record, text, "Red Cross would")["name"] == "American Red Cross"
