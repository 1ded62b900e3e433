"""Every attribution in the seed article, with its speaker (list made by reading the seed).

The text is built from the raw capture the way the post's paragraphs are: the body lines
(after the URL line, before the blog's comment footer), joined, with a paragraph break after
each line that ends a sentence.
"""

from __future__ import annotations

import re

import pytest

# (speaker the claim must name, is the speaker a pronoun in the text, words of the content)
SEED_ATTRIBUTIONS = [
    ("analysts", False, "this is a signal to the world"),
    ("experts", False, "The NATO summit and the BRICS summit will be held later this month"),
    ("observers", False, "There is no chance for the West to use the Russia-Ukraine crisis"),
    ("Xi Jinping", False, "bilateral relations have maintained a sound development momentum"),
    ("Xi Jinping", False, "The economic and trade cooperation between the two countries"),
    ("Xi Jinping", False, "the Heihe-Blagoveshchensk cross-border highway bridge has opened"),
    ("Xi Jinping", False, "The Chinese side stands ready to work with the Russian side"),
    ("Xi Jinping", False, "China has always independently assessed the situation"),
    ("Xi Jinping", False, "All parties should push for a proper settlement of the Ukraine crisis"),
    ("Xi Jinping", False, "China for this purpose will continue to play its due role"),
    ("Yang Jin", False, "the strategic firmness of China to keep developing ties"),
    ("analysts", False, "On this matter, China is not alone"),
    ("Xi Jinping", False, "China is willing to work with Russia to continue supporting each other"),
    ("Xi Jinping", True, "China is also willing to work with Russia to promote solidarity"),
    ("Cui Heng", False, "the US has fully activated its Cold War asset"),
    ("Cui Heng", True, "NATO is no longer a military organization"),
    ("Cui Heng", False, "China and Russia have no choice but to jointly resist"),
    ("Cui Heng", False, "this is the key signal delivered by the conversation"),
    ("Yang Jin", False, "the NATO summit is focusing on military and security"),
    ("Cui Heng", False, "Mutual trust between the leaders of the two countries guarantees"),
    ("Vladimir Putin", False, "the Russian side sincerely congratulates China"),
    (
        "Vladimir Putin",
        True,
        "the practical cooperation between Russia and China has been developing",
    ),
    ("Vladimir Putin", True, "Russia supports the Global Security Initiative"),
    ("Vladimir Putin", True, "Russia is ready to strengthen multilateral coordination with China"),
    ("analysts", False, "Russia's support toward the issues related to China's core interests"),
    ("Cui Heng", False, "the backbone of a multipolar world"),
    ("experts", False, "The multilateral cooperation mechanisms with China and Russia's key"),
    ("Cui Heng", False, "China and Russia are able to provide precious public goods"),
    ("Wang Wenbin", False, "The topics are multilateralism and global governance"),
    ("Wang Wenbin", True, "As the BRICS chair, China looks forward to working with other BRICS"),
]


def seed_body(seed_path) -> str:
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("https://")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("No hay comentarios"))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[start:end]:
        current.append(line.strip())
        if re.search(r"[.!?][\"”]?$", line.strip()):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def seed_claims(annotator, seed_path) -> tuple[str, list[dict]]:
    text = seed_body(seed_path)
    return text, annotator.annotate_text(text)["claims"]


def covering(claims: list[dict], anchor: str) -> list[dict]:
    return [c for c in claims if anchor in c["content"]["text"]]


@pytest.mark.parametrize(("name", "pronoun", "anchor"), SEED_ATTRIBUTIONS)
def test_seed_attribution_found_with_its_speaker(seed_claims, name, pronoun, anchor):
    _text, claims = seed_claims
    found = covering(claims, anchor)
    assert found, f"no claim for {anchor!r}"
    assert found[0]["speaker"]["name"] == name
    assert (found[0]["speaker"]["kind"] == "pronoun") is pronoun


def test_seed_has_no_other_claims(seed_claims):
    _text, claims = seed_claims
    anchors = [anchor for _name, _pronoun, anchor in SEED_ATTRIBUTIONS]
    extra = [
        c["content"]["text"][:60]
        for c in claims
        if not any(a in c["content"]["text"] for a in anchors)
    ]
    assert extra == []
    assert len(claims) == len(SEED_ATTRIBUTIONS)


def test_seed_surname_traps(seed_claims):
    """ "Yang stressed" is the expert Yang Jin, "Cui noted" the researcher Cui Heng."""
    text, claims = seed_claims
    for claim in claims:
        said_by = text[claim["speaker"]["start"] : claim["speaker"]["end"]]
        if said_by == "Yang":
            assert claim["speaker"]["name"] == "Yang Jin"
        if said_by == "Cui":
            assert claim["speaker"]["name"] == "Cui Heng"


def test_seed_named_speakers_link_to_entities(annotator, seed_path):
    record = annotator.annotate_text(seed_body(seed_path))
    ids = {e["id"]: e["name"] for e in record["entities"]}
    for claim in record["claims"]:
        speaker = claim["speaker"]
        if speaker["kind"] in ("named", "pronoun"):
            assert ids.get(speaker["entity"]) == speaker["name"]
        elif speaker["kind"] == "vague":
            assert speaker["entity"] is None


def test_seed_claims_follow_the_schema(seed_claims, root):
    import json

    import jsonschema

    schema = json.loads(
        (root / "plugins/gloss/data/schema/gloss.annotations-1.json").read_text(encoding="utf-8")
    )
    text, claims = seed_claims
    record = {"schema": "gloss.annotations/1", "source": None, "text_sha256": "0" * 64}
    jsonschema.validate({**record, "entities": [], "claims": claims}, schema)
    for claim in claims:
        for part in ("speaker", "cue", "content"):
            span = claim[part]
            if span and span.get("start") is not None:
                assert text[span["start"] : span["end"]] == span["text"]


def test_seed_contents_stay_inside_one_paragraph(seed_claims):
    _text, claims = seed_claims
    for claim in claims:
        assert "\n" not in claim["content"]["text"]
        assert claim["content"]["text"] == claim["content"]["text"].strip(" ,.;:")
